//! Supervision, on one page: the cases allocated in the last four weeks, the cases open now,
//! the deadlines of the next four, the period's diary notes, and what to agree.

use super::{Block, Dates, flagged_facts, plural, upcoming};
use crate::report::Report;

/// The heading of the period's notes, which a page too full shortens (see
/// [`leave_out_earliest_note`]).
const NOTES_HEADING: &str = "My notes in the period";

/// The fewest notes a shortened page still lists.
const NOTES_KEPT_AT_LEAST: usize = 2;

/// For a summary that does not fit its one page even in smaller type: leaves out the
/// earliest note still listed, and says how many are left out and where they are (the diary
/// and the full documents keep every one). Returns whether it left one out: not when the
/// list is down to its last few.
pub fn leave_out_earliest_note(blocks: &mut [Block]) -> bool {
    let Some(list) = blocks
        .windows(2)
        .position(|pair| matches!(&pair[0], Block::Subheading(h) if h.starts_with(NOTES_HEADING)))
        .map(|heading| heading + 1)
    else {
        return false;
    };
    let Some(Block::Bullets(items)) = blocks.get_mut(list) else {
        return false;
    };
    let already = items
        .last()
        .and_then(|last| last.strip_prefix(LEFT_OUT))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse::<usize>().ok());
    let listed = items.len() - usize::from(already.is_some());
    if listed <= NOTES_KEPT_AT_LEAST {
        return false;
    }
    items.remove(0);
    let left_out = already.unwrap_or(0) + 1;
    if already.is_some() {
        items.pop();
    }
    items.push(format!(
        "{LEFT_OUT}{left_out} earlier {}, left out to fit one page: every note is in the diary and in the full documents.",
        if left_out == 1 { "note" } else { "notes" }
    ));
    true
}

/// How the line that counts the notes left out begins.
const LEFT_OUT: &str = "… and ";

pub fn blocks(r: &Report, d: &Dates) -> Vec<Block> {
    // The lists give days without their year when the period and the four weeks after it
    // are in one year (the period, above them, says which): shorter lines, one page.
    let pattern = d.without_year();
    let d = &if one_year(r) {
        Dates(&pattern)
    } else {
        Dates(d.0)
    };
    let mut blocks = vec![Block::Heading("Now".into()), Block::Bullets(now(r, d))];
    blocks.extend(allocated(r, d));
    blocks.extend(deadlines(r, d));
    blocks.push(Block::Subheading(format!(
        "{NOTES_HEADING}: {}",
        plural(r.detail.notes.len() as u64, "note", "notes")
    )));
    if !r.detail.notes.is_empty() {
        blocks.push(Block::Bullets(notes_once(r, d)));
    }
    blocks.extend(to_agree());
    blocks
}

/// The caseload now, by kind, the workload, the deadlines and hours of the period, and the
/// flagged facts about leave, rest and breaks.
fn now(r: &Report, d: &Dates) -> Vec<String> {
    let c = &r.caseload;
    let mut kinds: Vec<String> = r
        .detail
        .open_by_kind
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect();
    let counted: u32 = r.detail.open_by_kind.iter().map(|(_, n)| n).sum();
    if counted < c.open_at_end {
        kinds.push(format!("{} of other kinds", c.open_at_end - counted));
    }
    let by_kind = if kinds.is_empty() {
        String::new()
    } else {
        format!(": {}", kinds.join(", "))
    };
    let mut lines = vec![
        format!(
            "Open cases now: {} (limit {}){by_kind}.",
            c.open_at_end, c.limit
        ),
        format!(
            "Weighted workload now: {:.0}% of contracted hours.",
            r.detail.capacity_percent_at_end
        ),
        super::deadline_outcomes(r),
        super::hours_beyond_contract(r),
    ];
    lines.extend(
        flagged_facts(r, d, false)
            .into_iter()
            .filter(|f| f.contains("leave") || f.contains("rest") || f.contains("break")),
    );
    lines
}

/// " (flag; flag)", or nothing.
fn flagged(flags: &[String]) -> String {
    if flags.is_empty() {
        String::new()
    } else {
        format!(" ({})", flags.join("; "))
    }
}

/// The cases allocated in the period, with their flags.
fn allocated(r: &Report, d: &Dates) -> Vec<Block> {
    let c = &r.caseload;
    let heading = Block::Subheading(format!(
        "Cases allocated in the period: {}, {} without discussion",
        c.allocated, c.undiscussed
    ));
    let allocated: Vec<String> = r
        .detail
        .chronology
        .iter()
        .filter(|i| i.kind == "allocated")
        .map(|i| {
            format!(
                "{} {}: {}{}",
                d.show(i.date),
                i.case.as_deref().unwrap_or_default(),
                i.detail,
                flagged(&i.flags)
            )
        })
        .collect();
    if allocated.is_empty() {
        vec![
            heading,
            Block::Para("No case was allocated in the period.".into()),
        ]
    } else {
        vec![heading, Block::Bullets(allocated)]
    }
}

/// The deadlines of the next four weeks.
fn deadlines(r: &Report, d: &Dates) -> Vec<Block> {
    let heading = Block::Subheading("Deadlines in the next four weeks".into());
    if r.detail.upcoming.is_empty() {
        return vec![heading, upcoming(r, d)];
    }
    let each = r
        .detail
        .upcoming
        .iter()
        .map(|u| {
            format!(
                "{} {}{}{}",
                d.show(u.due),
                u.case
                    .as_deref()
                    .map(|c| format!("{c}: "))
                    .unwrap_or_default(),
                u.what,
                flagged(&u.flags)
            )
        })
        .collect();
    vec![heading, Block::Bullets(each)]
}

/// What to agree, a table to complete in supervision.
fn to_agree() -> Vec<Block> {
    vec![
        Block::Heading("To agree".into()),
        Block::FillIn {
            header: ["", "Agreed"].map(String::from).to_vec(),
            rows: [
                "Priorities for the next four weeks; cases to reallocate, deadlines to extend",
                "Actions: who, by when",
                "Next supervision",
            ]
            .iter()
            .map(|what| vec![what.to_string(), String::new()])
            .collect(),
        },
    ]
}

/// The period's notes, each text once with the days it was written (a diary often repeats
/// itself: "supervision cancelled again"), in the order of their first day, so that four
/// weeks fit on the page.
fn notes_once(r: &Report, d: &Dates) -> Vec<String> {
    let mut grouped: Vec<(&str, Vec<&crate::report::detail::NoteItem>)> = Vec::new();
    for n in &r.detail.notes {
        match grouped.iter_mut().find(|(text, _)| *text == n.text) {
            Some((_, days)) => days.push(n),
            None => grouped.push((&n.text, vec![n])),
        }
    }
    grouped
        .into_iter()
        .map(|(text, notes)| {
            let days: Vec<String> = notes.iter().map(|n| d.show(n.date)).collect();
            let scores: Vec<u8> = notes.iter().filter_map(|n| n.stress).collect();
            let stress = match (scores.iter().min(), scores.iter().max()) {
                (Some(lo), Some(hi)) if lo == hi => format!(" (stress {lo}/10)"),
                (Some(lo), Some(hi)) => format!(" (stress {lo} to {hi}/10)"),
                _ => String::new(),
            };
            let mut told: Vec<&str> = notes.iter().filter_map(|n| n.told.as_deref()).collect();
            told.dedup();
            let told = if told.is_empty() {
                String::new()
            } else {
                format!("; told: {}", told.join(", "))
            };
            format!("{}: {text}{stress}{told}", days.join(", "))
        })
        .collect()
}

/// Whether the period and the four weeks after it lie in one calendar year.
fn one_year(r: &Report) -> bool {
    use chrono::Datelike;
    r.period.from.year() == (r.period.to + chrono::Days::new(28)).year()
}
