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
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn accepts_every_documented_form() {
        let t = today(); // Sunday 22 Nov 2026
        for (typed, want) in [
            ("2026-11-22", d(2026, 11, 22)),
            ("22/11/2026", d(2026, 11, 22)),
            ("22/11/26", d(2026, 11, 22)),
            ("1/2/2026", d(2026, 2, 1)),
            ("22 Nov 2026", d(2026, 11, 22)),
            ("22 nov 2026", d(2026, 11, 22)),
            ("  22   November  2026 ", d(2026, 11, 22)),
            ("22nd Nov, 2026", d(2026, 11, 22)),
            ("1st sept 26", d(2026, 9, 1)),
            ("22 nov", d(2026, 11, 22)),
            ("Today", d(2026, 11, 22)),
            ("yesterday", d(2026, 11, 21)),
            ("TOMORROW", d(2026, 11, 23)),
            ("+14", d(2026, 12, 6)),
            ("-3", d(2026, 11, 19)),
            ("+0", d(2026, 11, 22)),
            ("fri", d(2026, 11, 20)),
            ("Monday", d(2026, 11, 16)),
            ("sun", d(2026, 11, 15)),
            ("last sun", d(2026, 11, 15)),
            ("next mon", d(2026, 11, 23)),
        ] {
            assert_eq!(parse_date(typed, t), Ok(want), "{typed}");
        }
    }

    #[test]
    fn due_dates_look_forward() {
        let t = today(); // Sunday 22 Nov 2026
        for (typed, want) in [
            ("fri", d(2026, 11, 27)),
            ("Sunday", d(2026, 11, 29)),
            ("last fri", d(2026, 11, 20)),
            ("5 jan", d(2027, 1, 5)),
            ("22 nov", d(2026, 11, 22)),
            ("5/1", d(2027, 1, 5)),
            ("29 feb", d(2028, 2, 29)),
        ] {
            assert_eq!(parse_due_date(typed, t), Ok(want), "{typed}");
        }
        assert_eq!(parse_date("5 dec", t), Ok(d(2025, 12, 5)));
        assert_eq!(parse_date("29 feb", t), Ok(d(2024, 2, 29)));
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        for impossible in [
            "30/02/2026",
            "2025-02-29",
            "31 Apr 2026",
            "30 feb",
            "31/11",
            "32nd Nov",
            "0/1/2026",
        ] {
            assert!(
                matches!(
                    parse_date(impossible, today()),
                    Err(DateError::Impossible(_))
                ),
                "{impossible}"
            );
        }
        for bad in [
            "",
            "2026/11/22",
            "22-11-2026",
            "26-11-22",
            "2026-11-22x",
            "+2026-11-22",
            "2026--11",
            "22/11/202",
            "22 Nov 202",
            "22 Novem 2026",
            "+",
            "++3",
            "+12345",
            "next",
            "last week",
            "monday next",
            "22 nov 2026 extra",
            "1/2/3/4",
        ] {
            assert!(
                matches!(parse_date(bad, today()), Err(DateError::Unrecognised(_))),
                "{bad} gave {:?}",
                parse_date(bad, today())
            );
        }
        assert_eq!(
            parse_date("soon", today()).unwrap_err().to_string(),
            format!("`soon` is not a date; use {DATE_FORMS}")
        );
    }

    #[test]
    fn the_display_format_reads_back() {
        let t = today();
        assert_eq!(
            parse_date_shown("Sunday 22 November 2026", t, Towards::Past, "%A %d %B %Y"),
            Ok(t)
        );
        assert_eq!(
            parse_date_shown("22.11.2026", t, Towards::Past, "%d.%m.%Y"),
            Ok(t)
        );
        assert!(parse_date_shown("22.11.2026", t, Towards::Past, "%d %b %Y").is_err());
    }

    #[test]
    fn messages_show_dates_in_the_display_format() {
        assert_eq!(
            show_dates(
                "the date 2026-12-01 is in the future (today is 2026-11-22); `2026-12-01` was typed",
                "%d %b %Y"
            ),
            "the date 01 Dec 2026 is in the future (today is 22 Nov 2026); `2026-12-01` was typed"
        );
        assert_eq!(
            show_dates("id 12026-11-22 and 2026-13-01", "%d %b %Y"),
            "id 12026-11-22 and 2026-13-01"
        );
        assert_eq!(show_dates("é 2026-11-22é", "%d/%m/%Y"), "é 2026-11-22é");
        assert_eq!(show_dates("(2026-11-22)", "%d/%m/%Y"), "(22/11/2026)");
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

    /// Every spelling of a day that is accepted parses to the same day as its ISO spelling.
    fn spellings(date: NaiveDate) -> Vec<String> {
        let month = MONTHS[date.month0() as usize];
        let (y, m, day) = (date.year(), date.month(), date.day());
        vec![
            format!("{y:04}-{m:02}-{day:02}"),
            format!("{y:04}-{m}-{day}"),
            format!("{day:02}/{m:02}/{y:04}"),
            format!("{day}/{m}/{y}"),
            format!("{day}/{m}/{:02}", y % 100),
            format!("{day} {} {y}", &month[..3]),
            format!("{day:02} {} {y}", month.to_uppercase()),
            format!("{day} {month}, {:02}", y % 100),
            format_date(date, "%d %b %Y"),
            format_date(date, "%e %B %Y"),
        ]
    }

    proptest! {
        #[test]
        fn each_accepted_form_is_the_same_day_as_its_iso_spelling(days in 0u32..36_500, t in 0u32..36_500) {
            let date = d(2000, 1, 1) + chrono::Days::new(u64::from(days));
            let today = d(2000, 1, 1) + chrono::Days::new(u64::from(t));
            let iso = parse_date(&date.format("%Y-%m-%d").to_string(), today);
            prop_assert_eq!(iso, Ok(date));
            for spelling in spellings(date) {
                prop_assert_eq!(parse_date(&spelling, today), Ok(date), "{}", spelling);
                prop_assert_eq!(parse_due_date(&spelling, today), Ok(date), "{}", spelling);
            }
            // Without a year: the latest on or before today, or the next on or after it.
            let no_year = format!("{} {}", date.day(), &MONTHS[date.month0() as usize][..3]);
            if let Ok(past) = parse_date(&no_year, today) {
                prop_assert!(past <= today && (past.month(), past.day()) == (date.month(), date.day()));
                prop_assert!(today.year() - past.year() <= 4);
            }
            if let Ok(due) = parse_due_date(&no_year, today) {
                prop_assert!(due >= today && (due.month(), due.day()) == (date.month(), date.day()));
            }
        }

        #[test]
        fn relative_and_weekday_forms_count_from_today(t in 0u32..36_000, n in 0i64..400) {
            let today = d(2000, 1, 1) + chrono::Days::new(u64::from(t));
            prop_assert_eq!(parse_date(&format!("+{n}"), today), Ok(today + chrono::Duration::days(n)));
            prop_assert_eq!(parse_date(&format!("-{n}"), today), Ok(today - chrono::Duration::days(n)));
            for name in ["mon", "tuesday", "Wed", "thurs", "FRI", "sat", "sunday"] {
                let past = parse_date(name, today).unwrap();
                let due = parse_due_date(name, today).unwrap();
                prop_assert_eq!(past.weekday(), due.weekday());
                prop_assert!((1..=7).contains(&(today - past).num_days()));
                prop_assert!((1..=7).contains(&(due - today).num_days()));
            }
        }

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
            let _ = parse_due_date(&s, today());
            let _ = parse_time(&s);
            let _ = show_dates(&s, "%d %b %Y");
        }
    }
}

#[cfg(test)]
#[path = "dates_leave_tests.rs"]
mod leave_tests;
