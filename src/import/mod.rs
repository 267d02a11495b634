//! Import: records people already keep (a spreadsheet of cases, a diary of hours, leave in a
//! calendar) turned into journal records through the same checks as typing them.

pub mod batches;

pub use batches::{ImportBatch, batches, is_imported};
