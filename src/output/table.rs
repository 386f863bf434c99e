//! The report as terminal tables.
//!
//! Takes a [`Report`]; gives one comfy-table per event that has findings, one row per finding,
//! with the values each source gives side by side (one column a source), then a summary line
//! (open and accepted findings by severity). Cells name where a value stands by file name and
//! line; why the values conflict is left to the other formats, a terminal column is narrow. Severities are coloured only when asked
//! ([`Options::color`]); [`render`] asks when stdout is a terminal and `NO_COLOR` is unset.

use std::io::{self, IsTerminal, Write};

use comfy_table::{
    presets, Attribute as Style, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width,
};

use super::timeline::one_line;

use super::{
    attribute_name, claims_by_source, findings_by_event, severity_name, totals, value_with_text,
    Summary,
};
use crate::engine::{Finding, Severity, Status};
use crate::Report;

/// The width tables wrap to when stdout is not a terminal (a file, a pager, a CI log).
pub const PIPE_WIDTH: u16 = 120;

/// How to draw the tables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Colour severities with ANSI escapes.
    pub color: bool,
    /// Wrap to this many columns (none: no wrapping).
    pub width: Option<u16>,
}

impl Options {
    /// For stdout as it is: colour when it is a terminal and `NO_COLOR` is unset or empty
    /// (<https://no-color.org>), wrapped to the terminal's width, else to [`PIPE_WIDTH`].
    pub fn for_stdout() -> Options {
        let terminal = io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let width = terminal
            .then(|| {
                let probe = Table::new();
                probe.width()
            })
            .flatten()
            .or(Some(PIPE_WIDTH));
        Options {
            color: terminal && !no_color,
            width,
        }
    }
}

/// Longest word a terminal cell shows whole. comfy-table wraps an over-long word character by
/// character, in time quadratic in its length (a 6 KB number took a second to lay out), and a
/// token of hundreds of characters tells a reader nothing in a terminal: the full text is in
/// the JSON and CSV outputs.
pub const MAX_CELL_WORD: usize = 40;

/// `text` on one line (see [`one_line`]) with every word longer than [`MAX_CELL_WORD`]
/// characters cut to that length and marked with "…".
pub fn cell_text(text: &str) -> String {
    let line = one_line(text);
    if line.split(' ').all(|w| w.chars().count() <= MAX_CELL_WORD) {
        return line;
    }
    line.split(' ')
        .map(|w| {
            if w.chars().count() > MAX_CELL_WORD {
                let mut cut: String = w.chars().take(MAX_CELL_WORD - 1).collect();
                cut.push('…');
                cut
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The longest quote a terminal table shows, in characters: the table is for reading, and a
/// longer quote wrapped into a narrow column made a table of hundreds of claims megabytes long
/// (the full quote is in every other format).
pub const MAX_TABLE_QUOTE: usize = 200;

/// [`cell_text`] of a quote, cut after the last whole word within [`MAX_TABLE_QUOTE`]
/// characters and marked with "…".
pub fn cell_quote(text: &str) -> String {
    let line = cell_text(text);
    match line.char_indices().nth(MAX_TABLE_QUOTE) {
        None => line,
        Some((at, _)) => {
            let head = &line[..at];
            let cut = head.rfind(' ').filter(|&i| i > 0).unwrap_or(at);
            format!("{}…", head[..cut].trim_end())
        }
    }
}

/// Renders the report for stdout as it is (see [`Options::for_stdout`]).
pub fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    render_with(report, Options::for_stdout(), w)
}

/// Renders the report with explicit options.
pub fn render_with(report: &Report, options: Options, w: &mut dyn Write) -> io::Result<()> {
    for (event, findings) in findings_by_event(&report.findings) {
        writeln!(w, "{}", one_line(event))?;
        writeln!(w, "{}", event_table(&findings, options))?;
        writeln!(w)?;
    }
    writeln!(w, "{} ({}).", Summary::of(&report.findings), totals(report))
}

/// One event's findings: severity, what and why, then one column a source.
fn event_table(findings: &[&Finding], options: Options) -> Table {
    let mut sources: Vec<&str> = Vec::new();
    for f in findings {
        for (source, _) in claims_by_source(&f.claims) {
            if !sources.contains(&source) {
                sources.push(source);
            }
        }
    }
    let mut table = Table::new();
    table.load_preset(presets::UTF8_FULL_CONDENSED);
    if options.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    if let Some(width) = options.width {
        table
            .set_width(width)
            .set_content_arrangement(ContentArrangement::Dynamic);
    }
    let mut header = vec![Cell::new("Severity"), Cell::new("Finding")];
    header.extend(sources.iter().map(|s| Cell::new(cell_text(s))));
    table.set_header(header);
    if options.width.is_some() {
        // What and why needs room to read; the value columns share the rest.
        if let Some(column) = table.column_mut(1) {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Percentage(30)));
        }
    }
    for f in findings {
        let by_source = claims_by_source(&f.claims);
        let mut row = vec![severity_cell(f, options), Cell::new(finding_text(f))];
        for source in &sources {
            let values: Vec<String> = by_source
                .iter()
                .filter(|(s, _)| s == source)
                .flat_map(|(_, claims)| claims.iter())
                .map(|c| {
                    format!(
                        "{}\n{}:{}",
                        cell_text(&value_with_text(c)),
                        cell_text(short_doc(&c.doc)),
                        c.line
                    )
                })
                .collect();
            row.push(Cell::new(values.join("\n")));
        }
        table.add_row(row);
    }
    table
}

/// The file name of a document id (`data/mek/a.txt` is `a.txt`): a terminal column is narrow,
/// and the other formats carry the whole path.
fn short_doc(doc: &str) -> &str {
    doc.rsplit(['/', '\\'])
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(doc)
}

fn severity_cell(f: &Finding, options: Options) -> Cell {
    let mut cell = Cell::new(severity_name(f.severity));
    if options.color {
        let color = match f.severity {
            Severity::High => Color::Red,
            Severity::Medium => Color::Yellow,
            Severity::Low => Color::Cyan,
            Severity::Info => Color::Grey,
        };
        cell = cell.fg(color);
        if f.severity == Severity::High && f.status == Status::Open {
            cell = cell.add_attribute(Style::Bold);
        }
    }
    cell
}

fn finding_text(f: &Finding) -> String {
    let mut text = format!(
        "{} · {}\n{}",
        attribute_name(f.attribute),
        cell_text(&f.rule),
        cell_text(&f.message)
    );
    if let Status::Accepted { reason, .. } = &f.status {
        text.push_str(&format!("\naccepted: {}", cell_text(reason)));
    }
    text.push_str(&format!("\n{}", cell_text(&f.id)));
    text
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::claims::Attribute;

    fn report() -> Report {
        let claims = vec![
            count("Alpha", "raid", Attribute::Killed, 7.0, Some(7.0)),
            count("Beta", "raid", Attribute::Killed, 6.0, Some(6.0)),
        ];
        Report {
            documents: 2,
            claims: claims.clone(),
            findings: vec![make_finding(claims, Severity::High)],
            diagnostics: vec![],
        }
    }

    #[test]
    fn sources_are_columns_and_the_summary_closes() {
        let mut out = Vec::new();
        render_with(&report(), Options::default(), &mut out).unwrap_or_default();
        let text = String::from_utf8_lossy(&out);
        let header = text.lines().nth(2).unwrap_or_default();
        assert!(
            header.contains("Alpha") && header.contains("Beta"),
            "{text}"
        );
        assert!(text.contains("┆ 7 "), "{text}");
        assert!(text.contains("┆ alpha.txt:4 "), "{text}");
        assert!(
            text.ends_with("1 finding: 1 open (1 high), 0 accepted (2 documents, 2 claims).\n"),
            "{text}"
        );
        assert!(!text.contains('\u{1b}'), "no colour unless asked");
    }

    #[test]
    fn colour_only_when_asked() {
        let mut out = Vec::new();
        let options = Options {
            color: true,
            width: None,
        };
        render_with(&report(), options, &mut out).unwrap_or_default();
        assert!(String::from_utf8_lossy(&out).contains('\u{1b}'));
    }
}
