//! `corroboration`: a figure only one witness gives.
//!
//! ## What it does
//! For each (event, attribute), finds the claims no other witness backs: no claim from another
//! outlet (or, with `require_distinct_attribution`, from another attributed authority) has a
//! value that can be true together with it (same interval test as `agree`; states only at the
//! same time). Each such figure is one finding listing the claims that give it.
//!
//! ## Why
//! A single-source figure is not wrong, but a fact-checker should know it rests on one
//! witness, and that three outlets repeating "according to the U.N." are still one.
//!
//! ## Example
//! ```toml
//! [[rule]]
//! id = "single-source-figure"
//! severity = "info"
//! kind = "corroboration"
//! attributes = ["killed", "injured", "missing"]
//! require_distinct_attribution = true
//! message = "only {source_a} gives {value_a} {attribute}"
//! ```

use std::collections::{BTreeMap, BTreeSet};

use super::{agree, groups, same_time, witness};
use crate::claims::Claim;
use crate::engine::finding::value_key;
use crate::engine::rules::Rule;
use crate::engine::Finding;

pub fn run(rule: &Rule, claims: &[Claim]) -> Vec<Finding> {
    let mut out = Vec::new();
    for ((event, attribute), group) in groups(rule, claims) {
        let mut single: BTreeMap<String, Vec<Claim>> = BTreeMap::new();
        // Each claim's witness, once: the pairwise test below would otherwise build it n² times.
        let witnesses: Vec<String> = group.iter().map(|c| witness(rule, c)).collect();
        for (c, own) in group.iter().zip(&witnesses) {
            let backed = group.iter().zip(&witnesses).any(|(other, theirs)| {
                theirs != own && same_time(rule, c, other) && agree(rule, &c.value, &other.value)
            });
            if !backed {
                single
                    .entry(value_key(&c.value))
                    .or_default()
                    .push((*c).clone());
            }
        }
        for (value, claims) in single {
            let witnesses: BTreeSet<String> = claims.iter().map(|c| witness(rule, c)).collect();
            let why = format!(
                "no other witness backs {value} {} (given only by: {})",
                crate::engine::finding::attribute_name(attribute),
                witnesses.into_iter().collect::<Vec<_>>().join(", ")
            );
            out.push(crate::engine::finding::build(
                rule,
                &event,
                attribute,
                claims,
                &[],
                why,
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
    fn figure_from_one_outlet_is_single_source() {
        let r = rule(RuleKind::Corroboration);
        let f = run(&r, &[count("A", "e", Attribute::Injured, 12.0, Some(12.0))]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].sides[0].value, "12");
    }

    #[test]
    fn agreeing_outlets_corroborate_each_other() {
        let r = rule(RuleKind::Corroboration);
        let claims = [
            count("A", "e", Attribute::Killed, 52.0, None),
            count("B", "e", Attribute::Killed, 52.0, Some(52.0)),
        ];
        assert!(run(&r, &claims).is_empty());
    }

    #[test]
    fn outlets_repeating_one_authority_are_one_witness() {
        let mut r = rule(RuleKind::Corroboration);
        r.require_distinct_attribution = true;
        let mut a = count("A", "e", Attribute::Killed, 52.0, Some(52.0));
        a.attribution = Some("the U.N.".into());
        let mut b = count("B", "e", Attribute::Killed, 52.0, Some(52.0));
        b.attribution = Some("U.N.".into());
        let f = run(&r, &[a.clone(), b.clone()]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].claims.len(), 2);
        r.require_distinct_attribution = false;
        assert!(run(&r, &[a, b]).is_empty());
    }
}
