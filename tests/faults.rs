//! Fault injection: the journal's writes and renames fail as a full disk, a failing drive or a
//! read-only file system would, or panic half-way. The user is told, nothing is acknowledged,
//! nothing earlier is lost, the journal stays valid, and a form keeps what was typed.
// A test may unwrap (it stops at the failing line), compare figures exactly, name the files
// it made itself by their extension, and run long as a table of cases.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::unused_self
)]

use crate::common;
use caseload::config::preset;
use caseload::domain::NoteAdded;
use caseload::domain::commands::add_note;
use caseload::journal::{Access, Disk, Journal, RealDisk};
use chrono::NaiveDate;
use common::PanicsMidLine;
use std::io::{Error, ErrorKind, Write};
use std::path::Path;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

#[derive(Clone, Copy)]
enum Fault {
    /// Half the line reaches the file, then the disk is full.
    DiskFullMidLine,
    /// The whole line is written but flushing it to the disk fails.
    FsyncFails,
    /// The file cannot be opened for writing.
    ReadOnlyFileSystem,
}

struct Failing(Fault);

impl Disk for Failing {
    fn append(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        match self.0 {
            Fault::DiskFullMidLine => {
                let mut file = std::fs::OpenOptions::new()
                    .append(true)
                    .create(true)
                    .open(path)?;
                file.write_all(&bytes[..bytes.len() / 2])?;
                Err(Error::new(
                    ErrorKind::StorageFull,
                    "No space left on device",
                ))
            }
            Fault::FsyncFails => {
                let mut file = std::fs::OpenOptions::new()
                    .append(true)
                    .create(true)
                    .open(path)?;
                file.write_all(bytes)?;
                Err(Error::other("Input/output error"))
            }
            Fault::ReadOnlyFileSystem => Err(Error::new(
                ErrorKind::ReadOnlyFilesystem,
                "Read-only file system",
            )),
        }
    }
}

fn note(
    text: &str,
) -> impl Fn(
    &caseload::domain::State,
    &[caseload::domain::replay::Record],
) -> Result<caseload::domain::Event, caseload::domain::commands::Refusal>
+ '_ {
    move |_, _| {
        add_note(NoteAdded {
            date: today(),
            text: text.into(),
            standards: vec![],
            stress: None,
            told: None,
        })
    }
}

/// Appends for real, but the daily backup's rename into place fails.
struct RenameFails;

impl Disk for RenameFails {
    fn append(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        RealDisk.append(path, bytes)
    }

    fn rename(&mut self, _from: &Path, _to: &Path) -> std::io::Result<()> {
        Err(Error::other("Input/output error"))
    }
}

fn note_texts(dir: &Path) -> Vec<String> {
    let journal = Journal::open(dir, Access::ReadOnly).unwrap();
    assert!(journal.damage().is_none(), "{:?}", journal.damage());
    journal
        .state()
        .notes
        .iter()
        .map(|n| n.note.text.clone())
        .collect()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_failed_backup_rename_keeps_the_record_says_so_and_leaves_no_temporary_file() {
    let dir = common::private_tempdir();
    let mut journal = Journal::open(dir.path(), Access::ReadWrite).unwrap();
    journal.set_disk(Box::new(RenameFails));
    assert_eq!(journal.append(note("saved all the same")).unwrap(), 1);
    let notices = journal.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].starts_with(
            "the record was saved, but today's backup failed: cannot rename into place"
        ),
        "{notices:?}"
    );
    assert!(notices[0].ends_with("Input/output error"), "{notices:?}");
    let backups = caseload::journal::backup_dir(dir.path());
    assert_eq!(
        files_in(&backups),
        Vec::<String>::new(),
        "a temporary file was left"
    );
    assert_eq!(note_texts(dir.path()), ["saved all the same"]);

    // The next write, with the disk recovered, makes today's copy of everything so far.
    journal.set_disk(Box::new(RealDisk));
    journal.append(note("and the next")).unwrap();
    assert!(journal.take_notices().is_empty());
    let copies = files_in(&backups);
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert!(copies[0].starts_with("journal-") && copies[0].ends_with(".jsonl"));
    assert_eq!(
        std::fs::read(backups.join(&copies[0])).unwrap(),
        std::fs::read(journal.path()).unwrap()
    );
}

#[test]
fn a_panic_half_way_through_a_write_takes_the_half_line_back_as_it_unwinds() {
    let dir = common::private_tempdir();
    let mut journal = Journal::open(dir.path(), Access::ReadWrite).unwrap();
    journal.append(note("kept")).unwrap();
    let before = std::fs::read(journal.path()).unwrap();
    journal.set_disk(Box::new(PanicsMidLine));
    let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        journal.append(note("never acknowledged"))
    }));
    assert!(unwound.is_err(), "the disk did not panic");
    assert_eq!(std::fs::read(journal.path()).unwrap(), before);
    assert_eq!(note_texts(dir.path()), ["kept"]);
}

#[test]
fn a_failed_write_is_reported_and_leaves_the_journal_whole() {
    for fault in [
        Fault::DiskFullMidLine,
        Fault::FsyncFails,
        Fault::ReadOnlyFileSystem,
    ] {
        let dir = common::private_tempdir();
        let mut journal = Journal::open(dir.path(), Access::ReadWrite).unwrap();
        journal.append(note("kept")).unwrap();
        let before = std::fs::read(journal.path()).unwrap();

        journal.set_disk(Box::new(Failing(fault)));
        let err = journal
            .append(note("lost in the fault"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("cannot write the record to "), "{err}");
        assert_eq!(
            std::fs::read(journal.path()).unwrap(),
            before,
            "the partial line was taken back"
        );
        assert_eq!(journal.records().len(), 1, "nothing was acknowledged");

        // When the disk recovers, the next record chains on the last acknowledged one.
        journal.set_disk(Box::new(RealDisk));
        assert_eq!(journal.append(note("after the fault")).unwrap(), 2);
        assert_eq!(note_texts(dir.path()), ["kept", "after the fault"]);
    }
}

/// The UI on the journal in `dir`, whose disk is `disk`.
fn app_on(dir: &Path, disk: Box<dyn Disk>) -> caseload::tui::app::App {
    let mut app = common::tui::app_on(dir, common::tui::config());
    app.journal.set_disk(disk);
    app
}

/// The UI with a diary note typed into the add form.
fn app_with_note_typed(dir: &Path, disk: Box<dyn Disk>) -> caseload::tui::app::App {
    use caseload::tui::action::{Action, ScreenId};
    let mut app = app_on(dir, disk);
    app.update(Action::Show(ScreenId::Diary));
    app.update(Action::Add);
    app.update(Action::NextField);
    for c in "Three new cases".chars() {
        app.update(Action::Type(c));
    }
    app
}

#[test]
fn the_ui_saves_and_warns_when_only_the_backup_fails() {
    use caseload::tui::action::Action;
    use caseload::tui::app::Overlay;
    let dir = common::private_tempdir();
    let mut app = app_with_note_typed(dir.path(), Box::new(RenameFails));
    app.update(Action::Submit);
    assert_eq!(app.overlay, Overlay::None);
    let (message, warning) = app.status.clone().unwrap();
    assert!(warning, "shown as a plain message: {message}");
    assert!(
        message.starts_with("the record was saved, but today's backup failed"),
        "{message}"
    );
    assert_eq!(note_texts(dir.path()), ["Three new cases"]);
}

#[test]
fn a_form_keeps_its_data_when_the_disk_is_full() {
    use caseload::tui::action::Action;
    use caseload::tui::app::Overlay;
    let dir = common::private_tempdir();
    let mut app = app_with_note_typed(dir.path(), Box::new(Failing(Fault::DiskFullMidLine)));
    app.update(Action::Submit);
    let Overlay::Form(caseload::tui::forms::OpenForm::Note(_, form)) = &app.overlay else {
        panic!("the form closed on a failed save")
    };
    assert!(
        form.error
            .as_deref()
            .unwrap()
            .starts_with("not saved: cannot write the record to"),
        "{:?}",
        form.error
    );
    assert!(
        form.error
            .as_deref()
            .unwrap()
            .contains("No space left on device")
    );
    assert_eq!(
        form.value(caseload::tui::forms::NoteField::Text),
        "Three new cases"
    );
    assert!(app.journal.state().notes.is_empty());

    app.journal.set_disk(Box::new(RealDisk));
    app.update(Action::Submit);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.journal.state().notes.len(), 1);
}

/// A folder standing where the report should go: refused before anything is written (a
/// rename that fails at the last step is tested in `output::tests`).
fn folder_in_the_way(parent: &Path) -> std::path::PathBuf {
    let target = parent.join("report.md");
    std::fs::create_dir_all(target.join("kept")).unwrap();
    target
}

#[test]
fn a_report_that_cannot_be_renamed_into_place_is_reported_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open(&dir.path().join("data"), Access::ReadWrite).unwrap();
    journal.append(note("kept")).unwrap();
    let before = std::fs::read(journal.path()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let target = folder_in_the_way(out.path());
    let config = dir.path().join("config.toml");
    std::fs::write(&config, preset("cafcass-fca").unwrap()).unwrap();

    let result = std::process::Command::new(env!("CARGO_BIN_EXE_caseload"))
        .env_clear()
        .env("CASELOAD_DIR", dir.path().join("data"))
        .env("CASELOAD_CONFIG", &config)
        .args(["--today", "2026-11-22", "report", "--output"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8(result.stderr).unwrap();
    assert_eq!(
        stderr.trim_end(),
        format!(
            "caseload: {} is a folder; give the name of a file to write",
            target.display()
        )
    );
    assert_eq!(
        files_in(out.path()),
        ["report.md"],
        "a temporary file was left"
    );
    assert_eq!(files_in(&target), ["kept"]);
    assert_eq!(std::fs::read(journal.path()).unwrap(), before);
}

#[test]
fn the_report_screen_shows_a_failed_rename_and_can_try_again() {
    use caseload::tui::action::{Action, ScreenId};
    use common::tui::{chars, draw, key};
    use ratatui::crossterm::event::KeyCode;
    let dir = common::private_tempdir();
    let out = tempfile::tempdir().unwrap();
    let target = folder_in_the_way(out.path());
    let mut app = app_on(dir.path(), Box::new(RealDisk));
    app.update(Action::Show(ScreenId::Report));
    key(&mut app, KeyCode::Enter);
    for _ in 0..5 {
        key(&mut app, KeyCode::Tab);
    }
    chars(&mut app, &target.display().to_string());
    key(&mut app, KeyCode::Enter);
    assert!(!app.report.is_writing(), "refused before the worker starts");
    let screen = draw(&app);
    assert!(
        screen.contains("is a folder; give the name of a file to write"),
        "{screen}"
    );
    assert_eq!(
        files_in(out.path()),
        ["report.md"],
        "a temporary file was left"
    );

    // The form kept the choices: one more letter on the name and it is written.
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Enter);
    let written = app.report.wait().unwrap().unwrap();
    assert_eq!(written, format!("{}x", target.display()));
    assert!(std::fs::read_to_string(&written).unwrap().starts_with("# "));
}

/// The limit on what may be recorded is the journal's own clock, whatever the builder accepts:
/// both the command line and the terminal UI append through here.
#[test]
fn a_record_dated_after_the_journals_today_is_refused_and_nothing_is_written() {
    use caseload::domain::commands::Refusal;
    use caseload::journal::AppendError;
    fn on_the_22nd() -> chrono::DateTime<chrono::FixedOffset> {
        chrono::DateTime::parse_from_rfc3339("2026-11-22T23:59:59+00:00").unwrap()
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut journal = Journal::open(&data, Access::ReadOnly).unwrap();
    journal.set_clock(on_the_22nd);
    let tomorrow = NoteAdded {
        date: today() + chrono::Days::new(1),
        text: "written ahead".into(),
        standards: vec![],
        stress: None,
        told: None,
    };
    let refused = journal
        .append(|_, _| add_note(tomorrow.clone()))
        .unwrap_err();
    let AppendError::Refused(Refusal::Future {
        field,
        date,
        today: limit,
    }) = refused
    else {
        panic!("{refused:?}")
    };
    assert_eq!(
        (field, date, limit),
        ("the note's date", tomorrow.date, today())
    );
    assert!(
        files_in(dir.path()).is_empty(),
        "a refused first write created the folder"
    );

    journal.append(note("today is fine")).unwrap();
    let before = std::fs::read(journal.path()).unwrap();
    let amended = journal.append(|state, records| {
        let replacement = add_note(tomorrow.clone())?;
        caseload::domain::commands::amend(state, records, 1, replacement)
    });
    assert!(
        matches!(amended, Err(AppendError::Refused(Refusal::Future { .. }))),
        "{amended:?}"
    );
    assert_eq!(std::fs::read(journal.path()).unwrap(), before);
    assert_eq!(note_texts(&data), ["today is fine"]);
}

/// The owner check compares with the user the disk reports, so it is tested without root.
#[test]
fn a_journal_or_folder_of_another_user_is_refused_through_the_seam() {
    use caseload::journal::{JournalError, MemDisk, Unsafe};
    let data = Path::new("/home/alex/caseload");
    for other in [
        data.to_path_buf(),
        data.join("journal.jsonl"),
        data.join("backups"),
    ] {
        let disk = MemDisk::new();
        let mut journal =
            Journal::open_on(data, Access::ReadWrite, Box::new(disk.clone())).unwrap();
        journal.append(note("mine")).unwrap();
        disk.set_owner(&other, 4242);
        for access in [Access::ReadOnly, Access::ReadWrite] {
            let err = Journal::open_on(data, access, Box::new(disk.clone())).unwrap_err();
            let JournalError::Unsafe { path, why } = &err else {
                panic!("{err}")
            };
            assert_eq!(path, &other);
            assert_eq!(
                why,
                &Unsafe::NotYours {
                    owner: 4242,
                    user: 1000
                }
            );
        }
    }
}

/// The terminal UI shows the permissions warning once, when it opens.
#[test]
fn the_ui_warns_once_when_others_can_read_the_journal() {
    use caseload::tui::action::{Action, ScreenId};
    let dir = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut app = common::tui::app_on(dir.path(), common::tui::config());
    let (message, warning) = app.status.clone().unwrap();
    assert!(warning, "{message}");
    assert!(
        message == "run `caseload verify --fix-permissions`: others can read the data folder",
        "{message}"
    );
    assert!(common::tui::draw(&app).contains("run `caseload verify --fix-permissions`"));
    app.update(Action::Show(ScreenId::Diary));
    app.update(Action::Add);
    app.update(Action::Cancel);
    assert!(
        app.journal.take_notices().is_empty(),
        "the warning would come back"
    );
}

/// Two first writes at once: the other process creates the data folder between this one
/// looking and creating it. The first version failed with "cannot create the folder".
#[test]
fn a_folder_made_by_another_process_meanwhile_is_used_not_refused() {
    struct AnotherProcessWins;
    impl Disk for AnotherProcessWins {
        fn create_dir(&mut self, path: &Path) -> std::io::Result<()> {
            RealDisk.create_dir(path)?;
            Err(Error::from(ErrorKind::AlreadyExists))
        }
    }
    let dir = common::private_tempdir();
    let data = dir.path().join("new").join("data");
    let mut journal =
        Journal::open_on(&data, Access::ReadWrite, Box::new(AnotherProcessWins)).unwrap();
    assert_eq!(journal.append(note("first")).unwrap(), 1);
    assert_eq!(note_texts(&data), ["first"]);
}
