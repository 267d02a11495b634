//! The heavy user's day, for benchmarks at scale: every block of work logged as its own timed
//! entry, and a diary note on most days.

use super::{DayShape, Generator};
use crate::domain::calendar::WorkCalendar;
use crate::domain::dates::ClockTime;
use crate::domain::event::{Event, HoursLogged};
use chrono::NaiveDate;

const BLOCKS: [&str; 6] = [
    "home visit",
    "court",
    "report writing",
    "case recording",
    "team meeting",
    "travel",
];

pub(super) fn log_day(
    g: &mut Generator,
    calendar: &WorkCalendar,
    day: NaiveDate,
    today: NaiveDate,
) {
    if day >= today || !calendar.is_working_day(day) {
        return;
    }
    let mut shape = DayShape::new(day);
    let mut minute = g.rng.u32(8 * 60..9 * 60 + 30);
    let blocks = g.rng.usize(6..10);
    for _ in 0..blocks {
        let length = g.rng.u32(40..95);
        let end = (minute + length).min(22 * 60);
        if end <= minute {
            break;
        }
        let entry = HoursLogged {
            date: day,
            start: ClockTime::from_hm(minute / 60, minute % 60),
            end: ClockTime::from_hm(end / 60, end % 60),
            break_minutes: Some(0),
            hours: None,
            note: Some(
                g.practice
                    .say(BLOCKS[g.rng.usize(0..BLOCKS.len())])
                    .to_string(),
            ),
            imported: None,
        };
        shape.add(&entry);
        let at = g.written(day);
        g.push(at, Event::from(entry), None);
        minute = end + g.rng.u32(0..25);
    }
    if g.rng.u32(0..100) < 85 {
        let note = g.drawn_note(&shape);
        let at = g.written(day);
        g.keep_note(&shape, at, day, note, None);
    }
}
