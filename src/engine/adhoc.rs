//! Ad-hoc events: stories nobody declared in events.toml.
//!
//! Takes claims; gives the same claims with every ad-hoc event id (`adhoc:<kind>:<place>`, as
//! the extractor writes it when no declared event matched) replaced by a clustered id
//! `adhoc:<kind>:<place>:<YYYY-MM-DD>`. Mentions of the same kind at the same place whose dates
//! lie within [`SAME_EVENT_DAYS`] of the first mention of a cluster are one event; the same place
//! years apart gives different events (the raids on one camp in 2009, 2011 and 2013).
//!
//! A claim's date is, in order: its own value when it is a date at day or week grain, its
//! `as_of`, its publication date, else a date already in its id. The cluster is named after the
//! date most of its claims give explicitly (ties: the earliest), so adding a report published a
//! few days later does not rename it. Since the id's own date is only a last resort, resolving
//! twice gives the same ids.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::claims::{Claim, Value};
use crate::temporal::Granularity;

/// Mentions this many days apart (or less) from the first mention of a cluster are one event.
pub const SAME_EVENT_DAYS: i64 = 7;

/// The `adhoc:` prefix of undeclared events.
pub const PREFIX: &str = "adhoc:";

/// A claim's index, the date it places its event at, and whether it gives that date itself.
type Member = (usize, Option<NaiveDate>, bool);

/// Rewrites ad-hoc event ids into clustered ones, in place.
pub fn resolve(claims: &mut [Claim]) {
    let mut by_key: BTreeMap<(String, String), Vec<Member>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let Some(rest) = c.event.strip_prefix(PREFIX) else {
            continue;
        };
        let mut parts = rest.splitn(3, ':');
        let kind = parts
            .next()
            .filter(|k| !k.is_empty())
            .map(slug)
            .unwrap_or_else(|| slug(&c.kind));
        let place = parts
            .next()
            .filter(|p| !p.is_empty())
            .map(slug)
            .or_else(|| c.place.as_deref().map(slug))
            .unwrap_or_else(|| UNKNOWN_PLACE.to_string());
        let id_date = parts
            .next()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let (date, explicit) = claim_date(c, id_date);
        by_key
            .entry((kind, place))
            .or_default()
            .push((i, date, explicit));
    }
    for ((kind, place), mut members) in by_key {
        members.sort_by_key(|(i, d, _)| (*d, *i));
        let mut clusters: Vec<Vec<Member>> = Vec::new();
        for m in members {
            let join = match (clusters.last().and_then(|c| c.first()), m.1) {
                (Some((_, Some(first), _)), Some(d)) => (d - *first).num_days() <= SAME_EVENT_DAYS,
                (Some((_, None, _)), None) => true,
                _ => false,
            };
            match clusters.last_mut() {
                Some(last) if join => last.push(m),
                _ => clusters.push(vec![m]),
            }
        }
        for cluster in clusters {
            let id = match name_date(&cluster) {
                Some(d) => format!("{PREFIX}{kind}:{place}:{d}"),
                None => format!("{PREFIX}{kind}:{place}"),
            };
            for (i, _, _) in cluster {
                if let Some(c) = claims.get_mut(i) {
                    c.event = id.clone();
                }
            }
        }
    }
}

/// The date a claim places its event at, and whether the claim gives it explicitly.
fn claim_date(c: &Claim, id_date: Option<NaiveDate>) -> (Option<NaiveDate>, bool) {
    if let Value::Date {
        earliest,
        granularity,
        ..
    } = &c.value
    {
        if *granularity <= Granularity::Week {
            return (Some(*earliest), true);
        }
    }
    if let Some(d) = c.as_of {
        return (Some(d), true);
    }
    (c.published.or(id_date), false)
}

/// The most common explicit date of a cluster (ties: the earliest), else its earliest date.
fn name_date(cluster: &[Member]) -> Option<NaiveDate> {
    let mut counts: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for (_, d, explicit) in cluster {
        if let (Some(d), true) = (d, explicit) {
            *counts.entry(*d).or_default() += 1;
        }
    }
    let best = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
    match best {
        Some((d, _)) => Some(*d),
        None => cluster.iter().filter_map(|(_, d, _)| *d).min(),
    }
}

/// The place the extractor writes when a mention names none.
pub const UNKNOWN_PLACE: &str = "unknown";

/// True for an ad-hoc event whose place is unknown (`adhoc:attack:unknown...`): rules do not
/// compare such claims, since nothing says two of them are about one incident.
pub fn is_unplaced(event: &str) -> bool {
    event
        .strip_prefix(PREFIX)
        .and_then(|rest| rest.split(':').nth(1))
        .is_some_and(|place| place.is_empty() || place == UNKNOWN_PLACE)
}

/// Lowercase kebab-case: "Camp X" → `camp-x`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.trim().chars() {
        if ch.is_alphanumeric() {
            out.extend(ch.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Attribute;
    use crate::engine::kinds::test_support::{count, date, dated};

    fn adhoc(source: &str, as_of: &str) -> Claim {
        let mut c = count(
            source,
            "adhoc:attack:Camp X",
            Attribute::Killed,
            5.0,
            Some(5.0),
        );
        c.as_of = Some(date(as_of));
        c
    }

    #[test]
    fn same_place_within_days_is_one_event_named_by_its_date() {
        let mut claims = vec![
            adhoc("A", "2013-09-01"),
            adhoc("B", "2013-09-01"),
            adhoc("C", "2013-09-03"),
        ];
        resolve(&mut claims);
        for c in &claims {
            assert_eq!(c.event, "adhoc:attack:camp-x:2013-09-01");
        }
    }

    #[test]
    fn unplaced_events_are_recognized() {
        assert!(is_unplaced("adhoc:attack:unknown:2013-09-01"));
        assert!(is_unplaced("adhoc:attack:unknown"));
        assert!(!is_unplaced("adhoc:attack:camp-x:2013-09-01"));
        assert!(!is_unplaced("unknown"));
    }

    #[test]
    fn same_place_years_apart_are_different_events() {
        let mut claims = vec![
            adhoc("A", "2009-07-28"),
            adhoc("B", "2011-04-08"),
            adhoc("C", "2013-09-01"),
        ];
        resolve(&mut claims);
        let mut ids: Vec<&str> = claims.iter().map(|c| c.event.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 3);
    }

    #[test]
    fn other_places_and_declared_events_are_left_apart() {
        let mut claims = vec![
            adhoc("A", "2013-09-01"),
            count("B", "declared", Attribute::Killed, 1.0, Some(1.0)),
        ];
        let mut other = adhoc("C", "2013-09-01");
        other.event = "adhoc:attack:camp-y".into();
        claims.push(other);
        resolve(&mut claims);
        assert_eq!(claims[0].event, "adhoc:attack:camp-x:2013-09-01");
        assert_eq!(claims[1].event, "declared");
        assert_eq!(claims[2].event, "adhoc:attack:camp-y:2013-09-01");
    }

    #[test]
    fn a_day_date_claim_places_its_event_and_resolving_twice_is_stable() {
        let mut d = dated(
            "A",
            "adhoc:attack:camp-x",
            "2013-09-01",
            "2013-09-01",
            "2013-09-01",
            Granularity::Day,
        );
        d.published = Some(date("2013-09-04"));
        let mut later = count(
            "B",
            "adhoc:attack:camp-x",
            Attribute::Killed,
            5.0,
            Some(5.0),
        );
        later.published = Some(date("2013-09-04"));
        let mut claims = vec![d, later];
        resolve(&mut claims);
        assert_eq!(claims[0].event, "adhoc:attack:camp-x:2013-09-01");
        assert_eq!(claims[1].event, "adhoc:attack:camp-x:2013-09-01");
        let before = claims.clone();
        resolve(&mut claims);
        assert_eq!(claims, before);
    }
}
