//! Rule kinds: the code behind `kind = "..."` in rules files, one file a kind.
//!
//! Takes a rule and the claims (ad-hoc events already resolved); gives findings. This module
//! holds what the kinds share: grouping by (event, attribute), the interval test that decides
//! whether two values can both be true, growth of tolls, state attributes compared only at the
//! same time, and witnesses (outlet, or attribution when a rule asks for distinct ones).

pub mod agree;
pub mod corroboration;
pub mod internal;
pub mod order;
pub mod window;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::rules::{Rule, RuleKind};
use super::Finding;
use crate::claims::{Attribute, Claim, Value};
use crate::temporal::Granularity;

/// Runs one rule.
pub fn run(rule: &Rule, claims: &[Claim]) -> Vec<Finding> {
    match rule.kind {
        RuleKind::Agree => agree::run(rule, claims),
        RuleKind::Order => order::run(rule, claims),
        RuleKind::Window => window::run(rule, claims),
        RuleKind::Internal => internal::run(rule, claims),
        RuleKind::Corroboration => corroboration::run(rule, claims),
    }
}

/// The claims a rule looks at, by (event, attribute), in a stable order. Ad-hoc events with
/// no known place are left out: nothing says two such mentions are one incident.
pub(crate) fn groups<'a>(
    rule: &Rule,
    claims: &'a [Claim],
) -> BTreeMap<(String, Attribute), Vec<&'a Claim>> {
    let mut out: BTreeMap<(String, Attribute), Vec<&Claim>> = BTreeMap::new();
    for c in claims {
        if !super::adhoc::is_unplaced(&c.event)
            && rule.events.matches(&c.event)
            && (rule.attributes.is_empty() || rule.attributes.contains(&c.attribute))
        {
            out.entry((c.event.clone(), c.attribute))
                .or_default()
                .push(c);
        }
    }
    out
}

/// Attributes that describe a state at a time (how many members, residents) rather than the
/// outcome of a dated event: two figures about different times are not a contradiction.
pub fn is_state(attribute: Attribute) -> bool {
    matches!(attribute, Attribute::Members | Attribute::Residents)
}

/// Whether two claims speak about the same time, as far as the rule needs: always for outcome
/// attributes, and for states only when both `as_of` dates are known and close enough.
pub(crate) fn same_time(rule: &Rule, a: &Claim, b: &Claim) -> bool {
    if !is_state(a.attribute) {
        return true;
    }
    match (a.as_of, b.as_of) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= rule.same_time_days,
        _ => false,
    }
}

/// Who vouches for a claim: the outlet, or with `require_distinct_attribution` the one the
/// outlet attributes it to.
pub(crate) fn witness(rule: &Rule, c: &Claim) -> String {
    match (&c.attribution, rule.require_distinct_attribution) {
        (Some(a), true) => normalize_name(a),
        _ => normalize_name(&c.source),
    }
}

/// Whether two claims come from the same post of the same document (a multi-post page is
/// several reports, each of its own date).
pub(crate) fn same_post(a: &Claim, b: &Claim) -> bool {
    a.doc == b.doc && a.published == b.published
}

/// Whether two claims speak in the same voice: both unattributed, or attributed to the same
/// authority ("the U.N." and "UN" are one).
pub(crate) fn same_voice(a: &Claim, b: &Claim) -> bool {
    a.attribution.as_deref().map(normalize_name) == b.attribution.as_deref().map(normalize_name)
}

/// Lowercase, without a leading "the" and dots, so "the U.N." and "UN" are one witness.
fn normalize_name(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.chars().filter(|c| *c != '.').collect()
}

/// Why two values cannot both be true, or `None` when they can (their intervals overlap after
/// the rule's tolerance; dates compared at the coarsest granularity both sides have).
pub fn conflict(rule: &Rule, a: &Value, b: &Value) -> Option<String> {
    // The lower value first, so the reason reads the same whatever the input order.
    let (a, b) = if super::finding::order_key(b) < super::finding::order_key(a) {
        (b, a)
    } else {
        (a, b)
    };
    match (a, b) {
        (
            Value::Count {
                low: al, high: ah, ..
            },
            Value::Count {
                low: bl, high: bh, ..
            },
        ) => {
            let t = rule.tolerance;
            let widen_low = |x: f64| x * (1.0 - t);
            let widen_high = |x: Option<f64>| x.map_or(f64::INFINITY, |h| h * (1.0 + t));
            let overlap = widen_low(*al) <= widen_high(*bh) && widen_low(*bl) <= widen_high(*ah);
            if overlap {
                None
            } else {
                let tol = if t > 0.0 {
                    format!(" even with a {}% tolerance", (t * 100.0).round())
                } else {
                    String::new()
                };
                Some(format!(
                    "{} and {} cannot both be true: the ranges [{}] and [{}] do not overlap{tol}",
                    super::finding::value_key(a),
                    super::finding::value_key(b),
                    range(*al, *ah),
                    range(*bl, *bh),
                ))
            }
        }
        (
            Value::Date {
                earliest: ae,
                latest: al,
                granularity: ag,
                modifier: am,
                ..
            },
            Value::Date {
                earliest: be,
                latest: bl,
                granularity: bg,
                modifier: bm,
                ..
            },
        ) => {
            // Exact values compare at the coarsest unit both have ("September 2011" against
            // "2012" is 2011 against 2012). A value with a modifier ("nearly a year ago",
            // "late 2011") already states its uncertainty as its interval: widening that to
            // whole units would swallow the very difference the band draws.
            let g = (*ag).max(*bg);
            let coarsen = am.is_none() && bm.is_none();
            let widen = |e: NaiveDate, l: NaiveDate| {
                if coarsen {
                    (floor(e, g), ceil(l, g))
                } else {
                    (e, l)
                }
            };
            let (ae2, al2) = widen(*ae, *al);
            let (be2, bl2) = widen(*be, *bl);
            if ae2 <= bl2 && be2 <= al2 {
                None
            } else if coarsen {
                Some(format!(
                    "{} ({ae}..{al}) and {} ({be}..{bl}) do not overlap, even compared by {}",
                    super::finding::value_key(a),
                    super::finding::value_key(b),
                    granularity_name(g),
                ))
            } else {
                Some(format!(
                    "{} ({ae}..{al}) and {} ({be}..{bl}) do not overlap",
                    super::finding::value_key(a),
                    super::finding::value_key(b),
                ))
            }
        }
        _ => None,
    }
}

fn range(low: f64, high: Option<f64>) -> String {
    let fmt = |x: f64| {
        if x.fract() == 0.0 {
            format!("{}", x as i64)
        } else {
            format!("{x:.1}")
        }
    };
    match high {
        Some(h) => format!("{}, {}", fmt(low), fmt(h)),
        None => format!("{}, inf", fmt(low)),
    }
}

/// A higher figure published later, within `allow_growth_days`, updates a toll rather than
/// contradicting it. A lower later figure, or one without dates, is never growth.
pub(crate) fn is_growth(rule: &Rule, a: &Claim, b: &Claim) -> bool {
    let Some(days) = rule.allow_growth_days else {
        return false;
    };
    let (Some(pa), Some(pb)) = (a.published, b.published) else {
        return false;
    };
    let (earlier, later) = match pa.cmp(&pb) {
        std::cmp::Ordering::Less => (a, b),
        std::cmp::Ordering::Greater => (b, a),
        std::cmp::Ordering::Equal => return false,
    };
    let gap = match (earlier.published, later.published) {
        (Some(x), Some(y)) => (y - x).num_days(),
        _ => return false,
    };
    match (&earlier.value, &later.value) {
        (Value::Count { best: e, .. }, Value::Count { best: l, .. }) => l > e && gap <= days,
        _ => false,
    }
}

pub fn granularity_name(g: Granularity) -> &'static str {
    match g {
        Granularity::Time => "time",
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        Granularity::Season => "season",
        Granularity::Quarter => "quarter",
        Granularity::Half => "half-year",
        Granularity::Year => "year",
        Granularity::Decade => "decade",
        Granularity::Century => "century",
    }
}

/// The first day of the unit of granularity `g` that holds `d`.
pub(crate) fn floor(d: NaiveDate, g: Granularity) -> NaiveDate {
    let y = d.year();
    let ymd = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d);
    match g {
        Granularity::Time | Granularity::Day => d,
        Granularity::Week => {
            d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday()))
        }
        Granularity::Month => ymd(y, d.month()),
        Granularity::Season | Granularity::Quarter => ymd(y, (d.month0() / 3) * 3 + 1),
        Granularity::Half => ymd(y, (d.month0() / 6) * 6 + 1),
        Granularity::Year => ymd(y, 1),
        Granularity::Decade => ymd(y.div_euclid(10) * 10, 1),
        Granularity::Century => ymd(y.div_euclid(100) * 100, 1),
    }
}

/// The last day of the unit of granularity `g` that holds `d`.
pub(crate) fn ceil(d: NaiveDate, g: Granularity) -> NaiveDate {
    let start = floor(d, g);
    let next = match g {
        Granularity::Time | Granularity::Day => return d,
        Granularity::Week => start.checked_add_days(chrono::Days::new(7)),
        Granularity::Month => start.checked_add_months(chrono::Months::new(1)),
        Granularity::Season | Granularity::Quarter => {
            start.checked_add_months(chrono::Months::new(3))
        }
        Granularity::Half => start.checked_add_months(chrono::Months::new(6)),
        Granularity::Year => start.checked_add_months(chrono::Months::new(12)),
        Granularity::Decade => start.checked_add_months(chrono::Months::new(120)),
        Granularity::Century => start.checked_add_months(chrono::Months::new(1200)),
    };
    next.and_then(|n| n.pred_opt()).unwrap_or(d)
}

/// Which claims of a group conflict. Built bucket by bucket (claims with one value never
/// conflict with each other), so memory stays linear in the claims however many pairs
/// conflict: the pairs themselves are not kept, only who is involved, the connected groups
/// (union-find) and one representative pair for each two values in conflict.
#[derive(Debug, Clone, Default)]
pub(crate) struct Graph {
    parent: Vec<usize>,
    involved: Vec<bool>,
    /// One conflicting pair of claims for each pair of values in conflict.
    reps: Vec<(usize, usize)>,
}

impl Graph {
    fn new(n: usize) -> Graph {
        Graph {
            parent: (0..n).collect(),
            involved: vec![false; n],
            reps: Vec::new(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let gp = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = gp;
            }
            x = p;
        }
        x
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if let Some(slot) = self.parent.get_mut(ra.max(rb)) {
            *slot = ra.min(rb);
        }
        for x in [a, b] {
            if let Some(flag) = self.involved.get_mut(x) {
                *flag = true;
            }
        }
    }

    /// Every claim in conflict with another, sorted.
    fn members(&self) -> Vec<usize> {
        (0..self.involved.len())
            .filter(|&i| self.involved.get(i).copied().unwrap_or(false))
            .collect()
    }

    /// Connected groups of conflicting claims, each sorted, in order of their first member.
    fn components(&mut self) -> Vec<Vec<usize>> {
        let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in self.members() {
            let r = self.find(i);
            by_root.entry(r).or_default().push(i);
        }
        let mut out: Vec<Vec<usize>> = by_root.into_values().collect();
        out.sort();
        out
    }
}

/// The conflicts among `claims` that `keep` allows: pairs from different values whose
/// intervals cannot both hold, at the same time for states, and not explained by growth.
pub(crate) fn conflict_graph(
    rule: &Rule,
    claims: &[&Claim],
    keep: impl Fn(&Claim, &Claim) -> bool,
) -> Graph {
    let mut buckets: BTreeMap<((i64, i64), String), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        buckets
            .entry((
                super::finding::order_key(&c.value),
                super::finding::value_key(&c.value),
            ))
            .or_default()
            .push(i);
    }
    let buckets: Vec<Vec<usize>> = buckets.into_values().collect();
    let mut graph = Graph::new(claims.len());
    for (bi, left) in buckets.iter().enumerate() {
        for right in buckets.iter().skip(bi + 1) {
            let (Some(&l0), Some(&r0)) = (left.first(), right.first()) else {
                continue;
            };
            let (Some(lv), Some(rv)) = (claims.get(l0), claims.get(r0)) else {
                continue;
            };
            if conflict(rule, &lv.value, &rv.value).is_none() {
                continue;
            }
            let mut rep = None;
            for &i in left {
                for &j in right {
                    let (Some(a), Some(b)) = (claims.get(i), claims.get(j)) else {
                        continue;
                    };
                    if keep(a, b) && same_time(rule, a, b) && !is_growth(rule, a, b) {
                        graph.join(i, j);
                        rep.get_or_insert((i, j));
                    }
                }
            }
            graph.reps.extend(rep);
        }
    }
    graph
}

/// One finding for every claim in conflict, or none.
pub(crate) fn finding_from_graph(
    rule: &Rule,
    event: &str,
    attribute: Attribute,
    claims: &[&Claim],
    graph: &Graph,
) -> Option<Finding> {
    let members = graph.members();
    if members.is_empty() {
        return None;
    }
    Some(finding_for(
        rule,
        event,
        attribute,
        claims,
        &members,
        &graph.reps,
    ))
}

/// One finding per connected group of conflicting claims.
pub(crate) fn findings_from_graph(
    rule: &Rule,
    event: &str,
    attribute: Attribute,
    claims: &[&Claim],
    mut graph: Graph,
) -> Vec<Finding> {
    graph
        .components()
        .into_iter()
        .map(|members| finding_for(rule, event, attribute, claims, &members, &graph.reps))
        .collect()
}

/// The finding over `members` (sorted indexes into `claims`), with the representative
/// conflicting pairs among them and the reasons those values conflict.
fn finding_for(
    rule: &Rule,
    event: &str,
    attribute: Attribute,
    claims: &[&Claim],
    members: &[usize],
    reps: &[(usize, usize)],
) -> Finding {
    let local = |i: usize| members.binary_search(&i).ok();
    let member_claims: Vec<Claim> = members
        .iter()
        .filter_map(|&i| claims.get(i).map(|c| (*c).clone()))
        .collect();
    let mut local_pairs = Vec::new();
    let mut reasons = Vec::new();
    for &(a, b) in reps {
        let (Some(la), Some(lb)) = (local(a), local(b)) else {
            continue;
        };
        local_pairs.push((la, lb));
        if let (Some(x), Some(y)) = (claims.get(a), claims.get(b)) {
            if let Some(r) = conflict(rule, &x.value, &y.value) {
                reasons.push(r);
            }
        }
    }
    reasons.sort();
    reasons.dedup();
    super::finding::build(
        rule,
        event,
        attribute,
        member_claims,
        &local_pairs,
        reasons.join("; "),
    )
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Hand-written claims for the kinds' unit tests.
    use super::*;
    use crate::engine::rules::{EventFilter, Rule};
    use crate::engine::Severity;
    use crate::error::Location;

    pub fn rule(kind: RuleKind) -> Rule {
        Rule {
            id: "test-rule".into(),
            severity: Severity::High,
            kind,
            attributes: Vec::new(),
            events: EventFilter::default(),
            tolerance: 0.0,
            allow_growth_days: None,
            require_distinct_attribution: false,
            same_time_days: 31,
            pairs: Vec::new(),
            before_published: false,
            windows: Default::default(),
            message: "{source_a} says {value_a}; {source_b} says {value_b}".into(),
            description: None,
            location: Location::file("test.toml"),
        }
    }

    pub fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    pub fn count(
        source: &str,
        event: &str,
        attribute: Attribute,
        low: f64,
        high: Option<f64>,
    ) -> Claim {
        Claim {
            event: event.into(),
            kind: "attack".into(),
            attribute,
            value: Value::Count {
                low,
                high,
                best: low,
            },
            text: format!("{low}"),
            qualifier: None,
            place: None,
            as_of: None,
            quote: format!("{source} quote"),
            doc: format!("{source}.txt"),
            source: source.into(),
            url: None,
            published: Some(date("2013-09-02")),
            line: 1,
            attribution: None,
            via: None,
            confidence: 1.0,
        }
    }

    pub fn dated(
        source: &str,
        event: &str,
        value: &str,
        earliest: &str,
        latest: &str,
        g: Granularity,
    ) -> Claim {
        Claim {
            value: Value::Date {
                value: value.into(),
                earliest: date(earliest),
                latest: date(latest),
                granularity: g,
                modifier: None,
            },
            text: value.into(),
            ..count(source, event, Attribute::Date, 0.0, None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    fn c(low: f64, high: Option<f64>) -> Value {
        Value::Count {
            low,
            high,
            best: low,
        }
    }

    #[test]
    fn at_least_52_and_52_agree() {
        let r = rule(RuleKind::Agree);
        assert_eq!(conflict(&r, &c(52.0, None), &c(52.0, Some(52.0))), None);
    }

    #[test]
    fn seven_and_six_conflict() {
        let r = rule(RuleKind::Agree);
        assert!(conflict(&r, &c(7.0, Some(7.0)), &c(6.0, Some(6.0))).is_some());
    }

    #[test]
    fn dozens_and_35_agree() {
        let r = rule(RuleKind::Agree);
        assert_eq!(
            conflict(&r, &c(24.0, Some(99.0)), &c(35.0, Some(35.0))),
            None
        );
    }

    #[test]
    fn tolerance_lets_close_figures_agree() {
        let mut r = rule(RuleKind::Agree);
        assert!(conflict(&r, &c(100.0, Some(100.0)), &c(108.0, Some(108.0))).is_some());
        r.tolerance = 0.05;
        assert_eq!(
            conflict(&r, &c(100.0, Some(100.0)), &c(108.0, Some(108.0))),
            None
        );
    }

    #[test]
    fn dates_compare_at_the_coarsest_granularity() {
        let r = rule(RuleKind::Agree);
        let sept_2011 = dated(
            "A",
            "e",
            "2011-09",
            "2011-09-01",
            "2011-09-30",
            Granularity::Month,
        );
        let y2012 = dated(
            "B",
            "e",
            "2012",
            "2012-01-01",
            "2012-12-31",
            Granularity::Year,
        );
        let approx = dated(
            "C",
            "e",
            "2012-09",
            "2012-08-01",
            "2012-10-31",
            Granularity::Month,
        );
        let day = dated(
            "D",
            "e",
            "2012-09-21",
            "2012-09-21",
            "2012-09-21",
            Granularity::Day,
        );
        assert!(conflict(&r, &sept_2011.value, &y2012.value).is_some());
        assert_eq!(conflict(&r, &approx.value, &y2012.value), None);
        assert_eq!(conflict(&r, &day.value, &approx.value), None);
        assert!(conflict(&r, &day.value, &sept_2011.value).is_some());
    }

    #[test]
    fn an_approximate_band_is_compared_as_it_is_not_widened_to_whole_years() {
        let r = rule(RuleKind::Agree);
        let sept_2011 = dated(
            "A",
            "e",
            "2011-09",
            "2011-09-01",
            "2011-09-30",
            Granularity::Month,
        );
        let mut nearly_a_year_ago = dated(
            "B",
            "e",
            "2012",
            "2011-10-02",
            "2013-04-01",
            Granularity::Year,
        );
        if let Value::Date { modifier, .. } = &mut nearly_a_year_ago.value {
            *modifier = Some(crate::temporal::Modifier::Approx);
        }
        let sept_2012 = dated(
            "C",
            "e",
            "2012-09-28",
            "2012-09-28",
            "2012-09-28",
            Granularity::Day,
        );
        assert!(conflict(&r, &sept_2011.value, &nearly_a_year_ago.value).is_some());
        assert_eq!(
            conflict(&r, &sept_2012.value, &nearly_a_year_ago.value),
            None
        );
    }

    #[test]
    fn month_granularity_makes_neighbouring_days_agree_only_within_the_month() {
        let r = rule(RuleKind::Agree);
        let aug31 = dated(
            "A",
            "e",
            "2013-08-31",
            "2013-08-31",
            "2013-08-31",
            Granularity::Day,
        );
        let sept = dated(
            "B",
            "e",
            "2013-09",
            "2013-09-01",
            "2013-09-30",
            Granularity::Month,
        );
        assert!(conflict(&r, &aug31.value, &sept.value).is_some());
    }

    #[test]
    fn floor_and_ceil_bound_the_unit() {
        let d = date("2013-09-17");
        assert_eq!(floor(d, Granularity::Decade), date("2010-01-01"));
        assert_eq!(ceil(d, Granularity::Decade), date("2019-12-31"));
        assert_eq!(ceil(d, Granularity::Month), date("2013-09-30"));
        assert_eq!(floor(d, Granularity::Quarter), date("2013-07-01"));
        assert_eq!(ceil(d, Granularity::Quarter), date("2013-09-30"));
    }

    #[test]
    fn growth_needs_a_later_higher_figure_within_the_window() {
        let mut r = rule(RuleKind::Agree);
        r.allow_growth_days = Some(5);
        let mut early = count("A", "e", Attribute::Killed, 40.0, Some(40.0));
        early.published = Some(date("2013-09-01"));
        let mut late = count("B", "e", Attribute::Killed, 52.0, Some(52.0));
        late.published = Some(date("2013-09-03"));
        assert!(is_growth(&r, &early, &late));
        assert!(is_growth(&r, &late, &early));
        late.published = Some(date("2013-09-20"));
        assert!(!is_growth(&r, &early, &late));
        let mut lower_later = count("C", "e", Attribute::Killed, 30.0, Some(30.0));
        lower_later.published = Some(date("2013-09-03"));
        assert!(!is_growth(&r, &early, &lower_later));
    }

    #[test]
    fn witnesses_are_outlets_unless_attribution_is_required() {
        let mut r = rule(RuleKind::Corroboration);
        let mut a = count("A", "e", Attribute::Killed, 1.0, Some(1.0));
        a.attribution = Some("the U.N.".into());
        let mut b = count("B", "e", Attribute::Killed, 1.0, Some(1.0));
        b.attribution = Some("UN".into());
        assert_ne!(witness(&r, &a), witness(&r, &b));
        r.require_distinct_attribution = true;
        assert_eq!(witness(&r, &a), witness(&r, &b));
    }

    #[test]
    fn conflict_graph_joins_chains_and_skips_bystanders() {
        let r = rule(RuleKind::Agree);
        let claims = [
            count("A", "e", Attribute::Killed, 5.0, Some(5.0)),
            count("B", "e", Attribute::Killed, 4.0, Some(6.0)),
            count("C", "e", Attribute::Killed, 9.0, Some(9.0)),
            count("D", "e", Attribute::Killed, 9.0, Some(9.0)),
            count("E", "e", Attribute::Killed, 1.0, Some(1.0)),
        ];
        let refs: Vec<&Claim> = claims.iter().collect();
        let mut g = conflict_graph(&r, &refs, |_, _| true);
        assert_eq!(g.components(), vec![vec![0, 1, 2, 3, 4]]);
        let mut apart = conflict_graph(&r, &refs[..2], |_, _| true);
        assert!(apart.components().is_empty());
        let only_c_and_e: Vec<&Claim> = vec![refs[2], refs[4]];
        let g2 = conflict_graph(&r, &only_c_and_e, |_, _| true);
        assert_eq!(g2.reps, vec![(1, 0)]);
    }
}
