//! A tired adviser typing a week by hand at 80×24 (a persona test): leave written down after
//! it was taken, the command line's words for leave and hours, and Backspace after a refused
//! save. Each driven by keys, checked on the form, the journal and the screen.

use crate::common::tui::{chars, draw, empty, key};
use caseload::tui::action::{Action, ScreenId};
use caseload::tui::app::Overlay;
use caseload::tui::forms::{LeaveField, OpenForm};
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
