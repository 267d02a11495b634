//! A throwaway data folder and config for driving the real binary.
#![allow(dead_code)]

pub mod cli;
pub mod tui;

use std::path::PathBuf;
use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_caseload");
pub const TODAY: &str = "2026-11-22";

/// A test's name as the test binary lists it, for re-running that one test in a child
/// process: `module` is the caller's `module_path!()`, whose first segment (the crate) the
/// binary leaves out.
pub fn test_name(module: &str, test: &str) -> String {
    match module.split_once("::") {
        Some((_, rest)) => format!("{rest}::{test}"),
        None => test.to_string(),
    }
}

pub struct Sandbox {
    pub dir: TempDir,
}

impl Sandbox {
    /// A sandbox whose config is the Cafcass preset.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("config.toml"),
            caseload::config::preset("cafcass-fca").unwrap(),
        )
        .unwrap();
        Sandbox { dir }
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    pub fn journal_path(&self) -> PathBuf {
        self.data().join("journal.jsonl")
    }

    /// The binary with this sandbox's folders and a fixed today; nothing from the machine.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(BIN);
        cmd.env_clear()
            .env("HOME", self.dir.path())
            .env("CASELOAD_DIR", self.data())
            .env("CASELOAD_CONFIG", self.config())
            .args(["--today", TODAY]);
        cmd
    }

    pub fn cmd(&self) -> assert_cmd::Command {
        assert_cmd::Command::from_std(self.std_cmd())
    }

    /// Runs a command that must succeed and returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn journal_bytes(&self) -> Vec<u8> {
        std::fs::read(self.journal_path()).unwrap_or_default()
    }

    pub fn lines(&self) -> Vec<String> {
        String::from_utf8(self.journal_bytes())
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    }
}

/// A temporary folder that is private (0700), as caseload makes its data folder: a plain
/// temporary folder is 0755 under the usual umask, which caseload rightly warns about.
pub fn private_tempdir() -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    dir
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    caseload::journal::hash_hex(bytes)
}

/// A disk that writes half the line, then panics (a bug, or a signal turned into a panic).
pub struct PanicsMidLine;

pub const MID_LINE_PANIC: &str = "the drive went away mid-line";

impl caseload::journal::Disk for PanicsMidLine {
    fn append(&mut self, path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
        caseload::journal::RealDisk.append(path, &bytes[..bytes.len() / 2])?;
        panic!("{MID_LINE_PANIC}");
    }
}
