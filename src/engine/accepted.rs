//! Accepted findings: a reviewer's decisions, kept next to the articles.
//!
//! Takes the text of an accepted-findings file (`factline.accepted.toml`) and findings; gives
//! the findings with the accepted ones marked (they no longer fail the gate) and the entries
//! that matched nothing (stale: the finding was fixed or its inputs changed). Also renders the
//! entry `factline accept` appends. Each entry:
//!
//! ```toml
//! [[accepted]]
//! id = "fl-3f2a9c01b7de"
//! reason = "Outlet B corrected the toll on 12 Feb"
//! reviewer = "ana"
//! date = "2013-02-12"
//! ```

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::fingerprint;
use super::rules::{describe_toml_error, location_at};
use super::{Finding, Status};
use crate::error::{Error, Location, Result};

/// One reviewer decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub reason: String,
    pub reviewer: Option<String>,
    pub date: Option<String>,
    /// Where the entry's id is written.
    pub location: Location,
}

/// Every entry of an accepted-findings file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Accepted {
    pub entries: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    accepted: Vec<RawEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Spanned<String>,
    reason: String,
    reviewer: Option<String>,
    date: Option<String>,
}

impl Accepted {
    /// Parses an accepted-findings file. Errors name the file, line and key.
    pub fn parse(text: &str, path: &Path) -> Result<Accepted> {
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let (location, message) = describe_toml_error(path, text, &e);
            Error::parse(location, message)
        })?;
        let mut entries: Vec<Entry> = Vec::new();
        for r in raw.accepted {
            let location = location_at(path, text, r.id.span().start);
            let id = r.id.into_inner();
            if !fingerprint::is_valid(&id) {
                return Err(Error::parse(
                    location,
                    format!("key `id`: `{id}` is not a finding id (`fl-` and 12 hex digits)"),
                ));
            }
            if let Some(first) = entries.iter().find(|e| e.id == id) {
                return Err(Error::parse(
                    location,
                    format!("key `id`: `{id}` is already accepted at {}", first.location),
                ));
            }
            entries.push(Entry {
                id,
                reason: r.reason,
                reviewer: r.reviewer,
                date: r.date,
                location,
            });
        }
        Ok(Accepted { entries })
    }

    /// Marks the findings whose id is accepted; returns the entries that matched none.
    pub fn apply(&self, findings: &mut [Finding]) -> Vec<&Entry> {
        let by_id: HashMap<&str, &Entry> =
            self.entries.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut used = vec![false; self.entries.len()];
        for f in findings.iter_mut() {
            if let Some(e) = by_id.get(f.id.as_str()) {
                f.status = Status::Accepted {
                    reason: e.reason.clone(),
                    reviewer: e.reviewer.clone(),
                    date: e.date.clone(),
                };
                if let Some(i) = self.entries.iter().position(|x| x.id == e.id) {
                    if let Some(u) = used.get_mut(i) {
                        *u = true;
                    }
                }
            }
        }
        self.entries
            .iter()
            .zip(used)
            .filter(|(_, u)| !u)
            .map(|(e, _)| e)
            .collect()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.entries.iter().any(|e| e.id == id)
    }
}

/// The TOML of one entry, to append to a file (strings escaped by the TOML writer).
pub fn entry_toml(id: &str, reason: &str, reviewer: Option<&str>, date: Option<&str>) -> String {
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut out = format!(
        "[[accepted]]\nid = {}\nreason = {}\n",
        quote(id),
        quote(reason)
    );
    if let Some(r) = reviewer {
        out.push_str(&format!("reviewer = {}\n", quote(r)));
    }
    if let Some(d) = date {
        out.push_str(&format!("date = {}\n", quote(d)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Attribute;
    use crate::engine::Severity;

    fn finding(id: &str) -> Finding {
        Finding {
            id: id.into(),
            rule: "r".into(),
            severity: Severity::High,
            event: "e".into(),
            attribute: Attribute::Killed,
            message: String::new(),
            claims: Vec::new(),
            sides: Vec::new(),
            conflicts: Vec::new(),
            why: String::new(),
            status: Status::Open,
        }
    }

    #[test]
    fn appended_entries_parse_back_and_accept_their_finding() {
        let mut text = String::from("# reviewed\n");
        text.push_str(&entry_toml(
            "fl-0123456789ab",
            "checked \"with\" editor",
            Some("ana"),
            Some("2013-02-12"),
        ));
        text.push('\n');
        text.push_str(&entry_toml("fl-ffffffffffff", "old", None, None));
        let accepted = Accepted::parse(&text, Path::new("a.toml")).unwrap();
        assert_eq!(accepted.entries.len(), 2);
        assert_eq!(accepted.entries[0].reason, "checked \"with\" editor");
        assert_eq!(accepted.entries[1].location, Location::new("a.toml", 9, 6));
        let mut findings = vec![finding("fl-0123456789ab"), finding("fl-000000000000")];
        let stale = accepted.apply(&mut findings);
        assert!(matches!(findings[0].status, Status::Accepted { .. }));
        assert_eq!(findings[1].status, Status::Open);
        assert_eq!(stale.len(), 1);
        assert_eq!(stale[0].id, "fl-ffffffffffff");
    }

    #[test]
    fn bad_id_and_unknown_key_name_their_line() {
        let e = Accepted::parse(
            "[[accepted]]\nid = \"x\"\nreason = \"r\"\n",
            Path::new("a.toml"),
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("a.toml:2:6: "), "{e}");
        let e = Accepted::parse(
            "[[accepted]]\nid = \"fl-0123456789ab\"\nreason = \"r\"\nwho = \"x\"\n",
            Path::new("a.toml"),
        )
        .unwrap_err();
        assert!(
            e.to_string().starts_with("a.toml:4:1: ") && e.to_string().contains("who"),
            "{e}"
        );
    }
}
