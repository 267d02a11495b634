//! The effect on health a grievance and a stress risk assessment state: sickness absence in
//! the period, and the stress scores of the diary notes by month with their trend. Pure
//! functions of the replayed journal.

use super::Period;
use super::model::round2;
use crate::domain::LeaveKind;
use crate::domain::calendar::WorkCalendar;
use crate::domain::replay::State;
use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Health {
    /// Spells of sick leave that overlap the period, cut to it, in date order.
    pub sickness: Vec<SickSpell>,
    /// Working days (configured weekdays, not bank holidays) of sick leave in the period.
    pub sick_working_days: u32,
    /// Every calendar month the period touches, with the mean stress score of its notes.
    pub stress_by_month: Vec<MonthStress>,
    /// The least-squares slope of the monthly means, in points a month; `None` with fewer
    /// than three months that have a score.
    pub stress_trend_per_month: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SickSpell {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub working_days: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthStress {
    /// The month's first day, written `YYYY-MM`.
    #[serde(serialize_with = "year_month")]
    pub month: NaiveDate,
    /// The mean of the month's scores (0-10), two decimals; `None` when no note has one.
    pub mean: Option<f64>,
    pub scored: u32,
}

pub fn compute(state: &State, period: Period, calendar: &WorkCalendar) -> Health {
    let mut sickness: Vec<SickSpell> = state
        .leave
        .iter()
        .filter(|l| l.kind == LeaveKind::Sick && l.from <= period.to && l.to >= period.from)
        .map(|l| {
            let (from, to) = (l.from.max(period.from), l.to.min(period.to));
            let working_days = from
                .iter_days()
                .take_while(|d| *d <= to)
                .filter(|d| calendar.is_working_weekday(*d) && !calendar.is_bank_holiday(*d))
                .count() as u32;
            SickSpell {
                from,
                to,
                working_days,
            }
        })
        .collect();
    sickness.sort_by_key(|s| s.from);
    let months = stress_by_month(state, period);
    Health {
        sick_working_days: sickness.iter().map(|s| s.working_days).sum(),
        sickness,
        stress_trend_per_month: trend(&months),
        stress_by_month: months,
    }
}

/// The mean stress score of each calendar month the period touches (the first and last
/// cut by the period), from the notes dated in it that carry a score.
pub fn stress_by_month(state: &State, period: Period) -> Vec<MonthStress> {
    let month_of = |d: NaiveDate| (d.year(), d.month());
    let mut out: Vec<((i32, u32), f64, u32)> = Vec::new();
    let (mut y, mut m) = month_of(period.from);
    while (y, m) <= month_of(period.to) {
        out.push(((y, m), 0.0, 0));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    for n in &state.notes {
        let (Some(score), true) = (n.note.stress, period.contains(n.note.date)) else {
            continue;
        };
        let key = month_of(n.note.date);
        if let Some(slot) = out.iter_mut().find(|(k, _, _)| *k == key) {
            slot.1 += f64::from(score);
            slot.2 += 1;
        }
    }
    out.into_iter()
        .map(|((y, m), sum, n)| MonthStress {
            // Every (y, m) here came from a real date, so its first day exists.
            month: NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(period.from),
            mean: (n > 0).then(|| round2(sum / f64::from(n))),
            scored: n,
        })
        .collect()
}

/// The least-squares slope of the monthly means against the month's position (months with no
/// score left out), in points a month; `None` with fewer than three scored months.
pub fn trend(months: &[MonthStress]) -> Option<f64> {
    let points: Vec<(f64, f64)> = months
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.mean.map(|mean| (i as f64, mean)))
        .collect();
    if points.len() < 3 {
        return None;
    }
    let n = points.len() as f64;
    let (mx, my) = (
        points.iter().map(|p| p.0).sum::<f64>() / n,
        points.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    (sxx > 0.0).then(|| round2(sxy / sxx))
}

/// A month as the schema writes it: `YYYY-MM`.
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes the field by reference"
)]
fn year_month<S: Serializer>(first_day: &NaiveDate, out: S) -> Result<S::Ok, S::Error> {
    out.collect_str(&first_day.format("%Y-%m"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn month(mean: Option<f64>) -> MonthStress {
        MonthStress {
            month: NaiveDate::MIN,
            mean,
            scored: u32::from(mean.is_some()),
        }
    }

    #[test]
    fn the_trend_is_the_slope_of_the_scored_months() {
        let rising = [Some(4.0), None, Some(6.0), Some(7.0)].map(month);
        // Points (0,4), (2,6), (3,7): slope 1.
        assert_eq!(trend(&rising), Some(1.0));
        assert_eq!(trend(&[Some(4.0), Some(9.0)].map(month)), None);
        assert_eq!(trend(&[Some(5.0); 4].map(month)), Some(0.0));
    }

    proptest! {
        #[test]
        fn a_constant_shift_leaves_the_trend_alone(scores in proptest::collection::vec(0.0f64..10.0, 3..14), shift in -3.0f64..3.0) {
            let a: Vec<MonthStress> = scores.iter().map(|s| month(Some(*s))).collect();
            let b: Vec<MonthStress> = scores.iter().map(|s| month(Some(s + shift))).collect();
            let (ta, tb) = (trend(&a).unwrap(), trend(&b).unwrap());
            prop_assert!((ta - tb).abs() <= 0.011, "{ta} {tb}");
        }
    }
}
