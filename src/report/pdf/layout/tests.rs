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

#[test]
fn a_table_header_never_ends_a_page_without_its_first_row() {
    // Enough paragraphs to bring the table near the foot of the first page, then a table
    // whose rows are several lines tall (as a fill-in table's are).
    let mut blocks: Vec<Block> = (0..200)
        .map(|i| Block::Para(format!("Paragraph {i}: a line of text.")))
        .collect();
    let tall = "\n\n\n".to_string();
    blocks.push(Block::Table {
        header: ["Item", "Agreed"].map(String::from).to_vec(),
        rows: (0..4)
            .map(|i| vec![format!("Row {i} {tall}"), String::new()])
            .collect(),
    });
    for filler in 0..60 {
        let doc = Document {
            purpose: crate::report::Purpose::Supervision,
            title: "T".into(),
            subtitle: "S".into(),
            blocks: blocks[200 - filler.min(200)..].to_vec(),
        };
        for page in lay_out(&doc, None, &Dates("%d %b %Y")).pages {
            let words: Vec<String> = page
                .into_iter()
                .filter_map(|p| match p.op {
                    Op::Text { text, .. } | Op::Strong { text, .. } => Some(text),
                    _ => None,
                })
                .collect();
            let first_header = words.iter().position(|w| w == "Agreed");
            if let Some(at) = first_header {
                assert!(
                    words[at..].iter().any(|w| w.starts_with("Row")),
                    "a page ends with the header alone ({filler} paragraphs before): {words:?}"
                );
            }
        }
    }
}

#[test]
fn a_warning_is_laid_out_first_above_the_title_and_in_bold() {
    let doc = Document {
        purpose: crate::report::Purpose::Notice,
        title: "Notice of workload".into(),
        subtitle: "S".into(),
        blocks: vec![
            Block::Warning("WARNING: THE JOURNAL IS DAMAGED at line 9.".into()),
            Block::Para("Dear manager,".into()),
        ],
    };
    let texts = texts(&doc);
    assert_eq!(
        texts[0],
        (
            "WARNING: THE JOURNAL IS DAMAGED at line 9.".to_string(),
            true
        )
    );
    assert_eq!(texts[1], ("Notice of workload".to_string(), false));
    assert_eq!(
        texts.iter().filter(|(t, _)| t.contains("DAMAGED")).count(),
        1,
        "once"
    );
}
