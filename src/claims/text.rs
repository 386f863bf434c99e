//! Word tokens for the claim extractors.
//!
//! Takes a sentence; gives [`Token`]s (words, numbers and punctuation marks) with their byte
//! spans and a lowercase form, so that quantities, triggers, places and attributions are all
//! matched on the same word boundaries. Whether a token touches its neighbour (`glued`) is kept,
//! because "9th", "February9" and "$50" must not read as plain numbers.

use std::sync::OnceLock;

use regex::Regex;

/// One word, number or punctuation mark of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Lowercase, with typographic apostrophes made plain.
    pub lower: String,
}

impl Token<'_> {
    /// A number written with digits ("52", "1,800", "2.5").
    pub fn is_digits(&self) -> bool {
        self.text.starts_with(|c: char| c.is_ascii_digit())
    }

    /// A word made of letters.
    pub fn is_word(&self) -> bool {
        self.text.starts_with(char::is_alphabetic)
    }

    /// Punctuation (anything that is neither a word nor a number).
    pub fn is_punct(&self) -> bool {
        !self.is_digits() && !self.is_word()
    }
}

fn token_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\d+(?:[.,]\d+)*|\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*|[^\s\p{L}\p{N}]")
            .unwrap_or_else(|e| unreachable!("token pattern is valid: {e}"))
    })
}

/// Splits `text` into tokens. Never fails; unknown characters become punctuation tokens.
///
/// The tokens are the matches of the token pattern (a regex). Tokens made of ASCII are cut by hand, which
/// is several times faster; at the first byte where the pattern could go on with a character
/// beyond ASCII (a letter, a mark, a digit of another script), the regex takes that token.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // `\s`: the ASCII white space and the vertical tab, which `is_ascii_whitespace` leaves out.
        if b.is_ascii_whitespace() || b == 0x0b {
            i += 1;
            continue;
        }
        match ascii_token_end(bytes, i) {
            Some(end) => {
                out.push(token(text, i, end));
                i = end;
            }
            None => match token_regex().find_at(text, i) {
                Some(m) => {
                    out.push(token(text, m.start(), m.end()));
                    i = m.end();
                }
                None => break,
            },
        }
    }
    out
}

fn token(text: &str, start: usize, end: usize) -> Token<'_> {
    let word = &text[start..end];
    // Most tokens are ASCII without a typographic apostrophe: one allocation, not two.
    let lower = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase().replace('’', "'")
    };
    Token {
        start,
        end,
        text: word,
        lower,
    }
}

/// Where the token starting at ASCII byte `i` ends, when it is ASCII through and through and
/// the regex could not take it further; `None` leaves the token to the regex.
fn ascii_token_end(bytes: &[u8], i: usize) -> Option<usize> {
    let at = |k: usize| bytes.get(k).copied();
    let b = at(i)?;
    if !b.is_ascii() {
        return None;
    }
    let mut k = i;
    if b.is_ascii_digit() {
        // \d+(?:[.,]\d+)*
        loop {
            while at(k).is_some_and(|c| c.is_ascii_digit()) {
                k += 1;
            }
            match at(k) {
                Some(b'.' | b',') => match at(k + 1) {
                    Some(c) if c.is_ascii_digit() => k += 1,
                    Some(c) if !c.is_ascii() => return None,
                    _ => return Some(k),
                },
                Some(c) if !c.is_ascii() => return None,
                _ => return Some(k),
            }
        }
    }
    if b.is_ascii_alphabetic() {
        // \p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*
        while at(k).is_some_and(|c| c.is_ascii_alphabetic()) {
            k += 1;
        }
        loop {
            match at(k) {
                Some(b'\'') => match at(k + 1) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        k += 1;
                        while at(k).is_some_and(|c| c.is_ascii_alphabetic()) {
                            k += 1;
                        }
                    }
                    Some(c) if !c.is_ascii() => return None,
                    _ => return Some(k),
                },
                Some(c) if !c.is_ascii() => return None,
                _ => return Some(k),
            }
        }
    }
    // [^\s\p{L}\p{N}]: one ASCII mark that is neither space, letter nor digit.
    Some(i + 1)
}

/// True when the two tokens touch (no space between them).
pub fn glued(a: &Token<'_>, b: &Token<'_>) -> bool {
    a.end == b.start
}

/// Words (not punctuation) between two byte offsets, for distance checks.
pub fn words_between(tokens: &[Token<'_>], from: usize, to: usize) -> usize {
    let (lo, hi) = if from <= to { (from, to) } else { (to, from) };
    within(tokens, lo, hi)
        .iter()
        .filter(|t| !t.is_punct())
        .count()
}

/// Index of the first token starting at or after `offset` (`tokens.len()` when none does).
/// Tokens are sorted and do not overlap, so this is a binary search, not a scan: claims
/// extraction must stay near-linear on a 256 KiB sentence.
pub fn first_at(tokens: &[Token<'_>], offset: usize) -> usize {
    tokens.partition_point(|t| t.start < offset)
}

/// The tokens lying wholly inside `from..to`, found by binary search.
pub fn within<'t, 'a>(tokens: &'t [Token<'a>], from: usize, to: usize) -> &'t [Token<'a>] {
    let lo = first_at(tokens, from);
    let hi = tokens.partition_point(|t| t.end <= to);
    tokens.get(lo..hi).unwrap_or_default()
}

/// Running sums over a sentence's tokens, so that "how many words (or how much clause
/// weight) lie between these offsets" costs a binary search instead of a scan of the sentence.
#[derive(Debug, Clone, Default)]
pub struct Prefix {
    /// `sums[i]` is the weight of tokens `0..i`; one longer than the tokens.
    sums: Vec<usize>,
}

impl Prefix {
    /// Sums `weight` over `tokens`.
    pub fn new(tokens: &[Token<'_>], weight: impl Fn(&Token<'_>) -> usize) -> Prefix {
        let mut sums = Vec::with_capacity(tokens.len() + 1);
        let mut total = 0;
        sums.push(0);
        for t in tokens {
            total += weight(t);
            sums.push(total);
        }
        Prefix { sums }
    }

    /// The weight of the tokens lying wholly inside `from..to` (the same tokens as [`within`]).
    pub fn between(&self, tokens: &[Token<'_>], from: usize, to: usize) -> usize {
        let lo = first_at(tokens, from);
        let hi = tokens.partition_point(|t| t.end <= to);
        if hi <= lo {
            return 0;
        }
        match (self.sums.get(hi), self.sums.get(lo)) {
            (Some(h), Some(l)) => h - l,
            _ => 0,
        }
    }
}

/// A lowercase ASCII slug: "Camp Liberty" gives "camp-liberty".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans(tokens: &[Token<'_>]) -> Vec<(usize, usize)> {
        tokens.iter().map(|t| (t.start, t.end)).collect()
    }

    fn by_regex(text: &str) -> Vec<(usize, usize)> {
        token_regex()
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    #[test]
    fn hand_cut_tokens_are_the_pattern_s() {
        for s in [
            "At least 1,800 people (2.5%) were killed; the U.N. said.",
            "l'été, l’hiver, don't, don’t, O'Brien's, rock'n'roll'",
            "1,2,3 4.5. 6,,7 8.a 9.٣ 12٣ ٣4 ½ Ⅳ x²",
            "cafe\u{301} café naïve Zürich CAFÉ e\u{301}",
            "tab\there\x0bvt\x0cff\r\n\u{a0}nbsp\u{3000}ideo\u{85}nel",
            "\x00\x1f\x7f$50 #1 @x ~ `q`",
            "",
            "'",
            "a'",
            "9.",
        ] {
            assert_eq!(spans(&tokenize(s)), by_regex(s), "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn hand_cut_tokens_are_the_pattern_s_on_any_mix(
            s in "[a-zA-Z0-9 .,'’\\t\\x0b\\x0c\\n\\r\\x00-\\x1féüñ٣½Ⅳ\u{301}\u{a0}\u{3000}$-]{0,40}"
        ) {
            prop_assert_eq!(spans(&tokenize(&s)), by_regex(&s));
        }

        #[test]
        fn hand_cut_tokens_are_the_pattern_s_on_any_text(s in "\\PC{0,60}") {
            prop_assert_eq!(spans(&tokenize(&s)), by_regex(&s));
        }
    }

    #[test]
    fn numbers_with_separators_are_one_token() {
        let t = tokenize("some 1,800 people, $50 and 2.5%");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            ["some", "1,800", "people", ",", "$", "50", "and", "2.5", "%"]
        );
    }

    #[test]
    fn ordinal_suffix_is_glued_to_its_number() {
        let t = tokenize("the 9th day");
        assert!(glued(&t[1], &t[2]));
        assert!(!glued(&t[0], &t[1]));
    }

    #[test]
    fn apostrophes_stay_inside_words() {
        let t = tokenize("the group’s camp");
        assert_eq!(t[1].text, "group’s");
        assert_eq!(t[1].lower, "group's");
    }

    #[test]
    fn prefix_sums_match_a_scan_of_the_span() {
        let text = "At least 12 were killed, and 3 (two of them guards) vanished.";
        let t = tokenize(text);
        let words = Prefix::new(&t, |t| usize::from(!t.is_punct()));
        for from in 0..=text.len() {
            for to in from..=text.len() {
                let scan = t
                    .iter()
                    .filter(|t| t.start >= from && t.end <= to && !t.is_punct())
                    .count();
                assert_eq!(words.between(&t, from, to), scan, "{from}..{to}");
                assert_eq!(words_between(&t, from, to), scan, "{from}..{to}");
            }
        }
    }

    #[test]
    fn slug_joins_words_with_hyphens() {
        assert_eq!(slug("Camp  Liberty (TTL)"), "camp-liberty-ttl");
        assert_eq!(slug(""), "");
    }
}
