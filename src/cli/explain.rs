//! `factline explain`: how one finding came about. Runs the same pipeline as `check` on the
//! same inputs, finds the finding by id and prints the rule, each claim with its quote, how its
//! value and date were normalized, and why the values conflict.

use std::io::{self, Write};
use std::path::PathBuf;

use super::check::{check, Checked, Inputs};
use super::ExitStatus;

/// Explain one finding: the rule, each claim, how its value was normalized.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  factline explain fl-3f2a9c01b7de data/articles/mek\n  factline explain fl-3f2a9c01b7de --claims claims.jsonl\n\nExit status: 0 explained, 2 no finding has this id on these inputs, or an input error."
)]
pub struct Args {
    /// The finding's id, as `check` prints it (`fl-` and 12 hex digits).
    #[arg(value_name = "ID")]
    id: String,
    /// The inputs `check` ran on: files, folders or `-` (the default when no --claims).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    input: Inputs,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let Checked { report, config, .. } = check(&args.paths, &args.input)?;
    super::print_diagnostics(&report.diagnostics);
    let Some(finding) = report.findings.iter().find(|f| f.id == args.id) else {
        let known: Vec<&str> = report.findings.iter().map(|f| f.id.as_str()).collect();
        anyhow::bail!(
            "no finding `{}` on these inputs ({} findings{}{})",
            args.id,
            known.len(),
            if known.is_empty() { "" } else { ": " },
            known.join(", ")
        );
    };
    let text = crate::engine::explain::explain(finding, config.rules.get(&finding.rule));
    let stdout = io::stdout();
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitStatus::Success)
}
