//! Ingest: files, folders, JSONL, HTML and hostile input to documents, posts and sentences.
//!
//! Fixtures live in tests/fixtures/ingest/ (text we wrote); hostile inputs are generated in
//! temporary folders.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use factline::error::{Diagnostic, DiagnosticLevel};
use factline::ingest::{self, limits, DateOrigin, Document, Input};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

fn read_path(path: &Path) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut docs = Vec::new();
    let mut diagnostics = Vec::new();
    ingest::read(
        &Input::File(path.to_path_buf()),
        &mut |d| docs.push(d),
        &mut diagnostics,
    );
    (docs, diagnostics)
}

fn read_one(name: &str) -> (Document, Vec<Diagnostic>) {
    let (mut docs, diagnostics) = read_path(&fixture(name));
    assert_eq!(docs.len(), 1, "{name}: {diagnostics:?}");
    (docs.remove(0), diagnostics)
}

fn date(doc_date: Option<ingest::Published>) -> Option<String> {
    doc_date.map(|p| p.date.to_string())
}

/// Every sentence of a document with its line.
fn sentences(doc: &Document) -> Vec<(usize, String)> {
    doc.posts
        .iter()
        .flat_map(|post| {
            ingest::sentences(post)
                .into_iter()
                .map(move |s| (s.line, post.text[s.start..s.end].to_string()))
        })
        .collect()
}

fn all_text(doc: &Document) -> String {
    doc.posts
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn header_block_sets_metadata_and_lines_start_after_it() {
    let (doc, diagnostics) = read_one("header.txt");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(doc.source, "The Harbor Times");
    assert_eq!(
        doc.url.as_deref(),
        Some("https://example.org/harbor/strike")
    );
    assert_eq!(doc.title.as_deref(), Some("Ferry strike"));
    assert_eq!(date(doc.published).as_deref(), Some("2015-03-11"));
    assert_eq!(doc.published.unwrap().origin, DateOrigin::Header);
    assert_eq!(doc.posts.len(), 1);
    assert_eq!(date(doc.posts[0].published).as_deref(), Some("2015-03-11"));
    assert_eq!(
        sentences(&doc),
        [
            (
                6,
                "The strike entered its tenth day on Wednesday.".to_string()
            ),
            (
                8,
                "About 300 workers joined it, the union said.".to_string()
            ),
        ]
    );
}

#[test]
fn unknown_header_key_and_bad_date_are_errors_naming_file_and_line() {
    let (doc, diagnostics) = read_one("bad_header.txt");
    let rendered: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(rendered.len(), 2, "{rendered:?}");
    assert!(rendered[0].starts_with("error: "));
    assert!(
        rendered[0].contains("bad_header.txt:2:1"),
        "{}",
        rendered[0]
    );
    assert!(rendered[0].contains("author"));
    assert!(
        rendered[1].contains("bad_header.txt:3:1"),
        "{}",
        rendered[1]
    );
    assert_eq!(doc.source, "The Harbor Times");
    assert_eq!(sentences(&doc), [(5, "The strike went on.".to_string())]);
}

#[test]
fn source_falls_back_to_the_file_name() {
    let (doc, _) = read_one("footnotes.txt");
    assert_eq!(doc.source, "footnotes");
    assert_eq!(doc.id, fixture("footnotes.txt").to_string_lossy());
}

#[test]
fn blog_page_splits_into_posts_on_leading_date_lines() {
    let (doc, diagnostics) = read_one("blog.txt");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let posts: Vec<(usize, Option<String>)> = doc
        .posts
        .iter()
        .map(|p| (p.first_line, date(p.published)))
        .collect();
    assert_eq!(
        posts,
        [
            (3, Some("2015-03-10".into())),
            (12, Some("2015-02-02".into())),
            (18, Some("2015-01-30".into())),
        ]
    );
    assert_eq!(date(doc.published).as_deref(), Some("2015-03-10"));
    assert_eq!(
        doc.posts[0].title.as_deref(),
        Some("Ferry strike enters its second week")
    );
    let text = all_text(&doc);
    assert!(!text.contains("Showing posts"));
    assert!(!text.contains("Labels:"));
    let lines = sentences(&doc);
    assert!(lines.contains(&(
        7,
        "Dr. Ana Ruiz, the union's spokeswoman, said talks with the U.S. operator had failed."
            .to_string()
    )));
    assert!(lines.contains(&(
        16,
        "Two fishing boats sank and three crew members were rescued.".to_string()
    )));
}

#[test]
fn list_of_articles_splits_on_trailing_date_lines_and_drops_furniture() {
    let (doc, _) = read_one("list.txt");
    let posts: Vec<Option<String>> = doc.posts.iter().map(|p| date(p.published)).collect();
    assert_eq!(
        posts,
        [
            Some("2016-04-14".to_string()),
            Some("2016-04-09".to_string())
        ]
    );
    assert_eq!(date(doc.published).as_deref(), Some("2016-04-14"));
    let text = all_text(&doc);
    for furniture in [
        "Home",
        "Contact us",
        "©",
        "Facebook",
        "0 comments",
        "Recent Posts",
        "Back To Top",
    ] {
        assert!(!text.contains(furniture), "{furniture} in {text:?}");
    }
    let lines = sentences(&doc);
    assert!(lines.contains(&(
        10,
        "A fire at the north dock injured four workers on Sunday, the fire service said."
            .to_string()
    )));
    assert!(lines
        .iter()
        .any(|(line, s)| *line == 20 && s.contains("crane")));
}

#[test]
fn reader_comments_do_not_reach_the_text() {
    let (doc, _) = read_one("comments.txt");
    assert_eq!(date(doc.published).as_deref(), Some("2018-06-03"));
    assert_eq!(doc.published.unwrap().origin, DateOrigin::Dateline);
    assert_eq!(doc.posts.len(), 1);
    let text = &doc.posts[0].text;
    assert!(text.contains("About 12,000 cars"));
    for comment in [
        "20 workers",
        "3 million",
        "Reader",
        "Post by",
        "Filed under",
        "8:02",
    ] {
        assert!(!text.contains(comment), "{comment}");
    }
    // Blanked lines keep the numbering.
    assert!(sentences(&doc).contains(&(
        6,
        "The old river bridge reopened on Saturday after eight months of repairs, the city said."
            .to_string()
    )));
}

#[test]
fn without_dateline_the_date_is_inferred_from_cited_dates_and_citations_stay() {
    let (doc, diagnostics) = read_one("footnotes.txt");
    let published = doc.published.unwrap();
    assert_eq!(published.date.to_string(), "2016-09-05");
    assert_eq!(published.origin, DateOrigin::Inferred);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].level, DiagnosticLevel::Warning);
    assert_eq!(diagnostics[0].location.line, 10);
    let lines = sentences(&doc);
    assert!(lines.contains(&(
        3,
        "The fisheries board cut the cod quota by a third, the second cut in two years.[1]"
            .to_string()
    )));
    assert!(lines
        .iter()
        .any(|(line, s)| *line == 8 && s.starts_with("[1] Berg")));
}

#[test]
fn jsonl_records_stream_and_bad_lines_are_reported_with_their_line() {
    let (docs, diagnostics) = read_path(&fixture("records.jsonl"));
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let path = fixture("records.jsonl").to_string_lossy().into_owned();
    assert_eq!(
        ids,
        ["a1".to_string(), format!("{path}#2"), format!("{path}#3")]
    );
    let errors: Vec<(usize, DiagnosticLevel)> = diagnostics
        .iter()
        .filter(|d| d.level == DiagnosticLevel::Error)
        .map(|d| (d.location.line, d.level))
        .collect();
    assert_eq!(
        errors,
        [(2, DiagnosticLevel::Error), (3, DiagnosticLevel::Error)]
    );
    assert!(diagnostics[1].message.contains("text"));
    assert_eq!(docs[0].source, "Harbor Daily");
    assert_eq!(date(docs[0].published).as_deref(), Some("2015-03-11"));
    assert_eq!(docs[0].published.unwrap().origin, DateOrigin::Header);
    assert_eq!(date(docs[1].published).as_deref(), Some("2015-03-12"));
    assert_eq!(docs[2].source, "records");
    // Every sentence of a record maps to the record's line, newlines in the text still split.
    assert_eq!(
        sentences(&docs[1]),
        [
            (5, "Talks resumed.".to_string()),
            (5, "The U.N. envoy attended.".to_string())
        ]
    );
    assert_eq!(
        sentences(&docs[0]),
        [
            (1, "The strike went on for a tenth day.".to_string()),
            (1, "Dr. Ruiz said 300 workers joined.".to_string())
        ]
    );
}

#[test]
fn html_main_content_with_page_metadata_and_source_lines() {
    let (doc, diagnostics) = read_one("article.html");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(doc.source, "Example Harbor News");
    assert_eq!(date(doc.published).as_deref(), Some("2016-04-14"));
    assert_eq!(doc.published.unwrap().origin, DateOrigin::Header);
    assert_eq!(doc.url.as_deref(), Some("https://example.org/dock-fire"));
    assert_eq!(doc.title.as_deref(), Some("Dock fire injures four workers"));
    let text = all_text(&doc);
    for furniture in [
        "Home",
        "Most read",
        "Related",
        "Ten thousand",
        "Copyright",
        "color",
    ] {
        assert!(!text.contains(furniture), "{furniture} in {text:?}");
    }
    assert_eq!(
        sentences(&doc),
        [
            (15, "Dock fire injures four workers".to_string()),
            (
                16,
                "A fire at the north dock injured four workers on Sunday, the fire service said."
                    .to_string()
            ),
            (
                18,
                "Firefighters needed three hours to put it out.".to_string()
            ),
            (18, "The cause is not known yet.".to_string()),
        ]
    );
}

#[test]
fn html_blog_with_dated_posts_splits_like_text() {
    let page = "<html><body>\n<div class=\"blog-posts\">\n<h2 class=\"date-header\">Tuesday, March 10, 2015</h2>\n<div class=\"post\"><h3>Strike goes on</h3>\n<p>The union said 340 members had stopped work on Monday.</p></div>\n<h2 class=\"date-header\">Monday, February 2, 2015</h2>\n<div class=\"post\"><h3>Storm</h3>\n<p>A storm closed the harbor for two whole days, the port said.</p></div>\n</div></body></html>";
    let mut docs = Vec::new();
    let mut diagnostics = Vec::new();
    ingest::read_from(
        Path::new("blog.html"),
        &mut Cursor::new(page),
        &mut |d| docs.push(d),
        &mut diagnostics,
    );
    let posts: Vec<(usize, Option<String>)> = docs[0]
        .posts
        .iter()
        .map(|p| (p.first_line, date(p.published)))
        .collect();
    assert_eq!(
        posts,
        [
            (3, Some("2015-03-10".into())),
            (6, Some("2015-02-02".into()))
        ]
    );
}

#[test]
fn html_page_of_articles_splits_on_each_articles_time_element() {
    let page = "<html><body><main>\n<article>\n<h2>Strike goes on</h2><time datetime=\"2015-03-10T08:00:00Z\">Tue</time>\n<p>The union said 340 members had stopped work on Monday.</p>\n</article>\n<article>\n<h2>Storm</h2><time datetime=\"2015-02-02\">Mon</time>\n<p>A storm closed the harbor for two whole days, the port said.</p>\n</article>\n</main></body></html>";
    let mut docs = Vec::new();
    let mut diagnostics = Vec::new();
    ingest::read_from(
        Path::new("articles.html"),
        &mut Cursor::new(page),
        &mut |d| docs.push(d),
        &mut diagnostics,
    );
    let posts: Vec<Option<String>> = docs[0].posts.iter().map(|p| date(p.published)).collect();
    assert_eq!(
        posts,
        [Some("2015-03-10".into()), Some("2015-02-02".into())]
    );
    let lines = sentences(&docs[0]);
    assert!(lines
        .iter()
        .any(|(line, s)| *line == 8 && s.starts_with("A storm")));
}

#[test]
fn stdin_format_is_sniffed() {
    let mut docs = Vec::new();
    let mut diagnostics = Vec::new();
    ingest::read_from(
        Path::new("-"),
        &mut Cursor::new("{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n"),
        &mut |d| docs.push(d),
        &mut diagnostics,
    );
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].id, "-#1");
    assert_eq!(docs[0].source, "stdin");
}

// --- discover -------------------------------------------------------------------------------

fn touch(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[test]
fn folders_are_walked_in_sorted_order_for_known_extensions() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("b/inner")).unwrap();
    for name in [
        "z.txt",
        "a.md",
        "b/inner/c.html",
        "b/d.jsonl",
        "e.pdf",
        "f.HTM",
        "g",
    ] {
        touch(&root.join(name), "x");
    }
    let mut diagnostics = Vec::new();
    let inputs = ingest::discover(&[root.to_path_buf()], &mut diagnostics);
    assert!(diagnostics.is_empty());
    let names: Vec<String> = inputs
        .iter()
        .map(|i| match i {
            Input::File(p) => p.strip_prefix(root).unwrap().to_string_lossy().into_owned(),
            Input::Stdin => "-".into(),
        })
        .collect();
    assert_eq!(
        names,
        ["a.md", "b/d.jsonl", "b/inner/c.html", "f.HTM", "z.txt"]
    );
}

#[test]
fn missing_path_is_an_error_naming_it_and_dash_is_stdin() {
    let mut diagnostics = Vec::new();
    let inputs = ingest::discover(
        &[PathBuf::from("-"), PathBuf::from("no/such/file.txt")],
        &mut diagnostics,
    );
    assert_eq!(inputs, [Input::Stdin]);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].level, DiagnosticLevel::Error);
    assert!(diagnostics[0].to_string().contains("no/such/file.txt"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("sub")).unwrap();
    touch(&root.join("sub/a.txt"), "x");
    std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
    let mut diagnostics = Vec::new();
    let inputs = ingest::discover(&[root.to_path_buf()], &mut diagnostics);
    assert_eq!(inputs.len(), 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(diagnostics[0].message.contains("symlink loop"));
}

#[cfg(unix)]
#[test]
fn odd_path_names_are_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let names: [&[u8]; 3] = [b"with space.txt", b"new\nline.txt", b"bad\xff\xfebytes.txt"];
    for name in names {
        let path = dir.path().join(std::ffi::OsStr::from_bytes(name));
        touch(&path, "Nine people were hurt, police said.");
    }
    let mut diagnostics = Vec::new();
    let inputs = ingest::discover(&[dir.path().to_path_buf()], &mut diagnostics);
    assert_eq!(inputs.len(), 3);
    for input in &inputs {
        let mut docs = Vec::new();
        ingest::read(input, &mut |d| docs.push(d), &mut diagnostics);
        assert_eq!(docs.len(), 1);
        assert_eq!(sentences(&docs[0]).len(), 1);
    }
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

// --- hostile and huge input ------------------------------------------------------------------

fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

#[test]
fn binary_file_is_skipped_with_a_warning_naming_it() {
    let (_dir, path) = temp_file("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let (docs, diagnostics) = read_path(&path);
    assert!(docs.is_empty());
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].level, DiagnosticLevel::Warning);
    assert!(diagnostics[0].to_string().contains("image.txt"));
    assert!(diagnostics[0].message.contains("binary"));
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let (_dir, path) = temp_file(
        "latin1.txt",
        b"First line.\nCaf\xe9 owners said 12 shops closed.\n",
    );
    let (docs, diagnostics) = read_path(&path);
    assert_eq!(docs.len(), 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(diagnostics[0].message.contains("UTF-8"));
    assert_eq!(diagnostics[0].location.line, 2);
    assert!(docs[0].posts[0].text.contains("Caf\u{FFFD} owners"));
}

#[test]
fn empty_files_give_an_empty_document() {
    for name in ["empty.txt", "empty.html", "empty.jsonl", "empty.md"] {
        let (_dir, path) = temp_file(name, b"");
        let (docs, diagnostics) = read_path(&path);
        assert!(docs.len() <= 1);
        assert!(
            docs.iter()
                .all(|d| d.posts.iter().all(|p| p.text.is_empty())),
            "{name}"
        );
        assert!(
            diagnostics
                .iter()
                .all(|d| d.level == DiagnosticLevel::Warning),
            "{name}: {diagnostics:?}"
        );
    }
}

#[test]
fn huge_single_line_file_is_cut_at_the_document_limit_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one line.txt");
    let mut file = std::fs::File::create(&path).unwrap();
    let chunk = "word ".repeat(200_000);
    let mut written = 0;
    while written <= limits::MAX_DOCUMENT_BYTES + (1 << 20) {
        file.write_all(chunk.as_bytes()).unwrap();
        written += chunk.len();
    }
    drop(file);
    let (docs, diagnostics) = read_path(&path);
    assert_eq!(docs.len(), 1);
    let text_len: usize = docs[0].posts.iter().map(|p| p.text.len()).sum();
    assert!(text_len <= limits::MAX_LINE_BYTES);
    let messages: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("one line.txt") && m.contains("document limit")),
        "{messages:?}"
    );
}

#[test]
fn oversized_jsonl_record_is_skipped_and_the_file_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(file, "{{\"text\": \"Before.\"}}").unwrap();
    write!(file, "{{\"text\": \"").unwrap();
    let chunk = "a".repeat(1 << 20);
    for _ in 0..=(limits::MAX_JSONL_LINE_BYTES >> 20) {
        file.write_all(chunk.as_bytes()).unwrap();
    }
    writeln!(file, "\"}}").unwrap();
    writeln!(file, "{{\"text\": \"After.\"}}").unwrap();
    drop(file);
    let (docs, diagnostics) = read_path(&path);
    let texts: Vec<&str> = docs.iter().map(|d| d.posts[0].text.as_str()).collect();
    assert_eq!(texts, ["Before.", "After."]);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0].location.line, 2);
    assert!(diagnostics[0].message.contains("record limit"));
}

#[test]
fn deeply_nested_json_is_an_error_not_a_stack_overflow() {
    let line = format!(
        "{}{}\n{{\"text\": \"Fine.\"}}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let (_dir, path) = temp_file("deep.jsonl", line.as_bytes());
    let (docs, diagnostics) = read_path(&path);
    assert_eq!(docs.len(), 1);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].level, DiagnosticLevel::Error);
    assert_eq!(diagnostics[0].location.line, 1);
}

#[test]
fn long_lines_are_cut_with_a_warning_naming_the_line() {
    let text = format!(
        "Short first line.\n{}\nLast line here.\n",
        "x".repeat(limits::MAX_LINE_BYTES + 10)
    );
    let (_dir, path) = temp_file("long.txt", text.as_bytes());
    let (docs, diagnostics) = read_path(&path);
    assert_eq!(docs.len(), 1);
    let warning = diagnostics
        .iter()
        .find(|d| d.message.contains("line limit"))
        .expect("a line-limit warning");
    assert_eq!(warning.location.line, 2);
    assert!(sentences(&docs[0]).contains(&(3, "Last line here.".to_string())));
}

// --- properties -------------------------------------------------------------------------------

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Lines a scraped page is made of: prose, date lines in every form ingest reacts to,
    /// navigation, comment markers, header lines, HTML and JSON fragments, odd characters.
    fn page_line() -> impl Strategy<Value = String> {
        prop_oneof![
            "[A-Za-z ,.'\"!?()\\[\\]0-9-]{0,80}",
            Just("Friday, November 13, 2020".to_string()),
            Just("March 3, 2015 0 comments".to_string()),
            Just("  March 4, 2015 at 1:39 am |".to_string()),
            Just("Posted By A Writer On July 29, 2009".to_string()),
            Just("soundoff (3 Responses)".to_string()),
            Just("  • Home".to_string()),
            Just("source: X".to_string()),
            Just("published: 2013-09-20".to_string()),
            Just("---".to_string()),
            Just("Dr. Smith met U.S. officials on Sept. 1.[2] The U.N. said so.".to_string()),
            Just("<p>tag</p><article><time datetime=\"2013-09-20\">".to_string()),
            Just("{\"text\": \"x\"}".to_string()),
            "\\PC{0,40}",
        ]
    }

    fn check_document(doc: &Document) {
        for post in &doc.posts {
            let lines = post.text.matches('\n').count();
            for s in ingest::sentences(post) {
                assert!(s.start < s.end && s.end <= post.text.len());
                assert!(post.text.is_char_boundary(s.start) && post.text.is_char_boundary(s.end));
                assert!(s.line >= post.first_line && s.line <= post.first_line + lines);
            }
        }
    }

    fn read_bytes(name: &str, bytes: &[u8]) -> Vec<Document> {
        let mut docs = Vec::new();
        let mut diagnostics = Vec::new();
        ingest::read_from(
            Path::new(name),
            &mut Cursor::new(bytes.to_vec()),
            &mut |d| docs.push(d),
            &mut diagnostics,
        );
        docs
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn any_page_reads_without_panic_and_sentences_map_into_it(
            lines in prop::collection::vec(page_line(), 0..40)
        ) {
            let text = lines.join("\n");
            for name in ["page.txt", "page.html", "page.jsonl", "-"] {
                for doc in read_bytes(name, text.as_bytes()) {
                    check_document(&doc);
                }
            }
        }

        #[test]
        fn any_bytes_read_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
            for name in ["page.txt", "page.html", "page.jsonl"] {
                for doc in read_bytes(name, &bytes) {
                    check_document(&doc);
                }
            }
        }

        #[test]
        fn blanking_keeps_line_numbers(lines in prop::collection::vec(page_line(), 1..30)) {
            let text = lines.join("\n");
            for doc in read_bytes("page.txt", text.as_bytes()) {
                for post in &doc.posts {
                    for (k, line) in post.text.split('\n').enumerate() {
                        let original = text.split('\n').nth(post.first_line - 1 + k);
                        prop_assert!(line.is_empty() || original == Some(line));
                    }
                }
            }
        }
    }
}

#[test]
fn a_path_given_twice_or_inside_a_given_folder_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let inner = sub.join("a.txt");
    std::fs::write(&inner, "Nothing happened.").unwrap();
    std::fs::write(dir.path().join("b.md"), "Nothing either.").unwrap();
    let given = [
        inner.clone(),
        dir.path().to_path_buf(),
        sub.clone(),
        dir.path().to_path_buf(),
    ];
    let mut found: Vec<Input> = ingest::inputs(&given).map(Result::unwrap).collect();
    found.sort_by_key(|i| format!("{i:?}"));
    assert_eq!(
        found,
        [Input::File(dir.path().join("b.md")), Input::File(inner)]
    );
}
