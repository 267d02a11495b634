//! The application state and `App::update`, the one place where state changes. Forms are
//! in `forms.rs`, one-key questions (undo, reopen, replacing a report, quitting the demo) in
//! `confirm.rs`.

mod confirm;
mod forms;
mod import;
mod import_words;
mod share;
mod timer;

pub use confirm::{Confirm, Pending};
pub use import::{ImportDialog, ImportField, ImportPreview, import_keys};

use super::action::{Action, ScreenId};
use super::dashboard_model::Dashboard;
use super::form::Form;
use super::forms::OpenForm;
use super::keymap::KeyMap;
use super::records::{RecordKind, TableState, ViewCtx};
use super::report_screen::{ReportField, ReportScreen};
use super::theme::Theme;
use crate::config::Config;
use crate::journal::Journal;
use crate::report::leave_flags::LeaveFlags;
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::HashMap;

fn day_hours(journal: &Journal) -> HashMap<NaiveDate, f64> {
    let mut totals = HashMap::new();
    for h in &journal.state().hours {
        *totals.entry(h.entry.date).or_insert(0.0) += h.entry.worked();
    }
    totals
}

/// Files others can read, said in one status line that fits the narrowest window (80
/// columns, after " ✗ "): the fix first, then as many names as fit and how many more
/// (`caseload verify` lists them all, with their modes).
fn loose_notice(journal: &Journal) -> String {
    const ROOM: usize = super::screens::MIN_WIDTH as usize - 3;
    let fix = "run `caseload verify --fix-permissions`: others can read ";
    let loose = journal.loose_permissions();
    let names: Vec<String> = loose
        .iter()
        .map(|l| match l.path.strip_prefix(journal.dir()) {
            Ok(name) if name.as_os_str().is_empty() => "the data folder".to_string(),
            Ok(name) => name.display().to_string(),
            Err(_) => l.path.display().to_string(),
        })
        .collect();
    let said = |shown: usize| {
        let rest = names.len() - shown;
        let listed = match (shown, rest) {
            (0, n) => {
                let folders = loose.iter().filter(|l| l.path.is_dir()).count();
                match (n - folders, folders) {
                    (_, 0) => crate::report::document::plural(n as u64, "file", "files"),
                    (0, _) => crate::report::document::plural(n as u64, "folder", "folders"),
                    _ => format!("{n} files and folders"),
                }
            }
            (_, 0) if shown > 1 => {
                format!("{} and {}", names[..shown - 1].join(", "), names[shown - 1])
            }
            (_, 0) => names[0].clone(),
            (_, n) => format!("{} and {n} more", names[..shown].join(", ")),
        };
        format!("{fix}{listed}")
    };
    (1..=names.len())
        .rev()
        .map(said)
        .find(|line| line.chars().count() <= ROOM)
        .unwrap_or_else(|| said(0))
}

/// What is drawn over the current screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    None,
    Help,
    Form(OpenForm),
    /// The Report screen's choices, being edited.
    ReportForm(Form<ReportField>),
    /// A question answered with one key: y does it, n or Esc does not.
    Confirm(Confirm),
    /// `i`: a file to import, then what it would write (app/import.rs).
    Import(Box<ImportDialog>),
    /// A share for a union rep, shown whole before it is written: y writes it.
    SharePreview(Box<crate::tui::report_screen::SharePreview>),
}

pub struct App {
    pub journal: Journal,
    pub config: Config,
    pub today: NaiveDate,
    /// Whether `today` is the clock's (no `--today` pinned it): the event loop then sends
    /// [`Action::Tick`] with the clock's date, so a window open past midnight moves on.
    pub follows_clock: bool,
    /// When the data was last analysed (the report's "generated at").
    pub now: DateTime<FixedOffset>,
    pub keymap: KeyMap,
    pub theme: Theme,
    pub screen: ScreenId,
    pub tables: Vec<TableState>,
    /// How many records the tables, flags and dashboard were computed from.
    built_from: usize,
    pub flags: LeaveFlags,
    pub day_hours: HashMap<NaiveDate, f64>,
    pub dashboard: Dashboard,
    pub overlay: Overlay,
    pub report: ReportScreen,
    /// The last message for the status bar, and whether it is an error.
    pub status: Option<(String, bool)>,
    pub quit: bool,
    /// Terminal size, kept so that paging and scrolling match what is drawn.
    pub size: (u16, u16),
    /// The records this window saved, oldest first, for `u` (undo).
    pub saved: Vec<u64>,
    /// The note text to open in the user's editor; the event loop runs it and answers with
    /// [`Action::EditorFinished`].
    pub editor_request: Option<String>,
    /// The demo's folder, deleted on quitting: reports written there are asked about first.
    pub demo_folder: Option<std::path::PathBuf>,
    /// Set when the user chose to keep the demo's folder.
    pub keep_demo_folder: bool,
    /// The working-day timer, if one is running (read from the data folder, where every
    /// window and the command line see it).
    pub timer: Option<crate::timer::Timer>,
}

pub const RECORD_SCREENS: [(ScreenId, RecordKind); 5] = [
    (ScreenId::Cases, RecordKind::Cases),
    (ScreenId::Deadlines, RecordKind::Deadlines),
    (ScreenId::Leave, RecordKind::Leave),
    (ScreenId::Hours, RecordKind::Hours),
    (ScreenId::Diary, RecordKind::Diary),
];

impl App {
    pub fn new(
        journal: Journal,
        config: Config,
        keymap: KeyMap,
        theme: Theme,
        today: NaiveDate,
        now: DateTime<FixedOffset>,
    ) -> App {
        let flags = LeaveFlags::compute(journal.state(), &config);
        let dashboard = Dashboard::compute(&journal, &config, &flags, today, now);
        let report = ReportScreen::new(journal.dir().join("reports"));
        let mut app = App {
            flags,
            day_hours: day_hours(&journal),
            journal,
            config,
            today,
            follows_clock: false,
            now,
            keymap,
            theme,
            screen: ScreenId::Dashboard,
            tables: RECORD_SCREENS
                .iter()
                .map(|(_, k)| TableState::new(*k))
                .collect(),
            built_from: 0,
            dashboard,
            overlay: Overlay::None,
            report,
            status: None,
            quit: false,
            size: (100, 30),
            saved: Vec::new(),
            editor_request: None,
            demo_folder: None,
            keep_demo_folder: false,
            timer: None,
        };
        app.timer = crate::timer::running(app.journal.dir()).ok().flatten();
        app.rebuild_tables();
        app.select_first_due_from_today();
        if let Some(damage) = app.journal.damage() {
            app.status = Some((format!("read-only: {damage}"), true));
        }
        let loose = app.journal.loose_summary();
        for notice in app.journal.take_notices() {
            let notice = if Some(&notice) == loose.as_ref() {
                loose_notice(&app.journal)
            } else {
                notice
            };
            app.status = Some((notice, true));
        }
        app
    }

    /// The deadlines list opens on the first deadline due today or later, not years back.
    fn select_first_due_from_today(&mut self) {
        let page = self.page();
        let state = self.journal.state();
        if let Some(t) = self
            .tables
            .iter_mut()
            .find(|t| t.kind == RecordKind::Deadlines && t.ascending && t.sort_column == 0)
            && let Some(pos) = t
                .order
                .iter()
                .position(|i| state.deadlines[*i].due >= self.today)
        {
            t.selected = pos;
            t.offset = pos.saturating_sub(page / 2);
            t.scroll_into_view(page);
        }
    }

    pub fn view_ctx(&self) -> ViewCtx<'_> {
        ViewCtx {
            state: self.journal.state(),
            config: &self.config,
            today: self.today,
            flags: &self.flags,
            day_hours: &self.day_hours,
            pseudonyms: &self.dashboard.pseudonyms,
        }
    }

    /// The journal id of each table's selected record, read before the state changes.
    pub(crate) fn selected_ids(&self) -> Vec<Option<u64>> {
        let state = self.journal.state();
        self.tables
            .iter()
            .map(|t| {
                t.selected_row()
                    .filter(|i| *i < t.kind.len(state))
                    .map(|i| t.kind.id(state, i))
            })
            .collect()
    }

    fn rebuild_tables_keeping(&mut self, keep: Vec<Option<u64>>) {
        let mut tables = std::mem::take(&mut self.tables);
        {
            let ctx = self.view_ctx();
            for (t, keep) in tables.iter_mut().zip(keep) {
                t.rebuild(&ctx, keep);
            }
        }
        self.tables = tables;
        self.clamp_scroll();
    }

    pub(crate) fn rebuild_tables(&mut self) {
        let keep = self.selected_ids();
        self.rebuild_tables_keeping(keep);
        self.built_from = self.journal.records().len();
    }

    /// Everything derived from the journal, recomputed when it changes (never per frame).
    /// `keep` is what was selected before the change.
    pub(crate) fn recompute(&mut self, keep: Vec<Option<u64>>) {
        self.flags = LeaveFlags::compute(self.journal.state(), &self.config);
        self.day_hours = day_hours(&self.journal);
        self.dashboard = Dashboard::compute(
            &self.journal,
            &self.config,
            &self.flags,
            self.today,
            self.now,
        );
        self.rebuild_tables_keeping(keep);
        self.built_from = self.journal.records().len();
    }

    /// A new day on the clock: what is derived from today (the dashboard, the flags and
    /// statuses in the tables) is worked out again from the records already read; the
    /// same day changes nothing, so a tick neither recomputes nor redraws.
    fn move_to_day(&mut self, date: NaiveDate) -> bool {
        if date == self.today {
            return false;
        }
        self.today = date;
        let keep = self.selected_ids();
        self.recompute(keep);
        true
    }

    pub fn table_kind(&self) -> Option<RecordKind> {
        RECORD_SCREENS
            .iter()
            .find(|(s, _)| *s == self.screen)
            .map(|(_, k)| *k)
    }

    pub fn table(&self) -> Option<&TableState> {
        let kind = self.table_kind()?;
        self.tables.iter().find(|t| t.kind == kind)
    }

    fn table_mut(&mut self) -> Option<&mut TableState> {
        let kind = self.table_kind()?;
        self.tables.iter_mut().find(|t| t.kind == kind)
    }

    /// Rows visible in a record table at the current size (see `screens::table_rows`).
    pub fn page(&self) -> usize {
        crate::tui::screens::table_rows(self.size)
    }

    fn clamp_scroll(&mut self) {
        let page = self.page();
        for t in &mut self.tables {
            t.scroll_into_view(page);
        }
    }

    pub(crate) fn say(&mut self, message: impl Into<String>, error: bool) {
        // A message may quote a journal's text: its control characters are shown, not sent.
        let message = crate::output::visible(&message.into()).into_owned();
        self.status = Some((message, error));
    }

    pub(crate) fn writable(&mut self) -> bool {
        if let Some(damage) = self.journal.damage() {
            let message = format!(
                "unavailable: the journal is read-only ({}); run `caseload verify`",
                damage.short()
            );
            self.say(message, true);
            return false;
        }
        true
    }

    /// Applies one action. Returns whether anything visible changed.
    pub fn update(&mut self, action: Action) -> bool {
        let changed = self.apply(action);
        self.rebuild_if_records_dropped() || changed
    }

    /// A write that finds the journal edited underneath reads it again, and then trusts fewer
    /// records than the screens were built from (SPEC 6): they are rebuilt at once, or their
    /// rows would point past the end of what is left.
    fn rebuild_if_records_dropped(&mut self) -> bool {
        if self.journal.records().len() == self.built_from {
            return false;
        }
        let keep = self.selected_ids();
        self.recompute(keep);
        true
    }

    fn apply(&mut self, action: Action) -> bool {
        match action {
            Action::Resize => {
                self.clamp_scroll();
                return true;
            }
            Action::JournalChanged => return self.read_new_records(),
            Action::Tick(date) => return self.move_to_day(date),
            Action::ReportFinished(result) => {
                let what = self.report.writing().noun();
                match &result {
                    Ok(path) => self.say(
                        format!(
                            "{what} written to {}",
                            crate::tui::shown_path(std::path::Path::new(path))
                        ),
                        false,
                    ),
                    Err(e) => self.say(format!("the {what} was not written: {e}"), true),
                }
                self.report.finish(result);
                return true;
            }
            Action::EditorFinished(result) => return self.editor_finished(result),
            // A key press: the last message has been seen.
            _ => self.status = None,
        }
        if let Overlay::Form(..) | Overlay::ReportForm(_) = self.overlay {
            return self.update_form(action);
        }
        if let Overlay::Import(_) = self.overlay {
            return self.update_import(action);
        }
        if let Overlay::SharePreview(_) = &self.overlay {
            return self.answer_share(action);
        }
        if let Overlay::Confirm(confirm) = &self.overlay {
            let then = confirm.then.clone();
            return self.answer(then, action);
        }
        if let Action::Paste(_) = action {
            // A paste outside a form or the filter is text, never keys: it does nothing.
            return self.update_filter_paste(action);
        }
        if self.overlay == Overlay::Help {
            if matches!(
                action,
                Action::Help | Action::Cancel | Action::Quit | Action::Submit
            ) {
                self.overlay = Overlay::None;
                return true;
            }
            return false;
        }
        if self.screen == ScreenId::Report
            && matches!(action, Action::Submit | Action::Add | Action::Edit)
        {
            if self.report.is_writing() {
                self.say("a report is still being written", true);
            } else {
                let mut form = self.report.form.clone();
                form.set_theme(&self.theme);
                self.overlay = Overlay::ReportForm(form);
            }
            return true;
        }
        if self.table().is_some_and(|t| t.filtering) {
            return self.update_filter(action);
        }
        self.update_normal(action)
    }

    fn update_normal(&mut self, action: Action) -> bool {
        let page = self.page() as isize;
        match action {
            Action::Quit => self.ask_to_quit(),
            Action::Help => self.overlay = Overlay::Help,
            Action::NextScreen => self.screen = self.screen.offset(1),
            Action::PrevScreen => self.screen = self.screen.offset(-1),
            Action::Show(s) => self.screen = s,
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-page),
            Action::PageDown => self.move_by(page),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Filter => match self.table_mut() {
                Some(t) => t.start_filter(),
                None => return false,
            },
            Action::Sort => {
                let Some(t) = self.table_mut() else {
                    return false;
                };
                t.next_sort();
                self.rebuild_tables();
            }
            Action::Add => self.open_add(),
            Action::Import => self.open_import(),
            Action::Edit
            | Action::Withdraw
            | Action::CloseCase
            | Action::MarkMet
            | Action::Extend => self.open_for_selected(action),
            Action::Undo => self.ask_undo(),
            Action::Timer => self.timer_key(),
            Action::CancelTimer => self.ask_cancel_timer(),
            Action::DetailDown | Action::DetailUp => {
                let (rows, height) = crate::tui::screens::table::detail_rows(self);
                let most = rows.len().saturating_sub(height);
                let Some(t) = self.table_mut() else {
                    return false;
                };
                t.detail_scroll = if action == Action::DetailDown {
                    (t.detail_scroll + 1).min(most)
                } else {
                    t.detail_scroll.saturating_sub(1).min(most)
                };
            }
            Action::Cancel => {}
            _ => return false,
        }
        true
    }

    fn move_by(&mut self, delta: isize) {
        let page = self.page();
        if let Some(t) = self.table_mut() {
            t.move_by(delta);
            t.scroll_into_view(page);
        }
    }

    fn update_filter(&mut self, action: Action) -> bool {
        let Some(t) = self.table_mut() else {
            return false;
        };
        match action {
            Action::Cancel => t.stop_filter(true),
            Action::Submit => t.stop_filter(false),
            Action::Up | Action::Down => {
                t.stop_filter(false);
                return self.update_normal(action);
            }
            other => {
                if !t.edit_filter(&other) {
                    return false;
                }
            }
        }
        t.selected = 0;
        t.offset = 0;
        self.rebuild_tables();
        true
    }

    fn update_filter_paste(&mut self, action: Action) -> bool {
        if self.overlay == Overlay::None && self.table().is_some_and(|t| t.filtering) {
            return self.update_filter(action);
        }
        false
    }

    /// Checks for records another window or the command line appended, and for a timer
    /// started or stopped elsewhere.
    pub fn poll_journal(&mut self) -> bool {
        let timer = crate::timer::running(self.journal.dir()).ok().flatten();
        let timer_changed = timer != self.timer;
        self.timer = timer;
        (self.journal_grew() && self.update(Action::JournalChanged)) || timer_changed
    }

    /// Whether the journal file's length differs from what has been read: a cheap stat,
    /// checked on a timer, so that other windows' records are noticed.
    pub fn journal_grew(&self) -> bool {
        std::fs::metadata(self.journal.path()).is_ok_and(|m| m.len() != self.journal.len_bytes())
    }

    /// Reads only the journal's new tail and updates what depends on it.
    fn read_new_records(&mut self) -> bool {
        let was_damaged = self.journal.is_read_only();
        let keep = self.selected_ids();
        match self.journal.refresh() {
            Ok(0) if !was_damaged && self.journal.is_read_only() => {
                let damage = self
                    .journal
                    .damage()
                    .map(std::string::ToString::to_string)
                    .unwrap_or_default();
                self.say(format!("read-only: {damage}"), true);
                true
            }
            Ok(0) => false,
            Ok(n) => {
                self.recompute(keep);
                self.say(
                    format!(
                        "{n} new record{} from another window",
                        if n == 1 { "" } else { "s" }
                    ),
                    false,
                );
                true
            }
            Err(e) => {
                self.say(format!("cannot read the journal: {e}"), true);
                true
            }
        }
    }

    /// Moves to the screen of `kind` and selects the record created by line `seq` (or, for a
    /// line that changes a record, the record it changed).
    pub(crate) fn select_record(&mut self, kind: RecordKind, seq: u64) {
        if let Some((screen, _)) = RECORD_SCREENS.iter().find(|(_, k)| *k == kind) {
            self.screen = *screen;
        }
        let state = self.journal.state();
        let page = self.page();
        let target = match kind {
            RecordKind::Cases => state.cases.iter().position(|c| {
                c.id == seq
                    || c.closed_by_seq == Some(seq)
                    || state.amended_by.get(&c.id) == Some(&seq)
            }),
            RecordKind::Deadlines => state.deadlines.iter().position(|d| {
                d.id == seq
                    || d.met_seq == Some(seq)
                    || d.extensions.iter().any(|e| e.seq == seq)
                    || state.amended_by.get(&d.id) == Some(&seq)
            }),
            _ => (0..kind.len(state)).position(|i| {
                let id = kind.id(state, i);
                id == seq || state.amended_by.get(&id) == Some(&seq)
            }),
        };
        if let (Some(row), Some(t)) = (target, self.tables.iter_mut().find(|t| t.kind == kind))
            && let Some(pos) = t.order.iter().position(|r| *r == row)
        {
            t.selected = pos;
            t.scroll_into_view(page);
        }
    }
}
