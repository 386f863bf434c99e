//! Event mentions: which event a sentence talks about.
//!
//! Takes one sentence (its tokens, its date expressions, the post's date), the catalog and what
//! the previous sentences were about; gives [`Mention`]s: a trigger phrase, the event it points
//! at (a declared event chosen by trigger, place, subject, actor and date window, with the score
//! kept as confidence; else an ad-hoc `adhoc:<kind>:<place>`), and the date expression the
//! sentence gives that event. Mentions under a modal or a negation ("whether to remove",
//! "would be delisted") are dropped: they say what might happen, not what did.

use std::cell::OnceCell;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use super::catalog::{Event, EventCatalog, Heads, Phrase};
use super::text::{first_at, slug, Prefix, Token};
use crate::temporal::{Timex, TimexKind};

/// Lowest score for a mention to be bound to a declared event; below it the mention is ad hoc.
pub const MIN_SCORE: f32 = 0.4;

/// Days a day-precise date may miss a declared window by (reports a day late, time zones).
pub const WINDOW_SLACK_DAYS: i64 = 2;

/// How many days before publication a dateless mention still counts as recent news.
pub const RECENT_DAYS: i64 = 60;

/// Words before a trigger that make it hypothetical or negated.
const IRREALIS: &[&str] = &[
    "whether",
    "would",
    "could",
    "should",
    "will",
    "might",
    "may",
    "not",
    "never",
    "expected",
    "forthcoming",
    "decision",
    "campaign",
    "bid",
    "efforts",
    "effort",
    "trying",
    "asked",
    "urged",
    "calls",
    "called",
    "seeks",
    "seeking",
    "seek",
    "promised",
    "plans",
    "planned",
    "agreed",
    "avert",
    "prevent",
    "wants",
    "want",
    "hopes",
    "considering",
    "consider",
    "stop",
    "unless",
    "if",
    "threatened",
    "threatens",
];

/// A sentence prepared for matching.
pub struct View<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    /// Date expressions of the sentence, spans relative to `text`.
    pub timexes: Vec<Timex>,
    pub published: Option<NaiveDate>,
    /// Clause weight of the tokens ([`clause_distance`]), summed once per sentence when first
    /// asked for (a sentence without a trigger never needs it).
    clause: OnceCell<Prefix>,
    /// Words (not punctuation) among the tokens, summed once per sentence when first asked for.
    words: OnceCell<Prefix>,
}

impl<'a> View<'a> {
    /// Prepares a sentence: its running sums make every distance query a binary search.
    pub fn new(
        text: &'a str,
        tokens: Vec<Token<'a>>,
        timexes: Vec<Timex>,
        published: Option<NaiveDate>,
    ) -> View<'a> {
        View {
            text,
            tokens,
            timexes,
            published,
            clause: OnceCell::new(),
            words: OnceCell::new(),
        }
    }

    /// Words (not punctuation) between two offsets, in either order.
    pub fn words_between(&self, from: usize, to: usize) -> usize {
        let (lo, hi) = if from <= to { (from, to) } else { (to, from) };
        self.words
            .get_or_init(|| Prefix::new(&self.tokens, |t| usize::from(!t.is_punct())))
            .between(&self.tokens, lo, hi)
    }

    pub fn date_spans(&self) -> Vec<Range<usize>> {
        self.timexes.iter().map(|t| t.start..t.end).collect()
    }
}

/// What earlier sentences of the same post were about.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Declared event ids (or ad-hoc ids) mentioned recently, with how many sentences ago.
    pub recent: Vec<(String, String, usize)>,
    /// Subjects the whole document names (ids), most named first.
    pub doc_subjects: Vec<String>,
}

/// One mention of an event in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub kind: String,
    /// Declared event id, or `adhoc:<kind>:<place>`.
    pub event: String,
    pub declared: bool,
    pub score: f32,
    /// Byte span of the trigger(s) in the sentence.
    pub start: usize,
    pub end: usize,
    /// Index into `View::timexes` of the date the sentence gives this event.
    pub date: Option<usize>,
    /// Canonical place name.
    pub place: Option<String>,
    /// The event's declared window spans more than a month: a process (a relocation), whose
    /// dated mentions are stages rather than the event's date.
    pub process: bool,
}

struct Found {
    start: usize,
    end: usize,
    slot: Option<Range<usize>>,
    /// Event ids whose own triggers matched here.
    own: Vec<String>,
}

/// Places named in the sentence: (place id, canonical name, byte span).
pub fn places(
    view: &View<'_>,
    heads: &Heads<'_>,
    catalog: &EventCatalog,
) -> Vec<(String, String, Range<usize>)> {
    let mut out = Vec::new();
    for p in &catalog.places {
        for alias in p.aliases.iter().filter(|a| a.may_match(heads)) {
            for m in alias.find(&view.tokens, &[]) {
                if !out
                    .iter()
                    .any(|(id, _, r): &(String, String, Range<usize>)| {
                        *id == p.id && r.start < m.end && m.start < r.end
                    })
                {
                    out.push((p.id.clone(), p.name.clone(), m.start..m.end));
                }
            }
        }
    }
    out.sort_by_key(|(_, _, r)| r.start);
    out
}

/// Subjects named in the sentence: (subject id, byte span).
pub fn subjects(
    tokens: &[Token<'_>],
    heads: &Heads<'_>,
    catalog: &EventCatalog,
) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    for s in &catalog.subjects {
        for alias in s.aliases.iter().filter(|a| a.may_match(heads)) {
            for m in alias.find(tokens, &[]) {
                out.push((s.id.clone(), m.start..m.end));
            }
        }
    }
    out
}

pub(crate) fn irrealis(tokens: &[Token<'_>], start: usize) -> bool {
    let i = first_at(tokens, start);
    if i >= tokens.len() {
        return false;
    }
    let before: Vec<&str> = tokens
        .get(i.saturating_sub(3)..i)
        .unwrap_or_default()
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    if before.iter().any(|w| IRREALIS.contains(w)) {
        return true;
    }
    // An infinitive ("to remove", "to be relocated") is a plan, not a fact; "to have been
    // taken" after a reporting verb is a fact.
    matches!(before.as_slice(), [.., "to"] | [.., "to", "be"])
}

fn collect_triggers(
    view: &View<'_>,
    heads: &Heads<'_>,
    phrases: &[Phrase],
    spans: &[Range<usize>],
    out: &mut Vec<Found>,
    own: Option<&str>,
) {
    for p in phrases.iter().filter(|p| p.may_match(heads)) {
        for m in p.find(&view.tokens, spans) {
            if irrealis(&view.tokens, m.start) {
                continue;
            }
            // Merge with a trigger of the same kind that overlaps or sits next to it.
            let near = out.iter_mut().find(|f| {
                f.start <= m.end + 1 && m.start <= f.end + 1
                    || view.words_between(f.end.min(m.end), f.start.max(m.start)) <= 1
            });
            match near {
                Some(f) => {
                    f.start = f.start.min(m.start);
                    f.end = f.end.max(m.end);
                    if f.slot.is_none() {
                        f.slot = m.date.clone();
                    }
                    if let Some(id) = own {
                        f.own.push(id.to_string());
                    }
                }
                None => out.push(Found {
                    start: m.start,
                    end: m.end,
                    slot: m.date.clone(),
                    own: own.map(|id| vec![id.to_string()]).unwrap_or_default(),
                }),
            }
        }
    }
}

/// The date a mention gets: the `<date>` slot it matched, else the nearest dated expression
/// within `max_words` words.
fn nearest_date(view: &View<'_>, found: &Found, max_words: usize) -> Option<usize> {
    if let Some(slot) = &found.slot {
        return view.timexes.iter().position(|t| t.start == slot.start);
    }
    view.timexes
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            matches!(t.kind, TimexKind::Date | TimexKind::Time) && t.value != "PRESENT_REF"
        })
        .map(|(i, t)| {
            let d = if t.end <= found.start {
                clause_distance(view, t.end, found.start)
            } else {
                clause_distance(view, found.end, t.start)
            };
            // "Nearly a year ago, X did Y": a date opening the sentence dates its main clause.
            let opening = t.end <= found.start
                && view.text.get(t.end..).is_some_and(|a| a.starts_with(','))
                && view.text.get(..t.start).is_some_and(|b| {
                    // At most "But in " before it: checked by length first, as this runs for
                    // every date and mention of a sentence that may be one long word.
                    let b = b.trim_start_matches(|c: char| !c.is_alphanumeric());
                    b.len() <= 12
                        && b.split_whitespace().all(|w| {
                            ["but", "and", "in", "on", "so"]
                                .iter()
                                .any(|k| w.eq_ignore_ascii_case(k))
                        })
                });
            (if opening { d.min(max_words) } else { d }, i)
        })
        .filter(|(d, _)| *d <= max_words)
        .min()
        .map(|(d, i)| finer_near(view, found, i, d))
}

/// "September 1 this year": when a finer date sits close to the nearest one and inside it,
/// the finer one is what the sentence gives the event.
fn finer_near(view: &View<'_>, found: &Found, nearest: usize, d: usize) -> usize {
    let Some(n) = view.timexes.get(nearest) else {
        return nearest;
    };
    let (Some(ne), Some(nl)) = (n.earliest, n.latest) else {
        return nearest;
    };
    view.timexes
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            *i != nearest
                && t.kind == TimexKind::Date
                && t.earliest.is_some_and(|e| e >= ne)
                && t.latest.is_some_and(|l| l <= nl)
                && (t.latest, t.earliest) != (Some(nl), Some(ne))
        })
        .filter(|(_, t)| {
            let far = if t.end <= found.start {
                clause_distance(view, t.end, found.start)
            } else {
                clause_distance(view, found.end, t.start)
            };
            far <= d + 6
        })
        .min_by_key(|(_, t)| t.latest.zip(t.earliest).map(|(l, e)| (l - e).num_days()))
        .map_or(nearest, |(i, _)| i)
}

/// Words between two offsets, each clause boundary ("," "and" "but" "when") counting as
/// [`CLAUSE_WORDS`] more: a date in the same clause as a trigger belongs to it before a date
/// in the next clause does.
fn clause_distance(view: &View<'_>, from: usize, to: usize) -> usize {
    view.clause
        .get_or_init(|| Prefix::new(&view.tokens, clause_weight))
        .between(&view.tokens, from, to)
}

/// What one token adds to [`clause_distance`].
fn clause_weight(t: &Token<'_>) -> usize {
    match t.lower.as_str() {
        "," | ";" | ":" | "and" | "but" | "when" | "while" | "after" | "before" | "(" | ")" => {
            CLAUSE_WORDS
        }
        _ if t.is_punct() => 0,
        _ => 1,
    }
}

/// What crossing a clause boundary costs, in words.
const CLAUSE_WORDS: usize = 6;

/// How a date fits a window: `Some(true)` inside, `Some(false)` outside, `None` unknown.
pub fn fits(t: &Timex, from: NaiveDate, until: NaiveDate) -> Option<bool> {
    if let (Some(e), Some(l)) = (t.earliest, t.latest) {
        let slack = chrono::Duration::days(WINDOW_SLACK_DAYS);
        return Some(e <= until + slack && from - slack <= l);
    }
    // Unresolved "XXXX-02-09" or "XXXX-02": compare month (and day) with the window.
    let parts: Vec<&str> = t.value.split('-').collect();
    let month: u32 = parts.get(1)?.parse().ok()?;
    let day: Option<u32> = parts.get(2).and_then(|d| d.parse().ok());
    let mut d = from;
    while d <= until {
        if d.month() == month && day.map_or(true, |x| x == d.day()) {
            return Some(true);
        }
        d = d.succ_opt()?;
        if (d - from).num_days() > 400 {
            return None;
        }
    }
    Some(false)
}

/// A sentence with the place and subject names found in it, found once per sentence: every
/// mention and every count of the sentence asks for them.
pub struct Scene<'a> {
    pub view: &'a View<'a>,
    /// (canonical name, place id, span), as [`places`] gives them.
    pub places: Vec<(String, String, Range<usize>)>,
    /// (subject id, span), as [`subjects`] gives them.
    pub subjects: Vec<(String, Range<usize>)>,
    /// The sentence's words, for skipping phrases at once.
    pub heads: Heads<'a>,
}

impl<'a> Scene<'a> {
    pub fn new(view: &'a View<'a>, catalog: &EventCatalog) -> Self {
        let heads = Heads::new(&view.tokens);
        Scene {
            view,
            places: places(view, &heads, catalog),
            subjects: subjects(&view.tokens, &heads, catalog),
            heads,
        }
    }
}

fn score(
    scene: &Scene<'_>,
    catalog: &EventCatalog,
    ctx: &Context,
    event: &Event,
    found: &Found,
    date: Option<usize>,
) -> Option<f32> {
    let view = scene.view;
    let kind = catalog.kind(&event.kind)?;
    let mut s: f32 = if found.own.contains(&event.id) {
        0.3
    } else {
        0.2
    };
    // Date against the window.
    let timex = date.and_then(|i| view.timexes.get(i));
    match (event.window, timex) {
        (Some(w), Some(t)) => match fits(t, w.from, w.until) {
            // A day inside the window says much more than a year that contains it.
            // A date about as precise as the window says much more than a year containing a
            // one-day window.
            Some(true) => {
                let window_days = (w.until - w.from).num_days() + 1 + 2 * WINDOW_SLACK_DAYS;
                s += match (t.earliest, t.latest) {
                    (Some(e), Some(l)) if (l - e).num_days() < 2 * window_days => 0.35,
                    (Some(e), Some(l)) if (l - e).num_days() < 31 => 0.25,
                    (Some(_), Some(_)) => 0.1,
                    _ => 0.25,
                }
            }
            Some(false) => return None,
            None => {}
        },
        (Some(w), None) => {
            if let Some(p) = view.published {
                if w.from > p {
                    return None;
                }
                if (p - w.until).num_days() <= RECENT_DAYS {
                    s += 0.15;
                }
            }
        }
        (None, Some(t)) => {
            // An event cannot be reported before it happened... nor dated after the report.
            if let (Some(e), Some(p)) = (t.earliest, view.published) {
                if e > p {
                    return None;
                }
            }
            s += 0.1;
        }
        (None, None) => {}
    }
    // Places.
    if !event.places.is_empty() {
        let own: Vec<&(String, String, Range<usize>)> = scene
            .places
            .iter()
            .filter(|(id, _, _)| event.places.contains(id))
            .collect();
        if let Some(best) = own
            .iter()
            .map(|(_, _, r)| words_apart(view, r, found))
            .min()
        {
            s += if best <= 12 { 0.3 } else { 0.15 };
        } else if let Some(other) = scene
            .places
            .iter()
            .map(|(_, _, r)| words_apart(view, r, found))
            .min()
        {
            s -= if other <= 12 { 0.3 } else { 0.1 };
        } else if undeclared_place(view, found, &[]).is_some() {
            // "at the Boston Marathon": somewhere the catalog does not know.
            s -= 0.2;
        }
    }
    // Subjects: events about a subject need the document to name it.
    if kind.needs_subject || !event.subjects.is_empty() {
        let in_sentence = scene
            .subjects
            .iter()
            .any(|(id, _)| event.subjects.contains(id));
        let in_doc = ctx
            .doc_subjects
            .iter()
            .any(|id| event.subjects.contains(id));
        if in_sentence {
            s += if kind.needs_subject { 0.2 } else { 0.05 };
        } else if in_doc {
            s += if kind.needs_subject { 0.1 } else { 0.0 };
        } else if kind.needs_subject {
            return None;
        }
    }
    // Actors: who did it tells apart the US and EU delistings.
    if !event.actors.is_empty() {
        let mine = scene
            .subjects
            .iter()
            .any(|(id, _)| event.actors.contains(id));
        let rival = catalog.events.iter().any(|other| {
            other.kind == event.kind
                && other.id != event.id
                && other.actors.iter().any(|a| {
                    !event.actors.contains(a) && scene.subjects.iter().any(|(id, _)| id == a)
                })
        });
        if mine {
            s += 0.2;
        } else if rival {
            s -= 0.3;
        }
    }
    // What the previous sentences were about.
    if let Some((_, _, ago)) = ctx.recent.iter().find(|(id, _, _)| *id == event.id) {
        s += if *ago <= 1 { 0.25 } else { 0.15 };
    }
    // Rounded so that sums of tenths compare exactly against MIN_SCORE.
    Some((s * 100.0).round() / 100.0)
}

fn words_apart(view: &View<'_>, r: &Range<usize>, found: &Found) -> usize {
    if r.end <= found.start {
        clause_distance(view, r.end, found.start)
    } else if found.end <= r.start {
        clause_distance(view, found.end, r.start)
    } else {
        0
    }
}

/// How many tokens before or after a trigger [`undeclared_place`] looks for a preposition:
/// a place must lie within 12 words, and without a bound a run-on sentence made the search
/// quadratic.
const PLACE_REACH_TOKENS: usize = 64;

/// A capitalized place after "in", "at" or "near" when no declared place is named: the slug
/// of undeclared stories' ad-hoc events ("in Riverton" gives `riverton`).
fn undeclared_place(view: &View<'_>, found: &Found, exclude: &[Range<usize>]) -> Option<String> {
    const NOT_PLACES: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "The",
        "A",
        "An",
        "This",
        "That",
        "Its",
        "His",
        "Her",
        "Their",
    ];
    let tokens = &view.tokens;
    let mut best: Option<(usize, String)> = None;
    // A place 12 words from the trigger at most: look only at prepositions within reach.
    let lo = first_at(tokens, found.start).saturating_sub(PLACE_REACH_TOKENS);
    let hi = first_at(tokens, found.end).saturating_add(PLACE_REACH_TOKENS);
    for (i, t) in tokens.iter().enumerate().take(hi).skip(lo) {
        if !matches!(
            t.lower.as_str(),
            "in" | "at" | "near" | "outside" | "of" | "through" | "across" | "into"
        ) {
            continue;
        }
        let mut words = Vec::new();
        let mut k = i + 1;
        if tokens.get(k).is_some_and(|w| w.lower == "the") {
            k += 1;
        }
        while let Some(w) = tokens.get(k) {
            let capital = w.is_word() && w.text.starts_with(char::is_uppercase);
            if !capital
                || NOT_PLACES.contains(&w.text)
                || exclude
                    .iter()
                    .any(|r| r.start <= w.start && w.start < r.end)
            {
                break;
            }
            words.push(w.text);
            k += 1;
        }
        if words.is_empty() {
            continue;
        }
        let span = t.start..tokens.get(k - 1).map_or(t.end, |w| w.end);
        let d = words_apart(view, &span, found);
        if d <= 12 && best.as_ref().map_or(true, |(b, _)| d < *b) {
            best = Some((d, words.join(" ")));
        }
    }
    best.map(|(_, name)| name)
}

/// Finds the event mentions of a sentence.
pub fn find(scene: &Scene<'_>, catalog: &EventCatalog, ctx: &Context) -> Vec<Mention> {
    let view = scene.view;
    let spans = view.date_spans();
    let heads = &scene.heads;
    let mut out = Vec::new();
    for kind in &catalog.kinds {
        let mut found = Vec::new();
        collect_triggers(view, heads, &kind.triggers, &spans, &mut found, None);
        for e in catalog.events.iter().filter(|e| e.kind == kind.id) {
            collect_triggers(view, heads, &e.triggers, &spans, &mut found, Some(&e.id));
        }
        for f in found {
            // A trigger inside a date expression or a place name is not a trigger.
            if spans.iter().any(|r| r.start <= f.start && f.end <= r.end)
                || scene
                    .places
                    .iter()
                    .any(|(_, _, r)| r.start <= f.start && f.end <= r.end)
            {
                continue;
            }
            if kind.needs_subject && !about_subject(scene, &f) {
                continue;
            }
            if let Some(m) = resolve_found(scene, catalog, ctx, &kind.id, &f, MIN_SCORE) {
                out.push(m);
            }
        }
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then(b.score.total_cmp(&a.score)));
    unshare_dates(view, &mut out);
    out
}

/// A date two mentions of different events both reached belongs to the nearer one ("rocket
/// fire before the September killings": September dates the killings).
fn unshare_dates(view: &View<'_>, mentions: &mut [Mention]) {
    let claims: Vec<(usize, usize, String, usize)> = mentions
        .iter()
        .enumerate()
        .filter_map(|(k, m)| {
            let t = view.timexes.get(m.date?)?;
            let d = if t.end <= m.start {
                clause_distance(view, t.end, m.start)
            } else {
                clause_distance(view, m.end, t.start)
            };
            Some((k, m.date?, m.event.clone(), d))
        })
        .collect();
    for (k, date, event, d) in &claims {
        let beaten = claims
            .iter()
            .any(|(k2, date2, event2, d2)| k2 != k && date2 == date && event2 != event && d2 < d);
        if beaten {
            if let Some(m) = mentions.get_mut(*k) {
                m.date = None;
            }
        }
    }
}

/// The mention a count cue makes when the sentence has no trigger of the count's kind ("An
/// earlier incident in 2009 cost the lives of 10"): the cue stands in for the trigger.
pub fn resolve(
    scene: &Scene<'_>,
    catalog: &EventCatalog,
    ctx: &Context,
    kind: &str,
    span: Range<usize>,
    min_score: f32,
) -> Option<Mention> {
    let f = Found {
        start: span.start,
        end: span.end,
        slot: None,
        own: Vec::new(),
    };
    resolve_found(scene, catalog, ctx, kind, &f, min_score)
}

/// Anaphors that stand for the document's subject ("The group was delisted").
const ANAPHORS: &[&str] = &[
    "group",
    "organization",
    "organisation",
    "movement",
    "it",
    "they",
];

/// Events about a subject (founding, delisting) need the subject, or an anaphor for it, close
/// before the trigger, and the trigger must not modify another name ("the Islamic Republic
/// established by ...").
fn about_subject(scene: &Scene<'_>, f: &Found) -> bool {
    let tokens = &scene.view.tokens;
    let i = first_at(tokens, f.start);
    if i >= tokens.len() {
        return false;
    }
    if let Some(prev) = i.checked_sub(1).and_then(|k| tokens.get(k)) {
        let in_subject = scene
            .subjects
            .iter()
            .any(|(_, r)| r.start <= prev.start && prev.end <= r.end);
        let next = tokens.get(i + 1).map(|t| t.lower.as_str());
        let passive = matches!(next, Some("by" | "in" | "at" | "on" | "during" | "after"));
        if i > 1
            && passive
            && prev.is_word()
            && prev.text.starts_with(char::is_uppercase)
            && !in_subject
        {
            return false;
        }
    }
    let near = |start: usize| scene.view.words_between(start, f.start) <= 15;
    scene.subjects.iter().any(|(_, r)| {
        r.end <= f.start && near(r.end)
            || (r.start >= f.end && scene.view.words_between(f.end, r.start) <= 3)
    }) || tokens
        .iter()
        .take(i)
        .any(|t| ANAPHORS.contains(&t.lower.as_str()) && near(t.end))
}

fn resolve_found(
    scene: &Scene<'_>,
    catalog: &EventCatalog,
    ctx: &Context,
    kind_id: &str,
    f: &Found,
    min_score: f32,
) -> Option<Mention> {
    let view = scene.view;
    let kind = catalog.kind(kind_id)?;
    let date = nearest_date(view, f, 25);
    let mut best: Option<(f32, &Event)> = None;
    for e in catalog.events.iter().filter(|e| e.kind == kind.id) {
        if let Some(s) = score(scene, catalog, ctx, e, f, date) {
            if best.map_or(true, |(b, _)| s > b) {
                best = Some((s, e));
            }
        }
    }
    if let Some((s, e)) = best.filter(|(s, _)| *s >= min_score) {
        return Some(Mention {
            kind: kind.id.clone(),
            event: e.id.clone(),
            declared: true,
            score: s.min(1.0),
            start: f.start,
            end: f.end,
            date,
            place: e
                .places
                .iter()
                .find(|id| scene.places.iter().any(|(p, _, _)| p == *id))
                .or(e.places.first())
                .and_then(|id| catalog.place(id))
                .map(|p| p.name.clone()),
            process: e.window.is_some_and(|w| (w.until - w.from).num_days() > 31),
        });
    }
    // Ad hoc: a date close to the trigger only, and a place near it.
    if kind.needs_subject && scene.subjects.is_empty() && ctx.doc_subjects.is_empty() {
        return None;
    }
    let date = nearest_date(view, f, 8);
    let nearest_place = scene
        .places
        .iter()
        .map(|(id, name, r)| (words_apart(view, r, f), id, name))
        .filter(|(d, _, _)| *d <= 12)
        .min_by_key(|(d, _, _)| *d)
        .map(|(_, id, name)| (id.clone(), name.clone()));
    let subject_spans: Vec<Range<usize>> = scene.subjects.iter().map(|(_, r)| r.clone()).collect();
    let (place_slug, place) = match nearest_place {
        Some((id, name)) => (id, Some(name)),
        None => match undeclared_place(view, f, &subject_spans) {
            Some(name) => (slug(&name), Some(name)),
            None => ("unknown".to_string(), None),
        },
    };
    Some(Mention {
        kind: kind.id.clone(),
        event: format!("adhoc:{}:{}", kind.id, place_slug),
        declared: false,
        score: if date.is_some() { 0.3 } else { 0.2 },
        start: f.start,
        end: f.end,
        date,
        place,
        process: false,
    })
}
