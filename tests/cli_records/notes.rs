//! A note from the user's editor ($VISUAL / $EDITOR) or from standard input.

use crate::common::Sandbox;
use crate::common::cli::{json, refused};
use std::io::Write;
use std::process::Stdio;

/// An "editor": a shell script that writes `text` into the file it is given, and leaves
/// what it was given (the note so far) beside it.
fn editor_script(s: &Sandbox, text: &str) -> std::path::PathBuf {
    let path = s.dir.path().join("editor.sh");
    let seen = s.dir.path().join("seen.txt");
    std::fs::write(
        &path,
        format!(
            "#!/bin/sh\ncp \"$1\" '{}'\nprintf '%s' '{text}' > \"$1\"\n",
            seen.display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    path
}

#[cfg(unix)]
#[test]
fn note_add_with_no_text_opens_the_editor() {
    let s = Sandbox::new();
    let editor = editor_script(&s, "Written in my editor.\n\nSecond paragraph.\n\n");
    let out = s
        .cmd()
        .env("EDITOR", &editor)
        .args(["note", "add", "--standard", "demands"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n");
    let notes = json(&s, &["list", "notes", "--json"]);
    assert_eq!(
        notes[0]["text"],
        "Written in my editor.\n\nSecond paragraph."
    );
    assert_eq!(notes[0]["standards"][0], "demands");
    // $VISUAL wins over $EDITOR, and the editor's file is gone afterwards.
    let visual = editor_script(&s, "From VISUAL");
    let out = s
        .cmd()
        .env("EDITOR", "/nonexistent/editor")
        .env("VISUAL", &visual)
        .args(["note", "add"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        json(&s, &["list", "notes", "--json"])[1]["text"],
        "From VISUAL"
    );
    let left: Vec<_> = std::fs::read_dir(s.data())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".note-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[cfg(unix)]
#[test]
fn an_empty_editor_file_cancels_and_a_failing_editor_is_reported() {
    let s = Sandbox::new();
    let editor = editor_script(&s, "  \n\n");
    let out = s
        .cmd()
        .env("EDITOR", &editor)
        .args(["note", "add"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "caseload: the note was left empty in the editor; nothing was saved\n"
    );
    let out = s
        .cmd()
        .env("EDITOR", "false")
        .args(["note", "add"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("the editor `false` exited with exit status: 1"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(s.journal_bytes().is_empty());
    // Other arguments are checked before the editor opens.
    refused(&s, &["note", "add", "--stress", "11"], "out of range");
}

#[test]
fn note_add_dash_reads_standard_input() {
    let s = Sandbox::new();
    let mut child = s
        .std_cmd()
        .args(["note", "add", "-", "--stress", "6"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Piped from a script.\r\nWith a second line.\r\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let notes = json(&s, &["list", "notes", "--json"]);
    assert_eq!(
        notes[0]["text"],
        "Piped from a script.\nWith a second line."
    );
    assert_eq!(notes[0]["stress"], 6);
}
