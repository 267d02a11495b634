//! Which row holds the column names. Usually the file's first row; but a spreadsheet often
//! has a title above them ("Caseload — November 2026" in a merged cell) and sometimes a blank
//! line or a note too. So the first rows are looked at, and the one whose cells name the most
//! fields of the import (ties to the earliest) is the header; `--header-row N` names it.

use super::columns::{Field, normalise};
use super::table::Table;
use super::{ImportError, Target};

/// How many rows below the first are looked at for the header.
pub const LOOKED_AT: usize = 10;

/// How many of `names` name a field of `target`, by the names people give columns or by a
/// header given to `--map`.
fn score(names: &[String], target: Target, maps: &[(Field, String)]) -> usize {
    names
        .iter()
        .map(|n| normalise(n))
        .filter(|n| !n.is_empty())
        .filter(|n| {
            target
                .fields()
                .iter()
                .any(|f| f.header_names(target).contains(&n.as_str()))
                || maps.iter().any(|(_, h)| normalise(h) == *n)
        })
        .count()
}

/// The table with its header on the row found (or given): the rows above it are dropped.
pub fn find(
    table: &Table,
    target: Target,
    maps: &[(Field, String)],
    given: Option<u64>,
) -> Result<Table, ImportError> {
    if table.calendar {
        return match given {
            Some(_) => Err(ImportError::Usage(
                "--header-row applies to a spreadsheet; a calendar has no header row".into(),
            )),
            None => Ok(table.clone()),
        };
    }
    let texts =
        |i: usize| -> Vec<String> { table.rows[i].cells.iter().map(super::Cell::shown).collect() };
    // 0 is the first row (already the header); i + 1 is data row i.
    let chosen = match given {
        Some(n) if n == table.header_row => 0,
        Some(n) => {
            table
                .rows
                .iter()
                .position(|r| r.number == n)
                .ok_or_else(|| {
                    let last = table.rows.last().map_or(table.header_row, |r| r.number);
                    ImportError::Usage(format!(
                        "--header-row {n}: {} has no {} {n} with anything in it; its {}s run from {} to {last}",
                        table.file, table.unit, table.unit, table.header_row
                    ))
                })?
                + 1
        }
        None => {
            let first = score(&table.headers, target, maps);
            let (best, best_score) = (0..table.rows.len().min(LOOKED_AT))
                .map(|i| (i + 1, score(&texts(i), target, maps)))
                .fold((0, first), |best, row| if row.1 > best.1 { row } else { best });
            if best_score == 0 { 0 } else { best }
        }
    };
    if chosen == 0 {
        return Ok(table.clone());
    }
    let header = &table.rows[chosen - 1];
    Ok(Table {
        headers: texts(chosen - 1),
        header_row: header.number,
        above_header: table.above_header + chosen,
        rows: table.rows[chosen..].to_vec(),
        ..table.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::{Cell, Row};

    fn text_row(number: u64, cells: &[&str]) -> Row {
        Row {
            number,
            cells: cells
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text((*c).into())
                    }
                })
                .collect(),
        }
    }

    fn titled() -> Table {
        Table {
            file: "deadlines.xlsx".into(),
            sheet: Some("Sheet1".into()),
            sheets: vec!["Sheet1".into()],
            headers: vec![
                "Deadlines — November 2026".into(),
                String::new(),
                String::new(),
            ],
            header_row: 1,
            above_header: 0,
            rows: vec![
                text_row(2, &["Printed 22/11/2026", "", ""]),
                text_row(3, &["Case", "Task", "Due date"]),
                text_row(4, &["FD1", "S7 report", "04/12/2026"]),
            ],
            unit: "row",
            left_out: 0,
            calendar: false,
        }
    }

    #[test]
    fn a_title_above_the_header_is_passed_over() {
        let found = find(&titled(), Target::Deadlines, &[], None).unwrap();
        assert_eq!(found.headers, ["Case", "Task", "Due date"]);
        assert_eq!(found.header_row, 3);
        assert_eq!(found.above_header, 2);
        assert_eq!(found.rows.len(), 1);
        assert_eq!(found.rows[0].number, 4);
    }

    #[test]
    fn the_first_row_stays_the_header_when_it_names_fields_or_nothing_does() {
        let mut plain = titled();
        plain.headers = vec!["Case".into(), "What".into(), "Due".into()];
        assert_eq!(find(&plain, Target::Deadlines, &[], None).unwrap(), plain);
        let mut nothing = titled();
        nothing.rows.remove(1);
        assert_eq!(
            find(&nothing, Target::Deadlines, &[], None).unwrap(),
            nothing
        );
    }

    #[test]
    fn header_row_names_the_row_and_a_missing_one_is_refused() {
        let found = find(&titled(), Target::Deadlines, &[], Some(3)).unwrap();
        assert_eq!(found.header_row, 3);
        let err = find(&titled(), Target::Deadlines, &[], Some(9))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "--header-row 9: deadlines.xlsx has no row 9 with anything in it; its rows run from 1 to 4"
        );
    }
}
