//! Hand-checked journals for every definition of SPEC 7, including the edges.

use super::*;
use crate::domain::dates::ClockTime;
use crate::domain::event::*;
use crate::domain::replay::{Record, replay};
use chrono::{DateTime, NaiveDate};

pub(super) fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Builds a journal event by event; each record is written at noon on `written` (default: the
/// day it describes, or 2026-01-01).
#[derive(Debug, Default)]
pub(super) struct J {
    pub(super) records: Vec<Record>,
}

impl J {
    pub(super) fn push_at(&mut self, event: Event, written: &str) -> u64 {
        let seq = self.records.len() as u64 + 1;
        let at = DateTime::parse_from_rfc3339(&format!("{written}T12:00:00+00:00")).unwrap();
        self.records.push(Record { seq, at, event });
        seq
    }
    fn push(&mut self, event: Event) -> u64 {
        let written = event
            .described_date()
            .map_or("2026-01-01".to_string(), |d| d.to_string());
        self.push_at(event, &written)
    }
    pub(super) fn case(&mut self, r: &str, kind: &str, on: &str) -> u64 {
        self.push(Event::from(CaseAllocated {
            reference: r.into(),
            kind: kind.into(),
            allocated_on: d(on),
            allocated_by: None,
            discussed: true,
            weight: None,
            note: None,
            imported: None,
        }))
    }
    fn undiscussed(&mut self, r: &str, on: &str) -> u64 {
        self.push(Event::from(CaseAllocated {
            reference: r.into(),
            kind: "general".into(),
            allocated_on: d(on),
            allocated_by: Some("manager".into()),
            discussed: false,
            weight: None,
            note: None,
            imported: None,
        }))
    }
    pub(super) fn close(&mut self, r: &str, on: &str) {
        self.push(Event::CaseClosed(CaseClosed {
            reference: r.into(),
            on: d(on),
            outcome: None,
            imported: None,
        }));
    }
    pub(super) fn leave(&mut self, kind: LeaveKind, from: &str, to: &str) {
        self.push(Event::LeaveAdded(LeaveAdded {
            kind,
            from: d(from),
            to: d(to),
            note: None,
            imported: None,
        }));
    }
    pub(super) fn deadline(&mut self, case: Option<&str>, due: &str) -> u64 {
        self.push(Event::DeadlineSet(DeadlineSet {
            case: case.map(Into::into),
            what: "Filing".into(),
            due: d(due),
            imported: None,
        }))
    }
    pub(super) fn met(&mut self, id: u64, on: &str) {
        self.push(Event::DeadlineMet(DeadlineMet {
            deadline: id,
            on: d(on),
            imported: None,
        }));
    }
    pub(super) fn extend(&mut self, id: u64, due: &str) {
        self.push(Event::DeadlineExtended(DeadlineExtended {
            deadline: id,
            due: d(due),
            reason: None,
        }));
    }
    pub(super) fn timed(&mut self, on: &str, start: (u32, u32), end: (u32, u32), brk: u32) {
        self.push(Event::from(HoursLogged {
            date: d(on),
            start: ClockTime::from_hm(start.0, start.1),
            end: ClockTime::from_hm(end.0, end.1),
            break_minutes: Some(brk),
            hours: None,
            note: None,
            imported: None,
        }));
    }
    pub(super) fn hours(&mut self, on: NaiveDate, hours: f64) {
        self.push(Event::from(HoursLogged {
            date: on,
            start: None,
            end: None,
            break_minutes: None,
            hours: Some(hours),
            note: None,
            imported: None,
        }));
    }
    pub(super) fn void(&mut self, target: u64) {
        self.push(Event::Voided {
            target,
            reason: "mistake".into(),
        });
    }

    fn report_with(&self, config: &Config, from: &str, to: &str, today: &str) -> Report {
        let state = replay(&self.records);
        analyse(&Inputs {
            state: &state,
            records: &self.records,
            config,
            head: "h",
            chain_ok: true,
            today: d(today),
            period: Period {
                from: d(from),
                to: d(to),
            },
            purpose: Purpose::Grievance,
            reveal_refs: false,
            generated_at: DateTime::parse_from_rfc3339("2026-11-22T12:00:00+00:00").unwrap(),
            receipt: None,
        })
    }

    pub(super) fn report(&self, from: &str, to: &str, today: &str) -> Report {
        self.report_with(&Config::default(), from, to, today)
    }
}

#[test]
fn open_cases_count_the_allocation_day_but_not_the_closing_day() {
    let mut j = J::default();
    j.case("A", "general", "2026-03-02");
    j.case("B", "complex", "2026-03-04");
    j.close("A", "2026-03-06");
    // SPEC 7 changed: the period starts when the records begin (the first record, written on
    // 2 Mar), not on the 1 Mar asked for, so A is open at the start.
    let r = j.report("2026-03-01", "2026-03-08", "2026-03-08");
    assert_eq!(r.period.from, d("2026-03-02"));
    assert_eq!((r.caseload.open_at_start, r.caseload.open_at_end), (1, 1));
    assert_eq!((r.caseload.allocated, r.caseload.closed), (2, 1));
    assert_eq!(
        (r.caseload.peak_open, r.caseload.peak_open_on),
        (2, Some(d("2026-03-04")))
    );
    // 1.5 + 3.0 hours of a 37-hour week = 12.16%.
    assert_eq!(r.caseload.capacity_percent_peak, 12.16);
}

#[test]
fn days_over_limit_and_sustained_capacity_are_counted_on_sundays() {
    let mut config = Config::default();
    config.limits.caseload = 2;
    config.work.contracted_hours = 10.0;
    let mut j = J::default();
    // Three complex cases (9 h of a 10 h week = 90%) from Mon 2 Mar; a fourth (120%) from
    // Mon 9 Mar to Thu 26 Mar.
    for r in ["A", "B", "C"] {
        j.case(r, "complex", "2026-03-02");
    }
    j.case("D", "complex", "2026-03-09");
    j.close("D", "2026-03-26");
    let r = j.report_with(&config, "2026-03-02", "2026-04-05", "2026-04-05");
    assert_eq!(r.caseload.days_over_limit, 35);
    assert_eq!(r.caseload.capacity_percent_peak, 120.0);
    // Sundays 15 and 22 Mar are over 110%; 8 Mar (90%... D starts 9th) and 29 Mar are not.
    assert_eq!(
        (
            r.caseload.weeks_over_threshold,
            r.caseload.longest_run_over_threshold
        ),
        (2, 2)
    );
    // Every headline figure carries its dates.
    let c = &r.caseload;
    assert_eq!(c.capacity_percent_peak_on, Some(d("2026-03-09")));
    assert_eq!(c.peak_open_on, Some(d("2026-03-09")));
    assert_eq!(
        (
            c.longest_run_first_week_ending,
            c.longest_run_last_week_ending
        ),
        (Some(d("2026-03-15")), Some(d("2026-03-22")))
    );
}

#[test]
fn allocations_during_leave_include_weekends_inside_it() {
    let mut j = J::default();
    j.leave(LeaveKind::Annual, "2026-08-03", "2026-08-14");
    j.case("A", "general", "2026-08-03");
    j.case("B", "general", "2026-08-08");
    j.case("C", "general", "2026-08-15");
    let r = j.report("2026-01-01", "2026-12-31", "2026-12-31");
    let during: Vec<_> = r
        .allocations_during_leave
        .iter()
        .map(|a| a.allocated_on)
        .collect();
    assert_eq!(during, [d("2026-08-03"), d("2026-08-08")]);
    assert_eq!(r.allocations_during_leave[0].leave_kind, "annual");
    assert_eq!(r.allocations_during_leave[1].case, "Case 2");
}

#[test]
fn allocations_before_leave_skip_the_bank_holiday_monday() {
    // Leave Tue 26 - Fri 29 May 2026; Mon 25 May is the spring bank holiday.
    let mut j = J::default();
    j.leave(LeaveKind::Annual, "2026-05-26", "2026-05-29");
    j.case("WED", "general", "2026-05-20");
    j.case("THU", "general", "2026-05-21");
    j.case("FRI", "general", "2026-05-22"); // the last working day before leave
    j.case("SAT", "general", "2026-05-23");
    let r = j.report("2026-01-01", "2026-12-31", "2026-12-31");
    let before: Vec<_> = r
        .allocations_before_leave
        .iter()
        .map(|a| (a.allocated_on, a.working_days_before))
        .collect();
    // Wednesday is three working days before: outside the default window of 2. Saturday is
    // zero working days before (nothing left to do the work in), which is not flagged.
    assert_eq!(before, [(d("2026-05-21"), 2), (d("2026-05-22"), 1)]);
    assert!(
        r.allocations_before_leave
            .iter()
            .all(|a| a.leave_from == d("2026-05-26"))
    );
}

#[test]
fn a_case_voided_after_allocation_counts_nowhere() {
    let mut j = J::default();
    j.leave(LeaveKind::Sick, "2026-02-02", "2026-02-06");
    let seq = j.case("A", "general", "2026-02-03");
    j.case("B", "general", "2026-02-04");
    j.void(seq);
    let r = j.report("2026-01-01", "2026-12-31", "2026-12-31");
    assert_eq!(r.caseload.allocated, 1);
    assert_eq!(r.allocations_during_leave.len(), 1);
    // SPEC 8 changed: the withdrawn case keeps its number, so B stays Case 2.
    assert_eq!(r.allocations_during_leave[0].case, "Case 2");
    assert_eq!(r.integrity.voided, 1);
}

#[test]
fn deadlines_in_and_soon_after_leave() {
    let mut j = J::default();
    j.case("A", "general", "2026-07-01");
    j.leave(LeaveKind::Annual, "2026-08-03", "2026-08-07");
    j.deadline(Some("A"), "2026-08-05"); // in leave
    j.deadline(Some("A"), "2026-08-10"); // first working day back: 1
    j.deadline(None, "2026-08-12"); // 3
    j.deadline(None, "2026-08-13"); // 4: outside the window of 3
    // Leave ending Fri 28 Aug; Mon 31 Aug is a bank holiday, so Tue 1 Sep is day 1.
    j.leave(LeaveKind::Training, "2026-08-24", "2026-08-28");
    j.deadline(None, "2026-09-01");
    let r = j.report("2026-01-01", "2026-12-31", "2026-12-31");
    assert_eq!(r.deadlines.in_leave.len(), 1);
    assert_eq!(r.deadlines.in_leave[0].case.as_deref(), Some("Case 1"));
    assert_eq!(r.deadlines.in_leave[0].leave_to, d("2026-08-07"));
    let after: Vec<_> = r
        .deadlines
        .soon_after_leave
        .iter()
        .map(|a| (a.due, a.working_days_after_return, a.case.is_none()))
        .collect();
    assert_eq!(
        after,
        [
            (d("2026-08-10"), 1, false),
            (d("2026-08-12"), 3, true),
            (d("2026-09-01"), 1, true)
        ]
    );
}

#[test]
fn met_missed_late_and_extended() {
    let mut j = J::default();
    let on_time = j.deadline(None, "2026-03-10");
    j.met(on_time, "2026-03-10");
    let late = j.deadline(None, "2026-03-11");
    j.met(late, "2026-03-13");
    j.deadline(None, "2026-03-12"); // never met: missed
    let extended = j.deadline(None, "2026-03-10");
    j.extend(extended, "2026-03-20");
    j.met(extended, "2026-03-15"); // met before its new date
    j.deadline(None, "2026-03-30"); // after today: neither met nor missed
    let r = j.report("2026-03-01", "2026-03-31", "2026-03-25");
    let dl = &r.deadlines;
    assert_eq!(
        (dl.due, dl.met, dl.missed, dl.met_late, dl.extended),
        (5, 2, 2, 1, 1)
    );
    // The parts add up to the deadlines due: 2 on time, 1 late, 1 overdue, 1 not yet due.
    let o = &dl.outcomes;
    assert_eq!((o.on_time, o.late, o.overdue, o.not_yet_due), (2, 1, 1, 1));
    let md = String::from_utf8(crate::report::render(
        &r,
        crate::report::Format::Md,
        "%d %b %Y",
    ))
    .unwrap();
    assert!(md.contains("Of 5 deadlines due in the period, 2 met on time, 1 met late, 1 overdue (past the due date and not met) and 1 not yet due; 1 of the 5 had been extended."), "{md}");
    // Busiest week: Mon 9 Mar holds the 10th, 11th and 12th (the extended one moved to the 20th).
    let busiest = dl.busiest_week.as_ref().unwrap();
    assert_eq!((busiest.week_start, busiest.count), (d("2026-03-09"), 3));
}

#[test]
fn hours_against_contract_with_rest_and_breaks() {
    let mut j = J::default();
    // Week of Mon 4 May 2026 (the Monday is a bank holiday).
    j.timed("2026-05-05", (8, 0), (20, 0), 10); // 11.83 h, break under 20 min
    j.timed("2026-05-06", (6, 0), (14, 0), 30); // rest since 20:00 = 10 h: short
    j.timed("2026-05-07", (9, 0), (13, 0), 0);
    j.timed("2026-05-07", (13, 10), (17, 0), 0); // 10-minute gap only: 7.83 h, missed break
    j.hours(d("2026-05-09"), 2.0); // Saturday evening work
    let r = j.report("2026-05-04", "2026-05-10", "2026-05-10");
    let h = &r.hours;
    // 11 h 50 + 7 h 30 + 7 h 50 + 2 h = 29 h 10 = 29.17.
    assert_eq!(h.worked, 29.17);
    // Four working days (Mon is a bank holiday) x 37 / 5.
    assert_eq!(h.expected, 29.6);
    assert_eq!(h.excess, -0.43);
    assert_eq!((h.days_logged, h.days_unlogged), (4, 1));
    assert_eq!((h.short_rest, h.missed_breaks), (1, 2));
    assert_eq!(
        h.max_week.as_ref().map(|w| (w.week_start, w.hours)),
        Some((d("2026-05-04"), 29.17))
    );
}

#[test]
fn weeks_split_by_the_period_ends_count_only_days_inside() {
    let mut j = J::default();
    for day in [
        "2026-06-01",
        "2026-06-02",
        "2026-06-03",
        "2026-06-04",
        "2026-06-10",
        "2026-06-11",
    ] {
        j.hours(d(day), 8.0);
    }
    // From Wed 3 Jun to Wed 10 Jun: Mon 1 and Tue 2 Jun are outside, and so is Thu 11 Jun.
    let r = j.report("2026-06-03", "2026-06-10", "2026-06-30");
    assert_eq!(r.hours.worked, 24.0);
    let weeks: Vec<_> = r
        .series
        .weeks
        .iter()
        .map(|w| (w.week_start, w.hours))
        .collect();
    assert_eq!(weeks, [(d("2026-06-01"), 16.0), (d("2026-06-08"), 8.0)]);
    assert_eq!(r.hours.max_week.as_ref().unwrap().hours, 16.0);
}

#[test]
fn wtr_average_reproduces_the_published_worked_example() {
    // 40 h a week for 17 weeks, plus 12 h overtime in 10 of them: 800 / 17 = 47.06.
    let mut j = J::default();
    let first = d("2026-01-05");
    for week in 0..17u64 {
        for day in 0..5u64 {
            j.hours(first + chrono::Days::new(week * 7 + day), 8.0);
        }
        if week < 10 {
            j.hours(first + chrono::Days::new(week * 7 + 5), 12.0);
        }
    }
    let mut config = Config::default();
    config.work.bank_holidays = crate::domain::Region::None;
    let last_sunday = (first + chrono::Days::new(17 * 7 - 1)).to_string();
    let r = j.report_with(&config, "2026-01-05", &last_sunday, &last_sunday);
    assert_eq!(r.hours.wtr_average_max, Some(47.06));
}

#[test]
fn wtr_average_makes_up_annual_leave_from_the_days_after_the_run() {
    // 9 h a day, but one week of annual leave inside the 17 weeks; the five working days
    // after the run are worked at 9 h and made up: (16 x 45 + 45) / 17 = 45.
    let mut j = J::default();
    let first = d("2026-01-05");
    j.leave(LeaveKind::Annual, "2026-02-02", "2026-02-06");
    for n in 0..(17 * 7 + 7) {
        let day = first + chrono::Days::new(n);
        if day.weekday().num_days_from_monday() < 5
            && !(d("2026-02-02")..=d("2026-02-06")).contains(&day)
        {
            j.hours(day, 9.0);
        }
    }
    let mut config = Config::default();
    config.work.bank_holidays = crate::domain::Region::None;
    let last_sunday = (first + chrono::Days::new(17 * 7 - 1)).to_string();
    let r = j.report_with(&config, &last_sunday, &last_sunday, "2026-12-31");
    assert_eq!(r.hours.wtr_average_max, Some(45.0));
    // TOIL is not made up: the same journal with TOIL instead gives 720 / 17.
    let mut toil = J {
        records: j.records.clone(),
    };
    if let Event::LeaveAdded(l) = &mut toil.records[0].event {
        l.kind = LeaveKind::Toil;
    }
    assert_eq!(
        toil.report_with(&config, &last_sunday, &last_sunday, "2026-12-31")
            .hours
            .wtr_average_max,
        Some(42.35)
    );
}

use chrono::Datelike;

#[test]
fn notes_by_standard_and_mean_stress() {
    let mut j = J::default();
    let note = |standards: Vec<Standard>, stress: Option<u8>| {
        Event::from(NoteAdded {
            date: d("2026-04-01"),
            text: "x".into(),
            standards,
            stress,
            told: None,
        })
    };
    j.push(note(vec![Standard::Demands, Standard::Support], Some(7)));
    j.push(note(vec![Standard::Demands], Some(4)));
    j.push(note(vec![], None));
    let r = j.report("2026-01-01", "2026-12-31", "2026-12-31");
    assert_eq!(r.notes.count, 3);
    assert_eq!(
        (
            r.notes.by_standard.demands,
            r.notes.by_standard.support,
            r.notes.by_standard.role
        ),
        (2, 1, 0)
    );
    assert_eq!(r.notes.mean_stress, Some(5.5));
}

#[test]
fn integrity_counts_and_contemporaneous_share() {
    let mut j = J::default();
    j.push_at(alloc("A", "2026-04-01"), "2026-04-01"); // same day
    j.push_at(alloc("B", "2026-04-01"), "2026-04-02"); // next day
    j.push_at(alloc("C", "2026-04-01"), "2026-04-03"); // two days later: not contemporaneous
    j.push_at(
        Event::Amended {
            target: 3,
            record: Box::new(alloc("C", "2026-04-02")),
        },
        "2026-04-03",
    ); // next day
    j.leave(LeaveKind::Annual, "2026-12-01", "2026-12-02"); // describes no past day
    let r = j.report("2026-01-01", "2026-12-31", "2026-12-31");
    assert_eq!(
        (r.integrity.records, r.integrity.amended, r.integrity.voided),
        (5, 1, 0)
    );
    assert_eq!(r.integrity.contemporaneous_percent, Some(75.0));
}

fn alloc(r: &str, on: &str) -> Event {
    Event::from(CaseAllocated {
        reference: r.into(),
        kind: "general".into(),
        allocated_on: d(on),
        allocated_by: None,
        discussed: true,
        weight: None,
        note: None,
        imported: None,
    })
}

#[test]
fn pseudonyms_follow_the_order_records_entered_the_journal_and_refs_never_leak() {
    // SPEC 8 changed: numbered by the order each case's first record entered the journal,
    // not by allocation date, so a case back-dated later renumbers no one.
    let mut j = J::default();
    // The log begins with a note on 1 Jan, so both allocations are inside the records.
    j.push(Event::from(NoteAdded {
        date: d("2026-01-01"),
        text: "first".into(),
        standards: vec![],
        stress: None,
        told: None,
    }));
    j.undiscussed("FD-LATE", "2026-05-01");
    j.undiscussed("FD-EARLY", "2026-02-01");
    j.deadline(Some("FD-LATE"), "2026-06-01");
    let r = j.report("2026-01-01", "2026-12-31", "2026-12-31");
    assert_eq!(r.caseload.undiscussed, 2);
    let text = json::write(&r);
    assert!(!text.contains("FD-"), "{text}");
    let state = replay(&j.records);
    let names = Pseudonyms::new(&j.records, &state, false);
    assert_eq!(
        (names.name("FD-LATE"), names.name("FD-EARLY")),
        ("Case 1".to_string(), "Case 2".to_string())
    );
    // References are compared trimmed and ignoring case.
    assert_eq!(names.name(" fd-early "), "Case 2");
    assert_eq!(
        Pseudonyms::new(&j.records, &state, true).name("FD-LATE"),
        "FD-LATE"
    );
}

#[test]
fn the_json_has_exactly_the_listed_fields() {
    let r = J::default().report("2026-01-01", "2026-12-31", "2026-12-31");
    let v: serde_json::Value = serde_json::from_str(&json::write(&r)).unwrap();
    let keys = |v: &serde_json::Value| {
        v.as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<Vec<_>>()
            .join(",")
    };
    assert_eq!(
        keys(&v),
        "allocations_before_leave,allocations_during_leave,caseload,deadlines,detail,generated_at,health,hours,integrity,made_from,notes,period,purpose,schema,series,worked_during_leave"
    );
    assert_eq!(
        keys(&v["caseload"]),
        "allocated,capacity_percent_peak,capacity_percent_peak_on,closed,days_over_limit,limit,longest_run_first_week_ending,longest_run_last_week_ending,longest_run_over_threshold,open_at_end,open_at_start,peak_open,peak_open_on,undiscussed,weeks_over_threshold"
    );
    assert_eq!(
        keys(&v["deadlines"]),
        "busiest_week,due,extended,in_leave,met,met_late,missed,outcomes,soon_after_leave"
    );
    // Added to the listed fields: the hours over the days logged and the 17-week window.
    assert_eq!(
        keys(&v["hours"]),
        "days_logged,days_unlogged,excess,excess_logged,expected,expected_logged,max_week,missed_breaks,short_rest,worked,working_days_logged,wtr_average_max,wtr_average_max_from,wtr_average_max_to"
    );
    assert_eq!(keys(&v["period"]), "from,records_begin,to");
    assert_eq!(keys(&v["notes"]), "by_standard,count,mean_stress");
    assert_eq!(
        keys(&v["integrity"]),
        "amended,chain_ok,contemporaneous_percent,head,records,time_order,voided"
    );
    assert_eq!(v["schema"], "caseload.report/1");
}

#[test]
fn the_default_period_is_the_twelve_months_ending_today() {
    let p = Period::resolve(None, None, d("2026-11-22")).unwrap();
    assert_eq!((p.from, p.to), (d("2025-11-23"), d("2026-11-22")));
    assert!(
        Period::resolve(
            Some(d("2026-02-01")),
            Some(d("2026-01-01")),
            d("2026-11-22")
        )
        .is_err()
    );
}

mod dates;
mod leave_evidence;
mod properties;
mod records_begin;
mod share_preview;
mod wording;
