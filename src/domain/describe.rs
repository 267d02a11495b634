//! A record in a few words, naming what it is about: "case FD1 closed on 21 Nov 2026",
//! "deadline 2 (S7 filing) met on 22 Nov 2026". Used where a record is named to the user
//! (undo, `list events`).

use super::dates::format_date;
use super::event::Event;
use super::replay::{Record, State};

/// At most this many characters of free text are quoted.
const QUOTED: usize = 40;

fn quoted(text: &str) -> String {
    let line = text.replace('\n', " ");
    let mut short: String = line.chars().take(QUOTED).collect();
    if line.chars().count() > QUOTED {
        short.push('…');
    }
    format!("“{short}”")
}

/// What the deadline `id` is, for naming it: `deadline 2 (S7 filing, FD1)`.
fn deadline(id: u64, records: &[Record], state: &State) -> String {
    let what = state
        .deadline(id)
        .map(|d| (d.what.clone(), d.case.clone()))
        .or_else(|| {
            // A withdrawn deadline is no longer in the state: its own line still names it.
            records
                .get((id as usize).checked_sub(1)?)
                .and_then(|r| match &r.event {
                    Event::DeadlineSet(d) => Some((d.what.clone(), d.case.clone())),
                    _ => None,
                })
        });
    match what {
        Some((what, Some(case))) => format!("deadline {id} ({what}, {case})"),
        Some((what, None)) => format!("deadline {id} ({what})"),
        None => format!("deadline {id}"),
    }
}

/// The event of `record` in a few words, dates in `date_format`.
pub fn describe(event: &Event, records: &[Record], state: &State, date_format: &str) -> String {
    let show = |d| format_date(d, date_format);
    match event {
        Event::CaseAllocated(e) => format!(
            "case {} allocated on {}{}",
            e.reference,
            show(e.allocated_on),
            if e.discussed { "" } else { ", undiscussed" }
        ),
        Event::CaseClosed(e) => format!("case {} closed on {}", e.reference, show(e.on)),
        Event::DeadlineSet(e) => format!(
            "deadline “{}” due {}{}",
            e.what,
            show(e.due),
            e.case
                .as_deref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default()
        ),
        Event::DeadlineMet(e) => format!(
            "{} met on {}",
            deadline(e.deadline, records, state),
            show(e.on)
        ),
        Event::DeadlineExtended(e) => format!(
            "{} extended to {}",
            deadline(e.deadline, records, state),
            show(e.due)
        ),
        Event::LeaveAdded(e) => format!(
            "{} from {} to {}",
            e.kind.label().to_lowercase(),
            show(e.from),
            show(e.to)
        ),
        Event::HoursLogged(e) => match (e.start, e.end) {
            (Some(s), Some(end)) => format!("hours on {}, {s} to {end}", show(e.date)),
            _ => format!("{} hours on {}", e.worked(), show(e.date)),
        },
        Event::NoteAdded(e) => format!("note of {}: {}", show(e.date), quoted(&e.text)),
        Event::Voided { target, reason } => {
            format!("withdrawal of record {target} ({})", quoted(reason))
        }
        Event::Redacted { was, .. } => {
            format!("a {} whose text was redacted", was.replace('_', " "))
        }
        Event::Redaction { target, reason } => {
            format!("redaction of record {target} ({})", quoted(reason))
        }
        Event::CutOff {
            bytes, moved_to, ..
        } => format!(
            "a write cut off ({bytes} bytes, moved to {}): this line keeps its record number",
            quoted(moved_to)
        ),
        Event::Amended { target, record } => format!(
            "amendment of record {target}: {}",
            describe(record, records, state, date_format)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::replay::replay;
    use crate::domain::{CaseClosed, DeadlineMet, DeadlineSet, NoteAdded};
    use chrono::{DateTime, NaiveDate};

    fn rec(seq: u64, event: Event) -> Record {
        Record {
            seq,
            at: DateTime::parse_from_rfc3339("2026-11-22T09:00:00+00:00").unwrap(),
            event,
        }
    }

    #[test]
    fn names_what_each_record_is_about() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let records = vec![
            rec(
                1,
                Event::DeadlineSet(DeadlineSet {
                    case: Some("FD1".into()),
                    what: "S7 filing".into(),
                    due: day,
                    imported: None,
                }),
            ),
            rec(
                2,
                Event::DeadlineMet(DeadlineMet {
                    deadline: 1,
                    on: day,
                    imported: None,
                }),
            ),
            rec(
                3,
                Event::CaseClosed(CaseClosed {
                    reference: "FD1".into(),
                    on: day,
                    outcome: None,
                    imported: None,
                }),
            ),
            rec(
                4,
                Event::from(NoteAdded {
                    date: day,
                    text: "A long note that goes on and on\nand on past forty characters".into(),
                    standards: vec![],
                    stress: None,
                    told: None,
                }),
            ),
        ];
        let state = replay(&records);
        let d = |i: usize| describe(&records[i].event, &records, &state, "%d %b %Y");
        assert_eq!(d(0), "deadline “S7 filing” due 21 Nov 2026 (FD1)");
        assert_eq!(d(1), "deadline 1 (S7 filing, FD1) met on 21 Nov 2026");
        assert_eq!(d(2), "case FD1 closed on 21 Nov 2026");
        assert_eq!(
            d(3),
            "note of 21 Nov 2026: “A long note that goes on and on and on p…”"
        );
    }
}
