//! The outputs on the sample corpus (data/), end to end through the binary. The snapshots
//! change whenever a stage extracts differently: review them (`cargo insta review`), never
//! accept them blind.

use assert_cmd::Command;

fn run(args: &[&str]) -> (Option<i32>, String) {
    let mut cmd = match Command::cargo_bin("factline") {
        Ok(cmd) => cmd,
        Err(e) => panic!("binary not built: {e}"),
    };
    let out = cmd
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn markdown_on_data() {
    let (code, text) = run(&[
        "check",
        "data/articles/mek",
        "data/articles/boston",
        "--format",
        "markdown",
        "--fail-on",
        "never",
    ]);
    assert_eq!(code, Some(0));
    insta::assert_snapshot!("markdown_data", text);
}

#[test]
fn timeline_csv_on_data() {
    let (code, text) = run(&[
        "timeline",
        "data/articles/mek",
        "data/articles/boston",
        "--format",
        "csv",
        "--quiet",
    ]);
    assert_eq!(code, Some(0));
    insta::assert_snapshot!("timeline_csv_data", text);
}

#[test]
fn timelinejs_on_data() {
    let (code, text) = run(&[
        "timeline",
        "data/articles/mek",
        "data/articles/boston",
        "--format",
        "timelinejs",
        "--quiet",
    ]);
    assert_eq!(code, Some(0));
    insta::assert_snapshot!("timelinejs_data", text);
}

#[test]
fn sarif_on_data_validates() {
    let (_, text) = run(&[
        "check",
        "data/articles/mek",
        "data/articles/boston",
        "--format",
        "sarif",
        "--fail-on",
        "never",
    ]);
    let log: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("sarif-schema-2.1.0.json")).unwrap_or_default();
    let validator = jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let findings = run(&[
        "check",
        "data/articles/mek",
        "data/articles/boston",
        "--format",
        "json",
        "--fail-on",
        "never",
    ])
    .1;
    let findings: serde_json::Value = serde_json::from_str(&findings).unwrap_or_default();
    assert_eq!(
        log["runs"][0]["results"].as_array().map(Vec::len),
        findings["findings"].as_array().map(Vec::len),
        "one result per finding"
    );
}

#[test]
fn table_on_data() {
    // Not a terminal: no colour, wrapped to 120 columns.
    let (code, text) = run(&[
        "check",
        "data/articles/mek",
        "data/articles/boston",
        "--format",
        "table",
        "--fail-on",
        "never",
    ]);
    assert_eq!(code, Some(0));
    assert!(!text.contains('\u{1b}'), "no colour when piped");
    assert!(
        text.lines().all(|l| l.chars().count() <= 120),
        "wrapped to 120"
    );
    insta::assert_snapshot!("table_data", text);
}
