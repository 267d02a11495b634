//! Redaction (SPEC 6): a name typed by mistake leaves the journal and its backups, while the
//! chain, every later record and every receipt still verify.

use super::common::{Sandbox, sha256_hex};
use super::{failing, seeded};
use std::fs;
use std::path::{Path, PathBuf};

const NAME: &str = "Jamie Smith-Jones";

/// Every file under `dir`, with its bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push((path.clone(), fs::read(&path).unwrap()));
        }
    }
    out
}

fn holding(dir: &Path, text: &str) -> Vec<PathBuf> {
    files(dir)
        .into_iter()
        .filter(|(_, bytes)| bytes.windows(text.len()).any(|w| w == text.as_bytes()))
        .map(|(p, _)| p)
        .collect()
}

fn write_private(path: &Path, bytes: impl AsRef<[u8]>) {
    fs::write(path, bytes).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600)).unwrap();
    }
}

/// A journal whose note 3 holds a child's name, with two older backups that hold it too (as
/// the copies of earlier days would) and one from before it was written.
fn with_a_name() -> Sandbox {
    let s = seeded(2);
    s.ok(&["note", "add", &format!("Home visit with {NAME} ran late")]);
    s.ok(&["note", "add", "after it"]);
    let backups = s.data().join("backups");
    let before_it = s.lines()[..2].join("\n") + "\n";
    write_private(&backups.join("journal-2026-11-18.jsonl"), before_it);
    let three = s.lines()[..3].join("\n") + "\n";
    write_private(&backups.join("journal-2026-11-19.jsonl"), &three);
    write_private(&backups.join("journal-2026-11-20.jsonl"), s.journal_bytes());
    s
}

#[test]
fn a_redacted_name_is_gone_from_the_journal_and_its_backups_and_everything_still_verifies() {
    let s = with_a_name();
    let original = s.lines()[2].clone();
    let receipt_before = s.ok(&["receipt"]).trim().to_string();
    let out = s.ok(&["redact", "3", "--reason", "a child's name typed by mistake"]);
    assert_eq!(
        out,
        "redacted: record 3's text is gone from the journal, replaced by a stub that keeps its SHA-256 (the chain and every receipt still verify); record 5 says when and why; removed from 2 backups\n"
    );
    assert_eq!(
        holding(&s.dir.path().join("data"), NAME),
        Vec::<PathBuf>::new()
    );

    // The stub keeps the original line's fingerprint, which the next line still chains to.
    let lines = s.lines();
    let stub: serde_json::Value = serde_json::from_str(&lines[2]).unwrap();
    assert_eq!(stub["type"], "redacted");
    assert_eq!(stub["was"], "note_added");
    assert_eq!(stub["sha256"], sha256_hex(original.as_bytes()).as_str());
    let next: serde_json::Value = serde_json::from_str(&lines[3]).unwrap();
    assert_eq!(next["prev"], stub["sha256"]);
    let record: serde_json::Value = serde_json::from_str(&lines[4]).unwrap();
    assert_eq!(
        (record["type"].as_str(), record["target"].as_u64()),
        (Some("redaction"), Some(3))
    );
    assert_eq!(record["reason"], "a child's name typed by mistake");

    let verify = s.ok(&["verify"]);
    let mut said = verify.lines();
    assert!(
        said.next()
            .unwrap()
            .starts_with("ok: 5 records (1 redacted), chain intact"),
        "{verify}"
    );
    let listed = said.next().unwrap();
    assert!(
        listed.starts_with("redacted: record 3 (a note_added record) on ")
            && listed.ends_with(" by record 5: a child's name typed by mistake"),
        "{verify}"
    );
    assert!(
        s.ok(&["verify", "--receipt", &receipt_before])
            .contains("matches")
    );
    s.ok(&["note", "add", "later still"]);
    assert!(
        s.ok(&["verify", "--receipt", &receipt_before])
            .contains("matches")
    );
    let receipt_after = s.ok(&["receipt"]).trim().to_string();
    assert!(
        s.ok(&["verify", "--receipt", &receipt_after])
            .contains("matches")
    );

    // Outputs say it was redacted; the note itself is no longer among the records.
    let events = s.ok(&["list", "events"]);
    let row = events.lines().find(|l| l.starts_with("3 ")).unwrap();
    assert!(
        row.contains("redacted") && row.contains("redacted on ") && row.contains(" by 5 "),
        "{row}"
    );
    assert!(!s.ok(&["list", "notes"]).contains("Home visit"));
    let report = s.ok(&["report", "--format", "md"]);
    assert!(
        report.contains("1 record is redacted (record 3 redacted on "),
        "{report}"
    );

    // Each backup that held the line is a whole journal still, the stub in its place; the
    // one from before the note was written is as it was.
    let backups = s.data().join("backups");
    for day in ["19", "20"] {
        let copy = fs::read(backups.join(format!("journal-2026-11-{day}.jsonl"))).unwrap();
        let read = caseload::journal::check_journal(&copy, 1 << 20);
        assert!(read.damage.is_none() && !read.torn, "{day}: {read:?}");
        assert!(String::from_utf8(copy).unwrap().lines().nth(2).unwrap() == lines[2]);
    }
    assert_eq!(
        fs::read_to_string(backups.join("journal-2026-11-18.jsonl")).unwrap(),
        s.lines()[..2].join("\n") + "\n"
    );
}

#[test]
fn redaction_refuses_what_it_cannot_do_and_writes_nothing() {
    let s = with_a_name();
    s.ok(&["redact", "3", "--reason", "a name"]);
    let before = s.journal_bytes();
    for (args, needle, code) in [
        (
            &["redact", "3", "--reason", "again"][..],
            "record 3 is already redacted by record 5, and no backup still holds its text",
            2,
        ),
        (
            &["redact", "5", "--reason", "x"],
            "record 5 is itself a redaction; a redaction cannot be redacted",
            2,
        ),
        (
            &["redact", "9", "--reason", "x"],
            "there is no record 9; the journal has records 1 to 5",
            2,
        ),
        (
            &["redact", "two", "--reason", "x"],
            "`two` is not a whole number",
            2,
        ),
        (&["redact", "1", "--reason", " "], "the reason is empty", 2),
        (
            &["void", "3", "--reason", "x"],
            "record 3 was redacted; it cannot be withdrawn or changed",
            2,
        ),
        (
            &["void", "5", "--reason", "x"],
            "record 5 is a redaction, which cannot be withdrawn or changed",
            2,
        ),
    ] {
        let (got, err) = failing(&s, args);
        assert_eq!(got, code, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    assert_eq!(s.journal_bytes(), before);
}

/// A backup that cannot be rewritten is named; the journal is redacted all the same, and the
/// same command run again finishes the job.
#[test]
fn a_backup_that_cannot_be_rewritten_is_named_and_running_it_again_finishes() {
    let s = with_a_name();
    let backups = s.data().join("backups");
    let stuck = backups.join("journal-2026-11-20.jsonl");
    let kept = fs::read(&stuck).unwrap();
    // A folder where a backup should be: it cannot be read, nor rewritten.
    fs::remove_file(&stuck).unwrap();
    fs::create_dir(&stuck).unwrap();
    fs::write(stuck.join("inside"), b"").unwrap();
    let (code, err) = failing(&s, &["redact", "3", "--reason", "a name"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("record 3 is redacted in the journal (record 5), but the backup")
            && err.contains("run the same `caseload redact` again"),
        "{err}"
    );
    assert!(!String::from_utf8(s.journal_bytes()).unwrap().contains(NAME));

    fs::remove_dir_all(&stuck).unwrap();
    write_private(&stuck, kept);
    let out = s.ok(&["redact", "3", "--reason", "a name"]);
    assert_eq!(
        out,
        "finished: record 3 was already redacted (record 5); its text is now removed from 1 backup\n"
    );
    assert_eq!(
        holding(&s.dir.path().join("data"), NAME),
        Vec::<PathBuf>::new()
    );
}

/// A window open on the journal while another process redacts it reads the new file: the
/// stub in place of the record it had, one record more, no damage.
#[test]
fn a_window_open_during_a_redaction_follows_it() {
    use caseload::journal::{Access, Journal};
    let s = with_a_name();
    let mut window = Journal::open(&s.data(), Access::ReadOnly).unwrap();
    assert_eq!(window.state().notes.len(), 4);
    s.ok(&["redact", "3", "--reason", "a name"]);
    assert_eq!(window.refresh().unwrap(), 1);
    assert!(window.damage().is_none(), "{:?}", window.damage());
    assert_eq!(window.state().notes.len(), 3);
    assert_eq!(window.head(), sha256_hex(s.lines()[4].as_bytes()));
}

/// A rewrite by rename gives the journal's name a new file; a hard link made outside caseload
/// keeps the old one, text and all. Caseload cannot find or remove that other name, so it
/// says so (exit 1, with the inode to look for) instead of reporting the name gone.
#[cfg(unix)]
#[test]
fn a_journal_or_backup_with_another_name_is_redacted_and_the_other_name_is_reported() {
    use std::os::unix::fs::MetadataExt;
    let s = with_a_name();
    let elsewhere = tempfile::tempdir().unwrap();
    let journal_link = elsewhere.path().join("my-copy.jsonl");
    fs::hard_link(s.journal_path(), &journal_link).unwrap();
    let backup = s.data().join("backups").join("journal-2026-11-19.jsonl");
    let backup_link = elsewhere.path().join("old-backup.jsonl");
    fs::hard_link(&backup, &backup_link).unwrap();
    let journal_inode = fs::metadata(s.journal_path()).unwrap().ino();
    let backup_inode = fs::metadata(&backup).unwrap().ino();

    let out = s
        .cmd()
        .args(["redact", "3", "--reason", "a name"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("redacted: record 3's text is gone from the journal"),
        "{stdout}"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    for (path, inode) in [(s.journal_path(), journal_inode), (backup, backup_inode)] {
        let said = format!(
            "{} had another name besides this one (a hard link made outside caseload), and under it the original text is still there: find it with `find ",
            path.display()
        );
        let rest = &err[err.find(&said).unwrap_or_else(|| panic!("{err}")) + said.len()..];
        let (root, rest) = rest.split_once(" -xdev").unwrap();
        assert!(
            rest.starts_with(&format!(" -inum {inode}` and delete it")),
            "{err}"
        );
        // Where to look: the top of the file system the file is on.
        let root = Path::new(root);
        let device = |p: &Path| fs::metadata(p).unwrap().dev();
        assert!(path.starts_with(root), "{err}");
        assert_eq!(device(root), device(&path), "{err}");
        assert!(
            root.parent().is_none_or(|up| device(up) != device(root)),
            "{err}"
        );
    }
    // What it says is true: the data folder is clean, the other names are not.
    assert_eq!(holding(&s.data(), NAME), Vec::<PathBuf>::new());
    assert_eq!(holding(elsewhere.path(), NAME).len(), 2);
    assert!(s.ok(&["verify"]).starts_with("ok: 5 records (1 redacted)"));

    // Without other names it is a plain success.
    let t = with_a_name();
    let out = t
        .cmd()
        .args(["redact", "3", "--reason", "a name"])
        .output()
        .unwrap();
    assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
}
