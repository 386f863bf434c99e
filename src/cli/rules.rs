//! `factline rules`: work with rules files. `rules test [DIR]` runs each rules file's examples
//! (`DIR/examples/<name>.toml`: claims in, expected findings out) and checks that every rule has
//! a case where it fires and one where it stays silent.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context;

use super::ExitStatus;

/// Work with rules files: `factline rules test [DIR]` runs their examples.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  factline rules test\n  factline rules test my-rules/\n\nExit status: 0 every case passed, 1 a case failed or a rule lacks examples, 2 a file could not be read."
)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Run DIR/examples/<set>.toml against the rules of DIR/<set>.toml.
    Test {
        /// Folder of rules files (with events.toml and examples/).
        #[arg(value_name = "DIR", default_value = "rules")]
        dir: PathBuf,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    match args.command {
        Command::Test { dir } => test(dir),
    }
}

fn test(dir: PathBuf) -> anyhow::Result<ExitStatus> {
    let reports = crate::engine::examples::test_dir(&dir)
        .with_context(|| format!("testing the rules in {}", dir.display()))?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let (mut passed, mut failed) = (0usize, 0usize);
    for report in &reports {
        writeln!(out, "{}", report.rules_file.display())?;
        if !report.found {
            failed += 1;
            writeln!(
                out,
                "  FAIL no examples file: {}",
                report.examples_file.display()
            )?;
            continue;
        }
        for o in &report.outcomes {
            if o.passed() {
                passed += 1;
                writeln!(out, "  ok   {}", o.name)?;
            } else {
                failed += 1;
                writeln!(out, "  FAIL {} ({})", o.name, o.location)?;
                for p in &o.problems {
                    writeln!(out, "       {p}")?;
                }
            }
        }
        for missing in &report.coverage {
            failed += 1;
            writeln!(out, "  FAIL coverage: {missing}")?;
        }
    }
    writeln!(out, "{passed} passed, {failed} failed")?;
    out.flush()?;
    Ok(if failed == 0 {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}
