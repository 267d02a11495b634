//! The keys it takes to record the everyday things, counted by driving the UI (the figures in
//! the README's "Keys to record a day" table). Today is Sunday 22 Nov 2026.

use crate::common::tui::{empty, key};
use caseload::tui::action::{Action, ScreenId};
use caseload::tui::app::{App, Overlay};
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;

/// Presses the keys, counting them: text is one key a character; `\t` is Tab, `\n` Enter.
fn press(app: &mut App, keys: &str) -> usize {
    for c in keys.chars() {
        match c {
            '\t' => key(app, KeyCode::Tab),
            '\n' => key(app, KeyCode::Enter),
            c => key(app, KeyCode::Char(c)),
        }
    }
    keys.chars().count()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

#[test]
fn keys_to_record_a_case_a_deadline_a_days_hours_and_a_note() {
    let mut f = empty();
    // A case allocated last Monday by the team manager, without discussion.
    f.app.update(Action::Show(ScreenId::Cases));
    let case = press(&mut f.app, "aFD26P00123\ts\tmon\tteam manager\tn\n");
    assert_eq!(f.app.overlay, Overlay::None);
    let c = &f.app.journal.state().cases[0];
    assert_eq!(
        (c.allocated_on, c.discussed, c.allocated_by.as_deref()),
        (day(16), false, Some("team manager"))
    );
    assert_eq!(case, 33);

    // A deadline next Friday for that case.
    f.app.update(Action::Show(ScreenId::Deadlines));
    let deadline = press(&mut f.app, "aPosition statement\tfri\tFD26P00123\n");
    let d = &f.app.journal.state().deadlines[0];
    assert_eq!((d.due, d.case.as_deref()), (day(27), Some("FD26P00123")));
    assert_eq!(deadline, 35);

    // Friday's hours, 08:30 to 18:10 with a 20-minute break.
    f.app.update(Action::Show(ScreenId::Hours));
    let hours = press(&mut f.app, "afri\t08:30\t18:10\t20\n");
    let h = &f.app.journal.state().hours[0].entry;
    assert_eq!(
        (h.date, h.break_minutes, h.end.unwrap().to_string()),
        (day(20), Some(20), "18:10".into())
    );
    assert_eq!(hours, 20);
    // Thursday as the usual day (09:00 to 17:00, 30 minutes): the day's name and Enter.
    let usual = press(&mut f.app, "athu\n");
    assert_eq!(f.app.journal.state().hours[1].entry.date, day(19));
    assert_eq!(usual, 5);

    // Yesterday's note, tagged Demands, stress 7.
    f.app.update(Action::Show(ScreenId::Diary));
    let text = "Given two new cases without discussion";
    let note = press(&mut f.app, &format!("a-1\t{text}\tdemands\t7\n"));
    let n = &f.app.journal.state().notes[0].note;
    assert_eq!(
        (n.date, n.text.as_str(), n.stress),
        (day(21), text, Some(7))
    );
    assert_eq!(note, 53);
    assert_eq!(note - text.len(), 15, "keys besides the note's own words");
}
