//! Claims of one sentence, and the walk over a document's posts.
//!
//! Takes a [`Document`] and the [`EventCatalog`]; for each post, normalizes its dates against
//! the post's own publication date, splits it into sentences and, sentence by sentence, finds
//! the event mentions, the date each mention gets, the counts and who the sentence attributes
//! them to; gives [`Claim`]s. A citation line (`[1] Author, Six killed in ..., the Times,
//! February 9, 2013`) is read as a claim of the cited outlet, dated by the citation.

use std::ops::Range;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::attribution;
use super::catalog::Heads;
use super::counts::{self, Count};
use super::mention::{self, Context, Mention, Scene, View};
use super::quantity;
use super::text::{first_at, slug, tokenize};
use super::{Attribute, Claim, EventCatalog, Value};
use crate::ingest::{self, Document, Post, Sentence};
use crate::temporal::{self, Granularity, Modifier, Timex, TimexKind};

/// How many sentences back an event stays "the one being talked about".
const CONTEXT_SENTENCES: usize = 2;

/// Where a sentence stands, copied into each of its claims.
struct Origin<'a> {
    doc: &'a Document,
    published: Option<NaiveDate>,
    line: usize,
    quote: &'a str,
}

/// An event recently talked about in the post.
#[derive(Debug, Clone)]
struct Recent {
    event: String,
    kind: String,
    place: Option<String>,
    as_of: Option<NaiveDate>,
    confidence: f32,
    ago: usize,
}

/// Extracts every claim a document makes.
pub fn extract(doc: &Document, catalog: &EventCatalog) -> Vec<Claim> {
    let doc_subjects = document_subjects(doc, catalog);
    let mut out = Vec::new();
    for post in &doc.posts {
        let published = post.published.or(doc.published).map(|p| p.date);
        let timexes = temporal::normalize(&post.text, published);
        let mut sentences = ingest::sentences(post);
        if sentences.is_empty() {
            sentences = split_sentences(post);
        }
        let mut recent: Vec<Recent> = Vec::new();
        for s in sentences {
            let Some(raw) = post.text.get(s.start..s.end) else {
                continue;
            };
            let lead = raw.len() - raw.trim_start().len();
            let quote = raw.trim();
            if quote.is_empty() {
                continue;
            }
            let start = s.start + lead;
            let end = start + quote.len();
            let local: Vec<Timex> = timexes
                .iter()
                .filter(|t| t.start >= start && t.end <= end)
                .map(|t| Timex {
                    start: t.start - start,
                    end: t.end - start,
                    ..t.clone()
                })
                .collect();
            let local = compose_year(quote, local);
            let origin = Origin {
                doc,
                published,
                line: s.line,
                quote,
            };
            let ctx = Context {
                recent: recent
                    .iter()
                    .map(|r| (r.event.clone(), r.kind.clone(), r.ago))
                    .collect(),
                doc_subjects: doc_subjects.clone(),
            };
            let (claims, mentions) = match citation(quote) {
                Some(c) => cited_claims(&origin, catalog, &ctx, &recent, c, local),
                None => sentence_claims(&origin, catalog, &ctx, &recent, local, None),
            };
            out.extend(claims);
            for r in &mut recent {
                r.ago += 1;
            }
            recent.retain(|r| r.ago <= CONTEXT_SENTENCES);
            for m in mentions
                .iter()
                .filter(|m| m.declared || m.date.is_some() || m.place.is_some())
            {
                // What an earlier sentence said about the event's date still holds.
                let as_of = recent
                    .iter()
                    .find(|r| r.event == m.event)
                    .and_then(|r| r.as_of);
                recent.retain(|r| r.event != m.event);
                recent.push(Recent {
                    event: m.event.clone(),
                    kind: m.kind.clone(),
                    place: m.place.clone(),
                    as_of,
                    confidence: m.score,
                    ago: 0,
                });
            }
            // The date this sentence gave an event dates what the next sentences say of it.
            for c in out
                .iter()
                .rev()
                .take_while(|c| c.line == s.line)
                .filter(|c| c.attribute == Attribute::Date)
            {
                if let Some(r) = recent.iter_mut().find(|r| r.event == c.event && r.ago == 0) {
                    r.as_of = c.as_of;
                }
            }
        }
    }
    out
}

/// Subjects the document names, most named first: the fallback when a sentence says "the group".
fn document_subjects(doc: &Document, catalog: &EventCatalog) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for post in &doc.posts {
        let view = View::new(&post.text, tokenize(&post.text), Vec::new(), None);
        let heads = Heads::new(&view.tokens);
        let mut named: Vec<String> = mention::subjects(&view.tokens, &heads, catalog)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        // A page about Camp Ashraf is about the people of the events declared there, even
        // when it only says "the group".
        for (place, _, _) in mention::places(&view, &heads, catalog) {
            for e in catalog.events.iter().filter(|e| e.places.contains(&place)) {
                named.extend(e.subjects.iter().cloned());
            }
        }
        for id in named {
            match counts.iter_mut().find(|(s, _)| *s == id) {
                Some((_, n)) => *n += 1,
                None => counts.push((id, 1)),
            }
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts.into_iter().map(|(id, _)| id).collect()
}

fn modifier_text(m: Modifier) -> &'static str {
    match m {
        Modifier::Approx => "approx",
        Modifier::Start => "start",
        Modifier::Mid => "mid",
        Modifier::End => "end",
        Modifier::Before => "before",
        Modifier::After => "after",
        Modifier::OnOrBefore => "on or before",
        Modifier::OnOrAfter => "on or after",
        Modifier::LessThan => "less than",
        Modifier::MoreThan => "more than",
        Modifier::EqualOrLess => "equal or less",
        Modifier::EqualOrMore => "equal or more",
    }
}

/// "April 16 last year", "September 1 this year": a day or month whose year came from the
/// anchor, directly followed by an expression that names the year, is that day in that year.
/// (The normalizer may return the two halves separately; the claim needs them together.)
fn compose_year(text: &str, timexes: Vec<Timex>) -> Vec<Timex> {
    let mut out: Vec<Timex> = Vec::with_capacity(timexes.len());
    for t in timexes {
        let joined = out.last().and_then(|a| {
            let gap = text.get(a.end..t.start)?;
            if !gap.trim_matches([' ', ',']).is_empty()
                || !a.relative
                || !matches!(a.granularity, Some(Granularity::Day | Granularity::Month))
                || t.granularity != Some(Granularity::Year)
            {
                return None;
            }
            let year = t.earliest?.year();
            let first = a.earliest?;
            let (earliest, latest, value) = if a.granularity == Some(Granularity::Day) {
                let d = NaiveDate::from_ymd_opt(year, first.month(), first.day())?;
                (d, d, d.format("%Y-%m-%d").to_string())
            } else {
                let d = NaiveDate::from_ymd_opt(year, first.month(), 1)?;
                let next = d.checked_add_months(chrono::Months::new(1))?;
                (d, next.pred_opt()?, d.format("%Y-%m").to_string())
            };
            Some(Timex {
                start: a.start,
                end: t.end,
                text: text.get(a.start..t.end)?.to_string(),
                value,
                earliest: Some(earliest),
                latest: Some(latest),
                ..a.clone()
            })
        });
        match joined {
            Some(j) => {
                out.pop();
                out.push(j);
            }
            None => out.push(t),
        }
    }
    out
}

/// The value of a resolved date expression. An approximate one ("nearly a year ago" in an
/// article of 2013-09-20: value 2012, mod APPROX) is claimed at its nominal value: the sentence
/// asserts 2012, and the modifier stays to say it is approximate. The normalizer's band around
/// it (2011-10..2013-04) would make it agree with any neighbouring year.
fn date_value(t: &Timex) -> Option<Value> {
    let (earliest, latest) = match t.modifier {
        Some(Modifier::Approx) => nominal_interval(&t.value).unwrap_or((t.earliest?, t.latest?)),
        _ => (t.earliest?, t.latest?),
    };
    Some(Value::Date {
        value: t.value.clone(),
        earliest,
        latest,
        granularity: t.granularity?,
        modifier: t.modifier,
    })
}

/// The interval a plain TIMEX3 calendar value names: `2012`, `2012-09`, `2012-09-21`.
fn nominal_interval(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = value.split('-').collect();
    let year: i32 = parts.first().filter(|y| y.len() == 4)?.parse().ok()?;
    match parts.as_slice() {
        [_] => Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        )),
        [_, m] => {
            let first = NaiveDate::from_ymd_opt(year, m.parse().ok()?, 1)?;
            let last = first
                .checked_add_months(chrono::Months::new(1))?
                .pred_opt()?;
            Some((first, last))
        }
        [_, m, d] => {
            let day = NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)?;
            Some((day, day))
        }
        _ => None,
    }
}

#[allow(clippy::too_many_arguments)]
/// The longest quote a claim carries, in bytes. A longer sentence (a page whose sentences the
/// segmenter could not find, a run-on list) is quoted as a window around the claim, cut at
/// spaces and marked with "…": the quote stays readable and a claim's size stays bounded
/// whatever the sentence's.
pub const MAX_QUOTE: usize = 600;

/// `sentence`, or when it is longer than [`MAX_QUOTE`] the part of it around bytes `at`.
pub fn excerpt(sentence: &str, at: Range<usize>) -> String {
    if sentence.len() <= MAX_QUOTE {
        return sentence.to_string();
    }
    // `str::floor_char_boundary` and `ceil_char_boundary`, newer than the crate's MSRV.
    let floor = |i: usize| {
        let mut i = i.min(sentence.len());
        while !sentence.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let ceil = |i: usize| {
        let mut i = i.min(sentence.len());
        while !sentence.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    let start = floor(at.start);
    let at = start..ceil(at.end.max(start));
    let room = MAX_QUOTE.saturating_sub(at.len()) / 2;
    let mut lo = floor(at.start.saturating_sub(room));
    let mut hi = ceil(at.end + room);
    // Whole words only: forward to the first space after a cut start, back from a cut end.
    if lo > 0 {
        if let Some((sp, ch)) = sentence[lo..at.start]
            .char_indices()
            .find(|(_, ch)| ch.is_whitespace())
        {
            lo += sp + ch.len_utf8();
        }
    }
    if hi < sentence.len() {
        if let Some(sp) = sentence[at.end..hi].rfind(char::is_whitespace) {
            hi = at.end + sp;
        }
    }
    let mut out = String::with_capacity(hi - lo + 8);
    if lo > 0 {
        out.push_str("… ");
    }
    out.push_str(sentence[lo..hi].trim());
    if hi < sentence.len() {
        out.push_str(" …");
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn claim(
    origin: &Origin<'_>,
    event: &str,
    kind: &str,
    attribute: Attribute,
    value: Value,
    text: &str,
    at: Range<usize>,
    qualifier: Option<String>,
    place: Option<String>,
    as_of: Option<NaiveDate>,
    confidence: f32,
) -> Claim {
    Claim {
        event: event.to_string(),
        kind: kind.to_string(),
        attribute,
        value,
        text: text.to_string(),
        qualifier,
        place,
        as_of,
        quote: excerpt(origin.quote, at),
        doc: origin.doc.id.clone(),
        source: origin.doc.source.clone(),
        url: origin.doc.url.clone(),
        published: origin.published,
        line: origin.line,
        attribution: None,
        via: None,
        confidence: (confidence * 100.0).round() / 100.0,
    }
}

/// The kinds whose events have this outcome (rules/events.toml: `[[kind]] counts`), in
/// declaration order.
fn outcome_kinds(catalog: &EventCatalog, a: Attribute) -> Vec<&str> {
    catalog
        .kinds
        .iter()
        .filter(|k| k.counts.contains(&a))
        .map(|k| k.id.as_str())
        .collect()
}

fn sentence_claims(
    origin: &Origin<'_>,
    catalog: &EventCatalog,
    ctx: &Context,
    recent: &[Recent],
    timexes: Vec<Timex>,
    cited: Option<NaiveDate>,
) -> (Vec<Claim>, Vec<Mention>) {
    let view = View::new(
        origin.quote,
        tokenize(origin.quote),
        timexes,
        cited.or(origin.published),
    );
    let scene = Scene::new(&view, catalog);
    let mentions = mention::find(&scene, catalog, ctx);
    let mut out: Vec<Claim> = Vec::new();
    let mention_date = |m: &Mention| -> Option<&Timex> { m.date.and_then(|i| view.timexes.get(i)) };
    // Dates the sentence gives its events.
    for m in &mentions {
        let Some(t) = mention_date(m) else { continue };
        if m.process || cited.is_some() {
            continue;
        }
        let Some(value) = date_value(t) else { continue };
        if out.iter().any(|c| c.event == m.event && c.value == value) {
            continue;
        }
        out.push(claim(
            origin,
            &m.event,
            &m.kind,
            Attribute::Date,
            value,
            &t.text,
            t.start..t.end,
            t.modifier.map(|x| modifier_text(x).to_string()),
            m.place.clone(),
            t.earliest,
            m.score,
        ));
    }
    // Counts.
    let spans: Vec<(usize, usize)> = view.timexes.iter().map(|t| (t.start, t.end)).collect();
    let quantities = quantity::find_in(origin.quote, &view.tokens, &spans);
    let found = counts::find(origin.quote, &view.tokens, &scene.heads, &quantities);
    let places = &scene.places;
    for c in &found {
        let q = &c.quantity;
        let value = Value::Count {
            low: q.low,
            high: q.high,
            best: q.best,
        };
        let kinds = outcome_kinds(catalog, c.attribute);
        if !kinds.is_empty() {
            let Some((event, kind, place, as_of, confidence)) =
                outcome_event(&scene, catalog, ctx, &mentions, recent, c, &kinds, cited)
            else {
                continue;
            };
            out.push(claim(
                origin,
                &event,
                &kind,
                c.attribute,
                value,
                &q.text,
                q.start..q.end,
                q.qualifier.clone(),
                place,
                as_of,
                confidence,
            ));
        } else if matches!(c.attribute, Attribute::Residents | Attribute::Members) {
            let as_of = nearest_dated(&view, c.cue_start..c.cue_end)
                .and_then(|t| t.earliest)
                .or(view.published);
            let (event, place) = if c.lives_somewhere {
                let place = places
                    .iter()
                    .min_by_key(|(_, _, r)| distance(&view, r, c.quantity.start..c.quantity.end))
                    .map(|(_, name, _)| name.clone())
                    .or_else(|| capitalized_after_preposition(&view, c.quantity.end))
                    .or_else(|| {
                        recent
                            .iter()
                            .filter(|r| r.place.is_some())
                            .min_by_key(|r| r.ago)
                            .and_then(|r| r.place.clone())
                    });
                let slug_ = place
                    .as_deref()
                    .map(slug)
                    .unwrap_or_else(|| "unknown".into());
                (format!("{slug_}-residents"), place)
            } else {
                let subject = scene
                    .subjects
                    .first()
                    .map(|(id, _)| id.clone())
                    .or_else(|| ctx.doc_subjects.first().cloned())
                    .unwrap_or_else(|| "unknown".into());
                (format!("{subject}-members"), None)
            };
            out.push(claim(
                origin,
                &event,
                "population",
                c.attribute,
                value,
                &q.text,
                q.start..q.end,
                q.qualifier.clone(),
                place,
                as_of,
                0.5,
            ));
        }
    }
    if let Some(a) = attribution::find_in(&view.tokens) {
        for c in &mut out {
            c.attribution = Some(a.source.clone());
            c.via = a.via.clone();
        }
    }
    (out, mentions)
}

fn distance(view: &View<'_>, a: &Range<usize>, b: Range<usize>) -> usize {
    if a.end <= b.start {
        view.words_between(a.end, b.start)
    } else if b.end <= a.start {
        view.words_between(b.end, a.start)
    } else {
        0
    }
}

fn nearest_dated<'v>(view: &'v View<'_>, near: Range<usize>) -> Option<&'v Timex> {
    view.timexes
        .iter()
        .filter(|t| matches!(t.kind, TimexKind::Date | TimexKind::Time) && t.earliest.is_some())
        .min_by_key(|t| distance(view, &(t.start..t.end), near.clone()))
}

/// "in Riverton" right after a figure: where an undeclared population lives.
fn capitalized_after_preposition(view: &View<'_>, from: usize) -> Option<String> {
    let tokens = &view.tokens;
    let i = first_at(tokens, from);
    let window = tokens.get(i..(i + 8).min(tokens.len()))?;
    let p = window
        .iter()
        .position(|t| matches!(t.lower.as_str(), "in" | "at" | "inside"))?;
    let words: Vec<&str> = window
        .iter()
        .skip(p + 1)
        .take_while(|t| t.is_word() && t.text.starts_with(char::is_uppercase))
        .map(|t| t.text)
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Where a count goes: event id, kind, place, as-of date, confidence.
type Binding = (String, String, Option<String>, Option<NaiveDate>, f32);

/// The event an outcome count belongs to: the nearest declared mention of its kind in the
/// sentence; else a dated or placed ad-hoc mention in the sentence; else the declared event the
/// cue itself points at by the sentence's own date ("An earlier incident in 2009 cost the lives
/// of 10"); else the event the previous sentences were about; else an ad-hoc event, when it has
/// a date or a place to be told apart by.
#[allow(clippy::too_many_arguments)]
fn outcome_event(
    scene: &Scene<'_>,
    catalog: &EventCatalog,
    ctx: &Context,
    mentions: &[Mention],
    recent: &[Recent],
    c: &Count,
    kinds: &[&str],
    cited: Option<NaiveDate>,
) -> Option<Binding> {
    let view = scene.view;
    let cue = c.cue_start..c.cue_end;
    let date_of = |m: &Mention| {
        m.date
            .and_then(|i| view.timexes.get(i))
            .and_then(|t| t.earliest)
            .or(cited)
    };
    let nearest = |declared: bool| {
        mentions
            .iter()
            .filter(|m| kinds.contains(&m.kind.as_str()) && m.declared == declared)
            .min_by_key(|m| distance(view, &(m.start..m.end), cue.clone()))
    };
    let pick = |m: &Mention| {
        // Another mention of the same event in the sentence may carry its date.
        let earlier = mentions
            .iter()
            .filter(|o| o.event == m.event)
            .find_map(date_of)
            .or_else(|| {
                recent
                    .iter()
                    .find(|r| r.event == m.event)
                    .and_then(|r| r.as_of)
            })
            .or_else(|| {
                // A date of the sentence that falls in the event's window.
                let w = catalog.event(&m.event)?.window?;
                view.timexes
                    .iter()
                    .filter(|t| mention::fits(t, w.from, w.until) == Some(true))
                    .find_map(|t| t.earliest)
            });
        let as_of = if m.process {
            // A stage of a process is dated by a date next to its figure, if any.
            nearest_dated(view, cue.clone())
                .filter(|t| distance(view, &(t.start..t.end), cue.clone()) <= 10)
                .and_then(|t| t.earliest)
        } else {
            date_of(m).or(earlier)
        };
        Some((
            m.event.clone(),
            m.kind.clone(),
            m.place.clone(),
            as_of.or(view.published),
            m.score,
        ))
    };
    if let Some(m) = nearest(true) {
        return pick(m);
    }
    let adhoc = nearest(false);
    if let Some(m) = adhoc.filter(|m| m.date.is_some() || m.place.is_some()) {
        return pick(m);
    }
    // A dated cue is evidence enough for a lower bar: its date already had to fit the window.
    let standin = mention::resolve(
        scene,
        catalog,
        ctx,
        kinds.first()?,
        cue.clone(),
        mention::MIN_SCORE - 0.15,
    );
    if let Some(m) = standin.as_ref().filter(|m| m.declared && m.date.is_some()) {
        return pick(m);
    }
    if let Some(r) = recent
        .iter()
        .filter(|r| kinds.contains(&r.kind.as_str()))
        .min_by_key(|r| r.ago)
    {
        let conf = (r.confidence - 0.1 * r.ago as f32).max(0.3);
        return Some((
            r.event.clone(),
            r.kind.clone(),
            r.place.clone(),
            r.as_of.or(view.published),
            conf,
        ));
    }
    // An ad-hoc event with neither a date nor a place cannot be told apart from any other:
    // a figure bound to it would only add noise.
    adhoc
        .or(standin.as_ref())
        .filter(|m| m.declared || m.date.is_some() || m.place.is_some())
        .and_then(pick)
}

/// A bibliography line: `[1] Author, Title, Outlet, February 9, 2013`.
struct Citation {
    outlet: Option<String>,
    date: NaiveDate,
    date_span: Range<usize>,
}

fn citation_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})\b",
        )
        .unwrap_or_else(|e| unreachable!("citation pattern is valid: {e}"))
    })
}

fn citation(line: &str) -> Option<Citation> {
    let rest = line.strip_prefix('[')?;
    let close = rest.find(']')?;
    if close == 0 || !rest.get(..close)?.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let body_start = close + 2;
    let caps = citation_regex().captures_iter(line).last()?;
    let whole = caps.get(0)?;
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month = MONTHS.iter().position(|m| {
        caps.get(1)
            .is_some_and(|c| c.as_str().eq_ignore_ascii_case(m))
    })?;
    let day: u32 = caps.get(2)?.as_str().parse().ok()?;
    let year: i32 = caps.get(3)?.as_str().parse().ok()?;
    let date = NaiveDate::from_ymd_opt(year, month as u32 + 1, day)?;
    let fields: Vec<&str> = line
        .get(body_start..whole.start())?
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    let short = |f: &&&str| f.split_whitespace().count() <= 5;
    let outlet = fields
        .last()
        .filter(short)
        .or_else(|| fields.first().filter(short))
        .map(|f| attribution::normalize(f));
    Some(Citation {
        outlet,
        date,
        date_span: whole.start()..whole.end(),
    })
}

fn cited_claims(
    origin: &Origin<'_>,
    catalog: &EventCatalog,
    ctx: &Context,
    recent: &[Recent],
    c: Citation,
    mut timexes: Vec<Timex>,
) -> (Vec<Claim>, Vec<Mention>) {
    timexes.retain(|t| t.end <= c.date_span.start || t.start >= c.date_span.end);
    timexes.push(Timex {
        start: c.date_span.start,
        end: c.date_span.end,
        text: origin
            .quote
            .get(c.date_span.clone())
            .unwrap_or_default()
            .to_string(),
        value: c.date.format("%Y-%m-%d").to_string(),
        kind: TimexKind::Date,
        earliest: Some(c.date),
        latest: Some(c.date),
        granularity: Some(Granularity::Day),
        modifier: None,
        relative: false,
        rule: "citation-date".to_string(),
        anchor_index: None,
    });
    timexes.sort_by_key(|t| t.start);
    let (mut claims, mentions) =
        sentence_claims(origin, catalog, ctx, recent, timexes, Some(c.date));
    for claim in &mut claims {
        claim.attribution = c.outlet.clone();
        claim.via = None;
        claim.as_of = Some(c.date);
    }
    (claims, mentions)
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "prof",
    "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "inc", "corp", "co", "jr", "sr", "dept",
];

/// Splits a post into sentences when ingest gives none: at line breaks, and after ".", "!" or
/// "?" followed by a space and a capital, except after abbreviations ("Dr.") and initials
/// ("U.N.").
pub fn split_sentences(post: &Post) -> Vec<Sentence> {
    let text = post.text.as_str();
    let mut out = Vec::new();
    let mut line = post.first_line;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']);
        let mut start = 0;
        let bytes: Vec<(usize, char)> = content.char_indices().collect();
        for (k, &(_, c)) in bytes.iter().enumerate() {
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            // A closing quote or bracket right after the mark stays with the sentence.
            let mut k = k;
            while bytes
                .get(k + 1)
                .is_some_and(|x| matches!(x.1, '"' | '”' | '’' | '\'' | ')' | ']'))
            {
                k += 1;
            }
            let Some(&(i, c)) = bytes.get(k) else {
                continue;
            };
            let next = bytes.get(k + 1).map(|x| x.1);
            let after = bytes
                .get(k + 1..)
                .unwrap_or_default()
                .iter()
                .map(|x| x.1)
                .find(|ch| !ch.is_whitespace());
            let opens = after
                .is_some_and(|a| a.is_uppercase() || a == '"' || a == '“' || a.is_ascii_digit());
            if !next.is_some_and(char::is_whitespace) || !opens {
                continue;
            }
            if c == '.' {
                let word: String = content
                    .get(..i)
                    .unwrap_or_default()
                    .chars()
                    .rev()
                    .take_while(|ch| ch.is_alphabetic())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if initial || ABBREVIATIONS.contains(&word.to_lowercase().as_str()) {
                    continue;
                }
            }
            let end = i + c.len_utf8();
            if content
                .get(start..end)
                .is_some_and(|s| !s.trim().is_empty())
            {
                out.push(Sentence {
                    start: offset + start,
                    end: offset + end,
                    line,
                });
            }
            start = end;
        }
        if content.get(start..).is_some_and(|s| !s.trim().is_empty()) {
            out.push(Sentence {
                start: offset + start,
                end: offset + content.len(),
                line,
            });
        }
        offset += raw.len();
        line += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(text: &str) -> Post {
        Post {
            published: None,
            title: None,
            text: text.into(),
            first_line: 3,
        }
    }

    #[test]
    fn fallback_splits_at_periods_and_lines_but_not_initials() {
        let p = post("The U.N. said so. Then it rained.\nDr. Who left.");
        let s: Vec<(&str, usize)> = split_sentences(&p)
            .iter()
            .map(|s| (&p.text[s.start..s.end], s.line))
            .collect();
        assert_eq!(
            s,
            [
                ("The U.N. said so.", 3),
                (" Then it rained.", 3),
                ("Dr. Who left.", 4)
            ]
        );
    }

    #[test]
    fn approximate_dates_are_claimed_at_their_nominal_value() {
        assert_eq!(
            nominal_interval("2012"),
            NaiveDate::from_ymd_opt(2012, 1, 1).zip(NaiveDate::from_ymd_opt(2012, 12, 31))
        );
        assert_eq!(
            nominal_interval("2012-02"),
            NaiveDate::from_ymd_opt(2012, 2, 1).zip(NaiveDate::from_ymd_opt(2012, 2, 29))
        );
        assert_eq!(nominal_interval("197"), None);
        assert_eq!(nominal_interval("XXXX-09"), None);
    }

    #[test]
    fn citation_lines_give_outlet_and_date() {
        let c =
            citation("[3] Doe, Jane, Four hurt in blast at depot, the Metro Gazette,March4,2019")
                .unwrap_or_else(|| panic!("citation"));
        assert_eq!(c.outlet.as_deref(), Some("Metro Gazette"));
        assert_eq!(
            c.date,
            NaiveDate::from_ymd_opt(2019, 3, 4).unwrap_or_default()
        );
        let c = citation("[2] Wire, Depot reopens after the blast of last week, Marhc 9, 2019")
            .unwrap_or_else(|| panic!("citation"));
        assert_eq!(c.outlet.as_deref(), Some("Wire"));
        assert!(citation("[a] not a citation, March 4, 2019").is_none());
        assert!(citation("Plain text, March 4, 2019").is_none());
    }
}
