//! `i` on the Cases, Deadlines, Leave and Hours screens: a form asking for the file (and the
//! sheet, the calendar text, column and kind mappings, the date order), then the dry run as
//! a scrollable preview, then, on Enter, every record written under the lock or none, by the
//! same `import::apply` the command line uses.

use super::import_words::in_form_words;
use super::{App, Overlay};
use crate::domain::dates::show_dates;
use crate::import::preview::{self, Preview, Status};
use crate::import::{DateOrder, ImportError, OpenError, Plan, Request, Table};
use crate::import::{Target, read::FORMATS};
use crate::journal::AppendError;
use crate::tui::action::{Action, ScreenId};
use crate::tui::form::{Discard, Field, Form};
use crate::tui::forms::{Closing, closing};
use crate::tui::records::RecordKind;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// The import form's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportField {
    File,
    Sheet,
    Match,
    Columns,
    Kinds,
    Dates,
}

/// The dry run of one file, kept while it is looked at.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub table: Table,
    pub request: Request,
    pub plan: Plan,
    pub shown: Preview,
    /// What was read from where, and which columns were not read.
    pub columns: String,
    pub summary: String,
    /// The first line of the preview shown.
    pub scroll: usize,
    /// Why the import was not written (the journal changed, or could not be written).
    pub error: Option<String>,
}

/// The import overlay: the form, then (after Enter) the preview of that file.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportDialog {
    pub target: Target,
    pub form: Form<ImportField>,
    pub preview: Option<ImportPreview>,
}

fn target_of(screen: ScreenId) -> Option<Target> {
    match screen {
        ScreenId::Cases => Some(Target::Cases),
        ScreenId::Deadlines => Some(Target::Deadlines),
        ScreenId::Leave => Some(Target::Leave),
        ScreenId::Hours => Some(Target::Hours),
        _ => None,
    }
}

fn record_kind(target: Target) -> RecordKind {
    match target {
        Target::Cases => RecordKind::Cases,
        Target::Deadlines => RecordKind::Deadlines,
        Target::Leave => RecordKind::Leave,
        Target::Hours => RecordKind::Hours,
    }
}

/// Several values in one field, separated by `;` (a header may hold a comma).
fn several(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn optional(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|s| !s.is_empty())
}

impl ImportDialog {
    pub fn new(target: Target) -> ImportDialog {
        use ImportField as F;
        let fields: Vec<String> = target
            .fields()
            .iter()
            .map(|f| f.key().to_string())
            .collect();
        let mut rows = vec![
            Field::text(F::File, "File", "", &format!("a path or ~/...: {FORMATS}")),
            Field::text(
                F::Sheet,
                "Sheet",
                "",
                "a workbook's sheet, by name or number; blank: the first",
            ),
        ];
        if matches!(target, Target::Leave | Target::Deadlines) {
            rows.push(Field::text(
                F::Match,
                "Match",
                "",
                "a calendar's events whose title contains this (e.g. annual leave); blank: all",
            ));
        }
        rows.push(Field::text(
            F::Columns,
            "Map columns",
            "",
            &format!(
                "field=Header, separated by ; (fields: {}); blank: columns are found by their usual headers",
                fields.join(", ")
            ),
        ));
        rows.push(Field::text(
            F::Kinds,
            "Map kinds",
            "",
            "Text in the file=kind key, separated by ; (e.g. Section 7=s7); blank: kinds are matched by their key or name",
        ));
        rows.push(Field::choice(
            F::Dates,
            "Dates",
            vec![
                (
                    "file".into(),
                    "day first unless the file shows month first".into(),
                ),
                ("day".into(), "day first: 03/04 is 3 April".into()),
                (
                    "month".into(),
                    "month first: 03/04 is 4 March (a US export)".into(),
                ),
            ],
            "file",
        ));
        ImportDialog {
            target,
            form: Form::new(format!("Import {} from a file", target.noun()), rows),
            preview: None,
        }
    }

    fn has(&self, field: ImportField) -> bool {
        self.form.fields.iter().any(|f| f.id == field)
    }

    fn value(&self, field: ImportField) -> String {
        if self.has(field) {
            self.form.value(field)
        } else {
            String::new()
        }
    }
}

/// What is read from where, as `preview::columns_line` says it, without the columns not
/// read (the preview shows those on a line of their own, never cut).
fn reading_line(plan: &Plan) -> String {
    let line = in_form_words(&preview::columns_line(plan));
    match line.find("; not read: ") {
        Some(at) => line[..at].to_string(),
        None => line,
    }
}

impl App {
    /// `i`: the import form, for the records of this screen.
    pub(crate) fn open_import(&mut self) {
        let Some(target) = target_of(self.screen) else {
            self.say(
                "import works on the Cases, Deadlines, Leave and Hours screens (2 to 5)",
                true,
            );
            return;
        };
        if !self.writable() {
            return;
        }
        let mut dialog = ImportDialog::new(target);
        dialog.form.set_theme(&self.theme);
        self.overlay = Overlay::Import(Box::new(dialog));
    }

    /// A key while the import overlay is open.
    pub(crate) fn update_import(&mut self, action: Action) -> bool {
        let Overlay::Import(dialog) = &mut self.overlay else {
            return false;
        };
        if dialog.preview.is_some() {
            return self.update_import_preview(action);
        }
        // As every form: Esc (or Ctrl-C) asks before what was typed is thrown away.
        match closing(&mut dialog.form, &action) {
            Closing::NotClosing => {}
            Closing::Stays => return true,
            Closing::Ignored => return false,
            Closing::Closes { discard, discarded } => {
                self.overlay = Overlay::None;
                if discarded || discard == Discard::Close {
                    self.say("import cancelled; nothing was written", false);
                }
                if discard == Discard::Quit {
                    self.ask_to_quit();
                }
                return true;
            }
        }
        match action {
            Action::Submit => self.dry_run(),
            other => {
                if !dialog.form.handle(&other) {
                    return false;
                }
            }
        }
        true
    }

    /// Reads the file named in the form and plans it, or puts the reason beside the field.
    fn dry_run(&mut self) {
        let Overlay::Import(dialog) = &mut self.overlay else {
            return;
        };
        use ImportField as F;
        dialog.form.clear_errors();
        if dialog.form.has_errors() {
            return;
        }
        let typed = dialog.value(F::File);
        if typed.trim().is_empty() {
            dialog.form.refuse(F::File, "name the file to import");
            return;
        }
        let order = match dialog.value(F::Dates).as_str() {
            "day" => Some(DateOrder::DayFirst),
            "month" => Some(DateOrder::MonthFirst),
            _ => None,
        };
        let request = match Request::new(
            dialog.target,
            &several(&dialog.value(F::Columns)),
            &several(&dialog.value(F::Kinds)),
            order,
            self.today,
            &self.config,
        ) {
            Ok(request) => request,
            Err(e) => {
                let field = if e.to_string().starts_with("--map-kind") {
                    F::Kinds
                } else {
                    F::Columns
                };
                dialog.form.refuse(field, in_form_words(&e.to_string()));
                return;
            }
        };
        let path = crate::output::resolve(std::path::Path::new(typed.trim()));
        let sheet = optional(&dialog.value(F::Sheet));
        let matching = optional(&dialog.value(F::Match));
        let table = match crate::import::open(&path, sheet.as_deref(), matching.as_deref()) {
            Ok(table) => table,
            Err(e) => {
                let field = match &e {
                    OpenError::Import(ImportError::Usage(u)) if u.starts_with("--match") => {
                        F::Match
                    }
                    OpenError::Import(ImportError::Usage(_)) if sheet.is_some() => F::Sheet,
                    _ => F::File,
                };
                dialog.form.refuse(field, in_form_words(&e.to_string()));
                return;
            }
        };
        let plan = match crate::import::plan(
            &table,
            &request,
            self.journal.state(),
            self.journal.records(),
        ) {
            Ok(plan) => plan,
            Err(e) => {
                // The mapping does not fit the file: a header it lacks, a required field
                // with no column.
                dialog
                    .form
                    .refuse(F::Columns, in_form_words(&e.to_string()));
                return;
            }
        };
        let mut shown = preview::preview(&plan, &self.config.date_format);
        for row in &mut shown.rows {
            row.reason = row.reason.as_deref().map(in_form_words);
        }
        dialog.preview = Some(ImportPreview {
            columns: reading_line(&plan),
            summary: in_form_words(&preview::summary(&plan)),
            table,
            request,
            plan,
            shown,
            scroll: 0,
            error: None,
        });
    }

    fn update_import_preview(&mut self, action: Action) -> bool {
        let (size, page) = (self.size, self.page());
        let Overlay::Import(dialog) = &mut self.overlay else {
            return false;
        };
        let Some(p) = dialog.preview.as_mut() else {
            return false;
        };
        let (rows, visible) = crate::tui::screens::import::preview_rows(p, size);
        let most = rows.saturating_sub(visible);
        let page = visible.max(1).min(page.max(1));
        match action {
            Action::Up => p.scroll = p.scroll.saturating_sub(1),
            Action::Down => p.scroll = (p.scroll + 1).min(most),
            Action::PageUp => p.scroll = p.scroll.saturating_sub(page),
            Action::PageDown => p.scroll = (p.scroll + page).min(most),
            Action::Top => p.scroll = 0,
            Action::Bottom => p.scroll = most,
            Action::NextField => {
                // The next refused row below the first one shown, round to the first.
                let starts = crate::tui::screens::import::row_starts(p, size);
                let refused: Vec<usize> = p
                    .shown
                    .rows
                    .iter()
                    .zip(&starts)
                    .filter(|(r, _)| r.status == Status::Refused)
                    .map(|(_, start)| *start)
                    .collect();
                // Past the last one (or with the rest already in view), back to the first.
                if let Some(next) = refused
                    .iter()
                    .map(|s| (*s).min(most))
                    .find(|s| *s > p.scroll)
                    .or(refused.first().map(|s| (*s).min(most)))
                {
                    p.scroll = next;
                }
            }
            Action::Cancel => {
                // Back to the form, keeping what was typed.
                dialog.preview = None;
            }
            Action::Quit => {
                self.overlay = Overlay::None;
                self.ask_to_quit();
            }
            Action::Submit => self.import_previewed(),
            _ => return false,
        }
        true
    }

    /// Enter on the preview: every record, planned again under the lock, or none.
    fn import_previewed(&mut self) {
        let keep = self.selected_ids();
        let Overlay::Import(dialog) = &mut self.overlay else {
            return;
        };
        let target = dialog.target;
        let Some(p) = dialog.preview.as_mut() else {
            return;
        };
        let refused = p.plan.refused();
        if refused > 0 {
            p.error = Some(format!(
                "{refused} {} refused, so nothing can be imported: correct the file (or the mappings: Esc goes back) and try again",
                if refused == 1 {
                    format!("{} is", p.plan.unit)
                } else {
                    format!("{}s are", p.plan.unit)
                }
            ));
            return;
        }
        if p.plan.records() == 0 {
            let message = format!(
                "nothing to import from {}: every row is already in the journal",
                p.table.file
            );
            self.overlay = Overlay::None;
            self.say(message, false);
            return;
        }
        match crate::import::apply(&mut self.journal, &p.table, &p.request) {
            Ok(applied) => {
                let file = p.table.file.clone();
                self.overlay = Overlay::None;
                self.recompute(keep);
                if let Some(first) = applied.seqs.first() {
                    self.select_record(record_kind(target), *first);
                }
                self.say(
                    format!(
                        "imported {} from {file}{}; each says it was imported",
                        applied.records(),
                        applied.skipped()
                    ),
                    false,
                );
            }
            Err(AppendError::Refused(refusal)) => {
                p.error = Some(format!(
                    "nothing was written: {}",
                    show_dates(&refusal.to_string(), &self.config.date_format)
                ));
            }
            Err(AppendError::Journal(e)) => p.error = Some(format!("nothing was written: {e}")),
        }
        for notice in self.journal.take_notices() {
            self.say(notice, true);
        }
    }
}

/// The keys while the import overlay is open: a text form's, then the preview's (scrolling,
/// Tab to the next refused row, Enter to import, Esc back to the form).
pub fn import_keys(dialog: &ImportDialog, event: KeyEvent) -> Option<Action> {
    if dialog.preview.is_none() {
        return crate::tui::input::editing_action(event);
    }
    Some(match event.code {
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown | KeyCode::Char(' ') => Action::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Action::Top,
        KeyCode::End | KeyCode::Char('G') => Action::Bottom,
        KeyCode::Tab => Action::NextField,
        KeyCode::Enter => Action::Submit,
        KeyCode::Esc => Action::Cancel,
        _ => return None,
    })
}
