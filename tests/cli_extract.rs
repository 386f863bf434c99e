//! `factline extract` + `factline check --claims`: the map stage written to JSONL and reduced
//! later gives exactly the findings of a direct `check`.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn factline() -> Command {
    let mut cmd = Command::cargo_bin("factline").expect("binary built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn findings(stdout: &[u8]) -> Value {
    let report: Value = serde_json::from_slice(stdout).expect("check prints JSON");
    report.get("findings").cloned().expect("a findings array")
}

#[test]
fn check_on_extracted_claims_equals_a_direct_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let claims = dir.path().join("claims.jsonl");
    factline()
        .args(["extract", "data/articles/mek", "data/articles/boston", "-o"])
        .arg(&claims)
        .assert()
        .code(0);
    let text = std::fs::read_to_string(&claims).expect("claims written");
    assert!(text.lines().count() > 10, "too few claims: {text}");
    for line in text.lines() {
        serde_json::from_str::<factline::claims::Claim>(line).expect("each line is a claim");
    }
    let direct = factline()
        .args([
            "check",
            "data/articles/mek",
            "data/articles/boston",
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .output()
        .expect("runs");
    let reduced = factline()
        .args([
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--claims",
        ])
        .arg(&claims)
        .output()
        .expect("runs");
    let direct = findings(&direct.stdout);
    assert!(
        direct.as_array().is_some_and(|a| !a.is_empty()),
        "no findings on data/"
    );
    assert_eq!(direct, findings(&reduced.stdout));
}

#[test]
fn claims_split_into_shards_reduce_to_the_same_findings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let shard = |name: &str, input: &str| {
        let out = dir.path().join(name);
        factline()
            .args(["extract", input, "-o"])
            .arg(&out)
            .assert()
            .code(0);
        out
    };
    let a = shard("a.jsonl", "data/articles/mek");
    let b = shard("b.jsonl", "data/articles/boston");
    let whole = factline()
        .args([
            "check",
            "data/articles/mek",
            "data/articles/boston",
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .output()
        .expect("runs");
    let sharded = factline()
        .args([
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--claims",
        ])
        .arg(&b)
        .arg("--claims")
        .arg(&a)
        .output()
        .expect("runs");
    assert_eq!(findings(&whole.stdout), findings(&sharded.stdout));
}

#[test]
fn extract_writes_nothing_when_it_cannot_finish() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("missing-dir").join("claims.jsonl");
    factline()
        .args(["extract", "data/articles/boston", "-o"])
        .arg(&out)
        .assert()
        .code(2);
    assert!(!Path::new(&out).exists());
}
