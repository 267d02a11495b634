//! Deadlines in the period: met, missed, late, extended, and those in or soon after leave.

use super::leave::LeaveIndex;
use super::model::{
    DeadlineAfterLeave, DeadlineInLeave, DeadlineSince, Deadlines, ExtensionOut, Outcomes,
    WeekCount, WeekPoint,
};
use super::{Inputs, Period, Pseudonyms};
use crate::domain::calendar::{WorkCalendar, week_start};
use crate::domain::replay::{Deadline, State};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Deadlines whose (possibly extended) due date falls in the period, in date order.
fn due_in(state: &State, period: Period) -> Vec<&Deadline> {
    let mut due: Vec<&Deadline> = state
        .deadlines
        .iter()
        .filter(|d| period.contains(d.due))
        .collect();
    due.sort_by_key(|d| (d.due, d.id));
    due
}

/// Deadlines whose first due date falls in the period, in that date's order: the ones judged
/// against leave, which an extension never takes off the list.
fn first_due_in(state: &State, period: Period) -> Vec<&Deadline> {
    let mut due: Vec<&Deadline> = state
        .deadlines
        .iter()
        .filter(|d| period.contains(d.original_due))
        .collect();
    due.sort_by_key(|d| (d.original_due, d.id));
    due
}

/// What became of a deadline since it was set: its date now, its extensions, when it was met.
pub fn since(d: &Deadline, input: &Inputs, names: &Pseudonyms) -> DeadlineSince {
    DeadlineSince {
        due_now: d.due,
        extensions: d
            .extensions
            .iter()
            .map(|e| ExtensionOut {
                to: e.to,
                reason: e.reason.as_deref().map(|r| names.text(r)),
                recorded_on: super::written_on(input.records, e.seq),
            })
            .collect(),
        met_on: d.met_on,
        outcome: outcome(d, input.period.to.min(input.today)).key(),
    }
}

/// Where a deadline stands by day `by` (the period's end or today, whichever is earlier):
/// the parts of `deadlines.outcomes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Met on or before its due date (after any extension).
    OnTime,
    /// Met after its due date.
    Late,
    /// Due on or before `by` and not met.
    Overdue,
    /// Due after `by` and not met.
    NotYetDue,
}

impl Outcome {
    pub fn key(self) -> &'static str {
        match self {
            Outcome::OnTime => "on_time",
            Outcome::Late => "late",
            Outcome::Overdue => "overdue",
            Outcome::NotYetDue => "not_yet_due",
        }
    }
}

pub fn outcome(d: &Deadline, by: NaiveDate) -> Outcome {
    match d.met_on {
        Some(m) if m <= d.due => Outcome::OnTime,
        Some(_) => Outcome::Late,
        None if d.due <= by => Outcome::Overdue,
        None => Outcome::NotYetDue,
    }
}

pub fn summary(
    input: &Inputs,
    calendar: &WorkCalendar,
    leave: &LeaveIndex,
    names: &Pseudonyms,
) -> Deadlines {
    let period = input.period;
    let due = due_in(input.state, period);
    let by = period.to.min(input.today);
    let met_in_time = |d: &&&Deadline| d.met_on.is_some_and(|m| m <= d.due);
    let missed: Vec<&&Deadline> = due
        .iter()
        .filter(|d| d.due <= by && !met_in_time(d))
        .collect();
    let case = |d: &Deadline| d.case.as_deref().map(|r| names.name(r));

    let first_due = first_due_in(input.state, period);
    let in_leave = first_due
        .iter()
        .filter_map(|d| {
            let l = leave.due_in_leave(d.original_due)?;
            Some(DeadlineInLeave {
                case: case(d),
                what: names.text(&d.what),
                due: d.original_due,
                leave_from: l.from,
                leave_to: l.to,
                since: since(d, input, names),
            })
        })
        .collect();
    let window = input.config.limits.post_leave_days;
    let soon_after_leave = first_due
        .iter()
        .filter_map(|d| {
            let (l, after) = leave.due_soon_after(d.original_due, calendar, window)?;
            Some(DeadlineAfterLeave {
                case: case(d),
                what: names.text(&d.what),
                due: d.original_due,
                leave_to: l.to,
                working_days_after_return: after,
                returned_on: calendar
                    .first_working_day_after(l.to)
                    .unwrap_or(d.original_due),
                due_on_working_day: calendar.is_working_day(d.original_due),
                since: since(d, input, names),
            })
        })
        .collect();

    let mut per_week: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    for d in &due {
        *per_week.entry(week_start(d.due)).or_default() += 1;
    }
    let busiest_week = per_week
        .iter()
        .fold(None::<(NaiveDate, u32)>, |best, (w, c)| match best {
            Some((_, bc)) if bc >= *c => best,
            _ => Some((*w, *c)),
        })
        .map(|(w, count)| WeekCount {
            week_start: w,
            count,
        });

    let mut outcomes = Outcomes::default();
    for d in &due {
        *match outcome(d, by) {
            Outcome::OnTime => &mut outcomes.on_time,
            Outcome::Late => &mut outcomes.late,
            Outcome::Overdue => &mut outcomes.overdue,
            Outcome::NotYetDue => &mut outcomes.not_yet_due,
        } += 1;
    }
    Deadlines {
        outcomes,
        due: due.len() as u32,
        met: due.iter().filter(met_in_time).count() as u32,
        missed: missed.len() as u32,
        met_late: missed.iter().filter(|d| d.met_on.is_some()).count() as u32,
        extended: due.iter().filter(|d| !d.extensions.is_empty()).count() as u32,
        in_leave,
        soon_after_leave,
        busiest_week,
    }
}

pub fn fill_series(weeks: &mut [WeekPoint], state: &State, period: Period) {
    let first_week = week_start(period.from);
    for d in due_in(state, period) {
        let index = ((week_start(d.due) - first_week).num_days() / 7) as usize;
        if let Some(w) = weeks.get_mut(index) {
            w.deadlines_due += 1;
        }
    }
}
