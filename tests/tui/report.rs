//! The Report screen: where a report goes, and asking before replacing a file.

use crate::common::tui::{chars, demo, draw, key};
use caseload::tui::action::{Action, ScreenId};
use caseload::tui::app::Overlay;
use caseload::tui::report_screen::ReportField;
use ratatui::crossterm::event::KeyCode;

#[test]
fn an_existing_file_is_replaced_only_after_a_yes() {
    let mut f = demo();
    let path = f.dir.path().join("mine.md");
    std::fs::write(&path, b"my own edits").unwrap();
    f.app.update(Action::Show(ScreenId::Report));
    key(&mut f.app, KeyCode::Enter);
    for _ in 0..5 {
        key(&mut f.app, KeyCode::Tab);
    }
    chars(&mut f.app, &path.display().to_string());
    key(&mut f.app, KeyCode::Enter);
    assert!(matches!(f.app.overlay, Overlay::Confirm(_)));
    let screen = draw(&f.app);
    assert!(
        screen.contains("mine.md already exists. Replace it?"),
        "{screen}"
    );
    snapshot!("report_replace_question", &f.app);
    key(&mut f.app, KeyCode::Char('n'));
    let Overlay::ReportForm(form) = &f.app.overlay else {
        panic!("not back on the form: {:?}", f.app.overlay)
    };
    assert_eq!(form.focused(), ReportField::SaveAs);
    // Enter writes a file here; nothing is saved in the journal, and the form says so.
    let screen = draw(&f.app);
    assert!(
        screen.contains("Enter writes the report") && !screen.contains("Enter saves"),
        "{screen}"
    );
    assert!(!f.app.report.is_writing());
    assert_eq!(std::fs::read(&path).unwrap(), b"my own edits");

    key(&mut f.app, KeyCode::Enter);
    key(&mut f.app, KeyCode::Char('y'));
    assert_eq!(f.app.overlay, Overlay::None);
    let written = f.app.report.wait().unwrap().unwrap();
    assert_eq!(written, path.display().to_string());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# "), "{text}");
}

#[test]
fn a_folder_or_a_missing_folder_is_refused_beside_the_field() {
    let mut f = demo();
    f.app.update(Action::Show(ScreenId::Report));
    key(&mut f.app, KeyCode::Enter);
    for _ in 0..5 {
        key(&mut f.app, KeyCode::Tab);
    }
    chars(
        &mut f.app,
        &f.dir.path().join("no/such/r.md").display().to_string(),
    );
    key(&mut f.app, KeyCode::Enter);
    let Overlay::ReportForm(form) = &f.app.overlay else {
        panic!("the form closed")
    };
    let error = form.field(ReportField::SaveAs).error.as_deref().unwrap();
    assert!(error.contains("/no/such does not exist"), "{error}");
}

#[test]
fn quitting_a_demo_that_wrote_reports_asks_and_says_where_they_are() {
    let mut f = demo();
    f.app.demo_folder = Some(f.dir.path().to_path_buf());
    // No reports yet: q quits at once.
    key(&mut f.app, KeyCode::Char('q'));
    assert!(f.app.quit);
    f.app.quit = false;
    f.app.update(Action::Show(ScreenId::Report));
    key(&mut f.app, KeyCode::Enter);
    key(&mut f.app, KeyCode::Enter);
    let written = f.app.report.wait().unwrap().unwrap();
    assert!(written.starts_with(&f.dir.path().join("reports").display().to_string()));
    key(&mut f.app, KeyCode::Char('q'));
    assert!(!f.app.quit, "quit without asking, deleting a report");
    let Overlay::Confirm(confirm) = &f.app.overlay else {
        panic!("quit without asking")
    };
    assert!(
        confirm
            .question
            .contains("is deleted when you quit, with the 1 report you wrote in"),
        "{}",
        confirm.question
    );
    snapshot!("demo_quit_question", &f.app);
    key(&mut f.app, KeyCode::Char('n'));
    assert!(!f.app.quit);
    key(&mut f.app, KeyCode::Char('q'));
    key(&mut f.app, KeyCode::Char('k'));
    assert!(f.app.quit && f.app.keep_demo_folder);
}

#[test]
fn the_addressee_and_the_outcome_typed_on_the_form_fill_the_grievance() {
    let mut f = demo();
    let path = f.dir.path().join("grievance.md");
    f.app.update(Action::Show(ScreenId::Report));
    key(&mut f.app, KeyCode::Enter);
    for _ in 0..5 {
        key(&mut f.app, KeyCode::Tab);
    }
    chars(&mut f.app, &path.display().to_string());
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "Head of Service");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "A caseload of 18, reviewed monthly.");
    key(&mut f.app, KeyCode::Enter);
    f.app.report.wait().unwrap().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("## The outcome I am asking for\n\nA caseload of 18, reviewed monthly.\n"),
        "{text}"
    );
    assert!(!text.contains("To complete before sending"), "{text}");
    assert!(text.contains("Dear Head of Service,"), "{text}");
}

/// The summary shows the period as the report reads it: a typed "1 oct" was shown as typed.
#[test]
fn the_summary_shows_the_dates_read_and_the_period_they_make() {
    let mut f = demo();
    f.app.size = (80, 24);
    f.app.update(Action::Resize);
    f.app.update(Action::Show(ScreenId::Report));
    let screen = draw(&f.app);
    assert!(
        screen.contains("From         23 Nov 2025 (12 months")
            && screen.contains("To           22 Nov 2026 (today)"),
        "{screen}"
    );
    key(&mut f.app, KeyCode::Enter);
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "1 oct");
    key(&mut f.app, KeyCode::Enter);
    let written = f.app.report.wait().unwrap();
    f.app.update(Action::ReportFinished(written.clone()));
    let text = std::fs::read_to_string(written.unwrap()).unwrap();
    // The documents join a date's parts with no-break spaces.
    assert!(
        text.contains("Period: 01\u{a0}Oct\u{a0}2026 to 22\u{a0}Nov\u{a0}2026"),
        "the report read the same period: {}",
        &text[..400]
    );
    let screen = draw(&f.app);
    assert!(
        screen.contains("From         01 Oct 2026 ")
            && screen.contains("Covers       01 Oct 2026 to 22 Nov    │")
            && screen.contains("│             2026, 53 days            │")
            && !screen.contains("1 oct"),
        "{screen}"
    );
    snapshot!("80x24_report_summary_period", &f.app);
    // A supervision summary's blank From is its own four weeks.
    key(&mut f.app, KeyCode::Enter);
    key(&mut f.app, KeyCode::BackTab);
    chars(&mut f.app, "sup");
    key(&mut f.app, KeyCode::Tab);
    for _ in 0..5 {
        key(&mut f.app, KeyCode::Backspace);
    }
    key(&mut f.app, KeyCode::Enter);
    let written = f.app.report.wait().unwrap();
    f.app.update(Action::ReportFinished(written));
    let screen = draw(&f.app);
    assert!(
        screen.contains("From         26 Oct 2026 (4 weeks")
            && screen.contains("Covers       26 Oct 2026 to 22 Nov")
            && screen.contains("│             2026, 28 days "),
        "{screen}"
    );
}
