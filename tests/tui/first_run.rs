//! The first run: with no config file yet, the usual one or one named with `--config`, the
//! setup asks a few questions and writes the file where the user said (a `--config FILE` not
//! yet made was refused as "cannot be read"). A command, which cannot ask, says how to make it.

use crate::common::BIN;
use crate::common::tui::{H, W};
use caseload::config::Config;
use caseload::tui::action::Action;
use caseload::tui::setup::{Setup, SetupOutcome, needs_setup, save};
use caseload::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn theme() -> Theme {
    Theme::new(caseload::config::Theme::Dark, true)
}

fn drawn(setup: &Setup, (w, h): (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(setup, f.area())).unwrap();
    terminal.backend().to_string()
}

#[test]
fn first_run_setup_writes_a_valid_config() {
    let mut setup = Setup::new(theme());
    let screen = drawn(&setup, (W, H));
    insta::assert_snapshot!("first_run_setup", screen);
    setup.update(Action::Type('p')); // probation-officer
    setup.update(Action::NextField);
    setup.update(Action::Backspace);
    setup.update(Action::Backspace);
    for c in "2x".chars() {
        setup.update(Action::Type(c));
    }
    assert!(matches!(
        setup.update(Action::Submit),
        SetupOutcome::Continue
    ));
    assert!(
        setup.form.fields[1]
            .error
            .as_deref()
            .unwrap()
            .contains("not a number")
    );
    setup.update(Action::Backspace);
    setup.update(Action::Type('2'));
    let SetupOutcome::Done(text) = setup.update(Action::Submit) else {
        panic!("not accepted")
    };
    let config = Config::from_toml_text(Some(&text), None).unwrap();
    assert_eq!(config.work.contracted_hours, 22.0);
    assert!(config.kind("tier-a").is_some());
}

#[test]
fn first_run_setup_keeps_the_presets_notes_on_its_weights() {
    let mut setup = Setup::new(theme());
    let SetupOutcome::Done(text) = setup.update(Action::Submit) else {
        panic!("defaults refused")
    };
    assert!(
        text.contains("# Assumption: about 30 hours of enquiries"),
        "{text}"
    );
    assert_eq!(text.matches("[work]").count(), 1);
    assert_eq!(text.matches("[limits]").count(), 1);
    let config = Config::from_toml_text(Some(&text), None).unwrap();
    assert_eq!(
        (config.limits.caseload, config.limits.capacity_weeks),
        (22, 4)
    );
}

#[test]
fn a_config_named_that_does_not_exist_yet_is_made_by_the_setup() {
    let dir = crate::common::private_tempdir();
    let path = dir.path().join("work.toml");
    assert!(needs_setup(&path, true).unwrap(), "named and not there yet");
    let setup = Setup::new(theme()).saving_to(&path);
    let screen = drawn(&setup, (80, 24));
    assert!(screen.contains("Welcome to caseload"), "{screen}");
    assert!(
        screen.contains("Enter saves them in") && screen.contains("work.toml"),
        "the setup says where it saves: {screen}"
    );
    insta::with_settings!({filters => vec![(r"/tmp/\.tmp\w{6}", "[TMP]")]}, {
        insta::assert_snapshot!("80x24_setup_for_a_named_file", screen);
    });
    let mut setup = setup;
    let SetupOutcome::Done(text) = setup.update(Action::Submit) else {
        panic!("the defaults were refused")
    };
    save(&path, &text).unwrap();
    let config = Config::load(&path, true).unwrap();
    assert_eq!(config.source.as_deref(), Some(path.as_path()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "private, as the usual one is");
    }
    assert!(
        !needs_setup(&path, true).unwrap(),
        "made: no setup next time"
    );
    // The usual file's folder is made; a named file's folder must exist already.
    let usual = dir
        .path()
        .join("config")
        .join("caseload")
        .join("config.toml");
    assert!(needs_setup(&usual, false).unwrap());
    let typo = dir.path().join("no-such-folder").join("work.toml");
    let refused = needs_setup(&typo, true).unwrap_err().to_string();
    assert!(
        refused.contains("neither the file nor its folder exists"),
        "{refused}"
    );
}

/// The same for real: `caseload --config FILE` in a terminal, FILE not made yet.
#[cfg(unix)]
#[test]
fn the_ui_run_with_a_new_config_path_asks_then_opens_on_it() {
    let dir = crate::common::private_tempdir();
    let path = dir.path().join("new.toml");
    let mut p = crate::pty::in_pty(
        &format!(
            "exec \"{BIN}\" --config \"{}\" --data-dir \"{}\" --today 2026-11-22",
            path.display(),
            dir.path().join("data").display()
        ),
        &[],
    );
    p.exp_string("Welcome to caseload").unwrap();
    p.exp_string("new.toml").unwrap();
    assert!(!path.exists(), "nothing written before the answers");
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Dashboard").unwrap();
    p.send("q").unwrap();
    p.flush().unwrap();
    p.exp_eof().unwrap();
    let config = Config::load(&path, true).unwrap();
    assert_eq!(config.limits.caseload, 22);
}

/// A command cannot ask the setup's questions: it says how to make the file, and makes none.
#[test]
fn a_command_with_a_config_named_that_does_not_exist_says_how_to_make_it() {
    let dir = crate::common::private_tempdir();
    let path = dir.path().join("missing.toml");
    let out = std::process::Command::new(BIN)
        .args(["--config", &path.display().to_string()])
        .args(["--data-dir", &dir.path().join("data").display().to_string()])
        .args(["list", "cases"])
        .env_remove("CASELOAD_CONFIG")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("missing.toml: does not exist; `caseload config init` writes it")
            && err.contains("`caseload` alone asks a few questions and writes it"),
        "{err}"
    );
    assert!(!path.exists());
}
