//! The working-day calendar: configured working weekdays, minus bank holidays, minus leave.

use super::holidays::{Region, bank_holidays};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::HashSet;

/// Answers "is this a working day?" for one configuration and one set of leave periods.
#[derive(Debug, Clone)]
pub struct WorkCalendar {
    working_weekdays: [bool; 7],
    holidays: HashSet<NaiveDate>,
    /// Leave periods, inclusive, sorted by start.
    leave: Vec<(NaiveDate, NaiveDate)>,
}

impl WorkCalendar {
    pub fn new(
        working_weekdays: &[Weekday],
        region: Region,
        leave: &[(NaiveDate, NaiveDate)],
    ) -> Self {
        let mut days = [false; 7];
        for w in working_weekdays {
            days[w.num_days_from_monday() as usize] = true;
        }
        let holidays = (super::holidays::FIRST_YEAR..=super::holidays::LAST_YEAR)
            .flat_map(|y| bank_holidays(region, y))
            .collect();
        let mut leave = leave.to_vec();
        leave.sort();
        WorkCalendar {
            working_weekdays: days,
            holidays,
            leave,
        }
    }

    pub fn is_working_weekday(&self, d: NaiveDate) -> bool {
        self.working_weekdays[d.weekday().num_days_from_monday() as usize]
    }

    pub fn working_weekday_count(&self) -> usize {
        self.working_weekdays.iter().filter(|w| **w).count()
    }

    pub fn is_bank_holiday(&self, d: NaiveDate) -> bool {
        self.holidays.contains(&d)
    }

    /// The leave period containing `d`, if any.
    pub fn leave_on(&self, d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        let idx = self.leave.partition_point(|(from, _)| *from <= d);
        self.leave[..idx]
            .iter()
            .rev()
            .find(|(from, to)| *from <= d && d <= *to)
            .copied()
    }

    pub fn is_on_leave(&self, d: NaiveDate) -> bool {
        self.leave_on(d).is_some()
    }

    /// A configured working weekday that is not a bank holiday and not a leave day.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        self.is_working_weekday(d) && !self.is_bank_holiday(d) && !self.is_on_leave(d)
    }

    /// The first working day after `d`: weekends, bank holidays and leave (adjoining leave
    /// too) skipped. The day someone on leave until `d` is back at work. `None` only when no
    /// working day follows within three years (no working weekday configured is refused).
    pub fn first_working_day_after(&self, d: NaiveDate) -> Option<NaiveDate> {
        d.iter_days()
            .skip(1)
            .take(3 * 366)
            .find(|day| self.is_working_day(*day))
    }

    /// Working days in `[from, to)`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> usize {
        days(from, to).filter(|d| self.is_working_day(*d)).count()
    }

    /// Working days in `[from, to]`, inclusive.
    pub fn working_days_in(&self, from: NaiveDate, to: NaiveDate) -> usize {
        match to.checked_add_days(Days::new(1)) {
            Some(end) => self.working_days_between(from, end),
            None => 0,
        }
    }
}

/// Every day in `[from, to)`.
pub fn days(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |d| *d < to)
}

/// The Monday on or before `d` (weeks start on Monday).
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - Days::new(u64::from(d.weekday().num_days_from_monday()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const WEEKDAYS: [Weekday; 5] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];

    #[test]
    fn weekends_bank_holidays_and_leave_are_not_working_days() {
        let cal = WorkCalendar::new(
            &WEEKDAYS,
            Region::EnglandAndWales,
            &[(d(2026, 8, 3), d(2026, 8, 7))],
        );
        assert!(cal.is_working_day(d(2026, 7, 31)));
        assert!(!cal.is_working_day(d(2026, 8, 1)));
        assert!(!cal.is_working_day(d(2026, 8, 5)));
        assert!(!cal.is_working_day(d(2026, 8, 31)));
        assert_eq!(
            cal.leave_on(d(2026, 8, 7)),
            Some((d(2026, 8, 3), d(2026, 8, 7)))
        );
        // August 2026 has 21 weekdays, one bank holiday and five leave days.
        assert_eq!(cal.working_days_in(d(2026, 8, 1), d(2026, 8, 31)), 15);
    }

    #[test]
    fn the_return_from_leave_skips_weekends_bank_holidays_and_adjoining_leave() {
        // Leave to Fri 15 Aug 2025: back on Mon 18 Aug.
        let cal = WorkCalendar::new(
            &WEEKDAYS,
            Region::EnglandAndWales,
            &[(d(2025, 8, 4), d(2025, 8, 15))],
        );
        assert_eq!(
            cal.first_working_day_after(d(2025, 8, 15)),
            Some(d(2025, 8, 18))
        );
        // Sick to Thu 17 Apr 2025: Good Friday and Easter Monday follow, back on Tue 22 Apr.
        let cal = WorkCalendar::new(
            &WEEKDAYS,
            Region::EnglandAndWales,
            &[(d(2025, 4, 14), d(2025, 4, 17))],
        );
        assert_eq!(
            cal.first_working_day_after(d(2025, 4, 17)),
            Some(d(2025, 4, 22))
        );
        // Annual leave to Fri 6 Jun, then training all the next week: back on Mon 16 Jun.
        let cal = WorkCalendar::new(
            &WEEKDAYS,
            Region::EnglandAndWales,
            &[
                (d(2025, 6, 2), d(2025, 6, 6)),
                (d(2025, 6, 9), d(2025, 6, 13)),
            ],
        );
        assert_eq!(
            cal.first_working_day_after(d(2025, 6, 6)),
            Some(d(2025, 6, 16))
        );
    }

    #[test]
    fn part_time_patterns_count_only_their_days() {
        let cal = WorkCalendar::new(
            &[Weekday::Mon, Weekday::Tue, Weekday::Wed],
            Region::None,
            &[],
        );
        assert_eq!(cal.working_weekday_count(), 3);
        assert_eq!(
            cal.working_days_between(d(2026, 11, 16), d(2026, 11, 23)),
            3
        );
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_start(d(2026, 11, 22)), d(2026, 11, 16));
        assert_eq!(week_start(d(2026, 11, 16)), d(2026, 11, 16));
    }
}
