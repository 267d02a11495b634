//! Reading a file into a [`Table`]: by its extension, CSV (comma, semicolon or tab; UTF-8 or
//! Windows-1252), a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods) or a calendar (.ics).

use super::ImportError;
use super::table::{Cell, Row, Table};
use std::path::Path;

/// The formats read, for messages.
pub const FORMATS: &str = ".csv, .tsv, .xlsx, .xlsm, .xlsb, .xls, .ods or .ics";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Workbook,
    Calendar,
}

/// The format a file's name says it is in.
pub fn format_of(path: &Path) -> Result<Format, ImportError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "tsv" | "txt" => Ok(Format::Csv),
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Ok(Format::Workbook),
        "ics" | "ical" | "icalendar" => Ok(Format::Calendar),
        _ => Err(ImportError::Format(format!(
            "{}: caseload cannot tell what kind of file this is from its name; it reads {FORMATS}",
            file_name(path)
        ))),
    }
}

/// The file's name without its folder (which may name the user), as records keep it.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Why a file named by the user cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    /// Nothing at that path (or a folder on the way is missing).
    #[error("{0}: no such file")]
    Missing(String),
    /// There, but not readable as a file: a folder, no permission, a device error.
    #[error("cannot read {0}: {1}")]
    Unreadable(String, String),
    /// Read, but not a table caseload can import (or the options do not fit it).
    #[error(transparent)]
    Import(#[from] ImportError),
}

/// Reads the file at `path` (already resolved: `~` expanded): its kind is checked from its
/// name first, so a wrong kind of file is refused before it is read.
pub fn open(path: &Path, sheet: Option<&str>, matching: Option<&str>) -> Result<Table, OpenError> {
    let matching: Vec<String> = matching.into_iter().map(String::from).collect();
    open_matching(path, sheet, &matching)
}

/// [`open`], keeping the calendar events whose summary contains any of `matching`.
pub fn open_matching(
    path: &Path,
    sheet: Option<&str>,
    matching: &[String],
) -> Result<Table, OpenError> {
    format_of(path)?;
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(OpenError::Unreadable(
            shown,
            "it is a folder; name a file in it".into(),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => OpenError::Missing(shown.clone()),
        _ => OpenError::Unreadable(shown.clone(), e.to_string()),
    })?;
    Ok(read(path, &bytes, sheet, matching)?)
}

/// Reads `bytes` (the content of the file called `path`). `sheet` picks a workbook's sheet
/// by name or number; `matching` keeps only calendar events whose summary contains one of
/// them (none: every event).
pub fn read(
    path: &Path,
    bytes: &[u8],
    sheet: Option<&str>,
    matching: &[String],
) -> Result<Table, ImportError> {
    let format = format_of(path)?;
    let name = file_name(path);
    if sheet.is_some() && format != Format::Workbook {
        return Err(ImportError::Usage(
            "--sheet applies to a workbook (.xlsx, .xls, .ods); this file has one table".into(),
        ));
    }
    if !matching.is_empty() && format != Format::Calendar {
        return Err(ImportError::Usage(
            "--match applies to a calendar (.ics); for a spreadsheet, keep the rows you want in the file, or map fewer columns".into(),
        ));
    }
    match format {
        Format::Csv => read_csv(&name, bytes),
        Format::Workbook => super::sheet::read_workbook(path, &name, bytes, sheet),
        Format::Calendar => super::calendar::read_calendar(&name, bytes, matching),
    }
}

/// Text from bytes: UTF-8 (a byte order mark dropped), else Windows-1252, which is what
/// Excel's plain "CSV" is on a UK Windows machine.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The delimiter of the first line: the most common of comma, semicolon and tab outside
/// quotes (a European Excel writes semicolons).
fn delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|i| (counts[*i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Table, ImportError> {
    let text = decode_text(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(text.as_bytes());
    // The line each record starts on, from its byte offset (the reader's own line count
    // skips blank lines).
    let line_starts: Vec<u64> = std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i as u64 + 1))
        .collect();
    // A record's position may be that of blank lines before it.
    let text_bytes = text.as_bytes();
    let line_of = |mut byte: u64| {
        while matches!(text_bytes.get(byte as usize), Some(b'\n' | b'\r')) {
            byte += 1;
        }
        line_starts.partition_point(|start| *start <= byte) as u64
    };
    let mut headers: Option<Vec<String>> = None;
    let mut header_row = 0;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            ImportError::Format(format!("{name} is not a CSV file caseload can read: {e}"))
        })?;
        let line = record.position().map_or(0, |p| line_of(p.byte()));
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().all(std::string::String::is_empty) {
            continue;
        }
        match &headers {
            None => {
                headers = Some(cells);
                header_row = line;
            }
            Some(_) => rows.push(Row {
                number: line,
                cells: cells
                    .into_iter()
                    .map(|c| {
                        if c.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(c)
                        }
                    })
                    .collect(),
            }),
        }
    }
    let headers = headers.ok_or_else(|| {
        ImportError::Format(format!(
            "{name} is empty: caseload needs a first line of column names and a line per record"
        ))
    })?;
    Ok(Table {
        file: name.to_string(),
        sheet: None,
        sheets: Vec::new(),
        headers,
        header_row,
        above_header: 0,
        rows,
        unit: "line",
        left_out: 0,
        calendar: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_keep_their_line_numbers_and_the_delimiter_is_found() {
        let text = "\u{feff}Case number;Type;Allocated\n\nFD1;s7;\"01/11/2026\"\n\"FD 2\nsecond line\";s7;2026-11-02\n";
        let table = read_csv("cases.csv", text.as_bytes()).unwrap();
        assert_eq!(table.headers, ["Case number", "Type", "Allocated"]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].number, 3);
        assert_eq!(table.rows[0].cells[2], Cell::Text("01/11/2026".into()));
        assert_eq!(table.rows[1].number, 4);
    }

    #[test]
    fn windows_1252_text_is_read() {
        let bytes = b"Ref,Notes\nFD1,caf\xe9 \x96 late\n";
        let table = read_csv("c.csv", bytes).unwrap();
        assert_eq!(table.rows[0].cells[1], Cell::Text("café – late".into()));
    }

    #[test]
    fn the_format_comes_from_the_name() {
        assert_eq!(format_of(Path::new("a/B.XLSX")).unwrap(), Format::Workbook);
        assert_eq!(format_of(Path::new("cal.ics")).unwrap(), Format::Calendar);
        let err = format_of(Path::new("notes.docx")).unwrap_err().to_string();
        assert!(err.contains("notes.docx") && err.contains(".ods"), "{err}");
    }
}
