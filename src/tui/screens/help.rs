//! The help overlay: every key from the live key map, and the fixed keys of forms.

use super::centered;
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let bindings = app.keymap.describe();
    let height = (bindings.len().div_ceil(2) as u16 + 9).min(area.height);
    let rect = centered(area, area.width.saturating_sub(6).min(96), height);
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(
            " Keys (rebind any under [keys] in your config) ",
            app.theme.title,
        ))
        .style(app.theme.base);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let half = bindings.len().div_ceil(2);
    let col = usize::from(inner.width / 2);
    let cell = |i: usize| {
        bindings.get(i).map_or(String::new(), |(k, what)| {
            let text = format!("{k:>10}  {what}");
            format!("{text:<col$}")
        })
    };
    let mut lines: Vec<Line> = (0..half)
        .map(|i| Line::from(format!("{}{}", cell(i), cell(i + half))))
        .collect();
    lines.push(Line::from(""));
    for text in [
        "Forms: Tab/Shift-Tab move · Enter saves · Esc cancels, asking first",
        "Text: ←/→ Home/End Ctrl-A/E/U/K/W Ctrl-Z · typing replaces a value",
        "Notes: Alt-Enter or Ctrl-J new line · Ctrl-O your editor",
        "Choices: type or ←/→ · Filter: Enter keeps it, Esc clears it",
    ] {
        lines.push(Line::from(Span::styled(text, app.theme.muted)));
    }
    lines.push(Line::from(Span::styled(
        "Press ? or Esc to close this help.",
        app.theme.accent,
    )));
    Paragraph::new(lines).render(inner, buf);
}
