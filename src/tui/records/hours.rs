use super::{Column, SortKey, ViewCtx, Width, field, opt, record_line};
use ratatui::text::Line;

pub const COLUMNS: &[Column] = &[
    Column {
        title: "Date",
        width: Width::Date,
        drop: None,
    },
    Column {
        title: "Start",
        width: Width::Fixed { ideal: 5, min: 5 },
        drop: None,
    },
    Column {
        title: "End",
        width: Width::Fixed { ideal: 5, min: 5 },
        drop: None,
    },
    Column {
        title: "Break",
        width: Width::Fixed { ideal: 5, min: 5 },
        drop: None,
    },
    Column {
        title: "Hours",
        width: Width::Fixed { ideal: 5, min: 5 },
        drop: None,
    },
    Column {
        title: "Note",
        width: Width::Fill { min: 10 },
        drop: Some(0),
    },
];

pub fn cells(ctx: &ViewCtx, i: usize) -> Vec<String> {
    let e = &ctx.state.hours[i].entry;
    let time = |t: Option<crate::domain::ClockTime>| t.map(|t| t.to_string()).unwrap_or_default();
    vec![
        ctx.date(e.date),
        time(e.start),
        time(e.end),
        e.break_minutes.map(|b| format!("{b}m")).unwrap_or_default(),
        format!("{:.2}", e.worked()),
        opt(&e.note),
    ]
}

pub fn sort_key(ctx: &ViewCtx, i: usize, column: usize) -> SortKey {
    let e = &ctx.state.hours[i].entry;
    match column {
        0 => SortKey::DateAt(
            e.date,
            e.start
                .map_or(i64::MAX, crate::domain::dates::ClockTime::minutes),
        ),
        4 => SortKey::Number(e.worked()),
        n => SortKey::Text(cells(ctx, i).swap_remove(n)),
    }
}

pub fn detail(ctx: &ViewCtx, i: usize) -> Vec<Line<'static>> {
    let h = &ctx.state.hours[i];
    let e = &h.entry;
    let day_total = ctx.day_hours.get(&e.date).copied().unwrap_or(0.0);
    let mut lines = vec![field("Date", ctx.date(e.date))];
    if let (Some(s), Some(end)) = (e.start, e.end) {
        lines.push(field(
            "Time",
            format!("{s} to {end}, {} min break", e.break_minutes.unwrap_or(0)),
        ));
    }
    lines.push(field("Hours", format!("{:.2}", e.worked())));
    lines.push(field("Day total", format!("{day_total:.2}")));
    lines.push(field("Note", opt(&e.note)));
    lines.push(Line::from(""));
    lines.push(record_line(h.id, h.amended));
    lines
}
