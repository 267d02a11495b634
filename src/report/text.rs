//! `--format txt`: plain text for the body of an email: no markup, no hash. The document's
//! integrity statement and its record of what it was made from become one line at the end,
//! with the journal's head shortened to 16 digits (`caseload verify --document` accepts it).

use super::Purpose;
use super::Report;
use super::document::{Block, Document, build};

pub fn write(report: &Report, date_format: &str) -> String {
    render(&build(report, date_format), report)
}

/// The record line with the head shortened, for the last line of a plain-text document.
pub fn short_record(report: &Report) -> String {
    let made = &report.made_from;
    let short = &made.head[..made.head.len().min(16)];
    made.line.replacen(&made.head, short, 1)
}

fn render(doc: &Document, report: &Report) -> String {
    let mut out = String::new();
    // A notice is an email's body: its subject is the first line, not a title.
    if doc.purpose != Purpose::Notice {
        out.push_str(&format!("{}\n\n{}\n\n", doc.title, doc.subtitle));
    }
    for block in &doc.blocks {
        match block {
            Block::Heading(h) | Block::Subheading(h) => out.push_str(&format!("{h}\n\n")),
            Block::Para(p) | Block::Small(p) => out.push_str(&format!("{p}\n\n")),
            Block::Bullets(items) => {
                for i in items {
                    out.push_str(&format!("- {i}\n"));
                }
                out.push('\n');
            }
            Block::Table { header, rows } | Block::FillIn { header, rows } => {
                for row in rows {
                    let cells: Vec<String> = header
                        .iter()
                        .zip(row)
                        .filter(|(_, c)| !c.trim().is_empty())
                        .map(|(h, c)| format!("{h}: {}", c.replace('\n', " / ")))
                        .collect();
                    out.push_str(&format!("- {}\n", cells.join("; ")));
                }
                out.push('\n');
            }
            Block::Chart(_) | Block::Record(_) => {}
            Block::ToComplete { title, prompt } => out.push_str(&format!(
                "{title} [to complete before sending: {prompt}]\n\n"
            )),
        }
    }
    if doc.purpose == Purpose::Notice {
        out.push_str(&format!("{}\n\n", doc.subtitle));
    }
    out.push_str(&format!("Made from: {}\n", short_record(report)));
    // A journal's control characters are shown, never sent, as in every writer.
    super::printable::printable(&out).into_owned()
}
