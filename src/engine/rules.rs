//! The rules schema: rules/*.toml as typed data.
//!
//! Takes rules files (path and text) and the declared events; gives a [`RuleSet`]: every
//! [`Rule`] with its kind, severity and parameters, and where it was defined. Every error names
//! the file, line and column from the TOML parser's own spans (never by searching the text
//! afterwards) and the key at fault: an unknown key, a wrong type, an unknown attribute or kind
//! (listing the valid ones), a duplicate id, a parameter the kind does not use.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::Severity;
use crate::claims::{Attribute, EventCatalog};
use crate::error::{Error, Location, Result};

/// What a rule checks. Kinds are code (src/engine/kinds/, one file each); rules are data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// Values of one attribute of one event must overlap as intervals across sources.
    Agree,
    /// Declared orderings between events, and no event dated after the document reporting it.
    Order,
    /// An event's claimed date must fall in its declared window.
    Window,
    /// One document must not contradict itself.
    Internal,
    /// A figure only one source gives is reported as "single source".
    Corroboration,
}

impl RuleKind {
    pub const ALL: [RuleKind; 5] = [
        RuleKind::Agree,
        RuleKind::Order,
        RuleKind::Window,
        RuleKind::Internal,
        RuleKind::Corroboration,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RuleKind::Agree => "agree",
            RuleKind::Order => "order",
            RuleKind::Window => "window",
            RuleKind::Internal => "internal",
            RuleKind::Corroboration => "corroboration",
        }
    }
}

/// Which events a rule looks at: exact ids, or prefixes ending in `*` (`adhoc:attack:*`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EventFilter {
    patterns: Vec<String>,
}

impl EventFilter {
    /// True when no filter was given or one pattern matches.
    pub fn matches(&self, event: &str) -> bool {
        self.patterns.is_empty()
            || self.patterns.iter().any(|p| match p.strip_suffix('*') {
                Some(prefix) => event.starts_with(prefix),
                None => p == event,
            })
    }
}

/// One loaded rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Stable kebab-case id, part of every finding's fingerprint.
    pub id: String,
    pub severity: Severity,
    pub kind: RuleKind,
    /// Attributes the rule compares. Empty means every attribute the kind can compare.
    pub attributes: Vec<Attribute>,
    pub events: EventFilter,
    /// Relative tolerance on counts: 0.1 lets 100 and 109 agree.
    pub tolerance: f64,
    /// A higher count published up to this many days after a lower one is growth, not a
    /// contradiction. `None`: every difference is one.
    pub allow_growth_days: Option<i64>,
    /// Sides (or, for corroboration, witnesses) are told apart by attribution rather than by
    /// outlet: an outlet repeating the U.N.'s figure is not a second witness.
    pub require_distinct_attribution: bool,
    /// State attributes (members, residents) compare only claims whose `as_of` dates are at
    /// most this many days apart.
    pub same_time_days: i64,
    /// `order`: pairs of event ids, the first must happen before the second.
    pub pairs: Vec<(String, String)>,
    /// `order`: a claimed date must not be after the publication of the document claiming it.
    pub before_published: bool,
    /// `window`: windows given by the rule itself, by event id (added to the declared ones).
    pub windows: BTreeMap<String, (NaiveDate, NaiveDate)>,
    /// Message template: `{source_a}`, `{value_a}`, `{attribution_a}`, the same for `_b`,
    /// `{event}`, `{attribute}`, `{rule}`, `{sides}`.
    pub message: String,
    /// Why the rule exists, shown by `factline explain`.
    pub description: Option<String>,
    /// Where the rule was defined.
    pub location: Location,
}

/// The loaded rules, in file then definition order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    rule: Vec<Spanned<RawRule>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    severity: Severity,
    kind: Spanned<RuleKind>,
    #[serde(default)]
    attributes: Vec<Attribute>,
    #[serde(default)]
    events: Option<Spanned<Vec<String>>>,
    tolerance: Option<Spanned<f64>>,
    allow_growth_days: Option<Spanned<i64>>,
    #[serde(default)]
    require_distinct_attribution: bool,
    same_time_days: Option<Spanned<i64>>,
    pairs: Option<Spanned<Vec<[String; 2]>>>,
    before_published: Option<Spanned<bool>>,
    windows: Option<Spanned<BTreeMap<String, [NaiveDateString; 2]>>>,
    message: Spanned<String>,
    description: Option<String>,
}

/// A `YYYY-MM-DD` string in a rules file.
#[derive(Debug, Clone)]
struct NaiveDateString(String);

impl<'de> Deserialize<'de> for NaiveDateString {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map_err(|_| serde::de::Error::custom(format!("`{s}` is not a date (YYYY-MM-DD)")))?;
        Ok(NaiveDateString(s))
    }
}

impl NaiveDateString {
    fn date(&self) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(&self.0, "%Y-%m-%d").ok()
    }
}

/// The keys only some kinds use, with the kinds that use them.
const KIND_KEYS: &[(&str, &[RuleKind])] = &[
    (
        "tolerance",
        &[RuleKind::Agree, RuleKind::Internal, RuleKind::Corroboration],
    ),
    ("allow_growth_days", &[RuleKind::Agree]),
    ("same_time_days", &[RuleKind::Agree, RuleKind::Internal]),
    ("pairs", &[RuleKind::Order]),
    ("before_published", &[RuleKind::Order]),
    ("windows", &[RuleKind::Window]),
];

impl RuleSet {
    /// Parses rules files (path, text). Events are given so rules naming an unknown declared
    /// event fail. Ids must be unique across all files.
    pub fn parse(files: &[(PathBuf, String)], events: &EventCatalog) -> Result<RuleSet> {
        let declared = super::declared_events(events);
        let known: Vec<String> = declared.iter().map(|e| e.id.clone()).collect();
        let mut rules: Vec<Rule> = Vec::new();
        let mut seen: HashMap<String, Location> = HashMap::new();
        for (path, text) in files {
            let raw: RawFile = toml::from_str(text).map_err(|e| {
                let (location, message) = describe_toml_error(path, text, &e);
                Error::rules(location, message)
            })?;
            for spanned in raw.rule {
                let mut rule = build_rule(path, text, spanned.into_inner(), &known)?;
                if rule.kind == RuleKind::Window {
                    for e in &declared {
                        if let Some(w) = e.window {
                            rule.windows.entry(e.id.clone()).or_insert(w);
                        }
                    }
                }
                if let Some(first) = seen.get(&rule.id) {
                    return Err(Error::rules(
                        rule.location.clone(),
                        format!(
                            "key `id`: duplicate rule id `{}` (first defined at {first})",
                            rule.id
                        ),
                    ));
                }
                seen.insert(rule.id.clone(), rule.location.clone());
                rules.push(rule);
            }
        }
        Ok(RuleSet { rules })
    }

    /// The rule with this id.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Only the rules defined in `path` (for running one file's examples).
    pub fn from_file(&self, path: &Path) -> RuleSet {
        RuleSet {
            rules: self
                .rules
                .iter()
                .filter(|r| r.location.path == path)
                .cloned()
                .collect(),
        }
    }
}

fn build_rule(path: &Path, text: &str, raw: RawRule, known: &[String]) -> Result<Rule> {
    let kind = *raw.kind.get_ref();
    let at = |span: Range<usize>| location_at(path, text, span.start);
    let id_location = at(raw.id.span());
    let id = raw.id.into_inner();
    if !is_kebab(&id) {
        return Err(Error::rules(
            id_location,
            format!("key `id`: `{id}` is not a kebab-case id (a-z, 0-9 and `-`)"),
        ));
    }
    let used: [(&str, Option<Range<usize>>); 6] = [
        ("tolerance", raw.tolerance.as_ref().map(Spanned::span)),
        (
            "allow_growth_days",
            raw.allow_growth_days.as_ref().map(Spanned::span),
        ),
        (
            "same_time_days",
            raw.same_time_days.as_ref().map(Spanned::span),
        ),
        ("pairs", raw.pairs.as_ref().map(Spanned::span)),
        (
            "before_published",
            raw.before_published.as_ref().map(Spanned::span),
        ),
        ("windows", raw.windows.as_ref().map(Spanned::span)),
    ];
    for (key, span) in used {
        let Some(span) = span else { continue };
        let kinds = KIND_KEYS
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, kinds)| *kinds)
            .unwrap_or(&[]);
        if !kinds.contains(&kind) {
            let names: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
            return Err(Error::rules(
                at(span),
                format!(
                    "key `{key}` is not used by kind `{}` (only by {})",
                    kind.name(),
                    names.join(", ")
                ),
            ));
        }
    }
    let tolerance = match raw.tolerance {
        Some(t) if !(0.0..=1.0).contains(t.get_ref()) => {
            return Err(Error::rules(
                at(t.span()),
                "key `tolerance`: must be between 0 and 1 (a relative tolerance)",
            ))
        }
        Some(t) => t.into_inner(),
        None => 0.0,
    };
    let allow_growth_days = match raw.allow_growth_days {
        Some(d) if *d.get_ref() < 0 => {
            return Err(Error::rules(
                at(d.span()),
                "key `allow_growth_days`: must be >= 0",
            ))
        }
        Some(d) => Some(d.into_inner()),
        None => None,
    };
    let same_time_days = match raw.same_time_days {
        Some(d) if *d.get_ref() < 0 => {
            return Err(Error::rules(
                at(d.span()),
                "key `same_time_days`: must be >= 0",
            ))
        }
        Some(d) => d.into_inner(),
        None => 31,
    };
    let check_event = |event: &str, key: &str, span: Range<usize>| -> Result<()> {
        let declared =
            event.starts_with("adhoc:") || known.is_empty() || known.iter().any(|k| k == event);
        if declared || event.ends_with('*') {
            Ok(())
        } else {
            Err(Error::rules(
                at(span),
                format!("key `{key}`: unknown event `{event}` (not declared in events.toml)"),
            ))
        }
    };
    let mut events = EventFilter::default();
    if let Some(list) = raw.events {
        let span = list.span();
        for e in list.get_ref() {
            check_event(e, "events", span.clone())?;
        }
        events.patterns = list.into_inner();
    }
    let mut pairs = Vec::new();
    if let Some(list) = raw.pairs {
        let span = list.span();
        for [a, b] in list.into_inner() {
            check_event(&a, "pairs", span.clone())?;
            check_event(&b, "pairs", span.clone())?;
            pairs.push((a, b));
        }
    }
    let before_published = raw.before_published.as_ref().is_some_and(|b| *b.get_ref());
    if kind == RuleKind::Order && pairs.is_empty() && !before_published {
        return Err(Error::rules(
            at(raw.kind.span()),
            "key `kind`: an `order` rule needs `pairs` or `before_published = true`",
        ));
    }
    let mut windows = BTreeMap::new();
    if let Some(table) = raw.windows {
        let span = table.span();
        for (event, [start, end]) in table.into_inner() {
            check_event(&event, "windows", span.clone())?;
            let (Some(s), Some(e)) = (start.date(), end.date()) else {
                continue;
            };
            if s > e {
                return Err(Error::rules(
                    at(span),
                    format!("key `windows`: the window of `{event}` ends before it starts"),
                ));
            }
            windows.insert(event, (s, e));
        }
    }
    let message_span = raw.message.span();
    let message = raw.message.into_inner();
    if let Some(bad) = unknown_placeholder(&message) {
        return Err(Error::rules(
            at(message_span),
            format!(
                "key `message`: unknown placeholder `{{{bad}}}` (known: {})",
                super::finding::PLACEHOLDERS.join(", ")
            ),
        ));
    }
    Ok(Rule {
        id,
        severity: raw.severity,
        kind,
        attributes: raw.attributes,
        events,
        tolerance,
        allow_growth_days,
        require_distinct_attribution: raw.require_distinct_attribution,
        same_time_days,
        pairs,
        before_published,
        windows,
        message,
        description: raw.description,
        location: id_location,
    })
}

fn unknown_placeholder(template: &str) -> Option<String> {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..)?;
        let close = after.find('}')?;
        let name = after.get(..close)?;
        if !super::finding::PLACEHOLDERS.contains(&name) {
            return Some(name.to_string());
        }
        rest = after.get(close + 1..)?;
    }
    None
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Every key of a TOML document at any depth, with the spans of the key and of its value, as
/// the parser gives them.
#[derive(Debug, Default)]
struct KeySpans(Vec<(String, Range<usize>, Range<usize>)>);

impl<'de> Deserialize<'de> for KeySpans {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(KeySpansVisitor)
    }
}

struct KeySpansVisitor;

impl<'de> serde::de::Visitor<'de> for KeySpansVisitor {
    type Value = KeySpans;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any TOML value")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<KeySpans, A::Error> {
        let mut out = Vec::new();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            let value: Spanned<KeySpans> = map.next_value()?;
            out.push((key.get_ref().clone(), key.span(), value.span()));
            out.extend(value.into_inner().0);
        }
        Ok(KeySpans(out))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<KeySpans, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<KeySpans>>()? {
            out.extend(item.into_inner().0);
        }
        Ok(KeySpans(out))
    }

    fn visit_bool<E>(self, _: bool) -> std::result::Result<KeySpans, E> {
        Ok(KeySpans::default())
    }
    fn visit_i64<E>(self, _: i64) -> std::result::Result<KeySpans, E> {
        Ok(KeySpans::default())
    }
    fn visit_u64<E>(self, _: u64) -> std::result::Result<KeySpans, E> {
        Ok(KeySpans::default())
    }
    fn visit_f64<E>(self, _: f64) -> std::result::Result<KeySpans, E> {
        Ok(KeySpans::default())
    }
    fn visit_str<E>(self, _: &str) -> std::result::Result<KeySpans, E> {
        Ok(KeySpans::default())
    }
}

/// Where a TOML error is and what it says, naming the key at fault: the innermost key whose
/// key or value span (from the parser) holds the error, never found by searching the text.
pub(crate) fn describe_toml_error(
    path: &Path,
    text: &str,
    e: &toml::de::Error,
) -> (Location, String) {
    let message = e.message().trim_end().to_string();
    let Some(span) = e.span() else {
        return (Location::file(path), message);
    };
    let location = location_at(path, text, span.start);
    let holds = |r: &Range<usize>| r.start <= span.start && span.start < r.end.max(r.start + 1);
    let key = toml::from_str::<KeySpans>(text).ok().and_then(|spans| {
        spans
            .0
            .into_iter()
            .filter(|(_, k, v)| holds(k) || holds(v))
            .min_by_key(|(_, k, v)| if holds(k) { 0 } else { v.end - v.start })
            .map(|(name, _, _)| name)
    });
    match key {
        Some(k) if !message.contains(&format!("`{k}`")) => {
            (location, format!("key `{k}`: {message}"))
        }
        _ => (location, message),
    }
}

/// The 1-based line and column of byte `offset` in `text`, from a span the parser gave.
pub(crate) fn location_at(path: &Path, text: &str, offset: usize) -> Location {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Location::new(path, line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<RuleSet> {
        RuleSet::parse(
            &[(PathBuf::from("rules/x.toml"), text.to_string())],
            &EventCatalog::default(),
        )
    }

    fn error(text: &str) -> String {
        match parse(text) {
            Ok(_) => panic!("expected an error"),
            Err(e) => e.to_string(),
        }
    }

    const GOOD: &str = r#"
[[rule]]
id = "count-disagreement"
severity = "high"
kind = "agree"
attributes = ["killed"]
tolerance = 0.05
allow_growth_days = 3
message = "{source_a} says {value_a}; {source_b} says {value_b}"
"#;

    #[test]
    fn good_rule_parses_with_its_parameters() {
        let set = parse(GOOD).unwrap();
        let rule = &set.rules[0];
        assert_eq!(rule.id, "count-disagreement");
        assert_eq!(rule.severity, Severity::High);
        assert_eq!(rule.kind, RuleKind::Agree);
        assert_eq!(rule.attributes, vec![Attribute::Killed]);
        assert_eq!(rule.allow_growth_days, Some(3));
        assert_eq!(rule.location, Location::new("rules/x.toml", 3, 6));
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let text = GOOD.replace("tolerance = 0.05", "tolerence = 0.05");
        let e = error(&text);
        assert!(e.starts_with("rules/x.toml:7:1: "), "{e}");
        assert!(e.contains("tolerence"), "{e}");
    }

    #[test]
    fn unknown_kind_lists_the_valid_kinds() {
        let e = error(&GOOD.replace("\"agree\"", "\"agrees\""));
        assert!(e.starts_with("rules/x.toml:5:8: key `kind`: "), "{e}");
        for kind in RuleKind::ALL {
            assert!(e.contains(kind.name()), "{e}");
        }
    }

    #[test]
    fn unknown_attribute_is_an_error_at_its_line() {
        let e = error(&GOOD.replace("[\"killed\"]", "[\"deaths\"]"));
        assert!(e.starts_with("rules/x.toml:6:"), "{e}");
        assert!(e.contains("key `attributes`"), "{e}");
        assert!(e.contains("deaths"), "{e}");
    }

    #[test]
    fn wrong_type_is_an_error_at_its_line() {
        let e = error(&GOOD.replace("allow_growth_days = 3", "allow_growth_days = \"3\""));
        assert!(
            e.starts_with("rules/x.toml:8:21: key `allow_growth_days`: "),
            "{e}"
        );
    }

    #[test]
    fn duplicate_id_points_at_the_second_and_names_the_first() {
        let text = format!("{GOOD}{GOOD}");
        let e = error(&text);
        assert!(e.starts_with("rules/x.toml:12:6: "), "{e}");
        assert!(
            e.contains("duplicate rule id") && e.contains("rules/x.toml:3:6"),
            "{e}"
        );
    }

    #[test]
    fn key_of_another_kind_is_rejected() {
        let e = error(&GOOD.replace("tolerance = 0.05", "pairs = [[\"a\", \"b\"]]"));
        assert!(e.contains("key `pairs` is not used by kind `agree`"), "{e}");
        assert!(e.starts_with("rules/x.toml:7:"), "{e}");
    }

    #[test]
    fn unknown_placeholder_in_message_is_rejected() {
        let e = error(&GOOD.replace("{value_b}", "{valeu_b}"));
        assert!(e.contains("valeu_b"), "{e}");
    }

    #[test]
    fn order_rule_without_pairs_or_publication_check_is_rejected() {
        let text = r#"
[[rule]]
id = "o"
severity = "high"
kind = "order"
message = "m"
"#;
        assert!(error(text).contains("needs `pairs`"));
    }

    #[test]
    fn event_filter_matches_ids_and_prefixes() {
        let f = EventFilter {
            patterns: vec!["a".into(), "adhoc:attack:*".into()],
        };
        assert!(f.matches("a"));
        assert!(f.matches("adhoc:attack:camp-x:2013-09-01"));
        assert!(!f.matches("b"));
        assert!(EventFilter::default().matches("anything"));
    }
}
