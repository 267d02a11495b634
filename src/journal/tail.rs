//! Reading what was appended since the last look, checking it continues the chain, and the
//! repair rule for the last line (SPEC 6).

use super::disk::Kind;
use super::fsutil::sync_dir;
use super::known::Tee;
use super::line::{GENESIS_PREV, Hash, chain_hash, from_hex, to_hex};
use super::scan::{BLOCK, Continuing, read_lines};
use super::store::{JOURNAL_FILE, Journal};
use super::{Damage, JournalError, Unsafe};
use crate::domain::Event;
use crate::domain::replay::{Record, State};
use std::io::{Read, Seek, SeekFrom, Write};

impl Journal {
    /// Reads lines appended since the last look. With `repair` (only under the lock), a torn
    /// last line is set aside and the file truncated; without it, it is left for now (it may
    /// be another process's write in progress). Returns how many records arrived.
    pub(super) fn read_new(&mut self, repair: bool) -> Result<usize, JournalError> {
        if self.damage.is_some() {
            return Ok(0);
        }
        let path = self.path();
        let entry = self
            .disk
            .entry(&path, false)
            .map_err(JournalError::io("cannot inspect", &path))?;
        let Some(entry) = entry else {
            if self.len > 0 {
                self.damage = Some(Damage::ChangedUnderneath(
                    "the journal file is gone".to_string(),
                ));
            }
            return Ok(0);
        };
        match entry.kind {
            Kind::File => {}
            Kind::Symlink => return Err(unsafe_path(&path, Unsafe::Symlink)),
            _ => return Err(unsafe_path(&path, Unsafe::NotAFile)),
        }
        self.found = true;
        if self.file_id.is_some_and(|id| id != entry.id) && self.len > 0 {
            return self.reload();
        }
        self.file_id = Some(entry.id);
        let size = entry.len;
        if size == self.len && self.len == 0 {
            return Ok(0);
        }
        if size < self.len {
            // Shorter than what was read: rewritten (a redaction, where the file's identity
            // does not show it), or cut. Read it again; reload decides which.
            return self.reload();
        }
        let mut file = self
            .disk
            .open_read(&path)
            .map_err(JournalError::io("cannot open", &path))?;
        // Re-read the last known line too, to notice a file rewritten meanwhile.
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
                || to_hex(&chain_hash(&last_known[..line_end])) != self.head
                || (expect_newline && last_known.get(known) != Some(&b'\n')))
        {
            return self.reload();
        }
        if expect_newline {
            self.known.extend(self.len, b"\n");
            self.len += 1;
            self.unterminated = false;
        }

        let first_new = self.records.len();
        let read = self.read_on(reader, size, &path)?;
        self.head = to_hex(&read.head);
        if first_new == 0 {
            self.first_hash = read.first_hash;
        }
        self.len = read.len;
        if let Some(start) = read.last_line_start {
            self.last_line_start = start;
        }
        self.damage = read.damage;
        self.unterminated |= read.unterminated;
        self.distrust_the_line_before_a_broken_link(first_new);
        let arrived = self.records.len().saturating_sub(first_new);
        if self.records.len() >= first_new {
            self.state.catch_up(&self.records, first_new);
        }
        if let Some(torn) = read.torn {
            self.torn_tail(&torn, repair)?;
        }
        Ok(arrived)
    }

    /// Reads the lines from `len` to `size` from `reader` (positioned at `len`) onto the
    /// records, and adds what it accepted to the copy of the file's bytes.
    fn read_on(
        &mut self,
        reader: impl Read,
        size: u64,
        path: &std::path::Path,
    ) -> Result<super::scan::LinesRead, JournalError> {
        let reader = Tee {
            inner: reader,
            copy: self.known.growing(self.len, size - self.len),
        };
        let read = read_lines(
            reader,
            Continuing {
                offset: self.len,
                length: size - self.len,
                seq: self.records.len() as u64 + 1,
                head: from_hex(&self.head).expect("the head is always a digest"),
            },
            &mut self.records,
            BLOCK,
        )
        .map_err(|e| {
            // What the copy took from a read that failed part-way was never checked.
            self.known.forget();
            JournalError::io("cannot read", path)(e)
        })?;
        self.known.truncate(read.len);
        Ok(read)
    }

    /// A torn last line: set aside under the lock, else only noted (it may be another
    /// process's write in progress).
    fn torn_tail(&mut self, torn: &[u8], repair: bool) -> Result<(), JournalError> {
        if repair {
            return self.set_aside_torn_tail(torn);
        }
        self.notices.push(format!(
            "the last line of {} is incomplete ({} bytes, probably a write cut off); it is ignored here and will be set aside the next time caseload writes",
            self.path().display(),
            torn.len()
        ));
        Ok(())
    }

    /// A broken link cannot say which side was edited: the line before it hashes to something
    /// else than the link records, which is what editing that line's own text does. So that
    /// line is not trusted either, and what is shown stops before it. The state is replayed
    /// again only if it already held that record (read in an earlier look).
    fn distrust_the_line_before_a_broken_link(&mut self, first_new: usize) {
        if let Some(Damage::BrokenChain { line }) = self.damage
            && line >= 2
            && self.records.len() as u64 == line - 1
        {
            self.records.pop();
            if self.records.len() < first_new {
                self.state = State::default();
                self.state.catch_up(&self.records, 0);
            }
        }
    }

    /// The journal file was replaced or rewritten (a redaction rewrites it whole): read it
    /// again from the start. It must hold every record read before, each as it was or as the
    /// stub of a redaction; otherwise it changed outside caseload, which is damage.
    fn reload(&mut self) -> Result<usize, JournalError> {
        let before = std::mem::take(&mut self.records);
        self.state = State::default();
        self.head = GENESIS_PREV.to_string();
        self.first_hash = None;
        (self.len, self.last_line_start, self.unterminated) = (0, 0, false);
        self.file_id = None;
        self.known.restart();
        self.read_new(false)?;
        let kept = before.len() <= self.records.len()
            && before
                .iter()
                .zip(&self.records)
                .all(|(old, new)| {
                    old == new
                        || (new.seq == old.seq
                            && matches!(&new.event, Event::Redacted { was, .. } if was == old.event.original_type()))
                });
        if !kept && self.damage.is_none() {
            self.damage = Some(Damage::ChangedUnderneath(format!(
                "it no longer holds the {} records read before as they were",
                before.len()
            )));
        }
        Ok(self.records.len().saturating_sub(before.len()))
    }

    /// Moves a torn last line to `journal.jsonl.torn-<time>` (made durable first, so the bytes
    /// are never lost), then cuts the journal back to its last whole line.
    fn set_aside_torn_tail(&mut self, torn: &[u8]) -> Result<(), JournalError> {
        let stamp = (self.clock)().format("%Y%m%dT%H%M%S");
        let mut aside = self.dir.join(format!("{JOURNAL_FILE}.torn-{stamp}"));
        let mut n = 1;
        while self
            .disk
            .entry(&aside, false)
            .map_err(JournalError::io("cannot inspect", &aside))?
            .is_some()
        {
            aside = self.dir.join(format!("{JOURNAL_FILE}.torn-{stamp}-{n}"));
            n += 1;
        }
        let mut out = self
            .disk
            .create(&aside)
            .map_err(JournalError::io("cannot create", &aside))?;
        self.disk
            .set_mode(&aside, 0o600)
            .map_err(JournalError::io("cannot make private", &aside))?;
        out.write_all(torn)
            .map_err(JournalError::io("cannot write", &aside))?;
        out.sync()
            .map_err(JournalError::io("cannot flush to disk", &aside))?;
        drop(out);
        sync_dir(&mut *self.disk, &self.dir)?;
        let path = self.path();
        self.disk
            .truncate(&path, self.len)
            .map_err(JournalError::io("cannot truncate", &path))?;
        // The cut line had begun to write its number: a line takes that number in its place,
        // so that it is never used again for another record (SPEC 6).
        let next = self.records.len() as u64 + 1;
        let kept_number = declared_seq(torn) == Some(next);
        if kept_number {
            let moved_to = aside
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let stub = Event::CutOff {
                bytes: torn.len() as u64,
                sha256: to_hex(&super::line::hash(torn)),
                moved_to,
            };
            self.write_events(vec![stub], (self.clock)())?;
        }
        self.notices.push(format!(
            "the last line of the journal was incomplete (a write cut off, {} bytes); it was moved to {} and the journal now ends at record {}{}",
            torn.len(),
            aside.display(),
            self.records.len(),
            if kept_number {
                format!(", which stands for the cut write so that its number {next} is not used again")
            } else {
                String::new()
            }
        ));
        Ok(())
    }

    /// Under the lock, before a write: whether every line read before is still in the file as
    /// it was, each line's `prev` the hash of the line before it and the last one's hash the
    /// head. Catching up reads only from the last known line on, so without this an edit
    /// further up, made while a window was open, would be chained onto and hidden (the
    /// window's header would go on saying "chain intact"). Any difference makes the journal
    /// read again from the start, which names the damage. A writer compares the file with the
    /// copy of the bytes it read and wrote (journal/known.rs); without one, the chain is
    /// checked line by line.
    pub(super) fn recheck_known_lines(&mut self) -> Result<(), JournalError> {
        if self.len == 0 || self.damage.is_some() {
            return Ok(());
        }
        let path = self.path();
        // The copy kept since the file was read: compared, not hashed.
        if self.known.covers(self.len) {
            let file = self
                .disk
                .open_read(&path)
                .map_err(JournalError::io("cannot open", &path))?;
            if !self
                .known
                .matches(self.len, file)
                .map_err(JournalError::io("cannot read", &path))?
            {
                self.reload_after_an_edit(true)?;
            }
            return Ok(());
        }
        // No copy (a journal opened to read, or a read that failed part-way): the chain
        // is checked line by line, and what it holds becomes the copy.
        let mut known = Vec::with_capacity(self.len as usize);
        self.disk
            .open_read(&path)
            .map_err(JournalError::io("cannot open", &path))?
            .take(self.len)
            .read_to_end(&mut known)
            .map_err(JournalError::io("cannot read", &path))?;
        if chains_to(&known, self.records.len(), &self.head) {
            self.known.replace(known);
        } else {
            // A line caseload did not write (its `prev` not last) fails the quick check with
            // every byte as it was; a last line that no longer hashes to the head was edited.
            let last = known
                .strip_suffix(b"\n")
                .unwrap_or(&known)
                .rsplit(|b| *b == b'\n')
                .next()
                .unwrap_or_default();
            let edited = to_hex(&chain_hash(last)) != self.head;
            self.reload_after_an_edit(edited)?;
        }
        Ok(())
    }

    /// The bytes read before are not in the file as they were (`edited`: known to differ), or
    /// may not be: read it again. A redaction by another window explains a difference (a line
    /// is now its stub); a file that reads the same records without one was edited where it
    /// stood, in a way the chain cannot show (its last line, changed in a field that is not
    /// read), and is not written onto either.
    fn reload_after_an_edit(&mut self, edited: bool) -> Result<(), JournalError> {
        let stubs = |records: &[Record]| {
            records
                .iter()
                .filter(|r| matches!(r.event, Event::Redacted { .. }))
                .count()
        };
        let (known, stubbed, read) = (self.records.len(), stubs(&self.records), self.len);
        self.reload()?;
        if edited
            && self.damage.is_none()
            && stubs(&self.records[..known.min(self.records.len())]) == stubbed
        {
            self.damage = Some(Damage::ChangedUnderneath(format!(
                "the {read} bytes read before are not as they were, though they read as the same records (a line was edited where it stands)"
            )));
        }
        Ok(())
    }

    /// Picks up records other processes appended, without taking the lock (for a window that
    /// watches the journal). Returns how many arrived.
    pub fn refresh(&mut self) -> Result<usize, JournalError> {
        let path = self.path();
        let entry = self
            .disk
            .entry(&path, false)
            .map_err(JournalError::io("cannot inspect", &path))?;
        match entry {
            Some(e) if e.len == self.len && self.file_id.is_none_or(|id| id == e.id) => Ok(0),
            None if self.len == 0 => Ok(0),
            _ => self.read_new(false),
        }
    }
}

/// Whether `bytes` holds exactly `count` lines, each carrying the hash of the one before it as
/// its trailing `prev` (as caseload writes every line), the last of them hashing to `head`.
/// A line written otherwise only costs a full read, which judges it properly.
fn chains_to(bytes: &[u8], count: usize, head: &str) -> bool {
    use rayon::prelude::*;
    let lines: Vec<&[u8]> = bytes
        .split(|b| *b == b'\n')
        .filter(|line| !line.is_empty())
        .collect();
    if lines.len() != count {
        return false;
    }
    let links: Vec<(Option<Hash>, Hash)> = lines
        .par_iter()
        .map(|line| (trailing_prev(line), chain_hash(line)))
        .collect();
    let mut before = from_hex(GENESIS_PREV).expect("the genesis prev is a digest");
    for (prev, hash) in links {
        if prev != Some(before) {
            return false;
        }
        before = hash;
    }
    to_hex(&before) == head
}

/// The digest in a line's closing `"prev":"<64 hex digits>"}`.
fn trailing_prev(line: &[u8]) -> Option<Hash> {
    let digits = line.strip_suffix(b"\"}")?;
    let start = digits.len().checked_sub(64)?;
    digits[..start]
        .ends_with(br#""prev":""#)
        .then(|| {
            std::str::from_utf8(&digits[start..])
                .ok()
                .and_then(from_hex)
        })
        .flatten()
}

fn unsafe_path(path: &std::path::Path, why: Unsafe) -> JournalError {
    JournalError::Unsafe {
        path: path.to_path_buf(),
        why,
    }
}

/// The record number a cut line had written whole: `{"seq":N,` at its start (a number cut
/// short, with no comma after it yet, was not written whole).
fn declared_seq(torn: &[u8]) -> Option<u64> {
    let rest = torn.strip_prefix(b"{\"seq\":")?;
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || rest.get(digits) != Some(&b',') {
        return None;
    }
    std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()
}
