//! The fuzz targets: what each feeds its input to, the invariants it checks, and its seeds.
//!
//! Takes raw bytes; gives nothing but a panic when factline panics or breaks an invariant it
//! promises (spans on character boundaries that give back the text, `earliest <= latest`,
//! `low <= best <= high`).

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use factline::claims::EventCatalog;
use factline::engine::RuleSet;
use factline::temporal::{self, timeml::TimemlDocument};
use factline::{ingest, Config};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// `ingest::read_from` on in-memory bytes (text with header, datelines, posts; HTML; JSONL),
    /// then `ingest::sentences` on every post.
    Ingest,
    /// `temporal::normalize` on any text with any anchor (or none).
    Temporal,
    /// `claims::quantity::find` on any sentence.
    Quantity,
    /// The rules loader: `EventCatalog::parse`, `RuleSet::parse`, `engine::examples::parse`
    /// on any TOML; a catalog that loads is then used to extract claims from a sample page.
    Rules,
    /// `TimemlDocument::parse`, its anchor, and `annotate` with the normalizer's output.
    Timeml,
    /// The whole map-reduce: ingest, claims, rules, and one output format, picked by the last
    /// input byte, as one `factline check` or `timeline` run renders one.
    Pipeline,
}

static CONFIG: OnceLock<Config> = OnceLock::new();
static SAMPLE: OnceLock<ingest::Document> = OnceLock::new();

fn config() -> &'static Config {
    CONFIG.get_or_init(|| {
        Config::bundled().unwrap_or_else(|e| {
            // Keep fuzzing while a rules file on this branch is broken: events and core rules.
            eprintln!(
                "warning: the bundled rules do not load ({e}); using events.toml and core.toml"
            );
            let events = EventCatalog::parse(EVENTS, Path::new("rules/events.toml"))
                .expect("rules/events.toml loads");
            let files = [(PathBuf::from("rules/core.toml"), CORE.to_string())];
            let rules = RuleSet::parse(&files, &events).expect("rules/core.toml loads");
            Config { events, rules }
        })
    })
}

impl Target {
    pub const ALL: [Target; 6] = [
        Target::Ingest,
        Target::Temporal,
        Target::Quantity,
        Target::Rules,
        Target::Timeml,
        Target::Pipeline,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Target::Ingest => "ingest",
            Target::Temporal => "temporal",
            Target::Quantity => "quantity",
            Target::Rules => "rules",
            Target::Timeml => "timeml",
            Target::Pipeline => "pipeline",
        }
    }

    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }

    pub fn max_len(self) -> usize {
        match self {
            Target::Temporal | Target::Quantity => 4_096,
            Target::Rules => 8_192,
            Target::Ingest | Target::Timeml | Target::Pipeline => 16_384,
        }
    }

    /// Loads what runs need once, so the first run is not slower than the others.
    pub fn prepare(self, root: &Path) {
        let _ = config();
        if self == Target::Rules {
            let page = std::fs::read(root.join("data/mek/harbor-ledger-2013-09-20.txt"))
                .unwrap_or_else(|_| SAMPLE_PAGE.as_bytes().to_vec());
            let mut doc = None;
            ingest::read_from(
                Path::new("sample.txt"),
                &mut Cursor::new(&page[..]),
                &mut |d| doc = Some(d),
                &mut Vec::new(),
            );
            if let Some(doc) = doc {
                let _ = SAMPLE.set(doc);
            }
        }
        // Warm up lazily built automata and regexes.
        self.run(b"");
        self.run(b"\x03On 1 September 2013, at least 52 people were killed.");
    }

    /// Structural tokens the seeds may lack.
    pub fn tokens(self) -> &'static [&'static str] {
        match self {
            Target::Ingest | Target::Pipeline => &[
                "---\n",
                "source: ",
                "url: ",
                "published: ",
                "title: ",
                "\n\n",
                "<html>",
                "<p>",
                "</p>",
                "<article>",
                "<time datetime=\"",
                "<meta property=\"article:published_time\" content=\"",
                "<script>",
                "<!--",
                "-->",
                "&amp;",
                "&#x",
                "{\"text\": \"",
                "\"published\": \"",
                "\"id\": ",
                "\"source\": ",
                "\\u00e9",
                "\\ud83d",
                "[[[[[[[[",
                "Posted on ",
                "Updated ",
                "2013-09-01",
                "September 20, 2013",
            ],
            Target::Temporal | Target::Quantity => &[
                "last ",
                "next ",
                " ago",
                " later",
                " earlier",
                "the following ",
                "mid-",
                "late ",
                "early ",
                "the 1990s",
                "'90s",
                "century",
                "decade",
                "quarter",
                "Q3",
                "second half of ",
                "spring",
                "winter",
                "weekend",
                "Sunday",
                "yesterday",
                "tomorrow",
                "today",
                "noon",
                "12:30",
                "a.m.",
                "2013-09-01",
                "9/1/2013",
                "1 September 2013",
                "Sept. 1",
                "at least ",
                "more than ",
                "about ",
                "dozens",
                "hundreds",
                "scores",
                "two-thirds of ",
                "between ",
                " and ",
                "thousand",
                "million",
                "killed",
                "injured",
                "$",
                "%",
            ],
            Target::Rules => &[
                "[[rule]]\n",
                "[[event]]\n",
                "[[kind]]\n",
                "[[place]]\n",
                "[[case]]\n",
                "[[case.claim]]\n",
                "[[case.expect]]\n",
                "id = \"",
                "kind = \"",
                "severity = \"",
                "attributes = [\"",
                "tolerance = ",
                "message = \"",
                "triggers = [\"",
                "aliases = [\"",
                "window = { from = \"",
                "allow_growth_days = ",
                "{source_a}",
                "{value_b}",
                "(a|b)*",
                "\\d{1000}",
                "= [",
                "= {",
                "\"\"\"",
                "'''",
                "1e308",
                "-1",
                "nan",
                "inf",
            ],
            Target::Timeml => &[
                "<TimeML>",
                "</TimeML>",
                "<DCT>",
                "</DCT>",
                "<TEXT>",
                "</TEXT>",
                "<TIMEX3 tid=\"t0\" type=\"DATE\" value=\"",
                "\" functionInDocument=\"CREATION_TIME\">",
                "</TIMEX3>",
                "<EVENT eid=\"e1\">",
                "</EVENT>",
                " anchorTimeID=\"t0\"",
                " mod=\"APPROX\"",
                "&amp;",
                "&lt;",
                "&#233;",
                "&#x1F600;",
                "<![CDATA[",
                "]]>",
                "<?xml version=\"1.0\"?>",
                "<!--",
                "-->",
                "/>",
            ],
        }
    }

    /// The seed inputs: the project's own corpora, in this target's input layout.
    pub fn seeds(self, root: &Path) -> Vec<Vec<u8>> {
        let data = files(&root.join("data"), &["txt", "html", "jsonl", "md"]);
        let fixtures = files(
            &root.join("tests/fixtures"),
            &["txt", "html", "jsonl", "md"],
        );
        let corpus = files(&root.join("src/temporal/corpus"), &["toml"]);
        let rules = files(&root.join("rules"), &["toml"]);
        let tml = files(&root.join("tests"), &["tml"]);
        let mut seeds = Vec::new();
        match self {
            Target::Ingest | Target::Pipeline => {
                for path in data.iter().chain(&fixtures) {
                    if let Ok(bytes) = std::fs::read(path) {
                        let kind = match path.extension().and_then(|e| e.to_str()) {
                            Some("html") => 1,
                            Some("jsonl") => 2,
                            _ => 0,
                        };
                        let mut seed = vec![kind];
                        seed.extend(bytes.iter().take(self.max_len()));
                        seeds.push(seed);
                    }
                }
            }
            Target::Temporal | Target::Quantity => {
                for (text, anchor) in corpus_examples(&corpus) {
                    let mut seed = anchor_bytes(anchor).to_vec();
                    seed.extend_from_slice(text.as_bytes());
                    seeds.push(seed);
                }
                for path in &data {
                    if let Ok(text) = std::fs::read_to_string(path) {
                        for line in text.lines().filter(|l| l.len() > 20).take(40) {
                            let mut seed =
                                anchor_bytes(NaiveDate::from_ymd_opt(2013, 9, 20)).to_vec();
                            seed.extend_from_slice(line.as_bytes());
                            seeds.push(seed);
                        }
                    }
                }
            }
            Target::Rules => {
                for path in rules.iter() {
                    if let Ok(text) = std::fs::read(path) {
                        let mode = if path.ends_with("events.toml") {
                            0
                        } else if path.parent().is_some_and(|p| p.ends_with("examples")) {
                            2
                        } else {
                            1
                        };
                        let mut seed = vec![mode];
                        seed.extend(text);
                        seeds.push(seed);
                    }
                }
            }
            Target::Timeml => {
                for path in &tml {
                    if let Ok(bytes) = std::fs::read(path) {
                        seeds.push(bytes);
                    }
                }
                seeds.push(TIMEML_SEED.as_bytes().to_vec());
            }
        }
        seeds
    }

    /// Runs one input; panics on a bug.
    pub fn run(self, data: &[u8]) {
        match self {
            Target::Ingest => {
                for doc in ingest_bytes(data) {
                    check_document(&doc);
                }
            }
            Target::Pipeline => {
                let docs = ingest_bytes(data);
                let config = config();
                let mut claims = Vec::new();
                for doc in &docs {
                    claims.extend(factline::extract_document(doc, config));
                }
                factline::sort_claims(&mut claims);
                let report = factline::check_claims(docs.len(), claims, Vec::new(), config);
                render_one(&report, data.last().copied().unwrap_or(0));
            }
            Target::Temporal => {
                let (anchor, text) = split_anchor(data);
                let text = String::from_utf8_lossy(text);
                check_timexes(&text, &temporal::normalize(&text, anchor));
            }
            Target::Quantity => {
                let (_, text) = split_anchor(data);
                let text = String::from_utf8_lossy(text);
                check_quantities(&text, &factline::claims::quantity::find(&text, &[]));
                let dates: Vec<(usize, usize)> = temporal::normalize(&text, None)
                    .iter()
                    .map(|t| (t.start, t.end))
                    .collect();
                check_quantities(&text, &factline::claims::quantity::find(&text, &dates));
            }
            Target::Rules => {
                let (mode, text) = data.split_first().map_or((0, &[][..]), |(m, t)| (*m, t));
                let text = String::from_utf8_lossy(text);
                match mode % 3 {
                    0 => {
                        if let Ok(catalog) = EventCatalog::parse(&text, Path::new("events.toml")) {
                            if let Some(doc) = SAMPLE.get() {
                                let _ = factline::claims::extract(doc, &catalog);
                            }
                            let files = [(PathBuf::from("rules/core.toml"), CORE.to_string())];
                            let _ = RuleSet::parse(&files, &catalog);
                        }
                    }
                    1 => {
                        let files = [(PathBuf::from("rules/x.toml"), text.into_owned())];
                        if let Ok(rules) = RuleSet::parse(&files, &config().events) {
                            let cases = factline::engine::examples::parse(
                                EXAMPLES,
                                Path::new("rules/examples/core.toml"),
                            )
                            .unwrap_or_default();
                            let _ = factline::engine::examples::run(&rules, &cases);
                        }
                    }
                    _ => {
                        let path = Path::new("rules/examples/x.toml");
                        if let Ok(cases) = factline::engine::examples::parse(&text, path) {
                            let _ = factline::engine::examples::run(&config().rules, &cases);
                        }
                    }
                }
            }
            Target::Timeml => {
                let raw = String::from_utf8_lossy(data).into_owned();
                if let Ok(doc) = TimemlDocument::parse(raw, Path::new("fuzz.tml")) {
                    let timexes = temporal::normalize(&doc.text, doc.anchor());
                    check_timexes(&doc.text, &timexes);
                    for gold in &doc.gold {
                        let _ = gold.to_timex(&doc.text);
                    }
                    let (annotated, _) = doc.annotate(&timexes);
                    // What factline writes it must read back.
                    if let Err(e) = TimemlDocument::parse(annotated.clone(), Path::new("out.tml")) {
                        panic!("annotate wrote a document it cannot read: {e}\n{annotated}");
                    }
                }
            }
        }
    }
}

const EVENTS: &str = include_str!("../../rules/events.toml");
const CORE: &str = include_str!("../../rules/core.toml");
const EXAMPLES: &str = include_str!("../../rules/examples/core.toml");

const SAMPLE_PAGE: &str = "source: Sample Wire\npublished: 2013-09-02\n---\nAt least 52 residents of Camp Ashraf were killed on Sunday, the group said.\n";

const TIMEML_SEED: &str = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>sample</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2013-09-20\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">2013-09-20</TIMEX3></DCT>\n<TEXT>\nThe council met on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2013-09-16\">Monday</TIMEX3> &amp; again <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2013-09-20\" anchorTimeID=\"t0\">today</TIMEX3>, two weeks after the storm of <TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2013-09\" mod=\"START\">early September</TIMEX3>.\n</TEXT>\n</TimeML>\n";

fn files(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// `(text, anchor)` of every `[[example]]` and `[[negative]]` in the temporal corpus files.
fn corpus_examples(paths: &[PathBuf]) -> Vec<(String, Option<NaiveDate>)> {
    let mut out = Vec::new();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let Ok(value) = text.parse::<toml::Table>() else {
            continue;
        };
        for (_, list) in value.iter() {
            let Some(items) = list.as_array() else {
                continue;
            };
            for item in items {
                let Some(text) = item.get("text").and_then(|t| t.as_str()) else {
                    continue;
                };
                let anchor = item
                    .get("anchor")
                    .and_then(|a| a.as_str())
                    .and_then(|a| NaiveDate::parse_from_str(a, "%Y-%m-%d").ok());
                out.push((text.to_string(), anchor));
            }
        }
    }
    out
}

/// The 3-byte anchor header of the temporal and quantity inputs.
fn anchor_bytes(anchor: Option<NaiveDate>) -> [u8; 3] {
    use chrono::Datelike;
    match anchor {
        None => [0, 0, 0],
        Some(d) => {
            let base = NaiveDate::from_ymd_opt(2013, 1, 1).map_or(0, |b| b.num_days_from_ce());
            let offset = (d.num_days_from_ce() - base).clamp(-32768, 32767) as i16;
            let [a, b] = offset.to_le_bytes();
            [4, a, b]
        }
    }
}

/// Splits off the anchor: none, the earliest or latest date chrono knows, any day of years
/// 1..=9999, or a day within 90 years of 2013 (most inputs).
fn split_anchor(data: &[u8]) -> (Option<NaiveDate>, &[u8]) {
    let Some((&[mode, a, b], text)) = data.split_first_chunk::<3>() else {
        return (None, data);
    };
    let n = i32::from(i16::from_le_bytes([a, b]));
    let anchor = match mode % 8 {
        0 => None,
        1 => Some(NaiveDate::MIN),
        2 => Some(NaiveDate::MAX),
        3 => NaiveDate::from_num_days_from_ce_opt(1 + (n + 32768) * 111),
        _ => NaiveDate::from_ymd_opt(2013, 1, 1)
            .and_then(|b| b.checked_add_signed(chrono::Duration::days(i64::from(n)))),
    };
    (anchor, text)
}

/// Input layout of ingest and pipeline: the first byte picks the file name (and so the format).
fn ingest_bytes(data: &[u8]) -> Vec<ingest::Document> {
    let (kind, body) = data.split_first().map_or((0, &[][..]), |(k, b)| (*k, b));
    let name = match kind % 5 {
        0 => "page.txt",
        1 => "page.html",
        2 => "feed.jsonl",
        3 => "notes.md",
        _ => "-",
    };
    let mut docs = Vec::new();
    let mut diagnostics = Vec::new();
    ingest::read_from(
        Path::new(name),
        &mut Cursor::new(body),
        &mut |d| docs.push(d),
        &mut diagnostics,
    );
    docs
}

fn check_span(text: &str, start: usize, end: usize, what: &str, written: &str) {
    assert!(start <= end, "{what}: span {start}..{end} is reversed");
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} is not on character boundaries"
    );
    assert_eq!(
        text.get(start..end),
        Some(written),
        "{what}: span {start}..{end} does not give back its text"
    );
}

fn check_document(doc: &ingest::Document) {
    for post in &doc.posts {
        for s in ingest::sentences(post) {
            let Some(sentence) = post.text.get(s.start..s.end) else {
                panic!(
                    "sentence span {}..{} is not on character boundaries of a {}-byte post",
                    s.start,
                    s.end,
                    post.text.len()
                );
            };
            check_span(&post.text, s.start, s.end, "sentence", sentence);
            assert!(s.line >= post.first_line, "sentence line before its post");
        }
    }
}

fn check_timexes(text: &str, timexes: &[temporal::Timex]) {
    for t in timexes {
        check_span(text, t.start, t.end, "timex", &t.text);
        if let (Some(e), Some(l)) = (t.earliest, t.latest) {
            assert!(
                e <= l,
                "timex {:?} ({}): earliest {e} after latest {l}",
                t.text,
                t.rule
            );
        }
    }
}

fn check_quantities(text: &str, quantities: &[factline::claims::quantity::Quantity]) {
    for q in quantities {
        check_span(text, q.start, q.end, "quantity", &q.text);
        assert!(
            !q.low.is_nan() && !q.best.is_nan(),
            "quantity {:?} is NaN",
            q.text
        );
        // "more than 100" is [101, inf) with best 100, so best may sit just outside; the
        // interval itself must not be empty.
        if let Some(high) = q.high {
            assert!(
                q.low <= high,
                "quantity {:?}: low {} above high {high}",
                q.text,
                q.low
            );
        }
    }
}

/// Renders `report` in one of the output formats, picked by `pick`. Each format gets a ninth of
/// the runs; rendering all nine on every run would make a run's time their sum, which no command
/// ever spends.
fn render_one(report: &factline::Report, pick: u8) {
    use factline::output;
    let mut sink = Vec::new();
    let _ = match pick % 9 {
        0 => output::json::render(report, &mut sink),
        1 => output::markdown::render(report, &mut sink),
        2 => output::sarif::render(report, &mut sink),
        3 => output::table::render(report, &mut sink),
        4 => output::csv::render(report, &mut sink),
        5 => output::timelinejs::render(report, &mut sink),
        6 => output::timeline::render_json(report, &mut sink),
        7 => output::timeline::render_table(report, Some(80), &mut sink),
        _ => output::html::render(report, &mut sink),
    };
}
