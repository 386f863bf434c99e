//! `factline timeline`: every dated claim and event mention, sorted by date.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::ValueEnum;

use super::ExitStatus;
use crate::output;

/// Every dated claim and event mention, sorted by date.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  factline timeline data/articles/mek -o timeline.csv\n  factline timeline data/articles --format table\n  factline timeline data/articles --format timelinejs --bom -o timelinejs.csv\n\nCSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a\ncarriage return) are prefixed with ' so they show as text."
)]
pub struct Args {
    /// Files, folders or `-` for stdin.
    #[arg(value_name = "PATH", default_value = "-")]
    paths: Vec<PathBuf>,
    /// Folder of rules (for events.toml). Defaults to the bundled rules.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Write here (whole or not at all) instead of stdout; `-` is stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format. Defaults to `json` for `-o *.json`, `csv` for any other file, `table`
    /// on a terminal and `csv` otherwise.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Start CSV output with a UTF-8 byte-order mark (for Excel).
    #[arg(long)]
    bom: bool,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// factline's columns, one row per dated claim.
    Csv,
    /// One object per dated claim.
    Json,
    /// A table for the terminal.
    Table,
    /// Knight Lab TimelineJS spreadsheet columns, one row per event.
    Timelinejs,
}

/// The format when none is given: by the output file's extension, else by stdout.
fn default_format(output: Option<&Path>, stdout_is_terminal: bool) -> Format {
    match output {
        Some(path) if path != Path::new("-") => {
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            {
                Format::Json
            } else {
                Format::Csv
            }
        }
        _ if stdout_is_terminal => Format::Table,
        _ => Format::Csv,
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let format = args
        .format
        .unwrap_or_else(|| default_format(args.output.as_deref(), stdout_is_terminal));
    if args.bom && !matches!(format, Format::Csv | Format::Timelinejs) {
        anyhow::bail!("--bom applies to the csv and timelinejs formats only");
    }
    let config = super::load_config(args.rules.as_deref())?;
    let extraction = super::extract(&args.paths, &config, args.quiet);
    let report = crate::check_claims(
        extraction.documents,
        extraction.claims,
        extraction.diagnostics,
        &config,
    );
    let skipped = super::print_diagnostics(&report.diagnostics);
    let csv = output::csv::Options { bom: args.bom };
    let names = output::Names::from_config(&config);
    let width = if stdout_is_terminal && args.output.is_none() {
        output::table::Options::for_stdout().width
    } else {
        None
    };
    let target = args.output.clone().unwrap_or_else(|| PathBuf::from("-"));
    output::write_atomically(&target, |w| match format {
        Format::Csv => output::csv::render_with(&report, csv, w),
        Format::Timelinejs => output::timelinejs::render_named(&report, csv, &names, w),
        Format::Json => output::timeline::render_json(&report, w),
        Format::Table => output::timeline::render_table(&report, width, w),
    })
    .with_context(|| format!("writing {}", target.display()))?;
    Ok(if skipped {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_the_default_for_a_csv_file_and_json_for_a_json_file() {
        assert_eq!(default_format(Some(Path::new("t.csv")), true), Format::Csv);
        assert_eq!(
            default_format(Some(Path::new("t.JSON")), true),
            Format::Json
        );
        assert_eq!(default_format(Some(Path::new("-")), true), Format::Table);
        assert_eq!(default_format(None, false), Format::Csv);
    }
}
