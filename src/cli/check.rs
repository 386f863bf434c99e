//! `factline check`: ingest, extract, run the rules, print findings, gate on severity.
//!
//! Claims come from articles (PATH...) and/or from claims JSONL written by `factline extract`
//! (`--claims`). Findings listed in the accepted-findings file (`--accepted`, default
//! `factline.accepted.toml` when it exists) are marked accepted and do not fail the gate; its
//! entries that match no finding are reported as stale (and fail with `--strict-accepted`).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::ValueEnum;

use super::ExitStatus;
use crate::engine::accepted::Accepted;
use crate::engine::{Severity, Status};
use crate::error::Diagnostic;
use crate::{Config, Report};

/// The accepted-findings file read when `--accepted` is not given and it exists.
pub(crate) const DEFAULT_ACCEPTED: &str = "factline.accepted.toml";

/// Ingest articles, extract claims, run the rules and print the findings.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  factline check data/articles/mek\n  factline check a.txt b.html --format json\n  factline check data/articles --fail-on never\n  factline extract data/articles -o claims.jsonl && factline check --claims claims.jsonl\n  factline check data/articles --accepted review/accepted.toml --strict-accepted\n\nExit status: 0 no open finding at or above --fail-on, 1 there is one (or, with --strict-accepted, a stale accepted entry), 2 usage or input error."
)]
pub struct Args {
    /// Files, folders (walked for .txt/.md/.html/.jsonl) or `-` for stdin (the default when
    /// no --claims is given).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    input: Inputs,
    /// Output format. Defaults to `table` on a terminal, `json` otherwise.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Exit 1 when an open finding at or above this severity remains.
    #[arg(long, value_enum, default_value_t = FailOn::High)]
    fail_on: FailOn,
    /// Exit 1 when an accepted-findings entry matches no finding (stale).
    #[arg(long)]
    strict_accepted: bool,
}

/// Where claims, rules and review decisions come from; shared with `explain`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Inputs {
    /// Claims JSONL written by `factline extract` (repeatable); read instead of, or besides,
    /// articles.
    #[arg(long, value_name = "FILE")]
    claims: Vec<PathBuf>,
    /// Folder of rules (*.toml, events.toml). Defaults to the rules bundled with factline.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Accepted-findings file (fingerprint, reason, reviewer, date). Default:
    /// factline.accepted.toml in the working directory, when it exists.
    #[arg(long, value_name = "FILE")]
    accepted: Option<PathBuf>,
    /// No progress bar (it shows on a terminal for runs over many files).
    #[arg(long, short)]
    quiet: bool,
}

/// A checked run: the report (accepted findings marked), and how many accepted entries are stale.
pub(crate) struct Checked {
    pub report: Report,
    pub config: Config,
    pub stale: usize,
}

/// Reads the inputs, runs the rules and applies the accepted findings. Stale entries become
/// warnings in the report's diagnostics.
pub(crate) fn check(paths: &[PathBuf], inputs: &Inputs) -> anyhow::Result<Checked> {
    let config = super::load_config(inputs.rules.as_deref())?;
    let mut paths = paths.to_vec();
    if paths.is_empty() && inputs.claims.is_empty() {
        paths.push(PathBuf::from("-"));
    }
    let mut extraction = if paths.is_empty() {
        crate::Extraction::default()
    } else {
        super::extract(&paths, &config, inputs.quiet)
    };
    if !inputs.claims.is_empty() {
        let mut docs: std::collections::BTreeSet<String> =
            extraction.claims.iter().map(|c| c.doc.clone()).collect();
        for file in &inputs.claims {
            let claims = super::extract::read_claims(file)
                .with_context(|| format!("reading claims from {}", file.display()))?;
            docs.extend(claims.iter().map(|c| c.doc.clone()));
            extraction.claims.extend(claims);
        }
        extraction.documents = extraction.documents.max(docs.len());
        crate::sort_claims(&mut extraction.claims);
    }
    let mut report = crate::check_claims(
        extraction.documents,
        extraction.claims,
        extraction.diagnostics,
        &config,
    );
    let accepted_path = match &inputs.accepted {
        Some(p) => Some(p.clone()),
        None => Some(PathBuf::from(DEFAULT_ACCEPTED)).filter(|p| p.is_file()),
    };
    let mut stale = 0;
    if let Some(path) = accepted_path {
        let accepted = read_accepted(&path)?;
        for entry in accepted.apply(&mut report.findings) {
            stale += 1;
            report.diagnostics.push(Diagnostic::warning(
                entry.location.clone(),
                format!("accepted finding {} matches no finding (stale)", entry.id),
            ));
        }
    }
    Ok(Checked {
        report,
        config,
        stale,
    })
}

/// Reads an accepted-findings file.
pub(crate) fn read_accepted(path: &Path) -> anyhow::Result<Accepted> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the accepted findings {}", path.display()))?;
    Ok(Accepted::parse(&text, path)?)
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
    let Checked {
        report,
        stale,
        config,
    } = check(&args.paths, &args.input)?;
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
        Format::Sarif => {
            let names = crate::output::Names::from_config(&config);
            crate::output::sarif::render_with(&report, &names, &mut out)?
        }
    }
    out.flush()?;
    let status = exit_status(&report, args.fail_on);
    Ok(
        if status == ExitStatus::Success && args.strict_accepted && stale > 0 {
            ExitStatus::Failure
        } else {
            status
        },
    )
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
                conflicts: Vec::new(),
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
