//! Every file `caseload team` refuses, with one line naming it; nothing is written unless
//! the inputs are clean or `--skip-bad` says to go on without the bad ones.

use super::fixture::{TODAY, fixture, run, team_json};
use chrono::Datelike;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn share(i: usize) -> Value {
    fixture().members[i].share.clone()
}

/// The first member's share, edited, under an id of its own (made from the file's name).
fn edited(dir: &Path, name: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut s = share(0);
    let id: String = format!(
        "{:0>32}",
        name.bytes().map(|b| format!("{b:x}")).collect::<String>()
    )
    .chars()
    .rev()
    .take(32)
    .collect();
    s["share_id"] = id.into();
    edit(&mut s);
    write(dir, name, &serde_json::to_string_pretty(&s).unwrap())
}

/// Runs `team` on the good shares plus `bad`, expects exit 2, a line naming `bad` with
/// `needle`, and no output file; then with `--skip-bad`, the file written from the rest.
fn refused_alone(bad: &str, needle: &str) {
    refused_among(&[bad.to_string()], bad, needle, &[]);
}

fn refused_among(extra: &[String], bad: &str, needle: &str, options: &[&str]) {
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("team.md");
    let mut args = vec!["--today".to_string(), TODAY.into(), "team".into()];
    args.extend(fixture().share_paths());
    args.extend(extra.iter().cloned());
    args.extend(["-o".into(), target.display().to_string()]);
    args.extend(options.iter().map(std::string::ToString::to_string));
    let out = run(&args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{bad}: {err}");
    let line = err
        .lines()
        .find(|l| l.starts_with(&format!("caseload: {bad}: ")))
        .unwrap_or_else(|| panic!("no line naming {bad}: {err}"));
    assert!(line.contains(needle), "{line}");
    assert!(err.contains("nothing was written"), "{err}");
    assert!(!target.exists(), "{bad}: written although refused");
    assert!(out.stdout.is_empty());
    args.push("--skip-bad".into());
    let out = run(&args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "--skip-bad: {err}");
    assert!(
        err.contains(&format!("caseload: set aside {bad}: ")),
        "{err}"
    );
    assert!(target.exists());
}

#[test]
fn a_file_that_is_not_json_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    refused_alone(
        &write(dir.path(), "notes.txt", "Dear rep, my figures are..."),
        "is not JSON",
    );
}

#[test]
fn a_full_report_is_refused_whether_pseudonymised_or_not() {
    let dir = tempfile::tempdir().unwrap();
    let report = serde_json::to_string(&fixture().members[0].report).unwrap();
    assert!(report.contains("Case 1"));
    refused_alone(
        &write(dir.path(), "report.json", &report),
        "is a full caseload report",
    );
    let mut revealed = fixture().members[5].report.clone();
    revealed["detail"]["pseudonymised"] = Value::from(false);
    refused_alone(
        &write(dir.path(), "revealed.json", &revealed.to_string()),
        "holds dated records, case pseudonyms and notes",
    );
}

#[test]
fn other_json_a_newer_share_and_a_team_document_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    refused_alone(
        &write(dir.path(), "other.json", r#"{"hours": 40}"#),
        "is not a caseload share",
    );
    refused_alone(
        &edited(dir.path(), "newer.json", |s| {
            s["schema"] = "caseload.share/2".into();
        }),
        "from a newer caseload",
    );
    let team = serde_json::to_string(&team_json(&fixture().share_paths(), &[])).unwrap();
    refused_alone(
        &write(dir.path(), "team.json", &team),
        "is a caseload.team/1, not a share",
    );
}

#[test]
fn a_share_with_anything_added_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    refused_alone(
        &edited(dir.path(), "note.json", |s| {
            s["note"] = "my manager, J. Smith, said".into();
        }),
        "unknown field `note`",
    );
    refused_alone(
        &edited(dir.path(), "week.json", |s| {
            s["weeks"][3]["date"] = "2026-01-01".into();
        }),
        "unknown field `date`",
    );
}

#[test]
fn a_share_whose_figures_are_impossible_or_disagree_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    type Edit = fn(&mut Value);
    let cases: [(&str, Edit, &str); 10] = [
        (
            "undiscussed.json",
            |s| {
                s["caseload"]["undiscussed"] =
                    (s["caseload"]["allocated"].as_u64().unwrap() + 1).into();
            },
            "is more than caseload.allocated",
        ),
        (
            "outcomes.json",
            |s| s["deadlines"]["late"] = (s["deadlines"]["late"].as_u64().unwrap() + 1).into(),
            "do not add up",
        ),
        (
            "day.json",
            |s| s["period"]["first_week"] = "2025-11-17".into(),
            "not an ISO week",
        ),
        (
            "negative.json",
            |s| s["hours"]["short_rest"] = (-1).into(),
            "is not a valid caseload.share/1",
        ),
        (
            "hours.json",
            |s| s["weeks"][10]["hours"] = 200.0.into(),
            "not a number from 0 to 168",
        ),
        (
            "id.json",
            |s| s["share_id"] = "Alex Morgan".into(),
            "`share_id` is not 32 lowercase hex",
        ),
        // The persona test's edit: 700 hours added to the total and to beyond contract
        // (so those two still agree) but to no week.
        (
            "totals.json",
            |s| {
                for key in ["worked", "beyond_contract"] {
                    let v = s["hours"][key].as_f64().unwrap() + 700.0;
                    s["hours"][key] = v.into();
                }
            },
            "weekly hours add up to",
        ),
        (
            "longest.json",
            |s| {
                let v = s["hours"]["longest_week"].as_f64().unwrap() + 10.0;
                s["hours"]["longest_week"] = v.into();
            },
            "`hours.longest_week` says",
        ),
        (
            "peak.json",
            |s| s["caseload"]["capacity_percent_peak"] = 50.0.into(),
            "above `caseload.capacity_percent_peak`",
        ),
        (
            "over.json",
            |s| {
                s["caseload"]["weeks_over_threshold"] = 0.into();
                s["caseload"]["longest_run_over_threshold"] = 0.into();
            },
            "`caseload.weeks_over_threshold` says 0",
        ),
    ];
    for (name, edit, needle) in cases {
        refused_alone(&edited(dir.path(), name, edit), needle);
    }
}

/// A deadline first due in leave, then extended past the period's end, counts in
/// `leave.deadlines_in_leave` (judged by its first date) but not in `deadlines.due` (its date
/// now): a share the report writes so is not refused. (The proptest in tests/share.rs found it.)
#[test]
fn a_share_with_more_deadlines_in_leave_than_due_or_allocations_before_leave_than_allocated_is_taken()
 {
    let dir = tempfile::tempdir().unwrap();
    let extended = edited(dir.path(), "extended.json", |s| {
        let due = s["deadlines"]["due"].as_u64().unwrap();
        s["leave"]["deadlines_in_leave"] = (due + 1).into();
        // And a case allocated just before a leave that starts in the period, the allocation
        // itself before the period: counted before leave, not as allocated in the period.
        let allocated = s["caseload"]["allocated"].as_u64().unwrap();
        s["leave"]["allocated_before_leave"] = (allocated + 1).into();
    });
    let mut args = vec!["--today".to_string(), TODAY.into(), "team".into()];
    args.extend(fixture().share_paths());
    args.push(extended);
    args.extend([
        "-o".into(),
        dir.path().join("team.md").display().to_string(),
    ]);
    let out = run(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_share_sent_twice_is_refused_by_id_and_by_figures() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("again.json");
    std::fs::copy(&fixture().members[2].share_path, &copy).unwrap();
    let copy = copy.display().to_string();
    refused_alone(&copy, "is the same share as");
    let remade = edited(dir.path(), "remade.json", |s| {
        s["share_id"] = "0123456789abcdef0123456789abcdef".into();
    });
    refused_alone(&remade, "has exactly the figures of");
}

#[test]
fn a_share_of_other_weeks_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let old = edited(dir.path(), "2023.json", |s| {
        let first = chrono::NaiveDate::from_isoywd_opt(2023, 1, chrono::Weekday::Mon).unwrap();
        let weeks = s["weeks"].as_array_mut().unwrap();
        for (i, w) in weeks.iter_mut().enumerate() {
            let monday = first + chrono::Days::new(7 * i as u64);
            let iso = monday.iso_week();
            w["week"] = format!("{:04}-W{:02}", iso.year(), iso.week()).into();
        }
        let last = weeks.last().unwrap()["week"].clone();
        s["period"]["first_week"] = "2023-W01".into();
        s["period"]["last_week"] = last;
    });
    refused_alone(
        &old,
        "do not overlap the team's period, 2025-W47 to 2026-W47 (the weeks most shares cover",
    );
    // An explicit period that none of the six overlaps: each is named.
    let out = run(&[
        "--today".into(),
        TODAY.into(),
        "team".into(),
        fixture().share_paths()[0].clone(),
        "--from".into(),
        "2024-01-01".into(),
        "--to".into(),
        "2024-03-31".into(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("do not overlap the team's period, 2024-W01 to 2024-W13"),
        "{err}"
    );
}

#[test]
fn a_missing_or_huge_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let missing: PathBuf = dir.path().join("missing.json");
    refused_alone(&missing.display().to_string(), "cannot be read");
    let huge = write(dir.path(), "huge.json", &" ".repeat(2 << 20));
    refused_alone(&huge, "a share is a few KB");
}

#[test]
fn bad_options_are_refused_before_anything_is_read() {
    let paths = fixture().share_paths();
    for (options, needle) in [
        (vec!["--min-members", "2"], "at least 3"),
        (vec!["--min-members", "five"], "not accepted"),
        (
            vec!["--format", "ics"],
            "a team document is md, html, pdf, csv or json",
        ),
        (
            vec!["--from", "2026-06-01", "--to", "2026-01-01"],
            "before it starts",
        ),
    ] {
        let mut args = vec!["--today".to_string(), TODAY.into(), "team".into()];
        args.extend(paths.iter().cloned());
        args.extend(options.iter().map(std::string::ToString::to_string));
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{options:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{options:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    let empty = tempfile::tempdir().unwrap();
    let out = run(&["team".into(), empty.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no .json files"));
}

#[test]
fn a_folder_stands_for_the_shares_in_it() {
    let dir = tempfile::tempdir().unwrap();
    for (i, m) in fixture().members.iter().enumerate() {
        std::fs::copy(&m.share_path, dir.path().join(format!("{i}.json"))).unwrap();
    }
    std::fs::write(dir.path().join("README.txt"), "not read").unwrap();
    let team = team_json(&[dir.path().display().to_string()], &[]);
    assert_eq!(team["members"], 6);
}
