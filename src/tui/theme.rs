//! Colours for the dark and light themes; with NO_COLOR, emphasis only.

use crate::config::Theme as ThemeName;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub base: Style,
    pub title: Style,
    pub muted: Style,
    pub accent: Style,
    pub good: Style,
    pub warn: Style,
    pub bad: Style,
    pub selected: Style,
    pub tab_active: Style,
    pub banner: Style,
    pub error: Style,
}

impl Theme {
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        if no_color {
            let plain = Style::default();
            return Theme {
                base: plain,
                title: plain.add_modifier(Modifier::BOLD),
                muted: plain,
                accent: plain.add_modifier(Modifier::BOLD),
                good: plain,
                warn: plain.add_modifier(Modifier::BOLD),
                bad: plain.add_modifier(Modifier::BOLD),
                selected: plain.add_modifier(Modifier::REVERSED),
                tab_active: plain.add_modifier(Modifier::REVERSED),
                banner: plain.add_modifier(Modifier::REVERSED),
                error: plain.add_modifier(Modifier::BOLD),
            };
        }
        let (fg, muted, accent, selected_bg) = match name {
            ThemeName::Dark => (Color::Gray, Color::DarkGray, Color::Cyan, Color::DarkGray),
            ThemeName::Light => (Color::Black, Color::Gray, Color::Blue, Color::Gray),
        };
        Theme {
            base: Style::default().fg(fg),
            title: Style::default().fg(accent).add_modifier(Modifier::BOLD),
            muted: Style::default().fg(muted),
            accent: Style::default().fg(accent),
            good: Style::default().fg(Color::Green),
            warn: Style::default().fg(Color::Yellow),
            bad: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            selected: Style::default()
                .bg(selected_bg)
                .add_modifier(Modifier::BOLD),
            tab_active: Style::default()
                .fg(Color::Black)
                .bg(accent)
                .add_modifier(Modifier::BOLD),
            banner: Style::default()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            error: Style::default().fg(Color::Red),
        }
    }
}
