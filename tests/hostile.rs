//! Hostile input, through the binary: markup and formulas in quotes, odd path names, symlink
//! loops, lines and documents over the limits, huge and deeply nested JSONL, pathological rules,
//! a "date" of 10,000 digits, binary files and invalid UTF-8. Never a panic; a warning or error
//! naming the file; exit 2 only when an input (or the rules) could not be used.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use factline::ingest::limits;

/// A run that should take well under a second; the bound only stops a hang from stalling CI.
const HANG_GUARD: Duration = Duration::from_secs(120);

struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

fn factline(cwd: &Path, args: &[&str]) -> Outcome {
    let output = Command::cargo_bin("factline")
        .expect("binary")
        .current_dir(cwd)
        .args(args)
        .timeout(HANG_GUARD)
        .output()
        .expect("factline runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "factline panicked on {args:?}:\n{stderr}"
    );
    Outcome {
        code: output
            .status
            .code()
            .expect("exited, not killed by a signal"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr,
    }
}

fn json(out: &Outcome) -> serde_json::Value {
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", out.stdout))
}

fn claims(out: &Outcome) -> usize {
    json(out)["claims"].as_array().map_or_else(
        || json(out)["claims"].as_u64().unwrap_or(0) as usize,
        Vec::len,
    )
}

const ATTACK: &str = "At least 52 residents were killed in the attack on Camp Ashraf on 1 September 2013, the group said.";
const OTHER: &str = "source: Plain Wire\npublished: 2013-09-03\n---\nSeven residents were killed in the attack on Camp Ashraf on 1 September 2013, the U.N. said.\n";

#[test]
fn markup_in_sources_and_quotes_is_escaped_in_the_html_report_and_markdown() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("evil.txt"),
        format!(
            "source: Evil <script>alert('s')</script> Wire\nurl: javascript:alert(1)\npublished: 2013-09-02\n---\n{} \"<img src=x onerror=alert('q')>\" and <b>bold</b> `code` | pipe.\n",
            ATTACK.trim_end_matches('.')
        ),
    )
    .expect("write");
    std::fs::write(dir.path().join("other.txt"), OTHER).expect("write");

    let out = factline(
        dir.path(),
        &["report", "-q", "-o", "r.html", "evil.txt", "other.txt"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = std::fs::read_to_string(dir.path().join("r.html")).expect("report written");
    assert!(
        html.contains("&lt;script&gt;alert("),
        "the source is shown, escaped"
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert("),
        "the quote is shown, escaped"
    );
    assert!(!html.contains("<script>alert("));
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("<b>bold</b>"));
    assert!(
        !html.contains("href=\"javascript:"),
        "a javascript: url is not a link"
    );

    let out = factline(
        dir.path(),
        &[
            "check",
            "--format",
            "markdown",
            "--fail-on",
            "never",
            "evil.txt",
            "other.txt",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("&lt;script&gt;"), "{}", out.stdout);
    assert!(!out.stdout.contains("<script>"));
    assert!(!out.stdout.contains("<img src=x"));
}

#[test]
fn spreadsheet_formulas_in_any_cell_are_neutralized() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("formula.txt"),
        "source: =HYPERLINK(\"http://evil.example\",\"click\")\ntitle: @SUM(A1:A9)\npublished: 2013-09-02\n---\n=cmd|'/C calc'!A0 At least 52 residents were killed in the attack on Camp Ashraf on 1 September 2013.\n+1 Seven residents were injured in the attack on Camp Ashraf on 1 September 2013.\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("other.txt"), OTHER).expect("write");
    for format in ["csv", "timelinejs"] {
        let out = factline(
            dir.path(),
            &[
                "timeline",
                "-q",
                "--format",
                format,
                "formula.txt",
                "other.txt",
            ],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(
            out.stdout.contains("HYPERLINK"),
            "{format}: the source is kept"
        );
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(out.stdout.as_bytes());
        let mut cells = 0;
        for record in reader.records() {
            for cell in record.expect("valid CSV").iter() {
                cells += 1;
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{format}: live formula cell {cell:?}"
                );
            }
        }
        assert!(cells > 20, "{format}: rows were written");
    }
}

#[cfg(unix)]
#[test]
fn path_names_with_spaces_newlines_and_non_utf8_bytes_are_read_and_named() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("odd names");
    std::fs::create_dir(&folder).expect("mkdir");
    let names: [&OsStr; 3] = [
        OsStr::new("with space.txt"),
        OsStr::new("line\nbreak.txt"),
        OsStr::from_bytes(b"caf\xe9 latin1.txt"),
    ];
    for name in names {
        std::fs::write(
            folder.join(name),
            format!("published: 2013-09-02\n---\n{ATTACK}\n\u{ff}"),
        )
        .expect("write");
    }
    // Invalid UTF-8 in each file: the warning names the file, lossily.
    for name in names {
        let mut bytes = std::fs::read(folder.join(name)).expect("read");
        bytes.extend_from_slice(b"\n\xff\xfe broken bytes\n");
        std::fs::write(folder.join(name), bytes).expect("write");
    }
    let out = factline(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "odd names",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(json(&out)["documents"], 3, "{}", out.stdout);
    assert!(out.stderr.contains("with space.txt"), "{}", out.stderr);
    assert!(
        out.stderr.contains("caf\u{fffd} latin1.txt"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("invalid UTF-8"), "{}", out.stderr);

    for format in ["csv", "json", "timelinejs"] {
        let out = factline(
            dir.path(),
            &["timeline", "-q", "--format", format, "odd names"],
        );
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        if format == "json" {
            json(&out);
        } else {
            let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
            let width = reader.headers().expect("header row").len();
            for record in reader.records() {
                assert_eq!(record.expect("valid CSV").len(), width, "{format}");
            }
        }
    }
    let out = factline(
        dir.path(),
        &["report", "-q", "-o", "odd report.html", "odd names"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(dir.path().join("odd report.html").exists());
}

#[cfg(unix)]
#[test]
fn symlink_loop_in_a_folder_is_reported_and_the_files_are_still_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("corpus");
    std::fs::create_dir_all(folder.join("sub")).expect("mkdir");
    std::fs::write(
        folder.join("sub/a.txt"),
        format!("published: 2013-09-02\n---\n{ATTACK}\n"),
    )
    .expect("write");
    std::os::unix::fs::symlink("..", folder.join("sub/up")).expect("symlink");
    std::os::unix::fs::symlink("loop", folder.join("loop")).expect("self-loop");
    let out = factline(
        dir.path(),
        &["check", "--format", "json", "--fail-on", "never", "corpus"],
    );
    assert!(out.stderr.contains("symlink loop"), "{}", out.stderr);
    assert_eq!(json(&out)["documents"], 1, "{}", out.stdout);
    assert!(matches!(out.code, 0 | 2), "{}", out.code);
}

#[test]
fn a_missing_path_is_an_error_naming_it_and_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("ok.txt"), OTHER).expect("write");
    let out = factline(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "ok.txt",
            "nowhere.txt",
        ],
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("nowhere.txt"), "{}", out.stderr);
    assert_eq!(json(&out)["documents"], 1, "the other input is still read");
}

#[test]
fn a_line_over_the_line_limit_is_cut_with_a_warning_naming_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let long = "word ".repeat(limits::MAX_LINE_BYTES / 5 + 1000);
    std::fs::write(
        dir.path().join("long.txt"),
        format!("published: 2013-09-02\n---\n{long}\n{ATTACK}\n"),
    )
    .expect("write");
    let out = factline(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "long.txt",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("long.txt:3"), "{}", out.stderr);
    assert!(out.stderr.contains("line limit"), "{}", out.stderr);
    assert!(claims(&out) > 0, "the lines after the long one are read");
}

#[test]
fn a_single_line_over_the_document_limit_is_read_up_to_the_limits_with_warnings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = b"At least 52 residents were killed in the attack on Camp Ashraf. ".to_vec();
    bytes.resize(limits::MAX_DOCUMENT_BYTES + (1 << 20), b'x');
    std::fs::write(dir.path().join("huge.txt"), &bytes).expect("write");
    let out = factline(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "huge.txt",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("huge.txt"), "{}", out.stderr);
    assert!(out.stderr.contains("document limit"), "{}", out.stderr);
    assert_eq!(json(&out)["documents"], 1);
    assert!(claims(&out) > 0, "the start of the line is read");
}

#[test]
fn a_jsonl_record_over_the_record_limit_is_skipped_and_the_next_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = b"{\"text\": \"".to_vec();
    bytes.resize(limits::MAX_JSONL_LINE_BYTES + 1024, b'a');
    bytes.extend_from_slice(b"\"}\n");
    bytes.extend_from_slice(
        format!(
            "{{\"text\": \"{ATTACK}\", \"published\": \"2013-09-02\", \"source\": \"Wire\"}}\n"
        )
        .as_bytes(),
    );
    std::fs::write(dir.path().join("feed.jsonl"), &bytes).expect("write");
    let out = factline(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "feed.jsonl",
        ],
    );
    assert!(out.stderr.contains("feed.jsonl:1"), "{}", out.stderr);
    assert!(out.stderr.contains("record limit"), "{}", out.stderr);
    assert_eq!(json(&out)["documents"], 1, "the second record is read");
    assert!(claims(&out) > 0);
    assert!(matches!(out.code, 0 | 2), "{}", out.code);
}

#[test]
fn deeply_nested_json_is_an_error_naming_the_line_not_a_stack_overflow() {
    let dir = tempfile::tempdir().expect("temp dir");
    let depth = 100_000;
    let nested = format!(
        "{{\"extra\": {}{}, \"text\": \"x\"}}\n{{\"text\": {}1{}}}\n",
        "[".repeat(depth),
        "]".repeat(depth),
        "{\"a\":".repeat(depth),
        "}".repeat(depth)
    );
    let good = format!(
        "{{\"text\": \"{ATTACK}\", \"published\": \"2013-09-02\", \"source\": \"Wire\"}}\n"
    );
    std::fs::write(dir.path().join("deep.jsonl"), format!("{nested}{good}")).expect("write");
    let out = factline(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "deep.jsonl",
        ],
    );
    assert_eq!(out.code, 2, "a record could not be read: {}", out.stderr);
    // Nesting in an ignored field is skipped without recursion; nesting where the text should
    // be is an error naming the line.
    assert!(!out.stderr.contains("deep.jsonl:1"), "{}", out.stderr);
    assert!(out.stderr.contains("deep.jsonl:2"), "{}", out.stderr);
    assert_eq!(
        json(&out)["documents"],
        2,
        "the first and the last record are read"
    );
}

/// The bundled rules with one more trigger for the attack kind, in `dir/rules`.
fn rules_with_trigger(dir: &Path, trigger: &str) -> PathBuf {
    let rules = dir.join("rules");
    std::fs::create_dir_all(&rules).expect("mkdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(root.join("rules")).expect("rules/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let mut text = std::fs::read_to_string(&path).expect("read");
            if path.ends_with("events.toml") {
                text = text.replacen("id = \"attack\"\n", "id = \"attack\"\n# hostile\n", 1);
                let at = text.find("# hostile\n").expect("marker");
                let (head, tail) = text.split_at(at);
                text = format!(
                    "{head}{}",
                    tail.replacen(
                        "triggers = [\n",
                        &format!("triggers = [\n  {trigger:?},\n"),
                        1
                    )
                );
            }
            std::fs::write(rules.join(path.file_name().expect("name")), text).expect("write");
        }
    }
    rules
}

#[test]
fn a_trigger_phrase_with_exponential_matching_is_rejected_naming_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let phrase = ["a"; 25].join(" * ") + " * zzz";
    rules_with_trigger(dir.path(), &phrase);
    std::fs::write(
        dir.path().join("doc.txt"),
        format!(
            "published: 2013-09-02\n---\n{} were killed.\n",
            ["a"; 60].join(" ")
        ),
    )
    .expect("write");
    let out = factline(
        dir.path(),
        &["check", "--rules", "rules", "--format", "json", "doc.txt"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("rules/events.toml:"), "{}", out.stderr);
    assert!(out.stderr.contains("gaps"), "{}", out.stderr);
}

#[test]
fn regex_syntax_in_a_trigger_is_matched_literally_and_fast() {
    let dir = tempfile::tempdir().expect("temp dir");
    rules_with_trigger(dir.path(), "(a+)+$ (x{1000}){1000}");
    std::fs::write(
        dir.path().join("doc.txt"),
        format!(
            "published: 2013-09-02\n---\n{} ! {ATTACK}\n",
            "a".repeat(5000)
        ),
    )
    .expect("write");
    let out = factline(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--format",
            "json",
            "--fail-on",
            "never",
            "doc.txt",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(claims(&out) > 0);
}

#[test]
fn a_date_of_ten_thousand_digits_is_neither_a_date_nor_a_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    let digits = "9".repeat(10_000);
    std::fs::write(
        dir.path().join("digits.txt"),
        format!("published: 2013-09-02\n---\nOn {digits} September {digits}, at least {digits} people were killed in the attack on Camp Ashraf, in {digits}-09-01.\n"),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("header.txt"),
        format!("published: {digits}\n---\n{ATTACK}\n"),
    )
    .expect("write");
    let out = factline(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "digits.txt",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report = json(&out);
    let text = report.to_string();
    assert!(
        !text.contains("null"),
        "no infinite or missing value: {text:.400}"
    );
    for claim in report["claims"].as_array().into_iter().flatten() {
        let value = claim["text"].as_str().unwrap_or_default();
        assert!(!value.contains("99999"), "{value:.40} was taken as a value");
    }

    let out = factline(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "header.txt",
        ],
    );
    assert_eq!(out.code, 2, "a bad header is an input error");
    assert!(out.stderr.contains("header.txt:1"), "{:.300}", out.stderr);

    let out = factline(
        dir.path(),
        &["dates", "--anchor", "2013-09-02", "digits.txt"],
    );
    assert_eq!(out.code, 0, "{:.300}", out.stderr);
    assert!(!out.stdout.contains("99999"), "{:.300}", out.stdout);
    let out = factline(dir.path(), &["dates", "--anchor", &digits, "digits.txt"]);
    assert_eq!(out.code, 2, "a bad anchor is a usage error");
}

#[test]
fn a_binary_file_is_skipped_with_a_warning_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = b"\x7fELF\x02\x01\x01\x00".to_vec();
    bytes.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));
    std::fs::write(dir.path().join("program.txt"), &bytes).expect("write");
    std::fs::write(dir.path().join("ok.txt"), OTHER).expect("write");
    let out = factline(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "program.txt",
            "ok.txt",
        ],
    );
    assert!(out.stderr.contains("program.txt"), "{}", out.stderr);
    assert!(out.stderr.contains("binary"), "{}", out.stderr);
    assert_eq!(
        json(&out)["documents"],
        1,
        "only the text file is a document"
    );
    // ingest reports a binary file as a warning (like ripgrep, it is not an error to skip one).
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning_naming_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = b"published: 2013-09-02\n---\nFirst line.\n".to_vec();
    bytes.extend_from_slice(b"Caf\xe9 \xc3\x28 \xf0\x28\x8c\x28 ");
    bytes.extend_from_slice(ATTACK.as_bytes());
    bytes.push(b'\n');
    std::fs::write(dir.path().join("latin.txt"), &bytes).expect("write");
    let out = factline(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "latin.txt",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("latin.txt:4"), "{}", out.stderr);
    assert!(out.stderr.contains("invalid UTF-8"), "{}", out.stderr);
    assert!(claims(&out) > 0, "the rest of the line is still read");
}

/// `timeline -o` killed at any moment leaves the old file or the whole new one, never a part
/// (the output goes to a temporary file renamed over the target). The kills land at spread
/// points of a run over many copies of the sample articles; whatever the timing, the assertion
/// is the same, so the test cannot flake.
#[cfg(unix)]
#[test]
fn a_killed_timeline_run_leaves_the_old_output_or_the_whole_new_one() {
    use std::process::Stdio;
    use std::time::Instant;

    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
    for copy in 0..10 {
        for entry in walk(&root) {
            let rel = entry.strip_prefix(&root).expect("under root");
            let target = corpus.join(format!("copy-{copy:02}")).join(rel);
            std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
            std::fs::copy(&entry, &target).expect("copy");
        }
    }
    let bin = assert_cmd::cargo::cargo_bin("factline");
    let target = dir.path().join("timeline.csv");
    let run = |kill_after: Option<Duration>| {
        std::fs::write(&target, "old contents\n").expect("write old");
        let mut child = std::process::Command::new(&bin)
            .current_dir(dir.path())
            .args([
                "timeline",
                "-q",
                "--format",
                "csv",
                "-o",
                "timeline.csv",
                "corpus",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let started = Instant::now();
        if let Some(after) = kill_after {
            std::thread::sleep(after);
            let _ = child.kill();
        }
        let _ = child.wait();
        (
            started.elapsed(),
            std::fs::read(&target).expect("target exists"),
        )
    };
    let (full_time, whole) = run(None);
    assert!(
        whole.starts_with(b"date,"),
        "the full run wrote the timeline"
    );
    for k in 1..=4 {
        let (_, got) = run(Some(full_time * k / 5));
        assert!(
            got == b"old contents\n" || got == whole,
            "killed at {k}/5 of the run: the target holds {} bytes, neither old nor whole",
            got.len()
        );
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
