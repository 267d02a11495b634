//! The pure core: events, entities, replay, the working-day calendar and date parsing.
//! Nothing here touches the file system or the terminal.

pub mod calendar;
pub mod commands;
pub mod dates;
pub mod describe;
pub mod event;
pub mod holidays;
pub mod references;
pub mod replay;
pub mod text;

pub use calendar::WorkCalendar;
pub use dates::{ClockTime, DateError, Towards, parse_date, parse_due_date, parse_time};
pub use event::{
    CaseAllocated, CaseClosed, DeadlineExtended, DeadlineMet, DeadlineSet, Event, HoursLogged,
    Imported, LeaveAdded, LeaveKind, NoteAdded, Standard,
};
pub use holidays::Region;
pub use replay::{Case, Deadline, HoursEntry, Leave, Note, State, replay};
