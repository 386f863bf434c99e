//! The command line: argv in, exit status out. The only module that touches argv, the
//! environment or exit codes. One file a subcommand, each with its `Args` and `run`.

mod accept;
mod check;
mod dates;
mod eval_timex;
mod explain;
mod extract;
mod report;
mod rules;
mod timeline;
mod timeml;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// How a run ended: 0 clean, 1 open findings at or above `--fail-on`, 2 usage or input error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Success,
    Failure,
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        match status {
            ExitStatus::Success => ExitCode::from(0),
            ExitStatus::Failure => ExitCode::from(1),
            ExitStatus::Error => ExitCode::from(2),
        }
    }
}

#[derive(Debug, Parser)]
#[command(
    name = "factline",
    version,
    about = "Find where news sources contradict each other about what happened, and when.",
    long_about = "factline reads news articles, anchors every event mention to a calendar date with \
its source, extracts the claims each outlet makes (when, how many killed, injured, missing or \
moved, which year a designation began or ended) and runs declarative rules (rules/*.toml) that \
flag where outlets contradict each other.",
    after_help = "Examples:\n  factline check data/articles/mek\n  factline check data/articles --format json --fail-on medium\n  factline timeline data/articles -o timeline.csv\n  echo 'It happened last September.' | factline dates --anchor 2013-09-20 -"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Check(check::Args),
    Timeline(timeline::Args),
    Dates(dates::Args),
    Timeml(timeml::Args),
    EvalTimex(eval_timex::Args),
    Explain(explain::Args),
    Accept(accept::Args),
    Rules(rules::Args),
    Report(report::Args),
    Extract(extract::Args),
}

/// Parses argv, runs the subcommand, prints the error chain on failure.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitStatus::Error
            } else {
                ExitStatus::Success
            }
            .into();
        }
    };
    let result = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Timeline(args) => timeline::run(args),
        Command::Dates(args) => dates::run(args),
        Command::Timeml(args) => timeml::run(args),
        Command::EvalTimex(args) => eval_timex::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Accept(args) => accept::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Report(args) => report::run(args),
        Command::Extract(args) => extract::run(args),
    };
    match result {
        Ok(status) => status.into(),
        Err(e) if is_broken_pipe(&e) => ExitStatus::Success.into(),
        Err(e) => {
            let mut stderr = io::stderr().lock();
            let _ = write!(stderr, "factline: error: {e}");
            for cause in e.chain().skip(1) {
                let _ = write!(stderr, ": {cause}");
            }
            let _ = writeln!(stderr);
            ExitStatus::Error.into()
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Prints diagnostics to stderr; true when one of them means an input was skipped.
pub(crate) fn print_diagnostics(diagnostics: &[crate::error::Diagnostic]) -> bool {
    let mut stderr = io::stderr().lock();
    let mut skipped = false;
    for d in diagnostics {
        let _ = writeln!(stderr, "factline: {d}");
        skipped |= d.level == crate::error::DiagnosticLevel::Error;
    }
    skipped
}

/// The map stage over `paths`, with a progress bar on a terminal unless `quiet`.
pub(crate) fn extract(
    paths: &[std::path::PathBuf],
    config: &crate::Config,
    quiet: bool,
) -> crate::Extraction {
    let progress = crate::output::progress::Progress::for_paths(paths, quiet);
    let extraction = crate::extract_paths(paths, config, &progress.callback());
    progress.finish();
    extraction
}

/// The rules a run uses: `--rules DIR`, else the bundled ones.
pub(crate) fn load_config(dir: Option<&std::path::Path>) -> anyhow::Result<crate::Config> {
    use anyhow::Context;
    match dir {
        Some(dir) => crate::Config::load(dir)
            .with_context(|| format!("loading rules from {}", dir.display())),
        None => crate::Config::bundled().context("loading the bundled rules"),
    }
}
