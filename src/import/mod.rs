//! Import: records people already keep (a spreadsheet of cases, a diary of hours, leave in a
//! calendar) turned into journal records through the same checks as typing them.
//!
//! A file is read into a [`Table`] (`read`, `sheet`, `calendar`); its columns are mapped to
//! fields (`columns`); each row becomes the records it describes, checked by
//! `domain::commands` against the journal's state and the rows before it, or is skipped as
//! already in the journal, or refused with its reason (`rows`, `plan`). Only `apply` writes:
//! it appends [`Plan::events`] with `Journal::append_all`, planning again under the lock so
//! that the checks see the true latest state.

mod apply;
pub mod batches;
mod calendar;
pub mod columns;
mod header_row;
mod headers;
mod known;
mod plan;
pub mod preview;
pub mod read;
mod rows;
mod sheet;
pub mod table;
pub mod values;

pub use apply::{Applied, apply};
pub use batches::{ImportBatch, batches, is_imported};
pub use columns::Field;
pub use plan::{Outcome, Plan, Planned, plan};
pub use read::{OpenError, open, open_matching, read};
pub use table::{Cell, Row, Table};
pub use values::DateOrder;

use chrono::NaiveDate;
use strum::{EnumCount, VariantArray};

/// What the rows of a file are to become.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::VariantArray,
    strum::EnumCount,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "lowercase")]
pub enum Target {
    Cases,
    Deadlines,
    Leave,
    Hours,
}

impl Target {
    pub const ALL: [Target; Self::COUNT] = crate::domain::variant_array(Self::VARIANTS);

    /// The word `--as` takes, and the one messages use.
    pub fn noun(self) -> &'static str {
        self.into()
    }
}

/// Why a file cannot be imported at all (a row's own problems are refusals in the plan).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The options do not fit the file: an unknown field or column, a sheet it lacks.
    #[error("{0}")]
    Usage(String),
    /// The file is not what its name says, or empty.
    #[error("{0}")]
    Format(String),
}

/// Everything besides the file that decides what its rows become.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub target: Target,
    /// `--map field=Header` (an empty header: the field is not read).
    pub maps: Vec<(Field, String)>,
    /// `--map-kind "Text=key"`: a kind column's text (for a calendar, text in the summary)
    /// and the configured case kind or leave kind it means.
    pub kind_maps: Vec<(String, String)>,
    pub date_order: Option<DateOrder>,
    /// What "today" means for dates written as `today`, `+3` or without a year.
    pub today: NaiveDate,
    /// The real today: no record may describe a day after it (the journal refuses it too, by
    /// its own clock; checking here makes the dry run say so).
    pub limit: NaiveDate,
    /// The display format, which dates may also be written in.
    pub date_format: String,
    /// The configured case kinds: key and name.
    pub case_kinds: Vec<(String, String)>,
    /// `--header-row N`: the row holding the column names [default: found from the first
    /// rows' cells].
    pub header_row: Option<u64>,
}

impl Request {
    /// Parses `--map` and `--map-kind` texts for `target`.
    pub fn new(
        target: Target,
        maps: &[String],
        kind_maps: &[String],
        date_order: Option<DateOrder>,
        today: NaiveDate,
        config: &crate::config::Config,
    ) -> Result<Request, ImportError> {
        let kind_maps = kind_maps
            .iter()
            .map(|m| {
                m.rsplit_once('=')
                    .map(|(text, key)| (text.trim().to_string(), key.trim().to_string()))
                    .filter(|(text, key)| !text.is_empty() && !key.is_empty())
                    .ok_or_else(|| {
                        ImportError::Usage(format!(
                            "--map-kind `{m}`: write it as \"Text in the file=key\", e.g. --map-kind \"Section 7=s7\""
                        ))
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Request {
            target,
            maps: columns::parse_maps(target, maps)?,
            kind_maps,
            date_order,
            today,
            limit: chrono::Local::now().date_naive(),
            date_format: config.date_format.clone(),
            case_kinds: config
                .case_kinds
                .iter()
                .map(|k| (k.key.clone(), k.name.clone()))
                .collect(),
            header_row: None,
        })
    }
}
