//! Sentence segmentation.
//!
//! Takes a post; gives its sentences as byte spans with their 1-based file line. Boundaries
//! follow the Unicode sentence rules (UAX #29: terminators, closing punctuation, the lowercase
//! and continuation exceptions), corrected where news text fools them: abbreviations ("Dr.
//! Smith", "Sept. 1", "Jan. 2013"), initials ("John F. Kennedy") and dotted initialisms followed
//! by a name ("the U.N. Security Council") do not end a sentence, and footnote marks ("...the
//! camp.[3]") stay with theirs. Paragraph breaks always split; a single line break does unless the
//! line stops mid-sentence and the next one goes on in lowercase (hard-wrapped text).
//!
//! The UAX #29 rules that matter after a terminator are applied directly here rather than through
//! unicode-segmentation's iterator: that one looks every character up in its tables and ran at
//! 8 MB/s, a third of the whole ingest time.

use super::{Post, Sentence};

/// Words that, followed by a period, do not end a sentence (compared without the period,
/// case-insensitively).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "cpt", "sgt", "cmdr",
    "adm", "rep", "reps", "sen", "sens", "gov", "pres", "amb", "rev", "fr", "hon", "gov", "st",
    "mt", "ft", "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "no", "nos",
    "vol", "pp", "p", "art", "sec", "fig", "approx", "est", "vs", "v", "cf", "e.g", "i.e", "al",
    "inc", "corp", "co", "ltd", "dept", "univ", "assn", "bros", "ave", "blvd", "rd", "hwy",
];

/// Words that start a new sentence after a dotted initialism ("... in the U.S. The group ...").
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "in",
    "on",
    "at",
    "for",
    "there",
    "then",
    "when",
    "while",
    "after",
    "before",
    "however",
    "meanwhile",
    "his",
    "her",
    "their",
    "our",
    "as",
    "if",
    "so",
    "yet",
    "since",
    "some",
    "many",
    "most",
    "no",
    "not",
    "one",
    "two",
    "three",
];

/// Splits a post's text into sentences.
pub fn sentences(post: &Post) -> Vec<Sentence> {
    let text = post.text.as_str();
    let mut out = Vec::new();
    let mut line = post.first_line;
    let mut offset = 0;
    for block in blocks(text) {
        let (start, end) = block;
        // Count file lines between the previous block and this one.
        line += text.get(offset..start).map_or(0, count_newlines);
        offset = start;
        let Some(slice) = text.get(start..end) else {
            continue;
        };
        for (rel_start, rel_end) in split_block(slice) {
            let (abs_start, abs_end) = (start + rel_start, start + rel_end);
            line += text.get(offset..abs_start).map_or(0, count_newlines);
            offset = abs_start;
            out.push(Sentence {
                start: abs_start,
                end: abs_end,
                line,
            });
        }
    }
    out
}

fn count_newlines(s: &str) -> usize {
    s.bytes().filter(|&b| b == b'\n').count()
}

/// Blocks of text that sentences never cross: lines, joined where a line is hard-wrapped.
fn blocks(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for piece in text.split(['\n', '\u{2029}']) {
        let start = pos;
        let end = pos + piece.len();
        pos = end + 1;
        // U+2029 is three bytes long.
        if text.get(end..).is_some_and(|t| t.starts_with('\u{2029}')) {
            pos = end + '\u{2029}'.len_utf8();
        }
        if piece.trim().is_empty() {
            out.push((start, start));
            continue;
        }
        let joins = match out.last() {
            Some(&(s, e)) if e > s => {
                text.get(s..e)
                    .zip(text.get(e..start))
                    .is_some_and(|(prev, gap)| {
                        gap == "\n" && continues(prev.trim_end(), piece.trim_start())
                    })
            }
            _ => false,
        };
        match out.last_mut() {
            Some(last) if joins => last.1 = end,
            _ => out.push((start, end)),
        }
    }
    out.retain(|&(s, e)| e > s);
    out
}

/// True when `next` goes on the sentence `prev` leaves open (hard-wrapped text).
fn continues(prev: &str, next: &str) -> bool {
    let open = prev
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';' | '-' | '('));
    let lower = next.chars().next().is_some_and(|c| c.is_lowercase());
    open && lower
}

/// Sentence spans (relative, trimmed) inside one block.
fn split_block(block: &str) -> Vec<(usize, usize)> {
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for (start, end) in footnotes_attached(block) {
        let Some(piece) = block.get(start..end) else {
            continue;
        };
        // A block holds a line break only where a hard-wrapped line goes on: never a boundary.
        let merge = pieces.last().is_some_and(|&(s, e)| {
            block.get(s..e).is_some_and(|prev| {
                prev.ends_with('\n') || !ends_sentence(prev.trim_end(), piece.trim_start())
            })
        });
        match pieces.last_mut() {
            Some(last) if merge => last.1 = end,
            _ => pieces.push((start, end)),
        }
    }
    pieces
        .into_iter()
        .filter_map(|(s, e)| {
            let piece = block.get(s..e)?;
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            if !trimmed.chars().any(char::is_alphanumeric) {
                return None;
            }
            Some((s + lead, s + lead + trimmed.len()))
        })
        .collect()
}

/// Sentence terminators: UAX #29's ATerm (`.`) and the common STerms.
fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？' | '؟' | '।' | '॥' | '։'
    )
}

/// UAX #29 Close: quotation marks and brackets that may follow a terminator.
fn is_close(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '“' | '’' | '‘' | '»' | '«' | ')' | ']' | '}' | '(' | '[' | '{'
    )
}

/// UAX #29 SContinue: after a terminator, these mean the sentence goes on ("etc., and").
fn is_continuation(c: char) -> bool {
    matches!(
        c,
        ',' | '-' | ':' | ';' | '–' | '—' | '、' | '，' | '：' | '；'
    )
}

/// Sentence spans of a block by the UAX #29 rules SB6 to SB11 (the block holds no paragraph
/// separator): a terminator run, closing punctuation and spaces end a sentence, except a full
/// stop before a digit ("3.14"), between a letter and a capital ("U.S"), before a continuation (", :") or
/// before text whose next letter is lowercase ("Sept. 1 at noon", "e.g. this").
fn sentence_bounds(block: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = block.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let offset = |i: usize| chars.get(i).map_or(block.len(), |&(o, _)| o);
    let mut bounds = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        if !at(i).is_some_and(is_terminator) {
            i += 1;
            continue;
        }
        let mut j = i;
        while at(j).is_some_and(is_terminator) {
            j += 1;
        }
        // The rules after a full stop look at the last terminator of the run only.
        let last = j - 1;
        let full_stop = at(last) == Some('.');
        let mut k = j;
        while at(k).is_some_and(is_close) {
            k += 1;
        }
        let mut sp = k;
        while at(sp).is_some_and(char::is_whitespace) {
            sp += 1;
        }
        let goes_on = match at(sp) {
            None => false,
            Some(c) if is_continuation(c) || is_terminator(c) => true,
            Some(_) if !full_stop => false,
            Some(c) => {
                let digit_after = sp == j && c.is_numeric();
                let capitals = sp == j
                    && c.is_uppercase()
                    && last
                        .checked_sub(1)
                        .and_then(at)
                        .is_some_and(|p| p.is_uppercase() || p.is_lowercase());
                // SB8: skip what is neither a letter nor a terminator; lowercase goes on.
                let mut m = sp;
                while at(m).is_some_and(|c| !c.is_alphabetic() && !is_terminator(c)) {
                    m += 1;
                }
                digit_after || capitals || at(m).is_some_and(char::is_lowercase)
            }
        };
        if goes_on {
            i = j;
            continue;
        }
        bounds.push((offset(start), offset(sp)));
        start = sp;
        i = sp.max(i + 1);
    }
    if start < n {
        bounds.push((offset(start), block.len()));
    }
    bounds
}

/// UAX #29 boundaries, moved so that a footnote mark after a full stop ("...the camp.[3] Next")
/// stays with its sentence instead of splitting as "[" and "3]".
fn footnotes_attached(block: &str) -> Vec<(usize, usize)> {
    let mut bounds = sentence_bounds(block);
    for i in 1..bounds.len() {
        let (Some(&(ps, pe)), Some(&(ns, ne))) = (bounds.get(i - 1), bounds.get(i)) else {
            continue;
        };
        let (Some(prev), Some(next)) = (block.get(ps..pe), block.get(ns..ne)) else {
            continue;
        };
        if !prev.trim_end().ends_with('[') {
            continue;
        }
        let digits = next.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || next.as_bytes().get(digits) != Some(&b']') {
            continue;
        }
        let rest = next.get(digits + 1..).unwrap_or("");
        let spaces = rest.len() - rest.trim_start().len();
        let cut = ns + digits + 1 + spaces;
        if let Some(prev) = bounds.get_mut(i - 1) {
            prev.1 = cut;
        }
        if let Some(next) = bounds.get_mut(i) {
            next.0 = cut;
        }
    }
    bounds.retain(|&(s, e)| e > s);
    bounds
}

/// Whether a UAX #29 boundary after `prev` (followed by `next`) really ends a sentence.
fn ends_sentence(prev: &str, next: &str) -> bool {
    let Some(before_dot) = prev.strip_suffix('.') else {
        return true;
    };
    let last_word = before_dot
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '\''))
        .next()
        .unwrap_or("");
    if last_word.is_empty() {
        return true;
    }
    let next_word: String = next
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let next_starts_lower_or_digit = next
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    let lower = last_word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // A single capital initial: "John F. Kennedy".
    let mut chars = last_word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return false;
        }
    }
    // Dotted initialisms: "U.S.", "U.N.", "a.m.".
    let dotted = last_word.contains('.')
        && last_word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
    if dotted {
        return !next_starts_lower_or_digit
            && (next_word.is_empty() || SENTENCE_STARTERS.contains(&next_word.as_str()));
    }
    !next_starts_lower_or_digit || next.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<(String, usize)> {
        let post = Post {
            published: None,
            title: None,
            text: text.to_string(),
            first_line: 10,
        };
        sentences(&post)
            .iter()
            .map(|s| (text[s.start..s.end].to_string(), s.line))
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        split(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn abbreviations_and_initialisms_do_not_split() {
        for text in [
            "Officials at the U.N. said the camp was empty.",
            "U.S. officials confirmed it.",
            "Dr. Smith arrived with Mr. Jones on Sept. 1 at noon.",
            "The talks began in Jan. 2013 and failed.",
            "A letter from John F. Kennedy was read aloud.",
            "The vote at the U.N. Security Council was close.",
        ] {
            assert_eq!(texts(text), [text], "{text}");
        }
    }

    #[test]
    fn sentence_ends_split() {
        assert_eq!(
            texts("Twelve died. Nine were hurt! Who did it? Nobody knows."),
            [
                "Twelve died.",
                "Nine were hurt!",
                "Who did it?",
                "Nobody knows."
            ]
        );
        assert_eq!(
            texts("They flew to the U.S. The trip was long."),
            ["They flew to the U.S.", "The trip was long."]
        );
    }

    proptest::proptest! {
        /// On text of one line, the boundaries are exactly those of unicode-segmentation's
        /// UAX #29 implementation.
        #[test]
        fn bounds_agree_with_uax29(text in "[A-Za-z0-9 .,!?:;()\"'\\[\\]éÜ”“’‘«»。！？–—\u{a0}-]{0,120}") {
            use unicode_segmentation::UnicodeSegmentation;
            let expected: Vec<(usize, usize)> = text
                .split_sentence_bound_indices()
                .map(|(s, piece)| (s, s + piece.len()))
                .collect();
            proptest::prop_assert_eq!(sentence_bounds(&text), expected);
        }
    }

    #[test]
    fn footnote_marks_stay_with_their_sentence() {
        assert_eq!(
            texts("Nine were hurt.[2] The camp was hit again.[3]"),
            ["Nine were hurt.[2]", "The camp was hit again.[3]"]
        );
    }

    #[test]
    fn lines_map_to_file_lines() {
        let got = split("First line.\n\nThird line. Still third.\nFourth line");
        assert_eq!(
            got,
            [
                ("First line.".to_string(), 10),
                ("Third line.".to_string(), 12),
                ("Still third.".to_string(), 12),
                ("Fourth line".to_string(), 13),
            ]
        );
    }

    #[test]
    fn heading_lines_split_but_wrapped_lines_join() {
        assert_eq!(
            texts("A heading without a stop\nThe body starts here."),
            ["A heading without a stop", "The body starts here."]
        );
        assert_eq!(
            texts("The storm killed\nnine people."),
            ["The storm killed\nnine people."]
        );
    }

    #[test]
    fn paragraph_separator_splits_but_keeps_the_line() {
        assert_eq!(
            split("One here\u{2029}Two there."),
            [("One here".to_string(), 10), ("Two there.".to_string(), 10)]
        );
    }
}
