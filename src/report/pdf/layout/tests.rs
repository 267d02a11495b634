use super::{Op, lay_out};
use crate::report::document::{Block, Dates, Document};

fn texts(doc: &Document) -> Vec<(String, bool)> {
    lay_out(doc, None, &Dates("%d %b %Y"))
        .pages
        .into_iter()
        .flatten()
        .filter_map(|p| match p.op {
            Op::Text { text, .. } => Some((text, false)),
            Op::Strong { text, .. } => Some((text, true)),
            _ => None,
        })
        .collect()
}

#[test]
fn short_cells_never_wrap_flags_are_bold_and_a_long_word_is_broken_to_fit() {
    let long = "Overlong".repeat(50);
    let detail =
        format!("{long} and a long detail that needs a great deal of room to be read ").repeat(3);
    let doc = Document {
        purpose: crate::report::Purpose::Grievance,
        title: "T".into(),
        subtitle: "S".into(),
        blocks: vec![Block::Table {
            header: ["Date", "What", "Case", "Detail", "Flags"]
                .map(String::from)
                .to_vec(),
            rows: vec![
                [
                    "20\u{a0}Nov\u{a0}2026",
                    "allocated",
                    "Case 12",
                    &detail,
                    "allocated without discussion; allocated during annual leave",
                ]
                .map(String::from)
                .to_vec(),
            ],
        }],
    };
    let texts = texts(&doc);
    assert!(texts.contains(&("Case 12".to_string(), false)), "{texts:?}");
    assert!(texts.contains(&("allocated".to_string(), false)));
    assert!(
        texts
            .iter()
            .any(|(t, bold)| *bold && t.starts_with("allocated without"))
    );
    assert!(
        !texts.iter().any(|(t, bold)| *bold && t == "Flags"),
        "the header is not bold"
    );
    // Every piece of the long word fits the page: none is wider than the table.
    let m = super::Metrics::get();
    let table = super::PAGE_W - 2.0 * super::MARGIN;
    for (t, _) in &texts {
        assert!(m.width(t, super::TABLE) < table * 0.8, "{t} is too wide");
    }
    let pieces: String = texts
        .iter()
        .flat_map(|(t, _)| t.split_whitespace())
        .filter(|t| t.chars().all(|c| "Overlong".contains(c)))
        .collect();
    assert!(pieces.contains(&long));
}
