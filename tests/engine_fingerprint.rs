//! Fingerprints survive what must not change them (reordered inputs, lines inserted above a
//! quote, unrelated new documents) and change with what is in conflict.

mod engine_common;

use engine_common::{count, story};
use factline::claims::Claim;
use factline::engine::Finding;
use factline::Config;

fn findings(claims: Vec<Claim>) -> Vec<Finding> {
    let config = Config::bundled().expect("bundled rules");
    factline::check_claims(3, claims, Vec::new(), &config).findings
}

fn id_of(findings: &[Finding], rule: &str, event: &str) -> String {
    findings
        .iter()
        .find(|f| f.rule == rule && f.event == event)
        .map(|f| f.id.clone())
        .unwrap_or_else(|| panic!("no {rule} finding on {event}: {findings:#?}"))
}

#[test]
fn the_story_gives_the_toll_and_date_contradictions_and_not_the_agreeing_toll() {
    let f = findings(story());
    id_of(&f, "toll-disagreement", "shelling");
    id_of(&f, "date-disagreement", "delisting");
    assert!(
        !f.iter()
            .any(|f| f.event == "raid" && f.rule == "toll-disagreement"),
        "{f:#?}"
    );
}

#[test]
fn id_is_unchanged_after_reordering_inputs() {
    let before = findings(story());
    let mut reversed = story();
    reversed.reverse();
    let after = findings(reversed);
    assert_eq!(before, after);
}

#[test]
fn id_is_unchanged_after_inserting_lines_above_a_quote() {
    let before = id_of(&findings(story()), "toll-disagreement", "shelling");
    let shifted: Vec<Claim> = story()
        .into_iter()
        .map(|mut c| {
            c.line += 17;
            c
        })
        .collect();
    assert_eq!(
        before,
        id_of(&findings(shifted), "toll-disagreement", "shelling")
    );
}

#[test]
fn id_is_unchanged_by_documents_that_do_not_touch_the_finding() {
    let before = id_of(&findings(story()), "toll-disagreement", "shelling");
    let mut more = story();
    more.push(count(
        "other-raid",
        "killed",
        3.0,
        "Valley Post",
        "valley-2.txt",
        1,
    ));
    more.push(count(
        "shelling",
        "injured",
        20.0,
        "Valley Post",
        "valley-3.txt",
        1,
    ));
    assert_eq!(
        before,
        id_of(&findings(more), "toll-disagreement", "shelling")
    );
}

#[test]
fn id_changes_when_the_values_in_conflict_change() {
    let before = id_of(&findings(story()), "toll-disagreement", "shelling");
    let mut changed = story();
    changed[1] = count("shelling", "killed", 5.0, "Harbor Review", "harbor.txt", 2);
    assert_ne!(
        before,
        id_of(&findings(changed), "toll-disagreement", "shelling")
    );
}

#[test]
fn findings_come_most_severe_first() {
    let f = findings(story());
    assert!(
        f.windows(2).all(|w| w[0].severity >= w[1].severity),
        "{f:#?}"
    );
}
