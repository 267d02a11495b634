//! The command line end to end, written to run against either binary: the one cargo built for
//! this machine (in every `cargo test`, so these checks are themselves tested), or a Windows
//! `caseload.exe` under Wine when `CASELOAD_WINE_EXE` names it (scripts/check-windows sets it,
//! with `WINEPREFIX` a throwaway Windows profile and `CASELOAD_WINE_HOLD` the helper built
//! from scripts/windows/hold.c). Under Wine every path handed to caseload is a Windows path
//! (`Z:\tmp\...`, with backslashes), and the Windows outputs are compared with this machine's
//! binary's for the same journal. docs/PLATFORMS.md says what this covers.
// A test may unwrap (it stops at the failing line), compare figures exactly, name the files
// it made itself by their extension, and run long as a table of cases.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::unused_self
)]

mod documents;
mod journal;
mod paths;
mod target;
