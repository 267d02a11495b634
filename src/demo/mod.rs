//! A generated sample journal: a family court adviser's record over a chosen span, dated
//! relative to today, with the things a grievance is made of (cases given just before and
//! during leave, deadlines landing on the first day back, long days and evenings).
//! Deterministic for a seed. Used by `caseload demo` and, at scale, by the benchmarks.

use crate::domain::calendar::WorkCalendar;
use crate::domain::dates::ClockTime;
use crate::domain::event::{
    CaseAllocated, CaseClosed, DeadlineExtended, DeadlineMet, DeadlineSet, Event, HoursLogged,
    LeaveAdded, LeaveKind, NoteAdded,
};
use crate::domain::replay::Record;
use crate::domain::{Region, Standard};
use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveTime, Timelike, Weekday};

/// The config the demo journal is generated for unless told otherwise (the Cafcass preset).
pub const DEMO_PRESET: &str = FAMILY_COURT.preset;

mod practice;
pub use practice::{FAMILY_COURT, PRACTICES, PROBATION, Practice, practice};

const ALLOCATORS: [&str; 3] = ["team manager", "practice supervisor", "duty manager"];

struct Draft {
    at: DateTime<FixedOffset>,
    event: Event,
    /// For a deadline_met or deadline_extended: the index of its deadline_set draft.
    deadline: Option<usize>,
}

/// How much a generated practitioner records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intensity {
    /// One timed entry a working day, a note now and then: the demo (about 550 records a year).
    Demo,
    /// Every block of the day logged, a note most days, three deadlines a case: a heavy,
    /// careful user, for benchmarks (about 2,500 records a year).
    Full,
}

mod detailed;
mod notes;
use notes::{DayShape, NOTE_COUNT, pick_note};

struct Generator {
    rng: fastrand::Rng,
    drafts: Vec<Draft>,
    now: DateTime<FixedOffset>,
    offset: FixedOffset,
    next_ref: u32,
    /// The draft index of the last case allocated, for deadlines set with it.
    last_case: usize,
    intensity: Intensity,
    practice: &'static Practice,
}

impl Generator {
    /// When a record describing `day` was written: mostly that evening, sometimes the next
    /// day, now and then a few days later; never after `now`.
    fn written(&mut self, day: NaiveDate) -> DateTime<FixedOffset> {
        let delay = match self.rng.u32(0..100) {
            0..80 => 0,
            80..95 => 1,
            _ => self.rng.u64(2..6),
        };
        let time = NaiveTime::from_hms_opt(self.rng.u32(17..22), self.rng.u32(0..60), 0)
            .expect("valid time");
        let at = (day + Days::new(delay))
            .and_time(time)
            .and_local_timezone(self.offset)
            .single()
            .expect("fixed offset");
        at.min(self.now)
    }

    /// A note drawn for a day shaped like `shape`, in this field's words: its text,
    /// standards and stress.
    fn drawn_note(&mut self, shape: &DayShape) -> (&'static str, &'static [Standard], u8) {
        let (text, standards, stress) = pick_note(self.rng.usize(0..NOTE_COUNT), shape);
        (self.practice.say(text), standards, stress)
    }

    /// Writes the drawn note, written at `at`, if the day was worked (it is drawn either way,
    /// so that everything after is the same journal whichever days were worked).
    fn keep_note(
        &mut self,
        shape: &DayShape,
        at: DateTime<FixedOffset>,
        date: NaiveDate,
        (text, standards, stress): (&str, &[Standard], u8),
        told: Option<String>,
    ) {
        if shape.worked() {
            let note = NoteAdded {
                date,
                text: text.to_string(),
                standards: standards.to_vec(),
                stress: Some(stress),
                told,
            };
            self.push(at, Event::from(note), None);
        }
    }

    fn push(&mut self, at: DateTime<FixedOffset>, event: Event, deadline: Option<usize>) -> usize {
        // Keep causes before effects whatever the drawn times.
        let at = deadline.map_or(at, |d| {
            at.max(self.drafts[d].at + chrono::Duration::minutes(1))
        });
        self.drafts.push(Draft {
            at,
            event,
            deadline,
        });
        self.drafts.len() - 1
    }

    fn new_ref(&mut self, day: NaiveDate) -> String {
        self.next_ref += 1;
        format!(
            "{}{:02}P{:05}",
            self.practice.reference_prefix,
            day.year() % 100,
            100 + self.next_ref * 7
        )
    }

    fn pick_kind(&mut self) -> &'static str {
        let kinds = self.practice.kinds;
        let total: u32 = kinds.iter().map(|(_, w)| w).sum();
        let mut roll = self.rng.u32(0..total);
        for &(k, w) in kinds {
            if roll < w {
                return k;
            }
            roll -= w;
        }
        kinds[0].0
    }

    /// A case allocated on `day`, with its filing deadline and, when the time has come, its
    /// closure and the deadline's outcome.
    fn allocate(
        &mut self,
        day: NaiveDate,
        today: NaiveDate,
        discussed: bool,
        note: Option<&str>,
    ) -> String {
        let reference = self.new_ref(day);
        let at = self.written(day);
        let by = ALLOCATORS[self.rng.usize(0..ALLOCATORS.len())];
        let event = Event::from(CaseAllocated {
            reference: reference.clone(),
            kind: self.pick_kind().to_string(),
            allocated_on: day,
            allocated_by: Some(by.to_string()),
            discussed,
            weight: None,
            note: note.map(str::to_string),
            imported: None,
        });
        let case_index = self.push(at, event, None);
        self.last_case = case_index;
        let due = day + Days::new(self.rng.u64(42..85));
        let practice = self.practice;
        self.deadline(case_index, Some(&reference), practice.report, due, today);
        if self.intensity == Intensity::Full {
            let letter = day + Days::new(self.rng.u64(10..18));
            self.deadline(case_index, Some(&reference), practice.letter, letter, today);
            let hearing = day + Days::new(self.rng.u64(90..180));
            self.deadline(
                case_index,
                Some(&reference),
                practice.hearing,
                hearing,
                today,
            );
        }
        let closes = day + Days::new(self.rng.u64(70..230));
        if closes < today {
            let at = self
                .written(closes)
                .max(self.drafts[case_index].at + chrono::Duration::minutes(1));
            let outcome = [
                "final order",
                "case concluded",
                "transferred to another team",
            ][self.rng.usize(0..3)];
            self.push(
                at,
                Event::CaseClosed(CaseClosed {
                    reference: reference.clone(),
                    on: closes,
                    outcome: Some(outcome.into()),
                    imported: None,
                }),
                None,
            );
        }
        reference
    }

    fn deadline(
        &mut self,
        after: usize,
        case: Option<&str>,
        what: &str,
        due: NaiveDate,
        today: NaiveDate,
    ) {
        let at = self.drafts[after].at + chrono::Duration::minutes(2);
        let event = Event::DeadlineSet(DeadlineSet {
            case: case.map(str::to_string),
            what: what.to_string(),
            due,
            imported: None,
        });
        let set = self.push(at, event, None);
        let set_on = self.drafts[set].at.date_naive();
        let mut due = due;
        let roll = self.rng.u32(0..100);
        if (75..87).contains(&roll) {
            let extended = due + Days::new(self.rng.u64(14..29));
            let asked = (due - Days::new(self.rng.u64(1..6))).max(set_on);
            if asked <= today {
                let at = self.written(asked);
                let reason = Some("extension granted by the court".to_string());
                self.push(
                    at,
                    Event::DeadlineExtended(DeadlineExtended {
                        deadline: 0,
                        due: extended,
                        reason,
                    }),
                    Some(set),
                );
                due = extended;
            }
        }
        let met_on = match roll {
            0..87 => due - Days::new(self.rng.u64(0..4)),
            87..96 => due + Days::new(self.rng.u64(1..6)),
            _ => return,
        };
        let met_on = met_on.max(set_on);
        if met_on < today {
            let at = self.written(met_on);
            self.push(
                at,
                Event::DeadlineMet(DeadlineMet {
                    deadline: 0,
                    on: met_on,
                    imported: None,
                }),
                Some(set),
            );
        }
    }
}

/// The moment a sample for `today` is written up to, given the real clock: the evening of a
/// day that is over (so that a seed and a past `--today` always give the same journal), the
/// real time on the real today (so that no record is written later than now, even at 00:05),
/// and the evening of a day still to come (a journal for a future `--today` cannot be written
/// at the time: its caller says so).
pub fn written_until(today: NaiveDate, real_now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let real_now = real_now.with_nanosecond(0).unwrap_or(real_now);
    let evening = today
        .and_time(NaiveTime::from_hms_opt(18, 0, 0).expect("valid time"))
        .and_local_timezone(*real_now.offset())
        .single()
        .unwrap_or(real_now);
    if today == real_now.date_naive() {
        evening.min(real_now)
    } else {
        evening
    }
}

/// Generates `days` days of the demo's records ending on `today`; `now` caps every
/// written-at time: no record is written later than it, whatever its day's drawn times.
pub fn generate(today: NaiveDate, now: DateTime<FixedOffset>, days: u64, seed: u64) -> Vec<Record> {
    generate_with(today, now, days, seed, Intensity::Demo)
}

/// Like [`generate`], at the chosen intensity.
pub fn generate_with(
    today: NaiveDate,
    now: DateTime<FixedOffset>,
    days: u64,
    seed: u64,
    intensity: Intensity,
) -> Vec<Record> {
    generate_for(today, now, days, seed, intensity, &FAMILY_COURT)
}

/// Like [`generate_with`], for the given field's preset (its case kinds, references and words).
pub fn generate_for(
    today: NaiveDate,
    now: DateTime<FixedOffset>,
    days: u64,
    seed: u64,
    intensity: Intensity,
    practice: &'static Practice,
) -> Vec<Record> {
    let mut g = Generator {
        rng: fastrand::Rng::with_seed(seed),
        drafts: Vec::new(),
        now,
        offset: *now.offset(),
        next_ref: 0,
        last_case: 0,
        intensity,
        practice,
    };
    let start = today - Days::new(days);
    let leave = leave_blocks(start, today);
    let calendar = working_calendar(&leave);
    g.book_leave(&leave, start, today);

    // A starting caseload, then allocations through the period.
    for n in 0..14 {
        let day = start + Days::new(n);
        g.allocate(day, today, true, None);
    }
    for day in start.iter_days().take_while(|d| *d <= today) {
        g.allocations_on(day, today, &calendar, &leave);
        match intensity {
            Intensity::Demo => log_day(&mut g, &calendar, day, today),
            Intensity::Full => detailed::log_day(&mut g, &calendar, day, today),
        }
    }
    into_records(g.drafts, now)
}

/// A leave booking: its kind and first and last days.
type LeaveBlock = (LeaveKind, NaiveDate, NaiveDate);

/// Two weeks, three sick days and a week in every 365 days from `start`, each starting on a
/// Monday; sick leave only once it has ended by `today`.
fn leave_blocks(start: NaiveDate, today: NaiveDate) -> Vec<LeaveBlock> {
    let mut leave = Vec::new();
    let mut block = start;
    while block < today {
        for (offset, length, kind) in [
            (120u64, 11u64, LeaveKind::Annual),
            (260, 2, LeaveKind::Sick),
            (340, 4, LeaveKind::Annual),
        ] {
            let mut from = block + Days::new(offset);
            while from.weekday() != Weekday::Mon {
                from = from + Days::new(1);
            }
            let to = from + Days::new(length);
            if from < today && (kind != LeaveKind::Sick || to < today) {
                leave.push((kind, from, to));
            }
        }
        block = block + Days::new(365);
    }
    leave
}

/// Monday to Friday in England and Wales, less the leave.
fn working_calendar(leave: &[LeaveBlock]) -> WorkCalendar {
    let periods: Vec<(NaiveDate, NaiveDate)> = leave.iter().map(|(_, f, t)| (*f, *t)).collect();
    WorkCalendar::new(
        &[
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ],
        Region::EnglandAndWales,
        &periods,
    )
}

impl Generator {
    fn book_leave(&mut self, leave: &[LeaveBlock], start: NaiveDate, today: NaiveDate) {
        for (kind, from, to) in leave {
            // Annual leave is booked weeks ahead; sickness is recorded on return.
            let booked = if *kind == LeaveKind::Sick {
                *to + Days::new(1)
            } else {
                *from - Days::new(30)
            };
            let at = self.written(booked.max(start).min(today));
            self.push(
                at,
                Event::LeaveAdded(LeaveAdded {
                    kind: *kind,
                    from: *from,
                    to: *to,
                    note: None,
                    imported: None,
                }),
                None,
            );
        }
    }

    /// The day's new cases: one late on the last working day before annual leave, one on the
    /// first day of it, and about one working day in five otherwise.
    fn allocations_on(
        &mut self,
        day: NaiveDate,
        today: NaiveDate,
        calendar: &WorkCalendar,
        leave: &[LeaveBlock],
    ) {
        if calendar.is_working_day(day) {
            let next_leave = leave
                .iter()
                .find(|(k, from, _)| *k == LeaveKind::Annual && *from > day);
            match next_leave {
                Some(block) if calendar.working_days_between(day, block.1) == 1 => {
                    self.allocated_before_leave(day, today, calendar, block);
                }
                _ => {
                    if self.rng.u32(0..100) < 19 {
                        let discussed = self.rng.u32(0..100) >= 35;
                        self.allocate(day, today, discussed, None);
                    }
                }
            }
        } else if leave
            .iter()
            .any(|(k, from, _)| *k == LeaveKind::Annual && day == *from + Days::new(1))
        {
            self.allocate(day, today, false, Some("Allocated while I was on leave"));
        }
    }

    /// A case given at 4pm on the last day before leave, its filing due the first day back,
    /// and the diary note saying so.
    fn allocated_before_leave(
        &mut self,
        day: NaiveDate,
        today: NaiveDate,
        calendar: &WorkCalendar,
        &(_, from, to): &LeaveBlock,
    ) {
        let case = self.allocate(
            day,
            today,
            false,
            Some("Allocated at 4pm on my last day before annual leave"),
        );
        let back = to
            .iter_days()
            .skip(1)
            .find(|d| calendar.is_working_day(*d))
            .expect("a working day follows");
        let after = self.last_case;
        self.deadline(after, Some(&case), self.practice.before_leave, back, today);
        let at = self.written(day);
        let text = format!(
            "Given a new case on my last day before leave (from {}); {}",
            from.format("%d %b %Y"),
            self.practice.due_back
        );
        self.push(
            at,
            Event::from(NoteAdded {
                date: day,
                text,
                standards: vec![Standard::Demands, Standard::Control],
                stress: Some(8),
                told: Some("manager by email".into()),
            }),
            None,
        );
    }
}

/// The drafts in written order, numbered, with each deadline's met or extended record
/// pointing at the deadline's number. A draft pushed past `now` (a deadline set two minutes
/// after its case, an outcome a minute after its deadline) is written at `now`: drafts are
/// pushed cause first, so the tie keeps causes before effects.
fn into_records(mut drafts: Vec<Draft>, now: DateTime<FixedOffset>) -> Vec<Record> {
    for draft in &mut drafts {
        draft.at = draft.at.min(now);
    }
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    order.sort_by_key(|i| (drafts[*i].at, *i));
    let mut seq_of = vec![0u64; drafts.len()];
    for (n, i) in order.iter().enumerate() {
        seq_of[*i] = n as u64 + 1;
    }
    for draft in &mut drafts {
        if let Some(target) = draft.deadline {
            match &mut draft.event {
                Event::DeadlineMet(e) => e.deadline = seq_of[target],
                Event::DeadlineExtended(e) => e.deadline = seq_of[target],
                _ => {}
            }
        }
    }
    order
        .into_iter()
        .map(|i| Record {
            seq: seq_of[i],
            at: drafts[i].at,
            event: drafts[i].event.clone(),
        })
        .collect()
}

/// Hours and a diary note for one day.
fn log_day(g: &mut Generator, calendar: &WorkCalendar, day: NaiveDate, today: NaiveDate) {
    if day >= today {
        return;
    }
    let mut shape = DayShape::new(day);
    if calendar.is_working_day(day) && g.rng.u32(0..100) < 95 {
        let start = ClockTime::from_hm(g.rng.u32(8..10), [0, 15, 30, 45][g.rng.usize(0..4)])
            .expect("valid");
        let late = g.rng.u32(0..100) < 4;
        let length = if late {
            g.rng.u32(720..800)
        } else {
            g.rng.u32(450..640)
        };
        let end_minutes = (start.minutes() as u32 + length).min(23 * 60 + 30);
        let end = ClockTime::from_hm(end_minutes / 60, end_minutes % 60).expect("valid");
        let brk = if g.rng.u32(0..100) < 15 {
            g.rng.u32(0..15)
        } else {
            g.rng.u32(20..50)
        };
        let at = g.written(day);
        let entry = HoursLogged {
            date: day,
            start: Some(start),
            end: Some(end),
            break_minutes: Some(brk),
            hours: None,
            note: None,
            imported: None,
        };
        shape.add(&entry);
        g.push(at, Event::from(entry), None);
        if !late && end_minutes < 19 * 60 && g.rng.u32(0..100) < 14 {
            let evening = HoursLogged {
                date: day,
                start: ClockTime::from_hm(20, 0),
                end: ClockTime::from_hm(21, g.rng.u32(0..60)),
                break_minutes: Some(0),
                hours: None,
                note: Some("evening catch-up on reports".into()),
                imported: None,
            };
            shape.add(&evening);
            let at = g.written(day);
            g.push(at, Event::from(evening), None);
        }
    } else if !calendar.is_working_weekday(day) && g.rng.u32(0..100) < 6 {
        let at = g.written(day);
        let hours = f64::from(g.rng.u32(2..8)) / 2.0;
        let entry = HoursLogged {
            date: day,
            start: None,
            end: None,
            break_minutes: None,
            hours: Some(hours),
            note: Some("weekend reading".into()),
            imported: None,
        };
        g.push(at, Event::from(entry), None);
    }
    // A note only on a day worked, and only one its hours do not contradict. The draws are
    // made either way, so that everything after is the same journal it always was.
    if g.rng.u32(0..100) < 22 && calendar.is_working_weekday(day) {
        let (text, standards, stress) = g.drawn_note(&shape);
        let stress = (i32::from(stress) + g.rng.i32(-1..2)).clamp(0, 10) as u8;
        let told = (g.rng.u32(0..100) < 40).then(|| "manager by email".to_string());
        let at = g.written(day);
        g.keep_note(&shape, at, day, (text, standards, stress), told);
    }
}

#[cfg(test)]
mod tests;
