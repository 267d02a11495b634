//! Private files and folders (0600 and 0700 whatever the umask), made durable, through a
//! [`Disk`].
//!
//! On Windows there are no modes: a new file or folder takes the access list of the folder it
//! is made in. caseload's default data folder is in the user's profile (`%APPDATA%`), whose
//! list admits that user, SYSTEM and the machine's Administrators, and nobody else; that is
//! what private means there. A folder named with `--data-dir` elsewhere keeps whatever access
//! its parent gives (docs/PLATFORMS.md says so to the user).

use super::JournalError;
use super::disk::{Disk, Kind, RealDisk, WriteFile};
use std::path::{Path, PathBuf};

/// Creates `dir` (and its parents) if missing, 0700, flushing each parent so that the new
/// folder survives a crash. An existing folder is left as it is.
pub fn create_private_dir(dir: &Path) -> Result<(), JournalError> {
    make_dir(&mut RealDisk, dir)
}

/// [`create_private_dir`] through `disk`. If any step fails, the folders this call created are
/// removed again, so that a later call creates (and flushes) them itself rather than finding
/// a folder that might not survive a crash.
pub fn make_dir(disk: &mut dyn Disk, dir: &Path) -> Result<(), JournalError> {
    let mut missing = Vec::new();
    let mut at = Some(dir);
    while let Some(path) = at.filter(|p| !p.as_os_str().is_empty()) {
        match disk
            .entry(path, true)
            .map_err(JournalError::io("cannot inspect", path))?
        {
            Some(entry) if entry.kind == Kind::Dir => break,
            Some(_) => {
                return Err(JournalError::io("cannot create the folder", dir)(
                    std::io::Error::other(format!("{} is not a folder", path.display())),
                ));
            }
            None => missing.push(path),
        }
        at = path.parent();
    }
    let mut created: Vec<&Path> = Vec::new();
    let result = missing.iter().rev().try_for_each(|path| {
        match disk.create_dir(path) {
            Ok(()) => {}
            // Another process made it meanwhile (two first writes at once): it is theirs to
            // flush, and not ours to take back.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return match disk.entry(path, true) {
                    Ok(Some(entry)) if entry.kind == Kind::Dir => Ok(()),
                    _ => Err(JournalError::io("cannot create the folder", path)(e)),
                };
            }
            Err(e) => return Err(JournalError::io("cannot create the folder", path)(e)),
        }
        created.push(path);
        disk.set_mode(path, 0o700)
            .map_err(JournalError::io("cannot make private the folder", path))?;
        match path.parent().filter(|p| !p.as_os_str().is_empty()) {
            Some(parent) => sync_dir(disk, parent),
            None => Ok(()),
        }
    });
    if result.is_err() {
        for path in created.iter().rev() {
            let _ = disk.remove_dir(path);
        }
    }
    result
}

/// fsyncs a folder so that a file created, renamed or removed in it survives a crash.
pub fn sync_dir(disk: &mut dyn Disk, dir: &Path) -> Result<(), JournalError> {
    disk.sync_dir(dir)
        .map_err(JournalError::io("cannot flush the folder", dir))
}

/// The temporary file a new copy of `path` is written to before it is renamed into place.
/// Its name starts with `.` and holds `.tmp-`, which is how a stale one is recognised.
pub fn temporary_for(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

/// Whether `name` is a temporary file left by [`replace_file`] for a file named `of`.
pub fn is_temporary(name: &str, of: impl Fn(&str) -> bool) -> bool {
    name.strip_prefix('.')
        .and_then(|rest| rest.rsplit_once(".tmp-"))
        .is_some_and(|(target, pid)| of(target) && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Writes a file atomically: `fill` writes a temporary file beside `path`, which is flushed,
/// made 0600, renamed over `path`, and the folder flushed. On any failure the temporary file
/// is removed and `path` is as it was.
pub fn replace_file(
    disk: &mut dyn Disk,
    path: &Path,
    fill: &mut dyn FnMut(&mut dyn Disk, &mut dyn WriteFile) -> std::io::Result<()>,
) -> Result<(), JournalError> {
    replace_file_checked(disk, path, fill, &mut |_, _| Ok(()))
}

/// [`replace_file`], with `check` run on the flushed temporary file before it is renamed into
/// place: if it fails, nothing is replaced.
pub fn replace_file_checked(
    disk: &mut dyn Disk,
    path: &Path,
    fill: &mut dyn FnMut(&mut dyn Disk, &mut dyn WriteFile) -> std::io::Result<()>,
    check: &mut dyn FnMut(&mut dyn Disk, &Path) -> Result<(), JournalError>,
) -> Result<(), JournalError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = temporary_for(path);
    // A temporary file of this process's id can only be left by an earlier process that died.
    let _ = disk.remove(&tmp);
    let result = (|| {
        let mut file = disk
            .create(&tmp)
            .map_err(JournalError::io("cannot create", path))?;
        disk.set_mode(&tmp, 0o600)
            .map_err(JournalError::io("cannot make private", path))?;
        fill(disk, &mut *file).map_err(JournalError::io("cannot write", path))?;
        file.sync()
            .map_err(JournalError::io("cannot flush to disk", path))?;
        drop(file);
        check(disk, &tmp)?;
        disk.rename(&tmp, path)
            .map_err(JournalError::io("cannot rename into place", path))?;
        sync_dir(disk, dir)
    })();
    if result.is_err() {
        let _ = disk.remove(&tmp);
    }
    result
}

/// Writes `bytes` to `path` atomically, leaving a 0600 file (see [`replace_file`]).
pub fn write_private_file(path: &Path, bytes: &[u8]) -> Result<(), JournalError> {
    replace_file(&mut RealDisk, path, &mut |_, file| {
        std::io::Write::write_all(file, bytes)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Another process puts a file where this one is about to make a folder: the create fails
    /// with "already exists", and what is there is not a folder. (tests/faults.rs has the case
    /// of a folder made meanwhile, which is used.)
    struct FileAppears;

    impl Disk for FileAppears {
        fn create_dir(&mut self, path: &Path) -> std::io::Result<()> {
            std::fs::write(path, b"")?;
            Err(std::io::ErrorKind::AlreadyExists.into())
        }
    }

    #[test]
    fn a_file_that_appears_in_the_folders_place_is_still_refused() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("case notes");
        let error = make_dir(&mut FileAppears, &data).unwrap_err();
        assert!(
            error.to_string().starts_with("cannot create the folder"),
            "{error}"
        );
    }
}
