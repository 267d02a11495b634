//! The computed report model: `caseload.report/1` (SPEC 8), field for field, plus the weekly
//! series the documents and the dashboard chart. Everything that shows analysis reads this.
//!
//! Dates are held as [`NaiveDate`] and written as `YYYY-MM-DD` by chrono's serde support; the
//! writers and the TUI format them for people (`config::date_format`) at the edges, so nothing
//! here is text that has to be parsed back.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Serialize, Serializer};

pub const SCHEMA: &str = "caseload.report/1";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub purpose: &'static str,
    /// The moment the report was made, written to the second with its offset
    /// (`2026-11-22T12:00:00+00:00`), as the schema has always had it.
    #[serde(serialize_with = "rfc3339_seconds")]
    pub generated_at: DateTime<FixedOffset>,
    pub period: PeriodOut,
    pub caseload: Caseload,
    pub allocations_during_leave: Vec<AllocationDuringLeave>,
    pub allocations_before_leave: Vec<AllocationBeforeLeave>,
    pub deadlines: Deadlines,
    /// Added: hours logged and deadlines met on days of leave.
    pub worked_during_leave: WorkedDuringLeave,
    pub hours: Hours,
    pub notes: Notes,
    pub integrity: Integrity,
    /// Added: sickness absence in the period and the stress scores by month, with their trend.
    pub health: super::health::Health,
    /// Not in the listed schema: per-week figures for charts (an allowed extra field).
    pub series: Series,
    /// Not in the listed schema: what the documents show beyond the figures.
    pub detail: super::detail::Detail,
    /// Added: what the document was made from, for `caseload verify --document`.
    pub made_from: super::provenance::MadeFrom,
    /// Who writes and who receives the letters (`[person]` and the per-report flags), case
    /// references in the outcome pseudonymised like any free text. Not in the JSON: it is
    /// for the letters' address and signature.
    #[serde(skip)]
    pub person: crate::config::Person,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodOut {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The first day the log covers (added): nothing before it is counted, and `from` is
    /// never earlier. `None` for an empty journal.
    pub records_begin: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Caseload {
    pub open_at_start: u32,
    pub open_at_end: u32,
    pub allocated: u32,
    pub closed: u32,
    pub peak_open: u32,
    pub peak_open_on: Option<NaiveDate>,
    pub limit: u32,
    pub days_over_limit: u32,
    pub capacity_percent_peak: f64,
    pub weeks_over_threshold: u32,
    pub longest_run_over_threshold: u32,
    pub undiscussed: u32,
    /// Added: the first day `capacity_percent_peak` was reached.
    pub capacity_percent_peak_on: Option<NaiveDate>,
    /// Added: the first and last Sunday of the longest run over the threshold (the earliest
    /// run, on a tie); each Sunday is the reading for the week it ends.
    pub longest_run_first_week_ending: Option<NaiveDate>,
    pub longest_run_last_week_ending: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllocationDuringLeave {
    pub case: String,
    pub allocated_on: NaiveDate,
    pub leave_kind: String,
    pub leave_from: NaiveDate,
    pub leave_to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllocationBeforeLeave {
    pub case: String,
    pub allocated_on: NaiveDate,
    pub leave_from: NaiveDate,
    pub working_days_before: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deadlines {
    pub due: u32,
    pub met: u32,
    pub missed: u32,
    pub met_late: u32,
    pub extended: u32,
    pub in_leave: Vec<DeadlineInLeave>,
    pub soon_after_leave: Vec<DeadlineAfterLeave>,
    pub busiest_week: Option<WeekCount>,
    /// Added: the deadlines due, each in exactly one part; the parts sum to `due`.
    pub outcomes: Outcomes,
}

/// Where each deadline due in the period stands (`extended` is an "of which" across them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Outcomes {
    /// Met on or before the due date (after any extension): `met`.
    pub on_time: u32,
    /// Met after the due date.
    pub late: u32,
    /// Past due (on or before the period's end and today) and not met.
    pub overdue: u32,
    /// Due after the period's end or today, and not met yet.
    pub not_yet_due: u32,
}

impl Outcomes {
    pub fn total(&self) -> u32 {
        self.on_time + self.late + self.overdue + self.not_yet_due
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeadlineInLeave {
    pub case: Option<String>,
    pub what: String,
    /// The due date that fell in leave: the first one set (an extension never removes it).
    pub due: NaiveDate,
    pub leave_from: NaiveDate,
    pub leave_to: NaiveDate,
    /// Added: what happened to it since.
    #[serde(flatten)]
    pub since: DeadlineSince,
}

/// What became of a deadline after its first due date was set (added to the leave lists).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeadlineSince {
    /// The due date now in force (the same as `due` unless extended).
    pub due_now: NaiveDate,
    pub extensions: Vec<ExtensionOut>,
    pub met_on: Option<NaiveDate>,
    /// `on_time`, `late`, `overdue` or `not_yet_due`, as in `deadlines.outcomes`.
    pub outcome: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtensionOut {
    pub to: NaiveDate,
    pub reason: Option<String>,
    /// The day the extension was recorded in the journal (the only date it has).
    pub recorded_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeadlineAfterLeave {
    pub case: Option<String>,
    pub what: String,
    pub due: NaiveDate,
    /// The last day of leave.
    pub leave_to: NaiveDate,
    pub working_days_after_return: u32,
    /// Added: the return, the first working day after the leave (weekends, bank holidays
    /// and adjoining leave skipped).
    pub returned_on: NaiveDate,
    /// Added: whether `due` is itself a working day. When it is not (a weekend, a bank
    /// holiday, a weekday not worked), `working_days_after_return` counts the working days
    /// back before it fell due, and the documents say so rather than call it the nth.
    pub due_on_working_day: bool,
    #[serde(flatten)]
    pub since: DeadlineSince,
}

/// Work done on days of leave (added): hours logged on a leave day, deadlines met on one.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WorkedDuringLeave {
    /// Days of leave with hours logged or a deadline met.
    pub days: u32,
    pub hours: f64,
    pub deadlines_met: u32,
    pub list: Vec<WorkedOnLeaveDay>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkedOnLeaveDay {
    pub date: NaiveDate,
    pub leave_kind: String,
    pub leave_from: NaiveDate,
    pub leave_to: NaiveDate,
    pub hours: f64,
    /// The deadlines met that day: (case, what).
    pub deadlines_met: Vec<MetOnLeaveDay>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetOnLeaveDay {
    pub case: Option<String>,
    pub what: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekCount {
    pub week_start: NaiveDate,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hours {
    pub worked: f64,
    pub expected: f64,
    pub excess: f64,
    pub days_logged: u32,
    pub days_unlogged: u32,
    pub max_week: Option<WeekHours>,
    pub wtr_average_max: Option<f64>,
    pub short_rest: u32,
    pub missed_breaks: u32,
    /// Added: contracted hours for the working days that have hours logged, and worked minus
    /// that: hours beyond contract over the days actually logged (unlogged days are not zero).
    pub expected_logged: f64,
    pub excess_logged: f64,
    /// Added: working days with at least one entry (`days_logged` counts any day).
    pub working_days_logged: u32,
    /// Added: the 17-week reference period of `wtr_average_max`, Monday to Sunday.
    pub wtr_average_max_from: Option<NaiveDate>,
    pub wtr_average_max_to: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekHours {
    pub week_start: NaiveDate,
    pub hours: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notes {
    pub count: u32,
    pub by_standard: ByStandard,
    pub mean_stress: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ByStandard {
    pub demands: u32,
    pub control: u32,
    pub support: u32,
    pub relationships: u32,
    pub role: u32,
    pub change: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Integrity {
    pub records: u64,
    pub voided: u64,
    pub amended: u64,
    pub head: String,
    pub chain_ok: bool,
    pub contemporaneous_percent: Option<f64>,
    /// Records whose text was redacted (their lines replaced by stubs that keep the chain).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub redacted: Vec<RedactedRecord>,
    /// Added: records out of time order (never counted as contemporaneous).
    pub time_order: super::time_order::TimeOrder,
    /// Added: the records imported from files, one entry per import (written when imported,
    /// never counted as contemporaneous).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub imported: Vec<ImportedRecords>,
    /// Added: where the hash chain breaks, when it does (absent for an intact journal).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub damaged: Option<Damaged>,
}

/// A journal whose hash chain breaks: the report covers only the records before the break,
/// as of the day the last of them was written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Damaged {
    /// The first line not trusted (the line after the last trusted record).
    pub line: u64,
    /// The trusted records: those before `line`.
    pub records: u64,
    /// The day the last trusted record was written: the analysis's end and its "today"
    /// (`None` when no record before the break is left).
    pub written_up_to: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportedRecords {
    /// The day of the import.
    pub imported_on: NaiveDate,
    pub records: u64,
    pub first_record: u64,
    pub last_record: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RedactedRecord {
    pub record: u64,
    /// The day of the redaction, or `None` if no redaction record says when.
    pub redacted_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Series {
    pub weeks: Vec<WeekPoint>,
    /// Leave overlapping the period, as (first day, last day), for the charts'
    /// shading (not in the JSON: its leave is in the chronology).
    #[serde(skip)]
    pub leave: Vec<(NaiveDate, NaiveDate)>,
}

/// One Monday-start week of the period (the first and last may be cut by the period's ends).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekPoint {
    pub week_start: NaiveDate,
    /// Open cases and capacity % on the week's last day inside the period.
    pub open: u32,
    pub capacity_percent: f64,
    pub hours: f64,
    pub deadlines_due: u32,
    /// The 17-week average for the run ending on this week's Sunday, when that Sunday is in
    /// the period and the 17 weeks are within the records.
    pub wtr_average: Option<f64>,
}

/// Rounds to two decimals, as every hours and percent figure in the report is.
pub fn round2(x: f64) -> f64 {
    // Adding 0.0 turns the -0.0 of an empty sum into 0.0.
    (x * 100.0).round() / 100.0 + 0.0
}

/// `generated_at` as RFC 3339 to the second, with the offset as `+00:00` rather than `Z`
/// (chrono's own serde form keeps fractions and may differ).
pub(crate) fn rfc3339_seconds<S: Serializer>(
    at: &DateTime<FixedOffset>,
    out: S,
) -> Result<S::Ok, S::Error> {
    out.serialize_str(&at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
}
