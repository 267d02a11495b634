//! End-to-end tests of the commands that record things (case, deadline, leave, hours, note):
//! what succeeds, and what is refused with exit 2, one line on stderr and the journal unchanged.
use crate::common;
mod dates;
mod help;
mod notes;
mod references;
mod timer;
mod typing;
use common::cli::{json, refused, seeded};
use serde_json::Value;

#[test]
fn case_add_and_close() {
    let s = seeded();
    let cases = json(&s, &["list", "cases", "--json"]);
    assert_eq!(cases[0]["ref"], "FD1");
    assert_eq!(cases[0]["discussed"], false);
    assert_eq!(cases[0]["allocated_by"], "team manager");
    assert_eq!(cases[0]["weekly_hours"], 2.5);
    let out = s.ok(&[
        "case",
        "close",
        "FD1",
        "--on",
        "yesterday",
        "--outcome",
        "final order",
    ]);
    assert!(out.contains("closed on 21 Nov 2026"), "{out}");
    assert!(
        json(&s, &["list", "cases", "--open", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        json(&s, &["list", "cases", "--json"])[0]["closed_on"],
        "2026-11-21"
    );
}

#[test]
fn codes_with_digits_capitals_and_initials_are_references() {
    let s = seeded();
    for reference in ["NP26/0101", "FD26P00123", "ABC", "LAC", "A v B", "Re A"] {
        s.ok(&[
            "case",
            "add",
            reference,
            "--kind",
            "s7",
            "--on",
            "2026-11-20",
        ]);
    }
    let cases = json(&s, &["list", "cases", "--json"]);
    let saved: Vec<&str> = cases
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["ref"].as_str().unwrap())
        .collect();
    assert_eq!(
        saved,
        [
            "FD1",
            "NP26/0101",
            "FD26P00123",
            "ABC",
            "LAC",
            "A v B",
            "Re A"
        ]
    );
}

#[test]
fn case_add_refusals() {
    let s = seeded();
    for (args, needle) in [
        (
            &["case", "add", "FD1", "--kind", "s7"][..],
            "already exists",
        ),
        (
            &["case", "add", "FD2", "--kind", "custody"],
            "unknown case kind `custody`; configured kinds are s7",
        ),
        (
            &["case", "add", "FD2", "--kind", "s7", "--on", "30/02/2026"],
            "not a real calendar date",
        ),
        (
            &["case", "add", "FD2", "--kind", "s7", "--on", "2099-12-01"],
            "in the future",
        ),
        (
            &["case", "add", "FD\u{7}2", "--kind", "s7"],
            "control character",
        ),
        (
            &["case", "add", "FD2", "--kind", "s7", "--note", "a\u{202E}b"],
            "direction-changing",
        ),
        (
            &["case", "add", &"x".repeat(41), "--kind", "s7"],
            "at most 40",
        ),
        (
            &["case", "add", "FD2", "--kind", "s7", "--weight", "lots"],
            "--weight: `lots` is not a number",
        ),
        (
            &["case", "add", "FD2", "--kind", "s7", "--weight", "-1"],
            "from 0 to 100",
        ),
        (
            &["case", "add", "FD2"],
            "--kind is required: give the kind of case, one of your configured kinds: s7",
        ),
        (
            &[
                "case",
                "add",
                "Jamie Smith",
                "--kind",
                "s7",
                "--on",
                "20/11/2026",
            ],
            "`Jamie Smith` looks like a person's name, not a case reference",
        ),
        (
            &["case", "add", "Tom Jones", "--kind", "s7"],
            "a reference is accepted with a digit (a court or local number, e.g. FD26P00123 or NP26/0101), in capitals (a code such as ABC or LAC) or as initials (A v B, Re A)",
        ),
        // One word, or small letters, is a name too (the persona test typed these).
        (
            &["case", "add", "Jamie", "--kind", "s7"],
            "`Jamie` looks like",
        ),
        (
            &["case", "add", "Jamie-Lee", "--kind", "s7"],
            "`Jamie-Lee` looks",
        ),
        (
            &["case", "add", "O'Brien", "--kind", "s7"],
            "`O'Brien` looks",
        ),
        (
            &["case", "add", "smith jones", "--kind", "s7"],
            "`smith jones` looks",
        ),
        (&["case", "add", "smith", "--kind", "s7"], "`smith` looks"),
        (
            &["case", "add", "Smith v Smith", "--kind", "s7"],
            "`caseload redact SEQ --reason TEXT`",
        ),
    ] {
        refused(&s, args, needle);
    }
}

#[test]
fn case_close_refusals() {
    let s = seeded();
    for (args, needle) in [
        (
            &["case", "close", "NOPE"][..],
            "no case has reference `NOPE`",
        ),
        (
            &["case", "close", "FD1", "--on", "2026-11-01"],
            "before the case was allocated",
        ),
        (
            &["case", "close", "FD1", "--on", "2026-13-01"],
            "not a real calendar date",
        ),
    ] {
        refused(&s, args, needle);
    }
    s.ok(&["case", "close", "FD1"]);
    refused(&s, &["case", "close", "FD1"], "already closed");
}

#[test]
fn deadlines_add_done_extend() {
    let s = seeded();
    assert_eq!(
        s.ok(&[
            "deadline",
            "add",
            "--due",
            "22/12/2026",
            "--what",
            "Position statement"
        ]),
        "3\n"
    );
    s.ok(&[
        "deadline",
        "extend",
        "2",
        "--due",
        "2026-12-15",
        "--reason",
        "court granted extension",
    ]);
    s.ok(&["deadline", "done", "3", "--on", "today"]);
    let list = json(&s, &["list", "deadlines", "--json"]);
    assert_eq!(list[0]["due"], "2026-12-15");
    assert_eq!(list[0]["original_due"], "2026-12-01");
    assert_eq!(list[1]["met_on"], "2026-11-22");
    assert_eq!(list[1]["case"], Value::Null);
    assert_eq!(
        json(&s, &["list", "deadlines", "--open", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn deadline_refusals() {
    let s = seeded();
    for (args, needle) in [
        (
            &["deadline", "add", "--due", "2026-02-30", "--what", "x"][..],
            "not a real calendar date",
        ),
        (
            &[
                "deadline",
                "add",
                "--due",
                "2026-12-01",
                "--what",
                "x",
                "--case",
                "NOPE",
            ],
            "no case has reference",
        ),
        (
            // FD1 was allocated on 2 Nov 2026, as a case cannot close before then.
            &[
                "deadline",
                "add",
                "--due",
                "01/10/2026",
                "--what",
                "x",
                "--case",
                "FD1",
            ],
            "the due date 01 Oct 2026 is before case `FD1` was allocated (02 Nov 2026)",
        ),
        (
            &["deadline", "add", "--due", "2026-12-01", "--what", "a\tb"],
            "control character",
        ),
        (
            &["deadline", "add", "--due", "2026-12-01", "--what", "  "],
            "is empty",
        ),
        (&["deadline", "done", "99"], "no deadline has id 99"),
        (&["deadline", "done", "1"], "no deadline has id 1"),
        (&["deadline", "done", "two"], "`two` is not a number"),
        (
            &["deadline", "done", "2", "--on", "2099-01-01"],
            "in the future",
        ),
        (
            &["deadline", "extend", "2", "--due", "2026-11-30"],
            "not after the current one",
        ),
        (
            &["deadline", "extend", "77", "--due", "2027-01-30"],
            "no deadline has id 77",
        ),
    ] {
        refused(&s, args, needle);
    }
    s.ok(&["deadline", "done", "2"]);
    refused(&s, &["deadline", "done", "2"], "already met");
}

#[test]
fn leave_add_and_refusals() {
    let s = seeded();
    assert_eq!(
        s.ok(&[
            "leave",
            "add",
            "annual",
            "--from",
            "2026-12-21",
            "--to",
            "2027-01-01",
            "--note",
            "Christmas"
        ]),
        "3\n"
    );
    let list = json(&s, &["list", "leave", "--json"]);
    assert_eq!(
        (list[0]["kind"].as_str(), list[0]["to"].as_str()),
        (Some("annual"), Some("2027-01-01"))
    );
    for (args, needle) in [
        (
            &[
                "leave",
                "add",
                "jury",
                "--from",
                "2027-02-01",
                "--to",
                "2027-02-02",
            ][..],
            "use one of annual, sick",
        ),
        (
            &[
                "leave",
                "add",
                "sick",
                "--from",
                "2027-02-05",
                "--to",
                "2027-02-01",
            ],
            "ends (01 Feb 2027) before it starts (05 Feb 2027)",
        ),
        (
            &[
                "leave",
                "add",
                "sick",
                "--from",
                "2026-12-31",
                "--to",
                "2027-01-04",
            ],
            "overlaps leave 3",
        ),
        (
            &[
                "leave",
                "add",
                "sick",
                "--from",
                "2027-02-29",
                "--to",
                "2027-03-01",
            ],
            "not a real calendar date",
        ),
    ] {
        refused(&s, args, needle);
    }
}

#[test]
fn hours_add_both_forms_and_refusals() {
    let s = seeded();
    assert_eq!(
        s.ok(&[
            "hours",
            "add",
            "--on",
            "2026-11-20",
            "--start",
            "08:30",
            "--end",
            "18:45",
            "--break",
            "20"
        ]),
        "3\n"
    );
    assert_eq!(
        s.ok(&[
            "hours",
            "add",
            "--on",
            "2026-11-20",
            "--hours",
            "1.5",
            "--note",
            "evening reading"
        ]),
        "4\n"
    );
    let list = json(&s, &["list", "hours", "--json"]);
    assert_eq!(list[0]["hours"], 9.92);
    assert_eq!(list[1]["hours"], 1.5);
    for (args, needle) in [
        (
            &["hours", "add", "--start", "18:00", "--end", "09:00"][..],
            "not after the start time",
        ),
        (
            &["hours", "add", "--start", "9:00", "--end", "25:00"],
            "--end: `25:00` is not a time",
        ),
        (
            &[
                "hours", "add", "--start", "09:00", "--end", "10:00", "--break", "60",
            ],
            "not shorter than",
        ),
        (&["hours", "add", "--hours", "30"], "at most 24"),
        (
            &["hours", "add", "--hours", "x"],
            "--hours: `x` is not a number",
        ),
        (
            &[
                "hours",
                "add",
                "--on",
                "2026-11-20",
                "--start",
                "12:00",
                "--end",
                "13:00",
            ],
            "overlaps",
        ),
        (
            &[
                "hours", "add", "--start", "09:00", "--end", "10:00", "--hours", "1",
            ],
            "cannot be used with",
        ),
        (
            &["hours", "add"],
            "required arguments were not provided: --hours <H>",
        ),
        (
            &["hours", "add", "--hours", "2", "--on", "2026-11-31"],
            "not a real calendar date",
        ),
    ] {
        refused(&s, args, needle);
    }
}

#[test]
fn notes_add_and_refusals() {
    let s = seeded();
    let id = s.ok(&[
        "note",
        "add",
        "Given three cases the day before leave",
        "--standard",
        "demands",
        "--standard",
        "support",
        "--stress",
        "7",
        "--told",
        "manager by email",
        "--on",
        "2026-11-20",
    ]);
    assert_eq!(id, "3\n");
    let notes = json(&s, &["list", "notes", "--json"]);
    assert_eq!(
        notes[0]["standards"],
        serde_json::json!(["demands", "support"])
    );
    assert_eq!(notes[0]["stress"], 7);
    for (args, needle) in [
        (&["note", "add", "x", "--stress", "11"][..], "out of range"),
        (
            &["note", "add", "x", "--stress", "-1"],
            "--stress: `-1` is below 0; give a whole number from 0 (none) to 10 (worst)",
        ),
        (
            &["note", "add", "x", "--standard", "workload"],
            "unknown HSE standard `workload`",
        ),
        (
            &["note", "add", "a bell\u{7}"],
            "control character (U+0007); use plain text (line breaks are fine)",
        ),
        (
            &[
                "deadline",
                "add",
                "--due",
                "2026-12-01",
                "--what",
                "two\nlines",
            ],
            "control character (U+000A); use plain text on one line",
        ),
        (&["note", "add", &"x".repeat(4001)], "at most 4000"),
        (
            &["note", "add", "x", "--on", "yesterday-ish"],
            "is not a date",
        ),
    ] {
        refused(&s, args, needle);
    }
}

#[test]
fn a_note_keeps_its_paragraphs_in_every_output() {
    let s = seeded();
    s.ok(&[
        "note",
        "add",
        "Three new cases today.\r\n\r\nTold the manager; no reply.",
        "--standard",
        "demands",
    ]);
    let notes = json(&s, &["list", "notes", "--json"]);
    assert_eq!(
        notes[0]["text"],
        "Three new cases today.\n\nTold the manager; no reply."
    );
    let table = s.ok(&["list", "notes"]);
    assert!(
        table.contains("Three new cases today. ¶  ¶ Told the manager; no reply."),
        "{table}"
    );
    assert_eq!(table.lines().count(), 2, "one line a note: {table}");
    let md = s.ok(&["report", "--purpose", "stress"]);
    assert!(
        md.contains("Three new cases today. ¶ Told the manager; no reply."),
        "{md}"
    );
    let html = s.ok(&["report", "--purpose", "stress", "--format", "html"]);
    assert!(
        html.contains("Three new cases today.<br><br>Told the manager; no reply."),
        "a paragraph break in the HTML"
    );
    let csv = s.ok(&["report", "--format", "csv"]);
    assert!(
        csv.contains("\"Three new cases today.\n\nTold the manager; no reply.\""),
        "the CSV keeps the note in one quoted cell: {csv}"
    );
    let pdf = s
        .cmd()
        .args(["report", "--purpose", "stress", "--format", "pdf"])
        .output()
        .unwrap();
    assert!(pdf.status.success() && pdf.stdout.starts_with(b"%PDF-"));
}
