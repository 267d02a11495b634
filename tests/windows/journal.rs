//! Writing, verifying and sharing the journal: the records, receipts, two writers, the lock,
//! a torn tail.

use super::target::{Sandbox, checked_lines, hash};
use std::collections::BTreeSet;
use std::io::Write;
use std::time::{Duration, Instant};

#[test]
fn records_are_written_listed_verified_and_backed_up() {
    let s = Sandbox::new();
    s.ok(&[
        "case",
        "add",
        "FD26P00123",
        "--kind",
        "s7",
        "--on",
        "2026-11-02",
        "--undiscussed",
        "--by",
        "team manager",
    ]);
    let deadline = [
        "deadline",
        "add",
        "--due",
        "2026-12-01",
        "--what",
        "S7 filing",
        "--case",
        "FD26P00123",
    ];
    assert_eq!(s.ok(&deadline), "2\n");
    assert_eq!(
        s.ok(&[
            "leave",
            "add",
            "annual",
            "--from",
            "2026-11-09",
            "--to",
            "13/11/2026"
        ]),
        "3\n"
    );
    let hours = [
        "hours",
        "add",
        "--on",
        "2026-11-16",
        "--start",
        "08:30",
        "--end",
        "18:45",
    ];
    assert_eq!(s.ok(&hours), "4\n");
    let note = [
        "note",
        "add",
        "Three cases the day before leave",
        "--standard",
        "demands",
    ];
    assert_eq!(s.ok(&note), "5\n");

    let records = checked_lines(&s.journal_bytes());
    let types: Vec<&str> = records
        .iter()
        .map(|r| r["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "case_allocated",
            "deadline_set",
            "leave_added",
            "hours_logged",
            "note_added"
        ]
    );
    let cases: serde_json::Value =
        serde_json::from_str(&s.ok(&["list", "cases", "--json"])).unwrap();
    assert_eq!(cases[0]["ref"], "FD26P00123");
    assert!(s.ok(&["list", "deadlines"]).contains("S7 filing"));

    let head = hash(
        s.journal_bytes()
            .trim_ascii_end()
            .rsplit(|&b| b == b'\n')
            .next()
            .unwrap(),
    );
    assert_eq!(
        s.ok(&["verify"]),
        format!("ok: 5 records, chain intact, head {head}\n")
    );
    let backups: Vec<_> = std::fs::read_dir(s.data().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert!(backups[0].starts_with("journal-") && backups[0].ends_with(".jsonl"));
}

#[test]
fn receipts_still_verify_after_appends_and_fail_after_tampering() {
    let s = Sandbox::new();
    s.notes(3);
    let receipt = s.ok(&["receipt"]);
    let receipt = receipt.trim_end();
    let third = String::from_utf8(s.journal_bytes()).unwrap();
    let third = third.lines().nth(2).unwrap();
    assert!(receipt.starts_with("caseload-receipt v"), "{receipt}");
    assert!(
        receipt.contains(&format!("seq=3 head={}", hash(third.as_bytes()))),
        "{receipt}"
    );
    s.ok(&["note", "add", "after the receipt"]);
    let verified = s.ok(&["verify", "--receipt", receipt]);
    assert!(verified.contains("the journal has 4 records"), "{verified}");
    assert!(verified.contains("matches"), "{verified}");

    let tampered = String::from_utf8(s.journal_bytes())
        .unwrap()
        .replacen("note 2", "note X", 1);
    std::fs::write(s.journal(), &tampered).unwrap();
    let error = s.fails(&["verify"], 1);
    assert!(error.contains("damaged"), "{error}");
    s.fails(&["verify", "--receipt", receipt], 1);
    let error = s.fails(&["note", "add", "must not be written"], 1);
    assert!(error.contains("read-only"), "{error}");
    assert_eq!(s.journal_bytes(), tampered.as_bytes(), "nothing rewritten");
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let s = Sandbox::new();
    const EACH: usize = 8;
    std::thread::scope(|scope| {
        for writer in ["a", "b"] {
            let s = &s;
            scope.spawn(move || {
                for i in 1..=EACH {
                    s.ok(&["note", "add", &format!("{writer} {i}")]);
                }
            });
        }
    });
    let records = checked_lines(&s.journal_bytes());
    assert_eq!(records.len(), 2 * EACH);
    let texts: BTreeSet<String> = records
        .iter()
        .map(|r| r["text"].as_str().unwrap().to_string())
        .collect();
    let expected: BTreeSet<String> = ["a", "b"]
        .iter()
        .flat_map(|w| (1..=EACH).map(move |i| format!("{w} {i}")))
        .collect();
    assert_eq!(texts, expected);
    assert!(
        s.ok(&["verify"])
            .starts_with("ok: 16 records, chain intact")
    );
}

#[test]
fn a_writer_waits_five_seconds_for_a_held_lock_then_says_the_journal_is_busy() {
    let s = Sandbox::new();
    s.notes(1);
    let lock_path = s.data().join("journal.lock");
    let native_lock;
    let held = if s.target.wine.is_some() {
        native_lock = None;
        s.hold("lock", &lock_path)
    } else {
        let file = std::fs::File::options()
            .write(true)
            .open(&lock_path)
            .unwrap();
        file.lock().unwrap();
        native_lock = Some(file);
        None
    };
    assert!(
        !(s.target.wine.is_some() && held.is_none()),
        "CASELOAD_WINE_HOLD is not set: scripts/check-windows builds the helper"
    );
    let before = s.journal_bytes();
    let started = Instant::now();
    let error = s.fails(&["note", "add", "blocked"], 1);
    let waited = started.elapsed();
    assert!(error.contains("the journal is busy"), "{error}");
    assert!(
        waited >= Duration::from_millis(4900) && waited < Duration::from_secs(12),
        "{waited:?}"
    );
    assert_eq!(s.journal_bytes(), before);
    drop(held);
    drop(native_lock);
    assert_eq!(s.ok(&["note", "add", "free again"]), "2\n");
}

#[test]
fn a_torn_last_line_is_set_aside_under_a_name_windows_accepts() {
    let s = Sandbox::new();
    s.notes(2);
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(s.journal())
        .unwrap();
    file.write_all(br#"{"seq":3,"at":"2026-11-22T10:"#).unwrap();
    drop(file);
    // Record 3 stands for the cut line, whose number was on disk (SPEC 6: never reused).
    assert_eq!(s.ok(&["note", "add", "after the crash"]), "4\n");
    checked_lines(&s.journal_bytes());
    let aside: Vec<String> = std::fs::read_dir(s.data())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("journal.jsonl.torn-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(!aside[0].contains(':'), "{aside:?}");
    assert_eq!(
        std::fs::read(s.data().join(&aside[0])).unwrap(),
        br#"{"seq":3,"at":"2026-11-22T10:"#
    );
}
