//! Tokens for the temporal grammar.
//!
//! Takes a slice of text (a candidate region); gives words, numbers and punctuation with their
//! byte spans. Numbers keep what the grammar needs to tell a year from a count: digit count,
//! an ordinal suffix ("20th"), a plural suffix ("1980s", "1980's"). Letters and digits glued
//! together ("Febriary12", "February9,2013") come apart into separate tokens. Every span lies
//! on character boundaries, whatever the input.

use super::lexicon::{classify, Lex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    /// Byte span in the tokenized slice.
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Lowercase text (digits only for numbers).
    pub text: &'a str,
    /// Value of a number token (saturating).
    pub num: u32,
    pub digits: u8,
    pub ordinal: bool,
    pub plural: bool,
    pub lex: Lex,
    /// The word starts with a capital letter.
    pub upper: bool,
}

impl Tok<'_> {
    pub fn is(&self, w: &str) -> bool {
        self.text == w
    }
    pub fn punct(&self, c: u8) -> bool {
        self.kind == TokKind::Punct
            && self.text.as_bytes().first() == Some(&c)
            && self.text.len() == 1
    }
}

fn is_alnum(b: Option<&u8>) -> bool {
    b.is_some_and(|b| b.is_ascii_alphanumeric())
}

/// Tokenizes `lower`, the ASCII-lowercased copy of `orig` (same byte offsets).
pub fn tokenize<'a>(orig: &str, lower: &'a str, out: &mut Vec<Tok<'a>>) {
    out.clear();
    let ob = orig.as_bytes();
    let b = lower.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_alphabetic() {
            while b.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
                i += 1;
            }
            let text = lower.get(start..i).unwrap_or("");
            out.push(Tok {
                start,
                end: i,
                kind: TokKind::Word,
                text,
                num: 0,
                digits: 0,
                ordinal: false,
                plural: false,
                lex: classify(text),
                upper: ob.get(start).is_some_and(|c| c.is_ascii_uppercase()),
            });
            continue;
        }
        if c.is_ascii_digit() {
            let mut num: u32 = 0;
            while let Some(&d) = b.get(i).filter(|c| c.is_ascii_digit()) {
                num = num.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                i += 1;
            }
            let digits = (i - start).min(255) as u8;
            let text = lower.get(start..i).unwrap_or("");
            let mut end = i;
            let mut ordinal = false;
            let mut plural = false;
            let suffix = |k: usize| b.get(i..i + k);
            if matches!(suffix(2), Some(b"st" | b"nd" | b"rd" | b"th")) && !is_alnum(b.get(i + 2)) {
                ordinal = true;
                end = i + 2;
            } else if suffix(1) == Some(b"s") && !is_alnum(b.get(i + 1)) {
                plural = true;
                end = i + 1;
            } else if suffix(2) == Some(b"'s") && !is_alnum(b.get(i + 2)) {
                plural = true;
                end = i + 2;
            } else if suffix(4) == Some("\u{2019}s".as_bytes()) && !is_alnum(b.get(i + 4)) {
                plural = true;
                end = i + 4;
            }
            i = end;
            out.push(Tok {
                start,
                end,
                kind: TokKind::Num,
                text,
                num,
                digits,
                ordinal,
                plural,
                lex: Lex::Other,
                upper: false,
            });
            continue;
        }
        // Punctuation: one character, whole (multi-byte characters stay whole).
        let len = if c < 0x80 {
            1
        } else if c >= 0xF0 {
            4
        } else if c >= 0xE0 {
            3
        } else {
            2
        };
        i = (start + len).min(b.len());
        while i < b.len() && !lower.is_char_boundary(i) {
            i += 1;
        }
        let text = lower.get(start..i).unwrap_or("");
        // No-break and other Unicode spaces separate like ASCII spaces.
        if text == "\u{a0}" || text == "\u{2009}" || text == "\u{202f}" {
            continue;
        }
        let text = if text == "\u{2019}" || text == "\u{2018}" {
            "'"
        } else {
            text
        };
        let text = if text == "\u{2013}" || text == "\u{2014}" {
            "-"
        } else {
            text
        };
        out.push(Tok {
            start,
            end: i,
            kind: TokKind::Punct,
            text,
            num: 0,
            digits: 0,
            ordinal: false,
            plural: false,
            lex: Lex::Other,
            upper: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let lower = s.to_ascii_lowercase();
        let mut v = Vec::new();
        tokenize(s, &lower, &mut v);
        v.iter().map(|t| t.text.to_string()).collect()
    }

    #[test]
    fn glued_month_and_day_come_apart() {
        assert_eq!(toks("Febriary12, 2013"), ["febriary", "12", ",", "2013"]);
        assert_eq!(toks("February9,2013"), ["february", "9", ",", "2013"]);
    }

    #[test]
    fn ordinal_and_decade_suffixes_stay_on_the_number() {
        let s = "20th 1980's 1970s";
        let lower = s.to_ascii_lowercase();
        let mut v = Vec::new();
        tokenize(s, &lower, &mut v);
        assert!(v[0].ordinal && v[1].plural && v[2].plural);
        assert_eq!(v.len(), 3);
    }
}
