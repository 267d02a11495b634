//! Per-record leave flags for the UI's tables and dashboard, from the same tests the report
//! lists use, so a row marked "during leave" is exactly a row the report lists.

use super::leave::LeaveIndex;
use crate::config::Config;
use crate::domain::replay::State;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseFlag {
    DuringLeave,
    BeforeLeave(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineFlag {
    InLeave,
    SoonAfterLeave(u32),
}

#[derive(Debug, Clone, Default)]
pub struct LeaveFlags {
    cases: HashMap<u64, CaseFlag>,
    deadlines: HashMap<u64, DeadlineFlag>,
}

impl LeaveFlags {
    pub fn compute(state: &State, config: &Config) -> LeaveFlags {
        let calendar = super::calendar(state, config);
        let index = LeaveIndex::new(state);
        let mut flags = LeaveFlags::default();
        for c in &state.cases {
            if index.allocated_during(c).is_some() {
                flags.cases.insert(c.id, CaseFlag::DuringLeave);
            } else if let Some((_, n)) =
                index.allocated_before(c, &calendar, config.limits.pre_leave_days)
            {
                flags.cases.insert(c.id, CaseFlag::BeforeLeave(n));
            }
        }
        // By the first due date: an extension never removes the flag.
        for d in &state.deadlines {
            if index.due_in_leave(d.original_due).is_some() {
                flags.deadlines.insert(d.id, DeadlineFlag::InLeave);
            } else if let Some((_, n)) =
                index.due_soon_after(d.original_due, &calendar, config.limits.post_leave_days)
            {
                flags
                    .deadlines
                    .insert(d.id, DeadlineFlag::SoonAfterLeave(n));
            }
        }
        flags
    }

    pub fn case(&self, id: u64) -> Option<CaseFlag> {
        self.cases.get(&id).copied()
    }

    pub fn deadline(&self, id: u64) -> Option<DeadlineFlag> {
        self.deadlines.get(&id).copied()
    }
}

impl CaseFlag {
    pub fn label(self) -> String {
        match self {
            CaseFlag::DuringLeave => "during leave".into(),
            CaseFlag::BeforeLeave(n) => format!("{n} day{} before", if n == 1 { "" } else { "s" }),
        }
    }
}

impl DeadlineFlag {
    pub fn label(self) -> String {
        match self {
            DeadlineFlag::InLeave => "in leave".into(),
            DeadlineFlag::SoonAfterLeave(n) => format!("day {n} back"),
        }
    }
}
