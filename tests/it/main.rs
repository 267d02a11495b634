//! The integration tests, one binary (as ripgrep and bottom do): each module is one area, kept
//! in its own file or folder under tests/ and brought in here by path, so a test run links
//! caseload's test code once instead of once per area. `cargo test --test it AREA::` runs one
//! area (e.g. `cargo test --test it crash::`).
//!
//! A new area is a new line here; `every_test_file_is_in_this_binary` fails if one is missing
//! (Cargo.toml sets `autotests = false`, so a file not named here would never run).
// A test may unwrap (it stops at the failing line), compare figures exactly, name the files
// it made itself by their extension, and run long as a table of cases.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::unused_self
)]

#[path = "../common/mod.rs"]
mod common;

#[path = "../cli/main.rs"]
mod cli;
#[path = "../cli_records/main.rs"]
mod cli_records;
#[path = "../crash.rs"]
mod crash;
#[path = "../documents.rs"]
mod documents;
#[path = "../documents_damaged.rs"]
mod documents_damaged;
#[path = "../evidence.rs"]
mod evidence;
#[path = "../faults.rs"]
mod faults;
#[path = "../help.rs"]
mod help;
#[path = "../hostile_text.rs"]
mod hostile_text;
#[path = "../import.rs"]
mod import;
#[path = "../install.rs"]
mod install;
#[path = "../journal/main.rs"]
mod journal;
#[path = "../privacy.rs"]
mod privacy;
#[path = "../pty.rs"]
mod pty;
#[path = "../readme.rs"]
mod readme;
#[path = "../share.rs"]
mod share;
#[path = "../team/main.rs"]
mod team;
#[path = "../tui/main.rs"]
mod tui;
#[path = "../windows/main.rs"]
mod windows;

/// Every `tests/NAME.rs` and `tests/NAME/main.rs` is a module of this binary.
#[test]
fn every_test_file_is_in_this_binary() {
    let here = include_str!("main.rs");
    let tests = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&tests).expect("tests folder") {
        let entry = entry.expect("entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = if name == "it" {
            continue;
        } else if name.ends_with(".rs") {
            format!("../{name}")
        } else if entry.path().join("main.rs").is_file() {
            format!("../{name}/main.rs")
        } else {
            continue;
        };
        if !here.contains(&format!("#[path = \"{path}\"]")) {
            missing.push(path);
        }
    }
    assert!(
        missing.is_empty(),
        "tests/it/main.rs does not bring in {missing:?}: add `#[path = \"..\"] mod NAME;` for each"
    );
}
