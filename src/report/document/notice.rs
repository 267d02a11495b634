use super::{Block, Dates, plural};
use crate::report::Report;

/// A short, plain message to a manager, ready to paste into an email.
pub fn blocks(r: &Report, d: &Dates) -> Vec<Block> {
    let mut points = vec![workload_now(r, d)];
    points.extend(overload_since(r, d));
    points.extend(hours_since(r, d));
    points.extend(leave(r, d));
    points.extend(deadlines_in_leave(r, d));
    points.extend(coming_up(r, d));
    points.extend(missed(r, d));
    let mut blocks = vec![
        Block::Para("Subject: My current caseload and deadlines".into()),
        Block::Para(format!("Dear {},", super::letter::addressee(r))),
        Block::Para(
            "I am writing to set out my current workload, so that we can agree priorities.".into(),
        ),
        Block::Bullets(points),
        Block::Para(request(r)),
    ];
    blocks.extend(super::letter::signature(r));
    blocks
}

/// Today's caseload and weighted workload, against the limit and the threshold.
fn workload_now(r: &Report, d: &Dates) -> String {
    let c = &r.caseload;
    let a = &r.detail.assumptions;
    let capacity = r.detail.capacity_percent_at_end;
    let against = if capacity > a.capacity_percent {
        format!("above the threshold of {:.0}%", a.capacity_percent)
    } else if capacity > 100.0 {
        format!(
            "more than my contracted hours, though not above the threshold of {:.0}%",
            a.capacity_percent
        )
    } else {
        "within my contracted hours".to_string()
    };
    // One decimal where a whole number would hide which side of a line it falls.
    let shown = if [100.0, a.capacity_percent].contains(&capacity.round()) {
        format!("{capacity:.1}")
    } else {
        format!("{capacity:.0}")
    };
    format!(
        "As of {}, I have {} against a limit of {}, and my weighted workload is {shown}% of my contracted {} hours: {against}.",
        d.show(r.period.to),
        plural(c.open_at_end, "open case", "open cases"),
        c.limit,
        a.contracted_hours,
    )
}

/// The weeks above the threshold since the period began, and whether that was sustained.
fn overload_since(r: &Report, d: &Dates) -> Option<String> {
    let (c, a) = (&r.caseload, &r.detail.assumptions);
    if c.weeks_over_threshold == 0 {
        return None;
    }
    let since = d.show(r.period.from);
    let run = match (
        c.longest_run_first_week_ending,
        c.longest_run_last_week_ending,
    ) {
        (Some(from), Some(to)) => {
            format!(", the weeks ending {} to {}", d.show(from), d.show(to))
        }
        _ => String::new(),
    };
    let sustained = if c.longest_run_over_threshold >= a.capacity_weeks {
        "sustained overload"
    } else {
        "not sustained overload"
    };
    Some(format!(
        "Since {since}, my weighted workload was above {:.0}% in {}, at most {} in a row{run}: {sustained} by the measure of {} consecutive weeks.",
        a.capacity_percent,
        plural(c.weeks_over_threshold, "week", "weeks"),
        c.longest_run_over_threshold,
        a.capacity_weeks
    ))
}

/// The hours beyond contract since the period began, and the days not counted.
fn hours_since(r: &Report, d: &Dates) -> Option<String> {
    let h = &r.hours;
    if h.excess_logged <= 0.0 {
        return None;
    }
    let unlogged = match h.days_unlogged {
        0 => "every working day has hours logged".to_string(),
        n => format!(
            "{} with nothing logged {} not counted",
            plural(n, "working day", "working days"),
            if n == 1 { "is" } else { "are" }
        ),
    };
    Some(format!(
        "Since {}, I have worked {:.1} hours beyond my contracted hours on the days I logged ({unlogged}).",
        d.show(r.period.from),
        h.excess_logged
    ))
}

/// Cases allocated during and just before leave, and work done during it.
fn leave(r: &Report, d: &Dates) -> Vec<String> {
    let mut points = Vec::new();
    let on = |case: &str, day| format!("{case} on {}", d.show(day));
    let during: Vec<String> = r
        .allocations_during_leave
        .iter()
        .map(|x| on(&x.case, x.allocated_on))
        .collect();
    if !during.is_empty() {
        points.push(format!(
            "Since {}, {} allocated to me while I was on leave: {}.",
            d.show(r.period.from),
            plural(during.len() as u64, "case was", "cases were"),
            during.join(", ")
        ));
    }
    let before: Vec<String> = r
        .allocations_before_leave
        .iter()
        .map(|x| on(&x.case, x.allocated_on))
        .collect();
    if !before.is_empty() {
        points.push(format!(
            "{} allocated in the {} working days before my leave: {}.",
            plural(before.len() as u64, "case was", "cases were"),
            r.detail.assumptions.pre_leave_days,
            before.join(", ")
        ));
    }
    if let Some(text) = super::worked_during_leave(r) {
        points.push(format!("Since {}, {text}", d.show(r.period.from)));
    }
    points
}

/// The unmet deadlines a notice names one by one; more are counted.
const NAMED_UNMET: usize = 5;

/// The deadlines due during leave or soon after the return, in the period (SPEC 9: the
/// deadlines that cannot all be met): how many, how many met late, and those not met, by
/// case and date when few, else counted.
fn deadlines_in_leave(r: &Report, d: &Dates) -> Option<String> {
    let (during, after) = (&r.deadlines.in_leave, &r.deadlines.soon_after_leave);
    if during.is_empty() && after.is_empty() {
        return None;
    }
    let outcomes = during
        .iter()
        .map(|x| (&x.case, &x.what, x.due, &x.since))
        .chain(after.iter().map(|x| (&x.case, &x.what, x.due, &x.since)));
    let late = outcomes.clone().filter(|o| o.3.outcome == "late").count() as u64;
    let unmet: Vec<String> = outcomes
        .filter(|o| o.3.met_on.is_none())
        .map(|(case, what, due, _)| {
            let case = case.as_deref().map(|c| format!("{c} ")).unwrap_or_default();
            format!("{case}{what} due {}", d.show(due))
        })
        .collect();
    let mut parts = Vec::new();
    if late > 0 {
        let others = if unmet.is_empty() && late < (during.len() + after.len()) as u64 {
            ", the others on time"
        } else {
            ""
        };
        parts.push(format!("{late} met after the due date{others}"));
    }
    match unmet.len() {
        0 => {}
        n if n <= NAMED_UNMET => parts.push(format!("not met: {}", unmet.join("; "))),
        n => parts.push(format!("{n} not met")),
    }
    let since = if parts.is_empty() {
        "; all were met on time".to_string()
    } else {
        format!(": {}", parts.join(", and "))
    };
    Some(format!(
        "Since {}, {} fell due during my leave and {} within {} working days of my return{since}.",
        d.show(r.period.from),
        plural(during.len() as u64, "deadline", "deadlines"),
        after.len(),
        r.detail.assumptions.post_leave_days
    ))
}

/// The deadlines a notice lists in full; more are counted, with where the list is.
const LISTED_UPCOMING: usize = 12;

/// The deadlines of the next four weeks: all of them when there are up to twelve; otherwise
/// how many, from when to when, and where the full list is (a notice stays one page).
fn coming_up(r: &Report, d: &Dates) -> Option<String> {
    let soon = &r.detail.upcoming;
    if soon.is_empty() {
        return None;
    }
    if soon.len() > LISTED_UPCOMING {
        let (first, last) = (soon.first()?.due, soon.last()?.due);
        return Some(format!(
            "{} due in the next four weeks, from {} to {}: too many to list here; I can send you the full list from my record.",
            plural(soon.len() as u64, "deadline is", "deadlines are"),
            d.show(first),
            d.show(last)
        ));
    }
    let shown: Vec<String> = soon
        .iter()
        .map(|u| {
            format!(
                "{} {}{}",
                d.show(u.due),
                u.case
                    .as_deref()
                    .map(|c| format!("{c} "))
                    .unwrap_or_default(),
                u.what
            )
        })
        .collect();
    Some(format!(
        "{} due in the next four weeks: {}.",
        plural(soon.len() as u64, "deadline is", "deadlines are"),
        shown.join("; ")
    ))
}

/// The deadlines of the period met late or not met.
fn missed(r: &Report, d: &Dates) -> Option<String> {
    let o = &r.deadlines.outcomes;
    let late = (o.late > 0)
        .then(|| plural(o.late, "deadline was", "deadlines were") + " met after the due date");
    let overdue = (o.overdue > 0).then(|| {
        plural(o.overdue, "deadline is", "deadlines are") + " past the due date and not met"
    });
    let missed: Vec<String> = [late, overdue].into_iter().flatten().collect();
    (!missed.is_empty()).then(|| {
        format!(
            "Since {}, {} (of {} due).",
            d.show(r.period.from),
            missed.join(", and "),
            r.deadlines.due
        )
    })
}

/// The request, claiming that the work cannot be done in contracted hours only when the
/// figures show it: the weighted caseload needs more than the contract now, or hours beyond
/// contract were worked to keep up. Otherwise a neutral request to agree priorities. After
/// the hours worked beyond contract, the claim is that the work needs those hours to go on
/// (a manager read "cannot complete it within my hours" next to "I worked 205 hours beyond
/// them" as a contradiction).
fn request(r: &Report) -> String {
    let ask = "Please can we meet this week to agree which work takes priority, and what can be reallocated or extended?";
    if r.detail.capacity_percent_at_end > 100.0 && r.hours.excess_logged > 0.0 {
        format!(
            "On these figures I cannot complete all of this work in my contracted hours without the extra hours above continuing. {ask}"
        )
    } else if r.detail.capacity_percent_at_end > 100.0 {
        format!(
            "On these figures I cannot complete all of this work within my contracted hours. {ask}"
        )
    } else if r.hours.excess_logged > 0.0 {
        format!("I have been working beyond my contracted hours to keep up with this. {ask}")
    } else {
        "Please can we meet to go through my caseload and the deadlines ahead, and agree priorities?".into()
    }
}
