//! Many shares into one team picture (`caseload.team/1`): for each figure its distribution
//! and the members affected, weekly medians and quartile bands, notes by HSE standard. A
//! figure is disclosed only when at least `k` members contribute to it; what is withheld says
//! so and why. Shares are combined in one pass (each figure's values are then sorted once).

use super::figures::{FIGURES, Figure, SETTINGS, notes_with};
use super::stats::{Band, Distribution, Unit, band, distribution};
use crate::domain::Standard;
use crate::report::share::{Share, iso_week, parse_iso_week};
use chrono::{Days, NaiveDate};
use serde::Serialize;

pub const SCHEMA: &str = "caseload.team/1";

/// The ISO weeks the team document covers, Monday of the first to Monday of the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weeks {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Weeks {
    pub fn of(share: &Share) -> Weeks {
        Weeks {
            first: parse_iso_week(&share.period.first_week).unwrap_or_default(),
            last: parse_iso_week(&share.period.last_week).unwrap_or_default(),
        }
    }

    pub fn overlaps(&self, other: &Weeks) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    pub fn covers(&self, other: &Weeks) -> bool {
        self.first <= other.first && other.last <= self.last
    }

    pub fn count(&self) -> usize {
        ((self.last - self.first).num_days() / 7 + 1) as usize
    }

    pub fn mondays(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let first = self.first;
        (0..self.count()).map(move |i| first + Days::new(7 * i as u64))
    }

    /// The weeks most shares cover: from the median of their first weeks to the median of
    /// their last weeks (the upper median at the end), or all of them if those cross.
    pub fn most_covered(shares: &[Share]) -> Option<Weeks> {
        let mut firsts: Vec<NaiveDate> = shares.iter().map(|s| Weeks::of(s).first).collect();
        let mut lasts: Vec<NaiveDate> = shares.iter().map(|s| Weeks::of(s).last).collect();
        firsts.sort();
        lasts.sort();
        let median = firsts.get((firsts.len().max(1) - 1) / 2).copied()?;
        let last = lasts.get(lasts.len() / 2).copied()?;
        if median <= last {
            Some(Weeks {
                first: median,
                last,
            })
        } else {
            Some(Weeks {
                first: firsts[0],
                last: lasts[lasts.len() - 1],
            })
        }
    }

    pub fn first_week(&self) -> String {
        iso_week(self.first)
    }

    pub fn last_week(&self) -> String {
        iso_week(self.last)
    }
}

/// What is said of one figure: its distribution, or why it is withheld.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureOut {
    pub key: &'static str,
    pub label: &'static str,
    #[serde(skip)]
    pub unit: Unit,
    #[serde(skip)]
    pub standard: Option<Standard>,
    /// Members whose shares have the figure (shown even when the rest is withheld).
    pub members: usize,
    pub distribution: Option<Distribution>,
    pub affected: Option<AffectedOut>,
    /// Why the distribution is not shown.
    pub withheld: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AffectedOut {
    /// "had cases allocated during leave"
    pub had: &'static str,
    /// How many had it (value above zero); `None` when 1 to k-1 did (withheld).
    pub members: Option<usize>,
    /// Of how many members with the figure.
    pub of: usize,
    /// The sum over those affected, with its noun; `None` when withheld or not summed.
    pub total: Option<f64>,
    pub total_of: Option<&'static str>,
    pub withheld: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleCount {
    pub role: String,
    pub members: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekOut {
    pub week: String,
    /// Shares that cover this week.
    pub members: usize,
    pub open: Option<Band>,
    pub capacity_percent: Option<Band>,
    /// Over the members who logged hours that week.
    pub hours: Option<Band>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StandardOut {
    pub standard: Standard,
    /// Members with at least one note tagged with it, the notes in all, and the distribution
    /// of notes per member.
    pub notes: FigureOut,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShareListed {
    pub share_id: String,
    pub first_week: String,
    pub last_week: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodOut {
    pub first_week: String,
    pub last_week: String,
    pub weeks: usize,
    /// How many shares cover every week of it.
    pub covered_whole: usize,
}

/// The team document's model: `caseload.team/1`, which every writer reads.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Team {
    pub schema: &'static str,
    pub prepared: NaiveDate,
    pub min_members: usize,
    pub members: usize,
    pub period: PeriodOut,
    /// Roles held by at least `k` members; the rest are counted together in `roles_withheld`.
    pub roles: Vec<RoleCount>,
    pub roles_withheld: usize,
    pub limits_agreed: Option<usize>,
    pub settings: Vec<FigureOut>,
    pub figures: Vec<FigureOut>,
    pub standards: Vec<StandardOut>,
    pub notes: FigureOut,
    pub weeks: Vec<WeekOut>,
    pub shares: Vec<ShareListed>,
}

/// Combines accepted shares (each already checked, none twice) over `period`.
pub fn combine(shares: &[Share], period: Weeks, k: usize, prepared: NaiveDate) -> Team {
    let n = shares.len();
    let figure = |f: &Figure| {
        disclose(
            f.key,
            f.label,
            f.unit,
            f.standard,
            f.affected.as_ref().map(|a| (a.had, a.total)),
            shares.iter().filter_map(f.read),
            k,
        )
    };
    let mut roles: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for s in shares {
        *roles.entry(s.assumptions.role.as_str()).or_default() += 1;
    }
    let (shown, hidden): (Vec<_>, Vec<_>) = roles.into_iter().partition(|(_, c)| *c >= k);
    let agreed = shares
        .iter()
        .filter(|s| s.assumptions.limits_agreed)
        .count();
    let standards = Standard::ALL
        .iter()
        .map(|st| StandardOut {
            standard: *st,
            notes: disclose(
                st.key(),
                st.label(),
                Unit::Count,
                Some(*st),
                Some(("tagged notes with it", Some("such notes"))),
                shares.iter().map(|s| notes_with(s, *st)),
                k,
            ),
        })
        .collect();
    let mut listed: Vec<ShareListed> = shares
        .iter()
        .map(|s| ShareListed {
            share_id: s.share_id.clone(),
            first_week: s.period.first_week.clone(),
            last_week: s.period.last_week.clone(),
        })
        .collect();
    // By id, which is random: never the order the files were given in, which may follow names.
    listed.sort_by(|a, b| a.share_id.cmp(&b.share_id));
    Team {
        schema: SCHEMA,
        prepared,
        min_members: k,
        members: n,
        period: PeriodOut {
            first_week: period.first_week(),
            last_week: period.last_week(),
            weeks: period.count(),
            covered_whole: shares
                .iter()
                .filter(|s| Weeks::of(s).covers(&period))
                .count(),
        },
        roles: shown
            .into_iter()
            .map(|(role, members)| RoleCount {
                role: role.to_string(),
                members,
            })
            .collect(),
        roles_withheld: hidden.iter().map(|(_, c)| c).sum(),
        // Whether limits were agreed is a count of members: shown like any other.
        limits_agreed: (agreed == 0 || agreed >= k).then_some(agreed),
        settings: SETTINGS
            .iter()
            .map(|f| {
                let mut out = figure(f);
                if let Some(d) = &mut out.distribution {
                    // A setting's extremes would be one member's (a part-time contract).
                    (d.low, d.high) = (None, None);
                }
                out
            })
            .collect(),
        figures: FIGURES.iter().map(figure).collect(),
        standards,
        notes: disclose(
            "notes.count",
            "Diary notes kept",
            Unit::Count,
            None,
            Some(("kept diary notes", Some("notes"))),
            shares.iter().map(|s| f64::from(s.notes.count)),
            k,
        ),
        weeks: weekly(shares, period, k),
        shares: listed,
    }
}

fn withheld_reason(members: usize, k: usize) -> String {
    format!(
        "withheld: {} {} it, and a figure is shown only from at least {k}",
        members,
        if members == 1 {
            "member's share has"
        } else {
            "members' shares have"
        }
    )
}

/// The disclosed form of one figure's values across members.
fn disclose(
    key: &'static str,
    label: &'static str,
    unit: Unit,
    standard: Option<Standard>,
    affected: Option<(&'static str, Option<&'static str>)>,
    values: impl Iterator<Item = f64>,
    k: usize,
) -> FigureOut {
    let mut values: Vec<f64> = values.collect();
    let members = values.len();
    let hit: Vec<f64> = values.iter().copied().filter(|v| *v > 0.0).collect();
    // When only a few members are above zero, the upper quartile and the range would be
    // theirs alone (and would give away how many they are): withheld like their count.
    let few_above_zero = !hit.is_empty() && hit.len() < k;
    let enough = members >= k && !few_above_zero;
    let withheld = (!enough).then(|| {
        if members < k {
            withheld_reason(members, k)
        } else {
            format!(
                "withheld: fewer than {k} members have more than zero, and a figure is shown only from at least {k}"
            )
        }
    });
    let affected = affected.map(|(had, total_of)| {
        let count = hit.len();
        let shown = enough && (count == 0 || count >= k);
        AffectedOut {
            had,
            members: shown.then_some(count),
            of: members,
            total: total_of
                .filter(|_| shown)
                .map(|_| super::stats::round_to(hit.iter().sum(), unit.precision().max(1.0))),
            total_of,
            withheld: (!shown).then(|| {
                if members < k {
                    withheld_reason(members, k)
                } else {
                    format!(
                        "withheld: fewer than {k} members {had}, and a count of fewer than {k} is not shown"
                    )
                }
            }),
        }
    });
    FigureOut {
        key,
        label,
        unit,
        standard,
        members,
        distribution: if enough {
            distribution(&mut values, unit)
        } else {
            None
        },
        affected,
        withheld,
    }
}

/// Each week of the period: the members whose shares cover it, and the median and quartiles
/// of their open cases, capacity % and hours logged, where at least `k` contribute.
fn weekly(shares: &[Share], period: Weeks, k: usize) -> Vec<WeekOut> {
    let weeks = period.count();
    let mut open: Vec<Vec<f64>> = vec![Vec::new(); weeks];
    let mut capacity: Vec<Vec<f64>> = vec![Vec::new(); weeks];
    let mut hours: Vec<Vec<f64>> = vec![Vec::new(); weeks];
    for s in shares {
        let first = Weeks::of(s).first;
        for (i, w) in s.weeks.iter().enumerate() {
            let monday = first + Days::new(7 * i as u64);
            if monday < period.first || monday > period.last {
                continue;
            }
            let at = ((monday - period.first).num_days() / 7) as usize;
            open[at].push(f64::from(w.open));
            capacity[at].push(w.capacity_percent);
            if let Some(h) = w.hours {
                hours[at].push(h);
            }
        }
    }
    let shown = |values: &mut Vec<f64>, unit: Unit| {
        if values.len() >= k {
            band(values, unit)
        } else {
            None
        }
    };
    period
        .mondays()
        .enumerate()
        .map(|(i, monday)| WeekOut {
            week: iso_week(monday),
            members: open[i].len(),
            open: shown(&mut open[i], Unit::Count),
            capacity_percent: shown(&mut capacity[i], Unit::Percent),
            hours: shown(&mut hours[i], Unit::WeeklyHours),
        })
        .collect()
}
