//! Replay: the journal's events, with voids and amendments applied, become the current records.

use super::event::{Event, HoursLogged, LeaveKind, NoteAdded};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// One journal entry as the domain sees it: its sequence number, when it was written and what
/// it says. (The hash chain is the journal's business.)
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub seq: u64,
    pub at: DateTime<FixedOffset>,
    pub event: Event,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// Sequence number of the `case_allocated` line.
    pub id: u64,
    pub reference: String,
    pub kind: String,
    pub allocated_on: NaiveDate,
    pub allocated_by: Option<String>,
    pub discussed: bool,
    pub weight: Option<f64>,
    pub note: Option<String>,
    pub closed_on: Option<NaiveDate>,
    pub outcome: Option<String>,
    /// Sequence number of the `case_closed` line, if closed.
    pub closed_by_seq: Option<u64>,
    pub amended: bool,
}

impl Case {
    pub fn is_open_on(&self, day: NaiveDate) -> bool {
        self.allocated_on <= day && self.closed_on.is_none_or(|c| c > day)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Extension {
    pub seq: u64,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    pub id: u64,
    pub case: Option<String>,
    pub what: String,
    /// The due date first set.
    pub original_due: NaiveDate,
    /// The due date now in force, after any extensions.
    pub due: NaiveDate,
    pub met_on: Option<NaiveDate>,
    pub met_seq: Option<u64>,
    pub extensions: Vec<Extension>,
    pub amended: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Leave {
    pub id: u64,
    pub kind: LeaveKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub note: Option<String>,
    pub amended: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HoursEntry {
    pub id: u64,
    pub entry: Arc<HoursLogged>,
    pub amended: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub id: u64,
    pub note: Arc<NoteAdded>,
    pub amended: bool,
}

/// The current records, in journal order, after voids and amendments.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    pub cases: Vec<Case>,
    pub deadlines: Vec<Deadline>,
    pub leave: Vec<Leave>,
    pub hours: Vec<HoursEntry>,
    pub notes: Vec<Note>,
    /// Sequence numbers withdrawn by a `voided` line that is itself in force.
    pub voided: HashSet<u64>,
    /// Latest amendment in force for each amended line: target seq -> amending seq.
    pub amended_by: HashMap<u64, u64>,
    /// The redaction record of each redacted line: target seq -> redaction seq.
    pub redacted_by: HashMap<u64, u64>,
    /// Position in `cases` by reference, and in `deadlines` by id, so that replaying a
    /// closure or a deadline met is not a search (a career's journal has thousands of each).
    case_index: HashMap<String, usize>,
    /// Positions in `cases` by reference ignoring capitals (`text::ref_key`), in journal
    /// order: checking that a new reference is unique is a lookup, not a pass over every case
    /// (an import of thousands of rows checks each against all before it).
    case_keys: HashMap<String, Vec<usize>>,
    deadline_index: HashMap<u64, usize>,
}

impl State {
    pub fn case(&self, reference: &str) -> Option<&Case> {
        self.case_index.get(reference).map(|i| &self.cases[*i])
    }

    /// The cases whose reference is `reference` ignoring capitals and spaces around it, in
    /// journal order.
    pub fn cases_like(&self, reference: &str) -> impl Iterator<Item = &Case> {
        self.case_keys
            .get(&super::text::ref_key(reference))
            .into_iter()
            .flatten()
            .map(|i| &self.cases[*i])
    }

    pub fn deadline(&self, id: u64) -> Option<&Deadline> {
        self.deadline_index.get(&id).map(|i| &self.deadlines[*i])
    }

    pub fn open_cases_on(&self, day: NaiveDate) -> impl Iterator<Item = &Case> {
        self.cases.iter().filter(move |c| c.is_open_on(day))
    }

    /// Brings the state up to date after `records[first_new..]` were appended. New lines that
    /// only add records are applied directly; a void or an amendment can change anything
    /// earlier, so it replays everything.
    pub fn catch_up(&mut self, records: &[Record], first_new: usize) {
        let fresh = &records[first_new..];
        let touches_history = |r: &Record| {
            matches!(
                r.event,
                Event::Voided { .. }
                    | Event::Amended { .. }
                    | Event::Redacted { .. }
                    | Event::Redaction { .. }
            ) || self.voided.contains(&r.seq)
                || self.amended_by.contains_key(&r.seq)
        };
        if fresh.iter().any(touches_history) {
            *self = replay(records);
        } else {
            for r in fresh {
                apply(self, r.seq, &r.event, false);
            }
        }
    }

    /// Leave periods as inclusive date pairs, for the working-day calendar.
    pub fn leave_periods(&self) -> Vec<(NaiveDate, NaiveDate)> {
        self.leave.iter().map(|l| (l.from, l.to)).collect()
    }
}

/// Rebuilds the current records from every journal entry, in order.
///
/// A `voided` line withdraws its target (a voided void is ignored rather than resurrecting,
/// because the writer refuses to void a void). An `amended` line replaces its target's fields
/// with the full record it carries; the last amendment in force wins. Lines that refer to
/// something not in force (closing a voided case) have no effect. A redacted line has no
/// effect of its own, except that a redacted withdrawal stays in force and an amendment of a
/// redacted record still stands in its place. The result depends only on the entries, so
/// replay is deterministic.
pub fn replay(records: &[Record]) -> State {
    let mut state = State::default();
    for r in records {
        match r.event {
            Event::Voided { target, .. }
            | Event::Redacted {
                target: Some(target),
                ..
            } => {
                state.voided.insert(target);
            }
            Event::Redaction { target, .. } => {
                state.redacted_by.insert(target, r.seq);
            }
            _ => {}
        }
    }
    let mut replacement: HashMap<u64, &Event> = HashMap::new();
    for r in records {
        if state.voided.contains(&r.seq) {
            continue;
        }
        if let Event::Amended { target, record } = &r.event {
            replacement.insert(*target, record);
            state.amended_by.insert(*target, r.seq);
        }
    }
    for r in records {
        if state.voided.contains(&r.seq) {
            continue;
        }
        let amended = replacement.contains_key(&r.seq);
        let event = replacement.get(&r.seq).copied().unwrap_or(&r.event);
        if event.type_name() != r.event.original_type() {
            continue;
        }
        apply(&mut state, r.seq, event, amended);
    }
    state
}

fn apply(state: &mut State, seq: u64, event: &Event, amended: bool) {
    match event {
        Event::CaseAllocated(e) => {
            if state.case(&e.reference).is_none() {
                state
                    .case_index
                    .insert(e.reference.clone(), state.cases.len());
                state
                    .case_keys
                    .entry(super::text::ref_key(&e.reference))
                    .or_default()
                    .push(state.cases.len());
                state.cases.push(Case {
                    id: seq,
                    reference: e.reference.clone(),
                    kind: e.kind.clone(),
                    allocated_on: e.allocated_on,
                    allocated_by: e.allocated_by.clone(),
                    discussed: e.discussed,
                    weight: e.weight,
                    note: e.note.clone(),
                    closed_on: None,
                    outcome: None,
                    closed_by_seq: None,
                    amended,
                });
            }
        }
        Event::CaseClosed(e) => {
            let found = state.case_index.get(&e.reference).copied();
            if let Some(case) = found
                .map(|i| &mut state.cases[i])
                .filter(|c| c.closed_on.is_none())
            {
                case.closed_on = Some(e.on);
                case.outcome = e.outcome.clone();
                case.closed_by_seq = Some(seq);
            }
        }
        Event::DeadlineSet(e) => {
            state.deadline_index.insert(seq, state.deadlines.len());
            state.deadlines.push(Deadline {
                id: seq,
                case: e.case.clone(),
                what: e.what.clone(),
                original_due: e.due,
                due: e.due,
                met_on: None,
                met_seq: None,
                extensions: Vec::new(),
                amended,
            });
        }
        Event::DeadlineMet(e) => {
            let found = state.deadline_index.get(&e.deadline).copied();
            if let Some(d) = found
                .map(|i| &mut state.deadlines[i])
                .filter(|d| d.met_on.is_none())
            {
                d.met_on = Some(e.on);
                d.met_seq = Some(seq);
            }
        }
        Event::DeadlineExtended(e) => {
            let found = state.deadline_index.get(&e.deadline).copied();
            if let Some(d) = found.map(|i| &mut state.deadlines[i]) {
                d.extensions.push(Extension {
                    seq,
                    from: d.due,
                    to: e.due,
                    reason: e.reason.clone(),
                });
                d.due = e.due;
            }
        }
        Event::LeaveAdded(e) => state.leave.push(Leave {
            id: seq,
            kind: e.kind,
            from: e.from,
            to: e.to,
            note: e.note.clone(),
            amended,
        }),
        Event::HoursLogged(e) => state.hours.push(HoursEntry {
            id: seq,
            entry: e.clone(),
            amended,
        }),
        Event::NoteAdded(e) => state.notes.push(Note {
            id: seq,
            note: e.clone(),
            amended,
        }),
        Event::Voided { .. }
        | Event::Amended { .. }
        | Event::Redacted { .. }
        | Event::Redaction { .. }
        | Event::CutOff { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::event::{
        CaseAllocated, CaseClosed, DeadlineExtended, DeadlineMet, DeadlineSet,
    };
    use proptest::prelude::*;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(u64::from(n))
    }

    fn rec(seq: u64, event: Event) -> Record {
        Record {
            seq,
            at: DateTime::parse_from_rfc3339("2026-01-01T09:00:00+00:00").unwrap(),
            event,
        }
    }

    fn alloc(reference: &str, on: u32) -> Event {
        Event::from(CaseAllocated {
            reference: reference.into(),
            kind: "s7".into(),
            allocated_on: day(on),
            allocated_by: None,
            discussed: true,
            weight: None,
            note: None,
            imported: None,
        })
    }

    fn close(reference: &str, on: u32) -> Event {
        Event::CaseClosed(CaseClosed {
            reference: reference.into(),
            on: day(on),
            outcome: None,
            imported: None,
        })
    }

    #[test]
    fn void_withdraws_the_target_and_only_it() {
        let records = vec![
            rec(1, alloc("A", 0)),
            rec(2, alloc("B", 1)),
            rec(
                3,
                Event::Voided {
                    target: 1,
                    reason: "typo".into(),
                },
            ),
        ];
        let state = replay(&records);
        assert_eq!(
            state
                .cases
                .iter()
                .map(|c| c.reference.as_str())
                .collect::<Vec<_>>(),
            ["B"]
        );
    }

    #[test]
    fn voiding_a_closure_reopens_the_case() {
        let records = vec![
            rec(1, alloc("A", 0)),
            rec(2, close("A", 5)),
            rec(
                3,
                Event::Voided {
                    target: 2,
                    reason: "wrong case".into(),
                },
            ),
        ];
        assert_eq!(replay(&records).cases[0].closed_on, None);
    }

    #[test]
    fn the_last_amendment_in_force_wins() {
        let records = vec![
            rec(1, alloc("A", 0)),
            rec(
                2,
                Event::Amended {
                    target: 1,
                    record: Box::new(alloc("A", 3)),
                },
            ),
            rec(
                3,
                Event::Amended {
                    target: 1,
                    record: Box::new(alloc("A", 4)),
                },
            ),
            rec(
                4,
                Event::Voided {
                    target: 3,
                    reason: "wrong".into(),
                },
            ),
        ];
        let state = replay(&records);
        assert_eq!(state.cases[0].allocated_on, day(3));
        assert!(state.cases[0].amended);
        assert_eq!(state.amended_by.get(&1), Some(&2));
    }

    fn stub(was: &str, target: Option<u64>) -> Event {
        Event::Redacted {
            was: was.into(),
            sha256: "0".repeat(64),
            target,
        }
    }

    fn redaction(target: u64) -> Event {
        Event::Redaction {
            target,
            reason: "a name".into(),
        }
    }

    /// A redacted record's effect goes with its text, except that a redacted withdrawal stays
    /// in force and an amendment of a redacted record still stands in its place.
    #[test]
    fn redaction_removes_a_record_keeps_a_withdrawal_and_an_amendment_in_force() {
        let gone = replay(&[
            rec(1, alloc("A", 0)),
            rec(2, stub("case_allocated", None)),
            rec(3, redaction(2)),
        ]);
        assert_eq!(gone.cases.len(), 1);
        assert_eq!(gone.redacted_by.get(&2), Some(&3));

        let still_withdrawn = replay(&[
            rec(1, alloc("A", 0)),
            rec(2, stub("voided", Some(1))),
            rec(3, redaction(2)),
        ]);
        assert!(still_withdrawn.cases.is_empty());

        let amended_stands = replay(&[
            rec(1, stub("case_allocated", None)),
            rec(
                2,
                Event::Amended {
                    target: 1,
                    record: Box::new(alloc("A", 4)),
                },
            ),
            rec(3, redaction(1)),
        ]);
        assert_eq!(amended_stands.cases[0].allocated_on, day(4));

        let amendment_gone = replay(&[
            rec(1, alloc("A", 0)),
            rec(2, stub("amended", None)),
            rec(3, redaction(2)),
        ]);
        assert_eq!(amendment_gone.cases[0].allocated_on, day(0));
        assert!(!amendment_gone.cases[0].amended);

        let closure_of_nothing = replay(&[
            rec(1, stub("case_allocated", None)),
            rec(2, close("A", 3)),
            rec(3, redaction(1)),
        ]);
        assert!(closure_of_nothing.cases.is_empty());
    }

    #[test]
    fn extensions_move_the_due_date_and_keep_history() {
        let records = vec![
            rec(
                1,
                Event::DeadlineSet(DeadlineSet {
                    case: None,
                    what: "Report".into(),
                    due: day(10),
                    imported: None,
                }),
            ),
            rec(
                2,
                Event::DeadlineExtended(DeadlineExtended {
                    deadline: 1,
                    due: day(20),
                    reason: None,
                }),
            ),
            rec(
                3,
                Event::DeadlineMet(DeadlineMet {
                    deadline: 1,
                    on: day(15),
                    imported: None,
                }),
            ),
        ];
        let d = &replay(&records).deadlines[0];
        assert_eq!(
            (d.original_due, d.due, d.met_on),
            (day(10), day(20), Some(day(15)))
        );
        assert_eq!(d.extensions.len(), 1);
    }

    fn arbitrary_event(max_seq: u64) -> impl Strategy<Value = Event> {
        prop_oneof![
            (0..4u8, 0..60u32).prop_map(|(r, d)| alloc(&format!("R{r}"), d)),
            (0..4u8, 0..60u32).prop_map(|(r, d)| close(&format!("R{r}"), d)),
            (1..=max_seq).prop_map(|t| Event::Voided {
                target: t,
                reason: "x".into()
            }),
            (1..=max_seq, 0..4u8, 0..60u32).prop_map(|(t, r, d)| Event::Amended {
                target: t,
                record: Box::new(alloc(&format!("R{r}"), d))
            }),
            (0..60u32).prop_map(|d| Event::DeadlineSet(DeadlineSet {
                case: None,
                what: "w".into(),
                due: day(d),
                imported: None,
            })),
        ]
    }

    proptest! {
        #[test]
        fn replay_is_deterministic(events in proptest::collection::vec(arbitrary_event(30), 0..30)) {
            let records: Vec<Record> = events.into_iter().enumerate().map(|(i, e)| rec(i as u64 + 1, e)).collect();
            prop_assert_eq!(replay(&records), replay(&records.clone()));
        }

        #[test]
        fn catching_up_equals_replaying(events in proptest::collection::vec(arbitrary_event(30), 0..30), split in 0usize..30) {
            let records: Vec<Record> = events.into_iter().enumerate().map(|(i, e)| rec(i as u64 + 1, e)).collect();
            let split = split.min(records.len());
            let mut state = replay(&records[..split]);
            state.catch_up(&records, split);
            prop_assert_eq!(state, replay(&records));
        }

        #[test]
        fn a_void_removes_exactly_its_target(refs in proptest::collection::vec(0..1000u32, 1..20), pick in any::<prop::sample::Index>()) {
            let mut records: Vec<Record> = Vec::new();
            let mut unique = refs.clone();
            unique.sort_unstable();
            unique.dedup();
            for (i, r) in unique.iter().enumerate() {
                records.push(rec(i as u64 + 1, alloc(&format!("R{r}"), 0)));
            }
            let before = replay(&records);
            let target = pick.index(unique.len()) as u64 + 1;
            records.push(rec(unique.len() as u64 + 1, Event::Voided { target, reason: "x".into() }));
            let after = replay(&records);
            let expected: Vec<_> = before.cases.iter().filter(|c| c.id != target).cloned().collect();
            prop_assert_eq!(after.cases, expected);
        }
    }
}
