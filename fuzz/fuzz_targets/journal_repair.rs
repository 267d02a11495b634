#![no_main]
//! Any bytes as the journal file, opened for writing and appended to, on an in-memory disk: the
//! repair rule (SPEC 6) never panics and never takes a record. Whatever loading finds whole is
//! still there after the repair and the append; only a last piece without a newline that is
//! not JSON is set aside (byte for byte, in a torn-* file); a last record lacking only its
//! newline gets it, and nothing else is rewritten; a damaged journal is left exactly as it was.
use caseload::domain::NoteAdded;
use caseload::domain::commands::add_note;
use caseload::journal::{Access, Journal, MemDisk, check_journal};
use chrono::{DateTime, NaiveDate};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let data = Path::new("/data");
    let path = data.join("journal.jsonl");
    let disk = MemDisk::new();
    disk.put(&path, bytes);
    let before = check_journal(bytes, 1 << 20);
    let Ok(mut journal) = Journal::open_on(data, Access::ReadWrite, Box::new(disk.clone())) else {
        return;
    };
    journal.set_clock(|| DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap());
    let appended = journal.append(|_, _| {
        add_note(NoteAdded {
            date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            text: "fuzzed".into(),
            standards: vec![],
            stress: None,
            told: None,
        })
    });
    let after = disk.read(&path).unwrap_or_default();
    let torn: Vec<Vec<u8>> = disk
        .paths()
        .iter()
        .filter(|p| p.to_string_lossy().contains(".torn-"))
        .map(|p| disk.read(p).unwrap())
        .collect();
    let whole = before.len as usize;
    if before.damage.is_some() {
        assert!(appended.is_err(), "appended to a damaged journal");
        assert_eq!(after, bytes, "a damaged journal was rewritten");
        assert!(torn.is_empty());
        return;
    }
    // Everything loading found whole is kept, byte for byte.
    assert!(after.starts_with(&bytes[..whole]), "a whole record was changed");
    // A torn piece that had written the next record's number whole keeps it: a cut_off line
    // takes that number (SPEC 6, never reused), and the note the one after.
    let next = before.records as u64 + 1;
    let kept_number = before.torn
        && bytes[whole..].starts_with(format!("{{\"seq\":{next},").as_bytes());
    let extra = u64::from(kept_number);
    if before.torn {
        let piece = &bytes[whole..];
        assert!(!piece.contains(&b'\n'));
        assert!(serde_json::from_slice::<serde_json::Value>(piece).is_err(), "JSON set aside");
        assert_eq!(torn, [piece.to_vec()], "the torn piece was not kept as it was");
    } else {
        assert!(torn.is_empty(), "something set aside that was not torn");
    }
    let seq = appended.expect("an undamaged journal takes an append");
    assert_eq!(seq, next + extra, "a seq was reused or skipped");
    let mut rest = &after[whole..];
    if before.unterminated {
        assert_eq!(rest.first(), Some(&b'\n'), "the missing newline was not added first");
        rest = &rest[1..];
    }
    assert_eq!(rest.iter().filter(|b| **b == b'\n').count() as u64, 1 + extra);
    assert!(rest.ends_with(b"\n"));
    let now = check_journal(&after, 1 << 20);
    assert_eq!(
        (now.records as u64, now.damage, now.torn),
        (next + extra, None, false)
    );
});
