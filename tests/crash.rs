//! Crash safety: writers killed with SIGKILL at random moments lose no acknowledged record
//! and leave a journal whose chain verifies. `CASELOAD_KILLS=2500 cargo test --release --test
//! it crash:: -- --nocapture` runs the long version (2,500 rounds of two writers); CI runs 150.
use crate::common;
use common::Sandbox;
use std::collections::HashSet;
use std::process::Stdio;
use std::time::Duration;

/// Rounds of two writers each.
fn kills() -> usize {
    std::env::var("CASELOAD_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(150)
}

#[cfg(unix)]
#[test]
fn killed_writers_lose_nothing_that_was_acknowledged() {
    let s = Sandbox::new();
    s.ok(&["note", "add", "before the storm"]);
    let mut rng = fastrand::Rng::with_seed(42);
    let mut acknowledged: HashSet<String> = HashSet::new();
    let mut killed = 0;
    let rounds = kills();
    for round in 0..rounds {
        // Two writers at once, each killed after a random delay (often mid-write).
        let children: Vec<_> = (0..2)
            .map(|w| {
                let text = format!("round {round} writer {w}");
                let child = s
                    .std_cmd()
                    .args(["note", "add", &text])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap();
                (text, child)
            })
            .collect();
        std::thread::sleep(Duration::from_micros(rng.u64(0..20_000)));
        for (text, mut child) in children {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            if out.status.success() && !out.stdout.is_empty() {
                acknowledged.insert(text);
            } else {
                killed += 1;
            }
        }
    }
    // The next write sets aside at most one torn line and chains on.
    s.ok(&["note", "add", "after the storm"]);
    let verify = s.ok(&["verify"]);
    assert!(verify.starts_with("ok: "), "{verify}");
    let notes: Vec<serde_json::Value> =
        serde_json::from_str(&s.ok(&["list", "notes", "--json"])).unwrap();
    let present: HashSet<String> = notes
        .iter()
        .map(|n| n["text"].as_str().unwrap().to_string())
        .collect();
    let lost: Vec<_> = acknowledged
        .iter()
        .filter(|t| !present.contains(*t))
        .collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    let torn = std::fs::read_dir(s.data())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".torn-")
        })
        .count();
    assert!(
        torn <= killed,
        "{torn} torn lines set aside for {killed} killed writers: only a line being written can be torn"
    );
    assert!(
        killed > 0 && !acknowledged.is_empty(),
        "the test killed {killed} writers and saw {} acknowledged; tune the delays",
        acknowledged.len()
    );
    eprintln!(
        "{rounds} rounds: {} acknowledged, {killed} killed before acknowledging, {torn} torn line(s) set aside",
        acknowledged.len()
    );
}

// ---------------------------------------------------------------------------------------------
// Crash and fail at every I/O call. Every I/O the journal performs goes through its `Disk`;
// `MemDisk` counts the calls and keeps what a power cut would leave. Each scenario is run once
// to count its calls, then again for every call index n: once with call n failing (and the
// work carrying on, as a user would try again), once with the disk stopping at call n (the
// process died there). After each run, both what was flushed (`crashed`) and everything
// written (`all_reached_disk`) must open without damage, hold every note that was
// acknowledged and at most the one in flight besides, take a next write, and leave only
// backups that are whole journals. `CASELOAD_CRASH_NOTES=N` makes the scenarios longer.

mod every_call {
    use caseload::domain::NoteAdded;
    use caseload::domain::commands::{Refusal, add_note};
    use caseload::domain::replay::Record;
    use caseload::domain::{Event, State};
    use caseload::journal::{Access, Journal, MemDisk, Plan, check_journal};
    use chrono::{DateTime, Days, FixedOffset, NaiveDate};
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    const DATA: &str = "/home/alex/.local/share/caseload";

    fn data() -> PathBuf {
        PathBuf::from(DATA)
    }

    fn notes() -> usize {
        std::env::var("CASELOAD_CRASH_NOTES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(3)
    }

    /// 18:00 on day `d` after 1 Nov 2026.
    fn day(d: u64) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-01T18:00:00+00:00").unwrap() + Days::new(d)
    }

    fn note(text: String) -> impl Fn(&State, &[Record]) -> Result<Event, Refusal> {
        move |_, _| {
            add_note(NoteAdded {
                date: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                text: text.clone(),
                standards: vec![],
                stress: None,
                told: None,
            })
        }
    }

    /// One command of the command line: open the journal, append one note on day `d`.
    fn command(disk: &MemDisk, d: u64, text: &str, acked: &mut Vec<String>) {
        let Ok(mut journal) = Journal::open_on(&data(), Access::ReadWrite, Box::new(disk.clone()))
        else {
            return;
        };
        journal.set_clock(move || day(d));
        if journal.append(note(text.to_string())).is_ok() {
            acked.push(text.to_string());
        }
    }

    struct Scenario {
        name: &'static str,
        /// The disk it starts from, and the notes already on it.
        start: fn() -> (MemDisk, Vec<String>),
        /// The work, returning the notes it was told were saved.
        work: fn(&MemDisk) -> Vec<String>,
        /// Bytes that must survive somewhere: a torn line set aside is evidence.
        keeps: Option<&'static [u8]>,
        /// A note that is being redacted: it may be gone, and once the redaction is
        /// acknowledged (the work reports `redacted:<text>`) it must be gone from every file.
        redacts: Option<&'static str>,
    }

    /// A disk holding a journal of `n` notes written on day 0 (with its backup).
    fn journal_of(n: usize) -> (MemDisk, Vec<String>) {
        let disk = MemDisk::new();
        let mut texts = Vec::new();
        for i in 0..n {
            command(&disk, 0, &format!("before {i}"), &mut texts);
        }
        assert_eq!(texts.len(), n);
        (disk.all_reached_disk(), texts)
    }

    fn journal_path() -> PathBuf {
        data().join("journal.jsonl")
    }

    const TORN: &[u8] = br#"{"seq":3,"at":"2026-11-01T18:00:00+00:00","type":"note_ad"#;

    fn scenarios() -> Vec<Scenario> {
        let plain = |name, start, work| Scenario {
            name,
            start,
            work,
            keeps: None,
            redacts: None,
        };
        vec![
            plain(
                "first appends, one command each, two a day",
                || (MemDisk::new(), vec![]),
                appends_one_command_each,
            ),
            plain(
                "appends from one window that stays open",
                || journal_of(1),
                appends_from_one_window,
            ),
            Scenario {
                keeps: Some(TORN),
                ..plain(
                    "repair of a torn last line, then an append",
                    journal_with_a_torn_line,
                    |disk| one_command(disk, 1, "after the tear"),
                )
            },
            plain(
                "a last record without its newline, then an append",
                journal_without_its_last_newline,
                |disk| one_command(disk, 0, "after the missing newline"),
            ),
            plain(
                "a day's backup: 30 kept, one pruned, a stale copy removed",
                journal_with_30_backups,
                |disk| one_command(disk, 31, "on a new day"),
            ),
            Scenario {
                redacts: Some(SECRET),
                ..plain(
                    "a redaction: the journal rewritten, two backups scrubbed",
                    journal_with_a_secret_in_two_backups,
                    redact_the_secret,
                )
            },
        ]
    }

    fn one_command(disk: &MemDisk, d: u64, text: &str) -> Vec<String> {
        let mut acked = Vec::new();
        command(disk, d, text, &mut acked);
        acked
    }

    fn appends_one_command_each(disk: &MemDisk) -> Vec<String> {
        let mut acked = Vec::new();
        for i in 0..notes() {
            command(disk, (i / 2) as u64, &format!("append {i}"), &mut acked);
        }
        acked
    }

    fn appends_from_one_window(disk: &MemDisk) -> Vec<String> {
        let mut acked = Vec::new();
        let Ok(mut journal) = Journal::open_on(&data(), Access::ReadWrite, Box::new(disk.clone()))
        else {
            return acked;
        };
        for i in 0..notes() {
            let d = 1 + (i / 2) as u64;
            journal.set_clock(move || day(d));
            let text = format!("window {i}");
            if journal.append(note(text.clone())).is_ok() {
                acked.push(text);
            }
        }
        acked
    }

    fn journal_with_a_torn_line() -> (MemDisk, Vec<String>) {
        let (disk, texts) = journal_of(2);
        let mut bytes = disk.read(&journal_path()).unwrap();
        bytes.extend_from_slice(TORN);
        disk.put(&journal_path(), &bytes);
        (disk, texts)
    }

    fn journal_without_its_last_newline() -> (MemDisk, Vec<String>) {
        let (disk, texts) = journal_of(2);
        let bytes = disk.read(&journal_path()).unwrap();
        disk.put(&journal_path(), &bytes[..bytes.len() - 1]);
        (disk, texts)
    }

    fn journal_with_30_backups() -> (MemDisk, Vec<String>) {
        let (disk, texts) = journal_of(2);
        let bytes = disk.read(&journal_path()).unwrap();
        let backups = data().join("backups");
        for d in 0..30 {
            let name = format!("journal-{}.jsonl", day(d).format("%Y-%m-%d"));
            disk.put(&backups.join(name), &bytes);
        }
        disk.put(
            &backups.join(".journal-2026-12-02.jsonl.tmp-4242"),
            &bytes[..7],
        );
        (disk, texts)
    }

    fn journal_with_a_secret_in_two_backups() -> (MemDisk, Vec<String>) {
        let disk = MemDisk::new();
        let mut texts = Vec::new();
        for text in ["before 0", SECRET, "before 2"] {
            command(&disk, 0, text, &mut texts);
        }
        let bytes = disk.read(&journal_path()).unwrap();
        let backups = data().join("backups");
        disk.put(&backups.join("journal-2026-10-30.jsonl"), &bytes);
        disk.put(&backups.join("journal-2026-10-31.jsonl"), &bytes);
        (disk.all_reached_disk(), texts)
    }

    fn redact_the_secret(disk: &MemDisk) -> Vec<String> {
        let mut acked = Vec::new();
        let Ok(mut journal) = Journal::open_on(&data(), Access::ReadWrite, Box::new(disk.clone()))
        else {
            return acked;
        };
        journal.set_clock(|| day(1));
        if journal
            .redact(2, "a name typed by mistake")
            .is_ok_and(|r| r.now)
        {
            acked.push(format!("redacted:{SECRET}"));
        }
        acked
    }

    const SECRET: &str = "Jamie Smith-Jones";

    /// Whether `copy` is the journal as it was: its lines are the journal's first lines, each
    /// the same or (where the journal's is a redaction's stub) the original the stub stands for.
    fn is_copy_of(copy: &[u8], journal: &[u8]) -> bool {
        let mut lines = journal.split(|b| *b == b'\n');
        copy.strip_suffix(b"\n")
            .unwrap_or(copy)
            .split(|b| *b == b'\n')
            .all(|line| {
                let Some(theirs) = lines.next() else {
                    return false;
                };
                line == theirs
                    || serde_json::from_slice::<serde_json::Value>(theirs).is_ok_and(|v| {
                        v["type"] == "redacted"
                            && v["sha256"] == caseload::journal::hash_hex(line).as_str()
                    })
            })
    }

    /// What must hold of a disk found after the run; what does not, if anything.
    fn check(
        image: MemDisk,
        known: &BTreeSet<String>,
        acked: &[String],
        process_lived: bool,
        scenario: &Scenario,
    ) -> Result<(), String> {
        let keeps = scenario.keeps;
        let gone: Vec<&str> = acked
            .iter()
            .filter_map(|a| a.strip_prefix("redacted:"))
            .collect();
        let acked: Vec<String> = acked
            .iter()
            .filter(|a| !a.starts_with("redacted:") && Some(a.as_str()) != scenario.redacts)
            .cloned()
            .collect();
        if let Some(keeps) = keeps {
            torn_line_kept(&image, keeps)?;
        }
        if process_lived {
            // A failed write that the process lived through was taken back whole.
            let live = check_journal(&image.read(&journal_path()).unwrap_or_default(), 1 << 20);
            if live.torn && keeps.is_none() {
                return Err(format!("a failed write left part of its line: {live:?}"));
            }
        }
        let mut journal = Journal::open_on(&data(), Access::ReadWrite, Box::new(image.clone()))
            .map_err(|e| format!("the journal does not open: {e}"))?;
        if let Some(damage) = journal.damage() {
            return Err(format!("damaged: {damage}"));
        }
        notes_as_acknowledged(&journal, known, &acked, &gone, process_lived, scenario)?;

        // It takes the next write, and that backup leaves no temporary copy behind.
        journal.set_clock(|| day(40));
        journal
            .append(note("the morning after".into()))
            .map_err(|e| format!("the next write failed: {e}"))?;
        files_after_the_next_write(&image, &gone)
    }

    /// A torn line set aside is evidence: it is still at the journal's end or in a `.torn-` file.
    fn torn_line_kept(image: &MemDisk, keeps: &[u8]) -> Result<(), String> {
        let kept = image.paths().iter().any(|p| {
            let bytes = image.read(p).unwrap_or_default();
            (p == &journal_path() && bytes.ends_with(keeps))
                || (p.to_string_lossy().contains(".torn-") && bytes == keeps)
        });
        if !kept {
            return Err("the torn line set aside was lost".into());
        }
        Ok(())
    }

    /// Every acknowledged note is there once, none nobody wrote, none acknowledged as redacted,
    /// and at most one in flight (none if the process lived through the failure).
    fn notes_as_acknowledged(
        journal: &Journal,
        known: &BTreeSet<String>,
        acked: &[String],
        gone: &[&str],
        process_lived: bool,
        scenario: &Scenario,
    ) -> Result<(), String> {
        let present: Vec<String> = journal
            .state()
            .notes
            .iter()
            .map(|n| n.note.text.clone())
            .collect();
        let unique: BTreeSet<&String> = present.iter().collect();
        if unique.len() != present.len() {
            return Err(format!("a note twice: {present:?}"));
        }
        if let Some(lost) = acked.iter().find(|t| !present.contains(t)) {
            return Err(format!(
                "acknowledged but lost: {lost} (present: {present:?})"
            ));
        }
        if let Some(stranger) = present.iter().find(|t| !known.contains(*t)) {
            return Err(format!("a note nobody wrote: {stranger}"));
        }
        if let Some(still) = present.iter().find(|t| gone.contains(&t.as_str())) {
            return Err(format!(
                "acknowledged as redacted but still a record: {still}"
            ));
        }
        let in_flight = present
            .iter()
            .filter(|t| !acked.contains(t) && Some(t.as_str()) != scenario.redacts)
            .count();
        if process_lived && in_flight > 0 {
            return Err(format!(
                "a write that failed is in the journal: {present:?}"
            ));
        }
        if in_flight > 1 {
            return Err(format!(
                "{in_flight} unacknowledged notes present: {present:?}"
            ));
        }
        Ok(())
    }

    /// No file holds redacted text or is a stale temporary copy, and every backup is a whole
    /// copy of the journal.
    fn files_after_the_next_write(image: &MemDisk, gone: &[&str]) -> Result<(), String> {
        let bytes = image.read(&journal_path()).unwrap_or_default();
        for path in image.paths() {
            let content = image.read(&path).unwrap_or_default();
            if let Some(text) = gone
                .iter()
                .find(|t| content.windows(t.len()).any(|w| w == t.as_bytes()))
            {
                return Err(format!(
                    "the redacted {text:?} is still in {}",
                    path.display()
                ));
            }
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            if name.contains(".tmp-") {
                return Err(format!("a stale copy is left: {}", path.display()));
            }
            if path.parent() != Some(&data().join("backups")) {
                continue;
            }
            let copy = image.read(&path).unwrap_or_default();
            let read = check_journal(&copy, 1 << 20);
            if read.damage.is_some() || read.torn || read.records == 0 {
                return Err(format!("backup {name} is not a whole journal: {read:?}"));
            }
            if !is_copy_of(&copy, &bytes) {
                return Err(format!("backup {name} is not a copy of the journal"));
            }
        }
        Ok(())
    }

    #[test]
    fn the_journal_survives_a_failure_or_a_crash_at_every_io_call() {
        let mut indexes = 0;
        let mut runs = 0;
        let mut acked_total = 0;
        for scenario in scenarios() {
            let (probe, before) = (scenario.start)();
            probe.set_plan(Plan::Works);
            let acked = (scenario.work)(&probe);
            let calls = probe.calls();
            assert!(
                calls > 0 && !acked.is_empty(),
                "{}: nothing happened",
                scenario.name
            );
            let mut known: BTreeSet<String> = before.iter().cloned().collect();
            known.extend(acked);
            // n = calls is a run in which nothing goes wrong.
            for n in 0..=calls {
                for plan in [Plan::FailAt(n), Plan::StopAt(n)] {
                    let (disk, before) = (scenario.start)();
                    disk.set_plan(plan);
                    let acked = [before, (scenario.work)(&disk)].concat();
                    acked_total += acked.len();
                    let lived = matches!(plan, Plan::FailAt(_));
                    for (image, found, as_left) in [
                        ("flushed", disk.crashed(), false),
                        ("all written", disk.all_reached_disk(), lived),
                    ] {
                        if let Err(why) = check(found, &known, &acked, as_left, &scenario) {
                            panic!(
                                "{} / {plan:?} / found {image}: {why}\ncalls:\n{}",
                                scenario.name,
                                disk.log().join("\n")
                            );
                        }
                    }
                    runs += 1;
                }
            }
            indexes += calls + 1;
            eprintln!("{}: {} calls", scenario.name, calls);
        }
        eprintln!(
            "{indexes} call indexes, {runs} runs, each checked as flushed and as all written; {acked_total} acknowledged notes checked"
        );
        assert!(
            indexes >= 200,
            "only {indexes} call indexes: the scenarios shrank"
        );
    }
}
