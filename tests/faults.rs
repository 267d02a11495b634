//! Fault injection: the journal's writes fail as a full disk, a failing drive or a read-only
//! file system would. The user is told, nothing is acknowledged, nothing earlier is lost, the
//! journal stays valid, and a form keeps what was typed.

use caseload::config::{Config, preset};
use caseload::domain::NoteAdded;
use caseload::domain::commands::add_note;
use caseload::journal::{Access, Appender, FileAppender, Journal};
use chrono::NaiveDate;
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

impl Appender for Failing {
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
) -> caseload::error::Result<caseload::domain::Event>
+ '_ {
    move |_, _| {
        add_note(
            NoteAdded {
                date: today(),
                text: text.into(),
                standards: vec![],
                stress: None,
                told: None,
            },
            today(),
        )
        .map_err(caseload::error::Error::Invalid)
    }
}

#[test]
fn a_failed_write_is_reported_and_leaves_the_journal_whole() {
    for fault in [
        Fault::DiskFullMidLine,
        Fault::FsyncFails,
        Fault::ReadOnlyFileSystem,
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open(dir.path(), Access::ReadWrite).unwrap();
        journal.append(note("kept")).unwrap();
        let before = std::fs::read(journal.path()).unwrap();

        journal.set_appender(Box::new(Failing(fault)));
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
        journal.set_appender(Box::new(FileAppender));
        assert_eq!(journal.append(note("after the fault")).unwrap(), 2);
        let reopened = Journal::open(dir.path(), Access::ReadOnly).unwrap();
        assert!(reopened.damage().is_none());
        let texts: Vec<&str> = reopened
            .state()
            .notes
            .iter()
            .map(|n| n.note.text.as_str())
            .collect();
        assert_eq!(texts, ["kept", "after the fault"]);
    }
}

#[test]
fn a_form_keeps_its_data_when_the_disk_is_full() {
    use caseload::tui::action::{Action, ScreenId};
    use caseload::tui::app::{App, Overlay};
    use caseload::tui::keymap::KeyMap;
    use caseload::tui::theme::Theme;
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open(dir.path(), Access::ReadWrite).unwrap();
    journal.set_appender(Box::new(Failing(Fault::DiskFullMidLine)));
    let config = Config::from_toml_text(Some(preset("cafcass-fca").unwrap()), None).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap();
    let mut app = App::new(
        journal,
        config,
        KeyMap::default(),
        Theme::new(caseload::config::Theme::Dark, true),
        today(),
        now,
    );
    app.update(Action::Show(ScreenId::Diary));
    app.update(Action::Add);
    app.update(Action::NextField);
    for c in "Three new cases".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Submit);
    let Overlay::Form(_, form) = &app.overlay else {
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
    assert_eq!(form.value("Note"), "Three new cases");
    assert!(app.journal.state().notes.is_empty());

    app.journal.set_appender(Box::new(FileAppender));
    app.update(Action::Submit);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.journal.state().notes.len(), 1);
}
