//! `--format html`: one self-contained page (no external requests), inline SVG charts, and a
//! print stylesheet.

use super::Report;
use super::document::{Block, Chart, Dates, Document, build};
use super::svg;

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in super::printable::printable(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // A note's line breaks (the only text that may hold them).
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; } h3 { font-size: 1.05rem; }
.subtitle { color: #555; margin-top: 0; }
.warning { color: #b3261e; border: 2px solid #b3261e; padding: 0.6em 0.8em; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: .25rem .4rem; text-align: left; vertical-align: top; }
p, li, h1, h2, h3 { overflow-wrap: anywhere; }
td.long { overflow-wrap: anywhere; }
th { background: #f1f3f5; }
tr:nth-child(even) td { background: #fafafa; }
figure { margin: 1rem 0; } figure svg { width: 100%; height: auto; } figcaption { font-size: .85rem; color: #555; }
table.fill { table-layout: fixed; } table.fill td { height: 2.6em; }
.complete { border: 2px dashed #b3261e; padding: .6rem .9rem; background: #fff8f6; }
.complete strong { color: #b3261e; }
small, .small { color: #444; font-size: .85rem; display: block; margin: .4rem 0; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; } table, figure { break-inside: auto; } tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .complete { background: none; }
  @page { margin: 18mm 15mm; }
}
"#;

pub fn write(report: &Report, date_format: &str) -> String {
    page(&build(report, date_format), Some(report), date_format)
}

/// A document not made from one journal's report (the team document).
pub fn write_document(doc: &Document, date_format: &str) -> String {
    page(doc, None, date_format)
}

fn page(doc: &Document, report: Option<&Report>, date_format: &str) -> String {
    let dates = Dates(date_format);
    // A warning comes before the title: the first thing a reader sees.
    let mut body: String = doc
        .warnings()
        .map(|w| {
            format!(
                "<p class=\"warning\" role=\"alert\"><strong>{}</strong></p>\n",
                escape(w)
            )
        })
        .collect();
    body.push_str(&format!(
        "<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n",
        escape(&doc.title),
        escape(&doc.subtitle)
    ));
    for block in &doc.blocks {
        match block {
            Block::Warning(_) => {}
            Block::Heading(h) => body.push_str(&format!("<h2>{}</h2>\n", escape(h))),
            Block::Subheading(h) => body.push_str(&format!("<h3>{}</h3>\n", escape(h))),
            Block::Para(p) => body.push_str(&format!("<p>{}</p>\n", escape(p))),
            Block::Small(p) | Block::Record(p) => body.push_str(&format!("<p class=\"small\">{}</p>\n", escape(p))),
            Block::Bullets(items) => {
                body.push_str("<ul>\n");
                for i in items {
                    body.push_str(&format!("<li>{}</li>\n", escape(i)));
                }
                body.push_str("</ul>\n");
            }
            Block::Table { header, rows } | Block::FillIn { header, rows } => {
                let class = if matches!(block, Block::FillIn { .. }) {
                    " class=\"fill\""
                } else {
                    ""
                };
                body.push_str(&format!("<table{class}>\n"));
                body.push_str("<thead><tr>");
                for h in header {
                    body.push_str(&format!("<th>{}</th>", escape(h)));
                }
                body.push_str("</tr></thead>\n<tbody>\n");
                // The flags column is bold, as in the PDF: what a reader looks for first.
                let strong: Vec<bool> = header
                    .iter()
                    .map(|h| h.eq_ignore_ascii_case("flags"))
                    .collect();
                for row in rows {
                    body.push_str("<tr>");
                    for (i, c) in row.iter().enumerate() {
                        // Only a cell holding a very long word may break anywhere: on every
                        // cell it lets the table squeeze its columns, so dates broke.
                        let long = c.split_whitespace().any(|w| w.chars().count() > 40);
                        if long {
                            body.push_str(&format!("<td class=\"long\">{}</td>", escape(c)));
                        } else if strong.get(i) == Some(&true) && !c.is_empty() {
                            body.push_str(&format!("<td><strong>{}</strong></td>", escape(c)));
                        } else {
                            body.push_str(&format!("<td>{}</td>", escape(c)));
                        }
                    }
                    body.push_str("</tr>\n");
                }
                body.push_str("</tbody>\n</table>\n");
            }
            Block::Chart(Chart::Band(band)) => body.push_str(&svg::band(band, &dates)),
            Block::Chart(chart) => {
                if let Some(chart) = report.and_then(|r| super::chart::of(chart, r, &dates)) {
                    body.push_str(&super::svg_chart::chart(&chart));
                }
            }
            Block::ToComplete { title, prompt } => body.push_str(&format!(
                "<h2>{}</h2>\n<div class=\"complete\"><p><strong>To complete before sending.</strong> {}</p><p>&nbsp;</p></div>\n",
                escape(title),
                escape(prompt)
            )),
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(&doc.title)
    )
}
