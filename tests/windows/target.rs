//! The binary under test (this machine's, or caseload.exe under Wine), a sandbox to run it
//! in, and the journal checks every test shares.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

const NATIVE_BIN: &str = env!("CARGO_BIN_EXE_caseload");
pub const TODAY: &str = "2026-11-22";

/// Which caseload the tests drive, and how paths are spelt for it.
pub struct Target {
    pub wine: Option<Wine>,
}

pub struct Wine {
    exe: PathBuf,
    hold: Option<PathBuf>,
}

impl Target {
    pub fn get() -> Target {
        let wine = std::env::var_os("CASELOAD_WINE_EXE")
            .filter(|v| !v.is_empty())
            .map(|exe| Wine {
                exe: PathBuf::from(exe),
                hold: std::env::var_os("CASELOAD_WINE_HOLD")
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from),
            });
        if wine.is_some() {
            start_wine_server();
        }
        Target { wine }
    }

    pub fn is_windows(&self) -> bool {
        self.wine.is_some() || cfg!(windows)
    }

    /// A command for `program` (caseload.exe or a helper), run directly or through Wine, with
    /// an environment holding nothing from this machine but what Wine itself needs.
    pub fn command(&self, program: &Path) -> Command {
        let mut command;
        if self.wine.is_some() {
            command = Command::new("wine");
            command.arg(program).env_clear();
            for name in [
                "PATH",
                "HOME",
                "USER",
                "WINEPREFIX",
                "WINEDEBUG",
                "WINEDLLOVERRIDES",
                "WINESERVER",
            ] {
                if let Some(value) = std::env::var_os(name) {
                    command.env(name, value);
                }
            }
            // Wine turns arguments into UTF-16 by the Unix locale: without a UTF-8 one,
            // `Zoë` would reach caseload.exe as `Zo?`.
            command.env("LC_ALL", "C.UTF-8");
        } else {
            command = Command::new(program);
            command.env_clear();
            if cfg!(windows) {
                for name in ["SYSTEMROOT", "USERPROFILE", "APPDATA", "LOCALAPPDATA"] {
                    if let Some(value) = std::env::var_os(name) {
                        command.env(name, value);
                    }
                }
            }
        }
        command
    }

    pub fn caseload(&self) -> Command {
        match &self.wine {
            Some(wine) => self.command(&wine.exe),
            None => self.command(Path::new(NATIVE_BIN)),
        }
    }

    /// `path` as the binary under test spells it: under Wine, `Z:` is the Linux root and the
    /// separators are backslashes.
    pub fn path(&self, path: &Path) -> String {
        let text = path.display().to_string();
        match self.wine {
            Some(_) => format!("Z:{}", text.replace('/', "\\")),
            None => text,
        }
    }

    /// A Windows path (`C:\users\...`) as a path on this machine.
    pub fn host_path(&self, windows_path: &str) -> PathBuf {
        let mut command = Command::new("winepath");
        let out = command.arg("-u").arg(windows_path).output().unwrap();
        assert!(out.status.success(), "winepath -u {windows_path}");
        PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
    }

    /// A Windows environment variable of the profile caseload runs in (`%APPDATA%`).
    pub fn windows_env(&self, name: &str) -> String {
        let out = self
            .command(Path::new("cmd"))
            .args(["/c", &format!("echo %{name}%")])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }
}

/// Starts the Wine server and its Windows services once for the whole run, with none of our
/// pipes. Otherwise the first `wine` of a run starts them, they inherit that command's stdout
/// and stderr and keep them open as long as the server lives, and `output()` waits that long
/// for its end of file: 3 s a command when the server comes and goes, 30 s and more when it
/// stays.
fn start_wine_server() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        let quiet = |program: &str, args: &[&str]| {
            Command::new(program)
                .args(args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|status| status.success())
        };
        // Exit 2 if a server is running already: then it has its services too.
        quiet("wineserver", &["--persistent=30"]);
        assert!(
            quiet("wine", &["cmd", "/c", "exit"]),
            "cannot start Wine (is it installed, and WINEPREFIX set?)"
        );
    });
}

/// A temporary folder with a config (the Cafcass preset) and a data folder whose name has a
/// space in it, as `C:\Users\Alex Morgan\...` has.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub target: Target,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            caseload::config::preset("cafcass-fca").unwrap(),
        )
        .unwrap();
        Sandbox {
            dir,
            target: Target::get(),
        }
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("case notes")
    }

    pub fn journal(&self) -> PathBuf {
        self.data().join("journal.jsonl")
    }

    /// caseload with this sandbox's folders named by the environment, as a user's would be.
    pub fn cmd(&self) -> Command {
        let mut command = self.target.caseload();
        command
            .env("CASELOAD_DIR", self.target.path(&self.data()))
            .env(
                "CASELOAD_CONFIG",
                self.target.path(&self.dir.path().join("config.toml")),
            )
            .current_dir(self.dir.path())
            .args(["--today", TODAY]);
        command
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    /// Runs a command that must succeed, and returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed ({:?}): {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(!stdout.contains('\r'), "{args:?} printed a CR: {stdout:?}");
        stdout
    }

    /// Runs a command that must fail with `code` and one line on stderr; returns that line.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        stderr
    }

    pub fn journal_bytes(&self) -> Vec<u8> {
        std::fs::read(self.journal()).unwrap_or_default()
    }

    pub fn notes(&self, count: usize) {
        for i in 1..=count {
            self.ok(&["note", "add", &format!("note {i}")]);
        }
    }

    /// Holds `path` as another Windows program would (`open`: a viewer that lets others read
    /// but not replace it; `lock`: caseload's own lock), until the returned guard is dropped.
    pub fn hold(&self, mode: &str, path: &Path) -> Option<Held> {
        let hold = self.target.wine.as_ref()?.hold.as_ref()?;
        let mut child = self
            .target
            .command(hold)
            .arg(mode)
            .arg(self.target.path(path))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "held", "the hold helper did not start");
        Some(Held(child))
    }
}

pub struct Held(Child);

impl Drop for Held {
    fn drop(&mut self) {
        drop(self.0.stdin.take());
        let _ = self.0.wait();
    }
}

pub fn hash(bytes: &[u8]) -> String {
    caseload::journal::hash_hex(bytes)
}

/// The journal's lines, checked as SPEC 6 says they are on disk: LF only, consecutive seqs,
/// each `prev` the SHA-256 of the line before.
pub fn checked_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    let text = std::str::from_utf8(bytes).unwrap();
    assert!(!text.contains('\r'), "a CR in the journal");
    assert!(text.ends_with('\n'));
    let mut prev = "0".repeat(64);
    let mut records = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(record["seq"], n as u64 + 1, "line {}", n + 1);
        assert_eq!(record["prev"], prev.as_str(), "line {}", n + 1);
        prev = hash(line.as_bytes());
        records.push(record);
    }
    records
}
