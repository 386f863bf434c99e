//! Claims: what each document says about each event.
//!
//! Takes a [`Document`] (its posts and sentences), the temporal mentions of each post and the
//! declared events ([`EventCatalog`], from rules/events.toml); gives [`Claim`]s: an event, an
//! attribute (date, killed, injured, ...), a value as an interval with its original qualifier,
//! the verbatim sentence as `quote` (a window of it around the claim past [`MAX_QUOTE`] bytes), where it stands (doc, source, line) and who the sentence
//! attributes it to ("according to the U.N.").
//!
//! One file per piece: [`text`] (tokens), [`quantity`] (counts as intervals), [`catalog`] (the
//! events file), [`mention`] (which event a sentence talks about, and the date it gives it),
//! [`counts`] (which figure counts what), [`attribution`] (who says so), [`sentence`] (the walk
//! over posts and sentences that puts them together).

pub mod attribution;
pub mod catalog;
pub mod counts;
pub mod mention;
pub mod quantity;
pub mod sentence;
pub mod text;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use catalog::EventCatalog;
pub use sentence::MAX_QUOTE;

use crate::ingest::Document;
use crate::temporal::{Granularity, Modifier};

/// What a claim is about. Attributes are a closed set: rules naming another one are rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Attribute {
    /// When the event happened.
    Date,
    Killed,
    Injured,
    Missing,
    /// People relocated or transferred.
    Moved,
    /// Size of a group (a state: compared only at the same time).
    Members,
    /// People living at a place (a state).
    Residents,
}

/// The attribute's name as rules files, claims JSONL and every output write it (its serde name).
pub fn attribute_name(attribute: Attribute) -> &'static str {
    match attribute {
        Attribute::Date => "date",
        Attribute::Killed => "killed",
        Attribute::Injured => "injured",
        Attribute::Missing => "missing",
        Attribute::Moved => "moved",
        Attribute::Members => "members",
        Attribute::Residents => "residents",
    }
}

/// A claimed value: a count or a date, both intervals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Value {
    /// A number of people or things. `high` is `None` when unbounded ("at least 52").
    Count {
        low: f64,
        high: Option<f64>,
        best: f64,
    },
    /// A date interval at a granularity, with its TIMEX3 value.
    Date {
        value: String,
        earliest: NaiveDate,
        latest: NaiveDate,
        granularity: Granularity,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        modifier: Option<Modifier>,
    },
}

/// One thing one source says about one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Declared event id, or an ad-hoc id (`adhoc:<kind>:<place>`; the engine clusters them by date),
    /// or a population state (`<place>-residents`, `<subject>-members`).
    pub event: String,
    /// The event's kind (attack, designation, delisting, relocation, founding, ...).
    pub kind: String,
    pub attribute: Attribute,
    pub value: Value,
    /// The value as written: "at least 52", "nearly a year ago", "September 2011".
    pub text: String,
    /// The qualifier that shaped the interval: "at least", "about", "dozens", "nearly".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// Canonical place name when the sentence names one ("Camp Liberty" for "TTL").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// When the claimed value is about (for state attributes and growth of tolls): the date the
    /// sentence gives to the event or state, else the post's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// The verbatim sentence; for a sentence over [`MAX_QUOTE`] bytes, the verbatim words
    /// around the claim with "…" where the sentence was cut.
    pub quote: String,
    pub doc: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The post's (else document's) publication date, the anchor for relative dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// 1-based line of the quote in its file.
    pub line: usize,
    /// Who the sentence says this comes from: "the U.N.", "the group", "New York Times".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// The outlet that relays the attribution when the sentence names one besides the speaker
    /// ("the group said ..., New York Times reported" gives `via = "New York Times"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// How sure the extractor is that this claim belongs to this event, 0..=1.
    pub confidence: f32,
}

/// Extracts every claim a document makes.
pub fn extract(doc: &Document, catalog: &EventCatalog) -> Vec<Claim> {
    sentence::extract(doc, catalog)
}
