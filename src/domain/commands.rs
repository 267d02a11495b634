//! Checks a new record against the current state and builds its event. Used by the command
//! line and the terminal UI alike, under the journal's lock, so both refuse the same things
//! with the same words.

use super::event::{
    CaseAllocated, CaseClosed, DeadlineExtended, DeadlineMet, DeadlineSet, Event, HoursLogged,
    LeaveAdded, NoteAdded,
};
use super::references::{
    ACCEPTED_REFERENCES, Matching, NoCase, find_case, looks_like_a_name, same_reference,
};
use super::replay::{Record, State};
use super::text::{self, MAX_NOTE_CHARS, MAX_SHORT_CHARS};
use chrono::{Datelike, NaiveDate};

/// Why a new record was refused: one sentence naming what was wrong and what is accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Text that cannot be recorded: empty, too long, control or direction characters.
    #[error(transparent)]
    Text(#[from] text::TextError),
    /// A day after the real today for something that has already happened.
    #[error(
        "{field} {date} is in the future (today is {today}); record things once they have happened"
    )]
    Future {
        field: &'static str,
        date: NaiveDate,
        today: NaiveDate,
    },
    /// A reference that names no single case.
    #[error(transparent)]
    NoCase(#[from] NoCase),
    /// A case reference that looks like a person's or a family's name (SPEC 1: caseload keeps
    /// no names of children or families); import refuses the same references with its own words.
    #[error(
        "`{reference}` looks like a person's name, not a case reference: caseload keeps no names of children or families; {ACCEPTED_REFERENCES} (a name already recorded can be removed with `caseload redact SEQ --reason TEXT`)"
    )]
    NameLike { reference: String },
    /// A case kind that is not configured.
    #[error("unknown case kind `{kind}`; configured kinds are {}", .known.join(", "))]
    UnknownKind { kind: String, known: Vec<String> },
    /// Any other rule: a date outside the years accepted, an unknown id, an overlap with
    /// other records...
    #[error("{0}")]
    Rule(String),
}

impl From<&str> for Refusal {
    fn from(rule: &str) -> Refusal {
        Refusal::Rule(rule.to_string())
    }
}

/// A [`Refusal::Rule`] from a format string.
macro_rules! rule {
    ($($arg:tt)*) => {
        Refusal::Rule(format!($($arg)*))
    };
}

/// The earliest and latest years any date may have.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;
/// Longest single leave period accepted (a year's parental leave fits).
const MAX_LEAVE_DAYS: i64 = 731;

fn text_err(e: text::TextError) -> Refusal {
    Refusal::Text(e)
}

fn optional(
    field: &'static str,
    value: &Option<String>,
    max: usize,
) -> Result<Option<String>, Refusal> {
    text::check_optional(field, value.as_deref(), max).map_err(text_err)
}

fn in_range(field: &str, date: NaiveDate) -> Result<(), Refusal> {
    if YEARS.contains(&date.year()) {
        Ok(())
    } else {
        Err(rule!("{field} {date} is outside the years 2000 to 2099"))
    }
}

/// No record may describe a day after the real today (SPEC 5): allocations, closures,
/// deadlines met, hours and notes describe things that have happened. The journal applies this
/// to every record it appends, with its own clock as `today`, so `--today` (which moves
/// defaults and reports) never moves this limit, in the command line or the terminal UI.
pub fn not_after_today(event: &Event, today: NaiveDate) -> Result<(), Refusal> {
    let field = match event {
        Event::CaseAllocated(_) => "the allocation date",
        Event::CaseClosed(_) => "the closing date",
        Event::DeadlineMet(_) => "the date met",
        Event::HoursLogged(_) => "the date worked",
        Event::NoteAdded(_) => "the note's date",
        Event::Amended { record, .. } => return not_after_today(record, today),
        _ => return Ok(()),
    };
    match event.described_date() {
        Some(date) if date > today => Err(Refusal::Future { field, date, today }),
        _ => Ok(()),
    }
}

fn check_weight(weight: Option<f64>) -> Result<(), Refusal> {
    match weight {
        Some(w) if !(0.0..=100.0).contains(&w) || w.is_nan() => Err(rule!(
            "the weight {w} is not accepted; give the weekly hours the case needs, from 0 to 100"
        )),
        _ => Ok(()),
    }
}

pub fn allocate_case(
    state: &State,
    kinds: &[&str],
    mut e: CaseAllocated,
    replacing: Option<u64>,
) -> Result<Event, Refusal> {
    e.reference = text::check_ref(&e.reference).map_err(text_err)?;
    // An amendment is refused too: it would write the name into the journal again.
    if looks_like_a_name(&e.reference) {
        return Err(Refusal::NameLike {
            reference: e.reference,
        });
    }
    // Kinds match ignoring case; the record keeps the configured spelling.
    e.kind = kinds
        .iter()
        .find(|k| k.eq_ignore_ascii_case(e.kind.trim()))
        .map(std::string::ToString::to_string)
        .ok_or_else(|| Refusal::UnknownKind {
            kind: e.kind.trim().to_string(),
            known: kinds.iter().map(std::string::ToString::to_string).collect(),
        })?;
    in_range("the allocation date", e.allocated_on)?;
    check_weight(e.weight)?;
    e.allocated_by = optional("allocated by", &e.allocated_by, MAX_SHORT_CHARS)?;
    e.note = optional("the note", &e.note, MAX_NOTE_CHARS)?;
    if let Some(existing) = same_reference(state, &e.reference, replacing) {
        return Err(rule!(
            "a case with reference `{}` already exists (allocated {}); references must be unique, ignoring capitals",
            existing.reference,
            existing.allocated_on
        ));
    }
    Ok(Event::from(e))
}

pub fn close_case(state: &State, mut e: CaseClosed) -> Result<Event, Refusal> {
    let case = find_case(state, &e.reference, Matching::Whole)?;
    // The record names the case as it was recorded.
    e.reference = case.reference.clone();
    if let Some(closed) = case.closed_on {
        return Err(rule!(
            "case `{}` was already closed on {closed}",
            e.reference
        ));
    }
    in_range("the closing date", e.on)?;
    if e.on < case.allocated_on {
        return Err(rule!(
            "the closing date {} is before the case was allocated ({})",
            e.on,
            case.allocated_on
        ));
    }
    e.outcome = optional("the outcome", &e.outcome, MAX_SHORT_CHARS)?;
    Ok(Event::CaseClosed(e))
}

pub fn set_deadline(state: &State, mut e: DeadlineSet) -> Result<Event, Refusal> {
    e.what = text::check("the description of what is due", &e.what, MAX_SHORT_CHARS)
        .map_err(text_err)?;
    in_range("the due date", e.due)?;
    if let Some(reference) = &e.case {
        let case = find_case(state, reference, Matching::Whole)?;
        // As a case cannot close before it was allocated, its work cannot fall due before.
        if e.due < case.allocated_on {
            return Err(rule!(
                "the due date {} is before case `{}` was allocated ({})",
                e.due,
                case.reference,
                case.allocated_on
            ));
        }
        e.case = Some(case.reference.clone());
    }
    Ok(Event::DeadlineSet(e))
}

fn open_deadline(state: &State, id: u64) -> Result<&super::replay::Deadline, Refusal> {
    let deadline = state
        .deadline(id)
        .ok_or_else(|| rule!("no deadline has id {id}; `caseload list deadlines` shows the ids"))?;
    if let Some(met) = deadline.met_on {
        return Err(rule!("deadline {id} was already met on {met}"));
    }
    Ok(deadline)
}

pub fn meet_deadline(state: &State, e: DeadlineMet) -> Result<Event, Refusal> {
    open_deadline(state, e.deadline)?;
    in_range("the date met", e.on)?;
    Ok(Event::DeadlineMet(e))
}

pub fn extend_deadline(state: &State, mut e: DeadlineExtended) -> Result<Event, Refusal> {
    let deadline = open_deadline(state, e.deadline)?;
    in_range("the new due date", e.due)?;
    if e.due <= deadline.due {
        return Err(rule!(
            "the new due date {} is not after the current one ({}); an extension moves the deadline later",
            e.due,
            deadline.due
        ));
    }
    e.reason = optional("the reason", &e.reason, MAX_SHORT_CHARS)?;
    Ok(Event::DeadlineExtended(e))
}

pub fn add_leave(
    state: &State,
    mut e: LeaveAdded,
    replacing: Option<u64>,
) -> Result<Event, Refusal> {
    in_range("the first day of leave", e.from)?;
    in_range("the last day of leave", e.to)?;
    if e.to < e.from {
        return Err(rule!(
            "the leave ends ({}) before it starts ({}); --to is the last day of leave, inclusive",
            e.to,
            e.from
        ));
    }
    if (e.to - e.from).num_days() >= MAX_LEAVE_DAYS {
        return Err(rule!(
            "a leave period of more than {MAX_LEAVE_DAYS} days is not accepted; add it in parts"
        ));
    }
    if let Some(other) = state
        .leave
        .iter()
        .find(|l| Some(l.id) != replacing && l.from <= e.to && e.from <= l.to)
    {
        return Err(rule!(
            "this leave overlaps leave {} ({} to {}); change or withdraw that one first",
            other.id,
            other.from,
            other.to
        ));
    }
    e.note = optional("the note", &e.note, MAX_NOTE_CHARS)?;
    Ok(Event::LeaveAdded(e))
}

pub fn log_hours(
    state: &State,
    mut e: HoursLogged,
    replacing: Option<u64>,
) -> Result<Event, Refusal> {
    in_range("the date worked", e.date)?;
    match (e.start, e.end, e.hours) {
        (Some(start), Some(end), None) => {
            if end <= start {
                return Err(rule!(
                    "the end time {end} is not after the start time {start}; entries are within one day (log work after midnight on the next day)"
                ));
            }
            let span = end.minutes() - start.minutes();
            let brk = i64::from(e.break_minutes.unwrap_or(0));
            if brk >= span {
                return Err(rule!(
                    "a break of {brk} minutes is not shorter than the {span} minutes from {start} to {end}"
                ));
            }
            let overlap = state.hours.iter().filter(|h| Some(h.id) != replacing && h.entry.date == e.date).find(|h| {
                matches!((h.entry.start, h.entry.end), (Some(s), Some(en)) if s < end && start < en)
            });
            if let Some(other) = overlap {
                return Err(rule!(
                    "{start}-{end} overlaps the entry {}-{} already logged on {} (id {})",
                    other.entry.start.map(|t| t.to_string()).unwrap_or_default(),
                    other.entry.end.map(|t| t.to_string()).unwrap_or_default(),
                    e.date,
                    other.id
                ));
            }
        }
        (None, None, Some(hours)) => {
            if !(hours > 0.0 && hours <= 24.0) {
                return Err(rule!(
                    "{hours} hours is not accepted; give a number above 0 and at most 24"
                ));
            }
            if e.break_minutes.is_some() {
                return Err("a break applies only to an entry with a start and end time".into());
            }
        }
        _ => {
            return Err(
                "give either a start and end time (with an optional break) or a number of hours"
                    .into(),
            );
        }
    }
    let day_total: f64 = state
        .hours
        .iter()
        .filter(|h| Some(h.id) != replacing && h.entry.date == e.date)
        .map(|h| h.entry.worked())
        .sum();
    if day_total + e.worked() > 24.0 {
        return Err(rule!(
            "{} already has {day_total:.2} hours logged; with this entry it would exceed 24",
            e.date
        ));
    }
    e.note = optional("the note", &e.note, MAX_NOTE_CHARS)?;
    Ok(Event::from(e))
}

pub fn add_note(mut e: NoteAdded) -> Result<Event, Refusal> {
    in_range("the note's date", e.date)?;
    e.text = text::check_note("the note", &e.text, MAX_NOTE_CHARS).map_err(text_err)?;
    if let Some(stress) = e.stress.filter(|s| *s > 10) {
        return Err(rule!(
            "stress {stress} is out of range; give a whole number from 0 (none) to 10 (worst)"
        ));
    }
    e.standards.sort();
    e.standards.dedup();
    e.told = optional("who was told", &e.told, MAX_SHORT_CHARS)?;
    Ok(Event::from(e))
}

/// A redacted line or a redaction record cannot be withdrawn or amended: the text is gone, and
/// a redaction cannot be taken back.
fn not_redacted(record: &Record) -> Result<(), Refusal> {
    match record.event {
        Event::Redacted { .. } => Err(rule!(
            "record {} was redacted; it cannot be withdrawn or changed",
            record.seq
        )),
        Event::Redaction { .. } => Err(rule!(
            "record {} is a redaction, which cannot be withdrawn or changed",
            record.seq
        )),
        Event::CutOff { .. } => Err(rule!(
            "record {} stands for a write that was cut off; it is not a record of yours to withdraw or change",
            record.seq
        )),
        _ => Ok(()),
    }
}

fn target(records: &[Record], seq: u64) -> Result<&Record, Refusal> {
    seq.checked_sub(1)
        .and_then(|i| records.get(i as usize))
        .ok_or_else(|| {
            rule!(
                "there is no record {seq}; the journal has records 1 to {}",
                records.len()
            )
        })
}

pub fn void(state: &State, records: &[Record], seq: u64, reason: &str) -> Result<Event, Refusal> {
    let record = target(records, seq)?;
    if matches!(record.event, Event::Voided { .. }) {
        return Err(rule!(
            "record {seq} is itself a withdrawal; withdrawals cannot be withdrawn"
        ));
    }
    not_redacted(record)?;
    if state.voided.contains(&seq) {
        return Err(rule!("record {seq} is already withdrawn"));
    }
    let reason = text::check("the reason", reason, MAX_SHORT_CHARS).map_err(text_err)?;
    Ok(Event::Voided {
        target: seq,
        reason,
    })
}

/// An amendment of record `seq`, whose replacement must already have passed the checks for
/// its own kind. The replacement must be of the same type; a case keeps its reference.
pub fn amend(
    state: &State,
    records: &[Record],
    seq: u64,
    replacement: Event,
) -> Result<Event, Refusal> {
    let record = target(records, seq)?;
    not_redacted(record)?;
    if state.voided.contains(&seq) {
        return Err(rule!("record {seq} is withdrawn; it cannot be amended"));
    }
    if matches!(record.event, Event::Voided { .. } | Event::Amended { .. }) {
        return Err(rule!(
            "record {seq} is a {}; amend the original record instead",
            record.event.type_name()
        ));
    }
    if record.event.type_name() != replacement.type_name() {
        return Err(rule!(
            "record {seq} is a {}, not a {}",
            record.event.type_name(),
            replacement.type_name()
        ));
    }
    if let (Event::CaseAllocated(old), Event::CaseAllocated(new)) = (&record.event, &replacement)
        && old.reference != new.reference
    {
        return Err(
            "a case's reference cannot be changed; withdraw the case and add it again".into(),
        );
    }
    Ok(Event::Amended {
        target: seq,
        record: Box::new(replacement),
    })
}

/// A redaction of record `seq`: any record but a redacted line or a redaction itself.
pub fn redact(state: &State, records: &[Record], seq: u64, reason: &str) -> Result<Event, Refusal> {
    let record = target(records, seq)?;
    match &record.event {
        Event::Redacted { .. } => {
            let when = state
                .redacted_by
                .get(&seq)
                .map_or_else(String::new, |by| format!(" by record {by}"));
            return Err(rule!("record {seq} is already redacted{when}"));
        }
        Event::Redaction { .. } => {
            return Err(rule!(
                "record {seq} is itself a redaction; a redaction cannot be redacted"
            ));
        }
        Event::CutOff { .. } => {
            return Err(rule!(
                "record {seq} stands for a write that was cut off; it holds no text to redact"
            ));
        }
        _ => {}
    }
    let reason = text::check("the reason", reason, MAX_SHORT_CHARS).map_err(text_err)?;
    Ok(Event::Redaction {
        target: seq,
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::references::allocations;
    use crate::domain::replay::replay;

    fn allocation(reference: &str) -> CaseAllocated {
        let Event::CaseAllocated(e) = allocations(&[reference]).remove(0).event else {
            unreachable!("allocations makes allocations")
        };
        *e
    }

    #[test]
    fn a_name_is_refused_as_a_reference_and_a_court_number_is_not() {
        let state = replay(&allocations(&["FD26P00123"]));
        let refusal =
            allocate_case(&state, &["s7"], allocation(" Jamie Smith "), None).unwrap_err();
        assert_eq!(
            refusal,
            Refusal::NameLike {
                reference: "Jamie Smith".into()
            }
        );
        let message = refusal.to_string();
        for words in [
            "looks like a person's name",
            "with a digit",
            "FD26P00123",
            "in capitals",
            "as initials (A v B, Re A)",
            "caseload redact",
        ] {
            assert!(message.contains(words), "{message}");
        }
        for name in ["Jamie", "Jamie-Lee", "O'Brien", "smith jones", "smith"] {
            assert!(
                matches!(
                    allocate_case(&state, &["s7"], allocation(name), None),
                    Err(Refusal::NameLike { .. })
                ),
                "{name}"
            );
        }
        // An amendment of a case recorded with a name before this rule is refused too.
        assert!(matches!(
            allocate_case(&state, &["s7"], allocation("Tom Jones"), Some(1)),
            Err(Refusal::NameLike { .. })
        ));
        for accepted in [
            "FD26P00124",
            "NP26/0101",
            "LA-2026-14",
            "ALPHA BRAVO",
            "LAC",
            "Re S",
        ] {
            assert!(
                allocate_case(&state, &["s7"], allocation(accepted), None).is_ok(),
                "{accepted}"
            );
        }
    }

    #[test]
    fn a_deadline_cannot_fall_due_before_its_case_was_allocated() {
        // Allocated on 1 Jan 2026.
        let state = replay(&allocations(&["FD26P00123"]));
        let deadline = |due: &str| DeadlineSet {
            case: Some("fd26p00123".into()),
            what: "Section 7 report".into(),
            due: due.parse().unwrap(),
            imported: None,
        };
        let refusal = set_deadline(&state, deadline("2025-12-31")).unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "the due date 2025-12-31 is before case `FD26P00123` was allocated (2026-01-01)"
        );
        for due in ["2026-01-01", "2026-02-01"] {
            let Ok(Event::DeadlineSet(set)) = set_deadline(&state, deadline(due)) else {
                panic!("{due} is on or after the allocation");
            };
            assert_eq!(set.case.as_deref(), Some("FD26P00123"));
        }
        // A deadline of no case has no allocation to be before.
        let alone = DeadlineSet {
            case: None,
            ..deadline("2025-12-31")
        };
        assert!(set_deadline(&state, alone).is_ok());
    }
}
