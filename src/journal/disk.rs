//! The places a record's bytes reach the disk, behind a trait so that tests can make the
//! write, the flush or the rename fail as a full disk, a failing drive or a read-only file
//! system would.

use super::fsutil::open_private_append;
use std::io::Write;
use std::path::Path;

/// How the journal writes: appending a line, and moving a finished copy into place.
pub trait Disk: Send + Sync {
    /// Appends `bytes` at the end of the file at `path` (creating it 0600 if needed), and
    /// returns only when they are on disk.
    fn append(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;

    /// Renames a fully written and flushed temporary file over `to` (the daily backup).
    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::rename(from, to)
    }
}

/// The real thing: one `O_APPEND` write of the whole line, then `fsync`; `rename(2)`.
#[derive(Debug, Default)]
pub struct RealDisk;

impl Disk for RealDisk {
    fn append(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let (mut file, _) = open_private_append(path).map_err(|e| match e {
            super::JournalError::Io { source, .. } => source,
            other => std::io::Error::other(other.to_string()),
        })?;
        file.write_all(bytes)?;
        file.sync_data()
    }
}
