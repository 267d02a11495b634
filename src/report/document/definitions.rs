//! "How these figures are counted": the definitions a reader needs to check the figures,
//! in words, at the end of every document. docs/DEFINITIONS.md says the same at length.

use super::{Block, Dates};
use crate::report::{Purpose, Report};

/// Whether the limit, the threshold and the weights were agreed with the employer or are the
/// author's own estimates (`[person] limits_agreed_with`).
pub fn agreed(r: &Report) -> String {
    match &r.detail.assumptions.limits_agreed_with {
        Some(who) => format!(
            "The caseload limit, the capacity threshold and the weekly hours per kind of case were agreed with {who}."
        ),
        None => "The caseload limit, the capacity threshold and the weekly hours per kind of case are my own settings and estimates; they have not been agreed with my employer.".into(),
    }
}

/// The definitions a document's figures need. The notice, a short email, gets only those of
/// the figures it states.
pub fn blocks(r: &Report, d: &Dates, purpose: Purpose) -> Vec<Block> {
    if purpose == Purpose::Notice {
        return notice(r, d);
    }
    // The one-page supervision summary: what its headline figure means and whose settings
    // it rests on, and where every definition is given in full (docs/DECISIONS.md).
    if purpose == Purpose::Supervision {
        return vec![Block::Small(format!(
            "How these figures are counted: weighted workload (capacity %) is the weekly hours all open cases need ÷ my contracted {} hours × 100; sustained overload means above {:.0}% for {} or more consecutive weeks. {} Hours beyond contract: hours logged minus the contract's share for each working day logged. A deadline is counted once, by its first due date. Every definition in full: in a grievance or a stress risk assessment made from the same journal, and in caseload's docs/DEFINITIONS.md.",
            r.detail.assumptions.contracted_hours,
            r.detail.assumptions.capacity_percent,
            r.detail.assumptions.capacity_weeks,
            agreed(r)
        ))];
    }
    let a = &r.detail.assumptions;
    let per_day = a.contracted_hours / a.working_days.len().max(1) as f64;
    let begin = r.period.records_begin.map_or_else(
        || "The journal has no records yet, so nothing is counted.".to_string(),
        |b| {
            format!(
                "The records begin on {}: nothing before that day is counted (no expected hours, unlogged days, averages or open cases from days the log did not cover).",
                d.show(b)
            )
        },
    );
    vec![
        Block::Heading("How these figures are counted".into()),
        Block::Bullets(vec![
            begin,
            format!(
                "Open cases on a day: allocated on or before it and not closed on or before it. Days over the limit are calendar days (weekends and leave included) with more than {} cases open.",
                a.caseload_limit
            ),
            format!(
                "Capacity %: the weekly hours all open cases need (each kind's hours a week, or a case's own) divided by my contracted {} hours a week, × 100. A week's figure is read on its Sunday. Sustained overload means above {:.0}% for {} or more consecutive weeks.",
                a.contracted_hours, a.capacity_percent, a.capacity_weeks
            ),
            agreed(r),
            format!(
                "Hours beyond contract: the hours logged minus {per_day:.2} hours (the contract's share) for each working day that has hours logged. Hours on weekends, bank holidays and leave are all beyond contract; a working day with nothing logged counts as neither worked nor expected."
            ),
            "Working Time Regulations: the 48-hour limit applies to the average week over a 17-week reference period, (A + B) ÷ 17, where A is the hours in the 17 weeks and B the hours on the working days after them that make up days of annual, sick or parental leave within them. A single week above 48 hours is not by itself a breach; the weekly hours chart (drawn in the HTML and PDF versions) shows the rolling 17-week average against 48.".into(),
            deadlines_and_leave(r),
            "Worked during leave: hours logged on a day of leave, or a deadline met on one.".into(),
            "Contemporaneous: a record written on the day it describes or the next day, and in time order (its written time no earlier than any record before it, and no later than when this document was prepared).".into(),
        ]),
    ]
}

fn deadlines_and_leave(r: &Report) -> String {
    let a = &r.detail.assumptions;
    format!(
        "Deadlines due in the period are each counted once: met on time, met late, overdue (past the due date and not met) or not yet due; extended ones are an \"of which\". A deadline counts as due in or soon after leave by its first due date, whatever extension followed. The return from leave is the first working day after it; \"soon after\" is within {} working days of the return, \"just before leave\" within {} working days before it.",
        a.post_leave_days, a.pre_leave_days
    )
}

fn notice(r: &Report, d: &Dates) -> Vec<Block> {
    vec![
        Block::Heading("How these figures are counted".into()),
        Block::Small(short_definitions(r, d)),
    ]
}

/// The definitions of the figures a notice states, in one paragraph.
fn short_definitions(r: &Report, d: &Dates) -> String {
    let a = &r.detail.assumptions;
    let begin = r
        .period
        .records_begin
        .map(|b| {
            format!(
                "The records begin on {}; nothing before is counted. ",
                d.show(b)
            )
        })
        .unwrap_or_default();
    format!(
        "{begin}Capacity %: the weekly hours all open cases need ÷ my contracted {} hours × 100; sustained overload means above {:.0}% for {} or more consecutive weeks. {} Hours beyond contract: hours logged minus the contract's share for each working day logged; unlogged days count as neither. Deadlines count as due in or soon after leave by their first due date.",
        a.contracted_hours,
        a.capacity_percent,
        a.capacity_weeks,
        agreed(r)
    )
}
