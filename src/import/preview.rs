//! The dry run as a table: one line per row of the file, what it would write in the display
//! format, or what it matched, or why it is refused. The command line and the UI show this.

use super::Target;
use super::plan::{Outcome, Plan};
use super::table::format_number;
use crate::domain::dates::format_date;
use crate::domain::event::Event;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    New,
    Known,
    Refused,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRow {
    pub row: u64,
    pub status: Status,
    /// One per header (empty for a refused row).
    pub cells: Vec<String>,
    /// What a known row matched, or why a refused row is refused.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub header: Vec<&'static str>,
    pub rows: Vec<PreviewRow>,
}

/// The preview's columns: what each row would write. They follow `caseload list`'s where
/// the fields are the same, but are their own list: a row has no id yet, and the note it
/// carries is shown instead.
pub fn header(target: Target) -> Vec<&'static str> {
    match target {
        Target::Cases => vec![
            "REF",
            "KIND",
            "ALLOCATED",
            "BY",
            "DISCUSSED",
            "HOURS/WK",
            "CLOSED",
            "NOTE",
        ],
        Target::Deadlines => vec!["DUE", "CASE", "WHAT", "MET"],
        Target::Leave => vec!["KIND", "FROM", "TO", "NOTE"],
        Target::Hours => vec!["DATE", "START", "END", "BREAK", "HOURS", "NOTE"],
    }
}

/// Line breaks in a note shown as one line.
fn one_line(text: &Option<String>) -> String {
    text.as_deref()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn cells(target: Target, events: &[Event], date_format: &str) -> Vec<String> {
    let show = |d| format_date(d, date_format);
    let mut cells = vec![String::new(); header(target).len()];
    for event in events {
        match event {
            Event::CaseAllocated(c) => {
                cells[0] = c.reference.clone();
                cells[1] = c.kind.clone();
                cells[2] = show(c.allocated_on);
                cells[3] = c.allocated_by.clone().unwrap_or_default();
                cells[4] = if c.discussed { "yes" } else { "NO" }.into();
                cells[5] = c.weight.map_or_else(|| "(kind's)".into(), format_number);
                cells[7] = one_line(&c.note);
            }
            Event::CaseClosed(c) => {
                cells[0] = c.reference.clone();
                cells[6] = show(c.on);
            }
            Event::DeadlineSet(d) => {
                cells[0] = show(d.due);
                cells[1] = d.case.clone().unwrap_or_default();
                cells[2] = d.what.clone();
            }
            Event::DeadlineMet(m) => cells[3] = show(m.on),
            Event::LeaveAdded(l) => {
                cells[0] = l.kind.key().into();
                cells[1] = show(l.from);
                cells[2] = show(l.to);
                cells[3] = one_line(&l.note);
            }
            Event::HoursLogged(h) => {
                cells[0] = show(h.date);
                cells[1] = h.start.map(|t| t.to_string()).unwrap_or_default();
                cells[2] = h.end.map(|t| t.to_string()).unwrap_or_default();
                cells[3] = h
                    .break_minutes
                    .map(|m| format!("{m} min"))
                    .unwrap_or_default();
                cells[4] = format!("{:.2}", h.worked());
                cells[5] = one_line(&h.note);
            }
            _ => {}
        }
    }
    cells
}

pub fn preview(plan: &Plan, date_format: &str) -> Preview {
    let rows = plan
        .rows
        .iter()
        .map(|p| match &p.outcome {
            Outcome::New(events) => PreviewRow {
                row: p.row,
                status: Status::New,
                cells: cells(plan.target, events, date_format),
                reason: None,
            },
            Outcome::Known(what) => PreviewRow {
                row: p.row,
                status: Status::Known,
                cells: Vec::new(),
                reason: Some(what.clone()),
            },
            Outcome::Refused(why) => PreviewRow {
                row: p.row,
                status: Status::Refused,
                cells: Vec::new(),
                reason: Some(why.clone()),
            },
        })
        .collect();
    Preview {
        header: header(plan.target),
        rows,
    }
}

/// "12 rows: 9 to import (10 records), 2 already in the journal, 1 refused".
pub fn summary(plan: &Plan) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let unit_plural = if plan.unit == "line" { "lines" } else { "rows" };
    let records = plan.records();
    let mut parts = vec![format!(
        "{} to import{}",
        plan.new_rows(),
        if records == plan.new_rows() {
            String::new()
        } else {
            format!(" ({})", plural(records, "record", "records"))
        }
    )];
    if plan.known() > 0 {
        parts.push(format!("{} already in the journal", plan.known()));
    }
    if plan.refused() > 0 {
        parts.push(format!("{} refused", plan.refused()));
    }
    let mut text = format!(
        "{}: {}",
        plural(plan.rows.len(), plan.unit, unit_plural),
        parts.join(", ")
    );
    if plan.blank > 0 {
        text.push_str(&format!(
            "; {} with nothing in the columns read",
            plural(plan.blank, "blank row", "blank rows")
        ));
    }
    if plan.left_out > 0 {
        text.push_str(&format!(
            "; {} left out (not matching --match, or cancelled)",
            plural(plan.left_out, "event", "events")
        ));
    }
    text
}

/// "Reading sheet `Open` of cases.xlsx: ref from `Case No`, ...; not read: `Child`".
pub fn columns_line(plan: &Plan) -> String {
    let place = match &plan.sheet {
        Some(sheet) if plan.sheets.len() > 1 => format!(
            "sheet `{sheet}` of {} (sheets: {}; --sheet picks another)",
            plan.file,
            plan.sheets.join(", ")
        ),
        Some(sheet) => format!("sheet `{sheet}` of {}", plan.file),
        None => plan.file.clone(),
    };
    let read: Vec<String> = plan
        .columns
        .iter()
        .map(|(f, h)| format!("{} `{h}`", f.key()))
        .collect();
    let header = plan.header_below_title.map_or_else(String::new, |row| {
        format!(
            " (column names on {} {row}, the {}s above it not read; --header-row N names another)",
            plan.unit, plan.unit
        )
    });
    let mut line = format!(
        "Reading {place} as {}{header}, fields from columns: {}",
        plan.target.noun(),
        read.join(", ")
    );
    if !plan.unread.is_empty() {
        let unread: Vec<String> = plan.unread.iter().map(|h| format!("`{h}`")).collect();
        line.push_str(&format!("; not read: {}", unread.join(", ")));
    }
    line
}
