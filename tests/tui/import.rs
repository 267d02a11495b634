//! `i` on a record screen: the file asked for (and refused beside the field when it cannot be
//! read), the dry run as a scrollable preview with refused rows highlighted, and the import
//! written on Enter, all or none.

use crate::common::tui::{chars, demo, draw, empty, journal_len, key};
use caseload::import::preview::Status;
use caseload::journal::{Access, Journal};
use caseload::tui::action::{Action, ScreenId};
use caseload::tui::app::{App, ImportDialog, ImportField, Overlay};
use ratatui::crossterm::event::KeyCode;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn dialog(app: &App) -> &ImportDialog {
    match &app.overlay {
        Overlay::Import(d) => d,
        other => panic!("the import overlay is not open: {other:?}"),
    }
}

/// `i` on `screen`, the path typed, Tab to a field and its text, then Enter.
fn import(app: &mut App, screen: ScreenId, path: &str, tabs: usize, text: &str) {
    app.update(Action::Show(screen));
    key(app, KeyCode::Char('i'));
    assert!(
        matches!(app.overlay, Overlay::Import(_)),
        "i opened nothing"
    );
    chars(app, path);
    for _ in 0..tabs {
        key(app, KeyCode::Tab);
    }
    chars(app, text);
    key(app, KeyCode::Enter);
}

#[test]
fn a_file_that_cannot_be_read_is_refused_beside_the_field() {
    let mut f = empty();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cases.docx"), "not a table").unwrap();
    for (path, says) in [
        (String::new(), "name the file to import".to_string()),
        (
            dir.path().join("gone.xlsx").display().to_string(),
            format!("{}: no such file", dir.path().join("gone.xlsx").display()),
        ),
        (
            dir.path().join("cases.docx").display().to_string(),
            "cases.docx: caseload cannot tell what kind of file this is from its name; it reads .csv, .tsv, .xlsx, .xlsm, .xlsb, .xls, .ods or .ics".to_string(),
        ),
        (
            dir.path().join("folder.csv").display().to_string(),
            format!(
                "cannot read {}: it is a folder; name a file in it",
                dir.path().join("folder.csv").display()
            ),
        ),
    ] {
        std::fs::create_dir_all(dir.path().join("folder.csv")).unwrap();
        import(&mut f.app, ScreenId::Cases, &path, 0, "");
        let d = dialog(&f.app);
        assert!(d.preview.is_none(), "{path}: a preview of nothing");
        assert_eq!(
            d.form.field(ImportField::File).error.as_deref(),
            Some(says.as_str())
        );
        let screen = draw(&f.app);
        assert!(screen.contains("✗"), "{screen}");
        key(&mut f.app, KeyCode::Esc);
        if !path.is_empty() {
            // What was typed is not thrown away without a yes.
            assert!(draw(&f.app).contains("Throw away what you typed?"));
            key(&mut f.app, KeyCode::Char('y'));
        }
        assert_eq!(f.app.overlay, Overlay::None);
    }
    // A sheet the workbook lacks is refused beside the sheet.
    import(
        &mut f.app,
        ScreenId::Cases,
        &fixture("cases.xlsx"),
        1,
        "Closed",
    );
    let error = dialog(&f.app).form.field(ImportField::Sheet).error.clone();
    assert!(
        error.unwrap().contains("Open cases"),
        "the sheets are named"
    );
    assert!(f.app.journal.records().is_empty());
}

#[test]
fn the_preview_shows_every_row_and_highlights_the_refused_one() {
    let mut f = empty();
    import(&mut f.app, ScreenId::Cases, &fixture("cases.xlsx"), 0, "");
    let p = dialog(&f.app).preview.as_ref().expect("a preview");
    let refused: Vec<u64> = p
        .shown
        .rows
        .iter()
        .filter(|r| r.status == Status::Refused)
        .map(|r| r.row)
        .collect();
    assert_eq!(refused, [5]);
    let screen = draw(&f.app);
    assert!(
        screen.contains("✗ refused: column `Type`: unknown case kind `Care order`"),
        "{screen}"
    );
    assert!(screen.contains("Not read (never looked at): `Child / family`"));
    snapshot!("import_preview_refused", &f.app);
    // The refused row is drawn reversed, in the error style, from its row number on.
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(
        f.app.size.0,
        f.app.size.1,
    ))
    .unwrap();
    terminal
        .draw(|frame| frame.render_widget(&f.app, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let (x, y) = (0..buffer.area.height)
        .find_map(|y| {
            let line: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect();
            (line.contains("✗ refused: column `Type`"))
                .then(|| line.find("│5 "))
                .flatten()
                .map(|at| (line[..at].chars().count() as u16 + 1, y))
        })
        .expect("the refused row is drawn");
    assert!(
        buffer[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
    // Enter imports nothing while a row is refused, and says why.
    let before = journal_len(&f);
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(journal_len(&f), before);
    assert!(f.app.journal.records().is_empty());
    let screen = draw(&f.app);
    assert!(
        screen.contains("1 row is refused, so nothing can be imported"),
        "{screen}"
    );
    // At the smallest size, the names column is still said to be unread.
    f.app.size = (80, 24);
    f.app.update(Action::Resize);
    snapshot!("import_preview_refused_80x24", &f.app);
}

#[test]
fn a_mapped_kind_imports_every_row_on_enter_and_the_screen_shows_them() {
    let mut f = empty();
    // File, Sheet, Map columns, Map kinds.
    import(
        &mut f.app,
        ScreenId::Cases,
        &fixture("cases.xlsx"),
        3,
        "Care order=public-law",
    );
    let p = dialog(&f.app).preview.as_ref().expect("a preview");
    assert_eq!(p.plan.refused(), 0);
    assert_eq!(p.plan.records(), 6);
    snapshot!("import_preview_ready", &f.app);
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.overlay, Overlay::None);
    let screen = draw(&f.app);
    assert!(
        screen.contains("imported 6 records (1 to 6) from cases.xlsx"),
        "{screen}"
    );
    assert!(screen.contains("FD26P00104"), "the Cases screen shows them");
    // The first imported case is selected, and its detail says where it came from.
    assert!(
        screen.contains("Imported     cases.xlsx,")
            && screen.contains("             sheet Open")
            && screen.contains("             cases, row 2"),
        "{screen}"
    );
    // In the journal on disk, each record says where it came from.
    let journal = Journal::open(f.dir.path(), Access::ReadOnly).unwrap();
    assert!(journal.damage().is_none());
    assert_eq!(journal.records().len(), 6);
    let case = journal.state().case("FD26P00104").unwrap();
    assert_eq!(case.kind, "public-law");
    assert!(case.closed_on.is_some());
    let lines = std::fs::read_to_string(f.dir.path().join("journal.jsonl")).unwrap();
    assert_eq!(lines.matches("\"file\":\"cases.xlsx\"").count(), 6);
    assert!(!lines.contains("Child"), "the names column is never read");
    // The same file again imports nothing.
    import(
        &mut f.app,
        ScreenId::Cases,
        &fixture("cases.xlsx"),
        3,
        "Care order=public-law",
    );
    assert_eq!(dialog(&f.app).preview.as_ref().unwrap().plan.known(), 5);
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.overlay, Overlay::None);
    assert_eq!(f.app.journal.records().len(), 6);
}

#[test]
fn hours_deadlines_and_leave_import_from_their_screens() {
    let mut f = empty();
    import(
        &mut f.app,
        ScreenId::Hours,
        &fixture("hours-diary.csv"),
        0,
        "",
    );
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.journal.state().hours.len(), 5);
    // Match is the third field for leave.
    import(
        &mut f.app,
        ScreenId::Leave,
        &fixture("outlook.ics"),
        2,
        "leave",
    );
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.journal.state().leave.len(), 2);
    // Deadlines name cases: none are known in this journal, so the plan says so.
    import(
        &mut f.app,
        ScreenId::Deadlines,
        &fixture("deadlines.csv"),
        0,
        "",
    );
    let p = dialog(&f.app).preview.as_ref().unwrap();
    let records = f.app.journal.records().len();
    if p.plan.refused() > 0 {
        key(&mut f.app, KeyCode::Enter);
        assert_eq!(f.app.journal.records().len(), records, "none of them");
    } else {
        key(&mut f.app, KeyCode::Enter);
        assert!(f.app.journal.records().len() > records);
    }
    // Elsewhere, i says where it works.
    key(&mut f.app, KeyCode::Esc);
    key(&mut f.app, KeyCode::Esc);
    key(&mut f.app, KeyCode::Char('y'));
    f.app.update(Action::Show(ScreenId::Diary));
    key(&mut f.app, KeyCode::Char('i'));
    assert_eq!(f.app.overlay, Overlay::None);
    assert!(draw(&f.app).contains("import works on the Cases, Deadlines, Leave and Hours"));
}

#[test]
fn a_long_preview_scrolls_and_tab_finds_the_refused_row() {
    let mut f = demo();
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("Date,Hours,Notes\n");
    for day in 1..=60 {
        let date =
            chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(day);
        csv.push_str(&format!("{},1.5,reading\n", date.format("%d/%m/%Y")));
    }
    csv.push_str("31/02/2024,2,an impossible day\n");
    let path = dir.path().join("diary.csv");
    std::fs::write(&path, csv).unwrap();
    let before = journal_len(&f);
    import(
        &mut f.app,
        ScreenId::Hours,
        &path.display().to_string(),
        0,
        "",
    );
    let p = dialog(&f.app).preview.as_ref().unwrap();
    assert_eq!(p.plan.refused(), 1);
    assert_eq!(p.scroll, 0);
    assert!(draw(&f.app).contains("lines 1–"));
    key(&mut f.app, KeyCode::PageDown);
    let scrolled = dialog(&f.app).preview.as_ref().unwrap().scroll;
    assert!(scrolled > 0);
    key(&mut f.app, KeyCode::Up);
    assert_eq!(
        dialog(&f.app).preview.as_ref().unwrap().scroll,
        scrolled - 1
    );
    key(&mut f.app, KeyCode::Tab);
    let screen = draw(&f.app);
    assert!(
        screen.contains("62    ✗ refused: column `Date`"),
        "{screen}"
    );
    key(&mut f.app, KeyCode::End);
    key(&mut f.app, KeyCode::Down);
    let end = dialog(&f.app).preview.as_ref().unwrap().scroll;
    key(&mut f.app, KeyCode::Down);
    assert_eq!(dialog(&f.app).preview.as_ref().unwrap().scroll, end);
    // Nothing written; Esc goes back to the form with the path kept.
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(journal_len(&f), before);
    key(&mut f.app, KeyCode::Esc);
    let d = dialog(&f.app);
    assert!(d.preview.is_none());
    assert_eq!(d.form.value(ImportField::File), path.display().to_string());
}

#[test]
fn i_is_in_the_hints_and_the_help() {
    let mut f = demo();
    for screen in [
        ScreenId::Cases,
        ScreenId::Deadlines,
        ScreenId::Leave,
        ScreenId::Hours,
    ] {
        f.app.update(Action::Show(screen));
        for size in [(100, 30), (80, 24)] {
            f.app.size = size;
            f.app.update(Action::Resize);
            let screen_text = draw(&f.app);
            let status = screen_text.lines().last().unwrap().to_string();
            assert!(status.contains("i import"), "{screen:?} {size:?}: {status}");
        }
    }
    f.app.update(Action::Help);
    assert!(draw(&f.app).contains("import from a file"));
}

/// The import's reasons name the form's fields, never the command line's flags (`--map`,
/// `--sheet`, `--match`, `--day-first`), which the window does not have.
#[test]
fn refusals_say_what_to_do_in_the_form() {
    use ImportField as F;
    let mut f = empty();
    for (screen, file, tabs, text, field, says) in [
        (
            ScreenId::Cases,
            "cases.xlsx",
            2,
            "nonsense",
            F::Columns,
            "`nonsense`: write it as field=Header, e.g. ref=Case No",
        ),
        (
            ScreenId::Cases,
            "cases.xlsx",
            3,
            "Section 7",
            F::Kinds,
            r#"`Section 7`: write it as "Text in the file=key", e.g. Section 7=s7"#,
        ),
        (
            ScreenId::Cases,
            "cases-mistakes.csv",
            1,
            "Closed",
            F::Sheet,
            "Sheet applies only to a workbook",
        ),
        (
            ScreenId::Leave,
            "cases-mistakes.csv",
            2,
            "leave",
            F::Match,
            "Match applies only to a calendar",
        ),
    ] {
        import(&mut f.app, screen, &fixture(file), tabs, text);
        let error = dialog(&f.app).form.field(field).error.clone();
        assert!(
            error.as_deref().is_some_and(|e| e.starts_with(says)),
            "{file} {text}: {error:?}"
        );
        let screen = draw(&f.app);
        assert!(!screen.contains("--"), "{screen}");
        key(&mut f.app, KeyCode::Esc);
        key(&mut f.app, KeyCode::Char('y'));
    }
    // A row's reason in the preview, too.
    import(&mut f.app, ScreenId::Cases, &fixture("cases.xlsx"), 0, "");
    let screen = draw(&f.app);
    assert!(
        screen.contains("add Care order=KEY under Map kinds") && !screen.contains("--"),
        "{screen}"
    );
    assert!(f.app.journal.records().is_empty());
}
