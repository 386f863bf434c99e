//! `factline eval-timex`.

use super::ExitStatus;

/// Score the normalizer against TimeML gold annotations.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let _ = args;
    anyhow::bail!("`eval-timex` is not built yet")
}
