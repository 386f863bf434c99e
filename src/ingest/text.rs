//! Text and Markdown pages to documents.
//!
//! Takes the decoded text of one page (and the line its first line stands on in the file);
//! gives the header block's metadata, the publication date (header, else a dateline near the top,
//! else the latest full date cited, flagged as inferred) and the posts: a page that holds several
//! dated posts is split so every post is anchored on its own date. Boilerplate lines (menus,
//! share buttons, copyright, reader comments) are blanked, never removed, so line numbers hold.

use std::path::Path;

use chrono::NaiveDate;

use super::boilerplate::{classify, is_prose, word_count, LineKind};
use super::dates::{full_dates, parse_date_value};
use super::{DateOrigin, Post, Published};
use crate::error::{Diagnostic, Location};

/// How many non-blank lines from the top a dateline may stand at.
const DATELINE_WINDOW: usize = 10;
/// A line longer than this is body text: a dateline stands before it.
const DATELINE_MAX_WORDS: usize = 12;

/// What a header block or page metadata says about a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Meta {
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<Published>,
}

/// The keys a header block may hold.
pub const HEADER_KEYS: [&str; 4] = ["source", "url", "published", "title"];

/// Reads the optional header block: `key: value` lines then a `---` line (a leading `---`, as in
/// Markdown front matter, is allowed). Gives the metadata and the index of the first body line.
/// Unknown keys and unreadable dates are error diagnostics naming the file and line.
pub(crate) fn parse_header(
    lines: &[&str],
    first_line: usize,
    path: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Meta, usize) {
    let mut meta = Meta::default();
    let mut start = 0;
    while lines.get(start).is_some_and(|l| l.trim().is_empty()) {
        start += 1;
    }
    if lines.get(start).is_some_and(|l| l.trim() == "---") {
        start += 1;
    }
    let mut fields = Vec::new();
    let mut end = None;
    for (i, line) in lines.iter().enumerate().skip(start).take(40) {
        let trimmed = line.trim();
        if trimmed == "---" {
            end = Some(i);
            break;
        }
        if trimmed.is_empty() {
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            return (Meta::default(), 0);
        };
        let key = key.trim();
        if key.is_empty()
            || key.len() > 30
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return (Meta::default(), 0);
        }
        fields.push((i, key.to_ascii_lowercase(), value.trim().to_string()));
    }
    let Some(end) = end else {
        return (Meta::default(), 0);
    };
    if fields.is_empty() {
        return (Meta::default(), 0);
    }
    for (i, key, value) in fields {
        let location = Location::new(path, first_line + i, 1);
        match key.as_str() {
            "source" => meta.source = Some(value).filter(|v| !v.is_empty()),
            "url" => meta.url = Some(value).filter(|v| !v.is_empty()),
            "title" => meta.title = Some(value).filter(|v| !v.is_empty()),
            "published" => match parse_date_value(&value) {
                Some(date) => {
                    meta.published = Some(Published {
                        date,
                        origin: DateOrigin::Header,
                    })
                }
                None => diagnostics.push(Diagnostic::error(
                    location,
                    format!("header `published:` is not a date: {value:?} (write 2013-09-20)"),
                )),
            },
            _ => diagnostics.push(Diagnostic::error(
                location,
                format!(
                    "unknown header key `{key}` (known keys: {})",
                    HEADER_KEYS.join(", ")
                ),
            )),
        }
    }
    (meta, end + 1)
}

/// A page's body split into posts, with the dates found on the way.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Body {
    pub posts: Vec<Post>,
    /// The page's own date when the text gives one (the dateline, or the newest post's date).
    pub published: Option<Published>,
    /// A title found near the top (the first heading-like line).
    pub title: Option<String>,
    /// The line of the date an inferred publication date was taken from.
    pub inferred_from: Option<usize>,
}

/// How to join lines of a post: `\n` keeps one text line per file line; a JSONL record, whose
/// text stands on one file line, joins with U+2029 (paragraph separator) so sentences still break
/// there while every sentence maps to the record's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineMap {
    /// Text line k stands on file line `first + k`.
    PerLine,
    /// Every text line stands on the same file line.
    SingleLine,
}

/// Splits body lines (`lines[k]` stands on file line `first_line + k` under
/// [`LineMap::PerLine`]) into posts, blanks boilerplate and finds the dates.
pub(crate) fn split_body(lines: &[&str], first_line: usize, map: LineMap) -> Body {
    let kinds: Vec<LineKind> = lines.iter().map(|l| classify(l)).collect();
    let file_line = |k: usize| match map {
        LineMap::PerLine => first_line + k,
        LineMap::SingleLine => first_line,
    };
    let trailing = kinds
        .iter()
        .filter(|k| matches!(k, LineKind::TrailDate(_)))
        .count();
    let leading = kinds
        .iter()
        .filter(|k| matches!(k, LineKind::LeadDate { timed: false, .. }))
        .count();

    // Post boundaries: (start, end exclusive, date).
    let mut ranges: Vec<(usize, usize, Option<NaiveDate>)> = Vec::new();
    let mut blank = vec![false; lines.len()];
    if trailing >= 1 {
        let mut start = 0;
        for (k, kind) in kinds.iter().enumerate() {
            if let LineKind::TrailDate(date) = kind {
                ranges.push((start, k + 1, Some(*date)));
                blank[k] = true;
                start = k + 1;
            }
        }
        ranges.push((start, lines.len(), None));
    } else if leading >= 2 {
        let mut start = 0;
        let mut date = None;
        let mut in_comments = false;
        for (k, kind) in kinds.iter().enumerate() {
            match kind {
                LineKind::CommentStart => in_comments = true,
                LineKind::LeadDate { date: d, timed } if !(*timed && in_comments) => {
                    ranges.push((start, k, date));
                    start = k;
                    date = Some(*d);
                    in_comments = false;
                }
                _ => {}
            }
        }
        ranges.push((start, lines.len(), date));
    } else {
        ranges.push((0, lines.len(), None));
    }
    let multi = ranges.len() > 1;

    // Blank boilerplate, comment stamps and whole comment sections (to the end of their post).
    for &(start, end, _) in &ranges {
        let mut in_comments = false;
        for k in start..end {
            match kinds.get(k) {
                Some(LineKind::CommentStart) => in_comments = true,
                Some(LineKind::Boilerplate | LineKind::CommentStamp) => {
                    if let Some(b) = blank.get_mut(k) {
                        *b = true;
                    }
                }
                _ => {}
            }
            if in_comments {
                if let Some(b) = blank.get_mut(k) {
                    *b = true;
                }
            }
        }
    }

    let kept = |k: usize| -> &str {
        if blank.get(k).copied().unwrap_or(true) {
            ""
        } else {
            lines.get(k).copied().unwrap_or("")
        }
    };

    // The document's own date when it is a single article: a dateline near the top, else the
    // latest full date the kept text cites.
    let mut published = None;
    let mut inferred_from = None;
    if !multi {
        published = dateline(lines, &kinds, &blank).map(|date| Published {
            date,
            origin: DateOrigin::Dateline,
        });
        if published.is_none() {
            let latest = (0..lines.len())
                .flat_map(|k| full_dates(kept(k)).into_iter().map(move |d| (d.date, k)))
                .max_by_key(|&(date, k)| (date, std::cmp::Reverse(k)));
            if let Some((date, k)) = latest {
                published = Some(Published {
                    date,
                    origin: DateOrigin::Inferred,
                });
                inferred_from = Some(file_line(k));
            }
        }
    }

    let mut posts = Vec::new();
    for &(start, end, date) in &ranges {
        let mut first = start;
        while first < end && kept(first).trim().is_empty() {
            first += 1;
        }
        let mut last = end;
        while last > first && kept(last - 1).trim().is_empty() {
            last -= 1;
        }
        if multi && !(first..last).any(|k| is_prose(kept(k))) {
            continue;
        }
        let separator = match map {
            LineMap::PerLine => "\n",
            LineMap::SingleLine => "\u{2029}",
        };
        let text = (first..last).map(kept).collect::<Vec<_>>().join(separator);
        let post_published = match date {
            Some(date) => Some(Published {
                date,
                origin: DateOrigin::Dateline,
            }),
            None if multi => None,
            None => published,
        };
        posts.push(Post {
            published: post_published,
            title: title((first..last).map(kept)),
            text,
            first_line: file_line(first.min(end)),
        });
    }
    if multi {
        published = posts
            .iter()
            .filter_map(|p| p.published)
            .max_by_key(|p| p.date);
    }
    let title = posts.first().and_then(|p| p.title.clone());
    Body {
        posts,
        published,
        title,
        inferred_from,
    }
}

/// The first date line among the top lines of a single article, before its body starts (a line
/// of more than [`DATELINE_MAX_WORDS`] words). Short lines holding a full date count too ("By
/// Jane Doe | March 3, 2015", "Wednesday, March 14, 2007; A10"), citations ("[1] ...") do not.
fn dateline(lines: &[&str], kinds: &[LineKind], blank: &[bool]) -> Option<NaiveDate> {
    let top = lines
        .iter()
        .zip(kinds)
        .zip(blank)
        .filter(|((line, _), _)| !line.trim().is_empty())
        .take(DATELINE_WINDOW);
    for ((line, kind), blanked) in top {
        match kind {
            LineKind::LeadDate { date, .. } | LineKind::TrailDate(date) => return Some(*date),
            LineKind::Text if word_count(line) > DATELINE_MAX_WORDS => return None,
            LineKind::Text
                if !blanked
                    && word_count(line) <= DATELINE_MAX_WORDS
                    && !line.trim_start().starts_with('[') =>
            {
                if let Some(found) = full_dates(line).first() {
                    return Some(found.date);
                }
            }
            _ => {}
        }
    }
    None
}

/// The first heading-like line: three to twenty-five words, three with letters, not a sentence.
pub(crate) fn title<'a>(lines: impl Iterator<Item = &'a str>) -> Option<String> {
    lines
        .filter(|l| !l.trim().is_empty())
        .take(6)
        .find(|line| {
            let words = word_count(line);
            let lettered = line
                .split_whitespace()
                .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
                .count();
            (3..=25).contains(&words)
                && lettered >= 3
                && !line.trim_end().ends_with(['.', ',', ';'])
                && full_dates(line).is_empty()
        })
        .map(|l| l.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        text.split('\n').collect()
    }

    #[test]
    fn header_block_gives_metadata_and_body_start() {
        let text = "source: Daily Example\nurl: https://example.org/a\npublished: 2013-09-20\ntitle: A title\n---\nBody line.";
        let mut diags = Vec::new();
        let (meta, start) = parse_header(&lines(text), 1, Path::new("a.txt"), &mut diags);
        assert!(diags.is_empty());
        assert_eq!(start, 5);
        assert_eq!(meta.source.as_deref(), Some("Daily Example"));
        assert_eq!(
            meta.published.map(|p| p.date.to_string()),
            Some("2013-09-20".into())
        );
    }

    #[test]
    fn unknown_header_key_is_an_error_with_its_line() {
        let text = "source: X\nauthor: Someone\n---\nBody.";
        let mut diags = Vec::new();
        let (_, start) = parse_header(&lines(text), 1, Path::new("a.txt"), &mut diags);
        assert_eq!(start, 3);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].location.line, 2);
        assert!(diags[0].message.contains("author"));
    }

    #[test]
    fn text_without_header_is_all_body() {
        let text = "Just a line: with a colon.\nAnother line.";
        let mut diags = Vec::new();
        let (meta, start) = parse_header(&lines(text), 1, Path::new("a.txt"), &mut diags);
        assert_eq!((meta, start), (Meta::default(), 0));
        assert!(diags.is_empty());
    }

    #[test]
    fn single_article_dated_by_its_dateline() {
        let text = "March 3rd, 2015\n\nA storm hit the town on Sunday, officials said.\nIt was worse than on January 2, 2014.";
        let body = split_body(&lines(text), 1, LineMap::PerLine);
        assert_eq!(body.posts.len(), 1);
        let published = body.published.unwrap();
        assert_eq!(published.date.to_string(), "2015-03-03");
        assert_eq!(published.origin, DateOrigin::Dateline);
    }

    #[test]
    fn without_dateline_the_latest_cited_date_is_inferred() {
        let text = "A storm hit the town, officials said on Sunday.\n\n[1] Doe, Storm report, Example News, March 9,2015\n[2] Roe, Earlier storm, Example News, January 2, 2014";
        let body = split_body(&lines(text), 1, LineMap::PerLine);
        let published = body.published.unwrap();
        assert_eq!(published.date.to_string(), "2015-03-09");
        assert_eq!(published.origin, DateOrigin::Inferred);
        assert_eq!(body.inferred_from, Some(3));
        assert!(body.posts[0].text.contains("[1] Doe"));
    }
}
