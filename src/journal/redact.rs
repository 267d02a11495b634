//! Redaction (SPEC 6; the design is in docs/DECISIONS.md): a record's line is replaced on disk
//! by a stub carrying the original line's SHA-256, which the chain uses in its place, and a
//! redaction record says when and why. The journal is rewritten whole, atomically, under the
//! lock; then the backups holding the line are rewritten the same way.

use super::backup::{backup_dir, is_backup_name};
use super::fsutil::{is_temporary, replace_file_checked, sync_dir};
use super::line::{Hash, decode, encode, hash, to_hex};
use super::lock::acquire;
use super::scan::{BLOCK, Continuing, read_lines};
use super::store::{JOURNAL_FILE, Journal};
use super::{Disk, Entry, JournalError};
use crate::domain::Event;
use crate::domain::commands::{self, Refusal};
use crate::domain::replay::Record;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

/// What a redaction did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted {
    /// The redacted record.
    pub target: u64,
    /// The redaction record that says when and why.
    pub by: u64,
    /// Whether this call redacted the journal, or found it already done and only finished
    /// the backups.
    pub now: bool,
    /// The backups whose copy of the line was replaced by the stub.
    pub backups: Vec<PathBuf>,
    /// Files rewritten here that had another name too (a hard link made outside caseload),
    /// as they were before: the rewrite gives this name a new file, and the old one, text and
    /// all, lives on under the other name. Caseload cannot find that name; the user can, by
    /// the inode (`find / -xdev -inum N`).
    pub still_linked: Vec<(PathBuf, Entry)>,
}

/// A redacted line as `verify` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedactedLine {
    pub seq: u64,
    /// The type of record it was.
    pub was: String,
    /// The redaction record (its seq, when it was written, why), if this journal has one.
    pub by: Option<(u64, chrono::DateTime<chrono::FixedOffset>, String)>,
    /// Whether the line is a stub: false when a redaction record names a line that still holds
    /// its text.
    pub stub: bool,
}

/// Why a redaction did not happen, or did not finish.
#[derive(Debug, thiserror::Error)]
pub enum RedactError {
    #[error(transparent)]
    Refused(#[from] Refusal),
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// The journal is redacted, but a backup still holds the text.
    #[error(
        "record {} is redacted in the journal (record {}), but the backup {} still holds its text: {why}; run the same `caseload redact` again to remove it from the backups",
        .done.target, .done.by, .left.display()
    )]
    Backups {
        done: Box<Redacted>,
        left: PathBuf,
        why: Box<JournalError>,
    },
}

/// The stub that stands for `original` (a line of the journal at `path`, without its newline).
fn stub_for(path: &Path, original: &[u8]) -> Result<(String, Hash), JournalError> {
    let (record, prev) = decode(original).map_err(|e| JournalError::Damaged {
        path: path.to_path_buf(),
        damage: super::Damage::ChangedUnderneath(format!(
            "the line to redact no longer reads: {e}"
        )),
    })?;
    let original_hash = hash(original);
    let target = match record.event {
        Event::Voided { target, .. } => Some(target),
        _ => None,
    };
    let stub = Record {
        seq: record.seq,
        at: record.at,
        event: Event::Redacted {
            was: record.event.type_name().to_string(),
            sha256: to_hex(&original_hash),
            target,
        },
    };
    let prev = prev.map(|p| to_hex(&p)).unwrap_or_default();
    Ok((encode(&stub, &prev), original_hash))
}

/// Line `seq` (without its newline) of the file at `path`, if it has one.
fn line_of(disk: &mut dyn Disk, path: &Path, seq: u64) -> Result<Option<Vec<u8>>, JournalError> {
    let file = disk
        .open_read(path)
        .map_err(JournalError::io("cannot open", path))?;
    let mut reader = BufReader::new(file);
    let mut line = Vec::new();
    for _ in 0..seq {
        line.clear();
        if reader
            .read_until(b'\n', &mut line)
            .map_err(JournalError::io("cannot read", path))?
            == 0
        {
            return Ok(None);
        }
    }
    if line.last() == Some(&b'\n') {
        line.pop();
    }
    Ok(Some(line))
}

/// Copies the first `len` bytes of `from` into `to`, line by line, with `stub` in place of
/// line `seq`; every line ends in a newline, then `after` (if any) is written.
fn copy_with_stub(
    disk: &mut dyn Disk,
    from: &Path,
    len: u64,
    seq: u64,
    stub: &str,
    after: Option<&str>,
    to: &mut dyn Write,
) -> std::io::Result<()> {
    let file = disk.open_read(from)?;
    let mut reader = BufReader::with_capacity(BLOCK, file.take(len));
    let mut line = Vec::new();
    let mut n = 0;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        n += 1;
        if n == seq {
            to.write_all(stub.as_bytes())?;
            to.write_all(b"\n")?;
        } else {
            to.write_all(&line)?;
            if line.last() != Some(&b'\n') {
                to.write_all(b"\n")?;
            }
        }
    }
    if let Some(after) = after {
        to.write_all(after.as_bytes())?;
        to.write_all(b"\n")?;
    }
    Ok(())
}

/// Removes `.journal.jsonl.tmp-*` copies in `dir`: under the lock, any is left by a redaction
/// that was killed, and holds the whole journal, the text it was removing included.
pub(super) fn remove_stale_journal_copies(
    disk: &mut dyn Disk,
    dir: &Path,
) -> Result<(), JournalError> {
    let names = disk
        .list(dir)
        .map_err(JournalError::io("cannot list", dir))?;
    let mut removed = false;
    for name in names
        .iter()
        .filter(|n| is_temporary(n, |t| t == JOURNAL_FILE))
    {
        let stale = dir.join(name);
        disk.remove(&stale)
            .map_err(JournalError::io("cannot remove the stale copy", &stale))?;
        removed = true;
    }
    if removed {
        sync_dir(disk, dir)?;
    }
    Ok(())
}

impl Journal {
    /// Every redacted line, and every line a redaction record names that still holds its text.
    pub fn redacted_lines(&self) -> Vec<RedactedLine> {
        let by = |seq: u64| {
            self.records.iter().find_map(|r| match &r.event {
                Event::Redaction { target, reason } if *target == seq => {
                    Some((r.seq, r.at, reason.clone()))
                }
                _ => None,
            })
        };
        let mut out: Vec<RedactedLine> = self
            .records
            .iter()
            .filter_map(|r| match &r.event {
                Event::Redacted { was, .. } => Some(RedactedLine {
                    seq: r.seq,
                    was: was.clone(),
                    by: by(r.seq),
                    stub: true,
                }),
                _ => None,
            })
            .collect();
        for r in &self.records {
            if let Event::Redaction { target, reason } = &r.event
                && let Some(named) = self.records.get((*target as usize).wrapping_sub(1))
                && !matches!(named.event, Event::Redacted { .. })
            {
                out.push(RedactedLine {
                    seq: *target,
                    was: named.event.type_name().to_string(),
                    by: Some((r.seq, r.at, reason.clone())),
                    stub: false,
                });
            }
        }
        out.sort_by_key(|l| l.seq);
        out
    }

    /// Redacts record `seq` for `reason` (see the module's description). If the journal is
    /// already redacted there, only the backups that still hold the text are rewritten.
    pub fn redact(&mut self, seq: u64, reason: &str) -> Result<Redacted, RedactError> {
        if self.damage.is_some() {
            return Err(self.damaged().into());
        }
        let lock_path = self.lock_path();
        let _lock = acquire(&mut *self.disk, &lock_path, self.lock_timeout)?;
        self.read_new(true)?;
        if self.damage.is_some() {
            return Err(self.damaged().into());
        }
        remove_stale_journal_copies(&mut *self.disk, &self.dir)?;
        let path = self.path();
        let already = matches!(
            self.records
                .get((seq as usize).wrapping_sub(1))
                .map(|r| &r.event),
            Some(Event::Redacted { .. })
        );
        if already {
            return self.finish_backups(seq);
        }
        let event = commands::redact(&self.state, &self.records, seq, reason)?;
        let original = line_of(&mut *self.disk, &path, seq)?.unwrap_or_default();
        let (stub, original_hash) = stub_for(&path, &original)?;
        let record = Record {
            seq: self.records.len() as u64 + 1,
            at: (self.clock)(),
            event,
        };
        let line = encode(&record, &self.head);
        let new_head = hash(line.as_bytes());
        let (len, records) = (self.len, self.records.len() as u64 + 1);
        let linked = self
            .disk
            .entry(&path, false)
            .map_err(JournalError::io("cannot inspect", &path))?
            .filter(|e| e.links > 1);
        replace_file_checked(
            &mut *self.disk,
            &path,
            &mut |disk, out| copy_with_stub(disk, &path, len, seq, &stub, Some(&line), out),
            &mut |disk, written| check_rewritten(disk, written, records, new_head),
        )?;
        self.read_new(false)?;
        if let Some(damage) = &self.damage {
            return Err(JournalError::Damaged {
                path,
                damage: damage.clone(),
            }
            .into());
        }
        let done = Redacted {
            target: seq,
            by: record.seq,
            now: true,
            backups: Vec::new(),
            still_linked: linked.map(|e| (path, e)).into_iter().collect(),
        };
        self.scrub_backups(seq, original_hash, &stub, done)
    }

    /// The journal is already redacted at `seq`: rewrite the backups that still hold the text,
    /// or say there is nothing left to do.
    fn finish_backups(&mut self, seq: u64) -> Result<Redacted, RedactError> {
        let by = self.state.redacted_by.get(&seq).copied();
        let nothing_left = || {
            let by = by.map_or_else(String::new, |by| format!(" by record {by}"));
            RedactError::Refused(Refusal::Rule(format!(
                "record {seq} is already redacted{by}, and no backup still holds its text"
            )))
        };
        let path = self.path();
        let stub = line_of(&mut *self.disk, &path, seq)?.unwrap_or_default();
        let Some(original_hash) = decode(&stub)
            .ok()
            .and_then(|(record, _)| super::line::stub_hash(&record.event))
        else {
            return Err(nothing_left());
        };
        let stub = String::from_utf8_lossy(&stub).into_owned();
        let done = Redacted {
            target: seq,
            by: by.unwrap_or(0),
            now: false,
            backups: Vec::new(),
            still_linked: Vec::new(),
        };
        let done = self.scrub_backups(seq, original_hash, &stub, done)?;
        if done.backups.is_empty() {
            return Err(nothing_left());
        }
        Ok(done)
    }

    /// Rewrites every backup whose line `seq` is the original line, with the stub in its place.
    fn scrub_backups(
        &mut self,
        seq: u64,
        original_hash: Hash,
        stub: &str,
        mut done: Redacted,
    ) -> Result<Redacted, RedactError> {
        let dir = backup_dir(&self.dir);
        let exists = self
            .disk
            .entry(&dir, false)
            .map_err(JournalError::io("cannot inspect", &dir))?
            .is_some();
        if !exists {
            return Ok(done);
        }
        let mut names: Vec<String> = self
            .disk
            .list(&dir)
            .map_err(JournalError::io("cannot list", &dir))?
            .into_iter()
            .filter(|n| is_backup_name(n))
            .collect();
        names.sort();
        for name in names {
            let copy = dir.join(name);
            let result = (|| {
                let holds = line_of(&mut *self.disk, &copy, seq)?
                    .is_some_and(|line| hash(&line) == original_hash);
                if !holds {
                    return Ok(None);
                }
                let Some(entry) = self
                    .disk
                    .entry(&copy, false)
                    .map_err(JournalError::io("cannot inspect", &copy))?
                else {
                    return Ok(None);
                };
                let len = entry.len;
                replace_file_checked(
                    &mut *self.disk,
                    &copy,
                    &mut |disk, out| copy_with_stub(disk, &copy, len, seq, stub, None, out),
                    &mut |_, _| Ok(()),
                )?;
                Ok(Some(entry))
            })();
            match result {
                Ok(Some(entry)) => {
                    if entry.links > 1 {
                        done.still_linked.push((copy.clone(), entry));
                    }
                    done.backups.push(copy);
                }
                Ok(None) => {}
                Err(why) => {
                    return Err(RedactError::Backups {
                        done: Box::new(done),
                        left: copy,
                        why: Box::new(why),
                    });
                }
            }
        }
        Ok(done)
    }
}

/// Reads a rewritten journal back before it replaces the old one: it must be whole, chain,
/// hold `records` records and end at `head`.
fn check_rewritten(
    disk: &mut dyn Disk,
    written: &Path,
    records: u64,
    head: Hash,
) -> Result<(), JournalError> {
    let len = disk
        .entry(written, false)
        .map_err(JournalError::io("cannot inspect", written))?
        .map_or(0, |e| e.len);
    let file = disk
        .open_read(written)
        .map_err(JournalError::io("cannot open", written))?;
    let mut read = Vec::new();
    let found = read_lines(
        file,
        Continuing {
            offset: 0,
            length: len,
            seq: 1,
            head: [0; 32],
        },
        &mut read,
        BLOCK,
    )
    .map_err(JournalError::io("cannot read back", written))?;
    if found.damage.is_some()
        || found.torn.is_some()
        || read.len() as u64 != records
        || found.head != head
        || found.len != len
    {
        return Err(JournalError::io("cannot redact", written)(
            std::io::Error::other(format!(
                "the rewritten journal did not read back as written ({} records of {records}{}); the journal was left as it was",
                read.len(),
                found.damage.map(|d| format!(", {d}")).unwrap_or_default()
            )),
        ));
    }
    Ok(())
}
