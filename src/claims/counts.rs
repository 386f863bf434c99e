//! Counts: which quantity of a sentence counts what.
//!
//! Takes a sentence's tokens and its [`Quantity`]s; gives [`Count`]s: a quantity bound to an
//! outcome cue ("52 people were killed", "7 dead", "killed at least eight", "dozens injured",
//! "seven ... vanished", "2,000 people were re-located") or to a population state ("about 100
//! exiles living at the camp", "the remaining 1,200 members", "membership between 5,000 and
//! 10,000"). A number that no cue claims ("$180,000", "5 scientists since 2007" with no cue
//! near it) gives no count.

use std::sync::OnceLock;

use super::catalog::{Heads, Phrase};
use super::mention::irrealis;
use super::quantity::Quantity;
use super::text::{first_at, within, words_between, Token};
use crate::claims::Attribute;

/// How far a quantity may sit from its cue, in words.
const MAX_BEFORE: usize = 6;
const MAX_AFTER: usize = 3;

/// How far apart, in tokens, a figure and its cue may stand at all, punctuation and
/// parenthetical asides included. Beyond it no pair is even measured: a number 60 tokens away
/// from "killed" is not its count, and without this bound one long run-on sentence made
/// extraction cubic in its length.
const REACH_TOKENS: usize = 64;

/// Where the figure stands relative to the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// "7 dead", "52 were killed"
    Before,
    /// "killing of six", "cost the lives of at least 10"
    After,
    Both,
}

const CUES: &[(Attribute, Side, &[&str])] = &[
    (
        Attribute::Killed,
        Side::Both,
        &[
            "killed",
            "died",
            "slain",
            "executed",
            "massacred",
            "perished",
            "murdered",
            "lost their lives",
        ],
    ),
    (
        Attribute::Killed,
        Side::Before,
        &["dead", "deaths", "fatalities", "bodies"],
    ),
    (
        Attribute::Killed,
        Side::After,
        &[
            "killing",
            "killing of",
            "cost the lives of",
            "claimed the lives of",
            "death toll",
            "deaths of",
            "death of",
        ],
    ),
    (
        Attribute::Injured,
        Side::Both,
        &["injured", "wounded", "hurt"],
    ),
    (Attribute::Injured, Side::Before, &["injuries"]),
    (Attribute::Injured, Side::After, &["injuring", "wounding"]),
    (
        Attribute::Missing,
        Side::Before,
        &[
            "missing",
            "vanished",
            "disappeared",
            "taken hostage",
            "held hostage",
            "taken captive",
            "unaccounted for",
            "seized as hostages",
            "taken as hostages",
            "held as hostages",
            "hostages",
        ],
    ),
    (Attribute::Missing, Side::Both, &["abducted", "kidnapped"]),
    (
        Attribute::Moved,
        Side::Both,
        &[
            "moved",
            "relocated",
            "re-located",
            "transferred",
            "evacuated",
        ],
    ),
    (
        Attribute::Moved,
        Side::After,
        &["carrying", "relocation of"],
    ),
];

/// Nouns that make a figure a head count of a population.
const POPULATION_NOUNS: &[&str] = &[
    "members",
    "residents",
    "exiles",
    "inhabitants",
    "people",
    "refugees",
    "persons",
    "fighters",
    "dissidents",
    "followers",
    "supporters",
];

/// Words after a population noun that make the figure a state: who lives or stays where.
const LIVING: &[&str] = &[
    "live", "lives", "living", "lived", "reside", "resides", "residing", "resided", "remain",
    "remains", "remained", "stayed", "stay", "stays", "housed",
];

/// Nouns right after a figure that say it counts things, not people.
const THINGS: &[&str] = &[
    "rockets",
    "mortars",
    "shells",
    "bombs",
    "missiles",
    "vehicles",
    "buses",
    "trucks",
    "cars",
    "houses",
    "homes",
    "buildings",
    "camps",
    "tents",
    "trailers",
    "times",
    "countries",
    "cities",
];

/// A figure bound to what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub attribute: Attribute,
    pub quantity: Quantity,
    /// Byte span of the cue word(s).
    pub cue_start: usize,
    pub cue_end: usize,
    /// For population states: `true` when the figure says who lives somewhere (residents),
    /// `false` for the size of a group (members).
    pub lives_somewhere: bool,
}

fn cues() -> &'static [(Attribute, Side, Phrase)] {
    static CUE_PHRASES: OnceLock<Vec<(Attribute, Side, Phrase)>> = OnceLock::new();
    CUE_PHRASES.get_or_init(|| {
        CUES.iter()
            .flat_map(|(a, side, words)| {
                words
                    .iter()
                    .filter_map(move |w| Phrase::compile(w).ok().map(|p| (*a, *side, p)))
            })
            .collect()
    })
}

/// Words between two offsets, not counting what sits inside parentheses, or `None` when a
/// clause break (";" or ":") lies between.
fn distance(tokens: &[Token<'_>], from: usize, to: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut n = 0;
    let between = within(tokens, from, to);
    // ", or two-thirds of the residents," restates the figure: skip it like parentheses.
    let mut restating = false;
    for (k, t) in between.iter().enumerate() {
        if t.text == "," {
            if restating {
                restating = false;
                continue;
            }
            // ", six of them women," describes the figure before it.
            let describes = between
                .iter()
                .skip(k + 1)
                .take_while(|n| n.text != ",")
                .any(|n| n.lower == "them" || n.lower == "whom");
            if between.get(k + 1).is_some_and(|n| n.lower == "or") || describes {
                restating = true;
                continue;
            }
        }
        if restating {
            continue;
        }
        match t.text {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = depth.saturating_sub(1),
            ";" | ":" => return None,
            _ if t.is_punct() => {}
            _ if depth == 0 => n += 1,
            _ => {}
        }
    }
    Some(n)
}

/// A new clause starts between the offsets ("moved in and thirty-five ...").
fn clause_between(tokens: &[Token<'_>], from: usize, to: usize) -> bool {
    within(tokens, from, to).iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "and" | "," | "but" | "while" | ";" | "whereas"
        )
    })
}

/// Where the sentence's parentheses open and close, to tell in O(log n) whether an offset
/// lies inside them (more opened than closed before it).
struct Parentheses {
    open: Vec<usize>,
    close: Vec<usize>,
}

impl Parentheses {
    fn new(text: &str) -> Parentheses {
        Parentheses {
            open: text.match_indices('(').map(|(i, _)| i).collect(),
            close: text.match_indices(')').map(|(i, _)| i).collect(),
        }
    }

    fn contain(&self, at: usize) -> bool {
        self.open.partition_point(|&i| i < at) > self.close.partition_point(|&i| i < at)
    }
}

fn next_word_after<'a>(tokens: &'a [Token<'a>], offset: usize) -> Option<&'a Token<'a>> {
    tokens
        .get(first_at(tokens, offset)..)
        .unwrap_or_default()
        .iter()
        .find(|t| !t.is_punct())
}

/// Binds the sentence's quantities to outcome cues and population states.
pub fn find(
    text: &str,
    tokens: &[Token<'_>],
    heads: &Heads<'_>,
    quantities: &[Quantity],
) -> Vec<Count> {
    let mut found: Vec<(usize, usize, Attribute, Side)> = Vec::new();
    for (attr, side, phrase) in cues() {
        if !phrase.may_match(heads) {
            continue;
        }
        for m in phrase.find(tokens, &[]) {
            if irrealis(tokens, m.start) {
                continue;
            }
            // Keep the longest cue where two overlap ("killing of" over "killing").
            if let Some(f) = found.iter_mut().find(|f| f.0 < m.end && m.start < f.1) {
                if m.end - m.start > f.1 - f.0 {
                    *f = (m.start, m.end, *attr, *side);
                }
                continue;
            }
            found.push((m.start, m.end, *attr, *side));
        }
    }
    found.sort_by_key(|f| f.0);
    let parentheses = Parentheses::new(text);
    // Figures by token position, so that each cue only looks at the figures within reach.
    let mut by_position: Vec<(usize, usize)> = quantities
        .iter()
        .enumerate()
        .map(|(i, q)| (first_at(tokens, q.start), i))
        .collect();
    by_position.sort_unstable();
    let in_reach = |at: usize| {
        let lo = by_position.partition_point(|(p, _)| *p + REACH_TOKENS < at);
        let hi = by_position.partition_point(|(p, _)| *p <= at + REACH_TOKENS);
        by_position
            .get(lo..hi)
            .unwrap_or_default()
            .iter()
            .map(|(_, i)| *i)
    };
    let usable: Vec<bool> = quantities
        .iter()
        .map(|q| {
            // "seven more, six of them women, ...": the second figure describes the first.
            let describes = tokens
                .iter()
                .skip_while(|t| t.start < q.end)
                .take(2)
                .map(|t| t.lower.as_str())
                .eq(["of", "them"])
                && in_reach(first_at(tokens, q.start))
                    .filter_map(|i| quantities.get(i))
                    .any(|p| p.end <= q.start && words_between(tokens, p.end, q.start) <= 2);
            !describes
                && !parentheses.contain(q.start)
                && !next_word_after(tokens, q.end)
                    .is_some_and(|t| THINGS.contains(&t.lower.as_str()))
        })
        .collect();
    // Every (cue, figure) pair in reach, then the closest pairs first: "moved in and
    // thirty-five residents were killed" gives the figure to "killed" (two words back), not
    // to "moved". A figure before its cue wins a tie: that is how English reports tolls.
    let mut pairs: Vec<(usize, u8, usize, usize)> = Vec::new(); // (distance, after?, cue, figure)
    for (c, (start, end, _, side)) in found.iter().enumerate() {
        for i in in_reach(first_at(tokens, *start)) {
            let Some(q) = quantities.get(i) else { continue };
            if !usable.get(i).copied().unwrap_or(false) {
                continue;
            }
            if q.end <= *start && *side != Side::After {
                if let Some(d) = distance(tokens, q.end, *start).filter(|d| *d <= MAX_BEFORE) {
                    pairs.push((d, 0, c, i));
                }
            } else if q.start >= *end
                && *side != Side::Before
                && !clause_between(tokens, *end, q.start)
            {
                if let Some(d) = distance(tokens, *end, q.start).filter(|d| *d <= MAX_AFTER) {
                    pairs.push((d, 1, c, i));
                }
            }
        }
    }
    pairs.sort();
    let mut used = vec![false; quantities.len()];
    let mut cue_done = vec![false; found.len()];
    let mut out = Vec::new();
    for (_, _, c, i) in pairs {
        if used.get(i).copied().unwrap_or(true) || cue_done.get(c).copied().unwrap_or(true) {
            continue;
        }
        let (Some(&(start, end, attribute, _)), Some(q)) = (found.get(c), quantities.get(i)) else {
            continue;
        };
        if let (Some(u), Some(d)) = (used.get_mut(i), cue_done.get_mut(c)) {
            *u = true;
            *d = true;
        }
        out.push(Count {
            attribute,
            quantity: q.clone(),
            cue_start: start,
            cue_end: end,
            lives_somewhere: false,
        });
    }
    for (i, q) in quantities.iter().enumerate() {
        if used.get(i).copied().unwrap_or(true) || !usable.get(i).copied().unwrap_or(false) {
            continue;
        }
        if let Some(c) = population(tokens, q) {
            out.push(c);
        }
    }
    out.sort_by_key(|c| c.quantity.start);
    out
}

/// "about 100 exiles living at the camp", "the remaining 1,200 members", "membership between
/// 5,000 and 10,000", "it has several thousand members".
fn population(tokens: &[Token<'_>], q: &Quantity) -> Option<Count> {
    let qi = first_at(tokens, q.start);
    if qi >= tokens.len() {
        return None;
    }
    let qe = first_at(tokens, q.end);
    let before: Vec<&str> = tokens
        .get(qi.saturating_sub(4)..qi)
        .unwrap_or_default()
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    let after: Vec<&Token<'_>> = tokens
        .get(qe..)
        .unwrap_or_default()
        .iter()
        .take(10)
        .collect();
    let noun = after
        .iter()
        .take(4)
        .position(|t| POPULATION_NOUNS.contains(&t.lower.as_str()));
    let make = |lives: bool, attribute: Attribute| Count {
        attribute,
        quantity: q.clone(),
        cue_start: q.start,
        cue_end: q.end,
        lives_somewhere: lives,
    };
    // "an estimated 1,200 remained in the camp"
    if after
        .first()
        .is_some_and(|t| LIVING.contains(&t.lower.as_str()))
    {
        return Some(make(true, Attribute::Residents));
    }
    // "the camp, which has housed about 3,400 exiles"
    if noun.is_some()
        && before.iter().rev().take(2).any(|w| {
            matches!(
                *w,
                "housed" | "houses" | "housing" | "sheltered" | "shelters"
            )
        })
    {
        return Some(make(true, Attribute::Residents));
    }
    if before.contains(&"membership") {
        return Some(make(false, Attribute::Members));
    }
    let noun = noun?;
    if before.last().is_some_and(|w| matches!(*w, "remaining")) {
        return Some(make(true, Attribute::Residents));
    }
    if before
        .last()
        .is_some_and(|w| matches!(*w, "has" | "have" | "had" | "numbers" | "counts"))
    {
        return Some(make(false, Attribute::Members));
    }
    let living = after
        .iter()
        .skip(noun + 1)
        .take(10)
        .any(|t| LIVING.contains(&t.lower.as_str()) || t.lower == "still");
    living.then(|| make(true, Attribute::Residents))
}

#[cfg(test)]
mod tests {
    use super::super::quantity;
    use super::super::text::tokenize;
    use super::*;

    fn counts(text: &str) -> Vec<(Attribute, f64, Option<f64>)> {
        let tokens = tokenize(text);
        let q = quantity::find(text, &[]);
        find(text, &tokens, &Heads::new(&tokens), &q)
            .into_iter()
            .map(|c| (c.attribute, c.quantity.low, c.quantity.high))
            .collect()
    }

    #[test]
    fn passive_and_short_forms_bind_backward() {
        assert_eq!(
            counts("At least 12 miners were killed and three others vanished."),
            [
                (Attribute::Killed, 12.0, None),
                (Attribute::Missing, 3.0, Some(3.0))
            ]
        );
        assert_eq!(
            counts("The blast left 7 dead and dozens injured."),
            [
                (Attribute::Killed, 7.0, Some(7.0)),
                (Attribute::Injured, 24.0, Some(99.0))
            ]
        );
    }

    #[test]
    fn active_verbs_bind_forward() {
        assert_eq!(
            counts("The storm killed at least eight and injured over 400."),
            [
                (Attribute::Killed, 8.0, None),
                (Attribute::Injured, 401.0, None)
            ]
        );
        assert_eq!(
            counts("The fire cost the lives of at least 10 workers."),
            [(Attribute::Killed, 10.0, None)]
        );
    }

    #[test]
    fn the_closer_cue_takes_the_figure() {
        assert_eq!(
            counts("Troops moved in and thirty-five guards were killed."),
            [(Attribute::Killed, 35.0, Some(35.0))]
        );
    }

    #[test]
    fn figures_in_parentheses_are_skipped() {
        assert_eq!(
            counts("Nine (four of them children) were taken hostage."),
            [(Attribute::Missing, 9.0, Some(9.0))]
        );
    }

    #[test]
    fn numbers_without_a_cue_are_not_counts() {
        assert!(counts("The mayor was paid $180,000 for 3 speeches.").is_empty());
        assert!(counts("He met 40 reporters on Monday.").is_empty());
    }

    #[test]
    fn planned_moves_are_not_counts() {
        assert!(counts("They agreed to relocate some 3,000 tenants.").is_empty());
    }

    #[test]
    fn things_are_not_people() {
        assert_eq!(
            counts("Two rockets killed 5 farmers."),
            [(Attribute::Killed, 5.0, Some(5.0))]
        );
    }

    #[test]
    fn populations_are_states() {
        let c = counts("There were about 100 farmers living in the valley.");
        assert!(c.is_empty(), "farmers is not a population noun: {c:?}");
        assert_eq!(
            counts("There were about 100 exiles living in the valley."),
            [(Attribute::Residents, 95.0, Some(105.0))]
        );
        assert_eq!(
            counts("It houses the remaining 1200 members at the site."),
            [(Attribute::Residents, 1200.0, Some(1200.0))]
        );
        assert_eq!(
            counts("Officials put its membership between 5,000 and 10,000."),
            [(Attribute::Members, 5000.0, Some(10000.0))]
        );
    }

    #[test]
    fn a_restating_apposition_does_not_separate_figure_and_verb() {
        assert_eq!(
            counts("By May, 900 tenants, or half of the block, had moved out."),
            [(Attribute::Moved, 900.0, Some(900.0))]
        );
    }

    #[test]
    fn a_figure_describing_the_previous_one_is_skipped() {
        assert_eq!(
            counts("Nine more, four of them children, were reported missing."),
            [(Attribute::Missing, 9.0, Some(9.0))]
        );
        assert_eq!(
            counts("Last week, 30 of them were wounded."),
            [(Attribute::Injured, 30.0, Some(30.0))]
        );
    }

    #[test]
    fn a_figure_followed_by_a_living_verb_is_residents() {
        assert_eq!(
            counts("Some 300 left while an estimated 1,200 remained in the old town."),
            [(Attribute::Residents, 1140.0, Some(1260.0))]
        );
    }

    #[test]
    fn moved_counts_bind_to_relocation_verbs() {
        assert_eq!(
            counts("About 1,800 inhabitants have moved to the new site."),
            [(Attribute::Moved, 1710.0, Some(1890.0))]
        );
    }
}
