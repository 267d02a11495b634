//! The forms for each record: their fields in a natural order, pre-filled for edits (open.rs),
//! and how their values become an event checked by the same domain rules as the command line
//! (read.rs).

mod open;
mod read;

pub use open::open;
pub use read::read;

use super::records::RecordKind;
use crate::domain::Event;
use crate::domain::commands::Refusal;
use crate::domain::replay::{Record, State};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    AddCase,
    EditCase(u64),
    CloseCase(String),
    AddDeadline,
    EditDeadline(u64),
    MeetDeadline(u64),
    ExtendDeadline(u64),
    AddLeave,
    EditLeave(u64),
    AddHours,
    EditHours(u64),
    AddNote,
    EditNote(u64),
    Withdraw(u64),
}

/// Builds the event under the journal's lock from the latest state.
pub type Builder = Box<dyn Fn(&State, &[Record]) -> Result<Event, Refusal>>;

/// The record kind a form belongs to, for choosing where to show the result.
pub fn record_kind(kind: &FormKind) -> Option<RecordKind> {
    Some(match kind {
        FormKind::AddCase | FormKind::EditCase(_) | FormKind::CloseCase(_) => RecordKind::Cases,
        FormKind::AddDeadline
        | FormKind::EditDeadline(_)
        | FormKind::MeetDeadline(_)
        | FormKind::ExtendDeadline(_) => RecordKind::Deadlines,
        FormKind::AddLeave | FormKind::EditLeave(_) => RecordKind::Leave,
        FormKind::AddHours | FormKind::EditHours(_) => RecordKind::Hours,
        FormKind::AddNote | FormKind::EditNote(_) => RecordKind::Diary,
        FormKind::Withdraw(_) => return None,
    })
}
