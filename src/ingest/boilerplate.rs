//! What a line of a scraped page is: prose, a date line, navigation, a comment-section marker.
//!
//! Takes one line; gives its [`LineKind`]. Pages saved as text keep their menus, share buttons,
//! copyright lines and reader comments; none of that may reach the text claims are read from.
//! Citation lines ("[1] Author, Title, Outlet, February 9, 2013") are content and stay.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::dates::{full_dates, FoundDate};

/// What one line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    Blank,
    /// Navigation, share buttons, copyright, bylines without content: blanked.
    Boilerplate,
    /// A line that starts a dated post: the date alone ("Friday, November 13, 2020"), with a
    /// time, or "Posted by X on <date>". `timed` is true when a clock time follows the date
    /// (reader comments are stamped that way too).
    LeadDate {
        date: NaiveDate,
        timed: bool,
    },
    /// A line that ends a dated post in a list of articles: "July 25, 2012 0 comments".
    TrailDate(NaiveDate),
    /// A reader comment's stamp: "September 23, 2013 at 1:39 am |".
    CommentStamp,
    /// The start of a reader comment section: "soundoff (3 Responses)", "12 comments".
    CommentStart,
    /// Anything else: prose, headings, citations.
    Text,
}

static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[•·▪●◦‣►▸»*+]|-(?:\s|$)|\d{1,2}[.)]\s)\s*").expect("static regex")
});

/// Lines that are navigation or page furniture whatever follows them.
static FURNITURE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(?:
            share\s+(?:this|on)\b | post\s+by\s*: | posted\s+by\s*:?\s*$ | filed\s+under\s*: |
            tags?\s*: | labels?\s*: | categor(?:y|ies)\s*: | showing\s+posts\s+(?:with|for) |
            ©|\(c\)\s*\d{4} | copyright\b | all\s+rights\s+reserved | you\s+must\s+be\s+logged\s+in |
            click\s+(?:here|on\s+the\s+video) | follow\s+us\b | subscribe\s+to\b | sign\s+up\s+for\b |
            skip\s+to\s+(?:content|main) | related\s+(?:posts|articles|stories)\b |
            you\s+may\s+also\s+like | read\s+more\b | continue\s+reading\b | show\s+all\s+posts |
            (?:newer|older)\s+posts? | previous\s+(?:post|article) | next\s+(?:post|article) |
            back\s+to\s+top | recent\s+(?:posts|comments) | print\s+this\b | email\s+this\b
        )",
    )
    .expect("static regex")
});

/// Whole lines (case-insensitive) that are menu items or widget labels.
const MENU_WORDS: &[&str] = &[
    "home",
    "menu",
    "search",
    "contact",
    "contact us",
    "about",
    "about us",
    "login",
    "log in",
    "sign in",
    "sign up",
    "register",
    "subscribe",
    "share",
    "tweet",
    "email",
    "print",
    "reply",
    "archives",
    "categories",
    "advertisement",
    "comments",
    "editions",
    "more",
    "next",
    "previous",
];

const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "pinterest",
    "whatsapp",
    "telegram",
    "skype",
    "email",
    "linkedin",
    "reddit",
    "tumblr",
    "print",
    "share",
    "instagram",
    "youtube",
    "vk",
];

static COMMENT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(?:
            soundoff\s*\(\s*\d+\s+responses?\s*\) |
            \d+\s+(?:comments?|responses?|replies)\s*:?$ |
            (?:reader\s+)?comments?\s*(?:\(\d+\))?\s*:?$ |
            leave\s+a\s+(?:comment|reply) | post\s+a\s+comment | add\s+a\s+comment |
            comments?\s+(?:are\s+)?closed | join\s+the\s+(?:discussion|conversation) |
            what\s+do\s+you\s+think\s*\??$
        )",
    )
    .expect("static regex")
});

/// What may follow a post date on its line: a clock time and zone ("09:43 PM ET").
static TIME_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,;|–—-]*(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4}\b)?[\s|]*$")
        .expect("static regex")
});

/// "0 comments", "| 3 Comments" after a date: the date ends a post in a list of articles.
static COMMENT_COUNT_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,;|·•–—-]*(?:\d+|no)\s+(?:comments?|responses?|replies)\s*$")
        .expect("static regex")
});

/// What may stand before a post date on its line: a weekday, "Posted by X on", "Published:".
static DATE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(?:
            (?:(?:posted|published|updated|written|last\s+updated)\b[^.!?]{0,60}?(?:\bon\b|:)?[\s,]*)?
            (?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s*)?
        )$",
    )
    .expect("static regex")
});

/// Words in a line (runs separated by whitespace).
pub(crate) fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// A line that reads as prose: enough words with letters to carry a claim.
pub(crate) fn is_prose(line: &str) -> bool {
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
        >= 5
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', ')', ':'])
}

/// Classifies one line of a page.
pub(crate) fn classify(line: &str) -> LineKind {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return LineKind::Blank;
    }
    let dates = full_dates(trimmed);
    if let Some(kind) = dates.first().and_then(|d| date_line(trimmed, d)) {
        return kind;
    }
    if COMMENT_START.is_match(trimmed) {
        return LineKind::CommentStart;
    }
    if is_boilerplate(trimmed) {
        return LineKind::Boilerplate;
    }
    LineKind::Text
}

/// The kind of a line whose first full date is `date`, when the line is about that date only.
fn date_line(line: &str, date: &FoundDate) -> Option<LineKind> {
    let before = line.get(..date.start)?;
    let after = line.get(date.end..)?.trim();
    if !DATE_PREFIX.is_match(before) {
        return None;
    }
    if after.is_empty() {
        return Some(LineKind::LeadDate {
            date: date.date,
            timed: false,
        });
    }
    if COMMENT_COUNT_SUFFIX.is_match(after) {
        return Some(LineKind::TrailDate(date.date));
    }
    if TIME_SUFFIX.is_match(after) {
        if after.trim_end().ends_with('|') || after.to_ascii_lowercase().ends_with("reply") {
            return Some(LineKind::CommentStamp);
        }
        return Some(LineKind::LeadDate {
            date: date.date,
            timed: true,
        });
    }
    None
}

/// True for navigation, share widgets, copyright and filing lines.
pub(crate) fn is_boilerplate(trimmed: &str) -> bool {
    let lower = trimmed.to_lowercase();
    if MENU_WORDS.contains(&lower.trim_end_matches([':', '.', '|'])) {
        return true;
    }
    if FURNITURE_PREFIX.is_match(trimmed) {
        return true;
    }
    if is_share_widget(&lower) {
        return true;
    }
    // A bulleted short line that is not a sentence: a menu item or a list of links.
    if let Some(bullet) = BULLET.find(trimmed) {
        let rest = trimmed.get(bullet.end()..).unwrap_or("");
        if word_count(rest) <= 10 && !ends_sentence(rest) {
            return true;
        }
    }
    // Breadcrumbs: "Home » Section » Title".
    if (trimmed.contains(" » ") || trimmed.contains(" > ") || trimmed.contains(" / "))
        && lower.starts_with("home")
    {
        return true;
    }
    false
}

/// "FacebookTwitterPinterestEmail", "Share: Facebook | Twitter".
fn is_share_widget(lower: &str) -> bool {
    if lower.len() > 160 {
        return false;
    }
    let mut rest: String = lower.chars().filter(|c| c.is_alphanumeric()).collect();
    if rest.is_empty() {
        return false;
    }
    let mut names = 0;
    'outer: while !rest.is_empty() {
        for name in SOCIAL {
            if let Some(tail) = rest.strip_prefix(name) {
                rest = tail.to_string();
                names += 1;
                continue 'outer;
            }
        }
        return false;
    }
    names >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn date_lines_that_start_a_post() {
        for line in [
            "Friday, November 13, 2020",
            "November 13th, 2020",
            "Posted By A Writer On November 13, 2020",
            "Published: 2020-11-13",
        ] {
            assert!(
                matches!(classify(line), LineKind::LeadDate { date, timed: false } if date == d(2020, 11, 13)),
                "{line}"
            );
        }
        assert!(matches!(
            classify("November 13, 2020 at 10:15 AM ET"),
            LineKind::LeadDate { timed: true, .. }
        ));
    }

    #[test]
    fn date_line_ending_a_post_in_a_list() {
        assert_eq!(
            classify("March 3, 2015 4 comments"),
            LineKind::TrailDate(d(2015, 3, 3))
        );
    }

    #[test]
    fn reader_comment_markers() {
        assert_eq!(
            classify("    March 4, 2015 at 1:39 am |"),
            LineKind::CommentStamp
        );
        assert_eq!(classify("soundoff (12 Responses)"), LineKind::CommentStart);
        assert_eq!(classify("5 Comments"), LineKind::CommentStart);
        assert_eq!(classify("Leave a Comment"), LineKind::CommentStart);
    }

    #[test]
    fn navigation_and_furniture_is_boilerplate() {
        for line in [
            "  • Home",
            "  • Contact us",
            "Contact us",
            "Share this:",
            "Post by:",
            "Filed under: Politics",
            "© 2001 - 2020 Some Outlet. All rights reserved.",
            "FacebookTwitterEmail",
            "Home » World » A title here",
            "Showing posts with label Politics. Show all posts",
            "Older Posts",
        ] {
            assert_eq!(classify(line), LineKind::Boilerplate, "{line}");
        }
    }

    #[test]
    fn content_lines_are_text() {
        for line in [
            "[1] Doe, Jane, Ten hurt in blast, The Daily Example, March 9,2013",
            "  • Twelve people were wounded in the second blast, police said.",
            "The mayor said the home was destroyed on March 3, 2015 by fire.",
            "Home prices rose again this year, the agency said.",
            "By Jane Doe",
        ] {
            assert_eq!(classify(line), LineKind::Text, "{line}");
        }
    }
}
