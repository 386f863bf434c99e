//! `factline rules test`: runs examples for users writing their own rules.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn factline(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("factline").expect("binary built");
    cmd.current_dir(dir);
    cmd
}

const RULE: &str = r#"
[[rule]]
id = "toll"
severity = "high"
kind = "agree"
attributes = ["killed"]
message = "{source_a} says {value_a}; {source_b} says {value_b}"
"#;

fn case(name: &str, b: u32, expect: bool) -> String {
    let mut s = format!(
        "[[case]]\nname = \"{name}\"\nrule = \"toll\"\n[[case.claim]]\nevent = \"e\"\nattribute = \"killed\"\ncount = 7\nsource = \"A\"\n[[case.claim]]\nevent = \"e\"\nattribute = \"killed\"\ncount = {b}\nsource = \"B\"\n"
    );
    if expect {
        s.push_str("[[case.expect]]\nrule = \"toll\"\nevent = \"e\"\nattribute = \"killed\"\n");
    }
    s
}

fn rules_dir(examples: Option<String>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let rules = dir.path().join("my-rules");
    std::fs::create_dir_all(rules.join("examples")).expect("mkdir");
    std::fs::write(rules.join("mine.toml"), RULE).expect("write");
    if let Some(ex) = examples {
        std::fs::write(rules.join("examples/mine.toml"), ex).expect("write");
    }
    dir
}

#[test]
fn bundled_rules_pass_their_examples() {
    factline(Path::new(env!("CARGO_MANIFEST_DIR")))
        .args(["rules", "test"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(" 0 failed"));
}

#[test]
fn passing_cases_with_coverage_exit_zero() {
    let dir = rules_dir(Some(
        case("seven against six", 6, true) + &case("seven and seven", 7, false),
    ));
    factline(dir.path())
        .args(["rules", "test", "my-rules"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "  ok   seven against six\n  ok   seven and seven\n2 passed, 0 failed\n",
        ));
}

#[test]
fn a_failing_case_says_what_was_expected_and_what_came() {
    let dir = rules_dir(Some(
        case("wrongly expects silence", 6, false) + &case("wrongly expects a finding", 7, true),
    ));
    factline(dir.path())
        .args(["rules", "test", "my-rules"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "FAIL wrongly expects silence (my-rules/examples/mine.toml:1:1)",
        ))
        .stdout(predicate::str::contains(
            "unexpected toll on e killed [\"6\", \"7\"]: B says 6; A says 7",
        ))
        .stdout(predicate::str::contains(
            "expected toll on e killed, not found",
        ));
}

#[test]
fn a_rule_without_a_silent_case_fails_coverage() {
    let dir = rules_dir(Some(case("seven against six", 6, true)));
    factline(dir.path())
        .args(["rules", "test", "my-rules"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "FAIL coverage: toll (my-rules/mine.toml:3:6): no case where it must stay silent",
        ));
}

#[test]
fn a_rules_file_without_examples_fails() {
    let dir = rules_dir(None);
    factline(dir.path())
        .args(["rules", "test", "my-rules"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "FAIL no examples file: my-rules/examples/mine.toml",
        ));
}

#[test]
fn a_malformed_examples_file_is_an_error_with_file_line_and_key() {
    let dir = rules_dir(Some("[[case]]\nname = \"x\"\n[[case.claim]]\nevent = \"e\"\nattribute = \"kiled\"\ncount = 1\nsource = \"A\"\n".into()));
    factline(dir.path())
        .args(["rules", "test", "my-rules"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "my-rules/examples/mine.toml:5:13: key `attribute`: unknown variant `kiled`",
        ));
}
