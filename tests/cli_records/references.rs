//! References compared trimmed and ignoring case, invisible characters refused, "did you
//! mean", kinds ignoring case, and a missing config pointing to `config init --preset`.

use crate::common::Sandbox;
use crate::common::cli::{json, refused, seeded};

#[test]
fn references_are_compared_trimmed_and_ignoring_case() {
    let s = seeded(); // FD1, with deadline 2
    refused(
        &s,
        &["case", "add", " fd1 ", "--kind", "s7"],
        "a case with reference `FD1` already exists",
    );
    let id = s.ok(&[
        "deadline",
        "add",
        "--due",
        "2026-12-10",
        "--what",
        "Letter",
        "--case",
        " fd1",
    ]);
    let deadlines = json(&s, &["list", "deadlines", "--json"]);
    let added = deadlines
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id.trim().parse::<u64>().unwrap())
        .unwrap();
    assert_eq!(
        added["case"], "FD1",
        "the record names the case as recorded"
    );
    let out = s.ok(&["case", "close", "FD1 ", "--on", "yesterday"]);
    assert!(
        out.starts_with("saved: case FD1 closed on 21 Nov 2026"),
        "{out}"
    );
    let events = json(&s, &["list", "events", "--json"]);
    assert_eq!(events.as_array().unwrap().last().unwrap()["ref"], "FD1");
}

#[test]
fn an_unknown_reference_is_refused_with_the_nearest_ones() {
    let s = Sandbox::new();
    for r in ["FD26P00401", "FD26P00409", "ZZ9"] {
        s.ok(&["case", "add", r, "--kind", "s7"]);
    }
    for (args, needle) in [
        (
            &["case", "close", "FD26P00499"][..],
            "no case has reference `FD26P00499`; did you mean FD26P00409 or FD26P00401?",
        ),
        (
            &[
                "deadline", "add", "--due", "+3", "--what", "x", "--case", "FD26P004",
            ],
            "no case has reference `FD26P004`; did you mean",
        ),
        (
            &["case", "close", "nothing-like-it"],
            "no case has reference `nothing-like-it`; `caseload list cases` shows them",
        ),
    ] {
        refused(&s, args, needle);
    }
}

#[test]
fn invisible_characters_are_refused_in_references() {
    let s = seeded();
    for sneaky in ["FD1\u{200B}", "\u{FEFF}FD2", "FD\u{2028}3", "F\u{200D}D4"] {
        refused(
            &s,
            &["case", "add", sneaky, "--kind", "s7"],
            "contains an invisible character",
        );
    }
}

#[test]
fn kinds_match_ignoring_case_and_a_missing_config_says_how_to_start_one() {
    let s = seeded();
    s.ok(&["case", "add", "FD2", "--kind", "S7"]);
    let cases = json(&s, &["list", "cases", "--json"]);
    assert_eq!(cases[1]["kind"], "s7");
    refused(
        &s,
        &["case", "add", "FD3", "--kind", "custody"],
        "unknown case kind `custody`; configured kinds are s7",
    );
    let out = s
        .cmd()
        .env_remove("CASELOAD_CONFIG")
        .args(["case", "add", "FD3", "--kind", "s7"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("configured kinds are general, complex, report (the built-in kinds: there is no config file at")
            && stderr.contains("`caseload config init --preset cafcass-fca` or `--preset probation-officer` writes one"),
        "{stderr}"
    );
}

#[test]
fn codes_that_are_not_names_are_accepted_as_references() {
    let s = seeded();
    for reference in ["LA-2026-14", "ALPHA BRAVO", "Re S", "A v B"] {
        s.ok(&["case", "add", reference, "--kind", "s7"]);
    }
    let cases = json(&s, &["list", "cases", "--json"]);
    assert_eq!(cases.as_array().unwrap().len(), 5, "{cases}");
}
