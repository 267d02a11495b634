//! Calendars (.ics, as Outlook and Google export them) through the icalendar crate's parser:
//! one row per event, with its summary, first and last day (inclusive) and description.

use super::ImportError;
use super::read::decode_text;
use super::table::{Cell, Row, Table};
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use icalendar::{Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime};

/// The columns a calendar gives, in this order.
pub const SUMMARY: &str = "Summary";
pub const FIRST_DAY: &str = "First day";
pub const LAST_DAY: &str = "Last day";
pub const DESCRIPTION: &str = "Description";
pub const REPEATS: &str = "Repeats";
/// The times of an event that is not all-day (`13:00–17:00`), which leave cannot keep.
pub const TIMES: &str = "Times";

/// An event's times, when it has them: `13:00–17:00`, or with the days when it runs over
/// more than one (`Mon 13:00 – Wed 17:00`).
fn times(start: DatePerhapsTime, end: Option<DatePerhapsTime>) -> Option<String> {
    let (start, all_day) = local(start);
    if all_day {
        return None;
    }
    let end = end.map(local).map(|(end, _)| end);
    Some(match end {
        Some(end) if end.date() == start.date() => {
            format!("{}–{}", start.format("%H:%M"), end.format("%H:%M"))
        }
        Some(end) => format!("{} – {}", start.format("%a %H:%M"), end.format("%a %H:%M")),
        None => format!("from {}", start.format("%H:%M")),
    })
}

/// An event's start or end as a local date and time (a date alone is midnight, all day).
fn local(when: DatePerhapsTime) -> (NaiveDateTime, bool) {
    match when {
        DatePerhapsTime::Date(d) => (d.and_time(NaiveTime::MIN), true),
        DatePerhapsTime::DateTime(CalendarDateTime::Floating(dt)) => (dt, false),
        // The time zone named is the writer's own (Outlook's "GMT Standard Time"): the
        // date it shows is the day the person meant.
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, .. }) => {
            (date_time, false)
        }
        // UTC is shown in this machine's time zone, as the person's calendar showed it.
        DatePerhapsTime::DateTime(CalendarDateTime::Utc(dt)) => {
            (dt.with_timezone(&chrono::Local).naive_local(), false)
        }
    }
}

/// The first and last day an event covers, inclusive. An end is exclusive in iCalendar: an
/// all-day event from 3 Aug to 15 Aug ends on 14 Aug, and so does one ending at midnight.
fn days(start: DatePerhapsTime, end: Option<DatePerhapsTime>) -> (NaiveDate, NaiveDate) {
    let (start, _) = local(start);
    let first = start.date();
    let last = match end.map(local) {
        Some((end, _)) if end.date() > first && end.time() == NaiveTime::MIN => {
            end.date() - Days::new(1)
        }
        Some((end, _)) if end.date() > first => end.date(),
        _ => first,
    };
    (first, last)
}

/// The 1-based line on which each `BEGIN:VEVENT` stands, in order.
fn event_lines(text: &str) -> Vec<u64> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim().eq_ignore_ascii_case("BEGIN:VEVENT"))
        .map(|(i, _)| i as u64 + 1)
        .collect()
}

pub fn read_calendar(name: &str, bytes: &[u8], matching: &[String]) -> Result<Table, ImportError> {
    let text = decode_text(bytes);
    if !text
        .trim_start()
        .to_ascii_uppercase()
        .starts_with("BEGIN:VCALENDAR")
    {
        return Err(ImportError::Format(format!(
            "{name} is not an iCalendar file (it does not begin with BEGIN:VCALENDAR); export the calendar from Outlook or Google as .ics"
        )));
    }
    let calendar: Calendar = text.parse().map_err(|e: String| {
        let first = e.lines().next().unwrap_or("").trim().to_string();
        ImportError::Format(format!("{name} cannot be read as a calendar: {first}"))
    })?;
    let lines = event_lines(&text);
    let wanted: Vec<String> = matching.iter().map(|m| m.trim().to_lowercase()).collect();
    let mut rows = Vec::new();
    let mut left_out = 0;
    let events = calendar.components.iter().filter_map(|c| match c {
        CalendarComponent::Event(e) => Some(e),
        _ => None,
    });
    for (i, event) in events.enumerate() {
        let number = lines.get(i).copied().unwrap_or(0);
        let summary = event.get_summary().unwrap_or("").trim().to_string();
        let cancelled = event
            .property_value("STATUS")
            .is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED"));
        let lower = summary.to_lowercase();
        let matches = wanted.is_empty() || wanted.iter().any(|w| lower.contains(w.as_str()));
        if cancelled || !matches {
            left_out += 1;
            continue;
        }
        let (first, last, timed) = match event.get_start() {
            Some(start) => {
                let (first, last) = days(start.clone(), event.get_end());
                let timed = times(start, event.get_end());
                (Cell::Date(first), Cell::Date(last), timed)
            }
            None => (Cell::Empty, Cell::Empty, None),
        };
        let text_cell = |t: &str| {
            if t.trim().is_empty() {
                Cell::Empty
            } else {
                Cell::Text(t.trim().to_string())
            }
        };
        rows.push(Row {
            number,
            cells: vec![
                text_cell(&summary),
                first,
                last,
                text_cell(event.get_description().unwrap_or("")),
                text_cell(event.property_value("RRULE").unwrap_or("")),
                text_cell(timed.as_deref().unwrap_or("")),
            ],
        });
    }
    Ok(Table {
        file: name.to_string(),
        sheet: None,
        sheets: Vec::new(),
        headers: [SUMMARY, FIRST_DAY, LAST_DAY, DESCRIPTION, REPEATS, TIMES]
            .map(String::from)
            .to_vec(),
        header_row: 0,
        above_header: 0,
        rows,
        unit: "line",
        left_out,
        calendar: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n\
BEGIN:VEVENT\r\nSUMMARY:Annual leave\r\nDTSTART;VALUE=DATE:20260803\r\nDTEND;VALUE=DATE:20260815\r\nUID:a\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:Team meeting\r\nDTSTART;TZID=GMT Standard Time:20260804T100000\r\nDTEND;TZID=GMT Standard Time:20260804T110000\r\nUID:b\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:Sick\r\nDTSTART:20261001T000000\r\nDTEND:20261003T000000\r\nUID:c\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

    fn day(m: u32, d: u32) -> Cell {
        Cell::Date(NaiveDate::from_ymd_opt(2026, m, d).unwrap())
    }

    #[test]
    fn all_day_and_timed_events_become_inclusive_days_on_their_lines() {
        let table = read_calendar("cal.ics", ICS.as_bytes(), &[]).unwrap();
        assert_eq!(table.rows.len(), 3);
        assert_eq!(table.rows[0].number, 4);
        assert_eq!(
            table.rows[0].cells[..3],
            [Cell::Text("Annual leave".into()), day(8, 3), day(8, 14)]
        );
        assert_eq!(table.rows[1].cells[1..3], [day(8, 4), day(8, 4)]);
        // Ends at midnight: the last day is the day before.
        assert_eq!(table.rows[2].cells[1..3], [day(10, 1), day(10, 2)]);
    }

    #[test]
    fn match_keeps_only_events_whose_summary_contains_it() {
        let table = read_calendar("cal.ics", ICS.as_bytes(), &["LEAVE".into()]).unwrap();
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.left_out, 2);
    }

    #[test]
    fn a_file_that_is_not_a_calendar_says_so() {
        let err = read_calendar("x.ics", b"hello", &[])
            .unwrap_err()
            .to_string();
        assert!(err.contains("not an iCalendar file"), "{err}");
    }
}
