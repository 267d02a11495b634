//! The output formats and the one entry point that renders a report model in any of them.

use super::Report;
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
}

impl Format {
    pub const ALL: [Format; 1] = [Format::Json];

    pub fn key(self) -> &'static str {
        match self {
            Format::Json => "json",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Json => "JSON (caseload.report/1, for a rep's spreadsheet or another tool)",
        }
    }

    pub fn extension(self) -> &'static str {
        self.key()
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.key() == s)
            .ok_or_else(|| {
                let keys: Vec<&str> = Format::ALL.iter().map(|f| f.key()).collect();
                format!("unknown format `{s}`; use {}", keys.join(", "))
            })
    }
}

/// The document's bytes.
pub fn render(report: &Report, format: Format) -> Vec<u8> {
    match format {
        Format::Json => super::json::write(report).into_bytes(),
    }
}
