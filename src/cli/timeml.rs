//! `factline timeml`.

use super::ExitStatus;

/// Annotate TimeML documents with factline's TIMEX3 tags.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let _ = args;
    anyhow::bail!("`timeml` is not built yet")
}
