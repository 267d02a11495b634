//! What happened in and around leave: allocations during and just before it, deadlines in it
//! and soon after it. The per-item tests here serve the report lists and the UI's row flags.

use super::hours::DayTotals;
use super::model::{
    AllocationBeforeLeave, AllocationDuringLeave, MetOnLeaveDay, WorkedDuringLeave,
    WorkedOnLeaveDay, round2,
};
use super::{Period, Pseudonyms};
use crate::config::Config;
use crate::domain::calendar::WorkCalendar;
use crate::domain::replay::{Case, Leave, State};
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;

/// Cases whose allocation day `keep` takes, in date order.
fn allocated_on_days(state: &State, keep: impl Fn(NaiveDate) -> bool) -> Vec<&Case> {
    let mut cases: Vec<&Case> = state
        .cases
        .iter()
        .filter(|c| keep(c.allocated_on))
        .collect();
    cases.sort_by_key(|c| (c.allocated_on, c.id));
    cases
}

/// Leave periods sorted by start, for "which leave contains / follows / precedes this day".
pub struct LeaveIndex<'a> {
    sorted: Vec<&'a Leave>,
}

impl<'a> LeaveIndex<'a> {
    pub fn new(state: &'a State) -> Self {
        let mut sorted: Vec<&Leave> = state.leave.iter().collect();
        sorted.sort_by_key(|l| (l.from, l.id));
        LeaveIndex { sorted }
    }

    pub fn containing(&self, d: NaiveDate) -> Option<&'a Leave> {
        let after = self.sorted.partition_point(|l| l.from <= d);
        self.sorted[..after]
            .iter()
            .rev()
            .copied()
            .find(|l| d <= l.to)
    }

    /// The first leave that starts after `d`.
    pub fn next_after(&self, d: NaiveDate) -> Option<&'a Leave> {
        let after = self.sorted.partition_point(|l| l.from <= d);
        self.sorted.get(after).copied()
    }

    /// The leave with the latest end before `d`.
    pub fn last_before(&self, d: NaiveDate) -> Option<&'a Leave> {
        let started = self.sorted.partition_point(|l| l.from < d);
        self.sorted[..started]
            .iter()
            .copied()
            .filter(|l| l.to < d)
            .max_by_key(|l| l.to)
    }

    /// A case allocated on a day of leave: that leave.
    pub fn allocated_during(&self, case: &Case) -> Option<&'a Leave> {
        self.containing(case.allocated_on)
    }

    /// A case allocated (not during leave) within `window` working days before the next leave:
    /// that leave and the working days from the allocation day (inclusive) to its first day.
    pub fn allocated_before(
        &self,
        case: &Case,
        calendar: &WorkCalendar,
        window: u32,
    ) -> Option<(&'a Leave, u32)> {
        if self.containing(case.allocated_on).is_some() {
            return None;
        }
        let leave = self.next_after(case.allocated_on)?;
        let before = calendar.working_days_between(case.allocated_on, leave.from) as u32;
        (1..=window).contains(&before).then_some((leave, before))
    }

    /// A deadline due on a day of leave: that leave.
    pub fn due_in_leave(&self, due: NaiveDate) -> Option<&'a Leave> {
        self.containing(due)
    }

    /// A deadline (not in leave) due within `window` working days after the latest leave
    /// before it: that leave and the working days after its last day up to and including `due`.
    pub fn due_soon_after(
        &self,
        due: NaiveDate,
        calendar: &WorkCalendar,
        window: u32,
    ) -> Option<(&'a Leave, u32)> {
        if self.containing(due).is_some() {
            return None;
        }
        let leave = self.last_before(due)?;
        let after = calendar.working_days_in(leave.to + Days::new(1), due) as u32;
        (1..=window).contains(&after).then_some((leave, after))
    }

    /// Cases allocated in the period on a day inside any leave (inclusive), in date order.
    pub fn allocations_during(
        &self,
        state: &State,
        period: Period,
        names: &Pseudonyms,
    ) -> Vec<AllocationDuringLeave> {
        allocated_on_days(state, |day| period.contains(day))
            .into_iter()
            .filter_map(|c| {
                let leave = self.allocated_during(c)?;
                Some(AllocationDuringLeave {
                    case: names.name(&c.reference),
                    allocated_on: c.allocated_on,
                    leave_kind: leave.kind.key().to_string(),
                    leave_from: leave.from,
                    leave_to: leave.to,
                })
            })
            .collect()
    }

    /// Cases allocated just before a leave that begins in the period, in date order. The
    /// allocation itself may fall before the period (and before the records begin, which
    /// allocation dates do not move): a case given on the Friday before leave that starts on
    /// the period's first Monday is that leave's story.
    pub fn allocations_before(
        &self,
        state: &State,
        config: &Config,
        period: Period,
        calendar: &WorkCalendar,
        names: &Pseudonyms,
    ) -> Vec<AllocationBeforeLeave> {
        allocated_on_days(state, |day| day <= period.to)
            .into_iter()
            .filter_map(|c| {
                let (leave, before) =
                    self.allocated_before(c, calendar, config.limits.pre_leave_days)?;
                if !period.contains(c.allocated_on) && !period.contains(leave.from) {
                    return None;
                }
                Some(AllocationBeforeLeave {
                    case: names.name(&c.reference),
                    allocated_on: c.allocated_on,
                    leave_from: leave.from,
                    working_days_before: before,
                })
            })
            .collect()
    }

    /// Hours logged on a day of leave and deadlines met on one, day by day in the period.
    pub fn worked_during(
        &self,
        state: &State,
        period: Period,
        totals: &DayTotals,
        names: &Pseudonyms,
    ) -> WorkedDuringLeave {
        let mut days: BTreeMap<NaiveDate, (&Leave, f64, Vec<MetOnLeaveDay>)> = BTreeMap::new();
        for (day, t) in totals.days.range(period.from..=period.to) {
            if let Some(l) = self.containing(*day) {
                days.insert(*day, (l, t.worked, Vec::new()));
            }
        }
        let mut met: Vec<_> = state
            .deadlines
            .iter()
            .filter_map(|d| d.met_on.filter(|m| period.contains(*m)).map(|m| (m, d)))
            .collect();
        met.sort_by_key(|(m, d)| (*m, d.id));
        for (on, d) in met {
            if let Some(l) = self.containing(on) {
                days.entry(on)
                    .or_insert((l, 0.0, Vec::new()))
                    .2
                    .push(MetOnLeaveDay {
                        case: d.case.as_deref().map(|r| names.name(r)),
                        what: names.text(&d.what),
                    });
            }
        }
        let list: Vec<WorkedOnLeaveDay> = days
            .into_iter()
            .map(|(day, (l, hours, met))| WorkedOnLeaveDay {
                date: day,
                leave_kind: l.kind.key().to_string(),
                leave_from: l.from,
                leave_to: l.to,
                hours: round2(hours),
                deadlines_met: met,
            })
            .collect();
        WorkedDuringLeave {
            days: list.len() as u32,
            hours: round2(list.iter().map(|d| d.hours).sum()),
            deadlines_met: list.iter().map(|d| d.deadlines_met.len() as u32).sum(),
            list,
        }
    }
}

/// Where a deadline due soon after leave falls in the return to work, in the documents' words:
/// "2nd working day back", or, for a deadline due on a day that is not a working day (Sat 7
/// Mar after two working days back), "due Sat, not a working day, after 2 working days
/// back" rather than calling it the 2nd working day.
pub fn after_return(working_days_after: u32, due: NaiveDate, due_on_working_day: bool) -> String {
    use super::document::{ordinal, plural};
    if due_on_working_day {
        format!("{} working day back", ordinal(working_days_after))
    } else {
        format!(
            "due {}, not a working day, after {} back",
            due.format("%a"),
            plural(working_days_after, "working day", "working days")
        )
    }
}
