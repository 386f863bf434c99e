//! `factline timeline`: every dated claim and event mention, sorted by date.

use std::path::PathBuf;

use super::ExitStatus;

/// Every dated claim and event mention, sorted by date.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  factline timeline data/mek -o timeline.csv\n  factline timeline data --format table"
)]
pub struct Args {
    /// Files, folders or `-` for stdin.
    #[arg(value_name = "PATH", default_value = "-")]
    paths: Vec<PathBuf>,
    /// Folder of rules (for events.toml). Defaults to the bundled rules.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Write here (whole or not at all) instead of stdout; `-` is stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let _ = args;
    Ok(ExitStatus::Success)
}
