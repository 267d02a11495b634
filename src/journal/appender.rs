//! The one place a record's bytes reach the disk, behind a trait so that tests can make the
//! write or the flush fail as a full disk or a failing drive would.

use super::fsutil::open_private_append;
use std::io::Write;
use std::path::Path;

/// Appends a whole line to the journal file and flushes it to disk.
pub trait Appender: Send + Sync {
    /// Appends `bytes` at the end of the file at `path` (creating it 0600 if needed), and
    /// returns only when they are on disk.
    fn append(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;
}

/// The real thing: one `O_APPEND` write of the whole line, then `fsync`.
#[derive(Debug, Default)]
pub struct FileAppender;

impl Appender for FileAppender {
    fn append(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let (mut file, _) = open_private_append(path).map_err(|e| match e {
            super::JournalError::Io { source, .. } => source,
            other => std::io::Error::other(other.to_string()),
        })?;
        file.write_all(bytes)?;
        file.sync_data()
    }
}
