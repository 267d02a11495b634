//! The sentences documents share: the flagged facts, hours beyond contract, deadline
//! outcomes, work during leave. Each says exactly what the figures show, and no more.

use super::Dates;
use crate::report::Report;

/// Hours worked beyond contract over the days actually logged, with the unlogged working days
/// beside them (they count as neither worked nor expected).
pub fn hours_beyond_contract(r: &Report) -> String {
    let h = &r.hours;
    let beyond = if h.excess_logged >= 0.0 {
        format!("{:.1} hours beyond my contracted hours", h.excess_logged)
    } else {
        format!(
            "{:.1} hours fewer than my contracted hours",
            -h.excess_logged
        )
    };
    let unlogged = if h.days_unlogged == 0 {
        "Every working day in the period up to today has hours logged.".to_string()
    } else {
        format!(
            "{} no hours logged and {} not counted.",
            plural(h.days_unlogged, "working day has", "working days have"),
            if h.days_unlogged == 1 { "is" } else { "are" },
        )
    };
    format!(
        "I logged {:.1} hours on {}; my contract gives {:.1} hours for the {} among them, so I worked {beyond}. {unlogged}",
        h.worked,
        plural(h.days_logged, "day", "days"),
        h.expected_logged,
        plural(h.working_days_logged, "working day", "working days"),
    )
}

/// 1st, 2nd, 3rd, 4th… 11th, 12th, 13th, 21st.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

pub fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The facts that matter, in a sentence each; zero counts are left out unless `all`.
pub fn flagged_facts(r: &Report, d: &Dates, all: bool) -> Vec<String> {
    allocation_facts(r)
        .into_iter()
        .chain(deadline_and_leave_facts(r))
        .chain(caseload_and_hours_facts(r, d))
        .filter(|(count, _)| all || *count > 0)
        .map(|(_, text)| text)
        .collect()
}

/// Allocations during and before leave, and without discussion: (count, sentence).
fn allocation_facts(r: &Report) -> Vec<(u64, String)> {
    let (c, a) = (&r.caseload, &r.detail.assumptions);
    let mut facts = Vec::new();
    let mut add = |count: u64, text: String| facts.push((count, text));
    add(
        r.allocations_during_leave.len() as u64,
        format!(
            "{} allocated to me while I was on leave.",
            plural(
                r.allocations_during_leave.len() as u64,
                "case was",
                "cases were"
            )
        ),
    );
    add(
        r.allocations_before_leave.len() as u64,
        format!(
            "{} allocated in the {} working days before a period of leave.",
            plural(
                r.allocations_before_leave.len() as u64,
                "case was",
                "cases were"
            ),
            a.pre_leave_days
        ),
    );
    add(
        u64::from(c.undiscussed),
        format!(
            "{} of the {} allocated in the period came without any discussion with me.",
            c.undiscussed,
            plural(c.allocated, "case", "cases")
        ),
    );
    facts
}

/// Deadlines in and soon after leave, and work done during it: (count, sentence).
fn deadline_and_leave_facts(r: &Report) -> Vec<(u64, String)> {
    let (dl, a) = (&r.deadlines, &r.detail.assumptions);
    let mut facts = Vec::new();
    let mut add = |count: u64, text: String| facts.push((count, text));
    // By the due date first set; how many were moved since is said, not hidden.
    let extended = |n: usize| match n {
        0 => String::new(),
        n => format!(
            " (by the due date first set; {} since extended)",
            plural(n as u64, "was", "were")
        ),
    };
    let moved = |v: &mut dyn Iterator<Item = &crate::report::model::DeadlineSince>| {
        v.filter(|s| !s.extensions.is_empty()).count()
    };
    add(
        dl.in_leave.len() as u64,
        format!(
            "{} fell due while I was on leave{}.",
            plural(dl.in_leave.len() as u64, "deadline", "deadlines"),
            extended(moved(&mut dl.in_leave.iter().map(|x| &x.since)))
        ),
    );
    add(
        dl.soon_after_leave.len() as u64,
        format!(
            "{} fell due within {} working days of my return from leave{}.",
            plural(dl.soon_after_leave.len() as u64, "deadline", "deadlines"),
            a.post_leave_days,
            extended(moved(&mut dl.soon_after_leave.iter().map(|x| &x.since)))
        ),
    );
    add(
        u64::from(r.worked_during_leave.days),
        worked_during_leave(r).unwrap_or_else(|| "No work was logged on days of leave.".into()),
    );
    facts
}

/// The caseload against the limit and the threshold, and the hours against the contract,
/// the 48-hour average, rest and breaks: (count, sentence).
fn caseload_and_hours_facts(r: &Report, d: &Dates) -> Vec<(u64, String)> {
    let (c, h, dl, a) = (&r.caseload, &r.hours, &r.deadlines, &r.detail.assumptions);
    let mut facts = Vec::new();
    let mut add = |count: u64, text: String| facts.push((count, text));
    let peak = c
        .peak_open_on
        .map(|p| format!(", peaking at {} on {}", c.peak_open, d.show(p)))
        .unwrap_or_default();
    add(
        u64::from(c.days_over_limit),
        format!(
            "My open caseload was above the limit of {} on {}{peak}.",
            c.limit,
            plural(c.days_over_limit, "calendar day", "calendar days")
        ),
    );
    add(
        u64::from(c.weeks_over_threshold),
        capacity_over_threshold(r, d),
    );
    add(u64::from(h.excess_logged > 0.0), hours_beyond_contract(r));
    if let Some(w) = &h.max_week {
        add(
            u64::from(w.hours > a.contracted_hours),
            format!(
                "My longest week was {}.",
                longest_week(r, d).unwrap_or_default()
            ),
        );
    }
    if let Some(avg) = h.wtr_average_max {
        add(
            u64::from(avg > 48.0),
            format!(
                "My highest 17-week average was {}.",
                wtr_average(r, d).unwrap_or_default()
            ),
        );
    }
    add(
        u64::from(h.short_rest),
        format!(
            "On {} I had less than the 11 hours' rest between working days.",
            plural(h.short_rest, "occasion", "occasions")
        ),
    );
    add(
        u64::from(h.missed_breaks),
        format!(
            "On {} I worked over 6 hours without a 20-minute break.",
            plural(h.missed_breaks, "day", "days")
        ),
    );
    add(
        u64::from(dl.outcomes.late + dl.outcomes.overdue),
        deadline_outcomes(r),
    );
    facts
}

/// The deadlines due in the period in their four parts, which add up to the total, with the
/// extended ones as an "of which": the same words as the chronology's flags.
pub fn deadline_outcomes(r: &Report) -> String {
    let dl = &r.deadlines;
    let o = &dl.outcomes;
    format!(
        "Of {} due in the period, {} met on time, {} met late, {} overdue (past the due date and not met) and {} not yet due; {} of the {} had been extended.",
        plural(dl.due, "deadline", "deadlines"),
        o.on_time,
        o.late,
        o.overdue,
        o.not_yet_due,
        dl.extended,
        dl.due
    )
}

/// What became of a deadline flagged against leave: its extensions (new date, when recorded,
/// why) and whether it was met.
pub fn since(s: &crate::report::model::DeadlineSince, d: &Dates) -> String {
    let mut parts: Vec<String> = s
        .extensions
        .iter()
        .map(|e| {
            let recorded = e.recorded_on.map(|r| format!("recorded {}", d.show(r)));
            let why = match (recorded, &e.reason) {
                (Some(r), Some(why)) => format!(" ({r}: {why})"),
                (Some(r), None) => format!(" ({r}, no reason given)"),
                (None, Some(why)) => format!(" ({why})"),
                (None, None) => String::new(),
            };
            format!("extended to {}{why}", d.show(e.to))
        })
        .collect();
    parts.push(match (s.outcome, s.met_on) {
        ("on_time", Some(m)) => format!("met {}", d.show(m)),
        ("late", Some(m)) => format!("met late, {}", d.show(m)),
        ("overdue", _) => "overdue: not met".to_string(),
        _ => "not yet due".to_string(),
    });
    parts.join("; ")
}

/// One sentence on work done during leave, or `None` if there was none.
pub fn worked_during_leave(r: &Report) -> Option<String> {
    let w = &r.worked_during_leave;
    let hours_days = w.list.iter().filter(|x| x.hours > 0.0).count() as u64;
    let hours = (hours_days > 0).then(|| {
        format!(
            "I logged {:.1} hours of work on {} of leave",
            w.hours,
            plural(hours_days, "day", "days")
        )
    });
    let met = (w.deadlines_met > 0).then(|| {
        format!(
            "met {} on days of leave",
            plural(w.deadlines_met, "deadline", "deadlines")
        )
    });
    match (hours, met) {
        (Some(h), Some(m)) => Some(format!("{h}, and {m}.")),
        (Some(h), None) => Some(format!("{h}.")),
        (None, Some(m)) => Some(format!("I {m}.")),
        (None, None) => None,
    }
}

/// "41.5 hours, the week of Mon 09 Mar 2026 to Sun 15 Mar 2026".
pub fn longest_week(r: &Report, d: &Dates) -> Option<String> {
    let w = r.hours.max_week.as_ref()?;
    let sunday = w.week_start + chrono::Days::new(6);
    Some(format!(
        "{} hours, the week of {} to {}",
        below_limit(w.hours, WTR_LIMIT, 1),
        d.show_day(w.week_start),
        d.show_day(sunday)
    ))
}

/// The Working Time Regulations' 48 hours, beside which weekly hours are shown.
pub const WTR_LIMIT: f64 = 48.0;

/// Hours to `decimals` places, except that a figure under `limit` is never rounded up to it:
/// 47.95 beside the 48-hour limit shows as "47.95", not "48.0", and one that rounds to the
/// limit even to two places as "just under 48". A figure at or over the limit is as usual.
pub fn below_limit(hours: f64, limit: f64, decimals: usize) -> String {
    let shown = format!("{hours:.decimals$}");
    let reads_under = |text: &str| text.parse::<f64>().is_ok_and(|v| v < limit);
    if hours >= limit || reads_under(&shown) {
        return shown;
    }
    let finer = format!("{hours:.2}");
    if reads_under(&finer) {
        finer
    } else {
        format!("just under {limit}")
    }
}

/// "49.12 hours a week, over the 17 weeks from Mon 05 Jan 2026 to Sun 03 May 2026 (the
/// Working Time Regulations limit is an average of 48 over 17 weeks)".
pub fn wtr_average(r: &Report, d: &Dates) -> Option<String> {
    let h = &r.hours;
    let avg = h.wtr_average_max?;
    let (from, to) = (h.wtr_average_max_from?, h.wtr_average_max_to?);
    Some(format!(
        "{} hours a week, over the 17 weeks from {} to {} (the Working Time Regulations limit is an average of 48 hours a week over 17 weeks)",
        below_limit(avg, WTR_LIMIT, 2),
        d.show_day(from),
        d.show_day(to)
    ))
}

/// " on Thu 19 Mar 2026, in the week ending Sun 22 Mar 2026": the day of a daily peak, and
/// the week it falls in as the documents count weeks, by the Sunday that ends them (a peak on
/// a weekday, with the weeks "ending Sun …" beside it, read as if weeks were counted otherwise).
pub fn peak_day(day: chrono::NaiveDate, d: &Dates) -> String {
    use chrono::Datelike;
    let sunday = day + chrono::Days::new(u64::from(6 - day.weekday().num_days_from_monday()));
    if sunday == day {
        format!(" on {}, the last day of its week", d.show_day(day))
    } else {
        format!(
            " on {}, in the week ending {}",
            d.show_day(day),
            d.show_day(sunday)
        )
    }
}

/// Weekly capacity over the threshold, with the longest run's weeks and the peak's day; it
/// says "sustained overload" only when the run reaches the configured number of weeks.
pub fn capacity_over_threshold(r: &Report, d: &Dates) -> String {
    let c = &r.caseload;
    let a = &r.detail.assumptions;
    let run = match (
        c.longest_run_first_week_ending,
        c.longest_run_last_week_ending,
    ) {
        (Some(from), Some(to)) if from == to => format!("the week ending {}", d.show_day(from)),
        (Some(from), Some(to)) => format!(
            "the weeks ending {} to {}",
            d.show_day(from),
            d.show_day(to)
        ),
        _ => String::new(),
    };
    let sustained = if c.longest_run_over_threshold >= a.capacity_weeks {
        format!(
            "sustained overload by the measure of {} consecutive weeks",
            a.capacity_weeks
        )
    } else {
        format!(
            "not sustained overload by the measure of {} consecutive weeks",
            a.capacity_weeks
        )
    };
    let peak = c
        .capacity_percent_peak_on
        .map(|p| peak_day(p, d))
        .unwrap_or_default();
    format!(
        "My weighted workload was above {:.0}% of my contracted hours in {}; the longest consecutive run was {} ({run}): {sustained}. The peak was {:.0}%{peak}.",
        a.capacity_percent,
        plural(c.weeks_over_threshold, "week", "weeks"),
        plural(c.longest_run_over_threshold, "week", "weeks"),
        c.capacity_percent_peak
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_peak_is_dated_with_the_sunday_its_week_ends_on() {
        let d = Dates("%d %b %Y");
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            peak_day(day("2026-03-19"), &d).replace('\u{a0}', " "),
            " on Thu 19 Mar 2026, in the week ending Sun 22 Mar 2026"
        );
        assert_eq!(
            peak_day(day("2026-03-16"), &d).replace('\u{a0}', " "),
            " on Mon 16 Mar 2026, in the week ending Sun 22 Mar 2026"
        );
        assert_eq!(
            peak_day(day("2026-03-22"), &d).replace('\u{a0}', " "),
            " on Sun 22 Mar 2026, the last day of its week"
        );
    }
}
