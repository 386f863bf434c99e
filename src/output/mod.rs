//! Outputs: the report rendered for people and machines.
//!
//! Takes a [`Report`] (and, for timelines, its claims); gives bytes on any `impl Write`. Knows
//! nothing of the command line. One module a format, each with
//! `render(&Report, &mut dyn Write) -> io::Result<()>` (and `render_with` when it has options):
//!
//! - [`table`]: comfy-table for a terminal, grouped by event, values per source side by side;
//! - [`json`]: the `factline/1` schema for machines;
//! - [`markdown`]: a GitHub-flavoured pull-request comment;
//! - [`sarif`]: SARIF 2.1.0 for code-scanning dashboards;
//! - [`csv`] and [`timelinejs`]: spreadsheet-safe timelines (see [`timeline`] for the rows);
//! - [`html`]: one self-contained page with an SVG timeline.
//!
//! Everything that comes from input (quotes, sources, urls) is escaped for the format it lands
//! in: HTML in the report and Markdown, formula prefixes in CSV.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod progress;
pub mod sarif;
pub mod table;
pub mod timeline;
pub mod timelinejs;

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use crate::claims::{Claim, Value};
use crate::engine::{Finding, Severity, Status};
use crate::Report;

/// Writes `path` whole or not at all: the bytes go to a temporary file in the same folder,
/// which is renamed over `path` only when `write` succeeded. `-` writes to stdout.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if path == Path::new("-") {
        let stdout = io::stdout();
        let mut lock = stdout.lock();
        write(&mut lock)?;
        return lock.flush();
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut buf = io::BufWriter::new(tmp.as_file_mut());
        write(&mut buf)?;
        buf.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Readable names for the ids a report holds: event names from events.toml, rule descriptions
/// from the rules files. A format that has them shows "Camp Liberty mortar attack" rather
/// than `camp-liberty-mortar-2013`; every id without a name shows as itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    pub events: BTreeMap<String, String>,
    pub rules: BTreeMap<String, String>,
}

impl Names {
    pub fn from_config(config: &crate::Config) -> Names {
        Names {
            events: config
                .events
                .events
                .iter()
                .filter(|e| !e.name.trim().is_empty())
                .map(|e| (e.id.clone(), e.name.clone()))
                .collect(),
            rules: config
                .rules
                .rules
                .iter()
                .filter_map(|r| r.description.as_ref().map(|d| (r.id.clone(), d.clone())))
                .collect(),
        }
    }

    /// The event's name, else its id.
    pub fn event<'a>(&'a self, id: &'a str) -> &'a str {
        self.events.get(id).map_or(id, String::as_str)
    }
}

/// The lowercase name every format uses for a severity.
pub fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::High => "high",
        Severity::Medium => "medium",
        Severity::Low => "low",
        Severity::Info => "info",
    }
}

/// The lowercase name every format uses for an attribute (defined beside `Attribute`).
pub use crate::claims::attribute_name;

/// A count as people write it: `52`, not `52.0`; fractions keep up to two decimals.
pub fn number_text(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else if n.is_finite() {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        "∞".to_string()
    }
}

/// A claimed value in a few characters: the TIMEX3 value for dates (`2012-09`: a month, never
/// a made-up day), the interval for counts (`52`, `52+` when unbounded, `24–99` for "dozens").
pub fn value_text(value: &Value) -> String {
    match value {
        Value::Date { value, .. } => value.clone(),
        Value::Count { low, high, .. } => match high {
            None => format!("{}+", number_text(*low)),
            Some(h) if h == low => number_text(*low),
            Some(h) => format!("{}–{}", number_text(*low), number_text(*h)),
        },
    }
}

/// The bounds of a value as spreadsheet cells: ISO days for a date, plain numbers for a count
/// (`high` empty when unbounded), so a column sorts and filters as numbers or dates.
pub fn bounds_text(value: &Value) -> (String, String) {
    match value {
        Value::Date {
            earliest, latest, ..
        } => (earliest.to_string(), latest.to_string()),
        Value::Count { low, high, .. } => {
            (number_text(*low), high.map(number_text).unwrap_or_default())
        }
    }
}

/// The value with how it was written when that says more: `2011-09 ("nearly a year ago")`.
pub fn value_with_text(claim: &Claim) -> String {
    let value = value_text(&claim.value);
    let written = claim.text.trim();
    if written.is_empty() || written == value {
        value
    } else {
        format!("{value} (\u{201c}{written}\u{201d})")
    }
}

/// Who a claim's sentence credits, with the outlet relaying it: "the group via New York Times".
pub fn attribution_text(claim: &Claim) -> Option<String> {
    match (claim.attribution.as_deref(), claim.via.as_deref()) {
        (Some(a), Some(v)) => Some(format!("{a} via {v}")),
        (Some(a), None) => Some(a.to_string()),
        (None, Some(v)) => Some(format!("via {v}")),
        (None, None) => None,
    }
}

/// `open` or `accepted`.
pub fn status_name(status: &Status) -> &'static str {
    match status {
        Status::Open => "open",
        Status::Accepted { .. } => "accepted",
    }
}

/// Counts of findings by status and severity, for the summary line every format prints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Open findings per severity, highest first.
    pub open: BTreeMap<std::cmp::Reverse<Severity>, usize>,
    pub accepted: BTreeMap<std::cmp::Reverse<Severity>, usize>,
}

impl Summary {
    pub fn of(findings: &[Finding]) -> Summary {
        let mut summary = Summary::default();
        for f in findings {
            let map = match f.status {
                Status::Open => &mut summary.open,
                Status::Accepted { .. } => &mut summary.accepted,
            };
            *map.entry(std::cmp::Reverse(f.severity)).or_default() += 1;
        }
        summary
    }

    pub fn open_total(&self) -> usize {
        self.open.values().sum()
    }

    pub fn accepted_total(&self) -> usize {
        self.accepted.values().sum()
    }

    fn part(label: &str, map: &BTreeMap<std::cmp::Reverse<Severity>, usize>) -> String {
        let total: usize = map.values().sum();
        if total == 0 {
            return format!("0 {label}");
        }
        let by: Vec<String> = map
            .iter()
            .map(|(s, n)| format!("{n} {}", severity_name(s.0)))
            .collect();
        format!("{total} {label} ({})", by.join(", "))
    }
}

impl std::fmt::Display for Summary {
    /// `3 findings: 2 open (1 high, 1 medium), 1 accepted (1 low)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let total = self.open_total() + self.accepted_total();
        let noun = if total == 1 { "finding" } else { "findings" };
        write!(
            f,
            "{total} {noun}: {}, {}",
            Summary::part("open", &self.open),
            Summary::part("accepted", &self.accepted)
        )
    }
}

/// Findings grouped by event, so every format lists them the same way and what matters comes
/// first: events by their most severe open finding (then by first appearance), and in each
/// event open findings before accepted ones, most severe first (then in the engine's order).
pub fn findings_by_event(findings: &[Finding]) -> Vec<(&str, Vec<&Finding>)> {
    let mut groups: Vec<(&str, Vec<&Finding>)> = Vec::new();
    for f in findings {
        match groups.iter_mut().find(|(e, _)| *e == f.event) {
            Some((_, list)) => list.push(f),
            None => groups.push((f.event.as_str(), vec![f])),
        }
    }
    let rank = |f: &Finding| (f.status != Status::Open, std::cmp::Reverse(f.severity));
    for (_, list) in &mut groups {
        list.sort_by_key(|f| rank(f));
    }
    groups.sort_by_key(|(_, list)| list.first().map(|f| rank(f)));
    groups
}

/// The sources a finding's claims come from, in order of first appearance, each with its
/// claims: the columns of "values per source side by side".
pub fn claims_by_source(claims: &[Claim]) -> Vec<(&str, Vec<&Claim>)> {
    let mut groups: Vec<(&str, Vec<&Claim>)> = Vec::new();
    for c in claims {
        match groups.iter_mut().find(|(s, _)| *s == c.source) {
            Some((_, list)) => list.push(c),
            None => groups.push((c.source.as_str(), vec![c])),
        }
    }
    groups
}

/// The url a claim may link to: only `http`/`https`, so a `javascript:` url taken from a page
/// can never become a live link in a report.
pub fn safe_url(url: Option<&str>) -> Option<&str> {
    let url = url?.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then_some(url)
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Every claim and finding count a report holds, for headers.
pub fn totals(report: &Report) -> String {
    format!(
        "{} document{}, {} claim{}",
        report.documents,
        if report.documents == 1 { "" } else { "s" },
        report.claims.len(),
        if report.claims.len() == 1 { "" } else { "s" }
    )
}

#[cfg(test)]
pub(crate) mod testing {
    //! Hand-built claims and findings for the unit tests of every format.

    use chrono::NaiveDate;

    use crate::claims::{Attribute, Claim, Value};
    use crate::engine::{Finding, Severity, Status};
    use crate::temporal::Granularity;

    pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
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
            text: String::new(),
            qualifier: None,
            place: None,
            as_of: Some(day(2014, 3, 2)),
            quote: format!("{source} counted {low} people."),
            doc: format!("{}.txt", source.to_lowercase()),
            source: source.into(),
            url: None,
            published: Some(day(2014, 3, 3)),
            line: 4,
            attribution: None,
            via: None,
            confidence: 0.9,
        }
    }

    pub fn date(
        source: &str,
        event: &str,
        value: &str,
        from: NaiveDate,
        to: NaiveDate,
        g: Granularity,
    ) -> Claim {
        Claim {
            attribute: Attribute::Date,
            kind: "designation".into(),
            value: Value::Date {
                value: value.into(),
                earliest: from,
                latest: to,
                granularity: g,
                modifier: None,
            },
            text: value.into(),
            ..count(source, event, Attribute::Date, 0.0, None)
        }
    }

    pub fn make_finding(claims: Vec<Claim>, severity: Severity) -> Finding {
        let first = claims
            .first()
            .cloned()
            .unwrap_or_else(|| count("x", "e", Attribute::Killed, 0.0, None));
        Finding {
            id: format!(
                "fp-{}-{}",
                first.event,
                super::attribute_name(first.attribute)
            ),
            rule: "values-agree".into(),
            severity,
            event: first.event.clone(),
            attribute: first.attribute,
            message: "sources disagree".into(),
            claims,
            sides: Vec::new(),
            conflicts: Vec::new(),
            why: String::new(),
            status: Status::Open,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;
    use crate::claims::Attribute;

    #[test]
    fn counts_print_as_integers_and_unbounded_with_plus() {
        let c = count("A", "e", Attribute::Killed, 52.0, None);
        assert_eq!(value_text(&c.value), "52+");
        let c = count("A", "e", Attribute::Killed, 24.0, Some(99.0));
        assert_eq!(value_text(&c.value), "24–99");
        let c = count("A", "e", Attribute::Killed, 7.0, Some(7.0));
        assert_eq!(value_text(&c.value), "7");
        assert_eq!(number_text(1.5), "1.5");
    }

    #[test]
    fn summary_counts_open_and_accepted_by_severity_highest_first() {
        let mut a = make_finding(vec![], Severity::Medium);
        let b = make_finding(vec![], Severity::High);
        let c = make_finding(vec![], Severity::Medium);
        a.status = Status::Accepted {
            reason: "known".into(),
            reviewer: None,
            date: None,
        };
        let s = Summary::of(&[a, b, c]);
        assert_eq!(
            s.to_string(),
            "3 findings: 2 open (1 high, 1 medium), 1 accepted (1 medium)"
        );
        assert_eq!(
            Summary::of(&[]).to_string(),
            "0 findings: 0 open, 0 accepted"
        );
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old\n").unwrap_or_default();
        let result = write_atomically(&path, |w| {
            w.write_all(b"half a row,")?;
            Err(io::Error::other("disk full"))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), "old\n");
        let entries = std::fs::read_dir(dir.path())
            .map(|d| d.count())
            .unwrap_or(0);
        assert_eq!(entries, 1);
        assert!(write_atomically(&path, |w| w.write_all(b"new\n")).is_ok());
        assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), "new\n");
    }

    #[test]
    fn events_with_severe_open_findings_come_first() {
        let mut low = make_finding(
            vec![count("A", "quiet", Attribute::Killed, 1.0, None)],
            Severity::Low,
        );
        low.event = "quiet".into();
        let mut accepted_high = make_finding(vec![], Severity::High);
        accepted_high.event = "quiet".into();
        accepted_high.status = Status::Accepted {
            reason: "ok".into(),
            reviewer: None,
            date: None,
        };
        let mut medium = make_finding(vec![], Severity::Medium);
        medium.event = "loud".into();
        let findings = [low, accepted_high, medium];
        let groups = findings_by_event(&findings);
        let events: Vec<&str> = groups.iter().map(|(e, _)| *e).collect();
        assert_eq!(events, ["loud", "quiet"]);
        let quiet: Vec<Severity> = groups[1].1.iter().map(|f| f.severity).collect();
        assert_eq!(
            quiet,
            [Severity::Low, Severity::High],
            "open before accepted"
        );
    }

    #[test]
    fn only_http_urls_are_linked() {
        assert_eq!(
            safe_url(Some("https://a.example/x")),
            Some("https://a.example/x")
        );
        assert_eq!(safe_url(Some("javascript:alert(1)")), None);
        assert_eq!(safe_url(Some("JaVaScRiPt:alert(1)")), None);
        assert_eq!(safe_url(Some("http://a b")), None);
        assert_eq!(safe_url(None), None);
    }

    #[test]
    fn html_escape_covers_tags_quotes_and_ampersands() {
        assert_eq!(
            escape_html(r#"<script>"a" & 'b'</script>"#),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }
}
