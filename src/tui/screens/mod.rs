//! Drawing. `impl Widget for &App` lays out the tabs, an optional read-only banner, the
//! current screen and the status bar, then any overlay. Drawing never changes the App.

mod dashboard;
mod help;
pub mod import;
mod report;
pub(crate) mod share;
pub mod table;

use super::action::{Action, ScreenId};
use super::app::{App, Confirm, Overlay};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub const MIN_WIDTH: u16 = 80;

/// Whether a terminal of `(width, height)` is below the minimum the screens are drawn for.
pub fn too_small((width, height): (u16, u16)) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}
pub const MIN_HEIGHT: u16 = 24;

/// The area between the tabs and banner above and the status bar below.
pub fn body_area(size: (u16, u16)) -> Rect {
    let area = Rect::new(0, 0, size.0, size.1);
    let [_, _, body, _] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    body
}

/// Rows of a record table that fit at this terminal size: everything but the tabs, status
/// bar, banner, filter line, table borders and header.
pub fn table_rows(size: (u16, u16)) -> usize {
    usize::from(size.1).saturating_sub(2 + 1 + 1 + 3).max(1)
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme.base);
        if too_small((area.width, area.height)) {
            let then = if self.overlay == Overlay::None {
                "Make the window larger, or press q to quit."
            } else {
                "Make the window larger to go on: what you typed is kept, and keys wait until then."
            };
            let text = format!(
                "caseload needs a terminal of at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {}×{}. {then}",
                area.width, area.height
            );
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let [tabs, banner, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        render_tabs(self, tabs, buf);
        render_banner(self, banner, buf);
        match self.screen {
            ScreenId::Dashboard => dashboard::render(self, body, buf),
            ScreenId::Report => report::render(self, body, buf),
            _ => table::render(self, body, buf),
        }
        render_status(self, status, buf);
        match &self.overlay {
            Overlay::None => {}
            Overlay::Help => help::render(self, area, buf),
            Overlay::Confirm(confirm) => render_confirm(self, confirm, area, buf),
            Overlay::Form(open) => render_form(self, open.form(), RECORD_FOOTER, area, buf),
            Overlay::ReportForm(form) => render_form(self, form, REPORT_FOOTER, area, buf),
            Overlay::Import(dialog) => import::render(self, dialog, area, buf),
            Overlay::SharePreview(preview) => share::render(self, preview, area, buf),
        }
    }
}

/// A form in a box over the screen, as tall as it needs (scrolling beyond the window).
const RECORD_FOOTER: &str = "Tab/Shift-Tab or ↑/↓ move · Enter saves · Esc cancels";
/// The Report form writes a file; nothing is saved in the journal.
const REPORT_FOOTER: &str = "Tab/Shift-Tab or ↑/↓ move · Enter writes the report · Esc cancels";

fn render_form(
    app: &App,
    form: &dyn crate::tui::forms::AnyForm,
    footer: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    let width = area.width.saturating_sub(6).min(90);
    let height = form
        .height(width, footer)
        .min(area.height.saturating_sub(2));
    form.render(centered(area, width, height), buf, &app.theme, footer);
}

/// A question in a box over the screen, answered with one key.
fn render_confirm(app: &App, confirm: &Confirm, area: Rect, buf: &mut Buffer) {
    use ratatui::widgets::{Block, Borders, Clear};
    let width = area.width.saturating_sub(8).min(72);
    let key = |k: &'static str| Span::styled(k, app.theme.accent);
    let say = |s: &'static str| Span::styled(s, app.theme.muted);
    let answers = match confirm.then {
        crate::tui::app::Pending::QuitDemo => vec![
            key("y"),
            say(" quit and delete it   "),
            key("k"),
            say(" quit and keep it   "),
            key("n"),
            say(" or "),
            key("Esc"),
            say(" stay"),
        ],
        _ => vec![
            key("y"),
            say(" yes   "),
            key("n"),
            say(" or "),
            key("Esc"),
            say(" no"),
        ],
    };
    let lines = vec![
        Line::from(confirm.question.clone()),
        Line::from(""),
        Line::from(answers),
    ];
    let text_rows =
        confirm.question.chars().count() / usize::from(width.saturating_sub(2).max(1)) + 1;
    let rect = centered(area, width, text_rows as u16 + 4);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .style(app.theme.base)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(" Confirm ", app.theme.title)),
        )
        .render(rect, buf);
}

pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

fn render_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    // Below 90 columns the name goes and the tabs close up, so that today's date (which
    // moves at midnight) still fits at 80.
    let wide = area.width >= 90;
    let mut spans = if wide {
        vec![Span::styled(" caseload ", app.theme.title)]
    } else {
        Vec::new()
    };
    for screen in ScreenId::ALL {
        let key = app.keymap.label(&Action::Show(screen));
        let label = if wide {
            format!(" {key} {} ", screen.title())
        } else {
            format!(" {key} {}", screen.title())
        };
        let style = if screen == app.screen {
            app.theme.tab_active
        } else {
            app.theme.muted
        };
        spans.push(Span::styled(label, style));
    }
    let today = crate::domain::dates::format_date(app.today, &app.config.date_format);
    let used: usize = spans.iter().map(|s| s.content.chars().count()).sum();
    if used + today.chars().count() < usize::from(area.width) {
        spans.push(Span::raw(
            " ".repeat(usize::from(area.width) - used - today.chars().count()),
        ));
        spans.push(Span::styled(today, app.theme.muted));
    }
    Line::from(spans).render(area, buf);
}

fn render_banner(app: &App, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    if let Some(damage) = app.journal.damage() {
        Paragraph::new(read_only_banner(&damage.short(), width))
            .style(app.theme.banner)
            .render(area, buf);
    } else {
        let records = app.journal.records().len();
        let records = format!(" {records} record{}", if records == 1 { "" } else { "s" });
        let intact = " · chain intact";
        let room = width.saturating_sub(records.chars().count() + intact.chars().count() + 3);
        let path = shortened_path(&app.journal.path().display().to_string(), room);
        Paragraph::new(format!("{records} · {path}{intact}"))
            .style(app.theme.muted)
            .render(area, buf);
    }
}

/// The read-only banner in the most words that fit in `width` (the whole sentence was cut
/// at 80 columns, losing where to look): every damage the journal names fits at 80.
pub fn read_only_banner(damage: &str, width: usize) -> String {
    crate::tui::wrap::fitting(
        vec![
            format!(
                " READ-ONLY: {damage}. Nothing will be written. Run `caseload verify` for details."
            ),
            format!(" READ-ONLY: {damage}. Nothing is saved; see `caseload verify`."),
            format!(" READ-ONLY: {damage}. See `caseload verify`."),
        ],
        width,
    )
}

/// A path in at most `room` characters: its end (the journal's own name and folder) kept,
/// the beginning given way to an ellipsis.
fn shortened_path(path: &str, room: usize) -> String {
    let chars: Vec<char> = path.chars().collect();
    if chars.len() <= room {
        return path.to_string();
    }
    let keep = room.saturating_sub(1);
    let tail: String = chars[chars.len() - keep..].iter().collect();
    format!("…{tail}")
}

/// The hints for the current screen, generated from the live key map.
pub fn hints(app: &App) -> Vec<(String, &'static str)> {
    let key = |a: Action| app.keymap.label(&a);
    let mut hints = Vec::new();
    match app.screen {
        ScreenId::Dashboard => {
            hints.push((key(Action::Add), "add case"));
            let timer = if app.timer.is_some() {
                "stop timer"
            } else {
                "start timer"
            };
            hints.push((key(Action::Timer), timer));
        }
        ScreenId::Report => hints.push(("Enter".to_string(), "choose and write")),
        screen => {
            hints.push((key(Action::Add), "add"));
            hints.push((key(Action::Edit), "edit"));
            hints.push((key(Action::Withdraw), "withdraw"));
            if screen != ScreenId::Diary {
                hints.push((key(Action::Import), "import"));
            }
            if screen == ScreenId::Cases {
                hints.push((key(Action::CloseCase), "close"));
            }
            if screen == ScreenId::Deadlines {
                hints.push((key(Action::MarkMet), "met"));
                hints.push((key(Action::Extend), "extend"));
            }
            if screen == ScreenId::Hours {
                let timer = if app.timer.is_some() {
                    "stop timer"
                } else {
                    "start timer"
                };
                hints.push((key(Action::Timer), timer));
            }
            hints.push((key(Action::Filter), "filter"));
            hints.push((key(Action::Sort), "sort"));
        }
    }
    hints.push((key(Action::Help), "help"));
    hints.push((key(Action::Quit), "quit"));
    hints
}

/// The status bar: the last message, else the keys of this screen. A message longer than
/// the bar wraps upwards over the bottom of the screen (until the next key clears it),
/// rather than losing its end: a damaged journal's reason was cut at 80 columns.
fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    if let Some((message, error)) = &app.status {
        let (mark, style) = if *error {
            (" ✗ ", app.theme.error)
        } else {
            (" ", app.theme.accent)
        };
        let indent = " ".repeat(mark.chars().count());
        let width = usize::from(area.width).saturating_sub(indent.len() + 1);
        let lines: Vec<Line> = crate::tui::wrap::wrap(message, width)
            .into_iter()
            .enumerate()
            .map(|(n, text)| {
                let lead = if n == 0 { mark } else { indent.as_str() };
                Line::from(Span::styled(format!("{lead}{text}"), style))
            })
            .collect();
        let rows = u16::try_from(lines.len())
            .unwrap_or(u16::MAX)
            .min(area.y + 1);
        let rect = Rect::new(area.x, area.y + 1 - rows, area.width, rows);
        ratatui::widgets::Clear.render(rect, buf);
        Paragraph::new(lines)
            .style(app.theme.base)
            .render(rect, buf);
        return;
    }
    let mut spans = vec![Span::raw(" ")];
    let mut hints = hints(app);
    // Too many for the width: filter and sort (just before help and quit) go first.
    let width = |h: &[(String, &str)]| -> usize {
        h.iter()
            .map(|(k, w)| k.chars().count() + w.chars().count() + 3)
            .sum()
    };
    while width(&hints) > usize::from(area.width) && hints.len() > 3 {
        hints.remove(hints.len() - 3);
    }
    for (k, what) in hints {
        spans.push(Span::styled(k, app.theme.accent));
        spans.push(Span::styled(format!(" {what}  "), app.theme.muted));
    }
    Line::from(spans).render(area, buf);
}
