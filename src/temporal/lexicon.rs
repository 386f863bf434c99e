//! The English word lists the normalizer reads: months, weekdays, number words, units,
//! seasons, parts of day, and the function words its grammar names.
//!
//! Takes a lowercase word; gives its class ([`Lex`]). The lists are data: adding a spelling
//! (a new abbreviation of a month, say) is one line here, and the candidate finder's automaton
//! is built from the same lists, so a word the grammar knows is also a word that triggers it.

use std::sync::OnceLock;

use crate::hash::FastMap;

use super::point::Season;

/// A unit of time, as durations and relative expressions count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// The class of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    Month(u32),
    /// ISO weekday number, Monday = 1.
    Weekday(u32),
    /// A cardinal number word ("two", "twenty").
    Number(u32),
    /// An ordinal number word ("third", "twentieth").
    Ordinal(u32),
    /// A unit, with whether the word was plural.
    Unit(Unit, bool),
    Season(Season),
    /// TimeML part of day code: MO, AF, EV, NI, DT.
    PartOfDay(&'static str),
    /// A word that only triggers the candidate finder and is read by the grammar by its text.
    Cue,
    /// A word that may open an expression without triggering a search for one ("the", "last",
    /// "about"): the grammar tries its rules only at numbers, punctuation and classified words.
    Opener,
    Other,
}

/// Month names and abbreviations, with common misspellings seen in web text.
pub const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("janurary", 1),
    ("february", 2),
    ("feb", 2),
    ("febr", 2),
    ("febuary", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Full month names, for typo tolerance ("Febriary").
pub const MONTH_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 1),
    ("mon", 1),
    ("tuesday", 2),
    ("tue", 2),
    ("tues", 2),
    ("wednesday", 3),
    ("wed", 3),
    ("thursday", 4),
    ("thu", 4),
    ("thur", 4),
    ("thurs", 4),
    ("friday", 5),
    ("fri", 5),
    ("saturday", 6),
    ("sat", 6),
    ("sunday", 7),
    ("sun", 7),
];

pub const NUMBERS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

pub const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
];

pub const UNITS: &[(&str, Unit, bool)] = &[
    ("second", Unit::Second, false),
    ("seconds", Unit::Second, true),
    ("minute", Unit::Minute, false),
    ("minutes", Unit::Minute, true),
    ("min", Unit::Minute, false),
    ("mins", Unit::Minute, true),
    ("hour", Unit::Hour, false),
    ("hours", Unit::Hour, true),
    ("hr", Unit::Hour, false),
    ("hrs", Unit::Hour, true),
    ("day", Unit::Day, false),
    ("days", Unit::Day, true),
    ("week", Unit::Week, false),
    ("weeks", Unit::Week, true),
    ("wk", Unit::Week, false),
    ("wks", Unit::Week, true),
    ("fortnight", Unit::Fortnight, false),
    ("fortnights", Unit::Fortnight, true),
    ("month", Unit::Month, false),
    ("months", Unit::Month, true),
    ("quarter", Unit::Quarter, false),
    ("quarters", Unit::Quarter, true),
    ("year", Unit::Year, false),
    ("years", Unit::Year, true),
    ("yr", Unit::Year, false),
    ("yrs", Unit::Year, true),
    ("decade", Unit::Decade, false),
    ("decades", Unit::Decade, true),
    ("century", Unit::Century, false),
    ("centuries", Unit::Century, true),
];

pub const SEASONS: &[(&str, Season)] = &[
    ("spring", Season::Spring),
    ("summer", Season::Summer),
    ("autumn", Season::Fall),
    ("fall", Season::Fall),
    ("winter", Season::Winter),
];

pub const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
    ("daytime", "DT"),
    ("mornings", "MO"),
    ("afternoons", "AF"),
    ("evenings", "EV"),
    ("nights", "NI"),
];

/// Words that open or make a temporal expression on their own; the candidate finder looks for
/// them, the grammar reads them by their text.
pub const CUES: &[&str] = &[
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "overnight",
    "now",
    "nowadays",
    "currently",
    "current",
    "presently",
    "recent",
    "recently",
    "lately",
    "previously",
    "formerly",
    "earlier",
    "later",
    "ago",
    "soon",
    "future",
    "past",
    "present",
    "noon",
    "midnight",
    "midday",
    "weekend",
    "weekends",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "annually",
    "hourly",
    "quarterly",
    "biannually",
    "fiscal",
    "latest",
    "mid",
    "decades",
    "while",
    "millennium",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "once",
];

/// How a holiday falls in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayRule {
    /// A fixed month and day.
    Fixed(u32, u32),
    /// The n-th weekday (ISO, Monday = 1) of a month; n = 5 means the last.
    NthWeekday(u32, u32, u32),
    /// The Tuesday after the first Monday of November (US Election Day).
    ElectionDay,
    /// Western Easter Sunday.
    Easter,
}

/// Holidays, longest names first so "Christmas Eve" wins over "Christmas". Words are lowercase;
/// `'s` stands for an apostrophe-s. Every word must be capitalised in the text.
pub const HOLIDAYS: &[(&str, HolidayRule)] = &[
    ("new year 's day", HolidayRule::Fixed(1, 1)),
    ("new year 's eve", HolidayRule::Fixed(12, 31)),
    ("christmas eve", HolidayRule::Fixed(12, 24)),
    ("christmas day", HolidayRule::Fixed(12, 25)),
    ("christmas", HolidayRule::Fixed(12, 25)),
    ("boxing day", HolidayRule::Fixed(12, 26)),
    ("valentine 's day", HolidayRule::Fixed(2, 14)),
    ("independence day", HolidayRule::Fixed(7, 4)),
    ("bastille day", HolidayRule::Fixed(7, 14)),
    ("halloween", HolidayRule::Fixed(10, 31)),
    ("veterans day", HolidayRule::Fixed(11, 11)),
    ("armistice day", HolidayRule::Fixed(11, 11)),
    ("thanksgiving day", HolidayRule::NthWeekday(11, 4, 4)),
    ("thanksgiving", HolidayRule::NthWeekday(11, 4, 4)),
    ("memorial day", HolidayRule::NthWeekday(5, 1, 5)),
    ("labor day", HolidayRule::NthWeekday(9, 1, 1)),
    ("martin luther king day", HolidayRule::NthWeekday(1, 1, 3)),
    ("election day", HolidayRule::ElectionDay),
    ("easter sunday", HolidayRule::Easter),
    ("easter", HolidayRule::Easter),
];

/// Holiday names that are triggers by themselves.
pub const HOLIDAY_WORDS: &[&str] = &["christmas", "thanksgiving", "easter", "halloween"];

/// The day a holiday falls on in year `y`.
pub fn holiday_date(rule: HolidayRule, y: i32) -> Option<chrono::NaiveDate> {
    use chrono::{Datelike, NaiveDate, Weekday};
    match rule {
        HolidayRule::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        HolidayRule::NthWeekday(m, wd, n) => {
            let weekday = Weekday::try_from(u8::try_from(wd.checked_sub(1)?).ok()?).ok()?;
            if n >= 5 {
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)
                }?;
                let mut d = next.pred_opt()?;
                while d.weekday() != weekday {
                    d = d.pred_opt()?;
                }
                Some(d)
            } else {
                NaiveDate::from_weekday_of_month_opt(y, m, weekday, u8::try_from(n).ok()?)
            }
        }
        HolidayRule::ElectionDay => {
            let monday = NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Mon, 1)?;
            monday.succ_opt()
        }
        HolidayRule::Easter => {
            // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
            let a = y % 19;
            let b = y / 100;
            let c = y % 100;
            let d = b / 4;
            let e = b % 4;
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15) % 30;
            let i = c / 4;
            let k = c % 4;
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let month = (h + l - 7 * m + 114) / 31;
            let day = (h + l - 7 * m + 114) % 31 + 1;
            NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
        }
    }
}

/// Words that may open an expression (see [`Lex::Opener`]).
pub const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "last",
    "next",
    "previous",
    "coming",
    "following",
    "same",
    "that",
    "early",
    "late",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "nearly",
    "almost",
    "circa",
    "approx",
    "under",
    "more",
    "less",
    "fewer",
    "at",
    "up",
    "no",
    "end",
    "beginning",
    "start",
    "middle",
    "close",
    "turn",
    "dawn",
    "every",
    "each",
    "per",
    "several",
    "few",
    "many",
    "numerous",
    "couple",
    "fy",
    "full",
    "these",
    "q",
    "comparable",
    "corresponding",
    "ensuing",
    "intervening",
    "final",
    "near",
    "short",
    "foreseeable",
    "distant",
    "immediate",
    "whole",
    "entire",
];

type Table = FastMap<&'static str, Lex>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table::default();
        for &w in OPENERS {
            t.insert(w, Lex::Opener);
        }
        for (name, _) in HOLIDAYS {
            if let Some(first) = name.split(' ').next() {
                t.insert(first, Lex::Opener);
            }
        }
        for &w in HOLIDAY_WORDS {
            t.insert(w, Lex::Cue);
        }
        for &w in CUES {
            t.insert(w, Lex::Cue);
        }
        // The head of "the near term", which opens a region only with its opener (see
        // [`trigger_words`]): too common alone ("terms of the deal") to be a trigger.
        t.insert("term", Lex::Cue);
        for &(w, n) in NUMBERS {
            t.insert(w, Lex::Number(n));
        }
        for &(w, n) in ORDINALS {
            t.insert(w, Lex::Ordinal(n));
        }
        for &(w, u, pl) in UNITS {
            t.insert(w, Lex::Unit(u, pl));
        }
        for &(w, s) in SEASONS {
            t.insert(w, Lex::Season(s));
        }
        for &(w, p) in PARTS_OF_DAY {
            t.insert(w, Lex::PartOfDay(p));
        }
        for &(w, d) in WEEKDAYS {
            t.insert(w, Lex::Weekday(d));
        }
        for &(w, m) in MONTHS {
            t.insert(w, Lex::Month(m));
        }
        t
    })
}

/// The class of a lowercase ASCII word. Plural weekdays ("Tuesdays") are weekdays too.
pub fn classify(word: &str) -> Lex {
    if let Some(l) = table().get(word) {
        return *l;
    }
    if let Some(stem) = word.strip_suffix('s').filter(|s| s.len() >= 6) {
        if let Some(Lex::Weekday(d)) = table().get(stem) {
            return Lex::Weekday(*d);
        }
    }
    Lex::Other
}

/// A misspelt month name ("Febriary": one edit from a month name of six letters or more). The
/// grammar asks only when a day or year number follows, so "Augusta" alone stays a name.
pub fn fuzzy_month(word: &str) -> Option<u32> {
    if word.len() >= 6 {
        for (i, name) in MONTH_NAMES.iter().enumerate() {
            if name.len() >= 6
                && name.as_bytes().first() == word.as_bytes().first()
                && within_one_edit(word, name)
            {
                return Some(i as u32 + 1);
            }
        }
    }
    None
}

/// Every word that should start a candidate region.
pub fn trigger_words() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Vec::new();
    v.extend(CUES);
    v.extend(MONTHS.iter().map(|m| m.0));
    v.extend(WEEKDAYS.iter().map(|m| m.0));
    v.extend(UNITS.iter().map(|m| m.0));
    v.extend(SEASONS.iter().map(|m| m.0));
    v.extend(PARTS_OF_DAY.iter().map(|m| m.0));
    // Holidays whose name holds no other trigger ("Election Day" has "day").
    v.extend(HOLIDAY_WORDS);
    // Spelled years: "nineteen ninety-six", "two thousand eight".
    v.extend(["nineteen", "eighteen", "thousand"]);
    // References whose words are no triggers alone: "the near term", "at a later date".
    v.extend(["near term", "short term", "later date"]);
    v
}

/// Damerau-free Levenshtein distance ≤ 1 (one substitution, insertion or deletion).
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short.get(prefix + 1..) == long.get(prefix + 1..)
    } else {
        short.get(prefix..) == long.get(prefix + 1..)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_month_is_a_month() {
        assert_eq!(fuzzy_month("febriary"), Some(2));
        assert_eq!(fuzzy_month("septembre"), None);
        assert_eq!(fuzzy_month("septmber"), Some(9));
    }

    #[test]
    fn holidays_fall_on_their_days() {
        let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(holiday_date(HolidayRule::Easter, 2013), d(2013, 3, 31));
        assert_eq!(holiday_date(HolidayRule::Easter, 2000), d(2000, 4, 23));
        assert_eq!(
            holiday_date(HolidayRule::NthWeekday(11, 4, 4), 1999),
            d(1999, 11, 25)
        );
        assert_eq!(holiday_date(HolidayRule::ElectionDay, 1998), d(1998, 11, 3));
        assert_eq!(
            holiday_date(HolidayRule::NthWeekday(5, 1, 5), 2013),
            d(2013, 5, 27)
        );
    }

    #[test]
    fn short_words_are_not_fuzzed() {
        assert_eq!(classify("mayor"), Lex::Other);
        assert_eq!(classify("marcher"), Lex::Other);
    }
}
