//! Scoring findings against a gold file: how good the whole pipeline is on a corpus.
//!
//! Takes a gold file (data/gold.toml: `[[finding]]` entries a correct run must report,
//! `[[non_finding]]` entries it must not) and the findings of a run; gives precision and recall
//! with the entry-by-entry detail. Only contradictions are scored: `info` findings (a figure
//! with a single witness) are notes for the reviewer, not claims that sources disagree.
//!
//! An entry matches a finding when the event is the same (or the entry's id ends in `*` and
//! is a prefix of it), the attribute is the same, every listed source appears among the
//! finding's claims (outlets compared as slugs: "Counterpoint Review" is the
//! `counterpoint-review` a header-less file is named after), every listed value is one of its claims' texts (or a word of one, any
//! case), and the finding is at least as severe as the entry says. A `[[non_finding]]` with two
//! or more sources is broken only when two of them stand on sides the finding says cannot both
//! be true: a finding that contradicts a third source while both agree breaks nothing.

use std::path::Path;

use serde::Deserialize;

use super::rules::describe_toml_error;
use super::{Finding, Severity};
use crate::claims::Attribute;
use crate::error::{Error, Result};

/// One gold entry.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub event: String,
    pub attribute: Attribute,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub values: Vec<String>,
    pub severity: Option<Severity>,
}

/// A gold file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    #[serde(default)]
    pub finding: Vec<Entry>,
    #[serde(default)]
    pub non_finding: Vec<Entry>,
}

impl Gold {
    pub fn parse(text: &str, path: &Path) -> Result<Gold> {
        toml::from_str(text).map_err(|e| {
            let (location, message) = describe_toml_error(path, text, &e);
            Error::parse(location, message)
        })
    }
}

/// Precision, recall and what went wrong.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    /// Scored findings of the run (every severity but info).
    pub reported: usize,
    /// Of those, the ones that match a `[[finding]]` and break no `[[non_finding]]`.
    pub correct: usize,
    /// `[[finding]]` entries, and how many some finding matched.
    pub expected: usize,
    pub found: usize,
    /// Human-readable lines: misses, false alarms, broken non-findings.
    pub problems: Vec<String>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.reported)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.found, self.expected)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

impl Entry {
    fn describe(&self) -> String {
        format!(
            "{} {} {:?}{}",
            self.event,
            super::finding::attribute_name(self.attribute),
            self.sources,
            if self.values.is_empty() {
                String::new()
            } else {
                format!(" {:?}", self.values)
            }
        )
    }

    fn same_subject(&self, f: &Finding) -> bool {
        let event = match self.event.strip_suffix('*') {
            Some(prefix) => f.event.starts_with(prefix),
            None => f.event == self.event,
        };
        event && f.attribute == self.attribute
    }

    /// Whether this `[[finding]]` entry is what `f` reports.
    pub fn matches(&self, f: &Finding) -> bool {
        self.same_subject(f)
            && self.severity.map_or(true, |s| f.severity >= s)
            && self
                .sources
                .iter()
                .all(|s| f.claims.iter().any(|c| same_source(&c.source, s)))
            && self.values.iter().all(|v| {
                let v = v.to_lowercase();
                f.claims.iter().any(|c| {
                    let text = c.text.to_lowercase();
                    text == v || text.split(|ch: char| !ch.is_alphanumeric()).any(|w| w == v)
                })
            })
    }

    /// Whether `f` reports what this `[[non_finding]]` entry says must not be reported.
    pub fn broken_by(&self, f: &Finding) -> bool {
        if !self.same_subject(f) {
            return false;
        }
        let on_side = |source: &str| -> Vec<usize> {
            f.sides
                .iter()
                .enumerate()
                .filter(|(_, s)| s.sources.iter().any(|x| same_source(x, source)))
                .map(|(i, _)| i)
                .collect()
        };
        match self.sources.as_slice() {
            [] => true,
            [one] => !on_side(one).is_empty(),
            many if f.conflicts.is_empty() => many.iter().all(|s| !on_side(s).is_empty()),
            many => many.iter().enumerate().any(|(i, x)| {
                many.iter().skip(i + 1).any(|y| {
                    on_side(x).iter().any(|&a| {
                        on_side(y)
                            .iter()
                            .any(|&b| a != b && f.conflicts.contains(&[a.min(b), a.max(b)]))
                    })
                })
            }),
        }
    }
}

fn same_source(a: &str, b: &str) -> bool {
    super::adhoc::slug(a) == super::adhoc::slug(b)
}

/// Scores the findings of a run against the gold.
pub fn score(gold: &Gold, findings: &[Finding]) -> Score {
    let scored: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity > Severity::Info)
        .collect();
    let mut s = Score {
        reported: scored.len(),
        expected: gold.finding.len(),
        ..Score::default()
    };
    for e in &gold.finding {
        if scored.iter().any(|f| e.matches(f)) {
            s.found += 1;
        } else {
            s.problems.push(format!("missed: {}", e.describe()));
        }
    }
    for f in &scored {
        let matched = gold.finding.iter().any(|e| e.matches(f));
        let broken: Vec<&Entry> = gold.non_finding.iter().filter(|n| n.broken_by(f)).collect();
        if matched && broken.is_empty() {
            s.correct += 1;
        } else if !broken.is_empty() {
            for n in broken {
                s.problems.push(format!(
                    "false alarm {} ({}): must not report {}",
                    f.id,
                    f.message,
                    n.describe()
                ));
            }
        } else {
            s.problems.push(format!(
                "false alarm {} ({}): not in the gold",
                f.id, f.message
            ));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::kinds::test_support::{count, rule};
    use crate::engine::rules::RuleKind;

    fn entry(event: &str, sources: &[&str]) -> Entry {
        Entry {
            event: event.into(),
            attribute: Attribute::Injured,
            sources: sources.iter().map(|s| s.to_string()).collect(),
            values: Vec::new(),
            severity: None,
        }
    }

    fn wounded_finding() -> Finding {
        let mut r = rule(RuleKind::Agree);
        r.allow_growth_days = Some(30);
        let mut claims = Vec::new();
        for (source, n, published) in [
            ("A", 176.0, "2013-04-17"),
            ("B", 264.0, "2013-04-25"),
            ("C", 140.0, "2014-04-10"),
        ] {
            let mut c = count(
                source,
                "adhoc:attack:x:2013-04-15",
                Attribute::Injured,
                n,
                Some(n),
            );
            c.published = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
            claims.push(c);
        }
        let f = crate::engine::kinds::agree::run(&r, &claims);
        assert_eq!(f.len(), 1);
        f.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn finding_entry_matches_by_prefix_and_sources() {
        let f = wounded_finding();
        assert!(entry("adhoc:attack:*", &["C"]).matches(&f));
        assert!(!entry("adhoc:attack:*", &["D"]).matches(&f));
        assert!(!entry("adhoc:attack:y", &["C"]).matches(&f));
    }

    #[test]
    fn non_finding_is_broken_only_by_sides_in_conflict() {
        let f = wounded_finding();
        assert!(!entry("adhoc:attack:*", &["A", "B"]).broken_by(&f));
        assert!(entry("adhoc:attack:*", &["A", "C"]).broken_by(&f));
        assert!(entry("adhoc:attack:*", &[]).broken_by(&f));
    }

    #[test]
    fn scores_count_matches_misses_and_false_alarms() {
        let gold = Gold {
            finding: vec![entry("adhoc:attack:*", &["C"]), entry("other", &[])],
            non_finding: vec![entry("adhoc:attack:*", &["A", "B"])],
        };
        let s = score(&gold, &[wounded_finding()]);
        assert_eq!((s.reported, s.correct, s.expected, s.found), (1, 1, 2, 1));
        assert_eq!(s.precision(), 1.0);
        assert_eq!(s.recall(), 0.5);
        let strict = Gold {
            non_finding: vec![entry("adhoc:attack:*", &["B", "C"])],
            ..gold
        };
        assert_eq!(score(&strict, &[wounded_finding()]).correct, 0);
    }
}
