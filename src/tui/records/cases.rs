use super::{Column, SortKey, ViewCtx, Width, field, opt, record_line};
use ratatui::text::Line;

pub const COLUMNS: &[Column] = &[
    Column {
        title: "Allocated",
        width: Width::Date,
        drop: None,
    },
    Column {
        title: "Ref",
        width: Width::Reference,
        drop: None,
    },
    Column {
        title: "Kind",
        width: Width::Kind,
        drop: None,
    },
    Column {
        title: "Disc",
        width: Width::Fixed { ideal: 4, min: 4 },
        drop: None,
    },
    Column {
        title: "Closed",
        width: Width::Date,
        drop: Some(0),
    },
    Column {
        title: "Leave",
        width: Width::Fixed { ideal: 13, min: 12 },
        drop: None,
    },
];

pub fn cells(ctx: &ViewCtx, i: usize) -> Vec<String> {
    let c = &ctx.state.cases[i];
    vec![
        ctx.date(c.allocated_on),
        c.reference.clone(),
        c.kind.clone(),
        if c.discussed { "yes" } else { "NO" }.into(),
        c.closed_on.map_or_else(|| "open".into(), |d| ctx.date(d)),
        ctx.flags
            .case(c.id)
            .map(crate::report::leave_flags::CaseFlag::label)
            .unwrap_or_default(),
    ]
}

pub fn sort_key(ctx: &ViewCtx, i: usize, column: usize) -> SortKey {
    let c = &ctx.state.cases[i];
    match column {
        0 => SortKey::Date(c.allocated_on),
        4 => SortKey::Date(c.closed_on.unwrap_or(chrono::NaiveDate::MAX)),
        n => SortKey::Text(cells(ctx, i).swap_remove(n)),
    }
}

pub fn detail(ctx: &ViewCtx, i: usize) -> Vec<Line<'static>> {
    let c = &ctx.state.cases[i];
    let kind = ctx.config.kind(&c.kind).map_or_else(
        || format!("{} (no longer configured)", c.kind),
        |k| k.name.clone(),
    );
    let mut lines = vec![
        field("Reference", c.reference.clone()),
        field("In reports", ctx.pseudonyms.pseudonym(&c.reference)),
        field("Kind", kind),
        field("Allocated", ctx.date(c.allocated_on)),
        field("By", opt(&c.allocated_by)),
        field(
            "Discussed",
            if c.discussed {
                "yes"
            } else {
                "no: allocated without discussion"
            },
        ),
        field(
            "Weekly hours",
            format!(
                "{:.1}{}",
                ctx.config.weight_of(&c.kind, c.weight),
                if c.weight.is_some() {
                    ""
                } else {
                    " (the kind's)"
                }
            ),
        ),
        field(
            "Closed",
            c.closed_on.map_or_else(|| "open".into(), |d| ctx.date(d)),
        ),
    ];
    if let Some(outcome) = &c.outcome {
        lines.push(field("Outcome", outcome.clone()));
    }
    if let Some(flag) = ctx.flags.case(c.id) {
        let text = match flag {
            crate::report::leave_flags::CaseFlag::DuringLeave => {
                "allocated during your leave".to_string()
            }
            crate::report::leave_flags::CaseFlag::BeforeLeave(n) => {
                format!("allocated {n} working day(s) before your leave")
            }
        };
        lines.push(field("Leave", text));
    }
    if let Some(note) = &c.note {
        lines.push(field("Note", note.clone()));
    }
    let deadlines: Vec<_> = ctx
        .state
        .deadlines
        .iter()
        .filter(|d| d.case.as_deref() == Some(c.reference.as_str()))
        .collect();
    if !deadlines.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from("Deadlines:"));
        for d in deadlines {
            let status = d
                .met_on
                .map_or_else(|| "open".to_string(), |m| format!("met {}", ctx.date(m)));
            lines.push(Line::from(format!(
                "  {}  {}  ({status})",
                ctx.date(d.due),
                d.what
            )));
        }
    }
    lines.push(Line::from(""));
    lines.push(record_line(c.id, c.amended));
    lines
}
