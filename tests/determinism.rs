//! The same inputs give byte-identical output, in every format, whatever the thread count, the
//! order of the paths on the command line and the order the file system lists a folder in.
//!
//! Each run goes through the binary. The reference is `data/articles` with one thread; every
//! other way of giving the same files must match it byte for byte (stdout, stderr, the written
//! file and the exit code).

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every output: (name, arguments before the paths, whether it writes `out` instead of stdout).
const OUTPUTS: &[(&str, &[&str], bool)] = &[
    (
        "check-json",
        &["check", "--format", "json", "--fail-on", "never"],
        false,
    ),
    (
        "check-markdown",
        &["check", "--format", "markdown", "--fail-on", "never"],
        false,
    ),
    (
        "check-sarif",
        &["check", "--format", "sarif", "--fail-on", "never"],
        false,
    ),
    (
        "check-table",
        &["check", "--format", "table", "--fail-on", "never"],
        false,
    ),
    (
        "timeline-csv",
        &["timeline", "-q", "--format", "csv"],
        false,
    ),
    (
        "timeline-json",
        &["timeline", "-q", "--format", "json"],
        false,
    ),
    (
        "timeline-timelinejs",
        &["timeline", "-q", "--format", "timelinejs"],
        false,
    ),
    ("report-html", &["report", "-q"], true),
];

#[derive(Debug, PartialEq, Eq)]
struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    written: Vec<u8>,
}

fn run(cwd: &Path, args: &[&str], writes: bool, paths: &[String], threads: Option<&str>) -> Run {
    let out_dir = tempfile::tempdir().expect("temp dir");
    let out = out_dir.path().join("out.html");
    let mut cmd = Command::cargo_bin("factline").expect("binary");
    cmd.current_dir(cwd).args(args);
    if writes {
        cmd.arg("-o").arg(&out);
    }
    cmd.args(paths);
    match threads {
        Some(n) => cmd.env("RAYON_NUM_THREADS", n),
        None => cmd.env_remove("RAYON_NUM_THREADS"),
    };
    let output = cmd.output().expect("factline runs");
    Run {
        code: output.status.code(),
        stdout: output.stdout,
        stderr: output.stderr,
        written: if writes {
            std::fs::read(&out).expect("the output file is written")
        } else {
            Vec::new()
        },
    }
}

/// Every article file under `dir`, as paths relative to `base`, sorted.
fn files_under(base: &Path, dir: &str) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![base.join(dir)];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(base).expect("under base");
                files.push(rel.to_string_lossy().into_owned());
            }
        }
    }
    files.sort();
    files
}

/// A copy of data/articles under `dest`, with the same relative names but written in the reverse
/// order, each folder also given files that are then deleted, so that the file system lists
/// entries in another order than the original's.
fn shuffled_copy(dest: &Path) {
    let mut files = files_under(&root(), "data/articles");
    files.reverse();
    for (i, rel) in files.iter().enumerate() {
        let target = dest.join(rel);
        let parent = target.parent().expect("a parent");
        std::fs::create_dir_all(parent).expect("create folder");
        let decoy = parent.join(format!("zz-decoy-{i}.txt"));
        std::fs::write(&decoy, "decoy").expect("write decoy");
        std::fs::copy(root().join(rel), &target).expect("copy article");
        std::fs::remove_file(&decoy).expect("remove decoy");
    }
}

fn assert_same(reference: &Run, other: &Run, what: &str) {
    assert_eq!(reference.code, other.code, "{what}: exit code differs");
    assert!(
        reference.stdout == other.stdout,
        "{what}: stdout differs\n--- reference\n{}\n--- this run\n{}",
        String::from_utf8_lossy(&reference.stdout),
        String::from_utf8_lossy(&other.stdout)
    );
    assert!(
        reference.stderr == other.stderr,
        "{what}: stderr differs\n--- reference\n{}\n--- this run\n{}",
        String::from_utf8_lossy(&reference.stderr),
        String::from_utf8_lossy(&other.stderr)
    );
    assert!(
        reference.written == other.written,
        "{what}: written file differs"
    );
}

#[test]
fn every_format_is_byte_identical_across_threads_path_order_and_directory_order() {
    let root = root();
    let copy = tempfile::tempdir().expect("temp dir");
    shuffled_copy(copy.path());

    let folder = vec!["data/articles".to_string()];
    let subfolders = vec![
        "data/articles/mek".to_string(),
        "data/articles/boston".to_string(),
    ];
    let mut subfolders_reversed = subfolders.clone();
    subfolders_reversed.reverse();
    let mut files_reversed = files_under(&root, "data/articles");
    files_reversed.reverse();

    for (name, args, writes) in OUTPUTS {
        let reference = run(&root, args, *writes, &folder, Some("1"));
        assert!(
            !reference.stdout.is_empty() || !reference.written.is_empty(),
            "{name}: the reference run gave no output"
        );
        let variants: [(&str, &Path, &[String], Option<&str>); 6] = [
            ("4 threads", &root, &folder, Some("4")),
            ("default threads", &root, &folder, None),
            ("subfolders", &root, &subfolders, Some("3")),
            (
                "subfolders reversed",
                &root,
                &subfolders_reversed,
                Some("2"),
            ),
            ("files reversed", &root, &files_reversed, Some("4")),
            ("shuffled copy", copy.path(), &folder, Some("4")),
        ];
        for (what, cwd, paths, threads) in variants {
            let other = run(cwd, args, *writes, paths, threads);
            assert_same(&reference, &other, &format!("{name}, {what}"));
        }
    }
}

#[test]
fn a_file_given_twice_is_read_once() {
    let root = root();
    let once = run(
        &root,
        &["check", "--format", "json", "--fail-on", "never"],
        false,
        &["data/articles/mek".to_string()],
        Some("2"),
    );
    let twice = run(
        &root,
        &["check", "--format", "json", "--fail-on", "never"],
        false,
        &[
            "data/articles/mek".to_string(),
            "data/articles/mek/paris-notebook.txt".to_string(),
            "data/articles/mek".to_string(),
        ],
        Some("2"),
    );
    assert_same(&once, &twice, "a folder and one of its files given again");
}
