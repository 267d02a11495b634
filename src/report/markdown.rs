//! `--format md`: clean Markdown for an email or a letter.

use super::Report;
use super::document::{Block, Chart, Document, build};

/// A table cell: a note's line breaks become `<br>`, which Markdown tables render.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

pub fn write(report: &Report, date_format: &str) -> String {
    render(&build(report, date_format), Some(report))
}

/// A document not made from one journal's report (the team document).
pub fn write_document(doc: &Document) -> String {
    render(doc, None)
}

fn render(doc: &Document, report: Option<&Report>) -> String {
    let mut out = format!("# {}\n\n_{}_\n\n", doc.title, doc.subtitle);
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => out.push_str(&format!("## {h}\n\n")),
            Block::Subheading(h) => out.push_str(&format!("### {h}\n\n")),
            Block::Para(p) => out.push_str(&format!("{p}\n\n")),
            Block::Small(p) => out.push_str(&format!("<small>{p}</small>\n\n")),
            Block::Bullets(items) => {
                for i in items {
                    out.push_str(&format!("- {i}\n"));
                }
                out.push('\n');
            }
            Block::Table { header, rows } => {
                out.push_str(&format!(
                    "| {} |\n",
                    header
                        .iter()
                        .map(|h| cell(h))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ));
                out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                for row in rows {
                    out.push_str(&format!(
                        "| {} |\n",
                        row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
                    ));
                }
                out.push('\n');
            }
            Block::Chart(Chart::Caseload) => {
                let Some(report) = report else { continue };
                let peak = report
                    .series
                    .weeks
                    .iter()
                    .map(|w| w.open)
                    .max()
                    .unwrap_or(0);
                out.push_str(&format!(
                    "_Open cases by week: from {} to {}, highest {} (limit {}). The HTML and PDF versions chart this._\n\n",
                    report.caseload.open_at_start, report.caseload.open_at_end, peak, report.caseload.limit
                ));
            }
            Block::Chart(Chart::Hours) => {}
            Block::Chart(Chart::Band(band)) => out.push_str(&format!(
                "_{} The HTML and PDF versions chart this._\n\n",
                band.description
            )),
            Block::ToComplete { title, prompt } => {
                out.push_str(&format!(
                    "## {title}\n\n> **To complete before sending.** {prompt}\n>\n> ...\n\n"
                ));
            }
        }
    }
    out
}
