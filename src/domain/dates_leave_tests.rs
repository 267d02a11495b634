//! Which day a leave date typed without a year means, by kind of leave.

use super::*;
use crate::domain::LeaveKind;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn leave_without_a_year_is_the_next_unless_just_taken() {
    let december = d(2026, 12, 2); // Wednesday
    for (today, typed, kind, want) in [
        // Annual leave written down after it was taken: the recent date, not next year's.
        (december, "16/11", LeaveKind::Annual, d(2026, 11, 16)),
        (december, "16 nov", LeaveKind::Toil, d(2026, 11, 16)),
        (december, "2/12", LeaveKind::Annual, d(2026, 12, 2)),
        // 60 days back is still recent; 61 is next year's.
        (december, "3/10", LeaveKind::Annual, d(2026, 10, 3)),
        (december, "2/10", LeaveKind::Annual, d(2027, 10, 2)),
        // Booked ahead.
        (december, "24/12", LeaveKind::Annual, d(2026, 12, 24)),
        (december, "5 jan", LeaveKind::Training, d(2027, 1, 5)),
        (d(2026, 11, 22), "5/1", LeaveKind::Parental, d(2027, 1, 5)),
        // Across the new year: 20 December typed on 10 January is the one just gone.
        (d(2027, 1, 10), "20/12", LeaveKind::Annual, d(2026, 12, 20)),
        // A weekday is still the next one for booked leave, the last one for sick leave.
        (december, "fri", LeaveKind::Annual, d(2026, 12, 4)),
        (december, "mon", LeaveKind::Annual, d(2026, 12, 7)),
        (december, "fri", LeaveKind::Sick, d(2026, 11, 27)),
        // Sick leave looks back however far.
        (december, "16/11", LeaveKind::Sick, d(2026, 11, 16)),
        (december, "2/10", LeaveKind::Sick, d(2026, 10, 2)),
        (december, "24/12", LeaveKind::Sick, d(2025, 12, 24)),
        // A year typed is that year.
        (december, "16/11/2027", LeaveKind::Annual, d(2027, 11, 16)),
    ] {
        assert_eq!(
            parse_date_towards(typed, today, leave_towards(kind)),
            Ok(want),
            "{typed} on {today} for {kind:?}"
        );
    }
}

#[test]
fn booked_leave_on_29_february_finds_a_leap_year() {
    let today = d(2026, 12, 2);
    assert_eq!(
        parse_date_towards("29/2", today, Towards::Booked),
        Ok(d(2028, 2, 29))
    );
    assert_eq!(
        parse_date_towards("29/2", d(2028, 3, 10), Towards::Booked),
        Ok(d(2028, 2, 29))
    );
}
