//! The journal file: open (checking what is in the data folder), append, and what it holds.
//! Loading and repair are in `tail.rs`; every I/O goes through the journal's [`Disk`].

use super::AppendError;
use super::backup::daily_backup;
use super::disk::{Disk, RealDisk};
use super::fsutil::{make_dir, replace_file, sync_dir};
use super::line::{GENESIS_PREV, encode, hash_hex};
use super::lock::{LOCK_TIMEOUT, acquire};
use super::safety::{Loose, survey, tighten};
use super::{Damage, JournalError};
use crate::domain::Event;
use crate::domain::commands::{Refusal, not_after_today};
use crate::domain::replay::{Record, State};
use chrono::{DateTime, FixedOffset, Local, Timelike};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

pub const JOURNAL_FILE: &str = "journal.jsonl";
pub const LOCK_FILE: &str = "journal.lock";

/// Whether opening may repair a torn tail (which writes) or must leave the files untouched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadOnly,
    ReadWrite,
}

/// What dates a new line (its `at`, the day of its backup, the limit on what may be recorded).
pub type Clock = Arc<dyn Fn() -> DateTime<FixedOffset> + Send + Sync>;

/// An open journal: every record read so far, the replayed state and the chain's head.
pub struct Journal {
    pub(super) dir: PathBuf,
    pub(super) records: Vec<Record>,
    pub(super) state: State,
    pub(super) head: String,
    /// The hash of line 1, which a receipt's check code is bound to.
    pub(super) first_hash: Option<super::line::Hash>,
    /// Bytes of whole, verified lines.
    pub(super) len: u64,
    pub(super) last_line_start: u64,
    /// The last line is a whole record that lacks its newline (SPEC 6: kept, and the newline
    /// is added under the lock before the next append). `len` then ends at its last byte.
    pub(super) unterminated: bool,
    /// Whether a journal file was there when last looked.
    pub(super) found: bool,
    /// Which file was read (device, inode), to notice it replaced.
    pub(super) file_id: Option<(u64, u64)>,
    pub(super) damage: Option<Damage>,
    pub(super) notices: Vec<String>,
    pub(super) loose: Vec<Loose>,
    pub(super) lock_timeout: Duration,
    pub(super) disk: Box<dyn Disk>,
    pub(super) clock: Clock,
    /// A copy of the file's first `len` bytes, for a writer to check them cheaply.
    pub(super) known: super::known::Known,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal")
            .field("dir", &self.dir)
            .field("records", &self.records.len())
            .field("head", &self.head)
            .field("len", &self.len)
            .field("damage", &self.damage)
            .finish_non_exhaustive()
    }
}

/// The wall clock, to the second, in the local offset.
pub fn wall_clock() -> DateTime<FixedOffset> {
    let now = Local::now().fixed_offset();
    now.with_nanosecond(0).unwrap_or(now)
}

impl Journal {
    /// Opens the journal in `dir` on the real disk. A missing journal is an empty one. With
    /// `ReadWrite`, the folder is created and a torn last line is set aside; with `ReadOnly`
    /// nothing is written. Damage does not fail the open: the journal comes back read-only
    /// with [`Journal::damage`] set and the records before the damaged line loaded. A journal,
    /// lock or backups folder that is a symbolic link, not what it should be, or another
    /// user's is refused ([`JournalError::Unsafe`]).
    pub fn open(dir: &Path, access: Access) -> Result<Journal, JournalError> {
        Journal::open_on(dir, access, Box::new(RealDisk))
    }

    /// [`Journal::open`] through `disk`.
    pub fn open_on(
        dir: &Path,
        access: Access,
        disk: Box<dyn Disk>,
    ) -> Result<Journal, JournalError> {
        let mut journal = Journal {
            dir: dir.to_path_buf(),
            records: Vec::new(),
            state: State::default(),
            head: GENESIS_PREV.to_string(),
            first_hash: None,
            len: 0,
            last_line_start: 0,
            unterminated: false,
            found: false,
            file_id: None,
            damage: None,
            notices: Vec::new(),
            loose: Vec::new(),
            lock_timeout: LOCK_TIMEOUT,
            disk,
            clock: Arc::new(wall_clock),
            known: super::known::Known::default(),
        };
        let found = survey(&mut *journal.disk, dir)?;
        journal.loose = found.loose;
        if let Some(summary) = journal.loose_summary() {
            journal.notices.push(summary);
        }
        match access {
            Access::ReadWrite => {
                journal.known = super::known::Known::tracked();
                make_dir(&mut *journal.disk, dir)?;
                let lock_path = journal.lock_path();
                let _lock = acquire(&mut *journal.disk, &lock_path, journal.lock_timeout)?;
                super::redact::remove_stale_journal_copies(&mut *journal.disk, dir)?;
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

    pub(super) fn lock_path(&self) -> PathBuf {
        self.dir.join(LOCK_FILE)
    }

    /// Whether there was a journal file when it was last read (a missing one reads as empty).
    pub fn exists(&self) -> bool {
        self.found
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

    /// Whether the last record lacks its newline (kept; the next append adds it).
    pub fn last_line_unterminated(&self) -> bool {
        self.unterminated
    }

    pub fn damage(&self) -> Option<&Damage> {
        self.damage.as_ref()
    }

    pub fn is_read_only(&self) -> bool {
        self.damage.is_some()
    }

    /// Messages for the user about what loading did (a torn line set aside, a backup failed,
    /// files others can read).
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    /// The journal's files and folders that others can read, found when it was opened.
    pub fn loose_permissions(&self) -> &[Loose] {
        &self.loose
    }

    /// One line naming what others can read and how to fix it, if anything.
    pub fn loose_summary(&self) -> Option<String> {
        if self.loose.is_empty() {
            return None;
        }
        let names: Vec<String> = self
            .loose
            .iter()
            .map(|l| {
                let name = l.path.strip_prefix(&self.dir).unwrap_or(&l.path);
                let name = if name.as_os_str().is_empty() {
                    "the data folder".to_string()
                } else {
                    name.display().to_string()
                };
                format!("{name} ({:03o})", l.mode)
            })
            .collect();
        // The fix first, so that a narrow status line still shows it.
        Some(format!(
            "run `caseload verify --fix-permissions`: other users can read {}",
            names.join(", ")
        ))
    }

    /// Makes every loose file and folder private (0600 and 0700) and returns what was changed.
    pub fn fix_permissions(&mut self) -> Result<Vec<Loose>, JournalError> {
        tighten(&mut *self.disk, &self.loose)?;
        let fixed = std::mem::take(&mut self.loose);
        self.loose = survey(&mut *self.disk, &self.dir)?.loose;
        Ok(fixed)
    }

    pub fn set_lock_timeout(&mut self, timeout: Duration) {
        self.lock_timeout = timeout;
    }

    pub(super) fn damaged(&self) -> JournalError {
        JournalError::Damaged {
            path: self.path(),
            damage: self.damage.clone().expect("called only when damaged"),
        }
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
        let seqs = self.append_all(|state, records| build(state, records).map(|e| vec![e]))?;
        Ok(*seqs
            .first()
            .expect("one event was built, so one line was written"))
    }

    /// Appends every event `build` makes, all under one lock and in one write, or none: the
    /// same catching up, checks and refusals as [`Journal::append`], for each event (an
    /// import's rows). `build` sees the state before the first of them, so it checks each
    /// event against the ones before it in the batch itself. An empty batch writes nothing
    /// and returns no sequence numbers. A crash in the middle of the write can still leave
    /// the first lines whole (the repair rule then keeps them and sets the cut line aside).
    pub fn append_all<E, F>(&mut self, build: F) -> Result<Vec<u64>, AppendError<E>>
    where
        F: Fn(&State, &[Record]) -> Result<Vec<Event>, E>,
        E: From<Refusal>,
    {
        if self.damage.is_some() {
            return Err(self.damaged().into());
        }
        let checked = |journal: &Journal, now: DateTime<FixedOffset>| {
            let events = build(&journal.state, &journal.records).map_err(AppendError::Refused)?;
            for event in &events {
                not_after_today(event, now.date_naive())
                    .map_err(|refusal| AppendError::Refused(E::from(refusal)))?;
            }
            Ok::<_, AppendError<E>>(events)
        };
        let folder = self
            .disk
            .entry(&self.dir, true)
            .map_err(JournalError::io("cannot inspect", &self.dir))?;
        if folder.is_none() && checked(self, (self.clock)())?.is_empty() {
            return Ok(Vec::new());
        }
        make_dir(&mut *self.disk, &self.dir)?;
        let lock_path = self.lock_path();
        let _lock = acquire(&mut *self.disk, &lock_path, self.lock_timeout)?;
        self.recheck_known_lines()?;
        self.read_new(true)?;
        if self.damage.is_some() {
            return Err(self.damaged().into());
        }
        let now = (self.clock)();
        let events = checked(self, now)?;
        if events.is_empty() {
            return Ok(Vec::new());
        }
        Ok(self.write_events(events, now)?)
    }

    /// Writes `events` as the journal's next lines, under the lock the caller holds, and takes
    /// them into the records and state; then today's backup.
    pub(super) fn write_events(
        &mut self,
        events: Vec<Event>,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<u64>, JournalError> {
        let first_seq = self.records.len() as u64 + 1;
        let mut bytes = String::new();
        // The last record lacks its newline: it goes in the same write, ahead of the new lines.
        let newline_first = u64::from(self.unterminated);
        if self.unterminated {
            bytes.push('\n');
        }
        let mut head = self.head.clone();
        let mut last_line_start = self.len + newline_first;
        let mut records = Vec::with_capacity(events.len());
        let mut first_line_hash = None;
        for (i, event) in events.into_iter().enumerate() {
            let record = Record {
                seq: first_seq + i as u64,
                at: now,
                event,
            };
            let line = encode(&record, &head);
            head = hash_hex(line.as_bytes());
            first_line_hash.get_or_insert_with(|| head.clone());
            last_line_start = self.len + bytes.len() as u64;
            bytes.push_str(&line);
            bytes.push('\n');
            records.push(record);
        }
        self.write_line(bytes.as_bytes())?;
        self.known.extend(self.len, bytes.as_bytes());

        let seqs: Vec<u64> = records.iter().map(|r| r.seq).collect();
        self.last_line_start = last_line_start;
        self.len += bytes.len() as u64;
        self.unterminated = false;
        self.found = true;
        if self.records.is_empty() {
            self.first_hash = first_line_hash.as_deref().and_then(super::line::from_hex);
        }
        self.head = head;
        let first_new = self.records.len();
        self.records.extend(records);
        self.state.catch_up(&self.records, first_new);

        if let Err(e) = daily_backup(&self.dir, now.date_naive(), &mut *self.disk) {
            let saved = if seqs.len() == 1 {
                "the record was saved".to_string()
            } else {
                format!("the {} records were saved", seqs.len())
            };
            self.notices
                .push(format!("{saved}, but today's backup failed: {e}"));
        }
        Ok(seqs)
    }

    /// Replaces the clock that dates new lines and sets the limit on what may be recorded
    /// (tests use this to write on a given day; the program only ever uses the wall clock).
    pub fn set_clock(&mut self, clock: impl Fn() -> DateTime<FixedOffset> + Send + Sync + 'static) {
        self.clock = Arc::new(clock);
    }

    /// Replaces the disk the journal reads and writes through (tests use this to make it
    /// fail).
    pub fn set_disk(&mut self, disk: Box<dyn Disk>) {
        self.disk = disk;
    }

    /// Writes `bytes` at the end of the journal and, for a new file, makes it private and
    /// flushes the folder. On any failure (or a panic unwinding through it) the file is cut
    /// back to its acknowledged length.
    fn write_line(&mut self, bytes: &[u8]) -> Result<(), JournalError> {
        let path = self.path();
        let dir = self.dir.clone();
        let existed = self
            .disk
            .entry(&path, false)
            .map_err(JournalError::io("cannot inspect", &path))?
            .is_some();
        let mut take_back = TakeBack {
            disk: &mut *self.disk,
            path: &path,
            len: self.len,
            armed: true,
        };
        take_back
            .disk
            .append(&path, bytes)
            .map_err(JournalError::io("cannot write the record to", &path))?;
        if !existed {
            take_back
                .disk
                .set_mode(&path, 0o600)
                .map_err(JournalError::io("cannot make private", &path))?;
            sync_dir(take_back.disk, &dir)?;
            // The folder may have been created by an earlier attempt that failed before it
            // was flushed into its parent.
            if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
                sync_dir(take_back.disk, parent)?;
            }
        }
        take_back.armed = false;
        Ok(())
    }

    /// Writes a new journal of already-dated records (a generated sample journal: their `at`
    /// times are part of the sample). Refuses to touch an existing journal.
    pub fn create_sample(dir: &Path, records: &[Record]) -> Result<Journal, JournalError> {
        let disk = &mut RealDisk;
        make_dir(disk, dir)?;
        let path = dir.join(JOURNAL_FILE);
        if disk
            .entry(&path, false)
            .map_err(JournalError::io("cannot inspect", &path))?
            .is_some()
        {
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
        replace_file(disk, &path, &mut |_, file| {
            std::io::Write::write_all(file, text.as_bytes())
        })?;
        Journal::open(dir, Access::ReadWrite)
    }
}

/// Cuts the journal back to its acknowledged length when dropped while armed: a write that
/// failed, or a panic that unwound through it, leaves no part of its line in the file.
struct TakeBack<'a> {
    disk: &'a mut dyn Disk,
    path: &'a Path,
    len: u64,
    armed: bool,
}

impl Drop for TakeBack<'_> {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        if let Ok(Some(entry)) = self.disk.entry(self.path, false)
            && entry.len > self.len
        {
            let _ = self.disk.truncate(self.path, self.len);
        }
    }
}
