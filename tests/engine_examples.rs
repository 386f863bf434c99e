//! The bundled rules prove themselves: every rules/*.toml has rules/examples/<name>.toml, every
//! case passes, and every rule has a case where it fires and one where it stays silent.

use std::path::Path;

use factline::engine::examples;

#[test]
fn every_bundled_rules_file_passes_its_examples_with_full_coverage() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let reports = examples::test_dir(&dir).expect("bundled rules load");
    assert!(!reports.is_empty(), "no rules files found");
    for report in &reports {
        assert!(
            report.found,
            "{} has no examples file",
            report.rules_file.display()
        );
        for outcome in &report.outcomes {
            assert!(
                outcome.passed(),
                "{} ({}): {:?}",
                outcome.name,
                outcome.location,
                outcome.problems
            );
        }
        assert!(report.coverage.is_empty(), "{:?}", report.coverage);
    }
}

#[test]
fn every_rules_file_in_the_folder_is_bundled() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let bundled = factline::Config::bundled().expect("bundled rules load");
    let loaded = factline::Config::load(&dir).expect("rules folder loads");
    let ids = |c: &factline::Config| {
        c.rules
            .rules
            .iter()
            .map(|r| r.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&bundled),
        ids(&loaded),
        "add new rules files to BUNDLED_RULES in src/lib.rs"
    );
}
