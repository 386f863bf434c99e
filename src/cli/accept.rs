//! `factline accept`.

use super::ExitStatus;

/// Accept a finding by id, with a reason (appended atomically to the accepted file).
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let _ = args;
    anyhow::bail!("`accept` is not built yet")
}
