//! The working-day timer: `hours start` notes when the day began, `hours stop` turns it into
//! an hours entry. One timer runs per journal, in `timer.json` beside it, so that it survives
//! restarts and every window and the command line see the same one. A running timer is not a
//! record: the record is the hours entry written when it stops.

use crate::domain::ClockTime;
use crate::output::{OutputError, write_file};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// A running timer: the day and time it was started for, and when it was started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timer {
    pub date: NaiveDate,
    pub start: ClockTime,
    /// The wall clock when `hours start` was run.
    pub started_at: DateTime<FixedOffset>,
}

#[derive(Debug, thiserror::Error)]
pub enum TimerError {
    #[error(
        "a timer is already running, started for {start} on {date}; `caseload hours stop` ends it"
    )]
    Running { date: NaiveDate, start: ClockTime },
    #[error("no timer is running; `caseload hours start` starts one")]
    NotRunning,
    #[error("the timer file {} cannot be read: {why}", path.display())]
    Unreadable { path: PathBuf, why: String },
    #[error(transparent)]
    Output(#[from] OutputError),
}

impl TimerError {
    /// Whether the user asked for something that cannot be done (exit 2).
    pub fn is_invalid_request(&self) -> bool {
        matches!(self, TimerError::Running { .. } | TimerError::NotRunning)
    }
}

impl From<TimerError> for crate::error::Error {
    fn from(e: TimerError) -> Self {
        if e.is_invalid_request() {
            crate::error::Error::Invalid(e.to_string())
        } else {
            crate::error::Error::Failed(e.to_string())
        }
    }
}

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join("timer.json")
}

/// The running timer, if any.
pub fn running(data_dir: &Path) -> Result<Option<Timer>, TimerError> {
    let path = path(data_dir);
    match std::fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| TimerError::Unreadable {
                path,
                why: e.to_string(),
            }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(TimerError::Unreadable {
            path,
            why: e.to_string(),
        }),
    }
}

/// Starts the timer. A second start is refused, even one racing this one from another window
/// (the file's name is taken without replacing).
pub fn start(data_dir: &Path, timer: &Timer) -> Result<(), TimerError> {
    if let Some(t) = running(data_dir)? {
        return Err(TimerError::Running {
            date: t.date,
            start: t.start,
        });
    }
    crate::journal::create_private_dir(data_dir).map_err(|e| TimerError::Unreadable {
        path: data_dir.to_path_buf(),
        why: e.to_string(),
    })?;
    let bytes = serde_json::to_vec(timer).expect("a timer serialises");
    match write_file(&path(data_dir), &bytes, false) {
        Err(OutputError::Exists(_)) => {
            let t = running(data_dir)?.ok_or(TimerError::NotRunning)?;
            Err(TimerError::Running {
                date: t.date,
                start: t.start,
            })
        }
        other => Ok(other?),
    }
}

/// Stops the timer: `record` writes the hours entry from it; only when that succeeds is the
/// timer gone. The timer is claimed first (renamed), so two stops at once write one entry.
pub fn stop<T, E>(
    data_dir: &Path,
    record: impl FnOnce(&Timer) -> Result<T, E>,
) -> Result<Result<T, E>, TimerError> {
    let path = path(data_dir);
    let claimed = data_dir.join(format!("timer.json.stopping-{}", std::process::id()));
    if let Err(e) = std::fs::rename(&path, &claimed) {
        return Err(if e.kind() == std::io::ErrorKind::NotFound {
            TimerError::NotRunning
        } else {
            TimerError::Unreadable {
                path,
                why: e.to_string(),
            }
        });
    }
    let timer = match std::fs::read(&claimed)
        .map_err(|e| e.to_string())
        .and_then(|b| serde_json::from_slice::<Timer>(&b).map_err(|e| e.to_string()))
    {
        Ok(t) => t,
        Err(why) => {
            let _ = std::fs::rename(&claimed, &path);
            return Err(TimerError::Unreadable { path, why });
        }
    };
    let result = record(&timer);
    if result.is_ok() {
        let _ = std::fs::remove_file(&claimed);
    } else {
        // Not written: the timer runs on.
        let _ = std::fs::rename(&claimed, &path);
    }
    Ok(result)
}

/// Throws a running timer away without writing anything.
pub fn cancel(data_dir: &Path) -> Result<Timer, TimerError> {
    let timer = running(data_dir)?.ok_or(TimerError::NotRunning)?;
    std::fs::remove_file(path(data_dir)).map_err(|e| TimerError::Unreadable {
        path: path(data_dir),
        why: e.to_string(),
    })?;
    Ok(timer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timer(h: u32) -> Timer {
        Timer {
            date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            start: ClockTime::from_hm(h, 30).unwrap(),
            started_at: DateTime::parse_from_rfc3339("2026-11-20T08:31:00+00:00").unwrap(),
        }
    }

    #[test]
    fn one_timer_a_journal_and_it_survives_until_stopped() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(running(dir.path()).unwrap(), None);
        start(dir.path(), &timer(8)).unwrap();
        let e = start(dir.path(), &timer(9)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a timer is already running, started for 08:30 on 2026-11-20; `caseload hours stop` ends it"
        );
        assert_eq!(running(dir.path()).unwrap(), Some(timer(8)));
        // A failed write keeps it running; a good one ends it.
        let failed: Result<(), &str> = stop(dir.path(), |_| Err("disk full")).unwrap();
        assert!(failed.is_err());
        assert_eq!(running(dir.path()).unwrap(), Some(timer(8)));
        let ok: Result<ClockTime, ()> = stop(dir.path(), |t| Ok(t.start)).unwrap();
        assert_eq!(ok, Ok(ClockTime::from_hm(8, 30).unwrap()));
        assert_eq!(running(dir.path()).unwrap(), None);
        assert!(matches!(
            stop(dir.path(), |_| Ok::<(), ()>(())),
            Err(TimerError::NotRunning)
        ));
        start(dir.path(), &timer(7)).unwrap();
        assert_eq!(cancel(dir.path()).unwrap(), timer(7));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
