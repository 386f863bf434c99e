//! Regression tests for what the fuzzer (scripts/fuzz.sh) found. Each is named after what it
//! covers, with the target and the file that was fixed in its doc comment.
//!
//! Inputs that were only slow are kept in tests/fixtures/fuzz/ instead: they seed every fuzz
//! run, so the CI smoke run (`scripts/fuzz.sh smoke`) fails when one takes over 100 ms again.
//! `pipeline-long-first-word.txt`: a sentence opening with a 300-character word, which
//! src/claims/mention.rs `nearest_date` lowercased once for every date and mention pair to see
//! whether the date opened the sentence (110-140 ms; 8 ms once the cheap checks come first).

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

/// The bundled events file with one more trigger for the `attack` kind.
fn events_with_trigger(trigger: &str) -> String {
    let events = include_str!("../rules/events.toml");
    let anchor = "[[kind]]\nid = \"attack\"\n";
    let at = events
        .find(anchor)
        .expect("events.toml declares the attack kind")
        + anchor.len();
    let (head, tail) = events.split_at(at);
    let tail = tail.replacen(
        "triggers = [\n",
        &format!("triggers = [\n  {trigger:?},\n"),
        1,
    );
    format!("{head}{tail}")
}

/// tests/hostile.rs (pathological rules): a trigger of many `*` gaps was matched by a
/// backtracking search that took exponential time (25 gaps on a sentence of 60 matching words
/// ran for hours). src/claims/catalog.rs now rejects phrases of more than 3 gaps, naming the file
/// and line.
#[test]
fn trigger_phrase_with_many_gaps_is_rejected_with_its_line() {
    let phrase = ["a"; 25].join(" * ") + " * zzz";
    let text = events_with_trigger(&phrase);
    let err = factline::claims::EventCatalog::parse(&text, std::path::Path::new("events.toml"))
        .expect_err("a phrase of 25 gaps is rejected");
    let message = err.to_string();
    assert!(message.starts_with("events.toml:"), "{message}");
    assert!(message.contains("gaps"), "{message}");
}

/// Matching recurses once per word of a phrase, so a trigger of thousands of words could
/// overflow a worker thread's stack on a sentence that repeats them (src/claims/catalog.rs).
#[test]
fn trigger_phrase_of_thousands_of_words_is_rejected() {
    let phrase = ["attack"; 5_000].join(" ");
    let text = events_with_trigger(&phrase);
    let err = factline::claims::EventCatalog::parse(&text, std::path::Path::new("events.toml"))
        .expect_err("a phrase of 5,000 words is rejected");
    assert!(err.to_string().contains("words"), "{err}");
}

/// tests/hostile.rs (a "date" of 10,000 digits): "at least 111...1 people" parsed to an infinite
/// count, shown as "∞+" and written as `null` in JSON (src/claims/quantity.rs).
#[test]
fn a_number_of_ten_thousand_digits_is_not_a_count() {
    let digits = "1".repeat(10_000);
    let text = format!("At least {digits} people were killed in the attack.");
    for q in factline::claims::quantity::find(&text, &[]) {
        assert!(q.low.is_finite() && q.best.is_finite(), "{:?}", q.text);
        assert!(!q.text.contains(&digits), "{:?} is a count", &q.text[..20]);
    }
}

/// fuzz target `timeml`: an entity followed, within 12 bytes of its `&`, by a character whose
/// bytes straddle the 12th made the entity reader slice inside that character and reject a valid
/// document (src/temporal/timeml.rs); `annotate` then wrote documents factline could not read.
#[test]
fn timeml_entity_followed_by_a_multibyte_character_is_read() {
    use factline::temporal::timeml::TimemlDocument;
    for follow in ["gain é", "gain \u{fffd}", "ga 😀", "&lt;"] {
        let raw = format!("<TimeML><TEXT>&amp;{follow} on 2 May 2013</TEXT></TimeML>");
        let doc = TimemlDocument::parse(raw.clone(), std::path::Path::new("x.tml"))
            .unwrap_or_else(|e| panic!("{raw}: {e}"));
        assert!(
            doc.text
                .starts_with(&format!("&{}", follow.replace("&lt;", "<"))),
            "{}",
            doc.text
        );
        let (annotated, _) = doc.annotate(&factline::temporal::normalize(&doc.text, None));
        TimemlDocument::parse(annotated, std::path::Path::new("out.tml")).expect("reads back");
    }
}

/// fuzz target `pipeline`: one run-on sentence of many clauses made claims extraction cubic in
/// its length (32 KB took 8 s, 64 KB 73 s): every distance between a trigger or cue and a date
/// or figure scanned the whole sentence (src/claims/mention.rs `clause_distance`,
/// src/claims/counts.rs `distance`), for every pair. This sentence must now extract at once,
/// and still bind the figures that stand next to their cues.
#[test]
fn a_run_on_sentence_of_64_kb_extracts_its_counts() {
    use factline::ingest::{DateOrigin, Document, Post, Published};
    const CLAUSES: &[&str] = &[
        "at least 52 people were killed in Camp Ashraf",
        "and 7 dead near Camp Liberty",
        "while about 100 exiles living at the camp",
        "on 1 September 2013",
        "dozens injured (three of them guards)",
        "the group said",
        "3,000 residents moved to Baghdad",
        "in Riverton",
        "the killing of six",
        "and the MEK was delisted in September 2012",
    ];
    let mut text = String::new();
    for clause in CLAUSES.iter().cycle() {
        if text.len() >= 64 * 1024 {
            break;
        }
        text.push_str(clause);
        text.push_str(", ");
    }
    text.push_str("officials said.");
    let published = Some(Published {
        date: NaiveDate::from_ymd_opt(2013, 9, 5).expect("valid date"),
        origin: DateOrigin::Header,
    });
    let doc = Document {
        id: "run-on.txt".into(),
        path: "run-on.txt".into(),
        source: "Run-on Gazette".into(),
        url: None,
        title: None,
        published,
        posts: vec![Post {
            published,
            title: None,
            text,
            first_line: 1,
        }],
    };
    let config = factline::Config::bundled().expect("bundled rules load");
    let claims = factline::extract_document(&doc, &config);
    let killed: Vec<f64> = claims
        .iter()
        .filter(|c| c.attribute == factline::claims::Attribute::Killed)
        .filter_map(|c| match c.value {
            factline::claims::Value::Count { low, .. } => Some(low),
            factline::claims::Value::Date { .. } => None,
        })
        .collect();
    assert!(killed.contains(&52.0), "{killed:?}");
    assert!(killed.contains(&7.0), "{killed:?}");
    // fuzz target `pipeline` again: each of the sentence's hundreds of claims quoted all 64 KB
    // of it (output and memory grew with claims × sentence length), and every count found the
    // sentence's places and subjects anew (src/claims/sentence.rs `excerpt`,
    // src/claims/mention.rs `Scene`). A quote is now a window around its figure.
    for c in &claims {
        let limit = factline::claims::MAX_QUOTE + "… ".len() + " …".len();
        assert!(
            c.quote.len() <= limit,
            "{} bytes: {}",
            c.quote.len(),
            c.quote
        );
        assert!(
            c.quote.contains(&c.text),
            "{:?} not in {:?}",
            c.text,
            c.quote
        );
        assert!(
            c.quote.starts_with("… ") || c.quote.ends_with(" …"),
            "{}",
            c.quote
        );
    }
}

/// fuzz target `pipeline`: a cut start next to a no-break space (two bytes) sliced inside it
/// (src/claims/sentence.rs `excerpt`).
#[test]
fn excerpt_cuts_long_sentences_at_whole_words_of_any_script() {
    let short = "Six people were killed.";
    assert_eq!(factline::claims::sentence::excerpt(short, 4..10), short);
    for space in [" ", "\u{a0}", "\u{3000}"] {
        let word = format!("déjà{space}vu{space}");
        let mut s = word.repeat(80);
        let at = s.len();
        s.push_str("seven killed");
        s.push_str(&format!("{space}{}", word.repeat(80)));
        let q = factline::claims::sentence::excerpt(&s, at..at + "seven".len());
        assert!(
            q.len() <= factline::claims::MAX_QUOTE + "… ".len() + " …".len(),
            "{}",
            q.len()
        );
        assert!(q.starts_with("… ") && q.ends_with(" …"), "{q}");
        assert!(q.contains("seven killed"), "{q}");
        let inner = q.trim_start_matches("… ").trim_end_matches(" …");
        assert!(s.contains(inner), "not verbatim: {inner}");
    }
    // Spans past the end or inside a character do not panic.
    let s = "é".repeat(400);
    let _ = factline::claims::sentence::excerpt(&s, 1..3);
    let _ = factline::claims::sentence::excerpt(&s, 5000..6000);
}

/// fuzz target `pipeline`: a 6 KB number in a quote took a second to lay out in an 80-column
/// table (comfy-table wraps a long word character by character; src/output/table.rs `cell_text`).
#[test]
fn cells_cut_words_too_long_to_wrap() {
    let long = "7".repeat(5_000);
    let cell = factline::output::table::cell_text(&format!("about {long} dead"));
    assert!(cell.starts_with("about 777"), "{cell}");
    assert!(cell.ends_with("7… dead"), "{cell}");
    assert_eq!(
        cell.chars().count(),
        "about ".len() + factline::output::table::MAX_CELL_WORD + " dead".len()
    );
    assert_eq!(
        factline::output::table::cell_text("short words\nstay whole"),
        "short words stay whole"
    );
}

/// fuzz target `pipeline`: a 16 KB page of 640 dated claims drew a timeline table of 4 MB at 80
/// columns (140 ms of CPU in the release build), each quote of up to 600 characters wrapped into
/// a column a few characters wide (src/output/timeline.rs `render_table`). A table quote now
/// stops at the last whole word within 200 characters.
#[test]
fn table_quotes_stop_at_two_hundred_characters() {
    use factline::output::table::{cell_quote, MAX_TABLE_QUOTE};
    let quote = "the attack on the camp left many dead and wounded ".repeat(12);
    let cell = cell_quote(&quote);
    assert!(cell.ends_with('…'), "{cell}");
    assert!(cell.chars().count() <= MAX_TABLE_QUOTE + 1, "{cell}");
    assert!(quote.starts_with(cell.trim_end_matches('…')), "{cell}");
    assert!(!cell.trim_end_matches('…').ends_with(' '), "{cell}");
    let short = "52 people were killed.";
    assert_eq!(cell_quote(short), short);
    // One long word is cut by cell_text first; a quote of many cut words still stops.
    let words = "é".repeat(50) + " ";
    let cell = cell_quote(&words.repeat(20));
    assert!(cell.chars().count() <= MAX_TABLE_QUOTE + 1, "{cell}");
}
