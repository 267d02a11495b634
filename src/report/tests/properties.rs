//! Property tests over arbitrary journals: counts never go negative, pseudonyms are one-to-one
//! and stable, and additive figures of a period are the sum of its halves.

use super::{J, d};
use crate::config::Config;
use crate::domain::replay::replay;
use crate::report::{Period, Pseudonyms, caseload};
use proptest::prelude::*;

fn arbitrary_journal() -> impl Strategy<Value = J> {
    let case = (0..400u64, proptest::option::of(0..200u64), 0..3usize);
    let hours = (0..400u64, 1..12u32);
    (
        proptest::collection::vec(case, 0..25),
        proptest::collection::vec(hours, 0..40),
    )
        .prop_map(|(cases, hours)| {
            let base = d("2026-01-01");
            let mut j = J::default();
            for (i, (start, length, kind)) in cases.into_iter().enumerate() {
                let on = base + chrono::Days::new(start);
                j.case(
                    &format!("R{i}"),
                    ["general", "complex", "report"][kind],
                    &on.to_string(),
                );
                if let Some(len) = length {
                    j.close(&format!("R{i}"), &(on + chrono::Days::new(len)).to_string());
                }
            }
            for (day, h) in hours {
                j.hours(base + chrono::Days::new(day), f64::from(h));
            }
            j
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn open_count_never_negative_nor_above_the_cases(j in arbitrary_journal()) {
        let state = replay(&j.records);
        let period = Period { from: d("2026-01-01"), to: d("2027-06-30") };
        let daily = caseload::Daily::compute(&state, &Config::default(), period);
        prop_assert!(daily.open.iter().all(|o| (*o as usize) <= state.cases.len()));
        prop_assert!(daily.weight_centi.iter().all(|w| *w >= 0));
        for day in period.days().step_by(17) {
            prop_assert_eq!(daily.open_on(day) as usize, state.open_cases_on(day).count());
        }
    }

    #[test]
    fn pseudonyms_are_one_to_one_and_stable(j in arbitrary_journal()) {
        let state = replay(&j.records);
        let names = Pseudonyms::new(&j.records, &state, false);
        let mut seen: Vec<String> = state.cases.iter().map(|c| names.name(&c.reference)).collect();
        seen.sort();
        seen.dedup();
        prop_assert_eq!(seen.len(), state.cases.len());
        // A case added later, even one back-dated before all the others, renumbers no one;
        // nor does withdrawing a case.
        for back_dated in ["2099-01-01", "2020-01-01"] {
            let mut later = J { records: j.records.clone() };
            later.case("NEW", "general", back_dated);
            if let Some(first) = state.cases.first() {
                later.void(first.id);
            }
            let later_state = replay(&later.records);
            let later_names = Pseudonyms::new(&later.records, &later_state, false);
            for c in &state.cases {
                prop_assert_eq!(names.name(&c.reference), later_names.name(&c.reference));
            }
            prop_assert_eq!(later_names.name("NEW"), format!("Case {}", state.cases.len() + 1));
        }
    }

    #[test]
    // The split leaves both halves non-empty: the period has 500 days.
    fn a_period_is_the_sum_of_its_halves(j in arbitrary_journal(), split in 0..499u64) {
        let (from, to) = (d("2026-01-01"), d("2027-05-15"));
        let mid = from + chrono::Days::new(split);
        let today = "2027-12-31";
        let whole = j.report(&from.to_string(), &to.to_string(), today);
        let a = j.report(&from.to_string(), &mid.to_string(), today);
        let b = j.report(&(mid + chrono::Days::new(1)).to_string(), &to.to_string(), today);
        prop_assert_eq!(whole.caseload.allocated, a.caseload.allocated + b.caseload.allocated);
        prop_assert_eq!(whole.caseload.closed, a.caseload.closed + b.caseload.closed);
        prop_assert!((whole.hours.worked - (a.hours.worked + b.hours.worked)).abs() < 0.005);
    }
}

/// Deadlines with any mix of extensions and dates met (before, on or after the due date, or
/// never), around a report's end and today.
fn arbitrary_deadlines() -> impl Strategy<Value = J> {
    let deadline = (
        0..120u64,
        proptest::option::of(-20..40i64),
        proptest::option::of(1..30u64),
    );
    proptest::collection::vec(deadline, 0..30).prop_map(|deadlines| {
        let base = d("2026-03-01");
        let mut j = J::default();
        j.hours(base, 1.0); // the records begin on the first day
        for (due, met, extension) in deadlines {
            let due = base + chrono::Days::new(due);
            let id = j.deadline(None, &due.to_string());
            let mut now_due = due;
            if let Some(days) = extension {
                now_due = due + chrono::Days::new(days);
                j.extend(id, &now_due.to_string());
            }
            if let Some(offset) = met {
                let on = now_due
                    .checked_add_signed(chrono::Duration::days(offset))
                    .unwrap()
                    .max(base);
                j.met(id, &on.to_string());
            }
        }
        j
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn deadline_outcomes_are_a_partition_of_the_deadlines_due(j in arbitrary_deadlines(), end in 0..150u64, today in 0..200u64) {
        let to = d("2026-03-01") + chrono::Days::new(end);
        let today = d("2026-03-01") + chrono::Days::new(today);
        let r = j.report("2026-03-01", &to.to_string(), &today.to_string());
        let dl = &r.deadlines;
        let o = &dl.outcomes;
        prop_assert_eq!(o.on_time + o.late + o.overdue + o.not_yet_due, dl.due);
        prop_assert_eq!(o.on_time, dl.met);
        prop_assert!(dl.extended <= dl.due);
        // The chronology's flags name the same deadlines.
        let flagged = |flag: &str| r.detail.chronology.iter().filter(|i| i.kind == "deadline" && i.flags.iter().any(|f| f == flag)).count() as u32;
        prop_assert_eq!(flagged("overdue"), o.overdue);
        prop_assert_eq!(flagged("met late"), o.late);
        prop_assert_eq!(r.detail.chronology.iter().filter(|i| i.kind == "deadline").count() as u32, dl.due);
        // `missed` keeps its SPEC meaning: past due and not met on time.
        prop_assert!(dl.missed <= o.late + o.overdue);
        prop_assert!(dl.missed >= o.overdue);
    }
}

/// Deadlines as in [`arbitrary_deadlines`], with up to three leave periods among them.
fn arbitrary_deadlines_and_leave() -> impl Strategy<Value = J> {
    let leave = proptest::collection::vec((0..150u64, 0..14u64, any::<bool>()), 0..3);
    (arbitrary_deadlines(), leave).prop_map(|(mut j, leave)| {
        let base = d("2026-03-01");
        for (start, length, sick) in leave {
            let from = base + chrono::Days::new(start);
            let kind = if sick {
                crate::domain::LeaveKind::Sick
            } else {
                crate::domain::LeaveKind::Annual
            };
            j.leave(
                kind,
                &from.to_string(),
                &(from + chrono::Days::new(length)).to_string(),
            );
        }
        j
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The leave lists are drawn from the deadlines *first* due in the period (DEFINITIONS:
    /// an extension never removes the flag), `deadlines.due` counts those due in it *now*. So
    /// "in leave" can exceed "due", and exactly by the deadlines extended out of the period:
    /// every listed deadline was first due in the period, the lists never hold more than
    /// were first due in it, and those listed and not counted as due were all extended.
    #[test]
    fn the_leave_lists_count_by_the_first_due_date_and_differ_from_due_only_by_extensions(
        j in arbitrary_deadlines_and_leave(), end in 0..150u64, today in 0..200u64,
    ) {
        let to = d("2026-03-01") + chrono::Days::new(end);
        let today = d("2026-03-01") + chrono::Days::new(today);
        let period = Period { from: d("2026-03-01"), to };
        let r = j.report("2026-03-01", &to.to_string(), &today.to_string());
        let dl = &r.deadlines;
        let state = replay(&j.records);
        let first_due = state.deadlines.iter().filter(|x| period.contains(x.original_due)).count();
        prop_assert!(dl.in_leave.len() + dl.soon_after_leave.len() <= first_due);
        for x in &dl.in_leave {
            prop_assert!(period.contains(x.due) && x.leave_from <= x.due && x.due <= x.leave_to);
        }
        let listed = dl.in_leave.iter().map(|x| (x.due, &x.since))
            .chain(dl.soon_after_leave.iter().map(|x| (x.due, &x.since)));
        let mut listed_and_due = 0;
        for (first, since) in listed {
            prop_assert!(period.contains(first));
            if period.contains(since.due_now) {
                listed_and_due += 1;
            } else {
                prop_assert!(!since.extensions.is_empty(), "moved out of the period unextended");
            }
        }
        prop_assert!(listed_and_due <= dl.due);
    }
}
