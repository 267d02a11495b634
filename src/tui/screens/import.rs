//! The import overlay: its form, or the dry run of the file as a scrollable table, one line
//! per row to import, and each row refused (highlighted) or already in the journal with its
//! row number and the reason, wrapped. The same layout answers how far the preview scrolls.

use super::centered;
use crate::import::preview::Status;
use crate::tui::app::{App, ImportDialog, ImportPreview};
use crate::tui::wrap::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

const FORM_FOOTER: &str =
    "Tab/Shift-Tab or ↑/↓ move · Enter reads the file and shows what it would import · Esc cancels";

/// Where the preview goes in a terminal of `size`.
fn preview_rect(size: Rect) -> Rect {
    centered(
        size,
        size.width.saturating_sub(4).min(140),
        size.height.saturating_sub(2),
    )
}

/// How a line below the table is shown.
#[derive(Clone, Copy)]
enum Tone {
    Plain,
    Error,
    Muted,
}

/// One line of the preview's body, and how it is shown.
struct BodyLine {
    text: String,
    status: Status,
}

/// The preview laid out for an inner area `width` × `height`.
struct Laid {
    top: Vec<String>,
    header: String,
    body: Vec<BodyLine>,
    /// The first body line of each row of the file.
    starts: Vec<usize>,
    bottom: Vec<(String, Tone)>,
    body_height: usize,
}

fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        format!("{text:<width$}")
    } else if width == 0 {
        String::new()
    } else {
        let kept: String = text.chars().take(width - 1).collect();
        format!("{kept}…")
    }
}

/// Columns as wide as their widest cell, fitted: a note gives way first (to 12), then the
/// widest column; dates, references and kinds are never cut (the line's end is, if it must
/// be).
fn widths(p: &ImportPreview, available: usize) -> (Vec<usize>, usize) {
    let header: Vec<&str> = p.shown.header.iter().map(|h| short(h)).collect();
    // A column no row fills (a field the file has no column for) is left out.
    let mut ideal = vec![0; header.len()];
    for row in p.shown.rows.iter().filter(|r| r.status == Status::New) {
        for (w, cell) in ideal.iter_mut().zip(&row.cells) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for (w, h) in ideal.iter_mut().zip(&header) {
        if *w > 0 {
            *w = (*w).max(h.chars().count());
        }
    }
    let keep_whole = |h: &str| {
        matches!(
            h,
            "REF"
                | "CASE"
                | "KIND"
                | "ALLOCATED"
                | "CLOSED"
                | "DUE"
                | "MET"
                | "FROM"
                | "TO"
                | "DATE"
        )
    };
    let min: Vec<usize> = header
        .iter()
        .zip(&ideal)
        .map(|(h, w)| {
            if keep_whole(h) || *w == 0 {
                *w
            } else {
                h.chars().count().clamp(3, (*w).max(3))
            }
        })
        .collect();
    // Two spaces between columns, one when that is what makes them fit.
    let columns = ideal.iter().filter(|w| **w > 0).count();
    // (A note is counted at the 12 it may narrow to.)
    let narrowest: usize = header
        .iter()
        .zip(&ideal)
        .map(|(h, w)| if *h == "NOTE" { (*w).min(12) } else { *w })
        .sum();
    let gap = if narrowest + 2 * columns > available {
        1
    } else {
        2
    };
    let gaps = gap * columns;
    let mut shown = ideal.clone();
    let over = |shown: &[usize]| shown.iter().sum::<usize>() + gaps > available;
    if let Some(note) = header.iter().position(|h| *h == "NOTE") {
        while over(&shown) && shown[note] > min[note].max(12) {
            shown[note] -= 1;
        }
    }
    while over(&shown) {
        let widest = (0..shown.len())
            .filter(|i| shown[*i] > min[*i])
            .max_by_key(|i| (shown[*i], std::cmp::Reverse(*i)));
        match widest {
            Some(i) => shown[i] -= 1,
            None => break,
        }
    }
    (shown, gap)
}

/// The preview's headers as the UI shows them, shorter where the command line has room.
fn short(header: &str) -> &str {
    match header {
        "DISCUSSED" => "DISC",
        "HOURS/WK" => "HRS/WK",
        other => other,
    }
}

fn lay_out(p: &ImportPreview, width: usize, height: usize) -> Laid {
    let unit = if p.plan.unit == "line" { "LINE" } else { "ROW" };
    let number_w = p
        .shown
        .rows
        .iter()
        .map(|r| r.row.to_string().len())
        .max()
        .unwrap_or(0)
        .max(unit.len());
    let (widths, gap) = widths(p, width.saturating_sub(number_w));
    let gap = " ".repeat(gap);
    let line_of = |number: &str, cells: &[String]| {
        let mut line = format!("{number:<number_w$}");
        for (cell, w) in cells.iter().zip(&widths).filter(|(_, w)| **w > 0) {
            line.push_str(&gap);
            line.push_str(&cut(cell, *w));
        }
        cut(line.trim_end(), width)
    };
    let header: Vec<String> = p
        .shown
        .header
        .iter()
        .map(|h| short(h).to_string())
        .collect();
    // What was read, in at most three lines; what was not read always whole.
    let mut top = wrap(&p.columns, width);
    if top.len() > 3 {
        top.truncate(3);
        let last = top.pop().unwrap_or_default();
        top.push(cut(&format!("{last} …"), width));
    }
    if !p.plan.unread.is_empty() {
        let unread: Vec<String> = p.plan.unread.iter().map(|h| format!("`{h}`")).collect();
        top.extend(wrap(
            &format!("Not read (never looked at): {}", unread.join(", ")),
            width,
        ));
    }
    let mut body = Vec::new();
    let mut starts = Vec::with_capacity(p.shown.rows.len());
    let reason_w = width.saturating_sub(number_w + gap.len()).max(10);
    for row in &p.shown.rows {
        starts.push(body.len());
        let number = row.row.to_string();
        match row.status {
            Status::New => body.push(BodyLine {
                text: line_of(&number, &row.cells),
                status: Status::New,
            }),
            status => {
                let reason = row.reason.as_deref().unwrap_or("");
                let said = if status == Status::Refused {
                    format!("✗ refused: {reason}")
                } else {
                    format!("already in the journal, skipped: {reason}")
                };
                for (i, part) in wrap(&said, reason_w).into_iter().enumerate() {
                    let lead = if i == 0 { number.as_str() } else { "" };
                    body.push(BodyLine {
                        text: format!("{lead:<number_w$}{gap}{part}"),
                        status,
                    });
                }
            }
        }
    }
    let mut bottom = vec![(String::new(), Tone::Plain)];
    let summary = wrap(&p.summary, width);
    bottom.extend(summary.into_iter().map(|l| (l, Tone::Plain)));
    let refused = p.plan.refused();
    if let Some(e) = &p.error {
        for l in wrap(&format!("✗ {e}"), width) {
            bottom.push((l, Tone::Error));
        }
    }
    let keys = if refused > 0 {
        "↑/↓ PgUp/PgDn scroll · Tab next refused row · Esc back to the file".to_string()
    } else if p.plan.records() == 0 {
        "Nothing to import: everything is already in the journal · Enter or Esc closes".to_string()
    } else {
        format!(
            "Enter imports {} · ↑/↓ PgUp/PgDn scroll · Esc back: nothing is written",
            if p.plan.records() == 1 {
                "this record".to_string()
            } else {
                format!("these {} records", p.plan.records())
            }
        )
    };
    bottom.extend(wrap(&keys, width).into_iter().map(|l| (l, Tone::Muted)));
    // The top lines, a blank, the header: the rest is the body, above the bottom lines.
    let body_height = height.saturating_sub(top.len() + 2 + bottom.len()).max(1);
    Laid {
        top,
        header: line_of(unit, &header),
        body,
        starts,
        bottom,
        body_height,
    }
}

fn inner_size(size: (u16, u16)) -> (usize, usize) {
    let rect = preview_rect(Rect::new(0, 0, size.0, size.1));
    (
        usize::from(rect.width.saturating_sub(2)),
        usize::from(rect.height.saturating_sub(2)),
    )
}

/// Lines of the preview's body, and how many are shown at once, at this terminal size.
pub fn preview_rows(p: &ImportPreview, size: (u16, u16)) -> (usize, usize) {
    let (w, h) = inner_size(size);
    let laid = lay_out(p, w, h);
    (laid.body.len(), laid.body_height)
}

/// The first body line of each row, at this terminal size (for jumping to a refusal).
pub fn row_starts(p: &ImportPreview, size: (u16, u16)) -> Vec<usize> {
    let (w, h) = inner_size(size);
    lay_out(p, w, h).starts
}

pub fn render(app: &App, dialog: &ImportDialog, area: Rect, buf: &mut Buffer) {
    let Some(p) = &dialog.preview else {
        let width = area.width.saturating_sub(6).min(100);
        let height = dialog
            .form
            .height(width, FORM_FOOTER)
            .min(area.height.saturating_sub(2));
        dialog
            .form
            .render(centered(area, width, height), buf, &app.theme, FORM_FOOTER);
        return;
    };
    let rect = preview_rect(area);
    Clear.render(rect, buf);
    let title = format!(
        " Import {} from {}: a dry run, nothing written yet ",
        dialog.target.noun(),
        p.table.file
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(
            format!(
                "{} ",
                cut(&title, usize::from(rect.width.saturating_sub(4))).trim_end()
            ),
            app.theme.title,
        ))
        .style(app.theme.base);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let laid = lay_out(p, usize::from(inner.width), usize::from(inner.height));
    let total = laid.body.len();
    let scroll = p.scroll.min(total.saturating_sub(laid.body_height));
    let mut lines: Vec<Line> = laid
        .top
        .iter()
        .map(|l| Line::from(Span::styled(l.clone(), app.theme.muted)))
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        laid.header.clone(),
        app.theme.title,
    )));
    let shown = laid.body.iter().skip(scroll).take(laid.body_height);
    let mut count = 0;
    for line in shown {
        let style = match line.status {
            Status::New => app.theme.base,
            Status::Known => app.theme.muted,
            Status::Refused => app.theme.error.add_modifier(Modifier::REVERSED),
        };
        lines.push(Line::from(Span::styled(
            format!("{:<w$}", line.text, w = usize::from(inner.width)),
            style,
        )));
        count += 1;
    }
    for _ in count..laid.body_height {
        lines.push(Line::from(""));
    }
    let position = if total > laid.body_height {
        format!(
            "lines {}–{} of {total}",
            scroll + 1,
            (scroll + laid.body_height).min(total)
        )
    } else {
        String::new()
    };
    for (i, (text, tone)) in laid.bottom.iter().enumerate() {
        let style = match tone {
            Tone::Plain => app.theme.base,
            Tone::Error => app.theme.error,
            Tone::Muted => app.theme.muted,
        };
        if i == 0 && !position.is_empty() {
            let pad = usize::from(inner.width).saturating_sub(position.chars().count());
            lines.push(Line::from(Span::styled(
                format!("{:>w$}", position, w = pad + position.chars().count()),
                app.theme.muted,
            )));
            continue;
        }
        lines.push(Line::from(Span::styled(text.clone(), style)));
    }
    Paragraph::new(lines).render(inner, buf);
}
