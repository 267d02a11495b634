//! Hours worked against contract, rest, breaks and the Working Time Regulations average.

use super::model::{Hours, WeekHours, WeekPoint, round2};
use super::{Inputs, Period};
use crate::domain::calendar::{WorkCalendar, week_start};
use crate::domain::replay::State;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::BTreeMap;

/// Minimum rest between working days, and the break owed after six hours (WTR regs 10 and 12).
const DAILY_REST_MINUTES: i64 = 11 * 60;
const BREAK_AFTER_HOURS: f64 = 6.0;
const BREAK_MINUTES: i64 = 20;
const WTR_WEEKS: u64 = 17;

/// What was logged on one day.
#[derive(Debug, Clone, Default)]
pub struct Day {
    pub worked: f64,
    /// Every entry that day has a start and an end.
    pub all_timed: bool,
    pub first_start: Option<i64>,
    pub last_end: Option<i64>,
    /// Breaks recorded plus the gaps between the day's timed entries, in minutes.
    pub break_minutes: i64,
}

pub struct DayTotals {
    pub days: BTreeMap<NaiveDate, Day>,
}

impl DayTotals {
    pub fn compute(state: &State) -> DayTotals {
        let mut by_date: BTreeMap<NaiveDate, Vec<&crate::domain::HoursLogged>> = BTreeMap::new();
        for h in &state.hours {
            by_date.entry(h.entry.date).or_default().push(&h.entry);
        }
        let days = by_date
            .into_iter()
            .map(|(date, mut entries)| {
                entries.sort_by_key(|e| e.start);
                let timed: Vec<_> = entries.iter().filter(|e| e.is_timed()).collect();
                let mut day = Day {
                    worked: entries.iter().map(|e| e.worked()).sum(),
                    all_timed: timed.len() == entries.len(),
                    first_start: timed
                        .first()
                        .and_then(|e| e.start)
                        .map(super::super::domain::dates::ClockTime::minutes),
                    last_end: timed
                        .iter()
                        .filter_map(|e| e.end)
                        .map(super::super::domain::dates::ClockTime::minutes)
                        .max(),
                    break_minutes: timed
                        .iter()
                        .map(|e| i64::from(e.break_minutes.unwrap_or(0)))
                        .sum(),
                };
                for pair in timed.windows(2) {
                    if let (Some(end), Some(start)) = (pair[0].end, pair[1].start) {
                        day.break_minutes += (start.minutes() - end.minutes()).max(0);
                    }
                }
                (date, day)
            })
            .collect();
        DayTotals { days }
    }

    pub fn worked_on(&self, d: NaiveDate) -> f64 {
        self.days.get(&d).map_or(0.0, |day| day.worked)
    }

    fn worked_between(&self, from: NaiveDate, to: NaiveDate) -> f64 {
        self.days.range(from..=to).map(|(_, d)| d.worked).sum()
    }
}

pub fn summary(
    input: &Inputs,
    begin: Option<NaiveDate>,
    calendar: &WorkCalendar,
    totals: &DayTotals,
) -> Hours {
    let period = input.period;
    // Hours are measured up to today, and only from the day the records begin: days not yet
    // lived, or before the log existed, are neither expected nor unlogged.
    let end = period.to.min(input.today);
    let lived = Period {
        from: period.from,
        to: end.max(period.from),
    };
    let has_lived = begin.is_some() && end >= period.from;
    let lived_days = || lived.days().filter(move |_| has_lived);
    let worked = if has_lived {
        totals.worked_between(lived.from, lived.to)
    } else {
        0.0
    };
    let working_days = lived_days().filter(|d| calendar.is_working_day(*d)).count();
    let logged_working_days = lived_days()
        .filter(|d| calendar.is_working_day(*d) && totals.days.contains_key(d))
        .count();
    let per_day = input.config.work.contracted_hours / calendar.working_weekday_count() as f64;
    let expected = per_day * working_days as f64;
    let expected_logged = per_day * logged_working_days as f64;
    let days_logged = if has_lived {
        totals.days.range(lived.from..=lived.to).count()
    } else {
        0
    };
    let days_unlogged = working_days - logged_working_days;

    let mut weeks: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    for (d, day) in totals.days.range(period.from..=period.to) {
        *weeks.entry(week_start(*d)).or_default() += day.worked;
    }
    let max_week = weeks
        .iter()
        .fold(None::<(NaiveDate, f64)>, |best, (w, h)| match best {
            Some((_, bh)) if bh >= *h => best,
            _ => Some((*w, *h)),
        })
        .map(|(w, h)| WeekHours {
            week_start: w,
            hours: round2(h),
        });

    let short_rest = totals
        .days
        .range(period.from..=period.to)
        .filter(|(d, day)| {
            let Some(next) = d
                .succ_opt()
                .filter(|n| period.contains(*n))
                .and_then(|n| totals.days.get(&n))
            else {
                return false;
            };
            match (day.last_end, next.first_start) {
                (Some(end), Some(start)) => (24 * 60 - end) + start < DAILY_REST_MINUTES,
                _ => false,
            }
        })
        .count();
    let missed_breaks = totals
        .days
        .range(period.from..=period.to)
        .filter(|(_, day)| {
            day.all_timed && day.worked > BREAK_AFTER_HOURS && day.break_minutes < BREAK_MINUTES
        })
        .count();
    let wtr = wtr_average_max(input.state, period, begin, calendar, totals);

    Hours {
        worked: round2(worked),
        expected: round2(expected),
        excess: round2(worked - expected),
        days_logged: days_logged as u32,
        days_unlogged: days_unlogged as u32,
        max_week,
        wtr_average_max: wtr.as_ref().map(|w| round2(w.average)),
        short_rest: short_rest as u32,
        missed_breaks: missed_breaks as u32,
        expected_logged: round2(expected_logged),
        excess_logged: round2(worked - expected_logged),
        working_days_logged: logged_working_days as u32,
        wtr_average_max_from: wtr.as_ref().map(|w| w.from),
        wtr_average_max_to: wtr.as_ref().map(|w| w.to),
    }
}

/// A 17-week average and the reference period it was taken over (Monday to Sunday).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WtrAverage {
    pub average: f64,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The highest 17-week average (regulation 4): for each run of 17 Monday-start weeks ending
/// on a Sunday inside the period, and starting no earlier than the records begin, (A + B) / 17,
/// where A is the hours in the run and B the hours on the first working days after it, as
/// many as the working weekdays in the run taken as annual, sick or parental leave. The
/// earliest run, on a tie. `None` when no such run fits (fewer than 17 weeks of records).
pub fn wtr_average_max(
    state: &State,
    period: Period,
    begin: Option<NaiveDate>,
    calendar: &WorkCalendar,
    totals: &DayTotals,
) -> Option<WtrAverage> {
    let begin = begin?;
    if totals.days.is_empty() {
        return None;
    }
    let made_up_leave: Vec<(NaiveDate, NaiveDate)> = state
        .leave
        .iter()
        .filter(|l| l.kind.made_up_in_wtr_average())
        .map(|l| (l.from, l.to))
        .collect();
    let on_made_up_leave = |d: NaiveDate| made_up_leave.iter().any(|(f, t)| *f <= d && d <= *t);
    period
        .days()
        .filter(|d| d.weekday() == Weekday::Sun)
        .filter_map(|sunday| {
            let first = sunday - Days::new(WTR_WEEKS * 7 - 1);
            if first < begin {
                return None;
            }
            let a = totals.worked_between(first, sunday);
            let leave_days = first
                .iter_days()
                .take_while(|d| *d <= sunday)
                .filter(|d| {
                    calendar.is_working_weekday(*d)
                        && !calendar.is_bank_holiday(*d)
                        && on_made_up_leave(*d)
                })
                .count();
            let b: f64 = sunday
                .iter_days()
                .skip(1)
                .take(3 * 366)
                .filter(|d| calendar.is_working_day(*d))
                .take(leave_days)
                .map(|d| totals.worked_on(d))
                .sum();
            Some(WtrAverage {
                average: (a + b) / WTR_WEEKS as f64,
                from: first,
                to: sunday,
            })
        })
        .fold(None, |best: Option<WtrAverage>, w| match best {
            Some(b) if b.average >= w.average => Some(b),
            _ => Some(w),
        })
}

pub fn fill_series(weeks: &mut [WeekPoint], totals: &DayTotals, period: Period) {
    let first_week = week_start(period.from);
    for (d, day) in totals.days.range(period.from..=period.to) {
        let index = ((week_start(*d) - first_week).num_days() / 7) as usize;
        if let Some(w) = weeks.get_mut(index) {
            w.hours += day.worked;
        }
    }
    for w in weeks {
        w.hours = round2(w.hours);
    }
}
