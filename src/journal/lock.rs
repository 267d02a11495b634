//! The per-append exclusive lock on `journal.lock`.

use super::JournalError;
use super::fsutil::open_private_rw;
use std::fs::{File, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a writer waits for another process's append before giving up (SPEC 6).
pub const LOCK_TIMEOUT: Duration = Duration::from_secs(5);

/// Held while one append (or a torn-tail repair) runs; released on drop.
pub struct LockGuard {
    file: File,
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

/// Takes the exclusive lock on `path`, waiting up to `timeout`.
pub fn acquire(path: &Path, timeout: Duration) -> Result<LockGuard, JournalError> {
    let file = open_private_rw(path)?;
    let started = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(LockGuard { file }),
            Err(TryLockError::WouldBlock) if started.elapsed() < timeout => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(TryLockError::WouldBlock) => return Err(JournalError::Busy(timeout.as_secs())),
            Err(TryLockError::Error(e)) => return Err(JournalError::io("cannot lock", path)(e)),
        }
    }
}
