//! `factline report`.

use super::ExitStatus;

/// Write a self-contained HTML report with a timeline.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let _ = args;
    anyhow::bail!("`report` is not built yet")
}
