//! The normalizer's examples corpus (src/temporal/corpus/*.toml) and its invariants.
//!
//! Every `[[example]]` must be found with its value (and bounds, granularity, kind and modifier
//! when the case gives them); every `[[negative]]` must yield nothing (nothing over its `expr`
//! when it gives one). All failing cases are
//! listed together in one failure message, so a regression shows its whole extent at once.

use std::path::PathBuf;

use chrono::NaiveDate;
use factline::temporal::{normalize, Normalizer, Timex};
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Corpus {
    #[serde(default)]
    example: Vec<Example>,
    #[serde(default)]
    negative: Vec<Negative>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Example {
    text: String,
    anchor: Option<NaiveDate>,
    expr: Option<String>,
    value: String,
    earliest: Option<NaiveDate>,
    latest: Option<NaiveDate>,
    granularity: Option<String>,
    kind: Option<String>,
    #[serde(rename = "mod")]
    modifier: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Negative {
    text: String,
    anchor: Option<NaiveDate>,
    /// When given, only an expression overlapping this part of `text` is a failure (the text
    /// may hold other dates, as "May 3" in "on May 3 and 4 others").
    expr: Option<String>,
}

fn corpus_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/temporal/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

fn load() -> Vec<(String, Corpus)> {
    corpus_files()
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let corpus: Corpus =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, corpus)
        })
        .collect()
}

fn json_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// What is wrong with the example's result, if anything.
fn check(e: &Example) -> Option<String> {
    let found = normalize(&e.text, e.anchor);
    let want = e.expr.as_deref().unwrap_or(&e.text);
    let Some(t) = found.iter().find(|t| t.text == want) else {
        let got: Vec<String> = found
            .iter()
            .map(|t| format!("{:?}={}", t.text, t.value))
            .collect();
        return Some(format!("expected {want:?}, found [{}]", got.join(", ")));
    };
    let mut wrong = Vec::new();
    if t.value != e.value {
        wrong.push(format!("value {} (want {})", t.value, e.value));
    }
    if e.earliest.is_some() && t.earliest != e.earliest {
        wrong.push(format!("earliest {:?} (want {:?})", t.earliest, e.earliest));
    }
    if e.latest.is_some() && t.latest != e.latest {
        wrong.push(format!("latest {:?} (want {:?})", t.latest, e.latest));
    }
    if let Some(g) = &e.granularity {
        let got = t.granularity.as_ref().map(json_name).unwrap_or_default();
        if &got != g {
            wrong.push(format!("granularity {got} (want {g})"));
        }
    }
    if let Some(k) = &e.kind {
        let got = json_name(&t.kind);
        if &got != k {
            wrong.push(format!("kind {got} (want {k})"));
        }
    }
    if let Some(m) = &e.modifier {
        let got = t.modifier.as_ref().map(json_name).unwrap_or_default();
        if &got != m {
            wrong.push(format!("mod {got} (want {m})"));
        }
    }
    (!wrong.is_empty()).then(|| format!("{want:?}: {}", wrong.join(", ")))
}

#[test]
fn corpus_examples_and_negatives_all_pass() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for (file, corpus) in load() {
        for e in &corpus.example {
            cases += 1;
            if let Some(why) = check(e) {
                failures.push(format!(
                    "{file}: {:?} (anchor {:?}): {why}",
                    e.text, e.anchor
                ));
            }
        }
        for n in &corpus.negative {
            cases += 1;
            let mut found = normalize(&n.text, n.anchor);
            if let Some(expr) = &n.expr {
                let Some(at) = n.text.find(expr.as_str()) else {
                    failures.push(format!("{file}: negative {:?} lacks {expr:?}", n.text));
                    continue;
                };
                found.retain(|t| t.start < at + expr.len() && at < t.end);
            }
            if !found.is_empty() {
                let got: Vec<String> = found
                    .iter()
                    .map(|t| format!("{:?}={} [{}]", t.text, t.value, t.rule))
                    .collect();
                failures.push(format!(
                    "{file}: negative {:?} found {}",
                    n.text,
                    got.join(", ")
                ));
            }
        }
    }
    assert!(
        cases >= 400,
        "the corpus should hold at least 400 cases, has {cases}"
    );
    assert!(
        failures.is_empty(),
        "{} of {cases} corpus cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_grammar_rule_has_a_positive_example() {
    let mut seen = std::collections::BTreeSet::new();
    for (_, corpus) in load() {
        for e in &corpus.example {
            for t in normalize(&e.text, e.anchor) {
                seen.insert(t.rule);
            }
        }
    }
    let missing: Vec<&&str> = factline::temporal::RULE_IDS
        .iter()
        .filter(|id| !seen.contains(**id))
        .collect();
    assert!(
        missing.is_empty(),
        "rules with no example in the corpus: {missing:?}"
    );
}

#[test]
fn feeding_lines_one_by_one_equals_normalizing_the_whole_text() {
    let text = "The camp was raided in 2009.\nTwo years later it was raided again.\nOn Sunday, 1 September 2013, 52 were killed.\n";
    let anchor = NaiveDate::from_ymd_opt(2013, 9, 20);
    let whole = normalize(text, anchor);
    let mut n = Normalizer::new(anchor);
    let mut streamed: Vec<Timex> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        n.feed(line, offset, &mut streamed);
        offset += line.len();
    }
    assert_eq!(whole, streamed);
    assert!(whole.iter().any(|t| t.value == "2011"));
}

fn any_anchor() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        (1900i32..2100, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
    ]
}

/// Text that looks like news about dates: words and numbers the grammar keys on, mixed with
/// arbitrary characters.
fn datey_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "the",
        "last",
        "next",
        "this",
        "year",
        "years",
        "month",
        "ago",
        "later",
        "September",
        "Sept.",
        "May",
        "march",
        "1",
        "20th",
        "2013",
        "1980s",
        "'80s",
        "-",
        "/",
        ",",
        ".",
        "quarter",
        "third",
        "early",
        "late",
        "mid",
        "nearly",
        "about",
        "a",
        "two",
        "Sunday",
        "weekend",
        "now",
        "p.m.",
        "10:30",
        "09/01/2013",
        "2013-09-01",
        "of",
        "é",
        "—",
        "\u{2019}s",
        "fiscal",
        "every",
        "days",
        "the end of",
        "summer",
        "year-earlier",
        "nineteen",
        "ninety-six",
    ]);
    prop::collection::vec(
        prop_oneof![words.prop_map(str::to_string), "\\PC{0,3}"],
        0..40,
    )
    .prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_and_spans_round_trip(text in "\\PC{0,200}", anchor in any_anchor()) {
        for t in normalize(&text, anchor) {
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prop_assert_eq!(text.get(t.start..t.end), Some(t.text.as_str()));
        }
    }

    #[test]
    fn intervals_are_ordered_and_spans_exact(text in datey_text(), anchor in any_anchor()) {
        let started = std::time::Instant::now();
        let found = normalize(&text, anchor);
        prop_assert!(started.elapsed() < std::time::Duration::from_millis(100), "slow input: {:?}", text);
        let mut last_end = 0;
        for t in found {
            prop_assert!(t.start < t.end);
            prop_assert!(t.start >= last_end, "overlapping expressions in {:?}", text);
            last_end = t.end;
            prop_assert_eq!(text.get(t.start..t.end), Some(t.text.as_str()));
            if let (Some(a), Some(z)) = (t.earliest, t.latest) {
                prop_assert!(a <= z, "{:?} has earliest {} after latest {}", t.text, a, z);
            }
            prop_assert!(!t.value.is_empty());
        }
    }
}
