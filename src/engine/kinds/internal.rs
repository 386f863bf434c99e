//! `internal`: one document must not contradict itself.
//!
//! ## What it does
//! Compares the claims one document (one post of a multi-post page) makes in its own voice (the same attribution, or none)
//! about the same attribute of the same event, with the
//! same interval test as `agree` (tolerance, coarsest granularity, states only at the same
//! time). No growth allowance: within one article a changed figure is a contradiction unless
//! the extractor dated the claims apart.
//!
//! ## Why
//! An article that says "seven were killed" in one paragraph and "six dead" in another has an
//! error the editor can fix without asking anyone else.
//!
//! ## Example
//! ```toml
//! [[rule]]
//! id = "self-contradiction"
//! severity = "medium"
//! kind = "internal"
//! attributes = ["killed", "injured"]
//! message = "{source_a} gives both {value_a} and {value_b} {attribute}"
//! ```

use std::collections::BTreeMap;

use super::{conflict_graph, finding_from_graph, groups, same_post, same_voice};
use crate::claims::Claim;
use crate::engine::rules::Rule;
use crate::engine::Finding;

pub fn run(rule: &Rule, claims: &[Claim]) -> Vec<Finding> {
    let mut out = Vec::new();
    for ((event, attribute), group) in groups(rule, claims) {
        // One finding per outlet: its documents' self-contradictions share a fingerprint.
        let mut by_source: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
        for c in group {
            by_source.entry(c.source.as_str()).or_default().push(c);
        }
        for (_, source_claims) in by_source {
            let graph = conflict_graph(rule, &source_claims, |a, b| {
                same_post(a, b) && same_voice(a, b)
            });
            out.extend(finding_from_graph(
                rule,
                &event,
                attribute,
                &source_claims,
                &graph,
            ));
        }
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
    fn one_document_giving_two_tolls_is_flagged() {
        let r = rule(RuleKind::Internal);
        let a = count("A", "e", Attribute::Killed, 7.0, Some(7.0));
        let mut b = count("A", "e", Attribute::Killed, 6.0, Some(6.0));
        b.line = 9;
        let f = run(&r, &[a, b]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].claims.len(), 2);
    }

    #[test]
    fn relaying_another_witness_is_not_self_contradiction() {
        let r = rule(RuleKind::Internal);
        let a = count("A", "e", Attribute::Killed, 7.0, Some(7.0));
        let mut b = count("A", "e", Attribute::Killed, 6.0, Some(6.0));
        b.attribution = Some("the New York Times".into());
        assert!(run(&r, &[a, b]).is_empty());
    }

    #[test]
    fn posts_of_different_dates_on_one_page_are_not_one_report() {
        let r = rule(RuleKind::Internal);
        let a = count("A", "e", Attribute::Moved, 400.0, Some(400.0));
        let mut b = count("A", "e", Attribute::Moved, 2000.0, Some(2000.0));
        b.published = Some(date("2012-07-25"));
        assert!(run(&r, &[a, b]).is_empty());
    }

    #[test]
    fn two_documents_disagreeing_are_not_internal() {
        let r = rule(RuleKind::Internal);
        let a = count("A", "e", Attribute::Killed, 7.0, Some(7.0));
        let b = count("B", "e", Attribute::Killed, 6.0, Some(6.0));
        assert!(run(&r, &[a, b]).is_empty());
    }
}
