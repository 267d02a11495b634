//! Workbooks (.xlsx, .xlsm, .xlsb, .xls, .ods) through calamine, from memory: one sheet, its
//! first non-empty row as the header, rows numbered as the spreadsheet shows them.

use super::ImportError;
use super::table::{Cell, Row, Table};
use calamine::{Data, Ods, Reader, Sheets, Xls, Xlsb, Xlsx, open_workbook_from_rs};
use std::io::Cursor;
use std::path::Path;

fn open(path: &Path, name: &str, bytes: &[u8]) -> Result<Sheets<Cursor<Vec<u8>>>, ImportError> {
    let cursor = Cursor::new(bytes.to_vec());
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let opened = match ext.as_str() {
        "xls" => open_workbook_from_rs::<Xls<_>, _>(cursor)
            .map(Sheets::Xls)
            .map_err(|e| e.to_string()),
        "xlsb" => open_workbook_from_rs::<Xlsb<_>, _>(cursor)
            .map(Sheets::Xlsb)
            .map_err(|e| e.to_string()),
        "ods" => open_workbook_from_rs::<Ods<_>, _>(cursor)
            .map(Sheets::Ods)
            .map_err(|e| e.to_string()),
        _ => open_workbook_from_rs::<Xlsx<_>, _>(cursor)
            .map(Sheets::Xlsx)
            .map_err(|e| e.to_string()),
    };
    opened.map_err(|e| {
        ImportError::Format(format!(
            "{name} cannot be read as a {} workbook: {e}",
            ext.to_uppercase()
        ))
    })
}

/// The sheet `wanted` names (its name ignoring case, or its number from 1), else the first.
fn choose(names: &[String], wanted: Option<&str>, file: &str) -> Result<String, ImportError> {
    let Some(wanted) = wanted.map(str::trim) else {
        return names
            .first()
            .cloned()
            .ok_or_else(|| ImportError::Format(format!("{file} has no sheets")));
    };
    if let Some(name) = names.iter().find(|n| n.trim().eq_ignore_ascii_case(wanted)) {
        return Ok(name.clone());
    }
    if let Ok(n) = wanted.parse::<usize>()
        && let Some(name) = n.checked_sub(1).and_then(|i| names.get(i))
    {
        return Ok(name.clone());
    }
    Err(ImportError::Usage(format!(
        "--sheet: {file} has no sheet `{wanted}`; its sheets are {} (give a name or a number from 1)",
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    )))
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.trim().to_string()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_duration() => Cell::Duration(dt.as_f64() * 24.0),
        Data::DateTime(dt) if (0.0..1.0).contains(&dt.as_f64()) => Cell::TimeOfDay(dt.as_f64()),
        Data::DateTime(dt) => dt
            .as_datetime()
            .map_or_else(|| Cell::Number(dt.as_f64()), Cell::DateTime),
        Data::DateTimeIso(text) => iso_date_time(text),
        Data::DurationIso(text) => {
            iso_duration(text).map_or_else(|| Cell::Text(text.clone()), Cell::Duration)
        }
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// OpenDocument's dates: `2026-11-22` or `2026-11-22T09:30:00`.
fn iso_date_time(text: &str) -> Cell {
    if let Ok(d) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Cell::Date(d);
    }
    chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
        .map_or_else(|_| Cell::Text(text.to_string()), Cell::DateTime)
}

/// OpenDocument's times and durations: `PT09H30M00S` (also `P1DT2H`), in hours.
fn iso_duration(text: &str) -> Option<f64> {
    let rest = text.strip_prefix('P')?;
    let (days, time) = match rest.split_once('T') {
        Some((d, t)) => (d, t),
        None => (rest, ""),
    };
    let mut hours = 0.0;
    if !days.is_empty() {
        hours += days.strip_suffix('D')?.parse::<f64>().ok()? * 24.0;
    }
    let mut number = String::new();
    for c in time.chars() {
        match c {
            'H' => hours += number.parse::<f64>().ok()?,
            'M' => hours += number.parse::<f64>().ok()? / 60.0,
            'S' => hours += number.parse::<f64>().ok()? / 3600.0,
            _ => {
                number.push(c);
                continue;
            }
        }
        number.clear();
    }
    Some(hours)
}

pub fn read_workbook(
    path: &Path,
    name: &str,
    bytes: &[u8],
    wanted: Option<&str>,
) -> Result<Table, ImportError> {
    let mut workbook = open(path, name, bytes)?;
    let sheets = workbook.sheet_names();
    let sheet = choose(&sheets, wanted, name)?;
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|e| ImportError::Format(format!("{name}: sheet `{sheet}` cannot be read: {e}")))?;
    let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
    let first_col = range.start().map_or(0, |(_, col)| col as usize);
    let mut headers: Option<Vec<String>> = None;
    let mut header_row = 0;
    let mut rows = Vec::new();
    for (i, data) in range.rows().enumerate() {
        let cells: Vec<Cell> = data.iter().map(cell).collect();
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let number = first_row + i as u64 + 1;
        if headers.is_none() {
            // Columns left of the range are empty; keep positions as the sheet has them.
            let mut names = vec![String::new(); first_col];
            names.extend(cells.iter().map(Cell::shown));
            headers = Some(names);
            header_row = number;
        } else {
            let mut all = vec![Cell::Empty; first_col];
            all.extend(cells);
            rows.push(Row { number, cells: all });
        }
    }
    let headers = headers.ok_or_else(|| {
        ImportError::Format(format!(
            "{name}: sheet `{sheet}` is empty{}",
            if sheets.len() > 1 {
                format!(
                    "; the workbook's sheets are {} (choose one with --sheet)",
                    sheets.join(", ")
                )
            } else {
                String::new()
            }
        ))
    })?;
    Ok(Table {
        file: name.to_string(),
        sheet: Some(sheet),
        sheets,
        headers,
        header_row,
        above_header: 0,
        rows,
        unit: "row",
        left_out: 0,
        calendar: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opendocument_durations_are_hours() {
        assert_eq!(iso_duration("PT09H30M00S"), Some(9.5));
        assert_eq!(iso_duration("PT0H20M"), Some(20.0 / 60.0));
        assert_eq!(iso_duration("P1DT2H"), Some(26.0));
        assert_eq!(iso_duration("9:30"), None);
    }

    #[test]
    fn a_sheet_is_chosen_by_name_or_number() {
        let names = vec!["Open cases".to_string(), "Closed".to_string()];
        assert_eq!(choose(&names, None, "f").unwrap(), "Open cases");
        assert_eq!(choose(&names, Some("closed"), "f").unwrap(), "Closed");
        assert_eq!(choose(&names, Some("2"), "f").unwrap(), "Closed");
        let err = choose(&names, Some("3"), "f.xlsx").unwrap_err().to_string();
        assert!(err.contains("`Open cases`, `Closed`"), "{err}");
    }
}
