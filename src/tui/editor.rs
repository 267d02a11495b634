//! Text editing in a field, as fingers expect it: cursor moves by character and word,
//! Home/End, Delete, Ctrl-A/E/U/W/K, undo, and a pre-filled value selected on entry so that
//! typing replaces it. The editing itself is `ratatui-textarea`'s; this is the key vocabulary
//! (readline's, not the crate's emacs defaults, where Ctrl-U is undo) and the one-line rule.

use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// One editing step inside a text field (keys in `input.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEdit {
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
    Backspace,
    Delete,
    /// Ctrl-U: everything before the cursor on its line.
    DeleteToStart,
    /// Ctrl-K: everything after the cursor on its line.
    DeleteToEnd,
    /// Ctrl-W, Alt-Backspace: the word before the cursor.
    DeleteWordBefore,
    /// Alt-D: the word after the cursor.
    DeleteWordAfter,
    Undo,
    Redo,
    /// Alt-Enter, Ctrl-J: a line break (notes only; elsewhere nothing).
    NewLine,
}

/// A text field's contents and cursor: one line, or several (a diary note).
#[derive(Debug, Clone)]
pub struct TextInput {
    area: TextArea<'static>,
    multiline: bool,
}

impl PartialEq for TextInput {
    fn eq(&self, other: &Self) -> bool {
        self.multiline == other.multiline && self.area.lines() == other.area.lines()
    }
}

/// Turns pasted or loaded text into what a field holds: line endings of every kind become
/// `\n` in a note and spaces elsewhere; tabs become spaces; other control characters are
/// kept, to be refused with a reason when the form is read.
pub fn clean_text(text: &str, multiline: bool) -> String {
    let unified = text
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{2029}'], "\n");
    let spaced = unified.replace('\t', " ");
    if multiline {
        spaced
    } else {
        spaced.replace('\n', " ")
    }
}

impl TextInput {
    pub fn new(value: &str, multiline: bool) -> TextInput {
        let text = clean_text(value, multiline);
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut area = TextArea::new(lines);
        area.set_cursor_line_style(Style::default());
        area.set_max_histories(200);
        if multiline {
            area.set_wrap_mode(WrapMode::WordOrGlyph);
        }
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        TextInput { area, multiline }
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    /// The text, with `\n` between the lines of a note.
    pub fn value(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_empty(&self) -> bool {
        self.area.is_empty()
    }

    /// Replaces the whole text (from the editor, or a program's change), cursor at the end.
    pub fn set_value(&mut self, value: &str) {
        self.area.select_all();
        self.area.insert_str(clean_text(value, self.multiline));
    }

    /// Styles from the theme: the cursor and the selection reversed, so they show with
    /// NO_COLOR too.
    pub fn set_theme(&mut self, theme: &Theme) {
        self.area.set_style(theme.base);
        self.area
            .set_cursor_style(theme.base.add_modifier(Modifier::REVERSED));
        self.area
            .set_selection_style(theme.selected.add_modifier(Modifier::REVERSED));
    }

    /// Entering the field: a one-line value already there is selected, so typing replaces it
    /// and any move keeps it. A note is not (a key would replace paragraphs): its cursor
    /// goes to the end.
    pub fn focus(&mut self) {
        if self.area.is_empty() {
            return;
        }
        if self.multiline {
            self.focus_at_end();
        } else {
            self.area.select_all();
        }
    }

    /// Entering the field with the cursor at the end and nothing selected, whatever it holds.
    pub fn focus_at_end(&mut self) {
        self.area.cancel_selection();
        self.area.move_cursor(CursorMove::Bottom);
        self.area.move_cursor(CursorMove::End);
    }

    /// Leaving the field: the selection goes.
    pub fn blur(&mut self) {
        self.area.cancel_selection();
    }

    pub fn is_selecting(&self) -> bool {
        self.area.is_selecting()
    }

    /// The (row, column) of the cursor in the text.
    pub fn cursor(&self) -> (usize, usize) {
        let c = self.area.cursor();
        (c.0, c.1)
    }

    pub fn line_count(&self) -> usize {
        self.area.lines().len()
    }

    pub fn type_char(&mut self, c: char) {
        self.area.insert_char(c);
    }

    /// Pasted text, inserted as text (never as keys), replacing any selection.
    pub fn paste(&mut self, text: &str) {
        self.area.insert_str(clean_text(text, self.multiline));
    }

    fn moving(&mut self, m: CursorMove) {
        self.area.cancel_selection();
        self.area.move_cursor(m);
    }

    /// Applies one editing step. Returns whether anything changed.
    pub fn edit(&mut self, edit: TextEdit) -> bool {
        let a = &mut self.area;
        match edit {
            TextEdit::Left => {
                // A selection collapses to its start, as in every text box.
                if let Some((start, _)) = a.selection_range() {
                    a.cancel_selection();
                    a.move_cursor(CursorMove::Jump(start.0 as u16, start.1 as u16));
                } else {
                    a.move_cursor(CursorMove::Back);
                }
            }
            TextEdit::Right => {
                if let Some((_, end)) = a.selection_range() {
                    a.cancel_selection();
                    a.move_cursor(CursorMove::Jump(end.0 as u16, end.1 as u16));
                } else {
                    a.move_cursor(CursorMove::Forward);
                }
            }
            TextEdit::WordLeft => self.moving(CursorMove::WordBack),
            TextEdit::WordRight => self.moving(CursorMove::WordForward),
            TextEdit::Home => self.moving(CursorMove::Head),
            TextEdit::End => self.moving(CursorMove::End),
            TextEdit::Backspace => {
                // One character, even from a selected value: a field selected on entry or
                // after a refused save lost all of it to the Backspace meant for its last
                // letter. The selection collapses to its end first; typing still replaces it.
                if let Some((_, end)) = a.selection_range() {
                    a.cancel_selection();
                    a.move_cursor(CursorMove::Jump(end.0 as u16, end.1 as u16));
                }
                return a.delete_char();
            }
            TextEdit::Delete => return a.delete_next_char(),
            TextEdit::DeleteToStart => {
                if a.delete_selection_if_any() {
                    return true;
                }
                return a.delete_line_by_head();
            }
            TextEdit::DeleteToEnd => {
                if a.delete_selection_if_any() {
                    return true;
                }
                return a.delete_line_by_end();
            }
            TextEdit::DeleteWordBefore => {
                if a.delete_selection_if_any() {
                    return true;
                }
                return a.delete_word();
            }
            TextEdit::DeleteWordAfter => {
                if a.delete_selection_if_any() {
                    return true;
                }
                return a.delete_next_word();
            }
            TextEdit::Undo => return a.undo(),
            TextEdit::Redo => return a.redo(),
            TextEdit::NewLine => {
                if !self.multiline {
                    return false;
                }
                a.insert_newline();
            }
        }
        true
    }

    /// Moves the cursor a line up or down inside a note. Returns false at the first or last
    /// line (shown, after wrapping), where the key moves to the next field instead.
    pub fn line(&mut self, down: bool) -> bool {
        if !self.multiline {
            return false;
        }
        let before = self.area.screen_cursor();
        self.area.cancel_selection();
        self.area.move_cursor(if down {
            CursorMove::Down
        } else {
            CursorMove::Up
        });
        let after = self.area.screen_cursor();
        before.row != after.row
    }

    /// How many rows the text takes at `width` columns when wrapped (one for a line field).
    pub fn rows_at(&self, width: u16) -> usize {
        if !self.multiline {
            return 1;
        }
        let width = usize::from(width.max(1));
        self.area
            .lines()
            .iter()
            .map(|l| super::wrap::wrap(l, width).len().max(1))
            .sum()
    }

    /// Draws the text; the cursor is shown only when `focused`.
    pub fn render(&self, area: Rect, buf: &mut Buffer, focused: bool) {
        if focused {
            (&self.area).render(area, buf);
        } else {
            // Without the cursor cell and the selection.
            let mut unfocused = self.area.clone();
            unfocused.cancel_selection();
            unfocused.set_cursor_style(unfocused.style());
            (&unfocused).render(area, buf);
        }
    }
}

/// Deleting a selection first, for the line and word deletions (which the crate does not).
trait DeleteSelection {
    fn delete_selection_if_any(&mut self) -> bool;
}

impl DeleteSelection for TextArea<'_> {
    fn delete_selection_if_any(&mut self) -> bool {
        if self.selection_range().is_some() {
            return self.cut();
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(input: &mut TextInput, text: &str) {
        for c in text.chars() {
            input.type_char(c);
        }
    }

    #[test]
    fn backspace_on_a_selected_value_takes_its_last_character() {
        let mut t = TextInput::new("demands supprt", false);
        t.focus();
        assert!(t.is_selecting());
        assert!(t.edit(TextEdit::Backspace));
        assert_eq!(t.value(), "demands suppr");
        assert!(!t.is_selecting());
        typed(&mut t, "t");
        assert_eq!(t.value(), "demands supprt", "the letter goes on the end");
        let mut over = TextInput::new("11", false);
        over.focus();
        typed(&mut over, "7");
        assert_eq!(over.value(), "7", "typing still replaces a selected value");
    }

    #[test]
    fn a_prefilled_value_is_replaced_by_typing_after_focus() {
        let mut date = TextInput::new("22 Nov 2026", false);
        date.focus();
        typed(&mut date, "21/11/2026");
        assert_eq!(date.value(), "21/11/2026");
        let mut kept = TextInput::new("22 Nov 2026", false);
        kept.focus();
        kept.edit(TextEdit::End);
        typed(&mut kept, "!");
        assert_eq!(kept.value(), "22 Nov 2026!", "a move keeps the value");
        let mut start = TextInput::new("abc", false);
        start.focus();
        start.edit(TextEdit::Left);
        typed(&mut start, ">");
        assert_eq!(
            start.value(),
            ">abc",
            "← goes to the start of the selection"
        );
    }

    #[test]
    fn readline_keys() {
        let mut t = TextInput::new("one two three", false);
        t.edit(TextEdit::WordLeft);
        t.edit(TextEdit::DeleteToEnd);
        assert_eq!(t.value(), "one two ");
        t.edit(TextEdit::DeleteWordBefore);
        assert_eq!(t.value(), "one ");
        t.edit(TextEdit::Home);
        typed(&mut t, "x");
        t.edit(TextEdit::Delete);
        assert_eq!(t.value(), "xne ");
        t.edit(TextEdit::End);
        t.edit(TextEdit::Backspace);
        t.edit(TextEdit::DeleteToStart);
        assert_eq!(t.value(), "");
        t.edit(TextEdit::Undo);
        assert_eq!(t.value(), "xne");
        t.edit(TextEdit::Redo);
        assert_eq!(t.value(), "");
        let mut w = TextInput::new("alpha beta", false);
        w.edit(TextEdit::Home);
        w.edit(TextEdit::DeleteWordAfter);
        assert_eq!(w.value(), " beta");
    }

    #[test]
    fn line_breaks_only_in_notes_and_pastes_are_text() {
        let mut line = TextInput::new("", false);
        line.paste("two\r\nlines\tand a tab");
        assert_eq!(line.value(), "two lines and a tab");
        assert!(!line.edit(TextEdit::NewLine));
        let mut note = TextInput::new("", true);
        note.paste("first\r\nsecond");
        note.edit(TextEdit::NewLine);
        typed(&mut note, "third");
        assert_eq!(note.value(), "first\nsecond\nthird");
        assert_eq!(note.line_count(), 3);
        assert!(note.line(false), "up a line inside the note");
        assert!(note.line(false));
        assert!(
            !note.line(false),
            "at the first line the key leaves the field"
        );
        let mut focused = TextInput::new("old text", false);
        focused.focus();
        focused.paste("new");
        assert_eq!(focused.value(), "new", "a paste replaces the selection");
        let mut kept = TextInput::new("a long note", true);
        kept.focus();
        kept.paste(" and more");
        assert_eq!(
            kept.value(),
            "a long note and more",
            "a note is never selected on entry"
        );
    }
}
