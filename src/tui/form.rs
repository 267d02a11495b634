//! A form: labelled fields in a natural order, Tab / Shift-Tab between them, type-ahead in
//! choice fields, and the reason for a refusal shown beside the field, keeping what was typed.

use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    Text,
    Date,
    Time,
    Number,
    /// Options as (key, label); the value is a key.
    Choice(Vec<(String, String)>),
    /// "yes" or "no".
    Toggle,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub label: &'static str,
    pub kind: FieldKind,
    pub value: String,
    pub hint: &'static str,
    pub error: Option<String>,
    /// What has been typed into a choice field since it was focused, for type-ahead.
    typed: String,
}

impl Field {
    pub fn new(
        label: &'static str,
        kind: FieldKind,
        value: impl Into<String>,
        hint: &'static str,
    ) -> Field {
        Field {
            label,
            kind,
            value: value.into(),
            hint,
            error: None,
            typed: String::new(),
        }
    }

    pub fn text(label: &'static str, value: impl Into<String>, hint: &'static str) -> Field {
        Field::new(label, FieldKind::Text, value, hint)
    }

    pub fn date(label: &'static str, value: impl Into<String>) -> Field {
        Field::new(
            label,
            FieldKind::Date,
            value,
            "2026-11-22, 22/11/2026, today or yesterday",
        )
    }

    pub fn choice(
        label: &'static str,
        options: Vec<(String, String)>,
        value: impl Into<String>,
    ) -> Field {
        Field::new(
            label,
            FieldKind::Choice(options),
            value,
            "type to choose, ←/→ to step",
        )
    }

    pub fn toggle(label: &'static str, on: bool, hint: &'static str) -> Field {
        Field::new(
            label,
            FieldKind::Toggle,
            if on { "yes" } else { "no" },
            hint,
        )
    }

    pub fn is_on(&self) -> bool {
        self.value == "yes"
    }

    fn shown(&self) -> String {
        match &self.kind {
            FieldKind::Choice(options) => {
                options.iter().find(|(k, _)| *k == self.value).map_or_else(
                    || self.value.clone(),
                    |(k, l)| {
                        if k == l {
                            k.clone()
                        } else {
                            format!("{k} — {l}")
                        }
                    },
                )
            }
            _ => self.value.clone(),
        }
    }

    fn type_char(&mut self, c: char) {
        match &self.kind {
            FieldKind::Choice(options) => {
                self.typed.push(c);
                let starts = |needle: &str| {
                    let needle = needle.to_lowercase();
                    options.iter().find(|(k, l)| {
                        k.to_lowercase().starts_with(&needle)
                            || l.to_lowercase().starts_with(&needle)
                    })
                };
                let found = starts(&self.typed).or_else(|| {
                    self.typed = c.to_string();
                    starts(&self.typed)
                });
                match found {
                    Some((k, _)) => self.value = k.clone(),
                    None => self.typed.clear(),
                }
            }
            FieldKind::Toggle => match c.to_ascii_lowercase() {
                'y' => self.value = "yes".into(),
                'n' => self.value = "no".into(),
                ' ' => self.step(1),
                _ => {}
            },
            _ => self.value.push(c),
        }
    }

    fn backspace(&mut self) {
        match self.kind {
            FieldKind::Choice(_) => self.typed.clear(),
            FieldKind::Toggle => {}
            _ => {
                self.value.pop();
            }
        }
    }

    fn step(&mut self, by: isize) {
        match &self.kind {
            FieldKind::Choice(options) if !options.is_empty() => {
                let at = options
                    .iter()
                    .position(|(k, _)| *k == self.value)
                    .unwrap_or(0) as isize;
                let n = options.len() as isize;
                self.value = options[(at + by).rem_euclid(n) as usize].0.clone();
                self.typed.clear();
            }
            FieldKind::Toggle => {
                self.value = if self.is_on() {
                    "no".into()
                } else {
                    "yes".into()
                }
            }
            _ => {}
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A refusal that belongs to no single field (from the journal or a cross-field check).
    pub error: Option<String>,
}

impl Form {
    pub fn new(title: impl Into<String>, fields: Vec<Field>) -> Form {
        Form {
            title: title.into(),
            fields,
            focus: 0,
            error: None,
        }
    }

    pub fn value(&self, label: &str) -> &str {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map_or("", |f| f.value.as_str())
    }

    pub fn field_mut(&mut self, label: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.label == label)
    }

    /// Marks a field as refused, with the reason, and moves the focus to it.
    pub fn refuse(&mut self, label: &str, reason: impl Into<String>) {
        if let Some(i) = self.fields.iter().position(|f| f.label == label) {
            self.fields[i].error = Some(reason.into());
            if self.fields[..i].iter().all(|f| f.error.is_none()) {
                self.focus = i;
            }
        }
    }

    pub fn clear_errors(&mut self) {
        self.error = None;
        for f in &mut self.fields {
            f.error = None;
        }
    }

    pub fn has_errors(&self) -> bool {
        self.error.is_some() || self.fields.iter().any(|f| f.error.is_some())
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
        self.fields[self.focus].typed.clear();
    }

    pub fn prev(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        self.fields[self.focus].typed.clear();
    }

    pub fn type_char(&mut self, c: char) {
        self.fields[self.focus].type_char(c);
    }

    pub fn backspace(&mut self) {
        self.fields[self.focus].backspace();
    }

    pub fn step(&mut self, by: isize) {
        self.fields[self.focus].step(by);
    }

    /// Height the form needs: two lines a field (value, then hint or error) plus borders.
    pub fn height(&self) -> u16 {
        self.fields.len() as u16 * 2 + 4 + u16::from(self.error.is_some()) * 2
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: &Theme, footer: &str) {
        Clear.render(area, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(format!(" {} ", self.title), theme.title))
            .style(theme.base);
        let inner = block.inner(area);
        block.render(area, buf);
        let label_width = self
            .fields
            .iter()
            .map(|f| f.label.chars().count())
            .max()
            .unwrap_or(0)
            + 2;
        let mut lines = Vec::new();
        for (i, f) in self.fields.iter().enumerate() {
            let focused = i == self.focus;
            let marker = if focused { "▶ " } else { "  " };
            let value_style = if focused { theme.selected } else { theme.base };
            let cursor = if focused && !matches!(f.kind, FieldKind::Choice(_) | FieldKind::Toggle) {
                "▏"
            } else {
                ""
            };
            lines.push(Line::from(vec![
                Span::styled(marker, theme.accent),
                Span::styled(
                    format!("{:<label_width$}", f.label),
                    if f.error.is_some() {
                        theme.error
                    } else {
                        theme.base
                    },
                ),
                Span::styled(format!("{}{cursor}", f.shown()), value_style),
            ]));
            let below = match (&f.error, focused) {
                (Some(e), _) => Span::styled(format!("✗ {e}"), theme.error),
                (None, true) => Span::styled(f.hint, theme.muted),
                (None, false) => Span::raw(""),
            };
            lines.push(Line::from(vec![
                Span::raw(" ".repeat(label_width + 2)),
                below,
            ]));
        }
        if let Some(e) = &self.error {
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(format!("✗ {e}"), theme.error)));
        }
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(footer.to_string(), theme.muted)));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds() -> Field {
        Field::choice(
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
        assert_eq!(f.value, "public-law");
        f.type_char('u');
        assert_eq!(f.value, "public-law");
        f.backspace();
        f.type_char('R');
        assert_eq!(f.value, "r16-4");
        f.backspace();
        f.type_char('S');
        f.type_char('e');
        assert_eq!(f.value, "s7", "matches the name 'Section 7 report'");
        f.type_char('z');
        assert_eq!(f.value, "s7", "no match keeps the choice");
        f.step(1);
        assert_eq!(f.value, "public-law");
        f.step(-2);
        assert_eq!(f.value, "r16-4");
    }

    #[test]
    fn toggles_and_text() {
        let mut t = Field::toggle("Discussed", true, "");
        t.type_char('n');
        assert!(!t.is_on());
        t.type_char(' ');
        assert!(t.is_on());
        let mut x = Field::text("Ref", "AB", "");
        x.type_char('C');
        x.backspace();
        x.backspace();
        assert_eq!(x.value, "A");
    }

    #[test]
    fn refusing_focuses_the_first_bad_field() {
        let mut form = Form::new(
            "t",
            vec![
                Field::text("A", "", ""),
                Field::text("B", "", ""),
                Field::text("C", "", ""),
            ],
        );
        form.refuse("C", "bad c");
        form.refuse("B", "bad b");
        assert_eq!(form.focus, 1);
        assert!(form.has_errors());
        form.clear_errors();
        assert!(!form.has_errors());
    }
}
