//! Building findings from the claims a rule kind found in conflict.
//!
//! Takes a rule, an (event, attribute) group and the claims on each side of a disagreement;
//! gives a [`Finding`] with its sides in value order, its message filled from the rule's
//! template, the reason the values conflict and its fingerprint. Also the canonical text of a
//! value ([`value_key`]) that fingerprints and messages share.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::rules::Rule;
use super::{fingerprint, Finding, Status};
use crate::claims::{Attribute, Claim, Value};

/// The placeholders a rule's message may use.
pub const PLACEHOLDERS: &[&str] = &[
    "source_a",
    "value_a",
    "attribution_a",
    "source_b",
    "value_b",
    "attribution_b",
    "event",
    "attribute",
    "rule",
    "sides",
];

/// The claims that give one value, in a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    /// `a`, `b`, `c`, ... in value order.
    pub label: String,
    /// The value as the engine compares it: `52`, `>= 52`, `24-99`, `2012-09`, `2012`.
    pub value: String,
    /// Outlets on this side, sorted, without repeats.
    pub sources: Vec<String>,
    /// Who those outlets attribute the value to ("the U.N."), sorted; `unattributed` when a
    /// claim names nobody.
    pub attributions: Vec<String>,
    /// Indexes into [`Finding::claims`].
    pub claims: Vec<usize>,
}

/// The canonical text of a value: equal values give equal keys, whatever the wording.
pub fn value_key(value: &Value) -> String {
    match value {
        Value::Count { low, high, .. } => match high {
            Some(h) if h == low => number(*low),
            Some(h) => format!("{}-{}", number(*low), number(*h)),
            None => format!(">= {}", number(*low)),
        },
        Value::Date {
            value,
            earliest,
            latest,
            modifier,
            ..
        } => {
            let base = if value.is_empty() || value.contains('X') {
                format!("{earliest}..{latest}")
            } else {
                value.clone()
            };
            match modifier {
                // "2012 (approx)" is not the "2012" another source gives exactly.
                Some(m) => format!("{base} ({})", modifier_name(*m)),
                None => base,
            }
        }
    }
}

/// TimeML's `mod` in lowercase words: `approx`, `on or before`.
fn modifier_name(m: crate::temporal::Modifier) -> String {
    serde_json::to_value(m)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.to_lowercase().replace('_', " ")))
        .unwrap_or_default()
}

fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// A sort key that puts counts and dates in value order.
pub(crate) fn order_key(value: &Value) -> (i64, i64) {
    match value {
        Value::Count { low, high, .. } => (*low as i64, high.map_or(i64::MAX, |h| h as i64)),
        Value::Date {
            earliest, latest, ..
        } => (
            i64::from(earliest.num_days_from_ce()),
            i64::from(latest.num_days_from_ce()),
        ),
    }
}

use chrono::Datelike;

/// Builds a finding from the claims involved and the pairs of them (indexes into `claims`)
/// that cannot both be true. Claims are grouped into sides by value; sides are labelled in
/// value order; the claims are listed side by side, then by source and doc.
pub fn build(
    rule: &Rule,
    event: &str,
    attribute: Attribute,
    claims: Vec<Claim>,
    pairs: &[(usize, usize)],
    why: String,
) -> Finding {
    let mut by_value: BTreeMap<((i64, i64), String), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        by_value
            .entry((order_key(&c.value), value_key(&c.value)))
            .or_default()
            .push(i);
    }
    let side_of = |i: usize| by_value.values().position(|members| members.contains(&i));
    let mut conflicts: Vec<[usize; 2]> = pairs
        .iter()
        .filter_map(|&(a, b)| {
            let (x, y) = (side_of(a)?, side_of(b)?);
            (x != y).then(|| [x.min(y), x.max(y)])
        })
        .collect();
    conflicts.sort_unstable();
    conflicts.dedup();
    let mut slots: Vec<Option<Claim>> = claims.into_iter().map(Some).collect();
    let sides = by_value
        .iter()
        .map(|((_, key), members)| {
            let group = members
                .iter()
                .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
                .collect();
            (key.clone(), group)
        })
        .collect();
    build_sides(rule, event, attribute, sides, conflicts, why)
}

/// Builds a finding from sides the kind chose itself (`order` puts each event on its side),
/// with the pairs of sides (indexes into `given`) that cannot both be true.
pub fn build_sides(
    rule: &Rule,
    event: &str,
    attribute: Attribute,
    given: Vec<(String, Vec<Claim>)>,
    conflicts: Vec<[usize; 2]>,
    why: String,
) -> Finding {
    let mut all = Vec::new();
    let mut sides = Vec::new();
    for (i, (key, mut group)) in given.into_iter().enumerate() {
        group.sort_by(|a, b| claim_order(a).cmp(&claim_order(b)));
        let mut sources: Vec<String> = group.iter().map(|c| c.source.clone()).collect();
        sources.sort();
        sources.dedup();
        let mut attributions: Vec<String> = group.iter().map(attribution).collect();
        attributions.sort();
        attributions.dedup();
        let start = all.len();
        all.extend(group);
        sides.push(Side {
            label: side_label(i),
            value: key,
            sources,
            attributions,
            claims: (start..all.len()).collect(),
        });
    }
    let id = fingerprint::of(&rule.id, event, attribute, &sides);
    let message = render_message(rule, event, attribute, &sides);
    Finding {
        id,
        rule: rule.id.clone(),
        severity: rule.severity,
        event: event.to_string(),
        attribute,
        message,
        claims: all,
        sides,
        conflicts,
        why,
        status: Status::Open,
    }
}

/// The order of claims on a side: by outlet, document and line, then every other field that
/// can tell two claims apart, so the order never depends on the input's.
#[allow(clippy::type_complexity)]
fn claim_order(
    c: &Claim,
) -> (
    &str,
    &str,
    usize,
    &str,
    &str,
    Option<&str>,
    Option<chrono::NaiveDate>,
    Option<chrono::NaiveDate>,
    &str,
) {
    (
        &c.source,
        &c.doc,
        c.line,
        &c.text,
        &c.quote,
        c.attribution.as_deref(),
        c.published,
        c.as_of,
        &c.event,
    )
}

/// Who a claim attributes its value to, or `unattributed`.
pub fn attribution(c: &Claim) -> String {
    c.attribution
        .clone()
        .unwrap_or_else(|| "unattributed".to_string())
}

fn side_label(i: usize) -> String {
    let letters = "abcdefghijklmnopqrstuvwxyz";
    match letters.get(i..i + 1) {
        Some(l) => l.to_string(),
        None => format!("s{i}"),
    }
}

/// Fills the rule's template. `_a` is the lowest side, `_b` the highest (or the only one).
fn render_message(rule: &Rule, event: &str, attribute: Attribute, sides: &[Side]) -> String {
    let a = sides.first();
    let b = sides.last();
    let attr = attribute_name(attribute);
    let all_sides = sides
        .iter()
        .map(|s| format!("{} ({})", s.value, s.sources.join(", ")))
        .collect::<Vec<_>>()
        .join(" vs ");
    let mut out = String::new();
    let mut rest = rule.message.as_str();
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find('}') else {
            out.push_str(rest.get(open..).unwrap_or(""));
            rest = "";
            break;
        };
        let name = after.get(..close).unwrap_or("");
        let value = match name {
            "source_a" => a.map(|s| s.sources.join(", ")),
            "value_a" => a.map(|s| s.value.clone()),
            "attribution_a" => a.map(|s| s.attributions.join(", ")),
            "source_b" => b.map(|s| s.sources.join(", ")),
            "value_b" => b.map(|s| s.value.clone()),
            "attribution_b" => b.map(|s| s.attributions.join(", ")),
            "event" => Some(event.to_string()),
            "attribute" => Some(attr.to_string()),
            "rule" => Some(rule.id.clone()),
            "sides" => Some(all_sides.clone()),
            _ => None,
        };
        match value {
            Some(v) => out.push_str(&v),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// The attribute as rules files write it (defined beside `Attribute`).
pub use crate::claims::attribute_name;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_keys_show_bounds() {
        let exact = Value::Count {
            low: 52.0,
            high: Some(52.0),
            best: 52.0,
        };
        let open = Value::Count {
            low: 52.0,
            high: None,
            best: 52.0,
        };
        let band = Value::Count {
            low: 24.0,
            high: Some(99.0),
            best: 36.0,
        };
        assert_eq!(value_key(&exact), "52");
        assert_eq!(value_key(&open), ">= 52");
        assert_eq!(value_key(&band), "24-99");
    }
}
