//! `window`: an event's claimed date must fall in its declared window.
//!
//! ## What it does
//! For each event with a window (declared in events.toml, or given by the rule's own
//! `windows` table), flags the date claims whose interval lies wholly outside it. A claim that
//! only overlaps the window ("2013" for a window in September 2013) is not flagged: it may be
//! right at a coarser grain.
//!
//! ## Why
//! A date far from when the event is known to have happened is either a wrong date or a claim
//! attached to the wrong event (the 2011 raid on Camp Ashraf reported as the 2013 one).
//!
//! ## Example
//! ```toml
//! [[rule]]
//! id = "date-outside-window"
//! severity = "medium"
//! kind = "window"
//! windows = { "ashraf-attack-2013" = ["2013-08-31", "2013-09-02"] }
//! message = "{source_a} dates {event} to {value_a}, outside its window"
//! ```

use std::collections::BTreeMap;

use crate::claims::{Attribute, Claim, Value};
use crate::engine::rules::Rule;
use crate::engine::Finding;

pub fn run(rule: &Rule, claims: &[Claim]) -> Vec<Finding> {
    let mut outside: BTreeMap<&str, Vec<Claim>> = BTreeMap::new();
    for c in claims {
        if c.attribute != Attribute::Date || !rule.events.matches(&c.event) {
            continue;
        }
        let Some((start, end)) = rule.windows.get(&c.event) else {
            continue;
        };
        if let Value::Date {
            earliest, latest, ..
        } = &c.value
        {
            if *latest < *start || *earliest > *end {
                outside.entry(c.event.as_str()).or_default().push(c.clone());
            }
        }
    }
    outside
        .into_iter()
        .map(|(event, claims)| {
            let (start, end) = rule.windows.get(event).copied().unwrap_or_default();
            let why = format!("{event} is declared to have happened between {start} and {end}");
            crate::engine::finding::build(rule, event, Attribute::Date, claims, &[], why)
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
    fn date_wholly_outside_the_window_is_flagged_and_overlap_is_not() {
        let mut r = rule(RuleKind::Window);
        r.windows
            .insert("e".into(), (date("2013-08-31"), date("2013-09-02")));
        let wrong = dated(
            "A",
            "e",
            "2011-04-08",
            "2011-04-08",
            "2011-04-08",
            Granularity::Day,
        );
        let coarse = dated(
            "B",
            "e",
            "2013",
            "2013-01-01",
            "2013-12-31",
            Granularity::Year,
        );
        let other = dated(
            "C",
            "x",
            "2011",
            "2011-01-01",
            "2011-12-31",
            Granularity::Year,
        );
        let f = run(&r, &[wrong, coarse, other]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].claims.len(), 1);
        assert_eq!(f[0].claims[0].source, "A");
    }
}
