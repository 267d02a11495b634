//! The user's own editor for a note ($VISUAL, else $EDITOR), as git and jrnl do: the text is
//! written to a private temporary file in the data folder, the editor runs on it, and what it
//! holds when the editor exits is the note. An empty file cancels.

use std::io::Write;
use std::path::Path;
use std::process::Command;

/// The editor command to run: `$VISUAL`, else `$EDITOR`, else the first of nano and vi found
/// (notepad on Windows).
pub fn editor_command() -> Option<String> {
    for name in ["VISUAL", "EDITOR"] {
        if let Some(v) = std::env::var_os(name).filter(|v| !v.is_empty()) {
            return Some(v.to_string_lossy().into_owned());
        }
    }
    if cfg!(windows) {
        return Some("notepad".into());
    }
    let path = std::env::var_os("PATH")?;
    ["nano", "vi"]
        .into_iter()
        .find(|e| std::env::split_paths(&path).any(|dir| dir.join(e).is_file()))
        .map(str::to_string)
}

/// Opens `initial` in the user's editor; returns the text it was left with (trailing blank
/// lines removed), or `None` if it was left empty. The temporary file lives in `folder` (the
/// private data folder) and is removed afterwards.
pub fn edit(initial: &str, folder: &Path) -> Result<Option<String>, String> {
    let editor = editor_command().ok_or_else(|| {
        "no editor found: set $VISUAL or $EDITOR (e.g. export EDITOR=nano), or give the note's text"
            .to_string()
    })?;
    crate::journal::create_private_dir(folder).map_err(|e| e.to_string())?;
    let mut file = tempfile::Builder::new()
        .prefix(".note-")
        .suffix(".txt")
        .tempfile_in(folder)
        .map_err(|e| {
            format!(
                "cannot create a file for the editor in {}: {e}",
                folder.display()
            )
        })?;
    let mut text = initial.to_string();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| format!("cannot write the file for the editor: {e}"))?;
    let status = command(&editor, file.path())
        .status()
        .map_err(|e| format!("cannot run the editor `{editor}`: {e}"))?;
    if !status.success() {
        return Err(format!(
            "the editor `{editor}` exited with {status}; nothing was taken from it"
        ));
    }
    let edited = std::fs::read(file.path())
        .map_err(|e| format!("cannot read back what the editor wrote: {e}"))?;
    let edited = String::from_utf8(edited).map_err(|_| {
        "the editor saved text that is not UTF-8; save the note as UTF-8".to_string()
    })?;
    let trimmed = edited.trim_end();
    Ok((!trimmed.trim().is_empty()).then(|| trimmed.to_string()))
}

/// The editor run on `path`: through the shell on Unix, so that `EDITOR="code --wait"`
/// works as it does for git; split at spaces elsewhere.
fn command(editor: &str, path: &Path) -> Command {
    if cfg!(unix) {
        let mut c = Command::new("sh");
        c.arg("-c")
            .arg(format!("{editor} \"$@\""))
            .arg(editor)
            .arg(path);
        c
    } else {
        let mut words = editor.split_whitespace();
        let mut c = Command::new(words.next().unwrap_or("notepad"));
        c.args(words).arg(path);
        c
    }
}
