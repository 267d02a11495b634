//! The model holds dates, not text: the JSON writes each as `YYYY-MM-DD` (a month as
//! `YYYY-MM`, a moment as RFC 3339 to the second), and the documents show each in the
//! configured format. A date that reached a document as ISO text, or the JSON as anything but
//! a real date, fails here.

use super::{J, d};
use crate::domain::event::*;
use crate::report::{Format, Purpose, render};
use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;
use serde_json::Value;

/// Keys whose value is a day (or `null`) wherever they appear in `caseload.report/1`
/// (`deadlines.due` is a count, so a number under `due` is not a date).
const DAY_KEYS: [&str; 24] = [
    "from",
    "to",
    "today",
    "records_begin",
    "peak_open_on",
    "capacity_percent_peak_on",
    "longest_run_first_week_ending",
    "longest_run_last_week_ending",
    "allocated_on",
    "leave_from",
    "leave_to",
    "due",
    "due_now",
    "met_on",
    "recorded_on",
    "returned_on",
    "week_start",
    "date",
    "until",
    "wtr_average_max_from",
    "wtr_average_max_to",
    "imported_on",
    "redacted_on",
    "month",
];

/// Something of every kind the report dates: cases allocated and closed, leave with a
/// deadline in it (extended, then met) and one just after it, timed hours (one long day), a
/// scored note, sickness.
fn a_dated_journal() -> J {
    let mut j = J::default();
    j.case("A", "general", "2026-03-02");
    j.case("B", "complex", "2026-08-04");
    j.close("A", "2026-10-30");
    j.leave(LeaveKind::Annual, "2026-08-03", "2026-08-07");
    let due = j.deadline(Some("B"), "2026-08-05");
    j.extend(due, "2026-08-19");
    j.met(due, "2026-08-18");
    j.deadline(None, "2026-08-11");
    j.deadline(None, "2026-12-09");
    j.leave(LeaveKind::Sick, "2026-09-14", "2026-09-16");
    j.timed("2026-03-03", (8, 0), (19, 30), 0);
    j.timed("2026-03-04", (9, 0), (17, 0), 30);
    j.push(Event::from(NoteAdded {
        date: d("2026-08-06"),
        text: "Called in during leave".into(),
        standards: vec![crate::domain::Standard::Demands],
        stress: Some(7),
        told: None,
    }));
    j
}

/// Whether `word` holds an ISO date, `dddd-dd-dd`.
fn has_iso_date(word: &str) -> bool {
    let b = word.as_bytes();
    b.windows(10).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
    })
}

#[test]
fn documents_show_every_date_in_the_configured_format() {
    let j = a_dated_journal();
    for purpose in Purpose::ALL {
        let mut r = j.report("2026-01-01", "2026-11-22", "2026-11-22");
        r.purpose = purpose.key();
        for format in [Format::Md, Format::Txt, Format::Html] {
            let text = String::from_utf8(render(&r, format, "%d/%m/%Y")).unwrap();
            // The record of what the document was made from and the receipt are for
            // machines: their `key=value` fields stay ISO so that `verify` can read them, as
            // does the whole of a plain text's short record line.
            let leaked: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with(crate::report::plain_record::MARK))
                .flat_map(str::split_whitespace)
                .filter(|w| !w.contains('=') && has_iso_date(w))
                .collect();
            assert!(leaked.is_empty(), "{purpose} {format}: {leaked:?}");
            assert!(
                text.contains("22/11/2026"),
                "{purpose} {format}: the period's end in the configured format"
            );
        }
    }
    // The dates themselves, not only the absence of ISO ones: the deadline due in leave, its
    // extension and the day it was met, the return from leave with its weekday.
    let r = j.report("2026-01-01", "2026-11-22", "2026-11-22");
    let md = String::from_utf8(render(&r, Format::Md, "%d/%m/%Y")).unwrap();
    for shown in [
        "05/08/2026",
        "19/08/2026",
        "met 18/08/2026",
        "Mon\u{a0}10/08/2026",
    ] {
        assert!(md.contains(shown), "{shown} missing from\n{md}");
    }
}

/// Checks every date under `value`, returning how many it checked.
fn check_dates(key: &str, value: &Value) -> Result<usize, String> {
    let mut checked = 0;
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                checked += check_dates(k, v)?;
            }
        }
        Value::Array(items) => {
            for v in items {
                checked += check_dates(key, v)?;
            }
        }
        Value::String(s) if key == "month" => {
            let first = NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d")
                .map_err(|_| format!("{key}: {s:?} is not a month"))?;
            if first.format("%Y-%m").to_string() != *s {
                return Err(format!("{key}: {s:?} is not written YYYY-MM"));
            }
            checked += 1;
        }
        Value::String(s) if key == "generated_at" || key == "prepared" => {
            let at = DateTime::parse_from_rfc3339(s)
                .map_err(|_| format!("{key}: {s:?} is not a moment"))?;
            if at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false) != *s {
                return Err(format!("{key}: {s:?} is not RFC 3339 to the second"));
            }
            checked += 1;
        }
        Value::String(s) if DAY_KEYS.contains(&key) || (s.len() == 10 && has_iso_date(s)) => {
            let day = NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| format!("{key}: {s:?} is not a date"))?;
            if day.to_string() != *s {
                return Err(format!("{key}: {s:?} is not written YYYY-MM-DD"));
            }
            checked += 1;
        }
        Value::Number(_) if key == "due" => {}
        Value::Null | Value::String(_) | Value::Bool(_) | Value::Number(_) => {
            if DAY_KEYS.contains(&key) && !value.is_null() {
                return Err(format!("{key}: {value} is not a date"));
            }
        }
    }
    Ok(checked)
}

#[test]
fn the_json_writes_every_date_of_the_model_as_a_real_date() {
    let r = a_dated_journal().report("2026-01-01", "2026-11-22", "2026-11-22");
    let json: Value = serde_json::from_slice(&render(&r, Format::Json, "%d/%m/%Y")).unwrap();
    assert_eq!(json["period"]["from"], "2026-03-02");
    assert_eq!(json["generated_at"], "2026-11-22T12:00:00+00:00");
    assert_eq!(json["health"]["stress_by_month"][0]["month"], "2026-03");
    assert_eq!(
        json["deadlines"]["in_leave"][0]["extensions"][0]["to"],
        "2026-08-19"
    );
    let checked = check_dates("", &json).unwrap();
    assert!(checked > 40, "only {checked} dates checked");
    // The walk refuses what a String field could have held.
    for bad in [
        serde_json::json!({"due": "2026-02-30"}),
        serde_json::json!({"month": "2026-3"}),
        serde_json::json!({"met_on": "22 Nov 2026"}),
        serde_json::json!({"generated_at": "2026-11-22T12:00:00.5+00:00"}),
    ] {
        assert!(check_dates("", &bad).is_err(), "{bad}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any journal's dates, from 2020 (a leap year) to the end of 2030, round-trip through
    /// the JSON, and the period is written as the days analysed.
    #[test]
    fn json_dates_round_trip(
        days in proptest::collection::vec((0..4000u64, 0..40u64, 0..4usize), 1..12),
        end in 0..4000u64,
    ) {
        let base = d("2020-01-01");
        let at = |n: u64| (base + chrono::Days::new(n)).to_string();
        let mut j = J::default();
        for (i, (start, length, what)) in days.iter().copied().enumerate() {
            match what {
                0 => {
                    j.case(&format!("R{i}"), "general", &at(start));
                }
                1 => j.leave(LeaveKind::Annual, &at(start), &at(start + length)),
                2 => {
                    let id = j.deadline(None, &at(start));
                    j.met(id, &at(start + length));
                }
                _ => j.timed(&at(start), (9, 0), (17, 0), 30),
            }
        }
        let from = days.iter().map(|x| x.0).min().unwrap_or(0);
        let to = at(from.max(end));
        let r = j.report(&at(from), &to, &to);
        let json: Value = serde_json::from_slice(&render(&r, Format::Json, "%d %b %Y")).unwrap();
        prop_assert!(check_dates("", &json).is_ok(), "{:?}", check_dates("", &json));
        prop_assert_eq!(json["period"]["to"].as_str(), Some(to.as_str()));
        prop_assert_eq!(json["period"]["from"].as_str().map(d), Some(r.period.from));
    }
}
