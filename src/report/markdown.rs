//! `--format md`: clean Markdown for an email or a letter, with no HTML in it.
//!
//! Every piece of text is escaped before it is written, the document's own sentences and the
//! user's notes alike (a note is inside a sentence or a table cell, so they cannot be told
//! apart here): a note `</td></tr></table><h1>X</h1>`, `![i](http://host/x.png)` (a remote
//! image: a tracking beacon), `<script>`, `*emphasis*` or a table pipe reads, rendered, as the
//! characters typed. Backslash escapes are CommonMark's own, so any renderer shows the text.

use super::Report;
use super::document::{Block, Chart, Dates, Document, build};

/// Characters that start markup anywhere in a line: HTML and autolinks (`<`), entities (`&`),
/// links and images (`[`, `]`, `!`), emphasis (`*`, `_`), strikethrough (`~`), code
/// (`` ` ``), table cells (`|`) and the escape itself.
const INLINE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '&', '!', '|', '~'];

/// Text for Markdown: every character that could become markup is backslash-escaped, and a
/// line that would open a block (a heading `#`, a list `-`/`+`/`1.`, a quote, a setext
/// underline `=`, an indented code block) has its first character escaped or its indent
/// removed. Line breaks become hard breaks.
pub fn escape(text: &str) -> String {
    let text = super::printable::printable(text);
    let mut out = String::with_capacity(text.len() + 8);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push_str("\\\n");
        }
        escape_line(line.trim_start_matches([' ', '\t']), &mut out);
    }
    out
}

/// The byte offsets of the brackets of the document's own marks, "[to complete: your name]",
/// which are written unescaped (a reader should not see `\[`). Only where they cannot form a
/// link: no bracket inside, and no `(`, `[` or `:` after the closing one (an inline link, a
/// full reference, a reference definition); every other bracket is escaped, so no reference
/// definition exists for the mark to name. A note that types the same words reads the same
/// and, for the same reasons, is no link either.
fn own_marks(line: &str) -> Vec<usize> {
    const MARK: &str = "[to complete: ";
    let mut at = Vec::new();
    let mut from = 0;
    while let Some(start) = line[from..].find(MARK).map(|p| p + from) {
        let inner = start + 1;
        let Some(end) = line[inner..].find(['[', ']']).map(|p| p + inner) else {
            break;
        };
        let after = line[end + 1..].chars().next();
        if line.as_bytes()[end] == b']' && !matches!(after, Some('(' | '[' | ':')) {
            at.extend([start, end]);
        }
        from = end;
    }
    at
}

fn escape_line(line: &str, out: &mut String) {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let marks = own_marks(line);
    for (i, c) in line.char_indices() {
        if marks.contains(&i) {
            out.push(c);
            continue;
        }
        let opens_block = i == 0 && matches!(c, '#' | '-' | '+' | '=' | '>');
        // "1. " opens an ordered list; "47.8" does not.
        let ends_number = i == digits
            && i > 0
            && matches!(c, '.' | ')')
            && line[i + 1..]
                .chars()
                .next()
                .is_none_or(|n| n == ' ' || n == '\t');
        if INLINE.contains(&c) || opens_block || ends_number {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A table cell: escaped, a note's paragraphs joined by ` ¶ ` (a Markdown table has no line
/// break without HTML), as `caseload list notes` shows them.
fn cell(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').filter(|l| !l.trim().is_empty()).collect();
    escape(&lines.join(" ¶ "))
}

/// A heading's text: on one line.
fn one_line(text: &str) -> String {
    escape(&text.replace('\n', " "))
}

pub fn write(report: &Report, date_format: &str) -> String {
    render(&build(report, date_format), Some((report, date_format)))
}

/// A document not made from one journal's report (the team document).
pub fn write_document(doc: &Document) -> String {
    render(doc, None)
}

fn render(doc: &Document, report: Option<(&Report, &str)>) -> String {
    // A warning comes before the title: the first thing a reader sees.
    let mut out: String = doc
        .warnings()
        .map(|w| format!("> **{}**\n\n", escape(w).replace('\n', "\n> ")))
        .collect();
    out.push_str(&format!(
        "# {}\n\n_{}_\n\n",
        one_line(&doc.title),
        one_line(&doc.subtitle)
    ));
    for block in &doc.blocks {
        match block {
            Block::Warning(_) => {}
            Block::Heading(h) => out.push_str(&format!("## {}\n\n", one_line(h))),
            Block::Subheading(h) => out.push_str(&format!("### {}\n\n", one_line(h))),
            Block::Para(p) | Block::Small(p) | Block::Record(p) => {
                out.push_str(&format!("{}\n\n", escape(p)));
            }
            Block::Bullets(items) => {
                for i in items {
                    // A continuation line is indented under its bullet.
                    out.push_str(&format!("- {}\n", escape(i).replace('\n', "\n  ")));
                }
                out.push('\n');
            }
            Block::Table { header, rows } | Block::FillIn { header, rows } => {
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
            Block::Chart(chart) => {
                if let Some(text) = chart_text(chart, report) {
                    out.push_str(&format!("_{}_\n\n", escape(&text)));
                }
            }
            Block::ToComplete { title, prompt } => {
                out.push_str(&format!(
                    "## {}\n\n> **To complete before sending.** {}\n>\n> ...\n\n",
                    one_line(title),
                    escape(prompt).replace('\n', "\n> ")
                ));
            }
        }
    }
    out
}

/// What a chart shows, in words: its text alternative (the HTML and PDF versions draw it).
fn chart_text(chart: &Chart, report: Option<(&Report, &str)>) -> Option<String> {
    match chart {
        Chart::Band(band) => Some(format!(
            "{} The HTML and PDF versions chart this.",
            band.description
        )),
        // The monthly figures are in the table beside it.
        Chart::StressTrend => None,
        chart => {
            let (report, date_format) = report?;
            let chart = super::chart::of(chart, report, &Dates(date_format))?;
            Some(format!(
                "{} The HTML and PDF versions chart this.",
                chart.alt
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_is_escaped_and_plain_text_stays_readable() {
        assert_eq!(escape("Case 12 on 3 Aug."), "Case 12 on 3 Aug.");
        assert_eq!(escape("47.8 to 53"), "47.8 to 53");
        assert_eq!(escape("2) second"), "2\\) second");
        assert_eq!(escape("<h1>X</h1>"), "\\<h1\\>X\\</h1\\>");
        assert_eq!(escape("![i](http://h/x.png)"), "\\!\\[i\\](http://h/x.png)");
        assert_eq!(
            escape("# no\n- list\n1. item"),
            "\\# no\\\n\\- list\\\n1\\. item"
        );
        assert_eq!(escape("    code"), "code");
        assert_eq!(escape("a | b *c* _d_"), "a \\| b \\*c\\* \\_d\\_");
        assert_eq!(escape("x\u{1b}[2J"), "x^\\[\\[2J");
    }

    /// Every link, image and HTML event a CommonMark renderer finds in `md`.
    fn markup(md: &str) -> Vec<String> {
        use pulldown_cmark::{Event, Parser, Tag};
        Parser::new(md)
            .filter_map(|e| match e {
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    Some(dest_url.to_string())
                }
                Event::Html(h) | Event::InlineHtml(h) => Some(h.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_documents_own_marks_are_plain_brackets_that_never_form_a_link() {
        assert_eq!(
            escape("Dear [to complete: your manager's name],"),
            "Dear [to complete: your manager's name],"
        );
        // Text inside is still escaped; a mark that a link could be made of is escaped whole.
        assert_eq!(escape("[to complete: *x*]"), "[to complete: \\*x\\*]");
        for hostile in [
            "[to complete: x](http://host/x)",
            "![to complete: x](http://host/x.png)",
            "[to complete: x][r]\n[r]: http://host/",
            "[to complete: x]\n[to complete: x]: http://host/",
            "[to complete: [x](http://host/)]",
            "[to complete: x]: http://host/\n[to complete: x]",
            "<[to complete: x]>",
        ] {
            let md = escape(hostile);
            assert!(markup(&md).is_empty(), "{hostile:?} gave {md:?}");
        }
    }
}
