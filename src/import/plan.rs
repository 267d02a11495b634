//! Every row of a table settled against the journal: the records it adds (checked by
//! `domain::commands`, as typing them would be, against the journal and the rows before it),
//! already in the journal (matched by reference and dates: skipped), or refused with why.

use super::columns::{Field, Mapping, map_columns};
use super::rows::{Draft, Reader};
use super::table::Table;
use super::values::{self, DateReading};
use super::{ImportError, Request, Target};
use crate::domain::commands::{self as check, Refusal};
use crate::domain::dates::show_dates;
use crate::domain::event::{
    CaseAllocated, CaseClosed, DeadlineMet, DeadlineSet, Event, HoursLogged, LeaveAdded,
};
use crate::domain::references::same_reference;
use crate::domain::replay::{Record, State, replay};
use crate::domain::text::ref_key;
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::HashMap;

/// What becomes of one row.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The records it adds, in order (a case and its closing; a deadline and when it was met).
    New(Vec<Event>),
    /// Already in the journal (or an earlier row): what it matched.
    Known(String),
    /// Not imported, and why (one sentence).
    Refused(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    /// The row's number in the file (the spreadsheet's row, the CSV's or calendar's line).
    pub row: u64,
    pub outcome: Outcome,
}

/// What importing a table would do.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub target: Target,
    pub file: String,
    pub sheet: Option<String>,
    pub sheets: Vec<String>,
    /// "row" or "line".
    pub unit: &'static str,
    /// The columns read: each field and its column's header.
    pub columns: Vec<(Field, String)>,
    /// Headers of the columns not read.
    pub unread: Vec<String>,
    pub rows: Vec<Planned>,
    /// Rows with nothing in any column read, skipped.
    pub blank: usize,
    /// Calendar events left out by `--match` (or cancelled).
    pub left_out: usize,
    /// The row the column names were found on, when rows with something in them (a title)
    /// are above it.
    pub header_below_title: Option<u64>,
}

impl Plan {
    /// Every record to write, in row order.
    pub fn events(&self) -> Vec<Event> {
        self.rows
            .iter()
            .filter_map(|p| match &p.outcome {
                Outcome::New(events) => Some(events.iter().cloned()),
                _ => None,
            })
            .flatten()
            .collect()
    }

    pub fn count(&self, which: fn(&Outcome) -> bool) -> usize {
        self.rows.iter().filter(|p| which(&p.outcome)).count()
    }

    pub fn new_rows(&self) -> usize {
        self.count(|o| matches!(o, Outcome::New(_)))
    }

    pub fn known(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Known(_)))
    }

    pub fn refused(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Refused(_)))
    }

    pub fn records(&self) -> usize {
        self.rows
            .iter()
            .map(|p| match &p.outcome {
                Outcome::New(events) => events.len(),
                _ => 0,
            })
            .sum()
    }
}

/// The journal's state with the rows accepted so far applied, as the records would be.
struct Working {
    state: State,
    pending: Vec<Record>,
    next_seq: u64,
    first_new: u64,
    at: DateTime<FixedOffset>,
    /// The file row that made each record to be written.
    row_of: HashMap<u64, u64>,
}

impl Working {
    /// The journal as it is; the import's records follow its last, at its last written time.
    fn new(state: &State, records: &[Record]) -> Working {
        let at = records.last().map_or_else(
            || DateTime::parse_from_rfc3339("2000-01-01T00:00:00+00:00").expect("a fixed time"),
            |r| r.at,
        );
        Working {
            state: state.clone(),
            pending: Vec::new(),
            next_seq: records.len() as u64 + 1,
            first_new: records.len() as u64 + 1,
            at,
            row_of: HashMap::new(),
        }
    }

    fn apply(&mut self, events: &[Event], row: u64) {
        for event in events {
            let record = Record {
                seq: self.next_seq,
                at: self.at,
                event: event.clone(),
            };
            self.row_of.insert(self.next_seq, row);
            self.next_seq += 1;
            // Only new records: catching up applies them without replaying the journal.
            self.state.catch_up(std::slice::from_ref(&record), 0);
            self.pending.push(record);
        }
    }

    /// The state holding only `event`, as record `next_seq`: for checking the record a row
    /// adds after it (a closing, a deadline met) before either is applied.
    fn alone(&self, event: &Event) -> State {
        replay(&[Record {
            seq: self.next_seq,
            at: self.at,
            event: event.clone(),
        }])
    }

    /// "record 12", or "row 4 of this file" for a record this import adds.
    fn where_(&self, seq: u64, unit: &str) -> String {
        match self.row_of.get(&seq) {
            Some(row) if seq >= self.first_new => format!("{unit} {row} above"),
            _ => format!("record {seq}"),
        }
    }
}

pub fn plan(
    table: &Table,
    request: &Request,
    state: &State,
    records: &[Record],
) -> Result<Plan, ImportError> {
    let target = request.target;
    if table.calendar && matches!(target, Target::Cases | Target::Hours) {
        return Err(ImportError::Usage(format!(
            "a calendar can be imported as leave or deadlines, not as {}; export a spreadsheet for those",
            target.noun()
        )));
    }
    let found = super::header_row::find(table, target, &request.maps, request.header_row)?;
    let table = &found;
    let mapping = map_columns(table, target, &request.maps)?;
    let order = date_order(table, request, &mapping);
    let references: Vec<(String, String)> = state
        .cases
        .iter()
        .map(|c| (ref_key(&c.reference), c.reference.clone()))
        .collect();
    let reader = Reader {
        request,
        table,
        mapping: &mapping,
        dates: DateReading {
            order: &order,
            unit: table.unit,
            today: request.today,
            display_format: &request.date_format,
        },
        references: &references,
    };
    let mut work = Working::new(state, records);
    let kinds: Vec<&str> = request.case_kinds.iter().map(|(k, _)| k.as_str()).collect();
    let mut rows = Vec::with_capacity(table.rows.len());
    let mut blank = 0;
    for row in &table.rows {
        let Some(draft) = reader.draft(row) else {
            blank += 1;
            continue;
        };
        rows.push(Planned {
            row: row.number,
            outcome: outcome_of(draft, &mut work, &kinds, request, table.unit, row.number),
        });
    }
    Ok(Plan {
        target,
        file: table.file.clone(),
        sheet: table.sheet.clone(),
        sheets: table.sheets.clone(),
        unit: table.unit,
        columns: mapping
            .columns
            .iter()
            .map(|(f, c)| (*f, super::columns::header_name(table, *c)))
            .collect(),
        unread: mapping.unread(table),
        rows,
        blank,
        left_out: table.left_out,
        header_below_title: (table.above_header > 0).then_some(table.header_row),
    })
}

/// The order (day first or month first) the file's dates are in, from every date column.
fn date_order(table: &Table, request: &Request, mapping: &Mapping) -> values::Order {
    let date_columns: Vec<usize> = [
        Field::Allocated,
        Field::Closed,
        Field::Due,
        Field::Met,
        Field::From,
        Field::To,
        Field::Date,
    ]
    .iter()
    .filter_map(|f| mapping.column(*f))
    .collect();
    values::order_of(
        request.date_order,
        table
            .rows
            .iter()
            .flat_map(|r| date_columns.iter().map(move |c| (r.number, r.cell(*c)))),
    )
}

/// One row's outcome: refused as read, already known, or new (applied to `work`, so the rows
/// after it are checked against it). Dates in messages are shown in the display format.
fn outcome_of(
    draft: Result<Draft, String>,
    work: &mut Working,
    kinds: &[&str],
    request: &Request,
    unit: &str,
    row: u64,
) -> Outcome {
    let shown = |text: &str| show_dates(text, &request.date_format);
    let draft = match draft {
        Err(reason) => return Outcome::Refused(shown(&reason)),
        Ok(draft) => draft,
    };
    let settled = settle(draft, work, kinds, unit).and_then(|settled| {
        if let Settled::New(events) = &settled {
            for event in events {
                check::not_after_today(event, request.limit)?;
            }
        }
        Ok(settled)
    });
    match settled {
        Ok(Settled::New(events)) => {
            work.apply(&events, row);
            Outcome::New(events)
        }
        Ok(Settled::Known(what)) => Outcome::Known(shown(&what)),
        Err(refusal) => Outcome::Refused(shown(&refusal.to_string())),
    }
}

enum Settled {
    New(Vec<Event>),
    Known(String),
}

fn settle(draft: Draft, work: &Working, kinds: &[&str], unit: &str) -> Result<Settled, Refusal> {
    match draft {
        Draft::Case { allocated, closed } => settle_case(allocated, closed, work, kinds, unit),
        Draft::Deadline { set, met } => settle_deadline(set, met, work, unit),
        Draft::Leave(leave) => settle_leave(leave, work, unit),
        Draft::Hours(entry) => settle_hours(entry, work, unit),
    }
}

/// A case already in the journal by reference is known (or closed, if this row closes it);
/// the same reference allocated on another day is refused.
fn settle_case(
    allocated: CaseAllocated,
    closed: Option<CaseClosed>,
    work: &Working,
    kinds: &[&str],
    unit: &str,
) -> Result<Settled, Refusal> {
    let state = &work.state;
    if let Some(existing) = same_reference(state, &allocated.reference, None) {
        if existing.allocated_on != allocated.allocated_on {
            return Err(Refusal::Rule(format!(
                "case `{}` is already in the journal allocated on {} ({}); this row says {}: references must be unique, ignoring capitals",
                existing.reference,
                existing.allocated_on,
                work.where_(existing.id, unit),
                allocated.allocated_on
            )));
        }
        let differences = super::known::case_differences(existing, &allocated);
        return match (closed, existing.closed_on) {
            (Some(closing), None) => Ok(Settled::New(vec![check::close_case(state, closing)?])),
            _ => Ok(Settled::Known(format!(
                "case {} allocated on {} ({}){}",
                existing.reference,
                existing.allocated_on,
                work.where_(existing.id, unit),
                super::known::not_changed(&differences)
            ))),
        };
    }
    let allocation = check::allocate_case(state, kinds, allocated, None)?;
    let mut events = vec![allocation];
    if let Some(closing) = closed {
        events.push(check::close_case(&work.alone(&events[0]), closing)?);
    }
    Ok(Settled::New(events))
}

/// A deadline with the same case, what and original due date is known (or met, if this row
/// meets it).
fn settle_deadline(
    set: DeadlineSet,
    met: Option<NaiveDate>,
    work: &Working,
    unit: &str,
) -> Result<Settled, Refusal> {
    let state = &work.state;
    let imported = set.imported.clone();
    let event = check::set_deadline(state, set)?;
    let Event::DeadlineSet(set) = &event else {
        return Err(Refusal::Rule("a deadline was not built as one".into()));
    };
    let what = set.what.trim().to_lowercase();
    let case = set.case.as_deref().map(ref_key);
    let existing = state.deadlines.iter().find(|d| {
        d.original_due == set.due
            && d.case.as_deref().map(ref_key) == case
            && d.what.trim().to_lowercase() == what
    });
    let met_record = |deadline: u64, on| DeadlineMet {
        deadline,
        on,
        imported: imported.clone(),
    };
    if let Some(existing) = existing {
        return match (met, existing.met_on) {
            (Some(on), None) => Ok(Settled::New(vec![check::meet_deadline(
                state,
                met_record(existing.id, on),
            )?])),
            _ => Ok(Settled::Known(format!(
                "deadline {} due {} ({})",
                existing.what,
                existing.original_due,
                work.where_(existing.id, unit)
            ))),
        };
    }
    // The same deadline in the journal before this import, open and due another day: a file
    // exported again after an extension, most likely. Not a second deadline.
    if let Some(moved) = state.deadlines.iter().find(|d| {
        d.id < work.first_new
            && d.met_on.is_none()
            && d.case.as_deref().map(ref_key) == case
            && d.what.trim().to_lowercase() == what
    }) {
        return Ok(Settled::Known(super::known::moved_deadline(
            moved,
            set,
            &work.where_(moved.id, unit),
        )));
    }
    let mut events = vec![event.clone()];
    if let Some(on) = met {
        events.push(check::meet_deadline(
            &work.alone(&event),
            met_record(work.next_seq, on),
        )?);
    }
    Ok(Settled::New(events))
}

fn settle_leave(leave: LeaveAdded, work: &Working, unit: &str) -> Result<Settled, Refusal> {
    let state = &work.state;
    if let Some(existing) = state
        .leave
        .iter()
        .find(|l| l.kind == leave.kind && l.from == leave.from && l.to == leave.to)
    {
        return Ok(Settled::Known(format!(
            "{} from {} to {} ({})",
            existing.kind.label(),
            existing.from,
            existing.to,
            work.where_(existing.id, unit)
        )));
    }
    Ok(Settled::New(vec![check::add_leave(state, leave, None)?]))
}

/// The same day's hours (times, break and hours alike) are known.
fn settle_hours(entry: HoursLogged, work: &Working, unit: &str) -> Result<Settled, Refusal> {
    let state = &work.state;
    let same = |h: &HoursLogged| {
        h.date == entry.date
            && h.start == entry.start
            && h.end == entry.end
            && h.break_minutes.unwrap_or(0) == entry.break_minutes.unwrap_or(0)
            && match (h.hours, entry.hours) {
                (Some(a), Some(b)) => (a - b).abs() < 0.005,
                (None, None) => true,
                _ => false,
            }
    };
    if let Some(existing) = state.hours.iter().find(|h| same(&h.entry)) {
        return Ok(Settled::Known(format!(
            "hours on {} ({})",
            existing.entry.date,
            work.where_(existing.id, unit)
        )));
    }
    Ok(Settled::New(vec![check::log_hours(state, entry, None)?]))
}
