//! The terminal UI in process: an App on a temporary journal at a fixed size and date, drawn
//! to a test backend, driven by key presses.

use caseload::config::{Config, preset};
use caseload::demo::generate;
use caseload::journal::{Access, Journal};
use caseload::tui::action::Action;
use caseload::tui::app::{App, Overlay};
use caseload::tui::form::Form;
use caseload::tui::forms::{HoursField, OpenForm};
use caseload::tui::input::action_for;
use caseload::tui::keymap::KeyMap;
use caseload::tui::theme::Theme;
use chrono::{DateTime, NaiveDate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use tempfile::TempDir;

pub const W: u16 = 100;
pub const H: u16 = 30;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

pub struct Fixture {
    pub dir: TempDir,
    pub app: App,
}

pub fn config() -> Config {
    Config::from_toml_text(Some(preset("cafcass-fca").unwrap()), None).unwrap()
}

/// The UI on the journal in `dir`, at 100x30, on 22 Nov 2026 at 18:00.
pub fn app_on(dir: &Path, config: Config) -> App {
    let journal = Journal::open(dir, Access::ReadWrite).unwrap();
    let keymap = KeyMap::with_overrides(&config.keys, "test").unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap();
    let mut app = App::new(
        journal,
        config,
        keymap,
        Theme::new(caseload::config::Theme::Dark, true),
        today(),
        now,
    );
    app.size = (W, H);
    app.update(Action::Resize);
    app
}

/// The demo's 18 months, generated for 22 Nov 2026 with seed 1.
pub fn demo() -> Fixture {
    let dir = super::private_tempdir();
    let now = DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap();
    Journal::create_sample(dir.path(), &generate(today(), now, 540, 1)).unwrap();
    let app = app_on(dir.path(), config());
    Fixture { dir, app }
}

pub fn empty() -> Fixture {
    let dir = super::private_tempdir();
    let app = app_on(dir.path(), config());
    Fixture { dir, app }
}

pub fn draw(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().to_string()
}

pub fn key(app: &mut App, code: KeyCode) {
    let event = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = action_for(app, event) {
        app.update(action);
    }
}

pub fn chars(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

pub fn journal_len(f: &Fixture) -> u64 {
    std::fs::metadata(f.dir.path().join("journal.jsonl")).map_or(0, |m| m.len())
}

/// The hours form that is open (a test fails naming what is open instead).
pub fn hours_form(app: &App) -> &Form<HoursField> {
    match &app.overlay {
        Overlay::Form(OpenForm::Hours(_, form)) => form,
        other => panic!("not the hours form: {other:?}"),
    }
}

/// Tab `n` times: on to the field `n` below in the open form.
pub fn tabs(app: &mut App, n: usize) {
    for _ in 0..n {
        key(app, ratatui::crossterm::event::KeyCode::Tab);
    }
}
