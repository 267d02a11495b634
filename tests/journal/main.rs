//! The journal's guarantees (SPEC 6), through the real binary: the chain, torn-tail repair,
//! damage detection without rewriting, the lock, concurrent writers, receipts and file modes.
mod batch;
use crate::common;
mod hostile;
mod known;
mod receipts;
mod redact;

use common::{BIN, Sandbox, sha256_hex};
use std::fs::{self, File};
use std::io::Write;
use std::time::{Duration, Instant};

pub fn seeded(n: usize) -> Sandbox {
    let s = Sandbox::new();
    for i in 0..n {
        s.ok(&["note", "add", &format!("note {i}"), "--stress", "3"]);
    }
    s
}

pub fn failing(s: &Sandbox, args: &[&str]) -> (i32, String) {
    let out = s.cmd().args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn every_line_chains_to_the_sha256_of_the_one_before() {
    let s = seeded(4);
    let lines = s.lines();
    assert_eq!(lines.len(), 4);
    let mut prev = "0".repeat(64);
    for (i, line) in lines.iter().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["seq"], i as u64 + 1);
        assert_eq!(v["prev"], prev.as_str());
        assert!(chrono::DateTime::parse_from_rfc3339(v["at"].as_str().unwrap()).is_ok());
        prev = sha256_hex(line.as_bytes());
    }
    assert!(s.journal_bytes().ends_with(b"\n"));
    let out = s.ok(&["verify"]);
    assert_eq!(out, format!("ok: 4 records, chain intact, head {prev}\n"));
}

#[test]
fn a_torn_last_line_is_set_aside_and_the_journal_repaired() {
    let s = seeded(2);
    let mut file = fs::OpenOptions::new()
        .append(true)
        .open(s.journal_path())
        .unwrap();
    file.write_all(br#"{"seq":3,"at":"2026-11-22T10:00:00+00:00","type":"note_ad"#)
        .unwrap();
    drop(file);
    let torn_bytes = s.journal_bytes();

    // Reading does not touch it.
    let out = s.cmd().args(["list", "notes"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("incomplete"));
    assert_eq!(s.journal_bytes(), torn_bytes);

    // The next write sets it aside, truncates to the last whole line and chains on.
    let out = s
        .cmd()
        .args(["note", "add", "after the crash"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // SPEC 6, "a seq once on disk is never reused": the cut line had written `"seq":3,`, so
    // record 3 is a line standing for it and the note is record 4. (Until this stop the note
    // took number 3 again.)
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "4\n");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("was moved to") && said.contains("its number 3 is not used again"),
        "{said}"
    );
    let torn = br#"{"seq":3,"at":"2026-11-22T10:00:00+00:00","type":"note_ad"#;
    let third: serde_json::Value = serde_json::from_str(&s.lines()[2]).unwrap();
    assert_eq!(third["type"], "cut_off");
    assert_eq!(third["seq"], 3);
    assert_eq!(third["bytes"], torn.len());
    assert_eq!(third["sha256"], sha256_hex(torn).as_str());
    let aside: Vec<_> = fs::read_dir(s.data())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("journal.jsonl.torn-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        fs::read(s.data().join(&aside[0])).unwrap(),
        br#"{"seq":3,"at":"2026-11-22T10:00:00+00:00","type":"note_ad"#
    );
    assert!(s.ok(&["verify"]).starts_with("ok: 4 records"));
    // It is not a record to withdraw, and the list names it for what it is.
    let refused = s
        .cmd()
        .args(["void", "3", "--reason", "x"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("a write that was cut off"));
}

/// A line cut before its number was written whole (`{"seq":` and no comma yet) had put no
/// number on disk: the next record takes it, and no line stands for the cut.
#[test]
fn a_line_cut_inside_its_number_leaves_the_number_free() {
    let s = seeded(2);
    let mut file = fs::OpenOptions::new()
        .append(true)
        .open(s.journal_path())
        .unwrap();
    file.write_all(br#"{"seq":"#).unwrap();
    drop(file);
    assert_eq!(s.ok(&["note", "add", "after the crash"]), "3\n");
    assert!(s.lines().iter().all(|l| !l.contains("cut_off")));
    assert!(s.ok(&["verify"]).starts_with("ok: 3 records"));
}

/// SPEC 6 changed: a last line that ends in its newline cannot be a torn write (each append
/// writes the line and its newline in one call), so a bad one is damage. The first release set
/// it aside as torn.
#[test]
fn an_unparseable_last_line_with_a_newline_is_damage_not_a_torn_write() {
    let s = seeded(1);
    let mut file = fs::OpenOptions::new()
        .append(true)
        .open(s.journal_path())
        .unwrap();
    file.write_all(b"{\"seq\":2,\"at\n").unwrap();
    drop(file);
    assert_damaged(&s, "line 2 is not a valid record");
    // One record is one record, and the place in the line is a column: serde's own "at line
    // 1 column 12" named a line that is not the journal's line 2.
    let (_, err) = failing(&s, &["verify"]);
    assert!(
        err.contains("(EOF while parsing a string at column 12 of the line). The 1 record before line 2 is intact."),
        "{err}"
    );
}

#[test]
fn one_byte_changed_in_a_whole_last_line_is_damage_not_a_torn_write() {
    let s = seeded(3);
    let mut bytes = s.journal_bytes();
    let brace = bytes.len() - 2;
    assert_eq!(bytes[brace], b'}');
    bytes[brace] = b')';
    fs::write(s.journal_path(), bytes).unwrap();
    assert_damaged(&s, "line 3 is not a valid record");
    let (_, err) = failing(&s, &["verify"]);
    assert!(
        err.contains("The 2 records before line 3 are intact."),
        "{err}"
    );
    assert!(!err.contains("line 1 column"), "{err}");
}

/// SPEC 6 changed: the first release set such a line aside as torn and gave its seq to the
/// next record, which broke every receipt made for it.
#[test]
fn a_whole_last_record_without_its_newline_is_kept_and_its_seq_never_reused() {
    let s = seeded(3);
    let receipt = s.ok(&["receipt"]).trim().to_string();
    let whole = s.journal_bytes();
    fs::write(s.journal_path(), &whole[..whole.len() - 1]).unwrap();

    assert!(s.ok(&["verify"]).starts_with("ok: 3 records, chain intact"));
    assert!(s.ok(&["verify", "--receipt", &receipt]).contains("matches"));
    assert!(s.ok(&["list", "notes"]).contains("note 2"));
    assert_eq!(
        s.journal_bytes(),
        &whole[..whole.len() - 1],
        "reading wrote"
    );

    // The next write adds the newline under the lock, then chains its own line on.
    assert_eq!(s.ok(&["note", "add", "the next one"]), "4\n");
    let bytes = s.journal_bytes();
    assert!(bytes.starts_with(&whole), "the kept record was changed");
    assert_eq!(s.lines().len(), 4);
    assert!(s.ok(&["verify"]).starts_with("ok: 4 records, chain intact"));
    assert!(s.ok(&["verify", "--receipt", &receipt]).contains("matches"));
    let aside = fs::read_dir(s.data())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("torn")
        })
        .count();
    assert_eq!(aside, 0, "a whole record was set aside");
}

#[test]
fn a_last_line_without_its_newline_that_does_not_chain_is_damage() {
    let s = seeded(3);
    let mut lines = s.lines();
    lines[2] = lines[2].replace("\"seq\":3", "\"seq\":4");
    fs::write(s.journal_path(), lines.join("\n")).unwrap();
    assert_damaged(&s, "line 3 has seq 4 where 3 was expected");
}

fn assert_damaged(s: &Sandbox, needle: &str) {
    let before = s.journal_bytes();
    let (code, err) = failing(s, &["verify"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(needle), "expected {needle:?} in {err}");
    assert_eq!(err.lines().count(), 1);
    let (code, err) = failing(s, &["note", "add", "should not be written"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("damaged") && err.contains("read-only"),
        "{err}"
    );
    // Reading still works, on the records before the damage.
    let out = s.cmd().args(["list", "notes"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("damaged"));
    assert_eq!(
        s.journal_bytes(),
        before,
        "the damaged journal was rewritten"
    );
    assert!(
        fs::read_dir(s.data()).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains("torn"))
    );
}

#[test]
fn an_edited_middle_line_is_detected_and_nothing_is_rewritten() {
    let s = seeded(4);
    let text = String::from_utf8(s.journal_bytes())
        .unwrap()
        .replacen("note 1", "note X", 1);
    fs::write(s.journal_path(), text).unwrap();
    assert_damaged(&s, "line 3 does not chain to line 2");
    // Line 2's own text is what changed, and a broken link cannot say which side it was: the
    // first release called line 2 intact and reported from it.
    let (_, err) = failing(&s, &["verify"]);
    assert!(
        err.contains("The 1 record before line 2 is intact."),
        "{err}"
    );
    let listed = s.cmd().args(["list", "notes"]).output().unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.contains("note 0") && !listed.contains("note X"),
        "{listed}"
    );
}

#[test]
fn a_deleted_middle_line_is_detected() {
    let s = seeded(4);
    let mut lines = s.lines();
    lines.remove(1);
    fs::write(s.journal_path(), lines.join("\n") + "\n").unwrap();
    assert_damaged(&s, "line 2 has seq 3 where 2 was expected");
}

#[test]
fn a_line_of_an_unknown_type_says_it_needs_a_newer_version() {
    let s = seeded(2);
    let head = sha256_hex(s.lines()[1].as_bytes());
    let mut file = fs::OpenOptions::new()
        .append(true)
        .open(s.journal_path())
        .unwrap();
    writeln!(
        file,
        r#"{{"seq":3,"at":"2026-11-22T10:00:00+00:00","type":"case_transferred","prev":"{head}"}}"#
    )
    .unwrap();
    drop(file);
    assert_damaged(
        &s,
        "line 3 has type `case_transferred`, which this version of caseload does not know",
    );
}

#[test]
fn a_second_writer_gives_up_after_about_five_seconds() {
    let s = seeded(1);
    let lock = File::options()
        .read(true)
        .write(true)
        .open(s.data().join("journal.lock"))
        .unwrap();
    lock.lock().unwrap();
    let before = s.journal_bytes();
    let started = Instant::now();
    let (code, err) = failing(&s, &["note", "add", "blocked"]);
    let waited = started.elapsed();
    lock.unlock().unwrap();
    assert_eq!(code, 1);
    assert!(err.contains("the journal is busy"), "{err}");
    assert!(
        waited >= Duration::from_millis(4900) && waited < Duration::from_secs(9),
        "{waited:?}"
    );
    assert_eq!(s.journal_bytes(), before);
    s.ok(&["note", "add", "free again"]);
}

#[test]
fn two_processes_appending_at_once_lose_nothing() {
    let s = seeded(0);
    const EACH: usize = 25;
    let writers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|name| {
            let script = format!(
                "for i in $(seq 1 {EACH}); do \"{BIN}\" --today 2026-11-22 note add \"{name} $i\" >/dev/null || exit 1; done"
            );
            std::process::Command::new("sh")
                .arg("-c")
                .arg(script)
                .env("CASELOAD_DIR", s.data())
                .env("CASELOAD_CONFIG", s.config())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut w in writers {
        assert!(w.wait().unwrap().success());
    }
    assert!(
        s.ok(&["verify"])
            .starts_with(&format!("ok: {} records, chain intact", 2 * EACH))
    );
    let notes: Vec<serde_json::Value> =
        serde_json::from_str(&s.ok(&["list", "notes", "--json"])).unwrap();
    for name in ["a", "b"] {
        for i in 1..=EACH {
            let text = format!("{name} {i}");
            assert_eq!(
                notes.iter().filter(|n| n["text"] == text.as_str()).count(),
                1,
                "{text}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn files_are_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let s = Sandbox::new();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 000; exec \"{BIN}\" --today 2026-11-22 note add hello"
        ))
        .env("CASELOAD_DIR", s.data())
        .env("CASELOAD_CONFIG", s.config())
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&s.data()), 0o700);
    assert_eq!(mode(&s.journal_path()), 0o600);
    assert_eq!(mode(&s.data().join("journal.lock")), 0o600);
    assert_eq!(mode(&s.data().join("backups")), 0o700);
    let backup = fs::read_dir(s.data().join("backups"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert_eq!(mode(&backup), 0o600);
    assert_eq!(fs::read(backup).unwrap(), s.journal_bytes());
}

#[test]
fn a_journal_that_is_a_folder_is_reported_not_replaced() {
    let s = Sandbox::new();
    fs::create_dir_all(s.journal_path()).unwrap();
    let (code, err) = failing(&s, &["note", "add", "x"]);
    assert_eq!(code, 1);
    assert!(err.contains("is not a regular file"), "{err}");
    assert!(s.journal_path().is_dir());
}

#[test]
fn a_duplicated_line_is_detected() {
    let s = seeded(3);
    let mut lines = s.lines();
    lines.insert(2, lines[1].clone());
    fs::write(s.journal_path(), lines.join("\n") + "\n").unwrap();
    assert_damaged(&s, "line 3 has seq 2 where 3 was expected");
}

#[test]
fn a_line_from_another_journal_is_detected() {
    let s = seeded(3);
    let other = Sandbox::new();
    for text in ["another journal's first", "another journal's second"] {
        other.ok(&["note", "add", text]);
    }
    let mut lines = s.lines();
    lines[1] = other.lines()[1].clone();
    fs::write(s.journal_path(), lines.join("\n") + "\n").unwrap();
    assert_damaged(&s, "line 2 does not chain to line 1");
}

#[test]
fn invalid_utf8_in_a_middle_line_is_detected() {
    let s = seeded(3);
    let mut bytes = s.journal_bytes();
    let at = bytes.windows(6).position(|w| w == b"note 1").unwrap();
    bytes[at] = 0xFF;
    fs::write(s.journal_path(), bytes).unwrap();
    assert_damaged(&s, "line 2 is not a valid record");
}

#[test]
fn an_empty_file_is_an_empty_journal() {
    let s = Sandbox::new();
    fs::create_dir_all(s.data()).unwrap();
    fs::write(s.journal_path(), b"").unwrap();
    assert!(s.ok(&["verify"]).starts_with("ok: 0 records"));
    assert_eq!(s.ok(&["note", "add", "first"]), "1\n");
    assert!(s.ok(&["verify"]).starts_with("ok: 1 records"));
}

#[test]
fn check_journal_reads_a_real_journal_the_same_in_any_block_size() {
    let s = seeded(3);
    let bytes = s.journal_bytes();
    let whole = caseload::journal::check_journal(&bytes, bytes.len() + 1);
    assert_eq!(
        whole,
        caseload::journal::JournalCheck {
            records: 3,
            len: bytes.len() as u64,
            damage: None,
            torn: false,
            unterminated: false,
        }
    );
    for block in [1, 2, 7, 64, 200] {
        assert_eq!(caseload::journal::check_journal(&bytes, block), whole);
    }
    let torn = caseload::journal::check_journal(&bytes[..bytes.len() - 5], 3);
    assert_eq!((torn.records, torn.damage, torn.torn), (2, None, true));
    let unterminated = caseload::journal::check_journal(&bytes[..bytes.len() - 1], 3);
    assert_eq!(
        (
            unterminated.records,
            unterminated.torn,
            unterminated.unterminated
        ),
        (3, false, true)
    );
}

#[test]
fn a_window_that_saw_a_record_without_its_newline_follows_when_another_writer_adds_it() {
    use caseload::journal::{Access, Journal};
    let s = seeded(2);
    let whole = s.journal_bytes();
    fs::write(s.journal_path(), &whole[..whole.len() - 1]).unwrap();
    let mut window = Journal::open(&s.data(), Access::ReadOnly).unwrap();
    assert_eq!(window.records().len(), 2);
    assert_eq!(window.len_bytes(), whole.len() as u64 - 1);
    s.ok(&["note", "add", "from the command line"]);
    assert_eq!(window.refresh().unwrap(), 1);
    assert!(window.damage().is_none(), "{:?}", window.damage());
    assert_eq!(window.records().len(), 3);
    assert_eq!(window.len_bytes(), s.journal_bytes().len() as u64);
    assert_eq!(window.head(), sha256_hex(s.lines()[2].as_bytes()));
}

/// `--today` moves defaults and reports, never the limit on what may be recorded (SPEC 5): the
/// first release let `--today 2099-01-01` record a note dated 2098. The limit is the real
/// today, so this test reads the wall clock on purpose.
#[test]
fn today_never_moves_the_limit_on_what_may_be_recorded() {
    let s = Sandbox::new();
    // The sandbox's command without its fixed --today.
    let cmd = || {
        let mut cmd = std::process::Command::new(BIN);
        cmd.env_clear()
            .env("HOME", s.dir.path())
            .env("CASELOAD_DIR", s.data())
            .env("CASELOAD_CONFIG", s.config());
        cmd
    };
    let refused = |args: &[&str]| {
        let out = cmd().args(args).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("is in the future (today is "), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    };
    let later = ["--today", "2099-01-01"];
    refused(&[&later[..], &["note", "add", "x", "--on", "2098-01-01"]].concat());
    refused(&[&later[..], &["note", "add", "from the default date"]].concat());
    refused(&[&later[..], &["case", "add", "FD9", "--kind", "s7"]].concat());
    refused(&[&later[..], &["hours", "add", "--hours", "3"]].concat());
    assert!(!s.journal_path().exists(), "a refused record was written");

    // And a `--today` in the past does not pull the limit back either.
    let real_yesterday = chrono::Local::now().date_naive() - chrono::Days::new(1);
    let out = cmd()
        .args(["--today", "2024-01-01", "note", "add", "written late"])
        .args(["--on", &real_yesterday.to_string()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A window notices a journal changed under it outside caseload (records cut, or one edited):
/// read-only, nothing rewritten; a file merely rewritten with the same records is followed.
#[test]
fn a_window_notices_records_changed_under_it() {
    use caseload::journal::{Access, Journal};
    let s = seeded(3);
    let whole = s.journal_bytes();
    let mut window = Journal::open(&s.data(), Access::ReadOnly).unwrap();
    fs::write(s.journal_path(), s.lines()[..2].join("\n") + "\n").unwrap();
    window.refresh().unwrap();
    let damage = window
        .damage()
        .expect("records cut under the window")
        .to_string();
    assert!(damage.contains("changed outside caseload"), "{damage}");

    fs::write(s.journal_path(), &whole).unwrap();
    let mut window = Journal::open(&s.data(), Access::ReadOnly).unwrap();
    let edited = String::from_utf8(whole.clone())
        .unwrap()
        .replace("note 2", "note X");
    fs::write(s.journal_path(), &edited).unwrap();
    // Same size, same file: the window's cheap look does not see it, its next write does.
    let refused = window.append(|_, _| {
        caseload::domain::commands::add_note(caseload::domain::NoteAdded {
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            text: "not written".into(),
            standards: vec![],
            stress: None,
            told: None,
        })
    });
    assert!(refused.is_err(), "an edited last record went unnoticed");
    assert!(window.damage().is_some());
    assert_eq!(fs::read_to_string(s.journal_path()).unwrap(), edited);

    // An edit further up, same size and same file, under a window that wrote since: the
    // window's next write reads the known lines again and refuses (a window open in the
    // morning once chained the afternoon's notes onto a record edited at lunch).
    fs::write(s.journal_path(), &whole).unwrap();
    let mut window = Journal::open(&s.data(), Access::ReadWrite).unwrap();
    let note = |text: &str| {
        caseload::domain::commands::add_note(caseload::domain::NoteAdded {
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            text: text.into(),
            standards: vec![],
            stress: None,
            told: None,
        })
    };
    window.append(|_, _| note("written")).unwrap();
    let edited = String::from_utf8(s.journal_bytes())
        .unwrap()
        .replacen("note 0", "note X", 1);
    fs::write(s.journal_path(), &edited).unwrap();
    assert!(window.append(|_, _| note("not written")).is_err());
    let damage = window.damage().expect("the edit is named").to_string();
    assert!(
        damage.contains("line 2 does not chain to line 1"),
        "{damage}"
    );
    assert_eq!(window.records().len(), 0, "the edited line is not trusted");
    assert_eq!(fs::read_to_string(s.journal_path()).unwrap(), edited);

    // The same bytes written again as a new file (a restore, a copy back) are followed.
    fs::write(s.journal_path(), &whole).unwrap();
    let mut window = Journal::open(&s.data(), Access::ReadOnly).unwrap();
    let copy = s.dir.path().join("copy");
    fs::write(&copy, &whole).unwrap();
    fs::rename(&copy, s.journal_path()).unwrap();
    s.ok(&["note", "add", "after the copy"]);
    assert_eq!(window.refresh().unwrap(), 1);
    assert!(window.damage().is_none(), "{:?}", window.damage());
}
