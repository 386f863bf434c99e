//! The HTML report as Chromium draws it: scripts/screenshot.sh renders the page headless and
//! dumps the DOM, and this test counts the event lanes, claim marks and findings drawn.
//! Opt-in (`cargo test --test output_html_dom -- --ignored`): it needs Chromium, and is skipped
//! with a message when Chromium is not installed.

mod output_support;

use std::path::Path;
use std::process::Command;

use scraper::{Html, Selector};

fn count(dom: &Html, selector: &str) -> usize {
    match Selector::parse(selector) {
        Ok(s) => dom.select(&s).count(),
        Err(e) => panic!("bad selector {selector}: {e}"),
    }
}

#[test]
#[ignore = "needs Chromium; run with --ignored"]
fn chromium_draws_every_event_mark_and_finding() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let html = dir.path().join("report.html");
    let png = dir.path().join("report.png");
    let report = output_support::sample_report();
    let mut page = Vec::new();
    assert!(factline::output::html::render(&report, &mut page).is_ok());
    std::fs::write(&html, &page).unwrap_or_else(|e| panic!("{e}"));

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/screenshot.sh");
    let status = Command::new("bash")
        .arg(&script)
        .arg(&html)
        .arg(&png)
        .status()
        .unwrap_or_else(|e| panic!("running {}: {e}", script.display()));
    if status.code() == Some(3) {
        eprintln!("skipped: Chromium is not installed");
        return;
    }
    assert!(status.success(), "screenshot.sh failed: {status}");
    // SCREENSHOT_OUT=dir keeps the screenshot and page for a person to look at.
    if let Some(keep) = std::env::var_os("SCREENSHOT_OUT") {
        let keep = Path::new(&keep);
        let _ = std::fs::create_dir_all(keep);
        let _ = std::fs::copy(&png, keep.join("fixture-report.png"));
        let _ = std::fs::copy(&html, keep.join("fixture-report.html"));
    }
    let png_size = std::fs::metadata(&png).map(|m| m.len()).unwrap_or(0);
    assert!(png_size > 10_000, "screenshot is {png_size} bytes");

    let dom_text = std::fs::read_to_string(dir.path().join("report.dom.html")).unwrap_or_default();
    let dom = Html::parse_document(&dom_text);
    assert_eq!(count(&dom, "svg.timeline g.event-lane"), 3);
    assert_eq!(
        count(&dom, "svg.timeline .mark"),
        11,
        "one mark per dated claim"
    );
    assert_eq!(
        count(&dom, "svg.timeline rect.mark"),
        5,
        "months, years, decades are bars"
    );
    assert_eq!(count(&dom, "svg.timeline circle.mark"), 6, "days are dots");
    assert_eq!(
        count(&dom, "svg.timeline a[href^='#finding-'] .mark.conflict"),
        6
    );
    assert_eq!(count(&dom, "section.finding"), 3);
    assert_eq!(count(&dom, "section.finding.open"), 2);
    assert_eq!(count(&dom, "tr.source"), 8);
    // The hostile quote stayed text: Chromium built no script element from it.
    assert_eq!(count(&dom, "script"), 0);
    assert!(dom_text.contains("&lt;script&gt;alert"));
}
