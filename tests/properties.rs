//! Invariants that must hold for any input (proptest): intervals are ordered and lie within
//! their granularity, a date's meaning does not depend on unrelated text around it, spans are on
//! character boundaries and give back their text, and finding fingerprints do not depend on the
//! order claims arrive in.

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use factline::claims::{quantity, Claim};
use factline::ingest::{self, Post};
use factline::temporal::{normalize, Granularity, Modifier, Timex};
use factline::Config;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn anchor() -> impl Strategy<Value = NaiveDate> {
    (1_900i32..2_100, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN))
}

/// Date expressions of every shape the normalizer knows, with random parts.
fn expression() -> impl Strategy<Value = String> {
    let month = prop::sample::select(&MONTHS[..]);
    let weekday = prop::sample::select(&WEEKDAYS[..]);
    let year = 1_800i32..2_200;
    prop_oneof![
        (1u32..=31, month.clone(), year.clone()).prop_map(|(d, m, y)| format!("on {d} {m} {y}")),
        (month.clone(), 1u32..=31, year.clone()).prop_map(|(m, d, y)| format!("on {m} {d}, {y}")),
        (month.clone(), year.clone()).prop_map(|(m, y)| format!("in {m} {y}")),
        year.clone().prop_map(|y| format!("in {y}")),
        (180u32..210).prop_map(|d| format!("in the {}0s", d)),
        month.clone().prop_map(|m| format!("last {m}")),
        month.clone().prop_map(|m| format!("next {m}")),
        month.clone().prop_map(|m| format!("in {m}")),
        weekday.clone().prop_map(|w| format!("on {w}")),
        weekday.prop_map(|w| format!("last {w}")),
        (
            1u32..40,
            prop::sample::select(&["days", "weeks", "months", "years"][..])
        )
            .prop_map(|(n, u)| format!("{n} {u} ago")),
        (
            prop::sample::select(&["spring", "summer", "autumn", "fall", "winter"][..]),
            year.clone()
        )
            .prop_map(|(s, y)| format!("in the {s} of {y}")),
        (
            prop::sample::select(&["first", "second", "third", "fourth"][..]),
            year.clone()
        )
            .prop_map(|(q, y)| format!("in the {q} quarter of {y}")),
        (prop::sample::select(&["first", "second"][..]), year.clone())
            .prop_map(|(h, y)| format!("in the {h} half of {y}")),
        (
            prop::sample::select(&["early", "mid-", "late"][..]),
            month,
            year.clone()
        )
            .prop_map(|(p, m, y)| if p.ends_with('-') {
                format!("in {p}{m} {y}")
            } else {
                format!("in {p} {m} {y}")
            }),
        (prop::sample::select(&["early", "late"][..]), year.clone())
            .prop_map(|(p, y)| format!("in {p} {y}")),
        year.clone().prop_map(|y| format!("in mid-{y}")),
        prop::sample::select(
            &[
                "yesterday",
                "today",
                "tomorrow",
                "last week",
                "this week",
                "next week",
                "last month",
                "last year",
                "next year",
                "this weekend",
                "last weekend",
                "nearly a year ago",
                "about two years ago",
                "at the end of last year",
                "earlier this month",
            ][..]
        )
        .prop_map(str::to_string),
        (1u32..=12, 1u32..=28, year).prop_map(|(m, d, y)| format!("on {y}-{m:02}-{d:02}")),
    ]
}

/// Words that are not, and do not start, date expressions.
const FILLER: &[&str] = &[
    "residents",
    "council",
    "reported",
    "the",
    "water",
    "supply",
    "was",
    "cut",
    "and",
    "officials",
    "declined",
    "to",
    "comment",
    "a",
    "spokesman",
    "for",
    "group",
    "said",
    "camp",
    "hall",
    "people",
    "gathered",
    "outside",
    "building",
    "café",
    "naïve",
    "Zürich",
    "«quoted»",
    "—",
];

fn filler() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::collection::vec(prop::sample::select(FILLER), 1..12).prop_map(|w| w.join(" ")),
        0..4,
    )
    .prop_map(|sentences| {
        sentences
            .iter()
            .map(|s| format!("{s}. "))
            .collect::<String>()
    })
}

/// Text made of date fragments, numbers, words and arbitrary characters (any script).
fn noisy_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            expression(),
            "\\PC{0,12}",
            "[0-9]{1,6}",
            prop::sample::select(FILLER).prop_map(str::to_string),
            prop::sample::select(
                &[
                    " ",
                    ". ",
                    "\n",
                    "\r\n",
                    "-",
                    "/",
                    ",",
                    "’",
                    "é",
                    "😀",
                    "\u{301}",
                    "at least",
                    "dozens of",
                    "more than",
                    "killed",
                    "about",
                    "two-thirds of"
                ][..]
            )
            .prop_map(str::to_string),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

fn check_spans(text: &str, timexes: &[Timex]) -> Result<(), TestCaseError> {
    for t in timexes {
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        prop_assert_eq!(text.get(t.start..t.end), Some(t.text.as_str()));
    }
    Ok(())
}

/// The whole unit an interval of `granularity` starting at `earliest` falls in.
fn unit(earliest: NaiveDate, granularity: Granularity) -> Option<(NaiveDate, NaiveDate)> {
    let ymd = NaiveDate::from_ymd_opt;
    let y = earliest.year();
    let month_end = |y: i32, m: u32| {
        ymd(y, m, 1)?
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()
    };
    match granularity {
        Granularity::Time | Granularity::Day => Some((earliest, earliest)),
        Granularity::Week => Some((earliest, earliest + chrono::Duration::days(6))),
        Granularity::Month => Some((
            ymd(y, earliest.month(), 1)?,
            month_end(y, earliest.month())?,
        )),
        // A season may straddle the new year (winter): three months from its first day.
        Granularity::Season => Some((
            earliest,
            earliest
                .checked_add_months(chrono::Months::new(3))?
                .pred_opt()?,
        )),
        Granularity::Quarter => {
            let q = (earliest.month() - 1) / 3;
            Some((ymd(y, q * 3 + 1, 1)?, month_end(y, q * 3 + 3)?))
        }
        Granularity::Half => {
            let h = (earliest.month() - 1) / 6;
            Some((ymd(y, h * 6 + 1, 1)?, month_end(y, h * 6 + 6)?))
        }
        Granularity::Year => Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?)),
        Granularity::Decade => {
            let d = y.div_euclid(10) * 10;
            Some((ymd(d, 1, 1)?, ymd(d + 9, 12, 31)?))
        }
        Granularity::Century => {
            // "the 19th century" is 1801-1900 or 1800-1899 depending on who writes it: allow
            // a hundred years from the first day.
            Some((earliest, ymd(y + 99, 12, 31)?))
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn intervals_are_ordered_and_lie_within_their_granularity(
        expr in expression(),
        anchor in anchor(),
    ) {
        let text = format!("The council met {expr}.");
        for t in normalize(&text, Some(anchor)) {
            let (Some(e), Some(l)) = (t.earliest, t.latest) else { continue };
            prop_assert!(e <= l, "{:?} at {}: {} after {}", t.text, anchor, e, l);
            // Approximations and open bounds may widen an interval; plain values and the
            // start, middle or end of a unit stay inside it.
            let narrowing = matches!(
                t.modifier,
                None | Some(Modifier::Start | Modifier::Mid | Modifier::End)
            );
            if let (true, Some(g)) = (narrowing, t.granularity) {
                let (us, ue) = unit(e, g).expect("a unit around a valid date");
                prop_assert!(
                    us <= e && l <= ue,
                    "{:?} at {}: {}..{} is not within one {:?} ({}..{})",
                    t.text, anchor, e, l, g, us, ue
                );
            }
        }
    }

    #[test]
    fn intervals_are_ordered_for_any_text_and_anchor(
        text in noisy_text(),
        days in -200_000i32..3_000_000,
    ) {
        let anchor = NaiveDate::from_num_days_from_ce_opt(days);
        for t in normalize(&text, anchor) {
            if let (Some(e), Some(l)) = (t.earliest, t.latest) {
                prop_assert!(e <= l, "{:?}: {} after {}", t.text, e, l);
            }
        }
    }

    #[test]
    fn meaning_does_not_depend_on_text_beyond_the_sentence(
        expr in expression(),
        before in filler(),
        after in filler(),
        anchor in anchor(),
    ) {
        let sentence = format!("The council met {expr} at the hall.");
        let alone = normalize(&sentence, Some(anchor));
        let text = format!("{before}{sentence} {after}");
        let offset = before.len();
        let surrounded = normalize(&text, Some(anchor));
        let key = |t: &Timex, shift: usize| {
            (t.start + shift, t.end + shift, t.value.clone(), t.earliest, t.latest, t.granularity, t.modifier)
        };
        let expected: Vec<_> = alone.iter().map(|t| key(t, offset)).collect();
        let got: Vec<_> = surrounded.iter().map(|t| key(t, 0)).collect();
        prop_assert_eq!(got, expected, "in {:?}", text);
    }

    #[test]
    fn spans_are_on_char_boundaries_and_give_back_their_text(
        text in noisy_text(),
        anchor in prop::option::of(anchor()),
    ) {
        let timexes = normalize(&text, anchor);
        check_spans(&text, &timexes)?;
        let dates: Vec<(usize, usize)> = timexes.iter().map(|t| (t.start, t.end)).collect();
        for q in quantity::find(&text, &dates).into_iter().chain(quantity::find(&text, &[])) {
            prop_assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
            prop_assert_eq!(text.get(q.start..q.end), Some(q.text.as_str()));
        }
        let post = Post { published: None, title: None, text: text.clone(), first_line: 1 };
        let mut last_end = 0;
        for s in ingest::sentences(&post) {
            prop_assert!(s.start <= s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            prop_assert!(s.start >= last_end, "sentences overlap in {:?}", text);
            last_end = s.end;
        }
    }

    #[test]
    fn fingerprints_do_not_depend_on_claim_order(order in Just(data_claims().to_vec()).prop_shuffle()) {
        let config = config();
        let ids = |claims: Vec<Claim>| {
            let mut ids: Vec<String> = factline::check_claims(1, claims, Vec::new(), config)
                .findings
                .into_iter()
                .map(|f| f.id)
                .collect();
            ids.sort();
            ids
        };
        prop_assert_eq!(ids(order), ids(data_claims().to_vec()));
    }
}

fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| Config::bundled().expect("bundled rules"))
}

/// Every claim the sample corpus makes, in canonical order.
fn data_claims() -> &'static [Claim] {
    static CLAIMS: OnceLock<Vec<Claim>> = OnceLock::new();
    CLAIMS.get_or_init(|| {
        let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let extraction = factline::extract_paths(&[data], config(), &|_| {});
        assert!(
            !extraction.claims.is_empty(),
            "data/ gives claims to shuffle"
        );
        extraction.claims
    })
}

#[test]
fn the_sample_corpus_has_findings_to_fingerprint() {
    let report = factline::check_claims(1, data_claims().to_vec(), Vec::new(), config());
    assert!(!report.findings.is_empty());
}
