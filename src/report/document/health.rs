//! What the grievance and the stress risk assessment say about health: sickness absence in
//! the period, and the diary's stress scores (mean, by month, trend).

use super::sentences::plural;
use super::{Block, Dates};
use crate::report::Report;
use chrono::NaiveDate;

/// "Dec 2025" for the month starting on `first_day`.
pub fn month_label(first_day: NaiveDate) -> String {
    first_day.format("%b\u{a0}%Y").to_string()
}

/// One sentence on sickness absence in the period, with its spells.
pub fn sickness(r: &Report, d: &Dates) -> String {
    let h = &r.health;
    if h.sickness.is_empty() {
        return "No sickness absence is recorded in the period.".into();
    }
    let spells: Vec<String> = h
        .sickness
        .iter()
        .map(|s| {
            let days = plural(s.working_days, "working day", "working days");
            if s.from == s.to {
                format!("{} ({days})", d.show(s.from))
            } else {
                format!("{} to {} ({days})", d.show(s.from), d.show(s.to))
            }
        })
        .collect();
    format!(
        "I was absent through sickness on {} in the period, in {}: {}.",
        plural(h.sick_working_days, "working day", "working days"),
        plural(h.sickness.len() as u64, "spell", "spells"),
        spells.join("; ")
    )
}

/// The stress scores: the mean, the first and last scored months, and the trend; `None`
/// when no note in the period has a score.
pub fn stress(r: &Report) -> Option<String> {
    let mean = r.notes.mean_stress?;
    let months = &r.health.stress_by_month;
    let scored: u32 = months.iter().map(|m| m.scored).sum();
    let mut text = format!(
        "My diary notes give my stress a mean score of {mean:.1} out of 10 ({} of the {} notes in the period have a score).",
        scored, r.notes.count
    );
    let with: Vec<_> = months.iter().filter(|m| m.mean.is_some()).collect();
    if let (Some(first), Some(last), Some(slope)) =
        (with.first(), with.last(), r.health.stress_trend_per_month)
    {
        let direction = if slope >= 0.05 {
            format!("rising by about {slope:.1} a month")
        } else if slope <= -0.05 {
            format!("falling by about {:.1} a month", -slope)
        } else {
            "level".to_string()
        };
        text.push_str(&format!(
            " By month, the mean was {:.1} in {} and {:.1} in {}; the trend across the {} scored months is {direction} (a least-squares line through the monthly means).",
            first.mean.unwrap_or_default(),
            month_label(first.month),
            last.mean.unwrap_or_default(),
            month_label(last.month),
            with.len()
        ));
    }
    Some(text)
}

/// The monthly means as a table (the text beside the stress chart).
pub fn stress_table(r: &Report) -> Option<Block> {
    r.notes.mean_stress?;
    Some(Block::Table {
        header: ["Month", "Mean stress (0-10)", "Notes with a score"]
            .map(String::from)
            .to_vec(),
        rows: r
            .health
            .stress_by_month
            .iter()
            .map(|m| {
                vec![
                    month_label(m.month),
                    m.mean.map_or_else(|| "-".into(), |x| format!("{x:.1}")),
                    m.scored.to_string(),
                ]
            })
            .collect(),
    })
}
