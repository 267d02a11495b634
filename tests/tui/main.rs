//! The terminal UI at 100×30 on a fixed date and fixed data: a snapshot of every screen, and
//! the key flows driven by key events and actions, asserting on state, journal and buffer.
// A test may unwrap (it stops at the failing line), compare figures exactly, name the files
// it made itself by their extension, and run long as a table of cases.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::unused_self
)]

use crate::common;
use caseload::config::Config;
use caseload::journal::{Access, Journal};
use caseload::tui::action::{Action, ScreenId};
use caseload::tui::app::{App, Overlay};
use caseload::tui::forms::{CaseField, NoteField, OpenForm, WithdrawField};
use caseload::tui::input::action_for;
use caseload::tui::theme::Theme;
use chrono::NaiveDate;
use common::tui::{H, W, app_on, chars, config, demo, draw, empty, journal_len, key, today};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

macro_rules! snapshot {
    ($name:expr, $app:expr) => {
        insta::with_settings!({filters => vec![
            (r"/[^ ]*/journal\.jsonl", "[JOURNAL]"),
            (r"/tmp/\.tmp\w{6}", "[TMP]"),
        ]}, {
            insta::assert_snapshot!($name, draw($app));
        })
    };
}

mod fit;
mod form_edits;
mod forms;
mod import;
mod keycounts;
mod layout;
mod report;
mod share;

#[test]
fn every_screen_snapshot() {
    let mut f = demo();
    for screen in ScreenId::ALL {
        f.app.update(Action::Show(screen));
        snapshot!(format!("screen_{}", screen.title().to_lowercase()), &f.app);
    }
    f.app.update(Action::Help);
    snapshot!("help_overlay", &f.app);
}

#[test]
fn an_empty_journal_says_how_to_start() {
    let mut f = empty();
    snapshot!("empty_dashboard", &f.app);
    f.app.update(Action::Show(ScreenId::Cases));
    let screen = draw(&f.app);
    assert!(
        screen.contains("Nothing recorded yet.") && screen.contains("a to add."),
        "{screen}"
    );
}

#[test]
fn a_case_added_by_keys_lands_in_the_journal_and_on_screen() {
    let mut f = demo();
    let before = f.app.journal.records().len();
    key(&mut f.app, KeyCode::Char('2'));
    key(&mut f.app, KeyCode::Char('a'));
    assert!(matches!(f.app.overlay, Overlay::Form(..)));
    chars(&mut f.app, "FD26P77777");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "pub"); // type-ahead: public-law
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Tab); // keep today's date
    chars(&mut f.app, "team manager");
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Char('n'));
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.overlay, Overlay::None);
    assert_eq!(f.app.journal.records().len(), before + 1);
    let case = f.app.journal.state().case("FD26P77777").unwrap();
    assert_eq!(
        (case.kind.as_str(), case.discussed, case.allocated_on),
        ("public-law", false, today())
    );
    let screen = draw(&f.app);
    assert!(
        screen.contains("FD26P77777") && screen.contains("saved (record"),
        "{screen}"
    );
    // The new case is the selected row.
    let t = f.app.table().unwrap();
    assert_eq!(
        f.app.journal.state().cases[t.selected_row().unwrap()].reference,
        "FD26P77777"
    );
    // And it is really on disk, chained.
    let reopened = Journal::open(f.dir.path(), Access::ReadOnly).unwrap();
    assert!(reopened.damage().is_none());
    assert!(reopened.state().case("FD26P77777").is_some());
}

#[test]
fn an_impossible_date_is_refused_beside_the_field_and_nothing_is_written() {
    let mut f = demo();
    let size = journal_len(&f);
    f.app.update(Action::Show(ScreenId::Cases));
    f.app.update(Action::Add);
    chars(&mut f.app, "FD-X");
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Tab);
    for _ in 0..10 {
        key(&mut f.app, KeyCode::Backspace);
    }
    chars(&mut f.app, "30/02/2026");
    key(&mut f.app, KeyCode::Enter);
    let Overlay::Form(OpenForm::Case(_, form)) = &f.app.overlay else {
        panic!("the form closed")
    };
    assert_eq!(
        form.value(CaseField::Reference),
        "FD-X",
        "the form keeps what was typed"
    );
    assert_eq!(
        form.field(CaseField::AllocatedOn).error.as_deref(),
        Some("`30/02/2026` is not a real calendar date")
    );
    assert_eq!(journal_len(&f), size);
    snapshot!("form_with_refused_date", &f.app);
    // Esc on a form with something typed asks first.
    key(&mut f.app, KeyCode::Esc);
    assert!(matches!(f.app.overlay, Overlay::Form(_)));
    key(&mut f.app, KeyCode::Char('y'));
    assert_eq!(f.app.overlay, Overlay::None);
    assert_eq!(journal_len(&f), size);
}

#[test]
fn a_duplicate_reference_is_refused_and_the_form_stays_open() {
    let mut f = demo();
    let existing = f.app.journal.state().cases[0].reference.clone();
    let size = journal_len(&f);
    f.app.update(Action::Show(ScreenId::Cases));
    f.app.update(Action::Add);
    chars(&mut f.app, &existing.to_lowercase());
    key(&mut f.app, KeyCode::Enter);
    let Overlay::Form(OpenForm::Case(_, form)) = &f.app.overlay else {
        panic!("the form closed")
    };
    assert!(
        form.error.as_deref().unwrap().contains("already exists"),
        "{:?}",
        form.error
    );
    assert_eq!(journal_len(&f), size);
}

#[test]
fn close_a_case_mark_met_extend_and_withdraw() {
    let mut f = empty();
    for (screen, fill) in [(ScreenId::Cases, "C1"), (ScreenId::Deadlines, "Filing")] {
        f.app.update(Action::Show(screen));
        f.app.update(Action::Add);
        chars(&mut f.app, fill);
        if screen == ScreenId::Deadlines {
            key(&mut f.app, KeyCode::Tab);
            chars(&mut f.app, "2026-12-01");
        }
        key(&mut f.app, KeyCode::Enter);
        assert_eq!(f.app.overlay, Overlay::None, "{}", draw(&f.app));
    }
    // Extend the deadline, then mark it met.
    f.app.update(Action::Extend);
    chars(&mut f.app, "2026-12-15");
    key(&mut f.app, KeyCode::Enter);
    f.app.update(Action::MarkMet);
    key(&mut f.app, KeyCode::Enter);
    let d = &f.app.journal.state().deadlines[0];
    assert_eq!(
        (d.due, d.met_on),
        (
            NaiveDate::from_ymd_opt(2026, 12, 15).unwrap(),
            Some(today())
        )
    );
    // Close the case.
    f.app.update(Action::Show(ScreenId::Cases));
    f.app.update(Action::CloseCase);
    chars(&mut f.app, "");
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.journal.state().cases[0].closed_on, Some(today()));
    // Withdraw it: the reason and an explicit confirmation are required.
    f.app.update(Action::Withdraw);
    chars(&mut f.app, "entered by mistake");
    key(&mut f.app, KeyCode::Enter);
    let Overlay::Form(OpenForm::Withdraw(_, form)) = &f.app.overlay else {
        panic!("withdrew without confirmation")
    };
    assert!(form.field(WithdrawField::Confirmed).error.is_some());
    assert_eq!(
        form.focused(),
        WithdrawField::Confirmed,
        "the focus moves to the confirmation"
    );
    key(&mut f.app, KeyCode::Char('y'));
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.overlay, Overlay::None);
    assert!(f.app.journal.state().cases.is_empty());
    assert_eq!(f.app.journal.records().len(), 6);
}

#[test]
fn editing_writes_an_amendment_and_keeps_the_original() {
    let mut f = empty();
    f.app.update(Action::Show(ScreenId::Diary));
    f.app.update(Action::Add);
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "Three new cases today");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "demands");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "11");
    key(&mut f.app, KeyCode::Enter);
    let Overlay::Form(OpenForm::Note(_, form)) = &f.app.overlay else {
        panic!("stress 11 accepted")
    };
    assert!(
        form.field(NoteField::Stress)
            .error
            .as_deref()
            .unwrap()
            .contains("0 (none) to 10")
    );
    key(&mut f.app, KeyCode::Backspace);
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.journal.state().notes[0].note.stress, Some(1));
    f.app.update(Action::Edit);
    key(&mut f.app, KeyCode::Tab);
    // A note's text is never selected on entry (typing would replace it all): the cursor
    // is at its end.
    chars(&mut f.app, " before leave");
    key(&mut f.app, KeyCode::Enter);
    let state = f.app.journal.state();
    assert_eq!(
        state.notes[0].note.text,
        "Three new cases today before leave"
    );
    assert!(state.notes[0].amended);
    assert_eq!(f.app.journal.records()[1].event.type_name(), "amended");
}

#[test]
fn filtering_and_sorting() {
    let mut f = demo();
    f.app.update(Action::Show(ScreenId::Diary));
    let all = f.app.table().unwrap().order.len();
    key(&mut f.app, KeyCode::Char('/'));
    chars(&mut f.app, "restructure");
    let shown = f.app.table().unwrap().order.len();
    assert!(shown > 0 && shown < all);
    assert!(draw(&f.app).contains(&format!("{shown} of {all} shown")));
    key(&mut f.app, KeyCode::Enter);
    assert!(!f.app.table().unwrap().filtering);
    key(&mut f.app, KeyCode::Char('/'));
    key(&mut f.app, KeyCode::Esc);
    assert_eq!(f.app.table().unwrap().order.len(), all);
    // Newest first; then the next column ascending, then descending.
    assert_eq!(
        (
            f.app.table().unwrap().sort_column,
            f.app.table().unwrap().ascending
        ),
        (0, false)
    );
    key(&mut f.app, KeyCode::Char('s'));
    let t = f.app.table().unwrap();
    assert_eq!((t.sort_column, t.ascending), (1, true));
    let stresses: Vec<_> = t
        .order
        .iter()
        .map(|i| f.app.journal.state().notes[*i].note.stress)
        .collect();
    assert!(
        stresses.windows(2).all(|w| w[0] <= w[1]),
        "sorted by stress"
    );
    key(&mut f.app, KeyCode::Char('s'));
    let t = f.app.table().unwrap();
    assert_eq!((t.sort_column, t.ascending), (1, false));
}

#[test]
fn moving_and_paging_keep_the_selection_visible() {
    let mut f = demo();
    f.app.update(Action::Show(ScreenId::Hours));
    key(&mut f.app, KeyCode::PageDown);
    key(&mut f.app, KeyCode::Char('j'));
    let t = f.app.table().unwrap();
    let page = caseload::tui::screens::table_rows(f.app.size);
    assert_eq!(t.selected, page + 1);
    assert!(t.selected >= t.offset && t.selected < t.offset + page);
    key(&mut f.app, KeyCode::Char('G'));
    let t = f.app.table().unwrap();
    assert_eq!(t.selected, t.order.len() - 1);
    key(&mut f.app, KeyCode::Home);
    assert_eq!(f.app.table().unwrap().offset, 0);
}

#[test]
fn records_written_by_another_window_appear_without_losing_the_place() {
    let mut f = demo();
    f.app.update(Action::Show(ScreenId::Cases));
    f.app.update(Action::Down);
    f.app.update(Action::Down);
    let selected = f
        .app
        .table()
        .unwrap()
        .selected_row()
        .map(|i| f.app.journal.state().cases[i].id);
    assert!(!f.app.poll_journal(), "nothing new yet");

    let mut other = Journal::open(f.dir.path(), Access::ReadWrite).unwrap();
    other
        .append(|state, _| {
            caseload::domain::commands::allocate_case(
                state,
                &["s7"],
                caseload::domain::CaseAllocated {
                    reference: "OTHER-WINDOW".into(),
                    kind: "s7".into(),
                    allocated_on: today(),
                    allocated_by: None,
                    discussed: true,
                    weight: None,
                    note: None,
                    imported: None,
                },
                None,
            )
        })
        .unwrap();

    assert!(f.app.poll_journal());
    assert!(f.app.journal.state().case("OTHER-WINDOW").is_some());
    let now_selected = f
        .app
        .table()
        .unwrap()
        .selected_row()
        .map(|i| f.app.journal.state().cases[i].id);
    assert_eq!(
        now_selected, selected,
        "the selection follows the same record"
    );
    let screen = draw(&f.app);
    assert!(
        screen.contains("OTHER-WINDOW") && screen.contains("1 new record from another window"),
        "{screen}"
    );
    // And this window can still write, chained after the other's line.
    f.app.update(Action::Show(ScreenId::Diary));
    f.app.update(Action::Add);
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "after the other window");
    key(&mut f.app, KeyCode::Enter);
    assert!(
        Journal::open(f.dir.path(), Access::ReadOnly)
            .unwrap()
            .damage()
            .is_none()
    );
}

#[test]
fn a_damaged_journal_opens_read_only_and_refuses_writes() {
    let f = demo();
    let path = f.dir.path().join("journal.jsonl");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("Report filing", "Report filed", 1);
    std::fs::write(&path, &text).unwrap();
    let mut app = app_on(f.dir.path(), config());
    assert!(app.journal.is_read_only());
    app.update(Action::Show(ScreenId::Cases));
    app.update(Action::Add);
    assert_eq!(app.overlay, Overlay::None);
    let screen = draw(&app);
    assert!(
        screen.contains("READ-ONLY: damaged at line 3. Nothing will be written."),
        "{screen}"
    );
    assert!(
        screen.contains("unavailable: the journal is read-only"),
        "{screen}"
    );
    snapshot!("read_only_banner", &app);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "nothing was rewritten"
    );
}

/// An edit made while the window is open, of a line far above the end and keeping the file's
/// size: the window's next write reads the known lines again, refuses, and the screens are
/// rebuilt from the records still trusted (they pointed past the end of them, and the next
/// look at the file panicked).
#[test]
fn an_edit_made_while_the_window_is_open_stops_its_next_write() {
    let mut f = demo();
    f.app.update(Action::Show(ScreenId::Diary));
    for _ in 0..40 {
        f.app.update(Action::Down);
    }
    let path = f.dir.path().join("journal.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen("Report filing", "Report filed!", 1);
    assert_eq!(edited.len(), text.len());
    let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    std::io::Write::write_all(&mut file, edited.as_bytes()).unwrap();
    drop(file);

    f.app.update(Action::Add);
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "typed after the edit");
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.journal.is_read_only());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        edited,
        "nothing written"
    );
    f.app.poll_journal();
    let screen = draw(&f.app);
    assert!(screen.contains("READ-ONLY: damaged at line 3"), "{screen}");
    assert!(screen.contains("not saved"), "{screen}");
    let rows = f.app.table().unwrap().order.len();
    assert!(rows < 2, "the diary shows only trusted records: {rows}");
}

#[test]
fn keys_come_from_the_config_and_the_help_shows_them() {
    let dir = common::private_tempdir();
    let mut config = config();
    config.keys.insert("add".into(), "n".into());
    config.keys.insert("quit".into(), "ctrl-q".into());
    let mut app = app_on(dir.path(), config);
    app.update(Action::Show(ScreenId::Cases));
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(app.overlay, Overlay::None);
    key(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.overlay, Overlay::Form(..)));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('q'));
    assert!(!app.quit);
    key(&mut app, KeyCode::Esc);
    let screen = draw(&app);
    assert!(
        screen.contains("n add") && screen.contains("Ctrl-q quit"),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('?'));
    let help = draw(&app);
    assert!(
        help.contains("n  add a record here") && help.contains("Ctrl-q  quit"),
        "{help}"
    );
    app.update(Action::Help);
    let event = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    let action = action_for(&app, event).unwrap();
    app.update(action);
    assert!(app.quit);
}

#[test]
fn the_report_screen_writes_off_the_ui_thread() {
    let mut f = demo();
    f.app.update(Action::Show(ScreenId::Report));
    key(&mut f.app, KeyCode::Enter);
    assert!(matches!(f.app.overlay, Overlay::ReportForm(_)));
    for _ in 0..3 {
        key(&mut f.app, KeyCode::Tab);
    }
    key(&mut f.app, KeyCode::Char('j')); // type-ahead: json
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.overlay, Overlay::None);
    assert!(f.app.report.is_writing());
    let result = f.app.report.wait().unwrap();
    f.app.update(Action::ReportFinished(result.clone()));
    let path = result.unwrap();
    assert!(
        path.ends_with("reports/caseload-grievance-2026-11-22.json"),
        "{path}"
    );
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(report["schema"], "caseload.report/1");
    assert!(
        !report.to_string().contains("FD2"),
        "references are pseudonymised by default"
    );
    // The dashboard and the report agree, because they read the same model.
    assert_eq!(
        report["caseload"]["undiscussed"],
        f.app.dashboard.year.caseload.undiscussed
    );
    assert!(draw(&f.app).contains("report written to"));

    // A PDF, chosen by type-ahead, is written the same way. The form remembers the last
    // choices, including which field had the focus.
    key(&mut f.app, KeyCode::Enter);
    let focused = |app: &App| match &app.overlay {
        Overlay::ReportForm(form) => form.focused(),
        _ => panic!("the report form is not open"),
    };
    assert_eq!(
        focused(&f.app),
        caseload::tui::report_screen::ReportField::Format
    );
    key(&mut f.app, KeyCode::Char('p'));
    key(&mut f.app, KeyCode::Enter);
    let path = f.app.report.wait().unwrap().unwrap();
    assert!(path.ends_with(".pdf"), "{path}");
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn small_terminals_are_told_the_minimum_size() {
    let mut f = demo();
    f.app.size = (70, 20);
    f.app.update(Action::Resize);
    let screen = draw(&f.app);
    assert!(
        screen.contains("at least 80×24; this one is 70×20"),
        "{screen}"
    );
}

/// Below the minimum size only the size message shows: keys wait (a `q` pressed "to quit"
/// typed itself into the half-written note behind it), and what was typed is kept.
#[test]
fn a_too_small_window_keeps_keys_out_of_the_form_it_hides() {
    let mut f = demo();
    f.app.update(Action::Show(ScreenId::Diary));
    f.app.update(Action::Add);
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "half typed");
    let before = draw(&f.app);
    f.app.size = (70, 20);
    f.app.update(Action::Resize);
    chars(&mut f.app, "q more");
    key(&mut f.app, KeyCode::Enter);
    assert!(!f.app.quit);
    f.app.size = (W, H);
    f.app.update(Action::Resize);
    assert_eq!(draw(&f.app), before, "the form is as it was left");

    let mut f = demo();
    f.app.size = (70, 20);
    f.app.update(Action::Resize);
    key(&mut f.app, KeyCode::Char('q'));
    assert!(f.app.quit, "with nothing open, q quits as the message says");
}

#[test]
fn first_run_setup_writes_a_valid_config() {
    use caseload::tui::setup::{Setup, SetupOutcome};
    let mut setup = Setup::new(Theme::new(caseload::config::Theme::Dark, true));
    let mut terminal = Terminal::new(TestBackend::new(W, H)).unwrap();
    terminal
        .draw(|f| f.render_widget(&setup, f.area()))
        .unwrap();
    insta::assert_snapshot!("first_run_setup", terminal.backend().to_string());
    setup.update(Action::Type('p')); // probation-officer
    setup.update(Action::NextField);
    setup.update(Action::Backspace);
    setup.update(Action::Backspace);
    for c in "2x".chars() {
        setup.update(Action::Type(c));
    }
    assert!(matches!(
        setup.update(Action::Submit),
        SetupOutcome::Continue
    ));
    assert!(
        setup.form.fields[1]
            .error
            .as_deref()
            .unwrap()
            .contains("not a number")
    );
    setup.update(Action::Backspace);
    setup.update(Action::Type('2'));
    let SetupOutcome::Done(text) = setup.update(Action::Submit) else {
        panic!("not accepted")
    };
    let config = Config::from_toml_text(Some(&text), None).unwrap();
    assert_eq!(config.work.contracted_hours, 22.0);
    assert!(config.kind("tier-a").is_some());
}

#[test]
fn the_light_theme_and_no_color_draw_the_same_text() {
    let mut f = demo();
    let dark = draw(&f.app);
    f.app.theme = Theme::new(caseload::config::Theme::Light, false);
    assert_eq!(draw(&f.app), dark);
}

#[test]
fn first_run_setup_keeps_the_presets_notes_on_its_weights() {
    use caseload::tui::setup::{Setup, SetupOutcome};
    let mut setup = Setup::new(Theme::new(caseload::config::Theme::Dark, true));
    let SetupOutcome::Done(text) = setup.update(Action::Submit) else {
        panic!("defaults refused")
    };
    assert!(
        text.contains("# Assumption: about 30 hours of enquiries"),
        "{text}"
    );
    assert_eq!(text.matches("[work]").count(), 1);
    assert_eq!(text.matches("[limits]").count(), 1);
    let config = Config::from_toml_text(Some(&text), None).unwrap();
    assert_eq!(
        (config.limits.caseload, config.limits.capacity_weeks),
        (22, 4)
    );
}

#[test]
fn a_megabyte_pasted_into_a_note_is_refused_beside_the_field() {
    let mut f = empty();
    f.app.update(Action::Show(ScreenId::Diary));
    f.app.update(Action::Add);
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "kept");
    f.app.update(Action::Paste("x".repeat(1 << 20)));
    let Overlay::Form(OpenForm::Note(_, form)) = &f.app.overlay else {
        panic!("the form closed")
    };
    assert_eq!(
        form.field(NoteField::Text).error.as_deref(),
        Some(
            "a paste of 1048576 characters is far more than a field holds (a note takes 4000); nothing was pasted"
        )
    );
    assert_eq!(
        form.value(NoteField::Text),
        "kept",
        "what was typed is kept"
    );
    // A paste just over a note's length goes in, and is refused on saving, beside the field.
    f.app.update(Action::Paste("y".repeat(4001)));
    key(&mut f.app, KeyCode::Enter);
    let Overlay::Form(OpenForm::Note(_, form)) = &f.app.overlay else {
        panic!("a long note was accepted")
    };
    assert_eq!(
        form.field(NoteField::Text).error.as_deref(),
        Some("the note is 4005 characters long; at most 4000 are accepted")
    );
    assert_eq!(journal_len(&f), 0);
}

/// A window left open past midnight moves to the new day on the event loop's tick (which
/// sends the clock's date); a tick on the same day changes nothing and asks for no redraw.
#[test]
fn a_tick_on_a_new_day_moves_today_and_what_depends_on_it() {
    let mut f = demo();
    f.app.status = Some(("saved (record 9)".to_string(), false));
    let before = draw(&f.app);
    assert!(!f.app.update(Action::Tick(today())), "same day: no redraw");
    assert_eq!(draw(&f.app), before);
    let monday = today().succ_opt().unwrap();
    assert!(f.app.update(Action::Tick(monday)));
    assert_eq!(f.app.today, monday);
    // A tick is not a key press: the last message stays.
    assert_eq!(f.app.status.as_ref().unwrap().0, "saved (record 9)");
    let after = draw(&f.app);
    for (was, is) in [
        ("22 Nov 2026\"", "23 Nov 2026\""),
        ("45.3 h this week", "0.0 h this week"),
        (
            "Flagged, 23 Nov 2025 to 22 Nov 2026",
            "Flagged, 24 Nov 2025 to 23 Nov 2026",
        ),
    ] {
        assert!(before.contains(was) && after.contains(is), "{after}");
        assert!(!after.contains(was), "{after}");
    }
    assert_eq!(
        f.app.journal.records().len(),
        789,
        "the records the window had"
    );
    assert!(
        !f.app.update(Action::Tick(monday)),
        "the same new day again"
    );
}

/// Only a window on the clock's today follows the clock: one pinned to another day with
/// `--today` (every test and the README's pictures) stays on it.
#[test]
fn only_a_window_on_the_real_today_follows_the_clock() {
    let dir = common::private_tempdir();
    let reports = dir.path().join("reports");
    // Read from the clock here because build_app reads it; any day gives the same answers.
    let real = chrono::Local::now().date_naive();
    for (today, follows) in [
        (real, true),
        (real.pred_opt().unwrap(), false),
        (real.succ_opt().unwrap(), false),
    ] {
        let journal = Journal::open(dir.path(), Access::ReadWrite).unwrap();
        let app = caseload::tui::build_app(journal, config(), today, reports.clone()).unwrap();
        assert_eq!(app.follows_clock, follows, "{today}");
    }
}

/// Files others can read are said in one status line that a window of 80 columns shows
/// whole: the fix first, then the names when they fit, else how many there are.
#[cfg(unix)]
#[test]
fn loose_permissions_are_said_whole_at_80_columns() {
    use std::os::unix::fs::PermissionsExt;
    let f = demo();
    let dir = f.dir.path();
    let mode = |path: &std::path::Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    mode(&dir.join("journal.jsonl"), 0o644);
    let status = |app: &App| app.status.clone().unwrap();
    let app = app_on(dir, config());
    assert_eq!(
        status(&app),
        (
            "run `caseload verify --fix-permissions`: others can read journal.jsonl".to_string(),
            true
        )
    );
    mode(dir, 0o755);
    mode(&dir.join("journal.lock"), 0o644);
    let mut app = app_on(dir, config());
    app.size = (80, 24);
    app.update(Action::Resize);
    let (message, _) = status(&app);
    assert_eq!(
        message,
        "run `caseload verify --fix-permissions`: others can read 3 files and folders"
    );
    let screen = draw(&app);
    assert!(screen.contains(&format!(" ✗ {message}")), "{screen}");
    snapshot!("loose_permissions_80x24", &app);
    mode(dir, 0o700);
}
