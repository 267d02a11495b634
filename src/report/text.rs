//! `--format txt`: plain text for the body of an email: no markup, no hash. The document's
//! integrity statement is a paragraph as in every format (in its plain wording), and the last
//! line is the short record of what it was made from, which is also its receipt
//! ([`super::plain_record`]).

use super::Purpose;
use super::Report;
use super::document::{Block, Document, build, build_plain};

pub fn write(report: &Report, date_format: &str) -> String {
    render(&build_plain(report, date_format), report, Edition::Short)
}

/// A plain text as caseload wrote it before the short line: the marked-up document's
/// integrity statement with its head shortened to 16 digits and its code marks taken out, and
/// `Made from: ` and the full `caseload-document v1` line (head shortened) at the end. Made
/// only so that `caseload verify --document` can still check a text sent then; its receipt
/// does not verify (its head is shortened), which is why the short line replaced it.
pub fn write_v1(report: &Report, date_format: &str) -> String {
    render(&build(report, date_format), report, Edition::V1)
}

/// Which plain text: today's, or the one a `caseload-document v1` line ended.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edition {
    Short,
    V1,
}

/// The last line: the short record, to the second when a record was written later than the
/// document was prepared (the integrity statement names it, so the moment matters).
pub fn short_record(report: &Report) -> String {
    let later = !report.integrity.time_order.later_than_read.is_empty();
    report.made_from.short_line(later)
}

/// The journal's head as the v1 plain text gave it: its first 16 hex digits.
fn short_head(report: &Report) -> &str {
    let head = &report.made_from.head;
    &head[..head.len().min(16)]
}

fn render(doc: &Document, report: &Report, edition: Edition) -> String {
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
            Block::Record(statement) if edition == Edition::Short => {
                out.push_str(&format!("{statement}\n\n"));
            }
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
    match edition {
        Edition::Short => out.push_str(&format!("{}\n", short_record(report))),
        Edition::V1 => out.push_str(&format!(
            "Made from: {}\n",
            report
                .made_from
                .line
                .replacen(&report.made_from.head, short_head(report), 1)
        )),
    }
    // A journal's control characters are shown, never sent, as in every writer.
    super::printable::printable(&out).into_owned()
}
