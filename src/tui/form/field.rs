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
    /// The chosen key, and what was typed to choose it: kept while it matches nothing, so
    /// that the field says so (and the form refuses) rather than keep the old choice quietly.
    Choice {
        key: String,
        typed: String,
    },
    Toggle {
        on: bool,
        typed: String,
    },
}

/// A toggle's two answers, typed as a choice is.
fn yes_no() -> [(String, String); 2] {
    [
        ("yes".to_string(), "yes".to_string()),
        ("no".to_string(), "no".to_string()),
    ]
}

/// The first option whose key or name begins with `typed`, ignoring capitals; else the
/// option of the first other word for one (`words`, as (word, key)) that begins with `typed`
/// or that `typed` begins with (so `holi` and `holiday leave` both find `holiday`'s option).
fn starting<'o>(
    options: &'o [(String, String)],
    words: &'o [(String, String)],
    typed: &str,
) -> Option<&'o str> {
    let needle = typed.to_lowercase();
    if let Some((key, _)) = options.iter().find(|(k, l)| {
        k.to_lowercase().starts_with(&needle) || l.to_lowercase().starts_with(&needle)
    }) {
        return Some(key);
    }
    let needle = needle.trim();
    if needle.is_empty() {
        return None;
    }
    words
        .iter()
        .find(|(word, _)| word.starts_with(needle) || needle.starts_with(word.as_str()))
        .map(|(_, key)| key.as_str())
}

/// Type-ahead: `c` goes on the end of what was typed, and the option it begins is chosen. A
/// letter that does not go on (`p` then `s`) starts afresh while what was typed matched; once
/// nothing matches, the letters after are kept with it (so the `y` in "maybe" is not a yes).
fn type_ahead(
    options: &[(String, String)],
    words: &[(String, String)],
    typed: &mut String,
    c: char,
) -> Option<String> {
    let matched = typed.is_empty() || starting(options, words, typed).is_some();
    typed.push(c);
    if let Some(key) = starting(options, words, typed) {
        return Some(key.to_string());
    }
    let alone = c.to_string();
    match starting(options, words, &alone) {
        Some(key) if matched => {
            *typed = alone;
            Some(key.to_string())
        }
        _ => None,
    }
}

/// "a, b or c".
fn either(keys: &[&str]) -> String {
    match keys {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
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
    kept_on_entry: bool,
    /// A choice's other words for its options, as (word, key): `holiday` for annual leave.
    words: Vec<(String, String)>,
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
            FieldKind::Toggle => Value::Toggle {
                on: value == "yes",
                typed: String::new(),
            },
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
            kept_on_entry: false,
            words: Vec::new(),
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
            Towards::Booked => {
                "22/11/2026, 22 Nov (the next, or one in the last 60 days), fri (the next one), +14"
            }
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
            Value::Toggle { on, .. } => if *on { "yes" } else { "no" }.to_string(),
        }
    }

    pub fn is_on(&self) -> bool {
        matches!(self.value, Value::Toggle { on: true, .. })
    }

    pub fn set_value(&mut self, value: &str) {
        match &mut self.value {
            Value::Text(input) => input.set_value(value),
            Value::Choice { key, typed } => {
                *key = value.to_string();
                typed.clear();
            }
            Value::Toggle { on, typed } => {
                *on = value == "yes";
                typed.clear();
            }
        }
    }

    /// Why what was typed in a choice or a toggle matches none of its answers, if it does
    /// not: the answers it takes, and how to start again.
    pub fn unmatched(&self) -> Option<String> {
        match (&self.kind, &self.value) {
            (FieldKind::Choice(options), Value::Choice { typed, .. })
                if !typed.is_empty() && starting(options, &self.words, typed).is_none() =>
            {
                let keys: Vec<&str> = options.iter().map(|(k, _)| k.as_str()).collect();
                let examples: Vec<&str> =
                    self.words.iter().take(3).map(|(w, _)| w.as_str()).collect();
                let or_words = if examples.is_empty() {
                    String::new()
                } else {
                    format!(", or a word such as {}", either(&examples))
                };
                Some(format!(
                    "`{typed}` matches no choice: type the start of {}{or_words} (Backspace clears it, ←/→ step)",
                    either(&keys)
                ))
            }
            (_, Value::Toggle { typed, .. })
                if !typed.is_empty() && starting(&yes_no(), &[], typed).is_none() =>
            {
                Some(format!(
                    "`{typed}` is not yes or no: type y or n (Backspace clears it)"
                ))
            }
            _ => None,
        }
    }

    /// A one-line text keeps its cursor at the end on entry instead of being selected, so
    /// that a stray key cannot replace it (a withdrawal's reason, reached again by Tab,
    /// was replaced by the `y` meant to confirm).
    #[must_use]
    pub fn kept_on_entry(mut self) -> Self {
        self.kept_on_entry = true;
        self
    }

    /// Other words a choice takes for its options, as (word, key), lower case: what the
    /// command line and import read (`holiday`, `maternity` for leave).
    #[must_use]
    pub fn with_words(mut self, words: Vec<(String, String)>) -> Self {
        self.words = words;
        self
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

    /// Entering the field. What was typed in a choice is forgotten, unless it matched
    /// nothing: then it stays, refused, until it is cleared.
    pub(super) fn focus(&mut self) {
        let unmatched = self.unmatched().is_some();
        match &mut self.value {
            Value::Text(input) if self.kept_on_entry => input.focus_at_end(),
            Value::Text(input) => input.focus(),
            Value::Choice { typed, .. } | Value::Toggle { typed, .. } if !unmatched => {
                typed.clear();
            }
            _ => {}
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
                if let Some(found) = type_ahead(options, &self.words, typed, c) {
                    *key = found;
                }
            }
            (_, Value::Toggle { on, typed }) if c == ' ' => {
                *on = !*on;
                typed.clear();
            }
            (_, Value::Toggle { on, typed }) => {
                if let Some(found) = type_ahead(&yes_no(), &[], typed, c) {
                    *on = found == "yes";
                }
            }
            (_, Value::Text(input)) => input.type_char(c),
            _ => {}
        }
        if !matches!(self.value, Value::Text(_)) {
            self.error = self.unmatched();
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
            (_, Value::Toggle { on, typed }) => {
                *on = !*on;
                typed.clear();
            }
            _ => return,
        }
        self.error = None;
    }

    pub(super) fn edit(&mut self, edit: TextEdit) {
        match (&mut self.value, edit) {
            (Value::Text(input), edit) => {
                input.edit(edit);
            }
            (Value::Choice { typed, .. } | Value::Toggle { typed, .. }, TextEdit::Backspace) => {
                typed.clear();
                self.error = None;
            }
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
        assert!(
            f.error
                .as_deref()
                .unwrap()
                .starts_with("`Sez` matches no choice: type the start of s7, public-law or r16-4"),
            "{:?}",
            f.error
        );
        // Once nothing matches, a letter that would match alone is kept with the rest.
        f.type_char('p');
        assert_eq!((f.value().as_str(), f.unmatched().is_some()), ("s7", true));
        f.edit(TextEdit::Backspace);
        assert_eq!((f.error.as_ref(), f.unmatched()), (None, None));
        // While what was typed matched, a new first letter starts afresh.
        f.type_char('p');
        f.type_char('s');
        assert_eq!((f.value().as_str(), f.error.as_ref()), ("s7", None));
        f.edit(TextEdit::Backspace);
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
        t.type_char('n');
        t.type_char('y');
        assert!(t.is_on(), "y after n answers again");
        t.edit(TextEdit::Backspace);
        for c in "nope".chars() {
            t.type_char(c);
        }
        assert!(
            !t.is_on(),
            "n chose no; the rest is refused, not read as a yes"
        );
        assert_eq!(
            t.error.as_deref(),
            Some("`nope` is not yes or no: type y or n (Backspace clears it)")
        );
        let mut x = Field::text(T::B, "Ref", "AB", "");
        x.type_char('C');
        x.edit(TextEdit::Backspace);
        x.edit(TextEdit::Backspace);
        assert_eq!(x.value(), "A");
    }
}
