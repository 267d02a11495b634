//! Every command's `--help`, pinned as the user sees it (tests/cmd/*.trycmd, one file per
//! top-level command). A change to a flag, a default or a help line shows here as a diff to
//! read; after a deliberate change, `TRYCMD=overwrite cargo test --test help` rewrites them.

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
