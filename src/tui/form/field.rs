//! One field of a form: its kind, its value (a text input, a choice or a toggle), its hint,
//! its refusal and the preview of what it will be read as.

use super::super::editor::{TextEdit, TextInput};
use super::super::theme::Theme;
use crate::domain::dates::Towards;

#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    Text,
    /// A diary note: several lines, wrapped and scrolled in a box.
    Note,
    /// A date, and which way a weekday or a yearless date points.
    Date(Towards),
    Time,
    Number,
    /// A case reference: the whole reference or the beginning of one.
    Case,
    /// Options as (key, label); the value is a key.
    Choice(Vec<(String, String)>),
    /// Yes or no.
    Toggle,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    // Boxed: an editor's state is large beside a choice's key.
    Text(Box<TextInput>),
    Choice { key: String, typed: String },
    Toggle(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field<F> {
    pub id: F,
    pub label: &'static str,
    pub kind: FieldKind,
    pub(super) value: Value,
    pub hint: String,
    pub error: Option<String>,
    /// What the field will be read as, shown as it is typed: a date in the display format,
    /// the case a beginning names.
    pub preview: Option<String>,
    initial: String,
}

/// Rows a note's box shows before it scrolls.
pub(super) const NOTE_ROWS: usize = 6;

impl<F> Field<F> {
    pub fn new(id: F, label: &'static str, kind: FieldKind, value: &str, hint: &str) -> Field<F> {
        let value = match &kind {
            FieldKind::Choice(_) => Value::Choice {
                key: value.to_string(),
                typed: String::new(),
            },
            FieldKind::Toggle => Value::Toggle(value == "yes"),
            FieldKind::Note => Value::Text(Box::new(TextInput::new(value, true))),
            _ => Value::Text(Box::new(TextInput::new(value, false))),
        };
        let mut field = Field {
            id,
            label,
            kind,
            value,
            hint: hint.to_string(),
            error: None,
            preview: None,
            initial: String::new(),
        };
        field.initial = field.value();
        field
    }

    pub fn text(id: F, label: &'static str, value: &str, hint: &str) -> Field<F> {
        Field::new(id, label, FieldKind::Text, value, hint)
    }

    pub fn date(id: F, label: &'static str, value: &str, towards: Towards) -> Field<F> {
        let hint = match towards {
            Towards::Past => "22/11/2026, 22 Nov, today, yesterday, fri (the last one), -3",
            Towards::Future => "22/11/2026, 22 Nov, tomorrow, fri (the next one), +14",
        };
        Field::new(id, label, FieldKind::Date(towards), value, hint)
    }

    pub fn choice(
        id: F,
        label: &'static str,
        options: Vec<(String, String)>,
        value: &str,
    ) -> Field<F> {
        Field::new(
            id,
            label,
            FieldKind::Choice(options),
            value,
            "type to choose, ←/→ to step",
        )
    }

    pub fn toggle(id: F, label: &'static str, on: bool, hint: &str) -> Field<F> {
        Field::new(
            id,
            label,
            FieldKind::Toggle,
            if on { "yes" } else { "no" },
            hint,
        )
    }

    /// The value as text: what was typed, a choice's key, or "yes"/"no".
    pub fn value(&self) -> String {
        match &self.value {
            Value::Text(input) => input.value(),
            Value::Choice { key, .. } => key.clone(),
            Value::Toggle(on) => if *on { "yes" } else { "no" }.to_string(),
        }
    }

    pub fn is_on(&self) -> bool {
        matches!(self.value, Value::Toggle(true))
    }

    pub fn set_value(&mut self, value: &str) {
        match &mut self.value {
            Value::Text(input) => input.set_value(value),
            Value::Choice { key, .. } => *key = value.to_string(),
            Value::Toggle(on) => *on = value == "yes",
        }
    }

    /// Fills the field as the form opens (not a change the user made).
    pub fn prefill(&mut self, value: &str) {
        self.set_value(value);
        self.initial = self.value();
    }

    /// The text input of a text field (for tests and the editor).
    pub fn input(&self) -> Option<&TextInput> {
        match &self.value {
            Value::Text(input) => Some(input),
            _ => None,
        }
    }

    pub fn is_changed(&self) -> bool {
        self.value() != self.initial
    }

    pub(super) fn shown(&self) -> String {
        match (&self.kind, &self.value) {
            (FieldKind::Choice(options), Value::Choice { key, .. }) => {
                options.iter().find(|(k, _)| k == key).map_or_else(
                    || key.clone(),
                    |(k, l)| {
                        if k == l {
                            k.clone()
                        } else {
                            format!("{k} — {l}")
                        }
                    },
                )
            }
            _ => self.value(),
        }
    }

    pub(super) fn focus(&mut self) {
        match &mut self.value {
            Value::Text(input) => input.focus(),
            Value::Choice { typed, .. } => typed.clear(),
            Value::Toggle(_) => {}
        }
    }

    pub(super) fn blur(&mut self) {
        if let Value::Text(input) = &mut self.value {
            input.blur();
        }
    }

    pub(super) fn type_char(&mut self, c: char) {
        match (&self.kind, &mut self.value) {
            (FieldKind::Choice(options), Value::Choice { key, typed }) => {
                typed.push(c);
                let starts = |needle: &str| {
                    let needle = needle.to_lowercase();
                    options.iter().find(|(k, l)| {
                        k.to_lowercase().starts_with(&needle)
                            || l.to_lowercase().starts_with(&needle)
                    })
                };
                let found = starts(typed).or_else(|| {
                    *typed = c.to_string();
                    starts(typed)
                });
                match found {
                    Some((k, _)) => *key = k.clone(),
                    None => typed.clear(),
                }
            }
            (_, Value::Toggle(on)) => match c.to_ascii_lowercase() {
                'y' => *on = true,
                'n' => *on = false,
                ' ' => *on = !*on,
                _ => {}
            },
            (_, Value::Text(input)) => input.type_char(c),
            _ => {}
        }
    }

    pub(super) fn step(&mut self, by: isize) {
        match (&self.kind, &mut self.value) {
            (FieldKind::Choice(options), Value::Choice { key, typed }) if !options.is_empty() => {
                let at = options.iter().position(|(k, _)| k == key).unwrap_or(0) as isize;
                let n = options.len() as isize;
                *key = options[(at + by).rem_euclid(n) as usize].0.clone();
                typed.clear();
            }
            (_, Value::Toggle(on)) => *on = !*on,
            _ => {}
        }
    }

    pub(super) fn edit(&mut self, edit: TextEdit) {
        match (&mut self.value, edit) {
            (Value::Text(input), edit) => {
                input.edit(edit);
            }
            (Value::Choice { typed, .. }, TextEdit::Backspace) => typed.clear(),
            (_, TextEdit::Left) => self.step(-1),
            (_, TextEdit::Right) => self.step(1),
            _ => {}
        }
    }

    pub(super) fn paste(&mut self, text: &str) {
        match &mut self.value {
            Value::Text(input) => input.paste(text),
            _ => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    self.type_char(c);
                }
            }
        }
    }

    pub(super) fn line(&mut self, down: bool) -> bool {
        match &mut self.value {
            Value::Text(input) => input.line(down),
            _ => false,
        }
    }

    pub(super) fn set_theme(&mut self, theme: &Theme) {
        if let Value::Text(input) = &mut self.value {
            input.set_theme(theme);
        }
    }

    /// Rows the value takes at `width` columns.
    pub(super) fn value_rows(&self, width: u16) -> usize {
        match &self.value {
            Value::Text(input) if input.is_multiline() => input.rows_at(width).clamp(2, NOTE_ROWS),
            Value::Text(_) => 1,
            _ => self.shown_lines(width).len(),
        }
    }

    /// A choice or toggle as shown, wrapped to `width`: a long choice's description goes on
    /// under it rather than being cut (the Report form's "Reveal refs" lost its end at 80).
    pub(super) fn shown_lines(&self, width: u16) -> Vec<String> {
        super::super::wrap::wrap(&self.shown(), usize::from(width))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum T {
        Kind,
        A,
        B,
    }

    fn kinds() -> Field<T> {
        Field::choice(
            T::Kind,
            "Kind",
            vec![
                ("s7".into(), "Section 7 report".into()),
                ("public-law".into(), "Public law".into()),
                ("r16-4".into(), "Rule 16.4".into()),
            ],
            "s7",
        )
    }

    #[test]
    fn type_ahead_selects_the_first_option_by_key_or_name() {
        let mut f = kinds();
        f.type_char('p');
        assert_eq!(f.value(), "public-law");
        f.type_char('u');
        assert_eq!(f.value(), "public-law");
        f.edit(TextEdit::Backspace);
        f.type_char('R');
        assert_eq!(f.value(), "r16-4");
        f.edit(TextEdit::Backspace);
        f.type_char('S');
        f.type_char('e');
        assert_eq!(f.value(), "s7", "matches the name 'Section 7 report'");
        f.type_char('z');
        assert_eq!(f.value(), "s7", "no match keeps the choice");
        f.step(1);
        assert_eq!(f.value(), "public-law");
        f.step(-2);
        assert_eq!(f.value(), "r16-4");
    }

    #[test]
    fn toggles_and_text() {
        let mut t = Field::toggle(T::A, "Discussed", true, "");
        t.type_char('n');
        assert!(!t.is_on());
        t.type_char(' ');
        assert!(t.is_on());
        let mut x = Field::text(T::B, "Ref", "AB", "");
        x.type_char('C');
        x.edit(TextEdit::Backspace);
        x.edit(TextEdit::Backspace);
        assert_eq!(x.value(), "A");
    }
}
