//! Measured quality: the findings of `factline check data/articles` scored against
//! data/gold.toml.
//! Prints precision and recall (run with `--nocapture` to see them and every miss or false
//! alarm) and fails when either drops below the floor the pipeline has reached.

use std::path::{Path, PathBuf};

use factline::engine::gold::{score, Gold};

/// Floors: raise them as the pipeline improves, never lower them to make a change pass.
/// Measured: precision 1.00 (7/7 findings), recall 1.00 (8/8 expected).
const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.95;

#[test]
fn findings_on_data_score_against_the_gold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold_path = root.join("data/gold.toml");
    let text = std::fs::read_to_string(&gold_path).expect("data/gold.toml");
    let gold = Gold::parse(&text, &gold_path).expect("gold parses");
    let config = factline::Config::bundled().expect("bundled rules");
    let folders: Vec<PathBuf> = vec![root.join("data/articles")];
    let extraction = factline::extract_paths(&folders, &config, &|_| {});
    let report =
        factline::check_claims(extraction.documents, extraction.claims, Vec::new(), &config);
    let s = score(&gold, &report.findings);
    println!(
        "gold: precision {:.2} ({}/{} findings), recall {:.2} ({}/{} expected)",
        s.precision(),
        s.correct,
        s.reported,
        s.recall(),
        s.found,
        s.expected
    );
    for p in &s.problems {
        println!("  {p}");
    }
    assert!(
        s.precision() >= MIN_PRECISION,
        "precision {:.2}: {:#?}",
        s.precision(),
        s.problems
    );
    assert!(
        s.recall() >= MIN_RECALL,
        "recall {:.2}: {:#?}",
        s.recall(),
        s.problems
    );
}
