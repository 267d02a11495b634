//! The bytes of the journal this window has read or written, kept so that a write can check
//! the file still holds them by comparing, not by hashing and parsing every line again.
//!
//! Before each append, under the lock, the file's first `len` bytes must be the ones read
//! (an edit further up, made while a window was open, would otherwise be chained onto and
//! hidden). Comparing them with a copy finds any byte changed, whatever the file's length,
//! times or identity say, at the cost of holding the file once more in memory (the records
//! read from it take more); hashing them again costs a SHA-256 of every byte.

use std::io::{self, Read};

/// How much of the file is compared at a time.
const CHUNK: usize = 1 << 20;

/// The file's bytes `[0, len)` as this window read and wrote them. Empty and untracked when
/// the journal was opened only to read (it may never write, so it keeps no copy).
#[derive(Debug, Default)]
pub(super) struct Known {
    bytes: Option<Vec<u8>>,
}

impl Known {
    /// Keeps a copy from the start of the file.
    pub(super) fn tracked() -> Known {
        Known {
            bytes: Some(Vec::new()),
        }
    }

    /// The copy, if it holds exactly the file's first `len` bytes.
    fn of(&self, len: u64) -> Option<&[u8]> {
        self.bytes.as_deref().filter(|b| b.len() as u64 == len)
    }

    /// Whether a copy of exactly `len` bytes is held.
    pub(super) fn covers(&self, len: u64) -> bool {
        self.of(len).is_some()
    }

    /// Starts again from an empty file (the file is read again from its start), keeping a copy
    /// only if one was kept before.
    pub(super) fn restart(&mut self) {
        if let Some(b) = &mut self.bytes {
            b.clear();
        }
    }

    /// Drops the copy (a read failed part-way: what it copied was not checked).
    pub(super) fn forget(&mut self) {
        self.bytes = None;
    }

    /// Takes `bytes` as the file's first bytes, already checked against the chain.
    pub(super) fn replace(&mut self, bytes: Vec<u8>) {
        self.bytes = Some(bytes);
    }

    /// Adds bytes that now follow the first `len` in the file; a copy that did not end at
    /// `len` is dropped (the next write checks the chain instead, and copies again).
    pub(super) fn extend(&mut self, len: u64, more: &[u8]) {
        match &mut self.bytes {
            Some(b) if b.len() as u64 == len => b.extend_from_slice(more),
            Some(_) => self.bytes = None,
            None => {}
        }
    }

    /// Cuts the copy to the file's first `len` bytes (what reading accepted of what it read).
    pub(super) fn truncate(&mut self, len: u64) {
        if let Some(b) = &mut self.bytes {
            if (b.len() as u64) < len {
                self.bytes = None;
            } else {
                b.truncate(len as usize);
            }
        }
    }

    /// The bytes being added while reading on from `len`, if a copy ending there is kept.
    /// `more` is how many bytes the reading may add (room is made for them at once).
    pub(super) fn growing(&mut self, len: u64, more: u64) -> Option<&mut Vec<u8>> {
        let bytes = self.bytes.as_mut().filter(|b| b.len() as u64 == len)?;
        bytes.reserve(usize::try_from(more).unwrap_or(0));
        Some(bytes)
    }

    /// Whether `file` starts with exactly the `len` bytes held (see [`Known::covers`]; no copy
    /// matches nothing).
    pub(super) fn matches(&self, len: u64, file: impl Read) -> io::Result<bool> {
        let Some(known) = self.of(len) else {
            return Ok(false);
        };
        let mut file = file.take(len);
        let mut chunk = vec![0u8; CHUNK.min(known.len().max(1))];
        let mut at = 0;
        loop {
            let n = match file.read(&mut chunk) {
                Ok(0) => return Ok(at == known.len()),
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if known.get(at..at + n) != Some(&chunk[..n]) {
                return Ok(false);
            }
            at += n;
        }
    }
}

/// A reader that copies what it reads onto the end of `copy` (when there is one).
pub(super) struct Tee<'a, R> {
    pub(super) inner: R,
    pub(super) copy: Option<&'a mut Vec<u8>>,
}

impl<R: Read> Read for Tee<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(copy) = &mut self.copy {
            copy.extend_from_slice(&buf[..n]);
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(bytes: &[u8]) -> Known {
        let mut k = Known::tracked();
        k.extend(0, bytes);
        k
    }

    #[test]
    fn any_byte_changed_is_a_mismatch_whatever_the_length() {
        let file = b"line one\nline two\n".to_vec();
        let k = known(&file);
        let len = file.len() as u64;
        assert!(k.matches(len, &file[..]).unwrap());
        // With more after it (appended by another writer): the first len bytes still match.
        assert!(k.matches(len, &b"line one\nline two\nthree\n"[..]).unwrap());
        for i in 0..file.len() {
            let mut edited = file.clone();
            edited[i] ^= 0x20;
            assert!(!k.matches(len, &edited[..]).unwrap(), "byte {i}");
        }
        assert!(!k.matches(len, &file[..5]).unwrap(), "cut short");
        assert!(!k.covers(len + 1) && !k.matches(len + 1, &file[..]).unwrap());
    }

    #[test]
    fn a_copy_that_does_not_end_where_bytes_are_added_is_dropped() {
        let mut k = known(b"abc");
        k.extend(3, b"def");
        assert!(k.covers(6));
        k.extend(4, b"x");
        assert!(!k.covers(6) && !k.covers(7));
        let mut untracked = Known::default();
        untracked.extend(0, b"abc");
        assert!(!untracked.covers(3));
    }

    #[test]
    fn compares_across_chunks() {
        let file: Vec<u8> = (0..(3 * CHUNK + 17)).map(|i| (i % 251) as u8).collect();
        let k = known(&file);
        let len = file.len() as u64;
        assert!(k.matches(len, &file[..]).unwrap());
        let mut edited = file.clone();
        edited[2 * CHUNK + 3] ^= 1;
        assert!(!k.matches(len, &edited[..]).unwrap());
    }
}
