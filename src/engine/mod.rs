//! The rule engine.
//!
//! Takes claims (from any number of documents) and a [`RuleSet`] (rules/*.toml); gives
//! [`Finding`]s: each names the rule, its severity, the event and attribute, a message and every
//! claim involved, under a stable fingerprint id. The engine sees only claims, never text.

use serde::{Deserialize, Serialize};

use crate::claims::{Attribute, Claim};

/// How serious a finding is. Ordered: `Info < Low < Medium < High`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
}

/// The loaded rules.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleSet {}

impl RuleSet {
    /// Parses rules files (path, text). Events are given so rules naming an unknown event fail.
    pub fn parse(
        files: &[(std::path::PathBuf, String)],
        events: &crate::claims::EventCatalog,
    ) -> crate::error::Result<RuleSet> {
        let _ = (files, events);
        Ok(RuleSet {})
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
    pub claims: Vec<Claim>,
    pub status: Status,
}

/// Runs every rule over the claims.
pub fn evaluate(rules: &RuleSet, claims: &[Claim]) -> Vec<Finding> {
    let _ = (rules, claims);
    Vec::new()
}
