//! A form: labelled fields in a natural order, Tab / Shift-Tab between them, text editing in
//! text fields, type-ahead in choice fields, and the reason for a refusal shown beside the
//! field, keeping what was typed. Fields are named by an enum per form (`F`), never by their
//! label, so a field cannot be read by a misspelt name.

mod field;

pub use field::{Field, FieldKind};

use super::action::Action;
use super::editor::TextEdit;
use super::theme::Theme;
use super::wrap::wrap;
use crate::domain::dates::{format_date, parse_date_shown};
use chrono::NaiveDate;
use field::Value;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

/// Why the form asks before it goes: Esc, or Ctrl-C (which then quits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discard {
    Close,
    Quit,
}

/// The longest paste taken into a field: five times the longest note. Beyond it a paste is
/// surely a mistake, and editing it would slow every key.
pub const PASTE_LIMIT: usize = 20_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Form<F> {
    pub title: String,
    pub fields: Vec<Field<F>>,
    pub focus: usize,
    /// A refusal that belongs to no single field (from the journal or a cross-field check).
    pub error: Option<String>,
    /// Set while the form asks whether to throw away what was typed.
    pub discarding: Option<Discard>,
    /// Whether Tab on the last field goes round to the first (not in a form whose last
    /// field is a confirmation: a key meant for it would land in the first field).
    pub wraps: bool,
}

impl<F: Copy + PartialEq + std::fmt::Debug> Form<F> {
    pub fn new(title: impl Into<String>, fields: Vec<Field<F>>) -> Form<F> {
        let mut form = Form {
            title: title.into(),
            fields,
            focus: 0,
            error: None,
            discarding: None,
            wraps: true,
        };
        if let Some(first) = form.fields.first_mut() {
            first.focus();
        }
        form
    }

    fn index(&self, id: F) -> usize {
        self.fields
            .iter()
            .position(|f| f.id == id)
            .unwrap_or_else(|| panic!("{id:?} is not a field of the form {:?}", self.title))
    }

    pub fn field(&self, id: F) -> &Field<F> {
        &self.fields[self.index(id)]
    }

    pub fn field_mut(&mut self, id: F) -> &mut Field<F> {
        let i = self.index(id);
        &mut self.fields[i]
    }

    pub fn value(&self, id: F) -> String {
        self.field(id).value()
    }

    pub fn is_on(&self, id: F) -> bool {
        self.field(id).is_on()
    }

    pub fn focused(&self) -> F {
        self.fields[self.focus].id
    }

    /// Moves the focus to a field (selecting what it holds).
    pub fn focus_on(&mut self, id: F) {
        let i = self.index(id);
        self.move_focus(i);
    }

    fn move_focus(&mut self, to: usize) {
        self.fields[self.focus].blur();
        self.focus = to;
        self.fields[to].focus();
    }

    /// Marks a field as refused, with the reason, and moves the focus to the first one refused.
    pub fn refuse(&mut self, id: F, reason: impl Into<String>) {
        let i = self.index(id);
        self.fields[i].error = Some(reason.into());
        if self.fields[..i].iter().all(|f| f.error.is_none()) && self.focus != i {
            self.move_focus(i);
        }
    }

    /// Tab stops at the last field and Shift-Tab at the first.
    #[must_use]
    pub fn without_wrapping(mut self) -> Self {
        self.wraps = false;
        self
    }

    /// Clears the refusals before the form is read again, except that a choice typed to
    /// match nothing is still refused: the form is not read with the old choice in its place.
    pub fn clear_errors(&mut self) {
        self.error = None;
        for f in &mut self.fields {
            f.error = None;
        }
        for i in 0..self.fields.len() {
            if let Some(why) = self.fields[i].unmatched() {
                self.refuse(self.fields[i].id, why);
            }
        }
    }

    pub fn has_errors(&self) -> bool {
        self.error.is_some() || self.fields.iter().any(|f| f.error.is_some())
    }

    /// Whether anything differs from how the form opened.
    pub fn is_changed(&self) -> bool {
        self.fields.iter().any(Field::is_changed)
    }

    pub fn next(&mut self) {
        if self.wraps || self.focus + 1 < self.fields.len() {
            self.move_focus((self.focus + 1) % self.fields.len());
        }
    }

    pub fn prev(&mut self) {
        if self.wraps || self.focus > 0 {
            self.move_focus((self.focus + self.fields.len() - 1) % self.fields.len());
        }
    }

    pub fn type_char(&mut self, c: char) {
        self.fields[self.focus].type_char(c);
    }

    pub fn backspace(&mut self) {
        self.fields[self.focus].edit(TextEdit::Backspace);
    }

    pub fn step(&mut self, by: isize) {
        self.fields[self.focus].step(by);
    }

    pub fn paste(&mut self, text: &str) {
        self.fields[self.focus].paste(text);
    }

    /// The editing keys of a form (Tab, arrows, typing, text edits, a paste). Returns false
    /// for anything else, which the caller handles (Enter, Esc, quitting). A field's refusal
    /// goes as soon as its value is changed (it no longer says what is there), and so does
    /// the form's own.
    pub fn handle(&mut self, action: &Action) -> bool {
        let at = self.focus;
        let before = self.fields[at].value();
        let handled = self.handle_key(action);
        if handled && at < self.fields.len() && self.fields[at].value() != before {
            let field = &mut self.fields[at];
            field.error = field.unmatched();
            self.error = None;
        }
        handled
    }

    fn handle_key(&mut self, action: &Action) -> bool {
        let field = &mut self.fields[self.focus];
        match action {
            Action::NextField => self.next(),
            Action::PrevField => self.prev(),
            // Inside a note the arrows move between its lines, and leave it at either end.
            Action::Down => {
                if !field.line(true) {
                    self.next();
                }
            }
            Action::Up => {
                if !field.line(false) {
                    self.prev();
                }
            }
            Action::Left => field.edit(TextEdit::Left),
            Action::Right => field.edit(TextEdit::Right),
            Action::Type(c) => field.type_char(*c),
            Action::Backspace => field.edit(TextEdit::Backspace),
            Action::Text(edit) => field.edit(*edit),
            Action::Paste(text) if text.chars().count() > PASTE_LIMIT => {
                let len = text.chars().count();
                self.refuse(
                    self.fields[self.focus].id,
                    format!(
                        "a paste of {len} characters is far more than a field holds (a note takes 4000); nothing was pasted"
                    ),
                );
            }
            Action::Paste(text) => field.paste(text),
            _ => return false,
        }
        true
    }

    /// The text of the form's note field, if it has one.
    pub fn note(&self) -> Option<String> {
        self.fields
            .iter()
            .find(|f| f.kind == FieldKind::Note)
            .map(Field::value)
    }

    /// Replaces the note field's text (from the user's editor) and focuses it.
    pub fn set_note(&mut self, text: &str) {
        if let Some(i) = self.fields.iter().position(|f| f.kind == FieldKind::Note) {
            self.fields[i].set_value(text);
            self.fields[i].blur();
            if self.focus != i {
                self.move_focus(i);
                self.fields[i].blur();
            }
        }
    }

    pub fn set_theme(&mut self, theme: &Theme) {
        for f in &mut self.fields {
            f.set_theme(theme);
        }
    }

    /// Shows what each date field will be read as, in the display format with its weekday.
    pub fn preview_dates(&mut self, today: NaiveDate, date_format: &str) {
        for f in &mut self.fields {
            if let FieldKind::Date(towards) = f.kind {
                let typed = f.value();
                // Shown when what was typed is not already the date as the program shows it.
                f.preview = parse_date_shown(&typed, today, towards, date_format)
                    .ok()
                    .filter(|d| typed.trim() != format_date(*d, date_format))
                    .map(|d| format!("→ {}", format_date(d, &format!("%A {date_format}"))));
            }
        }
    }

    /// What is shown under a field: its refusal, else (focused) its preview and hint, else
    /// its preview.
    fn below(&self, i: usize) -> (String, bool) {
        let f = &self.fields[i];
        match (&f.error, i == self.focus, &f.preview) {
            (Some(e), _, _) => (format!("✗ {e}"), true),
            (None, true, Some(p)) => (format!("{p}   {}", f.hint), false),
            (None, true, None) => (f.hint.clone(), false),
            (None, false, Some(p)) => (p.clone(), false),
            (None, false, None) => (String::new(), false),
        }
    }

    fn label_width(&self) -> usize {
        self.fields
            .iter()
            .map(|f| f.label.chars().count())
            .max()
            .unwrap_or(0)
            + 2
    }

    /// Rows each field takes (its value, then its hint or error) in a form `width` wide inside.
    fn field_rows(&self, width: u16) -> Vec<(usize, Vec<String>)> {
        let value_x = self.label_width() + 2;
        let value_w = usize::from(width).saturating_sub(value_x).max(1);
        (0..self.fields.len())
            .map(|i| {
                let (below, _) = self.below(i);
                let below = wrap(&below, value_w);
                (self.fields[i].value_rows(value_w as u16), below)
            })
            .collect()
    }

    fn tail_lines(&self, width: u16, footer: &str) -> Vec<(String, bool)> {
        let w = usize::from(width).max(1);
        let mut lines = Vec::new();
        if let Some(e) = &self.error {
            lines.push((String::new(), false));
            lines.extend(wrap(&format!("✗ {e}"), w).into_iter().map(|l| (l, true)));
        }
        if self.discarding.is_some() {
            lines.push((String::new(), false));
            let question = match self.discarding {
                Some(Discard::Quit) => {
                    "Quit and throw away what you typed? y quits · n or Esc goes back"
                }
                _ => "Throw away what you typed? y discards · n or Esc goes back to the form",
            };
            lines.extend(wrap(question, w).into_iter().map(|l| (l, true)));
        }
        lines.push((String::new(), false));
        lines.extend(wrap(footer, w).into_iter().map(|l| (l, false)));
        lines
    }

    /// Height the form needs at `width` (outside), borders included.
    pub fn height(&self, width: u16, footer: &str) -> u16 {
        let inner = width.saturating_sub(2);
        let fields: usize = self
            .field_rows(inner)
            .iter()
            .map(|(v, b)| v + b.len())
            .sum();
        (fields + self.tail_lines(inner, footer).len() + 2) as u16
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: &Theme, footer: &str) {
        Clear.render(area, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(format!(" {} ", self.title), theme.title))
            .style(theme.base);
        let inner = block.inner(area);
        block.render(area, buf);
        let label_width = self.label_width();
        let value_x = label_width as u16 + 2;
        let rows = self.field_rows(inner.width);
        let tail = self.tail_lines(inner.width, footer);
        // When everything does not fit, the first fields give way to the focused one.
        let room = usize::from(inner.height).saturating_sub(tail.len());
        let mut first = 0;
        while first < self.focus
            && rows[first..=self.focus]
                .iter()
                .map(|(v, b)| v + b.len())
                .sum::<usize>()
                > room
        {
            first += 1;
        }
        let bottom = inner.y + inner.height.saturating_sub(tail.len() as u16);
        let mut y = inner.y;
        for (i, f) in self.fields.iter().enumerate().skip(first) {
            let (value_rows, below) = &rows[i];
            if y + *value_rows as u16 > bottom {
                break;
            }
            let focused = i == self.focus;
            let line = Line::from(vec![
                Span::styled(if focused { "▶ " } else { "  " }, theme.accent),
                Span::styled(
                    format!("{:<label_width$}", f.label),
                    if f.error.is_some() {
                        theme.error
                    } else {
                        theme.base
                    },
                ),
            ]);
            line.render(Rect::new(inner.x, y, value_x, 1), buf);
            let value_area = Rect::new(
                inner.x + value_x,
                y,
                inner.width.saturating_sub(value_x),
                *value_rows as u16,
            );
            if let Value::Text(input) = &f.value {
                input.render(value_area, buf, focused);
            } else {
                let style = if focused { theme.selected } else { theme.base };
                let lines: Vec<Line> = f
                    .shown_lines(value_area.width)
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l, style)))
                    .collect();
                Paragraph::new(lines).render(value_area, buf);
            }
            y += *value_rows as u16;
            let (_, is_error) = self.below(i);
            let style = if is_error { theme.error } else { theme.muted };
            for text in below {
                if y >= bottom {
                    break;
                }
                Span::styled(text.clone(), style).render(
                    Rect::new(inner.x + value_x, y, inner.width.saturating_sub(value_x), 1),
                    buf,
                );
                y += 1;
            }
        }
        let lines: Vec<Line> = tail
            .into_iter()
            .map(|(text, error)| {
                Line::from(Span::styled(
                    text,
                    if error { theme.error } else { theme.muted },
                ))
            })
            .collect();
        Paragraph::new(lines).style(Style::default()).render(
            Rect::new(
                inner.x,
                bottom,
                inner.width,
                inner.height - (bottom - inner.y),
            ),
            buf,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum T {
        A,
        B,
        C,
    }

    #[test]
    fn refusing_focuses_the_first_bad_field_and_changes_are_noticed() {
        let mut form = Form::new(
            "t",
            vec![
                Field::text(T::A, "A", "", ""),
                Field::text(T::B, "B", "x", ""),
                Field::text(T::C, "C", "", ""),
            ],
        );
        assert!(!form.is_changed());
        form.refuse(T::C, "bad c");
        form.refuse(T::B, "bad b");
        assert_eq!(form.focused(), T::B);
        assert!(form.has_errors());
        form.clear_errors();
        assert!(!form.has_errors());
        form.type_char('y');
        assert_eq!(
            form.value(T::B),
            "y",
            "the refused field's value was selected"
        );
        assert!(form.is_changed());
    }
}
