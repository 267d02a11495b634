//! caseload: a private, tamper-evident log of allocated cases, deadlines, leave and hours,
//! turned into evidence.
// Unit tests compare figures that are computed exactly (7.5 hours) and stop at a failed unwrap.
#![cfg_attr(test, allow(clippy::float_cmp, clippy::unwrap_used))]

pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod error;
pub mod external_editor;
pub mod import;
pub mod journal;
pub mod output;
pub mod report;
pub mod team;
pub mod timer;
pub mod tui;
