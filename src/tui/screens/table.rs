//! A record screen: the filter line, the table (only visible rows are built) and the detail
//! pane for the selected row.

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::records::{RecordKind, TableState};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Widget};

/// The filter line, the table and the detail pane of a record screen's area.
fn areas(area: Rect) -> (Rect, Rect, Rect) {
    let [filter, main] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    // Below 100 columns the detail pane takes a little more, so that a label and a
    // reference share a line (24 columns inside at 80), and no more, so that the cases'
    // longest preset kind (`enforcement`) stays whole beside the leave flag.
    let detail_share = if area.width < 100 { 32 } else { 30 };
    let [list, detail] = Layout::horizontal([
        Constraint::Percentage(100 - detail_share),
        Constraint::Percentage(detail_share),
    ])
    .areas(main);
    (filter, list, detail)
}

/// The detail pane's text for the selected row, wrapped to the pane, and how many rows it
/// shows, at the App's terminal size (the App scrolls it with this).
pub fn detail_rows(app: &App) -> (Vec<String>, usize) {
    let body = crate::tui::screens::body_area(app.size);
    let (_, _, detail) = areas(body);
    let inner = Block::default().borders(Borders::ALL).inner(detail);
    let width = usize::from(inner.width);
    let wrapped = detail_lines(app)
        .iter()
        .flat_map(|l| wrap_detail_line(l, width))
        .collect();
    (wrapped, usize::from(inner.height))
}

/// A label and its value wrap with the value's lines under the value, so that a long value
/// ("Work to first hearing") never starts a line where the labels are; other lines wrap
/// as they are.
fn wrap_detail_line(line: &Line, width: usize) -> Vec<String> {
    use crate::tui::records::LABEL_WIDTH;
    use crate::tui::wrap::wrap;
    match line.spans.as_slice() {
        [label, value]
            if label.content.chars().count() == LABEL_WIDTH && width >= LABEL_WIDTH + 10 =>
        {
            let indent = " ".repeat(LABEL_WIDTH);
            wrap(&value.content, width - LABEL_WIDTH)
                .into_iter()
                .enumerate()
                .map(|(n, part)| {
                    let head = if n == 0 {
                        label.content.as_ref()
                    } else {
                        &indent
                    };
                    format!("{head}{part}").trim_end().to_string()
                })
                .collect()
        }
        spans => {
            let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
            wrap(&text, width)
        }
    }
}

fn detail_lines(app: &App) -> Vec<Line<'static>> {
    let Some(t) = app.table() else {
        return Vec::new();
    };
    let ctx = app.view_ctx();
    match t.selected_row() {
        Some(row) => {
            let mut lines = t.kind.detail(&ctx, row);
            // Where an imported record came from (the record that made it, not an amendment).
            let id = t.kind.id(ctx.state, row);
            let imported = id
                .checked_sub(1)
                .and_then(|i| app.journal.records().get(i as usize))
                .and_then(|r| r.event.imported());
            if let Some(from) = imported {
                let sheet = from
                    .sheet
                    .as_ref()
                    .map_or(String::new(), |s| format!(", sheet {s}"));
                lines.push(crate::tui::records::field(
                    "Imported",
                    format!("{}{sheet}, row {}", from.file, from.row),
                ));
            }
            lines
        }
        None if t.kind.len(ctx.state) == 0 => vec![Line::from(format!(
            "Nothing recorded yet. Press {} to add.",
            app.keymap.label(&Action::Add)
        ))],
        None => vec![Line::from("No rows match the filter.")],
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(t) = app.table() else { return };
    let (filter, list, detail) = areas(area);
    render_filter_line(app, t, filter, buf);
    render_list(app, t, list, buf);
    render_detail(app, t, detail, buf);
}

/// The filter being typed (and how many rows it leaves), or else the count and the sort.
fn render_filter_line(app: &App, t: &TableState, filter: Rect, buf: &mut Buffer) {
    let total = t.kind.len(app.view_ctx().state);
    if t.filtering || !t.filter.is_empty() {
        let label = " Filter: ";
        let count = format!("   {} of {total} shown", t.order.len());
        let label_w = label.chars().count() as u16;
        let count_w = count.chars().count() as u16;
        Span::styled(label, app.theme.accent).render(filter, buf);
        let input_w = filter.width.saturating_sub(label_w + count_w).min(40);
        t.filter.render(
            Rect::new(filter.x + label_w, filter.y, input_w, 1),
            buf,
            t.filtering,
        );
        Span::styled(count, app.theme.muted).render(
            Rect::new(filter.x + label_w + input_w, filter.y, count_w, 1),
            buf,
        );
    } else {
        let columns = t.kind.columns();
        let dir = if t.ascending { "↑" } else { "↓" };
        Line::from(Span::styled(
            format!(
                " {total} record{} · sorted by {} {dir} · {} to filter",
                if total == 1 { "" } else { "s" },
                columns[t.sort_column].title,
                app.keymap.label(&Action::Filter)
            ),
            app.theme.muted,
        ))
        .render(filter, buf);
    }
}

/// The table of visible rows, with the columns that fit the width.
fn render_list(app: &App, t: &TableState, list: Rect, buf: &mut Buffer) {
    let ctx = app.view_ctx();
    let columns = t.kind.columns();
    // Widths worked out here, the same every run (see records::widths).
    let inner = Block::default().borders(Borders::ALL).inner(list);
    let specs: Vec<_> = columns.iter().map(|c| (c.width, c.drop)).collect();
    let widths = crate::tui::records::widths(
        &specs,
        inner.width,
        ctx.date_width(),
        t.kind.reference_width(ctx.state),
        t.kind.kind_width(ctx.state),
    );
    let shown: Vec<usize> = (0..columns.len())
        .filter(|i| widths[*i].is_some())
        .collect();
    let header = Row::new(shown.iter().map(|&i| {
        let arrow = if i == t.sort_column {
            if t.ascending { " ↑" } else { " ↓" }
        } else {
            ""
        };
        Cell::from(format!("{}{arrow}", columns[i].title))
    }))
    .style(app.theme.title);
    let height = crate::tui::screens::table_rows(app.size);
    let end = (t.offset + height).min(t.order.len());
    let rows = t.order[t.offset.min(end)..end]
        .iter()
        .enumerate()
        .map(|(n, row)| {
            let cells = t.kind.cells(&ctx, *row);
            let style = row_style(app, t, t.offset + n == t.selected, &cells);
            Row::new(
                shown
                    .iter()
                    .map(|&i| cut_visibly(&cells[i], widths[i].unwrap_or(0))),
            )
            .style(style)
        });
    let title = format!(" {} ", app.screen.title());
    Table::new(
        rows,
        shown
            .iter()
            .map(|&i| Constraint::Length(widths[i].unwrap_or(0))),
    )
    .header(header)
    .block(
        Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(title, app.theme.title)),
    )
    .column_spacing(1)
    .render(list, buf);
}

/// A cell's text in `width` columns: whole when it fits, else cut with an ellipsis, so
/// that a cut never passes for the whole (the detail pane shows it whole).
fn cut_visibly(text: &str, width: u16) -> String {
    let width = usize::from(width);
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// The selected row stands out; a row flagged for leave or a missed deadline is a warning.
fn row_style(app: &App, t: &TableState, selected: bool, cells: &[String]) -> Style {
    // The leave flag is the last cell: a flagged row stands out even when its column has no
    // room.
    let flagged = cells.last().is_some_and(|c| !c.is_empty())
        && matches!(t.kind, RecordKind::Cases | RecordKind::Deadlines);
    if selected {
        app.theme.selected
    } else if flagged || cells.iter().any(|c| c.starts_with("MISSED")) {
        app.theme.warn
    } else {
        app.theme.base
    }
}

/// The selected row's detail, scrolled, with a title that says which way there is more.
fn render_detail(app: &App, t: &TableState, detail: Rect, buf: &mut Buffer) {
    let (rows, height) = detail_rows(app);
    let scroll = t.detail_scroll.min(rows.len().saturating_sub(height));
    let more_below = rows.len() > scroll + height;
    let title = match (scroll > 0, more_below) {
        (false, false) => " Detail ".to_string(),
        (_, true) => format!(
            " Detail ↓ {}/{} ",
            app.keymap.label(&Action::DetailDown),
            app.keymap.label(&Action::DetailUp)
        ),
        (true, false) => format!(" Detail ↑ {} ", app.keymap.label(&Action::DetailUp)),
    };
    let lines: Vec<Line> = rows.into_iter().skip(scroll).map(Line::from).collect();
    Paragraph::new(lines)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(title, app.theme.title)),
        )
        .render(detail, buf);
}
