//! The report as JSON, schema `factline/1`.
//!
//! Takes a [`Report`]; gives one pretty-printed object:
//! `{"schema": "factline/1", "documents": N, "claims": N, "findings": [...], "diagnostics": [...]}`.
//! Each finding has `id` (the stable fingerprint), `rule`, `severity` (high|medium|low|info),
//! `event`, `attribute`, `message`, `status` (open|accepted, with `accepted` giving the reason)
//! and `claims`: objects with `doc`, `source`, `url`, `published`, `line`, `quote`, `value`,
//! `text`, `low`, `high`, `granularity`, `attribution` and `via`; then `why` (the conflict in
//! words) and `sides` (each value in conflict with its sources and claim indexes). For a date, `value` is the TIMEX3
//! value and `low`/`high` the ISO earliest/latest day; for a count, `value` is the best
//! estimate and `low`/`high` numbers, `high` null when unbounded ("at least 52").

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{json, Value as Json};

use super::timeline::granularity_name;
use super::{attribute_name, severity_name, status_name};
use crate::claims::{Claim, Value};
use crate::engine::{Finding, Side, Status};
use crate::error::Diagnostic;
use crate::Report;

/// The schema name and version this module writes.
pub const SCHEMA: &str = "factline/1";

#[derive(Serialize)]
struct Doc<'a> {
    schema: &'static str,
    documents: usize,
    claims: usize,
    findings: Vec<FindingJson<'a>>,
    diagnostics: Vec<Json>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    id: &'a str,
    rule: &'a str,
    severity: &'static str,
    event: &'a str,
    attribute: &'static str,
    message: &'a str,
    /// Why the values conflict, in words.
    why: &'a str,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    accepted: Option<Accepted<'a>>,
    claims: Vec<ClaimJson<'a>>,
    /// The values in conflict, lowest first, with their sources and the indexes of their
    /// claims in `claims`.
    sides: &'a [Side],
}

#[derive(Serialize)]
struct Accepted<'a> {
    reason: &'a str,
    reviewer: Option<&'a str>,
    date: Option<&'a str>,
}

/// One claim as the schema writes it.
#[derive(Serialize)]
pub struct ClaimJson<'a> {
    doc: &'a str,
    source: &'a str,
    url: Option<&'a str>,
    published: Option<String>,
    line: usize,
    quote: &'a str,
    value: Json,
    text: &'a str,
    low: Json,
    high: Json,
    granularity: Option<&'static str>,
    attribution: Option<&'a str>,
    via: Option<&'a str>,
}

/// Renders the report.
pub fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let doc = Doc {
        schema: SCHEMA,
        documents: report.documents,
        claims: report.claims.len(),
        findings: report.findings.iter().map(finding).collect(),
        diagnostics: report.diagnostics.iter().map(diagnostic).collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}

fn finding(f: &Finding) -> FindingJson<'_> {
    let accepted = match &f.status {
        Status::Open => None,
        Status::Accepted {
            reason,
            reviewer,
            date,
        } => Some(Accepted {
            reason,
            reviewer: reviewer.as_deref(),
            date: date.as_deref(),
        }),
    };
    FindingJson {
        id: &f.id,
        rule: &f.rule,
        severity: severity_name(f.severity),
        event: &f.event,
        attribute: attribute_name(f.attribute),
        message: &f.message,
        why: &f.why,
        status: status_name(&f.status),
        accepted,
        claims: f.claims.iter().map(claim).collect(),
        sides: &f.sides,
    }
}

/// One claim as the schema writes it.
pub fn claim(c: &Claim) -> ClaimJson<'_> {
    let (value, low, high, granularity) = match &c.value {
        Value::Count { low, high, best } => (
            number(*best),
            number(*low),
            high.map(number).unwrap_or(Json::Null),
            None,
        ),
        Value::Date {
            value,
            earliest,
            latest,
            granularity,
            ..
        } => (
            json!(value),
            json!(earliest.to_string()),
            json!(latest.to_string()),
            Some(granularity_name(*granularity)),
        ),
    };
    ClaimJson {
        doc: &c.doc,
        source: &c.source,
        url: c.url.as_deref(),
        published: c.published.map(|d| d.to_string()),
        line: c.line,
        quote: &c.quote,
        value,
        text: &c.text,
        low,
        high,
        granularity,
        attribution: c.attribution.as_deref(),
        via: c.via.as_deref(),
    }
}

/// A value's bounds as the schema writes them: ISO days for a date, numbers for a count
/// (`high` null when unbounded).
pub fn bounds(value: &Value) -> (Json, Json) {
    match value {
        Value::Count { low, high, .. } => (number(*low), high.map(number).unwrap_or(Json::Null)),
        Value::Date {
            earliest, latest, ..
        } => (json!(earliest.to_string()), json!(latest.to_string())),
    }
}

/// Whole counts as JSON integers (`52`, not `52.0`); non-finite values as null.
fn number(n: f64) -> Json {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 9.0e15 {
        json!(n as i64)
    } else if n.is_finite() {
        json!(n)
    } else {
        Json::Null
    }
}

fn diagnostic(d: &Diagnostic) -> Json {
    json!({
        "level": d.level,
        "path": d.location.path.to_string_lossy(),
        "line": d.location.line,
        "message": d.message,
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::claims::Attribute;
    use crate::engine::Severity;

    #[test]
    fn unbounded_count_has_null_high_and_integer_low() {
        let c = count("A", "e", Attribute::Killed, 52.0, None);
        let j = serde_json::to_value(claim(&c)).unwrap_or_default();
        assert_eq!(j["low"], json!(52));
        assert_eq!(j["high"], Json::Null);
        assert_eq!(j["value"], json!(52));
    }

    #[test]
    fn date_low_high_are_iso_bounds_of_the_interval() {
        let c = date(
            "A",
            "e",
            "2012-09",
            day(2012, 9, 1),
            day(2012, 9, 30),
            crate::temporal::Granularity::Month,
        );
        let j = serde_json::to_value(claim(&c)).unwrap_or_default();
        assert_eq!(j["value"], json!("2012-09"));
        assert_eq!(j["low"], json!("2012-09-01"));
        assert_eq!(j["high"], json!("2012-09-30"));
        assert_eq!(j["granularity"], json!("month"));
    }

    #[test]
    fn top_level_has_schema_counts_findings_and_diagnostics() {
        let report = Report {
            documents: 2,
            claims: vec![count("A", "e", Attribute::Killed, 1.0, Some(1.0))],
            findings: vec![make_finding(vec![], Severity::High)],
            diagnostics: vec![],
        };
        let mut out = Vec::new();
        render(&report, &mut out).unwrap_or_default();
        let text = String::from_utf8_lossy(&out);
        let at = |key: &str| text.find(&format!("\"{key}\":")).unwrap_or(usize::MAX);
        let order = ["schema", "documents", "claims", "findings", "diagnostics"].map(at);
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        let parsed: Json = serde_json::from_slice(&out).unwrap_or_default();
        assert_eq!(parsed["findings"][0]["severity"], json!("high"));
        assert_eq!(parsed["findings"][0]["status"], json!("open"));
    }
}
