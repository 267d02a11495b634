//! `--format csv`: the chronology, one row per dated item: `date,type,case,detail,flags`,
//! and a last row (type `document`) saying what the file was made from.
//! RFC 4180 quoting by the csv crate; UTF-8 with a byte-order mark so that Excel reads the
//! accents and symbols correctly (LibreOffice ignores it).

use super::Report;

pub fn write(report: &Report) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(["date", "type", "case", "detail", "flags"])
            .expect("writing to memory");
        for item in &report.detail.chronology {
            w.write_record([
                item.date.as_str(),
                item.kind,
                item.case.as_deref().unwrap_or(""),
                &item.detail,
                &item.flags.join("; "),
            ])
            .expect("writing to memory");
        }
        // Last, what the file was made from, for `caseload verify --document`.
        w.write_record([
            &report.made_from.prepared[..10],
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
