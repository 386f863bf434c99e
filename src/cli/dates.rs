//! `factline dates`: the temporal normalizer alone, one JSON object a line per expression.
//!
//! Takes a text file or stdin and an optional anchor; gives, for every temporal expression, its
//! text, byte span in the input, TIMEX3 value, interval, granularity, kind and modifier. The
//! input is streamed: it is cut into chunks at paragraph breaks (blank lines), never longer than
//! [`MAX_CHUNK`], and the chunks are fed one by one to a streaming [`Normalizer`], which keeps
//! the previous date between them; memory stays flat however large the input is, and byte
//! offsets stay global.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;
use serde::Serialize;

use super::ExitStatus;
#[cfg(test)]
use crate::temporal::{Granularity, Modifier, TimexKind};
use crate::temporal::{Normalizer, Timex};

/// Find and normalize every date expression: one JSON object a line.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Each line of output is one expression: text, start and end (byte offsets in the input), \
value (TIMEX3), earliest and latest (ISO dates, null when unresolved), granularity, kind, and mod \
(absent when none).\n\nExamples:\n  factline dates --anchor 2013-09-20 article.txt\n  \
echo 'It happened last September.' | factline dates --anchor 2013-09-20 -"
)]
pub struct Args {
    /// Anchor for relative expressions (YYYY-MM-DD), usually the publication date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    anchor: Option<NaiveDate>,
    /// A text file, or `-` for stdin.
    #[arg(value_name = "FILE", default_value = "-")]
    file: PathBuf,
}

/// A chunk is cut at the last paragraph break once this many bytes are buffered; without a
/// paragraph break it is cut at a line break, else at a space, else between two characters.
pub const MAX_CHUNK: usize = 64 * 1024;

/// How much is read from the input at a time.
const READ_SIZE: usize = 64 * 1024;

/// One line of output.
#[cfg(test)]
#[derive(Debug, Serialize)]
struct DateLine<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    value: &'a str,
    earliest: Option<IsoDate>,
    latest: Option<IsoDate>,
    granularity: Option<Granularity>,
    kind: TimexKind,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    modifier: Option<Modifier>,
}

#[cfg(test)]
impl<'a> DateLine<'a> {
    fn new(t: &'a Timex) -> Self {
        DateLine {
            text: &t.text,
            start: t.start,
            end: t.end,
            value: &t.value,
            earliest: t.earliest.map(IsoDate),
            latest: t.latest.map(IsoDate),
            granularity: t.granularity,
            kind: t.kind,
            modifier: t.modifier,
        }
    }
}

/// A date written `YYYY-MM-DD` without going through `fmt` (chrono's `Serialize` does), which
/// shows in profiles of `dates` on large inputs.
/// Writes one output line for `t`, the JSON that serializing [`DateLine`] gives, by hand: the
/// line is the whole cost of `dates` beside the normalizer, and serde's map machinery and string
/// escaper were a fifth of it. Only `text` can need escaping; the enums go through serde.
fn write_line(buf: &mut Vec<u8>, t: &Timex) -> io::Result<()> {
    buf.extend_from_slice(b"{\"text\":");
    push_json_str(buf, &t.text)?;
    buf.extend_from_slice(b",\"start\":");
    push_usize(buf, t.start);
    buf.extend_from_slice(b",\"end\":");
    push_usize(buf, t.end);
    buf.extend_from_slice(b",\"value\":");
    push_json_str(buf, &t.value)?;
    for (key, date) in [
        (&b",\"earliest\":"[..], t.earliest),
        (b",\"latest\":", t.latest),
    ] {
        buf.extend_from_slice(key);
        match date {
            Some(d) => serde_json::to_writer(&mut *buf, &IsoDate(d))?,
            None => buf.extend_from_slice(b"null"),
        }
    }
    buf.extend_from_slice(b",\"granularity\":");
    serde_json::to_writer(&mut *buf, &t.granularity)?;
    buf.extend_from_slice(b",\"kind\":");
    serde_json::to_writer(&mut *buf, &t.kind)?;
    if let Some(m) = t.modifier {
        buf.extend_from_slice(b",\"mod\":");
        serde_json::to_writer(&mut *buf, &m)?;
    }
    buf.extend_from_slice(b"}\n");
    Ok(())
}

/// A JSON string: copied as is when nothing in it needs escaping (nearly always), else serde's.
fn push_json_str(buf: &mut Vec<u8>, s: &str) -> io::Result<()> {
    if s.bytes()
        .all(|b| b >= 0x20 && b != b'"' && b != b'\\' && b != 0x7f)
    {
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
        Ok(())
    } else {
        serde_json::to_writer(&mut *buf, s).map_err(io::Error::from)
    }
}

fn push_usize(buf: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        if let Some(d) = digits.get_mut(i) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    buf.extend_from_slice(digits.get(i..).unwrap_or(&[]));
}

#[derive(Debug)]
struct IsoDate(NaiveDate);

impl Serialize for IsoDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use chrono::Datelike;
        let (y, m, d) = (self.0.year(), self.0.month(), self.0.day());
        if !(0..=9999).contains(&y) {
            return serializer.collect_str(&self.0);
        }
        let y = y as u32;
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let buf = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ];
        serializer.serialize_str(std::str::from_utf8(&buf).unwrap_or_default())
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let is_stdin = args.file == Path::new("-");
    let name = if is_stdin {
        "<stdin>".to_string()
    } else {
        args.file.display().to_string()
    };
    let input: Box<dyn Read> = if is_stdin {
        Box::new(io::stdin().lock())
    } else {
        Box::new(File::open(&args.file).with_context(|| format!("reading {name}"))?)
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    let mut line = Vec::with_capacity(256);
    let mut invalid = InvalidUtf8::default();
    // One normalizer for the whole input: it carries the previous date from chunk to chunk
    // ("two years later" at the top of a chunk) and gives spans in whole-input offsets.
    let mut normalizer = Normalizer::new(args.anchor);
    let mut found = Vec::new();
    for_each_chunk(input, &mut |base, lines_before, bytes| {
        let text = invalid.decode(bytes, base, lines_before);
        found.clear();
        normalizer.feed(&text, base, &mut found);
        line.clear();
        for t in &found {
            write_line(&mut line, t)?;
        }
        out.write_all(&line)?;
        Ok(())
    })
    .with_context(|| format!("reading {name}"))?;
    out.flush()?;
    if let Some((offset, line)) = invalid.first {
        eprintln!(
            "factline: warning: {name}:{line}: invalid UTF-8 (first at byte {offset}, {} bytes in all), each invalid byte read as `?`",
            invalid.count
        );
    }
    Ok(ExitStatus::Success)
}

/// Reads `input` to the end and calls `f(offset, lines_before, chunk)` for each chunk: the
/// byte offset of the chunk in the input, the number of line breaks before it, and its bytes.
/// Chunks end after a blank line where possible, never inside a UTF-8 character, and hold at
/// most [`MAX_CHUNK`] bytes unless a single paragraph is longer and has no space to cut at.
pub fn for_each_chunk(
    mut input: impl Read,
    f: &mut impl FnMut(usize, usize, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(MAX_CHUNK + READ_SIZE);
    let mut base = 0;
    let mut lines = 0;
    let mut eof = false;
    while !eof {
        let filled = buf.len();
        buf.resize(filled + READ_SIZE, 0);
        let n = loop {
            match input.read(buf.get_mut(filled..).unwrap_or(&mut [])) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        buf.truncate(filled + n);
        eof = n == 0;
        // Emit every chunk the buffer holds, so that what is left stays under one chunk.
        let mut done = 0;
        loop {
            let rest = buf.get(done..).unwrap_or(&[]);
            let cut = match cut_point(rest) {
                Some(cut) => cut,
                None if eof => rest.len(),
                None => break,
            };
            if cut == 0 {
                break;
            }
            let chunk = rest.get(..cut).unwrap_or(&[]);
            f(base, lines, chunk)?;
            lines += chunk.iter().filter(|&&b| b == b'\n').count();
            base += cut;
            done += cut;
        }
        buf.drain(..done);
    }
    Ok(())
}

/// Where to end the next chunk of `buf`, or `None` to read more first.
fn cut_point(buf: &[u8]) -> Option<usize> {
    if buf.len() < MAX_CHUNK {
        // Cut early at a paragraph break once a useful amount is buffered, to keep chunks small.
        return None;
    }
    let window = buf.get(..MAX_CHUNK).unwrap_or(buf);
    if let Some(p) = last_paragraph_break(window) {
        return Some(p);
    }
    if let Some(p) = window.iter().rposition(|&b| b == b'\n') {
        return Some(p + 1);
    }
    if let Some(p) = window.iter().rposition(|b| b.is_ascii_whitespace()) {
        return Some(p + 1);
    }
    // No space at all: cut before a byte that starts a character.
    let mut p = MAX_CHUNK;
    while p > 0 && buf.get(p).is_some_and(|b| (b & 0xC0) == 0x80) {
        p -= 1;
    }
    Some(if p == 0 { MAX_CHUNK } else { p })
}

/// The offset just after the last blank line in `buf` (`\n\n` or `\n\r\n`).
fn last_paragraph_break(buf: &[u8]) -> Option<usize> {
    let mut i = buf.len();
    while i > 0 {
        i -= 1;
        if buf.get(i) == Some(&b'\n') {
            let before = buf.get(..i).unwrap_or(&[]);
            match before {
                [.., b'\n'] | [.., b'\n', b'\r'] => return Some(i + 1),
                _ => {}
            }
        }
    }
    None
}

/// Decodes chunks as UTF-8, reading each invalid byte as `?` so that byte offsets still match
/// the input, and remembers where the first invalid byte was.
#[derive(Debug, Default)]
struct InvalidUtf8 {
    /// Byte offset and 1-based line of the first invalid byte.
    first: Option<(usize, usize)>,
    count: usize,
}

impl InvalidUtf8 {
    fn decode<'a>(
        &mut self,
        bytes: &'a [u8],
        base: usize,
        lines_before: usize,
    ) -> std::borrow::Cow<'a, str> {
        match std::str::from_utf8(bytes) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(_) => {
                let mut out = String::with_capacity(bytes.len());
                let mut rest = bytes;
                let mut at = 0;
                while !rest.is_empty() {
                    match std::str::from_utf8(rest) {
                        Ok(s) => {
                            out.push_str(s);
                            break;
                        }
                        Err(e) => {
                            let valid = e.valid_up_to();
                            let (good, after) = rest.split_at(valid);
                            out.push_str(std::str::from_utf8(good).unwrap_or(""));
                            let bad = e.error_len().unwrap_or(after.len()).max(1);
                            if self.first.is_none() {
                                let seen = bytes.get(..at + valid).unwrap_or(&[]);
                                let line =
                                    lines_before + seen.iter().filter(|&&b| b == b'\n').count();
                                self.first = Some((base + at + valid, line + 1));
                            }
                            self.count += bad.min(after.len());
                            out.extend(std::iter::repeat('?').take(bad.min(after.len())));
                            rest = after.get(bad..).unwrap_or(&[]);
                            at += valid + bad;
                        }
                    }
                }
                std::borrow::Cow::Owned(out)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(input: &[u8]) -> Vec<(usize, usize, Vec<u8>)> {
        let mut got = Vec::new();
        for_each_chunk(input, &mut |base, lines, c| {
            got.push((base, lines, c.to_vec()));
            Ok(())
        })
        .unwrap();
        got
    }

    #[test]
    fn small_input_is_one_chunk() {
        let got = chunks(b"one\n\ntwo\n");
        assert_eq!(got, [(0, 0, b"one\n\ntwo\n".to_vec())]);
    }

    #[test]
    fn large_input_is_cut_after_blank_lines_with_global_offsets() {
        let para = "word ".repeat(100) + "\n\n";
        let input = para.repeat(1000);
        let got = chunks(input.as_bytes());
        assert!(got.len() > 1);
        let mut expected_base = 0;
        let mut lines = 0;
        for (base, lines_before, c) in &got {
            assert_eq!(*base, expected_base);
            assert_eq!(*lines_before, lines);
            assert!(c.len() <= MAX_CHUNK);
            assert!(c.ends_with(b"\n\n"), "chunk cut mid-paragraph");
            expected_base += c.len();
            lines += c.iter().filter(|&&b| b == b'\n').count();
        }
        assert_eq!(expected_base, input.len());
    }

    #[test]
    fn buffer_stays_under_two_chunks_however_long_the_input() {
        // Paragraphs of 40 kB: each read of READ_SIZE bytes holds one and a half, and what is
        // not emitted must not pile up.
        let para = "word ".repeat(8000) + "\n\n";
        let input = para.repeat(60);
        let mut largest = 0;
        for_each_chunk(input.as_bytes(), &mut |_, _, c| {
            largest = largest.max(c.len());
            Ok(())
        })
        .unwrap();
        assert!(largest <= MAX_CHUNK, "a chunk of {largest} bytes");
    }

    #[test]
    fn one_long_line_without_spaces_is_cut_between_characters() {
        let input = "é".repeat(MAX_CHUNK);
        let got = chunks(input.as_bytes());
        assert!(got.len() >= 2);
        for (_, _, c) in &got {
            assert!(std::str::from_utf8(c).is_ok(), "cut inside a character");
        }
        let total: usize = got.iter().map(|(_, _, c)| c.len()).sum();
        assert_eq!(total, input.len());
    }

    #[test]
    fn hand_written_lines_equal_serde_lines() {
        let text = "On Sept.\n30, 2012 and about three years ago, late last week, daily, \
                    the 1990s, Friday night and 10:30 p.m. EST, \"early 2013\".";
        let anchor = NaiveDate::from_ymd_opt(2013, 9, 20);
        let mut timexes = crate::temporal::normalize(text, anchor);
        assert!(timexes.len() >= 6, "{timexes:?}");
        // Escaping and an unresolved date, whatever the normalizer gives.
        if let Some(t) = timexes.first_mut() {
            t.text = "a \"quoted\"\\ tab\t and \u{1} control".to_string();
            t.earliest = None;
        }
        for t in &timexes {
            let mut ours = Vec::new();
            write_line(&mut ours, t).unwrap();
            let mut theirs = serde_json::to_vec(&DateLine::new(t)).unwrap();
            theirs.push(b'\n');
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap()
            );
        }
        let mut n = Vec::new();
        for v in [0, 7, 10, 12345, usize::MAX] {
            n.clear();
            push_usize(&mut n, v);
            assert_eq!(n, v.to_string().into_bytes());
        }
    }

    #[test]
    fn iso_dates_are_written_like_chrono_writes_them() {
        for (y, m, d) in [(2013, 9, 1), (987, 12, 31), (-44, 3, 15), (10000, 1, 1)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let ours = serde_json::to_string(&IsoDate(date)).unwrap();
            assert_eq!(ours, serde_json::to_string(&date).unwrap());
        }
    }

    #[test]
    fn invalid_bytes_become_question_marks_keeping_offsets() {
        let mut invalid = InvalidUtf8::default();
        let text = invalid.decode(b"ab\ncd\xffe\xc3", 100, 4);
        assert_eq!(text, "ab\ncd?e?");
        assert_eq!(invalid.first, Some((105, 6)));
        assert_eq!(invalid.count, 2);
    }
}
