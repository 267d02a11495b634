//! Import refuses what the command line refuses, with the row named: a reference that looks
//! like a name (one word, small letters), and a deadline due before its case was allocated.
use super::{file_in, list, run};
use crate::common::Sandbox;

#[test]
fn one_word_and_small_letter_names_are_refused_by_row() {
    let s = Sandbox::new();
    let dir = tempfile::tempdir().unwrap();
    let file = file_in(
        &dir,
        "cases.csv",
        "Case number,Type,Date allocated\nJamie,s7,01/10/2026\nsmith jones,s7,02/10/2026\nABC,s7,03/10/2026\n",
    );
    let out = run(&s, &["import", &file, "--as", "cases"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("line 2: `Jamie` looks like a person's name"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("line 3: `smith jones` looks like"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("in capitals (a code such as ABC or LAC)"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("`ABC` looks like"), "{}", out.stdout);
}

#[test]
fn a_deadline_due_before_its_case_was_allocated_is_refused_by_row() {
    let s = Sandbox::new();
    s.ok(&[
        "case",
        "add",
        "FD26P00101",
        "--kind",
        "s7",
        "--on",
        "02/11/2026",
    ]);
    let dir = tempfile::tempdir().unwrap();
    let file = file_in(
        &dir,
        "deadlines.csv",
        "Case,What,Due\nFD26P00101,Section 7 report,01/10/2026\nFD26P00101,Letter,03/12/2026\n",
    );
    let out = run(&s, &["import", &file, "--as", "deadlines", "--apply"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stdout.contains("line 2: the due date 01 Oct 2026 is before case `FD26P00101` was allocated (02 Nov 2026)"),
        "{}",
        out.stdout
    );
    assert!(list(&s, "deadlines").is_empty(), "nothing is written");
}
