//! The report as one self-contained HTML page with an SVG timeline.
//!
//! Takes a [`Report`]; gives a page that needs no network (inline CSS and SVG, no script, no
//! font or image to fetch), reads offline and prints. At the top, an SVG timeline: a date axis
//! scaled to the dated claims, one lane per event and inside it one row per source, each claim
//! a mark: a dot for a day, a bar for anything coarser (a month is a bar across the month, never
//! a point). Claims in an open finding are drawn red and link to the finding's anchor. Below,
//! the findings (severity, values side by side, quotes, attribution, source links), a table per
//! source, and the diagnostics. Every piece of text from input is escaped.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::{Datelike, Months, NaiveDate};

use super::timeline::{granularity_name, one_line, rows, Row};
use super::timelinejs::events;
use super::{
    attribute_name, claims_by_source, escape_html as esc, findings_by_event, safe_url,
    severity_name, status_name, totals, value_text, value_with_text, Names, Summary,
};
use crate::claims::Claim;
use crate::engine::{Finding, Status};
use crate::temporal::Granularity;
use crate::Report;

/// What the page says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The page's title and heading.
    pub title: String,
    /// Event names for the lanes and headings.
    pub names: Names,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            title: "factline report".into(),
            names: Names::default(),
        }
    }
}

/// Renders the report with the default title.
pub fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    render_with(report, &Options::default(), w)
}

/// Renders the report.
pub fn render_with(report: &Report, options: &Options, w: &mut dyn Write) -> io::Result<()> {
    let mut page = String::with_capacity(64 * 1024);
    let title = esc(&options.title);
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"factline {}\">\n<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(page, "<header><h1>{title}</h1>");
    let _ = writeln!(
        page,
        "<p class=\"summary\">{} &middot; {}</p></header>",
        esc(&Summary::of(&report.findings).to_string()),
        esc(&totals(report))
    );
    let index = FindingIndex::new(&report.findings);
    let timeline_rows = rows(&report.claims);
    page.push_str("<section id=\"timeline\"><h2>Timeline</h2>\n");
    timeline_svg(&timeline_rows, &index, &options.names, &mut page);
    page.push_str("</section>\n");
    findings_section(report, &options.names, &mut page);
    sources_section(report, &index, &mut page);
    diagnostics_section(report, &mut page);
    page.push_str("</body>\n</html>\n");
    w.write_all(page.as_bytes())
}

const CSS: &str = r#"
:root { --high: #c62828; --medium: #ef6c00; --low: #1565c0; --info: #607d8b; --ink: #1b1b1b; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 16px 24px; }
h1 { margin: 0 0 4px; font-size: 24px; } h2 { border-bottom: 2px solid var(--line); padding-bottom: 4px; margin-top: 28px; }
.summary { color: var(--muted); margin: 0; }
svg.timeline { width: 100%; height: auto; display: block; }
svg text { font-family: inherit; fill: var(--ink); }
svg .axis text { font-size: 11px; fill: var(--muted); }
svg .grid { stroke: #e6e6e6; }
svg .axis-break { stroke: #888; stroke-width: 1.5; stroke-dasharray: 4 3; }
svg .lane-bg { fill: #f4f4f4; fill-opacity: .6; }
svg .event-name { font-weight: 600; font-size: 13px; }
svg .source-name { font-size: 11px; fill: var(--muted); }
svg .mark { fill: #5c6bc0; fill-opacity: .75; stroke: #3949ab; stroke-width: 1; }
svg .mark.conflict { fill: var(--high); stroke: #7f0000; fill-opacity: .85; }
svg .mark.accepted { fill: #9e9e9e; stroke: #616161; }
svg a:hover .mark { stroke-width: 2.5; }
.legend { color: var(--muted); font-size: 12px; }
.legend .sw { display: inline-block; width: 14px; height: 10px; vertical-align: middle; margin: 0 4px 0 12px; background: #5c6bc0; }
.legend .sw.conflict { background: var(--high); } .legend .sw.accepted { background: #9e9e9e; } .legend .sw.dot { width: 10px; border-radius: 50%; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--info); border-radius: 4px; padding: 8px 14px; margin: 12px 0; }
.finding.sev-high { border-left-color: var(--high); } .finding.sev-medium { border-left-color: var(--medium); } .finding.sev-low { border-left-color: var(--low); }
.finding.accepted { opacity: .75; }
.finding:target { box-shadow: 0 0 0 3px #ffe082; }
.finding h3 { margin: 4px 0; font-size: 16px; }
.badge { display: inline-block; color: #fff; background: var(--info); border-radius: 3px; padding: 0 6px; font-size: 12px; font-weight: 700; letter-spacing: .04em; }
.badge.sev-high { background: var(--high); } .badge.sev-medium { background: var(--medium); } .badge.sev-low { background: var(--low); }
.badge.status { background: #9e9e9e; }
.rule, .fp { color: var(--muted); font-size: 12px; }
.why { color: var(--muted); font-style: italic; margin: 2px 0; }
.value.side i { color: var(--muted); }
.values { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0; }
.value { border: 1px solid var(--line); border-radius: 4px; padding: 2px 8px; background: #f7f7f7; }
.value b { margin-right: 6px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
q { font-style: italic; }
.diagnostics li { font-family: ui-monospace, monospace; font-size: 12px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  .finding, svg.timeline { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// Which finding each claim belongs to, so marks can link to it.
struct FindingIndex<'a> {
    by_claim: HashMap<ClaimKey<'a>, &'a Finding>,
}

type ClaimKey<'a> = (&'a str, usize, &'a str, &'a str, &'a str, String);

fn claim_key(c: &Claim) -> ClaimKey<'_> {
    (
        &c.doc,
        c.line,
        &c.event,
        &c.source,
        &c.text,
        format!("{}:{}", attribute_name(c.attribute), value_text(&c.value)),
    )
}

impl<'a> FindingIndex<'a> {
    fn new(findings: &'a [Finding]) -> Self {
        let mut by_claim: HashMap<ClaimKey<'a>, &'a Finding> = HashMap::new();
        for f in findings {
            for c in &f.claims {
                let entry = by_claim.entry(claim_key(c)).or_insert(f);
                // An open finding wins over an accepted one: it is what the reader must see.
                if entry.status != Status::Open && f.status == Status::Open {
                    *entry = f;
                }
            }
        }
        FindingIndex { by_claim }
    }

    fn finding_of(&self, c: &Claim) -> Option<&'a Finding> {
        self.by_claim.get(&claim_key(c)).copied()
    }
}

/// The anchor of a finding: its id with anything but `[A-Za-z0-9_-]` made `-`.
pub fn anchor(id: &str) -> String {
    let clean: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("finding-{clean}")
}

const WIDTH: f64 = 1000.0;
const LABEL: f64 = 210.0;
const RIGHT: f64 = 16.0;
const AXIS: f64 = 28.0;
const TITLE_ROW: f64 = 20.0;
const SOURCE_ROW: f64 = 16.0;
const LANE_GAP: f64 = 10.0;

/// The SVG timeline: an axis, then one lane per event, one row per source in it.
fn timeline_svg(rows: &[Row], index: &FindingIndex, names: &Names, page: &mut String) {
    let Some(scale) = Scale::fit(rows) else {
        page.push_str("<p class=\"empty\">No dated claims.</p>\n");
        return;
    };
    let (Some(min), Some(max)) = (
        rows.iter().map(|r| r.date).min(),
        rows.iter().map(|r| r.date_end).max(),
    ) else {
        return;
    };
    let events = events(rows);
    let mut lanes = String::new();
    let mut y = AXIS + 6.0;
    for event in &events {
        let mut sources: Vec<&str> = event.rows.iter().map(|r| r.claim.source.as_str()).collect();
        sources.sort_unstable();
        sources.dedup();
        let height = TITLE_ROW + SOURCE_ROW * sources.len() as f64 + 4.0;
        let _ = writeln!(
            lanes,
            "<g class=\"event-lane\" data-event=\"{}\" data-marks=\"{}\">",
            esc(event.id),
            event.rows.len()
        );
        let _ = writeln!(
            lanes,
            "<rect class=\"lane-bg\" x=\"0\" y=\"{y:.1}\" width=\"{WIDTH}\" height=\"{height:.1}\"/>"
        );
        let _ = writeln!(
            lanes,
            "<text class=\"event-name\" x=\"6\" y=\"{:.1}\">{}<title>{}: {}</title></text>",
            y + 14.0,
            esc(&truncate(names.event(event.id), 90)),
            esc(names.event(event.id)),
            esc(&event.date.3)
        );
        for (i, source) in sources.iter().enumerate() {
            let row_y = y + TITLE_ROW + SOURCE_ROW * i as f64;
            let mid = row_y + SOURCE_ROW / 2.0;
            let _ = writeln!(
                lanes,
                "<text class=\"source-name\" x=\"16\" y=\"{:.1}\">{}</text>",
                mid + 4.0,
                esc(&truncate(source, 30))
            );
            for row in event.rows.iter().filter(|r| r.claim.source == *source) {
                mark(row, index, &scale, mid, &mut lanes);
            }
        }
        lanes.push_str("</g>\n");
        y += height + LANE_GAP;
    }
    let height = y + 4.0;
    let _ = writeln!(
        page,
        "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height:.0}\" \
         role=\"img\" aria-label=\"Timeline of {} events from {min} to {max}\">",
        events.len()
    );
    axis(&scale, height, page);
    page.push_str(&lanes);
    page.push_str("</svg>\n");
    page.push_str(
        "<p class=\"legend\"><span class=\"sw dot\"></span>a day<span class=\"sw\"></span>a month, \
         year or longer span<span class=\"sw conflict\"></span>in an open finding (click to go to it)<span class=\"sw accepted\"></span>in an accepted finding</p>\n",
    );
}

/// Maps dates to x coordinates. Dated claims often bunch into periods decades apart (a
/// founding in the 1960s, attacks in 2013): each bunch gets a segment of the axis, and the
/// empty years between them collapse into a marked break, so a day in 2013 stays visible.
struct Scale {
    segments: Vec<Segment>,
}

/// One stretch of the axis: dates `start..end` drawn linearly over `x0..x1`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Segment {
    start: NaiveDate,
    end: NaiveDate,
    x0: f64,
    x1: f64,
}

/// The gap between two bunches of dates that becomes a break.
const BREAK: f64 = 26.0;

impl Scale {
    /// Fits the axis to the rows: bunches separated by more than a tenth of the whole span
    /// (and more than two years) become separate segments, sized by their length and by how
    /// many marks they hold.
    fn fit(rows: &[Row]) -> Option<Scale> {
        let mut spans: Vec<(NaiveDate, NaiveDate)> = rows
            .iter()
            .map(|r| (r.date, next_day(r.date_end)))
            .collect();
        spans.sort();
        let min = spans.first()?.0;
        let max = spans.iter().map(|s| s.1).max()?;
        let gap = ((max - min).num_days() / 10).max(730);
        // (start, end, marks in it)
        let mut bunches: Vec<(NaiveDate, NaiveDate, usize)> = Vec::new();
        for (from, to) in spans {
            match bunches.last_mut() {
                Some(last) if (from - last.1).num_days() <= gap => {
                    last.1 = last.1.max(to);
                    last.2 += 1;
                }
                _ => bunches.push((from, to, 1)),
            }
        }
        let padded: Vec<(NaiveDate, NaiveDate)> = bunches
            .iter()
            .map(|(from, to, _)| {
                let pad = chrono::Duration::days(((*to - *from).num_days() / 20).max(20));
                (
                    from.checked_sub_signed(pad).unwrap_or(NaiveDate::MIN),
                    to.checked_add_signed(pad).unwrap_or(NaiveDate::MAX),
                )
            })
            .collect();
        // Width grows with the square roots of a bunch's length and of its number of marks:
        // a busy year gets more room than an empty decade.
        let weights: Vec<f64> = padded
            .iter()
            .zip(&bunches)
            .map(|((from, to), (_, _, marks))| {
                ((*to - *from).num_days().max(1) as f64).sqrt() * (*marks as f64).sqrt()
            })
            .collect();
        let total: f64 = weights.iter().sum();
        let breaks = padded.len().saturating_sub(1) as f64 * BREAK;
        let available = (WIDTH - LABEL - RIGHT - breaks).max(1.0);
        let mut x = LABEL;
        let mut segments = Vec::with_capacity(padded.len());
        for ((start, end), weight) in padded.into_iter().zip(weights) {
            let width = available * weight / total.max(f64::MIN_POSITIVE);
            segments.push(Segment {
                start,
                end,
                x0: x,
                x1: x + width,
            });
            x += width + BREAK;
        }
        Some(Scale { segments })
    }

    fn x(&self, date: NaiveDate) -> f64 {
        let segment = self
            .segments
            .iter()
            .find(|s| date <= s.end)
            .or(self.segments.last());
        match segment {
            Some(s) => {
                let days = (s.end - s.start).num_days().max(1) as f64;
                let offset = (date - s.start).num_days() as f64;
                (s.x0 + offset / days * (s.x1 - s.x0)).clamp(s.x0, s.x1)
            }
            None => LABEL,
        }
    }
}

/// One claim as a dot (a day or finer) or a bar over its interval, linked to its finding.
fn mark(row: &Row, index: &FindingIndex, scale: &Scale, mid: f64, out: &mut String) {
    let c = row.claim;
    let finding = index.finding_of(c);
    let class = match finding.map(|f| &f.status) {
        Some(Status::Open) => "mark conflict",
        Some(Status::Accepted { .. }) => "mark accepted",
        None => "mark",
    };
    let tooltip = format!(
        "{} ({}) \u{2014} {} {}: {}\n\u{201c}{}\u{201d} ({}:{})",
        c.source,
        c.published.map(|d| d.to_string()).unwrap_or_default(),
        c.event,
        attribute_name(c.attribute),
        value_with_text(c),
        one_line(&c.quote),
        c.doc,
        c.line
    );
    let data = format!(
        "data-event=\"{}\" data-source=\"{}\" data-granularity=\"{}\"",
        esc(&c.event),
        esc(&c.source),
        granularity_name(row.granularity)
    );
    let shape = if matches!(row.granularity, Granularity::Day | Granularity::Time) {
        let cx = scale.x(row.date) + 0.5 * (scale.x(next_day(row.date)) - scale.x(row.date));
        format!(
            "<circle class=\"{class}\" {data} cx=\"{cx:.1}\" cy=\"{mid:.1}\" r=\"4.5\"><title>{}</title></circle>",
            esc(&tooltip)
        )
    } else {
        let x0 = scale.x(row.date);
        let x1 = scale.x(next_day(row.date_end));
        let width = (x1 - x0).max(3.0);
        format!(
            "<rect class=\"{class}\" {data} x=\"{x0:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"10\" rx=\"2\"><title>{}</title></rect>",
            mid - 5.0,
            esc(&tooltip)
        )
    };
    match finding {
        Some(f) => {
            let _ = writeln!(out, "<a href=\"#{}\">{shape}</a>", anchor(&f.id));
        }
        None => {
            let _ = writeln!(out, "{shape}");
        }
    }
}

/// Tick marks for each segment at a step that leaves room for the labels (months up to
/// decades), and a break mark between segments.
fn axis(scale: &Scale, height: f64, page: &mut String) {
    page.push_str("<g class=\"axis\">\n");
    // Labels closer than this to the previous one are left out (the grid line stays).
    const LABEL_ROOM: f64 = 46.0;
    let mut last_label = f64::NEG_INFINITY;
    for (i, segment) in scale.segments.iter().enumerate() {
        if i > 0 {
            // A dashed line marks the years left out; the tick labels keep the room.
            let x = segment.x0 - BREAK / 2.0;
            let _ = writeln!(
                page,
                "<line class=\"axis-break\" x1=\"{x:.1}\" y1=\"6\" x2=\"{x:.1}\" y2=\"{height:.1}\"><title>years without claims left out</title></line>"
            );
        }
        let days = (segment.end - segment.start).num_days().max(1) as f64;
        let px_per_month = (segment.x1 - segment.x0) / days * 30.44;
        let step_months = [1u32, 2, 3, 6, 12, 24, 60, 120, 240, 600]
            .into_iter()
            .find(|m| f64::from(*m) * px_per_month >= 56.0)
            .unwrap_or(1200);
        let first = if step_months >= 12 {
            let step_years = (step_months / 12) as i32;
            NaiveDate::from_ymd_opt(
                segment.start.year().div_euclid(step_years) * step_years,
                1,
                1,
            )
        } else {
            let month0 = segment.start.month0() / step_months * step_months;
            NaiveDate::from_ymd_opt(segment.start.year(), month0 + 1, 1)
        };
        let mut tick = first.unwrap_or(segment.start);
        let mut guard = 0;
        while tick <= segment.end && guard < 200 {
            guard += 1;
            if tick >= segment.start {
                let x = scale.x(tick);
                let label = if step_months >= 12 {
                    tick.year().to_string()
                } else {
                    tick.format("%b %Y").to_string()
                };
                let _ = writeln!(
                    page,
                    "<line class=\"grid\" x1=\"{x:.1}\" y1=\"{AXIS:.1}\" x2=\"{x:.1}\" y2=\"{height:.1}\"/>"
                );
                if x - last_label >= LABEL_ROOM {
                    let _ = writeln!(
                        page,
                        "<text x=\"{x:.1}\" y=\"18\" text-anchor=\"middle\">{label}</text>"
                    );
                    last_label = x;
                }
            }
            tick = match tick.checked_add_months(Months::new(step_months)) {
                Some(next) => next,
                None => break,
            };
        }
    }
    page.push_str("</g>\n");
}

/// The day after, or the same day at the end of the calendar: dates come from input and can
/// be anything chrono holds.
fn next_day(date: NaiveDate) -> NaiveDate {
    date.succ_opt().unwrap_or(date)
}

fn truncate(text: &str, max: usize) -> String {
    let text = one_line(text);
    if text.chars().count() <= max {
        text
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}\u{2026}")
    }
}

fn findings_section(report: &Report, names: &Names, page: &mut String) {
    let _ = writeln!(
        page,
        "<section id=\"findings\"><h2>Findings ({})</h2>",
        report.findings.len()
    );
    if report.findings.is_empty() {
        page.push_str("<p>No finding: the sources agree on everything the rules check.</p>\n");
    }
    for (event, findings) in findings_by_event(&report.findings) {
        let _ = writeln!(page, "<h3 class=\"event\">{}</h3>", esc(names.event(event)));
        for f in findings {
            finding(f, names, page);
        }
    }
    page.push_str("</section>\n");
}

fn finding(f: &Finding, names: &Names, page: &mut String) {
    let severity = severity_name(f.severity);
    let status = status_name(&f.status);
    let _ = writeln!(
        page,
        "<section class=\"finding sev-{severity} {status}\" id=\"{}\" data-rule=\"{}\">",
        anchor(&f.id),
        esc(&f.rule)
    );
    let accepted = match &f.status {
        Status::Open => String::new(),
        Status::Accepted {
            reason,
            reviewer,
            date,
        } => {
            let by = reviewer
                .as_deref()
                .map(|r| format!(" by {}", esc(r)))
                .unwrap_or_default();
            let on = date
                .as_deref()
                .map(|d| format!(" on {}", esc(d)))
                .unwrap_or_default();
            format!(
                " <span class=\"badge status\">accepted</span> <span class=\"rule\">{}{by}{on}</span>",
                esc(reason)
            )
        }
    };
    let _ = writeln!(
        page,
        "<h3><span class=\"badge sev-{severity}\">{}</span> {} &middot; {} <span class=\"rule\">{}</span>{accepted}</h3>",
        severity.to_uppercase(),
        esc(names.event(&f.event)),
        attribute_name(f.attribute),
        esc(&f.rule)
    );
    let _ = writeln!(page, "<p class=\"message\">{}</p>", esc(&f.message));
    if !f.why.trim().is_empty() {
        let _ = writeln!(page, "<p class=\"why\">{}</p>", esc(&f.why));
    }
    page.push_str("<div class=\"values\">");
    for side in &f.sides {
        let credited: Vec<&str> = side
            .attributions
            .iter()
            .map(String::as_str)
            .filter(|a| *a != "unattributed")
            .collect();
        let according = if credited.is_empty() {
            String::new()
        } else {
            format!(" <i>according to {}</i>", esc(&credited.join(", ")))
        };
        let _ = write!(
            page,
            "<span class=\"value side\"><b>{}</b>{}{according}</span>",
            esc(&side.value),
            esc(&side.sources.join(", "))
        );
    }
    // Without sides (an older engine, a hand-built finding), one chip a source.
    for (source, claims) in claims_by_source(&f.claims)
        .into_iter()
        .filter(|_| f.sides.is_empty())
    {
        let values: Vec<String> = claims.iter().map(|c| esc(&value_text(&c.value))).collect();
        let mut unique = values.clone();
        unique.dedup();
        let _ = write!(
            page,
            "<span class=\"value\"><b>{}</b>{}</span>",
            esc(source),
            unique.join(", ")
        );
    }
    page.push_str("</div>\n<table><thead><tr><th>Source</th><th>Value</th><th>Quote</th><th>Attribution</th><th>Published</th><th>Where</th></tr></thead><tbody>\n");
    for (source, claims) in claims_by_source(&f.claims) {
        for c in claims {
            let name = match safe_url(c.url.as_deref()) {
                Some(url) => format!(
                    "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                    esc(url),
                    esc(source)
                ),
                None => esc(source),
            };
            let _ = writeln!(
                page,
                "<tr><td>{name}</td><td>{}</td><td><q>{}</q></td><td>{}</td><td>{}</td><td>{}:{}</td></tr>",
                esc(&value_with_text(c)),
                esc(&c.quote),
                esc(&super::attribution_text(c).unwrap_or_default()),
                c.published.map(|d| d.to_string()).unwrap_or_default(),
                esc(&c.doc),
                c.line
            );
        }
    }
    let _ = writeln!(
        page,
        "</tbody></table>\n<p class=\"fp\">fingerprint {}</p>\n</section>",
        esc(&f.id)
    );
}

fn sources_section(report: &Report, index: &FindingIndex, page: &mut String) {
    #[derive(Default)]
    struct PerSource<'a> {
        docs: BTreeSet<&'a str>,
        claims: usize,
        dated: usize,
        in_findings: BTreeSet<&'a str>,
        urls: BTreeSet<&'a str>,
    }
    let mut sources: BTreeMap<&str, PerSource> = BTreeMap::new();
    for c in &report.claims {
        let s = sources.entry(&c.source).or_default();
        s.docs.insert(&c.doc);
        s.claims += 1;
        if super::timeline::placement(c).is_some() {
            s.dated += 1;
        }
        if let Some(f) = index.finding_of(c) {
            s.in_findings.insert(&f.id);
        }
        if let Some(url) = safe_url(c.url.as_deref()) {
            s.urls.insert(url);
        }
    }
    page.push_str("<section id=\"sources\"><h2>Sources</h2>\n");
    if sources.is_empty() {
        page.push_str("<p>No claims were extracted.</p>\n</section>\n");
        return;
    }
    page.push_str("<table><thead><tr><th>Source</th><th>Documents</th><th>Claims</th><th>Dated claims</th><th>Findings</th><th>Links</th></tr></thead><tbody>\n");
    for (name, s) in &sources {
        let links: Vec<String> = s
            .urls
            .iter()
            .take(5)
            .map(|u| {
                format!(
                    "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                    esc(u),
                    esc(&truncate(u, 60))
                )
            })
            .collect();
        let _ = writeln!(
            page,
            "<tr class=\"source\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(name),
            s.docs.len(),
            s.claims,
            s.dated,
            s.in_findings.len(),
            links.join("<br>")
        );
    }
    page.push_str("</tbody></table>\n</section>\n");
}

fn diagnostics_section(report: &Report, page: &mut String) {
    if report.diagnostics.is_empty() {
        return;
    }
    let _ = writeln!(
        page,
        "<section id=\"diagnostics\"><h2>Diagnostics ({})</h2><ul class=\"diagnostics\">",
        report.diagnostics.len()
    );
    for d in &report.diagnostics {
        let _ = writeln!(page, "<li>{}</li>", esc(&d.to_string()));
    }
    page.push_str("</ul></section>\n");
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::claims::Attribute;
    use crate::engine::Severity;

    fn page(report: &Report) -> String {
        let mut out = Vec::new();
        render(report, &mut out).unwrap_or_default();
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn a_month_is_a_bar_and_a_day_is_a_dot() {
        let claims = vec![
            date(
                "A",
                "e",
                "2012-09",
                day(2012, 9, 1),
                day(2012, 9, 30),
                Granularity::Month,
            ),
            date(
                "B",
                "e",
                "2012-09-14",
                day(2012, 9, 14),
                day(2012, 9, 14),
                Granularity::Day,
            ),
        ];
        let html = page(&Report {
            documents: 2,
            claims,
            ..Report::default()
        });
        assert_eq!(html.matches("<rect class=\"mark\"").count(), 1, "{html}");
        assert_eq!(html.matches("<circle class=\"mark\"").count(), 1, "{html}");
    }

    #[test]
    fn conflicting_claims_link_to_their_finding() {
        let claims = vec![
            count("A", "raid", Attribute::Killed, 7.0, Some(7.0)),
            count("B", "raid", Attribute::Killed, 6.0, Some(6.0)),
        ];
        let f = make_finding(claims.clone(), Severity::High);
        let html = page(&Report {
            documents: 2,
            claims,
            findings: vec![f],
            diagnostics: vec![],
        });
        assert_eq!(
            html.matches("<a href=\"#finding-fp-raid-killed\"><circle class=\"mark conflict\"")
                .count(),
            2,
            "{html}"
        );
        assert!(html.contains("id=\"finding-fp-raid-killed\""));
    }

    #[test]
    fn hostile_text_is_escaped_everywhere() {
        let mut c = count(
            "<b>Evil</b>",
            "e\"><script>",
            Attribute::Killed,
            1.0,
            Some(1.0),
        );
        c.quote = "<script>alert('x')</script>".into();
        c.url = Some("javascript:alert(1)".into());
        let f = make_finding(vec![c.clone()], Severity::Low);
        let html = page(&Report {
            documents: 1,
            claims: vec![c],
            findings: vec![f],
            diagnostics: vec![],
        });
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>Evil"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn decades_apart_bunches_get_their_own_axis_segments() {
        let claims = vec![
            date(
                "A",
                "f",
                "1963",
                day(1963, 1, 1),
                day(1963, 12, 31),
                Granularity::Year,
            ),
            date(
                "B",
                "a",
                "2013-02-09",
                day(2013, 2, 9),
                day(2013, 2, 9),
                Granularity::Day,
            ),
            date(
                "C",
                "a",
                "2013-09-01",
                day(2013, 9, 1),
                day(2013, 9, 1),
                Granularity::Day,
            ),
        ];
        let rows = rows(&claims);
        let scale = Scale::fit(&rows).unwrap_or(Scale { segments: vec![] });
        assert_eq!(scale.segments.len(), 2);
        let (feb, sep) = (scale.x(day(2013, 2, 9)), scale.x(day(2013, 9, 1)));
        assert!(
            sep - feb > 100.0,
            "seven months stay readable: {feb}..{sep}"
        );
        assert!(scale.x(day(1963, 6, 1)) < feb);
        let close = vec![
            date(
                "A",
                "a",
                "2012",
                day(2012, 1, 1),
                day(2012, 12, 31),
                Granularity::Year,
            ),
            date(
                "B",
                "a",
                "2013-02-09",
                day(2013, 2, 9),
                day(2013, 2, 9),
                Granularity::Day,
            ),
        ];
        let rows = super::rows(&close);
        assert_eq!(Scale::fit(&rows).map(|s| s.segments.len()), Some(1));
    }

    #[test]
    fn dates_at_the_ends_of_the_calendar_do_not_panic() {
        let claims = vec![
            date(
                "A",
                "e",
                "x",
                NaiveDate::MIN,
                NaiveDate::MIN,
                Granularity::Day,
            ),
            date(
                "B",
                "e",
                "y",
                NaiveDate::MAX,
                NaiveDate::MAX,
                Granularity::Year,
            ),
            date(
                "C",
                "f",
                "z",
                NaiveDate::MIN,
                NaiveDate::MAX,
                Granularity::Century,
            ),
        ];
        let html = page(&Report {
            documents: 1,
            claims,
            ..Report::default()
        });
        assert_eq!(html.matches("class=\"mark\"").count(), 3);
    }

    #[test]
    fn nothing_is_fetched_from_the_network() {
        let html = page(&Report::default());
        assert!(!html.contains("src="));
        assert!(!html.contains("<link"));
        assert!(html.contains("No dated claims."));
    }
}
