//! factline: where do my sources disagree about what happened, and when?
//!
//! The pipeline, one module a stage, plain data between them:
//!
//! ```text
//! PATH... ─ingest─▶ Document{posts} ─sentences─▶ Sentence ─temporal─▶ Timex
//!         ─claims─▶ Claim ─engine(rules/*.toml)─▶ Finding ─output─▶ table|markdown|json|csv|html|sarif
//! ```
//!
//! Everything up to [`claims::Claim`] is a pure function of one document and runs in parallel;
//! the engine only sees claims ([`check_claims`]).
//!
//! ```
//! use factline::{Config, ingest::{Document, Post}};
//!
//! let config = Config::bundled().unwrap();
//! let doc = Document {
//!     id: "a.txt".into(), path: "a.txt".into(), source: "Example".into(),
//!     url: None, title: None, published: None,
//!     posts: vec![Post { published: None, title: None, text: "Nothing happened.".into(), first_line: 1 }],
//! };
//! let claims = factline::extract_document(&doc, &config);
//! let report = factline::check_claims(1, claims, Vec::new(), &config);
//! assert!(report.findings.is_empty());
//! ```

pub mod claims;
pub mod cli;
pub mod engine;
pub mod error;
pub mod hash;
pub mod ingest;
pub mod output;
pub mod temporal;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::claims::{Claim, EventCatalog};
use crate::engine::{Finding, RuleSet};
use crate::error::{Diagnostic, Error, Location, Result};
use crate::ingest::{Document, Input};

/// The rules files compiled into the binary, so the tool works from any directory.
const BUNDLED_RULES: &[(&str, &str)] = &[
    ("rules/events.toml", include_str!("../rules/events.toml")),
    ("rules/core.toml", include_str!("../rules/core.toml")),
    ("rules/mek.toml", include_str!("../rules/mek.toml")),
];

/// The events and rules a run uses: rules/events.toml plus every other rules/*.toml.
#[derive(Debug, Clone)]
pub struct Config {
    pub events: EventCatalog,
    pub rules: RuleSet,
}

impl Config {
    /// The rules bundled with factline.
    pub fn bundled() -> Result<Config> {
        Config::from_sources(
            BUNDLED_RULES
                .iter()
                .map(|(p, t)| (PathBuf::from(p), t.to_string())),
        )
    }

    /// Every `*.toml` directly in `dir` (not in subfolders: rules/examples/ holds test cases).
    /// `events.toml` declares events; the others hold rules.
    pub fn load(dir: &Path) -> Result<Config> {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(Location::file(dir), e))?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        let mut sources = Vec::with_capacity(paths.len());
        for path in paths {
            let text =
                std::fs::read_to_string(&path).map_err(|e| Error::io(Location::file(&path), e))?;
            sources.push((path, text));
        }
        Config::from_sources(sources)
    }

    fn from_sources(sources: impl IntoIterator<Item = (PathBuf, String)>) -> Result<Config> {
        let mut events = EventCatalog::default();
        let mut rule_files = Vec::new();
        for (path, text) in sources {
            if path.file_name().is_some_and(|n| n == "events.toml") {
                events = EventCatalog::parse(&text, &path)?;
            } else {
                rule_files.push((path, text));
            }
        }
        let rules = RuleSet::parse(&rule_files, &events)?;
        Ok(Config { events, rules })
    }
}

/// Everything a run produced: what the outputs render and the exit status is computed from.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Number of documents read.
    pub documents: usize,
    /// Every claim, in a stable order (doc, line, event, attribute).
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    /// Inputs skipped or read with a caveat.
    pub diagnostics: Vec<Diagnostic>,
}

/// The map stage for one document: sentences, dates, quantities, claims.
pub fn extract_document(doc: &Document, config: &Config) -> Vec<Claim> {
    claims::extract(doc, &config.events)
}

/// What the map stage gives for a set of paths.
#[derive(Debug, Default)]
pub struct Extraction {
    pub documents: usize,
    pub claims: Vec<Claim>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads every input in parallel, one document's text in memory per worker, and extracts claims.
/// Inputs are streamed from the folder walk, never listed, so memory grows with claims, not
/// with the number of files. `progress` is called once per input done (for a progress bar).
/// The result does not depend on the thread count or the order of `paths`: claims and
/// diagnostics are sorted at the end.
pub fn extract_paths(
    paths: &[PathBuf],
    config: &Config,
    progress: &(dyn Fn(&Input) + Sync),
) -> Extraction {
    let mut all = ingest::inputs(paths)
        .par_bridge()
        .fold(Extraction::default, |mut part, item| {
            match item {
                Ok(input) => {
                    ingest::read(
                        &input,
                        &mut |doc| {
                            part.documents += 1;
                            part.claims.extend(extract_document(&doc, config));
                        },
                        &mut part.diagnostics,
                    );
                    progress(&input);
                }
                Err(diagnostic) => part.diagnostics.push(diagnostic),
            }
            part
        })
        .reduce(Extraction::default, |mut a, b| {
            a.documents += b.documents;
            a.claims.extend(b.claims);
            a.diagnostics.extend(b.diagnostics);
            a
        });
    sort_claims(&mut all.claims);
    sort_diagnostics(&mut all.diagnostics);
    all
}

/// Sorts diagnostics by where they happened, so stderr is the same on every run.
pub fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (
            &a.location.path,
            a.location.line,
            a.location.column,
            a.level,
            &a.message,
        )
            .cmp(&(
                &b.location.path,
                b.location.line,
                b.location.column,
                b.level,
                &b.message,
            ))
    });
}

/// Sorts claims into the canonical order every output uses.
pub fn sort_claims(claims: &mut [Claim]) {
    claims.sort_by(|a, b| {
        (&a.doc, a.line, &a.event, a.attribute, &a.text).cmp(&(
            &b.doc,
            b.line,
            &b.event,
            b.attribute,
            &b.text,
        ))
    });
}

/// The reduce stage: runs the rules over claims gathered from any number of documents.
pub fn check_claims(
    documents: usize,
    claims: Vec<Claim>,
    diagnostics: Vec<Diagnostic>,
    config: &Config,
) -> Report {
    let mut claims = claims;
    engine::adhoc::resolve(&mut claims);
    let findings = engine::evaluate(&config.rules, &claims);
    Report {
        documents,
        claims,
        findings,
        diagnostics,
    }
}
