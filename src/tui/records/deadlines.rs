use super::{Column, SortKey, ViewCtx, Width, field, opt, record_line};
use crate::domain::replay::Deadline;
use ratatui::text::Line;

pub const COLUMNS: &[Column] = &[
    Column {
        title: "Due",
        width: Width::Date,
        drop: None,
    },
    Column {
        title: "Case",
        width: Width::Reference,
        drop: None,
    },
    Column {
        title: "What",
        width: Width::Fill { min: 12 },
        drop: None,
    },
    Column {
        title: "Status",
        width: Width::Fixed { ideal: 12, min: 12 },
        drop: None,
    },
    Column {
        title: "Leave",
        width: Width::Fixed { ideal: 10, min: 10 },
        drop: Some(0),
    },
];

/// The status in a few words, for the table.
fn short_status(ctx: &ViewCtx, d: &Deadline) -> String {
    let text = match d.met_on {
        Some(met) if met > d.due => "met late",
        Some(_) => "met",
        None if d.due < ctx.today => "MISSED",
        None => "open",
    };
    if d.extensions.is_empty() {
        text.to_string()
    } else {
        format!("{text}+ext")
    }
}

pub fn status(ctx: &ViewCtx, d: &Deadline) -> String {
    let text = match d.met_on {
        Some(met) if met > d.due => format!("met late {}", ctx.date(met)),
        Some(met) => format!("met {}", ctx.date(met)),
        None if d.due < ctx.today => "MISSED".into(),
        None => "open".into(),
    };
    if d.extensions.is_empty() {
        text
    } else {
        format!("{text} (ext.)")
    }
}

pub fn cells(ctx: &ViewCtx, i: usize) -> Vec<String> {
    let d = &ctx.state.deadlines[i];
    vec![
        ctx.date(d.due),
        opt(&d.case),
        d.what.clone(),
        short_status(ctx, d),
        ctx.flags
            .deadline(d.id)
            .map(crate::report::leave_flags::DeadlineFlag::label)
            .unwrap_or_default(),
    ]
}

pub fn sort_key(ctx: &ViewCtx, i: usize, column: usize) -> SortKey {
    match column {
        0 => SortKey::Date(ctx.state.deadlines[i].due),
        n => SortKey::Text(cells(ctx, i).swap_remove(n)),
    }
}

pub fn detail(ctx: &ViewCtx, i: usize) -> Vec<Line<'static>> {
    let d = &ctx.state.deadlines[i];
    let mut lines = vec![
        field("What", d.what.clone()),
        field("Case", d.case.clone().unwrap_or_else(|| "(none)".into())),
        field("Due", ctx.date(d.due)),
        field("Status", status(ctx, d)),
    ];
    if let Some(flag) = ctx.flags.deadline(d.id) {
        let text = match flag {
            crate::report::leave_flags::DeadlineFlag::InLeave => {
                "due during your leave".to_string()
            }
            crate::report::leave_flags::DeadlineFlag::SoonAfterLeave(n) => {
                format!("due on working day {n} after your leave")
            }
        };
        lines.push(field("Leave", text));
    }
    if !d.extensions.is_empty() {
        lines.push(field("First due", ctx.date(d.original_due)));
        for e in &d.extensions {
            let why = e
                .reason
                .as_deref()
                .map(|r| format!(": {r}"))
                .unwrap_or_default();
            lines.push(Line::from(format!(
                "  extended {} → {}{why}",
                ctx.date(e.from),
                ctx.date(e.to)
            )));
        }
    }
    lines.push(Line::from(""));
    lines.push(record_line(d.id, d.amended));
    lines
}
