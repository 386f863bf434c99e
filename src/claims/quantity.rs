//! Quantities: how many people a sentence counts.
//!
//! Takes a sentence and the byte spans to ignore (its date expressions); gives one [`Quantity`]
//! per count: its span, an interval `[low, high]` (`high = None` when unbounded) with a best
//! value, and the qualifier that shaped the interval. "at least 52" is [52, ∞) best 52, "more
//! than 100" is [101, ∞), "about 1,800" is a ±5 % band, "dozens" is [24, 99], "two-thirds of
//! 3,000" is 2,000, "between 5,000 and 10,000" is that range. Numbers that are not counts of
//! people are left out: years, money ("$50,000", "USD 20,000"), ordinals ("9th"), percentages
//! and measures ("18 hours", "five-minute").

use crate::hash::FastSet;
use std::sync::OnceLock;

use super::text::{glued, tokenize, Token};

/// Half-width of the band given to approximate figures ("about 1,800" is 1,710..=1,890).
pub const APPROX_BAND: f64 = 0.05;

/// One count found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Half-open byte span in the sentence, qualifier included.
    pub start: usize,
    pub end: usize,
    /// The quantity as written: "at least 52".
    pub text: String,
    pub low: f64,
    /// `None` when unbounded above ("at least 52", "more than 100").
    pub high: Option<f64>,
    pub best: f64,
    /// What shaped the interval: "at least", "about", "dozens", "between", "two-thirds of".
    pub qualifier: Option<String>,
}

/// How a prefix qualifier turns a number into an interval.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Approx,
}

/// Prefix qualifiers, longest first so "more than" wins over "more".
const QUALIFIERS: &[(&str, Bound)] = &[
    ("no fewer than", Bound::AtLeast),
    ("no less than", Bound::AtLeast),
    ("in excess of", Bound::MoreThan),
    ("upwards of", Bound::MoreThan),
    ("no more than", Bound::AtMost),
    ("as many as", Bound::Approx),
    ("an estimated", Bound::Approx),
    ("at least", Bound::AtLeast),
    ("more than", Bound::MoreThan),
    ("over", Bound::MoreThan),
    ("at most", Bound::AtMost),
    ("up to", Bound::AtMost),
    ("fewer than", Bound::LessThan),
    ("less than", Bound::LessThan),
    ("under", Bound::LessThan),
    ("about", Bound::Approx),
    ("approximately", Bound::Approx),
    ("around", Bound::Approx),
    ("some", Bound::Approx),
    ("nearly", Bound::Approx),
    ("almost", Bound::Approx),
    ("roughly", Bound::Approx),
    ("close to", Bound::Approx),
    ("estimated", Bound::Approx),
    ("approx", Bound::Approx),
    ("circa", Bound::Approx),
];

/// Vague amounts: (words, low, high, best).
const VAGUE: &[(&str, f64, f64, f64)] = &[
    ("tens of thousands", 20_000.0, 99_999.0, 30_000.0),
    ("hundreds of thousands", 200_000.0, 999_999.0, 300_000.0),
    ("several hundred", 300.0, 999.0, 500.0),
    ("several thousand", 3_000.0, 9_999.0, 5_000.0),
    ("a few hundred", 200.0, 500.0, 300.0),
    ("a few thousand", 2_000.0, 5_000.0, 3_000.0),
    ("a handful", 2.0, 6.0, 4.0),
    ("a couple", 2.0, 3.0, 2.0),
    ("a dozen", 12.0, 12.0, 12.0),
    ("a few", 2.0, 5.0, 3.0),
    ("dozens", 24.0, 99.0, 36.0),
    ("scores", 40.0, 99.0, 60.0),
    ("hundreds", 200.0, 999.0, 300.0),
    ("thousands", 2_000.0, 9_999.0, 3_000.0),
    ("several", 3.0, 9.0, 5.0),
];

/// Fractions that may scale a base figure: "two-thirds of 3,000".
const FRACTIONS: &[(&str, f64)] = &[
    ("two thirds", 2.0 / 3.0),
    ("two-thirds", 2.0 / 3.0),
    ("one third", 1.0 / 3.0),
    ("one-third", 1.0 / 3.0),
    ("a third", 1.0 / 3.0),
    ("three quarters", 0.75),
    ("three-quarters", 0.75),
    ("a quarter", 0.25),
    ("one quarter", 0.25),
    ("half", 0.5),
];

/// Words after a number that make it a measure, not a head count.
const UNITS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "percent",
    "per",
    "km",
    "kilometers",
    "kilometres",
    "miles",
    "mile",
    "meters",
    "metres",
    "feet",
    "times",
    "dollars",
    "dollar",
    "euros",
    "euro",
    "pounds",
    "usd",
    "eur",
    "gbp",
    "o'clock",
    "am",
    "pm",
    "a.m",
    "p.m",
    "kg",
    "tons",
    "tonnes",
    "acres",
    "square",
    "cubic",
    "decades",
    "decade",
    "centuries",
    "century",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "fifth",
    "fifths",
];

/// Words before a number that make it money or a measure.
const CURRENCY: &[&str] = &["$", "€", "£", "¥", "usd", "eur", "gbp", "us$", "rs"];

/// Words that name people, so a bare four-digit number before them is a count, not a year.
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "members",
    "residents",
    "exiles",
    "refugees",
    "fighters",
    "inhabitants",
    "dead",
    "killed",
    "injured",
    "wounded",
    "civilians",
    "soldiers",
    "troops",
];

const UNIT_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];

const TEN_WORDS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

fn lookup(table: &[(&str, f64)], word: &str) -> Option<f64> {
    table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

fn scale_word(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(100.0),
        "thousand" => Some(1_000.0),
        "million" => Some(1_000_000.0),
        _ => None,
    }
}

/// Words a quantity can start with: digits, number words and the first word of every
/// qualifier, vague amount and fraction. Checked first so most tokens cost one lookup.
fn could_start(t: &Token<'_>) -> bool {
    static STARTERS: OnceLock<FastSet<&'static str>> = OnceLock::new();
    let starters = STARTERS.get_or_init(|| {
        let phrases = QUALIFIERS
            .iter()
            .map(|(p, _)| *p)
            .chain(VAGUE.iter().map(|(p, ..)| *p))
            .chain(FRACTIONS.iter().map(|(p, _)| *p));
        phrases
            .filter_map(|p| p.split([' ', '-']).next())
            .chain(UNIT_WORDS.iter().map(|(w, _)| *w))
            .chain(TEN_WORDS.iter().map(|(w, _)| *w))
            .chain(["a", "between"])
            .collect()
    });
    t.is_digits() || starters.contains(t.lower.as_str())
}

/// Finds every count in `text`, skipping numbers that overlap an `exclude` span (dates).
pub fn find(text: &str, exclude: &[(usize, usize)]) -> Vec<Quantity> {
    find_in(text, &tokenize(text), exclude)
}

/// [`find`] over the tokens of `text` already made (`tokenize(text)`).
pub fn find_in(text: &str, tokens: &[Token<'_>], exclude: &[(usize, usize)]) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens.get(i).is_some_and(could_start) {
            i += 1;
            continue;
        }
        match quantity_at(text, tokens, i, exclude) {
            Some((q, next)) => {
                out.push(q);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// Does the phrase (space-separated lowercase words, hyphens kept as their own tokens) start
/// at token `i`? Returns the index after it.
fn phrase_at(tokens: &[Token<'_>], i: usize, phrase: &str) -> Option<usize> {
    // Most phrases fail on their first word: test it before splitting the phrase.
    let first = tokens.get(i)?.lower.as_str();
    if !phrase.starts_with(first)
        || !matches!(phrase.as_bytes().get(first.len()), None | Some(b' ' | b'-'))
    {
        return None;
    }
    let mut j = i;
    for part in phrase.split(' ') {
        for (k, piece) in part.split('-').enumerate() {
            if k > 0 {
                if tokens.get(j)?.text != "-" {
                    return None;
                }
                j += 1;
            }
            if tokens.get(j)?.lower != piece {
                return None;
            }
            j += 1;
        }
    }
    Some(j)
}

fn overlaps(start: usize, end: usize, exclude: &[(usize, usize)]) -> bool {
    exclude.iter().any(|&(s, e)| start < e && s < end)
}

fn quantity_at(
    text: &str,
    tokens: &[Token<'_>],
    i: usize,
    exclude: &[(usize, usize)],
) -> Option<(Quantity, usize)> {
    let start = tokens.get(i)?.start;
    // "between 5,000 and 10,000"
    if tokens.get(i)?.lower == "between" {
        if let Some((a, j)) = number_at(tokens, i + 1, exclude) {
            if tokens.get(j).is_some_and(|t| t.lower == "and") {
                if let Some((b, k)) = number_at(tokens, j + 1, exclude) {
                    if is_count_context(tokens, k) && b >= a {
                        let end = tokens.get(k - 1)?.end;
                        return Some((
                            make(text, start, end, a, Some(b), (a + b) / 2.0, Some("between")),
                            k,
                        ));
                    }
                }
            }
        }
        return None;
    }
    // Fractions of a base figure: "two-thirds of 3,000".
    for (phrase, frac) in FRACTIONS {
        if let Some(j) = phrase_at(tokens, i, phrase) {
            let mut k = j;
            if tokens.get(k).is_some_and(|t| t.lower == "of") {
                k += 1;
                while tokens
                    .get(k)
                    .is_some_and(|t| matches!(t.lower.as_str(), "the" | "its" | "their" | "some"))
                {
                    k += 1;
                }
                if let Some((base, m)) = number_at(tokens, k, exclude) {
                    if is_count_context(tokens, m) {
                        let v = (base * frac).round();
                        let end = tokens.get(m - 1)?.end;
                        let q = make(
                            text,
                            start,
                            end,
                            v,
                            Some(v),
                            v,
                            Some(&format!("{phrase} of")),
                        );
                        return Some((q, m));
                    }
                }
            }
            // A fraction without a base in the sentence is not a count.
            return None;
        }
    }
    // Prefix qualifiers.
    for (phrase, bound) in QUALIFIERS {
        if let Some(j) = phrase_at(tokens, i, phrase) {
            if let Some((n, k)) = number_at(tokens, j, exclude) {
                if !is_count_context(tokens, k) || money_before(tokens, j) {
                    return None;
                }
                let end = tokens.get(k - 1)?.end;
                let (low, high) = bounded(n, *bound);
                return Some((make(text, start, end, low, high, n, Some(phrase)), k));
            }
            if let Some((low, high, best, k, vague)) = vague_at(tokens, j) {
                // "about a dozen", "some dozens": the vague range already says it.
                let end = tokens.get(k - 1)?.end;
                let q = make(text, start, end, low, Some(high), best, Some(vague));
                return Some((q, k));
            }
        }
    }
    // Vague amounts.
    if let Some((low, high, best, k, vague)) = vague_at(tokens, i) {
        if overlaps(start, tokens.get(k - 1)?.end, exclude) || !is_count_context(tokens, k) {
            return None;
        }
        let end = tokens.get(k - 1)?.end;
        return Some((
            make(text, start, end, low, Some(high), best, Some(vague)),
            k,
        ));
    }
    // Plain numbers, ranges and "N or so".
    let (n, j) = number_at(tokens, i, exclude)?;
    if money_before(tokens, i) || !is_count_context(tokens, j) {
        return None;
    }
    // "5,000 to 10,000", "5,000-10,000"
    if tokens
        .get(j)
        .is_some_and(|t| t.lower == "to" || t.text == "-" || t.text == "–")
    {
        if let Some((b, k)) = number_at(tokens, j + 1, exclude) {
            if b > n && is_count_context(tokens, k) {
                let end = tokens.get(k - 1)?.end;
                return Some((
                    make(text, start, end, n, Some(b), (n + b) / 2.0, Some("to")),
                    k,
                ));
            }
        }
    }
    if phrase_at(tokens, j, "or so").is_some() || phrase_at(tokens, j, "or more").is_some() {
        let k = j + 2;
        let end = tokens.get(k - 1)?.end;
        let more = tokens.get(j + 1).is_some_and(|t| t.lower == "more");
        let (low, high, qual) = if more {
            (n, None, "or more")
        } else {
            let (l, h) = bounded(n, Bound::Approx);
            (l, h, "or so")
        };
        return Some((make(text, start, end, low, high, n, Some(qual)), k));
    }
    let end = tokens.get(j - 1)?.end;
    Some((make(text, start, end, n, Some(n), n, None), j))
}

fn make(
    text: &str,
    start: usize,
    end: usize,
    low: f64,
    high: Option<f64>,
    best: f64,
    qualifier: Option<&str>,
) -> Quantity {
    // "more than 100" is [101, ∞): its best guess is 101, not the 100 written, so that best
    // always lies inside the interval whatever the qualifier.
    let best = best.max(low).min(high.unwrap_or(f64::INFINITY));
    Quantity {
        start,
        end,
        text: text.get(start..end).unwrap_or_default().to_string(),
        low,
        high,
        best,
        qualifier: qualifier.map(str::to_string),
    }
}

fn bounded(n: f64, bound: Bound) -> (f64, Option<f64>) {
    match bound {
        Bound::AtLeast => (n, None),
        Bound::MoreThan => (n + 1.0, None),
        Bound::AtMost => (0.0, Some(n)),
        Bound::LessThan => (0.0, Some((n - 1.0).max(0.0))),
        Bound::Approx => (
            (n * (1.0 - APPROX_BAND)).floor(),
            Some((n * (1.0 + APPROX_BAND)).ceil()),
        ),
    }
}

fn vague_at(tokens: &[Token<'_>], i: usize) -> Option<(f64, f64, f64, usize, &'static str)> {
    VAGUE.iter().find_map(|(phrase, low, high, best)| {
        phrase_at(tokens, i, phrase).map(|k| (*low, *high, *best, k, *phrase))
    })
}

fn money_before(tokens: &[Token<'_>], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| CURRENCY.contains(&t.lower.as_str()))
}

/// After the number (token `k` onward): not a unit, not glued to letters, not a percentage.
fn is_count_context(tokens: &[Token<'_>], k: usize) -> bool {
    let Some(next) = tokens.get(k) else {
        return true;
    };
    let prev = k.checked_sub(1).and_then(|p| tokens.get(p));
    if let Some(prev) = prev {
        // "9th", "5pm", "2-cubic", "24/7", "300%"
        if glued(prev, next) && (next.is_word() || matches!(next.text, "%" | "/" | "-")) {
            return false;
        }
    }
    let word = if next.text == "-" {
        tokens.get(k + 1).map(|t| t.lower.as_str())
    } else {
        Some(next.lower.as_str())
    };
    if let Some(word) = word {
        if UNITS.contains(&word) || word == "percent" || word == "%" {
            return false;
        }
        if matches!(word, "million" | "billion") {
            // "millions of dollars" and "2 million dollars" are money; "2 million people" is not.
            let after = tokens.get(k + 1).map(|t| t.lower.as_str());
            return !matches!(after, Some("dollars" | "euros" | "pounds" | "usd"));
        }
    }
    !matches!(next.text, "%")
}

/// A number written in digits or words at token `i`; returns its value and the index after it.
/// Spans overlapping `exclude`, ordinals and bare years are not numbers here.
fn number_at(tokens: &[Token<'_>], i: usize, exclude: &[(usize, usize)]) -> Option<(f64, usize)> {
    let t = tokens.get(i)?;
    if overlaps(t.start, t.end, exclude) {
        return None;
    }
    let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
    if t.is_digits() {
        if prev.is_some_and(|p| glued(p, t) && (p.is_word() || p.is_digits())) {
            return None;
        }
        let clean: String = t.text.chars().filter(|c| *c != ',').collect();
        // "1,800" groups by three; "1,80" is not a number we trust.
        if t.text.contains(',') && t.text.split(',').skip(1).any(|g| g.len() != 3) {
            return None;
        }
        let mut value: f64 = clean.parse().ok()?;
        let mut j = i + 1;
        if let Some(scale) = tokens.get(j).and_then(|n| {
            scale_word(&n.lower).or(if n.lower == "billion" {
                Some(1e9)
            } else {
                None
            })
        }) {
            value *= scale;
            j += 1;
        } else if t.text.len() == 4
            && !t.text.contains(['.', ','])
            && (1000.0..=2100.0).contains(&value)
        {
            // A bare four-digit number is a year unless people follow it ("1200 members").
            let next = tokens.get(j).map(|n| n.lower.as_str()).unwrap_or("");
            if !PEOPLE.contains(&next) {
                return None;
            }
        }
        // A run of hundreds of digits overflows to infinity: not a count of anything.
        return value.is_finite().then_some((value, j));
    }
    words_number_at(tokens, i)
}

/// "seven", "thirty-five", "two thousand", "one hundred and twenty", "a hundred".
fn words_number_at(tokens: &[Token<'_>], i: usize) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut j = i;
    let mut seen = false;
    let mut last_small = false; // the last word was a unit or ten (no scale after it yet)
    let mut last_ten = false;
    let mut end = i;
    if tokens.get(j).is_some_and(|t| t.lower == "a")
        && tokens
            .get(j + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "hundred" | "thousand" | "million"))
    {
        current = 1.0;
        j += 1;
        seen = true;
        last_small = true;
    }
    while let Some(t) = tokens.get(j) {
        let w = t.lower.as_str();
        if let Some(v) = lookup(UNIT_WORDS, w) {
            if last_small && !(last_ten && v < 10.0 && v > 0.0) {
                break;
            }
            current += v;
            last_ten = false;
            last_small = true;
        } else if let Some(v) = lookup(TEN_WORDS, w) {
            if last_small {
                break;
            }
            current += v;
            last_ten = true;
            last_small = true;
        } else if let Some(scale) = scale_word(w) {
            if !seen {
                break;
            }
            if scale == 100.0 {
                current = current.max(1.0) * 100.0;
            } else {
                total += current.max(1.0) * scale;
                current = 0.0;
            }
            last_small = false;
            last_ten = false;
        } else if (w == "-" || w == "and") && seen {
            // "thirty-five", "one hundred and twenty": only if a number word follows.
            let follows = tokens.get(j + 1).is_some_and(|n| {
                lookup(UNIT_WORDS, &n.lower).is_some() || lookup(TEN_WORDS, &n.lower).is_some()
            });
            let joins = if w == "-" { last_ten } else { !last_small };
            if !(follows && joins) {
                break;
            }
            j += 1;
            continue;
        } else {
            break;
        }
        seen = true;
        j += 1;
        end = j;
    }
    if !seen || end == i {
        return None;
    }
    // "one" alone is usually not a count ("one of the camps").
    let value = total + current;
    if value == 1.0 && end == i + 1 {
        let next = tokens.get(end).map(|t| t.lower.as_str()).unwrap_or("");
        if !matches!(
            next,
            "person" | "man" | "woman" | "child" | "resident" | "member"
        ) {
            return None;
        }
    }
    Some((value, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Quantity {
        let found = find(text, &[]);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    fn interval(text: &str) -> (f64, Option<f64>, f64) {
        let q = one(text);
        (q.low, q.high, q.best)
    }

    #[test]
    fn plain_digits_and_thousands_separators() {
        assert_eq!(interval("52 people died"), (52.0, Some(52.0), 52.0));
        assert_eq!(
            interval("they counted 1,800 tents"),
            (1800.0, Some(1800.0), 1800.0)
        );
    }

    #[test]
    fn number_words_up_to_a_million() {
        assert_eq!(one("seven men").best, 7.0);
        assert_eq!(one("thirty-five villagers").best, 35.0);
        assert_eq!(one("two thousand voters").best, 2000.0);
        assert_eq!(one("one hundred and twenty guests").best, 120.0);
        assert_eq!(one("a hundred soldiers").best, 100.0);
        assert_eq!(one("nine hundred thousand viewers").best, 900_000.0);
        assert_eq!(one("one million visitors").best, 1_000_000.0);
    }

    #[test]
    fn two_adjacent_small_numbers_stay_apart() {
        let found = find("seven six", &[]);
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn at_least_is_unbounded_above() {
        let q = one("at least 52 people");
        assert_eq!((q.low, q.high, q.best), (52.0, None, 52.0));
        assert_eq!(q.qualifier.as_deref(), Some("at least"));
        assert_eq!(q.text, "at least 52");
    }

    #[test]
    fn more_than_starts_above_the_number() {
        assert_eq!(interval("more than 100 guests"), (101.0, None, 101.0));
        assert_eq!(interval("over 400 hurt"), (401.0, None, 401.0));
    }

    #[test]
    fn approximate_figures_get_a_five_percent_band() {
        for q in ["about", "approximately", "some", "nearly", "around"] {
            let text = format!("{q} 1,800 sheep");
            assert_eq!(interval(&text), (1710.0, Some(1890.0), 1800.0), "{text}");
        }
        assert_eq!(
            one("3,800 or so farmers").qualifier.as_deref(),
            Some("or so")
        );
    }

    #[test]
    fn vague_amounts_have_their_ranges() {
        assert_eq!(interval("dozens hurt").0, 24.0);
        assert_eq!(interval("dozens hurt").1, Some(99.0));
        assert_eq!(interval("scores of sailors").0, 40.0);
        assert_eq!(
            interval("hundreds of pilgrims"),
            (200.0, Some(999.0), 300.0)
        );
        assert_eq!(
            one("several fishermen").qualifier.as_deref(),
            Some("several")
        );
        assert_eq!(
            one("a handful of guards").qualifier.as_deref(),
            Some("a handful")
        );
    }

    #[test]
    fn fraction_of_a_base_in_the_sentence_is_resolved() {
        let q = one("two-thirds of 3,000 tenants");
        assert_eq!(q.best, 2000.0);
        assert_eq!(q.qualifier.as_deref(), Some("two-thirds of"));
        assert_eq!(one("half of the 60 pupils").best, 30.0);
    }

    #[test]
    fn fraction_without_a_base_is_not_a_count() {
        assert!(find("two thirds of the tenants left", &[]).is_empty());
    }

    #[test]
    fn between_gives_a_range() {
        assert_eq!(
            interval("between 5,000 and 10,000 supporters"),
            (5000.0, Some(10000.0), 7500.0)
        );
        assert_eq!(interval("5,000 to 10,000 supporters").1, Some(10000.0));
    }

    #[test]
    fn short_counts_next_to_their_verbs() {
        assert_eq!(one("7 dead").best, 7.0);
        assert_eq!(one("six killed").best, 6.0);
    }

    #[test]
    fn years_are_not_counts() {
        assert!(find("in 1997 the rule changed", &[]).is_empty());
        assert_eq!(one("the remaining 1200 members").best, 1200.0);
    }

    #[test]
    fn excluded_spans_are_skipped() {
        let text = "on 9 March 12 guards";
        let found = find(text, &[(3, 10)]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].best, 12.0);
    }

    #[test]
    fn money_is_not_a_count() {
        assert!(find("he was paid $50,000 for it", &[]).is_empty());
        assert!(find("a fee of USD 20,000", &[]).is_empty());
        assert!(find("at least $180,000", &[]).is_empty());
        assert!(find("40 dollars", &[]).is_empty());
    }

    #[test]
    fn ordinals_percentages_and_measures_are_not_counts() {
        assert!(find("the 9th convoy", &[]).is_empty());
        assert!(find("up 300% this year", &[]).is_empty());
        assert!(find("a five-minute talk", &[]).is_empty());
        assert!(find("worked 18 hours", &[]).is_empty());
        assert!(find("a 14-square-mile base", &[]).is_empty());
        assert!(find("February9,2013", &[]).is_empty());
    }

    #[test]
    fn lone_one_is_not_a_count_but_one_person_is() {
        assert!(find("one of the camps", &[]).is_empty());
        assert_eq!(one("one person drowned").best, 1.0);
    }

    #[test]
    fn spans_cover_the_qualifier() {
        let text = "reports said about 1,800 left";
        let q = one(text);
        assert_eq!(&text[q.start..q.end], "about 1,800");
    }

    #[test]
    fn best_of_a_strict_bound_lies_inside_its_interval() {
        assert_eq!(interval("more than 100 people"), (101.0, None, 101.0));
        assert_eq!(interval("over 400 people"), (401.0, None, 401.0));
        assert_eq!(interval("fewer than 10 people"), (0.0, Some(9.0), 9.0));
        assert_eq!(interval("at least 52 people"), (52.0, None, 52.0));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Whatever the qualifier and the figure, the best guess lies inside the interval.
            #[test]
            fn best_lies_inside_the_interval(
                qualifier in prop::sample::select(
                    QUALIFIERS.iter().map(|(p, _)| *p).chain(["", "between 3 and"]).collect::<Vec<_>>()
                ),
                n in 0u32..100_000,
                tail in prop::sample::select(vec!["people", "or so people", "or more people", "to 200,000 people"]),
            ) {
                let text = format!("{qualifier} {n} {tail} were killed");
                for q in find(&text, &[]) {
                    prop_assert!(q.low <= q.best, "{:?}", q);
                    prop_assert!(q.high.map_or(true, |h| q.best <= h), "{:?}", q);
                }
            }
        }
    }
}
