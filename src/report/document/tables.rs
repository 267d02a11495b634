//! The tables documents share: leave, work during leave, the chronology, the weeks ahead.

use super::sentences::{plural, since};
use super::{Block, Dates};
use crate::report::Report;
use chrono::NaiveDate;

fn table(header: &[&str], rows: Vec<Vec<String>>) -> Block {
    Block::Table {
        header: header
            .iter()
            .map(std::string::ToString::to_string)
            .collect(),
        rows,
    }
}

/// The tables about leave: cases allocated in or just before it, deadlines in or just after
/// it, and work done during it (each only when there is something to show).
pub fn leave_tables(r: &Report, d: &Dates) -> Vec<Block> {
    let mut blocks = allocations_and_leave(r, d);
    blocks.extend(deadlines_and_leave(r, d));
    blocks.extend(work_during_leave(r, d));
    blocks
}

fn allocations_and_leave(r: &Report, d: &Dates) -> Vec<Block> {
    let mut blocks = Vec::new();
    if !r.allocations_during_leave.is_empty() || !r.allocations_before_leave.is_empty() {
        blocks.push(Block::Subheading(
            "Cases allocated during or just before leave".into(),
        ));
        let mut rows: Vec<(NaiveDate, Vec<String>)> = r
            .allocations_during_leave
            .iter()
            .map(|a| {
                (
                    a.allocated_on,
                    vec![
                        d.show(a.allocated_on),
                        a.case.clone(),
                        format!(
                            "during {} leave ({} to {})",
                            a.leave_kind,
                            d.show(a.leave_from),
                            d.show(a.leave_to)
                        ),
                    ],
                )
            })
            .collect();
        rows.extend(r.allocations_before_leave.iter().map(|a| {
            (
                a.allocated_on,
                vec![
                    d.show(a.allocated_on),
                    a.case.clone(),
                    format!(
                        "{} before leave starting {}",
                        plural(a.working_days_before, "working day", "working days"),
                        d.show(a.leave_from)
                    ),
                ],
            )
        }));
        rows.sort_by_key(|row| row.0);
        blocks.push(table(
            &["Allocated", "Case", "In relation to leave"],
            rows.into_iter().map(|(_, r)| r).collect(),
        ));
    }
    blocks
}

fn deadlines_and_leave(r: &Report, d: &Dates) -> Vec<Block> {
    let mut blocks = Vec::new();
    let dl = &r.deadlines;
    if !dl.in_leave.is_empty() || !dl.soon_after_leave.is_empty() {
        blocks.push(Block::Subheading(
            "Deadlines during or just after leave".into(),
        ));
        let mut rows: Vec<(NaiveDate, Vec<String>)> = dl
            .in_leave
            .iter()
            .map(|x| {
                (
                    x.due,
                    vec![
                        d.show(x.due),
                        x.case.clone().unwrap_or_default(),
                        x.what.clone(),
                        format!(
                            "during leave ({} to {})",
                            d.show(x.leave_from),
                            d.show(x.leave_to)
                        ),
                        since(&x.since, d),
                    ],
                )
            })
            .collect();
        rows.extend(dl.soon_after_leave.iter().map(|x| {
            (
                x.due,
                vec![
                    d.show(x.due),
                    x.case.clone().unwrap_or_default(),
                    x.what.clone(),
                    format!(
                        "{}: leave ended {}, back on {}",
                        crate::report::leave::after_return(
                            x.working_days_after_return,
                            x.due,
                            x.due_on_working_day
                        ),
                        d.show_day(x.leave_to),
                        d.show_day(x.returned_on)
                    ),
                    since(&x.since, d),
                ],
            )
        }));
        rows.sort_by_key(|row| row.0);
        blocks.push(table(
            &["First due", "Case", "What", "In relation to leave", "Since"],
            rows.into_iter().map(|(_, r)| r).collect(),
        ));
    }
    blocks
}

fn work_during_leave(r: &Report, d: &Dates) -> Vec<Block> {
    let mut blocks = Vec::new();
    let w = &r.worked_during_leave;
    if !w.list.is_empty() {
        blocks.push(Block::Subheading("Work done during leave".into()));
        blocks.push(table(
            &["Date", "Leave", "Hours logged", "Deadlines met"],
            w.list
                .iter()
                .map(|x| {
                    vec![
                        d.show_day(x.date),
                        format!(
                            "{} leave, {} to {}",
                            x.leave_kind,
                            d.show(x.leave_from),
                            d.show(x.leave_to)
                        ),
                        if x.hours > 0.0 {
                            format!("{:.2}", x.hours)
                        } else {
                            String::new()
                        },
                        x.deadlines_met
                            .iter()
                            .map(|m| match &m.case {
                                Some(c) => format!("{c}: {}", m.what),
                                None => m.what.clone(),
                            })
                            .collect::<Vec<_>>()
                            .join("; "),
                    ]
                })
                .collect(),
        ));
    }
    blocks
}

pub fn chronology(r: &Report, d: &Dates) -> Block {
    table(
        &["Date", "What", "Case", "Detail", "Flags"],
        r.detail
            .chronology
            .iter()
            .map(|i| {
                vec![
                    d.show(i.date),
                    i.kind.to_string(),
                    i.case.clone().unwrap_or_default(),
                    i.detail.clone(),
                    i.flags.join("; "),
                ]
            })
            .collect(),
    )
}

pub fn upcoming(r: &Report, d: &Dates) -> Block {
    if r.detail.upcoming.is_empty() {
        return Block::Para("No deadlines are recorded for the next four weeks.".into());
    }
    table(
        &["Due", "Case", "What", "Note"],
        r.detail
            .upcoming
            .iter()
            .map(|u| {
                vec![
                    d.show(u.due),
                    u.case.clone().unwrap_or_default(),
                    u.what.clone(),
                    u.flags.join("; "),
                ]
            })
            .collect(),
    )
}
