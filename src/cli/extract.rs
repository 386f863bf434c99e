//! `factline extract`.

use super::ExitStatus;

/// Extract claims to JSONL (the map stage), for `check --claims`.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let _ = args;
    anyhow::bail!("`extract` is not built yet")
}
