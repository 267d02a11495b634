//! A report as a document: a list of blocks per purpose (grievance, stress, supervision,
//! notice), written once and rendered by the Markdown, HTML and PDF writers alike.

mod closing;
mod definitions;
mod grievance;
mod health;
mod letter;
mod notice;
mod sentences;
mod stress;
pub(crate) mod supervision;
mod tables;

pub use sentences::{
    WTR_LIMIT, below_limit, capacity_over_threshold, deadline_outcomes, flagged_facts,
    hours_beyond_contract, longest_week, ordinal, plural, since, worked_during_leave, wtr_average,
};
pub use tables::{chronology, leave_tables, upcoming};

use super::Purpose;
use super::Report;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// Open cases per week against the caseload limit.
    Caseload,
    /// Hours per week against contracted hours and 48.
    Hours,
    /// The mean stress score of the diary notes by month (`report.health.stress_by_month`,
    /// from `report::health::stress_by_month`), 0 to 10; the documents give the figures
    /// beside it as a table, so a writer that draws no chart loses nothing.
    StressTrend,
    /// Weighted capacity % per week against the threshold.
    Capacity,
    /// A weekly series across members: the median as a line, the quartiles as a band (the
    /// team document); it carries its own data.
    Band(Box<BandSeries>),
}

/// One weekly series of medians and quartiles; a week with `None` is withheld (a gap).
#[derive(Debug, Clone, PartialEq)]
pub struct BandSeries {
    /// The caption, and the text alternative for screen readers.
    pub title: String,
    pub description: String,
    /// After each axis value: "", "%" or " h".
    pub unit: &'static str,
    /// Each week's Monday.
    pub weeks: Vec<NaiveDate>,
    /// Per week: (first quartile, median, third quartile).
    pub values: Vec<Option<(f64, f64, f64)>>,
    /// A dashed line across the chart, with its label.
    pub reference: Option<(f64, String)>,
}

impl BandSeries {
    /// The axis: its top and the step between labelled ticks, whole and round (1, 2, 2.5 or
    /// 5 times a power of ten), with room above the highest quartile and the reference.
    pub fn axis(&self) -> (f64, f64) {
        let highest = self
            .values
            .iter()
            .flatten()
            .map(|(_, _, q3)| *q3)
            .chain(self.reference.as_ref().map(|(v, _)| *v))
            .fold(1.0_f64, f64::max)
            * 1.08;
        let rough = highest / 4.0;
        let power = 10f64.powf(rough.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .iter()
            .map(|m| m * power)
            .find(|s| *s >= rough)
            .unwrap_or(10.0 * power)
            .max(1.0);
        ((highest / step).ceil() * step, step)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A warning the reader must see before anything else (a damaged journal): every writer
    /// puts it first, above the title, set apart (bold in the PDF).
    Warning(String),
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
    /// Smaller print: assumptions, how figures are counted.
    Small(String),
    /// The integrity statement and the record of what the document was made from: small print
    /// (md, html, pdf); a plain-text document ends with its short record line instead.
    Record(String),
    /// A table to complete by hand at a meeting: the cells left empty are drawn tall enough
    /// to write in.
    FillIn {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

#[derive(Debug, Clone)]
pub struct Document {
    pub purpose: Purpose,
    pub title: String,
    pub subtitle: String,
    pub blocks: Vec<Block>,
}

impl Document {
    /// The warnings the writers put first, above the title.
    pub fn warnings(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Warning(w) => Some(w.as_str()),
            _ => None,
        })
    }
}

/// The warning that opens every document made from a damaged journal: where the chain
/// breaks, what the document covers and up to when, and what to do.
fn damage_warning(report: &Report, dates: &Dates) -> Option<Block> {
    let damaged = report.integrity.damaged.as_ref()?;
    let covered = match damaged.written_up_to {
        Some(day) => format!(
            "the {} before that line, written up to {}: its figures are as of that day, and nothing recorded after it is counted",
            plural(damaged.records, "record", "records"),
            dates.show(day)
        ),
        None => "nothing: no record before that line is left".to_string(),
    };
    Some(Block::Warning(format!(
        "WARNING: THE JOURNAL IS DAMAGED at line {}. This document covers only {covered}. Do not rely on it or send it as it is: run `caseload verify` to see what is wrong, restore the journal from a backup (caseload keeps copies in its backups folder; `caseload verify` says where), keep the damaged file as evidence, and make this document again.",
        damaged.line
    )))
}

/// Formats the model's dates for people, with the configured pattern (`display.date_format`,
/// checked when the configuration is read).
pub struct Dates<'a>(pub &'a str);

impl Dates<'_> {
    /// The date for people, with no-break spaces so that "22 Nov 2026" never splits.
    pub fn show(&self, date: NaiveDate) -> String {
        date.format(self.0).to_string().replace(' ', "\u{a0}")
    }

    /// The configured pattern without its year ("%d %b %Y" gives "%d %b", "%Y-%m-%d" gives
    /// "%m-%d"), for lists within a span the document dates with its year once; the pattern
    /// itself when nothing is left.
    pub fn without_year(&self) -> String {
        let mut pattern = self.0.to_string();
        for year in ["%Y", "%y", "%G", "%C"] {
            pattern = pattern.replace(year, "");
        }
        let pattern = pattern.trim_matches([' ', '/', '-', '.', ',']).to_string();
        if pattern.contains('%') {
            pattern
        } else {
            self.0.to_string()
        }
    }

    /// The date with its weekday first, "Mon 18 Aug 2025", for days a reader will check
    /// against a calendar (the return from leave).
    pub fn show_day(&self, date: NaiveDate) -> String {
        format!("{}\u{a0}{}", date.format("%a"), self.show(date))
    }
}

/// The document for the formats that can set small print and show a full hash: Markdown,
/// HTML and PDF.
pub fn build(report: &Report, date_format: &str) -> Document {
    compose(report, date_format, Medium::Marked)
}

/// The document for plain text (an email's body): its integrity statement gives no hash and
/// says that the last line, which the writer adds, is the receipt.
pub fn build_plain(report: &Report, date_format: &str) -> Document {
    compose(report, date_format, Medium::Plain)
}

/// Where a document goes: marked-up formats, or plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Medium {
    Marked,
    Plain,
}

fn compose(report: &Report, date_format: &str, medium: Medium) -> Document {
    let dates = Dates(date_format);
    let purpose: Purpose = report.purpose.parse().unwrap_or(Purpose::Grievance);
    let period = format!(
        "{} to {}",
        dates.show(report.period.from),
        dates.show(report.period.to)
    );
    let (title, body) = match purpose {
        // A share is never a document (the CLI and the UI write it with report::share).
        Purpose::Grievance | Purpose::Share => {
            ("Formal grievance", grievance::blocks(report, &dates))
        }
        Purpose::Stress => (
            "Workload record for a stress risk assessment",
            stress::blocks(report, &dates),
        ),
        Purpose::Supervision => ("Supervision summary", supervision::blocks(report, &dates)),
        Purpose::Notice => ("Notice of workload", notice::blocks(report, &dates)),
    };
    let mut blocks: Vec<Block> = damage_warning(report, &dates).into_iter().collect();
    blocks.extend(body);
    blocks.extend(closing::closing(report, purpose, &dates, medium));
    blocks.extend(definitions::blocks(report, &dates, purpose));
    // Plain text ends with its own short line instead (`text::write`).
    if medium == Medium::Marked {
        blocks.push(Block::Record(format!(
            "Made from: {}. To check this file against the journal: `caseload verify --document FILE`.",
            report.made_from.line
        )));
    }
    let begin = report.period.records_begin.map_or_else(
        || "The journal has no records yet.".to_string(),
        |b| format!("The records begin on {}.", dates.show(b)),
    );
    Document {
        purpose,
        title: title.to_string(),
        subtitle: format!(
            "Period: {period}. {begin} Prepared {} from a dated, hash-chained personal work log (caseload).",
            dates.show(report.generated_at.date_naive())
        ),
        blocks,
    }
}
