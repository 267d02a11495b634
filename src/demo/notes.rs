//! The demo's diary notes, each written only on a day whose logged hours agree with it: no
//! "could not take a lunch break" beside a logged break, no "wrote up notes after 9pm" on a
//! day that ended at five.

use crate::domain::Standard;
use crate::domain::event::HoursLogged;
use chrono::{Datelike, NaiveDate, Weekday};

/// What a note says about the day it is dated, which that day's hours must bear out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Says {
    /// Nothing about the day's hours.
    Nothing,
    /// Work went on past 7pm.
    Evening,
    /// Work went on past 9pm.
    AfterNine,
    /// No break of 20 minutes or more on a day of over six hours.
    NoBreak,
    /// The weekend before (a Monday's note).
    Weekend,
}

const NOTES: [(&str, &[Standard], u8, Says); 12] = [
    (
        "Two new cases allocated by email without any discussion of my current caseload",
        &[Standard::Demands, Standard::Control],
        7,
        Says::Nothing,
    ),
    (
        "Worked into the evening to finish a Section 7 report for filing",
        &[Standard::Demands],
        6,
        Says::Evening,
    ),
    (
        "Supervision cancelled again; no chance to discuss priorities",
        &[Standard::Support],
        6,
        Says::Nothing,
    ),
    (
        "Asked for a reduction in allocations; told everyone is in the same position",
        &[Standard::Support, Standard::Demands],
        8,
        Says::Nothing,
    ),
    (
        "Home visit ran late; wrote up notes after 9pm",
        &[Standard::Demands, Standard::Control],
        5,
        Says::AfterNine,
    ),
    (
        "New case management system rolled out with one day's notice",
        &[Standard::Change],
        5,
        Says::Nothing,
    ),
    (
        "Unclear whether I or the duty worker should file the safeguarding letter",
        &[Standard::Role],
        4,
        Says::Nothing,
    ),
    (
        "Difficult exchange with a manager in front of the team about late filings",
        &[Standard::Relationships],
        7,
        Says::Nothing,
    ),
    (
        "Good supervision: priorities agreed and one case reallocated",
        &[Standard::Support],
        3,
        Says::Nothing,
    ),
    (
        "Could not take a lunch break: back-to-back court hearing and visits",
        &[Standard::Demands, Standard::Control],
        6,
        Says::NoBreak,
    ),
    (
        "Team restructure announced; no consultation on caseload weighting",
        &[Standard::Change, Standard::Control],
        6,
        Says::Nothing,
    ),
    (
        "Felt unable to switch off at the weekend; checking emails",
        &[Standard::Demands],
        7,
        Says::Weekend,
    ),
];

/// How many notes there are to draw from.
pub(super) const NOTE_COUNT: usize = NOTES.len();

/// A day's logged hours, as far as a note could speak of them.
pub(super) struct DayShape {
    monday: bool,
    worked_minutes: i64,
    last_end: i64,
    /// Breaks logged plus the gaps between entries (as the report counts them).
    breaks: i64,
    previous_end: Option<i64>,
}

impl DayShape {
    pub(super) fn new(day: NaiveDate) -> DayShape {
        DayShape {
            monday: day.weekday() == Weekday::Mon,
            worked_minutes: 0,
            last_end: 0,
            breaks: 0,
            previous_end: None,
        }
    }

    /// Adds an entry; entries come in the order of the day.
    pub(super) fn add(&mut self, entry: &HoursLogged) {
        self.worked_minutes += (entry.worked() * 60.0).round() as i64;
        if let (Some(start), Some(end)) = (entry.start, entry.end) {
            let (start, end) = (start.minutes(), end.minutes());
            self.breaks += i64::from(entry.break_minutes.unwrap_or(0));
            if let Some(previous) = self.previous_end {
                self.breaks += (start - previous).max(0);
            }
            self.previous_end = Some(end);
            self.last_end = self.last_end.max(end);
        }
    }

    pub(super) fn worked(&self) -> bool {
        self.worked_minutes > 0
    }

    fn bears_out(&self, says: Says) -> bool {
        match says {
            Says::Nothing => true,
            Says::Evening => self.last_end >= 19 * 60,
            Says::AfterNine => self.last_end >= 21 * 60,
            Says::NoBreak => self.worked_minutes > 6 * 60 && self.breaks < 20,
            Says::Weekend => self.monday,
        }
    }
}

/// The note drawn, or if the day's hours do not bear it out, one of those they do (chosen by
/// the same draw): the same draws whatever the day, so the rest of the journal stays as it was.
pub(super) fn pick_note(draw: usize, day: &DayShape) -> (&'static str, &'static [Standard], u8) {
    let note = |(text, standards, stress, _): (&'static str, &'static [Standard], u8, Says)| {
        (text, standards, stress)
    };
    if day.bears_out(NOTES[draw].3) {
        return note(NOTES[draw]);
    }
    let fitting: Vec<_> = NOTES
        .into_iter()
        .filter(|(_, _, _, says)| day.bears_out(*says))
        .collect();
    note(fitting[draw % fitting.len()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::ClockTime;

    fn timed(start: (u32, u32), end: (u32, u32), brk: u32) -> HoursLogged {
        HoursLogged {
            date: NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
            start: ClockTime::from_hm(start.0, start.1),
            end: ClockTime::from_hm(end.0, end.1),
            break_minutes: Some(brk),
            hours: None,
            note: None,
            imported: None,
        }
    }

    #[test]
    fn a_note_is_chosen_only_where_the_day_bears_it_out() {
        let mut day = DayShape::new(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap()); // a Wednesday
        day.add(&timed((9, 0), (17, 0), 30));
        let lunch = NOTES.iter().position(|n| n.3 == Says::NoBreak).unwrap();
        let late = NOTES.iter().position(|n| n.3 == Says::AfterNine).unwrap();
        assert_ne!(
            pick_note(lunch, &day).0,
            NOTES[lunch].0,
            "a 30-minute break was logged"
        );
        assert_ne!(
            pick_note(late, &day).0,
            NOTES[late].0,
            "the day ended at five"
        );
        let mut long = DayShape::new(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
        long.add(&timed((8, 0), (18, 0), 10));
        long.add(&timed((20, 0), (21, 30), 0));
        assert_eq!(pick_note(late, &long).0, NOTES[late].0);
        // The gap before the evening counts as a break, as the report counts it.
        assert_ne!(pick_note(lunch, &long).0, NOTES[lunch].0);
        let mut tight = DayShape::new(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
        tight.add(&timed((8, 0), (16, 0), 10));
        assert_eq!(pick_note(lunch, &tight).0, NOTES[lunch].0);
    }
}
