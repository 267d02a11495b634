//! The journal file: load with repair and damage detection, catch-up and append.

use super::AppendError;
use super::backup::daily_backup;
use super::disk::{Disk, RealDisk};
use super::fsutil::{create_private_dir, make_private, open_private_rw, sync_dir};
use super::line::{GENESIS_PREV, encode, from_hex, hash_hex, to_hex};
use super::lock::{LOCK_TIMEOUT, acquire};
use super::receipt::Receipt;
use super::scan::{BLOCK, Continuing, read_lines};
use super::{Damage, JournalError};
use crate::domain::Event;
use crate::domain::commands::{Refusal, not_after_today};
use crate::domain::replay::{Record, State};
use chrono::{DateTime, FixedOffset, Local, Timelike};
use std::fs::{self, File};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const JOURNAL_FILE: &str = "journal.jsonl";
const LOCK_FILE: &str = "journal.lock";

/// Whether opening may repair a torn tail (which writes) or must leave the files untouched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadOnly,
    ReadWrite,
}

/// An open journal: every record read so far, the replayed state and the chain's head.
#[derive(Debug)]
pub struct Journal {
    dir: PathBuf,
    records: Vec<Record>,
    state: State,
    head: String,
    /// Bytes of whole, verified lines.
    len: u64,
    last_line_start: u64,
    /// The last line is a whole record that lacks its newline (SPEC 6: kept, and the newline
    /// is added under the lock before the next append). `len` then ends at its last byte.
    unterminated: bool,
    damage: Option<Damage>,
    notices: Vec<String>,
    lock_timeout: Duration,
    disk: Box<dyn Disk>,
    /// When a line is written: its `at`, the day of its backup and the limit on what may be
    /// recorded. The wall clock, except in tests that need another day.
    clock: fn() -> DateTime<FixedOffset>,
}

impl std::fmt::Debug for dyn Disk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Disk")
    }
}

/// The wall clock, to the second, in the local offset.
pub fn wall_clock() -> DateTime<FixedOffset> {
    let now = Local::now().fixed_offset();
    now.with_nanosecond(0).unwrap_or(now)
}

impl Journal {
    /// Opens the journal in `dir`. A missing journal is an empty one. With `ReadWrite`, the
    /// folder is created and a torn last line is set aside; with `ReadOnly` nothing is written.
    /// Damage does not fail the open: the journal comes back read-only with [`Journal::damage`]
    /// set and the records before the damaged line loaded.
    pub fn open(dir: &Path, access: Access) -> Result<Journal, JournalError> {
        let mut journal = Journal {
            dir: dir.to_path_buf(),
            records: Vec::new(),
            state: State::default(),
            head: GENESIS_PREV.to_string(),
            len: 0,
            last_line_start: 0,
            unterminated: false,
            damage: None,
            notices: Vec::new(),
            lock_timeout: LOCK_TIMEOUT,
            disk: Box::new(RealDisk),
            clock: wall_clock,
        };
        let path = journal.path();
        if path.exists() && !path.is_file() {
            journal.damage = Some(Damage::NotAFile(path));
            return Ok(journal);
        }
        match access {
            Access::ReadWrite => {
                create_private_dir(dir)?;
                let _lock = acquire(&journal.lock_path(), journal.lock_timeout)?;
                journal.read_new(true)?;
            }
            Access::ReadOnly => {
                journal.read_new(false)?;
            }
        }
        Ok(journal)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(JOURNAL_FILE)
    }

    fn lock_path(&self) -> PathBuf {
        self.dir.join(LOCK_FILE)
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    /// SHA-256 of the last line (64 zeros for an empty journal).
    pub fn head(&self) -> &str {
        &self.head
    }

    /// Size in bytes of the verified part of the file, to notice growth cheaply.
    pub fn len_bytes(&self) -> u64 {
        self.len
    }

    pub fn damage(&self) -> Option<&Damage> {
        self.damage.as_ref()
    }

    pub fn is_read_only(&self) -> bool {
        self.damage.is_some()
    }

    /// Messages for the user about what loading did (a torn line set aside, a backup failed).
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    pub fn set_lock_timeout(&mut self, timeout: Duration) {
        self.lock_timeout = timeout;
    }

    fn damaged(&self) -> JournalError {
        JournalError::Damaged {
            path: self.path(),
            damage: self.damage.clone().expect("called only when damaged"),
        }
    }

    /// Reads lines appended since the last look. With `repair` (only under the lock), an
    /// incomplete last line is set aside and the file truncated; without it, it is left for
    /// now (it may be another process's write in progress). Returns how many records arrived.
    fn read_new(&mut self, repair: bool) -> Result<usize, JournalError> {
        if self.damage.is_some() {
            return Ok(0);
        }
        let path = self.path();
        let mut file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && self.len == 0 => return Ok(0),
            Err(e) => return Err(JournalError::io("cannot open", &path)(e)),
        };
        let size = file
            .metadata()
            .map_err(JournalError::io("cannot inspect", &path))?
            .len();
        if size == self.len && self.len == 0 {
            return Ok(0);
        }
        if size < self.len {
            self.damage = Some(Damage::ChangedUnderneath(format!(
                "it is now {size} bytes long but {} bytes were already read",
                self.len
            )));
            return Ok(0);
        }
        // Re-read the last known line too, to notice a file replaced or rewritten meanwhile.
        file.seek(SeekFrom::Start(self.last_line_start))
            .map_err(JournalError::io("cannot read", &path))?;
        let mut reader = file.take(size - self.last_line_start);
        let known = (self.len - self.last_line_start) as usize;
        let mut last_known = Vec::with_capacity(known + 1);
        // A last line that lacked its newline must now be followed by it, if anything follows.
        let expect_newline = self.unterminated && size > self.len;
        (&mut reader)
            .take(known as u64 + u64::from(expect_newline))
            .read_to_end(&mut last_known)
            .map_err(JournalError::io("cannot read", &path))?;
        let line_end = if self.unterminated {
            known
        } else {
            known.saturating_sub(1)
        };
        if known > 0
            && (last_known.len() < known
                || hash_hex(&last_known[..line_end]) != self.head
                || (expect_newline && last_known.get(known) != Some(&b'\n')))
        {
            self.damage = Some(Damage::ChangedUnderneath(format!(
                "line {} is no longer what was read earlier",
                self.records.len()
            )));
            return Ok(0);
        }
        if expect_newline {
            self.len += 1;
            self.unterminated = false;
        }

        let first_new = self.records.len();
        let read = read_lines(
            reader,
            Continuing {
                offset: self.len,
                length: size - self.len,
                seq: first_new as u64 + 1,
                head: from_hex(&self.head).expect("the head is always a digest"),
            },
            &mut self.records,
            BLOCK,
        )
        .map_err(JournalError::io("cannot read", &path))?;
        self.head = to_hex(&read.head);
        self.len = read.len;
        if let Some(start) = read.last_line_start {
            self.last_line_start = start;
        }
        self.damage = read.damage;
        self.unterminated |= read.unterminated;
        let torn = read.torn;
        let arrived = self.records.len() - first_new;
        self.state.catch_up(&self.records, first_new);
        if let Some(torn) = torn {
            if repair {
                self.set_aside_torn_tail(&torn)?;
            } else {
                self.notices.push(format!(
                    "the last line of {} is incomplete ({} bytes, probably a write cut off); it is ignored here and will be set aside the next time caseload writes",
                    path.display(),
                    torn.len()
                ));
            }
        }
        Ok(arrived)
    }

    fn set_aside_torn_tail(&mut self, torn: &[u8]) -> Result<(), JournalError> {
        let stamp = (self.clock)().format("%Y%m%dT%H%M%S");
        let mut aside = self.dir.join(format!("{JOURNAL_FILE}.torn-{stamp}"));
        let mut n = 1;
        while aside.exists() {
            aside = self.dir.join(format!("{JOURNAL_FILE}.torn-{stamp}-{n}"));
            n += 1;
        }
        let mut out = open_private_rw(&aside)?;
        out.write_all(torn)
            .map_err(JournalError::io("cannot write", &aside))?;
        out.sync_all()
            .map_err(JournalError::io("cannot flush to disk", &aside))?;
        let path = self.path();
        let file = fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .map_err(JournalError::io("cannot open", &path))?;
        file.set_len(self.len)
            .map_err(JournalError::io("cannot truncate", &path))?;
        file.sync_all()
            .map_err(JournalError::io("cannot flush to disk", &path))?;
        sync_dir(&self.dir)?;
        self.notices.push(format!(
            "the last line of the journal was incomplete (a write cut off, {} bytes); it was moved to {} and the journal now ends at record {}",
            torn.len(),
            aside.display(),
            self.records.len()
        ));
        Ok(())
    }

    /// Picks up records other processes appended, without taking the lock (for a window that
    /// watches the journal). Returns how many arrived.
    pub fn refresh(&mut self) -> Result<usize, JournalError> {
        let size = match fs::metadata(self.path()) {
            Ok(m) => m.len(),
            Err(_) => return Ok(0),
        };
        if size == self.len {
            return Ok(0);
        }
        self.read_new(false)
    }

    /// Appends one event, built from the current state by `build` under the lock after
    /// catching up with other writers, so that validation (a duplicate reference, an unknown
    /// id) sees the true latest state. The line is written and fsynced before this returns
    /// its sequence number.
    ///
    /// Whatever `build` accepts, a record describing a day after today by the journal's own
    /// clock is refused ([`crate::domain::commands::not_after_today`]): `--today` never moves
    /// that limit. On a first write, both are also tried against the empty state before the
    /// folder is created, so that refused input leaves nothing behind.
    pub fn append<E, F>(&mut self, build: F) -> Result<u64, AppendError<E>>
    where
        F: Fn(&State, &[Record]) -> Result<Event, E>,
        E: From<Refusal>,
    {
        if self.damage.is_some() {
            return Err(self.damaged().into());
        }
        let checked = |journal: &Journal, now: DateTime<FixedOffset>| {
            let event = build(&journal.state, &journal.records).map_err(AppendError::Refused)?;
            not_after_today(&event, now.date_naive())
                .map_err(|refusal| AppendError::Refused(E::from(refusal)))?;
            Ok::<_, AppendError<E>>(event)
        };
        if !self.dir.exists() {
            checked(self, (self.clock)())?;
        }
        create_private_dir(&self.dir)?;
        let _lock = acquire(&self.lock_path(), self.lock_timeout)?;
        self.read_new(true)?;
        if self.damage.is_some() {
            return Err(self.damaged().into());
        }
        let now = (self.clock)();
        let event = checked(self, now)?;
        let record = Record {
            seq: self.records.len() as u64 + 1,
            at: now,
            event,
        };
        let mut line = encode(&record, &self.head);
        let line_hash = hash_hex(line.as_bytes());
        line.push('\n');
        // The last record lacks its newline: it goes in the same write, ahead of the new line.
        let newline_first = u64::from(self.unterminated);
        if self.unterminated {
            line.insert(0, '\n');
        }
        self.write_line(line.as_bytes())?;

        let seq = record.seq;
        self.last_line_start = self.len + newline_first;
        self.len += line.len() as u64;
        self.unterminated = false;
        self.head = line_hash;
        self.records.push(record);
        let first_new = self.records.len() - 1;
        self.state.catch_up(&self.records, first_new);

        if let Err(e) = daily_backup(&self.dir, &self.path(), now.date_naive(), &mut *self.disk) {
            self.notices.push(format!(
                "the record was saved, but today's backup failed: {e}"
            ));
        }
        Ok(seq)
    }

    /// Replaces the clock that dates new lines and sets the limit on what may be recorded
    /// (tests use this to write on a given day; the program only ever uses the wall clock).
    pub fn set_clock(&mut self, clock: fn() -> DateTime<FixedOffset>) {
        self.clock = clock;
    }

    /// Replaces how lines reach the disk (tests use this to make writes fail).
    pub fn set_disk(&mut self, disk: Box<dyn Disk>) {
        self.disk = disk;
    }

    fn write_line(&mut self, bytes: &[u8]) -> Result<(), JournalError> {
        let path = self.path();
        let existed = path.exists();
        let mut take_back = TakeBack {
            path: &path,
            len: self.len,
            armed: true,
        };
        self.disk
            .append(&path, bytes)
            .map_err(JournalError::io("cannot write the record to", &path))?;
        take_back.armed = false;
        drop(take_back);
        if !existed {
            make_private(&path)?;
            sync_dir(&self.dir)?;
        }
        Ok(())
    }

    /// Writes a new journal of already-dated records (a generated sample journal: their `at`
    /// times are part of the sample). Refuses to touch an existing journal.
    pub fn create_sample(dir: &Path, records: &[Record]) -> Result<Journal, JournalError> {
        create_private_dir(dir)?;
        let path = dir.join(JOURNAL_FILE);
        if path.exists() {
            return Err(JournalError::io("refusing to overwrite", &path)(
                std::io::Error::from(std::io::ErrorKind::AlreadyExists),
            ));
        }
        let mut text = String::new();
        let mut prev = GENESIS_PREV.to_string();
        for (i, record) in records.iter().enumerate() {
            let record = Record {
                seq: i as u64 + 1,
                ..record.clone()
            };
            let line = encode(&record, &prev);
            prev = hash_hex(line.as_bytes());
            text.push_str(&line);
            text.push('\n');
        }
        super::fsutil::write_private_file(&path, text.as_bytes())?;
        Journal::open(dir, Access::ReadWrite)
    }

    /// A receipt for the current head, or `None` for an empty journal.
    pub fn receipt(&self) -> Option<Receipt> {
        let last = self.records.last()?;
        Some(Receipt {
            seq: last.seq,
            head: self.head.clone(),
            at: last.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        })
    }

    /// Checks that line `receipt.seq` still hashes to `receipt.head`. The chain up to it was
    /// checked on load.
    pub fn check_receipt(&self, receipt: &Receipt) -> Result<(), String> {
        if let Some(damage) = &self.damage {
            return Err(format!("the journal is damaged: {damage}"));
        }
        if receipt.seq > self.records.len() as u64 {
            return Err(format!(
                "the receipt names record {} but the journal has only {} records: records were removed",
                receipt.seq,
                self.records.len()
            ));
        }
        let bytes = fs::read(self.path())
            .map_err(|e| format!("cannot read {}: {e}", self.path().display()))?;
        let line = bytes
            .split(|b| *b == b'\n')
            .nth(receipt.seq as usize - 1)
            .ok_or_else(|| format!("record {} is missing", receipt.seq))?;
        let actual = hash_hex(line);
        if actual != receipt.head {
            return Err(format!(
                "record {} now hashes to {actual}, not to the receipt's {}: the journal was changed after the receipt was made",
                receipt.seq, receipt.head
            ));
        }
        Ok(())
    }
}

/// Cuts the journal back to its acknowledged length when dropped while armed: a write that
/// failed, or a panic that unwound through it, leaves no part of its line in the file.
struct TakeBack<'a> {
    path: &'a Path,
    len: u64,
    armed: bool,
}

impl Drop for TakeBack<'_> {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        if let Ok(file) = fs::OpenOptions::new().write(true).open(self.path)
            && file.metadata().is_ok_and(|m| m.len() > self.len)
        {
            let _ = file.set_len(self.len).and_then(|()| file.sync_all());
        }
    }
}
