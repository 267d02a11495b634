//! Reading the merged TOML into a Config: the shape check against the defaults, the merge,
//! and one reader per key that names the key in its error.

use super::date_format::check_date_format;
use super::{
    CaseKind, ClockTime, Config, ConfigError, Limits, Person, Region, Table, Theme, WEEKDAYS,
    Weekday, Work, check_person_field, weekday_key,
};
use crate::domain::parse_time;
use toml::Value;

pub(super) fn one_line(text: &str) -> String {
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
pub(super) fn check_shape(
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
pub(super) fn merge(base: &mut Table, user: Table) {
    for (key, value) in user {
        match (base.get_mut(&key), value) {
            (Some(Value::Table(b)), Value::Table(u)) => merge(b, u),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

pub(super) struct Reader<'a> {
    pub(super) file: &'a str,
    pub(super) root: &'a Table,
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

    pub(super) fn read(&self) -> Result<Config, ConfigError> {
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
