//! Nobody identifiable: below `k` members a figure is withheld, says so and why; no range of
//! fewer than `k`; a count of fewer than `k` members affected is not shown, nor a figure only
//! a few members are above zero on.

use super::fixture::{fixture, team_json};
use serde_json::Value;

fn all_figures(team: &Value) -> Vec<&Value> {
    team["figures"]
        .as_array()
        .unwrap()
        .iter()
        .chain(team["settings"].as_array().unwrap())
        .chain(std::iter::once(&team["notes"]))
        .chain(
            team["standards"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| &s["notes"]),
        )
        .collect()
}

#[test]
fn with_four_members_and_k_five_no_figure_is_shown() {
    let paths = &fixture().share_paths()[..4];
    let team = team_json(paths, &[]);
    assert_eq!(team["members"], 4);
    for f in all_figures(&team) {
        assert!(f["distribution"].is_null(), "{}", f["key"]);
        let why = f["withheld"].as_str().unwrap();
        assert!(
            why.contains("4 members' shares have it") && why.contains("at least 5"),
            "{why}"
        );
        if !f["affected"].is_null() {
            assert!(f["affected"]["members"].is_null() && f["affected"]["total"].is_null());
        }
    }
    for w in team["weeks"].as_array().unwrap() {
        assert!(w["open"].is_null() && w["capacity_percent"].is_null() && w["hours"].is_null());
    }
    assert!(team["roles"].as_array().unwrap().is_empty());
    assert_eq!(team["roles_withheld"], 4);
    // The document says why, and has no figure in its tables.
    let mut args = vec![
        "--today".to_string(),
        super::fixture::TODAY.into(),
        "team".into(),
    ];
    args.extend(paths.iter().cloned());
    let out = super::fixture::run(&args);
    // The terminal says so too, not only "combined 4 shares".
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("warning: 4 shares, fewer than the 5 members a figure needs: every figure"),
        "{said}"
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("With 4 members no figure can be shown: each needs at least 5 members"));
    assert!(
        !md.contains(" to ") || !md.contains("h to"),
        "no quartiles or ranges"
    );
    // One reason, said once, and no empty charts: each series says in words why it is not drawn.
    assert!(md.contains(
        "- Every figure is withheld: 4 members shared, and a figure is shown only from at least 5."
    ));
    assert!(
        !md.contains("- Days above their caseload limit: withheld"),
        "{md}"
    );
    assert_eq!(md.matches("so nothing is charted.").count(), 3, "{md}");
    assert!(!md.contains("versions chart this"), "{md}");
    args.extend(["--format".to_string(), "html".to_string()]);
    let html = String::from_utf8(super::fixture::run(&args).stdout).unwrap();
    assert!(!html.contains("<svg"), "an empty chart is drawn");
    assert_eq!(html.matches("so nothing is charted.").count(), 3);
}

#[test]
fn with_five_members_figures_are_shown_and_four_suppress_with_min_members_six() {
    let paths = &fixture().share_paths()[..5];
    let team = team_json(paths, &[]);
    let peak = all_figures(&team)
        .into_iter()
        .find(|f| f["key"] == "caseload.peak_open")
        .unwrap()
        .clone();
    assert_eq!(peak["members"], 5);
    assert!(peak["distribution"]["median"].is_number());
    assert!(peak["withheld"].is_null());
    let stricter = team_json(paths, &["--min-members", "6"]);
    assert!(
        all_figures(&stricter)
            .iter()
            .all(|f| f["distribution"].is_null())
    );
}

#[test]
fn a_week_fewer_than_k_shares_cover_is_left_empty() {
    // Only the four long journals cover December 2025; five cover March 2026.
    let team = team_json(&fixture().share_paths(), &[]);
    let week = |w: &str| {
        team["weeks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["week"] == w)
            .unwrap()
            .clone()
    };
    let december = week("2025-W50");
    assert_eq!(december["members"], 4);
    assert!(december["open"].is_null());
    let march = week("2026-W10");
    assert_eq!(march["members"], 5);
    assert!(march["open"]["median"].is_number());
}

#[test]
fn a_figure_only_a_few_members_are_above_zero_on_is_withheld_with_its_count() {
    let dir = tempfile::tempdir().unwrap();
    let write = |above_zero: usize| -> Vec<String> {
        fixture()
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let mut s = m.share.clone();
                s["hours"]["missed_breaks"] = Value::from(if i < above_zero { i + 1 } else { 0 });
                let path = dir.path().join(format!("{above_zero}-{i}.json"));
                std::fs::write(&path, s.to_string()).unwrap();
                path.display().to_string()
            })
            .collect()
    };
    let missed = |team: &Value| {
        team["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == "hours.missed_breaks")
            .unwrap()
            .clone()
    };
    let two = missed(&team_json(&write(2), &[]));
    assert!(two["distribution"].is_null(), "{two}");
    assert!(
        two["withheld"]
            .as_str()
            .unwrap()
            .contains("fewer than 5 members have more than zero")
    );
    assert!(two["affected"]["members"].is_null() && two["affected"]["total"].is_null());
    let five = missed(&team_json(&write(5), &[]));
    assert_eq!(five["affected"]["members"], 5);
    assert_eq!(five["affected"]["total"], 15.0);
    // The most missed breaks, 5, is on a multiple of the step: the range ends strictly
    // above it (it ended on 5, the member's own figure, before).
    assert_eq!(five["distribution"]["high"], 10.0);
    let none = missed(&team_json(&write(0), &[]));
    assert_eq!(none["affected"]["members"], 0);
    assert!(none["distribution"].is_object());
}

#[test]
fn every_range_end_is_rounded_outward_to_its_step() {
    let team = team_json(&fixture().share_paths(), &[]);
    for f in all_figures(&team) {
        let Some(d) = f["distribution"].as_object() else {
            continue;
        };
        let (Some(low), Some(high)) = (d["low"].as_f64(), d["high"].as_f64()) else {
            let settings = team["settings"].as_array().unwrap();
            assert!(
                settings.iter().any(|s| s["key"] == f["key"]),
                "{}",
                f["key"]
            );
            continue;
        };
        let steps = [1.0, 5.0, 10.0];
        assert!(
            steps
                .iter()
                .any(|s| (low / s).fract() == 0.0 && (high / s).fract() == 0.0),
            "{}: {low} to {high}",
            f["key"]
        );
        assert!(low <= d["q1"].as_f64().unwrap() && d["q3"].as_f64().unwrap() <= high);
    }
}
