//! `factline dates`: streaming, global byte offsets, error messages.

use assert_cmd::Command;
use predicates::prelude::*;

fn dates(args: &[&str], stdin: Vec<u8>) -> assert_cmd::assert::Assert {
    Command::cargo_bin("factline")
        .unwrap()
        .arg("dates")
        .args(args)
        .write_stdin(stdin)
        .assert()
}

/// Every line is a JSON object whose `text` is exactly the input bytes at `start..end`, in
/// increasing order, with `earliest <= latest` and the fields the format promises.
fn check_lines(input: &[u8], stdout: &[u8]) -> Vec<serde_json::Value> {
    let mut last_start = 0;
    let mut lines = Vec::new();
    for line in String::from_utf8(stdout.to_vec()).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let start = v["start"].as_u64().unwrap() as usize;
        let end = v["end"].as_u64().unwrap() as usize;
        assert!(
            start >= last_start && start < end && end <= input.len(),
            "{line}"
        );
        assert_eq!(
            v["text"].as_str().unwrap().as_bytes(),
            &input[start..end],
            "{line}"
        );
        for key in ["value", "earliest", "latest", "granularity", "kind"] {
            assert!(v.get(key).is_some(), "{key} missing in {line}");
        }
        if let (Some(a), Some(b)) = (v["earliest"].as_str(), v["latest"].as_str()) {
            assert!(a <= b, "{line}");
        }
        assert!(v.get("mod").map_or(true, |m| m.is_string()), "{line}");
        last_start = start;
        lines.push(v);
    }
    lines
}

fn sample_paragraph(i: usize) -> String {
    format!(
        "Paragraph {i}. The council met on March 3, 2010 and again last week; the vote came \
two years later, on Friday, 14 May 2012, after a 90-day review.\n\n"
    )
}

#[test]
fn offsets_are_global_across_chunks() {
    // Several hundred kilobytes: many chunks.
    let input: String = (0..3000).map(sample_paragraph).collect();
    let out = dates(&["--anchor", "2012-06-01", "-"], input.clone().into_bytes()).success();
    let lines = check_lines(input.as_bytes(), &out.get_output().stdout);
    // Whatever the normalizer finds in one paragraph it finds in all of them.
    assert_eq!(lines.len() % 3000, 0);
}

#[test]
fn invalid_utf8_is_read_with_a_warning_naming_the_line() {
    let mut input = b"First line.\nOn 3 May 2011 \xff\xfe it rained.\n".to_vec();
    input.extend_from_slice("Later, in 2014.\n".as_bytes());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, &input).unwrap();
    let out = dates(&[path.to_str().unwrap()], Vec::new())
        .success()
        .stderr(predicate::str::contains(
            "latin1.txt:2: invalid UTF-8 (first at byte 26, 2 bytes in all)",
        ));
    let stdout = out.get_output().stdout.clone();
    let mut readable = input.clone();
    readable[26] = b'?';
    readable[27] = b'?';
    check_lines(&readable, &stdout);
}

#[test]
fn missing_file_is_an_error_naming_it() {
    dates(&["no/such/file.txt"], Vec::new())
        .code(2)
        .stderr(predicate::str::contains("reading no/such/file.txt"));
}

#[test]
fn bad_anchor_is_a_usage_error() {
    dates(&["--anchor", "2013-13-01", "-"], Vec::new())
        .code(2)
        .stderr(predicate::str::contains("--anchor"));
}

#[test]
fn empty_input_prints_nothing() {
    dates(&["-"], Vec::new()).success().stdout("");
}

#[test]
fn relative_month_is_resolved_against_the_anchor() {
    let input = b"The plant closed last September.\n".to_vec();
    let out = dates(&["--anchor", "2013-09-20"], input.clone()).success();
    let lines = check_lines(&input, &out.get_output().stdout);
    let v = lines
        .iter()
        .find(|v| v["text"] == "last September")
        .expect("last September found");
    assert_eq!(v["value"], "2012-09");
    assert_eq!(v["earliest"], "2012-09-01");
    assert_eq!(v["latest"], "2012-09-30");
    assert_eq!(v["granularity"], "month");
    assert!(v.get("mod").is_none());
}

#[test]
fn previous_date_carries_over_to_the_next_chunk() {
    // A year, then far more than one chunk of dateless paragraphs, then an expression that
    // needs the previous date.
    let mut input = String::from("The canal was dug in 1904.\n\n");
    while input.len() < 3 * 64 * 1024 {
        input.push_str("Barges carried coal and grain along the towpath past the mills.\n\n");
    }
    input.push_str("Two years later it was widened.\n");
    let out = dates(&["--anchor", "2020-01-01", "-"], input.clone().into_bytes()).success();
    let lines = check_lines(input.as_bytes(), &out.get_output().stdout);
    let last = lines.last().expect("dates found");
    assert_eq!(last["text"], "Two years later");
    assert_eq!(last["value"], "1906");
}
