//! Timeline rows: every dated claim, sorted by date.
//!
//! Takes claims; gives one [`Row`] per claim that can be placed in time: a date claim at its
//! interval (a month stays a month: `earliest..latest` spans it), a count at the date it is
//! about (`as_of`). Undated claims are left out. The CSV, TimelineJS, JSON, table and HTML
//! timelines are all built from these rows, so they agree with each other.

use std::io::{self, Write};

use chrono::NaiveDate;
use comfy_table::{presets, ContentArrangement, Table};
use serde::Serialize;

use std::collections::HashMap;

use super::table::{cell_quote, cell_text};
use super::{attribute_name, value_text};
use crate::claims::{Attribute, Claim, Value};
use crate::temporal::Granularity;
use crate::Report;

/// One dated claim on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    pub date: NaiveDate,
    pub date_end: NaiveDate,
    pub granularity: Granularity,
    pub claim: &'a Claim,
}

/// The lowercase name of a granularity, as the JSON and CSV outputs write it.
pub fn granularity_name(g: Granularity) -> &'static str {
    match g {
        Granularity::Time => "time",
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        Granularity::Season => "season",
        Granularity::Quarter => "quarter",
        Granularity::Half => "half",
        Granularity::Year => "year",
        Granularity::Decade => "decade",
        Granularity::Century => "century",
    }
}

/// Where a claim sits in time, if anywhere.
pub fn placement(claim: &Claim) -> Option<(NaiveDate, NaiveDate, Granularity)> {
    match &claim.value {
        Value::Date {
            earliest,
            latest,
            granularity,
            ..
        } => Some((*earliest, (*latest).max(*earliest), *granularity)),
        Value::Count { .. } => claim.as_of.map(|d| (d, d, Granularity::Day)),
    }
}

/// Every dated claim, sorted by date, then end, event, attribute, source, document and line,
/// so the order never depends on input order. A count takes the date its own sentence gives
/// the event (so "five killed in 2007" sits on the year 2007, not on a made-up 1 January),
/// else the day it is about (`as_of`).
pub fn rows(claims: &[Claim]) -> Vec<Row<'_>> {
    let mut sentence_dates: HashMap<(&str, usize, &str), (NaiveDate, NaiveDate, Granularity)> =
        HashMap::new();
    for c in claims {
        if let (Attribute::Date, Some(placed)) = (c.attribute, placement(c)) {
            let entry = sentence_dates
                .entry((c.doc.as_str(), c.line, c.event.as_str()))
                .or_insert(placed);
            // Two dates for one event in one sentence: keep the finer one.
            if placed.2 < entry.2 {
                *entry = placed;
            }
        }
    }
    let mut rows: Vec<Row> = claims
        .iter()
        .filter_map(|claim| {
            let own = sentence_dates
                .get(&(claim.doc.as_str(), claim.line, claim.event.as_str()))
                .copied()
                .filter(|_| claim.attribute != Attribute::Date);
            own.or_else(|| placement(claim))
                .map(|(date, date_end, granularity)| Row {
                    date,
                    date_end,
                    granularity,
                    claim,
                })
        })
        .collect();
    rows.sort_by(|a, b| {
        let key = |r: &Row<'_>| {
            (
                r.date,
                r.date_end,
                r.claim.event.clone(),
                r.claim.attribute,
                r.claim.source.clone(),
                r.claim.doc.clone(),
                r.claim.line,
                r.claim.text.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    rows
}

/// A row as the JSON timeline writes it (the CSV has the same columns).
#[derive(Debug, Serialize)]
struct JsonRow<'a> {
    date: NaiveDate,
    date_end: NaiveDate,
    granularity: &'static str,
    event: &'a str,
    kind: &'a str,
    attribute: &'static str,
    value: String,
    low: serde_json::Value,
    high: serde_json::Value,
    text: &'a str,
    qualifier: Option<&'a str>,
    source: &'a str,
    published: Option<NaiveDate>,
    doc: &'a str,
    line: usize,
    quote: &'a str,
    attribution: Option<&'a str>,
    via: Option<&'a str>,
    url: Option<&'a str>,
}

impl<'a> From<&Row<'a>> for JsonRow<'a> {
    fn from(row: &Row<'a>) -> Self {
        let c = row.claim;
        let (low, high) = super::json::bounds(&c.value);
        JsonRow {
            date: row.date,
            date_end: row.date_end,
            granularity: granularity_name(row.granularity),
            event: &c.event,
            kind: &c.kind,
            attribute: attribute_name(c.attribute),
            value: value_text(&c.value),
            low,
            high,
            text: &c.text,
            qualifier: c.qualifier.as_deref(),
            source: &c.source,
            published: c.published,
            doc: &c.doc,
            line: c.line,
            quote: &c.quote,
            attribution: c.attribution.as_deref(),
            via: c.via.as_deref(),
            url: c.url.as_deref(),
        }
    }
}

/// The timeline as a JSON array, one object per dated claim.
pub fn render_json(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<JsonRow> = rows(&report.claims).iter().map(JsonRow::from).collect();
    serde_json::to_writer_pretty(&mut *w, &rows)?;
    writeln!(w)
}

/// The timeline as a terminal table. `width` wraps long quotes (none: no wrapping).
pub fn render_table(report: &Report, width: Option<u16>, w: &mut dyn Write) -> io::Result<()> {
    let rows = rows(&report.claims);
    if rows.is_empty() {
        return writeln!(w, "No dated claims ({}).", super::totals(report));
    }
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .force_no_tty();
    if let Some(width) = width {
        table
            .set_width(width)
            .set_content_arrangement(ContentArrangement::Dynamic);
    }
    table.set_header(["Date", "Event", "Attribute", "Value", "Source", "Quote"]);
    // Everything from input goes through `cell_text` (a quote through `cell_quote`, which also
    // shortens it): no newline or escape sequence reaches the terminal.
    for row in &rows {
        let c = row.claim;
        let date = if row.date == row.date_end {
            row.date.to_string()
        } else {
            format!("{}..{}", row.date, row.date_end)
        };
        table.add_row([
            date,
            cell_text(&c.event),
            attribute_name(c.attribute).to_string(),
            cell_text(&super::value_with_text(c)),
            format!("{}\n{}:{}", cell_text(&c.source), cell_text(&c.doc), c.line),
            cell_quote(&c.quote),
        ]);
    }
    writeln!(w, "{table}")?;
    writeln!(
        w,
        "{} dated claim{} ({}).",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        super::totals(report)
    )
}

/// Collapses newlines and runs of whitespace and replaces other control characters (an
/// escape sequence in a quote must not drive the terminal): a quote is one line in tables.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.chars()
                .map(|c| if c.is_control() { '\u{fffd}' } else { c }),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::claims::Attribute;

    #[test]
    fn rows_sort_by_date_and_skip_undated_counts() {
        let mut undated = count("C", "e", Attribute::Killed, 3.0, Some(3.0));
        undated.as_of = None;
        let claims = vec![
            count("A", "e", Attribute::Killed, 5.0, Some(5.0)),
            date(
                "B",
                "d",
                "2012-09",
                day(2012, 9, 1),
                day(2012, 9, 30),
                Granularity::Month,
            ),
            undated,
        ];
        let rows = rows(&claims);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].claim.source, "B");
        assert_eq!(rows[0].date_end, day(2012, 9, 30));
        assert_eq!(rows[0].granularity, Granularity::Month);
        assert_eq!(rows[1].date, day(2014, 3, 2));
    }

    #[test]
    fn a_count_takes_the_date_its_sentence_gives_the_event() {
        let mut five = count("A", "e", Attribute::Killed, 5.0, Some(5.0));
        five.as_of = Some(day(2007, 1, 1));
        let year = date(
            "A",
            "e",
            "2007",
            day(2007, 1, 1),
            day(2007, 12, 31),
            Granularity::Year,
        );
        let claims = vec![five, year];
        let rows = rows(&claims);
        assert_eq!(rows.len(), 2);
        assert!(rows
            .iter()
            .all(|r| r.granularity == Granularity::Year && r.date_end == day(2007, 12, 31)));
    }

    #[test]
    fn one_line_collapses_newlines() {
        assert_eq!(one_line("a\n b\r\n\tc"), "a b c");
        assert_eq!(one_line("x\u{1b}[2Jy"), "x\u{fffd}[2Jy");
    }
}
