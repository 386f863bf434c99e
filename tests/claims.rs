//! Claims extracted from short documents we wrote, run through the bundled rules/events.toml
//! (and a small catalog of our own for a story nobody declared).

use std::path::Path;

use chrono::NaiveDate;
use factline::claims::{self, Attribute, Claim, EventCatalog, Value};
use factline::ingest::{DateOrigin, Document, Post, Published};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn doc(text: &str, published: &str) -> Document {
    let published = Some(Published {
        date: date(published),
        origin: DateOrigin::Header,
    });
    Document {
        id: "test.txt".into(),
        path: "test.txt".into(),
        source: "Test Gazette".into(),
        url: Some("https://gazette.example/a".into()),
        title: None,
        published,
        posts: vec![Post {
            published,
            title: None,
            text: text.into(),
            first_line: 5,
        }],
    }
}

fn bundled() -> EventCatalog {
    factline::Config::bundled()
        .unwrap_or_else(|e| panic!("bundled rules: {e}"))
        .events
}

fn extract(text: &str, published: &str) -> Vec<Claim> {
    claims::extract(&doc(text, published), &bundled())
}

fn find<'a>(claims: &'a [Claim], event: &str, attribute: Attribute) -> Vec<&'a Claim> {
    claims
        .iter()
        .filter(|c| c.event == event && c.attribute == attribute)
        .collect()
}

fn count(c: &Claim) -> (f64, Option<f64>) {
    match c.value {
        Value::Count { low, high, .. } => (low, high),
        Value::Date { .. } => panic!("not a count: {c:?}"),
    }
}

fn date_range(c: &Claim) -> (NaiveDate, NaiveDate) {
    match c.value {
        Value::Date {
            earliest, latest, ..
        } => (earliest, latest),
        Value::Count { .. } => panic!("not a date: {c:?}"),
    }
}

#[test]
fn partial_date_in_a_later_article_dates_the_declared_attack() {
    let claims = extract(
        "Gunmen stormed Camp Ashraf on September 1, the exiles say.",
        "2013-09-25",
    );
    let dates = find(&claims, "ashraf-attack-2013", Attribute::Date);
    assert_eq!(dates.len(), 1, "{claims:#?}");
    assert_eq!(
        date_range(dates[0]),
        (date("2013-09-01"), date("2013-09-01"))
    );
    assert_eq!(dates[0].line, 5);
    assert_eq!(dates[0].source, "Test Gazette");
    assert_eq!(dates[0].published, Some(date("2013-09-25")));
}

#[test]
fn tolls_in_the_next_sentence_bind_to_the_same_attack_with_their_attribution() {
    let claims = extract(
        "The assault on Camp Ashraf came on 1 September 2013. According to the U.N., at least \
         52 residents died and seven others disappeared.",
        "2013-09-10",
    );
    let killed = find(&claims, "ashraf-attack-2013", Attribute::Killed);
    assert_eq!(killed.len(), 1, "{claims:#?}");
    assert_eq!(count(killed[0]), (52.0, None));
    assert_eq!(killed[0].attribution.as_deref(), Some("UN"));
    assert_eq!(killed[0].qualifier.as_deref(), Some("at least"));
    assert_eq!(killed[0].as_of, Some(date("2013-09-01")));
    let missing = find(&claims, "ashraf-attack-2013", Attribute::Missing);
    assert_eq!(missing.len(), 1);
    assert_eq!(count(missing[0]), (7.0, Some(7.0)));
    assert!(killed[0].quote.starts_with("According to the U.N."));
}

#[test]
fn the_same_camp_years_apart_is_a_different_raid() {
    let claims = extract(
        "Iraqi troops raided Camp Ashraf in April 2011 and killed 34 residents.\n\
         An earlier raid on the camp in July 2009 had killed 11.",
        "2012-05-01",
    );
    assert_eq!(
        count(find(&claims, "ashraf-raid-2011", Attribute::Killed)[0]),
        (34.0, Some(34.0))
    );
    assert_eq!(
        count(find(&claims, "ashraf-raid-2009", Attribute::Killed)[0]),
        (11.0, Some(11.0))
    );
}

#[test]
fn the_liberty_mortar_attack_gets_its_dead_and_vague_wounded() {
    let claims = extract(
        "Mortar rounds that hit Camp Hurriya on February 9th left 5 dead and dozens injured.",
        "2013-02-11",
    );
    let event = "liberty-mortar-attack-2013";
    assert_eq!(
        count(find(&claims, event, Attribute::Killed)[0]),
        (5.0, Some(5.0))
    );
    let injured = find(&claims, event, Attribute::Injured);
    assert_eq!(count(injured[0]), (24.0, Some(99.0)));
    assert_eq!(injured[0].qualifier.as_deref(), Some("dozens"));
    assert_eq!(
        date_range(find(&claims, event, Attribute::Date)[0]).0,
        date("2013-02-09")
    );
}

#[test]
fn a_citation_line_is_a_claim_of_the_cited_outlet_dated_by_the_citation() {
    let claims = extract(
        "Residents buried their dead on Sunday.\n\n\
         [2] Doe, John, Eight killed in shelling of exile camp, the Daily Planet,February9,2013",
        "2013-03-01",
    );
    let killed = find(&claims, "liberty-mortar-attack-2013", Attribute::Killed);
    assert_eq!(killed.len(), 1, "{claims:#?}");
    assert_eq!(count(killed[0]), (8.0, Some(8.0)));
    assert_eq!(killed[0].attribution.as_deref(), Some("Daily Planet"));
    assert_eq!(killed[0].as_of, Some(date("2013-02-09")));
    assert_eq!(killed[0].line, 7);
    assert!(find(&claims, "liberty-mortar-attack-2013", Attribute::Date).is_empty());
}

#[test]
fn a_relayed_figure_keeps_speaker_and_outlet() {
    let claims = extract(
        "A rocket barrage struck Camp Liberty on 9 February 2013. The exiles said that more \
         than 90 had been wounded in the barrage, the Daily Planet reported.",
        "2013-02-12",
    );
    let injured = find(&claims, "liberty-mortar-attack-2013", Attribute::Injured);
    assert_eq!(injured.len(), 1, "{claims:#?}");
    assert_eq!(count(injured[0]), (91.0, None));
    assert_eq!(injured[0].attribution.as_deref(), Some("the exiles"));
    assert_eq!(injured[0].via.as_deref(), Some("Daily Planet"));
}

#[test]
fn delisting_and_designation_dates_come_from_until_since_and_in() {
    let claims = extract(
        "Washington kept the MEK on its terror blacklist from 1997.\n\
         The MEK, on the American terrorist list since 1997, was a terrorist organization \
         until 2012 in American eyes.\n\
         The MEK was delisted in September 2012, officials said.",
        "2014-01-15",
    );
    let designation = find(&claims, "mek-designation", Attribute::Date);
    assert!(!designation.is_empty(), "{claims:#?}");
    assert!(designation
        .iter()
        .all(|c| date_range(c) == (date("1997-01-01"), date("1997-12-31"))));
    let delisting = find(&claims, "mek-delisting", Attribute::Date);
    let ranges: Vec<(NaiveDate, NaiveDate)> = delisting.iter().map(|c| date_range(c)).collect();
    assert!(
        ranges.contains(&(date("2012-01-01"), date("2012-12-31"))),
        "{ranges:?}"
    );
    assert!(
        ranges.contains(&(date("2012-09-01"), date("2012-09-30"))),
        "{ranges:?}"
    );
}

#[test]
fn founding_needs_the_group_near_the_trigger() {
    let claims = extract(
        "The MEK was founded in 1965 by students in Tehran.\n\
         The group later fought the Islamic Republic established by the clerics in 1979.",
        "2012-07-01",
    );
    let founding = find(&claims, "mek-founding", Attribute::Date);
    assert_eq!(founding.len(), 1, "{claims:#?}");
    assert_eq!(date_range(founding[0]).0, date("1965-01-01"));
}

#[test]
fn plans_and_questions_are_not_events() {
    let claims = extract(
        "The MEK asked officials whether they would remove it from the terrorist list in 2012.\n\
         Baghdad agreed in 2011 to relocate 3,000 MEK members.",
        "2011-12-30",
    );
    assert!(
        claims
            .iter()
            .all(|c| c.attribute != Attribute::Date || c.kind != "delisting"),
        "{claims:#?}"
    );
    assert!(find(&claims, "ashraf-to-liberty", Attribute::Moved).is_empty());
}

#[test]
fn money_years_and_stray_numbers_are_not_casualties() {
    let claims = extract(
        "The MEK paid a speaker $40,000 in 2015 and hired 3 lobbyists.\n\
         About 120 exiles living at Camp Ashraf met the envoy on Monday.",
        "2013-06-05",
    );
    assert!(claims.iter().all(|c| !matches!(
        c.attribute,
        Attribute::Killed | Attribute::Injured | Attribute::Missing
    )));
    let residents: Vec<&Claim> = claims
        .iter()
        .filter(|c| c.attribute == Attribute::Residents)
        .collect();
    assert_eq!(residents.len(), 1, "{claims:#?}");
    assert_eq!(residents[0].event, "camp-ashraf-residents");
    assert_eq!(count(residents[0]), (114.0, Some(126.0)));
}

#[test]
fn relocation_counts_bind_to_the_relocation() {
    let claims = extract(
        "By June, nearly 2,100 residents had moved from Camp Ashraf to Camp Liberty.",
        "2012-07-10",
    );
    let moved = find(&claims, "ashraf-to-liberty", Attribute::Moved);
    assert_eq!(moved.len(), 1, "{claims:#?}");
    assert_eq!(count(moved[0]).0, 1995.0);
}

const FLOOD_CATALOG: &str = r#"
[[kind]]
id = "flood"
triggers = ["flood*", "swept"]
counts = ["killed", "missing"]
"#;

#[test]
fn a_story_nobody_declared_becomes_an_ad_hoc_event_with_its_date() {
    let catalog = EventCatalog::parse(FLOOD_CATALOG, Path::new("events.toml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let d = doc(
        "Floodwaters swept through Riverton on 3 March 2019, and 12 people died.",
        "2019-03-05",
    );
    let claims = claims::extract(&d, &catalog);
    let killed: Vec<&Claim> = claims
        .iter()
        .filter(|c| c.attribute == Attribute::Killed)
        .collect();
    assert_eq!(killed.len(), 1, "{claims:#?}");
    assert_eq!(killed[0].event, "adhoc:flood:riverton");
    assert_eq!(killed[0].as_of, Some(date("2019-03-03")));
    let dates: Vec<&Claim> = claims
        .iter()
        .filter(|c| c.attribute == Attribute::Date)
        .collect();
    assert_eq!(dates.len(), 1);
    assert_eq!(dates[0].event, "adhoc:flood:riverton");
}

#[test]
fn bundled_events_file_declares_the_mek_events() {
    let catalog = bundled();
    for id in [
        "mek-founding",
        "mek-designation",
        "mek-delisting",
        "ashraf-raid-2009",
        "ashraf-raid-2011",
        "ashraf-attack-2013",
        "liberty-mortar-attack-2013",
        "ashraf-to-liberty",
    ] {
        assert!(catalog.event(id).is_some(), "{id}");
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any text, including broken citations, stray brackets and multi-byte characters,
        /// gives claims or nothing, never a panic; every quote lies inside the text.
        #[test]
        fn any_text_extracts_without_panicking(
            text in "([A-Za-z0-9 ,.;:()\\[\\]$%'’\"-]|é|—|\n|killed|Camp Ashraf|at least|dozens|[0-9]{1,5}|September|last year|until|\\[1\\]){0,60}"
        ) {
            let claims = extract(&text, "2013-09-20");
            for c in &claims {
                prop_assert!(text.contains(c.quote.as_str()));
                if let Value::Count { low, high: Some(high), .. } = c.value {
                    prop_assert!(low <= high, "{c:?}");
                }
            }
        }
    }
}
