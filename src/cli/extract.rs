//! `factline extract`: the map stage alone. Reads articles, writes their claims as JSONL (one
//! `Claim` a line, as serde writes it: `event`, `kind`, `attribute`, `value` {`type`: count with
//! `low`/`high`/`best`, or date with `value`/`earliest`/`latest`/`granularity`/`modifier`},
//! `text`, `qualifier`, `place`, `as_of`, `quote`, `doc`, `source`, `url`, `published`, `line`,
//! `attribution`, `confidence`). `check --claims` reads them back and runs the rules: the seam
//! where any engine (Spark, DuckDB, a shell loop) runs extraction over shards. Ad-hoc events
//! are left unclustered here, since clustering needs every shard's claims.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::ExitStatus;
use crate::claims::Claim;
use crate::error::{Error, Location};

/// Extract claims to JSONL (the map stage), for `check --claims`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  factline extract data/articles/mek -o claims.jsonl\n  factline extract shard-01/ -o part-01.jsonl && factline check --claims part-*.jsonl\n\nExit status: 0 written, 2 usage or input error (unreadable inputs are reported and skipped)."
)]
pub struct Args {
    /// Files, folders (walked for .txt/.md/.html/.jsonl) or `-` for stdin.
    #[arg(value_name = "PATH", default_value = "-")]
    paths: Vec<PathBuf>,
    /// Write the claims here (whole or not at all); `-` is stdout.
    #[arg(short, long, value_name = "FILE", default_value = "-")]
    output: PathBuf,
    /// Folder of rules (for events.toml). Defaults to the bundled rules.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// No progress bar (it shows on a terminal for runs over many files).
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let config = super::load_config(args.rules.as_deref())?;
    let extraction = super::extract(&args.paths, &config, args.quiet);
    let skipped = super::print_diagnostics(&extraction.diagnostics);
    crate::output::write_atomically(&args.output, |w| write_claims(&extraction.claims, w))
        .with_context(|| format!("writing {}", args.output.display()))?;
    Ok(if skipped {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    })
}

/// One claim a line.
pub(crate) fn write_claims(claims: &[Claim], w: &mut dyn Write) -> std::io::Result<()> {
    for c in claims {
        serde_json::to_writer(&mut *w, c)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// Reads a claims JSONL file line by line. Blank lines are skipped; a line that is not a claim
/// is an error naming the file and line.
pub(crate) fn read_claims(path: &Path) -> crate::error::Result<Vec<Claim>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(Location::file(path), e))?;
    let mut claims = Vec::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| Error::io(Location::new(path, i + 1, 0), e))?;
        if line.trim().is_empty() {
            continue;
        }
        let claim: Claim = serde_json::from_str(&line).map_err(|e| {
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message);
            Error::parse(
                Location::new(path, i + 1, e.column()),
                format!("not a claim: {message}"),
            )
        })?;
        claims.push(claim);
    }
    Ok(claims)
}
