//! The report as SARIF 2.1.0, for code-scanning dashboards.
//!
//! Takes a [`Report`]; gives one SARIF log with one run: factline as `tool.driver` with every
//! rule that fired in `rules`, one result per finding (the first claim as its location, the
//! others as `relatedLocations`, the finding's fingerprint in `partialFingerprints` so
//! dashboards track it across runs, an accepted finding carried as a suppression), and the
//! diagnostics as tool execution notifications. Severities map to levels: high is `error`,
//! medium `warning`, low and info `note`.

use std::io::{self, Write};

use serde_json::{json, Value as Json};

use super::timeline::one_line;
use super::{attribute_name, severity_name, value_with_text, Names};
use crate::claims::Claim;
use crate::engine::{Finding, Severity, Status};
use crate::error::{Diagnostic, DiagnosticLevel};
use crate::Report;

/// The schema the log names in `$schema`.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key under `partialFingerprints` holding the finding's id.
pub const FINGERPRINT_KEY: &str = "factlineFinding/v1";

/// Renders the report; rules are described by their ids.
pub fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    render_with(report, &Names::default(), w)
}

/// Renders the report, describing each rule with its description from the rules files.
pub fn render_with(report: &Report, names: &Names, w: &mut dyn Write) -> io::Result<()> {
    let rules = rules(&report.findings);
    let results: Vec<Json> = report
        .findings
        .iter()
        .map(|f| result(f, rules.iter().position(|r| *r == f.rule)))
        .collect();
    let descriptors: Vec<Json> = rules
        .iter()
        .map(|id| {
            let severity = report
                .findings
                .iter()
                .filter(|f| f.rule == *id)
                .map(|f| f.severity)
                .max()
                .unwrap_or(Severity::Info);
            let description = names
                .rules
                .get(id)
                .map(|d| one_line(d))
                .unwrap_or_else(|| format!("factline rule {id}"));
            json!({
                "id": id,
                "shortDescription": { "text": description },
                "defaultConfiguration": { "level": level(severity) },
                "properties": { "severity": severity_name(severity) },
            })
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "factline",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": descriptors,
            }},
            "invocations": [{
                "executionSuccessful": !report.diagnostics.iter().any(|d| d.level == DiagnosticLevel::Error),
                "toolExecutionNotifications": report.diagnostics.iter().map(notification).collect::<Vec<_>>(),
            }],
            "results": results,
            "properties": { "documents": report.documents, "claims": report.claims.len() },
        }],
    });
    serde_json::to_writer_pretty(&mut *w, &log)?;
    writeln!(w)
}

/// The rule ids that fired, sorted, so `ruleIndex` is stable.
fn rules(findings: &[Finding]) -> Vec<String> {
    let mut ids: Vec<String> = findings.iter().map(|f| f.rule.clone()).collect();
    ids.sort();
    ids.dedup();
    ids
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

fn result(f: &Finding, rule_index: Option<usize>) -> Json {
    let mut claims = f.claims.iter();
    let locations: Vec<Json> = claims
        .next()
        .map(|c| location(c, None))
        .into_iter()
        .collect();
    let related: Vec<Json> = claims
        .enumerate()
        .map(|(i, c)| location(c, Some(i + 1)))
        .collect();
    let mut result = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": { "text": f.message },
        "locations": locations,
        "partialFingerprints": { FINGERPRINT_KEY: f.id },
        "properties": {
            "severity": severity_name(f.severity),
            "event": f.event,
            "attribute": attribute_name(f.attribute),
            "why": f.why,
        },
    });
    if let Some(map) = result.as_object_mut() {
        if let Some(index) = rule_index {
            map.insert("ruleIndex".into(), json!(index));
        }
        if !related.is_empty() {
            map.insert("relatedLocations".into(), json!(related));
        }
        if let Status::Accepted { reason, .. } = &f.status {
            map.insert(
                "suppressions".into(),
                json!([{ "kind": "external", "status": "accepted", "justification": reason }]),
            );
        }
    }
    result
}

/// Where a claim stands, with what its source says as the location's message.
fn location(c: &Claim, id: Option<usize>) -> Json {
    let mut physical = json!({ "artifactLocation": { "uri": uri(file_of(&c.doc)) } });
    if c.line > 0 {
        if let Some(map) = physical.as_object_mut() {
            map.insert(
                "region".into(),
                json!({ "startLine": c.line, "snippet": { "text": c.quote } }),
            );
        }
    }
    let mut loc = json!({
        "physicalLocation": physical,
        "message": { "text": format!("{}: {}", one_line(&c.source), one_line(&value_with_text(c))) },
    });
    if let (Some(id), Some(map)) = (id, loc.as_object_mut()) {
        map.insert("id".into(), json!(id));
    }
    loc
}

fn notification(d: &Diagnostic) -> Json {
    let level = match d.level {
        DiagnosticLevel::Error => "error",
        DiagnosticLevel::Warning => "warning",
    };
    let mut physical =
        json!({ "artifactLocation": { "uri": uri(&d.location.path.to_string_lossy()) } });
    if d.location.line > 0 {
        if let Some(map) = physical.as_object_mut() {
            map.insert("region".into(), json!({ "startLine": d.location.line }));
        }
    }
    json!({
        "level": level,
        "message": { "text": d.message },
        "locations": [{ "physicalLocation": physical }],
    })
}

/// The file a document id names: a JSONL record's id `file.jsonl#3` is `file.jsonl` (its
/// line is the claim's line), any other id is taken as a path.
pub fn file_of(doc: &str) -> &str {
    match doc.rsplit_once('#') {
        Some((file, n))
            if !file.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) =>
        {
            file
        }
        _ => doc,
    }
}

/// A document id as a relative URI reference: `/` kept, backslashes made `/`, everything
/// outside RFC 3986's unreserved set percent-encoded (spaces, `#`, non-ASCII).
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("data/a b#2.txt"), "data/a%20b%232.txt");
        assert_eq!(uri("dir\\é.txt"), "dir/%C3%A9.txt");
    }

    #[test]
    fn jsonl_record_ids_point_at_their_file() {
        assert_eq!(file_of("data/wire.jsonl#2"), "data/wire.jsonl");
        assert_eq!(file_of("notes #1 draft.txt"), "notes #1 draft.txt");
        assert_eq!(file_of("a.txt#"), "a.txt#");
        assert_eq!(file_of("#12"), "#12");
    }

    #[test]
    fn severities_map_to_sarif_levels() {
        assert_eq!(level(Severity::High), "error");
        assert_eq!(level(Severity::Medium), "warning");
        assert_eq!(level(Severity::Info), "note");
    }
}
