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
