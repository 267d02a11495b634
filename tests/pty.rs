//! The terminal UI run for real in a pseudo-terminal: it restores the terminal on quit and on
//! a panic, and a window killed while saving a form loses nothing it said was saved and never
//! damages the journal.
#![cfg(unix)]
// A test may unwrap (it stops at the failing line), compare figures exactly, name the files
// it made itself by their extension, and run long as a table of cases.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::unused_self
)]

use crate::common;
use common::{BIN, MID_LINE_PANIC, PanicsMidLine, Sandbox};
use nix::sys::signal::Signal;
use nix::sys::wait::WaitStatus;
use rexpect::session::PtySession;
use std::process::Command;
use std::time::Duration;

/// A shell script run in a 100x30 pseudo-terminal (stty sets the size the UI reads), with
/// `env` added to a plain, colourless xterm's.
pub(crate) fn in_pty(script: &str, env: &[(&str, &std::ffi::OsStr)]) -> PtySession {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("stty cols 100 rows 30; {script}"))
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1");
    for (key, value) in env {
        cmd.env(key, value);
    }
    rexpect::session::spawn_with_options(
        cmd,
        rexpect::reader::Options::new().timeout_ms(Some(10_000)),
    )
    .unwrap()
}

/// The UI on the sandbox's journal, in a pseudo-terminal.
fn ui(s: &Sandbox) -> PtySession {
    in_pty(
        &format!("exec \"{BIN}\" --today 2026-11-22"),
        &[
            ("CASELOAD_DIR", s.data().as_os_str()),
            ("CASELOAD_CONFIG", s.config().as_os_str()),
        ],
    )
}

/// Types `keys` and waits for `then` to be drawn.
fn step(p: &mut PtySession, keys: &str, then: &str) {
    send(p, keys);
    p.exp_string(then).unwrap();
}

fn send(p: &mut PtySession, keys: &str) {
    p.send(keys).unwrap();
    p.flush().unwrap();
}

#[test]
fn quitting_restores_the_terminal_and_leaves_no_journal_text_on_it() {
    let s = Sandbox::new();
    s.ok(&["note", "add", "PRIVATE-NOTE-TEXT"]);
    let mut p = ui(&s);
    p.exp_string("Dashboard").unwrap();
    step(&mut p, "6", "PRIVATE-NOTE-TEXT");
    send(&mut p, "q");
    let rest = p.exp_eof().unwrap();
    // The UI drew on the alternate screen and left it: the shell's screen comes back as it was.
    assert!(
        rest.contains("\u{1b}[?1049l"),
        "no leave-alternate-screen in {rest:?}"
    );
    let after = rest.rsplit("\u{1b}[?1049l").next().unwrap();
    assert!(
        !after.contains("PRIVATE"),
        "journal text written after leaving: {after:?}"
    );
    let status = p.process_mut().wait().unwrap();
    assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
}

/// A window killed at a random moment around saving a form (before, during or after the
/// write) never damages the journal: it verifies, every note in it is whole and one of those
/// typed, and every note the window said was saved ("saved (record n)" reached the terminal
/// before the kill) is there. (A "saved" drawn with a letter skipped, because ratatui only
/// redraws cells that changed, is not counted: the check errs towards not counting.)
#[test]
fn a_window_killed_while_saving_loses_nothing_it_said_was_saved() {
    let s = Sandbox::new();
    s.ok(&["note", "add", "before"]);
    let mut rng = fastrand::Rng::with_seed(7);
    let mut typed = vec!["before".to_string()];
    let mut acknowledged = Vec::new();
    // CI kills 10 windows; `CASELOAD_UI_KILLS=N` runs N for a longer check.
    let rounds: usize = std::env::var("CASELOAD_UI_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    for round in 0..rounds {
        let text = format!("saved from the window {round}");
        let mut p = ui(&s);
        p.exp_string("Dashboard").unwrap();
        step(&mut p, "6", "Standards");
        step(&mut p, "a", "cancels");
        send(&mut p, &format!("\t{text}\r"));
        std::thread::sleep(Duration::from_micros(rng.u64(0..15_000)));
        p.process_mut().kill(Signal::SIGKILL).unwrap();
        // Whatever reached the terminal before the kill: did the window say it was saved?
        let shown = p.exp_eof().unwrap_or_default();
        let said_saved = shown.matches("saved").count()
            > shown.matches("not saved").count() + shown.matches("was saved").count();
        if said_saved {
            acknowledged.push(text.clone());
        }
        typed.push(text);
    }
    s.ok(&["note", "add", "after"]);
    typed.push("after".into());
    let verify = s.ok(&["verify"]);
    assert!(verify.starts_with("ok: "), "{verify}");
    let notes: Vec<serde_json::Value> =
        serde_json::from_str(&s.ok(&["list", "notes", "--json"])).unwrap();
    for n in &notes {
        let text = n["text"].as_str().unwrap();
        assert!(
            typed.iter().any(|t| t == text),
            "an unexpected or partial note: {text:?}"
        );
    }
    for text in &acknowledged {
        assert!(
            notes.iter().any(|n| n["text"] == text.as_str()),
            "the window said {text:?} was saved, but it is not in the journal"
        );
    }
    eprintln!(
        "{} of {rounds} saves landed before the kill; {} were shown as saved first",
        notes.len() - 2,
        acknowledged.len()
    );
}

/// The child of the panic tests below: the real terminal UI and event loop, on a journal whose
/// disk panics half-way through a write (`CASELOAD_PANIC=disk`) or with a report renderer that
/// panics on its worker thread (`CASELOAD_PANIC=render`).
#[test]
#[ignore = "run in a pseudo-terminal by the a_panic_... tests"]
fn ui_that_panics() {
    use caseload::config::{Config, preset};
    use caseload::journal::{Access, Journal};
    let dir = std::env::var_os("CASELOAD_DIR").expect("CASELOAD_DIR names the journal folder");
    let mut journal = Journal::open(std::path::Path::new(&dir), Access::ReadWrite).unwrap();
    let config = Config::from_toml_text(Some(preset("cafcass-fca").unwrap()), None).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    match std::env::var("CASELOAD_PANIC").as_deref() {
        Ok("disk") => {
            journal.set_disk(Box::new(PanicsMidLine));
            caseload::tui::run_on(journal, config, today).unwrap();
        }
        Ok("render") => {
            let reports = journal.dir().join("reports");
            let mut app = caseload::tui::build_app(journal, config, today, reports).unwrap();
            app.report.set_renderer(|_, _, _| panic!("{RENDER_PANIC}"));
            caseload::tui::run_app(&mut app).unwrap();
        }
        other => panic!("CASELOAD_PANIC is disk or render, not {other:?}"),
    }
}

const RENDER_PANIC: &str = "the renderer tripped";

/// The test binary itself, re-run in a 100x30 pseudo-terminal as [`ui_that_panics`], followed
/// by whether the terminal's settings (`stty -g`) are as they were before, and `stty -a`.
fn panicking_ui(s: &Sandbox, panic: &str) -> PtySession {
    let child = std::env::current_exe().unwrap();
    let test = common::test_name(module_path!(), "ui_that_panics");
    in_pty(
        &format!(
            "before=$(stty -g); \"{}\" --ignored --exact {} --nocapture --test-threads=1; echo \"child exited $?\"; [ \"$before\" = \"$(stty -g)\" ] && echo settings restored; stty -a",
            child.display(),
            test
        ),
        &[
            ("CASELOAD_DIR", s.data().as_os_str()),
            ("CASELOAD_PANIC", panic.as_ref()),
        ],
    )
}

/// A journal holding one private note, its bytes, and [`panicking_ui`] on it, showing the
/// dashboard.
fn panicking_ui_on_a_note(panic: &str) -> (Sandbox, Vec<u8>, PtySession) {
    let s = Sandbox::new();
    s.ok(&["note", "add", "PRIVATE-NOTE-TEXT"]);
    let before = s.journal_bytes();
    let mut p = panicking_ui(&s, panic);
    p.exp_string("Dashboard").unwrap();
    (s, before, p)
}

/// The output after the UI left the alternate screen, checked to have restored every terminal
/// setting, and to hold no journal text.
fn after_leaving(rest: &str, exit: &str) -> String {
    let left = rest
        .find("\u{1b}[?1049l")
        .unwrap_or_else(|| panic!("no leave-alternate-screen in {rest:?}"));
    let after = &rest[left..];
    assert!(
        !after.contains("PRIVATE"),
        "journal text after leaving: {after:?}"
    );
    assert!(after.contains(exit), "{after:?}");
    // Raw mode is off again: every terminal setting is as it was before, line editing included
    // (rexpect's terminal starts with echo off, so echo is not checked).
    let stty = after.rsplit(exit).next().unwrap();
    assert!(stty.contains("settings restored"), "{stty}");
    assert!(is_cooked(stty), "the terminal was left raw: {stty}");
    after.to_string()
}

/// Whether `stty -a` output shows a cooked terminal: line editing and signals on, as the
/// shell needs them (raw mode shows `-isig -icanon`).
fn is_cooked(stty: &str) -> bool {
    let flags: Vec<&str> = stty.split_whitespace().collect();
    flags.contains(&"icanon") && flags.contains(&"isig")
}

#[test]
fn a_panic_in_the_ui_restores_the_terminal_and_leaves_the_journal_valid() {
    let (s, before, mut p) = panicking_ui_on_a_note("disk");
    step(&mut p, "6", "PRIVATE-NOTE-TEXT");
    step(&mut p, "a", "cancels");
    send(&mut p, "\tnever saved\r");
    let rest = p.exp_eof().unwrap();

    // The panic hook left the alternate screen before the message was printed, so the message
    // is on the shell's own screen.
    let after = after_leaving(&rest, "child exited 101");
    assert!(after.contains(MID_LINE_PANIC), "{after:?}");

    // The half-written line was taken back as the panic unwound.
    assert_eq!(s.journal_bytes(), before);
    let verify = s.ok(&["verify"]);
    assert!(verify.starts_with("ok: "), "{verify}");
}

#[test]
fn a_panic_while_writing_a_report_is_shown_and_the_ui_carries_on() {
    let (s, before, mut p) = panicking_ui_on_a_note("render");
    step(&mut p, "7", "Reveal");
    step(&mut p, "\r", "cancels");
    step(&mut p, "\r", "internal");
    // Still running, on the alternate screen: another screen can be opened, then quit.
    step(&mut p, "6", "PRIVATE-NOTE-TEXT");
    send(&mut p, "q");
    let rest = p.exp_eof().unwrap();
    let after = after_leaving(&rest, "child exited 0");
    assert!(
        !rest.contains("panicked") && !rest.contains(RENDER_PANIC),
        "the panic was printed over the UI: {rest:?}"
    );
    assert!(after.contains("test result: ok. 1 passed"), "{after:?}");
    assert_eq!(s.journal_bytes(), before);
}

#[test]
fn is_cooked_tells_raw_from_cooked() {
    assert!(is_cooked("speed 38400 baud; isig icanon iexten echo echoe"));
    assert!(!is_cooked(
        "speed 38400 baud; -isig -icanon -iexten -echo echoe"
    ));
}

#[test]
fn a_pdf_is_not_poured_into_a_terminal() {
    let s = Sandbox::new();
    s.ok(&["note", "add", "something"]);
    let mut p = in_pty(
        &format!("\"{BIN}\" --today 2026-11-22 report --format pdf; echo \"exited $?\""),
        &[
            ("CASELOAD_DIR", s.data().as_os_str()),
            ("CASELOAD_CONFIG", s.config().as_os_str()),
        ],
    );
    p.exp_string("a PDF is not for showing on a terminal; write it to a file with -o")
        .unwrap();
    p.exp_string("exited 2").unwrap();
    let rest = p.exp_eof().unwrap();
    assert!(!rest.contains("%PDF"), "{rest}");
}

/// The UI with extra environment.
fn ui_with(s: &Sandbox, env: &[(&str, &std::ffi::OsStr)]) -> PtySession {
    let mut all = vec![
        ("CASELOAD_DIR", s.data().into_os_string()),
        ("CASELOAD_CONFIG", s.config().into_os_string()),
    ];
    all.extend(env.iter().map(|(k, v)| (*k, v.to_os_string())));
    let refs: Vec<(&str, &std::ffi::OsStr)> =
        all.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
    in_pty(&format!("exec \"{BIN}\" --today 2026-11-22"), &refs)
}

#[test]
fn a_paste_in_a_real_terminal_is_text_never_keys() {
    let s = Sandbox::new();
    s.ok(&["note", "add", "first"]);
    let mut p = ui(&s);
    p.exp_string("Dashboard").unwrap();
    step(&mut p, "6", "Standards");
    step(&mut p, "a", "cancels");
    send(&mut p, "\t");
    // A bracketed paste, as a terminal sends it: its q and e are not keys.
    step(
        &mut p,
        "\u{1b}[200~quick one: q then e\r\nsecond line\u{1b}[201~",
        // ratatui moves the cursor between words: one word at a time.
        "second",
    );
    step(&mut p, "\r", "undoes");
    send(&mut p, "q");
    p.exp_eof().unwrap();
    let notes: Vec<serde_json::Value> =
        serde_json::from_str(&s.ok(&["list", "notes", "--json", "--by", "entered"])).unwrap();
    assert_eq!(notes[1]["text"], "quick one: q then e\nsecond line");
}

#[test]
fn ctrl_o_opens_the_note_in_the_users_editor_and_brings_it_back() {
    let s = Sandbox::new();
    let editor = s.dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf '%s\\n\\n%s\\n' \"$(cat \"$1\")\" 'Finished in my editor.' > \"$1\"\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut p = ui_with(&s, &[("EDITOR", editor.as_os_str())]);
    p.exp_string("Dashboard").unwrap();
    step(&mut p, "6", "Standards");
    step(&mut p, "a", "cancels");
    send(&mut p, "\t");
    step(
        &mut p,
        "\u{1b}[200~Started in the form.\u{1b}[201~",
        "Started",
    );
    step(&mut p, "\u{f}", "Finished");
    step(&mut p, "\r", "undoes");
    send(&mut p, "q");
    p.exp_eof().unwrap();
    let notes: Vec<serde_json::Value> =
        serde_json::from_str(&s.ok(&["list", "notes", "--json"])).unwrap();
    assert_eq!(
        notes[0]["text"],
        "Started in the form.\n\nFinished in my editor."
    );
}

/// A report written from the Report screen is prepared when it is written, not when the
/// window opened: the first version kept the opening moment, so a record written while the
/// window was open was called "later than when this document was prepared" in the report's
/// own integrity statement (and never counted as written at the time).
#[test]
fn a_report_written_from_the_ui_is_prepared_when_written_not_when_the_window_opened() {
    let s = Sandbox::new();
    s.ok(&["note", "add", "before the window"]);
    let mut p = ui_with(&s, &[("HOME", s.dir.path().as_os_str())]);
    p.exp_string("intact").unwrap();
    // Journal times are whole seconds: this note is written a second after the window opened.
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    s.ok(&["note", "add", "meanwhile"]);
    // The window has read it (ratatui draws a line's words apart, so one word is looked for).
    step(&mut p, "6", "meanwhile");
    step(&mut p, "7", "Press");
    step(&mut p, "\r", "cancels");
    step(&mut p, "\r", "Written");
    send(&mut p, "q");
    p.exp_eof().unwrap();
    let reports = s.data().join("reports");
    let written: Vec<_> = std::fs::read_dir(&reports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let text = std::fs::read_to_string(&written[0]).unwrap();
    assert!(
        text.contains("Every record was written no earlier than the records before it, and before this document was prepared."),
        "{text}"
    );
    let out = s.ok(&["verify", "--document", written[0].to_str().unwrap()]);
    assert!(out.starts_with("ok: "), "{out}");
}

/// `caseload demo`, the README's first command, opens on a clean bill: its temporary folder
/// is private (no "others can read the data folder") and, generated up to now, no record
/// is later than the clock (no time-order warning).
#[test]
fn the_demo_opens_private_and_in_time_order() {
    let s = Sandbox::new();
    let tmp = s.dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let mut p = in_pty(
        &format!("exec \"{BIN}\" demo"),
        &[
            ("TMPDIR", tmp.as_os_str()),
            ("HOME", s.dir.path().as_os_str()),
            ("CASELOAD_CONFIG", s.config().as_os_str()),
        ],
    );
    p.exp_string("intact").unwrap();
    let folders: Vec<_> = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap())
        .collect();
    assert_eq!(folders.len(), 1);
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&folders[0].metadata().unwrap().permissions());
    assert_eq!(mode & 0o777, 0o700, "{mode:o}");
    let journal =
        caseload::journal::Journal::open(&folders[0].path(), caseload::journal::Access::ReadOnly)
            .unwrap();
    let order =
        caseload::report::time_order::check(journal.records(), chrono::Local::now().fixed_offset());
    assert!(order.is_clean(), "{order:?}");
    send(&mut p, "q");
    p.exp_eof().unwrap();
}
