//! Ingest: files, folders, JSONL and stdin to documents.
//!
//! Takes paths; gives [`Document`]s, each with its metadata (source, url, title, publication
//! date and how that date was found) and its posts (a multi-post page is split so that every post
//! is anchored on its own date), plus [`Diagnostic`]s for inputs that were skipped or read with a
//! caveat. Also splits a post into [`Sentence`]s with their 1-based line numbers in the file.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::Diagnostic;

/// How a publication date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrigin {
    /// A `published:` header line, a JSONL field, or the page's own metadata.
    Header,
    /// A dateline detected in the text ("September 20th, 2013" near the top, a post's own date).
    Dateline,
    /// The latest full date the text cites: a guess, flagged as such.
    Inferred,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    pub date: NaiveDate,
    pub origin: DateOrigin,
}

/// One article, page or JSONL record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: the path as given (plus `#N` for the Nth JSONL record) or the record's `id`.
    pub id: String,
    /// The file it came from (`-` for stdin).
    pub path: PathBuf,
    /// The outlet: header `source:`, page metadata, else the file name.
    pub source: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<Published>,
    pub posts: Vec<Post>,
}

/// A part of a document with its own date (a blog post, a dated item in a list of articles).
/// A single-article document has one post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Post {
    pub published: Option<Published>,
    pub title: Option<String>,
    /// The post's text, boilerplate removed. Lines are kept so line numbers map back.
    pub text: String,
    /// 1-based line in the file of the first line of `text`.
    pub first_line: usize,
}

/// A sentence of a post: a half-open byte span into `Post::text` and its 1-based file line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

/// One thing to read: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

/// Expands the paths given on the command line into inputs: files as they are, folders walked
/// recursively for .txt/.md/.html/.htm/.jsonl in a stable (sorted) order, `-` as stdin.
pub fn discover(paths: &[PathBuf], diagnostics: &mut Vec<Diagnostic>) -> Vec<Input> {
    let _ = diagnostics;
    paths.iter().map(|p| Input::File(p.clone())).collect()
}

/// Reads one input and calls `each` with every document in it (a JSONL file holds many), so a
/// large JSONL file never sits in memory whole. Problems become diagnostics; nothing panics.
pub fn read(input: &Input, each: &mut dyn FnMut(Document), diagnostics: &mut Vec<Diagnostic>) {
    let _ = (input, each, diagnostics);
}

/// Splits a post's text into sentences ("the U.N. said" and "Dr. Smith" do not split).
pub fn sentences(post: &Post) -> Vec<Sentence> {
    let _ = post;
    Vec::new()
}

/// The file name without extension, used as the source when nothing better is known.
pub fn source_from_path(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into())
}
