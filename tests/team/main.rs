//! `caseload report --purpose share` and `caseload team`, end to end: shares from six
//! journals (four seeds of the generated heavy user, one part-time with its own settings, one
//! short, and a probation officer's journal typed in command by command), combined, and
//! checked against figures this test works out itself from each member's full report.
mod fixture;
mod refusals;
mod share_cli;
mod suppression;

use fixture::{TODAY, fixture, run, team_json};
use serde_json::Value;

/// Hyndman and Fan's type 7 quantile, written again here so that the team's figures are
/// checked against an independent computation.
fn type7(values: &[f64], p: f64) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let h = (v.len() as f64 - 1.0) * p;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    v[lo] + (h - lo as f64) * (v[hi] - v[lo])
}

fn round(x: f64, step: f64) -> f64 {
    ((x / step).round() * step * 10.0).round() / 10.0
}

fn figure<'a>(team: &'a Value, key: &str) -> &'a Value {
    team["figures"]
        .as_array()
        .unwrap()
        .iter()
        .chain(team["settings"].as_array().unwrap())
        .find(|f| f["key"] == key)
        .unwrap_or_else(|| panic!("no figure {key}"))
}

/// Checks one figure's median, quartiles and range against values from the full reports.
fn check_distribution(team: &Value, key: &str, values: &[f64], precision: f64, step: f64) {
    let f = figure(team, key);
    let d = &f["distribution"];
    assert_eq!(f["members"], values.len(), "{key}: members");
    for (field, p) in [("median", 0.5), ("q1", 0.25), ("q3", 0.75)] {
        let expected = round(type7(values, p), precision);
        let got = d[field].as_f64().unwrap();
        assert!(
            (got - expected).abs() < 1e-9,
            "{key}.{field}: the team says {got}, the reports give {expected} (values {values:?})"
        );
    }
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if team["settings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["key"] == key)
    {
        // A setting's extremes would be one member's own: no range.
        assert!(d["low"].is_null() && d["high"].is_null(), "{key}");
        return;
    }
    // Strictly beyond the extremes: a lowest or highest figure on a multiple of the step
    // moves a whole step out (a lowest of 0 stays 0).
    let strictly_below = if (low / step).fract() == 0.0 {
        low - step
    } else {
        (low / step).floor() * step
    };
    let strictly_above = if (high / step).fract() == 0.0 {
        high + step
    } else {
        (high / step).ceil() * step
    };
    assert_eq!(
        d["low"].as_f64().unwrap(),
        if low >= 0.0 {
            strictly_below.max(0.0)
        } else {
            strictly_below
        },
        "{key}.low"
    );
    assert_eq!(d["high"].as_f64().unwrap(), strictly_above, "{key}.high");
}

fn check_affected(team: &Value, key: &str, values: &[f64]) {
    let a = &figure(team, key)["affected"];
    let hit: Vec<f64> = values.iter().copied().filter(|v| *v > 0.0).collect();
    assert_eq!(a["of"], values.len(), "{key}: of");
    assert_eq!(a["members"], hit.len(), "{key}: members affected");
    assert_eq!(
        a["total"].as_f64().unwrap(),
        hit.iter().sum::<f64>().round(),
        "{key}: total"
    );
}

#[test]
fn six_members_combined_match_figures_worked_out_from_their_own_reports() {
    let f = fixture();
    let reports: Vec<Value> = f.members.iter().map(|m| m.report.clone()).collect();
    let team = team_json(&f.share_paths(), &[]);
    assert_eq!(team["schema"], "caseload.team/1");
    assert_eq!(team["members"], 6);
    let each = |pick: &dyn Fn(&Value) -> f64| reports.iter().map(pick).collect::<Vec<f64>>();
    let peak = each(&|r| r["caseload"]["peak_open"].as_f64().unwrap());
    check_distribution(&team, "caseload.peak_open", &peak, 0.1, 5.0);
    let beyond = each(&|r| r["hours"]["excess_logged"].as_f64().unwrap());
    check_distribution(&team, "hours.beyond_contract", &beyond, 1.0, 10.0);
    check_affected(&team, "hours.beyond_contract", &beyond);
    let capacity = each(&|r| r["caseload"]["capacity_percent_peak"].as_f64().unwrap());
    check_distribution(
        &team,
        "caseload.capacity_percent_peak",
        &capacity,
        1.0,
        10.0,
    );
    let during = each(&|r| r["allocations_during_leave"].as_array().unwrap().len() as f64);
    check_distribution(&team, "leave.allocated_during_leave", &during, 0.1, 5.0);
    check_affected(&team, "leave.allocated_during_leave", &during);
    let undiscussed = each(&|r| r["caseload"]["undiscussed"].as_f64().unwrap());
    check_affected(&team, "caseload.undiscussed", &undiscussed);
    let late = each(&|r| {
        let o = &r["deadlines"]["outcomes"];
        o["late"].as_f64().unwrap() + o["overdue"].as_f64().unwrap()
    });
    check_distribution(&team, "deadlines.late_or_overdue", &late, 0.1, 5.0);
    let contracted = each(&|r| {
        r["detail"]["assumptions"]["contracted_hours"]
            .as_f64()
            .unwrap()
    });
    check_distribution(&team, "assumptions.contracted_hours", &contracted, 0.1, 5.0);
    assert!(contracted.contains(&30.0), "the part-time member is in");

    // Roles: five with the Cafcass case kinds, one probation officer: fewer than five, so
    // counted without being named.
    assert_eq!(team["roles"][0]["role"], "cafcass-fca");
    assert_eq!(team["roles"][0]["members"], 5);
    assert_eq!(team["roles_withheld"], 1);

    // A week every share covers: the median of open cases, and of hours over those who
    // logged any that week.
    let week = team["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["week"] == "2026-W20")
        .unwrap();
    let monday = "2026-05-11";
    let in_week = |r: &Value| {
        r["series"]["weeks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["week_start"] == monday)
            .cloned()
            .unwrap()
    };
    let open = each(&|r| in_week(r)["open"].as_f64().unwrap());
    assert_eq!(week["members"], 6);
    assert_eq!(
        week["open"]["median"].as_f64().unwrap(),
        round(type7(&open, 0.5), 0.1)
    );
    assert_eq!(
        week["open"]["q3"].as_f64().unwrap(),
        round(type7(&open, 0.75), 0.1)
    );
    assert!(
        week.get("open").unwrap().get("low").is_none(),
        "no week has a range"
    );

    // The probation officer's sick leave, Monday to Wednesday, is three working days.
    let sick = f.members.last().unwrap();
    assert_eq!(sick.share["leave"]["sickness_absence_days"], 3);
    assert_eq!(sick.share["assumptions"]["role"], "probation-officer");
}

#[test]
fn the_team_document_is_the_same_whatever_the_order_of_the_files() {
    let f = fixture();
    let mut paths = f.share_paths();
    let forward = run(&team_args(&paths, "md"));
    paths.reverse();
    let backward = run(&team_args(&paths, "md"));
    assert!(forward.status.success() && backward.status.success());
    assert_eq!(forward.stdout, backward.stdout);
}

fn team_args(paths: &[String], format: &str) -> Vec<String> {
    let mut args = vec!["--today".to_string(), TODAY.into(), "team".into()];
    args.extend(paths.iter().cloned());
    args.extend(["--format".into(), format.into()]);
    args
}

#[test]
fn golden_markdown_for_a_team_of_six() {
    let f = fixture();
    let out = run(&team_args(&f.fixed_id_paths(), "md"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    insta::assert_snapshot!("team_of_six", String::from_utf8(out.stdout).unwrap());
}

#[test]
fn every_format_is_written_and_the_pdf_and_html_carry_three_charts() {
    let f = fixture();
    for format in ["md", "html", "pdf", "csv", "json"] {
        let out = run(&team_args(&f.share_paths(), format));
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty());
        match format {
            "html" => {
                let html = String::from_utf8(out.stdout).unwrap();
                assert_eq!(html.matches("<svg").count(), 3);
                assert!(html.contains("middle half of members"));
                // Self-contained: nothing is fetched from anywhere.
                assert!(!html.contains("src=") && !html.contains("href="));
            }
            "pdf" => assert!(out.stdout.starts_with(b"%PDF-")),
            "csv" => {
                let mut rows = csv::Reader::from_reader(&out.stdout[..]);
                let count = rows.records().count();
                // Settings, figures, notes, six standards, three series a week, six shares.
                assert_eq!(count, 5 + 23 + 1 + 6 + 3 * 53 + 6);
            }
            _ => {}
        }
    }
}

#[test]
fn a_share_holds_what_its_summary_says_and_nothing_of_the_journal() {
    let f = fixture();
    let m = &f.members[0];
    let text = std::fs::read_to_string(&m.share_path).unwrap();
    for secret in [
        m.report["detail"]["journal_id"].as_str().unwrap(),
        m.report["integrity"]["head"].as_str().unwrap(),
        "Case 1",
        "FD",
    ] {
        assert!(!text.contains(secret), "the share holds {secret}");
    }
    let summary = &m.summary;
    assert!(summary.contains(&format!("Share {}", m.share["share_id"].as_str().unwrap())));
    assert!(summary.contains("no day is given"));
    assert!(summary.contains(&format!(
        "{} allocated",
        m.share["caseload"]["allocated"].as_u64().unwrap()
    )));
    // Written private, like every file caseload makes.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&m.share_path)
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
}
