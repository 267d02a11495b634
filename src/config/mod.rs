//! Configuration: the embedded defaults, the user's file merged over them, and the presets.

use crate::domain::{ClockTime, Region};
use chrono::Weekday;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Table;

mod date_format;
mod read;
#[cfg(test)]
mod tests;

use read::{Reader, check_shape, merge, one_line};

/// `config/default.toml`, which documents every key.
pub const DEFAULT_TOML: &str = include_str!("../../config/default.toml");

/// The presets shipped in `config/presets/`: (name, text).
pub const PRESETS: [(&str, &str); 2] = [
    (
        "cafcass-fca",
        include_str!("../../config/presets/cafcass-fca.toml"),
    ),
    (
        "probation-officer",
        include_str!("../../config/presets/probation-officer.toml"),
    ),
];

pub fn preset(name: &str) -> Option<&'static str> {
    PRESETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// A configuration problem: which file, which key, what was expected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigError {
    #[error("config {file}: `{key}` {problem}")]
    Key {
        file: String,
        key: String,
        problem: String,
    },
    #[error("config {file}: {problem}")]
    File { file: String, problem: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct CaseKind {
    pub key: String,
    pub name: String,
    pub weekly_hours: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Dark,
    Light,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Work {
    pub contracted_hours: f64,
    pub working_days: Vec<Weekday>,
    pub usual_start: ClockTime,
    pub usual_end: ClockTime,
    pub usual_break_minutes: u32,
    pub bank_holidays: Region,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    pub caseload: u32,
    pub capacity_percent: f64,
    pub capacity_weeks: u32,
    pub pre_leave_days: u32,
    pub post_leave_days: u32,
}

/// `[person]`: about the author, for the documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Person {
    /// The author's name, for the signature of letters; `None`: a mark to complete.
    pub name: Option<String>,
    /// The author's job title, under the name.
    pub role: Option<String>,
    /// Whom letters are addressed to: the line manager (or, for a grievance about them,
    /// another manager or HR).
    pub manager: Option<String>,
    /// The employer, for "under {employer}'s grievance procedure".
    pub employer: Option<String>,
    /// Who agreed the limit, threshold and weights, and when; `None`: the worker's own
    /// estimates (the documents state which).
    pub limits_agreed_with: Option<String>,
    /// The outcome a grievance asks for. Never read from the file: it is given per report
    /// (`caseload report --outcome`, the Report screen).
    pub outcome: Option<String>,
}

impl Person {
    /// The fields a document carries in its own record of what it was made from (so that
    /// `caseload verify --document` can make it again), as (key, value).
    pub fn letter_fields(&self) -> [(&'static str, Option<&str>); 5] {
        [
            ("name", self.name.as_deref()),
            ("role", self.role.as_deref()),
            ("manager", self.manager.as_deref()),
            ("employer", self.employer.as_deref()),
            ("outcome", self.outcome.as_deref()),
        ]
    }

    /// Sets a letter field by its key (as [`Person::letter_fields`] names it).
    pub fn set_letter_field(&mut self, key: &str, value: Option<String>) {
        match key {
            "name" => self.name = value,
            "role" => self.role = value,
            "manager" => self.manager = value,
            "employer" => self.employer = value,
            "outcome" => self.outcome = value,
            _ => {}
        }
    }
}

/// Checks a person's detail as config and flags take it: one line of at most 200 characters
/// (the outcome: up to 4,000, line breaks allowed); blank is `None`.
pub fn check_person_field(key: &str, text: &str) -> Result<Option<String>, String> {
    use crate::domain::text;
    let checked = if key == "outcome" {
        if text.trim().is_empty() {
            return Ok(None);
        }
        text::check_note("the text", text, text::MAX_NOTE_CHARS).map(Some)
    } else {
        text::check_optional("the text", Some(text), text::MAX_SHORT_CHARS)
    };
    checked.map_err(|e| e.to_string())
}

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub work: Work,
    pub limits: Limits,
    pub case_kinds: Vec<CaseKind>,
    pub person: Person,
    pub date_format: String,
    pub theme: Theme,
    /// Key rebindings, action name -> key text, checked by the terminal UI's key map.
    pub keys: BTreeMap<String, String>,
    /// The user's file this came from, if any.
    pub source: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config::from_toml_text(None, None).expect("the embedded default config is valid")
    }
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

pub fn weekday_key(day: Weekday) -> &'static str {
    WEEKDAYS
        .iter()
        .find(|(_, w)| *w == day)
        .map(|(k, _)| *k)
        .expect("all weekdays listed")
}

impl Config {
    /// Loads the defaults merged with the user's file at `path`. A missing file gives the
    /// defaults unless `required` (the user named it with `--config`).
    pub fn load(path: &Path, required: bool) -> Result<Config, ConfigError> {
        let file = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => Config::from_toml_text(Some(&text), Some(path)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                Ok(Config::default())
            }
            // A command cannot ask the setup's questions: it says how to make the file (the
            // terminal UI offers the setup itself, and writes the file named).
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(ConfigError::File {
                file,
                problem: "does not exist; `caseload config init` writes it (add --preset cafcass-fca or probation-officer), `caseload` alone asks a few questions and writes it, and without --config or CASELOAD_CONFIG the built-in defaults apply".to_string(),
            }),
            Err(e) => Err(ConfigError::File {
                file,
                problem: format!("cannot be read: {e}"),
            }),
        }
    }

    /// Builds a config from the defaults and, if given, the user's TOML text.
    pub fn from_toml_text(user: Option<&str>, path: Option<&Path>) -> Result<Config, ConfigError> {
        let file = path.map_or_else(
            || "(built-in defaults)".to_string(),
            |p| p.display().to_string(),
        );
        let mut merged: Table = DEFAULT_TOML
            .parse()
            .expect("the embedded default config parses");
        if let Some(text) = user {
            let user: Table = text
                .parse()
                .map_err(|e: toml::de::Error| ConfigError::File {
                    file: file.clone(),
                    problem: one_line(&e.to_string()),
                })?;
            check_shape(&file, &merged, &user, "")?;
            merge(&mut merged, user);
        }
        let mut config = Reader {
            file: &file,
            root: &merged,
        }
        .read()?;
        config.source = path.map(Path::to_path_buf);
        Ok(config)
    }

    pub fn kind(&self, key: &str) -> Option<&CaseKind> {
        self.case_kinds.iter().find(|k| k.key == key)
    }

    pub fn kind_keys(&self) -> String {
        self.case_kinds
            .iter()
            .map(|k| k.key.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The weekly hours a case needs: its own weight, else its kind's, else 0 for a kind no
    /// longer configured.
    pub fn weight_of(&self, kind: &str, own: Option<f64>) -> f64 {
        own.unwrap_or_else(|| self.kind(kind).map_or(0.0, |k| k.weekly_hours))
    }
}
