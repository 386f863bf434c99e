//! The timeline as CSV for spreadsheets.
//!
//! Takes a [`Report`]; gives one row per dated claim (see [`super::timeline`]) under a header
//! row, safe to open in Excel, LibreOffice and Google Sheets: RFC 4180 quoting and CRLF line
//! ends, UTF-8 (with an optional byte-order mark for Excel), ISO dates, and every cell that a
//! spreadsheet could read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return) neutralized with a leading `'`, so a quote copied from a web page never runs.

use std::io::{self, Write};

use super::timeline::{granularity_name, rows};
use super::{attribute_name, bounds_text, value_text};
use crate::Report;

/// The columns of the timeline CSV, in order.
pub const HEADER: [&str; 19] = [
    "date",
    "date_end",
    "granularity",
    "event",
    "kind",
    "attribute",
    "value",
    "low",
    "high",
    "text",
    "qualifier",
    "source",
    "published",
    "doc",
    "line",
    "quote",
    "attribution",
    "via",
    "url",
];

/// How to write the CSV.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Start with a UTF-8 byte-order mark, so Excel does not read the file as Windows-1252.
    pub bom: bool,
}

/// Renders the timeline of the report's claims, without a byte-order mark.
pub fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    render_with(report, Options::default(), w)
}

/// Renders the timeline of the report's claims.
pub fn render_with(report: &Report, options: Options, w: &mut dyn Write) -> io::Result<()> {
    let mut out = writer(options, w)?;
    out.write_record(HEADER)?;
    for row in rows(&report.claims) {
        let c = row.claim;
        let (low, high) = bounds_text(&c.value);
        let record = [
            row.date.to_string(),
            row.date_end.to_string(),
            granularity_name(row.granularity).to_string(),
            c.event.clone(),
            c.kind.clone(),
            attribute_name(c.attribute).to_string(),
            value_text(&c.value),
            low,
            high,
            c.text.clone(),
            c.qualifier.clone().unwrap_or_default(),
            c.source.clone(),
            c.published.map(|d| d.to_string()).unwrap_or_default(),
            c.doc.clone(),
            c.line.to_string(),
            c.quote.clone(),
            c.attribution.clone().unwrap_or_default(),
            c.via.clone().unwrap_or_default(),
            c.url.clone().unwrap_or_default(),
        ];
        out.write_record(record.iter().map(|cell| neutralize(cell).into_owned()))?;
    }
    out.flush()
}

/// A CSV writer with factline's conventions (RFC 4180 quoting, CRLF), after the optional BOM.
pub(crate) fn writer(
    options: Options,
    w: &mut dyn Write,
) -> io::Result<::csv::Writer<&mut dyn Write>> {
    if options.bom {
        w.write_all("\u{feff}".as_bytes())?;
    }
    Ok(::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(w))
}

/// Prefixes a `'` to a cell a spreadsheet would read as a formula or a control: one that
/// starts, after any spaces, with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's CSV
/// injection advice). Spreadsheets show the `'` as a text marker, not as content.
pub fn neutralize(cell: &str) -> std::borrow::Cow<'_, str> {
    let first = cell.trim_start_matches(' ').chars().next();
    match first {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_prefixes_are_neutralized() {
        for hostile in [
            "=HYPERLINK(\"http://x.example\",\"y\")",
            "+1+2",
            "-2+3",
            "@SUM(A1:A2)",
            "\tcmd",
            "\rcmd",
            "  =1+1",
        ] {
            assert_eq!(neutralize(hostile), format!("'{hostile}"), "{hostile:?}");
        }
    }

    proptest::proptest! {
        /// Whatever a page says, its cell reads back the same (less the marker) and never
        /// starts a formula.
        #[test]
        fn any_cell_round_trips_and_never_starts_a_formula(cell in "\\PC*|[=+@\t\r -][^\n]*\n?.*") {
            let mut out = Vec::new();
            {
                let mut w = writer(Options::default(), &mut out).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
                w.write_record([neutralize(&cell).into_owned(), "end".into()]).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
                w.flush().map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            }
            let mut reader = ::csv::ReaderBuilder::new().has_headers(false).from_reader(out.as_slice());
            let record = reader.records().next();
            let record = match record {
                Some(Ok(r)) => r,
                other => return Err(proptest::test_runner::TestCaseError::fail(format!("{other:?}"))),
            };
            let back = record.get(0).unwrap_or_default();
            let first = back.trim_start_matches(' ').chars().next();
            proptest::prop_assert!(!matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')));
            let original = back.strip_prefix('\'').filter(|_| back != cell).unwrap_or(back);
            proptest::prop_assert_eq!(original, cell.as_str());
            proptest::prop_assert_eq!(record.get(1), Some("end"));
        }
    }

    #[test]
    fn ordinary_cells_are_left_alone() {
        for cell in ["2013-09-01", "52", "Camp Liberty", "", "a=b", "e-mail"] {
            assert_eq!(neutralize(cell), cell);
        }
    }
}
