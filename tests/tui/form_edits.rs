//! What a tired user typing by hand met in the forms (a persona test): a refusal that stayed
//! after the field was changed, times typed beside Hours that vanished, a reason replaced by
//! the `y` meant to confirm, "maybe" taken as the old yes, Ctrl-U typed as `u` in the setup,
//! the command line's words in a form. Each driven by keys, checked on the form and on screen.

use crate::common::tui::{chars, demo, draw, empty, hours_form, journal_len, key, tabs};
use caseload::tui::action::{Action, ScreenId};
use caseload::tui::app::{App, Overlay};
use caseload::tui::form::Form;
use caseload::tui::forms::{
    CaseField, DeadlineField, HoursField, LeaveField, OpenForm, WithdrawField,
};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn case_form(app: &App) -> &Form<CaseField> {
    match &app.overlay {
        Overlay::Form(OpenForm::Case(_, form)) => form,
        other => panic!("not the case form: {other:?}"),
    }
}

#[test]
fn a_fields_refusal_goes_as_soon_as_the_field_is_changed() {
    let mut f = demo();
    f.app.update(Action::Show(ScreenId::Cases));
    key(&mut f.app, KeyCode::Char('a'));
    chars(&mut f.app, "FD-A");
    tabs(&mut f.app, 2);
    chars(&mut f.app, "30/02/2026");
    key(&mut f.app, KeyCode::Enter);
    assert!(
        case_form(&f.app)
            .field(CaseField::AllocatedOn)
            .error
            .is_some()
    );
    assert!(draw(&f.app).contains("✗ `30/02/2026` is not a real calendar date"));
    // One key that changes the date, and the refusal about the old one goes.
    key(&mut f.app, KeyCode::Backspace);
    assert_eq!(case_form(&f.app).field(CaseField::AllocatedOn).error, None);
    assert!(!draw(&f.app).contains('✗'), "{}", draw(&f.app));
    // A key that changes nothing (a cursor move) leaves a refusal where it is.
    key(&mut f.app, KeyCode::Enter);
    assert!(
        case_form(&f.app)
            .field(CaseField::AllocatedOn)
            .error
            .is_some()
    );
    key(&mut f.app, KeyCode::Left);
    assert!(
        case_form(&f.app)
            .field(CaseField::AllocatedOn)
            .error
            .is_some()
    );

    // The form's own refusal (a reference already recorded) goes when a field changes too.
    key(&mut f.app, KeyCode::Esc);
    key(&mut f.app, KeyCode::Char('y'));
    let existing = f.app.journal.state().cases[0].reference.clone();
    key(&mut f.app, KeyCode::Char('a'));
    chars(&mut f.app, &existing);
    key(&mut f.app, KeyCode::Enter);
    assert!(case_form(&f.app).error.is_some());
    assert!(draw(&f.app).contains("already exists"));
    chars(&mut f.app, "X");
    assert_eq!(case_form(&f.app).error, None);
    assert!(!draw(&f.app).contains("already exists"));
}

#[test]
fn times_typed_beside_hours_are_refused_naming_both() {
    let mut f = empty();
    f.app.update(Action::Show(ScreenId::Hours));
    key(&mut f.app, KeyCode::Char('a'));
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "07:45"); // Start, typed over the usual 09:00
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "16:15"); // End
    tabs(&mut f.app, 2); // Break kept, to Hours
    chars(&mut f.app, "7");
    key(&mut f.app, KeyCode::Enter);
    let form = hours_form(&f.app);
    assert_eq!(
        form.field(HoursField::Hours).error.as_deref(),
        Some(
            "Hours is given and so are Start and End (changed here): empty Hours to log the times, or empty Start and End to log the hours alone"
        )
    );
    assert_eq!(
        form.value(HoursField::Start),
        "07:45",
        "what was typed is kept"
    );
    assert_eq!(journal_len(&f), 0, "nothing written");
    assert!(draw(&f.app).contains("✗ Hours is given and so are Start and End"));
    snapshot!("form_hours_beside_times", &f.app);
    // Hours emptied: the typed times are the day.
    key(&mut f.app, KeyCode::Backspace);
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.overlay, Overlay::None, "{}", draw(&f.app));
    let entry = &f.app.journal.state().hours[0].entry;
    assert_eq!(
        (entry.start.map(|t| t.to_string()), entry.hours),
        (Some("07:45".to_string()), None)
    );

    // The usual times left as they were, and Hours: a plain number of hours, as before.
    key(&mut f.app, KeyCode::Char('a'));
    chars(&mut f.app, "yesterday");
    tabs(&mut f.app, 4);
    chars(&mut f.app, "6.5");
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.overlay, Overlay::None, "{}", draw(&f.app));
    let entry = &f.app.journal.state().hours[1].entry;
    assert_eq!((entry.start, entry.hours), (None, Some(6.5)));

    // A break changed alone is named alone.
    key(&mut f.app, KeyCode::Char('a'));
    chars(&mut f.app, "-2");
    tabs(&mut f.app, 3);
    chars(&mut f.app, "45");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "5");
    key(&mut f.app, KeyCode::Enter);
    let error = hours_form(&f.app).field(HoursField::Hours).error.clone();
    assert!(
        error
            .as_deref()
            .unwrap()
            .starts_with("Hours is given and so is Break (changed here)"),
        "{error:?}"
    );
}

#[test]
fn a_y_meant_to_confirm_never_replaces_the_reason() {
    let mut f = demo();
    f.app.update(Action::Show(ScreenId::Cases));
    let cases = f.app.journal.state().cases.len();
    f.app.update(Action::Withdraw);
    chars(&mut f.app, "entered twice");
    let form = |app: &App| match &app.overlay {
        Overlay::Form(OpenForm::Withdraw(_, form)) => form.clone(),
        other => panic!("not the withdraw form: {other:?}"),
    };
    key(&mut f.app, KeyCode::Tab);
    assert_eq!(form(&f.app).focused(), WithdrawField::Confirmed);
    // Tab again stays on the confirmation (it went round to the reason, all selected).
    key(&mut f.app, KeyCode::Tab);
    assert_eq!(form(&f.app).focused(), WithdrawField::Confirmed);
    key(&mut f.app, KeyCode::Down);
    assert_eq!(form(&f.app).focused(), WithdrawField::Confirmed);
    // Back on the reason, its text is not selected: a key goes on its end.
    key(&mut f.app, KeyCode::BackTab);
    assert_eq!(form(&f.app).focused(), WithdrawField::Reason);
    key(&mut f.app, KeyCode::Char('y'));
    assert_eq!(form(&f.app).value(WithdrawField::Reason), "entered twicey");
    key(&mut f.app, KeyCode::Backspace);
    key(&mut f.app, KeyCode::BackTab);
    assert_eq!(
        form(&f.app).focused(),
        WithdrawField::Reason,
        "no wrap upwards"
    );
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Char('y'));
    let screen = draw(&f.app);
    assert!(screen.contains("Reason       entered twice "), "{screen}");
    assert_eq!(form(&f.app).value(WithdrawField::Reason), "entered twice");
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.overlay, Overlay::None, "{}", draw(&f.app));
    assert_eq!(f.app.journal.state().cases.len(), cases - 1);
    let last = f.app.journal.records().last().unwrap();
    assert!(
        serde_json::to_string(&last.event)
            .unwrap()
            .contains("entered twice"),
        "the reason recorded is the one typed"
    );
}

#[test]
fn typing_that_matches_no_choice_is_refused_with_the_choices() {
    let mut f = empty();
    f.app.update(Action::Show(ScreenId::Cases));
    key(&mut f.app, KeyCode::Char('a'));
    chars(&mut f.app, "FD-M");
    tabs(&mut f.app, 4);
    assert_eq!(case_form(&f.app).focused(), CaseField::Discussed);
    chars(&mut f.app, "maybe");
    let form = case_form(&f.app);
    assert!(
        form.is_on(CaseField::Discussed),
        "the choice is not changed"
    );
    assert_eq!(
        form.field(CaseField::Discussed).error.as_deref(),
        Some("`maybe` is not yes or no: type y or n (Backspace clears it)"),
        "its `y` was not taken for a yes"
    );
    assert!(draw(&f.app).contains("✗ `maybe` is not yes or no"));
    snapshot!("form_toggle_unmatched", &f.app);
    // Not saved with the old answer, even after moving away.
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Enter);
    assert!(matches!(f.app.overlay, Overlay::Form(_)));
    assert_eq!(journal_len(&f), 0);
    assert_eq!(case_form(&f.app).focused(), CaseField::Discussed);
    key(&mut f.app, KeyCode::Backspace);
    assert_eq!(case_form(&f.app).field(CaseField::Discussed).error, None);
    key(&mut f.app, KeyCode::Char('n'));
    assert!(!case_form(&f.app).is_on(CaseField::Discussed));

    // A kind: the choices are listed; a typed beginning that matches chooses again.
    key(&mut f.app, KeyCode::BackTab);
    key(&mut f.app, KeyCode::BackTab);
    key(&mut f.app, KeyCode::BackTab);
    assert_eq!(case_form(&f.app).focused(), CaseField::Kind);
    chars(&mut f.app, "zz");
    let error = case_form(&f.app)
        .field(CaseField::Kind)
        .error
        .clone()
        .unwrap();
    assert_eq!(
        error,
        "`zz` matches no choice: type the start of s7, r16-4, public-law, adoption, wtfh, enforcement or other (Backspace clears it, ←/→ step)"
    );
    assert_eq!(case_form(&f.app).value(CaseField::Kind), "s7");
    key(&mut f.app, KeyCode::Backspace);
    chars(&mut f.app, "pub");
    assert_eq!(case_form(&f.app).value(CaseField::Kind), "public-law");
    assert_eq!(case_form(&f.app).field(CaseField::Kind).error, None);
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.overlay, Overlay::None, "{}", draw(&f.app));
    let case = &f.app.journal.state().cases[0];
    assert_eq!((case.kind.as_str(), case.discussed), ("public-law", false));
}

#[test]
fn the_setup_edits_as_every_form_does() {
    use caseload::tui::setup::{Setup, SetupField, setup_action};
    use caseload::tui::theme::Theme;
    let mut setup = Setup::new(Theme::new(caseload::config::Theme::Dark, true));
    fn press(setup: &mut Setup, code: KeyCode, modifiers: KeyModifiers) {
        if let Some(action) = setup_action(KeyEvent::new(code, modifiers)) {
            setup.update(action);
        }
    }
    let ctrl = KeyModifiers::CONTROL;
    press(&mut setup, KeyCode::Tab, KeyModifiers::NONE);
    press(&mut setup, KeyCode::Tab, KeyModifiers::NONE);
    // Days, "mon tue wed thu fri" selected on entry: Ctrl-E to its end, Ctrl-W a word,
    // Ctrl-H a character, Ctrl-A to the start and a day typed there.
    press(&mut setup, KeyCode::Char('e'), ctrl);
    press(&mut setup, KeyCode::Char('w'), ctrl);
    press(&mut setup, KeyCode::Char('h'), ctrl);
    press(&mut setup, KeyCode::Char('a'), ctrl);
    press(&mut setup, KeyCode::Char('s'), KeyModifiers::NONE);
    press(&mut setup, KeyCode::Char('u'), KeyModifiers::NONE);
    press(&mut setup, KeyCode::Char('n'), KeyModifiers::NONE);
    press(&mut setup, KeyCode::Char(' '), KeyModifiers::NONE);
    assert_eq!(setup.form.value(SetupField::Days), "sun mon tue wed thu");
    // Ctrl-U: everything before the cursor goes; Ctrl-K everything after.
    press(&mut setup, KeyCode::Char('u'), ctrl);
    assert_eq!(setup.form.value(SetupField::Days), "mon tue wed thu");
    press(&mut setup, KeyCode::Right, KeyModifiers::NONE);
    press(&mut setup, KeyCode::Right, KeyModifiers::NONE);
    press(&mut setup, KeyCode::Right, KeyModifiers::NONE);
    press(&mut setup, KeyCode::Char('k'), ctrl);
    assert_eq!(setup.form.value(SetupField::Days), "mon");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| f.render_widget(&setup, f.area()))
        .unwrap();
    let screen = terminal.backend().to_string();
    assert!(screen.contains("Working days      mon "), "{screen}");
    // No control key types a letter.
    for c in 'a'..='z' {
        let action = setup_action(KeyEvent::new(KeyCode::Char(c), ctrl));
        assert!(
            !matches!(action, Some(Action::Type(_))),
            "Ctrl-{c} gave {action:?}"
        );
    }
    assert_eq!(
        setup_action(KeyEvent::new(KeyCode::Char('c'), ctrl)),
        Some(Action::Quit)
    );
}

#[test]
fn the_leave_form_says_its_own_field_names() {
    let mut f = empty();
    f.app.update(Action::Show(ScreenId::Leave));
    key(&mut f.app, KeyCode::Char('a'));
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "10/12/2026");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "01/12/2026");
    key(&mut f.app, KeyCode::Enter);
    let Overlay::Form(OpenForm::Leave(_, form)) = &f.app.overlay else {
        panic!("saved leave that ends before it starts")
    };
    assert_eq!(
        form.field(LeaveField::To).error.as_deref(),
        Some(
            "the leave ends (01 Dec 2026) before it starts (10 Dec 2026); To is the last day of leave, inclusive, on or after From"
        )
    );
    let screen = draw(&f.app);
    assert!(
        !screen.contains("--to") && screen.contains("To is the last"),
        "{screen}"
    );
    assert_eq!(journal_len(&f), 0);
}

#[test]
fn an_unknown_case_is_said_in_the_forms_words_with_the_nearest_references() {
    let mut f = demo();
    super::type_deadline(&mut f.app, "Position statement", "fri", "ZZ-9");
    let form = |app: &App| match &app.overlay {
        Overlay::Form(OpenForm::Deadline(_, form)) => form.clone(),
        other => panic!("not the deadline form: {other:?}"),
    };
    let preview = form(&f.app)
        .field(DeadlineField::Case)
        .preview
        .clone()
        .unwrap();
    assert!(
        preview.starts_with("no case has reference `ZZ-9`; the nearest are FD2")
            && preview.ends_with("(the Cases screen lists every case)"),
        "{preview}"
    );
    key(&mut f.app, KeyCode::Enter);
    let error = form(&f.app)
        .field(DeadlineField::Case)
        .error
        .clone()
        .unwrap();
    assert_eq!(error, preview, "the refusal says the same");
    let screen = draw(&f.app);
    assert!(
        !screen.contains("caseload list") && screen.contains("✗ no case has reference `ZZ-9`"),
        "{screen}"
    );

    // With no case recorded, it says how to go on.
    let mut f = empty();
    super::type_deadline(&mut f.app, "Filing", "fri", "FD1");
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(
        form(&f.app).field(DeadlineField::Case).error.as_deref(),
        Some(
            "no case has reference `FD1`, and none is recorded yet: add the case on the Cases screen first, or leave Case blank"
        )
    );
}
