//! A written grievance as the Acas Code of Practice describes one: dated, addressed, saying
//! plainly that it is a formal grievance, the facts, when the concerns were raised before and
//! with whom, the effect on health, the outcome sought, and a request for a meeting at which
//! the worker may be accompanied. The dated record follows it as an enclosure.

use super::letter::{addressee, signature};
use super::{Block, Chart, Dates, chronology, flagged_facts, health, leave_tables, plural};
use crate::report::Report;

pub fn blocks(r: &Report, d: &Dates) -> Vec<Block> {
    let p = &r.person;
    let from = match (&p.name, &p.role) {
        (Some(n), Some(role)) => format!("From: {n}, {role}"),
        (Some(n), None) => format!("From: {n}"),
        _ => format!("From: {}", super::letter::name(r)),
    };
    let to = match &p.employer {
        Some(e) => format!("To: {}, {e}", addressee(r)),
        None => format!("To: {}", addressee(r)),
    };
    let procedure = p.employer.as_ref().map_or_else(
        || "under the grievance procedure".to_string(),
        |e| format!("under {e}'s grievance procedure"),
    );
    let mut blocks = vec![
        Block::Para(format!("Date: {}", d.show(r.made_from.today))),
        Block::Para(from),
        Block::Para(to),
        Block::Para(format!("Dear {},", addressee(r))),
        Block::Heading("Formal grievance: my workload".into()),
        Block::Para(format!(
            "This is a formal grievance {procedure}. It is about my workload and how work has been allocated to me from {} to {}. {}",
            d.show(r.period.from),
            d.show(r.period.to),
            kept_when(r)
        )),
    ];
    blocks.extend(facts(r, d));
    blocks.extend(raised_before(r, d));
    blocks.push(Block::Heading("The effect on my health".into()));
    let mut effect = vec![health::sickness(r, d)];
    effect.extend(health::stress(r));
    blocks.push(Block::Bullets(effect));
    blocks.extend(outcome(r));
    blocks.push(Block::Heading("A meeting".into()));
    blocks.push(Block::Para("Please arrange a meeting to discuss this grievance without unreasonable delay, as the Acas Code of Practice on disciplinary and grievance procedures sets out. I wish to be accompanied at the meeting by a trade union representative or a colleague, as the law allows (Employment Relations Act 1999, section 10). Please confirm in writing that you have received this grievance and the date of the meeting.".into()));
    blocks.push(Block::Para("Yours sincerely,".into()));
    blocks.extend(signature(r));
    blocks.push(Block::Heading("Enclosure: the dated record".into()));
    blocks.push(Block::Chart(Chart::Caseload));
    blocks.push(Block::Chart(Chart::Capacity));
    blocks.push(Block::Chart(Chart::Hours));
    blocks.extend(leave_tables(r, d));
    blocks.push(Block::Subheading("Chronology".into()));
    blocks.push(Block::Para("Every dated item in the period, in date order: allocations, closures, deadlines, leave, my diary notes, and the days whose hours carry a flag (over 10 hours, no 20-minute break, under 11 hours' rest, worked on a non-working day or during leave).".into()));
    blocks.push(chronology(r, d));
    blocks
}

/// The highest 17-week average among the hours facts, after the longest week, as the stress
/// record gives it, also when it is within the 48 hours (the flagged facts give it only
/// above): a panel weighing hours asks for the figure the Working Time Regulations use.
fn add_wtr_average(r: &Report, d: &Dates, facts: &mut Vec<String>) {
    let sentence = match super::wtr_average(r, d) {
        Some(_)
            if r.hours
                .wtr_average_max
                .is_some_and(|a| a > super::WTR_LIMIT) =>
        {
            return;
        }
        Some(avg) => format!("My highest 17-week average was {avg}."),
        None if r.hours.days_logged > 0 => {
            "There is no 17-week average: no run of 17 whole weeks of records ends in the period."
                .into()
        }
        None => return,
    };
    let at = facts
        .iter()
        .position(|f| f.starts_with("My longest week"))
        .map_or(facts.len(), |i| i + 1);
    facts.insert(at, sentence);
}

fn facts(r: &Report, d: &Dates) -> Vec<Block> {
    let mut facts = flagged_facts(r, d, false);
    if facts.is_empty() {
        facts.push("No allocations in or before leave, overload or excess hours were recorded in this period.".into());
    }
    add_wtr_average(r, d, &mut facts);
    vec![
        Block::Heading("Summary of the facts".into()),
        Block::Para(format!(
            "On {}, the first day of the period, I had {} open; on {}, its last day, {}. In the period {} allocated to me and {} closed. The caseload limit is {}.",
            d.show(r.period.from),
            plural(r.caseload.open_at_start, "case", "cases"),
            d.show(r.period.to),
            r.caseload.open_at_end,
            plural(r.caseload.allocated, "case was", "cases were"),
            r.caseload.closed,
            r.caseload.limit
        )),
        Block::Bullets(facts),
    ]
}

/// The diary notes that record telling someone, dated: the concerns raised before.
fn raised_before(r: &Report, d: &Dates) -> Vec<Block> {
    let told: Vec<Vec<String>> = r
        .detail
        .notes
        .iter()
        .filter_map(|n| {
            let who = n.told.clone()?;
            Some(vec![d.show(n.date), who, n.text.clone()])
        })
        .collect();
    let mut blocks = vec![Block::Heading("When I raised these concerns before".into())];
    if told.is_empty() {
        blocks.push(Block::Para(
            "None of my diary notes in the period records telling anyone about these concerns."
                .into(),
        ));
        return blocks;
    }
    blocks.push(Block::Para(format!(
        "My diary records raising my concerns on {}:",
        plural(told.len() as u64, "occasion", "occasions")
    )));
    blocks.push(Block::Table {
        header: ["Date", "Raised with", "What I recorded"]
            .map(String::from)
            .to_vec(),
        rows: told,
    });
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

/// Where the facts come from, claimed "at the time" only when the record bears it out: a
/// reader checks the claim against the integrity statement's share of records written on the
/// day or the next (a log typed up afterwards said "at the time" beside "0% ... written on the
/// day").
fn kept_when(r: &Report) -> String {
    match r.integrity.contemporaneous_percent {
        Some(p) if p >= AT_THE_TIME_PERCENT => {
            "The facts below come from the dated record I kept at the time; the record itself is enclosed.".to_string()
        }
        Some(p) => format!(
            "The facts below come from the dated record I kept; {p:.0}% of its records for this period were written on the day or the next day, and the record itself is enclosed."
        ),
        None => "The facts below come from the dated record I kept; the record itself is enclosed."
            .to_string(),
    }
}

/// The share of records written on the day or the next from which a record is called kept
/// "at the time" (docs/DECISIONS.md).
const AT_THE_TIME_PERCENT: f64 = 90.0;
