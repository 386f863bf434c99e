//! The temporal grammar: rules over tokens.
//!
//! Takes the tokens of one candidate region, the anchor date and the previous date mentioned in
//! the text; gives the expressions found there, each with the id of the rule that matched it
//! (kebab-case, stable: `month-day-year`, `last-month-name`, `units-ago`) and its meaning
//! resolved to a [`Point`], a duration, a set or a PRESENT/PAST/FUTURE reference. At each token
//! every rule that may open there is tried and the longest match wins; a rule is a small
//! function reading tokens through a [`Cursor`], with the words it needs named in
//! [`super::lexicon`].
//!
//! Adding a rule, or a new first word to one: list it in [`Grammar::RULES`] with the tokens it
//! may open at (its gate: token shapes, word classes, words), and add a case to the examples
//! corpus (src/temporal/corpus) that starts with the new word. A gate that refuses a token its
//! rule would take silently loses those matches; the test `gates_admit_every_match` runs every
//! rule at every token of the corpus and fails on such a token. An expression whose words are
//! no trigger must also open a candidate region ([`super::lexicon::trigger_words`]).
//!
//! Dates written without their year or week take them from news tense. A weekday is ahead of
//! the anchor only when its clause speaks of the future ([`clause_tense`]: the nearest of a
//! modal, a plan word or a past verb, read backwards) or, opening its sentence, the clause after
//! it does; a month or a day is behind when an active past verb governs it or, opening its
//! sentence, the verb after it is past, ahead when a future cue is near in the same sentence,
//! else the nearest ([`Grammar::date_tense`]). A year-ago comparison
//! ("up from $5 million a year earlier") is [`Basis::Comparison`]: it is taken from the quarter
//! being reported and does not replace it as what the text is about.

use std::cell::Cell;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};

use super::lexicon::{fuzzy_month, Lex, Unit};
use super::point::{add_days, ymd, DayTime, Point, Season};
use super::token::{Tok, TokKind};
use super::{Granularity, Modifier, TimexKind};
use crate::hash::FastMap;

/// What a rule found, before it becomes a [`super::Timex`].
#[derive(Debug, Clone, PartialEq)]
pub enum Meaning {
    /// A point, with the interval it covers when not the point's own (an approximate band).
    Point {
        point: Point,
        band: Option<(NaiveDate, NaiveDate)>,
        basis: Basis,
        /// For "N units ago": the exact day N units before the anchor and the span in days,
        /// so "about"/"nearly" can draw a band around it rather than around the whole year.
        ago: Option<(NaiveDate, i64)>,
    },
    /// A value with no interval: `PAST_REF`, `XXXX-XX`, `P3Y`, `XXXX-WXX-5`.
    Value {
        value: String,
        kind: TimexKind,
        basis: Basis,
    },
}

/// What a value was computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Written in full.
    Absolute,
    /// The anchor (document or post date).
    Anchor,
    /// The previous date in the text.
    Previous,
    /// A comparison a year back ("year-earlier profit", "up from $5 million a year ago"): from
    /// the period the text is about, which stays what the text is about.
    Comparison,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Token range, half-open.
    pub start: usize,
    pub end: usize,
    pub rule: &'static str,
    pub meaning: Meaning,
    pub modifier: Option<Modifier>,
}

/// What the grammar knows besides the tokens.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub anchor: Option<NaiveDate>,
    /// The previous date the text mentioned, for "the following year", "two years later".
    pub previous: Option<Point>,
}

/// Reads tokens from a position; every method consumes only on success.
#[derive(Clone, Copy)]
struct Cursor<'t, 'a> {
    toks: &'t [Tok<'a>],
    i: usize,
}

impl<'t, 'a> Cursor<'t, 'a> {
    fn peek(&self) -> Option<&'t Tok<'a>> {
        self.toks.get(self.i)
    }
    fn next(&mut self) -> Option<&'t Tok<'a>> {
        let t = self.toks.get(self.i)?;
        self.i += 1;
        Some(t)
    }
    fn word(&mut self, w: &str) -> bool {
        if self
            .peek()
            .is_some_and(|t| t.kind == TokKind::Word && t.is(w))
        {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn any(&mut self, ws: &[&'static str]) -> Option<&'static str> {
        let t = self.peek()?;
        if t.kind == TokKind::Word && ws.contains(&t.text) {
            self.i += 1;
            Some(ws.iter().find(|w| **w == t.text).copied().unwrap_or(""))
        } else {
            None
        }
    }
    fn punct(&mut self, c: u8) -> bool {
        if self.peek().is_some_and(|t| t.punct(c)) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    /// Optional punctuation glued to the previous token ("Sept." "p.m.").
    fn dot(&mut self) {
        let _ = self.punct(b'.');
    }
    /// A hyphen or a space between two parts ("third-quarter", "mid 1990s").
    fn hyphen(&mut self) {
        let _ = self.punct(b'-');
    }
    fn num(&mut self) -> Option<&'t Tok<'a>> {
        let t = self.peek()?;
        if t.kind == TokKind::Num {
            self.i += 1;
            Some(t)
        } else {
            None
        }
    }
    fn lex(&self) -> Lex {
        self.peek().map(|t| t.lex).unwrap_or(Lex::Other)
    }
    fn month(&mut self) -> Option<u32> {
        let t = self.peek()?;
        let m = match t.lex {
            Lex::Month(m) => m,
            _ => return None,
        };
        // "may" and "march" are verbs/nouns unless capitalised; short abbreviations must be
        // capitalised too ("mar", "dec" are words in lowercase text).
        if !t.upper && (t.text.len() <= 4 || t.text == "march") {
            return None;
        }
        self.i += 1;
        if t.text.len() <= 4 && t.text != "may" && t.text != "june" && t.text != "july" {
            self.dot();
        }
        Some(m)
    }
    /// A month name followed by a number, allowing a misspelt name ("Febriary 12").
    fn month_before_number(&mut self) -> Option<u32> {
        let save = *self;
        let m = match self.month() {
            Some(m) => m,
            None => {
                let t = self.peek()?;
                if t.kind != TokKind::Word || !t.upper {
                    return None;
                }
                let m = fuzzy_month(t.text)?;
                self.i += 1;
                m
            }
        };
        if self.peek().is_some_and(|t| t.kind == TokKind::Num) {
            Some(m)
        } else {
            *self = save;
            None
        }
    }
    fn weekday(&mut self) -> Option<u32> {
        let t = self.peek()?;
        match t.lex {
            Lex::Weekday(d) if t.upper || t.text.len() > 4 => {
                // "sun", "sat", "wed" in lowercase are other words.
                if t.text.len() <= 4 && !t.upper {
                    return None;
                }
                // "Sun" the newspaper, "Sat" the exam: an abbreviation must lead into a date
                // ("Fri, Jul 20", "Sat. 9 Feb", "Wed Oct 9").
                if t.text.len() <= 4 {
                    let date_word =
                        |n: &Tok| n.kind == TokKind::Num || matches!(n.lex, Lex::Month(_));
                    let mut n = self.toks.get(self.i + 1);
                    if n.is_some_and(|n| n.punct(b'.') || n.punct(b',')) {
                        // "Sun, Hewlett-Packard and others": the comma alone leads nowhere.
                        n = self.toks.get(self.i + 2);
                    }
                    let leads = n.is_some_and(date_word);
                    if !leads {
                        return None;
                    }
                }
                self.i += 1;
                if t.text.len() <= 4 {
                    self.dot();
                }
                Some(d)
            }
            _ => None,
        }
    }
    fn unit(&mut self) -> Option<(Unit, bool)> {
        match self.lex() {
            Lex::Unit(u, pl) => {
                self.i += 1;
                Some((u, pl))
            }
            _ => None,
        }
    }
    /// A day of month: 1-31, optionally ordinal ("20th").
    fn day(&mut self) -> Option<u32> {
        let t = self.peek()?;
        if t.kind == TokKind::Num && !t.plural && t.digits <= 2 && (1..=31).contains(&t.num) {
            self.i += 1;
            return Some(t.num);
        }
        if let Lex::Ordinal(n) = t.lex {
            if n <= 31 {
                self.i += 1;
                return Some(n);
            }
        }
        None
    }
    /// A four-digit year 1000-2199 written as digits.
    fn year4(&mut self) -> Option<i32> {
        let t = self.peek()?;
        if t.kind == TokKind::Num
            && t.digits == 4
            && !t.plural
            && !t.ordinal
            && (1000..=2199).contains(&t.num)
        {
            self.i += 1;
            Some(t.num as i32)
        } else {
            None
        }
    }
    /// A year after a month or day: four digits, or two after an apostrophe ("Jan '98").
    fn year_after_date(&mut self, anchor: Option<NaiveDate>) -> Option<i32> {
        if let Some(y) = self.year4() {
            return Some(y);
        }
        let save = *self;
        if self.punct(b'\'') {
            if let Some(t) = self.num() {
                if t.digits == 2 && !t.plural {
                    return Some(expand_two_digit_year(t.num as i32, anchor));
                }
            }
        }
        *self = save;
        None
    }
    /// A count: digits, number words ("twenty-five"), "a"/"an"; `None` inside means vague
    /// ("several", "a few", "some", "12 to 18").
    fn count(&mut self) -> Option<Option<u32>> {
        let save = *self;
        let first = self.count_one();
        if let Some(n) = first {
            // "two to three", "12 to 18", "one or two": a range is vague.
            let mid = *self;
            if self.any(&["to", "or"]).is_some() || self.punct(b'-') {
                if let Some(Some(_)) = self.count_one() {
                    if self.peek().is_some_and(|t| matches!(t.lex, Lex::Unit(..))) {
                        return Some(None);
                    }
                }
            }
            *self = mid;
            return Some(n);
        }
        *self = save;
        None
    }
    fn count_one(&mut self) -> Option<Option<u32>> {
        let save = *self;
        let t = self.next()?;
        match t.kind {
            TokKind::Num if !t.plural && !t.ordinal && t.digits <= 3 => {
                // "1.5" or "2,000": decimals and grouped thousands are not counts of units here.
                let mut c = *self;
                if (c.punct(b'.') || c.punct(b','))
                    && c.peek()
                        .is_some_and(|n| n.kind == TokKind::Num && n.start == t.end + 1)
                {
                    *self = save;
                    return None;
                }
                Some(Some(t.num))
            }
            TokKind::Word => match (t.text, t.lex) {
                (_, Lex::Number(n)) => {
                    if (20..100).contains(&n) {
                        let mut c = *self;
                        c.hyphen();
                        if let Lex::Number(u) = c.lex() {
                            if u < 10 {
                                c.i += 1;
                                *self = c;
                                return Some(Some(n + u));
                            }
                        }
                    }
                    Some(Some(n))
                }
                ("a" | "an", _) => {
                    let mut c = *self;
                    if c.word("few") {
                        *self = c;
                        return Some(None);
                    }
                    if c.word("couple") {
                        let _ = c.word("of");
                        *self = c;
                        return Some(Some(2));
                    }
                    Some(Some(1))
                }
                ("several" | "few" | "some" | "many" | "numerous", _) => Some(None),
                ("couple", _) => {
                    let _ = self.word("of");
                    Some(Some(2))
                }
                _ => {
                    *self = save;
                    None
                }
            },
            _ => {
                *self = save;
                None
            }
        }
    }
}

/// "'98" in a 2013 text is 1998; "'12" is 2012: the century that puts it nearest before the
/// anchor (or up to 10 years after it).
fn expand_two_digit_year(yy: i32, anchor: Option<NaiveDate>) -> i32 {
    let base = anchor.map(|a| a.year()).unwrap_or(2000);
    let century = base.div_euclid(100) * 100;
    let y = century + yy;
    if y > base + 10 {
        y - 100
    } else {
        y
    }
}

/// Whether word `w` (ASCII letters) is a tense cue: `Some(true)` for the future ("will",
/// "scheduled"), `Some(false)` for the past ("said", "ago"), `None` for neither.
fn tense_cue(w: &[u8]) -> Option<bool> {
    let mut buf = [0u8; 9];
    let lower = buf.get_mut(..w.len())?;
    for (l, c) in lower.iter_mut().zip(w) {
        *l = c.to_ascii_lowercase();
    }
    match &*lower {
        b"will" | b"shall" | b"ll" | b"scheduled" | b"upcoming" | b"until" | b"till" => Some(true),
        b"said" | b"was" | b"were" | b"had" | b"did" | b"ago" | b"yesterday" | b"last"
        | b"earlier" | b"told" | b"reported" | b"announced" | b"killed" | b"died" | b"arrived"
        | b"since" => Some(false),
        _ => None,
    }
}

/// Whether byte `p` of `bytes` ends a sentence: a full stop, "!" or "?", then spaces (past any
/// closing quote) and a capital or an opening quote. A full stop must follow a lowercase word
/// or a number, so "Oct. 23", "Mr. Kopp" and "the U.S. Army" go on.
fn ends_sentence(bytes: &[u8], p: usize) -> bool {
    let Some(&c) = bytes.get(p) else {
        return false;
    };
    if !matches!(c, b'.' | b'!' | b'?') {
        return false;
    }
    if c == b'.' {
        let word = bytes.get(..p).unwrap_or(&[]);
        let len = word
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let word = word.get(p - len..).unwrap_or(&[]);
        let lower = len >= 2 && word.iter().all(|b| b.is_ascii_lowercase());
        let number = len >= 1 && word.iter().all(u8::is_ascii_digit);
        if !(lower || number) {
            return false;
        }
    }
    let mut q = p + 1;
    while bytes
        .get(q)
        .is_some_and(|b| matches!(b, b'"' | b'\'' | b')' | 0x80..=0xBF | 0xE2))
    {
        q += 1;
    }
    let spaces = bytes
        .get(q..)
        .unwrap_or(&[])
        .iter()
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    spaces > 0
        && bytes
            .get(q + spaces)
            .is_some_and(|b| b.is_ascii_uppercase() || matches!(b, b'"' | b'`' | b'\'' | 0xE2))
}

/// Whether the words nearest byte `at` of `text` (within 120 bytes, in the same sentence)
/// speak of the future: the nearest tense cue decides, "will" against "said".
fn future_tense_near(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let lo = at.saturating_sub(120);
    let hi = (at + 120).min(bytes.len());
    // The window stops at line breaks and sentence ends on both sides of `at`.
    let (lo, hi) = {
        let stop = |p: usize| bytes.get(p) == Some(&b'\n') || ends_sentence(bytes, p);
        let lo = (lo..at.min(hi))
            .rev()
            .find(|&p| stop(p))
            .map_or(lo, |p| p + 1);
        let hi = (at.min(hi)..hi).find(|&p| stop(p)).unwrap_or(hi);
        (lo, hi)
    };
    let window = bytes.get(lo..hi).unwrap_or(&[]);
    // A word cut by the window's left edge is no cue.
    let cut = lo > 0 && bytes.get(lo - 1).is_some_and(|p| p.is_ascii_alphabetic());
    let (mut future, mut past) = (usize::MAX, usize::MAX);
    // One pass over the bytes, word by word (this runs for every month and day found).
    let mut i = 0;
    while i < window.len() {
        while i < window.len() && !window[i].is_ascii_alphabetic() {
            i += 1;
        }
        let s = i;
        while i < window.len() && window[i].is_ascii_alphabetic() {
            i += 1;
        }
        let w = &window[s..i];
        let ws = lo + s;
        if s == 0 && cut {
            continue;
        }
        let Some(is_future) = tense_cue(w) else {
            continue;
        };
        let we = ws + w.len();
        let dist = if we <= at {
            at - we
        } else {
            ws.saturating_sub(at)
        };
        if is_future {
            future = future.min(dist);
        } else {
            past = past.min(dist);
        }
    }
    future < past
}

/// Past-tense verbs without the "-ed" ending that news writes before a weekday ("met Monday").
#[rustfmt::skip]
const IRREGULAR_PAST: &[&str] = &[
    "said", "told", "met", "was", "were", "had", "did", "made", "went", "came", "took", "gave",
    "left", "began", "won", "lost", "held", "found", "saw", "got", "put", "set", "sent", "spoke",
    "wrote", "fell", "rose", "hit", "struck", "shot", "fled", "led", "broke", "chose", "drove",
    "flew", "ran", "sold", "bought", "paid", "brought", "thought", "fought", "caught", "taught",
    "kept", "felt", "heard", "meant", "stood", "understood", "became", "agreed", "freed", "quit",
];

/// Words before a weekday that put it ahead of the anchor: modals, plans, "as soon as".
#[rustfmt::skip]
const WEEKDAY_FUTURE_CUES: &[&str] = &[
    "will", "would", "could", "might", "may", "shall", "should", "can", "ll", "next",
    "planning", "plans", "plan", "scheduled", "expected", "due", "soon", "upcoming", "until",
    "till",
];

/// Words before "to" that make the infinitive after it a plan: "set to resume Monday".
#[rustfmt::skip]
const INFINITIVE_FUTURE_CUES: &[&str] = &[
    "set", "expected", "due", "scheduled", "plans", "plan", "planned", "planning", "going",
    "likely", "hopes", "hoped", "hoping", "intends", "intended", "wants", "wanted", "agreed",
    "promised", "vowed", "threatened", "ready", "poised", "prepared", "preparing", "decided",
    "ordered", "asked", "invited", "called", "urged", "is", "are", "was", "were", "about",
];

/// The tense of the clause before the expression at bytes `at..end` of `text`: `Some(true)` when
/// it speaks of the future, `Some(false)` of the past, `None` when nothing tells. Read backwards
/// over at most eight words of the clause, the nearest cue wins. A past verb ("met",
/// "announced") says past; a modal, a plan word or an infinitive ("set to resume Monday")
/// future. A possessive ("Monday's vote") names something already known: past.
fn clause_tense(text: &str, at: usize, end: usize) -> Option<bool> {
    if text
        .get(end..)
        .is_some_and(|r| r.starts_with("'s") || r.starts_with("\u{2019}s"))
    {
        return Some(false);
    }
    let before = window_before(text, at, 160)?;
    // The clause: back to the last sentence end or line break.
    // The clause: back to the last sentence end or line break (all ASCII, so bytes will do).
    let b = before.as_bytes();
    let clause_start = (0..b.len())
        .rev()
        .find(|&i| {
            b[i] == b'\n'
                || b[i] == b';'
                || (b[i] == b'.'
                    && matches!(b.get(i + 1), Some(b' ' | b'"'))
                    && i > 0
                    && b[i - 1].is_ascii_lowercase())
        })
        .map_or(0, |i| i + 1);
    let clause = before.get(clause_start..).unwrap_or("");
    // The last nine words, nearest first.
    let recent: Vec<&str> = clause
        .rsplit(|c: char| c.is_whitespace() || matches!(c, ',' | '"' | '(' | ')' | '`'))
        .filter(|w| !w.is_empty())
        .take(9)
        .map(|w| w.trim_matches('\''))
        .collect();
    // "had been scheduled to expire Friday", "as previously planned": a plan of the past.
    let plan_of_the_past = |from: usize| {
        recent.iter().skip(from).take(2).any(|w| {
            ["had", "previously", "originally"]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(w))
        })
    };
    // "the plan", "its plans": a noun after a determiner, not a verb.
    let is_noun = |k: usize| {
        recent.get(k + 1).is_some_and(|d| {
            ["the", "a", "its", "his", "her", "their", "our", "this"]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(d))
        })
    };
    for (k, &lw) in recent.iter().enumerate().take(8) {
        let is = |list: &[&str]| list.iter().any(|c| c.eq_ignore_ascii_case(lw));
        if lw.eq_ignore_ascii_case("to") {
            // An infinitive governed by a plan ("set to resume", "agreed to meet"), not one of
            // purpose ("celebrations to mark the entry on Friday") nor a place ("to Paris").
            let governor = recent.get(k + 1).copied().unwrap_or("");
            if k > 0
                && INFINITIVE_FUTURE_CUES
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(governor))
            {
                return Some(!plan_of_the_past(k + 2));
            }
        } else if (is(WEEKDAY_FUTURE_CUES) && !is_noun(k))
            // "as early as Tuesday", "as soon as Monday".
            || (lw.eq_ignore_ascii_case("early") && recent.get(k + 1) == Some(&"as"))
        {
            return Some(!plan_of_the_past(k + 1));
        } else if is(SAYING) || is(IRREGULAR_PAST) || is_ed_verb(lw) {
            return Some(false);
        }
    }
    None
}

/// Up to `n` bytes of `text` before byte `at`, started on a character boundary (a window cut
/// inside "ü" or "—" must not lose the words it holds).
fn window_before(text: &str, at: usize, n: usize) -> Option<&str> {
    let mut from = at.saturating_sub(n);
    while from < at && !text.is_char_boundary(from) {
        from += 1;
    }
    text.get(from..at)
}

/// Verbs of saying, which date the saying ("said Tuesday") rather than what is said ("said the
/// plant closes in March").
#[rustfmt::skip]
const SAYING: &[&str] = &[
    "said", "told", "added", "noted", "stated", "reported", "announced", "wrote", "says",
];

/// Whether `w` is an irregular past verb that makes the date after it past: not a verb of
/// saying, and not "set" ("set Nov. 10 as the deadline" names a date ahead).
fn governing_past(w: &str) -> bool {
    IRREGULAR_PAST.contains(&w) && !SAYING.contains(&w) && w != "set"
}

/// Whether `w` looks like a regular past verb: lower case (so not "United" nor "Ahmed") and
/// ending in "-ed".
fn is_ed_verb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && w.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Nouns that make "today's" the present era and "of tomorrow" the future, not a day:
/// "today's world", "the leaders of tomorrow".
#[rustfmt::skip]
const ERA_NOUNS: &[&str] = &[
    "world", "youth", "society", "generation", "children", "kids", "young", "people",
    "computers", "technology", "standards", "dollars", "economy", "culture", "families",
    "teenagers", "americans", "leaders", "city", "cities", "jobs",
];

/// How many words after a date that opens its sentence are read for its tense ("On Tuesday,
/// the National Abortion Rights Action League plans to...").
const FRONTED_REACH: usize = 10;

/// Decade words, from "twenties" (2) to "nineties" (9).
const DECADE_WORDS: &[&str] = &[
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

#[rustfmt::skip]
const NOT_YEAR_BEFORE: &[&str] = &[
    "resolution", "no", "number", "nos", "page", "pages", "p", "pp", "camp", "room", "flight",
    "route", "highway", "article", "articles", "section", "paragraph", "chapter", "rule",
    "code", "law", "bill", "decree", "item", "model", "version", "vol", "volume", "issue",
    "box", "suite", "apartment", "apt", "building", "block", "street", "road", "avenue", "ave",
    "zip", "tel", "phone", "fax", "call", "cost", "costs", "paid", "pay", "usd", "eur", "gbp",
    "rs", "rmb", "yuan", "than", "least", "only", "just", "approximately", "roughly",
    "estimated", "total", "killed", "injured", "dow", "index", "gained", "fell", "rose", "lost",
    "score", "scored",
];

#[rustfmt::skip]
const NOT_YEAR_AFTER: &[&str] = &[
    "people", "persons", "residents", "members", "troops", "soldiers", "men", "women",
    "children", "families", "refugees", "workers", "employees", "jobs", "shares", "tons",
    "tonnes", "barrels", "dollars", "euros", "pounds", "yen", "km", "kilometers", "kilometres",
    "miles", "meters", "metres", "feet", "ft", "acres", "hectares", "units", "cars", "homes",
    "houses", "votes", "cases", "deaths", "dead", "percent", "calories", "rounds", "seats",
    "kg", "lbs", "points", "hours", "minutes", "days", "weeks", "months", "years", "others",
    "students", "prisoners", "fighters", "police", "officers", "protesters", "demonstrators",
    "civilians", "patients", "victims", "hostages", "inmates", "acre", "mph", "degrees",
    "pages", "words", "rupees", "francs", "marks", "lire", "rubles", "copies", "vehicles",
    "flights", "passengers",
];

const MAX_PREFIXES: usize = 6;

type Prefix<'t, 'a> = (Cursor<'t, 'a>, Option<Modifier>, bool);

/// A short list of [`Prefix`]es without allocating.
struct Prefixes<'t, 'a> {
    items: [Prefix<'t, 'a>; MAX_PREFIXES],
    len: usize,
}

impl<'t, 'a> Prefixes<'t, 'a> {
    fn push(&mut self, p: Prefix<'t, 'a>) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = p;
            self.len += 1;
        }
    }

    fn iter(&self) -> impl Iterator<Item = Prefix<'t, 'a>> + '_ {
        self.items.iter().take(self.len).copied()
    }
}

/// The grammar over one region's tokens.
pub struct Grammar<'t, 'a> {
    toks: &'t [Tok<'a>],
    ctx: Context,
    /// The whole text fed and where the tokens' region starts in it, to read the tense of the
    /// sentence around an expression.
    text: &'t str,
    region_start: usize,
    /// For each token, the index of the next token that can carry a date on its own (a number,
    /// a month, a unit, a cue word...): rules are tried only a few tokens before one.
    next_strong: Vec<usize>,
    /// The last [`Grammar::future_before`] answer: several rules ask it for the same token
    /// ("September 1, 2013" is tried as a month, a month and day, and a full date).
    tense: Cell<Option<(usize, bool)>>,
}

/// How many tokens an expression may open with before its first strong token ("at the end of
/// the third quarter": five).
const MAX_LEAD: usize = 6;

fn is_strong(t: &Tok) -> bool {
    match t.kind {
        TokKind::Num => true,
        TokKind::Punct => t.punct(b'\''),
        TokKind::Word => !matches!(t.lex, Lex::Other | Lex::Opener),
    }
}

type Rule<'t, 'a> =
    fn(&Grammar<'t, 'a>, Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)>;

/// What the first token of a rule's expression may be: of a shape, of a word class, or one of
/// some words (see [`Grammar::RULES`]).
#[derive(Clone, Copy)]
struct Opens {
    shapes: u8,
    lexes: u8,
    words: &'static [&'static str],
}

// Token shapes.
const NUM: u8 = 1;
/// A word with a capital letter.
const UPPER: u8 = 2;
const APOSTROPHE: u8 = 4;
const HYPHEN: u8 = 8;

// Word classes, by the bit of their [`lex_index`].
const MONTH: u8 = 1;
const WEEKDAY: u8 = 2;
const NUMBER: u8 = 4;
const ORDINAL: u8 = 8;
const UNIT: u8 = 16;
const SEASON: u8 = 32;
const PART_OF_DAY: u8 = 64;

impl Opens {
    const fn shapes(shapes: u8) -> Self {
        Opens {
            shapes,
            lexes: 0,
            words: &[],
        }
    }
    const fn lexes(lexes: u8) -> Self {
        Opens {
            shapes: 0,
            lexes,
            words: &[],
        }
    }
    const fn words(words: &'static [&'static str]) -> Self {
        Opens {
            shapes: 0,
            lexes: 0,
            words,
        }
    }
    const fn or_shapes(self, shapes: u8) -> Self {
        Opens {
            shapes: self.shapes | shapes,
            ..self
        }
    }
    const fn or_lexes(self, lexes: u8) -> Self {
        Opens {
            lexes: self.lexes | lexes,
            ..self
        }
    }
    /// One word list per rule (a second one fails the build rather than replace the first).
    const fn or_words(self, words: &'static [&'static str]) -> Self {
        assert!(self.words.is_empty(), "one word list per rule");
        Opens { words, ..self }
    }
}

/// A count ([`Cursor::count`]): a number, a number word, "a", "some".
const OPENS_COUNT: Opens = Opens::shapes(NUM).or_lexes(NUMBER).or_words(&[
    "a", "an", "several", "few", "some", "many", "numerous", "couple",
]);

/// [`Opens`] turned around, to find the rules a token may open with a few lookups.
struct Openings {
    by_shape: [u32; 16],
    by_lex: [u32; 8],
    by_word: FastMap<&'static str, u32>,
}

fn shape_bits(t: &Tok) -> u8 {
    match t.kind {
        TokKind::Num => NUM,
        TokKind::Word if t.upper => UPPER,
        TokKind::Word => 0,
        TokKind::Punct if t.punct(b'\'') => APOSTROPHE,
        TokKind::Punct if t.punct(b'-') => HYPHEN,
        TokKind::Punct => 0,
    }
}

/// The bit index of a word class in [`Opens::lexes`].
fn lex_index(l: Lex) -> Option<usize> {
    match l {
        Lex::Month(_) => Some(0),
        Lex::Weekday(_) => Some(1),
        Lex::Number(_) => Some(2),
        Lex::Ordinal(_) => Some(3),
        Lex::Unit(..) => Some(4),
        Lex::Season(_) => Some(5),
        Lex::PartOfDay(_) => Some(6),
        Lex::Cue | Lex::Opener | Lex::Other => None,
    }
}

impl<'t, 'a> Grammar<'t, 'a> {
    /// `scratch` is a buffer to reuse (from [`Grammar::into_scratch`]), to spare an
    /// allocation per region.
    pub fn new(
        toks: &'t [Tok<'a>],
        ctx: Context,
        text: &'t str,
        region_start: usize,
        scratch: Vec<usize>,
    ) -> Self {
        let mut next_strong = scratch;
        next_strong.clear();
        next_strong.resize(toks.len(), usize::MAX);
        let mut next = usize::MAX;
        for (i, t) in toks.iter().enumerate().rev() {
            if is_strong(t) {
                next = i;
            }
            if let Some(slot) = next_strong.get_mut(i) {
                *slot = next;
            }
        }
        Grammar {
            toks,
            ctx,
            text,
            region_start,
            next_strong,
            tense: Cell::new(None),
        }
    }

    /// Gives back the buffer passed to [`Grammar::new`].
    pub fn into_scratch(self) -> Vec<usize> {
        self.next_strong
    }

    pub fn set_previous(&mut self, p: Option<Point>) {
        self.ctx.previous = p;
    }

    /// The longest expression starting at token `i`, if any.
    pub fn match_at(&self, i: usize) -> Option<Hit> {
        let t = self.toks.get(i)?;
        // A plain word opens nothing, unless it may be a misspelt month before a number.
        let fuzzy = t.upper
            && t.text.len() >= 6
            && self.toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Num);
        if (t.kind == TokKind::Word && t.lex == Lex::Other && !fuzzy)
            || (t.kind == TokKind::Punct && !t.punct(b'\''))
        {
            return None;
        }
        let strong = self.next_strong.get(i).copied().unwrap_or(usize::MAX);
        if strong.saturating_sub(i) > MAX_LEAD {
            return None;
        }
        let c = Cursor { toks: self.toks, i };
        let mut best: Option<Hit> = None;
        // Prefixes: modifiers ("about", "late", "the end of") and "the", then a core rule.
        for (after, modifier, det) in self.prefixes(c).iter() {
            let Some(first) = after.peek() else {
                continue;
            };
            // The rules the token may open, lowest bit first: in RULES order, as the first of
            // equally long matches wins.
            let mut openable = Self::openable(first);
            while openable != 0 {
                let k = openable.trailing_zeros() as usize;
                openable &= openable - 1;
                let Some((rule, _)) = Self::RULES.get(k) else {
                    break;
                };
                if let Some((end, id, meaning)) = rule(self, after) {
                    if det && !takes_determiner(id) {
                        continue;
                    }
                    if modifier.is_some() && !takes_modifier(id, modifier) {
                        continue;
                    }
                    if end.i <= after.i {
                        continue;
                    }
                    let better = best.as_ref().map_or(true, |b| end.i > b.end);
                    if better {
                        best = Some(Hit {
                            start: i,
                            end: end.i,
                            rule: id,
                            meaning,
                            modifier,
                        });
                    }
                }
            }
        }
        let mut hit = best?;
        if hit.rule != "holiday" && self.is_title_at(i) {
            return None;
        }
        // "a year or so", "1994 or later", "1990 and beyond".
        let mut e = Cursor {
            toks: self.toks,
            i: hit.end,
        };
        let suffix = if e.word("or") {
            match e.any(&["so", "later", "earlier", "before", "after", "more", "less"]) {
                Some("so") => Some(Modifier::Approx),
                Some("later" | "after") => Some(Modifier::OnOrAfter),
                Some("earlier" | "before") => Some(Modifier::OnOrBefore),
                Some("more") => Some(Modifier::EqualOrMore),
                Some("less") => Some(Modifier::EqualOrLess),
                _ => None,
            }
        } else if e.word("and") && e.any(&["beyond", "later", "after"]).is_some() {
            Some(Modifier::OnOrAfter)
        } else {
            None
        };
        if let Some(m) = suffix {
            if hit.modifier.is_none() {
                hit.modifier = Some(m);
                hit.end = e.i;
            }
        }
        if let Some(m) = hit.modifier {
            apply_modifier(&mut hit.meaning, m);
        }
        // "nearly a year ago" is less than a year: from a little before the exact day to a
        // quarter of the distance after it.
        let nearly = self
            .toks
            .get(i)
            .is_some_and(|t| t.is("nearly") || t.is("almost"));
        if let (
            true,
            Meaning::Point {
                band,
                ago: Some((center, span)),
                ..
            },
        ) = (nearly, &mut hit.meaning)
        {
            *band = Some((
                add_days(*center, -(*span / 12).max(1)).unwrap_or(*center),
                add_days(*center, (*span / 4).max(1)).unwrap_or(*center),
            ));
        }
        Some(hit)
    }

    /// Every rule, with what the first token of its expression may be: a rule is tried only at
    /// a token that may open it. Most rules fail at their first token, and this saves calling
    /// all of them for every prefix at every candidate token. A gate may admit more than its
    /// rule takes, never less (`gates_admit_every_match` checks it over the examples corpus).
    #[rustfmt::skip]
    const RULES: [(Rule<'t, 'a>, Opens); 25] = [
        (Self::numeric_date, Opens::shapes(NUM)),
        (Self::month_day_year, Opens::lexes(MONTH | WEEKDAY).or_shapes(UPPER)),
        (Self::day_month_year, Opens::shapes(NUM).or_lexes(WEEKDAY | ORDINAL).or_words(&["the"])),
        (Self::month_year, Opens::lexes(MONTH).or_shapes(UPPER)),
        (Self::month_alone, Opens::lexes(MONTH)),
        (Self::year_alone, Opens::shapes(NUM).or_words(&["fiscal", "fy"])),
        (Self::decade, Opens::shapes(NUM | APOSTROPHE).or_words(DECADE_WORDS)),
        (Self::century, Opens::shapes(NUM).or_lexes(ORDINAL | NUMBER)),
        (Self::weekday, Opens::lexes(WEEKDAY)),
        (Self::deictic_day, Opens::words(&["today", "yesterday", "tomorrow", "tonight", "overnight"])),
        (Self::this_last_next, Opens::words(&[
            "this", "last", "next", "past", "previous", "coming", "current", "following",
            "present", "same", "that",
        ])),
        (Self::units_ago, OPENS_COUNT),
        // A count (the words of OPENS_COUNT), a bare unit ("for years"), or a lead word.
        (Self::duration, Opens::shapes(NUM).or_lexes(NUMBER | UNIT).or_words(&[
            "a", "an", "several", "few", "some", "many", "numerous", "couple", "first", "latest",
            "full", "recent", "coming", "ensuing", "intervening",
        ])),
        (Self::past_next_units, Opens::lexes(UNIT).or_words(&[
            "past", "last", "next", "coming", "previous", "following", "first", "final", "ensuing",
        ])),
        (Self::quarter, Opens::shapes(NUM | HYPHEN).or_lexes(ORDINAL).or_words(&[
            "this", "last", "next", "comparable", "corresponding", "same", "year", "fiscal",
            "latest", "current", "past", "recent", "previous", "second", "q", "quarter", "half",
            "period",
        ])),
        (Self::season, Opens::lexes(SEASON)),
        (Self::reference, Opens::words(&[
            "now", "currently", "presently", "nowadays", "current", "recently", "lately", "recent",
            "soon", "present", "past", "future", "near", "foreseeable", "distant", "immediate",
            "these", "short", "later",
        ])),
        (Self::clock_time, Opens::shapes(NUM).or_words(&["noon", "midday", "midnight"])),
        (Self::set, Opens::words(&[
            "weekly", "monthly", "quarterly", "yearly", "daily", "annually", "hourly", "every",
            "each", "per",
        ])),
        (Self::relative_to_previous, Opens::lexes(UNIT)),
        (Self::spelled_year, Opens::lexes(NUMBER).or_words(&["the"])),
        (Self::year_ago_adjective, Opens::words(&["year"])),
        (Self::the_unit, Opens::lexes(PART_OF_DAY).or_words(&["the", "year"])),
        (Self::holiday, Opens::shapes(UPPER)),
        (Self::listed_day, Opens::shapes(NUM)),
    ];

    /// The rules that may open at token `t`, one bit each in [`Grammar::RULES`] order.
    fn openable(t: &Tok) -> u32 {
        static TABLE: OnceLock<Openings> = OnceLock::new();
        let table = TABLE.get_or_init(|| {
            let mut table = Openings {
                by_shape: [0; 16],
                by_lex: [0; 8],
                by_word: FastMap::default(),
            };
            for (k, (_, opens)) in Grammar::RULES.iter().enumerate() {
                let bit = 1 << k;
                for (shapes, mask) in table.by_shape.iter_mut().enumerate() {
                    if opens.shapes & shapes as u8 != 0 {
                        *mask |= bit;
                    }
                }
                for (lex, mask) in table.by_lex.iter_mut().enumerate() {
                    if opens.lexes & (1 << lex) != 0 {
                        *mask |= bit;
                    }
                }
                for w in opens.words {
                    *table.by_word.entry(w).or_insert(0) |= bit;
                }
            }
            table
        });
        let shapes = usize::from(shape_bits(t));
        let by_word = if t.kind == TokKind::Word {
            table.by_word.get(t.text).copied().unwrap_or(0)
        } else {
            0
        };
        table.by_shape.get(shapes).copied().unwrap_or(u32::MAX)
            | lex_index(t.lex).map_or(0, |i| table.by_lex.get(i).copied().unwrap_or(u32::MAX))
            | by_word
    }

    /// Whether the expression opening at token `i` is a name: a capitalized time word other
    /// than a month or a weekday in mid-sentence ("ABC's This Week", "USA Today", "CBS's 60
    /// Minutes", "the Prague Spring"), not a heading in capitals.
    fn is_title_at(&self, i: usize) -> bool {
        let mut k = if self.toks.get(i).is_some_and(|t| t.is("the")) {
            i + 1
        } else {
            i
        };
        // "60 Minutes": a number, then the capitalized word that makes the name.
        if self.toks.get(k).is_some_and(|t| t.kind == TokKind::Num)
            && self
                .toks
                .get(k + 1)
                .is_some_and(|t| matches!(t.lex, Lex::Unit(..)))
        {
            k += 1;
        }
        let (Some(first), Some(t)) = (self.toks.get(i), self.toks.get(k)) else {
            return false;
        };
        if t.kind != TokKind::Word || !t.upper || matches!(t.lex, Lex::Month(_) | Lex::Weekday(_)) {
            return false;
        }
        let word = self
            .text
            .get(self.region_start + t.start..self.region_start + t.end)
            .unwrap_or("");
        if word.bytes().all(|b| !b.is_ascii_lowercase()) {
            return false;
        }
        // Mid-sentence: a word or a comma before it, past spaces and quotes.
        let before = self
            .text
            .get(..self.region_start + first.start)
            .unwrap_or("");
        before
            .chars()
            .rev()
            .find(|c| {
                !(c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '\u{201c}' | '\u{2018}'))
            })
            .is_some_and(|c| c.is_alphanumeric() || c == ',')
    }

    /// The ways an expression may open: nothing, "the", a modifier, or a modifier and "the".
    /// The ways an expression may open at `c`: bare, after "the", after a modifier, after both.
    /// At most [`MAX_PREFIXES`] of them, kept in an array: this runs at every candidate token.
    fn prefixes(&self, c: Cursor<'t, 'a>) -> Prefixes<'t, 'a> {
        let mut out = Prefixes {
            items: [(c, None, false); MAX_PREFIXES],
            len: 1,
        };
        let mut d = c;
        let the = d.word("the");
        if the {
            out.push((d, None, true));
        }
        // "the late 1970s": "the" may come before the modifier too.
        for (base, det) in [(c, false), (d, true)] {
            if det && !the {
                continue;
            }
            if let Some((after, md)) = modifier_words(base) {
                match md {
                    Some(md) => {
                        out.push((after, Some(md), det));
                        let mut mt = after;
                        if mt.word("the") {
                            out.push((mt, Some(md), true));
                        }
                    }
                    // "earlier this year", "later this month": the word belongs to the expression.
                    None => out.push((after, None, det)),
                }
            }
        }
        out
    }

    fn anchor(&self) -> Option<NaiveDate> {
        self.ctx.anchor
    }

    /// Whether the words before position `i` (same sentence, up to eight tokens) speak of the
    /// future: "will", "scheduled", "until".
    fn future_before(&self, i: usize) -> bool {
        if let Some((at, future)) = self.tense.get() {
            if at == i {
                return future;
            }
        }
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let future = future_tense_near(self.text, self.region_start + t.start);
        self.tense.set(Some((i, future)));
        future
    }

    /// The quarter the text is about, when the previous date is one already over: what
    /// "a year ago" and "the year-earlier quarter" look back from in a quarterly report. A
    /// forecast ("losses through the third quarter of 1990") is not.
    fn period_over(&self) -> Option<Point> {
        let p = self.ctx.previous?;
        let (_, end) = p.bounds()?;
        (matches!(p, Point::Quarter(Some(_), _)) && !self.anchor().is_some_and(|a| end >= a))
            .then_some(p)
    }

    /// Whether a comparison ("compared with", "up from", "higher than") opens the clause
    /// within eight words before token `i`.
    fn compared_before(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let at = self.region_start + t.start;
        let Some(before) = window_before(self.text, at, 120) else {
            return false;
        };
        before
            .rsplit(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .take(8)
            .take_while(|w| !w.ends_with(['.', ';', ':']))
            .any(|w| matches!(w, "compared" | "from" | "than" | "versus" | "vs"))
    }

    /// The tense of the clause before token `i` (see [`clause_tense`]).
    fn clause_tense_at(&self, i: usize) -> Option<bool> {
        let t = self.toks.get(i)?;
        let at = self.region_start + t.start;
        clause_tense(self.text, at, self.region_start + t.end)
    }

    /// The tense a month or a day without a year at token `i` is read in: past when an active
    /// past verb governs it ("issued July 1", "bought the
    /// chain in February", not "will be paid Dec. 14" nor "extended to Nov. 20"), or when it
    /// opens the sentence and the verb after it is past ("In January, the firm sold..."); else
    /// future when a future cue is near; else unknown.
    fn date_tense(&self, i: usize) -> Option<bool> {
        if self.past_verb_governs(i) {
            Some(false)
        } else {
            self.future_before(i).then_some(true)
        }
    }

    /// Whether an active past verb governs the date at token `i` (see [`Grammar::date_tense`]).
    fn past_verb_governs(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let Some(clause) = self.clause_before(i) else {
            return false;
        };
        // Nearest word first.
        let mut words = clause
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty());
        let is_be = |w: &str| matches!(w, "be" | "been" | "being" | "is" | "are" | "was" | "were");
        let mut w = words.next();
        let after_preposition = w.is_some_and(|w| w.eq_ignore_ascii_case("in") || w == "on");
        if after_preposition {
            w = words.next();
        }
        let Some(w) = w else {
            // A date opening its sentence: the verb after it tells.
            return self.fronted_tense(self.region_start + t.end, true) == Some(false);
        };
        if governing_past(w) || is_ed_verb(w) {
            return !words.next().is_some_and(is_be);
        }
        if !after_preposition {
            return false;
        }
        // "bought RJR in February": a past verb a few words back, with nothing between that
        // would make the date a deadline or the verb passive. An "-ed" word right before the
        // noun is an adjective ("preferred shares on Oct. 31", "an unspecified date in May").
        let mut words = std::iter::once(w).chain(words);
        for k in 0..4 {
            let Some(w) = words.next() else {
                return false;
            };
            if matches!(
                w,
                "to" | "by" | "until" | "before" | "after" | "from" | "for"
            ) || is_be(w)
            {
                return false;
            }
            if governing_past(w) || k >= 2 && is_ed_verb(w) {
                return !words.next().is_some_and(is_be);
            }
        }
        false
    }

    /// The tense of the clause after a date that opens its sentence, the date ending at byte
    /// `end`: past for "In January, the company sold", future for "On March 1, it will" or
    /// "On Tuesday, the league plans to", `None` when nothing tells. With `saying` false, a
    /// verb of saying is passed over: "until Friday, the firm said" tells when it was said, not
    /// whether the limit is past.
    fn fronted_tense(&self, end: usize, saying: bool) -> Option<bool> {
        let rest = self.text.get(end..)?;
        // The rest of the date ("Oct. 5", "the 5th") up to the comma that closes it.
        let comma = rest.get(..rest.len().min(14)).and_then(|r| r.find(','))?;
        if rest[..comma]
            .bytes()
            .any(|b| !(b.is_ascii_digit() || b" .stndrh".contains(&b)))
        {
            return None;
        }
        let after = &rest[comma + 1..];
        let clause = after.split(['.', ';', '!', '?', '\n']).next().unwrap_or("");
        for w in clause
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .take(FRONTED_REACH)
        {
            if WEEKDAY_FUTURE_CUES.contains(&w) {
                return Some(true);
            }
            if !saying && SAYING.contains(&w) {
                continue;
            }
            if IRREGULAR_PAST.contains(&w) || is_ed_verb(w) {
                return Some(false);
            }
        }
        None
    }

    /// The clause before token `i`: back to the last stop, colon, quote or line break, within
    /// 80 bytes.
    fn clause_before(&self, i: usize) -> Option<&'t str> {
        let t = self.toks.get(i)?;
        let before = window_before(self.text, self.region_start + t.start, 80)?;
        before.rsplit(['.', ';', ':', '!', '?', '\n', '"']).next()
    }

    /// Whether the date at token `i` opens its sentence, "on" or "in" aside.
    fn opens_sentence(&self, i: usize) -> bool {
        self.clause_before(i).is_some_and(|clause| {
            clause
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .all(|w| w.eq_ignore_ascii_case("on") || w.eq_ignore_ascii_case("in"))
        })
    }

    /// Whether the bare weekday at token `i` lies ahead of the anchor: when the clause speaks of
    /// the future, unless it is a time limit the clause after it puts in the past. No cue
    /// leaves it behind, as most news reports what happened.
    fn weekday_ahead_at(&self, i: usize) -> bool {
        let end = self.toks.get(i).map_or(0, |t| self.region_start + t.end);
        match self.clause_tense_at(i) {
            Some(true) => {}
            Some(false) => return false,
            // "On Tuesday, the league plans to hold a news conference."
            None => return self.opens_sentence(i) && self.fronted_tense(end, true) == Some(true),
        }
        // "Until Thursday, they had not called him a suspect": a time limit now past, as the
        // clause after it tells.
        let until = i
            .checked_sub(1)
            .and_then(|k| self.toks.get(k))
            .is_some_and(|t| t.is("until") || t.is("till"));
        !(until && self.fronted_tense(end, false) == Some(false))
    }

    /// The date of weekday `wd` (1 is Monday) nearest anchor `a`, ahead or behind as the tense
    /// before token `start` says (see [`clause_tense`]).
    fn weekday_date(&self, a: NaiveDate, start: usize, wd: u32) -> Option<NaiveDate> {
        let aw = i64::from(a.weekday().number_from_monday());
        if self.weekday_ahead_at(start) {
            add_days(a, (i64::from(wd) - aw).rem_euclid(7))
        } else {
            add_days(a, -(aw - i64::from(wd)).rem_euclid(7))
        }
    }

    fn day_point(&self, start: usize, y: Option<i32>, m: u32, d: u32) -> Option<(Point, Basis)> {
        if let Some(y) = y {
            ymd(y, m, d)?;
            return Some((Point::Day(Some(y), m, d), Basis::Absolute));
        }
        ymd(2000, m, d)?;
        let Some(a) = self.anchor() else {
            return Some((Point::Day(None, m, d), Basis::Absolute));
        };
        let cands: Vec<NaiveDate> = (a.year() - 1..=a.year() + 1)
            .filter_map(|y| ymd(y, m, d))
            .collect();
        let pick = match self.date_tense(start) {
            Some(true) => cands
                .iter()
                .find(|c| **c >= a.pred_opt().unwrap_or(a))
                .copied(),
            // The latest one not after the anchor.
            Some(false) => cands.iter().rev().find(|c| **c <= a).copied(),
            // The year that puts the date nearest the anchor, ties going to the past: in a
            // 20 September article "September 1" is that year, in a 10 January one the last.
            None => cands
                .iter()
                .min_by_key(|c| {
                    // News leans to the past: a date ahead counts double.
                    let d = (**c - a).num_days();
                    (if d > 0 { 2 * d } else { -d }, d > 0)
                })
                .copied(),
        }?;
        Some((Point::day(pick), Basis::Anchor))
    }

    fn month_point(&self, start: usize, m: u32) -> (Point, Basis) {
        let Some(a) = self.anchor() else {
            return (Point::Month(None, m), Basis::Absolute);
        };
        let delta = m as i32 - a.month() as i32;
        let tense = self.date_tense(start);
        // The next month in future tense, the last in past tense, else the nearest.
        let y = if tense == Some(true) {
            if delta >= 0 {
                a.year()
            } else {
                a.year() + 1
            }
        } else if tense == Some(false) {
            if delta <= 0 {
                a.year()
            } else {
                a.year() - 1
            }
        } else {
            // Nearest month, a month ahead counting one and a half (news leans to the past).
            let back = (a.month() as i32 - m as i32).rem_euclid(12);
            let ahead = 12 - back;
            if back == 0 || 2 * back <= 3 * ahead {
                if m <= a.month() {
                    a.year()
                } else {
                    a.year() - 1
                }
            } else if m > a.month() {
                a.year()
            } else {
                a.year() + 1
            }
        };
        (Point::Month(Some(y), m), Basis::Anchor)
    }

    // ---- rules -------------------------------------------------------------------------

    /// `2013-09-01`, `09/01/2013`, `1/9/13`, `01.09.2013`.
    fn numeric_date(
        &self,
        mut c: Cursor<'t, 'a>,
    ) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let a = c.num()?;
        let sep = c.next()?;
        if sep.kind != TokKind::Punct
            || !(sep.is("-") || sep.is("/") || sep.is("."))
            || sep.start != a.end
        {
            return None;
        }
        let b = c.num()?;
        let sep2 = c.next()?;
        if sep2.text != sep.text || sep2.start != b.end {
            return None;
        }
        let y = c.num()?;
        if y.start != sep2.end
            || c.peek().is_some_and(|t| {
                t.start == y.end && (t.kind == TokKind::Num || t.punct(b'-') || t.punct(b'/'))
            })
        {
            return None;
        }
        let (yy, mm, dd) = if a.digits == 4 && b.digits <= 2 && y.digits <= 2 {
            (a.num as i32, b.num, y.num)
        } else if a.digits <= 2 && b.digits <= 2 && (y.digits == 4 || y.digits == 2) {
            let year = if y.digits == 2 {
                expand_two_digit_year(y.num as i32, self.anchor())
            } else {
                y.num as i32
            };
            if sep.is("/") && a.num <= 12 {
                (year, a.num, b.num) // US order
            } else {
                (year, b.num, a.num) // day first (dots, or the first number cannot be a month)
            }
        } else {
            return None;
        };
        ymd(yy, mm, dd)?;
        Some((
            c,
            "numeric-date",
            point(Point::Day(Some(yy), mm, dd), Basis::Absolute),
        ))
    }

    /// `September 1, 2013`, `Sept. 1`, `Friday, November 13, 2020`, `Fri Jul 20, 2012`,
    /// `Febriary12, 2013`, `September 20th`.
    fn month_day_year(
        &self,
        mut c: Cursor<'t, 'a>,
    ) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        let mut with_weekday = false;
        {
            let mut w = c;
            if w.weekday().is_some() {
                w.punct(b',');
                if w.peek().is_some_and(|t| matches!(t.lex, Lex::Month(_))) {
                    c = w;
                    with_weekday = true;
                }
            }
        }
        let m = c.month_before_number()?;
        let d = c.day()?;
        // "Sept. 1-3": keep the first day; "Jan 2013" is month-year, not a day.
        let mut y = None;
        let mut w = c;
        w.punct(b',');
        if let Some(yr) = w.year_after_date(self.anchor()) {
            y = Some(yr);
            c = w;
        }
        let (p, basis) = self.day_point(start, y, m, d)?;
        let id = if y.is_some() {
            if with_weekday {
                "weekday-month-day-year"
            } else {
                "month-day-year"
            }
        } else {
            "month-day"
        };
        Some((c, id, point(p, basis)))
    }

    /// `1 September 2013`, `17 February`, `the 5th of May`.
    fn day_month_year(
        &self,
        mut c: Cursor<'t, 'a>,
    ) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        {
            let mut w = c;
            if w.weekday().is_some() {
                w.punct(b',');
                if w.peek().is_some_and(|t| t.kind == TokKind::Num) {
                    c = w;
                }
            }
        }
        // "the 5th of May" takes "the"; "the 9 February 2013 attack" does not.
        {
            let mut e = c;
            if e.word("the")
                && e.peek()
                    .is_some_and(|t| t.ordinal || matches!(t.lex, Lex::Ordinal(_)))
            {
                c = e;
            }
        }
        let d = c.day()?;
        let _ = c.word("of");
        let m = c.month()?;
        let mut y = None;
        let mut w = c;
        w.punct(b',');
        if let Some(yr) = w.year_after_date(self.anchor()) {
            y = Some(yr);
            c = w;
        }
        let (p, basis) = self.day_point(start, y, m, d)?;
        Some((
            c,
            if y.is_some() {
                "day-month-year"
            } else {
                "day-month"
            },
            point(p, basis),
        ))
    }

    /// `September 2011`, `Sept. 2011`, `September of 2011`, `May 2012`.
    fn month_year(&self, mut c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let m = c.month_before_number().or_else(|| c.month())?;
        let _ = c.word("of") || c.punct(b',');
        // "January 1997", "January nineteen ninety-seven".
        let y = match c.year_after_date(self.anchor()) {
            Some(y) => y,
            None => match self.spelled_year(c)? {
                (
                    e,
                    _,
                    Meaning::Point {
                        point: Point::Year(y),
                        ..
                    },
                ) => {
                    c = e;
                    y
                }
                _ => return None,
            },
        };
        Some((
            c,
            "month-year",
            point(Point::Month(Some(y), m), Basis::Absolute),
        ))
    }

    /// `25` in "April 24 and 25": a second day of the month just named, in the same year.
    fn listed_day(&self, mut c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        let t = c.num()?;
        if t.digits > 2 || t.plural || t.ordinal {
            return None;
        }
        // A count goes on with its noun ("May 3 and 4 others"); a date ends or goes on with
        // a place or a time.
        if c.peek().is_some_and(|n| {
            n.kind == TokKind::Word && !matches!(n.text, "in" | "at" | "when" | "to" | "for")
        }) {
            return None;
        }
        let before = |k: usize| start.checked_sub(k).and_then(|p| self.toks.get(p));
        if !before(1).is_some_and(|w| w.is("and") || w.is("or")) {
            return None;
        }
        let first = before(2).filter(|d| d.kind == TokKind::Num)?;
        let Lex::Month(m) = before(3)?.lex else {
            return None;
        };
        let Some(Point::Day(Some(y), pm, pd)) = self.ctx.previous else {
            return None;
        };
        if pm != m || pd != first.num || t.num <= first.num {
            return None;
        }
        ymd(y, m, t.num)?;
        Some((
            c,
            "month-day",
            point(Point::Day(Some(y), m, t.num), Basis::Previous),
        ))
    }

    /// `September` alone, resolved to the anchor's year with news tense.
    fn month_alone(
        &self,
        mut c: Cursor<'t, 'a>,
    ) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        let t = c.peek()?;
        let m = c.month()?;
        // An abbreviation alone needs its dot: "Jan" is a name, "Jan." a month.
        if t.text.len() <= 4
            && !matches!(t.text, "may" | "june" | "july")
            && !self.toks.get(start + 1).is_some_and(|n| n.punct(b'.'))
        {
            return None;
        }
        // A bare "May" opening a sentence is as likely the verb: want a preposition before it.
        if t.text == "may" || t.text == "march" {
            let prev = start.checked_sub(1).and_then(|p| self.toks.get(p));
            // "the May elections", "the March figures", but not "the March on Washington".
            let modifies_noun = prev.is_some_and(|p| p.is("the"))
                && self.toks.get(start + 1).is_some_and(|n| {
                    n.kind == TokKind::Word
                        && !n.upper
                        && !matches!(n.text, "on" | "for" | "of" | "to" | "against" | "from")
                });
            if !modifies_noun
                && !prev.is_some_and(|p| {
                    [
                        "in", "since", "until", "of", "by", "early", "late", "mid", "-", "before",
                        "after", "last", "this", "next", "from", "through", "and", "to",
                    ]
                    .contains(&p.text)
                })
            {
                return None;
            }
        }
        let mut e = c;
        if let Some(w) = e.any(&["this", "last", "next"]) {
            if let (true, Some(a)) = (e.word("year"), self.anchor()) {
                let y = a.year()
                    + if w == "last" {
                        -1
                    } else {
                        i32::from(w == "next")
                    };
                let p = Point::Month(Some(y), m);
                return Some((e, "month-this-year", point(p, Basis::Anchor)));
            }
        }
        let (p, basis) = self.month_point(start, m);
        Some((c, "month-name", point(p, basis)))
    }

    /// A year written alone: `2011`, `fiscal 1989`, `FY2012`, and the second year of a range
    /// (`1980-88`).
    fn year_alone(&self, mut c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        let mut fiscal = false;
        if c.word("fiscal") || c.word("fy") {
            fiscal = true;
            let _ = c.word("year");
        }
        let t = c.peek()?;
        let prev = start.checked_sub(1).and_then(|p| self.toks.get(p));
        // Second year of a range: "1980-88", "1980-1988".
        if t.kind == TokKind::Num && t.digits == 2 && !fiscal {
            let before = start.checked_sub(2).and_then(|p| self.toks.get(p));
            if let (Some(dash), Some(first)) = (prev, before) {
                if (dash.punct(b'-') || dash.punct(b'/'))
                    && dash.start == first.end
                    && t.start == dash.end
                    && first.digits == 4
                    && (1000..=2199).contains(&first.num)
                {
                    let y = (first.num / 100 * 100 + t.num) as i32;
                    if y > first.num as i32
                        && !c
                            .toks
                            .get(c.i + 1)
                            .is_some_and(|n| n.start == t.end && (n.punct(b'-') || n.punct(b'/')))
                    {
                        c.i += 1;
                        return Some((c, "year-range-end", point(Point::Year(y), Basis::Absolute)));
                    }
                }
            }
            return None;
        }
        let y = c.year4()?;
        if !fiscal {
            if !(1500..=2099).contains(&y) {
                return None;
            }
            let word_before = match prev {
                Some(p) if p.punct(b'.') => start.checked_sub(2).and_then(|q| self.toks.get(q)),
                other => other,
            };
            if word_before.is_some_and(|w| NOT_YEAR_BEFORE.contains(&w.text)) {
                return None;
            }
            if let Some(p) = prev {
                if NOT_YEAR_BEFORE.contains(&p.text)
                    || p.punct(b'$')
                    || p.punct(b'#')
                    || p.punct(b'+')
                    || p.text == "\u{20ac}"
                    || p.text == "\u{a3}"
                {
                    return None;
                }
                // Part of a bigger number or code: "12,2013", "555-2013", "3.2013".
                if p.end == t.start
                    && (p.punct(b',')
                        || p.punct(b'.')
                        || p.punct(b'-')
                        || p.punct(b'/')
                        || p.punct(b':'))
                {
                    let pp = start.checked_sub(2).and_then(|q| self.toks.get(q));
                    // ...unless it closes a range of years: "1980-1988", "2003/2004".
                    let ppp = start.checked_sub(3).and_then(|q| self.toks.get(q));
                    let range = (p.punct(b'-') || p.punct(b'/'))
                        && pp.is_some_and(|q| q.digits == 4 && (1000..=2199).contains(&q.num))
                        && !ppp.is_some_and(|w| NOT_YEAR_BEFORE.contains(&w.text));
                    if !range && pp.is_some_and(|q| q.kind == TokKind::Num && q.end == p.start) {
                        return None;
                    }
                }
                if p.kind == TokKind::Num || (p.kind == TokKind::Word && p.end == t.start) {
                    return None;
                }
                // A name in mid-sentence: "a venture called Orion 1980" (but "the Moscow 1980
                // Olympics" are dated).
                let pp = start.checked_sub(2).and_then(|q| self.toks.get(q));
                if p.kind == TokKind::Word
                    && p.upper
                    && p.lex == Lex::Other
                    && pp.is_some_and(|w| {
                        (w.kind == TokKind::Word
                            && !matches!(w.text, "the" | "a" | "an")
                            && self
                                .text
                                .as_bytes()
                                .get(self.region_start + w.start)
                                .is_some_and(u8::is_ascii_lowercase))
                            || w.punct(b',')
                    })
                {
                    return None;
                }
            }
            if let Some(n) = c.peek() {
                if n.kind == TokKind::Word && NOT_YEAR_AFTER.contains(&n.text) {
                    return None;
                }
                if n.punct(b'%')
                    || (n.start == t.end && (n.kind == TokKind::Word || n.kind == TokKind::Num))
                {
                    return None;
                }
                let glued =
                    n.start == t.end && [b',', b'.', b':', b'-', b'/'].iter().any(|c| n.punct(*c));
                let q = c.toks.get(c.i + 1);
                if glued && q.is_some_and(|q| q.kind == TokKind::Num && q.start == n.end) {
                    // A range "1980-88" is fine; a phone number or a decimal is not.
                    let range = (n.punct(b'-') || n.punct(b'/'))
                        && q.is_some_and(|q| {
                            q.digits == 2 || (q.digits == 4 && (1000..=2199).contains(&q.num))
                        });
                    if !range {
                        return None;
                    }
                }
            }
        }
        Some((
            c,
            if fiscal { "fiscal-year" } else { "year" },
            point(Point::Year(y), Basis::Absolute),
        ))
    }

    /// `the 1970s`, `1980's`, `the '80s`, `the mid-1970s` (modifier from the prefix).
    fn decade(&self, mut c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        // "the nineties", "the eighties": the anchor's century, or the 1900s.
        if let Some(t) = c.peek() {
            let tens = DECADE_WORDS.iter().position(|w| *w == t.text);
            if let Some(k) = tens {
                let the = c.i > 0 && self.toks.get(c.i - 1).is_some_and(|p| p.is("the"));
                if !the {
                    return None;
                }
                c.i += 1;
                let century = self.anchor().map_or(19, |a| {
                    let y = a.year();
                    if (y % 100) / 10 < k as i32 + 2 {
                        y / 100 - 1
                    } else {
                        y / 100
                    }
                });
                let d = century * 10 + k as i32 + 2;
                return Some((c, "decade", point(Point::Decade(d), Basis::Absolute)));
            }
        }
        let _ = c.punct(b'\'');
        let at = c.i;
        let t = c.num()?;
        if !t.plural {
            return None;
        }
        let d = match t.digits {
            4 if t.num % 10 == 0 && (1000..=2190).contains(&t.num) => (t.num / 10) as i32,
            2 if t.num % 10 == 0 && !self.is_age(at) => {
                expand_two_digit_year(t.num as i32, self.anchor()) / 10
            }
            _ => return None,
        };
        Some((c, "decade", point(Point::Decade(d), Basis::Absolute)))
    }

    /// The weekday right after a short aside in parentheses at `c`: "(0735 GMT) Friday".
    fn weekday_after_aside(&self, mut c: Cursor<'t, 'a>) -> Option<u32> {
        if !c.punct(b'(') {
            return None;
        }
        for _ in 0..4 {
            if c.punct(b')') {
                return c.weekday();
            }
            c.next()?;
        }
        None
    }

    /// Whether the decade number at token `i` is an age: "in his 30s", "in their late 40s".
    fn is_age(&self, i: usize) -> bool {
        let mut k = i;
        while let Some(t) = k.checked_sub(1).and_then(|p| self.toks.get(p)) {
            if !(t.is("early") || t.is("mid") || t.is("late") || t.punct(b'-')) {
                break;
            }
            k -= 1;
        }
        k.checked_sub(1)
            .and_then(|p| self.toks.get(p))
            .is_some_and(|t| {
                ["his", "her", "their", "my", "our", "your", "its"]
                    .iter()
                    .any(|w| t.is(w))
            })
    }

    /// `the 20th century`, `the twenty-first century`.
    fn century(&self, mut c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let n = match c.peek()?.lex {
            Lex::Ordinal(n) => {
                c.i += 1;
                n
            }
            Lex::Number(20) => {
                c.i += 1;
                c.hyphen();
                match c.next()?.lex {
                    Lex::Ordinal(n) if n < 10 => 20 + n,
                    _ => return None,
                }
            }
            _ => {
                let t = c.num()?;
                if !t.ordinal {
                    return None;
                }
                t.num
            }
        };
        c.hyphen();
        if !c.word("century") {
            return None;
        }
        if !(1..=30).contains(&n) {
            return None;
        }
        Some((
            c,
            "century",
            point(Point::Century(n as i32 - 1), Basis::Absolute),
        ))
    }

    /// `Sunday`, `on Tuesday`, `Saturday night`, resolved with news tense: the anchor's own
    /// weekday is the anchor, another is the latest one before it unless the sentence speaks of
    /// the future.
    fn weekday(&self, mut c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        let t = c.peek()?;
        let wd = c.weekday()?;
        // "Sun" "Wed" need a capital; plural weekdays are sets ("on Tuesdays").
        if t.text.ends_with('s') && !["tues", "thurs"].contains(&t.text) && t.text.len() > 4 {
            let mut e = c;
            let part = e.peek().and_then(|t| {
                if let Lex::PartOfDay(p) = t.lex {
                    Some(p)
                } else {
                    None
                }
            });
            if let Some(p) = part {
                e.i += 1;
                c = e;
                return Some((
                    c,
                    "weekday-plural-set",
                    value(
                        format!("XXXX-WXX-{wd}{}", format_args!("T{p}")),
                        TimexKind::Set,
                        Basis::Absolute,
                    ),
                ));
            }
            return Some((
                c,
                "weekday-plural-set",
                value(format!("XXXX-WXX-{wd}"), TimexKind::Set, Basis::Absolute),
            ));
        }
        // "Tuesday nights": a set.
        if let Some(n) = c.peek().filter(|n| n.text.ends_with('s')) {
            if let Lex::PartOfDay(p) = n.lex {
                c.i += 1;
                let v = format!("XXXX-WXX-{wd}T{p}");
                return Some((
                    c,
                    "weekday-plural-set",
                    value(v, TimexKind::Set, Basis::Absolute),
                ));
            }
        }
        let Some(a) = self.anchor() else {
            return Some((
                c,
                "weekday",
                value(format!("XXXX-WXX-{wd}"), TimexKind::Date, Basis::Absolute),
            ));
        };
        let day = self.weekday_date(a, start, wd)?;
        let mut e = c;
        if let Lex::PartOfDay(p) = e.lex() {
            e.i += 1;
            if e.toks.get(e.i - 1).is_some_and(|t| t.text.ends_with('s')) {
                let v = format!("XXXX-WXX-{wd}T{p}");
                return Some((
                    e,
                    "weekday-plural-set",
                    value(v, TimexKind::Set, Basis::Absolute),
                ));
            }
            return Some((
                e,
                "weekday-part-of-day",
                point(Point::Time(day, DayTime::Part(p)), Basis::Anchor),
            ));
        }
        Some((c, "weekday", point(Point::day(day), Basis::Anchor)))
    }

    /// `today`, `yesterday`, `tomorrow`, `tonight`, `yesterday morning`, `last night`,
    /// `this morning`.
    /// Whether "today" or "tomorrow" at token `i` names an era, not a day: "today's world",
    /// "today's youth", "the leaders of tomorrow".
    fn is_era(&self, i: usize, w: &str) -> bool {
        let at = |k: usize| self.toks.get(k);
        match w {
            // "today's world", "today's personal computers".
            "today" => {
                at(i + 1).is_some_and(|t| t.punct(b'\''))
                    && at(i + 2).is_some_and(|t| t.is("s"))
                    && (i + 3..i + 5).any(|k| at(k).is_some_and(|t| ERA_NOUNS.contains(&t.text)))
            }
            // "the people of tomorrow".
            "tomorrow" => {
                i >= 3
                    && at(i - 1).is_some_and(|t| t.is("of"))
                    && at(i - 2).is_some_and(|t| ERA_NOUNS.contains(&t.text))
                    && at(i - 3).is_some_and(|t| t.is("the"))
            }
            _ => false,
        }
    }

    fn deictic_day(
        &self,
        mut c: Cursor<'t, 'a>,
    ) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        let w = c.any(&["today", "yesterday", "tomorrow", "tonight", "overnight"])?;
        if self.is_era(start, w) {
            return None;
        }
        let off = match w {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        let Some(a) = self.anchor() else {
            return Some((
                c,
                "today-yesterday-tomorrow",
                value("XXXX-XX-XX".into(), TimexKind::Date, Basis::Absolute),
            ));
        };
        let day = add_days(a, off)?;
        if w == "tonight" || w == "overnight" {
            return Some((
                c,
                "tonight",
                point(Point::Time(day, DayTime::Part("NI")), Basis::Anchor),
            ));
        }
        let mut e = c;
        if let Lex::PartOfDay(p) = e.lex() {
            e.i += 1;
            return Some((
                e,
                "day-part-of-day",
                point(Point::Time(day, DayTime::Part(p)), Basis::Anchor),
            ));
        }
        Some((
            c,
            "today-yesterday-tomorrow",
            point(Point::day(day), Basis::Anchor),
        ))
    }

    /// `this year`, `last week`, `next month`, `last September`, `this summer`, `last Friday`,
    /// `earlier this month`, `this time last year`, `the previous day`, `last night`.
    fn this_last_next(
        &self,
        mut c: Cursor<'t, 'a>,
    ) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        let time_of = {
            let mut e = c;
            e.word("this") && e.word("time") && e.peek().is_some()
        };
        if time_of {
            c.i += 2;
        }
        let w = c.any(&[
            "this",
            "last",
            "next",
            "past",
            "previous",
            "coming",
            "current",
            "following",
            "present",
            "same",
            "that",
        ])?;
        // "this past spring", "this coming Sunday".
        let w = match (w, c.any(&["past", "coming"])) {
            ("this", Some(x)) => x,
            _ => w,
        };
        // "late last-year", but not "last-minute" or "last-ditch".
        {
            let mut e = c;
            if e.punct(b'-')
                && matches!(e.lex(), Lex::Unit(Unit::Year | Unit::Month | Unit::Week, _))
            {
                c = e;
            }
        }
        let _ = c.word("fiscal");
        let a = self.anchor();
        let off: i32 = match w {
            "last" | "past" | "previous" => -1,
            "next" | "coming" | "following" => 1,
            _ => 0,
        };
        let the = start
            .checked_sub(1)
            .and_then(|p| self.toks.get(p))
            .is_some_and(|t| t.is("the"));
        // "the following year", "the previous day", "that year": relative to the previous date.
        let on_previous =
            matches!(w, "following" | "same" | "that") || (the && matches!(w, "previous" | "next"));
        let reference = if on_previous {
            self.ctx.previous.or_else(|| a.map(Point::day))
        } else {
            a.map(Point::day)
        };
        let basis = if on_previous && self.ctx.previous.is_some() {
            Basis::Previous
        } else {
            Basis::Anchor
        };
        let t = c.peek()?;
        let result: Option<(Point, &'static str)> = match t.lex {
            Lex::Unit(u, false) => {
                c.i += 1;
                let Some(r) = reference else {
                    return Some((
                        c,
                        "this-last-next-unit",
                        value(unresolved(u), TimexKind::Date, Basis::Absolute),
                    ));
                };
                let same = on_previous && matches!(w, "that" | "same");
                let p = if same && r.granularity() > unit_granularity(u) {
                    // "that same day" after "in October": a day of that month, not its first.
                    r
                } else if same {
                    coarsen(r, u)?
                } else {
                    let p = coarsen(r, u)?;
                    p.shift(off)?
                };
                Some((p, "this-last-next-unit"))
            }
            Lex::Month(m) if t.upper || t.text.len() > 5 => {
                c.month()?;
                let Some(a) = a else {
                    return Some((
                        c,
                        "last-month-name",
                        value(format!("XXXX-{m:02}"), TimexKind::Date, Basis::Absolute),
                    ));
                };
                // "last Oct. 23": the day, the last one before the anchor.
                let day = c
                    .peek()
                    .filter(|d| {
                        d.kind == TokKind::Num
                            && d.digits <= 2
                            && !d.plural
                            && (1..=31).contains(&d.num)
                    })
                    .map(|d| d.num);
                let at = (m, day.unwrap_or(0));
                let now = (a.month(), if day.is_some() { a.day() } else { 0 });
                let y = match off {
                    -1 => {
                        if at < now {
                            a.year()
                        } else {
                            a.year() - 1
                        }
                    }
                    1 => {
                        if at > now {
                            a.year()
                        } else {
                            a.year() + 1
                        }
                    }
                    _ => a.year(),
                };
                match day {
                    Some(d) if ymd(y, m, d).is_some() => {
                        c.i += 1;
                        Some((Point::Day(Some(y), m, d), "last-month-name"))
                    }
                    _ => Some((Point::Month(Some(y), m), "last-month-name")),
                }
            }
            Lex::Weekday(wd) => {
                c.weekday()?;
                // "the previous Friday", "the following Monday": from the day last named.
                let a = match (on_previous, self.ctx.previous) {
                    (true, Some(p @ Point::Day(Some(_), _, _))) => p.bounds().map(|b| b.0).or(a),
                    _ => a,
                };
                let Some(a) = a else {
                    return Some((
                        c,
                        "last-weekday",
                        value(format!("XXXX-WXX-{wd}"), TimexKind::Date, Basis::Absolute),
                    ));
                };
                let aw = a.weekday().number_from_monday() as i64;
                let day = match off {
                    -1 => add_days(a, -((aw - wd as i64 - 1).rem_euclid(7) + 1))?,
                    1 => add_days(a, (wd as i64 - aw - 1).rem_euclid(7) + 1)?,
                    _ => add_days(a, wd as i64 - aw)?,
                };
                if let Lex::PartOfDay(p) = c.lex() {
                    c.i += 1;
                    return Some((
                        c,
                        "last-weekday",
                        point(Point::Time(day, DayTime::Part(p)), Basis::Anchor),
                    ));
                }
                Some((Point::day(day), "last-weekday"))
            }
            Lex::Season(s) => {
                c.i += 1;
                let Some(a) = a else {
                    return Some((
                        c,
                        "last-season",
                        value(
                            format!("XXXX-{}", s.code()),
                            TimexKind::Date,
                            Basis::Absolute,
                        ),
                    ));
                };
                let current = Season::of_month(a.month());
                let mut y = if a.month() <= 2 {
                    a.year() - 1
                } else {
                    a.year()
                };
                let _ = current;
                if s == Season::Winter && a.month() >= 12 {
                    y = a.year();
                }
                let y = match off {
                    -1 => {
                        let this_start = Point::Season(Some(y), s).bounds()?.0;
                        if this_start < a {
                            if Point::Season(Some(y), s).bounds()?.1 < a {
                                y
                            } else {
                                y - 1
                            }
                        } else {
                            y - 1
                        }
                    }
                    1 => {
                        if Point::Season(Some(y), s).bounds()?.0 > a {
                            y
                        } else {
                            y + 1
                        }
                    }
                    _ => y,
                };
                Some((Point::Season(Some(y), s), "last-season"))
            }
            Lex::PartOfDay(p) if matches!(w, "this" | "last") => {
                c.i += 1;
                let Some(a) = a else {
                    return Some((
                        c,
                        "this-morning",
                        value(format!("XXXX-XX-XXT{p}"), TimexKind::Time, Basis::Absolute),
                    ));
                };
                let day = if w == "last" && p == "NI" {
                    add_days(a, -1)?
                } else {
                    a
                };
                if w == "last" && p != "NI" {
                    return None;
                }
                Some((Point::Time(day, DayTime::Part(p)), "this-morning"))
            }
            _ if t.is("weekend") => {
                c.i += 1;
                let a = a?;
                let p = if w == "this" {
                    let wk = a.iso_week();
                    Point::Weekend(wk.year(), wk.week())
                } else {
                    weekend_of(a, off)?
                };
                Some((p, "last-weekend"))
            }
            _ => None,
        };
        let (p, id) = result?;
        if time_of {
            // "this time last year": the anchor's day, a year (month, week) away.
            let a = a?;
            let d = match p.granularity() {
                super::Granularity::Year => a.with_year(a.year() + off),
                super::Granularity::Month => a
                    .checked_add_months(chrono::Months::new(1))
                    .filter(|_| off > 0)
                    .or_else(|| a.checked_sub_months(chrono::Months::new(1))),
                _ => add_days(a, 7 * i64::from(off)),
            }?;
            return Some((
                c,
                "this-time-last-year",
                point(Point::day(d), Basis::Anchor),
            ));
        }
        let basis = if matches!(id, "this-last-next-unit") {
            basis
        } else {
            Basis::Anchor
        };
        Some((c, id, point(p, basis)))
    }

    /// `two years ago`, `nearly a year ago` (APPROX from the prefix), `10 days ago`,
    /// `a decade ago`, `two years later`, `a year earlier`, `three days before`.
    fn units_ago(&self, mut c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        let n = c.count()?;
        c.hyphen();
        let (u, _) = c.unit()?;
        let dir = c.any(&["ago", "earlier", "later", "hence", "from"])?;
        if dir == "from" && !c.word("now") {
            return None;
        }
        let sign = if matches!(dir, "ago" | "earlier") {
            -1
        } else {
            1
        };
        let on_previous = matches!(dir, "earlier" | "later");
        // "an hour later": the duration (see `duration`), a step no day shows.
        if on_previous && matches!(u, Unit::Hour | Unit::Minute | Unit::Second) {
            return None;
        }
        let id = if on_previous {
            "units-later"
        } else {
            "units-ago"
        };
        let Some(n) = n else {
            let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
            return Some((c, id, value(v.into(), TimexKind::Date, Basis::Anchor)));
        };
        let (reference, basis) = match (on_previous, self.ctx.previous) {
            // "up from $5 million a year earlier": a comparison with the period the text is
            // about, not a year before the last date named.
            _ if u == Unit::Year && n == 1 && sign < 0 && self.compared_before(start) => {
                match self.ctx.previous {
                    Some(p @ Point::Quarter(Some(_), _)) => (p, Basis::Comparison),
                    _ => (Point::day(self.anchor()?), Basis::Comparison),
                }
            }
            (true, Some(p)) => (p, Basis::Previous),
            // "a year ago" in a quarterly report: the same quarter a year before.
            (false, Some(p @ Point::Quarter(Some(_), _))) if u == Unit::Year => {
                (p, Basis::Previous)
            }
            _ => (Point::day(self.anchor().or(None)?), Basis::Anchor),
        };
        let n = n as i32 * sign;
        let p = match u {
            Unit::Year
                if !matches!(
                    reference,
                    Point::Day(..) | Point::Time(..) | Point::Week(..) | Point::Weekend(..)
                ) && basis != Basis::Anchor =>
            {
                reference.shift_years(n)?
            }
            Unit::Year | Unit::Decade | Unit::Century => {
                let years = match u {
                    Unit::Decade => n * 10,
                    Unit::Century => n * 100,
                    _ => n,
                };
                Point::Year(reference.year()? + years)
            }
            Unit::Quarter => coarsen(reference, Unit::Quarter)?.shift(n)?,
            Unit::Month => coarsen(reference, Unit::Month)?.shift(n)?,
            Unit::Week | Unit::Fortnight => {
                let k = if u == Unit::Fortnight { 2 * n } else { n };
                coarsen(reference, Unit::Week)?.shift(k)?
            }
            Unit::Day => coarsen(reference, Unit::Day)?.shift(n)?,
            Unit::Hour | Unit::Minute | Unit::Second => coarsen(reference, Unit::Day)?,
        };
        let mut m = point(p, basis);
        if let (Meaning::Point { ago, .. }, Point::Day(Some(_), _, _)) = (&mut m, reference) {
            let unit_days: i64 = match u {
                Unit::Day => 1,
                Unit::Week => 7,
                Unit::Fortnight => 14,
                Unit::Month => 30,
                Unit::Quarter => 91,
                Unit::Year => 365,
                Unit::Decade => 3652,
                Unit::Century => 36524,
                Unit::Hour | Unit::Minute | Unit::Second => 0,
            };
            let days = i64::from(n) * unit_days;
            if let Some(center) = reference.bounds().and_then(|b| add_days(b.0, days)) {
                *ago = Some((center, days.abs()));
            }
        }
        Some((c, id, m))
    }

    /// `three years`, `a week`, `two-year`, `10-year`, `several months`, `the nine months`,
    /// `the first nine months`, `half an hour`, `recent years`.
    fn duration(&self, mut c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        let _ = c.word("first") || c.word("latest") || c.word("full");
        let vague_lead = c.any(&["recent", "coming", "ensuing", "intervening"]);
        if let Some(lead) = vague_lead {
            let (u, pl) = c.unit()?;
            if !pl {
                return None;
            }
            // TimeBank reads "recent years" as the past and "coming months" as the future;
            // "recent months", "recent weeks" as the span they measure back from now; the span
            // between ("intervening years") stays a vague duration.
            let meaning = match lead {
                "recent" if matches!(u, Unit::Month | Unit::Week) => value(
                    duration_value(None, u),
                    TimexKind::Duration,
                    Basis::Absolute,
                ),
                "recent" => value("PAST_REF".into(), TimexKind::Date, Basis::Anchor),
                "coming" => value("FUTURE_REF".into(), TimexKind::Date, Basis::Anchor),
                _ => value(
                    duration_value(None, u),
                    TimexKind::Duration,
                    Basis::Absolute,
                ),
            };
            return Some((c, "recent-units", meaning));
        }
        let n = match c.count() {
            Some(n) => n,
            None => {
                // A bare plural unit: "for years", "months of talks".
                let (u, pl) = c.unit()?;
                if !pl || matches!(u, Unit::Second | Unit::Minute | Unit::Quarter) || start == c.i {
                    return None;
                }
                let prev = start.checked_sub(1).and_then(|p| self.toks.get(p));
                if !prev.is_some_and(|p| {
                    [
                        "for", "in", "over", "within", "after", "took", "take", "takes", "lasted",
                        "last",
                    ]
                    .contains(&p.text)
                }) {
                    return None;
                }
                return Some((
                    c,
                    "bare-units",
                    value(
                        duration_value(None, u),
                        TimexKind::Duration,
                        Basis::Absolute,
                    ),
                ));
            }
        };
        // "2 1/2 years": a written half after the count.
        let fraction_half = n.is_some() && {
            let mut e = c;
            let ok = e.num().is_some_and(|t| t.num == 1 && t.digits == 1)
                && e.punct(b'/')
                && e.num().is_some_and(|t| t.num == 2 && t.digits == 1);
            if ok {
                c = e;
            }
            ok
        };
        let hyphenated = c.punct(b'-');
        let _ = c.any(&[
            "more",
            "additional",
            "further",
            "extra",
            "trading",
            "business",
            "working",
            "calendar",
            "straight",
            "consecutive",
        ]);
        let (u, _) = c.unit()?;
        // A share, not a span: "three-quarters of its food", "a quarter of the market"; an
        // ordinal: "a second group", "a second betrayal".
        if u == Unit::Quarter && c.peek().is_some_and(|t| t.is("of")) {
            let share = c.toks.get(c.i + 1).is_some_and(|t| {
                t.kind == TokKind::Num
                    || matches!(
                        t.text,
                        "the" | "its" | "his" | "her" | "their" | "our" | "all" | "this" | "that"
                    )
            });
            if hyphenated || share {
                return None;
            }
        }
        if u == Unit::Second
            && n == Some(1)
            && c.peek().is_some_and(|t| {
                t.kind == TokKind::Word
                    && !matches!(
                        t.text,
                        "later" | "earlier" | "ago" | "or" | "and" | "before" | "after"
                    )
            })
        {
            return None;
        }
        // "a year-earlier loss": the adjective, not a year.
        {
            let mut e = c;
            if e.punct(b'-') && e.any(&["earlier", "ago", "end"]).is_some() {
                return None;
            }
        }
        // Ages are not durations in TimeML: "37 years old", "an 8-month-old truce".
        {
            let mut e = c;
            e.hyphen();
            if e.word("old") {
                return None;
            }
        }
        // A rate: "four flights a week", "$1.76 a year", "358,000 a month".
        let first = self.toks.get(start);
        let prev = start.checked_sub(1).and_then(|p| self.toks.get(p));
        let rate_before = |p: &Tok| {
            p.kind == TokKind::Num
                || matches!(p.text, "times" | "once" | "twice" | "per")
                || (p.kind == TokKind::Word
                    && p.text.len() > 3
                    && p.text.ends_with('s')
                    && !matches!(
                        p.text,
                        "was" | "has" | "this" | "takes" | "lasts" | "less" | "across" | "plus"
                    ))
        };
        if first.is_some_and(|t| t.is("a") || t.is("an")) && prev.is_some_and(rate_before) {
            return None;
        }
        // "a three-year period", "a two-week span".
        if hyphenated {
            let mut e = c;
            if e.any(&["period", "span", "stretch", "term", "window"])
                .is_some()
            {
                c = e;
            }
        }
        // "and a half"
        let mut e = c;
        let half = e.word("and") && e.word("a") && e.word("half");
        if half {
            c = e;
        }
        let half = half || fraction_half;
        // "three days later" is a date; "an hour later", "a minute and a half later" keep the
        // duration, as no day moves by it (see `units_ago`).
        let sub_day = matches!(u, Unit::Hour | Unit::Minute | Unit::Second);
        if c.peek()
            .is_some_and(|t| t.is("ago") || (!sub_day && matches!(t.text, "earlier" | "later")))
        {
            return None;
        }
        // "a year" after a price is a rate ("$5 a year"), not a duration: leave it.
        let v = match (n, half) {
            (Some(n), true) => half_duration(n, u),
            (n, _) => duration_value(n, u),
        };
        // "the nine months", "the first nine months" take "the"; "the two-week crisis" does not.
        let id = if !hyphenated && matches!(u, Unit::Month | Unit::Quarter) {
            "period-duration"
        } else {
            "duration"
        };
        Some((c, id, value(v, TimexKind::Duration, Basis::Absolute)))
    }

    /// `the past two months`, `the next few days`, `the last three years`, `the coming weeks`.
    fn past_next_units(
        &self,
        mut c: Cursor<'t, 'a>,
    ) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        // "the weeks ahead", "the months ahead": a stretch of the future, as "the coming
        // weeks" is.
        {
            let mut e = c;
            let the =
                c.i.checked_sub(1)
                    .and_then(|k| self.toks.get(k))
                    .is_some_and(|t| t.is("the"));
            if let (true, Some((u, true))) = (the, e.unit()) {
                if e.word("ahead") && !e.peek().is_some_and(|t| t.is("of")) {
                    return Some((
                        e,
                        "past-next-units",
                        value(
                            duration_value(None, u),
                            TimexKind::Duration,
                            Basis::Absolute,
                        ),
                    ));
                }
            }
        }
        let w = c.any(&[
            "past",
            "last",
            "next",
            "coming",
            "previous",
            "following",
            "first",
            "final",
            "ensuing",
        ])?;
        let n = c.count();
        let (u, pl) = c.unit()?;
        if n.is_none() && !pl {
            return None;
        }
        let _ = c.word("ahead");
        let n = n.flatten();
        // An uncounted stretch of the past ("the past few months", "past years") is the vague
        // past in TimeBank, like "recent years"; the uncounted future stays a duration.
        if n.is_none() && matches!(w, "past" | "last") {
            return Some((
                c,
                "past-next-units",
                value("PAST_REF".into(), TimexKind::Date, Basis::Anchor),
            ));
        }
        Some((
            c,
            "past-next-units",
            value(duration_value(n, u), TimexKind::Duration, Basis::Absolute),
        ))
    }

    /// `the third quarter`, `third-quarter`, `the fiscal first quarter`, `the first quarter of
    /// 1998`, `1998's second quarter`, `Q3 2013`, `the first half`, `the latest quarter`.
    fn quarter(&self, mut c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let mut year: Option<i32> = None;
        let mut ago = false;
        {
            let mut e = c;
            if let Some(y) = e.year4() {
                if e.punct(b'\'') {
                    let _ = e.word("s");
                }
                year = Some(y);
                c = e;
            } else if let Some(w) = e.any(&["this", "last", "next"]) {
                // "this year's third quarter", "last year's quarter".
                if e.word("year") && e.punct(b'\'') && e.word("s") {
                    let base = self.anchor().map(|a| a.year());
                    year = base.map(|y| {
                        y + if w == "last" {
                            -1
                        } else {
                            i32::from(w == "next")
                        }
                    });
                    c = e;
                }
            }
        }
        let _ = c.any(&["comparable", "corresponding", "same"]);
        {
            // "the year-earlier quarter", "the year-ago period".
            let mut e = c;
            if e.word("year") && e.punct(b'-') && e.any(&["earlier", "ago"]).is_some() {
                ago = true;
                c = e;
            }
        }
        let _ = c.word("fiscal");
        let latest = c.any(&[
            "latest", "current", "past", "last", "recent", "previous", "same",
        ]);
        let _ = c.word("fiscal");
        let ord_lex = match c.peek()? {
            t if t.is("second") => Lex::Ordinal(2),
            t => t.lex,
        };
        let ord = match ord_lex {
            Lex::Ordinal(n) if (1..=4).contains(&n) => {
                c.i += 1;
                Some(n)
            }
            _ => {
                if c.peek()?.is("q") {
                    c.i += 1;
                    let n = c.num()?;
                    if !(1..=4).contains(&n.num) {
                        return None;
                    }
                    let y = c.year4().or(year);
                    return self.finish_quarter(c, Point::Quarter(y, n.num), "q-number");
                }
                None
            }
        };
        let hyphenated = c.punct(b'-');
        let unit = c.any(&["quarter", "half", "period"])?;
        // "quarter-to-quarter" is a comparison, not a quarter.
        if c.peek().is_some_and(|t| t.punct(b'-')) {
            return None;
        }
        // "the quarter a year ago": the year-ago quarter.
        {
            let mut e = c;
            if !ago && e.word("a") && e.word("year") && e.any(&["ago", "earlier"]).is_some() {
                ago = true;
                c = e;
            }
        }
        let ord = if unit == "half" && ord.is_none() && latest == Some("last") {
            Some(2)
        } else {
            ord
        };
        if unit == "period" && latest.is_none() && year.is_none() && !ago {
            return None;
        }
        if ord.is_none()
            && latest.is_none()
            && year.is_none()
            && !ago
            && !self
                .toks
                .get(c.i.wrapping_sub(2))
                .is_some_and(|t| t.is("the") || t.is("this") || t.is("that"))
        {
            return None;
        }
        let mut e = c;
        if e.word("of") || e.punct(b',') {
            if let Some(y) = e.year4() {
                year = Some(y);
                c = e;
            }
        } else if let Some(y) = e.year4() {
            year = Some(y);
            c = e;
        }
        let id = if hyphenated {
            "quarter-adjective"
        } else {
            "quarter"
        };
        if ago || (year.is_some() && ord.is_none() && unit != "half") {
            // The quarter the text is about (the previous date), a year back or in the year named.
            let base = match (self.period_over(), self.anchor()) {
                (Some(p), _) => p,
                (_, Some(a)) => {
                    Point::Quarter(Some(a.year()), (a.month() - 1) / 3 + 1).shift(-1)?
                }
                _ => return None,
            };
            let p = match (ago, year, ord, base) {
                (_, Some(y), None, Point::Quarter(_, q))
                    if unit == "period"
                        && !matches!(self.ctx.previous, Some(Point::Quarter(..))) =>
                {
                    let _ = q;
                    Point::Year(y)
                }
                (_, Some(y), None, Point::Quarter(_, q)) => Point::Quarter(Some(y), q),
                (true, _, Some(q), Point::Quarter(Some(y), _)) => Point::Quarter(Some(y - 1), q),
                (_, _, _, b) => b.shift_years(-1)?,
            };
            if ago {
                return Some((c, "year-ago-quarter", point(p, Basis::Comparison)));
            }
            return self.finish_quarter(c, p, id);
        }
        let a = self.anchor();
        let p = if unit == "half" {
            let h = ord.filter(|n| *n <= 2)?;
            let y = year.or_else(|| {
                a.map(|a| {
                    if h == 2 && a.month() <= 6 {
                        a.year() - 1
                    } else {
                        a.year()
                    }
                })
            });
            Point::Half(y, h)
        } else if let Some(q) = ord {
            let y = year.or_else(|| {
                a.map(|a| {
                    let cur = (a.month() - 1) / 3 + 1;
                    if q > cur {
                        a.year() - 1
                    } else {
                        a.year()
                    }
                })
            });
            Point::Quarter(y, q)
        } else {
            // "the latest quarter", "the quarter": the last one reported, that is the previous
            // date when it is a quarter, else the last whole quarter before the anchor.
            match (self.ctx.previous, a, latest) {
                (Some(p @ Point::Quarter(Some(_), _)), a, l)
                    if l != Some("previous") && l != Some("past") && l != Some("last")
                        // The latest quarter is one already over.
                        && !(l == Some("latest")
                            && a.zip(p.bounds()).is_some_and(|(a, (_, end))| end >= a)) =>
                {
                    p
                }
                (_, Some(a), l) => {
                    let cur = Point::Quarter(Some(a.year()), (a.month() - 1) / 3 + 1);
                    if l == Some("current") {
                        cur
                    } else {
                        cur.shift(-1)?
                    }
                }
                _ => {
                    return Some((
                        c,
                        "quarter",
                        value("XXXX-QX".into(), TimexKind::Date, Basis::Absolute),
                    ))
                }
            }
        };
        self.finish_quarter(c, p, if unit == "half" { "half-year" } else { id })
    }

    fn finish_quarter(
        &self,
        c: Cursor<'t, 'a>,
        p: Point,
        id: &'static str,
    ) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let basis = if p.year().is_some() {
            Basis::Anchor
        } else {
            Basis::Absolute
        };
        Some((c, id, point(p, basis)))
    }

    /// `summer 2013`, `the summer`, `spring of 1998`.
    fn season(&self, mut c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        let s = match c.lex() {
            Lex::Season(s) => s,
            _ => return None,
        };
        c.i += 1;
        let mut e = c;
        let _ = e.word("of") || e.punct(b',');
        // "summer 2013", "the winter of nineteen ninety-four".
        let year = match e.year4() {
            Some(y) => Some((e, y)),
            None => match self.spelled_year(e) {
                Some((
                    e,
                    _,
                    Meaning::Point {
                        point: Point::Year(y),
                        ..
                    },
                )) => Some((e, y)),
                _ => None,
            },
        };
        if let Some((e, y)) = year {
            return Some((
                e,
                "season-year",
                point(Point::Season(Some(y), s), Basis::Absolute),
            ));
        }
        // A bare season needs "the" or "in" before it ("fall" is a verb too), or a part of
        // the season ("early summer", "mid-winter").
        let prev = start.checked_sub(1).and_then(|p| self.toks.get(p));
        let part = prev.is_some_and(|p| {
            p.is("early")
                || p.is("late")
                || p.is("mid")
                || (p.punct(b'-')
                    && start
                        .checked_sub(2)
                        .and_then(|k| self.toks.get(k))
                        .is_some_and(|m| m.is("mid")))
        });
        if !part
            && !prev.is_some_and(|p| {
                ["the", "in", "this", "since", "by", "until", "during"].contains(&p.text)
            })
        {
            return None;
        }
        if s == Season::Fall && !part && !prev.is_some_and(|p| p.is("the") || p.is("in")) {
            return None;
        }
        let Some(a) = self.anchor() else {
            return Some((
                c,
                "season",
                value(
                    format!("XXXX-{}", s.code()),
                    TimexKind::Date,
                    Basis::Absolute,
                ),
            ));
        };
        let y = if a.month() <= 2 && s == Season::Winter {
            a.year() - 1
        } else {
            a.year()
        };
        Some((c, "season", point(Point::Season(Some(y), s), Basis::Anchor)))
    }

    /// `now`, `currently`, `recently`, `the past`, `the future`, `soon`, `at present`.
    fn reference(&self, mut c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        let t = c.next()?;
        let prev = start.checked_sub(1).and_then(|p| self.toks.get(p));
        let the = prev.is_some_and(|p| p.is("the"));
        let mut id = "present-past-future-ref";
        let v = match t.text {
            "now" | "currently" | "presently" | "nowadays" => "PRESENT_REF",
            // "current" the adjective of time, not the electric or sea current.
            "current"
                if self.toks.get(start + 1).is_some_and(|n| {
                    n.kind == TokKind::Word
                        && !["account", "accounts", "affairs", "events"].contains(&n.text)
                }) =>
            {
                "PRESENT_REF"
            }
            "recently" | "lately" => "PAST_REF",
            "recent" if !matches!(c.lex(), Lex::Unit(..)) => "PAST_REF",
            // "as soon as" and "soon after" are conjunctions of sequence, not a time.
            "soon"
                if !prev.is_some_and(|p| p.is("as"))
                    && !c
                        .peek()
                        .is_some_and(|n| n.is("after") || n.is("afterwards")) =>
            {
                "FUTURE_REF"
            }
            "present" if prev.is_some_and(|p| p.is("at")) => "PRESENT_REF",
            "past"
                if the
                    && !matches!(c.lex(), Lex::Unit(..) | Lex::Number(_))
                    && c.peek().map_or(true, |n| {
                        n.kind != TokKind::Num && !n.is("few") && !n.is("several")
                    }) =>
            {
                id = "the-past-future";
                "PAST_REF"
            }
            "future" if the => {
                id = "the-past-future";
                "FUTURE_REF"
            }
            "near" | "foreseeable" | "distant" | "immediate" if the && c.word("future") => {
                id = "the-past-future";
                "FUTURE_REF"
            }
            // "in the near term", "for the short term", "at a later date".
            "near" | "short" if the && c.word("term") => {
                id = "the-past-future";
                "FUTURE_REF"
            }
            "later" if prev.is_some_and(|p| p.is("a")) && c.word("date") => "FUTURE_REF",
            "these" if c.word("days") => "PRESENT_REF",
            _ => return None,
        };
        Some((c, id, value(v.into(), TimexKind::Date, Basis::Anchor)))
    }

    /// `Christmas`, `Thanksgiving Day`, `Election Day`, `Easter`, `New Year's Eve`: a day fixed
    /// by the calendar ([`super::lexicon::HOLIDAYS`]), in the year nearest the anchor.
    fn holiday(&self, mut c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        let first = c.peek().filter(|t| t.upper && t.kind == TokKind::Word)?;
        let opens = |w: &str| {
            w.strip_prefix(first.text)
                .is_some_and(|r| r.is_empty() || r.starts_with(' '))
        };
        if !super::lexicon::HOLIDAYS.iter().any(|(w, _)| opens(w)) {
            return None;
        }
        let (rule, len) = super::lexicon::HOLIDAYS.iter().find_map(|(words, rule)| {
            let mut e = c;
            for w in words.split(' ') {
                if w == "'s" {
                    if !(e.punct(b'\'') && e.word("s")) {
                        return None;
                    }
                } else if !e.peek().is_some_and(|t| t.upper && t.is(w)) {
                    return None;
                } else {
                    e.i += 1;
                }
            }
            Some((*rule, e.i))
        })?;
        c.i = len;
        let mut e = c;
        let _ = e.punct(b',');
        let explicit = e.year4();
        if explicit.is_some() {
            c = e;
        }
        let day_in = |y: i32| super::lexicon::holiday_date(rule, y);
        let (d, basis) = match (explicit, self.anchor()) {
            (Some(y), _) => (day_in(y)?, Basis::Absolute),
            (None, Some(a)) => {
                let future = self.future_before(start);
                let cands: Vec<NaiveDate> =
                    (a.year() - 1..=a.year() + 1).filter_map(day_in).collect();
                let pick = if future {
                    cands.iter().find(|d| **d >= a).copied()
                } else {
                    cands
                        .iter()
                        .min_by_key(|d| {
                            let k = (**d - a).num_days();
                            if k > 0 {
                                2 * k
                            } else {
                                -k
                            }
                        })
                        .copied()
                }?;
                (pick, Basis::Anchor)
            }
            (None, None) => {
                let d = day_in(2000)?;
                let v = format!("XXXX-{:02}-{:02}", d.month(), d.day());
                return Some((c, "holiday", value(v, TimexKind::Date, Basis::Absolute)));
            }
        };
        Some((c, "holiday", point(Point::day(d), basis)))
    }

    /// `nineteen ninety-six`, `two thousand eight`, `the year two thousand`, `the year 2000`.
    fn spelled_year(
        &self,
        mut c: Cursor<'t, 'a>,
    ) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let the_year = {
            let mut e = c;
            e.word("the") && e.word("year") && {
                c = e;
                true
            }
        };
        if the_year {
            if let Some(y) = c.year4() {
                return Some((c, "spelled-year", point(Point::Year(y), Basis::Absolute)));
            }
        }
        let first = match c.next()?.lex {
            Lex::Number(n) => n,
            _ => return None,
        };
        let y = if (11..=20).contains(&first) && !c.peek().is_some_and(|t| t.is("thousand")) {
            // "nineteen ninety-six", "nineteen oh five", "nineteen hundred".
            let rest = if c.word("hundred") {
                0
            } else if c.word("oh") {
                match c.next()?.lex {
                    Lex::Number(n) if n < 10 => n,
                    _ => return None,
                }
            } else {
                let n = c.count_one()??;
                if !(10..100).contains(&n) {
                    return None;
                }
                n
            };
            first * 100 + rest
        } else if first <= 2 && c.word("thousand") {
            let mut e = c;
            let _ = e.word("and");
            let rest = match e.count_one() {
                Some(Some(n))
                    if n < 100 && !e.peek().is_some_and(|t| matches!(t.lex, Lex::Unit(..))) =>
                {
                    c = e;
                    n
                }
                _ => 0,
            };
            if rest == 0 && !the_year {
                return None;
            }
            first * 1000 + rest
        } else {
            return None;
        };
        Some((
            c,
            "spelled-year",
            point(Point::Year(y as i32), Basis::Absolute),
        ))
    }

    /// `year-earlier`, `year-ago` used alone as an adjective ("year-earlier profit"): the
    /// period the text is about, a year back.
    fn year_ago_adjective(
        &self,
        mut c: Cursor<'t, 'a>,
    ) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        if !(c.word("year") && c.punct(b'-') && c.any(&["earlier", "ago"]).is_some()) {
            return None;
        }
        let p = match (self.ctx.previous, self.anchor()) {
            (Some(p @ Point::Quarter(Some(_), _)), _) => p.shift_years(-1)?,
            (_, Some(a)) => Point::Year(a.year() - 1),
            _ => return None,
        };
        Some((c, "year-ago-adjective", point(p, Basis::Comparison)))
    }

    /// `the year`, `the full year`, `the fiscal year`, `the month`, `the weekend`, `the day`,
    /// `the morning`, `year-end`, `year's end`: the period of the anchor (or the previous date)
    /// the text is about.
    fn the_unit(&self, mut c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        let a = self.anchor();
        // "year-end", "year end", "year's end": the end of the anchor's year.
        {
            let mut e = c;
            if e.word("year") {
                let hyphen = e.punct(b'-');
                let _ = hyphen || (e.punct(b'\'') && e.word("s"));
                if e.word("end") {
                    // TimeBank writes "year-end" as the year's last day, "year end" and
                    // "year's end" as the year. "Since year-end" looks back to the last one.
                    let since = start
                        .checked_sub(1)
                        .and_then(|p| self.toks.get(p))
                        .is_some_and(|t| t.is("since"));
                    let y = a?.year() - i32::from(since);
                    let p = if hyphen {
                        Point::Day(Some(y), 12, 31)
                    } else {
                        Point::Year(y)
                    };
                    return Some((e, "year-end", point(p, Basis::Anchor)));
                }
            }
        }
        // "mid-afternoon", "mid-morning yesterday": a part of day after "mid", of the anchor's
        // day or the one named after it.
        if let Lex::PartOfDay(p) = c.lex() {
            let before = |k: usize| start.checked_sub(k).and_then(|i| self.toks.get(i));
            let mid = before(1).is_some_and(|t| t.is("mid"))
                || (before(1).is_some_and(|t| t.punct(b'-'))
                    && before(2).is_some_and(|t| t.is("mid")));
            if mid {
                c.i += 1;
                let mut day = a?;
                let mut e = c;
                match e.any(&["yesterday", "today", "tomorrow"]) {
                    Some("yesterday") => day = add_days(day, -1)?,
                    Some("tomorrow") => day = add_days(day, 1)?,
                    Some(_) => {}
                    None => e = c,
                }
                return Some((
                    e,
                    "the-unit",
                    point(Point::Time(day, DayTime::Part(p)), Basis::Anchor),
                ));
            }
        }
        if !c.word("the") {
            return None;
        }
        let _ = c.any(&["full", "whole", "entire", "current", "fiscal"]);
        let _ = c.word("fiscal");
        let t = c.peek()?;
        let prev = start.checked_sub(1).and_then(|p| self.toks.get(p));
        if t.is("weekend") {
            c.i += 1;
            return Some((c, "the-unit", point(weekend_of(a?, 0)?, Basis::Anchor)));
        }
        if let Lex::PartOfDay(p) = t.lex {
            if !prev.is_some_and(|p| p.is("in") || p.is("during")) {
                return None;
            }
            c.i += 1;
            // "Prices fell Friday. Dealers sold in the morning": the morning of the day the
            // text last named, else of the anchor.
            let (day, basis) = match self.ctx.previous {
                Some(Point::Day(Some(y), m, d)) => (ymd(y, m, d)?, Basis::Previous),
                _ => (a?, Basis::Anchor),
            };
            return Some((
                c,
                "the-unit",
                point(Point::Time(day, DayTime::Part(p)), basis),
            ));
        }
        let (u, pl) = c.unit()?;
        // "the year-ago results": the year-ago adjective, not the year.
        if c.peek().is_some_and(|n| n.punct(b'-')) {
            return None;
        }
        if pl || !matches!(u, Unit::Year | Unit::Month | Unit::Week) {
            return None;
        }
        // "the year ended June 30": a year's span.
        if c.peek()
            .is_some_and(|n| matches!(n.text, "ended" | "ending" | "through" | "to"))
        {
            let v = duration_value(Some(1), u);
            return Some((
                c,
                "the-unit",
                value(v, TimexKind::Duration, Basis::Absolute),
            ));
        }
        // "the week of March 6": the week that holds the day named.
        if u == Unit::Week {
            let mut e = c;
            if e.word("of") {
                if let Some(Hit {
                    end,
                    meaning:
                        Meaning::Point {
                            point: p, basis, ..
                        },
                    ..
                }) = self.match_at(e.i)
                {
                    if matches!(p, Point::Day(Some(_), _, _)) {
                        return Some((
                            Cursor {
                                toks: self.toks,
                                i: end,
                            },
                            "the-unit",
                            point(coarsen(p, u)?, basis),
                        ));
                    }
                }
            }
        }
        // Not "the day of", "the year of", "the month when": those name another time.
        if c.peek()
            .is_some_and(|n| matches!(n.text, "of" | "when" | "in" | "before" | "after" | "that"))
        {
            return None;
        }
        let p = coarsen(Point::day(a?), u)?;
        Some((c, "the-unit", point(p, Basis::Anchor)))
    }

    /// `5 p.m.`, `10:30 a.m. EST`, `noon`, `midnight Friday`, `7:15 p.m. Wednesday`, `14:00`.
    fn clock_time(&self, mut c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        let (hour, minute) = if c.word("noon") || c.word("midday") {
            (12, 0)
        } else if c.word("midnight") {
            (24, 0)
        } else {
            let h = c.num()?;
            if h.digits > 2 || h.num > 24 || h.plural || h.ordinal {
                return None;
            }
            let mut minute = 0;
            let mut e = c;
            let mut had_minutes = false;
            if e.punct(b':') {
                if let Some(m) = e.num() {
                    if m.digits == 2 && m.num < 60 {
                        minute = m.num;
                        c = e;
                        had_minutes = true;
                    }
                }
            }
            let ampm = {
                let mut e = c;
                let w = e.peek().map(|t| t.text);
                match w {
                    Some("am" | "pm") => {
                        e.i += 1;
                        Some((w == Some("pm"), e))
                    }
                    Some("a" | "p") => {
                        let pm = w == Some("p");
                        e.i += 1;
                        if e.punct(b'.') && e.word("m") {
                            e.dot();
                            Some((pm, e))
                        } else {
                            None
                        }
                    }
                    // "4 in the morning", "10 in the evening", "11 at night".
                    Some("in") => {
                        e.i += 1;
                        if e.word("the") {
                            e.any(&["morning", "afternoon", "evening"])
                                .map(|w| (w != "morning", e))
                        } else {
                            None
                        }
                    }
                    Some("at") => {
                        e.i += 1;
                        e.word("night").then_some((true, e))
                    }
                    _ => None,
                }
            };
            match ampm {
                Some((pm, e)) => {
                    if h.num == 0 || h.num > 12 {
                        return None;
                    }
                    c = e;
                    let hour = match (pm, h.num) {
                        (true, 12) => 12,
                        (true, x) => x + 12,
                        (false, 12) => 0,
                        (false, x) => x,
                    };
                    (hour, minute)
                }
                None => {
                    if !had_minutes {
                        return None;
                    }
                    // "14:00" alone: a clock only with "at" before or "GMT"/"hours" after.
                    let prev = start.checked_sub(1).and_then(|p| self.toks.get(p));
                    if !prev.is_some_and(|p| p.is("at") || p.is("by") || p.is("until")) {
                        return None;
                    }
                    (h.num, minute)
                }
            }
        };
        // Time zone.
        let _ = c
            .any(&[
                "est", "edt", "cst", "cdt", "pst", "pdt", "mst", "mdt", "gmt", "utc", "et", "pt",
                "local",
            ])
            .map(|_| c.word("time"));
        // The day it is on.
        let mut day = self.anchor();
        let mut e = c;
        let _ = e.punct(b',');
        let _ = e.word("on");
        if let Some(wd) = e.weekday() {
            if let Some(a) = self.anchor() {
                day = self.weekday_date(a, start, wd);
            }
            c = e;
        } else if let Some(w) = e.any(&["today", "yesterday", "tomorrow", "tonight"]) {
            day = self.anchor().and_then(|a| {
                add_days(
                    a,
                    if w == "yesterday" {
                        -1
                    } else if w == "tomorrow" {
                        1
                    } else {
                        0
                    },
                )
            });
            c = e;
        } else if let Some((
            end,
            _,
            Meaning::Point {
                point: Point::Day(Some(y), m, d),
                ..
            },
        )) = self.month_day_year(e)
        {
            day = ymd(y, m, d);
            c = end;
        } else if let (Some(wd), Some(a)) = (self.weekday_after_aside(c), self.anchor()) {
            // "10:35 a.m. (0735 GMT) Friday": the weekday after the aside is the day, and
            // stays an expression of its own.
            day = self.weekday_date(a, start, wd);
        }
        let Some(day) = day else {
            return Some((
                c,
                "clock-time",
                value(
                    format!("XXXX-XX-XXT{hour:02}:{minute:02}"),
                    TimexKind::Time,
                    Basis::Absolute,
                ),
            ));
        };
        let (day, hour) = if hour == 24 { (day, 24) } else { (day, hour) };
        Some((
            c,
            "clock-time",
            point(
                Point::Time(day, DayTime::Clock { hour, minute }),
                Basis::Anchor,
            ),
        ))
    }

    /// `every Friday`, `each month`, `daily`, `annually`, `twice a year`.
    fn set(&self, mut c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let t = c.next()?;
        let v = match t.text {
            // "quarterly dividend", "daily flights": adjectives, not sets.
            // "daily" before a noun is still a set in TimeML ("daily flights"); "quarterly
            // dividend", "monthly report" name a kind of thing.
            "weekly" | "monthly" | "quarterly" | "yearly"
                if c.peek()
                    .is_some_and(|n| n.kind == TokKind::Word && !n.is("and") && !n.is("or")) =>
            {
                return None;
            }
            // TimeBank writes the frequency adverbs as their period: "daily" P1D.
            "daily" => "P1D".to_string(),
            "weekly" => "P1W".to_string(),
            "monthly" => "P1M".to_string(),
            "yearly" | "annually" => "P1Y".to_string(),
            "hourly" => "PT1H".to_string(),
            "quarterly" => "P3M".to_string(),
            "every" | "each" | "per" => {
                let mut e = c;
                let n = e.count().flatten().filter(|n| *n > 1);
                if let Some(wd) = e.weekday() {
                    c = e;
                    format!("XXXX-WXX-{wd}")
                } else if let Some(m) = e.month() {
                    c = e;
                    format!("XXXX-{m:02}")
                } else if let Some((u, _)) = e.unit() {
                    c = e;
                    let n = n.unwrap_or(1);
                    if u == Unit::Quarter {
                        format!("P{n}Q")
                    } else {
                        duration_value(Some(n), u)
                    }
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        Some((c, "set", value(v, TimexKind::Set, Basis::Absolute)))
    }

    /// `the day before`, `the next day`, `that day`, `the same year`, `the day after`: the
    /// previous date in the text moved by one unit.
    fn relative_to_previous(
        &self,
        mut c: Cursor<'t, 'a>,
    ) -> Option<(Cursor<'t, 'a>, &'static str, Meaning)> {
        let start = c.i;
        if !self
            .toks
            .get(start.wrapping_sub(1))
            .is_some_and(|t| t.is("the"))
        {
            return None;
        }
        let (u, pl) = c.unit()?;
        if pl {
            return None;
        }
        let dir = c.any(&["before", "after"])?;
        // "the day before returning": counted from an act this rule cannot date. "The day
        // after his death" is taken from the previous date, which is mostly the death's.
        if c.peek()
            .is_some_and(|t| t.kind == TokKind::Word && t.text.len() > 4 && t.text.ends_with("ing"))
        {
            return None;
        }
        let step = if dir == "before" { -1 } else { 1 };
        // "the day before last Tuesday", "the week after Christmas": from the date named.
        if let Some(Hit {
            end,
            meaning: Meaning::Point {
                point: p, basis, ..
            },
            ..
        }) = self.match_at(c.i)
        {
            let p = coarsen(p, u)?.shift(step)?;
            return Some((
                Cursor {
                    toks: self.toks,
                    i: end,
                },
                "unit-before-after",
                point(p, basis),
            ));
        }
        let prev = self
            .ctx
            .previous
            .or_else(|| self.anchor().map(Point::day))?;
        // "Oct. 12, the day before the crash": in apposition to the date just named, it is
        // that date, counted back from the crash, not from it.
        let apposition = self.ctx.previous.is_some()
            && start >= 3
            && self.toks.get(start - 2).is_some_and(|t| t.punct(b','))
            && self.toks.get(start - 3).is_some_and(|t| {
                t.kind == TokKind::Num || matches!(t.lex, Lex::Month(_) | Lex::Weekday(_))
            });
        let p = coarsen(prev, u)?;
        let p = if apposition { p } else { p.shift(step)? };
        Some((c, "unit-before-after", point(p, Basis::Previous)))
    }
}

/// A modifier opening an expression: "early", "mid-", "about", "at least", "the end of". The
/// inner `None` is a word that belongs to the expression without modifying it ("earlier").
fn modifier_words<'t, 'a>(c: Cursor<'t, 'a>) -> Option<(Cursor<'t, 'a>, Option<Modifier>)> {
    let mut m = c;
    let w = m.next()?.text;
    let md = match w {
        "early" => Some(Modifier::Start),
        "late" => Some(Modifier::End),
        "earlier" | "later" => None,
        "mid" => {
            m.hyphen();
            Some(Modifier::Mid)
        }
        "about" | "around" | "approximately" | "roughly" | "some" | "nearly" | "almost"
        | "circa" | "approx" => Some(Modifier::Approx),
        "under" => Some(Modifier::LessThan),
        "more" | "less" | "fewer" if m.word("than") => Some(if w == "more" {
            Modifier::MoreThan
        } else {
            Modifier::LessThan
        }),
        "at" if m.word("least") => Some(Modifier::EqualOrMore),
        "at" if m.word("most") => Some(Modifier::EqualOrLess),
        "up" if m.word("to") => Some(Modifier::EqualOrLess),
        "no" if m.word("more") && m.word("than") => Some(Modifier::EqualOrLess),
        _ => {
            // "the end of", "the beginning of", "the middle of", "the start of".
            let mut e = c;
            let _ = e.word("the");
            let which = e.any(&[
                "end",
                "beginning",
                "start",
                "middle",
                "close",
                "turn",
                "dawn",
            ])?;
            if !e.word("of") {
                return None;
            }
            m = e;
            Some(match which {
                "end" | "close" => Modifier::End,
                "middle" => Modifier::Mid,
                _ => Modifier::Start,
            })
        }
    };
    Some((m, md))
}

/// Rules whose expressions include a leading "the" in TimeML ("the third quarter", "the past
/// two months", "the weekend"); for the others "the" stays outside.
fn takes_determiner(rule: &str) -> bool {
    matches!(
        rule,
        "quarter"
            | "half-year"
            | "season-year"
            | "year-ago-quarter"
            | "the-unit"
            | "past-next-units"
            | "period-duration"
            | "the-past-future"
            | "season"
            | "this-last-next-unit"
            | "last-weekend"
            | "decade"
            | "century"
            | "unit-before-after"
            | "day-month"
    )
}

fn takes_modifier(rule: &str, m: Option<Modifier>) -> bool {
    match m {
        Some(Modifier::Start | Modifier::Mid | Modifier::End) => !matches!(
            rule,
            "duration"
                | "units-ago"
                | "units-later"
                | "present-past-future-ref"
                | "set"
                | "past-next-units"
                | "recent-units"
        ),
        Some(Modifier::Approx) => !matches!(
            rule,
            "present-past-future-ref" | "set" | "weekday" | "today-yesterday-tomorrow"
        ),
        Some(_) => matches!(rule, "duration" | "past-next-units"),
        None => true,
    }
}

/// Sets the modifier's effect on the meaning: START/MID/END narrow the interval; APPROX around
/// an "ago" widens it to a band; nearly/almost before a duration is LESS_THAN (set by caller).
fn apply_modifier(meaning: &mut Meaning, m: Modifier) {
    if let Meaning::Point {
        point, band, ago, ..
    } = meaning
    {
        if let (Modifier::Approx, Some((center, span))) = (m, *ago) {
            // "about a year ago": a quarter of the distance either side of the exact day.
            let q = (span / 4).max(1);
            *band = Some((
                add_days(center, -q).unwrap_or(center),
                add_days(center, q).unwrap_or(center),
            ));
            return;
        }
        if let Some(b) = point.bounds() {
            *band = Some(match m {
                Modifier::Approx => {
                    let (a, z) = b;
                    let span = ((z - a).num_days() / 4).max(1);
                    (
                        add_days(a, -span).unwrap_or(a),
                        add_days(z, span).unwrap_or(z),
                    )
                }
                _ => super::point::narrow(b, Some(m)),
            });
        }
    }
}

fn point(p: Point, basis: Basis) -> Meaning {
    Meaning::Point {
        point: p,
        band: None,
        ago: None,
        basis,
    }
}

fn value(v: String, kind: TimexKind, basis: Basis) -> Meaning {
    Meaning::Value {
        value: v,
        kind,
        basis,
    }
}

/// The point of granularity `u` containing `p` ("last year" from a day is its year).
fn coarsen(p: Point, u: Unit) -> Option<Point> {
    let (d, _) = p.bounds()?;
    Some(match u {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => Point::day(d),
        Unit::Week | Unit::Fortnight => {
            let w = d.iso_week();
            Point::Week(w.year(), w.week())
        }
        Unit::Month => Point::Month(Some(d.year()), d.month()),
        Unit::Quarter => Point::Quarter(Some(d.year()), (d.month() - 1) / 3 + 1),
        Unit::Year => Point::Year(d.year()),
        Unit::Decade => Point::Decade(d.year().div_euclid(10)),
        Unit::Century => Point::Century(d.year().div_euclid(100)),
    })
}

/// The granularity of a point of unit `u` (hours and finer are days here, as in [`coarsen`]).
fn unit_granularity(u: Unit) -> Granularity {
    match u {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Granularity::Day,
        Unit::Week | Unit::Fortnight => Granularity::Week,
        Unit::Month => Granularity::Month,
        Unit::Quarter => Granularity::Quarter,
        Unit::Year => Granularity::Year,
        Unit::Decade => Granularity::Decade,
        Unit::Century => Granularity::Century,
    }
}

fn unresolved(u: Unit) -> String {
    match u {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX",
        Unit::Week | Unit::Fortnight => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
    }
    .to_string()
}

/// The weekend of the anchor's week when the anchor is on it, else the one before (or after).
fn weekend_of(a: NaiveDate, off: i32) -> Option<Point> {
    let w = a.iso_week();
    let base = Point::Weekend(w.year(), w.week());
    let on_weekend = matches!(a.weekday(), Weekday::Sat | Weekday::Sun);
    match off {
        -1 => base.shift(-1),
        1 => base.shift(if on_weekend { 1 } else { 0 }),
        _ => {
            if on_weekend || a.weekday() == Weekday::Fri {
                Some(base)
            } else {
                base.shift(-1)
            }
        }
    }
}

/// `P3Y`, `PT5H`, `P2DE`, `PXM`, `P9M` (three quarters).
pub fn duration_value(n: Option<u32>, u: Unit) -> String {
    let (unit, time, mult) = match u {
        Unit::Second => ("S", true, 1),
        Unit::Minute => ("M", true, 1),
        Unit::Hour => ("H", true, 1),
        Unit::Day => ("D", false, 1),
        Unit::Week => ("W", false, 1),
        Unit::Fortnight => ("W", false, 2),
        Unit::Month => ("M", false, 1),
        Unit::Quarter => ("M", false, 3),
        Unit::Year => ("Y", false, 1),
        // A counted decade or century is written in years, as the TimeML corpora do
        // ("two decades" P20Y); an uncounted one keeps its own unit ("decades" PXDE).
        Unit::Decade => ("Y", false, 10),
        Unit::Century => ("Y", false, 100),
    };
    let t = if time { "T" } else { "" };
    match n {
        Some(n) => format!("P{t}{}{unit}", n.saturating_mul(mult)),
        None if u == Unit::Quarter => "PXQ".to_string(),
        None if u == Unit::Decade => "PXDE".to_string(),
        None if u == Unit::Century => "PXCE".to_string(),
        None => format!("P{t}X{unit}"),
    }
}

fn half_duration(n: u32, u: Unit) -> String {
    // TimeBank writes the half in the next smaller unit: "2 1/2 years" P2Y6M.
    match u {
        Unit::Year => format!("P{n}Y6M"),
        Unit::Hour => format!("PT{n}H30M"),
        Unit::Minute => format!("PT{n}M30S"),
        Unit::Day => format!("P{n}DT12H"),
        Unit::Month => format!("P{n}M15D"),
        _ => duration_value(Some(n), u),
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    /// Every text of the examples corpus (positives and negatives) and of the sample articles;
    /// with the `shared-corpus` feature, the TempEval-3 documents too.
    fn texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        let mut dirs = vec!["src/temporal/corpus", "data/articles"];
        if cfg!(feature = "shared-corpus") {
            dirs.push("../shared/tempeval3");
        }
        for dir in dirs {
            for entry in walkdir::WalkDir::new(root.join(dir)) {
                let entry = entry.unwrap();
                if !entry.file_type().is_file() {
                    continue;
                }
                let path = entry.path();
                let text = std::fs::read_to_string(path).unwrap();
                if path.extension().is_some_and(|x| x == "toml") {
                    let corpus: toml::Table = text.parse().unwrap();
                    for list in corpus.values().filter_map(|v| v.as_array()) {
                        for case in list {
                            out.extend(case.get("text").and_then(|t| t.as_str()).map(String::from));
                        }
                    }
                } else {
                    out.push(text);
                }
            }
        }
        out
    }

    #[test]
    fn gates_admit_every_match() {
        let anchor = NaiveDate::from_ymd_opt(2013, 9, 20);
        let texts = texts();
        assert!(texts.len() > 400, "only {} texts", texts.len());
        let mut checked = 0;
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let mut toks = Vec::new();
            tokenize(text, &lower, &mut toks);
            for previous in [None, Some(Point::Quarter(Some(2013), 2))] {
                let g = Grammar::new(&toks, Context { anchor, previous }, text, 0, Vec::new());
                for (i, t) in toks.iter().enumerate() {
                    for (k, (rule, _)) in Grammar::RULES.iter().enumerate() {
                        let c = Cursor { toks: &toks, i };
                        if let Some((end, id, _)) = rule(&g, c) {
                            if end.i > i {
                                checked += 1;
                                assert!(Grammar::openable(t) & (1 << k) != 0, "rule {k} ({id}) matched at {:?} in {text:?}, its gate refused it", t.text);
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 1000, "only {checked} matches checked");
    }
}
