//! Invariants of the engine on arbitrary claims: it never panics, its findings do not depend on
//! the order of the claims, every finding's sides cover exactly its claims, and its conflicts
//! name real sides.

mod engine_common;

use factline::claims::{Claim, Value};
use factline::Config;
use proptest::prelude::*;

fn claim() -> impl Strategy<Value = Claim> {
    (
        0usize..3,
        prop::sample::select(vec!["killed", "injured", "residents", "date"]),
        0.0f64..60.0,
        prop::option::of(0.0f64..30.0),
        0usize..4,
        0i64..40,
        prop::option::of(prop::sample::select(vec!["the U.N.", "UN", "the group"])),
    )
        .prop_map(|(event, attribute, low, width, source, day, attribution)| {
            let event = ["raid", "adhoc:attack:north-camp", "adhoc:attack:unknown"][event];
            let source = ["A", "B", "C", "D"][source];
            let mut c = if attribute == "date" {
                let start = chrono::NaiveDate::from_ymd_opt(2013, 8, 20).unwrap_or_default()
                    + chrono::Duration::days(day);
                let end = start + chrono::Duration::days(width.map_or(0, |w| w as i64));
                engine_common::date(
                    event,
                    &start.to_string(),
                    &start.to_string(),
                    &end.to_string(),
                    "day",
                    source,
                    &format!("{source}.txt"),
                )
            } else {
                let mut c = engine_common::count(
                    event,
                    attribute,
                    low.floor(),
                    source,
                    &format!("{source}-{day}.txt"),
                    1,
                );
                c.value = Value::Count {
                    low: low.floor(),
                    high: width.map(|w| (low + w).floor()),
                    best: low.floor(),
                };
                c.published = chrono::NaiveDate::from_ymd_opt(2013, 9, 1)
                    .map(|d| d + chrono::Duration::days(day));
                c.as_of = c.published;
                c
            };
            c.attribution = attribution.map(String::from);
            c
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn findings_do_not_depend_on_claim_order(claims in prop::collection::vec(claim(), 0..24)) {
        let config = Config::bundled().expect("bundled rules");
        let forward = factline::engine::evaluate(&config.rules, &claims);
        let mut reversed = claims.clone();
        reversed.reverse();
        prop_assert_eq!(&forward, &factline::engine::evaluate(&config.rules, &reversed));
        for f in &forward {
            let mut covered: Vec<usize> = f.sides.iter().flat_map(|s| s.claims.clone()).collect();
            covered.sort_unstable();
            prop_assert_eq!(covered, (0..f.claims.len()).collect::<Vec<_>>());
            for [a, b] in &f.conflicts {
                prop_assert!(a < b && *b < f.sides.len());
            }
            prop_assert!(factline::engine::fingerprint::is_valid(&f.id));
        }
    }
}
