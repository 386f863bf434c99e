//! The key claims of the seed corpus (../shared/corpus/seeds, read through ingest): the ones
//! `check` needs to flag the delisting years, the Camp Liberty toll and the founding years, and
//! to leave the agreeing 52 dead of 1 September 2013 and the 1997 designation alone.
//! Opt-in: `cargo test --features shared-corpus --test claims_seeds`.

#![cfg(feature = "shared-corpus")]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use factline::claims::{Attribute, Claim, Value};

/// `../shared/corpus/seeds` from the crate root, or from a folder above it (a git worktree sits
/// one level deeper than the main checkout).
fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .skip(1)
        .map(|a| a.join("shared/corpus/seeds"))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| panic!("../shared/corpus/seeds not found above the crate root"))
}

fn claims() -> &'static [Claim] {
    static CLAIMS: OnceLock<Vec<Claim>> = OnceLock::new();
    CLAIMS.get_or_init(|| {
        let config = factline::Config::bundled().unwrap_or_else(|e| panic!("{e}"));
        factline::extract_paths(&[seeds_dir()], &config, &|_| {}).claims
    })
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// Claims of one seed (by file-name prefix) about one event and attribute.
fn of(seed: &str, event: &str, attribute: Attribute) -> Vec<&'static Claim> {
    claims()
        .iter()
        .filter(|c| {
            Path::new(&c.doc)
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(seed))
                && c.event == event
                && c.attribute == attribute
        })
        .collect()
}

fn has_date(claims: &[&Claim], earliest: &str, latest: &str) -> bool {
    claims.iter().any(|c| {
        matches!(c.value, Value::Date { earliest: e, latest: l, .. }
            if e <= date(latest) && date(earliest) <= l)
    })
}

fn has_count(claims: &[&Claim], low: f64, high: Option<f64>) -> bool {
    claims
        .iter()
        .any(|c| matches!(c.value, Value::Count { low: l, high: h, .. } if l == low && h == high))
}

#[test]
fn seed_004_dates_the_delisting_september_2011() {
    let d = of("004", "mek-delisting", Attribute::Date);
    assert!(
        d.iter()
            .any(|c| matches!(&c.value, Value::Date { value, .. } if value == "2011-09")),
        "{d:#?}"
    );
}

#[test]
fn seeds_000_001_002_date_the_delisting_2012() {
    for seed in ["000", "001", "002"] {
        let d = of(seed, "mek-delisting", Attribute::Date);
        assert!(!d.is_empty(), "{seed}: no delisting date");
        // "until 2012", "until last year" (December 2013), "nearly a year ago" (September
        // 2013, a band around 2012-09): all reach into 2012, none is September 2011.
        assert!(
            d.iter().all(|c| has_date(&[c], "2012-01-01", "2012-12-31")
                && !matches!(&c.value, Value::Date { value, .. } if value.starts_with("2011"))),
            "{seed}: {d:#?}"
        );
    }
}

#[test]
fn seeds_000_001_give_52_killed_at_ashraf_on_1_september_2013() {
    for seed in ["000", "001"] {
        let killed = of(seed, "ashraf-attack-2013", Attribute::Killed);
        assert!(
            has_count(&killed, 52.0, None) || has_count(&killed, 52.0, Some(52.0)),
            "{seed}: {killed:#?}"
        );
        assert!(
            killed.iter().all(|c| c.as_of == Some(date("2013-09-01"))),
            "{seed}"
        );
        let dates = of(seed, "ashraf-attack-2013", Attribute::Date);
        assert!(
            has_date(&dates, "2013-09-01", "2013-09-01"),
            "{seed}: {dates:#?}"
        );
    }
    let un = of("000", "ashraf-attack-2013", Attribute::Killed);
    assert!(un.iter().all(|c| c.attribution.as_deref() == Some("UN")));
}

#[test]
fn seed_004_gives_7_dead_and_the_cited_six_killed_at_camp_liberty() {
    let killed = of("004", "liberty-mortar-attack-2013", Attribute::Killed);
    assert!(has_count(&killed, 7.0, Some(7.0)), "{killed:#?}");
    let six: Vec<&&Claim> = killed
        .iter()
        .filter(|c| matches!(c.value, Value::Count { best, .. } if best == 6.0))
        .collect();
    assert_eq!(six.len(), 1, "{killed:#?}");
    assert_eq!(six[0].attribution.as_deref(), Some("New York Times"));
    assert_eq!(six[0].as_of, Some(date("2013-02-09")));
    let injured = of("004", "liberty-mortar-attack-2013", Attribute::Injured);
    assert!(has_count(&injured, 24.0, Some(99.0)), "{injured:#?}");
    let more: Vec<&&Claim> = injured
        .iter()
        .filter(|c| matches!(c.value, Value::Count { low, high: None, .. } if low == 101.0))
        .collect();
    assert_eq!(more.len(), 1, "{injured:#?}");
    assert_eq!(more[0].attribution.as_deref(), Some("the group"));
    assert_eq!(more[0].via.as_deref(), Some("New York Times"));
    let dates = of("004", "liberty-mortar-attack-2013", Attribute::Date);
    assert!(has_date(&dates, "2013-02-09", "2013-02-09"), "{dates:#?}");
}

#[test]
fn seeds_002_and_003_found_the_group_in_1965_and_1963() {
    assert!(has_date(
        &of("002", "mek-founding", Attribute::Date),
        "1965-01-01",
        "1965-12-31"
    ));
    let founding = of("003", "mek-founding", Attribute::Date);
    assert!(
        has_date(&founding, "1963-01-01", "1963-12-31"),
        "{founding:#?}"
    );
    // The founding is never dated by an unrelated event of the same sentence (1979).
    assert!(claims()
        .iter()
        .filter(|c| c.event == "mek-founding")
        .all(|c| !has_date(&[c], "1979-01-01", "1979-12-31")));
}

#[test]
fn the_designation_is_1997_wherever_it_is_dated() {
    let all: Vec<&Claim> = claims()
        .iter()
        .filter(|c| c.event == "mek-designation" && c.attribute == Attribute::Date)
        .collect();
    assert!(all.len() >= 2, "{all:#?}");
    assert!(
        all.iter()
            .all(|c| has_date(&[c], "1997-01-01", "1997-12-31")),
        "{all:#?}"
    );
}

#[test]
fn no_casualty_claims_from_money_or_unrelated_figures() {
    for c in claims() {
        if matches!(
            c.attribute,
            Attribute::Killed | Attribute::Injured | Attribute::Missing
        ) {
            assert!(!c.quote.contains(&format!("${}", c.text)), "{c:#?}");
        }
    }
    // "5 ... scientists since 2007" belongs to no declared event.
    let scientists: Vec<&Claim> = claims()
        .iter()
        .filter(|c| c.attribute == Attribute::Killed && c.quote.contains("scientists"))
        .collect();
    assert!(
        scientists.iter().all(|c| c.event.starts_with("adhoc:")),
        "{scientists:#?}"
    );
}

#[test]
fn the_2009_and_2011_ashraf_raids_stay_apart() {
    let r2009 = of("002", "ashraf-raid-2009", Attribute::Killed);
    assert!(has_count(&r2009, 8.0, None), "{r2009:#?}");
    let r2011 = of("003", "ashraf-raid-2011", Attribute::Killed);
    assert!(has_count(&r2011, 35.0, Some(35.0)), "{r2011:#?}");
}
