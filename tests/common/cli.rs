//! Helpers for driving the command line: a seeded journal, and the check that a command is
//! refused cleanly.

use super::Sandbox;
use serde_json::Value;

/// A journal with one case (FD1, record 1) and one deadline (record 2) on it.
pub fn seeded() -> Sandbox {
    let s = Sandbox::new();
    s.ok(&[
        "case",
        "add",
        "FD1",
        "--kind",
        "s7",
        "--on",
        "2026-11-02",
        "--undiscussed",
        "--by",
        "team manager",
    ]);
    assert_eq!(
        s.ok(&[
            "deadline",
            "add",
            "--due",
            "2026-12-01",
            "--what",
            "S7 filing",
            "--case",
            "FD1"
        ]),
        "2\n"
    );
    s
}

/// Runs `args`, expects exit 2 with one line on stderr containing `needle`, and no change.
pub fn refused(s: &Sandbox, args: &[&str], needle: &str) {
    let before = s.journal_bytes();
    let out = s.cmd().args(args).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{args:?} gave {:?}: {stderr}",
        out.status.code()
    );
    assert_eq!(
        stderr.lines().count(),
        1,
        "{args:?} printed more than one line: {stderr}"
    );
    assert!(stderr.starts_with("caseload: "), "{stderr}");
    assert!(
        stderr.contains(needle),
        "{args:?}: expected {needle:?} in {stderr}"
    );
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    assert_eq!(s.journal_bytes(), before, "{args:?} changed the journal");
}

pub fn json(s: &Sandbox, args: &[&str]) -> Value {
    serde_json::from_str(&s.ok(args)).unwrap()
}
