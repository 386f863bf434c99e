//! `factline check` on the seed corpus (../shared/corpus/seeds): the contradictions issue 3 and
//! issue 5 name are flagged, the agreements are not. Needs `--features shared-corpus`.
#![cfg(feature = "shared-corpus")]

use assert_cmd::Command;
use serde_json::Value;

/// `../shared/corpus/seeds` from the crate root, or from a folder above it (a git worktree).
fn seeds() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .skip(1)
        .map(|a| a.join("shared/corpus/seeds"))
        .find(|p| p.is_dir())
        .expect("../shared/corpus/seeds not found above the crate root")
}

fn findings() -> Vec<Value> {
    let out = Command::cargo_bin("factline")
        .expect("binary built")
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(seeds())
        .output()
        .expect("runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    report["findings"].as_array().cloned().unwrap_or_default()
}

/// The claims' values as text (counts are JSON numbers, dates strings).
fn values(f: &Value) -> Vec<String> {
    f["claims"]
        .as_array()
        .map(|cs| {
            cs.iter()
                .map(|c| match &c["value"] {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn find<'a>(all: &'a [Value], rule: &str, event: &str) -> Option<&'a Value> {
    all.iter()
        .find(|f| f["rule"] == rule && f["event"] == event)
}

#[test]
fn delisting_year_contradiction_is_high() {
    let all = findings();
    let f = find(&all, "date-disagreement", "mek-delisting").expect("delisting finding");
    assert_eq!(f["severity"], "high");
    let v = values(f);
    assert!(
        v.iter().any(|x| x.starts_with("2011")) && v.iter().any(|x| x.starts_with("2012")),
        "{v:?}"
    );
}

#[test]
fn seven_dead_against_six_killed_at_camp_liberty_is_flagged() {
    let all = findings();
    let f = find(&all, "toll-disagreement", "liberty-mortar-attack-2013").expect("toll finding");
    let v = values(f);
    assert!(
        v.contains(&"7".to_string()) && v.contains(&"6".to_string()),
        "{v:?}"
    );
}

#[test]
fn founding_1965_against_1963_is_flagged() {
    let all = findings();
    let f = find(&all, "date-disagreement", "mek-founding").expect("founding finding");
    let v = values(f);
    assert!(
        v.contains(&"1965".to_string()) && v.contains(&"1963".to_string()),
        "{v:?}"
    );
}

#[test]
fn agreeing_52_dead_designation_and_populations_of_different_years_are_not_flagged() {
    let all = findings();
    let contradictions: Vec<&Value> = all.iter().filter(|f| f["severity"] != "info").collect();
    for f in contradictions {
        let (event, attribute) = (
            f["event"].as_str().unwrap_or(""),
            f["attribute"].as_str().unwrap_or(""),
        );
        assert!(
            !(event == "ashraf-attack-2013" && attribute == "killed"),
            "{f:#}"
        );
        assert!(event != "mek-designation", "{f:#}");
        assert!(attribute != "members" && attribute != "residents", "{f:#}");
    }
}
