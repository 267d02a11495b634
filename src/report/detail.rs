//! The detail documents need beyond the headline figures: the dated chronology, the notes,
//! the deadlines coming up, the assumptions used and the receipt. Part of the same model.

use super::deadlines::{Outcome, outcome};
use super::leave::LeaveIndex;
use super::model::round2;
use super::{Inputs, Pseudonyms};
use crate::domain::Standard;
use crate::domain::calendar::WorkCalendar;
use crate::domain::replay::Deadline;
use chrono::{Days, NaiveDate};
use serde::Serialize;

/// Days after the period's end whose deadlines are "coming up".
pub const UPCOMING_DAYS: u64 = 28;
/// A day with more hours than this is flagged as a long day in the chronology.
pub const LONG_DAY_HOURS: f64 = 10.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Detail {
    /// A short id of the journal, from its first record, the same however much it grows.
    pub journal_id: String,
    pub pseudonymised: bool,
    /// Open cases' weekly hours / contracted hours on the period's last day.
    pub capacity_percent_at_end: f64,
    pub assumptions: Assumptions,
    pub chronology: Vec<ChronoItem>,
    pub notes: Vec<NoteItem>,
    /// Deadlines due in the four weeks after the period, not yet met.
    pub upcoming: Vec<UpcomingDeadline>,
    /// The cases open on the period's last day, counted by kind (its configured name), in
    /// the configuration's order of kinds.
    pub open_by_kind: Vec<(String, u32)>,
    /// The receipt line for the journal as it was read, if it has records.
    pub receipt: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assumptions {
    pub contracted_hours: f64,
    pub working_days: Vec<String>,
    pub bank_holidays: String,
    pub caseload_limit: u32,
    pub capacity_percent: f64,
    pub capacity_weeks: u32,
    pub pre_leave_days: u32,
    pub post_leave_days: u32,
    /// (name, weekly hours) for each configured kind.
    pub case_kinds: Vec<(String, f64)>,
    /// Who agreed the limit, threshold and weights (`[person] limits_agreed_with`); `None`:
    /// they are the author's own estimates.
    pub limits_agreed_with: Option<String>,
}

/// One dated item: an allocation, a closure, a deadline, leave, a note, a flagged day's hours.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChronoItem {
    pub date: NaiveDate,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub case: Option<String>,
    pub detail: String,
    pub flags: Vec<String>,
    /// The journal record it comes from (0 for a day's hours), for stable calendar ids.
    pub record: u64,
    /// The last day, for leave.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteItem {
    pub date: NaiveDate,
    pub standards: Vec<Standard>,
    pub stress: Option<u8>,
    pub told: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UpcomingDeadline {
    pub record: u64,
    pub due: NaiveDate,
    pub case: Option<String>,
    pub what: String,
    pub flags: Vec<String>,
}

fn deadline_flags(
    d: &Deadline,
    leave: &LeaveIndex,
    calendar: &WorkCalendar,
    window: u32,
    date_format: &str,
) -> Vec<String> {
    // Judged by the first due date: an extension never removes the flag.
    let first = if d.extensions.is_empty() {
        ""
    } else {
        "first "
    };
    let mut flags = Vec::new();
    if leave.due_in_leave(d.original_due).is_some() {
        flags.push(format!("{first}due in leave"));
    } else if let Some((l, n)) = leave.due_soon_after(d.original_due, calendar, window) {
        let back = calendar
            .first_working_day_after(l.to)
            .map_or_else(String::new, |b| {
                format!(
                    " (back on {} {})",
                    b.format("%a"),
                    crate::domain::dates::format_date(b, date_format)
                )
            });
        // A deadline due on a day that is not a working day is not the nth working day back.
        let when = if calendar.is_working_day(d.original_due) {
            format!("on the {} working day back", super::document::ordinal(n))
        } else {
            format!(
                "on a non-working day ({}), {} after the return",
                d.original_due.format("%a"),
                super::document::plural(n, "working day", "working days")
            )
        };
        flags.push(format!("{first}due {when} from leave{back}"));
    }
    if !d.extensions.is_empty() {
        flags.push("extended".to_string());
    }
    if d.met_on.is_some_and(|m| leave.containing(m).is_some()) {
        flags.push(WORKED_DURING_LEAVE.to_string());
    }
    flags
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// The chronology's flags for the deadlines counted in `outcomes.late` and `outcomes.overdue`.
pub const LATE: &str = "met late";
pub const OVERDUE: &str = "overdue";

/// The flag on work done on a day of leave: hours logged, or a deadline met.
pub const WORKED_DURING_LEAVE: &str = "worked during leave";

/// "first due 22 Apr 2026; extended to 20 May 2026 (recorded 18 Apr 2026: court granted
/// extension)": each extension with its new date, its reason and the day it was recorded.
fn extension_history(
    d: &Deadline,
    input: &Inputs,
    names: &Pseudonyms,
    day: &dyn Fn(NaiveDate) -> String,
) -> String {
    let mut text = format!("first due {}", day(d.original_due));
    for e in &d.extensions {
        let recorded =
            super::written_on(input.records, e.seq).map(|r| format!("recorded {}", day(r)));
        let reason = e.reason.as_deref().map(|r| names.text(r));
        let why = match (recorded, reason) {
            (Some(r), Some(why)) => format!(" ({r}: {why})"),
            (Some(r), None) => format!(" ({r}, no reason given)"),
            (None, Some(why)) => format!(" ({why})"),
            (None, None) => String::new(),
        };
        text.push_str(&format!("; extended to {}{why}", day(e.to)));
    }
    text
}

/// What every part of the detail is read with.
struct Context<'a> {
    input: &'a Inputs<'a>,
    calendar: &'a WorkCalendar,
    names: &'a Pseudonyms,
    leave: LeaveIndex<'a>,
}

/// A chronology item with its sort key: (day, kind's order in a day, record).
type Dated = (NaiveDate, u8, u64, ChronoItem);

impl Context<'_> {
    /// A date inside the text, in the configured display; the date column stays ISO.
    fn day(&self, d: NaiveDate) -> String {
        crate::domain::dates::format_date(d, &self.input.config.date_format)
    }

    fn deadline_flags(&self, d: &Deadline) -> Vec<String> {
        let config = self.input.config;
        deadline_flags(
            d,
            &self.leave,
            self.calendar,
            config.limits.post_leave_days,
            &config.date_format,
        )
    }

    /// Each allocation and closure in the period, with the allocation's flags (undiscussed,
    /// during or just before leave).
    fn cases(&self) -> Vec<Dated> {
        let (config, period, names) = (self.input.config, self.input.period, self.names);
        let mut items = Vec::new();
        for c in &self.input.state.cases {
            if period.contains(c.allocated_on) {
                let kind = config
                    .kind(&c.kind)
                    .map_or(c.kind.clone(), |k| names.text(&k.name));
                let by = c
                    .allocated_by
                    .as_deref()
                    .map(|b| format!(" by {}", names.text(b)))
                    .unwrap_or_default();
                let mut flags = Vec::new();
                if !c.discussed {
                    flags.push("allocated without discussion".to_string());
                }
                if let Some(l) = self.leave.allocated_during(c) {
                    flags.push(format!("allocated during {} leave", l.kind.key()));
                } else if let Some((_, n)) =
                    self.leave
                        .allocated_before(c, self.calendar, config.limits.pre_leave_days)
                {
                    flags.push(format!(
                        "allocated {n} working day{} before leave",
                        if n == 1 { "" } else { "s" }
                    ));
                }
                let item = ChronoItem {
                    date: c.allocated_on,
                    kind: "allocated",
                    case: Some(names.name(&c.reference)),
                    detail: format!("{kind} allocated{by}"),
                    flags,
                    record: c.id,
                    until: None,
                };
                items.push((c.allocated_on, 0, c.id, item));
            }
            if let Some(closed) = c.closed_on.filter(|d| period.contains(*d)) {
                let detail = c.outcome.as_deref().map_or("closed".to_string(), |o| {
                    format!("closed: {}", names.text(o))
                });
                let item = ChronoItem {
                    date: closed,
                    kind: "closed",
                    case: Some(names.name(&c.reference)),
                    detail,
                    flags: Vec::new(),
                    record: c.closed_by_seq.unwrap_or(c.id),
                    until: None,
                };
                items.push((closed, 1, c.id, item));
            }
        }
        items
    }

    /// Each deadline due in the period, with its outcome in the words and parts of
    /// `deadlines.outcomes`, and its extensions.
    fn deadlines(&self) -> Vec<Dated> {
        let (input, period, names) = (self.input, self.input.period, self.names);
        let day = |d: NaiveDate| self.day(d);
        let mut items = Vec::new();
        for d in input
            .state
            .deadlines
            .iter()
            .filter(|d| period.contains(d.due))
        {
            let mut flags = self.deadline_flags(d);
            let outcome = match (outcome(d, period.to.min(input.today)), d.met_on) {
                (Outcome::OnTime, Some(m)) => format!("met {}", day(m)),
                (Outcome::Late, Some(m)) => {
                    flags.push(LATE.to_string());
                    format!("met late, {}", day(m))
                }
                (Outcome::Overdue, _) => {
                    flags.push(OVERDUE.to_string());
                    "overdue: not met".to_string()
                }
                _ => "not yet due".to_string(),
            };
            let was = if d.extensions.is_empty() {
                String::new()
            } else {
                format!(
                    ". {}.",
                    upper_first(&extension_history(d, input, names, &day))
                )
            };
            let item = ChronoItem {
                date: d.due,
                kind: "deadline",
                case: d.case.as_deref().map(|r| names.name(r)),
                detail: format!("{} due: {outcome}{was}", names.text(&d.what)),
                flags,
                record: d.id,
                until: None,
            };
            items.push((d.due, 2, d.id, item));
        }
        items
    }

    /// Each spell of leave that overlaps the period, with its working days.
    fn leave(&self) -> Vec<Dated> {
        let (period, calendar) = (self.input.period, self.calendar);
        self.input
            .state
            .leave
            .iter()
            .filter(|l| l.from <= period.to && period.from <= l.to)
            .map(|l| {
                let weekdays = l
                    .from
                    .iter_days()
                    .take_while(|d| *d <= l.to)
                    .filter(|d| calendar.is_working_weekday(*d) && !calendar.is_bank_holiday(*d))
                    .count();
                let item = ChronoItem {
                    date: l.from,
                    kind: "leave",
                    case: None,
                    detail: format!(
                        "{} to {} ({weekdays} working days)",
                        l.kind.label(),
                        self.day(l.to)
                    ),
                    flags: Vec::new(),
                    record: l.id,
                    until: Some(l.to),
                };
                (l.from, 3, l.id, item)
            })
            .collect()
    }

    /// Each day of the period whose hours are flagged (a long day, no break, short rest,
    /// work on leave or on a non-working day); days with nothing to flag are left out.
    fn hours(&self, totals: &super::hours::DayTotals) -> Vec<Dated> {
        let period = self.input.period;
        let mut items = Vec::new();
        for (day, t) in totals.days.range(period.from..=period.to) {
            let flags = self.hours_flags(*day, t, totals);
            if flags.is_empty() {
                continue;
            }
            let times = match (t.first_start, t.last_end) {
                (Some(s), Some(e)) => format!(
                    " ({:02}:{:02} to {:02}:{:02})",
                    s / 60,
                    s % 60,
                    e / 60,
                    e % 60
                ),
                _ => String::new(),
            };
            let item = ChronoItem {
                date: *day,
                kind: "hours",
                case: None,
                detail: format!("worked {:.2} hours{times}", t.worked),
                flags,
                record: 0,
                until: None,
            };
            items.push((*day, 4, 0, item));
        }
        items
    }

    fn hours_flags(
        &self,
        day: NaiveDate,
        t: &super::hours::Day,
        totals: &super::hours::DayTotals,
    ) -> Vec<String> {
        let mut flags = Vec::new();
        if t.worked > LONG_DAY_HOURS {
            flags.push(format!("over {LONG_DAY_HOURS:.0} hours"));
        }
        if t.all_timed && t.worked > 6.0 && t.break_minutes < 20 {
            flags.push("no 20-minute break".to_string());
        }
        let next = day.succ_opt().and_then(|n| totals.days.get(&n));
        if let (Some(end), Some(start)) = (t.last_end, next.and_then(|n| n.first_start))
            && (24 * 60 - end) + start < 11 * 60
            && day
                .succ_opt()
                .is_some_and(|n| self.input.period.contains(n))
        {
            flags.push("under 11 hours' rest before the next day".to_string());
        }
        if self.calendar.is_on_leave(day) {
            flags.push(WORKED_DURING_LEAVE.to_string());
        } else if !self.calendar.is_working_day(day) {
            flags.push("worked on a non-working day".to_string());
        }
        flags
    }

    /// The diary notes of the period, in date order, each with its standards and score.
    fn notes(&self) -> Vec<&'_ crate::domain::replay::Note> {
        let period = self.input.period;
        let mut notes: Vec<_> = self
            .input
            .state
            .notes
            .iter()
            .filter(|n| period.contains(n.note.date))
            .collect();
        notes.sort_by_key(|n| (n.note.date, n.id));
        notes
    }

    fn note_items(&self, notes: &[&crate::domain::replay::Note]) -> Vec<Dated> {
        let names = self.names;
        notes
            .iter()
            .map(|n| {
                let mut flags: Vec<String> = n
                    .note
                    .standards
                    .iter()
                    .map(|s| s.key().to_string())
                    .collect();
                if let Some(s) = n.note.stress {
                    flags.push(format!("stress {s}/10"));
                }
                let told = n
                    .note
                    .told
                    .as_deref()
                    .map(|t| format!(" (told: {})", names.text(t)))
                    .unwrap_or_default();
                let item = ChronoItem {
                    date: n.note.date,
                    kind: "note",
                    case: None,
                    detail: format!("{}{told}", names.text(&n.note.text)),
                    flags,
                    record: n.id,
                    until: None,
                };
                (n.note.date, 5, n.id, item)
            })
            .collect()
    }

    /// Deadlines due in the [`UPCOMING_DAYS`] after the period, not yet met, by due date.
    fn upcoming(&self) -> Vec<UpcomingDeadline> {
        let period = self.input.period;
        let horizon = period.to + Days::new(UPCOMING_DAYS);
        let mut upcoming: Vec<&Deadline> = self
            .input
            .state
            .deadlines
            .iter()
            .filter(|d| d.met_on.is_none() && d.due > period.to && d.due <= horizon)
            .collect();
        upcoming.sort_by_key(|d| (d.due, d.id));
        upcoming
            .into_iter()
            .map(|d| UpcomingDeadline {
                record: d.id,
                due: d.due,
                case: d.case.as_deref().map(|r| self.names.name(r)),
                what: self.names.text(&d.what),
                flags: self.deadline_flags(d),
            })
            .collect()
    }

    /// The settings the figures were computed with, names pseudonymised like any text.
    fn assumptions(&self) -> Assumptions {
        let (config, names) = (self.input.config, self.names);
        Assumptions {
            contracted_hours: config.work.contracted_hours,
            working_days: config
                .work
                .working_days
                .iter()
                .map(|w| crate::config::weekday_key(*w).to_string())
                .collect(),
            bank_holidays: config.work.bank_holidays.label().to_string(),
            caseload_limit: config.limits.caseload,
            capacity_percent: config.limits.capacity_percent,
            capacity_weeks: config.limits.capacity_weeks,
            pre_leave_days: config.limits.pre_leave_days,
            post_leave_days: config.limits.post_leave_days,
            case_kinds: config
                .case_kinds
                .iter()
                .map(|k| (names.text(&k.name), k.weekly_hours))
                .collect(),
            limits_agreed_with: config
                .person
                .limits_agreed_with
                .as_deref()
                .map(|a| names.text(a)),
        }
    }

    /// The cases open on the period's last day, by kind, in the configuration's order.
    fn open_by_kind(&self) -> Vec<(String, u32)> {
        let to = self.input.period.to;
        self.input
            .config
            .case_kinds
            .iter()
            .map(|k| {
                let open = self
                    .input
                    .state
                    .cases
                    .iter()
                    .filter(|c| {
                        c.kind == k.key
                            && c.allocated_on <= to
                            && c.closed_on.is_none_or(|closed| closed > to)
                    })
                    .count() as u32;
                (self.names.text(&k.name), open)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

/// A short id of the journal from its first record: the same however much it grows.
fn journal_id(records: &[crate::domain::replay::Record]) -> String {
    records.first().map_or_else(
        || "empty".to_string(),
        |first| {
            crate::journal::hash_hex(format!("{}|{}", first.seq, first.at.to_rfc3339()).as_bytes())
                [..16]
                .to_string()
        },
    )
}

pub fn compute(
    input: &Inputs,
    calendar: &WorkCalendar,
    names: &Pseudonyms,
    totals: &super::hours::DayTotals,
    daily_capacity_at_end: f64,
) -> Detail {
    let cx = Context {
        input,
        calendar,
        names,
        leave: LeaveIndex::new(input.state),
    };
    let notes = cx.notes();
    let mut items = cx.cases();
    items.extend(cx.deadlines());
    items.extend(cx.leave());
    items.extend(cx.hours(totals));
    items.extend(cx.note_items(&notes));
    items.sort_by_key(|(d, order, id, _)| (*d, *order, *id));
    Detail {
        journal_id: journal_id(input.records),
        pseudonymised: !names.is_revealing(),
        capacity_percent_at_end: round2(daily_capacity_at_end),
        assumptions: cx.assumptions(),
        chronology: items.into_iter().map(|(_, _, _, i)| i).collect(),
        notes: notes
            .iter()
            .map(|n| NoteItem {
                date: n.note.date,
                standards: n.note.standards.clone(),
                stress: n.note.stress,
                told: n.note.told.as_deref().map(|t| names.text(t)),
                text: names.text(&n.note.text),
            })
            .collect(),
        upcoming: cx.upcoming(),
        receipt: input.receipt.clone(),
        open_by_kind: cx.open_by_kind(),
    }
}
