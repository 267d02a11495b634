//! What caseload refuses to use, and what it warns about, in the data folder (SPEC 6): a
//! symbolic link where the journal, its lock or its backups should be; anything there that is
//! not what it should be; files or folders owned by another user; and files others can read.

use super::JournalError;
use super::backup::{BACKUPS_DIR, is_backup_name};
use super::disk::{Disk, Entry, Kind};
use super::store::{JOURNAL_FILE, LOCK_FILE};
use std::fmt;
use std::path::{Path, PathBuf};

/// Why a path in the data folder is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unsafe {
    #[error(
        "it is a symbolic link; caseload opens its files only as themselves, never through a link, so that nothing elsewhere is read or overwritten. Put the file itself there"
    )]
    Symlink,
    #[error("it is not a regular file")]
    NotAFile,
    #[error("it is not a folder")]
    NotAFolder,
    #[error(
        "it belongs to user {owner}, not to you (user {user}); caseload uses only a journal that is yours. Run caseload as its owner, or give it a folder of your own with --data-dir"
    )]
    NotYours { owner: u32, user: u32 },
}

/// A file or folder others can read or write, and the mode it should have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loose {
    pub path: PathBuf,
    pub mode: u32,
    pub private: u32,
}

impl fmt::Display for Loose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let who = match (self.mode & 0o070 != 0, self.mode & 0o007 != 0) {
            (true, true) => "your group and every other user",
            (true, false) => "your group",
            _ => "every other user",
        };
        let can = if self.mode & 0o022 != 0 {
            "read or change"
        } else {
            "read"
        };
        write!(
            f,
            "{} is {:03o}: {who} can {can} it; it should be {:03o}",
            self.path.display(),
            self.mode,
            self.private
        )
    }
}

/// What looking over the data folder found.
#[derive(Debug, Default)]
pub struct Survey {
    /// The journal file, if there is one.
    pub journal: Option<Entry>,
    pub loose: Vec<Loose>,
}

fn refuse(path: &Path, why: Unsafe) -> JournalError {
    JournalError::Unsafe {
        path: path.to_path_buf(),
        why,
    }
}

/// Refuses `entry` at `path` unless it is a `want` (a file or a folder) owned by the user.
fn check(path: &Path, entry: &Entry, want: Kind, user: u32) -> Result<(), JournalError> {
    match (entry.kind, want) {
        (Kind::Symlink, _) => return Err(refuse(path, Unsafe::Symlink)),
        (Kind::File, Kind::File) | (Kind::Dir, Kind::Dir) => {}
        (_, Kind::Dir) => return Err(refuse(path, Unsafe::NotAFolder)),
        _ => return Err(refuse(path, Unsafe::NotAFile)),
    }
    if entry.owner != user {
        return Err(refuse(
            path,
            Unsafe::NotYours {
                owner: entry.owner,
                user,
            },
        ));
    }
    Ok(())
}

fn loose(path: &Path, entry: &Entry, private: u32, out: &mut Vec<Loose>) {
    if entry.mode & 0o077 != 0 {
        out.push(Loose {
            path: path.to_path_buf(),
            mode: entry.mode,
            private,
        });
    }
}

fn look(disk: &mut dyn Disk, path: &Path, follow: bool) -> Result<Option<Entry>, JournalError> {
    disk.entry(path, follow)
        .map_err(JournalError::io("cannot inspect", path))
}

/// Looks over the data folder `dir`: refuses a folder, journal, lock or backups folder that is
/// a link, the wrong kind of thing or another user's, and lists what others can read. The
/// data folder itself may be a link to a folder elsewhere (an encrypted volume, say): it is
/// followed, and the folder it leads to is checked.
pub fn survey(disk: &mut dyn Disk, dir: &Path) -> Result<Survey, JournalError> {
    let mut out = Survey::default();
    let user = disk.user();
    let Some(folder) = look(disk, dir, true)? else {
        return Ok(out);
    };
    check(dir, &folder, Kind::Dir, user)?;
    loose(dir, &folder, 0o700, &mut out.loose);
    for (name, kind) in [
        (JOURNAL_FILE, Kind::File),
        (LOCK_FILE, Kind::File),
        (BACKUPS_DIR, Kind::Dir),
    ] {
        let path = dir.join(name);
        if let Some(entry) = look(disk, &path, false)? {
            check(&path, &entry, kind, user)?;
            let private = if kind == Kind::Dir { 0o700 } else { 0o600 };
            loose(&path, &entry, private, &mut out.loose);
            if name == JOURNAL_FILE {
                out.journal = Some(entry);
            }
        }
    }
    let names = disk
        .list(dir)
        .map_err(JournalError::io("cannot list", dir))?;
    for name in names
        .iter()
        .filter(|n| n.starts_with(&format!("{JOURNAL_FILE}.torn-")))
    {
        let path = dir.join(name);
        if let Some(entry) = look(disk, &path, false)? {
            loose(&path, &entry, 0o600, &mut out.loose);
        }
    }
    let backups = dir.join(BACKUPS_DIR);
    if names.iter().any(|n| n == BACKUPS_DIR) {
        let copies = disk
            .list(&backups)
            .map_err(JournalError::io("cannot list", &backups))?;
        for name in copies.iter().filter(|n| is_backup_name(n)) {
            let path = backups.join(name);
            if let Some(entry) = look(disk, &path, false)? {
                loose(&path, &entry, 0o600, &mut out.loose);
            }
        }
    }
    Ok(out)
}

/// Refuses to write into `backups/` if it is a link, not a folder or not the user's.
pub fn check_backups_dir(disk: &mut dyn Disk, backups: &Path) -> Result<(), JournalError> {
    let user = disk.user();
    match look(disk, backups, false)? {
        Some(entry) => check(backups, &entry, Kind::Dir, user),
        None => Ok(()),
    }
}

/// Gives each loose file or folder its private mode.
pub fn tighten(disk: &mut dyn Disk, loose: &[Loose]) -> Result<(), JournalError> {
    for item in loose {
        disk.set_mode(&item.path, item.private)
            .map_err(JournalError::io(
                "cannot change the permissions of",
                &item.path,
            ))?;
    }
    Ok(())
}
