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

/// A sandbox whose config is the probation preset (kinds tier-a "Tier A (highest risk /
/// need)", tier-b "Tier B", …).
fn probation() -> Sandbox {
    let s = Sandbox::new();
    std::fs::write(
        s.config(),
        caseload::config::preset("probation-officer").unwrap(),
    )
    .unwrap();
    s
}

#[test]
fn a_title_above_the_column_names_is_passed_over_and_header_row_names_the_row() {
    let s = Sandbox::new();
    let dir = tempfile::tempdir().unwrap();
    let file = file_in(
        &dir,
        "deadlines.csv",
        "Deadlines for November,,\n,,\nCase,Task,Due date\n,S7 report,04/12/2026\n",
    );
    let out = run(&s, &["import", &file, "--as", "deadlines"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains(
            "(column names on line 3, the lines above it not read; --header-row N names another)"
        ),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("what `Task`"), "{}", out.stdout);
    let named = run(
        &s,
        &[
            "import",
            &file,
            "--as",
            "deadlines",
            "--header-row",
            "3",
            "--apply",
        ],
    );
    assert_eq!(named.code, 0, "{}{}", named.stdout, named.stderr);
    assert_eq!(list(&s, "deadlines").len(), 1);
    let missing = run(
        &s,
        &["import", &file, "--as", "deadlines", "--header-row", "9"],
    );
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .contains("--header-row 9: deadlines.csv has no line 9"),
        "{}",
        missing.stderr
    );
}

#[test]
fn a_column_without_a_name_is_mapped_by_the_letter_it_is_listed_by() {
    let s = Sandbox::new();
    let dir = tempfile::tempdir().unwrap();
    let file = file_in(&dir, "d.csv", "Due,,Case\n04/12/2026,S7 report,\n");
    let out = run(&s, &["import", &file, "--as", "deadlines"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("`column B`"), "{}", out.stderr);
    let mapped = run(
        &s,
        &[
            "import",
            &file,
            "--as",
            "deadlines",
            "--map",
            "what=column B",
        ],
    );
    assert_eq!(mapped.code, 0, "{}{}", mapped.stdout, mapped.stderr);
    assert!(
        mapped.stdout.contains("what `column B`"),
        "{}",
        mapped.stdout
    );
}

#[test]
fn a_date_in_a_file_needs_its_year_and_no_word_counted_from_today() {
    let s = Sandbox::new();
    let dir = tempfile::tempdir().unwrap();
    let file = file_in(
        &dir,
        "d.csv",
        "What,Due\nVisit,3rd June\nLetter,next fri\nReport,04/12/2026\n",
    );
    let out = run(&s, &["import", &file, "--as", "deadlines", "--apply"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stdout.contains(
            "line 2: column `Due`: `3rd June` has no year; in a file, write the date with its year"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("line 3: column `Due`: `next fri` is a day counted from today"),
        "{}",
        out.stdout
    );
    assert!(list(&s, "deadlines").is_empty());
}

#[test]
fn a_part_day_calendar_event_says_it_is_recorded_as_the_whole_day() {
    let s = Sandbox::new();
    let ics = super::fixture("outlook.ics");
    let out = run(
        &s,
        &[
            "import",
            &ics,
            "--as",
            "leave",
            "--match",
            "toil",
            "--match",
            "annual leave",
            "--apply",
        ],
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let leave = list(&s, "leave");
    let toil = leave
        .iter()
        .find(|l| l["kind"] == "toil")
        .expect("the TOIL afternoon");
    assert_eq!(
        toil["note"],
        "13:00–17:00 in the calendar; recorded as the whole day: caseload keeps leave in whole days"
    );
    assert!(
        leave.iter().any(|l| l["kind"] == "annual"),
        "--match is repeatable"
    );
}

#[test]
fn a_row_already_in_the_journal_says_how_it_differs_and_a_moved_deadline_is_not_written_twice() {
    let s = probation();
    let dir = tempfile::tempdir().unwrap();
    let first = file_in(
        &dir,
        "c1.csv",
        "Case number,Tier,Date allocated,Discussed\nPB26P00002,Tier A,03/11/2026,no\n",
    );
    assert_eq!(
        run(&s, &["import", &first, "--as", "cases", "--apply"]).code,
        0
    );
    let again = file_in(
        &dir,
        "c2.csv",
        "Case number,Tier,Date allocated,Discussed\nPB26P00002,Tier B,03/11/2026,yes\n",
    );
    let out = run(&s, &["import", &again, "--as", "cases"]);
    assert!(
        out.stdout.contains("this row differs (kind `tier-b` here, `tier-a` in the journal; discussed yes here, no in the journal): the journal is not changed"),
        "{}",
        out.stdout
    );
    let due = file_in(&dir, "d1.csv", "Case,What,Due\nPB26P00002,PSR,04/12/2026\n");
    assert_eq!(
        run(&s, &["import", &due, "--as", "deadlines", "--apply"]).code,
        0
    );
    let moved = file_in(&dir, "d2.csv", "Case,What,Due\nPB26P00002,PSR,11/12/2026\n");
    let out = run(&s, &["import", &moved, "--as", "deadlines", "--apply"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("a deadline “PSR” for PB26P00002 is in the journal (record 2), due 04 Dec 2026; this row says 11 Dec 2026: it is not written as a second one, and the journal is not changed (`caseload deadline extend 2 --due 11/12/2026` moves it)"),
        "{}",
        out.stdout
    );
    assert_eq!(list(&s, "deadlines").len(), 1);
}

#[test]
fn probation_words_tier_columns_met_yes_no_and_decimal_commas() {
    let s = probation();
    let dir = tempfile::tempdir().unwrap();
    let cases = file_in(
        &dir,
        "c.csv",
        "Case number;Tier;Date allocated;Weekly hours\nPB26P00002;Tier A;03/11/2026;1,5\nPB26P00003;Tier;03/11/2026;\n",
    );
    let out = run(&s, &["import", &cases, "--as", "cases"]);
    assert!(out.stdout.contains("kind `Tier`"), "{}", out.stdout);
    assert!(out.stdout.contains("PB26P00002  tier-a"), "{}", out.stdout);
    assert!(out.stdout.contains("1.5"), "{}", out.stdout);
    // `Tier` begins every tier's name: not one of them.
    assert!(
        out.stdout
            .contains("line 3: column `Tier`: `Tier` begins the names of 4 kinds (tier-a, tier-b, tier-c, tier-d); write more of the name, or add --map-kind \"Tier=KEY\""),
        "{}",
        out.stdout
    );
    let deadlines = file_in(
        &dir,
        "d.csv",
        "What,Due,Met\nPSR,04/11/2026,no\nLetter,05/11/2026,yes\n",
    );
    let out = run(&s, &["import", &deadlines, "--as", "deadlines"]);
    assert!(
        out.stdout.contains("line 3: column `Met`: `yes` says it was met but not when; give the day it was met (e.g. 13/11/2026), or leave it blank (or no) if it was not met"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("line 2:"),
        "no is not met: {}",
        out.stdout
    );
    let hours = file_in(&dir, "h.csv", "Date;Hours\n02/11/2026;7,5\n");
    assert_eq!(
        run(&s, &["import", &hours, "--as", "hours", "--apply"]).code,
        0
    );
    assert_eq!(list(&s, "hours")[0]["hours"], 7.5);
}
