//! `factline eval-timex`: scores the normalizer against TimeML gold (TempEval-3 Task A).
//!
//! Takes folders (or files) of TimeML documents; prints per document, per folder and overall
//! strict/relaxed span P/R/F1, type and value accuracy and value F1, then the most frequent
//! errors, as text or as one JSON object.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::ValueEnum;
use rayon::prelude::*;
use serde::Serialize;

use super::timeml::read;
use super::ExitStatus;
use crate::temporal::eval::{self, Counts, DocumentScore, ErrorGroup, Scores};

/// Score the normalizer against TimeML gold annotations.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Every *.tml file under each GOLD_DIR is read, its gold TIMEX3 tags set aside, its text \
normalized with the document creation time as anchor, and the result paired with the gold as \
TempEval-3 does (identical spans, then overlapping ones). Value F1 = relaxed F1 x value accuracy.\n\n\
Examples:\n  factline eval-timex ../shared/tempeval3/TimeBank ../shared/tempeval3/AQUAINT\n  \
factline eval-timex gold/ --worst 50 --mistake wrong-value\n  factline timeml gold/*.tml -o out/ && factline eval-timex gold/ --system out/\n  factline eval-timex gold/ --format json | jq .overall"
)]
pub struct Args {
    /// Folders of TimeML files (*.tml, walked recursively), or single files.
    #[arg(value_name = "GOLD_DIR", required = true)]
    gold: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Score the TimeML files in DIR (same file names as the gold, e.g. written by `factline
    /// timeml -o DIR` or another tagger) instead of running the normalizer.
    #[arg(long, value_name = "DIR")]
    system: Option<PathBuf>,
    /// How many of the most frequent errors to list.
    #[arg(long, value_name = "N", default_value_t = 25)]
    worst: usize,
    /// List only errors of this kind (repeatable).
    #[arg(long, value_enum, value_name = "KIND")]
    mistake: Vec<eval::Mistake>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// The figures for a set of documents.
#[derive(Debug, Serialize)]
struct Summary {
    name: String,
    documents: usize,
    counts: Counts,
    scores: Scores,
}

impl Summary {
    fn of<'a>(name: String, docs: impl Iterator<Item = &'a DocumentScore>) -> Summary {
        let mut counts = Counts::default();
        let mut documents = 0;
        for d in docs {
            counts += d.counts;
            documents += 1;
        }
        Summary {
            name,
            documents,
            scores: counts.scores(),
            counts,
        }
    }
}

/// One document in the JSON report: its figures and every error, in text order.
#[derive(Debug, Serialize)]
struct JsonDocument<'a> {
    #[serde(flatten)]
    summary: Summary,
    errors: &'a [eval::TimexError],
}

#[derive(Debug, Serialize)]
struct JsonReport<'a> {
    overall: &'a Summary,
    folders: &'a [Summary],
    documents: Vec<JsonDocument<'a>>,
    worst: &'a [ErrorGroup],
    skipped: &'a [String],
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let mut folders: Vec<(PathBuf, Vec<PathBuf>)> = Vec::new();
    for root in &args.gold {
        folders.push((root.clone(), timeml_files(root)?));
    }
    let results: Vec<Vec<Result<DocumentScore, String>>> = folders
        .iter()
        .map(|(_, files)| {
            files
                .par_iter()
                .map(|path| score_file(path, args.system.as_deref()).map_err(|e| format!("{e:#}")))
                .collect()
        })
        .collect();
    let mut skipped = Vec::new();
    let mut per_folder: Vec<Vec<DocumentScore>> = Vec::new();
    for docs in results {
        let mut ok = Vec::new();
        for d in docs {
            match d {
                Ok(d) => ok.push(d),
                Err(e) => skipped.push(e),
            }
        }
        per_folder.push(ok);
    }
    let all: Vec<&DocumentScore> = per_folder.iter().flatten().collect();
    let overall = Summary::of("overall".into(), all.iter().copied());
    let folder_summaries: Vec<Summary> = folders
        .iter()
        .zip(&per_folder)
        .map(|((root, _), docs)| Summary::of(root.display().to_string(), docs.iter()))
        .collect();
    let flat: Vec<DocumentScore> = all.iter().map(|d| (*d).clone()).collect();
    let worst = eval::worst_errors(&flat, args.worst, &args.mistake);

    let mut stderr = io::stderr().lock();
    for e in &skipped {
        writeln!(stderr, "factline: error: {e}")?;
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            let report = JsonReport {
                overall: &overall,
                folders: &folder_summaries,
                documents: all
                    .iter()
                    .map(|d| JsonDocument {
                        summary: Summary::of(d.path.display().to_string(), std::iter::once(*d)),
                        errors: &d.errors,
                    })
                    .collect(),
                worst: &worst,
                skipped: &skipped,
            };
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        Format::Text => {
            writeln!(out, "Per document")?;
            write_header(&mut out)?;
            for d in &all {
                let name = d.path.file_name().map_or_else(
                    || d.path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                );
                write_row(&mut out, &Summary::of(name, std::iter::once(*d)))?;
            }
            writeln!(out)?;
            write_worst(&mut out, &worst)?;
            writeln!(out)?;
            writeln!(out, "Totals (micro average)")?;
            write_header(&mut out)?;
            if folder_summaries.len() > 1 {
                for s in &folder_summaries {
                    write_row(&mut out, s)?;
                }
            }
            write_row(&mut out, &overall)?;
            writeln!(out)?;
            let s = &overall.scores;
            writeln!(
                out,
                "strict F1 {:.1}  relaxed F1 {:.1}  value F1 {:.1}  type F1 {:.1}  (value accuracy {:.1}, type accuracy {:.1})",
                s.strict.f1, s.relaxed.f1, s.value_f1, s.type_f1, s.value_accuracy, s.type_accuracy
            )?;
        }
    }
    out.flush()?;
    Ok(if skipped.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Error
    })
}

/// Scores one gold file: against the normalizer, or against the file of the same name in
/// `system`.
fn score_file(path: &Path, system: Option<&Path>) -> anyhow::Result<DocumentScore> {
    let gold = read(path)?;
    let Some(dir) = system else {
        return Ok(eval::evaluate(&gold));
    };
    let name = path
        .file_name()
        .with_context(|| format!("{} has no file name", path.display()))?;
    let output = read(&dir.join(name))?;
    let (score, aligned) = eval::evaluate_output(&gold, &output);
    if !aligned {
        eprintln!(
            "factline: warning: {}: text differs from the gold {}: all its gold timexes count as missed",
            output.path.display(),
            path.display()
        );
    }
    Ok(score)
}

/// Every `*.tml` under `root` in a stable order, or `root` itself when it is a file.
fn timeml_files(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let meta = std::fs::metadata(root).with_context(|| format!("reading {}", root.display()))?;
    if meta.is_file() {
        return Ok(vec![root.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.with_context(|| format!("walking {}", root.display()))?;
        let path = entry.path();
        if entry.file_type().is_file() && path.extension().is_some_and(|x| x == "tml") {
            files.push(path.to_path_buf());
        }
    }
    if files.is_empty() {
        anyhow::bail!("{}: no .tml files", root.display());
    }
    Ok(files)
}

const NAME_WIDTH: usize = 34;

fn write_header(out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "{:<NAME_WIDTH$} {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5}",
        "document", "docs", "gold", "sys", "s.P", "s.R", "s.F1", "r.P", "r.R", "r.F1", "type", "value", "v.F1"
    )
}

fn write_row(out: &mut impl Write, s: &Summary) -> io::Result<()> {
    let c = &s.scores;
    let name: String = if s.name.chars().count() > NAME_WIDTH {
        let tail: Vec<char> = s.name.chars().rev().take(NAME_WIDTH - 1).collect();
        std::iter::once('…').chain(tail.into_iter().rev()).collect()
    } else {
        s.name.clone()
    };
    writeln!(
        out,
        "{:<NAME_WIDTH$} {:>5} {:>5} {:>5} | {:>5.1} {:>5.1} {:>5.1} | {:>5.1} {:>5.1} {:>5.1} | {:>5.1} {:>5.1} {:>5.1}",
        name,
        s.documents,
        s.counts.gold,
        s.counts.system,
        c.strict.precision,
        c.strict.recall,
        c.strict.f1,
        c.relaxed.precision,
        c.relaxed.recall,
        c.relaxed.f1,
        c.type_accuracy,
        c.value_accuracy,
        c.value_f1
    )
}

fn write_worst(out: &mut impl Write, worst: &[ErrorGroup]) -> io::Result<()> {
    writeln!(
        out,
        "Most frequent errors (count, mistake, gold vs system, first seen in)"
    )?;
    for g in worst {
        let side = |a: &Option<eval::Annotation>| match a {
            Some(a) if a.rule.is_empty() => {
                format!("{:?} {} {}", eval::squash(&a.text), a.kind, a.value)
            }
            Some(a) => format!(
                "{:?} {} {} [{}]",
                eval::squash(&a.text),
                a.kind,
                a.value,
                a.rule
            ),
            None => "-".to_string(),
        };
        let file = g
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        writeln!(
            out,
            "{:>4}  {:<12}  gold {}  |  system {}  ({file})",
            g.count,
            g.mistake.name(),
            side(&g.example.gold),
            side(&g.example.system)
        )?;
    }
    Ok(())
}
