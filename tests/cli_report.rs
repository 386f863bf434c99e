//! `factline report` end to end: one self-contained HTML file, written whole.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn factline() -> Command {
    match Command::cargo_bin("factline") {
        Ok(cmd) => cmd,
        Err(e) => panic!("binary not built: {e}"),
    }
}

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("articles")
}

#[test]
fn report_writes_one_self_contained_page() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("report.html");
    factline()
        .args(["report", "--quiet", "--title", "Sample <corpus>"])
        .arg(data())
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<title>Sample &lt;corpus&gt;</title>"));
    assert!(html.contains("<section id=\"timeline\">"));
    assert!(html.contains("<section id=\"findings\">"));
    assert!(html.contains("<section id=\"sources\">"));
    for external in [" src=", "<link", "@import", "<script"] {
        assert!(
            !html.contains(external),
            "{external} in a self-contained page"
        );
    }
    let left = std::fs::read_dir(dir.path())
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(left, 1, "only report.html, no temporary file");
}

#[test]
fn report_needs_an_output_file() {
    factline()
        .arg("report")
        .arg(data())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--output"));
}

#[test]
fn report_accepts_a_rules_folder() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("r.html");
    factline()
        .arg("report")
        .arg(data())
        .arg("--rules")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    assert!(out.exists());
    factline()
        .arg("report")
        .arg(data())
        .arg("--rules")
        .arg(dir.path().join("no-such-rules"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no-such-rules"));
}
