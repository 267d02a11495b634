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
use caseload::journal::{Access, Journal};
use caseload::tui::action::{Action, ScreenId};
use caseload::tui::app::{App, Overlay};
use caseload::tui::forms::{CaseField, NoteField, OpenForm, WithdrawField};
use caseload::tui::input::action_for;
use caseload::tui::theme::Theme;
use chrono::NaiveDate;
use common::tui::{app_on, chars, config, demo, draw, empty, journal_len, key, today};
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

/// Opens the deadline form on the Deadlines screen and types its three fields (Enter not
/// pressed).
fn type_deadline(app: &mut App, what: &str, due: &str, case: &str) {
    app.update(Action::Show(ScreenId::Deadlines));
    key(app, KeyCode::Char('a'));
    chars(app, what);
    key(app, KeyCode::Tab);
    chars(app, due);
    key(app, KeyCode::Tab);
    chars(app, case);
}

mod first_run;
mod fit;
mod form_edits;
mod forms;
mod import;
mod keycounts;
mod layout;
mod report;
mod share;
mod week_by_hand;
mod window;

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
    for _ in 0.."22 Nov 2026".len() {
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
fn the_light_theme_and_no_color_draw_the_same_text() {
    let mut f = demo();
    let dark = draw(&f.app);
    f.app.theme = Theme::new(caseload::config::Theme::Light, false);
    assert_eq!(draw(&f.app), dark);
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
