use super::{Block, Chart, Dates, chronology, flagged_facts, leave_tables, plural};
use crate::report::Report;

pub fn blocks(r: &Report, d: &Dates) -> Vec<Block> {
    let mut facts = flagged_facts(r, d, false);
    if facts.is_empty() {
        facts.push("No allocations in or before leave, overload or excess hours were recorded in this period.".into());
    }
    let mut blocks = vec![
        Block::Heading("Summary of the facts".into()),
        Block::Para(format!(
            "On {}, the first day of the period, I had {} open; on {}, its last day, {}. In the period {} allocated to me and {} closed. The caseload limit is {}.",
            d.show(&r.period.from),
            plural(r.caseload.open_at_start, "case", "cases"),
            d.show(&r.period.to),
            r.caseload.open_at_end,
            plural(r.caseload.allocated, "case was", "cases were"),
            r.caseload.closed,
            r.caseload.limit
        )),
        Block::Bullets(facts),
        Block::Chart(Chart::Caseload),
        Block::Chart(Chart::Hours),
    ];
    blocks.extend(leave_tables(r, d));
    blocks.push(Block::Heading("Chronology".into()));
    blocks.push(Block::Para("Every dated item in the period, in date order: allocations, closures, deadlines, leave, my diary notes, and the days whose hours carry a flag (over 10 hours, no 20-minute break, under 11 hours' rest, worked on a non-working day or during leave).".into()));
    blocks.push(chronology(r, d));
    blocks.extend(outcome(r));
    blocks
}

/// "The outcome I am asking for": the text given (`--outcome`, the Report screen), or a
/// marked place to write it.
fn outcome(r: &Report) -> Vec<Block> {
    let title = "The outcome I am asking for";
    match &r.person.outcome {
        Some(text) => vec![Block::Heading(title.into()), Block::Para(text.clone())],
        None => vec![Block::ToComplete {
            title: title.into(),
            prompt: "Write here what you want to happen, for example: a caseload within my contracted hours; no allocation during leave or in the working days before it; agreed extensions for the deadlines listed above; a review date.".into(),
        }],
    }
}
