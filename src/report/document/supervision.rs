use super::{Block, Chart, Dates, flagged_facts, upcoming};
use crate::report::Report;

pub fn blocks(r: &Report, d: &Dates) -> Vec<Block> {
    let c = &r.caseload;
    let mut lines = vec![
        format!(
            "Open cases: {} now (limit {}); {} allocated and {} closed in the period; {} without discussion.",
            c.open_at_end, c.limit, c.allocated, c.closed, c.undiscussed
        ),
        format!(
            "Weighted workload now: {:.0}% of contracted hours.",
            r.detail.capacity_percent_at_end
        ),
        super::deadline_outcomes(r),
        super::hours_beyond_contract(r),
        format!(
            "Longest week: {}.",
            super::longest_week(r, d).unwrap_or_else(|| "no hours logged".into())
        ),
    ];
    lines.extend(
        flagged_facts(r, d, false)
            .into_iter()
            .filter(|f| f.contains("leave") || f.contains("rest") || f.contains("break")),
    );
    vec![
        Block::Heading("The period".into()),
        Block::Bullets(lines),
        Block::Chart(Chart::Caseload),
        Block::Heading("The next four weeks".into()),
        upcoming(r, d),
        Block::ToComplete {
            title: "Agreed in supervision".into(),
            prompt: "Priorities, anything reallocated or extended, and actions with owners.".into(),
        },
    ]
}
