//! The log's own start (SPEC 7): nothing before the records begin is counted, and hours
//! beyond contract cover only the days logged.

use super::{J, d};
use crate::domain::event::*;
use crate::report::Period;

/// A journal begun on Thu 1 Oct 2026 by entering the two cases already held (allocated in
/// 2025), then one timed day a week of 9 hours.
fn begun_last_month() -> J {
    let mut j = J::default();
    j.push_at(alloc("OLD-1", "2025-03-03"), "2026-10-01");
    j.push_at(alloc("OLD-2", "2025-06-02"), "2026-10-01");
    for day in ["2026-10-01", "2026-10-08", "2026-10-15", "2026-10-22"] {
        j.hours(d(day), 9.0);
    }
    j.hours(d("2026-10-10"), 3.0); // a Saturday
    j
}

fn alloc(r: &str, on: &str) -> Event {
    Event::from(CaseAllocated {
        reference: r.into(),
        kind: "general".into(),
        allocated_on: d(on),
        allocated_by: None,
        discussed: true,
        weight: None,
        note: None,
        imported: None,
    })
}

#[test]
fn a_young_journal_is_judged_from_its_first_record_not_over_twelve_empty_months() {
    let j = begun_last_month();
    let default = Period::resolve(None, None, d("2026-10-31")).unwrap();
    assert_eq!(default.from, d("2025-11-01"));
    let r = j.report(
        &default.from.to_string(),
        &default.to.to_string(),
        "2026-10-31",
    );
    assert_eq!(r.period.records_begin, Some(d("2026-10-01")));
    assert_eq!(r.period.from, d("2026-10-01"));
    // The cases entered on the first day were already open: they are the caseload at the start.
    assert_eq!(r.caseload.open_at_start, 2);
    assert_eq!(
        r.caseload.allocated, 0,
        "allocated before the records begin"
    );
    // October 2026 has 22 working days (no bank holiday): expected 22 x 7.4.
    assert_eq!(r.hours.expected, 162.8);
    assert_eq!(r.hours.days_unlogged, 18);
    // Beyond contract over the days logged: 4 working days (29.6 h) and a Saturday.
    assert_eq!(
        (
            r.hours.worked,
            r.hours.expected_logged,
            r.hours.excess_logged
        ),
        (39.0, 29.6, 9.4)
    );
    assert_eq!((r.hours.days_logged, r.hours.working_days_logged), (5, 4));
    // Fewer than 17 weeks of records: no 17-week average at all.
    assert_eq!(r.hours.wtr_average_max, None);
    assert_eq!(r.series.weeks.first().unwrap().week_start, d("2026-09-28"));
}

#[test]
fn an_empty_journal_flags_nothing_unlogged() {
    let r = J::default().report("2025-11-23", "2026-11-22", "2026-11-22");
    assert_eq!(r.period.records_begin, None);
    assert_eq!((r.hours.days_unlogged, r.hours.expected), (0, 0.0));
}

#[test]
fn hours_copied_in_from_an_older_diary_move_the_start_back_but_allocations_do_not() {
    let mut j = begun_last_month();
    let mut hours = J::default();
    hours.hours(d("2026-09-14"), 8.0);
    let mut event = hours.records.remove(0).event;
    if let Event::HoursLogged(h) = &mut event {
        assert_eq!(h.date, d("2026-09-14"));
    }
    j.push_at(event, "2026-10-20");
    let r = j.report("2025-11-01", "2026-10-31", "2026-10-31");
    assert_eq!(r.period.from, d("2026-09-14"));
}

/// A history imported on the first day: sick leave, a deadline missed and a case closed,
/// all months before the journal's first record. They are records of those days, so the
/// period reaches back to the earliest of them, and the report says what they were.
#[test]
fn imported_history_moves_the_start_back_to_its_earliest_day() {
    let mut j = begun_last_month();
    let history = [
        Event::LeaveAdded(LeaveAdded {
            kind: crate::domain::LeaveKind::Sick,
            from: d("2026-06-08"),
            to: d("2026-06-10"),
            note: None,
            imported: None,
        }),
        Event::DeadlineSet(DeadlineSet {
            case: Some("OLD-1".into()),
            what: "Report filing".into(),
            due: d("2026-03-16"),
            imported: None,
        }),
        Event::CaseClosed(CaseClosed {
            reference: "OLD-2".into(),
            on: d("2026-04-01"),
            outcome: None,
            imported: None,
        }),
    ];
    for event in history {
        j.push_at(event, "2026-10-01");
    }
    let r = j.report("2025-11-01", "2026-10-31", "2026-10-31");
    assert_eq!(r.period.records_begin, Some(d("2026-03-16")));
    assert_eq!(r.period.from, d("2026-03-16"));
    assert_eq!(r.health.sick_working_days, 3);
    assert_eq!(r.deadlines.due, 1);
    assert_eq!(r.caseload.closed, 1);
}

/// Closing, in the log, a case that was already held when the log began moves the start to
/// the day it was closed, never back to the day (years before) it was allocated.
#[test]
fn closing_a_case_held_before_the_log_does_not_reach_back_to_its_allocation() {
    let mut j = begun_last_month();
    j.push_at(
        Event::CaseClosed(CaseClosed {
            reference: "OLD-1".into(),
            on: d("2026-10-20"),
            outcome: None,
            imported: None,
        }),
        "2026-10-20",
    );
    let r = j.report("2025-11-01", "2026-10-31", "2026-10-31");
    assert_eq!(r.period.records_begin, Some(d("2026-10-01")));
}

#[test]
fn a_seventeen_week_run_that_starts_before_the_records_is_not_averaged() {
    // Records begin Mon 5 Jan 2026 with 60-hour weeks; a run ending on a Sunday before
    // Sun 3 May (17 weeks on) would reach back before the records and is left out.
    let mut j = J::default();
    let first = d("2026-01-05");
    for n in 0..(17 * 7) {
        let day = first + chrono::Days::new(n);
        if chrono::Datelike::weekday(&day).num_days_from_monday() < 5 {
            j.hours(day, 12.0);
        }
    }
    let r = j.report("2025-06-01", "2026-05-03", "2026-05-03");
    assert_eq!(r.hours.wtr_average_max, Some(60.0));
    assert_eq!(
        (r.hours.wtr_average_max_from, r.hours.wtr_average_max_to),
        (Some(d("2026-01-05")), Some(d("2026-05-03")))
    );
    let short = j.report("2025-06-01", "2026-05-02", "2026-05-03");
    assert_eq!(short.hours.wtr_average_max, None);
}

#[test]
fn a_period_that_ends_before_the_records_begin_is_refused_by_name() {
    let p = Period::resolve(
        Some(d("2025-01-01")),
        Some(d("2025-06-30")),
        d("2026-11-22"),
    )
    .unwrap();
    let err = p.check_records_begin(Some(d("2026-10-01"))).unwrap_err();
    assert!(
        err.contains("before the records begin on 2026-10-01"),
        "{err}"
    );
    assert!(p.check_records_begin(None).is_ok());
    assert_eq!(
        p.from_records_begin(Some(d("2025-03-01"))).from,
        d("2025-03-01")
    );
}
