//! `factline timeline` end to end: formats, defaults, `-o`, `--bom`, spreadsheet safety.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn factline() -> Command {
    match Command::cargo_bin("factline") {
        Ok(cmd) => cmd,
        Err(e) => panic!("binary not built: {e}"),
    }
}

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("articles")
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const HEADER: &str = "date,date_end,granularity,event,kind,attribute,value,low,high,text,qualifier,source,published,doc,line,quote,attribution,via,url";

fn records(text: &str) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("invalid CSV: {e}")))
        .collect()
}

#[test]
fn csv_to_a_file_has_the_header_sorted_rows_and_no_live_formula() {
    let dir = tempdir();
    let out = dir.path().join("timeline.csv");
    factline()
        .arg("timeline")
        .arg(data())
        .arg("-o")
        .arg(&out)
        .arg("--quiet")
        .assert()
        .success();
    let text = read(&out);
    assert!(text.starts_with(&format!("{HEADER}\r\n")), "{text}");
    let records = records(&text);
    let dates: Vec<String> = records.iter().skip(1).map(|r| r[0].to_string()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    for record in &records {
        assert_eq!(record.len(), 19);
        for cell in record {
            let first = cell.trim_start_matches(' ').chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "{cell:?}"
            );
        }
    }
}

#[test]
fn csv_is_the_default_when_stdout_is_not_a_terminal() {
    let output = factline()
        .args(["timeline", "--quiet"])
        .arg(data())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with(HEADER));
}

#[test]
fn json_file_gets_json() {
    let dir = tempdir();
    let out = dir.path().join("timeline.json");
    factline()
        .arg("timeline")
        .arg(data())
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let rows: serde_json::Value = serde_json::from_str(&read(&out)).unwrap_or_default();
    assert!(rows.is_array(), "{rows}");
}

#[test]
fn timelinejs_with_bom_to_stdout() {
    let output = factline()
        .args(["timeline", "--format", "timelinejs", "--bom", "-o", "-"])
        .arg(data())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("\u{feff}Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\r\n"));
}

#[test]
fn bom_with_a_non_csv_format_is_a_usage_error() {
    factline()
        .args(["timeline", "--format", "json", "--bom"])
        .arg(data())
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--bom applies to the csv and timelinejs formats only",
        ));
}

#[test]
fn an_unwritable_output_fails_and_leaves_nothing_behind() {
    let dir = tempdir();
    let out = dir.path().join("missing-folder").join("t.csv");
    factline()
        .arg("timeline")
        .arg(data())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("writing"));
    assert!(!out.exists());
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .map(|d| d.count())
        .into_iter()
        .collect();
    assert_eq!(left, [0], "no temporary file left behind");
}

#[test]
fn an_existing_file_is_replaced_whole() {
    let dir = tempdir();
    let out = dir.path().join("t.csv");
    std::fs::write(&out, "old contents that are longer than nothing\n").unwrap_or_default();
    factline()
        .arg("timeline")
        .arg(data())
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let text = read(&out);
    assert!(text.starts_with(HEADER) && !text.contains("old contents"));
}

#[test]
fn output_does_not_depend_on_threads_or_path_order() {
    let run = |threads: Option<&str>, paths: [&str; 2], format: &str| {
        let mut cmd = factline();
        cmd.args(["timeline", "--quiet", "--format", format]);
        for p in paths {
            cmd.arg(data().join(p));
        }
        if let Some(n) = threads {
            cmd.env("RAYON_NUM_THREADS", n);
        }
        let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(0));
        out.stdout
    };
    for format in ["csv", "timelinejs", "json"] {
        let one = run(Some("1"), ["mek", "boston"], format);
        let many = run(None, ["boston", "mek"], format);
        assert!(one == many, "{format} differs between runs");
    }
}
