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
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    token_regex()
        .find_iter(text)
        .map(|m| Token {
            start: m.start(),
            end: m.end(),
            text: m.as_str(),
            lower: m.as_str().to_lowercase().replace('’', "'"),
        })
        .collect()
}

/// True when the two tokens touch (no space between them).
pub fn glued(a: &Token<'_>, b: &Token<'_>) -> bool {
    a.end == b.start
}

/// Words (not punctuation) between two byte offsets, for distance checks.
pub fn words_between(tokens: &[Token<'_>], from: usize, to: usize) -> usize {
    let (lo, hi) = if from <= to { (from, to) } else { (to, from) };
    tokens
        .iter()
        .filter(|t| t.start >= lo && t.end <= hi && !t.is_punct())
        .count()
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
    fn slug_joins_words_with_hyphens() {
        assert_eq!(slug("Camp  Liberty (TTL)"), "camp-liberty-ttl");
        assert_eq!(slug(""), "");
    }
}
