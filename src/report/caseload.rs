//! Open cases and weighted capacity, day by day over the period.

use super::Period;
use super::model::{Caseload, WeekPoint, round2};
use crate::config::Config;
use crate::domain::calendar::week_start;
use crate::domain::replay::State;
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Open cases and capacity % for each day of the period (index 0 = `period.from`).
pub struct Daily {
    pub from: NaiveDate,
    pub open: Vec<u32>,
    /// Sum of open cases' weights in hundredths of an hour, so that comparisons are exact.
    pub weight_centi: Vec<i64>,
    pub contracted_hours: f64,
}

impl Daily {
    /// A sweep over allocation and closing dates: O(days + cases).
    pub fn compute(state: &State, config: &Config, period: Period) -> Daily {
        let n = period.len_days();
        let mut open_diff = vec![0i64; n + 1];
        let mut weight_diff = vec![0i64; n + 1];
        let index = |d: NaiveDate| (d - period.from).num_days();
        for case in &state.cases {
            // Open on D: allocated_on <= D and not closed on or before D.
            let start = index(case.allocated_on).max(0);
            let end = case.closed_on.map_or(n as i64, |c| index(c).min(n as i64));
            if start >= end || start >= n as i64 {
                continue;
            }
            let weight = (config.weight_of(&case.kind, case.weight) * 100.0).round() as i64;
            open_diff[start as usize] += 1;
            open_diff[end as usize] -= 1;
            weight_diff[start as usize] += weight;
            weight_diff[end as usize] -= weight;
        }
        let mut open = Vec::with_capacity(n);
        let mut weight_centi = Vec::with_capacity(n);
        let (mut o, mut w) = (0i64, 0i64);
        for i in 0..n {
            o += open_diff[i];
            w += weight_diff[i];
            open.push(o as u32);
            weight_centi.push(w);
        }
        Daily {
            from: period.from,
            open,
            weight_centi,
            contracted_hours: config.work.contracted_hours,
        }
    }

    fn index(&self, d: NaiveDate) -> usize {
        (d - self.from).num_days() as usize
    }

    pub fn open_on(&self, d: NaiveDate) -> u32 {
        self.open[self.index(d)]
    }

    /// Capacity % on a day: sum of open cases' weekly hours / contracted weekly hours x 100.
    pub fn capacity_on(&self, d: NaiveDate) -> f64 {
        self.capacity_at(self.index(d))
    }

    fn capacity_at(&self, i: usize) -> f64 {
        self.capacity_at_weight(self.weight_centi[i])
    }

    fn capacity_at_weight(&self, weight_centi: i64) -> f64 {
        weight_centi as f64 / self.contracted_hours
    }
}

pub fn summary(state: &State, config: &Config, period: Period, daily: &Daily) -> Caseload {
    let in_period = |d: Option<NaiveDate>| d.is_some_and(|d| period.contains(d));
    let allocated = state
        .cases
        .iter()
        .filter(|c| period.contains(c.allocated_on))
        .count() as u32;
    let closed = state
        .cases
        .iter()
        .filter(|c| in_period(c.closed_on))
        .count() as u32;
    let undiscussed = state
        .cases
        .iter()
        .filter(|c| period.contains(c.allocated_on) && !c.discussed)
        .count() as u32;
    let peak_open = daily.open.iter().copied().max().unwrap_or(0);
    let peak_open_on = daily
        .open
        .iter()
        .position(|o| *o == peak_open)
        .filter(|_| peak_open > 0)
        .map(|i| period.from + Days::new(i as u64));
    let limit = config.limits.caseload;
    let days_over_limit = daily.open.iter().filter(|o| **o > limit).count() as u32;
    // The first day of the highest weighted total (compared exactly, in hundredths).
    let peak_weight = daily.weight_centi.iter().copied().max().unwrap_or(0);
    let capacity_percent_peak = daily.capacity_at_weight(peak_weight);
    let capacity_percent_peak_on = daily
        .weight_centi
        .iter()
        .position(|w| *w == peak_weight)
        .filter(|_| peak_weight > 0)
        .map(|i| period.from + Days::new(i as u64));
    let runs = weekly_runs(daily, period, config.limits.capacity_percent);
    Caseload {
        open_at_start: daily.open_on(period.from),
        open_at_end: daily.open_on(period.to),
        allocated,
        closed,
        peak_open,
        peak_open_on,
        limit,
        days_over_limit,
        capacity_percent_peak: round2(capacity_percent_peak),
        weeks_over_threshold: runs.over,
        longest_run_over_threshold: runs.longest,
        undiscussed,
        capacity_percent_peak_on,
        longest_run_first_week_ending: runs.longest_from,
        longest_run_last_week_ending: runs.longest_to,
    }
}

/// The Sundays on which weekly capacity was over the threshold.
struct Runs {
    over: u32,
    longest: u32,
    /// The first and last Sunday of the longest run (the earliest, on a tie).
    longest_from: Option<NaiveDate>,
    longest_to: Option<NaiveDate>,
}

/// Weekly capacity is read on each Sunday in the period: how many are over the threshold,
/// and the longest consecutive run of them, with its first and last Sunday.
fn weekly_runs(daily: &Daily, period: Period, threshold: f64) -> Runs {
    let mut runs = Runs {
        over: 0,
        longest: 0,
        longest_from: None,
        longest_to: None,
    };
    let (mut run, mut run_from) = (0, None);
    for day in period.days().filter(|d| d.weekday() == Weekday::Sun) {
        if daily.capacity_on(day) > threshold {
            runs.over += 1;
            run += 1;
            let from = *run_from.get_or_insert(day);
            if run > runs.longest {
                runs.longest = run;
                runs.longest_from = Some(from);
                runs.longest_to = Some(day);
            }
        } else {
            run = 0;
            run_from = None;
        }
    }
    runs
}

/// One point per Monday-start week touching the period, read on its last day in the period.
pub fn weekly_series(daily: &Daily, period: Period) -> Vec<WeekPoint> {
    let mut weeks = Vec::new();
    let mut monday = week_start(period.from);
    while monday <= period.to {
        let last = (monday + Days::new(6)).min(period.to);
        weeks.push(WeekPoint {
            week_start: monday,
            open: daily.open_on(last),
            capacity_percent: round2(daily.capacity_on(last)),
            hours: 0.0,
            deadlines_due: 0,
            wtr_average: None,
        });
        monday = monday + Days::new(7);
    }
    weeks
}
