//! `caseload.share/1` over random journals: no note text, case reference, pseudonym, other
//! free text, journal id, head or receipt, and no date finer than a week ever reaches a share;
//! and every share caseload makes is one `caseload team` accepts, read back unchanged.
use caseload::config::{Config, preset};
use caseload::domain::dates::ClockTime;
use caseload::domain::event::*;
use caseload::domain::replay::{Record, replay};
use caseload::report::share::{self, ShareId};
use caseload::report::{Inputs, Period, Purpose, analyse};
use chrono::{DateTime, Days, NaiveDate};
use proptest::prelude::*;

const KINDS: [&str; 4] = ["s7", "r16-4", "public-law", "wtfh"];

/// (case index, due day, met after, extended by)
type DrawnDeadline = (Option<usize>, u64, Option<u64>, Option<u64>);

#[derive(Debug, Clone)]
struct Drawn {
    cases: Vec<(u64, Option<u64>, usize, bool, bool)>,
    deadlines: Vec<DrawnDeadline>,
    leave: Vec<(u64, u64, usize)>,
    hours: Vec<(u64, bool, u32)>,
    notes: Vec<(u64, Vec<usize>, Option<u8>, bool)>,
    delays: Vec<u64>,
    period: Option<(u64, u64)>,
}

fn drawn() -> impl Strategy<Value = Drawn> {
    (
        proptest::collection::vec(
            (
                0..500u64,
                proptest::option::of(1..200u64),
                0..4usize,
                any::<bool>(),
                any::<bool>(),
            ),
            0..20,
        ),
        proptest::collection::vec(
            (
                proptest::option::of(0..20usize),
                0..520u64,
                proptest::option::of(0..30u64),
                proptest::option::of(1..30u64),
            ),
            0..15,
        ),
        proptest::collection::vec((0..500u64, 0..15u64, 0..6usize), 0..4),
        proptest::collection::vec((0..520u64, any::<bool>(), 1..12u32), 0..60),
        proptest::collection::vec(
            (
                0..520u64,
                proptest::collection::vec(0..6usize, 0..3),
                proptest::option::of(0..=10u8),
                any::<bool>(),
            ),
            0..30,
        ),
        proptest::collection::vec(0..3u64, 200),
        proptest::option::of((0..400u64, 1..300u64)),
    )
        .prop_map(
            |(cases, deadlines, leave, hours, notes, delays, period)| Drawn {
                cases,
                deadlines,
                leave,
                hours,
                notes,
                delays,
                period,
            },
        )
}

/// A journal from the drawn values, and every piece of free text in it (each one unique
/// and unlike anything caseload writes itself).
fn journal(d: &Drawn) -> (Vec<Record>, Vec<String>) {
    let mut w = Writing::default();
    w.cases(d);
    w.leave(d);
    w.deadlines(d);
    w.hours(d);
    w.notes(d);
    let records = w
        .events
        .into_iter()
        .enumerate()
        .map(|(i, event)| {
            let described = event.described_date().unwrap_or(BASE);
            let written = (described + Days::new(d.delays[i % d.delays.len()]))
                .min(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
            let at = DateTime::parse_from_rfc3339(&format!("{written}T19:{:02}:00+01:00", i % 60))
                .unwrap();
            Record {
                seq: i as u64 + 1,
                at,
                event,
            }
        })
        .collect();
    (records, w.secrets)
}

/// The day the drawn journals start.
const BASE: NaiveDate = NaiveDate::from_ymd_opt(2025, 6, 2).unwrap();

fn day(n: u64) -> NaiveDate {
    BASE + Days::new(n)
}

/// The events written so far, and the free text in them.
#[derive(Default)]
struct Writing {
    events: Vec<Event>,
    secrets: Vec<String>,
}

impl Writing {
    /// Free text, remembered so the test can look for it in the share.
    fn secret(&mut self, s: String) -> String {
        self.secrets.push(s.clone());
        s
    }

    fn cases(&mut self, d: &Drawn) {
        for (i, (on, closed, kind, discussed, by)) in d.cases.iter().enumerate() {
            let allocated = CaseAllocated {
                imported: None,
                reference: self.secret(format!("FQ{i}ZREF")),
                kind: KINDS[*kind].into(),
                allocated_on: day(*on),
                allocated_by: by.then(|| self.secret(format!("Manager{i}Qname"))),
                discussed: *discussed,
                weight: None,
                note: Some(self.secret(format!("case{i}QnoteText"))),
            };
            self.events.push(Event::from(allocated));
            if let Some(len) = closed {
                let closing = CaseClosed {
                    imported: None,
                    reference: format!("FQ{i}ZREF"),
                    on: day(on + len),
                    outcome: Some(self.secret(format!("outcome{i}Qtext"))),
                };
                self.events.push(Event::CaseClosed(closing));
            }
        }
    }

    fn leave(&mut self, d: &Drawn) {
        for (i, (kind_from, len, k)) in d.leave.iter().enumerate() {
            let leave = LeaveAdded {
                imported: None,
                kind: LeaveKind::ALL[*k],
                from: day(*kind_from),
                to: day(kind_from + len),
                note: Some(self.secret(format!("leave{i}Qnote"))),
            };
            self.events.push(Event::LeaveAdded(leave));
        }
    }

    /// Every deadline, then the extensions and meetings that point at them.
    fn deadlines(&mut self, d: &Drawn) {
        let mut deadline_seqs = Vec::new();
        for (i, (case, due, met, extended)) in d.deadlines.iter().enumerate() {
            let case = case
                .filter(|c| *c < d.cases.len())
                .map(|c| format!("FQ{c}ZREF"));
            let set = DeadlineSet {
                imported: None,
                case,
                what: self.secret(format!("deadline{i}Qwhat")),
                due: day(*due),
            };
            self.events.push(Event::DeadlineSet(set));
            deadline_seqs.push((self.events.len() as u64, *due, *met, *extended, i));
        }
        for (seq, due, met, extended, i) in deadline_seqs {
            if let Some(by) = extended {
                let extension = DeadlineExtended {
                    deadline: seq,
                    due: day(due + by),
                    reason: Some(self.secret(format!("extension{i}Qwhy"))),
                };
                self.events.push(Event::DeadlineExtended(extension));
            }
            if let Some(after) = met {
                self.events.push(Event::DeadlineMet(DeadlineMet {
                    imported: None,
                    deadline: seq,
                    on: day((due + after).saturating_sub(10)),
                }));
            }
        }
    }

    fn hours(&mut self, d: &Drawn) {
        for (i, (on, timed, h)) in d.hours.iter().enumerate() {
            let entry = if *timed {
                HoursLogged {
                    imported: None,
                    date: day(*on),
                    start: ClockTime::from_hm(7, 30),
                    end: ClockTime::from_hm(8 + h, 0).or(ClockTime::from_hm(19, 0)),
                    break_minutes: Some(10),
                    hours: None,
                    note: Some(self.secret(format!("hours{i}Qnote"))),
                }
            } else {
                HoursLogged {
                    imported: None,
                    date: day(*on),
                    start: None,
                    end: None,
                    break_minutes: None,
                    hours: Some(f64::from(*h)),
                    note: None,
                }
            };
            self.events.push(Event::from(entry));
        }
    }

    fn notes(&mut self, d: &Drawn) {
        for (i, (on, standards, stress, told)) in d.notes.iter().enumerate() {
            let mut standards: Vec<Standard> =
                standards.iter().map(|s| Standard::ALL[*s]).collect();
            standards.dedup();
            let note = NoteAdded {
                date: day(*on),
                text: self.secret(format!("The note {i} says QsecretQ{i} about FQ0ZREF")),
                standards,
                stress: *stress,
                told: told.then(|| self.secret(format!("told{i}Qwhom"))),
            };
            self.events.push(Event::from(note));
        }
    }
}

/// Whether `text` holds a date to the day: four digits, a dash, two, a dash, two.
fn has_a_day(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(10).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_share_holds_no_text_pseudonym_journal_id_or_day(d in drawn()) {
        let (records, secrets) = journal(&d);
        let state = replay(&records);
        let config = Config::from_toml_text(Some(preset("cafcass-fca").unwrap()), None).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let period = match d.period {
            Some((start, len)) => {
                let from = NaiveDate::from_ymd_opt(2025, 6, 2).unwrap() + Days::new(start);
                Period { from, to: (from + Days::new(len)).min(today) }
            }
            None => Period::resolve(None, None, today).unwrap(),
        };
        let head = "5e".repeat(32);
        let receipt = format!("caseload-receipt v1 seq={} head={head} at=2026-11-22T18:00:00+00:00", records.len());
        let inputs = Inputs {
            state: &state,
            records: &records,
            config: &config,
            head: &head,
            chain_ok: true,
            today,
            period,
            purpose: Purpose::Grievance,
            reveal_refs: false,
            generated_at: DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap(),
            receipt: Some(receipt.clone()),
        };
        let report = analyse(&inputs);
        let made = share::build(&inputs, &report, &ShareId("0f".repeat(16)));
        let json = share::to_json(&made);
        for s in &secrets {
            prop_assert!(!json.contains(s.as_str()), "{s} is in the share");
        }
        let lower = json.to_lowercase();
        prop_assert!(!lower.contains("fq0zref") && !lower.contains("qsecretq"));
        prop_assert!(!json.contains("Case "), "a pseudonym is in the share");
        if !records.is_empty() {
            prop_assert!(!json.contains(&report.detail.journal_id), "the journal id is in the share");
        }
        prop_assert!(!json.contains(&head) && !json.contains("5e5e5e5e") && !json.contains("caseload-receipt"));
        prop_assert!(!has_a_day(&json), "a day is in the share: {json}");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        for w in value["weeks"].as_array().unwrap() {
            let week = w["week"].as_str().unwrap();
            prop_assert!(share::parse_iso_week(week).is_some(), "{week}");
        }
        // Every share caseload makes is one the team command takes, read back as it was.
        let back = caseload::team::parse(json.as_bytes());
        prop_assert!(back.is_ok(), "refused: {:?}\n{json}", back.err());
        prop_assert_eq!(back.unwrap(), made);
    }
}

#[test]
fn the_summary_names_every_group_of_figures_and_what_is_not_in_it() {
    let (records, _) = journal(&Drawn {
        cases: vec![(10, None, 0, false, true)],
        deadlines: vec![],
        leave: vec![(5, 10, 1)],
        hours: vec![(12, true, 9)],
        notes: vec![(12, vec![0], Some(6), true)],
        delays: vec![0],
        period: None,
    });
    let state = replay(&records);
    let config = Config::from_toml_text(Some(preset("probation-officer").unwrap()), None).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let inputs = Inputs {
        state: &state,
        records: &records,
        config: &config,
        head: "",
        chain_ok: true,
        today,
        period: Period::resolve(
            Some(NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()),
            None,
            today,
        )
        .unwrap(),
        purpose: Purpose::Grievance,
        reveal_refs: false,
        generated_at: DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap(),
        receipt: None,
    };
    let made = share::build(&inputs, &analyse(&inputs), &ShareId("ab".repeat(16)));
    assert_eq!(made.assumptions.role, "probation-officer");
    // Sick leave from Sat 7 Jun to Tue 17 Jun 2025. The leave is itself a record of those
    // days, so the records begin on 7 Jun (before the case's allocation, the first record
    // written, on Thu 12 Jun): seven working days, Mon 9 to Tue 17 Jun. (Before the records
    // began at leave too, this counted four, from 12 Jun.)
    assert_eq!(made.leave.sickness_absence_days, 7);
    let summary = share::summary(&made).join("\n");
    for group in [
        "Period:",
        "Settings:",
        "Caseload:",
        "Leave:",
        "Deadlines:",
        "Hours:",
        "Notes:",
        "Weekly:",
        "Not in it:",
    ] {
        assert!(summary.contains(group), "{group}");
    }
    assert!(summary.contains("1 saying who was told"));
    // A week with hours logged has them; the others say none were, not zero.
    assert_eq!(made.weeks.iter().filter(|w| w.hours.is_some()).count(), 1);
}
