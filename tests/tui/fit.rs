//! At 80×24, the smallest size the UI supports, every line reads whole: a wording that does
//! not fit gives way to a shorter one, a long line wraps, a column that would be cut makes
//! room or shows an ellipsis (a tester found "17-wk avg: none yet (≤48", "Hours · timer from
//! 00:5", "Run 'caseload verify' f", a cut "Reveal refs" line and "public-la").

use crate::common::tui::{app_on, config, demo, draw, empty, key};
use caseload::tui::action::{Action, ScreenId};
use caseload::tui::app::Overlay;
use ratatui::crossterm::event::KeyCode;

fn small(app: &mut caseload::tui::app::App) {
    app.size = (80, 24);
    app.update(Action::Resize);
}

/// The text of the screen with the box-drawing borders turned into spaces, so that a phrase
/// can be looked for across a wrapped line's end.
fn words(screen: &str) -> String {
    let plain: String = screen
        .chars()
        .map(|c| {
            if "│┌┐└┘─\"".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_fresh_journals_dashboard_says_the_average_and_its_limit_whole() {
    let mut f = empty();
    small(&mut f.app);
    let screen = draw(&f.app);
    assert!(screen.contains("│17-wk avg none yet (≤48)│"), "{screen}");
    snapshot!("80x24_empty_dashboard", &f.app);
}

#[test]
fn a_running_timer_is_named_whole_in_the_hours_card() {
    let mut f = empty();
    small(&mut f.app);
    // Started at a fixed time (t would take the clock's), as by another window.
    let timer = |date: &str| {
        format!(r#"{{"date":"{date}","start":"08:30","started_at":"{date}T08:30:05+00:00"}}"#)
    };
    std::fs::write(f.dir.path().join("timer.json"), timer("2026-11-22")).unwrap();
    assert!(f.app.poll_journal());
    let screen = draw(&f.app);
    assert!(screen.contains("┌ Hours · timer 08:30 ─"), "{screen}");
    snapshot!("80x24_dashboard_timer_today", &f.app);

    // A timer left running since another day: the day and time go under the hours, whole.
    std::fs::write(f.dir.path().join("timer.json"), timer("2026-11-21")).unwrap();
    assert!(f.app.poll_journal());
    let screen = draw(&f.app);
    assert!(screen.contains("┌ Hours · timer on ─"), "{screen}");
    assert!(screen.contains("│since 21 Nov 2026 08:30 │"), "{screen}");
    assert!(
        screen.contains("│17-wk avg none yet (≤48)│"),
        "the card grows to hold the line: {screen}"
    );
    snapshot!("80x24_dashboard_timer_yesterday", &f.app);
    // At 100 columns the title holds it, in fewer words.
    f.app.size = (100, 30);
    f.app.update(Action::Resize);
    assert!(
        draw(&f.app).contains("┌ Timer from 21 Nov 2026 08:30 ─"),
        "{}",
        draw(&f.app)
    );
}

#[test]
fn the_read_only_banner_says_where_to_look_at_80_columns() {
    let f = demo();
    let path = f.dir.path().join("journal.jsonl");
    let mut bytes = std::fs::read(&path).unwrap();
    // A byte changed in the middle of the file, as by a hand in an editor.
    let middle = bytes.len() / 2;
    let at = middle + bytes[middle..].iter().position(u8::is_ascii_digit).unwrap();
    bytes[at] = if bytes[at] == b'7' { b'8' } else { b'7' };
    std::fs::write(&path, &bytes).unwrap();
    let mut app = app_on(f.dir.path(), config());
    assert!(app.journal.is_read_only());
    small(&mut app);
    let screen = draw(&app);
    let banner = screen.lines().nth(1).unwrap().trim_end_matches([' ', '"']);
    assert!(
        banner.contains("READ-ONLY: damaged at line ")
            && banner.ends_with(". Nothing is saved; see `caseload verify`."),
        "{screen}"
    );
    // The reason, said in the status bar, wraps upwards rather than losing its end.
    let reason = app.journal.damage().unwrap().to_string();
    assert!(
        words(&screen).contains(&format!("✗ read-only: {reason}")),
        "{screen}"
    );
    snapshot!("80x24_read_only_banner", &app);
}

#[test]
fn every_damage_the_banner_names_fits_at_80_columns() {
    use caseload::tui::screens::read_only_banner;
    for damage in [
        "damaged at line 1000000",
        "the journal changed outside caseload",
        "written by a newer version of caseload",
    ] {
        let banner = read_only_banner(damage, 80);
        assert!(banner.chars().count() <= 80, "{banner}");
        assert!(
            banner.contains(damage) && banner.contains("`caseload verify`"),
            "{banner}"
        );
    }
    assert!(read_only_banner("damaged at line 3", 100).contains("Nothing will be written"));
}

#[test]
fn the_report_forms_choices_wrap_instead_of_being_cut() {
    let mut f = demo();
    small(&mut f.app);
    f.app.update(Action::Show(ScreenId::Report));
    key(&mut f.app, KeyCode::Enter);
    assert!(matches!(f.app.overlay, Overlay::ReportForm(_)));
    let screen = draw(&f.app);
    assert!(
        screen.contains("Reveal refs  default — real for a notice or supervision (md, txt,")
            && screen.contains("│               html, pdf), Case 1, Case 2... otherwise"),
        "{screen}"
    );
    snapshot!("80x24_report_form", &f.app);
}

#[test]
fn case_kinds_are_whole_at_80_columns_and_a_cut_note_says_so() {
    let mut f = demo();
    small(&mut f.app);
    f.app.update(Action::Show(ScreenId::Cases));
    let screen = draw(&f.app);
    for kind in ["public-law ", "enforcement ", "adoption "] {
        assert!(screen.contains(kind), "{kind} cut: {screen}");
    }
    assert!(!screen.contains("public-la "), "{screen}");
    // A note too long for its column ends in an ellipsis, never mid-word as if whole.
    f.app.update(Action::Show(ScreenId::Diary));
    let screen = draw(&f.app);
    assert!(screen.contains("Team restructur…│"), "{screen}");
}
