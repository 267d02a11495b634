//! Turns a key press into an Action, according to what has the keyboard: a form, the filter
//! line, a question, the help overlay, or the screens (through the configurable key map).

use super::action::Action;
use super::app::{App, Overlay};
use super::editor::TextEdit;
use super::keymap::Key;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn action_for(app: &App, event: KeyEvent) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && event.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    if super::screens::too_small(app.size) {
        // The screen shows only the size message: a key must not type into a form the user
        // cannot see (a `q` pressed "to quit" went into a half-typed note). `q` quits only
        // when nothing is open to lose.
        return (app.overlay == Overlay::None && event.code == KeyCode::Char('q'))
            .then_some(Action::Quit);
    }
    if let Overlay::Import(dialog) = &app.overlay {
        return super::app::import_keys(dialog, event);
    }
    let editing = matches!(app.overlay, Overlay::Form(..) | Overlay::ReportForm(_));
    let filtering = app.overlay == Overlay::None && app.table().is_some_and(|t| t.filtering);
    if editing || filtering {
        return editing_action(event);
    }
    if let Overlay::SharePreview(_) = app.overlay {
        return match event.code {
            KeyCode::Esc => Some(Action::Cancel),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down => Some(Action::Down),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::PageDown => Some(Action::PageDown),
            KeyCode::Char(c) if !ctrl => Some(Action::Type(c)),
            _ => None,
        };
    }
    if let Overlay::Confirm(_) = app.overlay {
        return match event.code {
            KeyCode::Esc => Some(Action::Cancel),
            KeyCode::Char(c) if !ctrl => Some(Action::Type(c)),
            _ => None,
        };
    }
    match event.code {
        KeyCode::Esc => Some(Action::Cancel),
        KeyCode::Enter => Some(Action::Submit),
        _ => app.keymap.action(Key::from_event(event)),
    }
}

/// The keys of a text field, as readline and most text boxes have them (not rebindable).
pub fn editing_action(event: KeyEvent) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    let text = |edit| Some(Action::Text(edit));
    match event.code {
        KeyCode::Tab => Some(Action::NextField),
        KeyCode::BackTab => Some(Action::PrevField),
        KeyCode::Enter if alt || event.modifiers.contains(KeyModifiers::SHIFT) => {
            text(TextEdit::NewLine)
        }
        KeyCode::Enter => Some(Action::Submit),
        KeyCode::Esc => Some(Action::Cancel),
        KeyCode::Backspace if alt || ctrl => text(TextEdit::DeleteWordBefore),
        KeyCode::Backspace => Some(Action::Backspace),
        KeyCode::Delete if alt || ctrl => text(TextEdit::DeleteWordAfter),
        KeyCode::Delete => text(TextEdit::Delete),
        KeyCode::Left if ctrl || alt => text(TextEdit::WordLeft),
        KeyCode::Right if ctrl || alt => text(TextEdit::WordRight),
        KeyCode::Left => Some(Action::Left),
        KeyCode::Right => Some(Action::Right),
        KeyCode::Up => Some(Action::Up),
        KeyCode::Down => Some(Action::Down),
        KeyCode::Home => text(TextEdit::Home),
        KeyCode::End => text(TextEdit::End),
        KeyCode::Char(c) if ctrl => match c.to_ascii_lowercase() {
            'a' => text(TextEdit::Home),
            'e' => text(TextEdit::End),
            'b' => Some(Action::Left),
            'f' => Some(Action::Right),
            'h' => Some(Action::Backspace),
            'd' => text(TextEdit::Delete),
            'u' => text(TextEdit::DeleteToStart),
            'k' => text(TextEdit::DeleteToEnd),
            'w' => text(TextEdit::DeleteWordBefore),
            'j' => text(TextEdit::NewLine),
            'z' => text(TextEdit::Undo),
            'y' => text(TextEdit::Redo),
            'o' => Some(Action::OpenEditor),
            _ => None,
        },
        KeyCode::Char(c) if alt => match c.to_ascii_lowercase() {
            'b' => text(TextEdit::WordLeft),
            'f' => text(TextEdit::WordRight),
            'd' => text(TextEdit::DeleteWordAfter),
            _ => None,
        },
        KeyCode::Char(c) => Some(Action::Type(c)),
        _ => None,
    }
}
