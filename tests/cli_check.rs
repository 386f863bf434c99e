//! `factline check`: the review gate over claims JSONL, accepted findings and stale entries.

mod engine_common;

use std::path::Path;

use assert_cmd::Command;
use engine_common::{jsonl, story};
use predicates::prelude::*;

fn factline(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("factline").expect("binary built");
    cmd.current_dir(dir);
    cmd
}

fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("claims.jsonl"), jsonl(&story())).expect("write claims");
    dir
}

fn finding_id(rule: &str) -> String {
    let config = factline::Config::bundled().expect("bundled rules");
    let report = factline::check_claims(3, story(), Vec::new(), &config);
    report
        .findings
        .iter()
        .find(|f| f.rule == rule)
        .map(|f| f.id.clone())
        .expect("the story has this finding")
}

#[test]
fn open_high_findings_fail_the_default_gate_and_never_passes() {
    let dir = workdir();
    factline(dir.path())
        .args(["check", "--claims", "claims.jsonl", "--format", "json"])
        .assert()
        .code(1);
    factline(dir.path())
        .args([
            "check",
            "--claims",
            "claims.jsonl",
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .assert()
        .code(0);
}

#[test]
fn accepted_findings_do_not_fail_the_gate() {
    let dir = workdir();
    let accepted: String = ["toll-disagreement", "date-disagreement"]
        .iter()
        .map(|r| {
            format!(
                "[[accepted]]\nid = \"{}\"\nreason = \"checked\"\n\n",
                finding_id(r)
            )
        })
        .collect();
    std::fs::write(dir.path().join("review.toml"), accepted).expect("write");
    factline(dir.path())
        .args(["check", "--claims", "claims.jsonl", "--format", "json"])
        .args(["--accepted", "review.toml"])
        .assert()
        .code(0);
    factline(dir.path())
        .args([
            "check",
            "--claims",
            "claims.jsonl",
            "--format",
            "json",
            "--fail-on",
            "medium",
        ])
        .args(["--accepted", "review.toml"])
        .assert()
        .code(0);
}

#[test]
fn the_default_accepted_file_in_the_working_directory_is_read() {
    let dir = workdir();
    let accepted: String = ["toll-disagreement", "date-disagreement"]
        .iter()
        .map(|r| {
            format!(
                "[[accepted]]\nid = \"{}\"\nreason = \"checked\"\n\n",
                finding_id(r)
            )
        })
        .collect();
    std::fs::write(dir.path().join("factline.accepted.toml"), accepted).expect("write");
    factline(dir.path())
        .args(["check", "--claims", "claims.jsonl", "--format", "json"])
        .assert()
        .code(0);
}

#[test]
fn stale_entries_are_reported_and_fail_only_when_strict() {
    let dir = workdir();
    let accepted = format!(
        "[[accepted]]\nid = \"{}\"\nreason = \"checked\"\n\n[[accepted]]\nid = \"{}\"\nreason = \"checked\"\n\n[[accepted]]\nid = \"fl-000000000000\"\nreason = \"fixed long ago\"\n",
        finding_id("toll-disagreement"),
        finding_id("date-disagreement")
    );
    std::fs::write(dir.path().join("factline.accepted.toml"), accepted).expect("write");
    factline(dir.path())
        .args(["check", "--claims", "claims.jsonl", "--format", "json"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "factline: warning: factline.accepted.toml:10:6: accepted finding fl-000000000000 matches no finding (stale)",
        ));
    factline(dir.path())
        .args([
            "check",
            "--claims",
            "claims.jsonl",
            "--format",
            "json",
            "--strict-accepted",
        ])
        .assert()
        .code(1);
}

#[test]
fn a_malformed_accepted_file_is_an_error_with_file_and_line() {
    let dir = workdir();
    std::fs::write(
        dir.path().join("factline.accepted.toml"),
        "[[accepted]]\nid = \"fl-000000000000\"\nreasn = \"x\"\n",
    )
    .expect("write");
    factline(dir.path())
        .args(["check", "--claims", "claims.jsonl", "--format", "json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "factline.accepted.toml:3:1: unknown field `reasn`",
        ));
}

#[test]
fn a_claims_line_that_is_not_a_claim_names_file_and_line() {
    let dir = workdir();
    let mut text = jsonl(&story());
    text.push_str("{\"event\": \"x\"}\n");
    std::fs::write(dir.path().join("bad.jsonl"), text).expect("write");
    factline(dir.path())
        .args(["check", "--claims", "bad.jsonl", "--format", "json"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("bad.jsonl:7:").and(predicate::str::contains("not a claim")),
        );
}

#[test]
fn a_malformed_rules_folder_is_an_error_with_file_line_and_key() {
    let dir = workdir();
    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).expect("mkdir");
    std::fs::write(
        rules.join("mine.toml"),
        "[[rule]]\nid = \"x\"\nseverity = \"high\"\nkind = \"agree\"\nmessage = \"m\"\nsevere = true\n",
    )
    .expect("write");
    factline(dir.path())
        .args(["check", "--claims", "claims.jsonl", "--rules", "rules"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "mine.toml:6:1: unknown field `severe`",
        ));
}
