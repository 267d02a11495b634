//! `Journal::append_all`: several records under one lock and in one write, or none (an
//! import's rows), on an in-memory disk that fails or stops at every call.

use caseload::domain::commands::{Refusal, add_note, log_hours};
use caseload::domain::replay::Record;
use caseload::domain::{Event, HoursLogged, NoteAdded, State};
use caseload::journal::{Access, AppendError, Journal, MemDisk, Plan, check_journal};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::path::PathBuf;

const DATA: &str = "/home/alex/.local/share/caseload";

fn data() -> PathBuf {
    PathBuf::from(DATA)
}

fn at() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn open(disk: &MemDisk) -> Result<Journal, caseload::journal::JournalError> {
    let mut journal = Journal::open_on(&data(), Access::ReadWrite, Box::new(disk.clone()))?;
    journal.set_clock(at);
    Ok(journal)
}

fn note(text: &str, on: NaiveDate) -> Result<Event, Refusal> {
    add_note(NoteAdded {
        date: on,
        text: text.into(),
        standards: vec![],
        stress: None,
        told: None,
    })
}

const BATCH: [&str; 3] = ["first of three", "second of three", "third of three"];

fn batch(_: &State, _: &[Record]) -> Result<Vec<Event>, Refusal> {
    BATCH.iter().map(|t| note(t, day(20))).collect()
}

fn texts(journal: &Journal) -> Vec<String> {
    journal
        .state()
        .notes
        .iter()
        .map(|n| n.note.text.clone())
        .collect()
}

fn journal_bytes(disk: &MemDisk) -> Vec<u8> {
    disk.read(&data().join("journal.jsonl")).unwrap_or_default()
}

#[test]
fn a_batch_is_chained_lines_with_consecutive_seqs_and_a_state_that_has_them() {
    let disk = MemDisk::new();
    let mut journal = open(&disk).unwrap();
    journal
        .append(|_, _| note("typed before", day(19)))
        .unwrap();
    let seqs = journal.append_all(batch).unwrap();
    assert_eq!(seqs, vec![2, 3, 4]);
    assert_eq!(
        texts(&journal),
        ["typed before", BATCH[0], BATCH[1], BATCH[2]]
    );
    let bytes = journal_bytes(&disk);
    let read = check_journal(&bytes, 1 << 20);
    assert_eq!((read.records, read.damage, read.torn), (4, None, false));
    // What another process reads is what this one holds.
    let again = open(&disk).unwrap();
    assert_eq!(again.head(), journal.head());
    assert_eq!(again.records(), journal.records());
    // One line per event, each with the one write's time.
    assert_eq!(bytes.iter().filter(|b| **b == b'\n').count(), 4);
}

#[test]
fn an_empty_batch_writes_nothing_not_even_the_folder() {
    let disk = MemDisk::new();
    let mut journal = Journal::open_on(&data(), Access::ReadOnly, Box::new(disk.clone())).unwrap();
    let seqs = journal
        .append_all(|_, _| Ok::<_, Refusal>(Vec::new()))
        .unwrap();
    assert!(seqs.is_empty());
    assert!(disk.paths().is_empty(), "{:?}", disk.paths());
}

#[test]
fn one_refused_event_writes_none_of_the_batch() {
    let disk = MemDisk::new();
    let mut journal = open(&disk).unwrap();
    journal
        .append(|_, _| note("typed before", day(19)))
        .unwrap();
    let before = journal_bytes(&disk);
    // Refused by the builder's own check (an hours entry ending before it starts)...
    let refused = journal.append_all(|state, _| {
        let mut events = vec![note("fine", day(20))?];
        events.push(log_hours(
            state,
            HoursLogged {
                date: day(20),
                start: caseload::domain::ClockTime::from_hm(17, 0),
                end: caseload::domain::ClockTime::from_hm(9, 0),
                break_minutes: None,
                hours: None,
                note: None,
                imported: None,
            },
            None,
        )?);
        Ok::<_, Refusal>(events)
    });
    assert!(
        matches!(refused, Err(AppendError::Refused(_))),
        "{refused:?}"
    );
    // ...or by the journal's own rule, for the last event only: no day after today.
    let future = journal.append_all(|_, _| {
        Ok::<_, Refusal>(vec![note("fine", day(20))?, note("tomorrow", day(23))?])
    });
    match future {
        Err(AppendError::Refused(Refusal::Future { .. })) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(journal_bytes(&disk), before);
    assert_eq!(texts(&journal), ["typed before"]);
    assert_eq!(open(&disk).unwrap().records().len(), 1);
}

#[test]
fn a_batch_after_a_record_without_its_newline_adds_the_newline_first() {
    let disk = MemDisk::new();
    let mut journal = open(&disk).unwrap();
    journal
        .append(|_, _| note("typed before", day(19)))
        .unwrap();
    let path = data().join("journal.jsonl");
    let bytes = journal_bytes(&disk);
    disk.put(&path, &bytes[..bytes.len() - 1]);
    let mut journal = open(&disk).unwrap();
    assert!(journal.last_line_unterminated());
    journal.append_all(batch).unwrap();
    let read = check_journal(&journal_bytes(&disk), 1 << 20);
    assert_eq!((read.records, read.damage), (4, None));
    assert!(!read.unterminated);
}

/// Every I/O call of opening and appending a batch, failing once or stopping the process:
/// what was flushed holds none of the batch or all of it (the write is flushed once, at the
/// end); what reached the disk unflushed may hold its first lines whole, never a damaged
/// journal; and a failure the process lived through leaves none of it.
#[test]
fn a_failure_or_a_crash_at_any_call_leaves_none_or_all_of_the_batch_flushed() {
    let start = || {
        let disk = MemDisk::new();
        open(&disk)
            .unwrap()
            .append(|_, _| note("typed before", day(19)))
            .unwrap();
        disk.all_reached_disk()
    };
    let work = |disk: &MemDisk| -> bool {
        match open(disk) {
            Ok(mut journal) => journal.append_all(batch).is_ok(),
            Err(_) => false,
        }
    };
    let probe = start();
    assert!(work(&probe));
    let calls = probe.calls();
    assert!(calls > 3);
    for n in 0..calls {
        for plan in [Plan::FailAt(n), Plan::StopAt(n)] {
            let disk = start();
            disk.set_plan(plan);
            let acked = work(&disk);
            for (image, flushed) in [(disk.crashed(), true), (disk.all_reached_disk(), false)] {
                image.set_plan(Plan::Works);
                let journal = open(&image).unwrap_or_else(|e| panic!("{plan:?}: {e}"));
                assert!(
                    journal.damage().is_none(),
                    "{plan:?}: {:?}",
                    journal.damage()
                );
                let present = texts(&journal);
                let of_batch = present.len() - 1;
                assert_eq!(present[0], "typed before", "{plan:?}");
                assert_eq!(&present[1..], &BATCH[..of_batch], "{plan:?}");
                if acked || (flushed && of_batch > 0) {
                    assert_eq!(of_batch, 3, "{plan:?} flushed={flushed}: {present:?}");
                }
                if !acked && matches!(plan, Plan::FailAt(_)) {
                    assert_eq!(of_batch, 0, "{plan:?}: a failed write is in the journal");
                }
                check_journal(&journal_bytes(&image), 1 << 20);
            }
        }
    }
}
