//! What an installer or a package puts beside the binary: `--version` with the commit, shell
//! completions and the manual page. Each is driven through the real binary, with no home
//! folder (as in a packager's build), and loaded by the tool that will use it where the
//! machine has that tool.
// A test may unwrap (it stops at the failing line), compare figures exactly, name the files
// it made itself by their extension, and run long as a table of cases.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::unused_self
)]

use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_caseload");

/// Runs caseload with an empty environment: no HOME, no data or config folder to find.
fn caseload(args: &[&str]) -> Output {
    Command::new(BIN).env_clear().args(args).output().unwrap()
}

fn stdout_of(args: &[&str]) -> String {
    let out = caseload(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "{args:?} wrote to stderr");
    String::from_utf8(out.stdout).unwrap()
}

fn git_head() -> Option<String> {
    let out = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

#[test]
fn version_names_the_release_and_the_commit_it_was_built_from() {
    let version = stdout_of(&["--version"]);
    let expected = match git_head() {
        Some(commit) => format!("caseload {} (commit {commit})\n", env!("CARGO_PKG_VERSION")),
        // Built from a source archive without git: the version alone.
        None => format!("caseload {}\n", env!("CARGO_PKG_VERSION")),
    };
    assert_eq!(version, expected);
    assert_eq!(stdout_of(&["-V"]), expected);
}

#[test]
fn completions_cover_every_command_in_each_shell() {
    let commands = [
        "case",
        "deadline",
        "leave",
        "hours",
        "note",
        "list",
        "void",
        "report",
        "verify",
        "receipt",
        "config",
        "completions",
        "man",
    ];
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(&["completions", shell]);
        for command in commands {
            assert!(
                script.contains(command),
                "{shell} completions lack `{command}`"
            );
        }
        assert!(script.contains("reveal-refs"), "{shell}: report options");
    }
}

#[test]
fn an_unknown_shell_is_refused_with_the_accepted_ones() {
    let out = caseload(&["completions", "cmd"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("bash, elvish, fish, powershell, zsh"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
#[cfg(unix)]
fn bash_loads_the_completions_and_completes_commands_and_options() {
    let Ok(bash) = which("bash") else {
        eprintln!("skipped: no bash on this machine");
        return;
    };
    let script = format!(
        r#"source <("{BIN}" completions bash) || exit 1
complete -p caseload || exit 1
COMP_WORDS=(caseload rep); COMP_CWORD=1; COMP_LINE="caseload rep"; COMP_POINT=${{#COMP_LINE}}
_caseload caseload rep caseload; echo "words: ${{COMPREPLY[*]}}"
COMP_WORDS=(caseload report --pur); COMP_CWORD=2; COMP_LINE="caseload report --pur"; COMP_POINT=${{#COMP_LINE}}
_caseload caseload --pur report; echo "options: ${{COMPREPLY[*]}}""#
    );
    let out = Command::new(bash)
        .args(["--norc", "--noprofile", "-c", &script])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("complete -o bashdefault -o default -o nosort -F _caseload caseload"),
        "{stdout}"
    );
    assert!(stdout.contains("words: report"), "{stdout}");
    assert!(stdout.contains("options: --purpose"), "{stdout}");
}

/// Every command the user can type, as `caseload case add`, from `--help` itself.
fn leaf_commands() -> Vec<String> {
    use clap::CommandFactory;
    fn walk(prefix: &str, command: &clap::Command, out: &mut Vec<String>) {
        for sub in command.get_subcommands() {
            let name = format!("{prefix} {}", sub.get_name());
            if sub.has_subcommands() {
                walk(&name, sub, out);
            } else if sub.get_name() != "help" {
                out.push(name);
            }
        }
    }
    let mut out = Vec::new();
    walk("caseload", &caseload::cli::Cli::command(), &mut out);
    out
}

#[test]
fn the_man_page_describes_every_command_the_files_and_the_environment() {
    let page = stdout_of(&["man"]);
    assert!(page.contains(".TH caseload 1"), "{page}");
    let commands = leaf_commands();
    assert!(commands.len() > 15, "{commands:?}");
    for command in &commands {
        assert!(
            page.contains(&format!(".SS \"{command}\"")),
            "no section for {command}"
        );
    }
    for heading in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH EXAMPLES",
    ] {
        assert!(page.contains(heading), "no {heading}");
    }
    // The global options are described once, not under each of the commands.
    assert_eq!(page.matches("\\-\\-data\\-dir\\fR \\fI<DIR>").count(), 1);
    assert_eq!(page.matches(".ie \\n(.g .ds Aq").count(), 1);
}

#[test]
#[cfg(unix)]
fn man_renders_the_page_without_warnings() {
    let Ok(man) = which("man") else {
        eprintln!("skipped: no man on this machine (scripts/release checks it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("caseload.1");
    std::fs::write(&file, stdout_of(&["man"])).unwrap();
    let out = Command::new(man)
        .args(["--warnings", "-l"])
        .arg(&file)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{warnings}");
    assert!(warnings.trim().is_empty(), "man warned: {warnings}");
    for expected in [
        "caseload case add",
        "--reveal-refs",
        "~/Library/Application Support/caseload",
        r"%APPDATA%\caseload\data",
        "caseload note add \"Three new cases the day before leave\" --standard demands --stress 7",
    ] {
        assert!(
            text.contains(expected),
            "the page lacks {expected}:\n{text}"
        );
    }
}

#[cfg(unix)]
fn which(program: &str) -> Result<std::path::PathBuf, ()> {
    let path = std::env::var_os("PATH").ok_or(())?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
        .ok_or(())
}
