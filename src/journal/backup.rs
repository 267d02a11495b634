//! Daily backups: on the first write of each day, a copy of the journal in `backups/`.

use super::Disk;
use super::JournalError;
use super::fsutil::{create_private_dir, write_private_file_with};
use chrono::NaiveDate;
use std::fs;
use std::path::{Path, PathBuf};

/// How many daily copies are kept.
pub const BACKUPS_KEPT: usize = 30;

pub fn backup_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

/// Copies the journal to `backups/journal-YYYY-MM-DD.jsonl` if today's copy does not exist yet,
/// then removes all but the newest [`BACKUPS_KEPT`]. Returns the new copy's path, if one was made.
pub fn daily_backup(
    data_dir: &Path,
    journal: &Path,
    today: NaiveDate,
    disk: &mut dyn Disk,
) -> Result<Option<PathBuf>, JournalError> {
    let dir = backup_dir(data_dir);
    let target = dir.join(format!("journal-{}.jsonl", today.format("%Y-%m-%d")));
    if target.exists() {
        return Ok(None);
    }
    create_private_dir(&dir)?;
    let bytes = fs::read(journal).map_err(JournalError::io("cannot read for backup", journal))?;
    write_private_file_with(&target, &bytes, &mut |from, to| disk.rename(from, to))?;
    prune(&dir)?;
    Ok(Some(target))
}

fn prune(dir: &Path) -> Result<(), JournalError> {
    let mut copies: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(JournalError::io("cannot list", dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("journal-") && n.ends_with(".jsonl"))
        })
        .collect();
    copies.sort();
    let excess = copies.len().saturating_sub(BACKUPS_KEPT);
    for old in &copies[..excess] {
        fs::remove_file(old).map_err(JournalError::io("cannot remove old backup", old))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_one_copy_a_day_and_only_the_newest_thirty() {
        let tmp = tempfile::tempdir().unwrap();
        let journal = tmp.path().join("journal.jsonl");
        fs::write(&journal, b"{}\n").unwrap();
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for n in 0..35 {
            let day = start + chrono::Days::new(n);
            assert!(
                daily_backup(tmp.path(), &journal, day, &mut super::super::RealDisk)
                    .unwrap()
                    .is_some()
            );
            assert!(
                daily_backup(tmp.path(), &journal, day, &mut super::super::RealDisk)
                    .unwrap()
                    .is_none()
            );
        }
        let mut names: Vec<String> = fs::read_dir(backup_dir(tmp.path()))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names.len(), BACKUPS_KEPT);
        assert_eq!(names[0], "journal-2026-01-06.jsonl");
        assert_eq!(names[29], "journal-2026-02-04.jsonl");
    }
}
