//! Attribution: who a sentence says its facts come from.
//!
//! Takes a sentence; gives an [`Attribution`]: the speaker ("according to the U.N.", "the group
//! said", "said the State Department", "officials told Reuters") normalized to a short name
//! ("UN"), and the outlet that relays it when the sentence names one besides the speaker ("...,
//! New York Times reported" gives `via = "New York Times"`). A fact-checker needs both: an outlet
//! repeating the U.N.'s figure is not a second witness.

use super::text::{tokenize, Token};

/// Who a sentence's facts come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker, normalized: "UN", "the group", "New York Times".
    pub source: String,
    /// An outlet relaying the speaker ("officials told Reuters", "X said, the Times reported").
    pub via: Option<String>,
}

/// Verbs that follow (or precede) a speaker.
const SAY_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "reported",
    "reports",
    "quoted",
    "quotes",
    "told",
    "claimed",
    "claims",
    "announced",
    "stated",
    "confirmed",
    "added",
    "estimated",
    "estimates",
    "noted",
];

/// Verbs that make their subject a relaying outlet rather than the witness.
const RELAY_VERBS: &[&str] = &["reported", "reports", "quoted", "quotes"];

/// Lowercase words that may be (part of) a speaker: "the group", "officials", "a spokesman".
const ROLE_NOUNS: &[&str] = &[
    "group",
    "organization",
    "organisation",
    "officials",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ministry",
    "government",
    "police",
    "army",
    "military",
    "governor",
    "witnesses",
    "witness",
    "sources",
    "activists",
    "statement",
    "report",
    "agency",
    "mission",
    "envoy",
    "department",
    "authorities",
    "residents",
    "doctors",
    "hospital",
    "prosecutor",
    "lawmaker",
    "minister",
    "opposition",
    "camp",
    "council",
    "committee",
    "newspaper",
];

/// Words that may sit inside a speaker's name: "Office of the UN High Commissioner for Refugees".
const LINKS: &[&str] = &[
    "the", "of", "for", "and", "a", "an", "senior", "top", "local", "iraqi", "its",
];

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "who", "which", "that",
];

/// Finds the attribution of a sentence, if it names one.
pub fn find(sentence: &str) -> Option<Attribution> {
    find_in(&tokenize(sentence))
}

/// [`find`] over a sentence's tokens already made.
pub fn find_in(tokens: &[Token<'_>]) -> Option<Attribution> {
    let mut speakers: Vec<(String, bool)> = Vec::new(); // (name, relays)
    for (i, t) in tokens.iter().enumerate() {
        if t.lower == "according" && tokens.get(i + 1).is_some_and(|n| n.lower == "to") {
            if let Some(name) = phrase_after(tokens, i + 2) {
                speakers.push((name, false));
            }
            continue;
        }
        if !SAY_VERBS.contains(&t.lower.as_str()) {
            continue;
        }
        let relays = RELAY_VERBS.contains(&t.lower.as_str());
        if let Some(name) = phrase_before(tokens, i) {
            speakers.push((name, relays));
            // "officials told Reuters": Reuters relays.
            if t.lower == "told" {
                if let Some(outlet) = phrase_after(tokens, i + 1) {
                    speakers.push((outlet, true));
                }
            }
        } else if let Some(name) = phrase_after(tokens, i + 1) {
            // "said the State Department", "reported the AFP"
            speakers.push((name, relays));
        }
    }
    let witness = speakers
        .iter()
        .find(|(_, relays)| !relays)
        .map(|(n, _)| n.clone());
    let relay = speakers
        .iter()
        .find(|(_, relays)| *relays)
        .map(|(n, _)| n.clone());
    match (witness, relay) {
        (Some(source), via) => {
            let via = via.filter(|v| *v != source);
            Some(Attribution { source, via })
        }
        (None, Some(source)) => Some(Attribution { source, via: None }),
        (None, None) => None,
    }
}

/// Capitalized words that are not names: sentence openers, months, days.
const NOT_NAMES: &[&str] = &[
    "when",
    "if",
    "while",
    "after",
    "before",
    "as",
    "since",
    "but",
    "and",
    "then",
    "although",
    "though",
    "in",
    "on",
    "at",
    "for",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "last",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn is_name_word(t: &Token<'_>) -> bool {
    (t.is_word()
        && t.text.starts_with(char::is_uppercase)
        && !NOT_NAMES.contains(&t.lower.as_str()))
        || ROLE_NOUNS.contains(&t.lower.as_str())
}

/// The speaker phrase ending right before token `verb`.
fn phrase_before(tokens: &[Token<'_>], verb: usize) -> Option<String> {
    let mut start = verb;
    // "Kobler, the UN envoy, said": the comma closing an apposition is not a boundary.
    let verb = if verb > 1 && tokens.get(verb - 1).is_some_and(|t| t.text == ",") {
        start = verb - 1;
        verb - 1
    } else {
        verb
    };
    let mut k = verb;
    while k > 0 && verb - k < 8 {
        let t = tokens.get(k - 1)?;
        let ok = is_name_word(t)
            || LINKS.contains(&t.lower.as_str())
            || (t.text == "." && k >= 2 && tokens.get(k - 2).is_some_and(|p| p.text.len() == 1));
        if !ok {
            break;
        }
        k -= 1;
        if is_name_word(t) || t.text == "." {
            start = k;
        }
    }
    // "the club said": a plain noun after an article is a speaker too.
    if start == verb
        && verb >= 2
        && tokens.get(verb - 2).is_some_and(|t| t.lower == "the")
        && tokens
            .get(verb - 1)
            .is_some_and(|t| t.is_word() && !PRONOUNS.contains(&t.lower.as_str()))
    {
        start = verb - 1;
    }
    // Take the leading article back in ("the group").
    if start > 0 && tokens.get(start - 1).is_some_and(|t| t.lower == "the") {
        start -= 1;
    }
    build(tokens, start, verb)
}

/// The speaker phrase starting at token `from`.
fn phrase_after(tokens: &[Token<'_>], from: usize) -> Option<String> {
    let mut end = from;
    let mut k = from;
    while k < tokens.len() && k - from < 9 {
        let t = tokens.get(k)?;
        let acronym_dot = t.text == "."
            && tokens
                .get(k.checked_sub(1)?)
                .is_some_and(|p| p.text.len() == 1 && p.is_word() && p.end == t.start);
        let ok = is_name_word(t) || LINKS.contains(&t.lower.as_str()) || acronym_dot;
        if !ok {
            break;
        }
        k += 1;
        if is_name_word(t) || acronym_dot {
            end = k;
        }
    }
    build(tokens, from, end)
}

fn build(tokens: &[Token<'_>], start: usize, end: usize) -> Option<String> {
    let words = tokens.get(start..end)?;
    let plain_noun = words.len() == 2 && words.first().is_some_and(|w| w.lower == "the");
    if words.is_empty() || !(plain_noun || words.iter().any(is_name_word)) {
        return None;
    }
    if words.len() == 1 && PRONOUNS.contains(&words.first()?.lower.as_str()) {
        return None;
    }
    let mut text = String::new();
    let mut prev_end = None;
    for w in words {
        if prev_end.is_some_and(|e| e < w.start) {
            text.push(' ');
        }
        text.push_str(w.text);
        prev_end = Some(w.end);
    }
    let name = normalize(&text);
    (!name.is_empty()).then_some(name)
}

/// Normalizes a speaker's name: drops a leading "the" before a proper name, writes acronyms
/// without dots ("the U.N." gives "UN"), splits run-together names ("NewYork Times") and maps
/// a few long forms to the short name outlets use.
pub fn normalize(name: &str) -> String {
    let mut s = name.trim().trim_end_matches([',', ';', ':']).to_string();
    if let Some(rest) = s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")) {
        s = rest.to_string();
    }
    // "the U.N." is "UN" and "the governor of X" is "governor of X", but "the group" stays:
    // without its article a lone common noun reads as a name.
    if s.len() > 4 && s.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("the ")) {
        let rest = s.get(4..).unwrap_or_default().to_string();
        if rest.contains(' ') || rest.starts_with(char::is_uppercase) {
            s = rest;
        } else {
            s = format!("the {rest}");
        }
    }
    let words: Vec<String> = s.split_whitespace().map(fix_word).collect();
    let joined = words.join(" ");
    const LONG_FORMS: &[(&str, &str)] = &[
        ("United Nations", "UN"),
        ("NY Times", "New York Times"),
        ("NYT", "New York Times"),
        ("Associated Press", "AP"),
        ("Agence France-Presse", "AFP"),
        ("Agence France Presse", "AFP"),
    ];
    for (long, short) in LONG_FORMS {
        if joined.eq_ignore_ascii_case(long) {
            return (*short).to_string();
        }
    }
    joined
}

/// "U.N." gives "UN"; "NewYork" gives "New York".
fn fix_word(word: &str) -> String {
    let letters: Vec<&str> = word.split('.').filter(|p| !p.is_empty()).collect();
    if word.contains('.') && letters.iter().all(|p| p.chars().count() == 1) {
        return letters.concat();
    }
    let mut out = String::new();
    let mut prev_lower = false;
    for c in word.chars() {
        if c.is_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_lowercase();
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(s: &str) -> Option<String> {
        find(s).map(|a| a.source)
    }

    #[test]
    fn according_to_the_un_is_un() {
        assert_eq!(
            source("According to the U.N. at least 9 boats sank."),
            Some("UN".into())
        );
        assert_eq!(
            source("Nine boats sank, according to the United Nations."),
            Some("UN".into())
        );
    }

    #[test]
    fn according_to_a_lowercase_role_keeps_the_role() {
        assert_eq!(
            source("Ten fell ill, according to the governor of the Northern Province."),
            Some("governor of the Northern Province".into())
        );
    }

    #[test]
    fn subject_before_said_is_the_speaker() {
        assert_eq!(
            source("The group said that 40 were hurt."),
            Some("the group".into())
        );
        assert_eq!(source("Four drowned, the UN said."), Some("UN".into()));
    }

    #[test]
    fn speaker_after_said() {
        assert_eq!(
            source("Twelve were freed, said the State Department."),
            Some("State Department".into())
        );
    }

    #[test]
    fn officials_told_an_outlet_keeps_both() {
        let a = find("Officials told Reuters that 30 were missing.");
        assert_eq!(
            a,
            Some(Attribution {
                source: "Officials".into(),
                via: Some("Reuters".into())
            })
        );
    }

    #[test]
    fn outlet_reporting_a_speaker_is_the_relay() {
        let a = find("The club said that 200 members left, the Daily Planet reported.");
        assert_eq!(
            a,
            Some(Attribution {
                source: "the club".into(),
                via: Some("Daily Planet".into())
            })
        );
    }

    #[test]
    fn outlet_alone_is_the_source() {
        assert_eq!(
            source("Eight died in the fire, Metro Gazette reported."),
            Some("Metro Gazette".into())
        );
    }

    #[test]
    fn pronouns_are_not_speakers() {
        assert_eq!(source("He said the bridge was closed."), None);
        assert_eq!(source("The bridge was closed in May."), None);
    }

    #[test]
    fn normalize_fixes_dots_and_run_together_names() {
        assert_eq!(normalize("the NewYork Times"), "New York Times");
        assert_eq!(normalize("the U.N."), "UN");
        assert_eq!(normalize("the group"), "the group");
        assert_eq!(normalize("the NY Times"), "New York Times");
    }
}
