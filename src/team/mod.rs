//! `caseload team`: many members' shares (`caseload.share/1`) combined into one anonymous
//! team picture for a union rep and an organisational stress risk assessment. It needs no
//! journal and no configuration. Pure: the command line reads the files and writes the
//! result.
//!
//! read.rs     one file as a share, or why it is not one
//! combine.rs  the accepted shares into the `caseload.team/1` model, with k-suppression
//! stats.rs    median, quartiles, range rounded outward
//! figures.rs  which figures, under which HSE standard
//! document.rs the model as document blocks (rendered by the report's Markdown, HTML and PDF
//!             writers); csv.rs the model as one CSV table

pub mod combine;
mod csv;
pub mod document;
pub mod figures;
pub mod read;
pub mod stats;

pub use combine::{Team, Weeks, combine};
pub use read::{MAX_BYTES, NotAShare, parse};

use crate::report::share::Share;
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The fewest members a figure may come from, unless `--min-members` says more.
pub const DEFAULT_MIN_MEMBERS: usize = 5;
/// Below this, a figure could be worked out by one of the members it came from.
pub const LEAST_MIN_MEMBERS: usize = 3;

/// One file given: its name as typed, and its bytes or why they could not be read.
pub struct Source {
    pub name: String,
    pub bytes: Result<Vec<u8>, String>,
}

/// A file not combined, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub name: String,
    pub why: String,
}

/// The period the rep asked for: the first and last day wanted, each standing for the ISO
/// week it falls in.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// The shares accepted (in the order given), the files refused, and the weeks chosen.
pub struct Gathered {
    pub shares: Vec<Share>,
    pub refused: Vec<Refusal>,
    pub period: Option<Weeks>,
}

/// Reads and checks every file, sets aside a share given twice (by its id, or the same
/// figures under another id: one member's share made twice), chooses the period and sets
/// aside shares that do not overlap it. Nothing is combined yet.
pub fn gather(sources: Vec<Source>, options: &Options) -> Gathered {
    let mut refused = Vec::new();
    let mut shares: Vec<(String, Share)> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut by_figures: HashMap<[u8; 32], usize> = HashMap::new();
    for source in sources {
        let share = source
            .bytes
            .map_err(|e| e.clone())
            .and_then(|bytes| parse(&bytes).map_err(|e| e.to_string()));
        let share = match share {
            Ok(share) => share,
            Err(why) => {
                refused.push(Refusal {
                    name: source.name,
                    why,
                });
                continue;
            }
        };
        if let Some(&first) = by_id.get(&share.share_id) {
            refused.push(Refusal {
                why: format!(
                    "is the same share as {} (share id {}): give each share once (with --skip-bad the copy is left out and the first kept)",
                    shares[first].0, share.share_id
                ),
                name: source.name,
            });
            continue;
        }
        let figures = figures_digest(&share);
        if let Some(&first) = by_figures.get(&figures) {
            refused.push(Refusal {
                why: format!(
                    "has exactly the figures of {} under another share id: one member's share made twice; ask which to keep and give that one (with --skip-bad this one is left out)",
                    shares[first].0
                ),
                name: source.name,
            });
            continue;
        }
        by_id.insert(share.share_id.clone(), shares.len());
        by_figures.insert(figures, shares.len());
        shares.push((source.name, share));
    }
    let all: Vec<Share> = shares.iter().map(|(_, s)| s.clone()).collect();
    let most = Weeks::most_covered(&all);
    let period = most.map(|most| {
        let first = options
            .from
            .map_or(most.first, crate::domain::calendar::week_start);
        let last = options
            .to
            .map_or(most.last, crate::domain::calendar::week_start);
        if first <= last {
            Weeks { first, last }
        } else if options.from.is_some() {
            Weeks {
                first,
                last: first.max(most.last),
            }
        } else {
            Weeks {
                first: last.min(most.first),
                last,
            }
        }
    });
    let mut kept = Vec::new();
    for (name, share) in shares {
        match period {
            Some(period) if !Weeks::of(&share).overlaps(&period) => refused.push(Refusal {
                why: format!(
                    "covers the weeks {} to {}, which do not overlap the team's period, {} to {}{}",
                    share.period.first_week,
                    share.period.last_week,
                    period.first_week(),
                    period.last_week(),
                    if options.from.is_none() && options.to.is_none() {
                        " (the weeks most shares cover; choose others with --from and --to)"
                    } else {
                        ""
                    }
                ),
                name,
            }),
            _ => kept.push(share),
        }
    }
    Gathered {
        shares: kept,
        refused,
        period,
    }
}

/// The share's figures without its id, hashed: the same figures under two ids are one
/// member's share made twice (two members' whole weekly series are never the same).
fn figures_digest(share: &Share) -> [u8; 32] {
    let mut anonymous = share.clone();
    anonymous.share_id.clear();
    let text = serde_json::to_vec(&anonymous).expect("a share serialises");
    Sha256::digest(&text).into()
}

/// The team document in a format: Markdown, HTML and PDF through the report's writers, CSV
/// and JSON from the model. `None` for a format a team document has not (a calendar).
pub fn render(team: &Team, format: crate::report::Format, date_format: &str) -> Option<Vec<u8>> {
    use crate::report::Format;
    match format {
        Format::Md | Format::Html | Format::Pdf => crate::report::render_document(
            &document::build(team, date_format),
            format,
            &document::made_from(team),
            &format!("{}T00:00:00+00:00", team.prepared),
            date_format,
        ),
        Format::Csv => Some(csv::write(team)),
        Format::Json => {
            let mut text = serde_json::to_string_pretty(team).expect("the team model serialises");
            text.push('\n');
            Some(text.into_bytes())
        }
        Format::Txt | Format::Ics => None,
    }
}
