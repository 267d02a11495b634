//! A refused command line points to the help of the command typed, and that help says what
//! each argument is, with examples; a missing `--kind` lists the configured kinds.

use crate::common::Sandbox;
use crate::common::cli::refused;

#[test]
fn a_refused_command_line_points_to_its_own_help() {
    let s = Sandbox::new();
    for (args, help) in [
        (&["case", "add"][..], "see `caseload case add --help`"),
        (
            &["deadline", "add", "--due", "fri"],
            "see `caseload deadline add --help`",
        ),
        (&["deadline", "mett", "2"], "see `caseload deadline --help`"),
        (
            &["hours", "add", "--hours", "2", "--bogus"],
            "see `caseload hours add --help`",
        ),
        (&["frobnicate"], "see `caseload --help`"),
    ] {
        refused(&s, args, help);
    }
}

#[test]
fn a_missing_kind_lists_the_configured_ones() {
    let s = Sandbox::new(); // the Cafcass preset
    let out = s
        .cmd()
        .args(["case", "add", "FD26P00123"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("caseload: --kind is required: give the kind of case, one of your configured kinds: s7, "),
        "{stderr}"
    );
    assert!(!s.journal_path().exists());
}

#[test]
fn every_argument_of_the_everyday_commands_is_described_with_examples() {
    let s = Sandbox::new();
    for command in [
        &["case", "add"][..],
        &["case", "close"],
        &["case", "reopen"],
        &["deadline", "add"],
        &["deadline", "met"],
        &["deadline", "extend"],
        &["leave", "add"],
        &["hours", "add"],
        &["note", "add"],
    ] {
        let mut args = command.to_vec();
        args.push("--help");
        let help = s.ok(&args);
        // An argument or option line with nothing after its name has no description.
        for line in help.lines() {
            let name = line.trim();
            let bare = (name.starts_with('<') || name.starts_with("--"))
                && !name.contains("  ")
                && name.split_whitespace().count() <= 2;
            assert!(!bare, "{command:?}: `{name}` has no description");
        }
        let adds = command[1] == "add";
        assert_eq!(help.contains("Examples:\n  caseload "), adds, "{command:?}");
    }
    let help = s.ok(&["case", "add", "--help"]);
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        help.contains("left out, the case is recorded as discussed: yes"),
        "{help}"
    );
}
