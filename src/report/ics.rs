//! `--format ics`: deadlines and leave as all-day events, with UIDs that stay the same when
//! the calendar is exported again, so importing twice updates rather than duplicates. Their
//! text shows a journal's control characters as visible escapes, as every writer does.

use super::Report;
use super::printable::printable;
use chrono::{Days, Utc};
use icalendar::{Calendar, Component, EventLike};

pub fn write(report: &Report) -> String {
    let stamp = report.generated_at.with_timezone(&Utc);
    // The defaults name the library (PRODID:ICALENDAR-RS); a calendar names its maker.
    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        (
            "PRODID",
            concat!("-//caseload//caseload ", env!("CARGO_PKG_VERSION"), "//EN"),
        ),
        ("CALSCALE", "GREGORIAN"),
    ] {
        calendar.append_property(icalendar::Property::new(key, value));
    }
    calendar.name("caseload: deadlines and leave");
    calendar.append_property(icalendar::Property::new(
        "X-CASELOAD-DOCUMENT",
        &report.made_from.line,
    ));
    // Stable across exports: the journal's identity and the record's number.
    let journal = &report.detail.journal_id;
    let uid =
        |kind: &str, record: u64| format!("caseload-{journal}-{kind}-{record}@caseload.invalid");
    for item in &report.detail.chronology {
        let start = item.date;
        match item.kind {
            "deadline" => {
                let case = item
                    .case
                    .as_deref()
                    .map(|c| format!("{c}: "))
                    .unwrap_or_default();
                let summary = format!(
                    "Deadline: {case}{}",
                    item.detail.split(" due").next().unwrap_or(&item.detail)
                );
                let description = format!(
                    "{}{}",
                    item.detail,
                    if item.flags.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", item.flags.join("; "))
                    }
                );
                calendar.push(
                    icalendar::Event::new()
                        .uid(&uid("deadline", item.record))
                        .timestamp(stamp)
                        .summary(&printable(&summary))
                        .description(&printable(&description))
                        .starts(start)
                        .ends(start + Days::new(1))
                        .done(),
                );
            }
            "leave" => {
                let end = item.until.unwrap_or(start) + Days::new(1);
                calendar.push(
                    icalendar::Event::new()
                        .uid(&uid("leave", item.record))
                        .timestamp(stamp)
                        .summary(&printable(&item.detail))
                        .starts(start)
                        .ends(end)
                        .done(),
                );
            }
            _ => {}
        }
    }
    for u in &report.detail.upcoming {
        let due = u.due;
        let case = u
            .case
            .as_deref()
            .map(|c| format!("{c}: "))
            .unwrap_or_default();
        calendar.push(
            icalendar::Event::new()
                .uid(&uid("deadline", u.record))
                .timestamp(stamp)
                .summary(&printable(&format!("Deadline: {case}{}", u.what)))
                .description(&printable(&u.flags.join("; ")))
                .starts(due)
                .ends(due + Days::new(1))
                .done(),
        );
    }
    calendar.done().to_string()
}
