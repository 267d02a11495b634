//! Every command's `--help`, pinned as the user sees it (tests/cmd/*.trycmd, one file per
//! top-level command). A change to a flag, a default or a help line shows here as a diff to
//! read; after a deliberate change, `TRYCMD=overwrite cargo test --test it help::` rewrites them.
// A test may unwrap (it stops at the failing line), compare figures exactly, name the files
// it made itself by their extension, and run long as a table of cases.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::unused_self
)]

#[test]
fn every_command_help_is_as_pinned() {
    trycmd::TestCases::new()
        .register_bin(
            "caseload",
            std::path::Path::new(env!("CARGO_BIN_EXE_caseload")),
        )
        .env("CASELOAD_DIR", "")
        .env("CASELOAD_CONFIG", "")
        .case("tests/cmd/*.trycmd");
}
