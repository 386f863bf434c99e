//! Full calendar dates, as datelines and citations write them.
//!
//! Takes one line of text; gives the full dates (day, month and year all written) in it with
//! their byte spans. This is deliberately narrow: ingest only needs full dates to find a
//! publication date (a dateline, a post's date line, the latest date a text cites). Every other
//! temporal expression is the temporal normalizer's job. It tolerates what scraped pages do to
//! dates: ordinals ("20th"), missing spaces ("February9,2013") and one-letter typos in long month
//! names ("Febriary12, 2013").

use crate::temporal::lexicon::MONTH_NAMES as MONTHS;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// A full date found in a line: a half-open byte span and the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FoundDate {
    pub start: usize,
    pub end: usize,
    pub date: NaiveDate,
}

/// "September 20th, 2013", "Sept. 1 2013", "February9,2013".
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?P<month>[a-z]{3,10})\.?[\t \x{a0}]*(?P<day>\d{1,2})(?:st|nd|rd|th)?[\t \x{a0}]*,?[\t \x{a0}]*(?P<year>\d{4})\b",
    )
    .expect("static regex")
});

/// "7 December 2013", "1st of September, 2013".
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?P<day>\d{1,2})(?:st|nd|rd|th)?[\t \x{a0}]+(?:of[\t \x{a0}]+)?(?P<month>[a-z]{3,10})\.?,?[\t \x{a0}]*(?P<year>\d{4})\b",
    )
    .expect("static regex")
});

/// "2013-09-20", also the date part of "2013-09-20T21:43:00Z".
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:\b|T)").expect("static regex")
});

/// Years outside this range are not publication or event dates (and keep "1234 5678" out).
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// The month a word names: full names, the usual abbreviations ("Sept"), and long names with one
/// letter wrong, missing or extra ("Febriary", "Setember").
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    if let Some(i) = MONTHS.iter().position(|m| *m == word) {
        return u32::try_from(i + 1).ok();
    }
    let abbreviation = match word.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => 0,
    };
    if abbreviation > 0 {
        return Some(abbreviation);
    }
    if word.len() >= 6 {
        for (i, month) in MONTHS.iter().enumerate() {
            if month.len() >= 6 && within_one_edit(&word, month) {
                return u32::try_from(i + 1).ok();
            }
        }
    }
    None
}

/// True when `a` becomes `b` by at most one substitution, insertion, deletion or swap of two
/// neighbouring letters (ASCII).
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    let suffix_equal = |x: &[u8], y: &[u8]| x == y;
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra.is_empty()
                || suffix_equal(&ra[1..], &rb[1..])
                || (ra.len() >= 2
                    && ra[0] == rb[1]
                    && ra[1] == rb[0]
                    && suffix_equal(&ra[2..], &rb[2..]))
        }
        std::cmp::Ordering::Greater => suffix_equal(&ra[1..], rb),
        std::cmp::Ordering::Less => suffix_equal(ra, &rb[1..]),
    }
}

fn build(year: &str, month: u32, day: &str) -> Option<NaiveDate> {
    let year: i32 = year.parse().ok()?;
    let day: u32 = day.parse().ok()?;
    if !YEARS.contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Every full date in `line`, in order, without overlaps.
pub(crate) fn full_dates(line: &str) -> Vec<FoundDate> {
    let mut found = Vec::new();
    // Every full date has a four-digit year: most lines have none and cost one byte scan.
    if !has_four_digits(line) {
        return found;
    }
    for regex in [&*MONTH_DAY_YEAR, &*DAY_MONTH_YEAR] {
        for caps in regex.captures_iter(line) {
            let (Some(whole), Some(month), Some(day), Some(year)) = (
                caps.get(0),
                caps.name("month"),
                caps.name("day"),
                caps.name("year"),
            ) else {
                continue;
            };
            let Some(month) = month_number(month.as_str()) else {
                continue;
            };
            if let Some(date) = build(year.as_str(), month, day.as_str()) {
                found.push(FoundDate {
                    start: whole.start(),
                    end: whole.end(),
                    date,
                });
            }
        }
    }
    for caps in ISO.captures_iter(line) {
        let (Some(whole), Some(month), Some(day), Some(year)) = (
            caps.get(0),
            caps.name("month"),
            caps.name("day"),
            caps.name("year"),
        ) else {
            continue;
        };
        let Ok(month) = month.as_str().parse::<u32>() else {
            continue;
        };
        if let Some(date) = build(year.as_str(), month, day.as_str()) {
            let end = whole.end() - usize::from(whole.as_str().ends_with('T'));
            found.push(FoundDate {
                start: whole.start(),
                end,
                date,
            });
        }
    }
    found.sort_by_key(|d| (d.start, std::cmp::Reverse(d.end)));
    let mut kept: Vec<FoundDate> = Vec::with_capacity(found.len());
    for date in found {
        if kept.last().map_or(true, |last| date.start >= last.end) {
            kept.push(date);
        }
    }
    kept
}

fn has_four_digits(line: &str) -> bool {
    let mut run = 0;
    for b in line.bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// A date given as a value (a `published:` header, a JSONL field, page metadata): ISO
/// ("2013-09-20", "2013-09-20T21:43:00-04:00") or a written full date.
pub(crate) fn parse_date_value(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    full_dates(value)
        .first()
        .map(|d| d.date)
        .or_else(|| machine_date(value))
}

/// Metadata fields (header `published:`, JSONL `published`, page meta tags) also come in
/// machine formats the prose parser does not read: RFC 2822 (`Fri, 20 Sep 2013 21:43:00
/// +0000`), slashed dates (`2013/09/20`, `09/20/2013`), Unix timestamps. The dateparser crate
/// reads those. It fills what a value leaves out from the clock, so a value must carry a
/// four-digit year (or be a timestamp) before its answer is taken: the clock never decides.
fn machine_date(value: &str) -> Option<NaiveDate> {
    let digits = |s: &str| s.len() >= 9 && s.bytes().all(|b| b.is_ascii_digit());
    let has_year = value
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 4 && run.starts_with(['1', '2']));
    if value.len() > 64 || !(has_year || digits(value)) {
        return None;
    }
    dateparser::parse_with_timezone(value, &chrono::Utc)
        .ok()
        .map(|dt| dt.date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(line: &str) -> Vec<String> {
        full_dates(line)
            .iter()
            .map(|d| d.date.to_string())
            .collect()
    }

    #[test]
    fn machine_formats_of_metadata_dates() {
        for value in [
            "Fri, 20 Sep 2013 21:43:00 +0000",
            "2013/09/20",
            "09/20/2013",
            "1379713380",
        ] {
            assert_eq!(
                parse_date_value(value).map(|d| d.to_string()).as_deref(),
                Some("2013-09-20"),
                "{value}"
            );
        }
    }

    #[test]
    fn metadata_without_a_year_is_not_completed_from_the_clock() {
        for value in ["9:30 pm", "Sep 20", "yesterday"] {
            assert_eq!(parse_date_value(value), None, "{value}");
        }
    }

    #[test]
    fn written_forms_of_a_full_date() {
        for text in [
            "September 20th, 2013",
            "Friday, September 20, 2013",
            "Sept. 20, 2013",
            "on 20 September 2013,",
            "the 20th of September 2013",
            "2013-09-20T21:43:00Z",
            "Septmber 20 2013",
        ] {
            assert_eq!(dates(text), ["2013-09-20"], "{text}");
        }
    }

    #[test]
    fn scraped_dates_without_spaces_and_with_typos() {
        assert_eq!(dates("Outlet,February9,2013"), ["2013-02-09"]);
        assert_eq!(dates("Camp, Febriary12, 2013"), ["2013-02-12"]);
        assert_eq!(dates("Radio, Setpember 5, 2016"), ["2016-09-05"]);
    }

    #[test]
    fn partial_and_impossible_dates_are_not_full_dates() {
        for text in [
            "September 2013",
            "September 1",
            "in 2013",
            "February 30, 2013",
            "Mary 12, 2013",
            "May 12, 20131",
            "Camp 6, 2013",
            "1,800 people in 2013",
        ] {
            assert!(dates(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn several_dates_in_one_line_in_order() {
        assert_eq!(
            dates("from March 3, 2011 to 2012-01-05"),
            ["2011-03-03", "2012-01-05"]
        );
    }

    #[test]
    fn a_very_long_number_is_not_a_date() {
        assert!(dates(&"9".repeat(10_000)).is_empty());
    }
}
