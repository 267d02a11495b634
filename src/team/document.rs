//! The team model as document blocks, for the report's Markdown, HTML and PDF writers: who
//! is in it, the facts at a glance, weekly charts, the six HSE Management Standards as an
//! organisational stress risk assessment reads them, signs of harm, the findings to record,
//! how the figures are counted, and the shares it was made from.

use super::combine::{AffectedOut, FigureOut, Team, WeekOut};
use super::stats::{Band, Unit};
use crate::domain::Standard;
use crate::report::document::{BandSeries, Block, Chart, Dates, Document, plural};
use crate::report::share::parse_iso_week;
use chrono::NaiveDate;

/// The line a team document ends with: what it was made from.
pub fn made_from(team: &Team) -> String {
    use sha2::{Digest, Sha256};
    let mut ids = Sha256::new();
    for s in &team.shares {
        ids.update(s.share_id.as_bytes());
        ids.update(b"\n");
    }
    let digest: String = ids.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!(
        "caseload-team v1 members={} weeks={}..{} k={} prepared={} shares={digest} by={}",
        team.members,
        team.period.first_week,
        team.period.last_week,
        team.min_members,
        team.prepared,
        crate::report::provenance::MADE_BY
    )
}

/// "Monday 17 Nov 2025" for a share week.
fn monday(d: &Dates, week: &str) -> String {
    parse_iso_week(week).map_or_else(|| week.to_string(), |m| d.show(m))
}

pub fn build(team: &Team, date_format: &str) -> Document {
    let d = Dates(date_format);
    let k = team.min_members;
    let mut blocks = about(team, &d);
    blocks.extend(at_a_glance(team));
    blocks.extend(week_by_week(team, &d));
    blocks.extend(by_standard(team));
    blocks.extend(harm_and_findings(team));
    blocks.extend(integrity(team));
    blocks.push(Block::Small(format!("Made from: {}.", made_from(team))));
    Document {
        purpose: crate::report::Purpose::Share,
        title: "Team workload picture".into(),
        subtitle: format!(
            "From the shares of {}, the weeks beginning {} to {} ({} to {}). Prepared {} with caseload team. No figure comes from fewer than {k} members.",
            plural(team.members as u64, "member", "members"),
            monday(&d, &team.period.first_week),
            monday(&d, &team.period.last_week),
            team.period.first_week,
            team.period.last_week,
            d.show(team.prepared)
        ),
        blocks,
    }
}

/// Who the members are, what the picture holds, and what they counted with.
fn about(team: &Team, d: &Dates) -> Vec<Block> {
    let k = team.min_members;
    let mut blocks = Vec::new();
    blocks.push(Block::Heading("About this picture".into()));
    blocks.push(Block::Para(format!(
        "{} of the team each made figures from their own dated work log (caseload) and shared them with the union. This document combines them for an organisational stress risk assessment under the HSE Management Standards. It has no row for any member and names none: for each figure it gives the median member, the middle half of members (between the first and third quartiles) and a range whose ends lie beyond the lowest and highest members' figures; a figure that fewer than {k} members contribute to is withheld, and says so. A median or quartile can be some member's own figure (with five members the median is the third one's), but it does not say whose.",
        plural(team.members as u64, "member", "members")
    )));
    let mut about = vec![roles_sentence(team), coverage_sentence(team, d)];
    about.push(match team.limits_agreed {
        Some(0) => "In every share the caseload limit and case weights are the member's own estimate, not agreed with the employer.".into(),
        Some(n) => format!("In {n} of the {} shares the caseload limit and weights were agreed with someone; in the rest they are the member's own estimate.", team.members),
        None => format!("In fewer than {k} shares the caseload limit and weights were agreed with someone (withheld); in the rest they are the member's own estimate."),
    });
    blocks.push(Block::Bullets(about));
    if team.members < k {
        blocks.push(Block::Para(format!(
            "With {} no figure can be shown: each needs at least {k} members. Collect shares from more members; --min-members can go down to 3, at a cost to anonymity that the members should agree to.",
            plural(team.members as u64, "member", "members")
        )));
    }
    blocks.push(Block::Subheading("What the members counted with".into()));
    blocks.push(settings_table(&team.settings, k));
    blocks
}

/// How many members each flagged figure affects, or why none is shown.
fn at_a_glance(team: &Team) -> Vec<Block> {
    let k = team.min_members;
    let mut blocks = Vec::new();
    blocks.push(Block::Heading("At a glance".into()));
    let glance: Vec<String> = if team.members < k {
        // The same reason for every figure, said once.
        vec![format!(
            "Every figure is withheld: {} shared, and a figure is shown only from at least {k}.",
            plural(team.members as u64, "member", "members")
        )]
    } else {
        team.figures
            .iter()
            .filter_map(|f| f.affected.as_ref().map(|a| affected_sentence(f, a)))
            .chain(
                team.notes
                    .affected
                    .as_ref()
                    .map(|a| affected_sentence(&team.notes, a)),
            )
            .collect()
    };
    blocks.push(Block::Bullets(glance));
    blocks
}

/// The weekly charts, with what they show.
fn week_by_week(team: &Team, d: &Dates) -> Vec<Block> {
    let k = team.min_members;
    let mut blocks = Vec::new();
    blocks.push(Block::Heading("Week by week".into()));
    blocks.push(Block::Para(format!(
        "Each week: the median member (line) and the middle half of members (band), over the members whose shares cover that week (hours: those who logged hours that week). A week with fewer than {k} is left empty."
    )));
    blocks.extend(charts(team, d));
    blocks
}

/// The figures under each HSE Management Standard, and the notes tagged with it.
fn by_standard(team: &Team) -> Vec<Block> {
    let k = team.min_members;
    let mut blocks = Vec::new();
    blocks.push(Block::Heading(
        "Organisational stress risk assessment, by HSE Management Standard".into(),
    ));
    blocks.push(Block::Para(
        "The HSE expects the risk of work-related stress to be assessed for groups, not only individuals: identify the risk factors, decide who might be harmed and how, evaluate the risk and act, record the findings, and monitor and review. Under each of the six Management Standards below: what the members' logs measured, then how many tagged their diary notes with it (the notes' text stays with each member).".into(),
    ));
    for standard in Standard::ALL {
        blocks.push(Block::Subheading(format!(
            "{}: {}",
            standard.label(),
            standard.covers()
        )));
        let measured: Vec<FigureOut> = team
            .figures
            .iter()
            .filter(|f| f.standard == Some(standard))
            .cloned()
            .collect();
        if measured.is_empty() {
            blocks.push(Block::Para("The logs measure nothing else under this standard: what the members say (a survey, a meeting) is the evidence here.".into()));
        } else {
            blocks.push(table(&measured, k));
        }
        if let Some(s) = team.standards.iter().find(|s| s.standard == standard)
            && let Some(a) = &s.notes.affected
        {
            blocks.push(Block::Para(notes_sentence(&s.notes, a, standard)));
        }
    }
    blocks
}

/// Sickness and stress scores, the findings to complete, and the definitions.
fn harm_and_findings(team: &Team) -> Vec<Block> {
    let k = team.min_members;
    let mut blocks = Vec::new();
    blocks.push(Block::Heading("Signs of harm".into()));
    blocks.push(Block::Para("Sickness absence and the stress scores members gave their own notes: outcomes the HSE standards aim to prevent.".into()));
    let harm: Vec<FigureOut> = team
        .figures
        .iter()
        .filter(|f| f.standard.is_none())
        .cloned()
        .chain(std::iter::once(team.notes.clone()))
        .collect();
    blocks.push(table(&harm, k));

    blocks.push(Block::ToComplete {
        title: "Findings and actions".into(),
        prompt: "For each standard where the figures show a risk, record: the hazard; who is harmed and how; what is already in place; the further action agreed; who owns it; by when; and the date to review it (HSE steps 4 and 5). Agree it with the employer and the members' representatives.".into(),
    });

    blocks.push(Block::Heading("How these figures are counted".into()));
    blocks.push(Block::Bullets(definitions(team)));
    blocks
}

/// How the shares were checked, and which they were.
fn integrity(team: &Team) -> Vec<Block> {
    let mut blocks = Vec::new();
    blocks.push(Block::Heading("Integrity".into()));
    blocks.push(Block::Para(format!(
        "Made from {}, each checked on reading: a caseload.share/1 with nothing else in it, figures that are possible and agree with each other, no share twice (by its id, or the same figures under another id). These checks catch mistakes and clumsy edits; they cannot show that a share's figures are true, nor that two shares come from two people. Each member can find their own share's id below; the list is in the order of the ids, which are random.",
        plural(team.members as u64, "share", "shares")
    )));
    blocks.push(Block::Table {
        header: ["Share id", "First week", "Last week"]
            .map(String::from)
            .to_vec(),
        rows: team
            .shares
            .iter()
            .map(|s| {
                vec![
                    s.share_id.clone(),
                    s.first_week.clone(),
                    s.last_week.clone(),
                ]
            })
            .collect(),
    });
    blocks
}

fn roles_sentence(team: &Team) -> String {
    let mut parts: Vec<String> = team
        .roles
        .iter()
        .map(|r| format!("{} {}", r.members, role_label(&r.role)))
        .collect();
    if team.roles_withheld > 0 {
        parts.push(format!(
            "{} in roles held by fewer than {} members each (not named)",
            team.roles_withheld, team.min_members
        ));
    }
    format!(
        "{}: {}.",
        plural(team.members as u64, "member", "members"),
        if parts.is_empty() {
            "no roles".to_string()
        } else {
            parts.join("; ")
        }
    )
}

fn role_label(role: &str) -> &str {
    match role {
        "cafcass-fca" => "with the Cafcass Family Court Adviser case kinds",
        "probation-officer" => "with the Probation Officer case kinds",
        _ => "with case kinds of their own",
    }
}

fn coverage_sentence(team: &Team, d: &Dates) -> String {
    let whole = if team.period.covered_whole == team.members {
        format!(
            "Every share covers every week from {} to {}.",
            monday(d, &team.period.first_week),
            monday(d, &team.period.last_week)
        )
    } else {
        format!(
            "{} of the {} shares cover every week from {} to {}; the others cover part of it.",
            team.period.covered_whole,
            team.members,
            monday(d, &team.period.first_week),
            monday(d, &team.period.last_week),
        )
    };
    format!(
        "{whole} Each member's totals are over their own share's weeks (listed under Integrity); the weekly charts are cut to this period."
    )
}

fn affected_sentence(f: &FigureOut, a: &AffectedOut) -> String {
    match (a.members, &a.withheld) {
        (Some(0), _) => format!("None of the {} members {}.", a.of, a.had),
        (Some(n), _) => {
            let total = match (a.total, a.total_of) {
                (Some(t), Some(noun)) => format!("; {} {noun} in all", Unit::number(t)),
                _ => String::new(),
            };
            format!("{n} of {} members {}{total}.", a.of, a.had)
        }
        (None, Some(why)) => format!("{}: {why}.", f.label),
        (None, None) => format!("{}: withheld.", f.label),
    }
}

fn notes_sentence(f: &FigureOut, a: &AffectedOut, standard: Standard) -> String {
    let per = f
        .distribution
        .map(|d| {
            format!(
                " Notes per member: median {}, middle half {} to {}.",
                Unit::Count.show(d.median),
                Unit::Count.show(d.q1),
                Unit::Count.show(d.q3)
            )
        })
        .unwrap_or_default();
    match (a.members, &a.withheld) {
        (Some(0), _) => format!(
            "None of the {} members tagged a diary note with {}.",
            a.of,
            standard.label()
        ),
        (Some(n), _) => format!(
            "{n} of {} members tagged diary notes with {}; {} such notes in all.{per}",
            a.of,
            standard.label(),
            a.total.map_or_else(String::new, Unit::number)
        ),
        (None, why) => format!(
            "Diary notes tagged with {}: {}.",
            standard.label(),
            why.as_deref().unwrap_or("withheld")
        ),
    }
}

const HEADER: [&str; 6] = [
    "Figure",
    "Members",
    "Median",
    "Middle half",
    "Range (rounded out)",
    "Members affected",
];

/// The settings: median and middle half only. A setting's extremes would be one member's
/// (a part-time contract, another role's limit), which the employer knows by name.
fn settings_table(figures: &[FigureOut], k: usize) -> Block {
    Block::Table {
        header: HEADER[..4]
            .iter()
            .map(std::string::ToString::to_string)
            .collect(),
        rows: rows(figures, k)
            .into_iter()
            .map(|r| r[..4].to_vec())
            .collect(),
    }
}

fn table(figures: &[FigureOut], k: usize) -> Block {
    Block::Table {
        header: HEADER.map(String::from).to_vec(),
        rows: rows(figures, k),
    }
}

fn rows(figures: &[FigureOut], k: usize) -> Vec<Vec<String>> {
    figures
        .iter()
        .map(|f| {
            let affected = f
                .affected
                .as_ref()
                .map_or_else(String::new, |a| match a.members {
                    Some(0) => "none".to_string(),
                    Some(n) => match (a.total, a.total_of) {
                        (Some(t), Some(_)) => {
                            format!("{n} of {}; {} in all", a.of, Unit::number(t))
                        }
                        _ => format!("{n} of {}", a.of),
                    },
                    None if f.distribution.is_some() => format!("fewer than {k}"),
                    None => String::new(),
                });
            match &f.distribution {
                Some(dist) => vec![
                    f.label.to_string(),
                    dist.members.to_string(),
                    f.unit.show(dist.median),
                    format!("{} to {}", f.unit.show(dist.q1), f.unit.show(dist.q3)),
                    match (dist.low, dist.high) {
                        (Some(low), Some(high)) => {
                            format!("{} to {}", f.unit.show(low), f.unit.show(high))
                        }
                        _ => String::new(),
                    },
                    affected,
                ],
                None => vec![
                    f.label.to_string(),
                    f.members.to_string(),
                    "withheld".into(),
                    if f.members < k {
                        format!("fewer than {k} members")
                    } else {
                        // Its quartiles would show those few members' own figures.
                        format!("only 1 to {} members had any", k - 1)
                    },
                    String::new(),
                    affected,
                ],
            }
        })
        .collect()
}

fn charts(team: &Team, d: &Dates) -> Vec<Block> {
    let mondays: Vec<NaiveDate> = team
        .weeks
        .iter()
        .filter_map(|w| parse_iso_week(&w.week))
        .collect();
    let median_of = |key: &str| {
        team.settings
            .iter()
            .find(|f| f.key == key)
            .and_then(|f| f.distribution)
            .map(|d| d.median)
    };
    let series = |pick: fn(&WeekOut) -> Option<Band>,
                  title: &str,
                  what: &str,
                  unit: &'static str,
                  reference: Option<(f64, String)>| {
        let values: Vec<Option<(f64, f64, f64)>> = team
            .weeks
            .iter()
            .map(|w| pick(w).map(|b| (b.q1, b.median, b.q3)))
            .collect();
        let shown = values.iter().flatten().count();
        let description = match (
            values
                .iter()
                .flatten()
                .map(|v| v.1)
                .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v)))),
            mondays.first(),
            mondays.last(),
        ) {
            (Some(peak), Some(first), Some(last)) => format!(
                "{what}, week by week from {} to {}: the median and the middle half of members {}. The highest weekly median was {}.",
                d.show(*first),
                d.show(*last),
                if shown == values.len() {
                    "in every week".to_string()
                } else {
                    format!(
                        "in {shown} of the {} weeks (the others have fewer than {} members)",
                        values.len(),
                        team.min_members
                    )
                },
                format!("{peak:.1}{unit}").replace(".0", "")
            ),
            // An empty chart (axes and a legend over nothing) reads as a drawing fault in a
            // PDF; every format says in words why there is no chart instead.
            _ => {
                return Block::Para(format!(
                    "{what}: no week has {} members or more, so nothing is charted.",
                    team.min_members
                ));
            }
        };
        Block::Chart(Chart::Band(Box::new(BandSeries {
            title: title.to_string(),
            description,
            unit,
            weeks: mondays.clone(),
            values,
            reference,
        })))
    };
    vec![
        series(
            |w| w.open,
            "Open cases at the end of each week: median member (line) and middle half of members (band).",
            "Open cases",
            "",
            median_of("assumptions.caseload_limit").map(|l| (l, format!("median limit {l:.0}"))),
        ),
        series(
            |w| w.capacity_percent,
            "Weighted workload (capacity %) each week: median member and middle half of members.",
            "Weighted workload as a percentage of contracted hours",
            "%",
            median_of("assumptions.capacity_percent").map(|t| (t, format!("threshold {t:.0}%"))),
        ),
        series(
            |w| w.hours,
            "Hours logged each week: median member and middle half of the members who logged hours that week, against 48.",
            "Hours logged",
            " h",
            Some((48.0, "48 h".to_string())),
        ),
    ]
}

fn definitions(team: &Team) -> Vec<String> {
    let k = team.min_members;
    vec![
        format!("A figure is shown only when at least {k} members' shares contribute to it; otherwise it is withheld and says how many it had. A figure only 1 to {} members have at all (above zero) is withheld too, since its quartiles would be their own figures. The number of members affected, and their total, is shown only when none or at least {k} are affected. There is no row for any member, and no lowest or highest value of fewer than {k}.", k - 1),
        "Median: the middle member's figure (for an even number, halfway between the two middle ones). Middle half: from the first to the third quartile, by linear interpolation between members' figures (as Excel's QUARTILE.INC and R's default do).".into(),
        "Range: from the multiple of a step strictly below the lowest member's figure to the multiple strictly above the highest (counts in 5s, hours over the period in 10 h, hours in a week in 5 h, percentages in 10%, stress scores in whole numbers; never below 0 for a figure that cannot be negative), so that neither extreme, always one member's, is printed.".into(),
        "Medians and quartiles are rounded: counts, weekly hours and stress scores to one decimal place, hours over the period and percentages to whole numbers.".into(),
        "Members affected: those whose figure is above zero. Totals add up their figures.".into(),
        "Each figure is counted by caseload on the member's own log, as in their own reports (capacity %: the weekly hours their open cases need, by their own case weights, against their contracted hours; hours beyond contract: over the days they logged hours). The members' settings differ; their spread is under \"What the members counted with\".".into(),
        "Weeks are ISO weeks, Monday to Sunday. A share gives no day: its first and last weeks may be part weeks. A week with no hours logged is left out of the hours chart, not counted as zero.".into(),
    ]
}
