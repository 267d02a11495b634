//! Forms in the App: opening the right one, keys while one is open (asking before throwing
//! away what was typed), saving, and the user's editor for a note.

use super::{App, Overlay};
use crate::domain::commands::Refusal;
use crate::domain::dates::show_dates;
use crate::journal::AppendError;
use crate::tui::action::{Action, ScreenId};
use crate::tui::form::Discard;
use crate::tui::forms::{AnyForm, Closing, FormCtx, FormKind, OpenForm, closing};
use crate::tui::records::RecordKind;
use crate::tui::report_screen::Started;

impl App {
    fn form_ctx(&self) -> FormCtx<'_> {
        FormCtx {
            state: self.journal.state(),
            config: &self.config,
            today: self.today,
        }
    }

    pub(crate) fn open(&mut self, kind: FormKind) {
        let mut open = OpenForm::open(&kind, &self.form_ctx());
        open.form_mut().set_theme(&self.theme);
        open.preview(&self.form_ctx());
        self.overlay = Overlay::Form(open);
    }

    pub(crate) fn open_add(&mut self) {
        if !self.writable() {
            return;
        }
        let kind = match self.screen {
            ScreenId::Cases | ScreenId::Dashboard => FormKind::AddCase,
            ScreenId::Deadlines => FormKind::AddDeadline,
            ScreenId::Leave => FormKind::AddLeave,
            ScreenId::Hours => FormKind::AddHours,
            ScreenId::Diary => FormKind::AddNote,
            ScreenId::Report => return,
        };
        self.open(kind);
    }

    pub(crate) fn open_for_selected(&mut self, action: Action) {
        let Some((table_kind, selected)) = self.table().map(|t| (t.kind, t.selected_row())) else {
            return;
        };
        let Some(row) = selected else {
            self.say("nothing selected", true);
            return;
        };
        if !self.writable() {
            return;
        }
        let state = self.journal.state();
        let id = table_kind.id(state, row);
        let show = |d| crate::domain::dates::format_date(d, &self.config.date_format);
        let kind = match (action, table_kind) {
            (Action::Withdraw, _) => FormKind::Withdraw(id),
            (Action::Edit, RecordKind::Cases) => FormKind::EditCase(id),
            (Action::Edit, RecordKind::Deadlines) => FormKind::EditDeadline(id),
            (Action::Edit, RecordKind::Leave) => FormKind::EditLeave(id),
            (Action::Edit, RecordKind::Hours) => FormKind::EditHours(id),
            (Action::Edit, RecordKind::Diary) => FormKind::EditNote(id),
            (Action::CloseCase, RecordKind::Cases) => {
                let case = &state.cases[row];
                if case.closed_on.is_some() {
                    let case = case.clone();
                    self.ask_reopen(&case);
                    return;
                }
                FormKind::CloseCase(case.reference.clone())
            }
            (Action::MarkMet | Action::Extend, RecordKind::Deadlines)
                if state.deadlines[row].met_on.is_some() =>
            {
                let d = &state.deadlines[row];
                let met = d.met_on.map(show).unwrap_or_default();
                let message = format!(
                    "deadline {} was already met on {met}; {} undoes a mistake saved here, {} withdraws a record",
                    d.id,
                    self.keymap.label(&Action::Undo),
                    self.keymap.label(&Action::Withdraw),
                );
                self.say(message, true);
                return;
            }
            (Action::MarkMet, RecordKind::Deadlines) => FormKind::MeetDeadline(id),
            (Action::Extend, RecordKind::Deadlines) => FormKind::ExtendDeadline(id),
            (other, _) => {
                let what = match other {
                    Action::CloseCase => "closing applies to cases (screen 2)",
                    _ => "marking met and extending apply to deadlines (screen 3)",
                };
                self.say(what, true);
                return;
            }
        };
        self.open(kind);
    }

    fn open_form_mut(&mut self) -> Option<&mut dyn AnyForm> {
        match &mut self.overlay {
            Overlay::Form(open) => Some(open.form_mut()),
            Overlay::ReportForm(form) => Some(form),
            _ => None,
        }
    }

    /// A key while a form is open.
    pub(crate) fn update_form(&mut self, action: Action) -> bool {
        let Some(form) = self.open_form_mut() else {
            return false;
        };
        match closing(form, &action) {
            Closing::NotClosing => {}
            Closing::Stays => return true,
            Closing::Ignored => return false,
            Closing::Closes { discard, discarded } => {
                let timer = matches!(self.overlay, Overlay::Form(OpenForm::TimerStop(_)));
                self.overlay = Overlay::None;
                match discard {
                    Discard::Quit => {
                        if discarded {
                            self.say("discarded; nothing was saved", false);
                        }
                        self.ask_to_quit();
                    }
                    Discard::Close if discarded => self.say("discarded; nothing was saved", false),
                    Discard::Close if timer => {
                        self.say("nothing was saved; the timer is still running", false);
                    }
                    Discard::Close => self.say("cancelled; nothing was saved", false),
                }
                return true;
            }
        }
        match action {
            Action::Submit => match &self.overlay {
                Overlay::Form(_) => self.submit(),
                _ => self.start_report(),
            },
            Action::OpenEditor => match form.note() {
                Some(text) => self.editor_request = Some(text),
                None => self.say("Ctrl-O opens your editor on a diary note's text", true),
            },
            other => {
                if !form.handle(&other) {
                    return false;
                }
                self.preview();
            }
        }
        true
    }

    /// Shows what the dates and the case field will be read as.
    fn preview(&mut self) {
        let ctx = FormCtx {
            state: self.journal.state(),
            config: &self.config,
            today: self.today,
        };
        match &mut self.overlay {
            Overlay::Form(open) => open.preview(&ctx),
            Overlay::ReportForm(form) => form.preview_dates(ctx.today, &ctx.config.date_format),
            _ => {}
        }
    }

    /// The user's editor closed (or could not start).
    fn editor_finished_inner(&mut self, result: Result<Option<String>, String>) {
        match result {
            Ok(Some(text)) => {
                if let Some(form) = self.open_form_mut() {
                    form.set_note(&text);
                }
                self.say("the note now holds what you wrote in your editor", false);
            }
            Ok(None) => self.say(
                "the editor left the note empty; the form keeps what it had",
                false,
            ),
            Err(e) => self.say(e, true),
        }
    }

    pub(crate) fn editor_finished(&mut self, result: Result<Option<String>, String>) -> bool {
        self.editor_request = None;
        self.editor_finished_inner(result);
        true
    }

    fn submit(&mut self) {
        let keep = self.selected_ids();
        let ctx = FormCtx {
            state: self.journal.state(),
            config: &self.config,
            today: self.today,
        };
        let Overlay::Form(open) = &mut self.overlay else {
            return;
        };
        let Some(builder) = open.read(&ctx) else {
            return;
        };
        let record_kind = open.record_kind();
        let stops_timer = matches!(open, OpenForm::TimerStop(_));
        let appended = if stops_timer {
            // The timer is claimed while the day is written, and ends only if it was.
            let dir = self.journal.dir().to_path_buf();
            let journal = &mut self.journal;
            match crate::timer::stop(&dir, |_| {
                journal.append(|state, records| builder(state, records))
            }) {
                Ok(result) => result,
                Err(e) => {
                    open.form_mut().set_error(Some(e.to_string()));
                    self.timer = None;
                    return;
                }
            }
        } else {
            self.journal
                .append(|state, records| builder(state, records))
        };
        if stops_timer && appended.is_ok() {
            self.timer = None;
        }
        match appended {
            Ok(seq) => {
                self.overlay = Overlay::None;
                self.saved.push(seq);
                self.recompute(keep);
                if let Some(kind) = record_kind {
                    self.select_record(kind, seq);
                }
                self.say(
                    format!(
                        "saved (record {seq}); {} undoes it",
                        self.keymap.label(&Action::Undo)
                    ),
                    false,
                );
            }
            Err(e) => {
                let format = self.config.date_format.clone();
                if let Overlay::Form(open) = &mut self.overlay {
                    match e {
                        AppendError::Refused(refusal) => {
                            let message = show_dates(&refusal.to_string(), &format);
                            open.refused(&refusal, message);
                        }
                        AppendError::Journal(e) => {
                            open.form_mut().set_error(Some(format!("not saved: {e}")));
                        }
                    }
                }
            }
        }
        for notice in self.journal.take_notices() {
            self.say(notice, true);
        }
    }

    /// Saves an event built without a form (undo, reopening), reporting as a form would.
    pub(crate) fn save_direct(
        &mut self,
        build: impl Fn(
            &crate::domain::State,
            &[crate::domain::replay::Record],
        ) -> Result<crate::domain::Event, Refusal>,
    ) -> Option<u64> {
        let keep = self.selected_ids();
        match self.journal.append(build) {
            Ok(seq) => {
                self.recompute(keep);
                Some(seq)
            }
            Err(AppendError::Refused(refusal)) => {
                let message = show_dates(&refusal.to_string(), &self.config.date_format);
                self.say(message, true);
                None
            }
            Err(AppendError::Journal(e)) => {
                self.say(format!("not saved: {e}"), true);
                None
            }
        }
    }

    fn start_report(&mut self) {
        let Overlay::ReportForm(form) = &self.overlay else {
            return;
        };
        self.report.form = form.clone();
        self.write_report(false);
    }

    pub(crate) fn write_report(&mut self, replace: bool) {
        match self
            .report
            .start(&self.journal, &self.config, self.today, self.now, replace)
        {
            Started::Writing => {
                self.overlay = Overlay::None;
                self.say("writing the report...", false);
            }
            Started::Refused => self.overlay = Overlay::ReportForm(self.report.form.clone()),
            Started::Exists(path) => self.ask_replace(&path),
            Started::Share(preview) => self.overlay = Overlay::SharePreview(preview),
        }
    }
}
