//! `factline explain`: the rule, each claim with its quote and normalization, why they conflict.

mod engine_common;

use assert_cmd::Command;
use engine_common::{jsonl, story};
use predicates::prelude::*;

fn setup() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut claims = story();
    let delisting = claims
        .iter_mut()
        .find(|c| c.source == "Valley Post")
        .expect("the story has a Valley Post date");
    delisting.text = "until last year".into();
    std::fs::write(dir.path().join("claims.jsonl"), jsonl(&claims)).expect("write");
    let config = factline::Config::bundled().expect("bundled rules");
    let id = factline::check_claims(3, claims, Vec::new(), &config)
        .findings
        .iter()
        .find(|f| f.rule == "date-disagreement")
        .map(|f| f.id.clone())
        .expect("a date finding");
    (dir, id)
}

#[test]
fn explain_shows_rule_sides_quotes_normalization_and_reason() {
    let (dir, id) = setup();
    Command::cargo_bin("factline")
        .expect("binary")
        .current_dir(dir.path())
        .args(["explain", &id, "--claims", "claims.jsonl"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(format!("{id} [high] date-disagreement on delisting (date)")))
        .stdout(predicate::str::contains("Rule date-disagreement (kind `agree`, severity high"))
        .stdout(predicate::str::contains("Side a: 2011-09 (sources: Daily Ledger; attributed to: unattributed)"))
        .stdout(predicate::str::contains("quote: \"Valley Post dated it 2012.\""))
        .stdout(predicate::str::contains(
            "value: \"until last year\" in an article of 2013-09-20 → 2012 (2012-01-01..2012-12-31, year)",
        ))
        .stdout(predicate::str::contains("Why they conflict: 2011-09 (2011-09-01..2011-09-30) and 2012"));
}

#[test]
fn explaining_an_unknown_id_is_an_error_listing_the_known_ones() {
    let (dir, id) = setup();
    Command::cargo_bin("factline")
        .expect("binary")
        .current_dir(dir.path())
        .args(["explain", "fl-000000000000", "--claims", "claims.jsonl"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no finding `fl-000000000000`")
                .and(predicate::str::contains(id)),
        );
}
