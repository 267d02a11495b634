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
