use super::{Column, SortKey, ViewCtx, Width, field, opt, record_line};
use ratatui::text::Line;

pub const COLUMNS: &[Column] = &[
    Column {
        title: "From",
        width: Width::Date,
        drop: None,
    },
    Column {
        title: "To",
        width: Width::Date,
        drop: None,
    },
    Column {
        title: "Kind",
        width: Width::Fixed { ideal: 16, min: 12 },
        drop: None,
    },
    Column {
        title: "Days",
        width: Width::Fixed { ideal: 5, min: 4 },
        drop: None,
    },
    Column {
        title: "Note",
        width: Width::Fill { min: 8 },
        drop: Some(0),
    },
];

fn calendar_days(ctx: &ViewCtx, i: usize) -> i64 {
    let l = &ctx.state.leave[i];
    (l.to - l.from).num_days() + 1
}

pub fn cells(ctx: &ViewCtx, i: usize) -> Vec<String> {
    let l = &ctx.state.leave[i];
    vec![
        ctx.date(l.from),
        ctx.date(l.to),
        l.kind.label().into(),
        calendar_days(ctx, i).to_string(),
        opt(&l.note),
    ]
}

pub fn sort_key(ctx: &ViewCtx, i: usize, column: usize) -> SortKey {
    let l = &ctx.state.leave[i];
    match column {
        0 => SortKey::Date(l.from),
        1 => SortKey::Date(l.to),
        3 => SortKey::Number(calendar_days(ctx, i) as f64),
        n => SortKey::Text(cells(ctx, i).swap_remove(n)),
    }
}

pub fn detail(ctx: &ViewCtx, i: usize) -> Vec<Line<'static>> {
    let l = &ctx.state.leave[i];
    let given: Vec<_> = ctx
        .state
        .cases
        .iter()
        .filter(|c| l.from <= c.allocated_on && c.allocated_on <= l.to)
        .collect();
    let mut lines = vec![
        field("Kind", l.kind.label()),
        field("From", ctx.date(l.from)),
        field("To", ctx.date(l.to)),
        field("Days", format!("{} calendar days", calendar_days(ctx, i))),
        field("Note", opt(&l.note)),
        field("Cases given", given.len().to_string()),
    ];
    for c in given {
        lines.push(Line::from(format!(
            "  {}  {}",
            ctx.date(c.allocated_on),
            c.reference
        )));
    }
    lines.push(Line::from(""));
    lines.push(record_line(l.id, l.amended));
    lines
}
