//! The window over time and beside others: records another window writes, a journal damaged
//! or edited while open, the clock passing midnight, a window too small, files others can read.

use crate::common;
use crate::common::tui::{H, W, app_on, chars, config, demo, draw, key, today};
use caseload::journal::{Access, Journal};
use caseload::tui::action::{Action, ScreenId};
use caseload::tui::app::{App, Overlay};
use ratatui::crossterm::event::KeyCode;

#[test]
fn records_written_by_another_window_appear_without_losing_the_place() {
    let mut f = demo();
    f.app.update(Action::Show(ScreenId::Cases));
    f.app.update(Action::Down);
    f.app.update(Action::Down);
    let selected = f
        .app
        .table()
        .unwrap()
        .selected_row()
        .map(|i| f.app.journal.state().cases[i].id);
    assert!(!f.app.poll_journal(), "nothing new yet");

    let mut other = Journal::open(f.dir.path(), Access::ReadWrite).unwrap();
    other
        .append(|state, _| {
            caseload::domain::commands::allocate_case(
                state,
                &["s7"],
                caseload::domain::CaseAllocated {
                    reference: "OTHER-WINDOW".into(),
                    kind: "s7".into(),
                    allocated_on: today(),
                    allocated_by: None,
                    discussed: true,
                    weight: None,
                    note: None,
                    imported: None,
                },
                None,
            )
        })
        .unwrap();

    assert!(f.app.poll_journal());
    assert!(f.app.journal.state().case("OTHER-WINDOW").is_some());
    let now_selected = f
        .app
        .table()
        .unwrap()
        .selected_row()
        .map(|i| f.app.journal.state().cases[i].id);
    assert_eq!(
        now_selected, selected,
        "the selection follows the same record"
    );
    let screen = draw(&f.app);
    assert!(
        screen.contains("OTHER-WINDOW") && screen.contains("1 new record from another window"),
        "{screen}"
    );
    // And this window can still write, chained after the other's line.
    f.app.update(Action::Show(ScreenId::Diary));
    f.app.update(Action::Add);
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "after the other window");
    key(&mut f.app, KeyCode::Enter);
    assert!(
        Journal::open(f.dir.path(), Access::ReadOnly)
            .unwrap()
            .damage()
            .is_none()
    );
}

#[test]
fn a_damaged_journal_opens_read_only_and_refuses_writes() {
    let f = demo();
    let path = f.dir.path().join("journal.jsonl");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("Report filing", "Report filed", 1);
    std::fs::write(&path, &text).unwrap();
    let mut app = app_on(f.dir.path(), config());
    assert!(app.journal.is_read_only());
    app.update(Action::Show(ScreenId::Cases));
    app.update(Action::Add);
    assert_eq!(app.overlay, Overlay::None);
    let screen = draw(&app);
    assert!(
        screen.contains("READ-ONLY: damaged at line 3. Nothing will be written."),
        "{screen}"
    );
    assert!(
        screen.contains("unavailable: the journal is read-only"),
        "{screen}"
    );
    snapshot!("read_only_banner", &app);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "nothing was rewritten"
    );
}

/// An edit made while the window is open, of a line far above the end and keeping the file's
/// size: the window's next write reads the known lines again, refuses, and the screens are
/// rebuilt from the records still trusted (they pointed past the end of them, and the next
/// look at the file panicked).
#[test]
fn an_edit_made_while_the_window_is_open_stops_its_next_write() {
    let mut f = demo();
    f.app.update(Action::Show(ScreenId::Diary));
    for _ in 0..40 {
        f.app.update(Action::Down);
    }
    let path = f.dir.path().join("journal.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen("Report filing", "Report filed!", 1);
    assert_eq!(edited.len(), text.len());
    let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    std::io::Write::write_all(&mut file, edited.as_bytes()).unwrap();
    drop(file);

    f.app.update(Action::Add);
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "typed after the edit");
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.journal.is_read_only());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        edited,
        "nothing written"
    );
    f.app.poll_journal();
    let screen = draw(&f.app);
    assert!(screen.contains("READ-ONLY: damaged at line 3"), "{screen}");
    assert!(screen.contains("not saved"), "{screen}");
    let rows = f.app.table().unwrap().order.len();
    assert!(rows < 2, "the diary shows only trusted records: {rows}");
}

#[test]
fn small_terminals_are_told_the_minimum_size() {
    let mut f = demo();
    f.app.size = (70, 20);
    f.app.update(Action::Resize);
    let screen = draw(&f.app);
    assert!(
        screen.contains("at least 80×24; this one is 70×20"),
        "{screen}"
    );
}

/// Below the minimum size only the size message shows: keys wait (a `q` pressed "to quit"
/// typed itself into the half-written note behind it), and what was typed is kept.
#[test]
fn a_too_small_window_keeps_keys_out_of_the_form_it_hides() {
    let mut f = demo();
    f.app.update(Action::Show(ScreenId::Diary));
    f.app.update(Action::Add);
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "half typed");
    let before = draw(&f.app);
    f.app.size = (70, 20);
    f.app.update(Action::Resize);
    chars(&mut f.app, "q more");
    key(&mut f.app, KeyCode::Enter);
    assert!(!f.app.quit);
    f.app.size = (W, H);
    f.app.update(Action::Resize);
    assert_eq!(draw(&f.app), before, "the form is as it was left");

    let mut f = demo();
    f.app.size = (70, 20);
    f.app.update(Action::Resize);
    key(&mut f.app, KeyCode::Char('q'));
    assert!(f.app.quit, "with nothing open, q quits as the message says");
}

/// A window left open past midnight moves to the new day on the event loop's tick (which
/// sends the clock's date); a tick on the same day changes nothing and asks for no redraw.
#[test]
fn a_tick_on_a_new_day_moves_today_and_what_depends_on_it() {
    let mut f = demo();
    f.app.status = Some(("saved (record 9)".to_string(), false));
    let before = draw(&f.app);
    assert!(!f.app.update(Action::Tick(today())), "same day: no redraw");
    assert_eq!(draw(&f.app), before);
    let monday = today().succ_opt().unwrap();
    assert!(f.app.update(Action::Tick(monday)));
    assert_eq!(f.app.today, monday);
    // A tick is not a key press: the last message stays.
    assert_eq!(f.app.status.as_ref().unwrap().0, "saved (record 9)");
    let after = draw(&f.app);
    for (was, is) in [
        ("22 Nov 2026\"", "23 Nov 2026\""),
        ("45.3 h this week", "0.0 h this week"),
        (
            "Flagged, 23 Nov 2025 to 22 Nov 2026",
            "Flagged, 24 Nov 2025 to 23 Nov 2026",
        ),
    ] {
        assert!(before.contains(was) && after.contains(is), "{after}");
        assert!(!after.contains(was), "{after}");
    }
    assert_eq!(
        f.app.journal.records().len(),
        789,
        "the records the window had"
    );
    assert!(
        !f.app.update(Action::Tick(monday)),
        "the same new day again"
    );
}

/// Only a window on the clock's today follows the clock: one pinned to another day with
/// `--today` (every test and the README's pictures) stays on it.
#[test]
fn only_a_window_on_the_real_today_follows_the_clock() {
    let dir = common::private_tempdir();
    let reports = dir.path().join("reports");
    // Read from the clock here because build_app reads it; any day gives the same answers.
    let real = chrono::Local::now().date_naive();
    for (today, follows) in [
        (real, true),
        (real.pred_opt().unwrap(), false),
        (real.succ_opt().unwrap(), false),
    ] {
        let journal = Journal::open(dir.path(), Access::ReadWrite).unwrap();
        let app = caseload::tui::build_app(journal, config(), today, reports.clone()).unwrap();
        assert_eq!(app.follows_clock, follows, "{today}");
    }
}

/// Files others can read are said in one status line that a window of 80 columns shows
/// whole: the fix first, then the names when they fit, else how many there are.
#[cfg(unix)]
#[test]
fn loose_permissions_are_said_whole_at_80_columns() {
    use std::os::unix::fs::PermissionsExt;
    let f = demo();
    let dir = f.dir.path();
    let mode = |path: &std::path::Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    mode(&dir.join("journal.jsonl"), 0o644);
    let status = |app: &App| app.status.clone().unwrap();
    let app = app_on(dir, config());
    assert_eq!(
        status(&app),
        (
            "run `caseload verify --fix-permissions`: others can read journal.jsonl".to_string(),
            true
        )
    );
    mode(dir, 0o755);
    mode(&dir.join("journal.lock"), 0o644);
    let mut app = app_on(dir, config());
    app.size = (80, 24);
    app.update(Action::Resize);
    let (message, _) = status(&app);
    assert_eq!(
        message,
        "run `caseload verify --fix-permissions`: others can read 3 files and folders"
    );
    let screen = draw(&app);
    assert!(screen.contains(&format!(" ✗ {message}")), "{screen}");
    snapshot!("loose_permissions_80x24", &app);
    mode(dir, 0o700);
}
