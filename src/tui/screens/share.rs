//! The share preview over the Report screen: where it goes, exactly what it holds (every
//! figure, then every week), and the keys. It scrolls when the window is too small for it.

use super::centered;
use crate::tui::app::App;
use crate::tui::report_screen::SharePreview;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

/// The preview's box in a window of `area`.
fn frame(area: Rect) -> Rect {
    centered(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
    )
}

/// `text` wrapped to `width` columns ([`crate::tui::wrap::wrap`]), its label (the text up to
/// the first ": ") in `label_style`, the rest in `style`. Wrapped here, not by the paragraph,
/// so that the number of lines, and so the scroll's end, is known.
fn wrap(
    text: &str,
    (label_style, style): (Style, Style),
    width: usize,
    out: &mut Vec<Line<'static>>,
) {
    let mut label = text.find(": ").map_or(0, |i| text[..i].chars().count() + 2);
    for piece in crate::tui::wrap::wrap(text, width) {
        // The label may itself wrap: each line takes what is left of it.
        let cut = piece
            .char_indices()
            .map(|(i, _)| i)
            .chain([piece.len()])
            .nth(label.min(piece.chars().count()))
            .unwrap_or(piece.len());
        label = label.saturating_sub(piece.chars().count() + 1);
        let (head, rest) = piece.split_at(cut);
        out.push(Line::from(vec![
            Span::styled(head.to_string(), label_style),
            Span::styled(rest.to_string(), style),
        ]));
    }
}

/// The preview's lines at `width` columns: where it goes, what it holds, then its weeks.
fn lines<'a>(
    theme: &Theme,
    preview: &'a SharePreview,
    head: &'a str,
    width: usize,
) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    wrap(head, (theme.accent, theme.accent), width, &mut out);
    out.push(Line::from(""));
    for (i, text) in preview.lines.iter().enumerate() {
        // The first line names the share; its "Share ..." has no label to pick out.
        let label = if i == 0 { theme.base } else { theme.accent };
        wrap(text, (label, theme.base), width, &mut out);
    }
    out.push(Line::from(""));
    out.push(Line::from(Span::styled(
        "Each week (ISO week: open cases and capacity % at its end, hours logged in it):",
        theme.accent,
    )));
    for week in &preview.weeks {
        wrap(week, (theme.accent, theme.base), width, &mut out);
    }
    out
}

fn head(preview: &SharePreview) -> String {
    format!(
        "Write this share for your union rep to {}? It is JSON (caseload.share/1) whatever the format chosen, and holds exactly this:",
        crate::tui::shown_path(&preview.path)
    )
}

/// How far the preview can scroll in a window of `size` (columns, rows).
pub(crate) fn max_scroll(theme: &Theme, preview: &SharePreview, size: (u16, u16)) -> u16 {
    let inner = Block::default()
        .borders(Borders::ALL)
        .inner(frame(Rect::new(0, 0, size.0, size.1)));
    let head = head(preview);
    let total = lines(theme, preview, &head, usize::from(inner.width.max(1))).len();
    u16::try_from(total)
        .unwrap_or(u16::MAX)
        .saturating_sub(inner.height)
}

pub fn render(app: &App, preview: &SharePreview, area: Rect, buf: &mut Buffer) {
    let rect = frame(area);
    Clear.render(rect, buf);
    let key = |k: &'static str| Span::styled(k, app.theme.accent);
    let say = |s: &'static str| Span::styled(s, app.theme.muted);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(" Share for your union rep ", app.theme.title))
        .title_bottom(Line::from(vec![
            say(" "),
            key("y"),
            say(" write it   "),
            key("n"),
            say(" or "),
            key("Esc"),
            say(" go back   "),
            key("↑/↓ PgUp/PgDn"),
            say(" scroll "),
        ]))
        .style(app.theme.base);
    let inner = block.inner(rect);
    let head = head(preview);
    let lines = lines(&app.theme, preview, &head, usize::from(inner.width.max(1)));
    let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let scroll = preview.scroll.min(total.saturating_sub(inner.height));
    // Where the window is in the whole, so that nothing below the fold goes unseen.
    let last = total.min(scroll.saturating_add(inner.height));
    let block = block.title(
        Line::from(Span::styled(
            format!(" lines {}-{last} of {total} ", scroll + 1),
            app.theme.muted,
        ))
        .right_aligned(),
    );
    block.render(rect, buf);
    Paragraph::new(lines).scroll((scroll, 0)).render(inner, buf);
}
