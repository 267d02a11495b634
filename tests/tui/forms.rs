//! Forms driven by keys as people type: cursor edits, a pre-filled value replaced by typing,
//! dates as people write them, the case field, pastes, multi-line notes, the user's editor,
//! asking before throwing away what was typed, and undo.

use crate::common::tui::{chars, demo, draw, empty, journal_len, key, today};
use caseload::tui::action::{Action, ScreenId};
use caseload::tui::app::{App, Overlay, Pending};
use caseload::tui::forms::{CaseField, DeadlineField, HoursField, NoteField, OpenForm};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn ctrl(app: &mut App, c: char) {
    let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    if let Some(action) = caseload::tui::input::action_for(app, event) {
        app.update(action);
    }
}

fn alt_enter(app: &mut App) {
    let event = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
    if let Some(action) = caseload::tui::input::action_for(app, event) {
        app.update(action);
    }
}

fn case_form(app: &App) -> &caseload::tui::form::Form<CaseField> {
    match &app.overlay {
        Overlay::Form(OpenForm::Case(_, form)) => form,
        other => panic!("not the case form: {other:?}"),
    }
}

#[test]
fn text_fields_edit_as_fingers_expect() {
    let mut f = empty();
    f.app.update(Action::Show(ScreenId::Cases));
    key(&mut f.app, KeyCode::Char('a'));
    chars(&mut f.app, "FD26P0012");
    // ← twice, insert, End, add; Home and Ctrl-K; Ctrl-Z undoes it.
    key(&mut f.app, KeyCode::Left);
    key(&mut f.app, KeyCode::Left);
    chars(&mut f.app, "9");
    assert_eq!(case_form(&f.app).value(CaseField::Reference), "FD26P00912");
    key(&mut f.app, KeyCode::End);
    chars(&mut f.app, "3");
    key(&mut f.app, KeyCode::Home);
    key(&mut f.app, KeyCode::Delete);
    chars(&mut f.app, "f");
    assert_eq!(case_form(&f.app).value(CaseField::Reference), "fD26P009123");
    ctrl(&mut f.app, 'k');
    assert_eq!(case_form(&f.app).value(CaseField::Reference), "f");
    ctrl(&mut f.app, 'z');
    assert_eq!(case_form(&f.app).value(CaseField::Reference), "fD26P009123");
    ctrl(&mut f.app, 'e');
    ctrl(&mut f.app, 'w');
    assert_eq!(case_form(&f.app).value(CaseField::Reference), "");
    chars(&mut f.app, "one two");
    ctrl(&mut f.app, 'a');
    chars(&mut f.app, "FD ");
    ctrl(&mut f.app, 'e');
    ctrl(&mut f.app, 'u');
    assert_eq!(case_form(&f.app).value(CaseField::Reference), "");
    chars(&mut f.app, "FD26P00123");
    // The pre-filled date is selected on entry: typing replaces it, and the form shows
    // what it will be read as.
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "s");
    key(&mut f.app, KeyCode::Tab);
    assert_eq!(
        case_form(&f.app).value(CaseField::AllocatedOn),
        "22 Nov 2026"
    );
    chars(&mut f.app, "2/11");
    assert_eq!(case_form(&f.app).value(CaseField::AllocatedOn), "2/11");
    assert_eq!(
        case_form(&f.app)
            .field(CaseField::AllocatedOn)
            .preview
            .as_deref(),
        Some("→ Monday 02 Nov 2026")
    );
    snapshot!("form_case_typed", &f.app);
    key(&mut f.app, KeyCode::Enter);
    let case = &f.app.journal.state().cases[0];
    assert_eq!(
        (case.reference.as_str(), case.allocated_on),
        (
            "FD26P00123",
            chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
        )
    );
}

#[test]
fn the_case_field_takes_a_whole_reference_or_a_unique_beginning() {
    let mut f = demo();
    let size = journal_len(&f);
    super::type_deadline(&mut f.app, "Position statement", "fri", "FD26P00799");
    key(&mut f.app, KeyCode::Enter);
    let Overlay::Form(OpenForm::Deadline(_, form)) = &f.app.overlay else {
        panic!(
            "saved a deadline for a case that does not exist: {}",
            draw(&f.app)
        )
    };
    let error = form.field(DeadlineField::Case).error.clone().unwrap();
    assert!(
        error.starts_with("no case has reference `FD26P00799`; did you mean FD26P00"),
        "{error}"
    );
    assert_eq!(
        form.field(DeadlineField::Due).preview.as_deref(),
        Some("→ Friday 27 Nov 2026"),
        "a due date's weekday is the next one"
    );
    snapshot!("form_deadline_unknown_case", &f.app);
    assert_eq!(journal_len(&f), size);
    // A unique beginning, in any case, names the case; the form shows which.
    for _ in 0.."FD26P00799".len() {
        key(&mut f.app, KeyCode::Backspace);
    }
    chars(&mut f.app, "fd26p0072");
    let Overlay::Form(OpenForm::Deadline(_, form)) = &f.app.overlay else {
        panic!()
    };
    assert_eq!(
        form.field(DeadlineField::Case).preview.as_deref(),
        Some("→ FD26P00723")
    );
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.overlay, Overlay::None, "{}", draw(&f.app));
    let added = f.app.journal.state().deadlines.last().unwrap();
    assert_eq!(added.case.as_deref(), Some("FD26P00723"));
    assert_eq!(
        added.due,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    );
}

#[test]
fn a_paste_is_text_never_keys() {
    let mut f = empty();
    // Outside a form, a paste does nothing: the q of "quick one" does not quit.
    f.app
        .update(Action::Paste("first line\nquick one\ne".into()));
    assert!(!f.app.quit);
    assert_eq!(f.app.overlay, Overlay::None);
    // In a one-line field its line breaks become spaces.
    f.app.update(Action::Show(ScreenId::Cases));
    key(&mut f.app, KeyCode::Char('a'));
    f.app.update(Action::Paste("FD26P\r\n00123".into()));
    assert_eq!(case_form(&f.app).value(CaseField::Reference), "FD26P 00123");
    key(&mut f.app, KeyCode::Esc);
    key(&mut f.app, KeyCode::Char('y'));
    // In a note they stay.
    f.app.update(Action::Show(ScreenId::Diary));
    key(&mut f.app, KeyCode::Char('a'));
    key(&mut f.app, KeyCode::Tab);
    f.app.update(Action::Paste(
        "Two cases given today.\r\nquick one: no discussion".into(),
    ));
    alt_enter(&mut f.app);
    ctrl(&mut f.app, 'j');
    chars(&mut f.app, "Told the manager.");
    snapshot!("form_note_pasted", &f.app);
    key(&mut f.app, KeyCode::Enter);
    assert!(!f.app.quit);
    assert_eq!(
        f.app.journal.state().notes[0].note.text,
        "Two cases given today.\nquick one: no discussion\n\nTold the manager."
    );
    snapshot!("diary_with_paragraphs", &f.app);
}

#[test]
fn a_long_note_scrolls_in_its_box_and_in_the_detail_pane() {
    let mut f = empty();
    f.app.update(Action::Show(ScreenId::Diary));
    key(&mut f.app, KeyCode::Char('a'));
    key(&mut f.app, KeyCode::Tab);
    let long: String = (1..=40)
        .map(|i| format!("Line {i} of a long note about the week."))
        .collect::<Vec<_>>()
        .join("\n");
    f.app.update(Action::Paste(long.clone()));
    let screen = draw(&f.app);
    assert!(
        screen.contains("Told"),
        "the fields after the note stay on the form: {screen}"
    );
    assert!(
        screen.contains("Line 40 of a long note"),
        "the cursor's line shows: {screen}"
    );
    snapshot!("form_note_long", &f.app);
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.journal.state().notes[0].note.text, long);
    let before = draw(&f.app);
    assert!(before.contains("Line 1 of a long note") && !before.contains("Line 40 "));
    assert!(before.contains("Detail ↓ J/K"), "{before}");
    for _ in 0..200 {
        key(&mut f.app, KeyCode::Char('J'));
    }
    let after = draw(&f.app);
    assert!(
        after.contains("Line 40 of a long note") && after.contains("Record"),
        "{after}"
    );
    snapshot!("diary_detail_scrolled", &f.app);
    key(&mut f.app, KeyCode::Char('K'));
    assert!(draw(&f.app).contains("Detail ↓ J/K"));
}

#[test]
fn the_editor_key_hands_the_note_to_the_users_editor() {
    let mut f = empty();
    f.app.update(Action::Show(ScreenId::Diary));
    key(&mut f.app, KeyCode::Char('a'));
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "Started here");
    ctrl(&mut f.app, 'o');
    assert_eq!(f.app.editor_request.as_deref(), Some("Started here"));
    // The event loop runs the editor and answers; here the answer is given directly.
    f.app.editor_request = None;
    f.app.update(Action::EditorFinished(Ok(Some(
        "Started here\n\nand finished in vim".into(),
    ))));
    let Overlay::Form(OpenForm::Note(_, form)) = &f.app.overlay else {
        panic!("the form closed")
    };
    assert_eq!(
        form.value(NoteField::Text),
        "Started here\n\nand finished in vim"
    );
    f.app.update(Action::EditorFinished(Err(
        "no editor found: set $VISUAL".into()
    )));
    assert!(draw(&f.app).contains("no editor found"));
    // Ctrl-O on a form without a note says so.
    key(&mut f.app, KeyCode::Esc);
    key(&mut f.app, KeyCode::Char('y'));
    f.app.update(Action::Show(ScreenId::Cases));
    key(&mut f.app, KeyCode::Char('a'));
    ctrl(&mut f.app, 'o');
    assert_eq!(f.app.editor_request, None);
}

#[test]
fn a_changed_form_asks_before_its_work_is_thrown_away() {
    let mut f = empty();
    f.app.update(Action::Show(ScreenId::Hours));
    key(&mut f.app, KeyCode::Char('a'));
    // Unchanged: Esc closes at once.
    key(&mut f.app, KeyCode::Esc);
    assert_eq!(f.app.overlay, Overlay::None);
    key(&mut f.app, KeyCode::Char('a'));
    chars(&mut f.app, "fri");
    key(&mut f.app, KeyCode::Esc);
    snapshot!("form_discard_question", &f.app);
    key(&mut f.app, KeyCode::Char('n'));
    let Overlay::Form(OpenForm::Hours(_, form)) = &f.app.overlay else {
        panic!("n threw the form away")
    };
    assert_eq!(form.value(HoursField::Date), "fri", "the work is kept");
    // Ctrl-C asks too, then quits.
    ctrl(&mut f.app, 'c');
    assert!(!f.app.quit);
    assert!(draw(&f.app).contains("Quit and throw away what you typed?"));
    key(&mut f.app, KeyCode::Esc);
    assert!(matches!(f.app.overlay, Overlay::Form(_)));
    key(&mut f.app, KeyCode::Esc);
    key(&mut f.app, KeyCode::Char('y'));
    assert_eq!(f.app.overlay, Overlay::None);
    assert!(f.app.journal.state().hours.is_empty());
}

/// The record forms, the Report form and the import form close by one rule
/// (`forms::closing`): unchanged, Esc closes and Ctrl-C quits; changed, both ask first, n
/// or Esc keep the work, y throws it away; what the status line says is each form's own.
#[test]
fn every_form_closes_by_the_same_rule_and_says_what_was_kept() {
    struct Case {
        name: &'static str,
        open: fn(&mut App),
        change: &'static [Action],
        closed: &'static str,
        discarded: &'static str,
    }
    let cases = [
        Case {
            name: "a record form",
            open: |app| {
                app.update(Action::Show(ScreenId::Cases));
                app.update(Action::Add);
            },
            change: &[Action::Type('F')],
            closed: "cancelled; nothing was saved",
            discarded: "discarded; nothing was saved",
        },
        Case {
            name: "the Report form",
            open: |app| {
                app.update(Action::Show(ScreenId::Report));
                app.update(Action::Submit);
            },
            change: &[Action::NextField, Action::Type('1')],
            closed: "cancelled; nothing was saved",
            discarded: "discarded; nothing was saved",
        },
        Case {
            name: "the import form",
            open: |app| {
                app.update(Action::Show(ScreenId::Cases));
                app.update(Action::Import);
            },
            change: &[Action::Type('x')],
            closed: "import cancelled; nothing was written",
            discarded: "import cancelled; nothing was written",
        },
    ];
    let status = |app: &App| app.status.as_ref().map(|(s, _)| s.clone());
    for case in cases {
        let mut f = empty();
        let name = case.name;
        (case.open)(&mut f.app);
        assert_ne!(f.app.overlay, Overlay::None, "{name} did not open");
        f.app.update(Action::Cancel);
        assert_eq!(
            f.app.overlay,
            Overlay::None,
            "{name}: unchanged, Esc closes"
        );
        assert_eq!(status(&f.app).as_deref(), Some(case.closed), "{name}");

        (case.open)(&mut f.app);
        f.app.update(Action::Quit);
        assert!(f.app.quit, "{name}: unchanged, Ctrl-C quits at once");
        f.app.quit = false;

        (case.open)(&mut f.app);
        for action in case.change {
            f.app.update(action.clone());
        }
        let open = f.app.overlay.clone();
        for answer in [Action::Type('n'), Action::Cancel] {
            f.app.update(Action::Cancel);
            assert!(
                draw(&f.app).contains("Throw away what you typed?"),
                "{name}: {}",
                draw(&f.app)
            );
            // A key the question does not take does nothing.
            assert!(!f.app.update(Action::Down), "{name}");
            f.app.update(answer);
            assert_eq!(f.app.overlay, open, "{name}: the work is kept");
        }
        f.app.update(Action::Quit);
        assert!(draw(&f.app).contains("Quit and throw away what you typed?"));
        f.app.update(Action::Type('y'));
        assert!(f.app.quit, "{name}: a yes to Ctrl-C's question quits");
        assert_eq!(status(&f.app).as_deref(), Some(case.discarded), "{name}");
        f.app.quit = false;

        (case.open)(&mut f.app);
        for action in case.change {
            f.app.update(action.clone());
        }
        f.app.update(Action::Cancel);
        f.app.update(Action::Type('Y'));
        assert_eq!(f.app.overlay, Overlay::None, "{name}");
        assert!(!f.app.quit, "{name}: a yes to Esc's question only closes");
        assert_eq!(status(&f.app).as_deref(), Some(case.discarded), "{name}");
        assert!(f.app.journal.records().is_empty(), "{name}");
    }
}

#[test]
fn u_undoes_the_last_record_this_window_saved_after_naming_it() {
    let mut f = empty();
    key(&mut f.app, KeyCode::Char('u'));
    assert!(draw(&f.app).contains("nothing to undo"));
    f.app.update(Action::Show(ScreenId::Hours));
    key(&mut f.app, KeyCode::Char('a'));
    chars(&mut f.app, "fri");
    key(&mut f.app, KeyCode::Enter);
    f.app.update(Action::Show(ScreenId::Diary));
    key(&mut f.app, KeyCode::Char('a'));
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "Entered on the wrong day");
    key(&mut f.app, KeyCode::Enter);
    assert!(draw(&f.app).contains("saved (record 2); u undoes it"));
    key(&mut f.app, KeyCode::Char('u'));
    let Overlay::Confirm(confirm) = &f.app.overlay else {
        panic!("undo did not ask")
    };
    assert_eq!(confirm.then, Pending::Undo(2));
    assert!(
        confirm
            .question
            .starts_with("Undo record 2, note of 22 Nov 2026: “Entered on the wrong day”?"),
        "{}",
        confirm.question
    );
    snapshot!("undo_question", &f.app);
    key(&mut f.app, KeyCode::Char('n'));
    assert_eq!(f.app.journal.state().notes.len(), 1);
    key(&mut f.app, KeyCode::Char('u'));
    key(&mut f.app, KeyCode::Char('y'));
    assert!(f.app.journal.state().notes.is_empty());
    assert!(draw(&f.app).contains("record 2 withdrawn (record 3)"));
    // The next u goes back to the hours.
    key(&mut f.app, KeyCode::Char('u'));
    let Overlay::Confirm(confirm) = &f.app.overlay else {
        panic!()
    };
    assert!(
        confirm
            .question
            .contains("hours on 20 Nov 2026, 09:00 to 17:00"),
        "{}",
        confirm.question
    );
    key(&mut f.app, KeyCode::Char('y'));
    assert!(f.app.journal.state().hours.is_empty());
    key(&mut f.app, KeyCode::Char('u'));
    assert!(draw(&f.app).contains("nothing to undo"));
}

#[test]
fn a_closed_case_reopens_and_a_met_deadline_says_so_at_once() {
    let mut f = empty();
    f.app.update(Action::Show(ScreenId::Cases));
    key(&mut f.app, KeyCode::Char('a'));
    chars(&mut f.app, "FD1");
    key(&mut f.app, KeyCode::Enter);
    key(&mut f.app, KeyCode::Char('c'));
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.journal.state().cases[0].closed_on.is_some());
    key(&mut f.app, KeyCode::Char('c'));
    let Overlay::Confirm(confirm) = &f.app.overlay else {
        panic!("c on a closed case did not offer to reopen it")
    };
    assert!(
        confirm
            .question
            .starts_with("Case FD1 was closed on 22 Nov 2026. Reopen it?")
    );
    key(&mut f.app, KeyCode::Char('y'));
    assert_eq!(f.app.journal.state().cases[0].closed_on, None);
    assert!(draw(&f.app).contains("case FD1 is open again"));

    f.app.update(Action::Show(ScreenId::Deadlines));
    key(&mut f.app, KeyCode::Char('a'));
    chars(&mut f.app, "Filing");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "tomorrow");
    key(&mut f.app, KeyCode::Enter);
    key(&mut f.app, KeyCode::Char('m'));
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.journal.state().deadlines[0].met_on, Some(today()));
    key(&mut f.app, KeyCode::Char('m'));
    assert_eq!(
        f.app.overlay,
        Overlay::None,
        "no form for a deadline already met"
    );
    assert!(draw(&f.app).contains("was already met on 22 Nov 2026"));
}

#[test]
fn t_starts_the_timer_and_stops_it_into_a_days_hours() {
    let mut f = empty();
    f.app.update(Action::Show(ScreenId::Hours));
    assert!(draw(&f.app).contains("t start timer"));
    key(&mut f.app, KeyCode::Char('t'));
    let timer = f.app.timer.clone().expect("the timer started");
    assert!(
        f.dir.path().join("timer.json").exists(),
        "it lives beside the journal"
    );
    assert!(draw(&f.app).contains(&format!("timer started at {}", timer.start)));
    key(&mut f.app, KeyCode::Down);
    assert!(draw(&f.app).contains("t stop timer"));
    f.app.update(Action::Show(ScreenId::Dashboard));
    assert!(
        draw(&f.app).contains(&format!("Hours · timer from {}", timer.start)),
        "{}",
        draw(&f.app)
    );
    // Another window started it earlier today: the file is what counts.
    std::fs::write(
        f.dir.path().join("timer.json"),
        r#"{"date":"2026-11-22","start":"08:30","started_at":"2026-11-22T08:30:05+00:00"}"#,
    )
    .unwrap();
    assert!(f.app.poll_journal(), "a timer changed elsewhere is noticed");
    f.app.update(Action::Show(ScreenId::Hours));
    key(&mut f.app, KeyCode::Char('t'));
    let Overlay::Form(OpenForm::TimerStop(form)) = &f.app.overlay else {
        panic!("t on a running timer opens the day to confirm")
    };
    assert_eq!(form.value(HoursField::Start), "08:30");
    assert_eq!(
        form.focused(),
        HoursField::End,
        "the end time is the one to check"
    );
    chars(&mut f.app, "17:45");
    snapshot!("timer_stop_form", &f.app);
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.overlay, Overlay::None, "{}", draw(&f.app));
    let entry = &f.app.journal.state().hours[0].entry;
    assert_eq!(
        (
            entry.date,
            entry.start.unwrap().to_string(),
            entry.end.unwrap().to_string(),
            entry.break_minutes
        ),
        (today(), "08:30".into(), "17:45".into(), Some(30))
    );
    assert_eq!(f.app.timer, None);
    assert!(!f.dir.path().join("timer.json").exists());
    // T throws a running timer away after a yes.
    key(&mut f.app, KeyCode::Char('t'));
    key(&mut f.app, KeyCode::Char('T'));
    assert!(matches!(&f.app.overlay, Overlay::Confirm(c) if c.then == Pending::CancelTimer));
    key(&mut f.app, KeyCode::Char('y'));
    assert_eq!(f.app.timer, None);
    assert_eq!(f.app.journal.state().hours.len(), 1);
}

#[test]
fn a_name_as_a_reference_is_refused_beside_the_field_and_nothing_is_written() {
    let mut f = demo();
    let size = journal_len(&f);
    f.app.update(Action::Show(ScreenId::Cases));
    f.app.update(Action::Add);
    chars(&mut f.app, "Jamie Smith");
    key(&mut f.app, KeyCode::Enter);
    let form = case_form(&f.app);
    assert_eq!(form.value(CaseField::Reference), "Jamie Smith");
    let error = form.field(CaseField::Reference).error.as_deref();
    assert!(
        error.is_some_and(|e| e.contains("looks like a person's name")
            && e.contains("FD26P00123")
            && e.contains("caseload redact")),
        "{error:?}\n{}",
        draw(&f.app)
    );
    assert_eq!(journal_len(&f), size);
    // A private code written in capitals goes in.
    for _ in 0.."Jamie Smith".len() {
        key(&mut f.app, KeyCode::Backspace);
    }
    chars(&mut f.app, "JS CODE");
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.overlay, Overlay::None, "{}", draw(&f.app));
    assert!(journal_len(&f) > size, "the code was written");
}
