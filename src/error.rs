//! The library's top-level error, which decides the exit status (SPEC 5).

use crate::config::ConfigError;
use crate::domain::commands::Refusal;
use crate::journal::{AppendError, JournalError};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Invalid input: a bad date, an unknown kind, a duplicate reference... (exit 2)
    #[error("{0}")]
    Invalid(String),
    /// A new record refused by the domain's rules (exit 2)
    #[error(transparent)]
    Refused(#[from] Refusal),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// Any other failure, such as an output file that cannot be written (exit 1)
    #[error("{0}")]
    Failed(String),
    /// Standard output was closed by its reader (`| head`): not a failure; the program ends
    /// quietly with exit 0.
    #[error("standard output was closed")]
    OutputClosed,
}

impl Error {
    pub fn invalid(message: impl Into<String>) -> Self {
        Error::Invalid(message.into())
    }

    /// The same error with its ISO dates in the display format.
    pub fn shown(self, date_format: &str) -> Self {
        let show = |m: String| crate::domain::dates::show_dates(&m, date_format);
        match self {
            Error::Invalid(m) => Error::Invalid(show(m)),
            Error::Failed(m) => Error::Failed(show(m)),
            other => other,
        }
    }

    /// 2 for bad usage or invalid input, 1 for any other failure, 0 for a closed output.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::OutputClosed => 0,
            Error::Invalid(_) | Error::Refused(_) | Error::Config(_) => 2,
            Error::Journal(_) | Error::Failed(_) => 1,
        }
    }
}

impl From<crate::domain::text::TextError> for Error {
    fn from(e: crate::domain::text::TextError) -> Self {
        Error::Invalid(e.to_string())
    }
}

impl From<crate::domain::event::UnknownName> for Error {
    fn from(e: crate::domain::event::UnknownName) -> Self {
        Error::Invalid(e.to_string())
    }
}

impl From<crate::domain::DateError> for Error {
    fn from(e: crate::domain::DateError) -> Self {
        Error::Invalid(e.to_string())
    }
}

impl<E: Into<Error>> From<AppendError<E>> for Error {
    fn from(e: AppendError<E>) -> Self {
        match e {
            AppendError::Refused(refusal) => refusal.into(),
            AppendError::Journal(journal) => Error::Journal(journal),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
