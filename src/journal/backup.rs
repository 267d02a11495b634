//! Daily backups: on the first write of each day, a copy of the journal in `backups/`.

use super::JournalError;
use super::disk::Disk;
use super::fsutil::{is_temporary, make_dir, replace_file, sync_dir};
use super::safety::check_backups_dir;
use super::store::JOURNAL_FILE;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// How many daily copies are kept.
pub const BACKUPS_KEPT: usize = 30;

/// The folder of daily copies, inside the data folder.
pub const BACKUPS_DIR: &str = "backups";

pub fn backup_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUPS_DIR)
}

/// `journal-YYYY-MM-DD.jsonl`.
pub fn is_backup_name(name: &str) -> bool {
    name.strip_prefix("journal-")
        .and_then(|n| n.strip_suffix(".jsonl"))
        .is_some_and(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok())
}

/// Copies the journal to `backups/journal-YYYY-MM-DD.jsonl` if today's copy does not exist yet,
/// then removes all but the newest [`BACKUPS_KEPT`] and any temporary copy a killed backup
/// left behind. Runs under the journal's lock, so a temporary copy found then is stale.
/// Returns the new copy's path, if one was made.
pub fn daily_backup(
    data_dir: &Path,
    today: NaiveDate,
    disk: &mut dyn Disk,
) -> Result<Option<PathBuf>, JournalError> {
    let dir = backup_dir(data_dir);
    let target = dir.join(format!("journal-{}.jsonl", today.format("%Y-%m-%d")));
    check_backups_dir(disk, &dir)?;
    if disk
        .entry(&target, false)
        .map_err(JournalError::io("cannot inspect", &target))?
        .is_some()
    {
        return Ok(None);
    }
    make_dir(disk, &dir)?;
    remove_stale_copies(disk, &dir)?;
    let journal = data_dir.join(JOURNAL_FILE);
    replace_file(disk, &target, &mut |disk, copy| {
        let mut from = disk.open_read(&journal)?;
        std::io::copy(&mut from, copy).map(|_| ())
    })?;
    prune(disk, &dir)?;
    Ok(Some(target))
}

/// Removes temporary copies (`.journal-….jsonl.tmp-PID`) left by a backup that was killed
/// before it could rename or remove its copy: each is a whole or partial copy of the journal.
fn remove_stale_copies(disk: &mut dyn Disk, dir: &Path) -> Result<(), JournalError> {
    let names = disk
        .list(dir)
        .map_err(JournalError::io("cannot list", dir))?;
    let mut removed = false;
    for name in names.iter().filter(|n| is_temporary(n, is_backup_name)) {
        let stale = dir.join(name);
        disk.remove(&stale)
            .map_err(JournalError::io("cannot remove the stale copy", &stale))?;
        removed = true;
    }
    if removed {
        sync_dir(disk, dir)?;
    }
    Ok(())
}

fn prune(disk: &mut dyn Disk, dir: &Path) -> Result<(), JournalError> {
    let mut copies: Vec<String> = disk
        .list(dir)
        .map_err(JournalError::io("cannot list", dir))?
        .into_iter()
        .filter(|n| is_backup_name(n))
        .collect();
    copies.sort();
    let excess = copies.len().saturating_sub(BACKUPS_KEPT);
    for old in &copies[..excess] {
        let old = dir.join(old);
        disk.remove(&old)
            .map_err(JournalError::io("cannot remove old backup", &old))?;
    }
    if excess > 0 {
        sync_dir(disk, dir)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{MemDisk, RealDisk};
    use super::*;

    #[test]
    fn keeps_one_copy_a_day_and_only_the_newest_thirty() {
        let tmp = tempfile::tempdir().unwrap();
        let journal = tmp.path().join(JOURNAL_FILE);
        std::fs::write(&journal, b"{}\n").unwrap();
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for n in 0..35 {
            let day = start + chrono::Days::new(n);
            assert!(
                daily_backup(tmp.path(), day, &mut RealDisk)
                    .unwrap()
                    .is_some()
            );
            assert!(
                daily_backup(tmp.path(), day, &mut RealDisk)
                    .unwrap()
                    .is_none()
            );
        }
        let mut names: Vec<String> = std::fs::read_dir(backup_dir(tmp.path()))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names.len(), BACKUPS_KEPT);
        assert_eq!(names[0], "journal-2026-01-06.jsonl");
        assert_eq!(names[29], "journal-2026-02-04.jsonl");
    }

    #[test]
    fn stale_temporary_copies_go_and_nothing_else_does() {
        let disk = MemDisk::new();
        let data = Path::new("/data");
        disk.put(&data.join(JOURNAL_FILE), b"{}\n");
        let backups = backup_dir(data);
        let stale = [
            ".journal-2026-11-21.jsonl.tmp-4242",
            ".journal-2026-11-22.jsonl.tmp-1",
        ];
        let kept = [
            "notes.txt",
            ".journal-2026-11-21.jsonl.tmp-x",
            "journal-2026-11-20.jsonl",
        ];
        for name in stale.iter().chain(&kept) {
            disk.put(&backups.join(name), b"{}\n");
        }
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        daily_backup(data, day, &mut disk.clone()).unwrap();
        let mut names: Vec<String> = disk
            .paths()
            .iter()
            .filter(|p| p.parent() == Some(&backups))
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                ".journal-2026-11-21.jsonl.tmp-x",
                "journal-2026-11-20.jsonl",
                "journal-2026-11-22.jsonl",
                "notes.txt"
            ]
        );
    }
}
