//! `caseload report --purpose share`: JSON only, never with references, never of an empty or
//! damaged journal; the summary on standard output (with -o) or standard error (without).

use super::fixture::{TODAY, command, fixture};
use std::process::Output;

fn share(dir: &std::path::Path, extra: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    command(home.path())
        .args([
            "--data-dir",
            dir.to_str().unwrap(),
            "--today",
            TODAY,
            "report",
            "--purpose",
            "share",
        ])
        .args(extra)
        .output()
        .unwrap()
}

/// `report --purpose share` with `args` on the data folder `dir` exits 2 with one line
/// holding `needle`, and writes nothing to standard output; a failure names the args.
fn refused(dir: &std::path::Path, args: &[&str], needle: &str) {
    let out = share(dir, args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(needle), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
}

#[test]
fn a_share_is_json_only_and_never_reveals_references() {
    let data = fixture().share_paths()[0].clone();
    let dir = std::path::Path::new(&data)
        .parent()
        .unwrap()
        .join("member-1");
    for (args, needle) in [
        (&["--format", "md"][..], "a share is JSON only"),
        (&["--format", "html"], "a share is JSON only"),
        (&["--format", "pdf"], "a share is JSON only"),
        (&["--format", "csv"], "a share is JSON only"),
        (&["--format", "ics"], "a share is JSON only"),
        (&["--reveal-refs"], "never holds case references"),
    ] {
        refused(&dir, args, needle);
    }
    // Without -o: the JSON on standard output, what it holds on standard error.
    let out = share(&dir, &["--format", "json"]);
    assert!(out.status.success());
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["schema"], "caseload.share/1");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("Share ") && err.contains("Not in it:"),
        "{err}"
    );
    // Two shares of one journal have different ids and the same figures.
    let again: serde_json::Value = serde_json::from_slice(&share(&dir, &[]).stdout).unwrap();
    assert_ne!(again["share_id"], value["share_id"]);
    assert_eq!(again["weeks"], value["weeks"]);
}

#[test]
fn an_empty_journal_gives_no_share_and_an_existing_file_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    refused(dir.path(), &[], "the journal has no records yet");
    let m = &fixture().members[0];
    let data = m.share_path.parent().unwrap().join("member-1");
    let before = std::fs::read(&m.share_path).unwrap();
    let out = share(&data, &["-o", m.share_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&m.share_path).unwrap(), before);
}
