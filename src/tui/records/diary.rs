use super::{Column, SortKey, ViewCtx, Width, field, record_line};
use ratatui::text::Line;

pub const COLUMNS: &[Column] = &[
    Column {
        title: "Date",
        width: Width::Date,
        drop: None,
    },
    Column {
        title: "Stress",
        width: Width::Fixed { ideal: 6, min: 6 },
        drop: None,
    },
    Column {
        title: "Standards",
        width: Width::Fixed { ideal: 20, min: 12 },
        drop: None,
    },
    Column {
        title: "Note",
        width: Width::Fill { min: 16 },
        drop: None,
    },
];

pub fn cells(ctx: &ViewCtx, i: usize) -> Vec<String> {
    let n = &ctx.state.notes[i].note;
    let standards: Vec<&str> = n.standards.iter().map(|s| s.key()).collect();
    vec![
        ctx.date(n.date),
        n.stress.map(|s| s.to_string()).unwrap_or_default(),
        standards.join(","),
        n.text.replace('\n', " ¶ "),
    ]
}

pub fn sort_key(ctx: &ViewCtx, i: usize, column: usize) -> SortKey {
    let n = &ctx.state.notes[i].note;
    match column {
        0 => SortKey::Date(n.date),
        1 => SortKey::Number(n.stress.map_or(-1.0, f64::from)),
        c => SortKey::Text(cells(ctx, i).swap_remove(c)),
    }
}

pub fn detail(ctx: &ViewCtx, i: usize) -> Vec<Line<'static>> {
    let note = &ctx.state.notes[i];
    let n = &note.note;
    let standards: Vec<&str> = n.standards.iter().map(|s| s.label()).collect();
    let mut lines = vec![
        field("Date", ctx.date(n.date)),
        field(
            "Stress",
            n.stress
                .map_or_else(|| "not given".into(), |s| format!("{s} / 10")),
        ),
        field("Standards", standards.join(", ")),
        // As the stress score: a blank beside the label read as a value lost.
        field("Told", n.told.clone().unwrap_or_else(|| "not given".into())),
        Line::from(""),
    ];
    lines.extend(n.text.split('\n').map(|l| Line::from(l.to_string())));
    lines.push(Line::from(""));
    lines.push(record_line(note.id, note.amended));
    lines
}
