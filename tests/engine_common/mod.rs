//! Hand-written claims for the engine and CLI tests (until and besides real extraction).
#![allow(dead_code)]

use factline::claims::Claim;
use serde_json::json;

/// A count claim: `value` exact, one outlet, one document.
pub fn count(
    event: &str,
    attribute: &str,
    value: f64,
    source: &str,
    doc: &str,
    line: usize,
) -> Claim {
    serde_json::from_value(json!({
        "event": event, "kind": "attack", "attribute": attribute,
        "value": {"type": "count", "low": value, "high": value, "best": value},
        "text": format!("{value}"), "quote": format!("The outlet {source} reported {value}."),
        "doc": doc, "source": source, "published": "2013-02-10", "line": line, "confidence": 1.0
    }))
    .expect("a valid claim")
}

/// A date claim with its TIMEX value and interval.
pub fn date(
    event: &str,
    value: &str,
    earliest: &str,
    latest: &str,
    granularity: &str,
    source: &str,
    doc: &str,
) -> Claim {
    serde_json::from_value(json!({
        "event": event, "kind": "delisting", "attribute": "date",
        "value": {"type": "date", "value": value, "earliest": earliest, "latest": latest, "granularity": granularity},
        "text": value, "quote": format!("{source} dated it {value}."),
        "doc": doc, "source": source, "published": "2013-09-20", "line": 4, "confidence": 1.0
    }))
    .expect("a valid claim")
}

/// The story the CLI tests check: a toll contradiction (7 vs 6), an agreeing toll (at least 52
/// vs 52) and a delisting-year contradiction (2011-09 vs 2012).
pub fn story() -> Vec<Claim> {
    let mut at_least: Claim = count("raid", "killed", 52.0, "Daily Ledger", "ledger.txt", 3);
    at_least.value = factline::claims::Value::Count {
        low: 52.0,
        high: None,
        best: 52.0,
    };
    vec![
        count("shelling", "killed", 7.0, "Daily Ledger", "ledger.txt", 8),
        count("shelling", "killed", 6.0, "Harbor Review", "harbor.txt", 2),
        at_least,
        count("raid", "killed", 52.0, "Harbor Review", "harbor.txt", 5),
        date(
            "delisting",
            "2011-09",
            "2011-09-01",
            "2011-09-30",
            "month",
            "Daily Ledger",
            "ledger.txt",
        ),
        date(
            "delisting",
            "2012",
            "2012-01-01",
            "2012-12-31",
            "year",
            "Valley Post",
            "valley.txt",
        ),
    ]
}

/// Claims as `factline extract` writes them.
pub fn jsonl(claims: &[Claim]) -> String {
    claims
        .iter()
        .map(|c| serde_json::to_string(c).expect("serializable") + "\n")
        .collect()
}
