//! The event catalog: rules/events.toml.
//!
//! Takes the text of an events file and its path; gives an [`EventCatalog`]: the places and
//! subjects with their aliases, the event kinds with their generic trigger phrases (so stories
//! nobody declared still produce ad-hoc events), and the declared events with their own
//! triggers, places, subjects, actors and expected date window. Every error names the file,
//! line, column and key (taken from the TOML parser's spans, never searched for afterwards).

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::text::{tokenize, Token};
use crate::claims::Attribute;
use crate::error::{Error, Location, Result};
use crate::hash::FastSet;

/// A named place and the names it goes by ("Camp Liberty" = "Camp Hurriya" = "TTL").
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub aliases: Vec<Phrase>,
}

/// A group, government or person that events are about or done by ("MEK" = "PMOI").
#[derive(Debug, Clone, PartialEq)]
pub struct Subject {
    pub id: String,
    pub name: String,
    pub aliases: Vec<Phrase>,
}

/// An event kind (attack, designation, ...) with the phrases that signal any event of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Kind {
    pub id: String,
    pub triggers: Vec<Phrase>,
    /// True when an event of this kind is about a subject (founding, designation): a mention
    /// only counts when the document names one.
    pub needs_subject: bool,
    /// The outcomes its events have ("killed", "injured" for attacks; "moved" for relocations):
    /// a count of one of these binds to an event of this kind.
    pub counts: Vec<Attribute>,
}

/// A declared event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub name: String,
    pub kind: String,
    /// Phrases that point at this event in particular (on top of its kind's triggers).
    pub triggers: Vec<Phrase>,
    /// Place ids.
    pub places: Vec<String>,
    /// Subject ids the event is about.
    pub subjects: Vec<String>,
    /// Subject ids of who did it (the State Department designates).
    pub actors: Vec<String>,
    /// When the event is expected to have happened; tells apart incidents of the same kind.
    pub window: Option<Window>,
}

/// An inclusive date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: NaiveDate,
    pub until: NaiveDate,
}

/// A trigger phrase or alias, compiled: words, `word*` prefixes, `*` gaps of up to
/// [`MAX_GAP`] words and a `<date>` slot that a date expression must fill.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub text: String,
    pub pieces: Vec<Piece>,
    /// Aliases written with capitals ("Liberty", "TTL") only match capitalized text.
    pub capitalized: bool,
}

/// One element of a [`Phrase`].
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Word(String),
    Prefix(String),
    Gap,
    Date,
}

/// Most words a `*` gap may skip.
pub const MAX_GAP: usize = 5;

/// Most `*` gaps in one phrase: each gap multiplies the ways a phrase can be tried at a word
/// (up to `MAX_GAP + 1`), so a phrase of many gaps would take exponential time.
pub const MAX_GAPS_PER_PHRASE: usize = 3;

/// Most pieces (words, gaps, date slots) in one phrase: matching recurses once per piece.
pub const MAX_PHRASE_PIECES: usize = 64;

/// A phrase found in a sentence: byte span, and the span of the date slot when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    pub start: usize,
    pub end: usize,
    pub date: Option<Range<usize>>,
}

/// The words of a sentence (and the stems of its possessives), so that the phrases whose
/// first word the sentence lacks are skipped with one lookup instead of a pass over its tokens.
pub struct Heads<'t>(FastSet<&'t str>);

impl<'t> Heads<'t> {
    pub fn new(tokens: &'t [Token<'_>]) -> Heads<'t> {
        let mut set = HashSet::with_capacity_and_hasher(tokens.len() + 4, Default::default());
        for t in tokens {
            let lower = t.lower.as_str();
            set.insert(lower);
            if let Some(stem) = lower.strip_suffix("'s") {
                set.insert(stem);
            }
        }
        Heads(set)
    }
}

impl Phrase {
    /// False when the phrase cannot match a sentence of these words (its first piece is a word
    /// the sentence lacks); true when it might.
    pub fn may_match(&self, heads: &Heads<'_>) -> bool {
        match self.pieces.first() {
            Some(Piece::Word(w)) => heads.0.contains(w.as_str()),
            _ => true,
        }
    }

    /// Compiles a phrase written in the events-file syntax.
    pub fn compile(text: &str) -> std::result::Result<Phrase, String> {
        let mut pieces = Vec::new();
        for word in text.split_whitespace() {
            if word == "*" {
                pieces.push(Piece::Gap);
            } else if word == "<date>" {
                pieces.push(Piece::Date);
            } else if let Some(stem) = word.strip_suffix('*') {
                if stem.is_empty() {
                    return Err(format!("bad prefix `{word}`"));
                }
                pieces.push(Piece::Prefix(stem.to_lowercase().replace('’', "'")));
            } else {
                for t in tokenize(word) {
                    pieces.push(Piece::Word(t.lower));
                }
            }
        }
        if !pieces
            .iter()
            .any(|p| matches!(p, Piece::Word(_) | Piece::Prefix(_)))
        {
            return Err(format!("phrase `{text}` has no word to match"));
        }
        let gaps = pieces.iter().filter(|p| **p == Piece::Gap).count();
        if gaps > MAX_GAPS_PER_PHRASE {
            return Err(format!(
                "phrase has {gaps} `*` gaps; at most {MAX_GAPS_PER_PHRASE} are allowed"
            ));
        }
        if pieces.len() > MAX_PHRASE_PIECES {
            return Err(format!(
                "phrase has {} words; at most {MAX_PHRASE_PIECES} are allowed",
                pieces.len()
            ));
        }
        Ok(Phrase {
            text: text.to_string(),
            pieces,
            capitalized: text.chars().next().is_some_and(char::is_uppercase),
        })
    }

    /// Every match of the phrase in a tokenized sentence. `dates` are the byte spans of the
    /// sentence's date expressions (what a `<date>` slot may match).
    pub fn find(&self, tokens: &[Token<'_>], dates: &[Range<usize>]) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            // Cheap test of the first word before the full match: most tokens fail it.
            let head = match self.pieces.first() {
                Some(Piece::Word(w)) => word_matches(&t.lower, w),
                Some(Piece::Prefix(stem)) => t.lower.starts_with(stem.as_str()),
                _ => true,
            };
            if !head {
                continue;
            }
            if let Some(m) = self.match_at(tokens, i, 0, dates) {
                if self.capitalized
                    && !tokens
                        .get(i)
                        .is_some_and(|t| t.text.starts_with(char::is_uppercase))
                {
                    continue;
                }
                out.push(m);
            }
        }
        out
    }

    fn match_at(
        &self,
        tokens: &[Token<'_>],
        i: usize,
        piece: usize,
        dates: &[Range<usize>],
    ) -> Option<PhraseMatch> {
        let Some(p) = self.pieces.get(piece) else {
            let end = i.checked_sub(1).and_then(|k| tokens.get(k))?.end;
            return Some(PhraseMatch {
                start: 0,
                end,
                date: None,
            });
        };
        let t = tokens.get(i);
        let found = match p {
            Piece::Word(w) => {
                // "State Department's" names the State Department.
                if !word_matches(&t?.lower, w) {
                    return None;
                }
                self.match_at(tokens, i + 1, piece + 1, dates)
            }
            Piece::Prefix(stem) => {
                if !t?.lower.starts_with(stem.as_str()) {
                    return None;
                }
                self.match_at(tokens, i + 1, piece + 1, dates)
            }
            Piece::Gap => {
                // Skip up to MAX_GAP words (punctuation inside the gap is free), never across
                // the end of a sentence or clause.
                let mut words = 0;
                let mut j = i;
                loop {
                    if let Some(m) = self.match_at(tokens, j, piece + 1, dates) {
                        break Some(m);
                    }
                    let Some(t) = tokens.get(j) else { break None };
                    if matches!(t.text, "." | ";" | "!" | "?") && !t.text.is_empty() {
                        let acronym = j
                            .checked_sub(1)
                            .and_then(|k| tokens.get(k))
                            .is_some_and(|p| p.text.chars().count() == 1 && p.end == t.start);
                        if !acronym {
                            break None;
                        }
                    }
                    if !t.is_punct() {
                        words += 1;
                    }
                    if words > MAX_GAP {
                        break None;
                    }
                    j += 1;
                }
            }
            Piece::Date => {
                let t = t?;
                let span = dates
                    .iter()
                    .find(|d| d.start <= t.start && t.start < d.end)?;
                let next = tokens
                    .iter()
                    .position(|x| x.start >= span.end)
                    .unwrap_or(tokens.len());
                let mut m = self.match_at(tokens, next, piece + 1, dates)?;
                m.date = Some(span.clone());
                m.end = m.end.max(span.end);
                Some(m)
            }
        };
        found.map(|mut m| {
            if piece == 0 {
                m.start = t.map(|t| t.start).unwrap_or(m.start);
            }
            m
        })
    }
}

/// A token matches a phrase word as written or with a possessive ("State Department's").
/// Lengths are compared first: this runs for every token against every phrase.
fn word_matches(lower: &str, word: &str) -> bool {
    match lower.len().checked_sub(word.len()) {
        Some(0) => lower == word,
        Some(2) => lower.ends_with("'s") && lower.starts_with(word),
        _ => false,
    }
}

/// Declared events, from rules/events.toml.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventCatalog {
    pub places: Vec<Place>,
    pub subjects: Vec<Subject>,
    pub kinds: Vec<Kind>,
    pub events: Vec<Event>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDef {
    #[serde(default)]
    place: Vec<Spanned<NamedDef>>,
    #[serde(default)]
    subject: Vec<Spanned<NamedDef>>,
    #[serde(default)]
    kind: Vec<Spanned<KindDef>>,
    #[serde(default)]
    event: Vec<Spanned<EventDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamedDef {
    id: Spanned<String>,
    name: String,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindDef {
    id: Spanned<String>,
    triggers: Vec<Spanned<String>>,
    #[serde(default)]
    needs_subject: bool,
    #[serde(default)]
    counts: Vec<Spanned<Attribute>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventDef {
    id: Spanned<String>,
    name: String,
    kind: Spanned<String>,
    #[serde(default)]
    triggers: Vec<Spanned<String>>,
    #[serde(default)]
    places: Vec<Spanned<String>>,
    #[serde(default)]
    subjects: Vec<Spanned<String>>,
    #[serde(default)]
    actors: Vec<Spanned<String>>,
    #[serde(default)]
    window: Option<Spanned<WindowDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WindowDef {
    from: Spanned<String>,
    until: Spanned<String>,
}

/// Turns a byte offset into a 1-based line and column.
fn location(path: &Path, text: &str, offset: usize) -> Location {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Location::new(path, line, column)
}

struct Ctx<'a> {
    path: &'a Path,
    text: &'a str,
}

impl Ctx<'_> {
    fn err<T>(&self, span: Range<usize>, message: String) -> Result<T> {
        Err(Error::rules(
            location(self.path, self.text, span.start),
            message,
        ))
    }

    fn phrases(&self, key: &str, list: &[Spanned<String>]) -> Result<Vec<Phrase>> {
        list.iter()
            .map(|s| {
                Phrase::compile(s.get_ref())
                    .or_else(|m| self.err(s.span(), format!("`{key}`: {m}")))
            })
            .collect()
    }

    fn id(&self, key: &str, id: &Spanned<String>, seen: &mut HashSet<String>) -> Result<String> {
        let v = id.get_ref();
        if v.is_empty() || v.contains(char::is_whitespace) {
            return self.err(id.span(), format!("`{key}`: id `{v}` must be one word"));
        }
        if !seen.insert(v.clone()) {
            return self.err(id.span(), format!("`{key}`: duplicate id `{v}`"));
        }
        Ok(v.clone())
    }

    fn date(&self, key: &str, s: &Spanned<String>) -> Result<NaiveDate> {
        NaiveDate::parse_from_str(s.get_ref(), "%Y-%m-%d").or_else(|_| {
            self.err(
                s.span(),
                format!("`{key}`: `{}` is not a date (YYYY-MM-DD)", s.get_ref()),
            )
        })
    }

    fn refs(
        &self,
        key: &str,
        list: &[Spanned<String>],
        known: &HashSet<String>,
    ) -> Result<Vec<String>> {
        list.iter()
            .map(|s| {
                if known.contains(s.get_ref()) {
                    Ok(s.get_ref().clone())
                } else {
                    let mut valid: Vec<&String> = known.iter().collect();
                    valid.sort();
                    self.err(
                        s.span(),
                        format!(
                            "`{key}`: unknown id `{}` (known: {})",
                            s.get_ref(),
                            valid
                                .iter()
                                .map(|v| v.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    )
                }
            })
            .collect()
    }
}

impl EventCatalog {
    /// Parses rules/events.toml. Errors name the file, line and key.
    pub fn parse(text: &str, path: &Path) -> Result<EventCatalog> {
        let file: FileDef = toml::from_str(text).map_err(|e| {
            let loc = match e.span() {
                Some(span) => location(path, text, span.start),
                None => Location::file(path),
            };
            Error::rules(loc, e.message().trim().to_string())
        })?;
        let ctx = Ctx { path, text };
        let mut ids = HashSet::new();
        let mut places = Vec::new();
        for p in &file.place {
            let p = p.get_ref();
            let id = ctx.id("place.id", &p.id, &mut ids)?;
            let mut aliases = ctx.phrases("place.aliases", &p.aliases)?;
            aliases.push(Phrase::compile(&p.name).or_else(|m| ctx.err(p.id.span(), m))?);
            places.push(Place {
                id,
                name: p.name.clone(),
                aliases,
            });
        }
        let place_ids: HashSet<String> = places.iter().map(|p| p.id.clone()).collect();
        let mut subjects = Vec::new();
        for s in &file.subject {
            let s = s.get_ref();
            let id = ctx.id("subject.id", &s.id, &mut ids)?;
            let mut aliases = ctx.phrases("subject.aliases", &s.aliases)?;
            aliases.push(Phrase::compile(&s.name).or_else(|m| ctx.err(s.id.span(), m))?);
            subjects.push(Subject {
                id,
                name: s.name.clone(),
                aliases,
            });
        }
        let subject_ids: HashSet<String> = subjects.iter().map(|s| s.id.clone()).collect();
        let mut kinds = Vec::new();
        let mut kind_ids = HashSet::new();
        for k in &file.kind {
            let k = k.get_ref();
            let id = ctx.id("kind.id", &k.id, &mut kind_ids)?;
            let triggers = ctx.phrases("kind.triggers", &k.triggers)?;
            let mut counts = Vec::new();
            for a in &k.counts {
                if matches!(
                    a.get_ref(),
                    Attribute::Date | Attribute::Members | Attribute::Residents
                ) {
                    return ctx.err(
                        a.span(),
                        "`kind.counts`: only outcomes (killed, injured, missing, moved) are counts of an event".into(),
                    );
                }
                counts.push(*a.get_ref());
            }
            kinds.push(Kind {
                id,
                triggers,
                needs_subject: k.needs_subject,
                counts,
            });
        }
        let mut events = Vec::new();
        for e in &file.event {
            let e = e.get_ref();
            let id = ctx.id("event.id", &e.id, &mut ids)?;
            if id.starts_with("adhoc:") {
                return ctx.err(
                    e.id.span(),
                    "`event.id`: `adhoc:` is reserved for undeclared events".into(),
                );
            }
            let kind = ctx
                .refs("event.kind", std::slice::from_ref(&e.kind), &kind_ids)?
                .pop()
                .unwrap_or_default();
            let window = match &e.window {
                Some(w) => {
                    let from = ctx.date("event.window.from", &w.get_ref().from)?;
                    let until = ctx.date("event.window.until", &w.get_ref().until)?;
                    if until < from {
                        return ctx
                            .err(w.span(), "`event.window`: `until` is before `from`".into());
                    }
                    Some(Window { from, until })
                }
                None => None,
            };
            events.push(Event {
                id,
                name: e.name.clone(),
                kind,
                triggers: ctx.phrases("event.triggers", &e.triggers)?,
                places: ctx.refs("event.places", &e.places, &place_ids)?,
                subjects: ctx.refs("event.subjects", &e.subjects, &subject_ids)?,
                actors: ctx.refs("event.actors", &e.actors, &subject_ids)?,
                window,
            });
        }
        Ok(EventCatalog {
            places,
            subjects,
            kinds,
            events,
        })
    }

    /// The declared event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The kind with this id.
    pub fn kind(&self, id: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.id == id)
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[[place]]
id = "harbor"
name = "North Harbor"
aliases = ["Port Nord", "NH"]

[[subject]]
id = "league"
name = "Harbor League"
aliases = ["the League"]

[[kind]]
id = "flood"
triggers = ["flood*", "swept away"]
counts = ["killed", "missing"]

[[event]]
id = "harbor-flood-2019"
name = "North Harbor flood, March 2019"
kind = "flood"
triggers = ["storm surge"]
places = ["harbor"]
window = { from = "2019-03-02", until = "2019-03-04" }
"#;

    fn parse(text: &str) -> Result<EventCatalog> {
        EventCatalog::parse(text, Path::new("events.toml"))
    }

    #[test]
    fn sample_catalog_parses() {
        let c = parse(SAMPLE).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.places.len(), 1);
        assert_eq!(c.places[0].aliases.len(), 3);
        let e = c
            .event("harbor-flood-2019")
            .unwrap_or_else(|| panic!("event"));
        assert_eq!(e.kind, "flood");
        assert_eq!(
            e.window.map(|w| w.from),
            NaiveDate::from_ymd_opt(2019, 3, 2)
        );
    }

    #[test]
    fn unknown_key_names_line_and_key() {
        let text = SAMPLE.replace(
            "triggers = [\"storm surge\"]",
            "trigers = [\"storm surge\"]",
        );
        let e = parse(&text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("events.toml:21:"), "{e}");
        assert!(e.contains("trigers"), "{e}");
    }

    #[test]
    fn unknown_place_reference_is_an_error_at_its_line() {
        let text = SAMPLE.replace("places = [\"harbor\"]", "places = [\"harbour\"]");
        let e = parse(&text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("events.toml:22:"), "{e}");
        assert!(e.contains("unknown id `harbour`"), "{e}");
    }

    #[test]
    fn kind_counts_must_be_outcomes() {
        let text = SAMPLE.replace(
            "counts = [\"killed\", \"missing\"]",
            "counts = [\"killed\", \"date\"]",
        );
        let e = parse(&text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("events.toml:15:"), "{e}");
        assert!(e.contains("kind.counts"), "{e}");
        let text = SAMPLE.replace("counts = [\"killed\", \"missing\"]", "counts = [\"kiled\"]");
        let e = parse(&text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("kiled"), "{e}");
    }

    #[test]
    fn bad_window_date_is_an_error() {
        let text = SAMPLE.replace("2019-03-04", "2019-13-04");
        let e = parse(&text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("event.window.until"), "{e}");
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let text = format!("{SAMPLE}\n[[place]]\nid = \"harbor\"\nname = \"Other\"\n");
        let e = parse(&text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("duplicate id `harbor`"), "{e}");
    }

    #[test]
    fn unknown_kind_lists_the_known_ones() {
        let text = SAMPLE.replace("kind = \"flood\"", "kind = \"fire\"");
        let e = parse(&text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("unknown id `fire` (known: flood)"), "{e}");
    }

    fn matches(phrase: &str, sentence: &str) -> Vec<String> {
        let p = Phrase::compile(phrase).unwrap_or_else(|e| panic!("{e}"));
        let tokens = tokenize(sentence);
        p.find(&tokens, &[])
            .into_iter()
            .map(|m| sentence[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn gaps_prefixes_and_plain_words_match() {
        assert_eq!(
            matches(
                "removed * from * list",
                "they removed the club from the list today"
            ),
            ["removed the club from the list"]
        );
        assert_eq!(
            matches("flood*", "Floods hit; flooding"),
            ["Floods", "flooding"]
        );
        assert!(matches("removed * from * list", "removed a b c d e f from the list").is_empty());
    }

    #[test]
    fn capitalized_aliases_need_capitals() {
        assert_eq!(matches("Liberty", "Liberty camp"), ["Liberty"]);
        assert!(matches("Liberty", "for liberty").is_empty());
    }

    #[test]
    fn date_slot_matches_a_date_span() {
        let p = Phrase::compile("banned until <date>").unwrap_or_else(|e| panic!("{e}"));
        let s = "it was banned until March 2004 by law";
        let tokens = tokenize(s);
        let dates = [std::ops::Range { start: 20, end: 30 }];
        let found = p.find(&tokens, &dates);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].date, Some(20..30));
        assert!(p.find(&tokens, &[]).is_empty());
    }
}
