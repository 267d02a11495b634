//! The smallest terminal the UI supports, 80×24: every screen with references whole and dates
//! readable, the same on every run (fresh processes, each with its own hash seeds).

use crate::common::tui::{chars, demo, draw};
use caseload::tui::action::{Action, ScreenId};
use ratatui::crossterm::event::KeyCode;

/// Every screen (and the help and a form) drawn at `size`, in one string.
fn every_screen(size: (u16, u16)) -> String {
    let mut f = demo();
    f.app.size = size;
    f.app.update(Action::Resize);
    let mut all = String::new();
    for screen in ScreenId::ALL {
        f.app.update(Action::Show(screen));
        all.push_str(&draw(&f.app));
    }
    f.app.update(Action::Help);
    all.push_str(&draw(&f.app));
    all
}

#[test]
fn every_screen_at_80_by_24() {
    let mut f = demo();
    f.app.size = (80, 24);
    f.app.update(Action::Resize);
    for screen in ScreenId::ALL {
        f.app.update(Action::Show(screen));
        let text = draw(&f.app);
        assert!(!text.contains("needs a terminal of at least"), "{screen:?}");
        assert!(text.contains(screen.title()), "{screen:?}");
        snapshot!(format!("80x24_{}", screen.title().to_lowercase()), &f.app);
    }
    f.app.update(Action::Help);
    snapshot!("80x24_help", &f.app);
    f.app.update(Action::Cancel);
    f.app.update(Action::Show(ScreenId::Diary));
    f.app.update(Action::Add);
    crate::common::tui::key(&mut f.app, KeyCode::Tab);
    chars(
        &mut f.app,
        "A note typed at the smallest size the program supports.",
    );
    snapshot!("80x24_note_form", &f.app);
}

#[test]
fn references_stay_whole_and_dates_readable_at_80_columns() {
    let mut f = demo();
    f.app.size = (80, 24);
    f.app.update(Action::Resize);
    for (screen, refs) in [(ScreenId::Cases, true), (ScreenId::Deadlines, true)] {
        f.app.update(Action::Show(screen));
        let text = draw(&f.app);
        let state = f.app.journal.state();
        let t = f.app.table().unwrap();
        let page = caseload::tui::screens::table_rows(f.app.size);
        for row in t.order.iter().skip(t.offset).take(page) {
            let (date, reference) = match screen {
                ScreenId::Cases => (
                    state.cases[*row].allocated_on,
                    Some(&state.cases[*row].reference),
                ),
                _ => (
                    state.deadlines[*row].due,
                    state.deadlines[*row].case.as_ref(),
                ),
            };
            let shown = date.format("%d %b %Y").to_string();
            assert!(text.contains(&shown), "{screen:?}: {shown} cut in\n{text}");
            if refs && let Some(r) = reference {
                assert!(
                    text.contains(&format!("{r} ")),
                    "{screen:?}: {r} cut in\n{text}"
                );
            }
        }
    }
}

/// The child of the test below: prints every screen at 80×24 and 100×30.
#[test]
#[ignore = "run in fresh processes by the_layout_is_the_same_in_every_run"]
fn print_every_screen() {
    print!(
        "<<<SCREENS\n{}{}SCREENS>>>",
        every_screen((80, 24)),
        every_screen((100, 30))
    );
}

/// ratatui's layout solver breaks ties by the order of a randomly seeded hash map, so widths
/// it chose could differ between runs; each run here is a new process with new seeds.
#[test]
fn the_layout_is_the_same_in_every_run() {
    let me = std::env::current_exe().unwrap();
    let run = || {
        let out = std::process::Command::new(&me)
            .args([
                "--ignored",
                "--exact",
                &crate::common::test_name(module_path!(), "print_every_screen"),
                "--nocapture",
                "--test-threads=1",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let screens = text
            .split("<<<SCREENS\n")
            .nth(1)
            .and_then(|t| t.split("SCREENS>>>").next())
            .expect("the child printed the screens")
            .to_string();
        // The journal's temporary folder differs between runs; nothing else may.
        without_temporary_folders(&screens)
    };
    let first = run();
    assert!(first.contains("Deadlines"), "{first}");
    for _ in 0..5 {
        assert_eq!(
            run(),
            first,
            "the same journal drew differently in another run"
        );
    }
}

/// The text with every temporary folder (`/tmp/.tmpXXXXXX`) replaced by `[DIR]`.
fn without_temporary_folders(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("/tmp/.tmp") {
        out.push_str(&rest[..at]);
        out.push_str("[DIR]");
        rest = &rest[(at + "/tmp/.tmp".len() + 6).min(rest.len())..];
    }
    out.push_str(rest);
    out
}
