//! Configuration: the embedded defaults, the user's file merged over them, and the presets.

use crate::domain::{ClockTime, Region, parse_time};
use chrono::Weekday;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::{Table, Value};

/// `config/default.toml`, which documents every key.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// The presets shipped in `config/presets/`: (name, text).
pub const PRESETS: [(&str, &str); 2] = [
    (
        "cafcass-fca",
        include_str!("../config/presets/cafcass-fca.toml"),
    ),
    (
        "probation-officer",
        include_str!("../config/presets/probation-officer.toml"),
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

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub work: Work,
    pub limits: Limits,
    pub case_kinds: Vec<CaseKind>,
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

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "text",
        Value::Integer(_) | Value::Float(_) => "a number",
        Value::Boolean(_) => "true or false",
        Value::Datetime(_) => "a date",
        Value::Array(_) => "a list",
        Value::Table(_) => "a table",
    }
}

/// Refuses keys the defaults do not have and values of the wrong type, naming the key.
fn check_shape(
    file: &str,
    defaults: &Table,
    user: &Table,
    prefix: &str,
) -> Result<(), ConfigError> {
    for (key, value) in user {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        let err = |problem: String| ConfigError::Key {
            file: file.to_string(),
            key: path.clone(),
            problem,
        };
        if path == "keys" {
            let Value::Table(keys) = value else {
                return Err(err("should be a table of action = \"key\" lines".into()));
            };
            if let Some((action, _)) = keys.iter().find(|(_, v)| !v.is_str()) {
                return Err(ConfigError::Key {
                    file: file.to_string(),
                    key: format!("keys.{action}"),
                    problem: "should be text naming a key, such as \"x\" or \"ctrl-s\"".into(),
                });
            }
            continue;
        }
        let Some(default) = defaults.get(key) else {
            let known: Vec<&str> = defaults.keys().map(String::as_str).collect();
            return Err(err(format!(
                "is not a known setting; known here: {}",
                known.join(", ")
            )));
        };
        if type_name(default) != type_name(value) {
            return Err(err(format!(
                "should be {}, not {}",
                type_name(default),
                type_name(value)
            )));
        }
        if let (Value::Table(d), Value::Table(u)) = (default, value) {
            check_shape(file, d, u, &path)?;
        }
    }
    Ok(())
}

/// Merges `user` over `base`: tables key by key, everything else (arrays too) replaced.
fn merge(base: &mut Table, user: Table) {
    for (key, value) in user {
        match (base.get_mut(&key), value) {
            (Some(Value::Table(b)), Value::Table(u)) => merge(b, u),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

struct Reader<'a> {
    file: &'a str,
    root: &'a Table,
}

impl Reader<'_> {
    fn err(&self, key: &str, problem: impl Into<String>) -> ConfigError {
        ConfigError::Key {
            file: self.file.to_string(),
            key: key.to_string(),
            problem: problem.into(),
        }
    }

    fn get(&self, path: &str) -> &Value {
        let (table, key) = path.split_once('.').expect("dotted path");
        &self.root[table][key]
    }

    fn number(&self, path: &str, min: f64, max: f64) -> Result<f64, ConfigError> {
        let n = match self.get(path) {
            Value::Integer(i) => *i as f64,
            Value::Float(f) => *f,
            _ => return Err(self.err(path, "should be a number")),
        };
        if !(min..=max).contains(&n) || n.is_nan() {
            return Err(self.err(
                path,
                format!("is {n}; it should be between {min} and {max}"),
            ));
        }
        Ok(n)
    }

    fn whole(&self, path: &str, min: u32, max: u32) -> Result<u32, ConfigError> {
        match self.get(path) {
            Value::Integer(i) if (i64::from(min)..=i64::from(max)).contains(i) => Ok(*i as u32),
            Value::Integer(i) => Err(self.err(
                path,
                format!("is {i}; it should be a whole number from {min} to {max}"),
            )),
            _ => Err(self.err(
                path,
                format!("should be a whole number from {min} to {max}"),
            )),
        }
    }

    fn text(&self, path: &str) -> Result<&str, ConfigError> {
        self.get(path)
            .as_str()
            .ok_or_else(|| self.err(path, "should be text"))
    }

    fn time(&self, path: &str) -> Result<ClockTime, ConfigError> {
        parse_time(self.text(path)?).map_err(|e| self.err(path, e.to_string()))
    }

    fn read(&self) -> Result<Config, ConfigError> {
        let working_days = self.working_days()?;
        let bank_holidays =
            self.text("work.bank_holidays")?
                .parse::<Region>()
                .map_err(|accepted| {
                    self.err("work.bank_holidays", format!("should be one of {accepted}"))
                })?;
        let work = Work {
            contracted_hours: self.number("work.contracted_hours", 1.0, 100.0)?,
            working_days,
            usual_start: self.time("work.usual_start")?,
            usual_end: self.time("work.usual_end")?,
            usual_break_minutes: self.whole("work.usual_break_minutes", 0, 240)?,
            bank_holidays,
        };
        if work.usual_end <= work.usual_start {
            return Err(self.err("work.usual_end", "should be later than work.usual_start"));
        }
        let limits = Limits {
            caseload: self.whole("limits.caseload", 1, 1000)?,
            capacity_percent: self.number("limits.capacity_percent", 1.0, 1000.0)?,
            capacity_weeks: self.whole("limits.capacity_weeks", 1, 52)?,
            pre_leave_days: self.whole("limits.pre_leave_days", 0, 20)?,
            post_leave_days: self.whole("limits.post_leave_days", 0, 20)?,
        };
        let date_format = self.text("display.date_format")?.to_string();
        check_date_format(&date_format).map_err(|p| self.err("display.date_format", p))?;
        let theme = match self.text("display.theme")? {
            "dark" => Theme::Dark,
            "light" => Theme::Light,
            other => {
                return Err(self.err(
                    "display.theme",
                    format!("is \"{other}\"; use \"dark\" or \"light\""),
                ));
            }
        };
        let keys = self.root["keys"]
            .as_table()
            .map(|t| {
                t.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                    .collect()
            })
            .unwrap_or_default();
        Ok(Config {
            work,
            limits,
            case_kinds: self.case_kinds()?,
            date_format,
            theme,
            keys,
            source: None,
        })
    }

    fn working_days(&self) -> Result<Vec<Weekday>, ConfigError> {
        let key = "work.working_days";
        let accepted = "a list of mon, tue, wed, thu, fri, sat, sun";
        let list = self
            .get(key)
            .as_array()
            .ok_or_else(|| self.err(key, format!("should be {accepted}")))?;
        let mut days = Vec::new();
        for item in list {
            let day = item
                .as_str()
                .and_then(|s| WEEKDAYS.iter().find(|(k, _)| k.eq_ignore_ascii_case(s)))
                .map(|(_, w)| *w)
                .ok_or_else(|| {
                    self.err(key, format!("contains {item}; it should be {accepted}"))
                })?;
            if days.contains(&day) {
                return Err(self.err(key, format!("lists {} twice", weekday_key(day))));
            }
            days.push(day);
        }
        if days.is_empty() {
            return Err(self.err(key, "is empty; list at least one working day"));
        }
        Ok(days)
    }

    fn case_kinds(&self) -> Result<Vec<CaseKind>, ConfigError> {
        let list = self.root["case_kinds"]
            .as_array()
            .ok_or_else(|| self.err("case_kinds", "should be a list of [[case_kinds]] tables"))?;
        if list.is_empty() {
            return Err(self.err(
                "case_kinds",
                "is empty; configure at least one kind of case",
            ));
        }
        let mut kinds: Vec<CaseKind> = Vec::new();
        for (i, item) in list.iter().enumerate() {
            let at = |field: &str| format!("case_kinds[{}].{field}", i + 1);
            let table = item.as_table().ok_or_else(|| {
                self.err(
                    &format!("case_kinds[{}]", i + 1),
                    "should be a table with key, name and weekly_hours",
                )
            })?;
            if let Some(unknown) = table
                .keys()
                .find(|k| !["key", "name", "weekly_hours"].contains(&k.as_str()))
            {
                return Err(self.err(
                    &at(unknown),
                    "is not a known setting; a case kind has key, name and weekly_hours",
                ));
            }
            let key = table.get("key").and_then(Value::as_str).ok_or_else(|| {
                self.err(&at("key"), "is missing; give a short key such as \"s7\"")
            })?;
            if key.is_empty()
                || key.len() > 20
                || !key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
            {
                return Err(self.err(
                    &at("key"),
                    format!("is \"{key}\"; use 1-20 letters, digits, '-', '_' or '.'"),
                ));
            }
            if kinds.iter().any(|k| k.key == key) {
                return Err(self.err(
                    &at("key"),
                    format!("\"{key}\" is used by two case kinds; keys must be unique"),
                ));
            }
            let name = table
                .get("name")
                .and_then(Value::as_str)
                .filter(|n| !n.trim().is_empty())
                .ok_or_else(|| {
                    self.err(
                        &at("name"),
                        "is missing; give the name documents should show",
                    )
                })?;
            let weekly_hours = match table.get("weekly_hours") {
                Some(Value::Float(f)) => *f,
                Some(Value::Integer(n)) => *n as f64,
                _ => {
                    return Err(self.err(
                        &at("weekly_hours"),
                        "is missing; give the weekly hours such a case needs, e.g. 2.5",
                    ));
                }
            };
            if !(0.0..=100.0).contains(&weekly_hours) {
                return Err(self.err(
                    &at("weekly_hours"),
                    format!("is {weekly_hours}; it should be between 0 and 100"),
                ));
            }
            kinds.push(CaseKind {
                key: key.to_string(),
                name: name.to_string(),
                weekly_hours,
            });
        }
        Ok(kinds)
    }
}

/// A date format must be a strftime pattern chrono understands and must show the day.
fn check_date_format(format: &str) -> Result<(), String> {
    use chrono::format::{Item, StrftimeItems};
    if StrftimeItems::new(format).any(|i| matches!(i, Item::Error)) {
        return Err(format!(
            "\"{format}\" is not a valid date pattern; use e.g. \"%d %b %Y\" or \"%d/%m/%Y\""
        ));
    }
    if !format.contains("%d")
        && !format.contains("%e")
        && !format.contains("%-d")
        && !format.contains("%F")
    {
        return Err(format!(
            "\"{format}\" does not show the day of the month; include %d"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Config, ConfigError> {
        Config::from_toml_text(Some(text), Some(Path::new("/home/u/config.toml")))
    }

    #[test]
    fn defaults_match_the_contract() {
        let c = Config::default();
        assert_eq!(c.work.contracted_hours, 37.0);
        assert_eq!(c.work.working_days.len(), 5);
        assert_eq!(c.work.bank_holidays, Region::EnglandAndWales);
        assert_eq!(c.limits.caseload, 22);
        assert_eq!((c.limits.pre_leave_days, c.limits.post_leave_days), (2, 3));
        assert_eq!(c.date_format, "%d %b %Y");
    }

    #[test]
    fn tables_merge_and_arrays_replace() {
        let c = load("[work]\ncontracted_hours = 30\n[[case_kinds]]\nkey = \"x\"\nname = \"X\"\nweekly_hours = 2\n").unwrap();
        assert_eq!(c.work.contracted_hours, 30.0);
        assert_eq!(c.work.usual_start.to_string(), "09:00");
        assert_eq!(c.case_kinds.len(), 1);
        assert_eq!(c.weight_of("x", None), 2.0);
        assert_eq!(c.weight_of("x", Some(4.0)), 4.0);
    }

    #[test]
    fn presets_load() {
        for (name, text) in PRESETS {
            let c = load(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(c.case_kinds.len() >= 5, "{name}");
        }
        assert!(preset("cafcass-fca").unwrap().contains("Section 7 report"));
    }

    #[test]
    fn errors_name_the_file_the_key_and_what_was_expected() {
        let cases = [
            (
                "[work]\ncontracted_hours = \"lots\"",
                "`work.contracted_hours` should be a number, not text",
            ),
            ("[work]\nhours = 3", "`work.hours` is not a known setting"),
            (
                "[limits]\ncaseload = 0",
                "`limits.caseload` is 0; it should be a whole number from 1 to 1000",
            ),
            (
                "[work]\nbank_holidays = \"wales\"",
                "`work.bank_holidays` should be one of england-and-wales",
            ),
            (
                "[work]\nworking_days = [\"monday\"]",
                "`work.working_days` contains \"monday\"",
            ),
            (
                "[work]\nusual_start = \"25:00\"",
                "`work.usual_start` `25:00` is not a time",
            ),
            ("[display]\ntheme = \"blue\"", "`display.theme` is \"blue\""),
            ("[display]\ndate_format = \"%Y\"", "does not show the day"),
            ("[keys]\nquit = 3", "`keys.quit` should be text"),
            (
                "[[case_kinds]]\nkey = \"a b\"\nname = \"A\"\nweekly_hours = 1",
                "`case_kinds[1].key` is \"a b\"",
            ),
            ("colour = 1", "`colour` is not a known setting"),
        ];
        for (text, expected) in cases {
            let err = load(text).unwrap_err().to_string();
            assert!(err.starts_with("config /home/u/config.toml: "), "{err}");
            assert!(err.contains(expected), "{text:?} gave {err}");
        }
        let syntax = load("[work\n").unwrap_err().to_string();
        assert!(
            syntax.starts_with("config /home/u/config.toml: ") && !syntax.contains('\n'),
            "{syntax}"
        );
    }
}
