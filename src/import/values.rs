//! A cell read as the value its field needs: dates in any form the command line accepts, plus
//! spreadsheet dates and Excel date serials; times, minutes, hours, yes/no, text.

use super::table::{Cell, format_number};
use crate::domain::amounts;
use crate::domain::dates::{ClockTime, DateError, Towards, parse_date_shown, parse_time};
use chrono::{Days, NaiveDate, Timelike};

/// How a date such as 03/04/2026 is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// 3 April (UK; the default).
    DayFirst,
    /// 4 March (a US export), from `--month-first`.
    MonthFirst,
}

/// How this file's dates are read: as the user said, or from the file's own dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Order {
    Given(DateOrder),
    /// Day first: no date in the file says otherwise (or some say day first).
    Usual,
    /// The file has a date that can only be month first (e.g. 11/22/2026) and none that can
    /// only be day first, and the user said neither: a date both ways round is refused.
    Unsure {
        example: String,
        row: u64,
    },
}

/// `a/b/y` with one- or two-digit a and b, as numbers.
fn slash_parts(text: &str) -> Option<(u32, u32)> {
    let mut parts = text.trim().split('/');
    let (a, b) = (parts.next()?, parts.next()?);
    let y = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let short = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit());
    if !short(a)
        || !short(b)
        || y.is_some_and(|y| y.is_empty() || !y.bytes().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// What the file's own dates say about their order, over every date cell given.
pub fn order_of<'a>(
    given: Option<DateOrder>,
    cells: impl Iterator<Item = (u64, &'a Cell)>,
) -> Order {
    if let Some(order) = given {
        return Order::Given(order);
    }
    let mut month_first = None;
    for (row, cell) in cells {
        let Cell::Text(text) = cell else { continue };
        match slash_parts(text) {
            Some((a, b)) if a > 12 && b <= 12 => return Order::Usual,
            Some((a, b)) if a <= 12 && b > 12 && month_first.is_none() => {
                month_first = Some((text.trim().to_string(), row));
            }
            _ => {}
        }
    }
    match month_first {
        Some((example, row)) => Order::Unsure { example, row },
        None => Order::Usual,
    }
}

/// The 1900 date system's serial number `n` as a date (Excel, LibreOffice and Google Sheets
/// count days from 30 Dec 1899, with Excel's 29 Feb 1900 that never was).
pub fn excel_serial(n: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    let days = n.floor() as u64;
    if days == 60 {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = if days < 60 { days + 1 } else { days };
    epoch.checked_add_days(Days::new(days))
}

pub struct DateReading<'a> {
    pub order: &'a Order,
    /// "row" or "line", for messages.
    pub unit: &'a str,
    pub today: NaiveDate,
    pub display_format: &'a str,
}

/// A cell as a date, or why not (what the cell holds and what is accepted).
pub fn date(cell: &Cell, towards: Towards, how: &DateReading<'_>) -> Result<NaiveDate, String> {
    match cell {
        Cell::Date(d) => Ok(*d),
        Cell::DateTime(dt) => Ok(dt.date()),
        Cell::Number(n) => excel_serial(*n).ok_or_else(|| {
            format!(
                "`{}` is not a date (nor an Excel date serial)",
                format_number(*n)
            )
        }),
        Cell::Text(text) => text_date(text, towards, how),
        other => Err(format!("`{}` is not a date", other.shown())),
    }
}

fn text_date(text: &str, towards: Towards, how: &DateReading<'_>) -> Result<NaiveDate, String> {
    let mut text = text.trim();
    // A date and a midnight time, as many exports write dates ("2026-11-22 00:00:00").
    for cut in [" 00:00:00", "T00:00:00", " 00:00", "T00:00"] {
        if let Some(date) = text.strip_suffix(cut) {
            text = date.trim();
        }
    }
    if !text.is_empty() && text.len() <= 7 && text.bytes().all(|c| c.is_ascii_digit()) {
        return text
            .parse::<f64>()
            .ok()
            .and_then(excel_serial)
            .ok_or_else(|| format!("`{text}` is not a date (nor an Excel date serial)"));
    }
    let swapped;
    let mut input = text;
    if let Some((a, b)) = slash_parts(text) {
        let month_first_only = a <= 12 && b > 12;
        let both_ways = a <= 12 && b <= 12 && a != b;
        match how.order {
            Order::Given(DateOrder::MonthFirst) => {
                let (first, rest) = text.split_once('/').unwrap_or((text, ""));
                let (second, year) = rest
                    .split_once('/')
                    .map_or((rest, None), |(s, y)| (s, Some(y)));
                swapped = match year {
                    Some(y) => format!("{second}/{first}/{y}"),
                    None => format!("{second}/{first}"),
                };
                input = &swapped;
            }
            Order::Unsure { example, row } if both_ways => {
                let unit = how.unit;
                return Err(format!(
                    "`{text}` could be day first or month first, and this file has month-first dates such as `{example}` ({unit} {row}); say which with --day-first or --month-first"
                ));
            }
            Order::Given(DateOrder::DayFirst) | Order::Usual | Order::Unsure { .. }
                if month_first_only =>
            {
                return Err(format!(
                    "`{text}` is not a date read day first; if this file writes the month first, add --month-first"
                ));
            }
            _ => {}
        }
    }
    let date = parse_date_shown(input, how.today, towards, how.display_format).map_err(|e| match e {
        // The command line's list of forms includes today, weekdays and +3, which a file
        // may not use (see `written_whole`).
        DateError::Unrecognised(text) => format!(
            "`{text}` is not a date; in a file, write it with its year, e.g. 22/11/2026, 22 Nov 2026 or 2026-11-22"
        ),
        other => other.to_string(),
    })?;
    written_whole(text, date, how.display_format)?;
    Ok(date)
}

/// A file is read again on other days (a re-import finds what is already there by its
/// dates), so its dates must not depend on the day it is read: a date without a year
/// (`3rd June`) or a day relative to today (`next fri`, `tomorrow`, `+3`) is refused, where
/// typing them at the command line is fine.
fn written_whole(text: &str, read_as: NaiveDate, display_format: &str) -> Result<(), String> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let numbers: Vec<&str> = words
        .iter()
        .map(|w| w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']))
        .filter(|w| !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit()))
        .collect();
    let month_named = words
        .iter()
        .any(|w| MONTHS.iter().any(|m| w.starts_with(m)));
    let with_year = numbers.iter().any(|n| n.len() == 4)
        || numbers.len() >= 3
        || (month_named && numbers.len() >= 2);
    if with_year {
        return Ok(());
    }
    let example = crate::domain::dates::format_date(read_as, display_format);
    let relative = numbers.is_empty() || text.trim_start().starts_with(['+', '-']);
    Err(if relative {
        format!(
            "`{}` is a day counted from today; in a file, write the date itself with its year (e.g. {example}), so that importing the file again on another day reads the same date",
            text.trim()
        )
    } else {
        format!(
            "`{}` has no year; in a file, write the date with its year (e.g. {example}), so that importing the file again next year reads the same date",
            text.trim()
        )
    })
}

/// A cell as a time of day.
pub fn time(cell: &Cell) -> Result<ClockTime, String> {
    let from_fraction = |f: f64| {
        let minutes = (f * 1440.0).round() as u32;
        ClockTime::from_hm(minutes / 60, minutes % 60)
    };
    let found = match cell {
        Cell::TimeOfDay(f) => from_fraction(*f),
        Cell::Duration(h) if (0.0..24.0).contains(h) => from_fraction(h / 24.0),
        Cell::DateTime(dt) => ClockTime::from_hm(dt.hour(), dt.minute()),
        Cell::Text(text) => {
            let t = text.trim();
            // 09:00:00, and 9.30 as some diaries write it.
            let t = match t.matches(':').count() {
                2 if t.ends_with(":00") => &t[..t.len() - 3],
                _ => t,
            };
            let dotted = t.replacen('.', ":", 1);
            return parse_time(t)
                .or_else(|_| parse_time(&dotted))
                .map_err(|e| e.to_string());
        }
        _ => None,
    };
    found.ok_or_else(|| {
        format!(
            "`{}` is not a time; use 24-hour HH:MM, e.g. 09:00 or 17:30",
            cell.shown()
        )
    })
}

/// A cell as minutes of break: `30`, `30m`, `30 mins`, `0:30` (read as the command line reads
/// `--break`), or a time or duration cell.
pub fn minutes(cell: &Cell) -> Result<u32, String> {
    let bad = || amounts::AmountError::Minutes(cell.shown()).to_string();
    let whole = |m: f64| {
        (0.0..1440.0)
            .contains(&m)
            .then(|| m.round() as u32)
            .ok_or_else(bad)
    };
    match cell {
        Cell::Number(n) if n.fract() == 0.0 => whole(*n),
        Cell::TimeOfDay(f) => whole(f * 1440.0),
        Cell::Duration(h) => whole(h * 60.0),
        Cell::Text(text) => amounts::minutes(text).map_err(|e| e.to_string()),
        _ => Err(bad()),
    }
}

/// A cell as hours: `7.5`, `7,5`, `7:30`, `7h30` (read as the command line reads `--hours`),
/// or a number, time or duration cell.
pub fn hours(cell: &Cell) -> Result<f64, String> {
    match cell {
        Cell::Number(n) => Ok(*n),
        Cell::Duration(h) => Ok(*h),
        Cell::TimeOfDay(f) => Ok((f * 24.0 * 60.0).round() / 60.0),
        Cell::Text(text) => amounts::hours(text).map_err(|e| e.to_string()),
        other => Err(amounts::AmountError::Hours(other.shown()).to_string()),
    }
}

/// A cell as a number (the weekly hours of a case), with a decimal point or comma.
pub fn number(cell: &Cell) -> Result<f64, String> {
    match cell {
        Cell::Number(n) => Ok(*n),
        Cell::Duration(h) => Ok(*h),
        Cell::Text(t) => amounts::decimal(t.trim().trim_end_matches('h')).ok_or_else(|| {
            format!(
                "`{}` is not a number; give the weekly hours, e.g. 2.5",
                t.trim()
            )
        }),
        other => Err(format!("`{}` is not a number", other.shown())),
    }
}

/// A cell as yes or no.
// A spreadsheet stores a tick box as exactly 1 or 0, so they are compared exactly.
#[allow(clippy::float_cmp)]
pub fn yes_no(cell: &Cell) -> Result<bool, String> {
    match cell {
        Cell::Bool(b) => Ok(*b),
        Cell::Number(n) if *n == 1.0 => Ok(true),
        Cell::Number(n) if *n == 0.0 => Ok(false),
        Cell::Text(t) => match t.trim().to_lowercase().as_str() {
            "yes" | "y" | "true" | "1" | "discussed" | "agreed" | "✓" | "✔" | "x" => Ok(true),
            "no" | "n" | "false" | "0" | "not discussed" | "undiscussed" | "none" | "✗" => {
                Ok(false)
            }
            _ => Err(format!("`{}` is not yes or no", t.trim())),
        },
        other => Err(format!("`{}` is not yes or no", other.shown())),
    }
}

/// A cell as text (numbers as they show: a reference 1234 stays `1234`).
pub fn text(cell: &Cell) -> String {
    cell.shown()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn read(text: &str, order: &Order) -> Result<NaiveDate, String> {
        let how = DateReading {
            order,
            unit: "row",
            today: d(2026, 11, 22),
            display_format: "%d %b %Y",
        };
        date(&Cell::Text(text.into()), Towards::Past, &how)
    }

    #[test]
    fn a_date_in_a_file_has_its_year_and_is_not_counted_from_today() {
        for written in [
            "22/11/2026",
            "22/11/26",
            "2026-11-22",
            "22 Nov 2026",
            "22nd November 26",
        ] {
            assert_eq!(
                read(written, &Order::Usual),
                Ok(d(2026, 11, 22)),
                "{written}"
            );
        }
        let err = read("3rd June", &Order::Usual).unwrap_err();
        assert_eq!(
            err,
            "`3rd June` has no year; in a file, write the date with its year (e.g. 03 Jun 2026), so that importing the file again next year reads the same date"
        );
        assert!(
            read("03/06", &Order::Usual)
                .unwrap_err()
                .contains("has no year")
        );
        for relative in ["next fri", "today", "tomorrow", "+3", "-2", "monday"] {
            let err = read(relative, &Order::Usual).unwrap_err();
            assert!(
                err.contains("is a day counted from today"),
                "{relative}: {err}"
            );
        }
    }

    #[test]
    fn excel_serials_are_the_1900_system() {
        assert_eq!(excel_serial(46348.0), Some(d(2026, 11, 22)));
        assert_eq!(excel_serial(46348.75), Some(d(2026, 11, 22)));
        assert_eq!(excel_serial(1.0), Some(d(1900, 1, 1)));
        assert_eq!(excel_serial(61.0), Some(d(1900, 3, 1)));
        assert_eq!(excel_serial(60.0), None);
        assert_eq!(read("46348", &Order::Usual), Ok(d(2026, 11, 22)));
    }

    #[test]
    fn ambiguous_dates_follow_the_flag_or_the_file() {
        assert_eq!(read("03/04/2026", &Order::Usual), Ok(d(2026, 4, 3)));
        assert_eq!(
            read("03/04/2026", &Order::Given(DateOrder::MonthFirst)),
            Ok(d(2026, 3, 4))
        );
        assert_eq!(
            read("11/22/2026", &Order::Given(DateOrder::MonthFirst)),
            Ok(d(2026, 11, 22))
        );
        let unsure = Order::Unsure {
            example: "11/22/2026".into(),
            row: 7,
        };
        let err = read("03/04/2026", &unsure).unwrap_err();
        assert!(
            err.contains("--day-first or --month-first") && err.contains("row 7"),
            "{err}"
        );
        // The same either way round is not ambiguous.
        assert_eq!(read("04/04/2026", &unsure), Ok(d(2026, 4, 4)));
        let err = read("11/22/2026", &Order::Usual).unwrap_err();
        assert!(err.contains("--month-first"), "{err}");
        // Other forms the command line takes, and an export's midnight.
        assert_eq!(read("22 Nov 2026", &Order::Usual), Ok(d(2026, 11, 22)));
        assert_eq!(
            read("2026-11-22 00:00:00", &Order::Usual),
            Ok(d(2026, 11, 22))
        );
    }

    #[test]
    fn the_files_own_dates_decide_the_order() {
        let cells = [
            Cell::Text("03/04/2026".into()),
            Cell::Text("11/22/2026".into()),
        ];
        let order = order_of(
            None,
            cells.iter().enumerate().map(|(i, c)| (i as u64 + 2, c)),
        );
        assert_eq!(
            order,
            Order::Unsure {
                example: "11/22/2026".into(),
                row: 3
            }
        );
        let cells = [
            Cell::Text("11/22/2026".into()),
            Cell::Text("22/11/2026".into()),
        ];
        assert_eq!(order_of(None, cells.iter().map(|c| (1, c))), Order::Usual);
    }

    #[test]
    fn times_minutes_and_hours_in_their_usual_spellings() {
        assert_eq!(
            time(&Cell::Text("9:05".into())).unwrap().to_string(),
            "09:05"
        );
        assert_eq!(
            time(&Cell::Text("17.30".into())).unwrap().to_string(),
            "17:30"
        );
        assert_eq!(
            time(&Cell::Text("08:30:00".into())).unwrap().to_string(),
            "08:30"
        );
        assert_eq!(time(&Cell::TimeOfDay(0.375)).unwrap().to_string(), "09:00");
        assert!(time(&Cell::Text("late".into())).is_err());
        assert_eq!(minutes(&Cell::Text("30 mins".into())), Ok(30));
        assert_eq!(minutes(&Cell::Text("0:45".into())), Ok(45));
        assert_eq!(minutes(&Cell::TimeOfDay(30.0 / 1440.0)), Ok(30));
        assert!(minutes(&Cell::Text("half an hour".into())).is_err());
        assert_eq!(hours(&Cell::Text("7:30".into())), Ok(7.5));
        assert_eq!(hours(&Cell::Text("7.5h".into())), Ok(7.5));
        assert_eq!(hours(&Cell::Text("7,5".into())), Ok(7.5));
        assert_eq!(number(&Cell::Text("2,5".into())), Ok(2.5));
        assert_eq!(yes_no(&Cell::Text("No".into())), Ok(false));
        assert!(yes_no(&Cell::Text("maybe".into())).is_err());
    }
}
