//! Ingest on the seed pages in ../shared/corpus/seeds (messy real pages): dates, post splits and
//! boilerplate. Opt-in: `cargo test --features shared-corpus`.
#![cfg(feature = "shared-corpus")]

use std::path::{Path, PathBuf};

use factline::ingest::{self, DateOrigin, Document, Input};

fn seed(prefix: &str) -> Document {
    // ../shared from the crate root, or from a folder above it (a git worktree sits deeper).
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .skip(1)
        .map(|a| a.join("shared/corpus/seeds"))
        .find(|p| p.is_dir())
        .expect("../shared/corpus/seeds not found above the crate root");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect();
    paths.sort();
    let path = paths.first().expect("seed file").clone();
    let mut docs = Vec::new();
    let mut diagnostics = Vec::new();
    ingest::read(&Input::File(path), &mut |d| docs.push(d), &mut diagnostics);
    assert_eq!(docs.len(), 1, "{diagnostics:?}");
    docs.remove(0)
}

fn post_dates(doc: &Document) -> Vec<String> {
    doc.posts
        .iter()
        .map(|p| p.published.map_or("none".into(), |d| d.date.to_string()))
        .collect()
}

fn sentence_lines(doc: &Document) -> Vec<usize> {
    doc.posts
        .iter()
        .flat_map(|p| ingest::sentences(p).into_iter().map(|s| s.line))
        .collect()
}

#[test]
fn seed_000_is_dated_by_its_dateline_and_reader_comments_are_dropped() {
    let doc = seed("000_");
    let published = doc.published.expect("a date");
    assert_eq!(published.date.to_string(), "2013-09-20");
    assert_eq!(published.origin, DateOrigin::Dateline);
    assert_eq!(doc.posts.len(), 1);
    // The comment section starts at line 28; nothing from it may be read.
    let last = sentence_lines(&doc).into_iter().max().unwrap();
    assert!(last < 28, "sentence at line {last}");
    assert!(!doc.posts[0].text.contains("Filed under"));
}

#[test]
fn seed_001_without_dateline_is_inferred_from_the_dates_it_cites() {
    let doc = seed("001_");
    let published = doc.published.expect("a date");
    assert_eq!(published.date.to_string(), "2013-12-07");
    assert_eq!(published.origin, DateOrigin::Inferred);
    assert!(!doc.posts[0].text.contains("Home »"));
}

#[test]
fn seed_002_blog_splits_into_its_dated_posts() {
    let doc = seed("002_");
    assert_eq!(
        post_dates(&doc),
        [
            "2020-11-13",
            "2012-02-09",
            "2009-07-31",
            "2009-07-29",
            "2007-03-14"
        ]
    );
    let first_lines: Vec<usize> = doc.posts.iter().map(|p| p.first_line).collect();
    assert_eq!(first_lines, [4, 27, 37, 54, 66]);
    assert!(!doc.posts.iter().any(|p| p.text.contains("Showing posts")));
}

#[test]
fn seed_003_list_splits_on_its_trailing_dates_without_navigation() {
    let doc = seed("003_");
    assert_eq!(
        post_dates(&doc),
        [
            "2012-07-25",
            "2012-07-24",
            "2012-07-24",
            "2012-07-23",
            "2012-07-23",
            "2012-07-22",
            "2012-07-22",
            "2012-07-22",
            "2012-07-21",
            "2012-07-21"
        ]
    );
    for post in &doc.posts {
        for furniture in [
            "• Home",
            "Contact us",
            "©",
            "0 comments",
            "Facebook",
            "Recent Posts",
        ] {
            assert!(!post.text.contains(furniture), "{furniture}");
        }
    }
}

#[test]
fn seed_004_is_inferred_from_its_citations_which_stay_content() {
    let doc = seed("004_");
    let published = doc.published.expect("a date");
    assert_eq!(published.date.to_string(), "2013-02-13");
    assert_eq!(published.origin, DateOrigin::Inferred);
    let post = &doc.posts[0];
    let citation = ingest::sentences(post)
        .into_iter()
        .find(|s| post.text[s.start..s.end].starts_with("[1]"))
        .expect("the first citation is a sentence");
    assert_eq!(citation.line, 32);
}
