//! `caseload undo`, `case reopen`, and `list` naming what each event is about, in date order.

use crate::common::cli::{json, refused, seeded};

#[test]
fn undo_withdraws_the_journals_last_record_with_yes() {
    let s = seeded(); // FD1 (record 1), deadline 2
    s.ok(&["deadline", "done", "2", "--on", "yesterday"]);
    refused(
        &s,
        &["undo"],
        "undo would withdraw record 3, deadline 2 (S7 filing, FD1) met on 21 Nov 2026; add --yes",
    );
    let out = s.ok(&["undo", "--yes"]);
    assert_eq!(
        out,
        "saved: record 3 withdrawn, deadline 2 (S7 filing, FD1) met on 21 Nov 2026 (record 4)\n"
    );
    let deadlines = json(&s, &["list", "deadlines", "--json"]);
    assert_eq!(deadlines[0]["met_on"], serde_json::Value::Null);
    refused(
        &s,
        &["undo", "--yes"],
        "the journal's last record (4) withdrew record 3; a withdrawal cannot itself be withdrawn",
    );
    let empty = crate::common::Sandbox::new();
    refused(
        &empty,
        &["undo", "--yes"],
        "nothing to undo: the journal is empty",
    );
}

#[test]
fn a_closed_case_can_be_reopened() {
    let s = seeded();
    refused(
        &s,
        &["case", "reopen", "FD1"],
        "case FD1 is open; there is nothing to reopen",
    );
    s.ok(&["case", "close", "FD1", "--on", "yesterday"]);
    let out = s.ok(&["case", "reopen", "fd1"]);
    assert_eq!(
        out,
        "saved: case fd1 is open again; its closing record 3 is withdrawn (record 4)\n"
    );
    let cases = json(&s, &["list", "cases", "--open", "--json"]);
    assert_eq!(cases[0]["ref"], "FD1");
    refused(
        &s,
        &["case", "reopen", "FD9"],
        "no case has reference `FD9`",
    );
}

#[test]
fn list_events_names_what_each_line_is_about() {
    let s = seeded();
    s.ok(&["case", "close", "FD1", "--on", "yesterday"]);
    s.ok(&["deadline", "extend", "2", "--due", "2026-12-15"]);
    let table = s.ok(&["list", "events"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].ends_with("ABOUT"), "{table}");
    assert!(
        lines[1].ends_with("case FD1 allocated on 02 Nov 2026, undiscussed"),
        "{table}"
    );
    assert!(
        lines[3].ends_with("case FD1 closed on 21 Nov 2026"),
        "{table}"
    );
    assert!(
        lines[4].ends_with("deadline 2 (S7 filing, FD1) extended to 15 Dec 2026"),
        "{table}"
    );
    let events = json(&s, &["list", "events", "--json"]);
    assert_eq!(events[2]["about"], "case FD1 closed on 21 Nov 2026");
}

#[test]
fn lists_are_in_date_order_unless_asked_for_entry_order() {
    let s = seeded(); // FD1 allocated 02 Nov
    s.ok(&["case", "add", "OLDER", "--kind", "s7", "--on", "2026-10-01"]);
    s.ok(&["hours", "add", "--on", "2026-11-20", "--hours", "7"]);
    s.ok(&["hours", "add", "--on", "2026-11-18", "--hours", "8"]);
    let refs = |args: &[&str], field: &str| -> Vec<String> {
        json(&s, args)
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v[field].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(refs(&["list", "cases", "--json"], "ref"), ["OLDER", "FD1"]);
    assert_eq!(
        refs(&["list", "cases", "--json", "--by", "entered"], "ref"),
        ["FD1", "OLDER"]
    );
    assert_eq!(
        refs(&["list", "hours", "--json"], "date"),
        ["2026-11-18", "2026-11-20"]
    );
    let table = s.ok(&["list", "cases"]);
    assert!(
        table.lines().nth(1).unwrap().starts_with("OLDER"),
        "{table}"
    );
    refused(
        &s,
        &["list", "cases", "--by", "size"],
        "invalid value 'size'",
    );
}
