use super::{Block, Chart, Dates, plural};
use crate::domain::Standard;
use crate::report::Report;

/// The measured facts that belong under each HSE Management Standard.
fn facts(r: &Report, d: &Dates, standard: Standard) -> Vec<String> {
    let c = &r.caseload;
    let h = &r.hours;
    let a = &r.detail.assumptions;
    let mut out = Vec::new();
    match standard {
        Standard::Demands => {
            let peak = c
                .peak_open_on
                .map(|p| format!(" on {}", d.show(p)))
                .unwrap_or_default();
            out.push(format!(
                "Open cases: {} at the start of the period, {} at the end, peak {}{peak} (limit {}); above the limit on {}.",
                c.open_at_start,
                c.open_at_end,
                c.peak_open,
                c.limit,
                plural(c.days_over_limit, "calendar day", "calendar days")
            ));
            if c.weeks_over_threshold > 0 {
                out.push(super::capacity_over_threshold(r, d));
            } else {
                let on = c
                    .capacity_percent_peak_on
                    .map(|p| super::sentences::peak_day(p, d))
                    .unwrap_or_default();
                out.push(format!(
                    "Weighted workload was not above {:.0}% of contracted hours in any week of the period; its peak was {:.0}%{on}.",
                    a.capacity_percent, c.capacity_percent_peak
                ));
            }
            out.push(super::hours_beyond_contract(r));
            out.push(
                super::worked_during_leave(r)
                    .unwrap_or_else(|| "No work was logged on days of leave.".into()),
            );
            if let Some(week) = super::longest_week(r, d) {
                out.push(format!("Longest week: {week}."));
            }
            match super::wtr_average(r, d) {
                Some(avg) => out.push(format!("Highest 17-week average: {avg}.")),
                None if h.days_logged > 0 => out.push(
                    "No 17-week average: no run of 17 whole weeks of records ends in the period."
                        .into(),
                ),
                None => {}
            }
            out.push(format!(
                "{} with under 11 hours' rest; {} over 6 hours without a 20-minute break.",
                plural(h.short_rest, "night", "nights"),
                plural(h.missed_breaks, "day", "days")
            ));
            out.push(super::deadline_outcomes(r));
        }
        Standard::Control => {
            out.push(format!(
                "{} of {} allocated without discussion.",
                c.undiscussed,
                plural(c.allocated, "case", "cases")
            ));
            out.push(format!(
                "{} allocated during leave and {} in the {} working days before it.",
                plural(r.allocations_during_leave.len() as u64, "case", "cases"),
                r.allocations_before_leave.len(),
                a.pre_leave_days
            ));
            out.push(format!(
                "{} fell due in leave and {} soon after return.",
                plural(r.deadlines.in_leave.len() as u64, "deadline", "deadlines"),
                r.deadlines.soon_after_leave.len()
            ));
        }
        Standard::Support => {
            let told = r.detail.notes.iter().filter(|n| n.told.is_some()).count() as u64;
            out.push(format!(
                "Concerns recorded as raised with someone: {}.",
                plural(told, "note", "notes")
            ));
        }
        Standard::Relationships | Standard::Role | Standard::Change => {}
    }
    out
}

pub fn blocks(r: &Report, d: &Dates) -> Vec<Block> {
    let mut blocks = vec![Block::Para(
        "Organised by the six HSE Management Standards for work-related stress. Under each: what the log measures, and how many of my dated notes are about it; the notes follow once each, in date order, with the standards they concern. An individual stress risk assessment records the sources of stress, their effects, the actions agreed, who owns them and a review date: the table at the end is for completing at the meeting.".into(),
    )];
    blocks.push(Block::Heading(
        "Health: sickness absence and stress scores".into(),
    ));
    let mut effect = vec![super::health::sickness(r, d)];
    effect.extend(super::health::stress(r));
    if r.notes.mean_stress.is_none() {
        effect.push("None of my diary notes in the period has a stress score.".into());
    }
    blocks.push(Block::Bullets(effect));
    if let Some(table) = super::health::stress_table(r) {
        blocks.push(Block::Chart(Chart::StressTrend));
        blocks.push(table);
    }
    for standard in Standard::ALL {
        blocks.push(Block::Heading(format!(
            "{}: {}",
            standard.label(),
            standard.covers()
        )));
        let mut measured = facts(r, d, standard);
        let tagged = r
            .detail
            .notes
            .iter()
            .filter(|n| n.standards.contains(&standard))
            .count() as u64;
        measured.push(if tagged == 0 {
            "No notes were tagged with this standard in the period.".to_string()
        } else {
            format!(
                "{} tagged with this standard (in the dated list below).",
                plural(tagged, "note is", "notes are")
            )
        });
        blocks.push(Block::Bullets(measured));
    }
    blocks.push(Block::Heading("My notes, in date order".into()));
    if r.detail.notes.is_empty() {
        blocks.push(Block::Para("I kept no diary notes in the period.".into()));
    } else {
        blocks.push(Block::Para(format!(
            "{}, each once, with the standards it concerns.",
            plural(r.detail.notes.len() as u64, "note", "notes")
        )));
        blocks.push(Block::Table {
            header: ["Date", "Stress", "Standards", "Note", "Told"]
                .map(String::from)
                .to_vec(),
            rows: r
                .detail
                .notes
                .iter()
                .map(|n| {
                    vec![
                        d.show(n.date),
                        n.stress.map(|s| format!("{s}/10")).unwrap_or_default(),
                        n.standards
                            .iter()
                            .map(|s| s.label())
                            .collect::<Vec<_>>()
                            .join(", "),
                        n.text.clone(),
                        n.told.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        });
    }
    blocks.push(Block::Heading("Suggested points for discussion".into()));
    let mut points = Vec::new();
    if r.caseload.weeks_over_threshold > 0 || r.caseload.days_over_limit > 0 {
        points.push("Agree a caseload that can be done within contracted hours, and how it will be measured.".to_string());
    }
    if !r.allocations_during_leave.is_empty() || !r.allocations_before_leave.is_empty() {
        points.push("Agree that no work is allocated during leave or in the days just before it, and how cover works.".to_string());
    }
    if r.caseload.undiscussed > 0 {
        points.push("Agree that allocations are discussed with me first, taking my current caseload into account.".to_string());
    }
    if r.hours.short_rest > 0 || r.hours.missed_breaks > 0 || r.hours.excess_logged > 0.0 {
        points.push("Review working hours, breaks and rest between working days, and how extra hours are taken back.".to_string());
    }
    if r.deadlines.outcomes.late + r.deadlines.outcomes.overdue > 0
        || !r.deadlines.soon_after_leave.is_empty()
    {
        points.push("Agree priorities and realistic dates for the deadlines at risk.".to_string());
    }
    points.push("Record the agreed actions, who owns each, and a date to review them.".to_string());
    blocks.push(Block::Bullets(points));
    blocks.extend(actions_and_signatures(r));
    blocks
}

/// The table of actions to complete at the meeting, a row per standard, and the lines for
/// both to sign.
fn actions_and_signatures(r: &Report) -> Vec<Block> {
    let empty = || vec![String::new(); 5];
    vec![
        Block::Heading("Actions agreed".into()),
        Block::Para("To complete at the meeting: for each source of stress, what is already in place, what more will be done, by whom and by when, and when it will be reviewed.".into()),
        Block::FillIn {
            header: [
                "Hazard (HSE standard)",
                "What is in place",
                "Further action",
                "By whom",
                "By when",
                "Review date",
            ]
            .map(String::from)
            .to_vec(),
            rows: Standard::ALL
                .iter()
                .map(|s| {
                    let mut row = vec![s.label().to_string()];
                    row.extend(empty());
                    row
                })
                .collect(),
        },
        Block::Heading("Signed".into()),
        Block::FillIn {
            header: ["", "Name", "Signature", "Date"].map(String::from).to_vec(),
            rows: vec![
                vec![
                    "Employee".into(),
                    r.person.name.clone().unwrap_or_default(),
                    String::new(),
                    String::new(),
                ],
                vec![
                    "Manager".into(),
                    r.person.manager.clone().unwrap_or_default(),
                    String::new(),
                    String::new(),
                ],
            ],
        },
    ]
}
