//! `order`: events happen in a declared order, and never after the document that reports them.
//!
//! ## What it does
//! With `pairs = [["a", "b"]]`, every date claimed for event `a` must be able to precede every
//! date claimed for event `b`: a pair is flagged when `a`'s interval starts after `b`'s ends
//! (a designation dated after the delisting, a relocation before the founding). Each pair of
//! events gives at most one finding, the `a` claims on one side and the `b` claims on the other.
//! With `before_published = true`, a claimed date whose interval starts after the publication
//! of its own document is flagged: an article cannot report, as having happened, an event of
//! after it was written (the extractor drops future-tense claims).
//!
//! ## Why
//! Impossible orders reveal a wrong year, or a relative date ("last year") resolved against a
//! wrong anchor, which would otherwise pass every pairwise comparison.
//!
//! ## Example
//! ```toml
//! [[rule]]
//! id = "designation-before-delisting"
//! severity = "high"
//! kind = "order"
//! pairs = [["mek-us-designation", "mek-us-delisting"]]
//! message = "{sides}: the first must come before the second"
//! ```

use std::collections::BTreeMap;

use crate::claims::{Attribute, Claim, Value};
use crate::engine::finding::{build, build_sides, value_key};
use crate::engine::rules::Rule;
use crate::engine::Finding;

pub fn run(rule: &Rule, claims: &[Claim]) -> Vec<Finding> {
    let dates: Vec<&Claim> = claims
        .iter()
        .filter(|c| c.attribute == Attribute::Date && matches!(c.value, Value::Date { .. }))
        .collect();
    let mut out = Vec::new();
    for (first, second) in &rule.pairs {
        out.extend(pair(rule, first, second, &dates));
    }
    if rule.before_published {
        out.extend(after_publication(rule, &dates));
    }
    out
}

fn bounds(c: &Claim) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    match &c.value {
        Value::Date {
            earliest, latest, ..
        } => Some((*earliest, *latest)),
        Value::Count { .. } => None,
    }
}

fn pair(rule: &Rule, first: &str, second: &str, dates: &[&Claim]) -> Option<Finding> {
    let a: Vec<&Claim> = dates.iter().copied().filter(|c| c.event == first).collect();
    let b: Vec<&Claim> = dates
        .iter()
        .copied()
        .filter(|c| c.event == second)
        .collect();
    let mut bad_a = Vec::new();
    let mut bad_b = Vec::new();
    let mut reasons = Vec::new();
    for x in &a {
        for y in &b {
            let (Some((xe, _)), Some((_, yl))) = (bounds(x), bounds(y)) else {
                continue;
            };
            if xe > yl {
                if !bad_a.contains(x) {
                    bad_a.push(*x);
                }
                if !bad_b.contains(y) {
                    bad_b.push(*y);
                }
                let r = format!(
                    "{first} must come before {second}, but {} dates {first} to {} and {} dates {second} to {}",
                    x.source,
                    value_key(&x.value),
                    y.source,
                    value_key(&y.value)
                );
                reasons.push(r);
            }
        }
    }
    if bad_a.is_empty() {
        return None;
    }
    reasons.sort();
    reasons.dedup();
    let side = |event: &str, claims: &[&Claim]| {
        let mut values: Vec<String> = claims.iter().map(|c| value_key(&c.value)).collect();
        values.sort();
        values.dedup();
        (
            format!("{event}: {}", values.join(", ")),
            claims.iter().map(|c| (*c).clone()).collect::<Vec<_>>(),
        )
    };
    let sides = vec![side(first, &bad_a), side(second, &bad_b)];
    Some(build_sides(
        rule,
        first,
        Attribute::Date,
        sides,
        vec![[0, 1]],
        reasons.join("; "),
    ))
}

fn after_publication(rule: &Rule, dates: &[&Claim]) -> Vec<Finding> {
    let mut by_event: BTreeMap<&str, Vec<Claim>> = BTreeMap::new();
    let mut reasons: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for c in dates {
        if !rule.events.matches(&c.event) {
            continue;
        }
        let (Some(published), Some((earliest, _))) = (c.published, bounds(c)) else {
            continue;
        };
        if earliest > published {
            by_event
                .entry(c.event.as_str())
                .or_default()
                .push((*c).clone());
            reasons.entry(c.event.as_str()).or_default().push(format!(
                "{} dates it to {} (from {earliest}) in a document published on {published}",
                c.source,
                value_key(&c.value)
            ));
        }
    }
    by_event
        .into_iter()
        .map(|(event, claims)| {
            let mut why = reasons.remove(event).unwrap_or_default();
            why.sort();
            why.dedup();
            build(rule, event, Attribute::Date, claims, &[], why.join("; "))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::engine::rules::RuleKind;
    use crate::temporal::Granularity;

    #[test]
    fn designation_dated_after_delisting_is_flagged() {
        let mut r = rule(RuleKind::Order);
        r.pairs.push(("designation".into(), "delisting".into()));
        let d1 = dated(
            "A",
            "designation",
            "1997",
            "1997-01-01",
            "1997-12-31",
            Granularity::Year,
        );
        let l1 = dated(
            "B",
            "delisting",
            "2012-09",
            "2012-09-01",
            "2012-09-30",
            Granularity::Month,
        );
        assert!(run(&r, &[d1.clone(), l1.clone()]).is_empty());
        let d2 = dated(
            "C",
            "designation",
            "2013",
            "2013-01-01",
            "2013-12-31",
            Granularity::Year,
        );
        let f = run(&r, &[d1, l1, d2]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].sides.len(), 2);
        assert_eq!(f[0].sides[0].sources, vec!["C".to_string()]);
        assert_eq!(f[0].sides[1].sources, vec!["B".to_string()]);
    }

    #[test]
    fn date_after_the_reporting_document_is_flagged() {
        let mut r = rule(RuleKind::Order);
        r.before_published = true;
        let mut c = dated(
            "A",
            "e",
            "2013-09-10",
            "2013-09-10",
            "2013-09-10",
            Granularity::Day,
        );
        c.published = Some(date("2013-09-05"));
        let mut ok = c.clone();
        ok.published = Some(date("2013-09-10"));
        let mut undated = c.clone();
        undated.published = None;
        assert_eq!(run(&r, &[c]).len(), 1);
        assert!(run(&r, &[ok, undated]).is_empty());
    }
}
