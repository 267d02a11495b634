//! `caseload.share/1`: what a member sends their union rep (SPEC 10, docs/SHARE.md). The
//! figures of the grievance summary and a weekly series, computed from the same report model
//! as every document, with nothing that names the member or a case: no note text, no case
//! reference or pseudonym, no journal id, head or receipt, and no date finer than an ISO week.
//! A random id lets a rep see the same share sent twice.
//!
//! Building a share is a pure function of the report model and the inputs it came from; the
//! random id is made by the caller ([`ShareId::random`]) so that tests can fix it.

use super::Inputs;
use super::model::Report;
use crate::config::Config;
use crate::domain::{LeaveKind, Standard};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

pub const SCHEMA: &str = "caseload.share/1";

/// The share's id: 128 random bits from the operating system, as 32 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareId(pub String);

impl ShareId {
    /// A fresh id from the operating system's random source (never the clock or the journal,
    /// so that two shares of one journal cannot be linked by their ids).
    pub fn random() -> Result<ShareId, String> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|e| {
            format!("cannot make a random share id: the system's random source failed ({e})")
        })?;
        Ok(ShareId(bytes.iter().map(|b| format!("{b:02x}")).collect()))
    }

    /// Whether `text` has the shape of a share id.
    pub fn is_valid(text: &str) -> bool {
        text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    }
}

/// The whole share. Every struct refuses fields it does not know, so that a file with
/// anything more in it (a note, a reference) is not taken for a share.
///
/// Why these structs repeat some of the report model's fields (`ShareHours` beside
/// `model::Hours`, `ShareStandards` beside `model::ByStandard`) instead of reusing them: the
/// share is its own published schema (`caseload.share/1`, docs/SHARE.md), read back from files
/// other people send (`Deserialize`, `deny_unknown_fields`), and it is a whitelist: only
/// counts and figures, never a date, a week's identity or a name. A field added to the
/// report model must not reach a share, nor change what `caseload team` accepts, unless it is
/// added here on purpose; so the two are written apart and `build` copies field by field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    pub schema: String,
    pub share_id: String,
    pub period: SharePeriod,
    pub assumptions: ShareAssumptions,
    pub caseload: ShareCaseload,
    pub leave: ShareLeave,
    pub deadlines: ShareDeadlines,
    pub hours: ShareHours,
    pub notes: ShareNotes,
    pub weeks: Vec<ShareWeek>,
}

/// The ISO weeks the figures cover (Monday to Sunday, `2026-W47`); the first and last may be
/// cut by the report's period, which is not given to the day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharePeriod {
    pub first_week: String,
    pub last_week: String,
    pub weeks: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareAssumptions {
    /// `cafcass-fca` or `probation-officer` when the case kinds are a shipped preset's,
    /// otherwise `custom`: never the free-text role or name of `[person]`.
    pub role: String,
    pub contracted_hours: f64,
    pub working_days_per_week: u32,
    pub caseload_limit: u32,
    pub capacity_percent: f64,
    pub capacity_weeks: u32,
    pub pre_leave_days: u32,
    pub post_leave_days: u32,
    /// Whether the limit and weights were agreed with someone (`[person] limits_agreed_with`
    /// set); who is not said.
    pub limits_agreed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareCaseload {
    pub open_at_start: u32,
    pub open_at_end: u32,
    pub peak_open: u32,
    pub allocated: u32,
    pub closed: u32,
    pub undiscussed: u32,
    pub days_over_limit: u32,
    pub capacity_percent_peak: f64,
    pub weeks_over_threshold: u32,
    pub longest_run_over_threshold: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareLeave {
    pub allocated_during_leave: u32,
    pub allocated_before_leave: u32,
    pub deadlines_in_leave: u32,
    pub deadlines_soon_after_leave: u32,
    /// Days of leave with hours logged or a deadline met, and the hours logged on them.
    pub days_worked_during_leave: u32,
    pub hours_worked_during_leave: f64,
    /// Working weekdays (not bank holidays) inside sick leave in the period.
    pub sickness_absence_days: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareDeadlines {
    pub due: u32,
    pub on_time: u32,
    pub late: u32,
    pub overdue: u32,
    pub not_yet_due: u32,
    pub extended: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareHours {
    pub worked: f64,
    /// Contracted hours for the working days with hours logged, and worked minus that.
    pub expected_logged: f64,
    pub beyond_contract: f64,
    pub working_days_logged: u32,
    pub working_days_unlogged: u32,
    /// Hours of the longest week (which week is not said).
    pub longest_week: Option<f64>,
    pub wtr_average_max: Option<f64>,
    pub short_rest: u32,
    pub missed_breaks: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareNotes {
    pub count: u32,
    /// Notes recording who was told (who is not said).
    pub told: u32,
    pub mean_stress: Option<f64>,
    pub by_standard: ShareStandards,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareStandards {
    pub demands: u32,
    pub control: u32,
    pub support: u32,
    pub relationships: u32,
    pub role: u32,
    pub change: u32,
}

impl ShareStandards {
    pub fn get(&self, standard: Standard) -> u32 {
        match standard {
            Standard::Demands => self.demands,
            Standard::Control => self.control,
            Standard::Support => self.support,
            Standard::Relationships => self.relationships,
            Standard::Role => self.role,
            Standard::Change => self.change,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareWeek {
    pub week: String,
    /// Open cases and capacity % on the week's last day inside the period.
    pub open: u32,
    pub capacity_percent: f64,
    /// Hours logged in the week; `None` when nothing was logged (leave, or not recorded),
    /// which is not zero hours.
    pub hours: Option<f64>,
}

/// `2026-W47`: the ISO week a day falls in (weeks start on Monday).
pub fn iso_week(day: NaiveDate) -> String {
    let w = day.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// The Monday of an ISO week written as `2026-W47`.
pub fn parse_iso_week(text: &str) -> Option<NaiveDate> {
    let (year, week) = text.split_once("-W")?;
    if year.len() != 4 || week.len() != 2 {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let week: u32 = week.parse().ok()?;
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
}

/// The shipped preset whose case kinds the configuration uses, by their keys, or `custom`.
pub fn role_of(config: &Config) -> &'static str {
    let keys: BTreeSet<&str> = config.case_kinds.iter().map(|k| k.key.as_str()).collect();
    crate::config::PRESETS
        .iter()
        .find(|(_, text)| {
            Config::from_toml_text(Some(text), None).is_ok_and(|preset| {
                preset
                    .case_kinds
                    .iter()
                    .map(|k| k.key.as_str())
                    .collect::<BTreeSet<_>>()
                    == keys
            })
        })
        .map_or("custom", |(name, _)| name)
}

/// The roles a share may name.
pub fn is_known_role(role: &str) -> bool {
    role == "custom" || crate::config::PRESETS.iter().any(|(name, _)| *name == role)
}

/// The share of a report model. `report` must be `analyse(input)`; `input` gives what the
/// model does not hold (sick leave days, whether a week had hours logged).
pub fn build(input: &Inputs, report: &Report, id: &ShareId) -> Share {
    let period = report_period(report);
    let c = &report.caseload;
    let h = &report.hours;
    let o = &report.deadlines.outcomes;
    let by = &report.notes.by_standard;
    let weeks: Vec<ShareWeek> = report
        .series
        .weeks
        .iter()
        .map(|w| ShareWeek {
            week: iso_week(w.week_start),
            open: w.open,
            capacity_percent: w.capacity_percent,
            hours: logged_in_week(input, w.week_start, period).then_some(w.hours),
        })
        .collect();
    let calendar = super::calendar(input.state, input.config);
    Share {
        schema: SCHEMA.into(),
        share_id: id.0.clone(),
        period: SharePeriod {
            first_week: iso_week(period.0),
            last_week: iso_week(period.1),
            weeks: weeks.len() as u32,
        },
        assumptions: ShareAssumptions {
            role: role_of(input.config).into(),
            contracted_hours: input.config.work.contracted_hours,
            working_days_per_week: calendar.working_weekday_count() as u32,
            caseload_limit: input.config.limits.caseload,
            capacity_percent: input.config.limits.capacity_percent,
            capacity_weeks: input.config.limits.capacity_weeks,
            pre_leave_days: input.config.limits.pre_leave_days,
            post_leave_days: input.config.limits.post_leave_days,
            limits_agreed: input.config.person.limits_agreed_with.is_some(),
        },
        caseload: ShareCaseload {
            open_at_start: c.open_at_start,
            open_at_end: c.open_at_end,
            peak_open: c.peak_open,
            allocated: c.allocated,
            closed: c.closed,
            undiscussed: c.undiscussed,
            days_over_limit: c.days_over_limit,
            capacity_percent_peak: c.capacity_percent_peak,
            weeks_over_threshold: c.weeks_over_threshold,
            longest_run_over_threshold: c.longest_run_over_threshold,
        },
        leave: ShareLeave {
            allocated_during_leave: report.allocations_during_leave.len() as u32,
            allocated_before_leave: report.allocations_before_leave.len() as u32,
            deadlines_in_leave: report.deadlines.in_leave.len() as u32,
            deadlines_soon_after_leave: report.deadlines.soon_after_leave.len() as u32,
            days_worked_during_leave: report.worked_during_leave.days,
            hours_worked_during_leave: report.worked_during_leave.hours,
            sickness_absence_days: sickness_days(input, &calendar, period),
        },
        deadlines: ShareDeadlines {
            due: o.total(),
            on_time: o.on_time,
            late: o.late,
            overdue: o.overdue,
            not_yet_due: o.not_yet_due,
            extended: report.deadlines.extended,
        },
        hours: ShareHours {
            worked: h.worked,
            expected_logged: h.expected_logged,
            beyond_contract: h.excess_logged,
            working_days_logged: h.working_days_logged,
            working_days_unlogged: h.days_unlogged,
            longest_week: h.max_week.as_ref().map(|w| w.hours),
            wtr_average_max: h.wtr_average_max,
            short_rest: h.short_rest,
            missed_breaks: h.missed_breaks,
        },
        notes: ShareNotes {
            count: report.notes.count,
            told: report
                .detail
                .notes
                .iter()
                .filter(|n| n.told.is_some())
                .count() as u32,
            mean_stress: report.notes.mean_stress,
            by_standard: ShareStandards {
                demands: by.demands,
                control: by.control,
                support: by.support,
                relationships: by.relationships,
                role: by.role,
                change: by.change,
            },
        },
        weeks,
    }
}

/// The report's period, first and last day.
fn report_period(report: &Report) -> (NaiveDate, NaiveDate) {
    (report.period.from, report.period.to)
}

/// Whether any hours were logged in the week starting `monday`, inside the period.
fn logged_in_week(input: &Inputs, monday: NaiveDate, period: (NaiveDate, NaiveDate)) -> bool {
    let from = monday.max(period.0);
    let to = (monday + Days::new(6)).min(period.1);
    input
        .state
        .hours
        .iter()
        .any(|h| from <= h.entry.date && h.entry.date <= to)
}

/// Working weekdays that are not bank holidays, inside sick leave and the period; a day in
/// two overlapping sick leaves counts once.
fn sickness_days(
    input: &Inputs,
    calendar: &crate::domain::WorkCalendar,
    period: (NaiveDate, NaiveDate),
) -> u32 {
    let mut days = BTreeSet::new();
    for leave in input
        .state
        .leave
        .iter()
        .filter(|l| l.kind == LeaveKind::Sick)
    {
        let (from, to) = (leave.from.max(period.0), leave.to.min(period.1));
        for day in from.iter_days().take_while(|d| *d <= to) {
            if calendar.is_working_weekday(day) && !calendar.is_bank_holiday(day) {
                days.insert(day);
            }
        }
    }
    days.len() as u32
}

/// The share as its file holds it: pretty JSON, for the member to read before sending.
pub fn to_json(share: &Share) -> String {
    let mut text = serde_json::to_string_pretty(share).expect("a share serialises");
    text.push('\n');
    text
}

/// Exactly what the share holds, in words: what the CLI prints and the Report screen shows
/// before writing.
pub fn summary(s: &Share) -> Vec<String> {
    use super::document::plural as n;
    let a = &s.assumptions;
    let c = &s.caseload;
    let l = &s.leave;
    let d = &s.deadlines;
    let h = &s.hours;
    let notes = &s.notes;
    // Each figure as the file holds it (two decimals at most), without trailing zeros: "41.5 h"
    // and "6 of 10", not "41.50 h" and "6.00 of 10"; the preview shows every number sent.
    let opt = |v: Option<f64>, unit: &str| v.map_or("none".to_string(), |v| format!("{v}{unit}"));
    vec![
        format!("Share {} ({SCHEMA}): figures only.", s.share_id),
        format!(
            "Period: the ISO weeks {} to {} ({}; no day is given).",
            s.period.first_week,
            s.period.last_week,
            n(s.period.weeks, "week", "weeks")
        ),
        format!(
            "Settings: role {}; {} contracted hours over {} a week; caseload limit {}; capacity threshold {}% for {}; leave windows {} before and {} after; the limits are {}.",
            a.role,
            a.contracted_hours,
            n(a.working_days_per_week, "day", "days"),
            a.caseload_limit,
            a.capacity_percent,
            n(a.capacity_weeks, "week", "weeks"),
            n(a.pre_leave_days, "working day", "working days"),
            a.post_leave_days,
            if a.limits_agreed {
                "agreed with someone (who is not said)"
            } else {
                "your own estimate"
            }
        ),
        format!(
            "Caseload: {} open at the start, {} at the end, peak {}; {} allocated ({} without discussion), {} closed; {} over the limit; capacity peak {}%, {} over the threshold, longest run {}.",
            c.open_at_start,
            c.open_at_end,
            c.peak_open,
            c.allocated,
            c.undiscussed,
            c.closed,
            n(c.days_over_limit, "day", "days"),
            c.capacity_percent_peak,
            n(c.weeks_over_threshold, "week", "weeks"),
            c.longest_run_over_threshold
        ),
        format!(
            "Leave: {} allocated during leave, {} just before; {} due in leave, {} soon after; {} of leave worked ({} h); {} of sickness absence.",
            n(l.allocated_during_leave, "case", "cases"),
            l.allocated_before_leave,
            n(l.deadlines_in_leave, "deadline", "deadlines"),
            l.deadlines_soon_after_leave,
            n(l.days_worked_during_leave, "day", "days"),
            l.hours_worked_during_leave,
            n(l.sickness_absence_days, "working day", "working days")
        ),
        format!(
            "Deadlines: {} due: {} on time, {} late, {} overdue, {} not yet due; {} extended.",
            d.due, d.on_time, d.late, d.overdue, d.not_yet_due, d.extended
        ),
        format!(
            "Hours: {} worked, {} contracted for those days, {} beyond contract, over {} logged ({} not logged); longest week {}; highest 17-week average {}; {}; {}.",
            h.worked,
            h.expected_logged,
            h.beyond_contract,
            n(h.working_days_logged, "working day", "working days"),
            h.working_days_unlogged,
            opt(h.longest_week, " h"),
            opt(h.wtr_average_max, " h"),
            n(h.short_rest, "short rest", "short rests"),
            n(h.missed_breaks, "missed break", "missed breaks")
        ),
        format!(
            "Notes: {} (their text is not in the share), {} saying who was told; mean stress {}; by HSE standard: {}.",
            notes.count,
            notes.told,
            opt(notes.mean_stress, " of 10"),
            Standard::ALL
                .iter()
                .map(|st| format!("{} {}", st.key(), notes.by_standard.get(*st)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        format!(
            "Weekly: open cases, capacity % and hours logged for each of the {}.",
            n(s.weeks.len() as u64, "week", "weeks")
        ),
        "Not in it: note text, case references or pseudonyms, dates (weeks only), the journal's id, head or receipt, your name, role text or employer.".into(),
    ]
}

/// Each week of the share's series in words, one line a week: what a preview shows after the
/// [`summary`], so that every number in the file is seen before it is sent.
pub fn weekly(s: &Share) -> Vec<String> {
    s.weeks
        .iter()
        .map(|w| {
            let hours = w
                .hours
                .map_or("no hours logged".to_string(), |h| format!("{h} h logged"));
            format!(
                "{}: {} open, capacity {}%, {hours}",
                w.week,
                super::document::plural(u64::from(w.open), "case", "cases"),
                w.capacity_percent
            )
        })
        .collect()
}
