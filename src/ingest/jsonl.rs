//! JSON Lines input.
//!
//! Takes a stream of JSONL (one object a line: `text`, and optional `id`, `source`, `url`,
//! `published`, `title`); gives one document per record, streamed, so a file of any size costs
//! one record of memory. A line that is not JSON, lacks `text`, or is longer than
//! [`super::limits::MAX_JSONL_LINE_BYTES`] is reported with its file and line and skipped; the
//! rest of the file is still read. serde_json's recursion limit keeps deeply nested input from
//! overflowing the stack. Fields other than these are ignored (exports often carry more).

use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;

use super::dates::parse_date_value;
use super::input::{decode_lossy, read_line_bounded};
use super::text::{split_body, LineMap, Meta};
use super::{assemble, limits, path_id, DateOrigin, Document, Published};
use crate::error::{Diagnostic, Location};

#[derive(Debug, Deserialize)]
struct Record {
    text: String,
    #[serde(default)]
    id: Option<Id>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// Record ids are strings or numbers in the wild.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(serde_json::Number),
}

pub(crate) fn read(
    path: &Path,
    reader: &mut dyn BufRead,
    each: &mut dyn FnMut(Document),
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut buf = Vec::new();
    let mut line_number = 0usize;
    let mut records = 0usize;
    loop {
        let read = match read_line_bounded(reader, &mut buf, limits::MAX_JSONL_LINE_BYTES, u64::MAX)
        {
            Ok(Some(read)) => read,
            Ok(None) => break,
            Err(e) => {
                diagnostics.push(Diagnostic::error(
                    Location::new(path, line_number + 1, 0),
                    format!("cannot read {}: {e}", path.display()),
                ));
                break;
            }
        };
        line_number += 1;
        let location = Location::new(path, line_number, 1);
        if read.truncated {
            diagnostics.push(Diagnostic::warning(
                location,
                format!(
                    "JSONL record of {} bytes is over the {} MiB record limit; skipped",
                    read.len,
                    limits::MAX_JSONL_LINE_BYTES >> 20
                ),
            ));
            continue;
        }
        if buf.contains(&0) {
            if line_number == 1 {
                diagnostics.push(Diagnostic::warning(
                    Location::file(path),
                    format!(
                        "{} looks binary (it holds NUL bytes); skipped",
                        path.display()
                    ),
                ));
                return;
            }
            diagnostics.push(Diagnostic::error(
                location,
                "NUL byte in a JSONL line; skipped",
            ));
            continue;
        }
        let (line, bad) = decode_lossy(&buf);
        if bad.is_some() {
            diagnostics.push(Diagnostic::warning(
                location.clone(),
                "invalid UTF-8, decoded with replacement characters",
            ));
        }
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = match serde_json::from_str(&line) {
            Ok(record) => record,
            Err(e) => {
                diagnostics.push(Diagnostic::error(
                    Location::new(path, line_number, e.column()),
                    format!("not a JSONL record with a `text` string: {e}"),
                ));
                continue;
            }
        };
        records += 1;
        each(document(path, record, records, line_number, diagnostics));
    }
}

fn document(
    path: &Path,
    record: Record,
    index: usize,
    line: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Document {
    let published = record.published.as_deref().and_then(|value| {
        let date = parse_date_value(value);
        if date.is_none() && !value.trim().is_empty() {
            diagnostics.push(Diagnostic::warning(
                Location::new(path, line, 0),
                format!("`published` is not a date: {value:?} (write 2013-09-20); ignored"),
            ));
        }
        date.map(|date| Published {
            date,
            origin: DateOrigin::Header,
        })
    });
    let meta = Meta {
        source: record.source.filter(|s| !s.trim().is_empty()),
        url: record.url,
        title: record.title,
        published,
    };
    let id = match record.id {
        Some(Id::Text(id)) => id,
        Some(Id::Number(n)) => n.to_string(),
        None => format!("{}#{index}", path_id(path)),
    };
    let lines: Vec<&str> = record.text.split('\n').collect();
    let body = split_body(&lines, line, LineMap::SingleLine);
    assemble(path, id, meta, body, diagnostics)
}
