use std::path::PathBuf;

/// What is wrong with a journal that makes it unsafe to write to. The journal is then opened
/// read-only and nothing is rewritten.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Damage {
    #[error("line {line} is not a valid record ({reason})")]
    Unreadable { line: u64, reason: String },
    #[error(
        "line {line} has type `{kind}`, which this version of caseload does not know; it was probably written by a newer version, so upgrade caseload before using this journal"
    )]
    UnknownType { line: u64, kind: String },
    #[error(
        "line {line} has seq {found} where {expected} was expected (a line is missing, repeated or out of order)"
    )]
    SeqGap {
        line: u64,
        expected: u64,
        found: u64,
    },
    #[error(
        "line {line} does not chain to line {before} (its prev is not that line's hash): one of the two was edited, or a line was removed or inserted between them",
        before = .line.saturating_sub(1)
    )]
    BrokenChain { line: u64 },
    #[error("the journal changed outside caseload: {0}")]
    ChangedUnderneath(String),
}

impl Damage {
    /// The journal line where the damage was found, if it is at one line.
    pub fn line(&self) -> Option<u64> {
        match self {
            Damage::Unreadable { line, .. }
            | Damage::UnknownType { line, .. }
            | Damage::SeqGap { line, .. }
            | Damage::BrokenChain { line } => Some(*line),
            Damage::ChangedUnderneath(_) => None,
        }
    }

    /// A few words for a banner: "damaged at line 3".
    pub fn short(&self) -> String {
        match self {
            Damage::UnknownType { .. } => "written by a newer version of caseload".to_string(),
            Damage::ChangedUnderneath(_) => "the journal changed outside caseload".to_string(),
            other => format!("damaged at line {}", other.line().unwrap_or(0)),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error(
        "the journal {path} is damaged: {damage}; it is open read-only and nothing was written. Run `caseload verify` for details"
    )]
    Damaged { path: PathBuf, damage: Damage },
    #[error(
        "the journal is busy: another caseload window or command held its lock for {0} seconds; try again"
    )]
    Busy(u64),
    /// A journal, lock or backups folder caseload will not use (SPEC 6).
    #[error("refusing to use {path}: {why}")]
    Unsafe {
        path: PathBuf,
        why: super::safety::Unsafe,
    },
    #[error("{action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl JournalError {
    pub fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(std::io::Error) -> JournalError {
        let path = path.into();
        move |source| JournalError::Io {
            action,
            path,
            source,
        }
    }
}

/// Why an append did not happen: the record was refused (by the builder, or as describing a
/// day after today), or the journal could not take it. Generic over the builder's own error,
/// so the journal never needs to know the application's error type.
#[derive(Debug, thiserror::Error)]
pub enum AppendError<E> {
    #[error("{0}")]
    Refused(E),
    #[error(transparent)]
    Journal(#[from] JournalError),
}
