//! Scoring against TimeML gold (TempEval-3 Task A).
//!
//! Takes gold and system TIMEX3 annotations per document (spans into the same text); gives
//! strict and relaxed span precision/recall/F1, type and value accuracy, and value F1, overall
//! and per document, plus the errors behind them (missed, spurious, wrong value, wrong type,
//! partial span) grouped so the most frequent shows first, and per normalizer rule how much of
//! what it found was right.
//!
//! Pairing follows TempEval-3 (UzZaman et al. 2013, and /work/shared/tempeval3/README.md):
//! gold and system timexes are paired one to one, first every pair with identical spans, then
//! pairs whose spans overlap through a maximum matching in which a gold timex that overlaps
//! several system timexes prefers the leftmost. Counts are summed over documents before
//! dividing (micro average).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde::Serialize;

use super::timeml::{timex_type, TimemlDocument, TimexAnnotation};
use super::Timex;

/// One timex as the scorer sees it: a span, a type and a value, all compared as strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Annotation {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
    /// The normalizer rule that found it (system side only), so an error points at its rule.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub rule: String,
}

impl Annotation {
    /// A gold annotation of `text` (the document's decoded `<TEXT>` content).
    pub fn from_gold(g: &TimexAnnotation, text: &str) -> Annotation {
        Annotation {
            start: g.start,
            end: g.end,
            text: text.get(g.start..g.end).unwrap_or("").to_string(),
            kind: g.kind.clone(),
            value: g.value.clone(),
            rule: String::new(),
        }
    }

    /// What the normalizer found.
    pub fn from_system(t: &Timex) -> Annotation {
        Annotation {
            start: t.start,
            end: t.end,
            text: t.text.clone(),
            kind: timex_type(t.kind).to_string(),
            value: t.value.clone(),
            rule: t.rule.clone(),
        }
    }

    fn overlaps(&self, other: &Annotation) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A gold and a system timex paired by the alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub gold: usize,
    pub system: usize,
    /// The spans are identical.
    pub strict: bool,
}

/// Pairs gold and system timexes one to one: identical spans first, then overlapping spans by
/// a maximum matching that tries the leftmost system timex first. Gives the pairs sorted by gold.
pub fn align(gold: &[Annotation], system: &[Annotation]) -> Vec<Pair> {
    let mut gold_of_system: Vec<Option<usize>> = vec![None; system.len()];
    let mut system_of_gold: Vec<Option<usize>> = vec![None; gold.len()];
    let mut strict = vec![false; gold.len()];
    let mut by_span: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (j, s) in system.iter().enumerate().rev() {
        by_span.entry((s.start, s.end)).or_default().push(j);
    }
    for (i, g) in gold.iter().enumerate() {
        if let Some(j) = by_span.get_mut(&(g.start, g.end)).and_then(Vec::pop) {
            if let (Some(gs), Some(sg), Some(st)) = (
                gold_of_system.get_mut(j),
                system_of_gold.get_mut(i),
                strict.get_mut(i),
            ) {
                *gs = Some(i);
                *sg = Some(j);
                *st = true;
            }
        }
    }
    // Overlapping candidates of each unpaired gold timex, leftmost first.
    let mut order: Vec<usize> = (0..system.len()).collect();
    order.sort_by_key(|&j| system.get(j).map(|s| (s.start, s.end)));
    let candidates: Vec<Vec<usize>> = gold
        .iter()
        .enumerate()
        .map(|(i, g)| {
            if system_of_gold.get(i).copied().flatten().is_some() {
                return Vec::new();
            }
            order
                .iter()
                .copied()
                .filter(|&j| {
                    gold_of_system.get(j).copied().flatten().is_none()
                        && system.get(j).is_some_and(|s| s.overlaps(g))
                })
                .collect()
        })
        .collect();
    // Kuhn's augmenting paths restricted to the relaxed (non-strict) pairs.
    let mut relaxed_of_system: Vec<Option<usize>> = vec![None; system.len()];
    for i in 0..gold.len() {
        if candidates.get(i).is_some_and(|c| !c.is_empty()) {
            let mut visited = vec![false; system.len()];
            augment(i, &candidates, &mut relaxed_of_system, &mut visited);
        }
    }
    for (j, g) in relaxed_of_system.iter().enumerate() {
        if let Some(i) = *g {
            if let Some(sg) = system_of_gold.get_mut(i) {
                *sg = Some(j);
            }
        }
    }
    system_of_gold
        .iter()
        .enumerate()
        .filter_map(|(i, j)| {
            Some(Pair {
                gold: i,
                system: (*j)?,
                strict: strict.get(i).copied().unwrap_or(false),
            })
        })
        .collect()
}

fn augment(
    gold: usize,
    candidates: &[Vec<usize>],
    owner: &mut [Option<usize>],
    visited: &mut [bool],
) -> bool {
    for &j in candidates.get(gold).map_or(&[][..], Vec::as_slice) {
        match visited.get_mut(j) {
            Some(seen @ false) => *seen = true,
            _ => continue,
        }
        let current = owner.get(j).copied().flatten();
        let free = match current {
            None => true,
            Some(other) => augment(other, candidates, owner, visited),
        };
        if free {
            if let Some(o) = owner.get_mut(j) {
                *o = Some(gold);
            }
            return true;
        }
    }
    false
}

/// The counts every score is computed from. They add up across documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    /// Pairs with identical spans.
    pub strict: usize,
    /// All pairs (identical or overlapping).
    pub relaxed: usize,
    /// Relaxed pairs whose type matches.
    pub type_correct: usize,
    /// Relaxed pairs whose value matches exactly.
    pub value_correct: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.type_correct += o.type_correct;
        self.value_correct += o.value_correct;
    }
}

/// Precision, recall and F1, as percentages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(correct: usize, system: usize, gold: usize) -> Prf {
        let precision = ratio(correct, system);
        let recall = ratio(correct, gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

/// The TempEval-3 Task A figures, as percentages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    pub strict: Prf,
    pub relaxed: Prf,
    pub type_accuracy: f64,
    pub value_accuracy: f64,
    /// Relaxed F1 × type accuracy.
    pub type_f1: f64,
    /// Relaxed F1 × value accuracy: the figure TempEval-3 ranked systems by.
    pub value_f1: f64,
}

impl Counts {
    pub fn scores(&self) -> Scores {
        let relaxed = Prf::new(self.relaxed, self.system, self.gold);
        let type_accuracy = ratio(self.type_correct, self.relaxed);
        let value_accuracy = ratio(self.value_correct, self.relaxed);
        Scores {
            strict: Prf::new(self.strict, self.system, self.gold),
            relaxed,
            type_accuracy,
            value_accuracy,
            type_f1: relaxed.f1 * type_accuracy / 100.0,
            value_f1: relaxed.f1 * value_accuracy / 100.0,
        }
    }
}

/// What went wrong with one timex. A pair that is wrong in several ways is filed under the
/// first that applies, in this order, since the value is what value F1 ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Mistake {
    /// A gold timex no system timex overlaps.
    Missed,
    /// A system timex no gold timex overlaps.
    Spurious,
    /// Paired, but the values differ.
    WrongValue,
    /// Paired with the right value, but the types differ.
    WrongType,
    /// Paired with the right value and type, but the spans differ.
    PartialSpan,
}

impl Mistake {
    pub fn name(self) -> &'static str {
        match self {
            Mistake::Missed => "missed",
            Mistake::Spurious => "spurious",
            Mistake::WrongValue => "wrong value",
            Mistake::WrongType => "wrong type",
            Mistake::PartialSpan => "partial span",
        }
    }
}

/// One error, with both sides when there are two.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimexError {
    pub mistake: Mistake,
    pub gold: Option<Annotation>,
    pub system: Option<Annotation>,
}

/// The score of one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentScore {
    pub path: PathBuf,
    pub counts: Counts,
    pub errors: Vec<TimexError>,
    /// How each normalizer rule did on this document (system timexes only).
    pub rules: BTreeMap<String, RuleCounts>,
}

/// What one normalizer rule found and how much of it was right: precision per rule, so that
/// a rule that mostly fires wrongly stands out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RuleCounts {
    /// System timexes the rule gave.
    pub found: usize,
    /// Of those, paired with a gold timex.
    pub paired: usize,
    /// Paired with the exact span.
    pub strict: usize,
    /// Paired with the right value.
    pub value_correct: usize,
}

impl std::ops::AddAssign for RuleCounts {
    fn add_assign(&mut self, o: RuleCounts) {
        self.found += o.found;
        self.paired += o.paired;
        self.strict += o.strict;
        self.value_correct += o.value_correct;
    }
}

/// The rule counts summed over documents, the rules with most spurious or wrong timexes first.
pub fn rules_summary(documents: &[DocumentScore]) -> Vec<(String, RuleCounts)> {
    let mut total: BTreeMap<String, RuleCounts> = BTreeMap::new();
    for d in documents {
        for (rule, c) in &d.rules {
            *total.entry(rule.clone()).or_default() += *c;
        }
    }
    let mut rules: Vec<(String, RuleCounts)> = total.into_iter().collect();
    rules.sort_by_key(|(_, c)| std::cmp::Reverse(c.found - c.value_correct.min(c.found)));
    rules
}

/// Scores the system timexes of one document against its gold.
pub fn score(path: PathBuf, gold: &[Annotation], system: &[Annotation]) -> DocumentScore {
    let pairs = align(gold, system);
    let mut counts = Counts {
        gold: gold.len(),
        system: system.len(),
        ..Counts::default()
    };
    let mut errors = Vec::new();
    let mut gold_paired = vec![false; gold.len()];
    let mut system_paired = vec![false; system.len()];
    let mut rules: BTreeMap<String, RuleCounts> = BTreeMap::new();
    let rule_name = |a: &Annotation| {
        if a.rule.is_empty() {
            "(none)".to_string()
        } else {
            a.rule.clone()
        }
    };
    for s in system {
        rules.entry(rule_name(s)).or_default().found += 1;
    }
    for p in &pairs {
        let (Some(g), Some(s)) = (gold.get(p.gold), system.get(p.system)) else {
            continue;
        };
        if let Some(x) = gold_paired.get_mut(p.gold) {
            *x = true;
        }
        if let Some(x) = system_paired.get_mut(p.system) {
            *x = true;
        }
        counts.relaxed += 1;
        counts.strict += usize::from(p.strict);
        let value_ok = g.value == s.value;
        let type_ok = g.kind == s.kind;
        counts.value_correct += usize::from(value_ok);
        counts.type_correct += usize::from(type_ok);
        let r = rules.entry(rule_name(s)).or_default();
        r.paired += 1;
        r.strict += usize::from(p.strict);
        r.value_correct += usize::from(value_ok);
        let mistake = if !value_ok {
            Some(Mistake::WrongValue)
        } else if !type_ok {
            Some(Mistake::WrongType)
        } else if !p.strict {
            Some(Mistake::PartialSpan)
        } else {
            None
        };
        if let Some(mistake) = mistake {
            errors.push(TimexError {
                mistake,
                gold: Some(g.clone()),
                system: Some(s.clone()),
            });
        }
    }
    for (g, _) in gold.iter().zip(&gold_paired).filter(|(_, p)| !**p) {
        errors.push(TimexError {
            mistake: Mistake::Missed,
            gold: Some(g.clone()),
            system: None,
        });
    }
    for (s, _) in system.iter().zip(&system_paired).filter(|(_, p)| !**p) {
        errors.push(TimexError {
            mistake: Mistake::Spurious,
            gold: None,
            system: Some(s.clone()),
        });
    }
    errors.sort_by_key(|e| {
        let at = e.gold.as_ref().or(e.system.as_ref()).map_or(0, |a| a.start);
        (at, e.mistake)
    });
    DocumentScore {
        path,
        counts,
        errors,
        rules,
    }
}

/// Runs the normalizer on the document's text (gold tags already stripped by the reader),
/// anchored on its DCT, and scores what it finds against the gold.
pub fn evaluate(doc: &TimemlDocument) -> DocumentScore {
    // Empty timexes are ignored on both sides, as the gold reader ignores empty TIMEX3 tags.
    let system: Vec<Annotation> = super::normalize(&doc.text, doc.anchor())
        .iter()
        .filter(|t| t.start < t.end)
        .map(Annotation::from_system)
        .collect();
    let gold: Vec<Annotation> = doc
        .gold
        .iter()
        .map(|g| Annotation::from_gold(g, &doc.text))
        .collect();
    score(doc.path.clone(), &gold, &system)
}

/// Scores a system's TimeML output for a document (as `factline timeml` or any other tagger
/// writes it) against the gold document. The texts must be the same once tags are removed;
/// when they are not the document cannot be aligned and every gold timex counts as missed, as
/// in TempEval-3. The second value says whether the texts matched.
pub fn evaluate_output(gold: &TimemlDocument, system: &TimemlDocument) -> (DocumentScore, bool) {
    let gold_annotations: Vec<Annotation> = gold
        .gold
        .iter()
        .map(|g| Annotation::from_gold(g, &gold.text))
        .collect();
    let aligned = normalize_newlines(&gold.text) == normalize_newlines(&system.text);
    let system_annotations: Vec<Annotation> = if aligned && gold.text == system.text {
        system
            .gold
            .iter()
            .map(|g| Annotation::from_gold(g, &system.text))
            .collect()
    } else if aligned {
        // Same text up to line ends: compare in the gold's offsets.
        let map = OffsetMap::new(&system.text, &gold.text);
        system
            .gold
            .iter()
            .map(|g| Annotation {
                start: map.get(g.start),
                end: map.get(g.end),
                ..Annotation::from_gold(g, &system.text)
            })
            .collect()
    } else {
        Vec::new()
    };
    (
        score(gold.path.clone(), &gold_annotations, &system_annotations),
        aligned,
    )
}

/// CR LF and lone CR read as LF, as the TempEval-3 scorer reads both sides.
fn normalize_newlines(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\r') {
        std::borrow::Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Maps byte offsets of one text to another that differs only in its line ends.
struct OffsetMap {
    /// For each byte offset of the source, the offset in the target (one past the end too).
    to: Vec<usize>,
}

impl OffsetMap {
    fn new(source: &str, target: &str) -> OffsetMap {
        let (s, t) = (source.as_bytes(), target.as_bytes());
        let mut to = Vec::with_capacity(s.len() + 1);
        let (mut i, mut j) = (0, 0);
        while i < s.len() {
            to.push(j);
            let crlf =
                |b: &[u8], k: usize| b.get(k) == Some(&b'\r') && b.get(k + 1) == Some(&b'\n');
            let (si, tj) = (
                if crlf(s, i) { 2 } else { 1 },
                if crlf(t, j) { 2 } else { 1 },
            );
            if si == 2 {
                to.push(j);
            }
            i += si;
            j += tj;
        }
        to.push(j);
        OffsetMap { to }
    }

    fn get(&self, offset: usize) -> usize {
        self.to.get(offset).or(self.to.last()).copied().unwrap_or(0)
    }
}

/// Errors that look alike (same mistake, same wording on both sides, case aside), counted.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorGroup {
    pub mistake: Mistake,
    pub count: usize,
    /// The first occurrence, in document order.
    pub example: TimexError,
    pub path: PathBuf,
}

/// The most frequent kinds of error over `documents`, most frequent first (ties in a stable
/// order), at most `n` of them; only the mistakes in `only` when it is not empty.
pub fn worst_errors(documents: &[DocumentScore], n: usize, only: &[Mistake]) -> Vec<ErrorGroup> {
    type Key = (Mistake, String, String);
    let mut groups: BTreeMap<Key, ErrorGroup> = BTreeMap::new();
    for doc in documents {
        for e in doc
            .errors
            .iter()
            .filter(|e| only.is_empty() || only.contains(&e.mistake))
        {
            let text = |a: &Option<Annotation>| {
                a.as_ref()
                    .map_or(String::new(), |a| squash(&a.text).to_lowercase())
            };
            let key = (e.mistake, text(&e.gold), text(&e.system));
            groups
                .entry(key)
                .and_modify(|g| g.count += 1)
                .or_insert_with(|| ErrorGroup {
                    mistake: e.mistake,
                    count: 1,
                    example: e.clone(),
                    path: doc.path.clone(),
                });
        }
    }
    let mut groups: Vec<ErrorGroup> = groups.into_values().collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.count));
    groups.truncate(n);
    groups
}

/// Collapses runs of whitespace (line breaks inside a timex) into one space.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn a(start: usize, end: usize, kind: &str, value: &str) -> Annotation {
        Annotation {
            start,
            end,
            text: format!("{start}-{end}"),
            kind: kind.into(),
            value: value.into(),
            rule: String::new(),
        }
    }

    fn spans(pairs: &[Pair]) -> Vec<(usize, usize, bool)> {
        pairs.iter().map(|p| (p.gold, p.system, p.strict)).collect()
    }

    #[test]
    fn identical_spans_pair_before_overlapping_ones() {
        // System 0 overlaps gold 0 but is identical to gold 1; gold 0 still gets system 1.
        let gold = [a(0, 10, "DATE", "x"), a(5, 12, "DATE", "y")];
        let system = [a(5, 12, "DATE", "y"), a(2, 6, "DATE", "x")];
        assert_eq!(spans(&align(&gold, &system)), [(0, 1, false), (1, 0, true)]);
    }

    #[test]
    fn gold_overlapping_two_system_timexes_takes_the_leftmost() {
        let gold = [a(0, 20, "DATE", "x")];
        let system = [a(12, 20, "DATE", "x"), a(0, 5, "DATE", "x")];
        assert_eq!(spans(&align(&gold, &system)), [(0, 1, false)]);
    }

    #[test]
    fn matching_is_maximum_not_greedy() {
        // Greedy leftmost would give system 0 to gold 0 and leave gold 1 alone.
        let gold = [a(0, 10, "DATE", "x"), a(10, 20, "DATE", "y")];
        let system = [a(2, 12, "DATE", "x"), a(4, 6, "DATE", "y")];
        assert_eq!(
            spans(&align(&gold, &system)),
            [(0, 1, false), (1, 0, false)]
        );
    }

    #[test]
    fn one_system_timex_pairs_with_one_gold_only() {
        let gold = [a(0, 4, "DATE", "x"), a(5, 9, "DATE", "x")];
        let system = [a(0, 9, "DATE", "x")];
        assert_eq!(spans(&align(&gold, &system)), [(0, 0, false)]);
    }

    #[test]
    fn scores_follow_the_tempeval_definitions() {
        let gold = [
            a(0, 5, "DATE", "2001"),
            a(10, 20, "DURATION", "P3Y"),
            a(30, 35, "DATE", "2001-05"),
            a(40, 45, "SET", "P1W"),
        ];
        let system = [
            a(0, 5, "DATE", "2001"),      // strict, right
            a(12, 20, "DURATION", "P3Y"), // relaxed, right value
            a(30, 35, "DATE", "2001-06"), // strict, wrong value
            a(50, 55, "DATE", "XXXX"),    // spurious
            a(60, 65, "TIME", "T10:00"),  // spurious
        ];
        let s = score(PathBuf::from("d"), &gold, &system);
        assert_eq!(
            s.counts,
            Counts {
                gold: 4,
                system: 5,
                strict: 2,
                relaxed: 3,
                type_correct: 3,
                value_correct: 2
            }
        );
        let sc = s.counts.scores();
        assert!((sc.relaxed.precision - 60.0).abs() < 1e-9);
        assert!((sc.relaxed.recall - 75.0).abs() < 1e-9);
        assert!((sc.relaxed.f1 - 2.0 * 60.0 * 75.0 / 135.0).abs() < 1e-9);
        assert!((sc.strict.f1 - 2.0 * 40.0 * 50.0 / 90.0).abs() < 1e-9);
        assert!((sc.value_accuracy - 200.0 / 3.0).abs() < 1e-9);
        assert!((sc.value_f1 - sc.relaxed.f1 * 2.0 / 3.0).abs() < 1e-9);
        let rules = rules_summary(std::slice::from_ref(&s));
        assert_eq!(
            rules,
            [(
                "(none)".to_string(),
                RuleCounts {
                    found: 5,
                    paired: 3,
                    strict: 2,
                    value_correct: 2
                }
            )]
        );
        let mistakes: Vec<Mistake> = s.errors.iter().map(|e| e.mistake).collect();
        assert_eq!(
            mistakes,
            [
                Mistake::PartialSpan,
                Mistake::WrongValue,
                Mistake::Missed,
                Mistake::Spurious,
                Mistake::Spurious
            ]
        );
    }

    #[test]
    fn empty_sides_score_zero_without_dividing_by_zero() {
        let s = score(PathBuf::from("d"), &[], &[]).counts.scores();
        assert_eq!(s, Scores::default());
    }

    #[test]
    fn worst_errors_groups_alike_mistakes_across_documents() {
        let gold = |t: &str| Annotation {
            start: 0,
            end: t.len(),
            text: t.into(),
            kind: "DATE".into(),
            value: "2001".into(),
            rule: String::new(),
        };
        let d1 = score(PathBuf::from("a"), &[gold("Last  year")], &[]);
        let d2 = score(PathBuf::from("b"), &[gold("last year")], &[]);
        let d3 = score(PathBuf::from("c"), &[gold("today")], &[]);
        let docs = [d1, d2, d3];
        assert!(worst_errors(&docs, 5, &[Mistake::Spurious]).is_empty());
        let worst = worst_errors(&docs, 5, &[Mistake::Missed]);
        assert_eq!(worst.len(), 2);
        assert_eq!(
            (worst[0].count, worst[0].path.as_path()),
            (2, Path::new("a"))
        );
        assert_eq!(worst[1].count, 1);
    }

    #[test]
    fn system_output_is_scored_in_gold_offsets_even_with_other_line_ends() {
        let gold = "<TimeML><TEXT>A\nstorm hit <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2002-08\">in August</TIMEX3>.</TEXT></TimeML>";
        let system = "<TimeML><TEXT>A\r\nstorm hit in <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2002-08\">August</TIMEX3>.</TEXT></TimeML>";
        let changed = "<TimeML><TEXT>A storm hit in <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2002-08\">August</TIMEX3>.</TEXT></TimeML>";
        let read = |s: &str| TimemlDocument::parse(s.into(), Path::new("d.tml")).unwrap();
        let (s, aligned) = evaluate_output(&read(gold), &read(system));
        assert!(aligned);
        assert_eq!(
            (s.counts.relaxed, s.counts.strict, s.counts.value_correct),
            (1, 0, 1)
        );
        let e = &s.errors[0];
        assert_eq!(e.mistake, Mistake::PartialSpan);
        assert_eq!(e.system.as_ref().map(|a| (a.start, a.end)), Some((15, 21)));
        let (s, aligned) = evaluate_output(&read(gold), &read(changed));
        assert!(!aligned);
        assert_eq!(
            (s.counts.gold, s.counts.system, s.counts.relaxed),
            (1, 0, 0)
        );
    }

    #[test]
    fn evaluate_reads_gold_from_a_timeml_document() {
        let raw =
            "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2010-07-04\">x</TIMEX3></DCT>\
<TEXT>Rain fell <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2010-07-03\">yesterday</TIMEX3> and \
<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P2D\">for two days</TIMEX3>.</TEXT></TimeML>";
        let doc = TimemlDocument::parse(raw.into(), Path::new("w.tml")).unwrap();
        let s = evaluate(&doc);
        assert_eq!(s.counts.gold, 2);
        let count = |m: Mistake| s.errors.iter().filter(|e| e.mistake == m).count();
        assert_eq!(s.counts.relaxed + count(Mistake::Missed), 2);
        assert_eq!(s.counts.relaxed + count(Mistake::Spurious), s.counts.system);
        let gold: Vec<String> = doc
            .gold
            .iter()
            .map(|g| Annotation::from_gold(g, &doc.text).text)
            .collect();
        assert_eq!(gold, ["yesterday", "for two days"]);
    }
}
