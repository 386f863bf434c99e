//! Ingest: files, folders, JSONL and stdin to documents.
//!
//! Takes paths; gives [`Document`]s, each with its metadata (source, url, title, publication
//! date and how that date was found) and its posts (a multi-post page is split so that every post
//! is anchored on its own date), plus [`Diagnostic`]s for inputs that were skipped or read with a
//! caveat. Also splits a post into [`Sentence`]s with their 1-based line numbers in the file.

mod boilerplate;
mod dates;
mod html;
mod input;
mod jsonl;
mod segment;
mod text;

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Diagnostic, Location};

pub use segment::sentences;
pub use text::HEADER_KEYS;

/// Explicit limits on what one input may cost. Hitting one is a warning naming the file, never a
/// silent drop, and memory never grows past them whatever the input.
pub mod limits {
    /// Bytes of one text or HTML document that are read; the rest is skipped with a warning.
    pub const MAX_DOCUMENT_BYTES: usize = 16 << 20;
    /// Bytes kept of one line of a text document; the rest of the line is cut with a warning.
    pub const MAX_LINE_BYTES: usize = 256 << 10;
    /// Bytes of one JSONL record; a longer record is skipped with a warning, the file goes on.
    pub const MAX_JSONL_LINE_BYTES: usize = 16 << 20;
    /// Element nesting depth of an HTML page; a page nested deeper is read up to that point, with
    /// a warning (the HTML parser's time grows with depth times tags).
    pub const MAX_HTML_DEPTH: usize = 1000;
}

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
/// recursively for the known extensions, `-` as stdin. Collects [`inputs`] and sorts them, so
/// the list does not depend on the file system's order.
pub fn discover(paths: &[PathBuf], diagnostics: &mut Vec<Diagnostic>) -> Vec<Input> {
    let mut found = Vec::new();
    for item in inputs(paths) {
        match item {
            Ok(input) => found.push(input),
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    found.sort_by(|a, b| match (a, b) {
        (Input::File(a), Input::File(b)) => a.cmp(b),
        (Input::Stdin, Input::Stdin) => std::cmp::Ordering::Equal,
        (Input::Stdin, _) => std::cmp::Ordering::Less,
        (_, Input::Stdin) => std::cmp::Ordering::Greater,
    });
    found
}

/// The inputs of [`discover`] one at a time, in the walk's order (unsorted: a sorted walk would
/// hold whole folders), so a folder of a million files is never held as a list. Problems (a missing path, an unreadable folder: errors; a symlink loop: a warning)
/// come as `Err` in the walk's order. A path given twice, or inside a folder also given, is
/// read once.
pub fn inputs(paths: &[PathBuf]) -> impl Iterator<Item = Result<Input, Diagnostic>> + Send + '_ {
    let mut given: Vec<&PathBuf> = paths.iter().collect();
    given.sort();
    given.dedup();
    let mut folders: Vec<&PathBuf> = Vec::new();
    let mut kept: Vec<&PathBuf> = Vec::with_capacity(given.len());
    for path in given {
        if folders.iter().any(|f| path.starts_with(f)) {
            continue;
        }
        if path.as_os_str() != "-" && path.is_dir() {
            folders.push(path);
        }
        kept.push(path);
    }
    kept.into_iter().flat_map(expand)
}

/// One given path as inputs.
fn expand(path: &PathBuf) -> Box<dyn Iterator<Item = Result<Input, Diagnostic>> + Send + '_> {
    if path.as_os_str() == "-" {
        return Box::new(std::iter::once(Ok(Input::Stdin)));
    }
    match std::fs::metadata(path) {
        Err(e) => Box::new(std::iter::once(Err(Diagnostic::error(
            Location::file(path),
            format!("cannot read {}: {e}", path.display()),
        )))),
        Ok(meta) if meta.is_dir() => Box::new(walk(path)),
        Ok(_) => Box::new(std::iter::once(Ok(Input::File(path.clone())))),
    }
}

/// The extensions a folder walk picks up (case-insensitive).
pub const EXTENSIONS: [&str; 7] = ["txt", "md", "markdown", "html", "htm", "jsonl", "ndjson"];

fn walk(dir: &Path) -> impl Iterator<Item = Result<Input, Diagnostic>> + Send + '_ {
    // No sorting here: a sorted walk holds a whole folder's entries at once. Outputs are sorted
    // at the end instead, so the walk's order never shows.
    let walker = walkdir::WalkDir::new(dir).follow_links(true);
    walker.into_iter().filter_map(move |entry| match entry {
        Ok(entry) => (entry.file_type().is_file() && has_known_extension(entry.path()))
            .then(|| Ok(Input::File(entry.into_path()))),
        Err(e) => {
            let path = e
                .path()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| dir.to_path_buf());
            Some(Err(if let Some(ancestor) = e.loop_ancestor() {
                Diagnostic::warning(
                    Location::file(&path),
                    format!(
                        "symlink loop: {} leads back to {}; not followed",
                        path.display(),
                        ancestor.display()
                    ),
                )
            } else {
                let message = e
                    .io_error()
                    .map_or_else(|| e.to_string(), ToString::to_string);
                Diagnostic::error(
                    Location::file(&path),
                    format!("cannot read {}: {message}", path.display()),
                )
            }))
        }
    })
}

fn has_known_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The format of an input, from its extension, else from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
}

impl Format {
    /// The format its extension names, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "txt" | "md" | "markdown" | "text" => Some(Format::Text),
            _ => None,
        }
    }

    /// Guesses from the first bytes: `{` starts JSONL, `<!doctype` or `<html` starts HTML.
    pub fn sniff(head: &[u8]) -> Format {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(head.len());
        let head = head.get(start..).unwrap_or_default();
        let lower: Vec<u8> = head.iter().take(64).map(u8::to_ascii_lowercase).collect();
        if lower.starts_with(b"{") {
            Format::Jsonl
        } else if lower.starts_with(b"<!doctype html")
            || lower.starts_with(b"<html")
            || lower.starts_with(b"<head")
            || lower.starts_with(b"<!--")
        {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Reads one input and calls `each` with every document in it (a JSONL file holds many), so a
/// large JSONL file never sits in memory whole. Problems become diagnostics; nothing panics.
pub fn read(input: &Input, each: &mut dyn FnMut(Document), diagnostics: &mut Vec<Diagnostic>) {
    let (path, mut reader): (PathBuf, Box<dyn BufRead>) = match input {
        Input::Stdin => (PathBuf::from("-"), Box::new(BufReader::new(io::stdin()))),
        Input::File(path) => match File::open(path) {
            Ok(file) => (
                path.clone(),
                Box::new(BufReader::with_capacity(64 * 1024, file)),
            ),
            Err(e) => {
                diagnostics.push(Diagnostic::error(
                    Location::file(path),
                    format!("cannot read {}: {e}", path.display()),
                ));
                return;
            }
        },
    };
    read_from(&path, &mut *reader, each, diagnostics);
}

/// Reads a document stream that has already been opened; `path` names it in documents and
/// diagnostics (`-` for stdin). The format comes from the path's extension, else the first bytes.
pub fn read_from(
    path: &Path,
    reader: &mut dyn BufRead,
    each: &mut dyn FnMut(Document),
    diagnostics: &mut Vec<Diagnostic>,
) {
    let format = match Format::from_path(path) {
        Some(format) => format,
        None => match reader.fill_buf() {
            Ok(head) => Format::sniff(head),
            Err(e) => {
                diagnostics.push(io_diagnostic(path, &e));
                return;
            }
        },
    };
    match format {
        Format::Jsonl => jsonl::read(path, reader, each, diagnostics),
        Format::Text | Format::Html => {
            let limit = limits::MAX_DOCUMENT_BYTES;
            let line_limit = match format {
                Format::Html => limit,
                _ => limits::MAX_LINE_BYTES,
            };
            let raw = match input::read_document(reader, limit, line_limit) {
                Ok(raw) => raw,
                Err(e) => {
                    diagnostics.push(io_diagnostic(path, &e));
                    return;
                }
            };
            if input::looks_binary(&raw.bytes) {
                diagnostics.push(Diagnostic::warning(
                    Location::file(path),
                    format!(
                        "{} looks binary (it holds NUL bytes); skipped",
                        path.display()
                    ),
                ));
                return;
            }
            report_limits(path, &raw, diagnostics);
            let (text, bad_line) = input::decode_lossy(&raw.bytes);
            if let Some(line) = bad_line {
                diagnostics.push(Diagnostic::warning(
                    Location::new(path, line, 0),
                    "invalid UTF-8, decoded with replacement characters",
                ));
            }
            let document = match format {
                Format::Html => html::document(path, &text, diagnostics),
                _ => text_document(path, &text, diagnostics),
            };
            each(document);
        }
    }
}

fn io_diagnostic(path: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::error(
        Location::file(path),
        format!("cannot read {}: {e}", path.display()),
    )
}

fn report_limits(path: &Path, raw: &input::RawDocument, diagnostics: &mut Vec<Diagnostic>) {
    if raw.truncated {
        diagnostics.push(Diagnostic::warning(
            Location::file(path),
            format!(
                "{} is larger than the {} MiB document limit; only its first {} MiB were read",
                path.display(),
                limits::MAX_DOCUMENT_BYTES >> 20,
                limits::MAX_DOCUMENT_BYTES >> 20
            ),
        ));
    }
    if let Some(&first) = raw.long_lines.first() {
        diagnostics.push(Diagnostic::warning(
            Location::new(path, first, 0),
            format!(
                "{} line(s) longer than the {} KiB line limit were cut (first at line {first})",
                raw.long_line_count,
                limits::MAX_LINE_BYTES >> 10
            ),
        ));
    }
}

/// Builds the document of a text or Markdown page: header block, dateline, posts.
pub(crate) fn text_document(
    path: &Path,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Document {
    let lines: Vec<&str> = text.split('\n').collect();
    let (meta, body_start) = text::parse_header(&lines, 1, path, diagnostics);
    let body_lines = lines.get(body_start..).unwrap_or_default();
    let body = text::split_body(body_lines, body_start + 1, text::LineMap::PerLine);
    assemble(path, path_id(path), meta, body, diagnostics)
}

/// Puts metadata and body together; the header's (or metadata's) date wins over the text's.
pub(crate) fn assemble(
    path: &Path,
    id: String,
    meta: text::Meta,
    body: text::Body,
    diagnostics: &mut Vec<Diagnostic>,
) -> Document {
    let mut posts = body.posts;
    let published = meta.published.or(body.published);
    if meta.published.is_some() {
        // A single article takes the header's date; a multi-post page keeps each post's own.
        if let [post] = posts.as_mut_slice() {
            post.published = meta.published;
        }
    } else if let (Some(p), Some(line)) = (published, body.inferred_from) {
        if p.origin == DateOrigin::Inferred {
            diagnostics.push(Diagnostic::warning(
                Location::new(path, line, 0),
                format!(
                    "no dateline found; publication date {} inferred from the latest date cited",
                    p.date
                ),
            ));
        }
    }
    Document {
        id,
        path: path.to_path_buf(),
        source: meta.source.unwrap_or_else(|| source_from_path(path)),
        url: meta.url,
        title: meta.title.or(body.title),
        published,
        posts,
    }
}

/// A document id from its path, as given.
pub(crate) fn path_id(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The file name without extension, used as the source when nothing better is known.
pub fn source_from_path(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "stdin".into();
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into())
}
