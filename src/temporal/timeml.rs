//! TimeML in and out.
//!
//! Takes a TimeML document (as bytes read from a file); gives a [`TimemlDocument`]: its
//! `<TEXT>` content with every inner tag removed and the XML entities decoded, its document
//! creation time (the `TIMEX3` inside `<DCT>`), and the gold `TIMEX3` annotations as byte spans
//! into that text. [`TimemlDocument::annotate`] writes the document back with factline's own
//! `TIMEX3` tags inserted into `<TEXT>`: every byte outside `<TEXT>` is kept as it was, and inside
//! it the text is kept byte for byte (entities re-encoded exactly as the original wrote them), so
//! a standard TempEval scorer can align it with the gold.
//!
//! The reader is a small hand tokenizer rather than a general XML parser: TimeML is a
//! restricted, flat format (no DTD, no namespaces that matter, no mixed encodings), and writing
//! the text back byte for byte needs the raw offset of every tag and entity, which a tokenizer
//! gives directly. It understands start, end and empty-element tags with quoted attributes,
//! comments, processing instructions, declarations (a DOCTYPE with its internal subset) and
//! CDATA sections outside `<TEXT>`, and the five predefined
//! entities plus numeric character references. Anything else is an error naming file and line.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::{Error, Location, Result};
use crate::temporal::{Modifier, Timex, TimexKind};

/// One TIMEX3 annotation as TimeML writes it: a span into [`TimemlDocument::text`] and its
/// attributes as strings (the scorer compares values as exact strings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimexAnnotation {
    /// Half-open byte span into the decoded `<TEXT>` content.
    pub start: usize,
    pub end: usize,
    pub tid: String,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: String,
    pub value: String,
    /// TimeML's `mod`, when present.
    pub modifier: Option<String>,
    /// 1-based line of the opening tag in the file, for error reports.
    pub line: usize,
}

impl TimexAnnotation {
    /// The annotation as a [`Timex`] over `text` (the document's decoded text), as if the
    /// normalizer had found it: for writing gold back out and for testing the scorer. There is
    /// no interval (TimeML values are not resolved here); an unknown `type` reads as DATE.
    pub fn to_timex(&self, text: &str) -> Timex {
        Timex {
            start: self.start,
            end: self.end,
            text: text.get(self.start..self.end).unwrap_or("").to_string(),
            value: self.value.clone(),
            kind: match self.kind.as_str() {
                "TIME" => TimexKind::Time,
                "DURATION" => TimexKind::Duration,
                "SET" => TimexKind::Set,
                _ => TimexKind::Date,
            },
            earliest: None,
            latest: None,
            granularity: None,
            modifier: None,
            relative: false,
            rule: String::new(),
            anchor_index: None,
        }
    }
}

/// The document creation time: the `TIMEX3` inside `<DCT>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dct {
    pub value: String,
    pub kind: String,
}

impl Dct {
    /// The calendar day the DCT names (`1998-02-19`, `1998-12-05T09:42`, `19980219`), if any.
    pub fn date(&self) -> Option<NaiveDate> {
        let v = self.value.trim();
        let day = v.get(..10).unwrap_or(v);
        NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .ok()
            .or_else(|| NaiveDate::parse_from_str(v.get(..8)?, "%Y%m%d").ok())
    }
}

/// A TimeML document, read.
#[derive(Debug, Clone)]
pub struct TimemlDocument {
    /// The file it came from (used in error messages).
    pub path: PathBuf,
    pub dct: Option<Dct>,
    /// The `<TEXT>` content: tags removed, entities decoded.
    pub text: String,
    /// The gold TIMEX3 elements inside `<TEXT>` (empty elements ignored), in document order.
    pub gold: Vec<TimexAnnotation>,
    raw: String,
    /// Byte range of the `<TEXT>` element's content in `raw`.
    content: (usize, usize),
    /// Every run of text inside `<TEXT>`: where it sits in `raw` and in `text`.
    pieces: Vec<Piece>,
}

/// A run of character data inside `<TEXT>`: either literal text (same bytes in `raw` and
/// `text`) or one entity reference (its raw spelling decodes to one character).
#[derive(Debug, Clone, Copy)]
struct Piece {
    raw_start: usize,
    raw_end: usize,
    text_start: usize,
    text_end: usize,
}

/// What a tag looks like once tokenized.
#[derive(Debug)]
enum Token<'a> {
    Start {
        name: &'a str,
        attrs: Vec<(&'a str, String)>,
        empty: bool,
    },
    End {
        name: &'a str,
    },
    /// Comments, CDATA, processing instructions, declarations.
    Other,
}

struct Lexer<'a> {
    raw: &'a str,
    path: &'a Path,
}

impl<'a> Lexer<'a> {
    fn error(&self, at: usize, message: impl Into<String>) -> Error {
        let (line, column) = line_column(self.raw, at);
        Error::parse(Location::new(self.path, line, column), message)
    }

    /// Reads the markup starting at `at` (which holds `<`); gives the token and where it ends.
    fn tag(&self, at: usize) -> Result<(Token<'a>, usize)> {
        let rest = self.raw.get(at..).unwrap_or("");
        for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>")] {
            if rest.starts_with(open) {
                return match rest.find(close) {
                    Some(i) => Ok((Token::Other, at + i + close.len())),
                    None => Err(self.error(at, format!("`{open}` is never closed"))),
                };
            }
        }
        if rest.starts_with("<!") {
            // A DOCTYPE may hold an internal subset in brackets, with `>` inside it.
            let subset = rest
                .find('[')
                .filter(|b| rest.find('>').is_some_and(|g| *b < g));
            if let (true, Some(open)) = (rest.starts_with("<!DOCTYPE"), subset) {
                let end = rest.get(open..).and_then(|r| r.find(']')).and_then(|c| {
                    let after = rest.get(open + c + 1..)?;
                    let gt = after.find('>')?;
                    after
                        .get(..gt)?
                        .trim()
                        .is_empty()
                        .then_some(open + c + 1 + gt + 1)
                });
                return match end {
                    Some(e) => Ok((Token::Other, at + e)),
                    None => Err(self.error(at, "DOCTYPE is never closed")),
                };
            }
            return match rest.find('>') {
                Some(i) => Ok((Token::Other, at + i + 1)),
                None => Err(self.error(at, "declaration is never closed")),
            };
        }
        let bytes = rest.as_bytes();
        let mut i = 1;
        let closing = bytes.get(1) == Some(&b'/');
        if closing {
            i += 1;
        }
        let name_start = i;
        while bytes.get(i).is_some_and(|b| is_name_byte(*b)) {
            i += 1;
        }
        let name = rest.get(name_start..i).unwrap_or("");
        if name.is_empty() {
            return Err(self.error(at, "`<` that does not start a tag (write `&lt;`)"));
        }
        let mut attrs = Vec::new();
        loop {
            while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
                i += 1;
            }
            match bytes.get(i) {
                None => return Err(self.error(at, format!("tag <{name}> is never closed"))),
                Some(b'>') => {
                    let token = if closing {
                        Token::End { name }
                    } else {
                        Token::Start {
                            name,
                            attrs,
                            empty: false,
                        }
                    };
                    return Ok((token, at + i + 1));
                }
                Some(b'/') if !closing && bytes.get(i + 1) == Some(&b'>') => {
                    let token = Token::Start {
                        name,
                        attrs,
                        empty: true,
                    };
                    return Ok((token, at + i + 2));
                }
                Some(b) if is_name_byte(*b) && !closing => {
                    let key_start = i;
                    while bytes.get(i).is_some_and(|b| is_name_byte(*b)) {
                        i += 1;
                    }
                    let key = rest.get(key_start..i).unwrap_or("");
                    while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
                        i += 1;
                    }
                    if bytes.get(i) != Some(&b'=') {
                        return Err(self.error(at + i, format!("attribute `{key}` has no value")));
                    }
                    i += 1;
                    while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
                        i += 1;
                    }
                    let quote = match bytes.get(i) {
                        Some(q @ (b'"' | b'\'')) => *q,
                        _ => {
                            return Err(
                                self.error(at + i, format!("value of `{key}` is not quoted"))
                            )
                        }
                    };
                    i += 1;
                    let value_start = i;
                    while bytes.get(i).is_some_and(|b| *b != quote) {
                        i += 1;
                    }
                    if bytes.get(i).is_none() {
                        return Err(self.error(at + value_start, "attribute value is never closed"));
                    }
                    let raw_value = rest.get(value_start..i).unwrap_or("");
                    let value = self.decode(raw_value, at + value_start)?;
                    attrs.push((key, value));
                    i += 1;
                }
                Some(_) => {
                    return Err(self.error(at + i, format!("unexpected character in <{name}>")))
                }
            }
        }
    }

    /// Decodes the entities in an attribute value.
    fn decode(&self, raw: &str, at: usize) -> Result<String> {
        let mut out = String::with_capacity(raw.len());
        let mut rest = raw;
        let mut offset = at;
        while let Some(amp) = rest.find('&') {
            out.push_str(rest.get(..amp).unwrap_or(""));
            let after = rest.get(amp..).unwrap_or("");
            let (c, len) =
                entity(after).ok_or_else(|| self.error(offset + amp, bad_entity(after)))?;
            out.push(c);
            rest = after.get(len..).unwrap_or("");
            offset += amp + len;
        }
        out.push_str(rest);
        Ok(out)
    }
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':')
}

fn bad_entity(at: &str) -> String {
    let shown: String = at
        .chars()
        .take(12)
        .take_while(|c| !c.is_whitespace())
        .collect();
    format!("unknown or unterminated entity `{shown}`")
}

/// Decodes the entity at the start of `s` (which starts with `&`): the character and the
/// length of its spelling.
fn entity(s: &str) -> Option<(char, usize)> {
    // Bytes, not a str slice: the 12th byte may fall inside a character ("&amp;gain é").
    let semi = s.bytes().take(12).position(|b| b == b';')?;
    let name = s.get(1..semi)?;
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(code)?
        }
    };
    Some((c, semi + 1))
}

/// 1-based line and column (in characters) of byte `at` in `raw`. A lone CR ends a line too.
fn line_column(raw: &str, at: usize) -> (usize, usize) {
    let before = raw.get(..at.min(raw.len())).unwrap_or(raw);
    let bytes = before.as_bytes();
    let mut line = 1;
    let mut line_start = 0;
    for (i, b) in bytes.iter().enumerate() {
        let ends = *b == b'\n' || (*b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends {
            line += 1;
            line_start = i + 1;
        }
    }
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// Counts lines forward through a document, so that finding the line of each tag stays linear.
#[derive(Default)]
struct LineCounter {
    at: usize,
    line: usize,
}

impl LineCounter {
    fn line_at(&mut self, raw: &str, at: usize) -> usize {
        if at < self.at {
            *self = LineCounter::default();
        }
        let bytes = raw.as_bytes().get(self.at..at).unwrap_or(&[]);
        for (i, b) in bytes.iter().enumerate() {
            let next = raw.as_bytes().get(self.at + i + 1);
            if *b == b'\n' || (*b == b'\r' && next != Some(&b'\n')) {
                self.line += 1;
            }
        }
        self.at = at;
        self.line + 1
    }
}

/// An open TIMEX3 inside `<TEXT>` waiting for its end tag.
struct OpenTimex {
    text_start: usize,
    attrs: Vec<(String, String)>,
    line: usize,
}

fn attr<'v>(attrs: &'v [(impl AsRef<str>, String)], key: &str) -> Option<&'v str> {
    attrs
        .iter()
        .find(|(k, _)| k.as_ref() == key)
        .map(|(_, v)| v.as_str())
}

impl TimemlDocument {
    /// Reads the file at `path`. The error's message already names the file, line and cause.
    pub fn read(path: &Path) -> Result<TimemlDocument> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(Location::file(path), e))?;
        let raw = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(e.as_bytes().get(..at).unwrap_or(&[]));
            let (line, column) = line_column(&prefix, at);
            Error::parse(Location::new(path, line, column), "invalid UTF-8")
        })?;
        TimemlDocument::parse(raw, path)
    }

    /// Parses a document held in memory; `path` only names it in errors.
    pub fn parse(raw: String, path: &Path) -> Result<TimemlDocument> {
        let lexer = Lexer { raw: &raw, path };
        let mut stack: Vec<(String, usize)> = Vec::new();
        let mut dct: Option<Dct> = None;
        let mut text = String::new();
        let mut gold = Vec::new();
        let mut pieces = Vec::new();
        let mut content: Option<(usize, usize)> = None;
        let mut text_start: Option<usize> = None;
        let mut open_timexes: Vec<OpenTimex> = Vec::new();
        let mut lines = LineCounter::default();
        let mut at = 0;
        while at < raw.len() {
            let rest = raw.get(at..).unwrap_or("");
            let next_special = rest.find(['<', '&']).map_or(raw.len(), |i| at + i);
            if next_special > at {
                if text_start.is_some() {
                    let chunk = raw.get(at..next_special).unwrap_or("");
                    pieces.push(Piece {
                        raw_start: at,
                        raw_end: next_special,
                        text_start: text.len(),
                        text_end: text.len() + chunk.len(),
                    });
                    text.push_str(chunk);
                }
                at = next_special;
                continue;
            }
            if rest.starts_with('&') {
                let (c, len) = entity(rest).ok_or_else(|| lexer.error(at, bad_entity(rest)))?;
                if text_start.is_some() {
                    let before = text.len();
                    text.push(c);
                    pieces.push(Piece {
                        raw_start: at,
                        raw_end: at + len,
                        text_start: before,
                        text_end: text.len(),
                    });
                }
                at += len;
                continue;
            }
            if text_start.is_some() && rest.starts_with("<![CDATA[") {
                // Its content is text, but writing it back would need its wrapper kept around
                // every piece: no TimeML corpus uses it, so say so rather than guess.
                return Err(lexer.error(at, "CDATA inside <TEXT> is not supported"));
            }
            let (token, end) = lexer.tag(at)?;
            match token {
                Token::Other => {}
                Token::Start { name, attrs, empty } => {
                    let in_text = text_start.is_some();
                    if name == "TEXT" && !in_text {
                        if content.is_some() {
                            return Err(lexer.error(at, "a second <TEXT> element"));
                        }
                        if empty {
                            content = Some((end, end));
                        } else {
                            text_start = Some(end);
                        }
                    } else if name == "TIMEX3" && in_text && !empty {
                        open_timexes.push(OpenTimex {
                            text_start: text.len(),
                            attrs: attrs.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
                            line: lines.line_at(&raw, at),
                        });
                    } else if name == "TIMEX3"
                        && stack.last().is_some_and(|(n, _)| n == "DCT")
                        && dct.is_none()
                    {
                        dct = Some(Dct {
                            value: attr(&attrs, "value").unwrap_or("").to_string(),
                            kind: attr(&attrs, "type").unwrap_or("").to_string(),
                        });
                    }
                    if !empty {
                        stack.push((name.to_string(), at));
                    }
                }
                Token::End { name } => {
                    match stack.pop() {
                        Some((open, _)) if open == name => {}
                        Some((open, open_at)) => {
                            let (line, _) = line_column(&raw, open_at);
                            return Err(lexer.error(
                                at,
                                format!("</{name}> closes <{open}> opened on line {line}"),
                            ));
                        }
                        None => return Err(lexer.error(at, format!("</{name}> closes nothing"))),
                    }
                    if name == "TEXT" && !stack.iter().any(|(n, _)| n == "TEXT") {
                        if let Some(start) = text_start.take() {
                            content = Some((start, at));
                        }
                    } else if name == "TIMEX3" && text_start.is_some() {
                        if let Some(open) = open_timexes.pop() {
                            if text.len() > open.text_start {
                                gold.push(TimexAnnotation {
                                    start: open.text_start,
                                    end: text.len(),
                                    tid: attr(&open.attrs, "tid").unwrap_or("").to_string(),
                                    kind: attr(&open.attrs, "type").unwrap_or("").to_string(),
                                    value: attr(&open.attrs, "value").unwrap_or("").to_string(),
                                    modifier: attr(&open.attrs, "mod").map(str::to_string),
                                    line: open.line,
                                });
                            }
                        }
                    }
                }
            }
            at = end;
        }
        if let Some((open, open_at)) = stack.last() {
            return Err(lexer.error(*open_at, format!("<{open}> is never closed")));
        }
        let content =
            content.ok_or_else(|| Error::parse(Location::file(path), "no <TEXT> element"))?;
        gold.sort_by_key(|g| (g.start, std::cmp::Reverse(g.end)));
        Ok(TimemlDocument {
            path: path.to_path_buf(),
            dct,
            text,
            gold,
            raw,
            content,
            pieces,
        })
    }

    /// The anchor for relative expressions: the DCT's day.
    pub fn anchor(&self) -> Option<NaiveDate> {
        self.dct.as_ref().and_then(Dct::date)
    }

    /// Where byte `offset` of [`Self::text`] sits in the raw file, if it is a boundary between
    /// two pieces of text (never inside an entity's spelling).
    fn raw_offset(&self, offset: usize) -> Option<usize> {
        let i = self.pieces.partition_point(|p| p.text_end <= offset);
        match self.pieces.get(i) {
            Some(p) if p.text_start == offset => Some(p.raw_start),
            Some(p) if p.raw_end - p.raw_start == p.text_end - p.text_start => {
                let raw = p.raw_start + (offset - p.text_start);
                self.raw.is_char_boundary(raw).then_some(raw)
            }
            Some(_) => None,
            None if offset == self.text.len() => Some(self.content.1),
            None => None,
        }
    }

    /// The document with `timexes` (spans into [`Self::text`]) written as TIMEX3 tags inside
    /// `<TEXT>`, replacing whatever annotation was there. Bytes outside `<TEXT>` are unchanged;
    /// inside, the text keeps its original bytes. Timexes that overlap an earlier one, or whose
    /// span does not fall on a character boundary, are left out (XML cannot nest them); the
    /// second value counts them.
    pub fn annotate(&self, timexes: &[Timex]) -> (String, usize) {
        let (content_start, content_end) = self.content;
        let mut out = String::with_capacity(self.raw.len() + timexes.len() * 160);
        out.push_str(self.raw.get(..content_start).unwrap_or(""));
        let mut sorted: Vec<(usize, &Timex)> = timexes.iter().enumerate().collect();
        sorted.sort_by_key(|(_, t)| (t.start, std::cmp::Reverse(t.end)));
        let mut inserts: Vec<(usize, usize, &Timex)> = Vec::new();
        // tid number of each written timex, by its index in `timexes` (for anchorTimeID).
        let mut tids: Vec<Option<usize>> = vec![None; timexes.len()];
        let mut dropped = 0;
        let mut last_end = 0;
        for (index, t) in sorted {
            let span = (t.start < t.end && t.start >= last_end)
                .then(|| Some((self.raw_offset(t.start)?, self.raw_offset(t.end)?)))
                .flatten();
            match span {
                Some((s, e)) => {
                    inserts.push((s, e, t));
                    if let Some(tid) = tids.get_mut(index) {
                        *tid = Some(inserts.len());
                    }
                    last_end = t.end;
                }
                None => dropped += 1,
            }
        }
        // Tag boundaries as raw positions; at one position a closing tag goes before an opening one.
        let mut events: Vec<(usize, bool, usize)> = Vec::with_capacity(inserts.len() * 2);
        for (n, (s, e, _)) in inserts.iter().enumerate() {
            events.push((*s, true, n));
            events.push((*e, false, n));
        }
        events.sort_by_key(|(pos, open, _)| (*pos, *open));
        let mut events = events.into_iter().peekable();
        let emit = |out: &mut String, open: bool, n: usize| {
            if open {
                if let Some((_, _, t)) = inserts.get(n) {
                    // Anchored on an earlier expression when it was written, else on the DCT.
                    let anchor = t
                        .anchor_index
                        .and_then(|i| tids.get(i).copied().flatten())
                        .map_or_else(|| "t0".to_string(), |tid| format!("t{tid}"));
                    open_tag(out, n + 1, t, &anchor);
                }
            } else {
                out.push_str("</TIMEX3>");
            }
        };
        // Copy the raw bytes of every run of text, dropping the tags between runs.
        for piece in &self.pieces {
            let mut at = piece.raw_start;
            while let Some((pos, open, n)) = events.next_if(|(pos, _, _)| *pos < piece.raw_end) {
                if pos > at {
                    out.push_str(self.raw.get(at..pos).unwrap_or(""));
                    at = pos;
                }
                emit(&mut out, open, n);
            }
            out.push_str(self.raw.get(at..piece.raw_end).unwrap_or(""));
        }
        for (_, open, n) in events {
            emit(&mut out, open, n);
        }
        out.push_str(self.raw.get(content_end..).unwrap_or(""));
        (out, dropped)
    }
}

fn open_tag(out: &mut String, n: usize, t: &Timex, anchor_tid: &str) {
    let kind = timex_type(t.kind);
    let _ = write!(
        out,
        "<TIMEX3 tid=\"t{n}\" type=\"{kind}\" value=\"{}\"",
        escape_attr(&t.value)
    );
    if let Some(m) = t.modifier {
        let _ = write!(out, " mod=\"{}\"", modifier_name(m));
    }
    if t.relative {
        let _ = write!(
            out,
            " temporalFunction=\"true\" functionInDocument=\"NONE\" anchorTimeID=\"{anchor_tid}\">"
        );
    } else {
        out.push_str(" temporalFunction=\"false\" functionInDocument=\"NONE\">");
    }
}

/// TIMEX3 `type` as TimeML spells it.
pub fn timex_type(kind: TimexKind) -> &'static str {
    match kind {
        TimexKind::Date => "DATE",
        TimexKind::Time => "TIME",
        TimexKind::Duration => "DURATION",
        TimexKind::Set => "SET",
    }
}

/// TimeML's spelling of a `mod` value.
pub fn modifier_name(m: Modifier) -> &'static str {
    match m {
        Modifier::Approx => "APPROX",
        Modifier::Start => "START",
        Modifier::Mid => "MID",
        Modifier::End => "END",
        Modifier::Before => "BEFORE",
        Modifier::After => "AFTER",
        Modifier::OnOrBefore => "ON_OR_BEFORE",
        Modifier::OnOrAfter => "ON_OR_AFTER",
        Modifier::LessThan => "LESS_THAN",
        Modifier::MoreThan => "MORE_THAN",
        Modifier::EqualOrLess => "EQUAL_OR_LESS",
        Modifier::EqualOrMore => "EQUAL_OR_MORE",
    }
}

fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>x1</DOCID>\n\
<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2004-03-10\" functionInDocument=\"CREATION_TIME\">March 10, 2004</TIMEX3></DCT>\n\
<TEXT>\nThe mayor <EVENT eid=\"e1\">spoke</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2004-03-09\">on Tuesday</TIMEX3> at Smith &amp; Sons.\n\
Sales rose for <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3Y\" mod=\"MORE_THAN\">more than three years</TIMEX3>.<TIMEX3 tid=\"t3\" type=\"DATE\" value=\"X\"/>\n</TEXT>\n\
<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t1\"/>\n</TimeML>\n";

    fn doc() -> TimemlDocument {
        TimemlDocument::parse(DOC.to_string(), Path::new("x.tml")).unwrap()
    }

    fn timex(text: &str, hay: &str, value: &str, kind: TimexKind) -> Timex {
        let start = hay.find(text).unwrap();
        let gold = TimexAnnotation {
            start,
            end: start + text.len(),
            tid: String::new(),
            kind: timex_type(kind).into(),
            value: value.into(),
            modifier: None,
            line: 0,
        };
        gold.to_timex(hay)
    }

    #[test]
    fn reads_dct_text_without_tags_and_decoded_entities() {
        let d = doc();
        assert_eq!(d.anchor(), NaiveDate::from_ymd_opt(2004, 3, 10));
        assert_eq!(
            d.text,
            "\nThe mayor spoke on Tuesday at Smith & Sons.\nSales rose for more than three years.\n"
        );
    }

    #[test]
    fn reads_gold_spans_and_attributes_ignoring_empty_timexes() {
        let d = doc();
        assert_eq!(d.gold.len(), 2);
        let g = &d.gold[0];
        assert_eq!(&d.text[g.start..g.end], "on Tuesday");
        assert_eq!((g.kind.as_str(), g.value.as_str()), ("DATE", "2004-03-09"));
        assert_eq!(g.line, 6);
        let g = &d.gold[1];
        assert_eq!(&d.text[g.start..g.end], "more than three years");
        assert_eq!(g.modifier.as_deref(), Some("MORE_THAN"));
    }

    #[test]
    fn annotate_with_nothing_strips_annotation_and_keeps_every_other_byte() {
        let d = doc();
        let (out, dropped) = d.annotate(&[]);
        assert_eq!(dropped, 0);
        let expected = DOC
            .replace("<EVENT eid=\"e1\">spoke</EVENT>", "spoke")
            .replace(
                "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2004-03-09\">on Tuesday</TIMEX3>",
                "on Tuesday",
            )
            .replace("<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3Y\" mod=\"MORE_THAN\">more than three years</TIMEX3>", "more than three years")
            .replace("<TIMEX3 tid=\"t3\" type=\"DATE\" value=\"X\"/>", "");
        assert_eq!(out, expected);
    }

    #[test]
    fn annotate_inserts_tags_and_reencodes_entities_as_written() {
        let d = doc();
        let mut sons = timex("Smith & Sons", &d.text, "X", TimexKind::Date);
        sons.relative = true;
        sons.modifier = Some(Modifier::Approx);
        let tuesday = timex("on Tuesday", &d.text, "2004-03-09", TimexKind::Date);
        let (out, dropped) = d.annotate(&[sons, tuesday]);
        assert_eq!(dropped, 0);
        assert!(out.contains(
            "spoke <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2004-03-09\" temporalFunction=\"false\" functionInDocument=\"NONE\">on Tuesday</TIMEX3> at "
        ), "{out}");
        assert!(out.contains("mod=\"APPROX\" temporalFunction=\"true\" functionInDocument=\"NONE\" anchorTimeID=\"t0\">Smith &amp; Sons</TIMEX3>."), "{out}");
        // Reading the output back gives the same text and our tags as its annotation.
        let again = TimemlDocument::parse(out, Path::new("out.tml")).unwrap();
        assert_eq!(again.text, d.text);
        assert_eq!(again.gold.len(), 2);
        assert_eq!(
            &again.text[again.gold[1].start..again.gold[1].end],
            "Smith & Sons"
        );
    }

    #[test]
    fn anchor_index_becomes_the_anchor_tid_of_the_earlier_timex() {
        let d = doc();
        let years = timex("three years", &d.text, "P3Y", TimexKind::Duration);
        let mut sons = timex("Sons", &d.text, "2004", TimexKind::Date);
        sons.relative = true;
        sons.anchor_index = Some(1);
        let mut tuesday = timex("on Tuesday", &d.text, "2004-03-09", TimexKind::Date);
        tuesday.relative = true;
        // Given out of order: "on Tuesday" (index 2) is written first, as t1.
        let (out, _) = d.annotate(&[sons, years.clone(), tuesday]);
        assert!(out.contains("anchorTimeID=\"t0\">on Tuesday<"), "{out}");
        assert!(out.contains("tid=\"t2\" type=\"DATE\" value=\"2004\" temporalFunction=\"true\" functionInDocument=\"NONE\" anchorTimeID=\"t3\">Sons<"), "{out}");
        assert!(out.contains("tid=\"t3\" type=\"DURATION\""), "{out}");
    }

    #[test]
    fn annotate_leaves_out_overlapping_and_mid_entity_spans() {
        let d = doc();
        let a = timex("three years", &d.text, "P3Y", TimexKind::Duration);
        let b = timex("more than three", &d.text, "3", TimexKind::Date);
        let (out, dropped) = d.annotate(&[a, b]);
        assert_eq!(dropped, 1);
        assert!(out.contains(">more than three</TIMEX3> years"));
        let amp = d.text.find('&').unwrap();
        let mut mid = timex("& Sons", &d.text, "X", TimexKind::Date);
        mid.start = amp + 1;
        let (_, dropped) = d.annotate(&[mid]);
        assert_eq!(dropped, 0, "a boundary right after the entity is fine");
    }

    #[test]
    fn timex_at_the_very_end_of_text_is_closed_before_text_end_tag() {
        let raw = "<TimeML><TEXT>It was 1999</TEXT></TimeML>".to_string();
        let d = TimemlDocument::parse(raw, Path::new("e.tml")).unwrap();
        let t = timex("1999", &d.text, "1999", TimexKind::Date);
        let (out, _) = d.annotate(&[t]);
        assert_eq!(
            out,
            "<TimeML><TEXT>It was <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1999\" temporalFunction=\"false\" functionInDocument=\"NONE\">1999</TIMEX3></TEXT></TimeML>"
        );
    }

    #[test]
    fn mismatched_end_tag_names_file_and_line() {
        let raw = "<TimeML>\n<TEXT>\nword <EVENT>x</TIMEX3>\n</TEXT></TimeML>".to_string();
        let e = TimemlDocument::parse(raw, Path::new("bad.tml")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "bad.tml:3:14: </TIMEX3> closes <EVENT> opened on line 3"
        );
    }

    #[test]
    fn unknown_entity_and_missing_text_are_errors() {
        let raw = "<TimeML>\n<TEXT>AT&T</TEXT></TimeML>".to_string();
        let e = TimemlDocument::parse(raw, Path::new("amp.tml")).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("amp.tml:2:9: unknown or unterminated entity"),
            "{e}"
        );
        let e = TimemlDocument::parse("<TimeML></TimeML>".into(), Path::new("n.tml")).unwrap_err();
        assert_eq!(e.to_string(), "n.tml: no <TEXT> element");
    }

    #[test]
    fn doctype_with_internal_subset_and_comments_are_skipped() {
        let raw =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE TimeML [ <!ENTITY co \"x\"> ]>\n<!-- <TEXT> -->\
<TimeML><![CDATA[ <TEXT> ]]><TEXT>a<!-- b -->c</TEXT></TimeML>";
        let d = TimemlDocument::parse(raw.into(), Path::new("d.tml")).unwrap();
        assert_eq!(d.text, "ac");
        let cdata = "<TimeML><TEXT>\na<![CDATA[<b>]]>c</TEXT></TimeML>";
        let e = TimemlDocument::parse(cdata.into(), Path::new("c.tml")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.tml:2:2: CDATA inside <TEXT> is not supported"
        );
    }

    #[test]
    fn dct_with_a_time_or_compact_form_gives_its_day() {
        let d = |v: &str| {
            Dct {
                value: v.into(),
                kind: "TIME".into(),
            }
            .date()
        };
        assert_eq!(d("1998-12-05T09:42"), NaiveDate::from_ymd_opt(1998, 12, 5));
        assert_eq!(d("19980108"), NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(d("sometime"), None);
    }
}
