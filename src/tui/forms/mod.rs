//! The forms for each record: their fields in a natural order (pre-filled for edits), and how
//! their values become an event checked by the same domain rules as the command line. One
//! file per record; each form's fields are named by its own enum.

mod case;
mod deadline;
mod hours;
mod leave;
mod note;
mod reader;
mod withdraw;

pub use case::{CaseField, CloseField};
pub use deadline::{DeadlineField, ExtendField, MetField};
pub use hours::{HoursField, open_timer_stop};
pub use leave::LeaveField;
pub use note::NoteField;
pub use withdraw::WithdrawField;

use super::form::{Discard, Form};
use super::records::RecordKind;
use super::theme::Theme;
use crate::config::Config;
use crate::domain::Event;
use crate::domain::commands::Refusal;
use crate::domain::replay::{Record, State};
use chrono::NaiveDate;

/// Builds the event under the journal's lock from the latest state.
pub type Builder = Box<dyn Fn(&State, &[Record]) -> Result<Event, Refusal>>;

/// What a form is about, for opening it.
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

/// An open form with what it is about.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenForm {
    Case(Option<u64>, Form<CaseField>),
    Close(String, Form<CloseField>),
    Deadline(Option<u64>, Form<DeadlineField>),
    Met(u64, Form<MetField>),
    Extend(u64, Form<ExtendField>),
    Leave(Option<u64>, Form<LeaveField>),
    Hours(Option<u64>, Form<HoursField>),
    /// The day the running timer measured, to confirm before it is recorded.
    TimerStop(Form<HoursField>),
    Note(Option<u64>, Form<NoteField>),
    Withdraw(u64, Form<WithdrawField>),
}

/// What Esc, Ctrl-C or the answer to "discard what you typed?" does to an open form: the
/// same on every form (the record forms, the Report form, the import form), so that
/// nothing typed is lost to one key anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    /// Not a closing key: the form handles it.
    NotClosing,
    /// The question was asked, or answered no: the form stays open.
    Stays,
    /// A key the question does not take: nothing happens.
    Ignored,
    /// The form goes: after a yes to the question (`discarded`) or unchanged. With
    /// `Discard::Quit` the App then asks to quit.
    Closes { discard: Discard, discarded: bool },
}

/// Esc and Ctrl-C ask before a changed form is thrown away; y, n and Esc answer.
pub fn closing(form: &mut dyn AnyForm, action: &super::action::Action) -> Closing {
    use super::action::Action;
    if let Some(discard) = form.discarding() {
        return match action {
            Action::Type('y' | 'Y') => Closing::Closes {
                discard,
                discarded: true,
            },
            Action::Type('n' | 'N') | Action::Cancel => {
                form.set_discarding(None);
                Closing::Stays
            }
            _ => Closing::Ignored,
        };
    }
    let discard = match action {
        Action::Cancel => Discard::Close,
        Action::Quit => Discard::Quit,
        _ => return Closing::NotClosing,
    };
    if form.is_changed() {
        form.set_discarding(Some(discard));
        Closing::Stays
    } else {
        Closing::Closes {
            discard,
            discarded: false,
        }
    }
}

/// What the UI needs from the form, whatever its fields: a trait object over `Form<F>`.
pub trait AnyForm {
    fn handle(&mut self, action: &super::action::Action) -> bool;
    fn is_changed(&self) -> bool;
    fn discarding(&self) -> Option<super::form::Discard>;
    fn set_discarding(&mut self, discard: Option<super::form::Discard>);
    fn set_error(&mut self, error: Option<String>);
    fn note(&self) -> Option<String>;
    fn set_note(&mut self, text: &str);
    fn set_theme(&mut self, theme: &Theme);
    fn preview_dates(&mut self, today: NaiveDate, date_format: &str);
    fn height(&self, width: u16, footer: &str) -> u16;
    fn render(
        &self,
        area: ratatui::layout::Rect,
        buf: &mut ratatui::buffer::Buffer,
        theme: &Theme,
        footer: &str,
    );
}

impl<F: Copy + PartialEq + std::fmt::Debug> AnyForm for Form<F> {
    fn handle(&mut self, action: &super::action::Action) -> bool {
        Form::handle(self, action)
    }
    fn is_changed(&self) -> bool {
        Form::is_changed(self)
    }
    fn discarding(&self) -> Option<super::form::Discard> {
        self.discarding
    }
    fn set_discarding(&mut self, discard: Option<super::form::Discard>) {
        self.discarding = discard;
    }
    fn set_error(&mut self, error: Option<String>) {
        self.error = error;
    }
    fn note(&self) -> Option<String> {
        Form::note(self)
    }
    fn set_note(&mut self, text: &str) {
        Form::set_note(self, text);
    }
    fn set_theme(&mut self, theme: &Theme) {
        Form::set_theme(self, theme);
    }
    fn preview_dates(&mut self, today: NaiveDate, date_format: &str) {
        Form::preview_dates(self, today, date_format);
    }
    fn height(&self, width: u16, footer: &str) -> u16 {
        Form::height(self, width, footer)
    }
    fn render(
        &self,
        area: ratatui::layout::Rect,
        buf: &mut ratatui::buffer::Buffer,
        theme: &Theme,
        footer: &str,
    ) {
        Form::render(self, area, buf, theme, footer);
    }
}

/// `$f` bound to the form inside whichever variant `$open` is.
macro_rules! each {
    ($open:expr, $f:ident => $body:expr) => {
        match $open {
            OpenForm::Case(_, $f) => $body,
            OpenForm::Close(_, $f) => $body,
            OpenForm::Deadline(_, $f) => $body,
            OpenForm::Met(_, $f) => $body,
            OpenForm::Extend(_, $f) => $body,
            OpenForm::Leave(_, $f) => $body,
            OpenForm::Hours(_, $f) => $body,
            OpenForm::TimerStop($f) => $body,
            OpenForm::Note(_, $f) => $body,
            OpenForm::Withdraw(_, $f) => $body,
        }
    };
}

/// What a form needs to know to open, read and preview.
pub struct FormCtx<'a> {
    pub state: &'a State,
    pub config: &'a Config,
    pub today: NaiveDate,
}

impl FormCtx<'_> {
    fn show(&self, date: NaiveDate) -> String {
        crate::domain::dates::format_date(date, &self.config.date_format)
    }
}

impl OpenForm {
    /// The form to open for `kind`, pre-filled from the record when editing.
    pub fn open(kind: &FormKind, ctx: &FormCtx) -> OpenForm {
        match kind {
            FormKind::AddCase => OpenForm::Case(None, case::open(None, ctx)),
            FormKind::EditCase(id) => OpenForm::Case(Some(*id), case::open(Some(*id), ctx)),
            FormKind::CloseCase(reference) => {
                OpenForm::Close(reference.clone(), case::open_close(reference, ctx))
            }
            FormKind::AddDeadline => OpenForm::Deadline(None, deadline::open(None, ctx)),
            FormKind::EditDeadline(id) => {
                OpenForm::Deadline(Some(*id), deadline::open(Some(*id), ctx))
            }
            FormKind::MeetDeadline(id) => OpenForm::Met(*id, deadline::open_met(*id, ctx)),
            FormKind::ExtendDeadline(id) => OpenForm::Extend(*id, deadline::open_extend(*id, ctx)),
            FormKind::AddLeave => OpenForm::Leave(None, leave::open(None, ctx)),
            FormKind::EditLeave(id) => OpenForm::Leave(Some(*id), leave::open(Some(*id), ctx)),
            FormKind::AddHours => OpenForm::Hours(None, hours::open(None, ctx)),
            FormKind::EditHours(id) => OpenForm::Hours(Some(*id), hours::open(Some(*id), ctx)),
            FormKind::AddNote => OpenForm::Note(None, note::open(None, ctx)),
            FormKind::EditNote(id) => OpenForm::Note(Some(*id), note::open(Some(*id), ctx)),
            FormKind::Withdraw(seq) => OpenForm::Withdraw(*seq, withdraw::open(*seq, ctx)),
        }
    }

    pub fn form(&self) -> &dyn AnyForm {
        each!(self, f => f)
    }

    pub fn form_mut(&mut self) -> &mut dyn AnyForm {
        each!(self, f => f)
    }

    /// Reads and checks the fields, marking each bad one with its reason. Returns the builder
    /// for the event when every field is acceptable.
    pub fn read(&mut self, ctx: &FormCtx) -> Option<Builder> {
        match self {
            OpenForm::Case(editing, form) => case::read(*editing, form, ctx),
            OpenForm::Close(reference, form) => case::read_close(reference, form, ctx),
            OpenForm::Deadline(editing, form) => deadline::read(*editing, form, ctx),
            OpenForm::Met(id, form) => deadline::read_met(*id, form, ctx),
            OpenForm::Extend(id, form) => deadline::read_extend(*id, form, ctx),
            OpenForm::Leave(editing, form) => leave::read(*editing, form, ctx),
            OpenForm::Hours(editing, form) => hours::read(*editing, form, ctx),
            OpenForm::TimerStop(form) => hours::read(None, form, ctx),
            OpenForm::Note(editing, form) => note::read(*editing, form, ctx),
            OpenForm::Withdraw(seq, form) => withdraw::read(*seq, form, ctx),
        }
    }

    /// Shows, as it is typed, what each date and the case field will be read as.
    pub fn preview(&mut self, ctx: &FormCtx) {
        self.form_mut()
            .preview_dates(ctx.today, &ctx.config.date_format);
        match self {
            OpenForm::Deadline(_, form) => deadline::preview_case(form, ctx),
            OpenForm::Leave(_, form) => {
                leave::follow_kind(form);
                form.preview_dates(ctx.today, &ctx.config.date_format);
            }
            _ => {}
        }
    }

    /// Puts a refusal from the domain's rules beside the field it is about, or under the
    /// fields when it is about none.
    pub fn refused(&mut self, refusal: &Refusal, message: String) {
        let future = matches!(refusal, Refusal::Future { .. });
        match self {
            OpenForm::Deadline(_, form) if matches!(refusal, Refusal::NoCase(_)) => {
                form.refuse(DeadlineField::Case, message);
            }
            OpenForm::Case(_, form) if matches!(refusal, Refusal::NameLike { .. }) => {
                form.refuse(CaseField::Reference, message);
            }
            OpenForm::Case(_, form) if future => form.refuse(CaseField::AllocatedOn, message),
            OpenForm::Close(_, form) if future => form.refuse(CloseField::On, message),
            OpenForm::Met(_, form) if future => form.refuse(MetField::On, message),
            OpenForm::Hours(_, form) | OpenForm::TimerStop(form) if future => {
                form.refuse(HoursField::Date, message);
            }
            OpenForm::Note(_, form) if future => form.refuse(NoteField::Date, message),
            other => other.form_mut().set_error(Some(message)),
        }
    }

    /// The record kind the form belongs to, for choosing where to show the result.
    pub fn record_kind(&self) -> Option<RecordKind> {
        Some(match self {
            OpenForm::Case(..) | OpenForm::Close(..) => RecordKind::Cases,
            OpenForm::Deadline(..) | OpenForm::Met(..) | OpenForm::Extend(..) => {
                RecordKind::Deadlines
            }
            OpenForm::Leave(..) => RecordKind::Leave,
            OpenForm::Hours(..) | OpenForm::TimerStop(..) => RecordKind::Hours,
            OpenForm::Note(..) => RecordKind::Diary,
            OpenForm::Withdraw(..) => return None,
        })
    }
}
