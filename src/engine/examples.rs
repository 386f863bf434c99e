//! Rule examples: claims in, findings out, the proof every rules file ships with.
//!
//! Takes an examples file (`rules/examples/<set>.toml`) and the rules; gives, for each case, the
//! findings the rules produced against those expected, and a coverage check (every rule has a
//! case where it fires and a case where it must stay silent). `factline rules test` and the test
//! suite both run these. A case:
//!
//! ```toml
//! [[case]]
//! name = "seven dead against six killed is a contradiction"
//! rule = "count-disagreement"            # optional: run only this rule
//! [[case.claim]]
//! event = "liberty-attack-2013"
//! attribute = "killed"
//! count = 7                              # or low/high (high absent: "at least"), or date
//! source = "Outlet A"
//! published = "2013-02-10"
//! [[case.claim]]
//! event = "liberty-attack-2013"
//! attribute = "killed"
//! count = 6
//! source = "Outlet B"
//! [[case.expect]]
//! rule = "count-disagreement"
//! event = "liberty-attack-2013"
//! attribute = "killed"
//! values = ["6", "7"]                    # optional: the sides' values, lowest first
//! ```
//!
//! A case with no `expect` says the rules must find nothing. A case may declare the event
//! windows it assumes (`windows = { "e" = ["2013-08-31", "2013-09-02"] }`), as events.toml would.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::finding::value_key;
use super::rules::{describe_toml_error, location_at};
use super::{evaluate, Finding, RuleSet, Severity};
use crate::claims::{Attribute, Claim, Value};
use crate::error::{Error, Location, Result};
use crate::temporal::{Granularity, Modifier};

/// One case of an examples file, with its claims built.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    /// Run only this rule (its positive and negative examples), else every rule of the set.
    pub rule: Option<String>,
    pub claims: Vec<Claim>,
    pub expect: Vec<Expect>,
    /// Event windows the case assumes (as events.toml would declare them), for `window` rules.
    pub windows: BTreeMap<String, (NaiveDate, NaiveDate)>,
    pub location: Location,
}

/// A finding a case expects.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub rule: String,
    pub event: String,
    pub attribute: Attribute,
    pub severity: Option<Severity>,
    pub values: Option<Vec<String>>,
}

impl Expect {
    fn matches(&self, f: &Finding) -> bool {
        self.rule == f.rule
            && self.event == f.event
            && self.attribute == f.attribute
            && self.severity.map_or(true, |s| s == f.severity)
            && self.values.as_ref().map_or(true, |v| {
                *v == f.sides.iter().map(|s| s.value.clone()).collect::<Vec<_>>()
            })
    }

    fn describe(&self) -> String {
        let values = self
            .values
            .as_ref()
            .map(|v| format!(" {v:?}"))
            .unwrap_or_default();
        format!(
            "{} on {} {}{values}",
            self.rule,
            self.event,
            super::finding::attribute_name(self.attribute)
        )
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    case: Vec<Spanned<RawCase>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    name: String,
    rule: Option<String>,
    #[serde(default)]
    claim: Vec<Spanned<RawClaim>>,
    #[serde(default)]
    expect: Vec<Expect>,
    #[serde(default)]
    windows: BTreeMap<String, [NaiveDate; 2]>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    event: String,
    #[serde(default)]
    kind: String,
    attribute: Attribute,
    count: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    date: Option<String>,
    earliest: Option<NaiveDate>,
    latest: Option<NaiveDate>,
    modifier: Option<Modifier>,
    text: Option<String>,
    qualifier: Option<String>,
    place: Option<String>,
    as_of: Option<NaiveDate>,
    quote: Option<String>,
    doc: Option<String>,
    source: String,
    published: Option<NaiveDate>,
    line: Option<usize>,
    attribution: Option<String>,
    via: Option<String>,
}

/// Parses an examples file. Errors name the file, line and key.
pub fn parse(text: &str, path: &Path) -> Result<Vec<Case>> {
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let (location, message) = describe_toml_error(path, text, &e);
        Error::parse(location, message)
    })?;
    let mut cases = Vec::new();
    for spanned in raw.case {
        let location = location_at(path, text, spanned.span().start);
        let raw = spanned.into_inner();
        let mut claims = Vec::new();
        for c in raw.claim {
            let at = location_at(path, text, c.span().start);
            claims.push(build_claim(c.into_inner(), at)?);
        }
        cases.push(Case {
            name: raw.name,
            rule: raw.rule,
            claims,
            expect: raw.expect,
            windows: raw
                .windows
                .into_iter()
                .map(|(event, [start, end])| (event, (start, end)))
                .collect(),
            location,
        });
    }
    Ok(cases)
}

fn build_claim(raw: RawClaim, at: Location) -> Result<Claim> {
    let (value, shown) = match (raw.count, raw.low, &raw.date) {
        (Some(n), None, None) => (
            Value::Count {
                low: n,
                high: Some(n),
                best: n,
            },
            value_key(&Value::Count {
                low: n,
                high: Some(n),
                best: n,
            }),
        ),
        (None, Some(low), None) => {
            let v = Value::Count {
                low,
                high: raw.high,
                best: low,
            };
            let shown = value_key(&v);
            (v, shown)
        }
        (None, None, Some(d)) => {
            let Some((start, end, granularity)) = timex_interval(d) else {
                return Err(Error::parse(
                    at,
                    format!("key `date`: `{d}` is not YYYY, YYYY-MM or YYYY-MM-DD"),
                ));
            };
            let v = Value::Date {
                value: d.clone(),
                earliest: raw.earliest.unwrap_or(start),
                latest: raw.latest.unwrap_or(end),
                granularity,
                modifier: raw.modifier,
            };
            (v, d.clone())
        }
        _ => {
            return Err(Error::parse(
                at,
                "a claim needs exactly one of `count`, `low` (with optional `high`) or `date`",
            ))
        }
    };
    let text = raw.text.unwrap_or(shown);
    Ok(Claim {
        event: raw.event,
        kind: raw.kind,
        attribute: raw.attribute,
        value,
        quote: raw.quote.unwrap_or_else(|| text.clone()),
        text,
        qualifier: raw.qualifier,
        place: raw.place,
        as_of: raw.as_of,
        doc: raw.doc.unwrap_or_else(|| raw.source.clone()),
        source: raw.source,
        url: None,
        published: raw.published,
        line: raw.line.unwrap_or(at.line),
        attribution: raw.attribution,
        via: raw.via,
        confidence: 1.0,
    })
}

/// The interval a plain TIMEX3 date value covers: `2012` is the year, `2012-09` the month,
/// `2012-09-21` the day, `197` the 1970s.
pub fn timex_interval(value: &str) -> Option<(NaiveDate, NaiveDate, Granularity)> {
    let ymd = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
    let parts: Vec<&str> = value.split('-').collect();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !parts.iter().all(|p| digits(p)) {
        return None;
    }
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y: i32 = y.parse().ok()?;
            Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?, Granularity::Year))
        }
        [d] if d.len() == 3 => {
            let y: i32 = d.parse::<i32>().ok()? * 10;
            Some((ymd(y, 1, 1)?, ymd(y + 9, 12, 31)?, Granularity::Decade))
        }
        [y, m] if y.len() == 4 && m.len() == 2 => {
            let start = ymd(y.parse().ok()?, m.parse().ok()?, 1)?;
            let end = start
                .checked_add_months(chrono::Months::new(1))?
                .pred_opt()?;
            Some((start, end, Granularity::Month))
        }
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            let day = ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
            Some((day, day, Granularity::Day))
        }
        _ => None,
    }
}

/// What running one case gave.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub name: String,
    pub location: Location,
    /// Expected findings that did not come, and findings nobody expected.
    pub problems: Vec<String>,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Runs every case against `rules` (or its one rule) and compares the findings.
pub fn run(rules: &RuleSet, cases: &[Case]) -> Vec<Outcome> {
    cases
        .iter()
        .map(|case| {
            let mut problems = Vec::new();
            let selected = match &case.rule {
                Some(id) => match rules.get(id) {
                    Some(rule) => RuleSet {
                        rules: vec![rule.clone()],
                    },
                    None => {
                        problems.push(format!("no rule `{id}` in this set"));
                        RuleSet::default()
                    }
                },
                None => rules.clone(),
            };
            let mut selected = selected;
            for rule in &mut selected.rules {
                if rule.kind == super::RuleKind::Window {
                    for (event, window) in &case.windows {
                        rule.windows.insert(event.clone(), *window);
                    }
                }
            }
            let findings = evaluate(&selected, &case.claims);
            let mut used = vec![false; findings.len()];
            for e in &case.expect {
                let hit = findings
                    .iter()
                    .enumerate()
                    .find(|(i, f)| !used.get(*i).copied().unwrap_or(true) && e.matches(f));
                match hit {
                    Some((i, _)) => {
                        if let Some(u) = used.get_mut(i) {
                            *u = true;
                        }
                    }
                    None => problems.push(format!("expected {}, not found", e.describe())),
                }
            }
            for (f, u) in findings.iter().zip(&used) {
                if !u {
                    let values: Vec<&str> = f.sides.iter().map(|s| s.value.as_str()).collect();
                    problems.push(format!(
                        "unexpected {} on {} {} {values:?}: {}",
                        f.rule,
                        f.event,
                        super::finding::attribute_name(f.attribute),
                        f.message
                    ));
                }
            }
            Outcome {
                name: case.name.clone(),
                location: case.location.clone(),
                problems,
            }
        })
        .collect()
}

/// Rules without a case where they fire, or without a case (naming them in `rule`) where they
/// must stay silent.
pub fn coverage(rules: &RuleSet, cases: &[Case]) -> Vec<String> {
    let mut missing = Vec::new();
    for rule in &rules.rules {
        let positive = cases
            .iter()
            .any(|c| c.expect.iter().any(|e| e.rule == rule.id));
        let negative = cases.iter().any(|c| {
            c.rule.as_deref() == Some(rule.id.as_str())
                && !c.expect.iter().any(|e| e.rule == rule.id)
        });
        if !positive {
            missing.push(format!(
                "{} ({}): no case where it fires",
                rule.id, rule.location
            ));
        }
        if !negative {
            missing.push(format!(
                "{} ({}): no case where it must stay silent",
                rule.id, rule.location
            ));
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timex_values_give_their_intervals() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            timex_interval("2012"),
            Some((d("2012-01-01"), d("2012-12-31"), Granularity::Year))
        );
        assert_eq!(
            timex_interval("2012-02"),
            Some((d("2012-02-01"), d("2012-02-29"), Granularity::Month))
        );
        assert_eq!(
            timex_interval("197"),
            Some((d("1970-01-01"), d("1979-12-31"), Granularity::Decade))
        );
        assert_eq!(
            timex_interval("2013-09-01"),
            Some((d("2013-09-01"), d("2013-09-01"), Granularity::Day))
        );
        assert_eq!(timex_interval("XXXX-09"), None);
        assert_eq!(timex_interval("2013-13"), None);
    }

    #[test]
    fn claim_needs_exactly_one_value() {
        let text = "[[case]]\nname = \"x\"\n[[case.claim]]\nevent = \"e\"\nattribute = \"killed\"\nsource = \"A\"\n";
        let e = parse(text, Path::new("ex.toml")).unwrap_err().to_string();
        assert!(
            e.starts_with("ex.toml:4:1: ") || e.starts_with("ex.toml:3:"),
            "{e}"
        );
        assert!(e.contains("exactly one of"), "{e}");
    }
}

/// What testing one rules file gave.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub rules_file: std::path::PathBuf,
    pub examples_file: std::path::PathBuf,
    /// False when the examples file does not exist.
    pub found: bool,
    pub outcomes: Vec<Outcome>,
    /// Rules without a positive or a negative case.
    pub coverage: Vec<String>,
}

impl FileReport {
    pub fn passed(&self) -> bool {
        self.found && self.coverage.is_empty() && self.outcomes.iter().all(Outcome::passed)
    }
}

/// Tests every rules file of `dir` (its `*.toml` but events.toml) against
/// `dir/examples/<name>.toml`, each file's cases run with that file's rules only.
pub fn test_dir(dir: &Path) -> Result<Vec<FileReport>> {
    let config = crate::Config::load(dir)?;
    let mut reports = Vec::new();
    let mut rule_files: Vec<std::path::PathBuf> = config
        .rules
        .rules
        .iter()
        .map(|r| r.location.path.clone())
        .collect();
    rule_files.sort();
    rule_files.dedup();
    for path in rule_files {
        let name = path
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        let examples_file = dir.join("examples").join(name);
        let rules = config.rules.from_file(&path);
        let text = match std::fs::read_to_string(&examples_file) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                reports.push(FileReport {
                    rules_file: path,
                    examples_file,
                    found: false,
                    outcomes: Vec::new(),
                    coverage: Vec::new(),
                });
                continue;
            }
            Err(e) => return Err(Error::io(Location::file(&examples_file), e)),
        };
        let cases = parse(&text, &examples_file)?;
        reports.push(FileReport {
            outcomes: run(&rules, &cases),
            coverage: coverage(&rules, &cases),
            rules_file: path,
            examples_file,
            found: true,
        });
    }
    Ok(reports)
}
