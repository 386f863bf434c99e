//! `factline timeml`: annotating TimeML documents we wrote.

use assert_cmd::Command;
use factline::temporal::timeml::TimemlDocument;
use predicates::prelude::*;

const DOC: &str = "<?xml version=\"1.0\" ?>\r\n<TimeML>\n<DOCID>harbour-1</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2009-11-02\" functionInDocument=\"CREATION_TIME\">11/02/2009</TIMEX3></DCT>\n<TITLE>Harbour &amp; docks</TITLE>\n<TEXT>\nThe new harbour <EVENT eid=\"e1\">opened</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2009-10-30\">last Friday</TIMEX3>, three years after Lee &amp; Partners &lt;first&gt; drew it up in March 2006.\n</TEXT>\n<TLINK lid=\"l1\"/>\n</TimeML>\n";

fn factline() -> Command {
    Command::cargo_bin("factline").unwrap()
}

/// The output must be the input with the annotation inside <TEXT> replaced: same text once
/// read, same bytes outside <TEXT>.
fn assert_same_document(input: &str, output: &str) {
    let a = TimemlDocument::parse(input.into(), "in.tml".as_ref()).unwrap();
    let b = TimemlDocument::parse(output.into(), "out.tml".as_ref()).unwrap();
    assert_eq!(a.text, b.text);
    let head = input.find("<TEXT>").unwrap();
    assert_eq!(&output[..head], &input[..head]);
    let tail = input.len() - input.find("</TEXT>").unwrap();
    assert_eq!(&output[output.len() - tail..], &input[input.len() - tail..]);
    assert!(!output.contains("<EVENT"));
    assert!(output.contains("Lee &amp; Partners &lt;first&gt; drew"));
}

#[test]
fn single_file_goes_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("harbour.tml");
    std::fs::write(&path, DOC).unwrap();
    let out = factline().arg("timeml").arg(&path).assert().success();
    assert_same_document(
        DOC,
        &String::from_utf8(out.get_output().stdout.clone()).unwrap(),
    );
}

#[test]
fn several_files_go_to_the_output_folder_under_their_names() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.tml");
    let b = dir.path().join("b.tml");
    std::fs::write(&a, DOC).unwrap();
    std::fs::write(&b, DOC.replace("2009-11-02", "2010-01-15")).unwrap();
    let out = dir.path().join("out");
    factline()
        .arg("timeml")
        .arg(&a)
        .arg(&b)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    assert_same_document(DOC, &std::fs::read_to_string(out.join("a.tml")).unwrap());
    let b_out = std::fs::read_to_string(out.join("b.tml")).unwrap();
    assert!(b_out.contains("value=\"2010-01-15\""));
    // Nothing but the two documents (no temp file left behind).
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 2);
}

#[test]
fn several_files_without_output_folder_is_a_usage_error() {
    factline()
        .args(["timeml", "a.tml", "b.tml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use -o DIR"));
}

#[test]
fn malformed_file_is_named_with_its_line_and_the_others_are_still_written() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.tml");
    let bad = dir.path().join("bad.tml");
    std::fs::write(&good, DOC).unwrap();
    std::fs::write(
        &bad,
        "<TimeML>\n<TEXT>\nIt rained &nbsp; all day.\n</TEXT>\n</TimeML>\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    factline()
        .arg("timeml")
        .arg(&bad)
        .arg(&good)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.tml:3:11: unknown or unterminated entity `&nbsp;`",
        ));
    assert!(out.join("good.tml").exists());
    assert!(!out.join("bad.tml").exists());
}

#[test]
fn output_folder_equal_to_the_input_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("harbour.tml");
    std::fs::write(&path, DOC).unwrap();
    factline()
        .arg("timeml")
        .arg(&path)
        .arg("-o")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("would overwrite its own input"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), DOC);
}
