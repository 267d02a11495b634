//! Date and time input as people type it, and display in the configured format.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The forms of date accepted, for help text and error messages.
pub const DATE_FORMS: &str = "22/11/2026, 22/11/26, 22 Nov 2026, 22 nov, 2026-11-22, today, yesterday, tomorrow, a weekday (mon) or +3 / -3 days";

/// Why a date or time typed by the user was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date; use {DATE_FORMS}")]
    Unrecognised(String),
    #[error("`{0}` is not a real calendar date")]
    Impossible(String),
    #[error("`{0}` is not a time; use 24-hour HH:MM, e.g. 09:00 or 17:30")]
    BadTime(String),
}

/// Which way a date without a year, or a weekday name, points from today: to the last one
/// for something that happened, to the next one for something due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Towards {
    Past,
    Future,
    /// Leave that is booked ahead but often written down just after it was taken: a date
    /// without a year is the one in the last [`RECENT_DAYS`] days if there is one, else the
    /// next; a weekday is the next one, as for [`Towards::Future`].
    Booked,
}

/// How far back a booked-leave date without a year may reach before it means next year's.
pub const RECENT_DAYS: i64 = 60;

/// Which way a leave date without a year, or a weekday, points: sick leave is written down
/// afterwards; other leave is booked ahead, unless the date was in the last 60 days (leave
/// just taken, being written down).
pub fn leave_towards(kind: super::event::LeaveKind) -> Towards {
    if kind == super::event::LeaveKind::Sick {
        Towards::Past
    } else {
        Towards::Booked
    }
}

/// Parses a date for something that happened (see [`parse_date_towards`]).
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    parse_date_towards(input, today, Towards::Past)
}

/// Parses a date for something due: a weekday or a date without a year is the next one.
pub fn parse_due_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    parse_date_towards(input, today, Towards::Future)
}

/// Parses a date as people type it, ignoring case and extra spaces:
///
/// - `2026-11-22`; `22/11/2026`, `22/11/26` (20yy) and `22/11` (no year);
/// - `22 Nov 2026`, `22 November 2026`, `22nd Nov`, `22 nov` (no year);
/// - `today`, `yesterday`, `tomorrow`, `+14` and `-3` (days from today);
/// - a weekday (`mon`, `Monday`), `last fri`, `next fri`.
///
/// A weekday never means today: for [`Towards::Past`] it is the last one before today, for
/// [`Towards::Future`] the next one after; `last` and `next` say which explicitly. A date
/// without a year is, the same way, the latest on or before today or the next on or after it.
pub fn parse_date_towards(
    input: &str,
    today: NaiveDate,
    towards: Towards,
) -> Result<NaiveDate, DateError> {
    let text = input.trim();
    let unrecognised = || DateError::Unrecognised(text.to_string());
    let impossible = || DateError::Impossible(text.to_string());
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [] => return Err(unrecognised()),
        ["today"] => return Ok(today),
        ["yesterday"] => return shift(today, -1).ok_or_else(impossible),
        ["tomorrow"] => return shift(today, 1).ok_or_else(impossible),
        [word] if relative_days(word).is_some() => {
            let days = relative_days(word).ok_or_else(unrecognised)?;
            return shift(today, days).ok_or_else(impossible);
        }
        [word] if weekday(word).is_some() => {
            let day = weekday(word).ok_or_else(unrecognised)?;
            return Ok(nearest_weekday(today, day, towards));
        }
        ["last", word] if weekday(word).is_some() => {
            let day = weekday(word).ok_or_else(unrecognised)?;
            return Ok(nearest_weekday(today, day, Towards::Past));
        }
        ["next", word] if weekday(word).is_some() => {
            let day = weekday(word).ok_or_else(unrecognised)?;
            return Ok(nearest_weekday(today, day, Towards::Future));
        }
        [day, month] | [day, month, _] if month_number(month).is_some() => {
            let d = day_number(day).ok_or_else(unrecognised)?;
            let m = month_number(month).ok_or_else(unrecognised)?;
            return match words.get(2) {
                Some(year) => {
                    let y = year_number(year).ok_or_else(unrecognised)?;
                    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(impossible)
                }
                None => without_year(m, d, today, towards).ok_or_else(impossible),
            };
        }
        [_] => {}
        _ => return Err(unrecognised()),
    }
    if let Some([y, m, d]) = numbers(text, '-') {
        if y.len() != 4 || m.len() > 2 || d.len() > 2 {
            return Err(unrecognised());
        }
        let (y, m, d) = (parse_u32(y)?, parse_u32(m)?, parse_u32(d)?);
        return NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(impossible);
    }
    let parts: Vec<&str> = text.split('/').collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()));
    match parts.as_slice() {
        [d, m] | [d, m, _] if all_digits && d.len() <= 2 && m.len() <= 2 => {
            let (d, m) = (parse_u32(d)?, parse_u32(m)?);
            match parts.get(2) {
                Some(y) => {
                    let y = year_number(y).ok_or_else(unrecognised)?;
                    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(impossible)
                }
                None => without_year(m, d, today, towards).ok_or_else(impossible),
            }
        }
        _ => Err(unrecognised()),
    }
}

/// Parses what [`parse_date_towards`] does, and also whatever the configured display format
/// (`display.date_format`) shows, so that a date the program printed can be typed back.
pub fn parse_date_shown(
    input: &str,
    today: NaiveDate,
    towards: Towards,
    display_format: &str,
) -> Result<NaiveDate, DateError> {
    parse_date_towards(input, today, towards)
        .or_else(|e| NaiveDate::parse_from_str(input.trim(), display_format).map_err(|_| e))
}

fn shift(today: NaiveDate, days: i64) -> Option<NaiveDate> {
    today.checked_add_signed(chrono::Duration::try_days(days)?)
}

/// `+14` or `-3`: whole days from today (at most 9999).
fn relative_days(word: &str) -> Option<i64> {
    let (sign, digits) = match word.as_bytes().first()? {
        b'+' => (1, &word[1..]),
        b'-' => (-1, &word[1..]),
        _ => return None,
    };
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse::<i64>().ok().map(|n| sign * n)
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "mon" | "monday" => Weekday::Mon,
        "tue" | "tues" | "tuesday" => Weekday::Tue,
        "wed" | "weds" | "wednesday" => Weekday::Wed,
        "thu" | "thur" | "thurs" | "thursday" => Weekday::Thu,
        "fri" | "friday" => Weekday::Fri,
        "sat" | "saturday" => Weekday::Sat,
        "sun" | "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// The last `day` before today, or the next after it: never today itself.
fn nearest_weekday(today: NaiveDate, day: Weekday, towards: Towards) -> NaiveDate {
    let from = i64::from(today.weekday().num_days_from_monday());
    let to = i64::from(day.num_days_from_monday());
    let days = match towards {
        Towards::Past => -((from - to - 1).rem_euclid(7) + 1),
        Towards::Future | Towards::Booked => (to - from - 1).rem_euclid(7) + 1,
    };
    shift(today, days).unwrap_or(today)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `nov`, `november` (and `sept`): 1 to 12.
fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() == 3 && m.starts_with(word)))
        .or_else(|| (word == "sept").then_some(8))
        .map(|i| i as u32 + 1)
}

/// `22`, `22nd`, `1st`, `3rd`, `4th`.
fn day_number(word: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// `2026`, or `26` for 2026.
fn year_number(word: &str) -> Option<i32> {
    if !word.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match word.len() {
        4 => word.parse().ok(),
        2 => word.parse::<i32>().ok().map(|y| 2000 + y),
        _ => None,
    }
}

/// Day `d` of month `m` in the year that makes it the latest on or before today (past) or
/// the next on or after it (future); booked leave takes the past one if it is recent.
/// 29 February looks up to four years away.
fn without_year(m: u32, d: u32, today: NaiveDate, towards: Towards) -> Option<NaiveDate> {
    if towards == Towards::Booked {
        let recent = without_year(m, d, today, Towards::Past)
            .filter(|date| (today - *date).num_days() <= RECENT_DAYS);
        return recent.or_else(|| without_year(m, d, today, Towards::Future));
    }
    let years: Vec<i32> = match towards {
        Towards::Past => (0..=4).map(|n| today.year() - n).collect(),
        Towards::Future | Towards::Booked => (0..=4).map(|n| today.year() + n).collect(),
    };
    years
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .find(|date| match towards {
            Towards::Past => *date <= today,
            Towards::Future | Towards::Booked => *date >= today,
        })
}

fn numbers(text: &str, sep: char) -> Option<[&str; 3]> {
    let mut parts = text.split(sep);
    let a = parts.next()?;
    let b = parts.next()?;
    let c = parts.next()?;
    if parts.next().is_some()
        || [a, b, c]
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    Some([a, b, c])
}

fn parse_u32(digits: &str) -> Result<u32, DateError> {
    digits
        .parse::<u32>()
        .map_err(|_| DateError::Unrecognised(digits.to_string()))
}

/// Rewrites every ISO date (`2026-11-22`) in a message into the display format, so that
/// refusals read like the rest of the program. Text in backticks (what the user typed) is
/// left as it was.
pub fn show_dates(message: &str, format: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut quoted = false;
    let mut previous: Option<char> = None;
    let mut rest = message;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            quoted = !quoted;
        }
        let candidate = rest
            .get(..10)
            .filter(|_| !quoted && !previous.is_some_and(char::is_alphanumeric));
        let after = rest.get(10..).and_then(|r| r.chars().next());
        if let Some(candidate) = candidate
            && !after.is_some_and(char::is_alphanumeric)
            && candidate.bytes().enumerate().all(|(n, b)| match n {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            })
            && let Ok(date) = NaiveDate::parse_from_str(candidate, "%Y-%m-%d")
        {
            out.push_str(&format_date(date, format));
            previous = candidate.chars().next_back();
            rest = &rest[10..];
            continue;
        }
        out.push(c);
        previous = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Parses a 24-hour `HH:MM` time.
pub fn parse_time(input: &str) -> Result<ClockTime, DateError> {
    let text = input.trim();
    let bad = || DateError::BadTime(text.to_string());
    let (h, m) = text.split_once(':').ok_or_else(bad)?;
    let digits = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit());
    if !digits(h) || m.len() != 2 || !digits(m) {
        return Err(bad());
    }
    let time = NaiveTime::from_hms_opt(
        h.parse().map_err(|_| bad())?,
        m.parse().map_err(|_| bad())?,
        0,
    )
    .ok_or_else(bad)?;
    Ok(ClockTime(time))
}

/// Formats a date with a chrono format string such as `%d %b %Y`.
pub fn format_date(date: NaiveDate, format: &str) -> String {
    date.format(format).to_string()
}

/// A wall-clock time of day to the minute, stored as `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(pub NaiveTime);

impl ClockTime {
    pub fn from_hm(hour: u32, minute: u32) -> Option<Self> {
        NaiveTime::from_hms_opt(hour, minute, 0).map(ClockTime)
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> i64 {
        i64::from(self.0.hour() * 60 + self.0.minute())
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0.hour(), self.0.minute())
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        parse_time(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "dates_leave_tests.rs"]
mod leave_tests;
