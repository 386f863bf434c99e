//! Regression tests for what the fuzzer (scripts/fuzz.sh) found. Each is named after what it
//! covers, with the target and the file that was fixed in its doc comment.

use chrono::NaiveDate;
use factline::temporal::normalize;

/// Every anchor chrono can hold, from its first day to its last, plus the days next to them.
fn extreme_anchors() -> Vec<NaiveDate> {
    let mut anchors = vec![NaiveDate::MIN, NaiveDate::MAX];
    anchors.extend(NaiveDate::MIN.succ_opt());
    anchors.extend(NaiveDate::MAX.pred_opt());
    anchors
}

/// Expressions whose resolution steps a few days or a year away from the anchor.
const RELATIVE: &[&str] = &[
    "It happened this week.",
    "They met last week and will meet next week.",
    "The camp was quiet over the weekend and will be this weekend.",
    "The vote will take place on September 1.",
    "The talks resume on 2 January.",
    "It opened on December 31 and closes on January 1.",
    "The report came out on Monday; the next one is due Friday.",
    "It ended last year, two years after it began, and resumes next year.",
    "The deal was signed yesterday and takes effect tomorrow.",
    "In three weeks, the inquiry reports; ten days ago it heard witnesses.",
];

/// fuzz target `temporal`: a week or weekend resolved next to chrono's last day overflowed
/// `monday + 6 days` (src/temporal/point.rs), and a day-month resolved in a future-tense
/// sentence next to its first day overflowed `anchor - 1 day` (src/temporal/grammar.rs).
#[test]
fn relative_dates_at_the_ends_of_the_calendar_do_not_overflow() {
    for anchor in extreme_anchors() {
        for text in RELATIVE {
            for t in normalize(text, Some(anchor)) {
                if let (Some(e), Some(l)) = (t.earliest, t.latest) {
                    assert!(e <= l, "{text:?} at {anchor}: {e} after {l}");
                }
            }
        }
    }
}
