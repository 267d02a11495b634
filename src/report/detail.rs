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
        flags.push(format!(
            "{first}due on the {} working day back from leave{back}",
            super::document::ordinal(n)
        ));
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

pub fn compute(
    input: &Inputs,
    calendar: &WorkCalendar,
    names: &Pseudonyms,
    totals: &super::hours::DayTotals,
    daily_capacity_at_end: f64,
) -> Detail {
    let state = input.state;
    let config = input.config;
    let period = input.period;
    let leave = LeaveIndex::new(state);
    let post = config.limits.post_leave_days;
    let show = |r: &str| names.name(r);
    // Dates inside the text follow the configured display; the date column stays ISO.
    let day = |d: NaiveDate| crate::domain::dates::format_date(d, &config.date_format);
    let mut items: Vec<(NaiveDate, u8, u64, ChronoItem)> = Vec::new();

    for c in &state.cases {
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
            if let Some(l) = leave.allocated_during(c) {
                flags.push(format!("allocated during {} leave", l.kind.key()));
            } else if let Some((_, n)) =
                leave.allocated_before(c, calendar, config.limits.pre_leave_days)
            {
                flags.push(format!(
                    "allocated {n} working day{} before leave",
                    if n == 1 { "" } else { "s" }
                ));
            }
            let detail = format!("{kind} allocated{by}");
            items.push((
                c.allocated_on,
                0,
                c.id,
                ChronoItem {
                    date: c.allocated_on,
                    kind: "allocated",
                    case: Some(show(&c.reference)),
                    detail,
                    flags,
                    record: c.id,
                    until: None,
                },
            ));
        }
        if let Some(closed) = c.closed_on.filter(|d| period.contains(*d)) {
            let detail = c.outcome.as_deref().map_or("closed".to_string(), |o| {
                format!("closed: {}", names.text(o))
            });
            items.push((
                closed,
                1,
                c.id,
                ChronoItem {
                    date: closed,
                    kind: "closed",
                    case: Some(show(&c.reference)),
                    detail,
                    flags: Vec::new(),
                    record: c.closed_by_seq.unwrap_or(c.id),
                    until: None,
                },
            ));
        }
    }
    for d in state.deadlines.iter().filter(|d| period.contains(d.due)) {
        let mut flags = deadline_flags(d, &leave, calendar, post, &config.date_format);
        // The same words, and the same parts, as `deadlines.outcomes`.
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
        let detail = format!("{} due: {outcome}{was}", names.text(&d.what));
        items.push((
            d.due,
            2,
            d.id,
            ChronoItem {
                date: d.due,
                kind: "deadline",
                case: d.case.as_deref().map(show),
                detail,
                flags,
                record: d.id,
                until: None,
            },
        ));
    }
    for l in state
        .leave
        .iter()
        .filter(|l| l.from <= period.to && period.from <= l.to)
    {
        let weekdays = l
            .from
            .iter_days()
            .take_while(|d| *d <= l.to)
            .filter(|d| calendar.is_working_weekday(*d) && !calendar.is_bank_holiday(*d))
            .count();
        let detail = format!(
            "{} to {} ({weekdays} working days)",
            l.kind.label(),
            day(l.to)
        );
        items.push((
            l.from,
            3,
            l.id,
            ChronoItem {
                date: l.from,
                kind: "leave",
                case: None,
                detail,
                flags: Vec::new(),
                record: l.id,
                until: Some(l.to),
            },
        ));
    }
    for (day, t) in totals.days.range(period.from..=period.to) {
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
            && day.succ_opt().is_some_and(|n| period.contains(n))
        {
            flags.push("under 11 hours' rest before the next day".to_string());
        }
        if calendar.is_on_leave(*day) {
            flags.push(WORKED_DURING_LEAVE.to_string());
        } else if !calendar.is_working_day(*day) {
            flags.push("worked on a non-working day".to_string());
        }
        if !flags.is_empty() {
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
            let detail = format!("worked {:.2} hours{times}", t.worked);
            items.push((
                *day,
                4,
                0,
                ChronoItem {
                    date: *day,
                    kind: "hours",
                    case: None,
                    detail,
                    flags,
                    record: 0,
                    until: None,
                },
            ));
        }
    }
    let mut notes: Vec<_> = state
        .notes
        .iter()
        .filter(|n| period.contains(n.note.date))
        .collect();
    notes.sort_by_key(|n| (n.note.date, n.id));
    for n in &notes {
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
        items.push((
            n.note.date,
            5,
            n.id,
            ChronoItem {
                date: n.note.date,
                kind: "note",
                case: None,
                detail: format!("{}{told}", names.text(&n.note.text)),
                flags,
                record: n.id,
                until: None,
            },
        ));
    }
    items.sort_by_key(|(d, order, id, _)| (*d, *order, *id));

    let horizon = period.to + Days::new(UPCOMING_DAYS);
    let mut upcoming: Vec<&Deadline> = state
        .deadlines
        .iter()
        .filter(|d| d.met_on.is_none() && d.due > period.to && d.due <= horizon)
        .collect();
    upcoming.sort_by_key(|d| (d.due, d.id));

    let journal_id = input.records.first().map_or_else(
        || "empty".to_string(),
        |first| {
            crate::journal::hash_hex(format!("{}|{}", first.seq, first.at.to_rfc3339()).as_bytes())
                [..16]
                .to_string()
        },
    );
    Detail {
        journal_id,
        pseudonymised: !names.is_revealing(),
        capacity_percent_at_end: round2(daily_capacity_at_end),
        assumptions: Assumptions {
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
            post_leave_days: post,
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
        },
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
        upcoming: upcoming
            .into_iter()
            .map(|d| UpcomingDeadline {
                record: d.id,
                due: d.due,
                case: d.case.as_deref().map(show),
                what: names.text(&d.what),
                flags: deadline_flags(d, &leave, calendar, post, &config.date_format),
            })
            .collect(),
        receipt: input.receipt.clone(),
        open_by_kind: config
            .case_kinds
            .iter()
            .map(|k| {
                let open = state
                    .cases
                    .iter()
                    .filter(|c| {
                        c.kind == k.key
                            && c.allocated_on <= period.to
                            && c.closed_on.is_none_or(|closed| closed > period.to)
                    })
                    .count() as u32;
                (names.text(&k.name), open)
            })
            .filter(|(_, n)| *n > 0)
            .collect(),
    }
}
