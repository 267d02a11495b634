//! Date and time input as people type it, and display in the configured format.

use chrono::{Days, NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Why a date or time typed by the user was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date; use 2026-11-22, 22/11/2026, today or yesterday")]
    Unrecognised(String),
    #[error("`{0}` is not a real calendar date")]
    Impossible(String),
    #[error("`{0}` is not a time; use 24-hour HH:MM, e.g. 09:00 or 17:30")]
    BadTime(String),
}

/// Parses `2026-11-22`, `22/11/2026`, `today` or `yesterday` (relative to `today`).
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let text = input.trim();
    match text.to_ascii_lowercase().as_str() {
        "today" => return Ok(today),
        "yesterday" => {
            return today
                .checked_sub_days(Days::new(1))
                .ok_or_else(|| DateError::Impossible(text.to_string()));
        }
        _ => {}
    }
    let (year, month, day) = if let Some(parts) = split3(text, '-') {
        (parts[0], parts[1], parts[2])
    } else if let Some(parts) = split3(text, '/') {
        (parts[2], parts[1], parts[0])
    } else {
        return Err(DateError::Unrecognised(text.to_string()));
    };
    let well_formed =
        year.len() == 4 && (1..=2).contains(&month.len()) && (1..=2).contains(&day.len());
    if !well_formed {
        return Err(DateError::Unrecognised(text.to_string()));
    }
    let number = |s: &str| {
        s.parse::<u32>()
            .map_err(|_| DateError::Unrecognised(text.to_string()))
    };
    let (y, m, d) = (number(year)?, number(month)?, number(day)?);
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| DateError::Impossible(text.to_string()))
}

fn split3(text: &str, sep: char) -> Option<[&str; 3]> {
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
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn accepts_the_four_documented_forms() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(parse_date("2026-11-22", today()), Ok(d));
        assert_eq!(parse_date("22/11/2026", today()), Ok(d));
        assert_eq!(parse_date("Today", today()), Ok(d));
        assert_eq!(parse_date("yesterday", today()), Ok(d.pred_opt().unwrap()));
        assert_eq!(
            parse_date("1/2/2026", today()),
            NaiveDate::from_ymd_opt(2026, 2, 1).ok_or(DateError::Unrecognised(String::new()))
        );
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        assert!(matches!(
            parse_date("30/02/2026", today()),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_date("2025-02-29", today()),
            Err(DateError::Impossible(_))
        ));
        for bad in [
            "",
            "tomorrow",
            "2026/11/22",
            "22-11-2026",
            "26-11-22",
            "22/11/26",
            "2026-11-22x",
            "+2026-11-22",
            "2026--11",
        ] {
            assert!(parse_date(bad, today()).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn times_are_24_hour_hh_mm() {
        assert_eq!(parse_time("9:05").unwrap().to_string(), "09:05");
        assert_eq!(parse_time("23:59").unwrap().minutes(), 23 * 60 + 59);
        for bad in ["24:00", "12:60", "12", "12:5", "-1:00", "ab:cd", "12:00:00"] {
            assert!(parse_time(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn displays_in_the_configured_format() {
        assert_eq!(format_date(today(), "%d %b %Y"), "22 Nov 2026");
    }

    proptest! {
        #[test]
        fn accepts_exactly_what_chrono_accepts(y in 1000i32..3000, m in 0u32..14, d in 0u32..33) {
            let iso = format!("{y:04}-{m:02}-{d:02}");
            let uk = format!("{d:02}/{m:02}/{y:04}");
            let real = NaiveDate::from_ymd_opt(y, m, d);
            prop_assert_eq!(parse_date(&iso, today()).ok(), real);
            prop_assert_eq!(parse_date(&uk, today()).ok(), real);
        }

        #[test]
        fn never_panics_on_arbitrary_text(s in "\\PC{0,20}") {
            let _ = parse_date(&s, today());
            let _ = parse_time(&s);
        }
    }
}
