//! Where documents and other output go. Paths are taken as people type them (a bare name,
//! a relative path, `~/...`); an existing file is replaced only when asked; a device, a FIFO,
//! a symlink or a folder is never written through or replaced. Standard output that the
//! reader closed (`caseload list events | head -1`) ends the program quietly.

pub use crate::report::printable::{visible, visible_with};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

/// Why output could not go where it was asked to.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{} already exists; add --force to replace it, or choose another name", .0.display())]
    Exists(PathBuf),
    #[error("{} is {what}; give the name of a file to write", path.display())]
    NotAFile { path: PathBuf, what: &'static str },
    #[error("cannot write {}: the folder {} does not exist", path.display(), folder.display())]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error(
        "cannot replace {}: it is open in another program (a PDF viewer, Word or Excel?); close it there and try again, or choose another name",
        .0.display()
    )]
    InUse(PathBuf),
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The reader of standard output went away; nothing is wrong.
    #[error("standard output was closed")]
    Closed,
}

impl OutputError {
    /// Whether the user asked for something that cannot be done (exit 2) rather than the
    /// system failing (exit 1).
    pub fn is_invalid_request(&self) -> bool {
        matches!(
            self,
            OutputError::Exists(_) | OutputError::NotAFile { .. } | OutputError::NoFolder { .. }
        )
    }
}

impl From<OutputError> for crate::error::Error {
    fn from(e: OutputError) -> Self {
        match e {
            OutputError::Closed => crate::error::Error::OutputClosed,
            e if e.is_invalid_request() => crate::error::Error::Invalid(e.to_string()),
            e => crate::error::Error::Failed(e.to_string()),
        }
    }
}

/// The user's home folder, for `~`.
pub fn home_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf())
}

/// A path as typed, made absolute: `~` and `~/x` from `home`, anything relative from `cwd`.
/// `.` and `..` are resolved by name, so that messages show a clean path.
pub fn expand_path(typed: &Path, home: Option<&Path>, cwd: &Path) -> PathBuf {
    let mut components = typed.components();
    let joined = match (components.next(), home) {
        (Some(Component::Normal(first)), Some(home)) if first == "~" => {
            home.join(components.as_path())
        }
        _ if typed.is_absolute() => typed.to_path_buf(),
        _ => cwd.join(typed),
    };
    let mut clean = PathBuf::new();
    for part in joined.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !clean.pop() {
                    clean.push(part);
                }
            }
            other => clean.push(other),
        }
    }
    clean
}

/// [`expand_path`] against this process's home and working folder.
pub fn resolve(typed: &Path) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    expand_path(typed, home_dir().as_deref(), &cwd)
}

/// What is at a path we are about to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Nothing yet.
    New,
    /// A regular file, which will be replaced only if asked.
    ExistingFile,
}

/// Checks that `path` is somewhere a file can be written: refuses a folder, a device, a
/// FIFO, a socket and a symlink (never followed, never replaced), and a missing folder.
pub fn check_target(path: &Path) -> Result<Target, OutputError> {
    let folder = parent_of(path);
    if !folder.is_dir() {
        return Err(OutputError::NoFolder {
            path: path.to_path_buf(),
            folder,
        });
    }
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Target::New),
        Err(source) => {
            return Err(OutputError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let kind = meta.file_type();
    let what = if kind.is_symlink() {
        "a symbolic link (caseload never writes through one)"
    } else if kind.is_dir() {
        "a folder"
    } else if kind.is_file() {
        return Ok(Target::ExistingFile);
    } else {
        special_kind(kind)
    };
    Err(OutputError::NotAFile {
        path: path.to_path_buf(),
        what,
    })
}

#[cfg(unix)]
fn special_kind(kind: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a device"
    }
}

#[cfg(not(unix))]
fn special_kind(_: std::fs::FileType) -> &'static str {
    "not a regular file"
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes `bytes` to `path` as a new private (0600) file: written to a temporary file beside
/// it, flushed to disk, then given its name, and the folder flushed. Without `replace`, an
/// existing file is refused, even one that appeared a moment ago (the name is taken with a
/// hard link, which never replaces). Nothing is left behind on failure.
pub fn write_file(path: &Path, bytes: &[u8], replace: bool) -> Result<(), OutputError> {
    write_file_with(path, bytes, replace, &mut place)
}

/// Gives the finished temporary file `from` the name `to`: a rename when replacing, else a
/// hard link (refused if `to` exists) and the temporary name removed. Where hard links are
/// not supported (FAT, some network drives) it falls back to a rename after checking.
fn place(from: &Path, to: &Path, replace: bool) -> io::Result<()> {
    if replace {
        return std::fs::rename(from, to);
    }
    match std::fs::hard_link(from, to) {
        Ok(()) => {
            let _ = std::fs::remove_file(from);
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) if std::fs::symlink_metadata(to).is_ok() => {
            Err(io::Error::from(io::ErrorKind::AlreadyExists))
        }
        Err(_) => std::fs::rename(from, to),
    }
}

/// [`write_file`] with the last step supplied (tests make it fail).
pub fn write_file_with(
    path: &Path,
    bytes: &[u8],
    replace: bool,
    place: &mut dyn FnMut(&Path, &Path, bool) -> io::Result<()>,
) -> Result<(), OutputError> {
    let target = check_target(path)?;
    if target == Target::ExistingFile && !replace {
        return Err(OutputError::Exists(path.to_path_buf()));
    }
    let io_err = |source: io::Error| OutputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let folder = parent_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(&folder)
        .map_err(io_err)?;
    tmp.write_all(bytes).map_err(io_err)?;
    tmp.as_file().sync_all().map_err(io_err)?;
    // Dropped on failure, which removes the temporary file.
    let tmp = tmp.into_temp_path();
    place(&tmp, path, replace).map_err(|e| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            OutputError::Exists(path.to_path_buf())
        } else if open_in_another_program(path, &e) {
            OutputError::InUse(path.to_path_buf())
        } else {
            io_err(e)
        }
    })?;
    // Its name is the report's now (or already gone); nothing to remove.
    let _ = tmp.keep();
    #[cfg(unix)]
    std::fs::File::open(&folder)
        .and_then(|d| d.sync_all())
        .map_err(io_err)?;
    Ok(())
}

/// Whether replacing `path` failed because another program holds it open, as Windows
/// programs that show a document do (they open it without letting others delete or replace
/// it). Windows says so as a sharing or lock violation, or as "access denied", which also
/// means a read-only file or a missing permission: then only a file nobody else has open can
/// be opened with no sharing at all, which tells the two apart.
#[cfg(windows)]
fn open_in_another_program(path: &Path, e: &io::Error) -> bool {
    use std::os::windows::fs::OpenOptionsExt;
    const ERROR_ACCESS_DENIED: i32 = 5;
    const ERROR_SHARING_VIOLATION: i32 = 32;
    const ERROR_LOCK_VIOLATION: i32 = 33;
    match e.raw_os_error() {
        Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION) => true,
        Some(ERROR_ACCESS_DENIED) => std::fs::OpenOptions::new()
            .read(true)
            .share_mode(0)
            .open(path)
            .is_err_and(|e| e.raw_os_error() == Some(ERROR_SHARING_VIOLATION)),
        _ => false,
    }
}

/// Elsewhere an open file can be replaced (its readers keep the old one).
#[cfg(not(windows))]
fn open_in_another_program(_path: &Path, _e: &io::Error) -> bool {
    false
}

/// The error for a failed write to standard output: a reader that went away is
/// [`OutputError::Closed`], anything else a failure naming standard output.
pub fn stdout_error(e: io::Error) -> OutputError {
    if e.kind() == io::ErrorKind::BrokenPipe {
        OutputError::Closed
    } else {
        OutputError::Io {
            path: PathBuf::from("standard output"),
            source: e,
        }
    }
}

/// Writes `bytes` to standard output and flushes, without ever panicking.
pub fn to_stdout(bytes: &[u8]) -> Result<(), OutputError> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(stdout_error)
}

/// Writes one line to standard output (see [`to_stdout`]), control characters made visible.
pub fn line(text: impl std::fmt::Display) -> Result<(), OutputError> {
    to_stdout(format!("{}\n", visible_with(&text.to_string(), true)).as_bytes())
}

/// One line on standard error after `caseload: `, never panicking (a full or closed standard
/// error is ignored: there is nowhere left to say anything).
pub fn warn(text: impl std::fmt::Display) {
    let _ = writeln!(
        io::stderr(),
        "caseload: {}",
        visible_with(&text.to_string(), true)
    );
}

/// Where reports written from the terminal UI go when no file is named: `caseload/` in the
/// user's documents folder (`documents`, from the platform; else `~/Documents` if it exists),
/// else `reports/` in the data folder.
pub fn reports_folder(documents: Option<&Path>, home: Option<&Path>, data_dir: &Path) -> PathBuf {
    documents
        .map(Path::to_path_buf)
        .or_else(|| home.map(|h| h.join("Documents")).filter(|d| d.is_dir()))
        .map_or_else(|| data_dir.join("reports"), |d| d.join("caseload"))
}

/// [`reports_folder`] for this user.
pub fn user_reports_folder(data_dir: &Path) -> PathBuf {
    let documents = directories::UserDirs::new()
        .and_then(|d| d.document_dir().map(Path::to_path_buf))
        .filter(|d| d.is_dir());
    reports_folder(documents.as_deref(), home_dir().as_deref(), data_dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_expanded_as_typed() {
        let home = Path::new("/home/alex");
        let cwd = Path::new("/work/here");
        let e = |t: &str| expand_path(Path::new(t), Some(home), cwd);
        assert_eq!(e("stress.html"), Path::new("/work/here/stress.html"));
        assert_eq!(e("out/x.pdf"), Path::new("/work/here/out/x.pdf"));
        assert_eq!(e("../x.pdf"), Path::new("/work/x.pdf"));
        assert_eq!(e("./x.pdf"), Path::new("/work/here/x.pdf"));
        assert_eq!(e("~"), Path::new("/home/alex"));
        assert_eq!(
            e("~/Desktop/x.html"),
            Path::new("/home/alex/Desktop/x.html")
        );
        assert_eq!(e("~alex/x"), Path::new("/work/here/~alex/x"));
        assert_eq!(e("/tmp/x.md"), Path::new("/tmp/x.md"));
        assert_eq!(
            expand_path(Path::new("~/x"), None, cwd),
            Path::new("/work/here/~/x")
        );
    }

    #[test]
    fn new_files_are_written_existing_ones_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        write_file(&path, b"one", false).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        let refused = write_file(&path, b"two", false).unwrap_err();
        assert!(matches!(refused, OutputError::Exists(_)), "{refused}");
        assert!(
            refused
                .to_string()
                .ends_with("already exists; add --force to replace it, or choose another name")
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_file(&path, b"three", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_failed_last_step_names_the_file_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        let e = write_file_with(&path, b"x", false, &mut |_, _, _| {
            Err(io::Error::other("the drive went away"))
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("cannot write {}: the drive went away", path.display())
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        // A file that appeared between the check and the naming is not replaced.
        let e = write_file_with(&path, b"x", false, &mut |from, to, replace| {
            std::fs::write(to, b"theirs")?;
            place(from, to, replace)
        })
        .unwrap_err();
        assert!(matches!(e, OutputError::Exists(_)), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), b"theirs");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_folders_and_missing_folders_are_refused_even_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        std::fs::write(&real, b"keep").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        for replace in [false, true] {
            let e = write_file(&link, b"x", replace).unwrap_err();
            assert!(e.to_string().contains("a symbolic link"), "{e}");
            let e = write_file(dir.path(), b"x", replace).unwrap_err();
            assert!(e.to_string().contains("is a folder"), "{e}");
            let e = write_file(&dir.path().join("no/such/x.md"), b"x", replace).unwrap_err();
            assert!(matches!(e, OutputError::NoFolder { .. }), "{e}");
        }
        assert_eq!(std::fs::read(&real).unwrap(), b"keep");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let e = write_file(Path::new("/dev/null"), b"x", true).unwrap_err();
        assert!(e.to_string().contains("is a device"), "{e}");
    }

    #[test]
    fn reports_go_to_the_documents_folder_when_there_is_one() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let docs = dir.path().join("Docs");
        assert_eq!(
            reports_folder(Some(&docs), Some(dir.path()), &data),
            docs.join("caseload")
        );
        assert_eq!(
            reports_folder(None, Some(dir.path()), &data),
            data.join("reports"),
            "no ~/Documents: the data folder"
        );
        std::fs::create_dir(dir.path().join("Documents")).unwrap();
        assert_eq!(
            reports_folder(None, Some(dir.path()), &data),
            dir.path().join("Documents/caseload")
        );
    }
}
