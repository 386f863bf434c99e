//! `agree`: the values sources give for one attribute of one event must be able to be true
//! together.
//!
//! ## What it does
//! Groups claims by (event, attribute) and compares every pair from different witnesses: two
//! documents (or two dated posts of one page), or one document relaying someone else's figure ("six killed, the New York Times
//! reported") next to its own (a document against itself is `internal`). Counts
//! are intervals ("at least 52" is [52, inf), "dozens" is [24, 99]) widened by `tolerance`;
//! dates are intervals compared at the coarsest granularity both sides have (September 2011
//! against 2012 is 2011 against 2012). Two claims conflict when their intervals do not overlap.
//! A higher toll published up to `allow_growth_days` after a lower one is growth, not a
//! conflict; a lower later figure still is. State attributes (members, residents) compare only
//! claims whose `as_of` dates are within `same_time_days`. With
//! `require_distinct_attribution`, two outlets quoting the same authority are one witness and
//! are not compared with each other.
//!
//! ## Why
//! When two outlets give figures or dates that cannot both be true, at least one is wrong, and
//! a fact-checker must not publish either without checking.
//!
//! ## Example
//! ```toml
//! [[rule]]
//! id = "count-disagreement"
//! severity = "high"
//! kind = "agree"
//! attributes = ["killed"]
//! allow_growth_days = 3
//! message = "{source_a} says {value_a} {attribute}; {source_b} says {value_b}"
//! ```
//! "7 dead" (A) against "six killed" (B) is one finding with two sides; "at least 52" against
//! "52" is none.

use super::{conflict_graph, findings_from_graph, groups, same_post, same_voice, witness};
use crate::claims::Claim;
use crate::engine::rules::Rule;
use crate::engine::Finding;

pub fn run(rule: &Rule, claims: &[Claim]) -> Vec<Finding> {
    let mut out = Vec::new();
    for ((event, attribute), group) in groups(rule, claims) {
        let graph = conflict_graph(rule, &group, |a, b| {
            (!same_post(a, b) || !same_voice(a, b))
                && (!rule.require_distinct_attribution || witness(rule, a) != witness(rule, b))
        });
        out.extend(findings_from_graph(rule, &event, attribute, &group, graph));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::claims::Attribute;
    use crate::engine::rules::RuleKind;

    #[test]
    fn seven_against_six_is_one_finding_with_two_sides() {
        let r = rule(RuleKind::Agree);
        let claims = vec![
            count("A", "liberty-2013", Attribute::Killed, 7.0, Some(7.0)),
            count("B", "liberty-2013", Attribute::Killed, 6.0, Some(6.0)),
        ];
        let f = run(&r, &claims);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].sides.len(), 2);
        assert_eq!(f[0].sides[0].value, "6");
        assert_eq!(f[0].sides[0].sources, vec!["B".to_string()]);
        assert_eq!(f[0].message, "B says 6; A says 7");
        assert_eq!(f[0].conflicts, vec![[0, 1]]);
    }

    #[test]
    fn rising_wounded_count_is_not_a_conflict_but_a_lower_count_a_year_later_is() {
        let mut r = rule(RuleKind::Agree);
        r.allow_growth_days = Some(30);
        let report = |source: &str, low: f64, high: Option<f64>, published: &str| {
            let mut c = count(source, "e", Attribute::Injured, low, high);
            c.published = Some(date(published));
            c
        };
        let claims = vec![
            report("A", 171.0, None, "2013-04-16"),
            report("B", 176.0, Some(176.0), "2013-04-17"),
            report("C", 264.0, Some(264.0), "2013-04-25"),
            report("D", 133.0, Some(147.0), "2014-04-10"),
        ];
        let f = run(&r, &claims);
        assert_eq!(f.len(), 1);
        let values: Vec<&str> = f[0].sides.iter().map(|s| s.value.as_str()).collect();
        assert_eq!(values, vec!["133-147", ">= 171", "176", "264"]);
        assert_eq!(f[0].conflicts, vec![[0, 1], [0, 2], [0, 3]]);
    }

    #[test]
    fn agreeing_figures_are_not_flagged() {
        let r = rule(RuleKind::Agree);
        let claims = vec![
            count("A", "e", Attribute::Killed, 52.0, None),
            count("B", "e", Attribute::Killed, 52.0, Some(52.0)),
            count("C", "e", Attribute::Killed, 24.0, Some(99.0)),
        ];
        assert!(run(&r, &claims).is_empty());
    }

    #[test]
    fn different_events_and_attributes_are_not_compared() {
        let r = rule(RuleKind::Agree);
        let claims = vec![
            count("A", "e1", Attribute::Killed, 7.0, Some(7.0)),
            count("B", "e2", Attribute::Killed, 6.0, Some(6.0)),
            count("C", "e1", Attribute::Injured, 6.0, Some(6.0)),
        ];
        assert!(run(&r, &claims).is_empty());
    }

    #[test]
    fn same_document_is_left_to_the_internal_kind_unless_it_relays_another_witness() {
        let r = rule(RuleKind::Agree);
        let a = count("A", "e", Attribute::Killed, 7.0, Some(7.0));
        let mut b = count("A", "e", Attribute::Killed, 6.0, Some(6.0));
        assert!(run(&r, &[a.clone(), b.clone()]).is_empty());
        b.attribution = Some("New York Times".into());
        let f = run(&r, &[a, b]);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].sides[0].attributions,
            vec!["New York Times".to_string()]
        );
        assert_eq!(f[0].sides[1].attributions, vec!["unattributed".to_string()]);
    }

    #[test]
    fn state_figures_from_different_years_are_not_compared() {
        let r = rule(RuleKind::Agree);
        let mut y2012 = count("A", "e", Attribute::Residents, 3400.0, Some(3400.0));
        y2012.as_of = Some(date("2012-06-01"));
        let mut y2013 = count("B", "e", Attribute::Residents, 100.0, Some(100.0));
        y2013.as_of = Some(date("2013-09-20"));
        assert!(run(&r, &[y2012.clone(), y2013.clone()]).is_empty());
        y2013.as_of = Some(date("2012-06-10"));
        assert_eq!(run(&r, &[y2012, y2013]).len(), 1);
    }

    #[test]
    fn lower_later_toll_is_flagged_but_higher_later_toll_is_growth() {
        let mut r = rule(RuleKind::Agree);
        r.allow_growth_days = Some(3);
        let mut first = count("A", "e", Attribute::Killed, 44.0, Some(44.0));
        first.published = Some(date("2013-09-01"));
        let mut higher = count("B", "e", Attribute::Killed, 52.0, Some(52.0));
        higher.published = Some(date("2013-09-02"));
        assert!(run(&r, &[first.clone(), higher]).is_empty());
        let mut lower = count("C", "e", Attribute::Killed, 30.0, Some(30.0));
        lower.published = Some(date("2013-09-02"));
        assert_eq!(run(&r, &[first, lower]).len(), 1);
    }

    #[test]
    fn outlets_quoting_the_same_authority_are_one_witness() {
        let mut r = rule(RuleKind::Agree);
        r.require_distinct_attribution = true;
        let mut a = count("A", "e", Attribute::Killed, 7.0, Some(7.0));
        a.attribution = Some("the U.N.".into());
        let mut b = count("B", "e", Attribute::Killed, 6.0, Some(6.0));
        b.attribution = Some("the U.N.".into());
        assert!(run(&r, &[a.clone(), b.clone()]).is_empty());
        b.attribution = Some("the group".into());
        let f = run(&r, &[a, b]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].sides[1].attributions, vec!["the U.N.".to_string()]);
    }
}
