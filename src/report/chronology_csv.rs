//! `--format csv`: the chronology, one row per dated item: `date,type,case,detail,flags`,
//! and a last row (type `document`) saying what the file was made from.
//! RFC 4180 quoting by the csv crate; UTF-8 with a byte-order mark so that Excel reads the
//! accents and symbols correctly (LibreOffice ignores it).
//!
//! A note is the user's own text, and a spreadsheet runs a cell that begins with `=`, `+`,
//! `-` or `@` as a formula (`=HYPERLINK(...)`, or "+2 cases today" shown as `#NAME?`); a tab
//! or carriage return first can do the same after Excel trims it. Such a cell is neutralised
//! as OWASP's "CSV injection" guidance describes: a single quote before it (shown by the
//! spreadsheet as text, the quote itself hidden) and the cell in double quotes. Every data
//! row is quoted alike, so that a neutralised cell does not stand out from its neighbours.

use super::Report;

pub use super::printable::neutralise;

pub fn write(report: &Report) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut header = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        header
            .write_record(["date", "type", "case", "detail", "flags"])
            .expect("writing to memory");
        header.flush().expect("writing to memory");
    }
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Always)
            .from_writer(&mut out);
        for item in &report.detail.chronology {
            let flags = item.flags.join("; ");
            // ISO dates, whatever `display.date_format` says: a spreadsheet sorts them.
            let date = item.date.to_string();
            let row = [
                date.as_str(),
                item.kind,
                item.case.as_deref().unwrap_or(""),
                &item.detail,
                &flags,
            ];
            w.write_record(
                row.map(|cell| neutralise(&super::printable::printable(cell)).into_owned()),
            )
            .expect("writing to memory");
        }
        // Last, what the file was made from, for `caseload verify --document`.
        w.write_record([
            &report.made_from.prepared.date_naive().to_string(),
            "document",
            "",
            &report.made_from.line,
            "",
        ])
        .expect("writing to memory");
        w.flush().expect("writing to memory");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn a_cell_a_spreadsheet_would_run_is_made_text() {
        for cell in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+2 cases today",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(neutralise(cell), format!("'{cell}"));
        }
        for cell in ["2 cases", "Case 1", "", "a=b", " =x", "'quoted"] {
            assert_eq!(neutralise(cell), cell);
        }
    }
}
