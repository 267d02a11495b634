#![no_main]
//! Any text as a receipt: parsing never panics; whatever parses prints back as itself and
//! parses again to the same receipt; checking it against a journal never panics and never
//! calls a journal changed unless the receipt's own check code agrees with its text.
use caseload::domain::NoteAdded;
use caseload::domain::commands::add_note;
use caseload::journal::{Access, Journal, MemDisk, Receipt, ReceiptVerdict};
use chrono::{DateTime, NaiveDate};
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

/// A small journal of three notes, open, and the receipt it gives (checked to match).
fn journal() -> &'static Mutex<(Journal, Receipt)> {
    static JOURNAL: OnceLock<Mutex<(Journal, Receipt)>> = OnceLock::new();
    JOURNAL.get_or_init(|| {
        let disk = MemDisk::new();
        let mut journal =
            Journal::open_on(Path::new("/data"), Access::ReadWrite, Box::new(disk.clone()))
                .unwrap();
        journal.set_clock(|| DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap());
        for text in ["one", "two", "three"] {
            journal
                .append(|_, _| {
                    add_note(NoteAdded {
                        date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
                        text: text.into(),
                        standards: vec![],
                        stress: None,
                        told: None,
                    })
                })
                .unwrap();
        }
        let receipt = journal.receipt().unwrap();
        let mut reader =
            Journal::open_on(Path::new("/data"), Access::ReadOnly, Box::new(disk)).unwrap();
        assert_eq!(
            reader.check_receipt(&receipt).unwrap(),
            ReceiptVerdict::Matches { seq: 3 }
        );
        Mutex::new((reader, receipt))
    })
}

fuzz_target!(|text: &str| {
    let Ok(receipt) = text.parse::<Receipt>() else {
        return;
    };
    let mut held = journal().lock().unwrap();
    let journal = &mut held.0;
    let printed = receipt.to_string();
    assert_eq!(printed.parse::<Receipt>().as_ref(), Ok(&receipt));
    let verdict = journal.check_receipt(&receipt).unwrap();
    if matches!(verdict, ReceiptVerdict::Changed { .. } | ReceiptVerdict::Matches { .. })
        && receipt.check.is_some()
    {
        assert!(receipt.is_consistent(), "{text:?} gave {verdict:?}");
    }
    if let ReceiptVerdict::Matches { seq } = verdict {
        assert!(seq <= 3 && receipt.seq == seq);
    }
});
