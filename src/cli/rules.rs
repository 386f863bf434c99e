//! `factline rules`.

use super::ExitStatus;

/// Work with rules files: `factline rules test [DIR]` runs their examples.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let _ = args;
    anyhow::bail!("`rules` is not built yet")
}
