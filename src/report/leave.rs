//! What happened in and around leave: allocations during and just before it.

use super::model::{AllocationBeforeLeave, AllocationDuringLeave};
use super::{Period, Pseudonyms, iso};
use crate::config::Config;
use crate::domain::calendar::WorkCalendar;
use crate::domain::replay::{Leave, State};
use chrono::NaiveDate;

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
        self.sorted
            .iter()
            .copied()
            .find(|l| l.from <= d && d <= l.to)
    }

    /// The first leave that starts after `d`.
    pub fn next_after(&self, d: NaiveDate) -> Option<&'a Leave> {
        self.sorted.iter().copied().find(|l| l.from > d)
    }

    /// The last leave that ended before `d`.
    pub fn last_before(&self, d: NaiveDate) -> Option<&'a Leave> {
        self.sorted
            .iter()
            .copied()
            .filter(|l| l.to < d)
            .max_by_key(|l| l.to)
    }

    /// Cases allocated in the period on a day inside any leave (inclusive).
    pub fn allocations_during(
        &self,
        state: &State,
        period: Period,
        names: &Pseudonyms,
    ) -> Vec<AllocationDuringLeave> {
        let mut out: Vec<(NaiveDate, u64, AllocationDuringLeave)> = state
            .cases
            .iter()
            .filter(|c| period.contains(c.allocated_on))
            .filter_map(|c| {
                let leave = self.containing(c.allocated_on)?;
                Some((
                    c.allocated_on,
                    c.id,
                    AllocationDuringLeave {
                        case: names.name(&c.reference),
                        allocated_on: iso(c.allocated_on),
                        leave_kind: leave.kind.key().to_string(),
                        leave_from: iso(leave.from),
                        leave_to: iso(leave.to),
                    },
                ))
            })
            .collect();
        out.sort_by_key(|(d, id, _)| (*d, *id));
        out.into_iter().map(|(_, _, a)| a).collect()
    }

    /// Cases allocated in the period, not during leave, within the configured number of
    /// working days before the next leave starts: working days from the allocation day
    /// (inclusive) up to the leave's first day (exclusive), flagged when 1..=window.
    pub fn allocations_before(
        &self,
        state: &State,
        config: &Config,
        period: Period,
        calendar: &WorkCalendar,
        names: &Pseudonyms,
    ) -> Vec<AllocationBeforeLeave> {
        let window = config.limits.pre_leave_days;
        let mut out: Vec<(NaiveDate, u64, AllocationBeforeLeave)> = state
            .cases
            .iter()
            .filter(|c| {
                period.contains(c.allocated_on) && self.containing(c.allocated_on).is_none()
            })
            .filter_map(|c| {
                let leave = self.next_after(c.allocated_on)?;
                let before = calendar.working_days_between(c.allocated_on, leave.from) as u32;
                (1..=window).contains(&before).then(|| {
                    (
                        c.allocated_on,
                        c.id,
                        AllocationBeforeLeave {
                            case: names.name(&c.reference),
                            allocated_on: iso(c.allocated_on),
                            leave_from: iso(leave.from),
                            working_days_before: before,
                        },
                    )
                })
            })
            .collect();
        out.sort_by_key(|(d, id, _)| (*d, *id));
        out.into_iter().map(|(_, _, a)| a).collect()
    }
}
