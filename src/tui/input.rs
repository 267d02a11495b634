//! Turns a key press into an Action, according to what has the keyboard: a form, the filter
//! line, the help overlay, or the screens (through the configurable key map).

use super::action::Action;
use super::app::{App, Overlay};
use super::keymap::Key;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn action_for(app: &App, event: KeyEvent) -> Option<Action> {
    if event.modifiers.contains(KeyModifiers::CONTROL) && event.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    let editing = matches!(app.overlay, Overlay::Form(..) | Overlay::ReportForm(_));
    let filtering = app.overlay == Overlay::None && app.table().is_some_and(|t| t.filtering);
    if editing || filtering {
        return match event.code {
            KeyCode::Tab => Some(Action::NextField),
            KeyCode::BackTab => Some(Action::PrevField),
            KeyCode::Enter => Some(Action::Submit),
            KeyCode::Esc => Some(Action::Cancel),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Left => Some(Action::Left),
            KeyCode::Right => Some(Action::Right),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down => Some(Action::Down),
            KeyCode::Char(c)
                if !event
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Type(c))
            }
            _ => None,
        };
    }
    if let Overlay::Confirm(_) = app.overlay {
        return match event.code {
            KeyCode::Esc => Some(Action::Cancel),
            KeyCode::Char(c) => Some(Action::Type(c)),
            _ => None,
        };
    }
    match event.code {
        KeyCode::Esc => Some(Action::Cancel),
        KeyCode::Enter => Some(Action::Submit),
        _ => app.keymap.action(Key::from_event(event)),
    }
}
