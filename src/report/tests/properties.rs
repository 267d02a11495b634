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
        let names = Pseudonyms::new(&state, false);
        let mut seen: Vec<String> = state.cases.iter().map(|c| names.name(&c.reference)).collect();
        seen.sort();
        seen.dedup();
        prop_assert_eq!(seen.len(), state.cases.len());
        // A case allocated after all the others does not renumber anyone.
        let mut later = J { records: j.records.clone() };
        later.case("NEW", "general", "2099-01-01");
        let later_names = Pseudonyms::new(&replay(&later.records), false);
        for c in &state.cases {
            prop_assert_eq!(names.name(&c.reference), later_names.name(&c.reference));
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
