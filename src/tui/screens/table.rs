//! A record screen: the filter line, the table (only visible rows are built) and the detail
//! pane for the selected row.

use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Widget, Wrap};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(t) = app.table() else { return };
    let ctx = app.view_ctx();
    let [filter, main] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let [list, detail] =
        Layout::horizontal([Constraint::Percentage(70), Constraint::Percentage(30)]).areas(main);

    let total = t.kind.len(ctx.state);
    let filter_line = if t.filtering || !t.filter.is_empty() {
        let cursor = if t.filtering { "▏" } else { "" };
        Line::from(vec![
            Span::styled(" Filter: ", app.theme.accent),
            Span::styled(format!("{}{cursor}", t.filter), app.theme.selected),
            Span::styled(
                format!("   {} of {total} shown", t.order.len()),
                app.theme.muted,
            ),
        ])
    } else {
        let columns = t.kind.columns();
        let dir = if t.ascending { "↑" } else { "↓" };
        Line::from(Span::styled(
            format!(
                " {total} record{} · sorted by {} {dir} · {} to filter",
                if total == 1 { "" } else { "s" },
                columns[t.sort_column].title,
                app.keymap.label(&crate::tui::action::Action::Filter)
            ),
            app.theme.muted,
        ))
    };
    filter_line.render(filter, buf);

    let columns = t.kind.columns();
    let header = Row::new(columns.iter().enumerate().map(|(i, c)| {
        let arrow = if i == t.sort_column {
            if t.ascending { " ↑" } else { " ↓" }
        } else {
            ""
        };
        Cell::from(format!("{}{arrow}", c.title))
    }))
    .style(app.theme.title);
    let height = crate::tui::screens::table_rows(app.size);
    let end = (t.offset + height).min(t.order.len());
    let rows = t.order[t.offset.min(end)..end]
        .iter()
        .enumerate()
        .map(|(n, row)| {
            let cells = t.kind.cells(&ctx, *row);
            let flagged = cells.last().is_some_and(|c| !c.is_empty())
                && matches!(
                    t.kind,
                    crate::tui::records::RecordKind::Cases
                        | crate::tui::records::RecordKind::Deadlines
                );
            let style = if t.offset + n == t.selected {
                app.theme.selected
            } else if flagged || cells.iter().any(|c| c.starts_with("MISSED")) {
                app.theme.warn
            } else {
                app.theme.base
            };
            Row::new(cells).style(style)
        });
    let title = format!(" {} ", app.screen.title());
    Table::new(rows, columns.iter().map(|c| c.width))
        .header(header)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(title, app.theme.title)),
        )
        .column_spacing(1)
        .render(list, buf);

    let lines = match t.selected_row() {
        Some(row) => t.kind.detail(&ctx, row),
        None if total == 0 => vec![Line::from(format!(
            "Nothing recorded yet. Press {} to add.",
            app.keymap.label(&crate::tui::action::Action::Add)
        ))],
        None => vec![Line::from("No rows match the filter.")],
    };
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(" Detail ", app.theme.title)),
        )
        .render(detail, buf);
}
