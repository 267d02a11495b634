//! First run: with no config file yet (the usual one, or one named with `--config`), a short
//! setup writes it.

use super::action::Action;
use super::form::{Field, FieldKind, Form};
use super::theme::Theme;
use crate::config::{Config, DEFAULT_TOML, PRESETS};
use crate::domain::Region;
use crate::error::{Error, Result};
use crate::journal::{create_private_dir, write_private_file};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::path::Path;

/// The first-run questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupField {
    Role,
    Hours,
    Days,
    Holidays,
    Limit,
}

pub struct Setup {
    pub form: Form<SetupField>,
    pub theme: Theme,
    /// Where the answers will be saved, as shown to the user.
    pub saves_to: Option<String>,
}

/// Whether the UI starts with the setup: there is no config file at `path` yet. A file
/// named with `--config` (or `CASELOAD_CONFIG`) that does not exist is written by the
/// setup as the usual one is, in a folder that must exist (a typo in a folder's name should
/// not make folders); the usual one's folder is made.
pub fn needs_setup(path: &Path, named: bool) -> Result<bool> {
    if path.exists() {
        return Ok(false);
    }
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    if named && folder.is_some_and(|f| !f.is_dir()) {
        return Err(Error::invalid(format!(
            "config {}: neither the file nor its folder exists; make the folder first, or name a file in a folder that exists",
            path.display()
        )));
    }
    Ok(true)
}

/// Writes the setup's config file at `path`, private, making the usual config folder.
pub fn save(path: &Path, text: &str) -> Result<()> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    write_private_file(path, text.as_bytes())?;
    Ok(())
}

pub enum SetupOutcome {
    Continue,
    /// The text of the config file to write.
    Done(String),
    Quit,
}

impl Setup {
    pub fn new(theme: Theme) -> Setup {
        let mut presets = vec![
            (
                "cafcass-fca".to_string(),
                "Cafcass FCA / children's guardian".to_string(),
            ),
            (
                "probation-officer".to_string(),
                "Probation officer (by tier)".to_string(),
            ),
        ];
        presets.push((
            "general".to_string(),
            "Something else (generic case kinds)".to_string(),
        ));
        let regions = Region::ALL
            .iter()
            .map(|r| (r.key().to_string(), r.label().to_string()))
            .collect();
        use SetupField as F;
        let mut form = Form::new(
            "Welcome to caseload: a few questions (change them later in the config)",
            vec![
                Field::choice(F::Role, "Your role", presets, "cafcass-fca"),
                Field::new(
                    F::Hours,
                    "Contracted hours",
                    FieldKind::Number,
                    "37",
                    "hours a week in your contract",
                ),
                Field::text(
                    F::Days,
                    "Working days",
                    "mon tue wed thu fri",
                    "the days you are contracted to work",
                ),
                Field::choice(F::Holidays, "Bank holidays", regions, "england-and-wales"),
                Field::new(
                    F::Limit,
                    "Caseload limit",
                    FieldKind::Number,
                    "22",
                    "open cases above which you are over the limit",
                ),
            ],
        );
        form.set_theme(&theme);
        Setup {
            form,
            theme,
            saves_to: None,
        }
    }

    /// Says where the answers go: the file named with `--config`, or the usual one.
    #[must_use]
    pub fn saving_to(mut self, path: &Path) -> Setup {
        self.saves_to = Some(super::shown_path(path));
        self
    }

    pub fn update(&mut self, action: Action) -> SetupOutcome {
        match action {
            Action::Quit | Action::Cancel => return SetupOutcome::Quit,
            Action::Submit => {
                if let Some(text) = self.config_text() {
                    return SetupOutcome::Done(text);
                }
            }
            other => {
                self.form.handle(&other);
            }
        }
        SetupOutcome::Continue
    }

    /// The config file for the answers, checked by loading it; marks bad answers.
    pub fn config_text(&mut self) -> Option<String> {
        self.form.clear_errors();
        let preset = PRESETS
            .iter()
            .find(|(n, _)| *n == self.form.value(SetupField::Role))
            .map_or(DEFAULT_TOML, |(_, t)| *t);
        let hours = self.form.value(SetupField::Hours).trim().to_string();
        let limit = self.form.value(SetupField::Limit).trim().to_string();
        let days: Vec<String> = self
            .form
            .value(SetupField::Days)
            .split([' ', ','])
            .filter(|d| !d.is_empty())
            .map(|d| format!("\"{}\"", d.to_lowercase()))
            .collect();
        if hours.parse::<f64>().is_err() {
            self.form.refuse(
                SetupField::Hours,
                format!("`{hours}` is not a number; give hours a week, e.g. 37 or 22.5"),
            );
        }
        if limit.parse::<u32>().is_err() {
            self.form.refuse(
                SetupField::Limit,
                format!("`{limit}` is not a whole number; give open cases, e.g. 22"),
            );
        }
        if self.form.has_errors() {
            return None;
        }
        let overrides = format!(
            "[work]\ncontracted_hours = {hours}\nworking_days = [{}]\nbank_holidays = \"{}\"\n\n[limits]\ncaseload = {limit}\n",
            days.join(", "),
            self.form.value(SetupField::Holidays)
        );
        // The answers are merged into the preset's [work] and [limits] tables, which are
        // written first; the rest of the preset is kept as it is, with its comments (where
        // each case weight comes from).
        let preset_table: toml::Table = preset.parse().expect("presets parse");
        let answers: toml::Table = if let Ok(t) = overrides.parse() {
            t
        } else {
            self.form
                .refuse(SetupField::Days, "use day names such as mon tue wed");
            return None;
        };
        let mut settings = toml::Table::new();
        for (section, values) in answers {
            let mut merged = preset_table
                .get(&section)
                .and_then(|v| v.as_table())
                .cloned()
                .unwrap_or_default();
            if let toml::Value::Table(new) = values {
                merged.extend(new);
            }
            settings.insert(section, toml::Value::Table(merged));
        }
        let text = format!(
            "# caseload configuration, written by the first-run setup from the {} preset.\n# Every setting is explained by `caseload config defaults`.\n\n{}\n{}",
            self.form.value(SetupField::Role),
            toml::to_string(&settings).expect("tables serialise"),
            without_tables(preset, &["work", "limits"])
        );
        match Config::from_toml_text(Some(&text), None) {
            Ok(_) => Some(text),
            Err(e) => {
                let message = e.to_string();
                let field = if message.contains("working_days") {
                    SetupField::Days
                } else if message.contains("contracted_hours") {
                    SetupField::Hours
                } else {
                    SetupField::Limit
                };
                self.form.refuse(
                    field,
                    message
                        .trim_start_matches("config (built-in defaults): ")
                        .to_string(),
                );
                None
            }
        }
    }
}

/// The TOML text without the named top-level tables (their header and keys, up to the next
/// table), keeping every other line and comment.
fn without_tables(text: &str, names: &[&str]) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            let name = trimmed.trim_matches(|c| c == '[' || c == ']');
            skipping = !trimmed.starts_with("[[") && names.contains(&name);
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// A key press in the setup: the editing keys of every other form (Ctrl-U, Ctrl-W, Ctrl-A/E,
/// Ctrl-H and the rest; the setup once typed Ctrl-U as a `u`), Ctrl-C to quit.
pub fn setup_action(key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    super::input::editing_action(key)
}

impl Widget for &Setup {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme.base);
        let footer = match &self.saves_to {
            Some(path) => format!(
                "Tab/Shift-Tab move · type or ←/→ to choose · Enter saves them in {path} · Esc quits"
            ),
            None => "Tab/Shift-Tab move · type or ←/→ to choose · Enter saves · Esc quits".into(),
        };
        let footer = footer.as_str();
        let width = area.width.saturating_sub(4).min(96);
        let rect = super::screens::centered(area, width, self.form.height(width, footer));
        self.form.render(rect, buf, &self.theme, footer);
    }
}
