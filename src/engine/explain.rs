//! Explaining a finding: how the engine got there, for the reviewer who must decide.
//!
//! Takes a finding and the rule that produced it; gives plain text: the rule (kind, severity,
//! what it is for), each side with its claims (source, doc:line, publication date,
//! attribution, the verbatim quote), how each value was normalized ("nearly a year ago" in an
//! article of 2013-09-20 → 2012-09 ± 1 month, 2012-08-01..2012-10-31) and why the values
//! conflict.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::examples::timex_interval;
use super::kinds::granularity_name;
use super::rules::Rule;
use super::{Finding, Status};
use crate::claims::{Claim, Value};
use crate::temporal::Granularity;

/// The explanation of `finding`, as text ending with a newline.
pub fn explain(finding: &Finding, rule: Option<&Rule>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} [{}] {} on {} ({})",
        finding.id,
        finding.severity.name(),
        finding.rule,
        finding.event,
        super::finding::attribute_name(finding.attribute)
    );
    let _ = writeln!(out, "  {}", finding.message);
    if let Some(rule) = rule {
        let _ = writeln!(
            out,
            "\nRule {} (kind `{}`, severity {}, defined at {})",
            rule.id,
            rule.kind.name(),
            rule.severity.name(),
            rule.location
        );
        if let Some(d) = &rule.description {
            for line in d.trim().lines() {
                let _ = writeln!(out, "  {}", line.trim());
            }
        }
        let mut params = Vec::new();
        if rule.tolerance > 0.0 {
            params.push(format!("tolerance {}%", rule.tolerance * 100.0));
        }
        if let Some(d) = rule.allow_growth_days {
            params.push(format!("tolls may grow for {d} days"));
        }
        if rule.require_distinct_attribution {
            params.push("sides must have distinct attributions".to_string());
        }
        if !params.is_empty() {
            let _ = writeln!(out, "  ({})", params.join("; "));
        }
    }
    for side in &finding.sides {
        let _ = writeln!(
            out,
            "\nSide {}: {} (sources: {}; attributed to: {})",
            side.label,
            side.value,
            side.sources.join(", "),
            side.attributions.join(", ")
        );
        for i in &side.claims {
            if let Some(c) = finding.claims.get(*i) {
                claim(&mut out, c);
            }
        }
    }
    let label = |i: &usize| finding.sides.get(*i).map_or("?", |s| s.label.as_str());
    let pairs: Vec<String> = finding
        .conflicts
        .iter()
        .map(|[a, b]| format!("{} vs {}", label(a), label(b)))
        .collect();
    if !pairs.is_empty() {
        let _ = writeln!(
            out,
            "\nSides that cannot both be true: {}",
            pairs.join(", ")
        );
    }
    let _ = writeln!(out, "\nWhy they conflict: {}", finding.why);
    if let Status::Accepted {
        reason,
        reviewer,
        date,
    } = &finding.status
    {
        let by = reviewer
            .as_deref()
            .map(|r| format!(" by {r}"))
            .unwrap_or_default();
        let on = date
            .as_deref()
            .map(|d| format!(" on {d}"))
            .unwrap_or_default();
        let _ = writeln!(out, "\nAccepted{by}{on}: {reason}");
    }
    out
}

fn claim(out: &mut String, c: &Claim) {
    let published = c
        .published
        .map(|p| format!(", published {p}"))
        .unwrap_or_else(|| ", publication date unknown".to_string());
    let attribution = c
        .attribution
        .as_deref()
        .map(|a| format!(", attributed to {a}"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "  - {} ({}:{}{published}{attribution})",
        c.source, c.doc, c.line
    );
    let _ = writeln!(out, "    quote: \"{}\"", c.quote.trim());
    let _ = writeln!(out, "    value: {}", normalization(c));
    if let Some(as_of) = c.as_of {
        let _ = writeln!(out, "    about the time of: {as_of}");
    }
}

/// How a claim's text became its value.
pub fn normalization(c: &Claim) -> String {
    match &c.value {
        Value::Count { low, high, best } => {
            let qualifier = c
                .qualifier
                .as_deref()
                .map(|q| format!(" (qualifier \"{q}\")"))
                .unwrap_or_default();
            let high = high.map_or("inf".to_string(), |h| format!("{h}"));
            format!("\"{}\"{qualifier} → [{low}, {high}], best {best}", c.text)
        }
        Value::Date {
            value,
            earliest,
            latest,
            granularity,
            modifier,
        } => {
            let anchor = match c.published {
                Some(p) => format!(" in an article of {p}"),
                None => String::new(),
            };
            let band = band(value, *earliest, *latest, *granularity);
            let modifier = modifier
                .map(|m| {
                    format!(
                        ", {}",
                        serde_json::to_string(&m)
                            .unwrap_or_default()
                            .trim_matches('"')
                    )
                })
                .unwrap_or_default();
            format!(
                "\"{}\"{anchor} → {value}{band} ({earliest}..{latest}, {}{modifier})",
                c.text,
                granularity_name(*granularity)
            )
        }
    }
}

/// " ± 1 month" when the interval is the value widened evenly by whole units, " (-1/+2 months)"
/// when unevenly, "" when it is the value's own span.
fn band(value: &str, earliest: NaiveDate, latest: NaiveDate, g: Granularity) -> String {
    let Some((start, end, _)) = timex_interval(value) else {
        return String::new();
    };
    if start == earliest && end == latest {
        return String::new();
    }
    let (before, after, unit) = match g {
        Granularity::Time | Granularity::Day | Granularity::Week => (
            (start - earliest).num_days(),
            (latest - end).num_days(),
            "day",
        ),
        Granularity::Decade | Granularity::Century => (
            i64::from(start.year() - earliest.year()),
            i64::from(latest.year() - end.year()),
            "year",
        ),
        _ => (months(earliest, start), months(end, latest), "month"),
    };
    if before == after {
        let s = if before == 1 { "" } else { "s" };
        format!(" ± {before} {unit}{s}")
    } else {
        format!(" (-{before}/+{after} {unit}s)")
    }
}

fn months(a: NaiveDate, b: NaiveDate) -> i64 {
    i64::from(b.year() - a.year()) * 12 + i64::from(b.month()) - i64::from(a.month())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Attribute;
    use crate::engine::kinds::test_support::{count, date, dated};

    #[test]
    fn approximate_relative_date_shows_its_anchor_and_band() {
        let mut c = dated(
            "A",
            "delisting",
            "2012-09",
            "2012-08-01",
            "2012-10-31",
            Granularity::Month,
        );
        c.text = "nearly a year ago".into();
        c.published = Some(date("2013-09-20"));
        assert_eq!(
            normalization(&c),
            "\"nearly a year ago\" in an article of 2013-09-20 → 2012-09 ± 1 month (2012-08-01..2012-10-31, month)"
        );
    }

    #[test]
    fn a_band_around_a_year_is_told_in_months() {
        let mut c = dated(
            "A",
            "delisting",
            "2012",
            "2011-10-02",
            "2013-04-01",
            Granularity::Year,
        );
        c.text = "nearly a year ago".into();
        c.published = Some(date("2013-09-20"));
        assert!(
            normalization(&c).contains("→ 2012 (-3/+4 months) (2011-10-02..2013-04-01, year)"),
            "{}",
            normalization(&c)
        );
    }

    #[test]
    fn count_shows_qualifier_and_bounds() {
        let mut c = count("A", "e", Attribute::Killed, 52.0, None);
        c.text = "at least 52".into();
        c.qualifier = Some("at least".into());
        assert_eq!(
            normalization(&c),
            "\"at least 52\" (qualifier \"at least\") → [52, inf], best 52"
        );
    }
}
