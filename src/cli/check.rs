//! `factline check`: ingest, extract, run the rules, print findings, gate on severity.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::ValueEnum;

use super::ExitStatus;
use crate::engine::{Severity, Status};
use crate::Report;

/// Ingest articles, extract claims, run the rules and print the findings.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  factline check data/mek\n  factline check a.txt b.html --format json\n  factline check data --fail-on never\n\nExit status: 0 no open finding at or above --fail-on, 1 there is one, 2 usage or input error."
)]
pub struct Args {
    /// Files, folders (walked for .txt/.md/.html/.jsonl) or `-` for stdin.
    #[arg(value_name = "PATH", default_value = "-")]
    paths: Vec<PathBuf>,
    /// Output format. Defaults to `table` on a terminal, `json` otherwise.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Folder of rules (*.toml, events.toml). Defaults to the rules bundled with factline.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Exit 1 when an open finding at or above this severity remains.
    #[arg(long, value_enum, default_value_t = FailOn::High)]
    fail_on: FailOn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Markdown,
    Json,
    Sarif,
}

/// The severity gate of `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    High,
    Medium,
    Low,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::High => Some(Severity::High),
            FailOn::Medium => Some(Severity::Medium),
            FailOn::Low => Some(Severity::Low),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// 2 when an input was skipped, else 1 when an open finding reaches the gate, else 0.
pub fn exit_status(report: &Report, fail_on: FailOn) -> ExitStatus {
    if report
        .diagnostics
        .iter()
        .any(|d| d.level == crate::error::DiagnosticLevel::Error)
    {
        return ExitStatus::Error;
    }
    let Some(threshold) = fail_on.threshold() else {
        return ExitStatus::Success;
    };
    let open = report
        .findings
        .iter()
        .any(|f| f.status == Status::Open && f.severity >= threshold);
    if open {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let config = super::load_config(args.rules.as_deref())?;
    let extraction = crate::extract_paths(&args.paths, &config, &|_| {});
    let report = crate::check_claims(
        extraction.documents,
        extraction.claims,
        extraction.diagnostics,
        &config,
    );
    super::print_diagnostics(&report.diagnostics);
    let format = args.format.unwrap_or(if io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Json
    });
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match format {
        Format::Table => crate::output::table::render(&report, &mut out)?,
        Format::Markdown => crate::output::markdown::render(&report, &mut out)?,
        Format::Json => crate::output::json::render(&report, &mut out)?,
        Format::Sarif => crate::output::sarif::render(&report, &mut out)?,
    }
    out.flush()?;
    Ok(exit_status(&report, args.fail_on))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Attribute;
    use crate::engine::Finding;

    fn report_with(severity: Severity, status: Status) -> Report {
        Report {
            findings: vec![Finding {
                id: "x".into(),
                rule: "r".into(),
                severity,
                event: "e".into(),
                attribute: Attribute::Killed,
                message: String::new(),
                claims: Vec::new(),
                sides: Vec::new(),
                why: String::new(),
                status,
            }],
            ..Report::default()
        }
    }

    #[test]
    fn open_high_finding_fails_the_default_gate() {
        let report = report_with(Severity::High, Status::Open);
        assert_eq!(exit_status(&report, FailOn::High), ExitStatus::Failure);
        assert_eq!(exit_status(&report, FailOn::Never), ExitStatus::Success);
    }

    #[test]
    fn medium_finding_passes_high_gate_and_fails_medium_gate() {
        let report = report_with(Severity::Medium, Status::Open);
        assert_eq!(exit_status(&report, FailOn::High), ExitStatus::Success);
        assert_eq!(exit_status(&report, FailOn::Medium), ExitStatus::Failure);
    }

    #[test]
    fn accepted_finding_does_not_fail_the_gate() {
        let accepted = Status::Accepted {
            reason: "ok".into(),
            reviewer: None,
            date: None,
        };
        let report = report_with(Severity::High, accepted);
        assert_eq!(exit_status(&report, FailOn::Low), ExitStatus::Success);
    }

    #[test]
    fn skipped_input_exits_two() {
        let mut report = report_with(Severity::Info, Status::Open);
        report.diagnostics.push(crate::error::Diagnostic::error(
            crate::error::Location::file("bad.bin"),
            "binary file",
        ));
        assert_eq!(exit_status(&report, FailOn::Never), ExitStatus::Error);
    }
}
