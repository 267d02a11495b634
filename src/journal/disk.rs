//! Every I/O the journal performs, behind one trait: looking at a path, opening, reading,
//! appending, cutting back, creating, renaming, removing, listing, flushing a folder, setting
//! a mode and taking the lock. The program uses [`RealDisk`]; tests put a disk in its place
//! that fails, panics or "crashes" at any chosen call ([`super::MemDisk`]), so that every path
//! through the journal's code can be made to meet a failing disk.
//!
//! Every default method is the real thing, so a test disk overrides only what it breaks.

use std::io::{self, Read, Seek, Write};
use std::path::Path;

/// What a path is, seen without following a symbolic link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
    Symlink,
    /// A device, FIFO or socket.
    Other,
}

/// What is at a path: its kind, size, permission bits, owner and identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub len: u64,
    /// The permission bits (`0o777` at most).
    pub mode: u32,
    /// The owner's user id.
    pub owner: u32,
    /// Device and inode: which file this is, to notice a file replaced by another.
    pub id: (u64, u64),
    /// How many names (hard links) the file has: a rewrite by rename leaves the old text
    /// under any name but this one.
    pub links: u64,
}

/// A file open for reading.
pub trait ReadFile: Read + Seek + Send {}
impl<T: Read + Seek + Send> ReadFile for T {}

/// A new file open for writing; `sync` returns only when its bytes are on disk.
pub trait WriteFile: Write + Send {
    fn sync(&mut self) -> io::Result<()>;
}

/// A held lock, released when dropped.
pub type LockHandle = Box<dyn Send>;

/// How the journal reaches the disk. Paths inside the data folder are never followed through
/// a symbolic link: opening one fails.
pub trait Disk: Send + Sync {
    /// The user whose files caseload may use: the effective user id.
    fn user(&self) -> u32 {
        real::user()
    }

    /// What is at `path` (`follow`: through a symbolic link, as for the data folder itself),
    /// or `None` if nothing is.
    fn entry(&mut self, path: &Path, follow: bool) -> io::Result<Option<Entry>> {
        real::entry(path, follow)
    }

    /// Opens an existing regular file for reading, never through a symbolic link.
    fn open_read(&mut self, path: &Path) -> io::Result<Box<dyn ReadFile>> {
        real::open_read(path)
    }

    /// Appends `bytes` at the end of the file at `path` in one write (`O_APPEND`, created 0600
    /// if missing, never through a symbolic link), and returns only when they are on disk.
    fn append(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        real::append(path, bytes)
    }

    /// Cuts the file at `path` back to `len` bytes and flushes it to disk.
    fn truncate(&mut self, path: &Path, len: u64) -> io::Result<()> {
        real::truncate(path, len)
    }

    /// Creates a new file 0600 at `path`, failing if anything is there already.
    fn create(&mut self, path: &Path) -> io::Result<Box<dyn WriteFile>> {
        real::create(path)
    }

    /// Renames a fully written and flushed file over `to`.
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }

    /// Removes a file (never what a symbolic link points to).
    fn remove(&mut self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)
    }

    /// Creates one folder, 0700.
    fn create_dir(&mut self, path: &Path) -> io::Result<()> {
        real::create_dir(path)
    }

    /// Removes an empty folder (taking back one just created when what followed failed).
    fn remove_dir(&mut self, path: &Path) -> io::Result<()> {
        std::fs::remove_dir(path)
    }

    /// Flushes a folder, so that files created, renamed or removed in it stay so after a crash.
    fn sync_dir(&mut self, path: &Path) -> io::Result<()> {
        real::sync_dir(path)
    }

    /// The names in a folder.
    fn list(&mut self, dir: &Path) -> io::Result<Vec<String>> {
        real::list(dir)
    }

    /// Sets the permission bits of a file or folder that is not a symbolic link.
    fn set_mode(&mut self, path: &Path, mode: u32) -> io::Result<()> {
        real::set_mode(path, mode)
    }

    /// Takes the exclusive lock on the file at `path` (created 0600 if missing) without
    /// waiting: `None` if another process holds it.
    fn try_lock(&mut self, path: &Path) -> io::Result<Option<LockHandle>> {
        real::try_lock(path)
    }
}

/// The real thing: the file system, through the standard library.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealDisk;

impl Disk for RealDisk {}

/// The real operations, shared by [`RealDisk`] and the defaults of [`Disk`].
mod real {
    use super::{Entry, Kind, LockHandle, ReadFile, WriteFile};
    use std::fs::{self, File, OpenOptions, TryLockError};
    use std::io::{self, Write};
    use std::path::Path;

    #[cfg(unix)]
    use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};

    /// Never through a symbolic link, and 0600 when created.
    fn private(options: &mut OpenOptions) -> &mut OpenOptions {
        #[cfg(unix)]
        options
            .mode(0o600)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
        options
    }

    /// `open` on a symbolic link with `O_NOFOLLOW` fails with ELOOP; say what it means.
    fn explain(path: &Path, e: io::Error) -> io::Error {
        if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            io::Error::other(format!(
                "{} is a symbolic link, which caseload does not follow",
                path.display()
            ))
        } else {
            e
        }
    }

    pub fn user() -> u32 {
        #[cfg(unix)]
        return rustix::process::geteuid().as_raw();
        #[cfg(not(unix))]
        0
    }

    pub fn entry(path: &Path, follow: bool) -> io::Result<Option<Entry>> {
        let meta = if follow {
            fs::metadata(path)
        } else {
            fs::symlink_metadata(path)
        };
        let meta = match meta {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let file_type = meta.file_type();
        let kind = if file_type.is_symlink() {
            Kind::Symlink
        } else if file_type.is_dir() {
            Kind::Dir
        } else if file_type.is_file() {
            Kind::File
        } else {
            Kind::Other
        };
        #[cfg(unix)]
        let (mode, owner, id, links) = (
            meta.mode() & 0o777,
            meta.uid(),
            (meta.dev(), meta.ino()),
            meta.nlink(),
        );
        #[cfg(not(unix))]
        let (mode, owner, id, links) = (0o600, 0, (0, 0), 1);
        Ok(Some(Entry {
            kind,
            len: meta.len(),
            mode,
            owner,
            id,
            links,
        }))
    }

    pub fn open_read(path: &Path) -> io::Result<Box<dyn ReadFile>> {
        let file = private(OpenOptions::new().read(true))
            .open(path)
            .map_err(|e| explain(path, e))?;
        Ok(Box::new(file))
    }

    pub fn append(path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut file = private(OpenOptions::new().append(true).create(true))
            .open(path)
            .map_err(|e| explain(path, e))?;
        file.write_all(bytes)?;
        file.sync_data()
    }

    pub fn truncate(path: &Path, len: u64) -> io::Result<()> {
        let file = private(OpenOptions::new().write(true))
            .open(path)
            .map_err(|e| explain(path, e))?;
        file.set_len(len)?;
        file.sync_all()
    }

    impl WriteFile for File {
        fn sync(&mut self) -> io::Result<()> {
            self.sync_all()
        }
    }

    pub fn create(path: &Path) -> io::Result<Box<dyn WriteFile>> {
        let file = private(OpenOptions::new().write(true).create_new(true)).open(path)?;
        Ok(Box::new(file))
    }

    pub fn create_dir(path: &Path) -> io::Result<()> {
        #[cfg_attr(not(unix), allow(unused_mut))] // a mode to set on Unix only
        let mut builder = fs::DirBuilder::new();
        #[cfg(unix)]
        builder.mode(0o700);
        builder.create(path)
    }

    /// A no-op on Windows, on purpose. Flushing a folder there needs a Win32 handle opened for
    /// writing with backup semantics, which std does not give, and NTFS does not need it: it
    /// journals every create and rename in its metadata log, so after a crash a name is either
    /// wholly there or not, and the FlushFileBuffers that `sync_all` makes on a file writes
    /// that file's metadata with its data (so a journal created and flushed is there after a
    /// crash). A rename made after the last flush (a backup, a report) reaches the disk when
    /// NTFS next commits its log, within seconds; a crash before that leaves the old file whole.
    pub fn sync_dir(path: &Path) -> io::Result<()> {
        #[cfg(unix)]
        File::open(path)?.sync_all()?;
        #[cfg(not(unix))]
        let _ = path;
        Ok(())
    }

    pub fn list(dir: &Path) -> io::Result<Vec<String>> {
        fs::read_dir(dir)?
            .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect()
    }

    /// On Windows, nothing to do: the file has its folder's access list.
    pub fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
        if fs::symlink_metadata(path)?.file_type().is_symlink() {
            return Err(explain(path, io::Error::other("a symbolic link")));
        }
        #[cfg(unix)]
        fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
        #[cfg(not(unix))]
        let _ = mode;
        Ok(())
    }

    pub fn try_lock(path: &Path) -> io::Result<Option<LockHandle>> {
        let file = private(OpenOptions::new().read(true).write(true).create(true))
            .truncate(false)
            .open(path)
            .map_err(|e| explain(path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Box::new(file))),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(e),
        }
    }
}
