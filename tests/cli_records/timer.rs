//! The working-day timer: `hours start`, `hours stop`, `hours cancel`.

use crate::common::Sandbox;
use crate::common::cli::{json, refused};

#[test]
fn a_timer_runs_until_stopped_and_becomes_the_days_hours() {
    let s = Sandbox::new();
    let out = s.ok(&["hours", "start", "--at", "08:30"]);
    assert_eq!(
        out,
        "timer started at 08:30 on 22 Nov 2026; `caseload hours stop` records the day\n"
    );
    refused(
        &s,
        &["hours", "start"],
        "a timer is already running, started for 08:30 on 22 Nov 2026",
    );
    // It survives: another process sees it, and stops it.
    refused(
        &s,
        &["hours", "stop", "--at", "07:00"],
        "not after the start time",
    );
    let out = s.ok(&["hours", "stop", "--at", "18:10", "--break", "30"]);
    assert_eq!(
        out,
        "saved: hours on 22 Nov 2026, 08:30 to 18:10, 30 min break, 9.17 h (record 1)\n"
    );
    let hours = json(&s, &["list", "hours", "--json"]);
    assert_eq!(hours[0]["start"], "08:30");
    assert_eq!(hours[0]["end"], "18:10");
    assert_eq!(hours[0]["break_minutes"], 30);
    refused(
        &s,
        &["hours", "stop"],
        "no timer is running; `caseload hours start` starts one",
    );
    assert!(!s.data().join("timer.json").exists());
}

#[test]
fn a_timer_left_running_overnight_needs_its_end_time() {
    let s = Sandbox::new();
    let yesterday = std::process::Command::new(crate::common::BIN)
        .env_clear()
        .env("HOME", s.dir.path())
        .env("CASELOAD_DIR", s.data())
        .env("CASELOAD_CONFIG", s.config())
        .args(["--today", "2026-11-21", "hours", "start", "--at", "09:00"])
        .output()
        .unwrap();
    assert!(yesterday.status.success());
    refused(
        &s,
        &["hours", "stop"],
        "the timer was started for 09:00 on 21 Nov 2026 and is still running; give the time you stopped that day",
    );
    assert!(
        s.data().join("timer.json").exists(),
        "a refused stop keeps the timer"
    );
    s.ok(&["hours", "stop", "--at", "17:00"]);
    assert_eq!(
        json(&s, &["list", "hours", "--json"])[0]["date"],
        "2026-11-21"
    );
    s.ok(&["hours", "start", "--at", "08:00"]);
    let out = s.ok(&["hours", "cancel"]);
    assert_eq!(
        out,
        "the timer started for 08:00 on 22 Nov 2026 is thrown away; nothing was recorded\n"
    );
    refused(&s, &["hours", "cancel"], "no timer is running");
    assert_eq!(
        json(&s, &["list", "hours", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    refused(
        &s,
        &["hours", "start", "--at", "25:00"],
        "--at: `25:00` is not a time",
    );
}
