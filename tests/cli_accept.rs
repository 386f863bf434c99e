//! `factline accept`: appends a reviewer's decision, atomically, and refuses bad or repeated ids.

use assert_cmd::Command;
use predicates::prelude::*;

fn factline(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("factline").expect("binary built");
    cmd.current_dir(dir);
    cmd
}

#[test]
fn accept_creates_then_appends_entries_that_parse_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    factline(dir.path())
        .args([
            "accept",
            "fl-0123456789ab",
            "--reason",
            "outlet corrected \"7\" to 6",
        ])
        .args(["--reviewer", "ana", "--date", "2013-02-12"])
        .assert()
        .code(0);
    factline(dir.path())
        .args([
            "accept",
            "fl-abcdefabcdef",
            "--reason",
            "rounding",
            "--reviewer",
            "bo",
            "--date",
            "2013-02-13",
        ])
        .assert()
        .code(0);
    let text =
        std::fs::read_to_string(dir.path().join("factline.accepted.toml")).expect("file written");
    assert_eq!(
        text,
        "[[accepted]]\nid = \"fl-0123456789ab\"\nreason = 'outlet corrected \"7\" to 6'\nreviewer = \"ana\"\ndate = \"2013-02-12\"\n\n[[accepted]]\nid = \"fl-abcdefabcdef\"\nreason = \"rounding\"\nreviewer = \"bo\"\ndate = \"2013-02-13\"\n"
    );
}

#[test]
fn accepting_twice_or_a_bad_id_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    factline(dir.path())
        .args([
            "accept",
            "fl-0123456789ab",
            "--reason",
            "ok",
            "--date",
            "2013-02-12",
        ])
        .assert()
        .code(0);
    factline(dir.path())
        .args(["accept", "fl-0123456789ab", "--reason", "again"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "already accepted at factline.accepted.toml:2:6",
        ));
    factline(dir.path())
        .args(["accept", "7-vs-6", "--reason", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a finding id"));
}

#[test]
fn accept_writes_to_the_file_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("review")).expect("mkdir");
    factline(dir.path())
        .args([
            "accept",
            "fl-0123456789ab",
            "--reason",
            "ok",
            "--file",
            "review/accepted.toml",
        ])
        .assert()
        .code(0);
    let text = std::fs::read_to_string(dir.path().join("review/accepted.toml")).expect("written");
    assert!(
        text.starts_with("[[accepted]]\nid = \"fl-0123456789ab\"\nreason = \"ok\"\n"),
        "{text}"
    );
    assert!(!dir.path().join("factline.accepted.toml").exists());
}
