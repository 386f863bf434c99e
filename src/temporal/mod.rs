//! The temporal normalizer.
//!
//! Takes a text and an optional anchor date (the post's publication date); gives one [`Timex`]
//! per temporal expression: its byte span, a TIMEX3 value as TimeML writes it, the interval
//! `[earliest, latest]` it denotes, its granularity, kind and TimeML modifier. Relative
//! expressions ("last year", "on Sunday", "two years later") are resolved against the anchor or
//! against the previous date in the text; without an anchor they keep an underspecified value
//! (`XXXX-09-01`) and no interval. The clock is always an argument, never `now()`.

pub mod eval;
mod grammar;
pub(crate) mod lexicon;
mod point;
pub mod timeml;
mod token;

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use grammar::{Basis, Context, Grammar, Meaning};
pub use point::Point;

/// The unit an interval is known to. "September 2011" is `Month`: never a made-up day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Time,
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

/// TIMEX3 `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
}

/// TimeML's `mod` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Modifier {
    Approx,
    Start,
    Mid,
    End,
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// Half-open byte span in the text given to [`normalize`].
    pub start: usize,
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// The TIMEX3 value: `2013-09-01`, `2012-09`, `2012`, `197`, `P18M`, `PRESENT_REF`, `XXXX-09`.
    pub value: String,
    pub kind: TimexKind,
    /// The interval the expression denotes, when it denotes one (dates and times, resolved).
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    pub granularity: Option<Granularity>,
    pub modifier: Option<Modifier>,
    /// True when the value was computed from the anchor or an earlier date in the text.
    pub relative: bool,
    /// The id of the grammar rule that matched (`month-day-year`, `last-month-name`, ...).
    #[serde(default)]
    pub rule: String,
    /// When the value was computed from an earlier expression rather than the anchor ("two
    /// years later"), the index of that expression among those the [`Normalizer`] returned
    /// (TimeML's `anchorTimeID`). `None` with `relative` means the anchor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor_index: Option<usize>,
}

/// The id of every grammar rule, as [`Timex::rule`] reports it. The examples corpus has a
/// positive case for each (a test checks it).
pub const RULE_IDS: &[&str] = &[
    "bare-units",
    "century",
    "clock-time",
    "day-month",
    "day-month-year",
    "day-part-of-day",
    "decade",
    "duration",
    "fiscal-year",
    "half-year",
    "holiday",
    "last-month-name",
    "last-season",
    "last-weekday",
    "last-weekend",
    "month-day",
    "month-day-year",
    "month-name",
    "month-this-year",
    "month-year",
    "numeric-date",
    "past-next-units",
    "period-duration",
    "present-past-future-ref",
    "q-number",
    "quarter",
    "quarter-adjective",
    "recent-units",
    "season",
    "season-year",
    "set",
    "spelled-year",
    "the-past-future",
    "the-unit",
    "this-last-next-unit",
    "this-morning",
    "this-time-last-year",
    "today-yesterday-tomorrow",
    "tonight",
    "unit-before-after",
    "units-ago",
    "units-later",
    "weekday",
    "weekday-month-day-year",
    "weekday-part-of-day",
    "weekday-plural-set",
    "year",
    "year-ago-adjective",
    "year-ago-quarter",
    "year-end",
    "year-range-end",
];

/// Finds and normalizes every temporal expression in `text`, resolving relative ones against
/// `anchor`.
pub fn normalize(text: &str, anchor: Option<NaiveDate>) -> Vec<Timex> {
    let mut n = Normalizer::new(anchor);
    let mut out = Vec::new();
    n.feed(text, 0, &mut out);
    out
}

/// A streaming normalizer: feed it a long text piece by piece (lines, paragraphs, chunks ending
/// on a line break) and it keeps what relative expressions need between pieces, the anchor and
/// the previous date mentioned, so memory stays flat whatever the input size.
///
/// ```
/// use factline::temporal::Normalizer;
/// let anchor = chrono::NaiveDate::from_ymd_opt(2013, 9, 20);
/// let mut n = Normalizer::new(anchor);
/// let mut out = Vec::new();
/// n.feed("The camp was raided in 2009.\n", 0, &mut out);
/// n.feed("Two years later it was raided again.\n", 29, &mut out);
/// assert_eq!(out[1].value, "2011");
/// assert_eq!(out[1].start, 29);
/// ```
#[derive(Debug, Clone)]
pub struct Normalizer {
    anchor: Option<NaiveDate>,
    previous: Option<(Point, usize)>,
    emitted: usize,
}

impl Normalizer {
    pub fn new(anchor: Option<NaiveDate>) -> Self {
        Normalizer {
            anchor,
            previous: None,
            emitted: 0,
        }
    }

    /// Changes the anchor (a new post with its own date) and forgets the previous date.
    pub fn set_anchor(&mut self, anchor: Option<NaiveDate>) {
        self.anchor = anchor;
        self.previous = None;
    }

    /// Normalizes `piece`, whose first byte is at `offset` in the whole text, appending what it
    /// finds to `out` with spans in whole-text offsets.
    pub fn feed(&mut self, piece: &str, offset: usize, out: &mut Vec<Timex>) {
        // One lowercase copy and one token buffer for the whole piece, not one per region:
        // ASCII lowercasing keeps byte offsets, so a region's slice of it lines up.
        let lower_piece = piece.to_ascii_lowercase();
        let mut toks = Vec::new();
        let mut scratch = Vec::new();
        for (rs, re) in regions(piece) {
            let (Some(orig), Some(lower)) = (piece.get(rs..re), lower_piece.get(rs..re)) else {
                continue;
            };
            token::tokenize(orig, lower, &mut toks);
            let mut g = Grammar::new(
                &toks,
                Context {
                    anchor: self.anchor,
                    previous: self.previous.map(|p| p.0),
                },
                piece,
                rs,
                std::mem::take(&mut scratch),
            );
            let mut i = 0;
            while i < toks.len() {
                let Some(hit) = g.match_at(i) else {
                    i += 1;
                    continue;
                };
                let (Some(first), Some(last)) =
                    (toks.get(hit.start), toks.get(hit.end.saturating_sub(1)))
                else {
                    break;
                };
                let (s, e) = (rs + first.start, rs + last.end);
                i = hit.end.max(i + 1);
                let Some(text) = piece.get(s..e) else {
                    continue;
                };
                let timex = self.timex(text, offset + s, offset + e, hit);
                out.push(timex);
                g.set_previous(self.previous.map(|p| p.0));
            }
            scratch = g.into_scratch();
        }
    }

    fn timex(&mut self, text: &str, start: usize, end: usize, hit: grammar::Hit) -> Timex {
        let index = self.emitted;
        self.emitted += 1;
        let mut t = Timex {
            start,
            end,
            text: text.to_string(),
            value: String::new(),
            kind: TimexKind::Date,
            earliest: None,
            latest: None,
            granularity: None,
            modifier: hit.modifier,
            relative: false,
            rule: hit.rule.to_string(),
            anchor_index: None,
        };
        let basis = match hit.meaning {
            Meaning::Point {
                point, band, basis, ..
            } => {
                t.value = point.value();
                t.kind = if matches!(point, Point::Time(..)) {
                    TimexKind::Time
                } else {
                    TimexKind::Date
                };
                t.granularity = Some(point.granularity());
                if let Some((a, z)) = band.or_else(|| point.bounds()) {
                    t.earliest = Some(a);
                    t.latest = Some(z);
                }
                if point.year().is_some() || matches!(point, Point::Decade(_) | Point::Century(_)) {
                    let prev_index = self.previous.map(|p| p.1);
                    if basis == Basis::Previous {
                        t.anchor_index = prev_index;
                    }
                    // A comparison period ("a year earlier" than the third quarter) does not
                    // become what the text is about: the next "the quarter" is still the third.
                    let comparison = basis == Basis::Comparison
                        || basis == Basis::Previous
                            && matches!(point, Point::Quarter(..) | Point::Half(..));
                    if !comparison {
                        self.previous = Some((point, index));
                    }
                }
                basis
            }
            Meaning::Value { value, kind, basis } => {
                t.value = value;
                t.kind = kind;
                basis
            }
        };
        t.relative = basis != Basis::Absolute;
        t
    }
}

/// The automaton that finds candidate regions: every word the grammar keys on, and digits.
fn automaton() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        let mut pats: Vec<String> = lexicon::trigger_words()
            .into_iter()
            .map(str::to_string)
            .collect();
        pats.extend((0..10).map(|d| d.to_string()));
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&pats)
            .unwrap_or_else(|_| AhoCorasick::new(["0"]).unwrap_or_else(|_| unreachable_automaton()))
    })
}

#[cold]
fn unreachable_automaton() -> AhoCorasick {
    // Building from a fixed, small, valid pattern list cannot fail; this keeps the library free
    // of panics on the impossible path all the same.
    AhoCorasick::new(Vec::<&str>::new()).unwrap_or_else(|_| std::process::abort())
}

/// How far around a trigger the grammar looks: enough for "the end of the", "nearly", "some".
const CONTEXT_BEFORE: usize = 24;
const CONTEXT_AFTER: usize = 24;

/// Candidate regions: one automaton pass over the text; each trigger that starts a word opens a
/// window around it; windows that touch merge. Region ends fall on whitespace or the text's ends.
fn regions(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    // `find` from past each match rather than `find_iter`, to resume after a whole run of
    // digits: each digit is a pattern, and only the run's first digit opens a window (so a
    // digit match never follows another digit).
    while let Some(m) = automaton().find(Input::new(text).range(from..)) {
        let (s, e) = (m.start(), m.end());
        from = e;
        let prev = s.checked_sub(1).and_then(|p| bytes.get(p));
        let first_is_digit = bytes.get(s).is_some_and(|b| b.is_ascii_digit());
        if first_is_digit {
            while bytes.get(from).is_some_and(|b| b.is_ascii_digit()) {
                from += 1;
            }
        }
        if !first_is_digit && prev.is_some_and(|b| b.is_ascii_alphabetic()) {
            continue;
        }
        // A word trigger must also end the word ("mar" is not in "market"), a plural "s" aside.
        if !first_is_digit {
            let next = bytes.get(e);
            let plural = next == Some(&b's') || next == Some(&b'S');
            let after = bytes.get(if plural { e + 1 } else { e });
            if after.is_some_and(|b| b.is_ascii_alphabetic()) {
                continue;
            }
        }
        let mut re = (e + CONTEXT_AFTER).min(bytes.len());
        while re < bytes.len() && !bytes.get(re).is_some_and(|b| b.is_ascii_whitespace()) {
            re += 1;
            if re - e > 2 * CONTEXT_AFTER {
                break;
            }
        }
        while re < bytes.len() && !text.is_char_boundary(re) {
            re += 1;
        }
        // The window's start only moves back from here: when this already touches the previous
        // region, the two merge whatever the start (most triggers, in dense text).
        let mut rs = s.saturating_sub(CONTEXT_BEFORE);
        if let Some(last) = out.last_mut().filter(|last| rs <= last.1) {
            last.1 = last.1.max(re);
            continue;
        }
        while rs > 0 && !bytes.get(rs - 1).is_some_and(|b| b.is_ascii_whitespace()) {
            rs -= 1;
            if s - rs > 2 * CONTEXT_BEFORE {
                break;
            }
        }
        // Two more words back, so a region never opens inside an expression ("the latest").
        let floor = rs.saturating_sub(64);
        for _ in 0..2 {
            while rs > floor && bytes.get(rs - 1).is_some_and(|b| b.is_ascii_whitespace()) {
                rs -= 1;
            }
            while rs > floor && !bytes.get(rs - 1).is_some_and(|b| b.is_ascii_whitespace()) {
                rs -= 1;
            }
        }
        while rs > 0 && !text.is_char_boundary(rs) {
            rs -= 1;
        }
        match out.last_mut() {
            Some(last) if rs <= last.1 => last.1 = last.1.max(re),
            _ => out.push((rs, re)),
        }
    }
    out
}
