//! A tired adviser typing a week by hand at 80×24 (a persona test): leave written down after
//! it was taken, the command line's words for leave and hours, and Backspace after a refused
//! save. Each driven by keys, checked on the form, the journal and the screen.

use crate::common::tui::{chars, draw, empty, hours_form, journal_len, key, tabs};
use caseload::tui::action::{Action, ScreenId};
use caseload::tui::app::{App, Overlay};
use caseload::tui::forms::{HoursField, LeaveField, OpenForm};
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn annual_leave_written_down_after_it_was_taken_is_this_years() {
    let mut f = empty();
    f.app.today = date(2026, 12, 2);
    f.app.size = (80, 24);
    f.app.update(Action::Resize);
    f.app.update(Action::Show(ScreenId::Leave));
    key(&mut f.app, KeyCode::Char('a'));
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "16/11");
    let screen = draw(&f.app);
    assert!(screen.contains("→ Monday 16 Nov 2026"), "{screen}");
    assert!(!screen.contains("2027"), "{screen}");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "20/11");
    key(&mut f.app, KeyCode::Enter);
    assert!(
        !matches!(f.app.overlay, Overlay::Form(OpenForm::Leave(..))),
        "not saved: {}",
        draw(&f.app)
    );
    let leave = &f.app.journal.state().leave[0];
    assert_eq!(
        (leave.from, leave.to),
        (date(2026, 11, 16), date(2026, 11, 20))
    );
    // Leave booked ahead is still the next one.
    key(&mut f.app, KeyCode::Char('a'));
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "5/1");
    let Overlay::Form(OpenForm::Leave(_, form)) = &f.app.overlay else {
        panic!("no leave form")
    };
    assert!(form.field(LeaveField::From).hint.contains("last 60 days"));
    assert!(draw(&f.app).contains("05 Jan 2027"), "{}", draw(&f.app));
}

#[test]
fn hours_and_breaks_are_typed_as_on_the_command_line() {
    let mut f = empty();
    f.app.update(Action::Show(ScreenId::Hours));
    let typings = [("7h30", 7.5), ("7.5h", 7.5), ("7:30", 7.5), ("6,25", 6.25)];
    for (day, (typed, want)) in typings.into_iter().enumerate() {
        key(&mut f.app, KeyCode::Char('a'));
        chars(&mut f.app, &format!("-{}", day + 1)); // a day each, typed over today
        tabs(&mut f.app, 4); // to Hours, the usual times left as they were
        chars(&mut f.app, typed);
        key(&mut f.app, KeyCode::Enter);
        assert_eq!(f.app.overlay, Overlay::None, "{typed}: {}", draw(&f.app));
        let entry = &f.app.journal.state().hours.last().unwrap().entry;
        assert_eq!(entry.hours, Some(want), "{typed}");
    }
    // A break in the command line's words, typed over the usual one.
    key(&mut f.app, KeyCode::Char('a'));
    chars(&mut f.app, "-5");
    tabs(&mut f.app, 3);
    chars(&mut f.app, "45 mins");
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.overlay, Overlay::None, "{}", draw(&f.app));
    let entry = &f.app.journal.state().hours.last().unwrap().entry;
    assert_eq!(entry.break_minutes, Some(45));
    // Still refused when it is not an amount, saying what is.
    let size = journal_len(&f);
    key(&mut f.app, KeyCode::Char('a'));
    tabs(&mut f.app, 4);
    chars(&mut f.app, "seven");
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(
        hours_form(&f.app).field(HoursField::Hours).error.as_deref(),
        Some(
            "`seven` is not a number of hours; give e.g. 7.5, 7,5, 7:30 or 7h30, or leave it blank and give Start and End"
        )
    );
    assert_eq!(journal_len(&f), size);
}

#[test]
fn backspace_after_a_refused_save_takes_one_character() {
    let mut f = empty();
    f.app.size = (80, 24);
    f.app.update(Action::Resize);
    f.app.update(Action::Show(ScreenId::Leave));
    key(&mut f.app, KeyCode::Char('a'));
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "10/12/2026");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "01/12/2026");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "demands supprt");
    key(&mut f.app, KeyCode::Enter);
    let form = |app: &App| match &app.overlay {
        Overlay::Form(OpenForm::Leave(_, form)) => form.clone(),
        other => panic!("not the leave form: {other:?}"),
    };
    // The refusal takes the focus to To, its value selected.
    assert_eq!(form(&f.app).focused(), LeaveField::To);
    key(&mut f.app, KeyCode::Backspace);
    assert_eq!(form(&f.app).value(LeaveField::To), "01/12/202");
    chars(&mut f.app, "7");
    assert_eq!(form(&f.app).value(LeaveField::To), "01/12/2027");
    // Back on the note by Tab: its value is selected, Backspace takes its last letter...
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Backspace);
    assert_eq!(form(&f.app).value(LeaveField::Note), "demands suppr");
    key(&mut f.app, KeyCode::Backspace);
    chars(&mut f.app, "ort");
    assert_eq!(form(&f.app).value(LeaveField::Note), "demands support");
    // ...while typing over a selected value still replaces it.
    key(&mut f.app, KeyCode::BackTab);
    chars(&mut f.app, "11/12/2026");
    assert_eq!(form(&f.app).value(LeaveField::To), "11/12/2026");
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.overlay, Overlay::None, "{}", draw(&f.app));
    let leave = &f.app.journal.state().leave[0];
    assert_eq!(leave.note.as_deref(), Some("demands support"));
    assert_eq!(leave.to, date(2026, 12, 11));
}

#[test]
fn the_leave_kind_takes_the_words_the_command_line_takes() {
    let mut f = empty();
    f.app.size = (80, 24);
    f.app.update(Action::Resize);
    f.app.update(Action::Show(ScreenId::Leave));
    let form = |app: &App| match &app.overlay {
        Overlay::Form(OpenForm::Leave(_, form)) => form.clone(),
        other => panic!("not the leave form: {other:?}"),
    };
    key(&mut f.app, KeyCode::Char('a'));
    assert_eq!(form(&f.app).focused(), LeaveField::Kind);
    for (typed, kind) in [
        ("holiday", "annual"),
        ("maternity", "parental"),
        ("Sick leave", "sick"),
        ("sick - flu", "sick"),
        ("a/l", "annual"),
        ("lieu", "toil"),
        ("paternity leave", "parental"),
        ("holi", "annual"),
    ] {
        chars(&mut f.app, typed);
        let kind_field = form(&f.app);
        let field = kind_field.field(LeaveField::Kind);
        assert_eq!(
            (field.value(), field.error.as_deref()),
            (kind.to_string(), None),
            "{typed}"
        );
        key(&mut f.app, KeyCode::Backspace);
    }
    // Nothing matches: the choices are still listed, with words it takes.
    chars(&mut f.app, "zz");
    let error = form(&f.app).field(LeaveField::Kind).error.clone();
    assert_eq!(
        error.as_deref(),
        Some(
            "`zz` matches no choice: type the start of annual, sick, toil, training, parental or other, or a word such as holiday, maternity or lieu (Backspace clears it, ←/→ step)"
        )
    );
    assert!(
        draw(&f.app).contains("`zz` matches no choice"),
        "{}",
        draw(&f.app)
    );
    // Saved as the kind the word names.
    key(&mut f.app, KeyCode::Backspace);
    chars(&mut f.app, "maternity");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "1/12/2026");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "4/12/2026");
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.overlay, Overlay::None, "{}", draw(&f.app));
    assert_eq!(
        f.app.journal.state().leave[0].kind,
        caseload::domain::LeaveKind::Parental
    );
}
