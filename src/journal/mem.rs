//! A disk held in memory that knows what a crash would keep, and can fail or stop at any call.
//! For the crash-at-every-call tests and the fuzzers; the program never uses it.
//!
//! Like redb's crash-consistency backend, it keeps two states: what the process sees (every
//! write applied at once) and what is durable (a file's bytes as of its last flush; a folder's
//! names as of its last flush). [`MemDisk::crashed`] is the disk after a power cut: only what
//! was made durable. [`MemDisk::all_reached_disk`] is the other extreme, where everything
//! written got there. Like redb's fuzzer backend, it counts calls, and from the call chosen by
//! its [`Plan`] it fails once, or fails everything (the disk "stops", as if the process died
//! there: nothing after it reaches the disk).

use super::disk::{Disk, Entry, Kind, LockHandle, ReadFile, WriteFile};
use std::collections::BTreeMap;
use std::io::{self, Cursor, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// When the disk goes wrong, counting calls from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    Works,
    /// Call `n` fails; every other call works (a transient error: a full disk freed, a
    /// flaky drive). A write at call `n` leaves half its bytes first, as a disk that fills up
    /// part-way through does.
    FailAt(u64),
    /// Call `n` and every call after it fail: the process died at call `n`. A write at call
    /// `n` leaves half its bytes, unflushed.
    StopAt(u64),
}

#[derive(Debug, Clone)]
struct Node {
    kind: Kind,
    live: Vec<u8>,
    synced: Vec<u8>,
    mode: u32,
    owner: u32,
}

#[derive(Debug, Clone)]
struct Mem {
    nodes: Vec<Node>,
    live: BTreeMap<PathBuf, usize>,
    durable: BTreeMap<PathBuf, usize>,
    user: u32,
    calls: u64,
    plan: Plan,
    /// What each call was, for a failing test to show where it stopped.
    log: Vec<String>,
}

/// What a call may do under the plan.
enum Go {
    Ahead,
    /// The call the process dies in, or the one that fails: a write may leave part of its
    /// bytes, then fails.
    DiesHere,
}

impl Mem {
    fn tick(&mut self, what: &str, path: &Path) -> io::Result<Go> {
        let n = self.calls;
        self.calls += 1;
        self.log.push(format!("{n}: {what} {}", path.display()));
        match self.plan {
            Plan::FailAt(at) | Plan::StopAt(at) if n == at => Ok(Go::DiesHere),
            Plan::StopAt(at) if n > at => {
                Err(io::Error::other(format!("the disk stopped at call {at}")))
            }
            _ => Ok(Go::Ahead),
        }
    }

    fn stopped(&self) -> io::Error {
        match self.plan {
            Plan::FailAt(n) => io::Error::other(format!("injected failure at call {n}")),
            _ => io::Error::other("the disk stopped here"),
        }
    }

    fn node(&self, path: &Path) -> io::Result<usize> {
        self.live
            .get(path)
            .copied()
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, format!("{}", path.display())))
    }

    fn file(&self, path: &Path) -> io::Result<usize> {
        let n = self.node(path)?;
        match self.nodes[n].kind {
            Kind::File => Ok(n),
            Kind::Symlink => Err(io::Error::other(format!(
                "{} is a symbolic link, which caseload does not follow",
                path.display()
            ))),
            _ => Err(io::Error::other(format!(
                "{} is not a file",
                path.display()
            ))),
        }
    }

    fn parent_is_dir(&self, path: &Path) -> io::Result<()> {
        match path.parent() {
            Some(p) if p.as_os_str().is_empty() || p == Path::new("/") => Ok(()),
            Some(p) => match self.live.get(p).map(|n| self.nodes[*n].kind) {
                Some(Kind::Dir) => Ok(()),
                _ => Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    format!("no folder {}", p.display()),
                )),
            },
            None => Ok(()),
        }
    }

    fn add(&mut self, path: &Path, kind: Kind, mode: u32) -> io::Result<usize> {
        self.parent_is_dir(path)?;
        if self.live.contains_key(path) {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{}", path.display()),
            ));
        }
        self.nodes.push(Node {
            kind,
            live: Vec::new(),
            synced: Vec::new(),
            mode,
            owner: self.user,
        });
        let n = self.nodes.len() - 1;
        self.live.insert(path.to_path_buf(), n);
        Ok(n)
    }

    /// The disk as it would be found after a crash, keeping only what `names` holds and, of
    /// each file, `bytes`.
    fn image(&self, durable: bool) -> Mem {
        let names = if durable { &self.durable } else { &self.live };
        let reachable = |path: &Path| {
            path.ancestors()
                .skip(1)
                .filter(|a| !a.as_os_str().is_empty() && *a != Path::new("/"))
                .all(|a| names.contains_key(a))
        };
        let mut out = Mem {
            nodes: Vec::new(),
            live: BTreeMap::new(),
            durable: BTreeMap::new(),
            user: self.user,
            calls: 0,
            plan: Plan::Works,
            log: Vec::new(),
        };
        for (path, n) in names.iter().filter(|(p, _)| reachable(p)) {
            let node = &self.nodes[*n];
            let bytes = if durable { &node.synced } else { &node.live };
            out.nodes.push(Node {
                live: bytes.clone(),
                synced: bytes.clone(),
                ..node.clone()
            });
            out.live.insert(path.clone(), out.nodes.len() - 1);
        }
        out.durable = out.live.clone();
        out
    }
}

/// An in-memory disk; clones share it, so a test keeps one to look at what the journal did.
#[derive(Debug, Clone)]
pub struct MemDisk {
    mem: Arc<Mutex<Mem>>,
}

impl Default for MemDisk {
    fn default() -> Self {
        MemDisk::new()
    }
}

impl MemDisk {
    /// An empty disk whose user is 1000.
    pub fn new() -> MemDisk {
        MemDisk {
            mem: Arc::new(Mutex::new(Mem {
                nodes: Vec::new(),
                live: BTreeMap::new(),
                durable: BTreeMap::new(),
                user: 1000,
                calls: 0,
                plan: Plan::Works,
                log: Vec::new(),
            })),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Mem> {
        self.mem
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// From now on, counting calls from 0, go wrong as `plan` says.
    pub fn set_plan(&self, plan: Plan) {
        let mut mem = self.lock();
        mem.plan = plan;
        mem.calls = 0;
        mem.log.clear();
    }

    /// How many calls were made since the plan was set.
    pub fn calls(&self) -> u64 {
        self.lock().calls
    }

    /// The calls made since the plan was set, numbered.
    pub fn log(&self) -> Vec<String> {
        self.lock().log.clone()
    }

    /// The disk after a power cut now: only what was flushed.
    pub fn crashed(&self) -> MemDisk {
        MemDisk {
            mem: Arc::new(Mutex::new(self.lock().image(true))),
        }
    }

    /// The disk if everything written so far had reached it, flushed or not.
    pub fn all_reached_disk(&self) -> MemDisk {
        MemDisk {
            mem: Arc::new(Mutex::new(self.lock().image(false))),
        }
    }

    /// Pretends the process runs as `user`.
    pub fn set_user(&self, user: u32) {
        self.lock().user = user;
    }

    /// Puts a file (and any missing folders above it) on the disk, durably, outside any plan.
    pub fn put(&self, path: &Path, bytes: &[u8]) {
        let mut mem = self.lock();
        for dir in path
            .ancestors()
            .skip(1)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
        {
            if !dir.as_os_str().is_empty() && dir != Path::new("/") && !mem.live.contains_key(dir) {
                mem.add(dir, Kind::Dir, 0o700).expect("parents come first");
            }
        }
        let n = match mem.live.get(path) {
            Some(n) => *n,
            None => mem.add(path, Kind::File, 0o600).expect("a new file"),
        };
        mem.nodes[n].live = bytes.to_vec();
        mem.nodes[n].synced = bytes.to_vec();
        mem.durable = mem.live.clone();
    }

    /// A file's bytes as the process sees them, if it is there.
    pub fn read(&self, path: &Path) -> Option<Vec<u8>> {
        let mem = self.lock();
        let n = *mem.live.get(path)?;
        (mem.nodes[n].kind == Kind::File).then(|| mem.nodes[n].live.clone())
    }

    /// Every path on the disk as the process sees it.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.lock().live.keys().cloned().collect()
    }

    /// Makes `path` belong to `owner`, or gives it `mode`, outside any plan.
    pub fn set_owner(&self, path: &Path, owner: u32) {
        let mut mem = self.lock();
        if let Some(n) = mem.live.get(path).copied() {
            mem.nodes[n].owner = owner;
        }
    }

    pub fn chmod(&self, path: &Path, mode: u32) {
        let mut mem = self.lock();
        if let Some(n) = mem.live.get(path).copied() {
            mem.nodes[n].mode = mode;
        }
    }

    /// Puts a symbolic link at `path`.
    pub fn put_symlink(&self, path: &Path) {
        let mut mem = self.lock();
        let _ = mem.add(path, Kind::Symlink, 0o777);
        mem.durable = mem.live.clone();
    }
}

struct MemRead {
    mem: Arc<Mutex<Mem>>,
    path: PathBuf,
    bytes: Cursor<Vec<u8>>,
}

impl Read for MemRead {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut mem = self
            .mem
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Go::DiesHere = mem.tick("read", &self.path)? {
            return Err(mem.stopped());
        }
        self.bytes.read(buf)
    }
}

impl Seek for MemRead {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.bytes.seek(pos)
    }
}

struct MemWrite {
    mem: Arc<Mutex<Mem>>,
    path: PathBuf,
    node: usize,
}

impl Write for MemWrite {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut mem = self
            .mem
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let dies = matches!(mem.tick("write", &self.path)?, Go::DiesHere);
        let take = if dies { buf.len() / 2 } else { buf.len() };
        mem.nodes[self.node].live.extend_from_slice(&buf[..take]);
        if dies {
            return Err(mem.stopped());
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl WriteFile for MemWrite {
    fn sync(&mut self) -> io::Result<()> {
        let mut mem = self
            .mem
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Go::DiesHere = mem.tick("sync", &self.path)? {
            return Err(mem.stopped());
        }
        let node = &mut mem.nodes[self.node];
        node.synced = node.live.clone();
        Ok(())
    }
}

impl Disk for MemDisk {
    fn user(&self) -> u32 {
        self.lock().user
    }

    fn entry(&mut self, path: &Path, _follow: bool) -> io::Result<Option<Entry>> {
        let mut mem = self.lock();
        if let Go::DiesHere = mem.tick("entry", path)? {
            return Err(mem.stopped());
        }
        if path == Path::new("/") {
            return Ok(Some(Entry {
                kind: Kind::Dir,
                len: 0,
                mode: 0o755,
                owner: 0,
                id: (0, u64::MAX),
                links: 1,
            }));
        }
        Ok(mem.live.get(path).map(|n| {
            let node = &mem.nodes[*n];
            Entry {
                kind: node.kind,
                len: node.live.len() as u64,
                mode: node.mode,
                owner: node.owner,
                id: (0, *n as u64),
                links: 1,
            }
        }))
    }

    fn open_read(&mut self, path: &Path) -> io::Result<Box<dyn ReadFile>> {
        let mut mem = self.lock();
        if let Go::DiesHere = mem.tick("open", path)? {
            return Err(mem.stopped());
        }
        let n = mem.file(path)?;
        Ok(Box::new(MemRead {
            mem: Arc::clone(&self.mem),
            path: path.to_path_buf(),
            bytes: Cursor::new(mem.nodes[n].live.clone()),
        }))
    }

    fn append(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut mem = self.lock();
        let dies = matches!(mem.tick("append", path)?, Go::DiesHere);
        let n = match mem.live.get(path) {
            Some(_) => mem.file(path)?,
            None => mem.add(path, Kind::File, 0o600)?,
        };
        if dies {
            mem.nodes[n]
                .live
                .extend_from_slice(&bytes[..bytes.len() / 2]);
            return Err(mem.stopped());
        }
        let node = &mut mem.nodes[n];
        node.live.extend_from_slice(bytes);
        node.synced = node.live.clone();
        Ok(())
    }

    fn truncate(&mut self, path: &Path, len: u64) -> io::Result<()> {
        let mut mem = self.lock();
        if let Go::DiesHere = mem.tick("truncate", path)? {
            return Err(mem.stopped());
        }
        let n = mem.file(path)?;
        let node = &mut mem.nodes[n];
        node.live.truncate(len as usize);
        node.synced = node.live.clone();
        Ok(())
    }

    fn create(&mut self, path: &Path) -> io::Result<Box<dyn WriteFile>> {
        let mut mem = self.lock();
        if let Go::DiesHere = mem.tick("create", path)? {
            return Err(mem.stopped());
        }
        let node = mem.add(path, Kind::File, 0o600)?;
        Ok(Box::new(MemWrite {
            mem: Arc::clone(&self.mem),
            path: path.to_path_buf(),
            node,
        }))
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        let mut mem = self.lock();
        if let Go::DiesHere = mem.tick("rename", from)? {
            return Err(mem.stopped());
        }
        mem.parent_is_dir(to)?;
        let n = mem.node(from)?;
        if mem
            .live
            .get(to)
            .is_some_and(|t| mem.nodes[*t].kind == Kind::Dir)
        {
            return Err(io::Error::other(format!("{} is a folder", to.display())));
        }
        mem.live.remove(from);
        mem.live.insert(to.to_path_buf(), n);
        Ok(())
    }

    fn remove(&mut self, path: &Path) -> io::Result<()> {
        let mut mem = self.lock();
        if let Go::DiesHere = mem.tick("remove", path)? {
            return Err(mem.stopped());
        }
        let n = mem.node(path)?;
        if mem.nodes[n].kind == Kind::Dir {
            return Err(io::Error::other(format!("{} is a folder", path.display())));
        }
        mem.live.remove(path);
        Ok(())
    }

    fn create_dir(&mut self, path: &Path) -> io::Result<()> {
        let mut mem = self.lock();
        if let Go::DiesHere = mem.tick("mkdir", path)? {
            return Err(mem.stopped());
        }
        mem.add(path, Kind::Dir, 0o700).map(|_| ())
    }

    fn remove_dir(&mut self, path: &Path) -> io::Result<()> {
        let mut mem = self.lock();
        if let Go::DiesHere = mem.tick("rmdir", path)? {
            return Err(mem.stopped());
        }
        let n = mem.node(path)?;
        if mem.nodes[n].kind != Kind::Dir || mem.live.keys().any(|p| p.parent() == Some(path)) {
            return Err(io::Error::other(format!(
                "{} is not an empty folder",
                path.display()
            )));
        }
        mem.live.remove(path);
        Ok(())
    }

    fn sync_dir(&mut self, path: &Path) -> io::Result<()> {
        let mut mem = self.lock();
        if let Go::DiesHere = mem.tick("sync folder", path)? {
            return Err(mem.stopped());
        }
        let in_dir = |p: &Path| p.parent() == Some(path);
        let live: Vec<(PathBuf, usize)> = mem
            .live
            .iter()
            .filter(|(p, _)| in_dir(p))
            .map(|(p, n)| (p.clone(), *n))
            .collect();
        mem.durable.retain(|p, _| !in_dir(p));
        mem.durable.extend(live);
        Ok(())
    }

    fn list(&mut self, dir: &Path) -> io::Result<Vec<String>> {
        let mut mem = self.lock();
        if let Go::DiesHere = mem.tick("list", dir)? {
            return Err(mem.stopped());
        }
        mem.node(dir)?;
        Ok(mem
            .live
            .keys()
            .filter(|p| p.parent() == Some(dir))
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect())
    }

    fn set_mode(&mut self, path: &Path, mode: u32) -> io::Result<()> {
        let mut mem = self.lock();
        if let Go::DiesHere = mem.tick("chmod", path)? {
            return Err(mem.stopped());
        }
        let n = mem.node(path)?;
        mem.nodes[n].mode = mode;
        Ok(())
    }

    fn try_lock(&mut self, path: &Path) -> io::Result<Option<LockHandle>> {
        let mut mem = self.lock();
        if let Go::DiesHere = mem.tick("lock", path)? {
            return Err(mem.stopped());
        }
        if !mem.live.contains_key(path) {
            mem.add(path, Kind::File, 0o600)?;
        }
        Ok(Some(Box::new(())))
    }
}
