//! Questions answered with one key: undoing the last record this window saved, reopening a
//! closed case, replacing an existing report, and quitting a demo that wrote reports into
//! the folder it deletes.

use super::{App, Overlay};
use crate::domain::commands as check;
use crate::domain::describe::describe;
use crate::domain::replay::Case;
use crate::tui::action::Action;
use crate::tui::report_screen::ReportField;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub question: String,
    pub then: Pending,
}

/// What a yes to a [`Confirm`] does.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// Write the report over the existing file.
    ReplaceReport,
    /// Withdraw this record, the last one this window saved.
    Undo(u64),
    /// Withdraw the closing record of a case, so that it is open again.
    Reopen { reference: String, closing: u64 },
    /// Quit the demo and delete its folder (`k` keeps the folder).
    QuitDemo,
    /// Throw the running timer away.
    CancelTimer,
}

/// The reason written on a record withdrawn by `u`.
pub const UNDO_REASON: &str = "undone in the terminal UI";
pub const REOPEN_REASON: &str = "case reopened";

impl App {
    pub(crate) fn ask(&mut self, question: String, then: Pending) {
        let question = crate::output::visible(&question).into_owned();
        self.overlay = Overlay::Confirm(Confirm { question, then });
    }

    pub(crate) fn ask_replace(&mut self, path: &Path) {
        self.ask(
            format!("{} already exists. Replace it?", path.display()),
            Pending::ReplaceReport,
        );
    }

    /// `u`: the last record this window saved that is still in force, named, with a yes.
    pub(crate) fn ask_undo(&mut self) {
        if !self.writable() {
            return;
        }
        let state = self.journal.state();
        while let Some(&seq) = self.saved.last() {
            if state.voided.contains(&seq) {
                // Withdrawn meanwhile (by another window or the command line).
                self.saved.pop();
                continue;
            }
            let records = self.journal.records();
            let Some(record) = records.get((seq - 1) as usize) else {
                self.saved.pop();
                continue;
            };
            if let crate::domain::Event::Voided { target, .. } = record.event {
                self.say(
                    format!(
                        "the last record saved here withdrew record {target}; a withdrawal cannot itself be withdrawn"
                    ),
                    true,
                );
                return;
            }
            let what = describe(&record.event, records, state, &self.config.date_format);
            self.ask(
                format!(
                    "Undo record {seq}, {what}? It is withdrawn: it stays in the journal, marked withdrawn, and no longer counts."
                ),
                Pending::Undo(seq),
            );
            return;
        }
        self.say(
            "nothing to undo: this window has not saved anything (`caseload undo` withdraws the journal's last record)",
            false,
        );
    }

    /// `c` on a closed case: reopen it by withdrawing its closing record.
    pub(crate) fn ask_reopen(&mut self, case: &Case) {
        let (Some(closed), Some(closing)) = (case.closed_on, case.closed_by_seq) else {
            return;
        };
        let on = crate::domain::dates::format_date(closed, &self.config.date_format);
        self.ask(
            format!(
                "Case {} was closed on {on}. Reopen it? The closing record ({closing}) is withdrawn and stays in the journal.",
                case.reference
            ),
            Pending::Reopen {
                reference: case.reference.clone(),
                closing,
            },
        );
    }

    /// `q` (or Ctrl-C): quits, except that a demo that wrote reports into its folder, which
    /// is deleted on quitting, asks first and says where they are.
    pub(crate) fn ask_to_quit(&mut self) {
        let written = self
            .demo_folder
            .as_ref()
            .map_or(0, |dir| count_files(&dir.join("reports")));
        if written == 0 {
            self.quit = true;
            return;
        }
        let dir = self.demo_folder.clone().unwrap_or_default();
        self.ask(
            format!(
                "The demo's folder {} is deleted when you quit, with the {written} report{} you wrote in {}.",
                dir.display(),
                if written == 1 { "" } else { "s" },
                dir.join("reports").display(),
            ),
            Pending::QuitDemo,
        );
    }

    /// A key pressed while a question is asked: y does it; n or Esc goes back.
    pub(crate) fn answer(&mut self, then: Pending, action: Action) -> bool {
        let answer = match action {
            Action::Type('y' | 'Y') => 'y',
            Action::Type('k' | 'K') if then == Pending::QuitDemo => 'k',
            Action::Type('n' | 'N') | Action::Cancel | Action::Quit => 'n',
            _ => return false,
        };
        self.overlay = Overlay::None;
        match (then, answer) {
            (Pending::ReplaceReport, 'y') => self.write_report(true),
            (Pending::ReplaceReport, _) => {
                let mut form = self.report.form.clone();
                form.focus_on(ReportField::SaveAs);
                form.set_theme(&self.theme);
                self.overlay = Overlay::ReportForm(form);
                self.say("not replaced; give another name", false);
            }
            (Pending::Undo(seq), 'y') => {
                let withdrawn = self
                    .save_direct(|state, records| check::void(state, records, seq, UNDO_REASON));
                if let Some(by) = withdrawn {
                    self.saved.pop();
                    self.say(format!("record {seq} withdrawn (record {by})"), false);
                }
            }
            (Pending::Reopen { reference, closing }, 'y') => {
                let withdrawn = self.save_direct(|state, records| {
                    check::void(state, records, closing, REOPEN_REASON)
                });
                if let Some(by) = withdrawn {
                    self.saved.push(by);
                    let case = self
                        .journal
                        .state()
                        .cases
                        .iter()
                        .find(|c| c.reference == reference);
                    if let Some(id) = case.map(|c| c.id) {
                        self.select_record(crate::tui::records::RecordKind::Cases, id);
                    }
                    self.say(
                        format!("case {reference} is open again (record {by})"),
                        false,
                    );
                }
            }
            (Pending::QuitDemo, 'y') => self.quit = true,
            (Pending::CancelTimer, 'y') => self.cancel_timer(),
            (Pending::QuitDemo, 'k') => {
                self.keep_demo_folder = true;
                self.quit = true;
            }
            (_, _) => self.say("nothing was changed", false),
        }
        true
    }
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_file())
            .count()
    })
}
