//! `caseload team --format csv`: the team model as one table, for a spreadsheet: a row per
//! figure (distribution, members affected, total, or why it is withheld), then a row per week
//! and series (median and quartiles). Every cell is caseload's own text or a number, but a
//! share's id comes from someone else's file: every text cell goes through the report CSV's
//! rule (a journal's control characters shown, a formula neutralised), numbers as they are.

use super::combine::{FigureOut, Team};
use super::stats::Band;
use crate::report::printable::{neutralise, printable};

const HEADER: [&str; 13] = [
    "section", "key", "label", "week", "members", "median", "q1", "q3", "low", "high", "affected",
    "total", "withheld",
];

/// The text columns: section, key, label, week and withheld (the rest are numbers).
const TEXT_COLUMNS: [usize; 5] = [0, 1, 2, 3, 12];

/// A cell as written: text by the report CSV's rule, a number as it is (a negative figure
/// is a number, not a formula).
fn cell(column: usize, value: String) -> String {
    if TEXT_COLUMNS.contains(&column) {
        neutralise(&printable(&value)).into_owned()
    } else {
        value
    }
}

pub fn write(team: &Team) -> Vec<u8> {
    let mut out = ::csv::Writer::from_writer(Vec::new());
    let num = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
    let mut row = |cells: [String; 13]| {
        let cells = cells.into_iter().enumerate().map(|(i, c)| cell(i, c));
        out.write_record(cells).expect("writing to memory");
    };
    row(HEADER.map(String::from));
    let figure = |section: &str, f: &FigureOut| {
        let d = f.distribution;
        let a = f.affected.as_ref();
        [
            section.to_string(),
            f.key.to_string(),
            f.label.to_string(),
            String::new(),
            f.members.to_string(),
            num(d.map(|d| d.median)),
            num(d.map(|d| d.q1)),
            num(d.map(|d| d.q3)),
            num(d.and_then(|d| d.low)),
            num(d.and_then(|d| d.high)),
            a.and_then(|a| a.members)
                .map_or_else(String::new, |m| m.to_string()),
            num(a.and_then(|a| a.total)),
            f.withheld
                .clone()
                .or_else(|| a.and_then(|a| a.withheld.clone()))
                .unwrap_or_default(),
        ]
    };
    for f in &team.settings {
        row(figure("setting", f));
    }
    for f in &team.figures {
        row(figure("figure", f));
    }
    row(figure("figure", &team.notes));
    for s in &team.standards {
        row(figure("notes_by_standard", &s.notes));
    }
    for w in &team.weeks {
        for (key, band) in [
            ("open", w.open),
            ("capacity_percent", w.capacity_percent),
            ("hours", w.hours),
        ] {
            let b: Option<Band> = band;
            row([
                "week".into(),
                key.into(),
                String::new(),
                w.week.clone(),
                w.members.to_string(),
                num(b.map(|b| b.median)),
                num(b.map(|b| b.q1)),
                num(b.map(|b| b.q3)),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                if b.is_none() {
                    format!("withheld: fewer than {} members", team.min_members)
                } else {
                    String::new()
                },
            ]);
        }
    }
    for s in &team.shares {
        row([
            "share".into(),
            s.share_id.clone(),
            String::new(),
            format!("{}..{}", s.first_week, s.last_week),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    out.into_inner().expect("writing to memory")
}

#[cfg(test)]
mod tests {
    use super::{HEADER, TEXT_COLUMNS, cell};

    #[test]
    fn text_cells_are_neutralised_as_in_the_report_csv_and_numbers_kept() {
        assert_eq!(
            TEXT_COLUMNS.map(|c| HEADER[c]),
            ["section", "key", "label", "week", "withheld"]
        );
        for formula in ["=HYPERLINK(\"http://x\",\"y\")", "+2", "-x", "@SUM(A1)"] {
            let written = cell(1, formula.to_string());
            assert_eq!(written, format!("'{formula}"));
        }
        // A tab or carriage return first is shown as its escape, which starts no formula.
        assert_eq!(cell(3, "\tx".into()), "\\tx");
        assert_eq!(cell(1, "a\u{1b}[2J".into()), "a^[[2J");
        assert_eq!(cell(5, "-3.5".into()), "-3.5");
        assert_eq!(cell(2, "Open cases".into()), "Open cases");
    }
}
