use super::{Block, Dates, plural};
use crate::report::Report;

/// A short, plain message to a manager, ready to paste into an email.
pub fn blocks(r: &Report, d: &Dates) -> Vec<Block> {
    let c = &r.caseload;
    let a = &r.detail.assumptions;
    let mut points = vec![format!(
        "Today I have {} open cases against a limit of {}, and my weighted workload is {:.0}% of my contracted {} hours (the threshold is {:.0}%).",
        c.open_at_end,
        c.limit,
        r.detail.capacity_percent_at_end,
        a.contracted_hours,
        a.capacity_percent
    )];
    let during: Vec<String> = r
        .allocations_during_leave
        .iter()
        .map(|x| format!("{} on {}", x.case, d.show(&x.allocated_on)))
        .collect();
    if !during.is_empty() {
        points.push(format!(
            "Since {}, {} allocated to me while I was on leave: {}.",
            d.show(&r.period.from),
            plural(during.len() as u64, "case was", "cases were"),
            during.join(", ")
        ));
    }
    let before: Vec<String> = r
        .allocations_before_leave
        .iter()
        .map(|x| format!("{} on {}", x.case, d.show(&x.allocated_on)))
        .collect();
    if !before.is_empty() {
        points.push(format!(
            "{} allocated in the {} working days before my leave: {}.",
            plural(before.len() as u64, "case was", "cases were"),
            a.pre_leave_days,
            before.join(", ")
        ));
    }
    if let Some(text) = super::worked_during_leave(r) {
        points.push(format!("Since {}, {text}", d.show(&r.period.from)));
    }
    let soon = &r.detail.upcoming;
    if !soon.is_empty() {
        let shown: Vec<String> = soon
            .iter()
            .take(8)
            .map(|u| {
                format!(
                    "{} {}{}",
                    d.show(&u.due),
                    u.case
                        .as_deref()
                        .map(|c| format!("{c} "))
                        .unwrap_or_default(),
                    u.what
                )
            })
            .collect();
        let more = if soon.len() > 8 {
            format!(" and {} more", soon.len() - 8)
        } else {
            String::new()
        };
        points.push(format!(
            "{} due in the next four weeks: {}{more}.",
            plural(soon.len() as u64, "deadline is", "deadlines are"),
            shown.join("; ")
        ));
    }
    let o = &r.deadlines.outcomes;
    let late = (o.late > 0)
        .then(|| plural(o.late, "deadline was", "deadlines were") + " met after the due date");
    let overdue = (o.overdue > 0).then(|| {
        plural(o.overdue, "deadline is", "deadlines are") + " past the due date and not met"
    });
    let missed: Vec<String> = [late, overdue].into_iter().flatten().collect();
    if !missed.is_empty() {
        points.push(format!(
            "Since {}, {} (of {} due).",
            d.show(&r.period.from),
            missed.join(", and "),
            r.deadlines.due
        ));
    }
    vec![
        Block::Para("Subject: My current caseload and deadlines".into()),
        Block::Para("Dear [manager],".into()),
        Block::Para("I am writing to set out my current workload, so that we can agree priorities.".into()),
        Block::Bullets(points),
        Block::Para("I cannot complete all of this within my contracted hours. Please can we meet this week to agree which work takes priority, and what can be reallocated or extended?".into()),
        Block::Para("[Your name]".into()),
    ]
}
