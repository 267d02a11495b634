//! The Report screen's share for a union rep: chosen on the form, shown whole before it is
//! written, written only on a yes, never over a file without asking, and what is written is a
//! `caseload.share/1` with nothing of the journal's text, references or days in it.

use crate::common::tui::{chars, demo, draw, key};
use caseload::report::{Inputs, Period, Purpose, Request, analyse};
use caseload::tui::action::{Action, ScreenId};
use caseload::tui::app::Overlay;
use caseload::tui::report_screen::ReportField;
use chrono::DateTime;
use ratatui::crossterm::event::KeyCode;

/// The share's random id and the temporary folder change from run to run.
macro_rules! share_snapshot {
    ($name:expr, $app:expr) => {
        insta::with_settings!({filters => vec![
            (r"[0-9a-f]{32}", "[SHARE ID]"),
            (r"/tmp/\.tmp\w{6}", "[TMP]"),
        ]}, {
            insta::assert_snapshot!($name, draw($app));
        })
    };
}

/// Opens the Report form and chooses the share (typing picks from the purposes).
fn choose_share(app: &mut caseload::tui::app::App) {
    app.update(Action::Show(ScreenId::Report));
    key(app, KeyCode::Enter);
    chars(app, "sh");
}

/// Every string of the journal that is text a person wrote or a reference: the share must
/// hold none of them.
fn journal_secrets(journal: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in journal.lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in [
            "text",
            "note",
            "ref",
            "case",
            "what",
            "allocated_by",
            "reason",
            "prev",
        ] {
            if let Some(s) = record[key].as_str()
                && s.len() >= 4
            {
                out.push(s.to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn a_share_is_shown_whole_then_written_on_a_yes() {
    let mut f = demo();
    choose_share(&mut f.app);
    let Overlay::ReportForm(form) = &f.app.overlay else {
        panic!("no form")
    };
    assert_eq!(form.value(ReportField::Purpose), "share");
    key(&mut f.app, KeyCode::Enter);
    let Overlay::SharePreview(preview) = &f.app.overlay else {
        panic!("no preview:\n{}", draw(&f.app))
    };
    // Nothing is written before the yes; the file is named by the week, not the day.
    let path = preview.path.clone();
    assert!(
        path.ends_with("reports/caseload-share-2026-W47.json"),
        "{}",
        path.display()
    );
    assert!(!path.exists());
    assert!(!f.app.report.is_writing());
    let screen = draw(&f.app);
    for shown in [
        "Write this share for your union rep to",
        "Period: the ISO weeks",
        "Settings: role cafcass-fca",
        "Caseload:",
        "capacity peak",
        "2025-W48: 27 cases open",
    ] {
        assert!(screen.contains(shown), "{shown} not shown:\n{screen}");
    }
    share_snapshot!("share_preview", &f.app);

    // Every week is there to scroll to, and the scroll stops at the last line.
    let weeks = preview.weeks.clone();
    let summary = preview.lines.clone();
    assert_eq!(weeks.len(), 53, "{weeks:?}");
    for _ in 0..40 {
        key(&mut f.app, KeyCode::PageDown);
    }
    let screen = draw(&f.app);
    assert!(screen.contains(&weeks[weeks.len() - 1]), "{screen}");
    share_snapshot!("share_preview_end", &f.app);
    key(&mut f.app, KeyCode::PageUp);
    let Overlay::SharePreview(scrolled) = &f.app.overlay else {
        panic!("the preview closed")
    };
    assert!(
        scrolled.scroll > 0,
        "one page up from the end is not the top"
    );

    key(&mut f.app, KeyCode::Char('y'));
    assert_eq!(f.app.overlay, Overlay::None);
    let written = f.app.report.wait().unwrap().unwrap();
    assert_eq!(written, path.display().to_string());
    // The status line names what was written: a share file, not a report.
    f.app.update(Action::ReportFinished(Ok(written)));
    let (status, error) = f.app.status.clone().unwrap();
    assert!(
        status.starts_with("share file written to ") && !error,
        "{status}"
    );

    let json = std::fs::read_to_string(&path).unwrap();
    let share = caseload::team::parse(json.as_bytes()).expect("a caseload.share/1");
    assert_eq!(share.weeks.len(), weeks.len());
    // What the preview said is what the file holds.
    assert_eq!(caseload::report::share::summary(&share), summary);
    assert_eq!(caseload::report::share::weekly(&share), weeks);
    let journal = std::fs::read_to_string(f.dir.path().join("journal.jsonl")).unwrap();
    let secrets = journal_secrets(&journal);
    assert!(secrets.len() > 100, "the demo has notes and references");
    for secret in &secrets {
        assert!(!json.contains(secret.as_str()), "{secret} is in the share");
    }
    assert!(!json.contains("Case "), "a pseudonym is in the share");
    let inputs = Inputs::for_journal(
        &f.app.journal,
        &f.app.config,
        Request {
            period: Period::resolve(None, None, crate::common::tui::today()).unwrap(),
            purpose: Purpose::Grievance,
            reveal_refs: false,
            today: crate::common::tui::today(),
            generated_at: DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap(),
        },
    );
    let journal_id = analyse(&inputs).detail.journal_id;
    assert!(
        !json.contains(&journal_id),
        "the journal id is in the share"
    );
    assert!(!json.contains("2026-11-"), "a day is in the share");
}

#[test]
fn no_goes_back_to_the_form_and_nothing_is_written() {
    let mut f = demo();
    f.app.size = (80, 24);
    f.app.update(Action::Resize);
    choose_share(&mut f.app);
    key(&mut f.app, KeyCode::Enter);
    share_snapshot!("share_preview_80x24", &f.app);
    let Overlay::SharePreview(preview) = &f.app.overlay else {
        panic!("no preview:\n{}", draw(&f.app))
    };
    let path = preview.path.clone();
    key(&mut f.app, KeyCode::Char('n'));
    let Overlay::ReportForm(form) = &f.app.overlay else {
        panic!("not back on the form:\n{}", draw(&f.app))
    };
    assert_eq!(form.value(ReportField::Purpose), "share");
    assert!(!f.app.report.is_writing());
    assert!(!path.exists() && !path.parent().unwrap().exists());
    // Esc from a second preview does the same.
    key(&mut f.app, KeyCode::Enter);
    assert!(matches!(f.app.overlay, Overlay::SharePreview(_)));
    key(&mut f.app, KeyCode::Esc);
    assert!(matches!(f.app.overlay, Overlay::ReportForm(_)));
    assert!(!path.exists());
}

#[test]
fn an_existing_file_is_asked_about_before_the_share_is_shown() {
    let mut f = demo();
    let path = f.dir.path().join("for-rep.json");
    std::fs::write(&path, b"my own file").unwrap();
    choose_share(&mut f.app);
    for _ in 0..5 {
        key(&mut f.app, KeyCode::Tab);
    }
    chars(&mut f.app, &path.display().to_string());
    key(&mut f.app, KeyCode::Enter);
    assert!(
        matches!(f.app.overlay, Overlay::Confirm(_)),
        "{}",
        draw(&f.app)
    );
    assert!(draw(&f.app).contains("for-rep.json already exists. Replace it?"));
    key(&mut f.app, KeyCode::Char('n'));
    assert_eq!(std::fs::read(&path).unwrap(), b"my own file");
    // Yes to replacing still shows the share before anything is written.
    key(&mut f.app, KeyCode::Enter);
    key(&mut f.app, KeyCode::Char('y'));
    assert!(
        matches!(f.app.overlay, Overlay::SharePreview(_)),
        "{}",
        draw(&f.app)
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"my own file");
    key(&mut f.app, KeyCode::Char('y'));
    f.app.report.wait().unwrap().unwrap();
    let json = std::fs::read_to_string(&path).unwrap();
    assert!(caseload::team::parse(json.as_bytes()).is_ok(), "{json}");
}

#[test]
fn revealing_references_in_a_share_is_refused_beside_the_field() {
    let mut f = demo();
    choose_share(&mut f.app);
    for _ in 0..4 {
        key(&mut f.app, KeyCode::Tab);
    }
    chars(&mut f.app, "y");
    key(&mut f.app, KeyCode::Enter);
    let Overlay::ReportForm(form) = &f.app.overlay else {
        panic!("the form closed:\n{}", draw(&f.app))
    };
    let error = form.field(ReportField::Reveal).error.as_deref().unwrap();
    assert!(error.contains("never holds case references"), "{error}");
}
