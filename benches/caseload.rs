//! Benchmarks at 1, 10 and 100 years of a heavy user's records (about 2,500 a year), with
//! divan. Run with `cargo bench --bench caseload`; see docs/PERFORMANCE.md for the figures.
// A test may unwrap (it stops at the failing line), compare figures exactly, name the files
// it made itself by their extension, and run long as a table of cases.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::unused_self
)]

use caseload::config::{Config, preset};
use caseload::demo::{Intensity, generate_with};
use caseload::domain::commands::add_note;
use caseload::domain::{NoteAdded, Standard};
use caseload::journal::{Access, Journal};
use caseload::report::{self, Format, Inputs, Period, Purpose, Request};
use caseload::tui::action::{Action, ScreenId};
use caseload::tui::app::App;
use caseload::tui::keymap::KeyMap;
use caseload::tui::theme::Theme;
use chrono::{DateTime, NaiveDate};
use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

fn main() {
    divan::main();
}

const YEARS: [u64; 3] = [1, 10, 100];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn config() -> Config {
    Config::from_toml_text(Some(preset("cafcass-fca").unwrap()), None).unwrap()
}

/// A generated journal of `years` years in a temporary folder, made once per run.
fn fixture(years: u64) -> PathBuf {
    static DIRS: OnceLock<Mutex<HashMap<u64, tempfile::TempDir>>> = OnceLock::new();
    let mut dirs = DIRS.get_or_init(Default::default).lock().unwrap();
    dirs.entry(years)
        .or_insert_with(|| {
            let dir = tempfile::tempdir().unwrap();
            let now = DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap();
            let records = generate_with(today(), now, years * 365, 1, Intensity::Full);
            Journal::create_sample(dir.path(), &records).unwrap();
            dir
        })
        .path()
        .to_path_buf()
}

fn open(years: u64) -> Journal {
    Journal::open(&fixture(years), Access::ReadOnly).unwrap()
}

fn model(journal: &Journal, config: &Config, purpose: Purpose) -> report::Report {
    report::analyse(&Inputs::for_journal(
        journal,
        config,
        Request {
            period: Period::for_purpose(purpose, None, None, today()).unwrap(),
            purpose,
            reveal_refs: false,
            today: today(),
            generated_at: DateTime::parse_from_rfc3339("2026-11-22T18:30:00+00:00").unwrap(),
        },
    ))
}

/// Reading every line, checking the hash chain and replaying into the current records.
#[divan::bench(args = YEARS, sample_count = 10)]
fn load_verify_replay(bencher: Bencher, years: u64) {
    let dir = fixture(years);
    bencher.bench(|| Journal::open(&dir, Access::ReadOnly).unwrap());
}

/// Load plus the dashboard's analysis (the 12-month report model), as at start-up. Both are
/// returned, so that (as at start-up) dropping them is not timed.
#[divan::bench(args = YEARS, sample_count = 10)]
fn load_and_dashboard_analysis(bencher: Bencher, years: u64) {
    let dir = fixture(years);
    let config = config();
    bencher.bench(|| {
        let journal = Journal::open(&dir, Access::ReadOnly).unwrap();
        let model = model(&journal, &config, Purpose::Grievance);
        (journal, model)
    });
}

/// The full report model for the default 12 months, from a loaded journal.
#[divan::bench(args = YEARS, sample_count = 10)]
fn report_model(bencher: Bencher, years: u64) {
    let journal = open(years);
    let config = config();
    bencher.bench(|| model(&journal, &config, Purpose::Grievance));
}

/// Each writer, on the 10-year journal's 12-month model.
#[divan::bench(args = ["md", "html", "pdf", "csv", "json", "ics"], sample_count = 10)]
fn writer(bencher: Bencher, format: &str) {
    let journal = open(10);
    let config = config();
    let model = model(&journal, &config, Purpose::Grievance);
    let format: Format = format.parse().unwrap();
    bencher.bench(|| report::render(&model, format, "%d %b %Y"));
}

fn app(years: u64) -> App {
    let journal = Journal::open(&fixture(years), Access::ReadOnly).unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap();
    let mut app = App::new(
        journal,
        config(),
        KeyMap::default(),
        Theme::new(caseload::config::Theme::Dark, false),
        today(),
        now,
    );
    app.size = (100, 30);
    app.update(Action::Resize);
    app
}

/// One frame (render and diff) of each screen at 100x30.
#[divan::bench(args = YEARS, sample_count = 10)]
fn tui_frame_every_screen(bencher: Bencher, years: u64) {
    let mut app = app(years);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    bencher.bench_local(|| {
        for screen in ScreenId::ALL {
            app.update(Action::Show(screen));
            terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        }
    });
}

/// Moving down one row of the 100-year hours table (every record) and drawing the frame.
#[divan::bench(args = YEARS, sample_count = 10)]
fn tui_scroll_one_row(bencher: Bencher, years: u64) {
    let mut app = app(years);
    app.update(Action::Show(ScreenId::Hours));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    bencher.bench_local(|| {
        app.update(Action::Down);
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    });
}

/// From nothing to the first frame: open the journal, build the App (dashboard analysis,
/// tables), draw.
#[divan::bench(args = YEARS, sample_count = 5)]
fn startup_to_first_frame(bencher: Bencher, years: u64) {
    fixture(years);
    bencher.bench(|| {
        let app = app(years);
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    });
}

/// Appending one record (lock, catch-up check, one write, one fsync) to a journal of N years.
#[divan::bench(args = YEARS, sample_count = 20)]
fn append_one_record(bencher: Bencher, years: u64) {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(fixture(years)).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
        }
    }
    let mut journal = Journal::open(dir.path(), Access::ReadWrite).unwrap();
    bencher.bench_local(|| {
        journal
            .append(|_, _| {
                add_note(NoteAdded {
                    date: today(),
                    text: "benchmark".into(),
                    standards: vec![Standard::Demands],
                    stress: None,
                    told: None,
                })
            })
            .unwrap()
    });
}
