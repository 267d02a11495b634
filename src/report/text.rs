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

/// A row's filled cells as "label: value", a cell under an empty label as itself first (the
/// row's own name: "Employee"), empty cells left out.
fn filled(header: &[String], row: &[String]) -> String {
    let mut named = Vec::new();
    let mut pairs = Vec::new();
    for (label, cell) in header.iter().zip(row) {
        let cell = cell.trim().replace('\n', " / ");
        match (label.trim().is_empty(), cell.is_empty()) {
            (_, true) => {}
            (true, false) => named.push(cell),
            (false, false) => pairs.push(format!("{label}: {cell}")),
        }
    }
    match (named.is_empty(), pairs.is_empty()) {
        (false, false) => format!("{}: {}", named.join(", "), pairs.join("; ")),
        (false, true) => named.join(", "),
        _ => pairs.join("; "),
    }
}

/// A table to complete by hand, as plain text to print: each row's first cell on a line (its
/// name: "Employee", "Hazard (HSE standard): Demands"), then each other cell on a line of its
/// own, labelled, with a line to write on where it is empty.
fn fill_in(header: &[String], rows: &[Vec<String>]) -> String {
    const WRITE_ON: &str = "________________________________________";
    let mut out = String::new();
    for row in rows {
        let mut cells = header.iter().zip(row);
        if let Some((label, cell)) = cells.next() {
            out.push_str(&format!(
                "{}\n",
                filled(std::slice::from_ref(label), std::slice::from_ref(cell))
            ));
        }
        for (label, cell) in cells {
            let cell = cell.trim().replace('\n', " / ");
            let cell = if cell.is_empty() { WRITE_ON } else { &cell };
            out.push_str(&format!("    {label}: {cell}\n"));
        }
        out.push('\n');
    }
    out
}

/// The journal's head as the v1 plain text gave it: its first 16 hex digits.
fn short_head(report: &Report) -> &str {
    let head = &report.made_from.head;
    &head[..head.len().min(16)]
}

fn render(doc: &Document, report: &Report, edition: Edition) -> String {
    // A warning comes first, before the title or an email's first line.
    let mut out: String = doc.warnings().map(|w| format!("{w}\n\n")).collect();
    // A notice is an email's body: its subject is the first line, not a title.
    if doc.purpose != Purpose::Notice {
        out.push_str(&format!("{}\n\n{}\n\n", doc.title, doc.subtitle));
    }
    for block in &doc.blocks {
        match block {
            Block::Warning(_) => {}
            Block::Heading(h) | Block::Subheading(h) => out.push_str(&format!("{h}\n\n")),
            Block::Para(p) | Block::Small(p) => out.push_str(&format!("{p}\n\n")),
            Block::Bullets(items) => {
                for i in items {
                    out.push_str(&format!("- {i}\n"));
                }
                out.push('\n');
            }
            Block::Table { header, rows } => {
                for row in rows {
                    out.push_str(&format!("- {}\n", filled(header, row)));
                }
                out.push('\n');
            }
            Block::FillIn { header, rows } => out.push_str(&fill_in(header, rows)),
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
