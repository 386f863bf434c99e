//! `factline explain`.

use super::ExitStatus;

/// Explain one finding: the rule, each claim, how its value was normalized.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let _ = args;
    anyhow::bail!("`explain` is not built yet")
}
