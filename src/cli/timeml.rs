//! `factline timeml`: annotates TimeML documents with factline's TIMEX3 tags.
//!
//! Takes TimeML files and an optional output folder; gives each document back with the
//! annotation inside `<TEXT>` replaced by the normalizer's TIMEX3 tags (anchored on the DCT),
//! the text byte for byte as it was, written to the folder under its own name (whole or not at
//! all: temp file + rename), or to stdout for a single file without `-o`.

use std::collections::HashSet;
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use rayon::prelude::*;

use super::ExitStatus;
use crate::temporal::timeml::TimemlDocument;

/// Annotate TimeML documents with factline's TIMEX3 tags.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Annotation already inside <TEXT> (TIMEX3, EVENT, SIGNAL...) is dropped; the DCT and \
everything outside <TEXT> is kept byte for byte.\n\nExamples:\n  factline timeml doc.tml > doc.out.tml\n  \
factline timeml gold/*.tml -o system/"
)]
pub struct Args {
    /// TimeML files to annotate.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// Write each document to DIR under its own file name (created if missing). Needed for
    /// more than one file.
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let Some(dir) = args.output else {
        let [file] = args.files.as_slice() else {
            anyhow::bail!(
                "{} files given: use -o DIR to write each under its own name",
                args.files.len()
            );
        };
        let (annotated, dropped) = annotate(file)?;
        warn_dropped(file, dropped);
        let mut out = io::stdout().lock();
        out.write_all(annotated.as_bytes())?;
        out.flush()?;
        return Ok(ExitStatus::Success);
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut names = HashSet::new();
    for file in &args.files {
        let name = file_name(file)?;
        if !names.insert(name.clone()) {
            anyhow::bail!(
                "two inputs are named {}: they would overwrite each other in {}",
                name.to_string_lossy(),
                dir.display()
            );
        }
        let target = dir.join(&name);
        if same_file(file, &target) {
            anyhow::bail!(
                "{} would overwrite its own input: choose another -o folder",
                target.display()
            );
        }
    }
    let results: Vec<anyhow::Result<usize>> = args
        .files
        .par_iter()
        .map(|file| {
            let (annotated, dropped) = annotate(file)?;
            let target = dir.join(file_name(file)?);
            write_atomically(&target, annotated.as_bytes())?;
            Ok(dropped)
        })
        .collect();
    let mut failed = false;
    for (file, result) in args.files.iter().zip(results) {
        match result {
            Ok(dropped) => warn_dropped(file, dropped),
            Err(e) => {
                failed = true;
                eprintln!("factline: error: {e:#}");
            }
        }
    }
    Ok(if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    })
}

/// Reads one document and gives it back annotated, with the number of timexes left out.
fn annotate(file: &Path) -> anyhow::Result<(String, usize)> {
    let doc = read(file)?;
    let timexes = crate::temporal::normalize(&doc.text, doc.anchor());
    Ok(doc.annotate(&timexes))
}

fn warn_dropped(file: &Path, dropped: usize) {
    if dropped > 0 {
        eprintln!(
            "factline: warning: {}: {dropped} overlapping timex(es) left out (TIMEX3 tags cannot nest)",
            file.display()
        );
    }
}

fn file_name(file: &Path) -> anyhow::Result<OsString> {
    file.file_name()
        .map(OsString::from)
        .with_context(|| format!("{} has no file name", file.display()))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes `bytes` to a temp file beside `target`, then renames it: whole or not at all.
fn write_atomically(target: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("creating a temp file in {}", dir.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("writing {}", target.display()))?;
    tmp.persist(target)
        .with_context(|| format!("writing {}", target.display()))?;
    Ok(())
}

/// Reads a TimeML file. The library error already says file, line and cause in its message, so
/// only the message goes on (its source would repeat the cause).
pub(super) fn read(path: &Path) -> anyhow::Result<TimemlDocument> {
    TimemlDocument::read(path).map_err(|e| anyhow::anyhow!("{e}"))
}
