//! The README's command examples, run in order as a newcomer would type them: a fresh home
//! folder, no data or config folder set, in an empty working folder that holds the sample
//! files the README imports. A documented command that fails (as `report -o stress.html` once
//! did) fails here. A command meant to fail says so: in a transcript (```console) by the
//! `caseload: ...` error printed under it, elsewhere by a `# refused:` comment; one that needs
//! files a newcomer does not have (members' shares) says `# illustrative`.
//!
//! The README's own dates (a case allocated on 02/11/2026) are in the past from the day they
//! were written, and writes judge "the future" by the real clock (SPEC §3), so these examples
//! need no `--today`.
// The README's commands are run by bash.
#![cfg(unix)]
// A test may unwrap (it stops at the failing line), compare figures exactly, name the files
// it made itself by their extension, and run long as a table of cases.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::unused_self
)]

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_caseload");
const README: &str = include_str!("../README.md");

/// One documented command: the README line it came from and whether it is meant to fail.
#[derive(Debug, PartialEq)]
struct Example {
    line: usize,
    command: String,
    refused: bool,
}

/// The `caseload ...` lines of the README's shell blocks (`sh`, `bash`, `console`), with
/// their trailing comments taken off; lines with a placeholder (`<file>`, `...`) are shown for
/// reading, not for running.
fn examples(readme: &str) -> Vec<Example> {
    let mut block: Option<&str> = None;
    let mut found: Vec<Example> = Vec::new();
    for (i, raw) in readme.lines().enumerate() {
        let line = raw.trim();
        if let Some(lang) = line.strip_prefix("```") {
            block = match block {
                Some(_) => None,
                None => Some(lang.trim()),
            };
            continue;
        }
        let command = match block {
            Some("sh" | "bash" | "shell") => line,
            // A transcript: commands follow `$ `, the rest is what was printed, and an error
            // line (`caseload: ...`) says the command before it is refused on purpose.
            Some("console") => {
                if let Some(command) = line.strip_prefix("$ ") {
                    command
                } else {
                    if line.starts_with("caseload: ")
                        && let Some(last) = found.last_mut()
                    {
                        last.refused = true;
                    }
                    continue;
                }
            }
            _ => continue,
        };
        if !command.starts_with("caseload ") && command != "caseload" {
            continue;
        }
        let (command, comment) = match command.find("  #") {
            Some(at) => (command[..at].trim_end(), &command[at..]),
            None => (command, ""),
        };
        if command.contains('<') || command.contains("...") || comment.contains("# illustrative") {
            continue;
        }
        found.push(Example {
            line: i + 1,
            command: command.to_string(),
            refused: comment.contains("# refused"),
        });
    }
    found
}

fn sandbox() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().expect("temp home");
    let cwd = home.path().join("work");
    let fixtures = cwd.join("tests").join("fixtures");
    std::fs::create_dir_all(&fixtures).expect("working folder");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for entry in std::fs::read_dir(source).expect("fixtures") {
        let entry = entry.expect("fixture");
        std::fs::copy(entry.path(), fixtures.join(entry.file_name())).expect("copy fixture");
    }
    (home, cwd)
}

#[test]
fn every_readme_command_runs_as_documented_in_a_fresh_home() {
    let examples = examples(README);
    assert!(
        examples.len() >= 20,
        "the README shows {} commands; the parser has lost them",
        examples.len()
    );
    let (home, cwd) = sandbox();
    let bin_dir = home.path().join("bin");
    std::fs::create_dir_all(&bin_dir).expect("bin folder");
    // A link, not a copy: a copy just written can be "busy" to exec while another test's
    // child process, forked meanwhile, still holds the written file open (ETXTBSY).
    std::os::unix::fs::symlink(BIN, bin_dir.join("caseload")).expect("binary");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut failures = Vec::new();
    for example in &examples {
        let out = Command::new("bash")
            .arg("-c")
            .arg(&example.command)
            .current_dir(&cwd)
            .env("PATH", &path)
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env("XDG_DATA_HOME", home.path().join(".local/share"))
            .env("EDITOR", "true")
            .env("VISUAL", "true")
            .env_remove("CASELOAD_DIR")
            .env_remove("CASELOAD_CONFIG")
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run bash");
        if out.status.success() == example.refused {
            failures.push(format!(
                "README line {}: `{}` exited {:?} ({}): {}",
                example.line,
                example.command,
                out.status.code(),
                if example.refused {
                    "documented as refused"
                } else {
                    "documented as working"
                },
                String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .next()
                    .unwrap_or("")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_parser_reads_shell_blocks_only_and_drops_placeholders_and_comments() {
    let readme = "text caseload list\n```sh\ncaseload list cases   # all of them\n\
                  caseload import <file>\ncaseload team x/  # illustrative\n```\n```text\ncaseload shown, not run\n```\n\
                  ```console\n$ caseload verify --journal x\ncaseload: no journal at x\n$ caseload list\n```\n";
    assert_eq!(
        examples(readme),
        vec![
            Example {
                line: 3,
                command: "caseload list cases".into(),
                refused: false
            },
            Example {
                line: 11,
                command: "caseload verify --journal x".into(),
                refused: true
            },
            Example {
                line: 13,
                command: "caseload list".into(),
                refused: false
            },
        ]
    );
}
