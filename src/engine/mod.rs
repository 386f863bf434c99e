//! The rule engine.
//!
//! Takes claims (from any number of documents) and a [`RuleSet`] (rules/*.toml); gives
//! [`Finding`]s: each names the rule, its severity, the event and attribute, a message, the
//! reason the values conflict, and every claim involved with the side it is on, under a stable
//! fingerprint id. The engine sees only claims, never text. Ad-hoc events are clustered first
//! ([`adhoc`]); each rule kind is one file in [`kinds`]; [`accepted`] applies a reviewer's
//! accepted-findings file; [`explain`] tells how a finding came about.

pub mod accepted;
pub mod adhoc;
pub mod examples;
pub mod explain;
pub mod finding;
pub mod fingerprint;
pub mod gold;
pub mod kinds;
pub mod rules;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use finding::Side;
pub use rules::{Rule, RuleKind, RuleSet};

use crate::claims::{Attribute, Claim, EventCatalog};

/// How serious a finding is. Ordered: `Info < Low < Medium < High`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

/// Whether a finding still needs review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Status {
    Open,
    Accepted {
        reason: String,
        reviewer: Option<String>,
        date: Option<String>,
    },
}

/// A set of claims that cannot all be true, or that a rule wants a reviewer to see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable fingerprint: rule, event, attribute, normalized values, sources. Never lines.
    pub id: String,
    pub rule: String,
    pub severity: Severity,
    pub event: String,
    pub attribute: Attribute,
    pub message: String,
    /// Every claim involved, side by side (see `sides`).
    pub claims: Vec<Claim>,
    /// The values in conflict, lowest first, each with its sources, attributions and the
    /// indexes of its claims in `claims`.
    pub sides: Vec<Side>,
    /// Pairs of sides (indexes into `sides`, lower first) whose values cannot both be true.
    /// Empty for kinds that judge each claim alone (`window`, `corroboration`, a date after
    /// publication): there every side is at fault by itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<[usize; 2]>,
    /// Why the values conflict, in words ("6 and 7 cannot both be true: ...").
    pub why: String,
    pub status: Status,
}

/// What the engine needs to know of a declared event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredEvent {
    pub id: String,
    /// The window the event is declared to fall in, if any.
    pub window: Option<(NaiveDate, NaiveDate)>,
}

/// The declared events of a catalog, for rules that name events or use their windows.
pub fn declared_events(catalog: &EventCatalog) -> Vec<DeclaredEvent> {
    catalog
        .events
        .iter()
        .map(|e| DeclaredEvent {
            id: e.id.clone(),
            window: e.window.map(|w| (w.from, w.until)),
        })
        .collect()
}

/// Runs every rule over the claims (clustering ad-hoc events first). Findings come sorted:
/// most severe first, then by event, attribute, rule and id, whatever the order of `claims`.
pub fn evaluate(rules: &RuleSet, claims: &[Claim]) -> Vec<Finding> {
    let mut claims = claims.to_vec();
    adhoc::resolve(&mut claims);
    let mut findings: Vec<Finding> = rules
        .rules
        .iter()
        .flat_map(|rule| kinds::run(rule, &claims))
        .collect();
    sort_findings(&mut findings);
    findings
}

/// The canonical order of findings.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (b.severity, &a.event, a.attribute, &a.rule, &a.id).cmp(&(
            a.severity,
            &b.event,
            b.attribute,
            &b.rule,
            &b.id,
        ))
    });
}
