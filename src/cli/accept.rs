//! `factline accept`: record a reviewer's decision that a finding is acceptable. Appends an
//! entry (id, reason, reviewer, date) to the accepted-findings file, writing the whole file to
//! a temporary one and renaming it, so the file is never left half written.

use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;

use super::check::{read_accepted, DEFAULT_ACCEPTED};
use super::ExitStatus;
use crate::engine::{accepted, fingerprint};

/// Accept a finding by id, with a reason (appended atomically to the accepted file).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  factline accept fl-3f2a9c01b7de --reason \"toll corrected by the outlet on 12 Feb\"\n  factline accept fl-3f2a9c01b7de --reason \"known rounding\" --reviewer ana --file review/accepted.toml\n\nExit status: 0 recorded, 2 bad id, already accepted, or the file could not be read or written."
)]
pub struct Args {
    /// The finding's id, as `check` prints it.
    #[arg(value_name = "ID")]
    id: String,
    /// Why the finding is acceptable.
    #[arg(long)]
    reason: String,
    /// Who decided. Defaults to $USER when set.
    #[arg(long)]
    reviewer: Option<String>,
    /// The date of the decision (YYYY-MM-DD). Defaults to today (UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<NaiveDate>,
    /// The accepted-findings file to append to (created when missing).
    #[arg(long, value_name = "FILE", default_value = DEFAULT_ACCEPTED)]
    file: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    if !fingerprint::is_valid(&args.id) {
        anyhow::bail!(
            "`{}` is not a finding id (`fl-` and 12 hex digits)",
            args.id
        );
    }
    if args.reason.trim().is_empty() {
        anyhow::bail!("--reason must say why the finding is acceptable");
    }
    let existing = if args.file.exists() {
        let accepted = read_accepted(&args.file)?;
        if let Some(e) = accepted.entries.iter().find(|e| e.id == args.id) {
            anyhow::bail!("{} is already accepted at {}", args.id, e.location);
        }
        std::fs::read_to_string(&args.file)
            .with_context(|| format!("reading {}", args.file.display()))?
    } else {
        String::new()
    };
    let reviewer = args
        .reviewer
        .or_else(|| std::env::var("USER").ok().filter(|u| !u.is_empty()));
    let date = args
        .date
        .unwrap_or_else(|| chrono::Utc::now().date_naive())
        .to_string();
    let entry = accepted::entry_toml(
        &args.id,
        args.reason.trim(),
        reviewer.as_deref(),
        Some(&date),
    );
    let mut text = existing;
    if !text.is_empty() {
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push('\n');
    }
    text.push_str(&entry);
    crate::output::write_atomically(&args.file, |w| w.write_all(text.as_bytes()))
        .with_context(|| format!("writing {}", args.file.display()))?;
    eprintln!("factline: accepted {} in {}", args.id, args.file.display());
    Ok(ExitStatus::Success)
}
