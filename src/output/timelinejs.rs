//! The timeline in Knight Lab's TimelineJS spreadsheet format.
//!
//! Takes a [`Report`]; gives a CSV with exactly the columns of the TimelineJS Google-Sheets
//! template, one row per event that has a dated claim. The event's date is the one most sources
//! give (ties: the finer granularity, then the earlier date) and stays as partial as it is: a
//! year-only event has no Month and Day, a month has no Day, a decade spans to its End Year.
//! Other dates sources give are listed in Display Date as disputed. Text holds every claim about
//! the event (TimelineJS renders it as HTML, so it is escaped), Media Credit the sources. The
//! same CSV safety as [`super::csv`] applies: RFC 4180, CRLF, formula prefixes neutralized.

use std::collections::BTreeSet;
use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use super::csv::{neutralize, writer, Options};
use super::timeline::{rows, Row};
use super::{attribute_name, escape_html, safe_url, severity_name, value_with_text, Names};
use crate::claims::{Attribute, Value};
use crate::engine::Finding;
use crate::temporal::Granularity;
use crate::Report;

/// The TimelineJS template's columns, in its order.
pub const HEADER: [&str; 18] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

/// Renders one TimelineJS row per dated event, without a byte-order mark.
pub fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    render_with(report, Options::default(), w)
}

/// Renders one TimelineJS row per dated event, headlined by its id.
pub fn render_with(report: &Report, options: Options, w: &mut dyn Write) -> io::Result<()> {
    render_named(report, options, &Names::default(), w)
}

/// Renders one TimelineJS row per dated event, headlined by its name when `names` has one.
pub fn render_named(
    report: &Report,
    options: Options,
    names: &Names,
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut out = writer(options, w)?;
    out.write_record(HEADER)?;
    for event in events(&rows(&report.claims)) {
        let record = event_record(&event, names.event(event.id), &report.findings);
        out.write_record(record.iter().map(|cell| neutralize(cell).into_owned()))?;
    }
    out.flush()
}

/// One event on the timeline: its rows and the date chosen for it.
#[derive(Debug)]
pub struct Event<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub rows: Vec<&'a Row<'a>>,
    /// The chosen date: `(earliest, latest, granularity, TIMEX3 value)`.
    pub date: (NaiveDate, NaiveDate, Granularity, String),
    /// Other dates sources give for the event's date, as TIMEX3 values.
    pub disputed: Vec<String>,
}

/// Groups timeline rows by event and dates each event, in date order.
pub fn events<'a>(rows: &'a [Row<'a>]) -> Vec<Event<'a>> {
    let mut ids: Vec<&str> = rows.iter().map(|r| r.claim.event.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut events: Vec<Event> = ids
        .into_iter()
        .filter_map(|id| {
            let mine: Vec<&Row> = rows.iter().filter(|r| r.claim.event == id).collect();
            let first = mine.first()?;
            let (date, disputed) = choose_date(&mine);
            Some(Event {
                id,
                kind: &first.claim.kind,
                rows: mine,
                date,
                disputed,
            })
        })
        .collect();
    events.sort_by(|a, b| (a.date.0, a.date.1, a.id).cmp(&(b.date.0, b.date.1, b.id)));
    events
}

/// The date most sources support (a source supports a date when one of its claims contains it
/// and none contradicts it: "2012" supports "2012-09-28"; ties: finer granularity, then earlier), else the earliest
/// row when no claim dates the event itself; plus the dates given that contradict it (do not
/// overlap it).
fn choose_date(rows: &[&Row]) -> ((NaiveDate, NaiveDate, Granularity, String), Vec<String>) {
    let dated: Vec<(&Row, &str)> = rows
        .iter()
        .filter(|r| r.claim.attribute == Attribute::Date)
        .filter_map(|r| match &r.claim.value {
            Value::Date { value, .. } => Some((*r, value.as_str())),
            Value::Count { .. } => None,
        })
        .collect();
    let support = |from: NaiveDate, to: NaiveDate| -> usize {
        let contains = |r: &Row| r.date <= from && to <= r.date_end;
        let disjoint = |r: &Row| r.date_end < from || to < r.date;
        let sources: BTreeSet<&str> = dated
            .iter()
            .filter(|(r, _)| contains(r))
            .map(|(r, _)| r.claim.source.as_str())
            .collect();
        sources
            .into_iter()
            .filter(|s| {
                !dated
                    .iter()
                    .any(|(r, _)| r.claim.source == *s && disjoint(r))
            })
            .count()
    };
    let best = dated.iter().max_by(|(a, _), (b, _)| {
        support(a.date, a.date_end)
            .cmp(&support(b.date, b.date_end))
            .then(b.granularity.cmp(&a.granularity))
            .then(b.date.cmp(&a.date))
            .then(b.date_end.cmp(&a.date_end))
    });
    match best {
        Some((row, value)) => {
            let mut disputed: Vec<String> = dated
                .iter()
                .filter(|(r, _)| r.date_end < row.date || row.date_end < r.date)
                .map(|(_, v)| v.to_string())
                .collect();
            disputed.sort();
            disputed.dedup();
            (
                (row.date, row.date_end, row.granularity, value.to_string()),
                disputed,
            )
        }
        None => {
            let fallback = rows
                .iter()
                .min_by_key(|r| (r.date, r.date_end))
                .map(|r| (r.date, r.date_end, r.granularity, r.date.to_string()));
            let date = fallback.unwrap_or((
                NaiveDate::MIN,
                NaiveDate::MIN,
                Granularity::Day,
                String::new(),
            ));
            (date, Vec::new())
        }
    }
}

/// The TimelineJS cells of one event.
fn event_record(event: &Event, headline: &str, findings: &[Finding]) -> [String; 18] {
    let (from, to, g, value) = &event.date;
    let [year, month, day, end_year, end_month, end_day] = date_cells(*from, *to, *g);
    let time = clock_time(value);
    let shown = readable(value);
    let display = if event.disputed.is_empty() {
        shown
    } else {
        let others: Vec<String> = event.disputed.iter().map(|d| readable(d)).collect();
        format!("{shown} (disputed: {})", others.join(", "))
    };
    let mut sources: Vec<&str> = event.rows.iter().map(|r| r.claim.source.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    [
        year,
        month,
        day,
        time,
        end_year,
        end_month,
        end_day,
        String::new(),
        display,
        escape_html(headline),
        text(event, findings),
        String::new(),
        escape_html(&sources.join(", ")),
        String::new(),
        String::new(),
        String::new(),
        escape_html(event.kind),
        String::new(),
    ]
}

/// The `HH:MM` of a TIMEX3 value with a clock time (`2013-04-15T14:50`), else nothing: a part
/// of day (`2013-04-15TAF`, the afternoon) is no time TimelineJS can place.
fn clock_time(value: &str) -> String {
    let Some((_, t)) = value.split_once('T') else {
        return String::new();
    };
    let b = t.as_bytes();
    let ok = b.len() >= 5
        && b.get(2) == Some(&b':')
        && [0, 1, 3, 4]
            .iter()
            .all(|&i| b.get(i).is_some_and(u8::is_ascii_digit));
    if ok {
        t.get(..5).unwrap_or_default().to_string()
    } else {
        String::new()
    }
}

/// A TIMEX3 value as a reader takes it: `2013-04-15TAF` is `2013-04-15 afternoon`; anything
/// else as it is.
fn readable(value: &str) -> String {
    let Some((day, t)) = value.split_once('T') else {
        return value.to_string();
    };
    let part = match t {
        "MO" => "morning",
        "MI" => "midday",
        "AF" => "afternoon",
        "EV" => "evening",
        "NI" => "night",
        "DT" => "daytime",
        _ => "",
    };
    match (part, clock_time(value)) {
        ("", clock) if clock.is_empty() => value.to_string(),
        ("", clock) => format!("{day} {clock}"),
        (part, _) => format!("{day} {part}"),
    }
}

/// Year, Month, Day and their End cells, as partial as the granularity: never a made-up day.
fn date_cells(from: NaiveDate, to: NaiveDate, g: Granularity) -> [String; 6] {
    let y = |d: NaiveDate| d.year().to_string();
    let m = |d: NaiveDate| d.month().to_string();
    let d = |d: NaiveDate| d.day().to_string();
    let none = String::new;
    match g {
        Granularity::Time | Granularity::Day if from == to => {
            [y(from), m(from), d(from), none(), none(), none()]
        }
        Granularity::Time | Granularity::Day | Granularity::Week => {
            [y(from), m(from), d(from), y(to), m(to), d(to)]
        }
        Granularity::Month if (from.year(), from.month()) == (to.year(), to.month()) => {
            [y(from), m(from), none(), none(), none(), none()]
        }
        Granularity::Month | Granularity::Season | Granularity::Quarter | Granularity::Half => {
            [y(from), m(from), none(), y(to), m(to), none()]
        }
        Granularity::Year if from.year() == to.year() => {
            [y(from), none(), none(), none(), none(), none()]
        }
        Granularity::Year | Granularity::Decade | Granularity::Century => {
            [y(from), none(), none(), y(to), none(), none()]
        }
    }
}

/// The event's claims as an escaped HTML list, with its findings first.
fn text(event: &Event, findings: &[Finding]) -> String {
    let mut html = String::new();
    for f in findings.iter().filter(|f| f.event == event.id) {
        html.push_str(&format!(
            "<p><b>{}</b> {}: {}</p>",
            severity_name(f.severity).to_uppercase(),
            escape_html(attribute_name(f.attribute)),
            escape_html(&f.message)
        ));
    }
    html.push_str("<ul>");
    for row in &event.rows {
        let c = row.claim;
        let source = match safe_url(c.url.as_deref()) {
            Some(url) => format!(
                "<a href=\"{}\">{}</a>",
                escape_html(url),
                escape_html(&c.source)
            ),
            None => escape_html(&c.source),
        };
        let published = c.published.map(|d| format!(" ({d})")).unwrap_or_default();
        let attribution = super::attribution_text(c)
            .map(|a| format!(", according to {}", escape_html(&a)))
            .unwrap_or_default();
        html.push_str(&format!(
            "<li><b>{source}</b>{published}: {} {}{attribution} \u{2014} \u{201c}{}\u{201d}</li>",
            escape_html(attribute_name(c.attribute)),
            escape_html(&value_with_text(c)),
            escape_html(&super::timeline::one_line(&c.quote)),
        ));
    }
    html.push_str("</ul>");
    html
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn only_clock_times_fill_the_time_cell() {
        assert_eq!(clock_time("2013-04-15T14:50"), "14:50");
        assert_eq!(clock_time("2013-04-15T14:50:07"), "14:50");
        assert_eq!(clock_time("2013-04-15TAF"), "");
        assert_eq!(clock_time("2013-04-15"), "");
        assert_eq!(readable("2013-04-15TAF"), "2013-04-15 afternoon");
        assert_eq!(readable("2013-04-15T14:50"), "2013-04-15 14:50");
        assert_eq!(readable("2012-09"), "2012-09");
    }

    #[test]
    fn partial_dates_stay_partial() {
        let cells = date_cells(day(2012, 1, 1), day(2012, 12, 31), Granularity::Year);
        assert_eq!(cells, ["2012", "", "", "", "", ""].map(String::from));
        let cells = date_cells(day(2011, 9, 1), day(2011, 9, 30), Granularity::Month);
        assert_eq!(cells, ["2011", "9", "", "", "", ""].map(String::from));
        let cells = date_cells(day(1970, 1, 1), day(1979, 12, 31), Granularity::Decade);
        assert_eq!(cells, ["1970", "", "", "1979", "", ""].map(String::from));
        let cells = date_cells(day(2013, 9, 1), day(2013, 9, 1), Granularity::Day);
        assert_eq!(cells, ["2013", "9", "1", "", "", ""].map(String::from));
    }

    #[test]
    fn the_date_most_sources_support_wins_and_contradictions_are_disputed() {
        let claims = vec![
            date(
                "A",
                "delisting",
                "2012",
                day(2012, 1, 1),
                day(2012, 12, 31),
                Granularity::Year,
            ),
            date(
                "B",
                "delisting",
                "2012-09-28",
                day(2012, 9, 28),
                day(2012, 9, 28),
                Granularity::Day,
            ),
            date(
                "C",
                "delisting",
                "2011-09",
                day(2011, 9, 1),
                day(2011, 9, 30),
                Granularity::Month,
            ),
        ];
        let rows = rows(&claims);
        let events = events(&rows);
        assert_eq!(events.len(), 1);
        assert_eq!(
            events[0].date.3, "2012-09-28",
            "supported by A's 2012 and B"
        );
        assert_eq!(events[0].disputed, vec!["2011-09".to_string()]);
    }
}
