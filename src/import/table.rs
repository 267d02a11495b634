//! A file read as rows of cells under a header, whatever its format: what the column mapping
//! and the row checks read.

use chrono::{NaiveDate, NaiveDateTime};

/// One cell as the file holds it. Spreadsheets keep numbers, dates and times as such; a CSV
/// or a calendar gives text.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date or date-time cell (a spreadsheet's, or a calendar's start).
    DateTime(NaiveDateTime),
    /// A date-only value (a calendar's all-day start).
    Date(NaiveDate),
    /// A spreadsheet cell formatted as a time of day: the fraction of a day.
    TimeOfDay(f64),
    /// A spreadsheet cell formatted as a duration: hours.
    Duration(f64),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as a person would read it in the file, for messages.
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) => format_number(*n),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::DateTime(dt) => dt.format("%Y-%m-%d %H:%M").to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::TimeOfDay(f) => {
                let minutes = (f * 1440.0).round() as i64;
                format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
            }
            Cell::Duration(h) => format!("{h} h"),
        }
    }
}

/// A number without a trailing `.0` when it is whole.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// One data row: its number as the file's own reader shows it (the spreadsheet's row, the
/// CSV's line, the calendar's line where the event begins) and its cells, one per header.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: u64,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }
}

/// What was read from one file (one sheet of a workbook).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The file's name, without its folder.
    pub file: String,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// Every sheet of the workbook, to say which others there are.
    pub sheets: Vec<String>,
    pub headers: Vec<String>,
    /// The number of the row the headers are on (0 for a calendar, which has none).
    pub header_row: u64,
    /// Rows with something in them above the header (a title), not read.
    pub above_header: usize,
    pub rows: Vec<Row>,
    /// What "row" means in this file, for messages ("row" or "line").
    pub unit: &'static str,
    /// Whether the file is a calendar (its columns are the calendar's own).
    pub calendar: bool,
    /// Rows read but left out before mapping (calendar events not matching `--match`).
    pub left_out: usize,
}
