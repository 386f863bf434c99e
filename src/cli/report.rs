//! `factline report`: a self-contained HTML report with an SVG timeline.

use std::path::PathBuf;

use anyhow::Context;

use super::ExitStatus;
use crate::output;

/// Write a self-contained HTML report: an SVG timeline of every dated claim, the findings with
/// the values each source gives side by side, and a table per source.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  factline report data/articles -o report.html\n  factline report data/articles/mek --rules my-rules -o mek.html --title \"MEK: what the outlets say\"\n\nThe page needs no network: CSS and SVG are inline, and it prints."
)]
pub struct Args {
    /// Files, folders (walked for .txt/.md/.html/.jsonl) or `-` for stdin.
    #[arg(value_name = "PATH", default_value = "-")]
    paths: Vec<PathBuf>,
    /// Folder of rules (*.toml, events.toml). Defaults to the rules bundled with factline.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// The HTML file to write (whole or not at all); `-` is stdout.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// The page's title.
    #[arg(long, default_value = "factline report")]
    title: String,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let config = super::load_config(args.rules.as_deref())?;
    let extraction = super::extract(&args.paths, &config, args.quiet);
    let report = crate::check_claims(
        extraction.documents,
        extraction.claims,
        extraction.diagnostics,
        &config,
    );
    let skipped = super::print_diagnostics(&report.diagnostics);
    let options = output::html::Options {
        title: args.title,
        names: output::Names::from_config(&config),
    };
    output::write_atomically(&args.output, |w| {
        output::html::render_with(&report, &options, w)
    })
    .with_context(|| format!("writing {}", args.output.display()))?;
    Ok(if skipped {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    })
}
