//! `--format txt`: plain text for the body of an email: no markup, no full hash. The document's
//! integrity statement is a paragraph as in every format, and its record of what it was made
//! from is one line at the end, the journal's head shortened to 16 digits in both
//! (`caseload verify --document` accepts it).

use super::Purpose;
use super::Report;
use super::document::{Block, Document, build};

pub fn write(report: &Report, date_format: &str) -> String {
    render(&build(report, date_format), report)
}

/// The record line with the head shortened, for the last line of a plain-text document.
pub fn short_record(report: &Report) -> String {
    let made = &report.made_from;
    made.line.replacen(&made.head, short_head(report), 1)
}

/// The journal's head as the plain text gives it: its first 16 hex digits.
fn short_head(report: &Report) -> &str {
    let head = &report.made_from.head;
    &head[..head.len().min(16)]
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
            // The integrity statement stays: it is where a damaged chain is said, and where the
            // receipt and the share of records written at the time are. Only its 64-digit head
            // is shortened, as on the last line.
            // The record of what it was made from is the last line instead.
            Block::Record(made) if made.contains(&report.made_from.line) => {}
            Block::Record(statement) => out.push_str(&format!(
                "{}\n\n",
                statement
                    .replace(&report.integrity.head, short_head(report))
                    .replace('`', "")
                    .replace(" \"<receipt>\"", " followed by the receipt")
            )),
            Block::Chart(_) => {}
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
