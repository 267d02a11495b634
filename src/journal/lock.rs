//! The per-append exclusive lock on `journal.lock`.

use super::JournalError;
use super::disk::{Disk, LockHandle};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a writer waits for another process's append before giving up (SPEC 6).
pub const LOCK_TIMEOUT: Duration = Duration::from_secs(5);

/// Takes the exclusive lock on `path` (created 0600 if missing), waiting up to `timeout`.
/// Held while one append (or a repair) runs; released when the handle is dropped.
pub fn acquire(
    disk: &mut dyn Disk,
    path: &Path,
    timeout: Duration,
) -> Result<LockHandle, JournalError> {
    let created = disk
        .entry(path, false)
        .map_err(JournalError::io("cannot inspect", path))?
        .is_none();
    let started = Instant::now();
    loop {
        match disk.try_lock(path) {
            Ok(Some(handle)) => {
                if created {
                    disk.set_mode(path, 0o600)
                        .map_err(JournalError::io("cannot make private", path))?;
                }
                return Ok(handle);
            }
            Ok(None) if started.elapsed() < timeout => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Ok(None) => return Err(JournalError::Busy(timeout.as_secs())),
            Err(e) => return Err(JournalError::io("cannot lock", path)(e)),
        }
    }
}
