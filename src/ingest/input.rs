//! Bounded reading of raw bytes.
//!
//! Takes a byte stream (a file or standard input); gives lines or a whole document, never more
//! than the limits in [`super::limits`] in memory, plus the facts the caller must report: a line
//! that was cut, a document that was cut, NUL bytes (a binary file), invalid UTF-8.

use std::io::{self, BufRead};

/// Result of reading one line with [`read_line_bounded`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LineRead {
    /// Bytes the line really had (without its newline), even when fewer were kept.
    pub len: u64,
    /// True when the line was longer than the limit and only its first bytes were kept.
    pub truncated: bool,
    /// False when scanning stopped at `max_scan` before the end of the line.
    pub finished: bool,
}

/// Reads one line into `buf` (cleared first, newline not included), keeping at most `max` bytes
/// of it and skipping the rest, so a 2 GB line costs `max` bytes of memory, not 2 GB. Scanning
/// stops after `max_scan` bytes (the line is then unfinished), so a caller that will not use the
/// rest of the input does not read through it. Returns `None` at the end of the input.
pub(crate) fn read_line_bounded(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: usize,
    max_scan: u64,
) -> io::Result<Option<LineRead>> {
    buf.clear();
    let mut len: u64 = 0;
    let mut truncated = false;
    let mut any = false;
    let mut finished = true;
    loop {
        if len > max_scan {
            finished = false;
            break;
        }
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, consumed, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], i + 1, true),
            None => (chunk, chunk.len(), false),
        };
        let room = max.saturating_sub(buf.len());
        if part.len() > room {
            truncated = true;
        }
        buf.extend_from_slice(&part[..part.len().min(room)]);
        len += part.len() as u64;
        reader.consume(consumed);
        if done {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some(LineRead {
        len,
        truncated,
        finished,
    }))
}

/// What [`read_document`] gives: the bytes kept and what was cut.
#[derive(Debug, Default)]
pub(crate) struct RawDocument {
    /// The kept bytes, lines joined with `\n` (CRLF normalized), line count exact.
    pub bytes: Vec<u8>,
    /// 1-based line numbers of lines cut at the line limit (the first few only).
    pub long_lines: Vec<usize>,
    /// Number of lines cut at the line limit.
    pub long_line_count: usize,
    /// True when the input was longer than the document limit and reading stopped there.
    pub truncated: bool,
}

/// Reads a whole text document, keeping at most `max_doc` bytes in all and `max_line` bytes per
/// line. Reading stops at the document limit, so a huge file is never read through.
pub(crate) fn read_document(
    reader: &mut dyn BufRead,
    max_doc: usize,
    max_line: usize,
) -> io::Result<RawDocument> {
    let mut doc = RawDocument::default();
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        let budget = max_doc.saturating_sub(doc.bytes.len()) as u64;
        let Some(read) = read_line_bounded(reader, &mut line, max_line, budget)? else {
            break;
        };
        number += 1;
        if read.truncated && read.finished {
            doc.long_line_count += 1;
            if doc.long_lines.len() < 5 {
                doc.long_lines.push(number);
            }
        }
        if number > 1 {
            doc.bytes.push(b'\n');
        }
        let room = max_doc.saturating_sub(doc.bytes.len());
        let keep = line.len().min(room);
        doc.bytes.extend_from_slice(&line[..keep]);
        if keep < line.len() || !read.finished {
            doc.truncated = true;
            break;
        }
        if doc.bytes.len() >= max_doc {
            doc.truncated = !reader.fill_buf()?.is_empty();
            break;
        }
    }
    Ok(doc)
}

/// True when the bytes hold a NUL: text never does, binary files (images, PDFs, UTF-16) do.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// Decodes UTF-8, replacing invalid sequences; gives the text and the 1-based line of the first
/// invalid sequence, if any. A UTF-8 byte order mark is dropped.
pub(crate) fn decode_lossy(bytes: &[u8]) -> (String, Option<usize>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), None),
        Err(e) => {
            let valid = e.valid_up_to();
            let line = 1 + bytes
                .get(..valid)
                .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count());
            (String::from_utf8_lossy(bytes).into_owned(), Some(line))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_line_is_cut_and_the_rest_skipped() {
        let data = format!("{}\nnext\n", "x".repeat(100));
        let mut reader = io::BufReader::with_capacity(7, data.as_bytes());
        let mut buf = Vec::new();
        let first = read_line_bounded(&mut reader, &mut buf, 10, u64::MAX)
            .unwrap()
            .unwrap();
        assert!(first.truncated);
        assert_eq!(first.len, 100);
        assert_eq!(buf.len(), 10);
        let second = read_line_bounded(&mut reader, &mut buf, 10, u64::MAX)
            .unwrap()
            .unwrap();
        assert!(!second.truncated);
        assert_eq!(buf, b"next");
        assert!(read_line_bounded(&mut reader, &mut buf, 10, u64::MAX)
            .unwrap()
            .is_none());
    }

    #[test]
    fn document_stops_at_the_limit() {
        let data = "abc\n".repeat(1000);
        let mut reader = io::BufReader::new(data.as_bytes());
        let doc = read_document(&mut reader, 40, 100).unwrap();
        assert!(doc.truncated);
        assert!(doc.bytes.len() <= 40);
    }

    #[test]
    fn crlf_is_normalized_and_line_count_kept() {
        let mut reader = io::BufReader::new("a\r\nb\r\n\r\nc".as_bytes());
        let doc = read_document(&mut reader, 1000, 100).unwrap();
        assert_eq!(doc.bytes, b"a\nb\n\nc");
        assert!(!doc.truncated);
    }

    #[test]
    fn invalid_utf8_reports_its_line() {
        let (text, line) = decode_lossy(b"ok\nbad \xff here\n");
        assert_eq!(line, Some(2));
        assert!(text.contains('\u{FFFD}'));
    }
}
