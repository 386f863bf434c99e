//! Finding ids through the whole pipeline: articles in, ids out. An id must not change when
//! the inputs are given in another order, when lines are inserted above a quote, or when
//! documents that do not touch the finding are added.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const NORTH: &str = "source: North Gazette\npublished: 2014-03-03\n---\nA fire at the Riverside depot on Sunday killed nine workers, officials said.\n";
const SOUTH: &str = "source: South Courier\npublished: 2014-03-04\n---\nThe blaze at the Riverside depot on Sunday left five workers dead, firefighters said.\n";
const OTHER: &str = "source: East Ledger\npublished: 2014-05-20\n---\nA flood in the Lowland valley on Monday killed two farmers, police said.\n";

/// (id, rule, event, attribute) of every finding but info notes.
fn ids(dir: &Path, paths: &[&str]) -> Vec<(String, String, String, String)> {
    let out = Command::cargo_bin("factline")
        .expect("binary built")
        .current_dir(dir)
        .args(["check", "--format", "json", "--fail-on", "never"])
        .args(paths)
        .output()
        .expect("runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut ids: Vec<(String, String, String, String)> = report["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter(|f| f["severity"] != "info")
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (s("id"), s("rule"), s("event"), s("attribute"))
        })
        .collect();
    ids.sort();
    ids
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write");
}

#[test]
fn ids_survive_reordering_inserted_lines_and_unrelated_documents() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "north.txt", NORTH);
    write(dir.path(), "south.txt", SOUTH);
    let before = ids(dir.path(), &["north.txt", "south.txt"]);
    assert!(
        before
            .iter()
            .any(|(_, rule, _, attr)| rule == "toll-disagreement" && attr == "killed"),
        "nine against five dead must be a finding: {before:?}"
    );
    assert_eq!(
        before,
        ids(dir.path(), &["south.txt", "north.txt"]),
        "reordered inputs"
    );
    write(
        dir.path(),
        "north.txt",
        &NORTH.replace("---\n", "---\nRiverside edition.\n\nUpdated at noon.\n\n"),
    );
    assert_eq!(
        before,
        ids(dir.path(), &["north.txt", "south.txt"]),
        "lines inserted above the quote"
    );
    write(dir.path(), "other.txt", OTHER);
    let with_other = ids(dir.path(), &["north.txt", "other.txt", "south.txt"]);
    for id in &before {
        assert!(
            with_other.contains(id),
            "{id:?} lost after adding an unrelated document: {with_other:?}"
        );
    }
}
