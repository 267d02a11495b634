//! What a tired user types at the end of the day is read as import reads a file: hours as
//! 7.5h, 7h30, 7:30 or 7,5; leave as "holiday"; standards listed with commas; `deadline met`.
//! At a terminal a new record is confirmed in words; through a pipe its id alone is printed.

use crate::common::BIN;
use crate::common::cli::{json, refused, seeded};

#[test]
fn hours_are_typed_as_import_reads_them() {
    let s = seeded();
    for (day, typed) in [
        ("16", "7.5h"),
        ("17", "7h30"),
        ("18", "7:30"),
        ("19", "7,5"),
    ] {
        s.ok(&[
            "hours",
            "add",
            "--on",
            &format!("2026-11-{day}"),
            "--hours",
            typed,
        ]);
    }
    let hours = json(&s, &["list", "hours", "--json"]);
    let worked: Vec<f64> = hours
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["hours"].as_f64().unwrap())
        .collect();
    assert_eq!(worked, [7.5, 7.5, 7.5, 7.5]);
    s.ok(&[
        "hours",
        "add",
        "--on",
        "2026-11-20",
        "--start",
        "09:00",
        "--end",
        "17:00",
        "--break",
        "30 mins",
    ]);
    refused(
        &s,
        &["hours", "add", "--hours", "lots"],
        "--hours: `lots` is not a number of hours; give e.g. 7.5, 7,5, 7:30 or 7h30",
    );
    refused(
        &s,
        &[
            "hours", "add", "--start", "09:00", "--end", "10:00", "--break", "-1",
        ],
        "--break: `-1` is not minutes of break; give a whole number of minutes, e.g. 30, 30m or 0:30",
    );
}

#[test]
fn leave_and_standards_are_named_as_import_and_list_name_them() {
    let s = seeded();
    s.ok(&[
        "leave",
        "add",
        "holiday",
        "--from",
        "2026-12-21",
        "--to",
        "2026-12-23",
    ]);
    s.ok(&[
        "leave",
        "add",
        "Sick leave",
        "--from",
        "2026-11-10",
        "--to",
        "2026-11-10",
    ]);
    let leave = json(&s, &["list", "leave", "--json"]);
    let kinds: Vec<&str> = leave
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["sick", "annual"]);
    refused(
        &s,
        &[
            "leave",
            "add",
            "jury",
            "--from",
            "2027-01-04",
            "--to",
            "2027-01-05",
        ],
        "unknown leave kind `jury`; use one of annual, sick, toil, training, parental, other (or a word for one, such as holiday, maternity or lieu)",
    );
    s.ok(&[
        "note",
        "add",
        "x",
        "--standard",
        "demands,support",
        "--standard",
        "role",
    ]);
    let notes = s.ok(&["list", "notes"]);
    assert!(notes.contains("demands,support,role"), "{notes}");
    refused(
        &s,
        &["note", "add", "x", "--standard", "demands,stress"],
        "unknown HSE standard `stress`",
    );
}

#[test]
fn deadline_met_is_deadline_done_and_numbers_say_what_is_accepted() {
    let s = seeded(); // deadline 2
    let out = s.ok(&["deadline", "met", "2", "--on", "2026-11-20"]);
    assert!(
        out.starts_with("saved: deadline 2 met on 20 Nov 2026"),
        "{out}"
    );
    for (args, needle) in [
        (
            &["deadline", "met", "-1"][..],
            "the id: `-1` is below 0; give the deadline's id, a whole number from 1 as `caseload list` shows it",
        ),
        (
            &["deadline", "done", "two"],
            "the id: `two` is not a number",
        ),
        (
            &["note", "add", "x", "--stress", "-1"],
            "--stress: `-1` is below 0; give a whole number from 0 (none) to 10 (worst)",
        ),
        (
            &["note", "add", "x", "--stress", "2.5"],
            "--stress: `2.5` is not a whole number",
        ),
        (
            &["deadline", "add", "--due", "+3", "--what", " "],
            "the description of what is due is empty; type at least one character",
        ),
    ] {
        refused(&s, args, needle);
    }
}

/// At a terminal `deadline add` says what it saved and how to mark it met; a script reading it
/// through a pipe gets the id alone (the `seeded` journal's deadline add printed "2").
#[cfg(unix)]
#[test]
fn a_new_record_is_confirmed_in_words_at_a_terminal() {
    let s = seeded();
    let mut cmd = std::process::Command::new(BIN);
    cmd.env_clear()
        .env("HOME", s.dir.path())
        .env("CASELOAD_DIR", s.data())
        .env("CASELOAD_CONFIG", s.config())
        .args([
            "--today",
            "2026-11-22",
            "deadline",
            "add",
            "--due",
            "2026-12-04",
            "--what",
            "Letter",
            "--case",
            "FD1",
        ]);
    let mut p = rexpect::session::spawn_with_options(
        cmd,
        rexpect::reader::Options::new().timeout_ms(Some(10_000)),
    )
    .unwrap();
    // The quotation marks are UTF-8, which rexpect reads byte by byte.
    p.exp_string("saved: record 3, deadline ").unwrap();
    p.exp_string("Letter").unwrap();
    p.exp_string(" due 04 Dec 2026 (FD1); `caseload deadline met 3` marks it met")
        .unwrap();
    p.exp_eof().unwrap();
    let piped = s.ok(&["note", "add", "piped"]);
    assert_eq!(piped, "4\n");
}
