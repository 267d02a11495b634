//! Every figure a team document shows, read from a share: its label, unit, the HSE standard
//! it belongs under, and whether "members affected" and a team total make sense for it.

use super::stats::Unit;
use crate::domain::Standard;
use crate::report::share::Share;

pub struct Figure {
    /// `group.name` in the share (and in caseload.team/1).
    pub key: &'static str,
    pub label: &'static str,
    pub unit: Unit,
    /// Where it goes in the team document; `None`: the "signs of harm" section.
    pub standard: Option<Standard>,
    /// What one of it is called, for "7 of 12 members had cases allocated during leave; 19 such
    /// cases in all"; `None` where counting members "affected" means nothing.
    pub affected: Option<Affected>,
    pub read: fn(&Share) -> Option<f64>,
}

pub struct Affected {
    /// "had cases allocated during leave"
    pub had: &'static str,
    /// "such cases", for the total; `None`: no total (it would add up unlike things).
    pub total: Option<&'static str>,
}

const fn affected(had: &'static str, total: Option<&'static str>) -> Option<Affected> {
    Some(Affected { had, total })
}

fn n(v: u32) -> Option<f64> {
    Some(f64::from(v))
}

pub const FIGURES: &[Figure] = &[
    Figure {
        key: "caseload.open_at_end",
        label: "Open cases at the end of the period",
        unit: Unit::Count,
        standard: Some(Standard::Demands),
        affected: None,
        read: |s| n(s.caseload.open_at_end),
    },
    Figure {
        key: "caseload.peak_open",
        label: "Highest number of open cases",
        unit: Unit::Count,
        standard: Some(Standard::Demands),
        affected: None,
        read: |s| n(s.caseload.peak_open),
    },
    Figure {
        key: "caseload.days_over_limit",
        label: "Days above their caseload limit",
        unit: Unit::Count,
        standard: Some(Standard::Demands),
        affected: affected("were above their caseload limit on at least one day", None),
        read: |s| n(s.caseload.days_over_limit),
    },
    Figure {
        key: "caseload.capacity_percent_peak",
        label: "Peak weighted workload (capacity %)",
        unit: Unit::Percent,
        standard: Some(Standard::Demands),
        affected: None,
        read: |s| Some(s.caseload.capacity_percent_peak),
    },
    Figure {
        key: "caseload.weeks_over_threshold",
        label: "Weeks above their capacity threshold",
        unit: Unit::Count,
        standard: Some(Standard::Demands),
        affected: affected(
            "were above their capacity threshold in at least one week",
            None,
        ),
        read: |s| n(s.caseload.weeks_over_threshold),
    },
    Figure {
        key: "caseload.longest_run_over_threshold",
        label: "Longest run of weeks above the threshold",
        unit: Unit::Count,
        standard: Some(Standard::Demands),
        affected: None,
        read: |s| n(s.caseload.longest_run_over_threshold),
    },
    Figure {
        key: "hours.beyond_contract",
        label: "Hours beyond contract (days logged)",
        unit: Unit::Hours,
        standard: Some(Standard::Demands),
        affected: affected(
            "worked hours beyond their contract",
            Some("hours beyond contract"),
        ),
        read: |s| Some(s.hours.beyond_contract),
    },
    Figure {
        key: "hours.longest_week",
        label: "Longest week",
        unit: Unit::WeeklyHours,
        standard: Some(Standard::Demands),
        affected: None,
        read: |s| s.hours.longest_week,
    },
    Figure {
        key: "hours.wtr_average_max",
        label: "Highest 17-week average week",
        unit: Unit::WeeklyHours,
        standard: Some(Standard::Demands),
        affected: None,
        read: |s| s.hours.wtr_average_max,
    },
    Figure {
        key: "hours.short_rest",
        label: "Nights with under 11 hours' rest",
        unit: Unit::Count,
        standard: Some(Standard::Demands),
        affected: affected(
            "had under 11 hours' rest between working days",
            Some("such nights"),
        ),
        read: |s| n(s.hours.short_rest),
    },
    Figure {
        key: "hours.missed_breaks",
        label: "Days over 6 hours without a 20-minute break",
        unit: Unit::Count,
        standard: Some(Standard::Demands),
        affected: affected(
            "worked over 6 hours without a 20-minute break",
            Some("such days"),
        ),
        read: |s| n(s.hours.missed_breaks),
    },
    Figure {
        key: "deadlines.late_or_overdue",
        label: "Deadlines met late or overdue",
        unit: Unit::Count,
        standard: Some(Standard::Demands),
        affected: affected("had deadlines met late or overdue", Some("such deadlines")),
        read: |s| n(s.deadlines.late + s.deadlines.overdue),
    },
    Figure {
        key: "deadlines.extended",
        label: "Deadlines extended",
        unit: Unit::Count,
        standard: Some(Standard::Demands),
        affected: affected("had deadlines extended", Some("extensions")),
        read: |s| n(s.deadlines.extended),
    },
    Figure {
        key: "caseload.allocated",
        label: "Cases allocated in the period",
        unit: Unit::Count,
        standard: Some(Standard::Control),
        affected: None,
        read: |s| n(s.caseload.allocated),
    },
    Figure {
        key: "caseload.undiscussed",
        label: "Cases allocated without discussion",
        unit: Unit::Count,
        standard: Some(Standard::Control),
        affected: affected("had cases allocated without discussion", Some("such cases")),
        read: |s| n(s.caseload.undiscussed),
    },
    Figure {
        key: "leave.allocated_during_leave",
        label: "Cases allocated during leave",
        unit: Unit::Count,
        standard: Some(Standard::Control),
        affected: affected("had cases allocated during leave", Some("such cases")),
        read: |s| n(s.leave.allocated_during_leave),
    },
    Figure {
        key: "leave.allocated_before_leave",
        label: "Cases allocated just before leave",
        unit: Unit::Count,
        standard: Some(Standard::Control),
        affected: affected("had cases allocated just before leave", Some("such cases")),
        read: |s| n(s.leave.allocated_before_leave),
    },
    Figure {
        key: "leave.deadlines_in_leave",
        label: "Deadlines due during leave",
        unit: Unit::Count,
        standard: Some(Standard::Control),
        affected: affected(
            "had deadlines due during their leave",
            Some("such deadlines"),
        ),
        read: |s| n(s.leave.deadlines_in_leave),
    },
    Figure {
        key: "leave.deadlines_soon_after_leave",
        label: "Deadlines due soon after leave",
        unit: Unit::Count,
        standard: Some(Standard::Control),
        affected: affected(
            "had deadlines due soon after returning from leave",
            Some("such deadlines"),
        ),
        read: |s| n(s.leave.deadlines_soon_after_leave),
    },
    Figure {
        key: "leave.days_worked_during_leave",
        label: "Days of leave on which they worked",
        unit: Unit::Count,
        standard: Some(Standard::Control),
        affected: affected("worked on days of leave", Some("such days")),
        read: |s| n(s.leave.days_worked_during_leave),
    },
    Figure {
        key: "notes.told",
        label: "Concerns recorded as raised with someone",
        unit: Unit::Count,
        standard: Some(Standard::Support),
        affected: affected(
            "recorded raising a concern with someone",
            Some("such notes"),
        ),
        read: |s| n(s.notes.told),
    },
    Figure {
        key: "leave.sickness_absence_days",
        label: "Working days of sickness absence",
        unit: Unit::Count,
        standard: None,
        affected: affected(
            "had sickness absence",
            Some("working days of sickness absence"),
        ),
        read: |s| n(s.leave.sickness_absence_days),
    },
    Figure {
        key: "notes.mean_stress",
        label: "Mean stress score in their notes",
        unit: Unit::Stress,
        standard: None,
        affected: None,
        read: |s| s.notes.mean_stress,
    },
];

/// The notes tagged with one standard, as a figure.
pub fn notes_with(s: &Share, standard: Standard) -> f64 {
    f64::from(s.notes.by_standard.get(standard))
}

/// The settings members counted with, shown as their spread (not under a standard).
pub const SETTINGS: &[Figure] = &[
    Figure {
        key: "assumptions.contracted_hours",
        label: "Contracted hours a week",
        unit: Unit::WeeklyHours,
        standard: None,
        affected: None,
        read: |s| Some(s.assumptions.contracted_hours),
    },
    Figure {
        key: "assumptions.caseload_limit",
        label: "Caseload limit",
        unit: Unit::Count,
        standard: None,
        affected: None,
        read: |s| n(s.assumptions.caseload_limit),
    },
    Figure {
        key: "assumptions.capacity_percent",
        label: "Capacity threshold",
        unit: Unit::Percent,
        standard: None,
        affected: None,
        read: |s| Some(s.assumptions.capacity_percent),
    },
    Figure {
        key: "period.weeks",
        label: "Weeks each share covers",
        unit: Unit::Count,
        standard: None,
        affected: None,
        read: |s| n(s.period.weeks),
    },
    Figure {
        key: "hours.working_days_unlogged",
        label: "Working days with no hours logged",
        unit: Unit::Count,
        standard: None,
        affected: None,
        read: |s| n(s.hours.working_days_unlogged),
    },
];
