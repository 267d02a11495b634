//! Private files and folders: 0600 and 0700 whatever the umask.
//!
//! On Windows there are no modes: a new file or folder takes the access list of the folder it
//! is made in. caseload's default data folder is in the user's profile (`%APPDATA%`), whose
//! list admits that user, SYSTEM and the machine's Administrators, and nobody else; that is
//! what private means there. A folder named with `--data-dir` elsewhere keeps whatever access
//! its parent gives (docs/PLATFORMS.md says so to the user).

use super::JournalError;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};

/// Creates `dir` (and its parents) if missing, and makes it 0700.
pub fn create_private_dir(dir: &Path) -> Result<(), JournalError> {
    if !dir.is_dir() {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        builder.mode(0o700);
        builder
            .create(dir)
            .map_err(JournalError::io("cannot create the folder", dir))?;
        #[cfg(unix)]
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .map_err(JournalError::io("cannot make private the folder", dir))?;
    }
    Ok(())
}

/// Opens `path` for appending, creating it 0600 if missing. Returns whether it was created.
pub fn open_private_append(path: &Path) -> Result<(File, bool), JournalError> {
    let existed = path.exists();
    let mut options = OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    options.mode(0o600);
    let file = options
        .open(path)
        .map_err(JournalError::io("cannot open for writing", path))?;
    if !existed {
        make_private(path)?;
    }
    Ok((file, !existed))
}

/// Opens (creating 0600 if needed) a file for reading and writing, without truncating it.
pub fn open_private_rw(path: &Path) -> Result<File, JournalError> {
    let existed = path.exists();
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    options.mode(0o600);
    let file = options
        .open(path)
        .map_err(JournalError::io("cannot open", path))?;
    if !existed {
        make_private(path)?;
    }
    Ok(file)
}

/// Makes `path` 0600. On Windows, nothing to do: the file has its folder's access list.
pub fn make_private(path: &Path) -> Result<(), JournalError> {
    #[cfg(unix)]
    fs::set_permissions(path, fs::Permissions::from_mode(0o600))
        .map_err(JournalError::io("cannot make private", path))?;
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Writes `bytes` to `path` atomically (temporary file, fsync, rename, fsync the folder),
/// leaving a 0600 file. On any failure the temporary file is removed and `path` is as it was.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> Result<(), JournalError> {
    write_private_file_with(path, bytes, &mut |from, to| fs::rename(from, to))
}

/// [`write_private_file`] with the rename supplied (the journal's [`super::Disk`]).
pub fn write_private_file_with(
    path: &Path,
    bytes: &[u8],
    rename: &mut dyn FnMut(&Path, &Path) -> std::io::Result<()>,
) -> Result<(), JournalError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{file_name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        options.mode(0o600);
        let mut file = options
            .open(&tmp)
            .map_err(JournalError::io("cannot create", path))?;
        make_private(&tmp)?;
        file.write_all(bytes)
            .map_err(JournalError::io("cannot write", path))?;
        file.sync_all()
            .map_err(JournalError::io("cannot flush to disk", path))?;
        rename(&tmp, path).map_err(JournalError::io("cannot rename into place", path))?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// fsyncs a folder so that a file created or renamed in it survives a crash.
///
/// A no-op on Windows, on purpose. Flushing a folder there needs a Win32 handle opened for
/// writing with backup semantics, which std does not give, and NTFS does not need it: it
/// journals every create and rename in its metadata log, so after a crash a name is either
/// wholly there or not, and the FlushFileBuffers that `sync_all` makes on a file writes that
/// file's metadata with its data (so a journal created and flushed is there after a crash). A
/// rename made after the last flush (a backup, a report) reaches the disk when NTFS next
/// commits its log, within seconds; a crash before that leaves the old file whole.
pub fn sync_dir(dir: &Path) -> Result<(), JournalError> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(JournalError::io("cannot flush the folder", dir))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
