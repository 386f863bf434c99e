//! `factline dates`: the temporal normalizer alone, one JSON object a line per expression.

use std::path::PathBuf;

use super::ExitStatus;

/// Find and normalize every date expression: one JSON object a line.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Anchor for relative expressions (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    anchor: Option<chrono::NaiveDate>,
    /// A text file, or `-` for stdin.
    #[arg(value_name = "FILE", default_value = "-")]
    file: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let _ = args;
    Ok(ExitStatus::Success)
}
