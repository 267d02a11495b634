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
                .map_err(|unknown| {
                    self.err(
                        "work.bank_holidays",
                        format!("should be one of {}", unknown.accepted),
                    )
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
        let usual_day = work.usual_end.minutes() - work.usual_start.minutes();
        if i64::from(work.usual_break_minutes) >= usual_day {
            return Err(self.err(
                "work.usual_break_minutes",
                format!(
                    "is {}, not shorter than the usual day from {} to {} ({usual_day} minutes); hours logged with the usual times would be refused",
                    work.usual_break_minutes, work.usual_start, work.usual_end
                ),
            ));
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
        let person_field = |key: &str| {
            let path = format!("person.{key}");
            check_person_field(key, self.text(&path)?)
                .map_err(|e| self.err(&path, format!("is not accepted: {e}")))
        };
        let person = Person {
            name: person_field("name")?,
            role: person_field("role")?,
            manager: person_field("manager")?,
            employer: person_field("employer")?,
            limits_agreed_with: person_field("limits_agreed_with")?,
            outcome: None,
        };
        Ok(Config {
            work,
            limits,
            case_kinds: self.case_kinds()?,
            person,
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
            // Shown in tables, the terminal and documents, like any text the user types.
            let name = crate::domain::text::check("the name", name, MAX_KIND_NAME_CHARS)
                .map_err(|e| self.err(&at("name"), e.to_string()))?;
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
                name,
                weekly_hours,
            });
        }
        Ok(kinds)
    }
}

/// Longest name of a case kind: it heads table columns and document sections.
const MAX_KIND_NAME_CHARS: usize = 60;

/// Longest a date may be once formatted: it sits in table columns and document headings.
const MAX_DATE_CHARS: usize = 40;

/// What a strftime specifier's letter shows, for the ones a date cannot have. `%c` and `%+`
/// are a date and a time together.
const NOT_A_DATE: [(char, &str); 18] = [
    ('H', "the hour"),
    ('k', "the hour"),
    ('I', "the hour"),
    ('l', "the hour"),
    ('M', "the minute"),
    ('S', "the second"),
    ('f', "fractions of a second"),
    ('p', "AM or PM"),
    ('P', "am or pm"),
    ('R', "the time"),
    ('T', "the time"),
    ('X', "the time"),
    ('r', "the time"),
    ('c', "a date and time"),
    ('+', "a date and time"),
    ('s', "a timestamp (seconds since 1970)"),
    ('z', "a time zone"),
    ('Z', "a time zone"),
];

/// The specifier starting just after a `%` in `rest` (flag, colons, `.`, digits, then its
/// letter, e.g. `-d`, `:z`, `.3f`) and that letter.
fn specifier(rest: &str) -> (&str, Option<char>) {
    let body = rest.trim_start_matches(['-', '_', '0', '^', '#']);
    let body = body.trim_start_matches(':');
    let body = body.strip_prefix('.').unwrap_or(body);
    let body = body.trim_start_matches(|c: char| c.is_ascii_digit());
    let letter = body.chars().next();
    let len = rest.len() - body.len() + letter.map_or(0, char::len_utf8);
    (&rest[..len], letter)
}

/// A date format is checked by using it: it must be a strftime pattern chrono understands,
/// with no time, zone or timestamp in it (a date has none, and formatting one panicked in the
/// first release); it must format real dates without error, on one line and briefly; and what
/// it prints must read back as the same date, so that day, month and year are all shown.
fn check_date_format(format: &str) -> Result<(), String> {
    use chrono::NaiveDate;
    use chrono::format::{Item, StrftimeItems};
    use std::fmt::Write;
    const EXAMPLE: &str = "use e.g. \"%d %b %Y\" (22 Nov 2026) or \"%d/%m/%Y\" (22/11/2026)";
    if StrftimeItems::new(format).any(|i| matches!(i, Item::Error)) {
        return Err(format!(
            "\"{format}\" is not a valid date pattern; {EXAMPLE}"
        ));
    }
    let mut rest = format;
    while let Some(at) = rest.find('%') {
        let (spec, letter) = specifier(&rest[at + 1..]);
        if let Some((_, what)) = NOT_A_DATE.iter().find(|(l, _)| Some(*l) == letter) {
            return Err(format!(
                "\"{format}\" contains %{spec} ({what}), which a date does not have; show only the day, month and year, {EXAMPLE}"
            ));
        }
        rest = &rest[at + 1 + spec.len()..];
    }
    let samples = [(2001, 2, 3), (2026, 11, 22), (2030, 12, 31)]
        .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("a real date"));
    for date in samples {
        let mut shown = String::new();
        if write!(shown, "{}", date.format(format)).is_err() {
            return Err(format!("\"{format}\" cannot format a date; {EXAMPLE}"));
        }
        if let Some(c) = shown.chars().find(|c| c.is_control()) {
            return Err(format!(
                "\"{}\" puts a control character (U+{:04X}) in dates; dates are shown on one line",
                format.escape_debug(),
                c as u32
            ));
        }
        let len = shown.chars().count();
        if len > MAX_DATE_CHARS {
            return Err(format!(
                "\"{format}\" makes dates {len} characters long; at most {MAX_DATE_CHARS} fit the tables and documents"
            ));
        }
        if NaiveDate::parse_from_str(&shown, format).ok() != Some(date) {
            return Err(format!(
                "\"{format}\" shows {date} as \"{shown}\", which does not say the day, month and year; {EXAMPLE}"
            ));
        }
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
            (
                "[display]\ndate_format = \"%Y\"",
                "does not say the day, month and year",
            ),
            ("[keys]\nquit = 3", "`keys.quit` should be text"),
            (
                "[[case_kinds]]\nkey = \"a b\"\nname = \"A\"\nweekly_hours = 1",
                "`case_kinds[1].key` is \"a b\"",
            ),
            ("colour = 1", "`colour` is not a known setting"),
            (
                "[display]\ndate_format = \"%d/%m/%Y %H:%M\"",
                "`display.date_format` \"%d/%m/%Y %H:%M\" contains %H (the hour), which a date does not have",
            ),
            (
                "[display]\ndate_format = \"%d %b %Y %-I%P\"",
                "contains %-I (the hour)",
            ),
            (
                "[display]\ndate_format = \"%F %T\"",
                "contains %T (the time)",
            ),
            (
                "[display]\ndate_format = \"%c\"",
                "contains %c (a date and time)",
            ),
            (
                "[display]\ndate_format = \"%d %b %Y %::z\"",
                "contains %::z (a time zone)",
            ),
            (
                "[display]\ndate_format = \"%d %Z %m %Y\"",
                "contains %Z (a time zone)",
            ),
            (
                "[display]\ndate_format = \"%s%d\"",
                "contains %s (a timestamp",
            ),
            (
                "[display]\ndate_format = \"%d %m %.3f %Y\"",
                "contains %.3f (fractions",
            ),
            (
                "[display]\ndate_format = \"%d %b\"",
                "shows 2001-02-03 as \"03 Feb\", which does not say the day, month and year",
            ),
            (
                "[display]\ndate_format = \"%A\"",
                "does not say the day, month and year",
            ),
            (
                "[display]\ndate_format = \"%d%n%m%n%Y\"",
                "puts a control character (U+000A)",
            ),
            (
                "[display]\ndate_format = \"%A %d %B %Y, the day of this record\"",
                "at most 40 fit",
            ),
            (
                "[work]\nusual_start = \"09:00\"\nusual_end = \"09:30\"\nusual_break_minutes = 30",
                "`work.usual_break_minutes` is 30, not shorter than the usual day from 09:00 to 09:30",
            ),
            (
                "[[case_kinds]]\nkey = \"a\"\nname = \"Red\\u001b[31m\"\nweekly_hours = 1",
                "`case_kinds[1].name` the name contains a control character (U+001B)",
            ),
        ];
        for (text, expected) in cases {
            let err = load(text).unwrap_err().to_string();
            assert!(err.starts_with("config /home/u/config.toml: "), "{err}");
            assert!(err.contains(expected), "{text:?} gave {err}");
        }
        for format in [
            "%d %b %Y",
            "%d/%m/%Y",
            "%d/%m/%y",
            "%Y-%m-%d",
            "%F",
            "%-d %B %Y",
            "%e %b %Y",
            "%A %-d %B %Y",
            "%a %d.%m.%Y",
            "%x",
            "%D",
            "%Y-%j",
            "%G-W%V-%u",
            "%d %b %Y (%%)",
        ] {
            let c = load(&format!("[display]\ndate_format = \"{format}\""))
                .unwrap_or_else(|e| panic!("{format}: {e}"));
            assert_eq!(c.date_format, format);
        }
        let syntax = load("[work\n").unwrap_err().to_string();
        assert!(
            syntax.starts_with("config /home/u/config.toml: ") && !syntax.contains('\n'),
            "{syntax}"
        );
    }
}
