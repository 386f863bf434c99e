//! Generates an English news-like corpus for scripts/bench.sh and scripts/bench-compare.sh.
//!
//! Takes a mode, a size in megabytes and a destination; gives deterministic text (the same
//! arguments always give the same bytes) built from sentence templates written for this
//! benchmark: datelines, absolute dates in the usual news formats, partial and relative dates,
//! durations, numbers that are not dates, and plenty of sentences with no date at all, so the
//! date density is close to wire copy.
//!
//! Usage:
//!   gen_corpus text SIZE_MB FILE|-     one stream of articles separated by blank lines
//!   gen_corpus articles SIZE_MB DIR    one .txt file per article, with a header block
//!
//! Standalone (std only) so the scripts can build it with `rustc -O` without touching the
//! crate.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// xorshift64*: small, fast, and stable across Rust versions (unlike std's hashers).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];
const MONTHS_ABBR: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
const WEEKDAYS: [&str; 7] = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];
const CITIES: [&str; 14] = [
    "Northfield", "Port Ellis", "Carrow", "Linden Bay", "Marston", "Eastbrook", "Holloway",
    "Redmere", "Ashvale", "Kingsford", "Brightwater", "Stonehaven", "Fairmont", "Glenrock",
];
const OUTLETS: [&str; 8] = [
    "The Daily Ledger", "Harbor Wire", "Northern Courier", "Valley Times", "Metro Post",
    "The Evening Standard Review", "Coastline News", "Capital Dispatch",
];
const ORGS: [&str; 10] = [
    "the city council", "the transport ministry", "the regional water board",
    "a coalition of farmers", "the port authority", "the teachers' union",
    "the national weather service", "a panel of auditors", "the hospital trust",
    "the electoral commission",
];
const OFFICIALS: [&str; 8] = [
    "the mayor", "a spokeswoman", "the finance minister", "a senior engineer",
    "the police chief", "an opposition lawmaker", "the board's chairman", "a local organizer",
];
const THINGS: [&str; 10] = [
    "bridge repairs", "the new rail line", "flood defences", "the school budget",
    "a fuel tax", "the harbour expansion", "water rationing", "the bus strike",
    "the stadium plan", "emergency housing",
];
const VERBS: [&str; 8] = [
    "approved", "rejected", "postponed", "announced", "reviewed", "criticized", "funded",
    "suspended",
];
const RELATIVE: [&str; 24] = [
    "yesterday", "today", "last week", "next month", "last year", "this year", "earlier this month",
    "two years ago", "last spring", "the following year", "three months later", "next week",
    "a decade ago", "in the coming weeks", "this time last year", "late last year",
    "earlier this year", "the previous day", "nearly a year ago", "last summer", "this week",
    "tomorrow", "recently", "now",
];
const DURATIONS: [&str; 10] = [
    "for three days", "for six months", "for more than a decade", "over the past 18 months",
    "for two weeks", "for nearly four years", "for 90 minutes", "for several hours",
    "for about a year", "during the past five years",
];

struct Gen {
    rng: Rng,
}

impl Gen {
    fn year(&mut self) -> u32 {
        1985 + self.rng.below(40) as u32
    }

    fn day(&mut self) -> u32 {
        1 + self.rng.below(28) as u32
    }

    /// A calendar day in one of the usual news formats.
    fn day_date(&mut self) -> String {
        let m = self.rng.below(12);
        let (d, y) = (self.day(), self.year());
        match self.rng.below(6) {
            0 => format!("{} {d}, {y}", MONTHS[m]),
            1 => format!("{d} {} {y}", MONTHS[m]),
            2 => format!("{} {d}", MONTHS_ABBR[m]),
            3 => format!("{y}-{:02}-{d:02}", m + 1),
            4 => format!("{}/{d}/{y}", m + 1),
            _ => format!("{} {d}th", MONTHS[m]),
        }
    }

    /// A month, a year or a decade.
    fn coarse_date(&mut self) -> String {
        let m = self.rng.below(12);
        let y = self.year();
        match self.rng.below(4) {
            0 | 1 => format!("{} {y}", MONTHS[m]),
            2 => format!("the {}0s", y / 10),
            _ => format!("{y}"),
        }
    }

    fn when(&mut self) -> String {
        match self.rng.below(6) {
            0 | 1 => format!("on {}", self.day_date()),
            2 => format!("on {}", self.rng.pick(&WEEKDAYS)),
            3 => format!("in {}", self.coarse_date()),
            _ => self.rng.pick(&RELATIVE).to_string(),
        }
    }

    fn number(&mut self) -> String {
        match self.rng.below(5) {
            0 => format!("{}", 2 + self.rng.below(60)),
            1 => format!("{},{:03}", 1 + self.rng.below(40), self.rng.below(1000)),
            2 => format!("about {}", 10 * (1 + self.rng.below(90))),
            3 => "dozens of".to_string(),
            _ => format!("{}.{} percent of", 1 + self.rng.below(30), self.rng.below(10)),
        }
    }

    fn sentence(&mut self) -> String {
        let (org, official, thing, verb, city) = (
            self.rng.pick(&ORGS),
            self.rng.pick(&OFFICIALS),
            self.rng.pick(&THINGS),
            self.rng.pick(&VERBS),
            self.rng.pick(&CITIES),
        );
        match self.rng.below(14) {
            0 => format!("In {city}, {org} {verb} {thing} {}.", self.when()),
            1 => format!(
                "{} said {} that {thing} would cost {} million dollars.",
                capitalize(official),
                self.rng.pick(&WEEKDAYS),
                self.number()
            ),
            2 => format!(
                "The plan had been debated {} before it was {verb} {}.",
                self.rng.pick(&DURATIONS),
                self.when()
            ),
            3 => format!(
                "Residents of {city} said {} families were affected by {thing}.",
                self.number()
            ),
            4 => format!(
                "According to {org}, {thing} was first proposed {} and {verb} {}.",
                self.when(),
                self.when()
            ),
            5 => format!(
                "{} declined to comment on {thing}, citing a review that began {}.",
                capitalize(official),
                self.when()
            ),
            6 => format!(
                "Critics note that {thing} has been delayed {} while costs rose sharply.",
                self.rng.pick(&DURATIONS)
            ),
            7 => format!(
                "The vote, held {}, drew {} residents to the hall on Route {}.",
                self.when(),
                self.number(),
                1 + self.rng.below(99)
            ),
            8 => format!(
                "Officials expect a decision {}, {} told reporters.",
                self.rng.pick(&RELATIVE),
                official
            ),
            9 => format!(
                "Call 555-{:04} for details or read page {} of the report.",
                self.rng.below(10000),
                1 + self.rng.below(300)
            ),
            10 => format!("{} was not available for comment.", capitalize(official)),
            11 => format!(
                "Supporters of {thing} marched through central {city}, and some said they may march again."
            ),
            12 => format!(
                "Under resolution {}, {org} must publish its accounts every quarter.",
                1000 + self.rng.below(900)
            ),
            _ => format!(
                "The {} figures released {} showed {} households in {city} without power.",
                self.rng.pick(&MONTHS),
                self.when(),
                self.number()
            ),
        }
    }

    /// One article: a dateline paragraph and several paragraphs of 2 to 5 sentences.
    fn article(&mut self) -> (String, String, String) {
        let m = self.rng.below(12);
        let (d, y) = (self.day(), 2000 + self.rng.below(25) as u32);
        let published = format!("{y}-{:02}-{d:02}", m + 1);
        let title = format!(
            "{} {} {}",
            capitalize(self.rng.pick(&ORGS)),
            self.rng.pick(&VERBS),
            self.rng.pick(&THINGS)
        );
        let mut body = format!(
            "{}, {} {d}, {y} ({}) - {}\n\n",
            self.rng.pick(&CITIES).to_uppercase(),
            MONTHS[m],
            self.rng.pick(&OUTLETS),
            self.sentence()
        );
        for _ in 0..4 + self.rng.below(8) {
            for i in 0..2 + self.rng.below(4) {
                if i > 0 {
                    body.push(' ');
                }
                body.push_str(&self.sentence());
            }
            body.push_str("\n\n");
        }
        (published, title, body)
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn usage() -> ! {
    eprintln!("usage: gen_corpus text|articles SIZE_MB FILE|DIR");
    std::process::exit(2)
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        usage();
    }
    let size: u64 = args[2].parse().unwrap_or_else(|_| usage());
    let limit = size * 1_000_000;
    let mut gen = Gen {
        rng: Rng(0x9E37_79B9_7F4A_7C15),
    };
    let mut written = 0u64;
    match args[1].as_str() {
        "text" => {
            let out: Box<dyn Write> = if args[3] == "-" {
                Box::new(io::stdout().lock())
            } else {
                Box::new(fs::File::create(&args[3])?)
            };
            let mut out = BufWriter::with_capacity(1 << 20, out);
            while written < limit {
                let (_, title, body) = gen.article();
                let piece = format!("{title}\n\n{body}");
                let take = piece.len().min((limit - written) as usize);
                // Never cut inside a character (the text is ASCII, but stay safe).
                let take = (0..=take).rev().find(|&i| piece.is_char_boundary(i)).unwrap_or(0);
                out.write_all(&piece.as_bytes()[..take])?;
                written += take as u64;
            }
            out.flush()?;
        }
        "articles" => {
            let dir = Path::new(&args[3]);
            fs::create_dir_all(dir)?;
            let mut n = 0;
            while written < limit {
                let (published, title, body) = gen.article();
                let outlet = gen.rng.pick(&OUTLETS);
                let doc = format!(
                    "source: {outlet}\npublished: {published}\ntitle: {title}\n---\n{body}"
                );
                fs::write(dir.join(format!("article-{n:06}.txt")), &doc)?;
                written += doc.len() as u64;
                n += 1;
            }
        }
        _ => usage(),
    }
    Ok(())
}
