//! A report as a document: a list of blocks per purpose (grievance, stress, supervision,
//! notice), written once and rendered by the Markdown, HTML and PDF writers alike.

mod grievance;
mod notice;
mod stress;
mod supervision;

use super::Purpose;
use super::Report;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// Open cases per week against the caseload limit.
    Caseload,
    /// Hours per week against contracted hours and 48.
    Hours,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(String),
    Subheading(String),
    Para(String),
    Bullets(Vec<String>),
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Chart(Chart),
    /// A marked place for the user to complete before sending.
    ToComplete {
        title: String,
        prompt: String,
    },
    /// Smaller print: assumptions, integrity.
    Small(String),
}

pub struct Document {
    pub title: String,
    pub subtitle: String,
    pub blocks: Vec<Block>,
}

/// Formats ISO dates for people, with the configured pattern.
pub struct Dates<'a>(pub &'a str);

impl Dates<'_> {
    /// The date for people, with no-break spaces so that "22 Nov 2026" never splits.
    pub fn show(&self, iso: &str) -> String {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d").map_or_else(
            |_| iso.to_string(),
            |d| d.format(self.0).to_string().replace(' ', "\u{a0}"),
        )
    }

    /// The date with its weekday first, "Mon 18 Aug 2025", for days a reader will check
    /// against a calendar (the return from leave).
    pub fn show_day(&self, iso: &str) -> String {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d").map_or_else(
            |_| iso.to_string(),
            |d| format!("{}\u{a0}{}", d.format("%a"), self.show(iso)),
        )
    }
}

pub fn build(report: &Report, date_format: &str) -> Document {
    let dates = Dates(date_format);
    let purpose: Purpose = report.purpose.parse().unwrap_or(Purpose::Grievance);
    let period = format!(
        "{} to {}",
        dates.show(&report.period.from),
        dates.show(&report.period.to)
    );
    let (title, mut blocks) = match purpose {
        Purpose::Grievance => (
            "Workload record for a grievance",
            grievance::blocks(report, &dates),
        ),
        Purpose::Stress => (
            "Workload record for a stress risk assessment",
            stress::blocks(report, &dates),
        ),
        Purpose::Supervision => ("Supervision summary", supervision::blocks(report, &dates)),
        Purpose::Notice => ("Notice of workload", notice::blocks(report, &dates)),
    };
    blocks.extend(closing(report, purpose));
    let begin = report.period.records_begin.as_deref().map_or_else(
        || "The journal has no records yet.".to_string(),
        |b| format!("The records begin on {}.", dates.show(b)),
    );
    Document {
        title: title.to_string(),
        subtitle: format!(
            "Period: {period}. {begin} Prepared {} from a dated, hash-chained personal work log (caseload).",
            dates.show(&report.generated_at[..10])
        ),
        blocks,
    }
}

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
    format!(
        "I logged {:.1} hours on {}; my contract gives {:.1} hours for the {} among them, so I worked {beyond}. {} no hours logged and {} not counted.",
        h.worked,
        plural(h.days_logged, "day", "days"),
        h.expected_logged,
        plural(h.working_days_logged, "working day", "working days"),
        plural(h.days_unlogged, "working day has", "working days have"),
        if h.days_unlogged == 1 { "is" } else { "are" },
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
    let c = &r.caseload;
    let h = &r.hours;
    let dl = &r.deadlines;
    let a = &r.detail.assumptions;
    let mut facts = Vec::new();
    let mut add = |count: u64, text: String| {
        if all || count > 0 {
            facts.push(text);
        }
    };
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
    add(
        dl.in_leave.len() as u64,
        format!(
            "{} fell due while I was on leave.",
            plural(dl.in_leave.len() as u64, "deadline", "deadlines")
        ),
    );
    add(
        dl.soon_after_leave.len() as u64,
        format!(
            "{} fell due within {} working days of my return from leave.",
            plural(dl.soon_after_leave.len() as u64, "deadline", "deadlines"),
            a.post_leave_days
        ),
    );
    add(
        u64::from(r.worked_during_leave.days),
        worked_during_leave(r).unwrap_or_else(|| "No work was logged on days of leave.".into()),
    );
    let peak = c
        .peak_open_on
        .as_deref()
        .map(|p| format!(", peaking at {} on {}", c.peak_open, d.show(p)))
        .unwrap_or_default();
    add(
        u64::from(c.days_over_limit),
        format!(
            "My open caseload was above the limit of {} on {}{peak}.",
            c.limit,
            plural(c.days_over_limit, "day", "days")
        ),
    );
    add(
        u64::from(c.weeks_over_threshold),
        format!(
            "My weighted workload was above {:.0}% of my contracted hours in {} (longest consecutive run: {} weeks; the threshold for sustained overload is {} weeks). The peak was {:.0}%.",
            a.capacity_percent,
            plural(c.weeks_over_threshold, "week", "weeks"),
            c.longest_run_over_threshold,
            a.capacity_weeks,
            c.capacity_percent_peak
        ),
    );
    add(u64::from(h.excess_logged > 0.0), hours_beyond_contract(r));
    if let Some(w) = &h.max_week {
        add(
            u64::from(w.hours > a.contracted_hours),
            format!(
                "My longest week was {:.1} hours (week starting {}).",
                w.hours,
                d.show(&w.week_start)
            ),
        );
    }
    if let Some(avg) = h.wtr_average_max {
        add(
            u64::from(avg > 48.0),
            format!(
                "My highest 17-week average was {avg:.2} hours a week (the Working Time Regulations limit is 48)."
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

fn table(header: &[&str], rows: Vec<Vec<String>>) -> Block {
    Block::Table {
        header: header.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

pub fn leave_tables(r: &Report, d: &Dates) -> Vec<Block> {
    let mut blocks = Vec::new();
    if !r.allocations_during_leave.is_empty() || !r.allocations_before_leave.is_empty() {
        blocks.push(Block::Subheading(
            "Cases allocated during or just before leave".into(),
        ));
        let mut rows: Vec<(String, Vec<String>)> = r
            .allocations_during_leave
            .iter()
            .map(|a| {
                (
                    a.allocated_on.clone(),
                    vec![
                        d.show(&a.allocated_on),
                        a.case.clone(),
                        format!(
                            "during {} leave ({} to {})",
                            a.leave_kind,
                            d.show(&a.leave_from),
                            d.show(&a.leave_to)
                        ),
                    ],
                )
            })
            .collect();
        rows.extend(r.allocations_before_leave.iter().map(|a| {
            (
                a.allocated_on.clone(),
                vec![
                    d.show(&a.allocated_on),
                    a.case.clone(),
                    format!(
                        "{} before leave starting {}",
                        plural(a.working_days_before, "working day", "working days"),
                        d.show(&a.leave_from)
                    ),
                ],
            )
        }));
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        blocks.push(table(
            &["Allocated", "Case", "In relation to leave"],
            rows.into_iter().map(|(_, r)| r).collect(),
        ));
    }
    let dl = &r.deadlines;
    if !dl.in_leave.is_empty() || !dl.soon_after_leave.is_empty() {
        blocks.push(Block::Subheading(
            "Deadlines during or just after leave".into(),
        ));
        let mut rows: Vec<(String, Vec<String>)> = dl
            .in_leave
            .iter()
            .map(|x| {
                (
                    x.due.clone(),
                    vec![
                        d.show(&x.due),
                        x.case.clone().unwrap_or_default(),
                        x.what.clone(),
                        format!(
                            "during leave ({} to {})",
                            d.show(&x.leave_from),
                            d.show(&x.leave_to)
                        ),
                        since(&x.since, d),
                    ],
                )
            })
            .collect();
        rows.extend(dl.soon_after_leave.iter().map(|x| {
            (
                x.due.clone(),
                vec![
                    d.show(&x.due),
                    x.case.clone().unwrap_or_default(),
                    x.what.clone(),
                    format!(
                        "{} working day back: leave ended {}, back on {}",
                        ordinal(x.working_days_after_return),
                        d.show_day(&x.leave_to),
                        d.show_day(&x.returned_on)
                    ),
                    since(&x.since, d),
                ],
            )
        }));
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        blocks.push(table(
            &["First due", "Case", "What", "In relation to leave", "Since"],
            rows.into_iter().map(|(_, r)| r).collect(),
        ));
    }
    let w = &r.worked_during_leave;
    if !w.list.is_empty() {
        blocks.push(Block::Subheading("Work done during leave".into()));
        blocks.push(table(
            &["Date", "Leave", "Hours logged", "Deadlines met"],
            w.list
                .iter()
                .map(|x| {
                    vec![
                        d.show_day(&x.date),
                        format!(
                            "{} leave, {} to {}",
                            x.leave_kind,
                            d.show(&x.leave_from),
                            d.show(&x.leave_to)
                        ),
                        if x.hours > 0.0 {
                            format!("{:.2}", x.hours)
                        } else {
                            String::new()
                        },
                        x.deadlines_met
                            .iter()
                            .map(|m| match &m.case {
                                Some(c) => format!("{c}: {}", m.what),
                                None => m.what.clone(),
                            })
                            .collect::<Vec<_>>()
                            .join("; "),
                    ]
                })
                .collect(),
        ));
    }
    blocks
}

/// What became of a deadline flagged against leave: its extensions (new date, when recorded,
/// why) and whether it was met.
pub fn since(s: &crate::report::model::DeadlineSince, d: &Dates) -> String {
    let mut parts: Vec<String> = s
        .extensions
        .iter()
        .map(|e| {
            let recorded = e
                .recorded_on
                .as_deref()
                .map(|r| format!("recorded {}", d.show(r)));
            let why = match (recorded, &e.reason) {
                (Some(r), Some(why)) => format!(" ({r}: {why})"),
                (Some(r), None) => format!(" ({r}, no reason given)"),
                (None, Some(why)) => format!(" ({why})"),
                (None, None) => String::new(),
            };
            format!("extended to {}{why}", d.show(&e.to))
        })
        .collect();
    parts.push(match (s.outcome, s.met_on.as_deref()) {
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

pub fn chronology(r: &Report, d: &Dates) -> Block {
    table(
        &["Date", "What", "Case", "Detail", "Flags"],
        r.detail
            .chronology
            .iter()
            .map(|i| {
                vec![
                    d.show(&i.date),
                    i.kind.to_string(),
                    i.case.clone().unwrap_or_default(),
                    i.detail.clone(),
                    i.flags.join("; "),
                ]
            })
            .collect(),
    )
}

pub fn upcoming(r: &Report, d: &Dates) -> Block {
    if r.detail.upcoming.is_empty() {
        return Block::Para("No deadlines are recorded for the next four weeks.".into());
    }
    table(
        &["Due", "Case", "What", "Note"],
        r.detail
            .upcoming
            .iter()
            .map(|u| {
                vec![
                    d.show(&u.due),
                    u.case.clone().unwrap_or_default(),
                    u.what.clone(),
                    u.flags.join("; "),
                ]
            })
            .collect(),
    )
}

/// Assumptions, what was not logged, privacy and integrity: on every document.
fn closing(r: &Report, purpose: Purpose) -> Vec<Block> {
    let a = &r.detail.assumptions;
    let kinds: Vec<String> = a
        .case_kinds
        .iter()
        .map(|(n, h)| format!("{n} {h} h/week"))
        .collect();
    let assumptions = format!(
        "Assumptions: contracted hours {} a week over {}; bank holidays of {}; caseload limit {} open cases; capacity threshold {:.0}% for {} consecutive weeks; \"just before leave\" = {} working days, \"soon after\" = {}; weekly hours per case kind (estimates, not measurements): {}.",
        a.contracted_hours,
        a.working_days.join(", "),
        a.bank_holidays,
        a.caseload_limit,
        a.capacity_percent,
        a.capacity_weeks,
        a.pre_leave_days,
        a.post_leave_days,
        kinds.join("; ")
    );
    let unlogged = format!(
        "Not logged: {} in the period, up to today, had no hours recorded. They count as neither worked nor expected: hours beyond contract cover only the days logged.",
        plural(r.hours.days_unlogged, "working day", "working days")
    );
    let privacy = if r.detail.pseudonymised {
        "Case references are replaced by Case 1, Case 2… (numbered in the order each case was first recorded, so a case has the same number in every document), also inside free text; the author holds the key. Free-text notes are otherwise included as written: check them for names or other personal data before sharing."
    } else {
        "This copy shows the author's own case references. Check it, and the free-text notes, for personal data before sharing."
    };
    let i = &r.integrity;
    let contemporaneous = i.contemporaneous_percent.map(|p| format!(" {p:.0}% of the dated records in the period were written on the day or the next day.")).unwrap_or_default();
    let chain = if i.chain_ok {
        "The hash chain was intact when this document was produced."
    } else {
        "WARNING: the journal's hash chain was damaged; only the records before the damage are included."
    };
    let receipt = r.detail.receipt.as_deref().map(|rc| format!(" Receipt: {rc} — anyone holding the journal can check it with `caseload verify --receipt \"<receipt>\"`.")).unwrap_or_default();
    let integrity = format!(
        "Integrity: {} in the journal ({} amended, {} withdrawn, all kept), head {}. {chain}{contemporaneous}{receipt}",
        plural(i.records, "record", "records"),
        i.amended,
        i.voided,
        i.head
    );
    let mut blocks = vec![];
    if purpose != Purpose::Notice {
        blocks.push(Block::Heading("About this record".into()));
    }
    blocks.extend([
        Block::Small(assumptions),
        Block::Small(unlogged),
        Block::Small(privacy.to_string()),
        Block::Small(integrity),
    ]);
    blocks
}
