//! Puts the commit caseload was built from into `caseload --version`, so a bug report or a
//! document names the exact code that made it.
//!
//! The commit comes from, in order: `CASELOAD_COMMIT` (set by a packager building from a
//! source archive), the `sha1` that `cargo package` records in `.cargo_vcs_info.json` (a
//! crates.io tarball has no `.git`, and may sit inside someone else's repository), and
//! `git rev-parse HEAD` when this folder is the top of a git checkout. With none of them the
//! version is printed alone; the build never fails over this.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=CASELOAD_COMMIT");
    let version = env!("CARGO_PKG_VERSION");
    let long = match commit() {
        Some(commit) => format!("{version} (commit {commit})"),
        None => version.to_string(),
    };
    println!("cargo:rustc-env=CASELOAD_VERSION={long}");
}

fn commit() -> Option<String> {
    if let Some(commit) = std::env::var("CASELOAD_COMMIT")
        .ok()
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
    {
        return Some(commit);
    }
    println!("cargo:rerun-if-changed=build.rs");
    packaged_commit().or_else(git_commit)
}

/// Tells cargo to run this again when `file` changes; a path that does not exist is left
/// out, since cargo would otherwise rerun this (and rebuild caseload) on every build.
fn watch(file: &str) {
    if Path::new(env!("CARGO_MANIFEST_DIR")).join(file).exists() {
        println!("cargo:rerun-if-changed={file}");
    }
}

/// The checked-out commit, and the files whose change means a new one: HEAD (per worktree),
/// the branch it points at and packed-refs (shared), wherever git keeps them.
fn git_commit() -> Option<String> {
    let top = std::fs::canonicalize(git(&["rev-parse", "--show-toplevel"])?).ok()?;
    if std::fs::canonicalize(env!("CARGO_MANIFEST_DIR")).ok()? != top {
        return None;
    }
    let commit = git(&["rev-parse", "--short=10", "HEAD"])?;
    let mut watched = vec!["HEAD".to_string(), "packed-refs".to_string()];
    watched.extend(git(&["symbolic-ref", "-q", "HEAD"]));
    for path in watched {
        if let Some(file) = git(&["rev-parse", "--git-path", &path]) {
            watch(&file);
        }
    }
    Some(commit)
}

fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let text = text.trim();
    (output.status.success() && !text.is_empty()).then(|| text.to_string())
}

/// `{"git": {"sha1": "<40 hex>", ...}, ...}`, shortened to git's 10 characters.
fn packaged_commit() -> Option<String> {
    watch(".cargo_vcs_info.json");
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".cargo_vcs_info.json"))
            .ok()?;
    let after = &text[text.find("\"sha1\"")? + "\"sha1\"".len()..];
    let start = after.find('"')? + 1;
    let sha: String = after[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    (sha.len() >= 10).then(|| sha[..10].to_string())
}
