//! The generated sample: deterministic, in written order, and lived in.

use super::*;
use crate::domain::replay::replay;

fn sample() -> Vec<Record> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap();
    generate(today, now, 540, 7)
}

#[test]
fn is_deterministic_and_in_written_order() {
    let a = sample();
    assert_eq!(a, sample());
    assert!(
        a.windows(2)
            .all(|w| w[0].at <= w[1].at && w[1].seq == w[0].seq + 1)
    );
}

#[test]
fn has_a_lived_in_year_and_a_half() {
    let records = sample();
    let state = replay(&records);
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let open = state.open_cases_on(today).count();
    assert!((14..=32).contains(&open), "{open} open");
    assert_eq!(state.leave.len(), 4);
    assert!(state.cases.iter().any(|c| !c.discussed));
    assert!(state.cases.iter().any(|c| {
        state
            .leave
            .iter()
            .any(|l| l.from <= c.allocated_on && c.allocated_on <= l.to)
    }));
    assert!(
        state
            .deadlines
            .iter()
            .any(|d| d.met_on.is_some_and(|m| m > d.due))
    );
    assert!(state.deadlines.iter().any(|d| !d.extensions.is_empty()));
    assert!(
        state
            .deadlines
            .iter()
            .any(|d| d.met_on.is_none() && d.due < today)
    );
    assert!(state.notes.len() > 50 && state.hours.len() > 250);
    // Every reference to a deadline points at a deadline.
    for r in &records {
        if let Event::DeadlineMet(DeadlineMet { deadline, .. }) = r.event {
            assert!(matches!(
                records[deadline as usize - 1].event,
                Event::DeadlineSet(_)
            ));
            assert!(deadline < r.seq);
        }
    }
}

/// The lead's run at 02:33: a case allocated today, its deadlines set two minutes after it,
/// all drawn for the evening. Written at 00:05, none may be later than 00:05.
#[test]
fn nothing_is_written_later_than_now_even_just_after_midnight() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    for (clock, seed) in [("00:05", 1), ("00:05", 2), ("02:33", 1), ("09:10", 3)] {
        let now = DateTime::parse_from_rfc3339(&format!("2026-12-02T{clock}:00+00:00")).unwrap();
        for intensity in [Intensity::Demo, Intensity::Full] {
            let records = generate_with(today, now, 110, seed, intensity);
            let late: Vec<u64> = records
                .iter()
                .filter(|r| r.at > now)
                .map(|r| r.seq)
                .collect();
            assert!(late.is_empty(), "{clock} seed {seed}: {late:?} after now");
            let order = crate::report::time_order::check(&records, now);
            assert!(order.is_clean(), "{clock} seed {seed}: {order:?}");
            assert!(records.windows(2).all(|w| w[0].at <= w[1].at));
        }
    }
    // The case that gave the warning is still there, written at now.
    let now = DateTime::parse_from_rfc3339("2026-12-02T00:05:00+00:00").unwrap();
    let records = generate_with(today, now, 110, 1, Intensity::Full);
    let allocated_today = records
        .iter()
        .find(|r| matches!(&r.event, Event::CaseAllocated(c) if c.allocated_on == today));
    assert_eq!(allocated_today.map(|r| r.at), Some(now));
    // Its deadlines follow it, pointing back at records before them.
    for r in &records {
        if let Event::DeadlineMet(DeadlineMet { deadline, .. })
        | Event::DeadlineExtended(DeadlineExtended { deadline, .. }) = r.event
        {
            assert!(deadline < r.seq);
        }
    }
}

#[test]
fn a_sample_is_written_up_to_the_evening_of_a_day_gone_or_now_on_the_day() {
    let at = |t: &str| DateTime::parse_from_rfc3339(t).unwrap();
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
    let real = at("2026-12-02T00:05:30.25+00:00");
    // Past: the evening, whatever the clock, so a seed gives the same journal.
    assert_eq!(written_until(day(1), real), at("2026-12-01T18:00:00+00:00"));
    // Today: now (to the second) until the evening, then the evening.
    assert_eq!(written_until(day(2), real), at("2026-12-02T00:05:30+00:00"));
    assert_eq!(
        written_until(day(2), at("2026-12-02T21:40:00+00:00")),
        at("2026-12-02T18:00:00+00:00")
    );
    // A day to come: its evening, later than the clock (the command says so).
    assert!(written_until(day(3), real) > real);
}

#[test]
fn a_past_day_gives_the_same_journal_whenever_it_is_generated() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let morning = written_until(
        today,
        DateTime::parse_from_rfc3339("2026-12-02T00:05:00+00:00").unwrap(),
    );
    let evening = written_until(
        today,
        DateTime::parse_from_rfc3339("2026-12-02T23:05:00+00:00").unwrap(),
    );
    assert_eq!(
        generate_with(today, morning, 200, 1, Intensity::Full),
        generate_with(today, evening, 200, 1, Intensity::Full)
    );
}
