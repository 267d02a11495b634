//! The terminal UI. Key presses become Actions, `App::update` changes state, and drawing
//! (`impl Widget for &App`) reads it. The journal is watched by its length only, so other
//! windows' records appear without re-reading the whole file.

pub mod action;
pub mod app;
mod dashboard_model;
pub mod editor;
pub mod form;
pub mod forms;
pub mod input;
pub mod keymap;
pub mod records;
pub mod report_screen;
pub mod screens;
pub mod setup;
pub mod terminal;
pub mod theme;
pub mod wrap;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::journal::{Access, Journal};
use action::Action;
use app::App;
use chrono::{Local, NaiveDate, Timelike};
use keymap::KeyMap;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use setup::{Setup, SetupOutcome};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use theme::Theme;

/// How often the journal's length is checked for other windows' writes.
const WATCH_EVERY: Duration = Duration::from_millis(500);

/// A path as shown to the user: under the home folder as `~/...`.
pub fn shown_path(path: &Path) -> String {
    match crate::output::home_dir()
        .and_then(|home| path.strip_prefix(home).ok().map(Path::to_path_buf))
    {
        Some(rest) if !rest.as_os_str().is_empty() => format!("~/{}", rest.display()),
        _ => path.display().to_string(),
    }
}

fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Builds the App for a journal folder and a config: the key map and theme from the config.
/// Reports go to `reports_dir` unless the user names a file.
pub fn build_app(
    journal: Journal,
    config: Config,
    today: NaiveDate,
    reports_dir: PathBuf,
) -> Result<App> {
    let file = config.source.as_ref().map_or_else(
        || "(built-in defaults)".to_string(),
        |p| p.display().to_string(),
    );
    let keymap = KeyMap::with_overrides(&config.keys, &file)?;
    let theme = Theme::new(config.theme, no_color());
    let now = Local::now().fixed_offset();
    let mut app = App::new(
        journal,
        config,
        keymap,
        theme,
        today,
        now.with_nanosecond(0).unwrap_or(now),
    );
    app.report.reports_dir = reports_dir;
    // A today given with --today (another day) stays put; the clock's today moves with it.
    // (A --today that names the real date cannot be told from none, and follows too.)
    app.follows_clock = today == now.date_naive();
    Ok(app)
}

/// Opens the UI on the journal in `data_dir`. Without a config file at `config_path`, the
/// default one or one named with `--config`, the first-run setup writes it first.
pub fn run(
    data_dir: &Path,
    config_path: &Path,
    config_named: bool,
    today: NaiveDate,
) -> Result<()> {
    let first_run = setup::needs_setup(config_path, config_named)?;
    let mut terminal = start_terminal()?;
    let result = (|| {
        if first_run {
            let theme = Theme::new(crate::config::Theme::Dark, no_color());
            let Some(text) = run_setup(&mut terminal, Setup::new(theme).saving_to(config_path))?
            else {
                return Ok(());
            };
            setup::save(config_path, &text)?;
        }
        let config = Config::load(config_path, config_named)?;
        let journal = Journal::open(data_dir, Access::ReadWrite)?;
        let reports = crate::output::user_reports_folder(data_dir);
        let mut app = build_app(journal, config, today, reports)?;
        event_loop(&mut terminal, &mut app)
    })();
    terminal::restore();
    result
}

/// Opens the UI on an already-open journal (the demo: its reports stay in its folder).
pub fn run_on(journal: Journal, config: Config, today: NaiveDate) -> Result<()> {
    let reports = journal.dir().join("reports");
    run_app(&mut build_app(journal, config, today, reports)?)
}

/// Opens the UI on the demo's journal. Its folder is deleted afterwards, so quitting with
/// reports written there asks first; returns whether the user chose to keep the folder.
pub fn run_demo(journal: Journal, config: Config, today: NaiveDate) -> Result<bool> {
    let folder = journal.dir().to_path_buf();
    let mut app = build_app(journal, config, today, folder.join("reports"))?;
    app.demo_folder = Some(folder);
    run_app(&mut app)?;
    Ok(app.keep_demo_folder)
}

/// Runs the event loop on a built App until it quits.
pub fn run_app(app: &mut App) -> Result<()> {
    let mut terminal = start_terminal()?;
    let result = event_loop(&mut terminal, app);
    terminal::restore();
    result
}

fn start_terminal() -> Result<DefaultTerminal> {
    terminal::init().map_err(|e| {
        terminal::restore();
        Error::Failed(format!("cannot start the terminal UI: {e}"))
    })
}

fn io(e: std::io::Error) -> Error {
    Error::Failed(format!("terminal error: {e}"))
}

fn run_setup(terminal: &mut DefaultTerminal, mut setup: Setup) -> Result<Option<String>> {
    loop {
        terminal
            .draw(|f| f.render_widget(&setup, f.area()))
            .map_err(io)?;
        let action = match event::read().map_err(io)? {
            Event::Key(key) if key.kind == KeyEventKind::Press => setup::setup_action(key),
            Event::Paste(text) => Some(Action::Paste(text)),
            _ => None,
        };
        let Some(action) = action else {
            continue;
        };
        match setup.update(action) {
            SetupOutcome::Continue => {}
            SetupOutcome::Done(text) => return Ok(Some(text)),
            SetupOutcome::Quit => return Ok(None),
        }
    }
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> Result<()> {
    let size = terminal.size().map_err(io)?;
    app.size = (size.width, size.height);
    app.update(Action::Resize);
    let mut dirty = true;
    let mut last_watch = Instant::now();
    while !app.quit {
        // What the UI calls now moves with the clock: a report written from it is prepared
        // now, not when the window opened (its integrity statement compares the records'
        // times with that moment).
        let now = Local::now().fixed_offset();
        app.now = now.with_nanosecond(0).unwrap_or(now);
        if app.follows_clock {
            dirty |= app.update(Action::Tick(now.date_naive()));
        }
        if dirty {
            terminal
                .draw(|f| f.render_widget(&*app, f.area()))
                .map_err(io)?;
            dirty = false;
        }
        if event::poll(Duration::from_millis(200)).map_err(io)? {
            match event::read().map_err(io)? {
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    if let Some(action) = input::action_for(app, key) {
                        dirty |= app.update(action);
                    }
                }
                Event::Paste(text) => dirty |= app.update(Action::Paste(text)),
                Event::Resize(w, h) => {
                    app.size = (w, h);
                    dirty |= app.update(Action::Resize);
                }
                _ => {}
            }
        }
        if let Some(text) = app.editor_request.take() {
            let folder = app.journal.dir().to_path_buf();
            let edited =
                terminal::suspended(terminal, || crate::external_editor::edit(&text, &folder))
                    .map_err(io)?;
            dirty |= app.update(Action::EditorFinished(edited));
        }
        if last_watch.elapsed() >= WATCH_EVERY {
            last_watch = Instant::now();
            dirty |= app.poll_journal();
        }
        if let Some(result) = app.report.poll() {
            dirty |= app.update(Action::ReportFinished(result));
        }
    }
    if let Some(result) = app.report.wait() {
        app.update(Action::ReportFinished(result));
    }
    Ok(())
}
