//! A writer checks, before each write, that the file still holds every byte it read and
//! wrote: any byte changed anywhere in them, the length kept, is refused, whether the window
//! kept a copy (opened to write) or checks the chain line by line (opened to read), and
//! whether another writer added lines since.

use caseload::domain::NoteAdded;
use caseload::domain::commands::add_note;
use caseload::journal::{Access, Journal};
use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;
use std::fs;
use std::path::Path;

fn window(dir: &Path, access: Access) -> Journal {
    let mut j = Journal::open(dir, access).unwrap();
    j.set_clock(|| DateTime::parse_from_rfc3339("2026-11-22T12:00:00+00:00").unwrap());
    j
}

fn note(j: &mut Journal, text: &str) -> Result<u64, String> {
    j.append(|_, _| {
        add_note(NoteAdded {
            date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            text: text.into(),
            standards: vec![],
            stress: None,
            told: None,
        })
    })
    .map_err(|e| e.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_byte_changed_in_what_a_writer_read_is_refused(
        mine in 1usize..6,
        theirs in 0usize..4,
        read_only in any::<bool>(),
        at in 0.0f64..1.0,
        flip in 1u8..=255,
        edit in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut first = window(dir.path(), Access::ReadWrite);
        note(&mut first, "before the window").unwrap();
        let access = if read_only { Access::ReadOnly } else { Access::ReadWrite };
        let mut w = window(dir.path(), access);
        for i in 0..mine {
            note(&mut w, &format!("mine {i}")).unwrap();
        }
        for i in 0..theirs {
            note(&mut first, &format!("theirs {i}")).unwrap();
        }
        let path = dir.path().join("journal.jsonl");
        let mut bytes = fs::read(&path).unwrap();
        // A byte of what the window read or wrote (not only another writer's lines after it).
        let known = w.len_bytes() as usize;
        let i = ((known as f64 * at) as usize).min(known - 1);
        if edit {
            bytes[i] ^= flip;
            fs::write(&path, &bytes).unwrap();
        }
        let written = note(&mut w, "after");
        if edit {
            prop_assert!(written.is_err(), "byte {i} of {known} changed and the write went on");
            prop_assert!(w.damage().is_some());
            prop_assert_eq!(fs::read(&path).unwrap(), bytes, "a refused write wrote");
        } else {
            prop_assert!(written.is_ok(), "{written:?}");
            let fresh = Journal::open(dir.path(), Access::ReadOnly).unwrap();
            prop_assert!(fresh.damage().is_none());
            prop_assert_eq!(fresh.records().len(), 1 + mine + theirs + 1);
        }
    }
}

/// A writer that has written keeps checking by comparing: an edit after its second write, in
/// the first line, is refused as surely as one after its first.
#[test]
fn every_write_checks_not_only_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = window(dir.path(), Access::ReadWrite);
    for i in 0..5 {
        note(&mut w, &format!("note {i}")).unwrap();
    }
    let path = dir.path().join("journal.jsonl");
    let edited = fs::read_to_string(&path)
        .unwrap()
        .replacen("note 0", "note X", 1);
    fs::write(&path, &edited).unwrap();
    assert!(note(&mut w, "refused").is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), edited);
}

/// The last line read has no line after it to break the chain: an edit there that still
/// reads as the same record (a key the reader ignores) was once chained onto. Every byte of
/// it, flipped, is refused, by a window with a copy and by one without.
#[test]
fn every_byte_of_the_last_line_read_is_guarded() {
    for read_only in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let mut w = window(dir.path(), Access::ReadWrite);
        note(&mut w, "first").unwrap();
        note(&mut w, "last").unwrap();
        let path = dir.path().join("journal.jsonl");
        let whole = fs::read(&path).unwrap();
        let start = whole[..whole.len() - 1]
            .iter()
            .rposition(|b| *b == b'\n')
            .unwrap()
            + 1;
        for i in start..whole.len() {
            fs::write(&path, &whole).unwrap();
            let access = if read_only {
                Access::ReadOnly
            } else {
                Access::ReadWrite
            };
            let mut w = window(dir.path(), access);
            let mut edited = whole.clone();
            edited[i] ^= 1;
            fs::write(&path, &edited).unwrap();
            assert!(
                note(&mut w, "refused").is_err(),
                "byte {i} ({:?}) of the last line flipped and written onto (read only: {read_only})",
                whole[i] as char
            );
            assert_eq!(fs::read(&path).unwrap(), edited);
        }
    }
}
