//! Laying the document blocks out on A4 pages: wrapped text, tables that break across pages
//! with their header repeated, the caseload chart. Every piece drawn says which element of the
//! document's structure it belongs to (or none: decoration), for the tagged PDF.

use super::structure::{Kind, Structure};
use crate::report::document::{Block, Chart, Dates, Document, supervision};
use crate::report::{Purpose, Report};
use std::sync::OnceLock;

mod band;
mod chart;
mod table;
#[cfg(test)]
mod tests;

/// DejaVu Sans (Bitstream Vera licence, see assets/fonts/DejaVuSans-LICENSE.txt).
pub const FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold, the same family and licence, for flags.
pub const BOLD_FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

pub const PAGE_W: f32 = 595.0;
pub const PAGE_H: f32 = 842.0;
pub const MARGIN: f32 = 50.0;
const BOTTOM: f32 = PAGE_H - 60.0;
/// A one-page document's top and bottom: a little closer to the edges (the footer stays).
const ONE_PAGE_TOP: f32 = 40.0;
const ONE_PAGE_BOTTOM: f32 = PAGE_H - 50.0;
const BODY: f32 = 9.5;
pub const SMALL: f32 = 7.5;
const TABLE: f32 = 7.5;

pub type Colour = (u8, u8, u8);
const INK: Colour = (27, 27, 27);
pub const MUTED: Colour = (85, 85, 85);
const ACCENT: Colour = (31, 95, 168);
const ALERT: Colour = (179, 38, 30);
const RULE: Colour = (200, 200, 200);
const SHADE: Colour = (241, 243, 245);

/// Something to draw, in points from the top-left of a page.
pub enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        colour: Colour,
        text: String,
    },
    /// Text in bold (a flag).
    Strong {
        x: f32,
        y: f32,
        size: f32,
        colour: Colour,
        text: String,
    },
    Fill {
        rect: (f32, f32, f32, f32),
        colour: Colour,
    },
    Line {
        points: Vec<(f32, f32)>,
        width: f32,
        colour: Colour,
        dashed: bool,
    },
    /// A line with its own dash pattern (on, off, ... in points; empty: solid).
    Dashes {
        points: Vec<(f32, f32)>,
        width: f32,
        colour: Colour,
        array: Vec<f32>,
    },
}

/// An op and the structure element it belongs to (`None`: decoration, an artifact).
pub struct Placed {
    pub op: Op,
    pub element: Option<usize>,
}

/// Advance widths of the embedded font, for wrapping and table columns.
struct Metrics {
    face: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

impl Metrics {
    fn get() -> &'static Metrics {
        static METRICS: OnceLock<Metrics> = OnceLock::new();
        METRICS.get_or_init(|| Metrics {
            face: ttf_parser::Face::parse(FONT, 0).expect("the embedded font parses"),
            bold: ttf_parser::Face::parse(BOLD_FONT, 0).expect("the embedded font parses"),
        })
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        self.width_in(text, size, false)
    }

    fn width_in(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = if bold { &self.bold } else { &self.face };
        let per_em = f32::from(face.units_per_em());
        let units: f32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(per_em * 0.6, f32::from)
            })
            .sum();
        units * size / per_em
    }

    /// Splits text into lines no wider than `width`: at a note's line breaks, then at spaces
    /// (or anywhere in a word longer than a line).
    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        self.wrap_in(text, size, width, false)
    }

    fn wrap_in(&self, text: &str, size: f32, width: f32, bold: bool) -> Vec<String> {
        crate::report::printable::printable(text)
            .split('\n')
            .flat_map(|paragraph| self.wrap_line(paragraph, size, width, bold))
            .collect()
    }

    fn wrap_line(&self, text: &str, size: f32, width: f32, bold: bool) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split(' ') {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.width_in(&candidate, size, bold) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if self.width_in(&piece, size, bold) > width && piece.chars().count() > 1 {
                    let last = piece.pop().expect("non-empty");
                    lines.push(std::mem::take(&mut piece));
                    piece.push(last);
                }
            }
            line = piece;
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}

/// The width of `text` in the embedded font at `size` points.
pub fn text_width(text: &str, size: f32) -> f32 {
    Metrics::get().width(text, size)
}

struct Layout<'a> {
    pages: Vec<Vec<Placed>>,
    y: f32,
    m: &'a Metrics,
    structure: Structure,
    /// The element that text and graphics drawn now belong to.
    current: Option<usize>,
    outline: Vec<Bookmark>,
    /// How much the text is scaled: below 1 for a one-page document that would not fit.
    scale: f32,
    /// A notice or a supervision summary, laid out to fit one page.
    one_page: bool,
}

/// A heading's place, for the PDF's outline (bookmarks).
pub struct Bookmark {
    pub title: String,
    pub page: usize,
    pub y: f32,
}

/// The laid-out document: pages of ops, the structure they belong to, the outline.
pub struct Laid {
    pub pages: Vec<Vec<Placed>>,
    pub structure: Structure,
    pub outline: Vec<Bookmark>,
}

impl Layout<'_> {
    /// Where a page's content starts.
    fn top(&self) -> f32 {
        if self.one_page { ONE_PAGE_TOP } else { MARGIN }
    }

    /// Where a page's content must end.
    fn bottom(&self) -> f32 {
        if self.one_page {
            ONE_PAGE_BOTTOM
        } else {
            BOTTOM
        }
    }

    /// A text size at this layout's scale.
    fn size(&self, size: f32) -> f32 {
        size * self.scale
    }

    /// Draws `op` on the current page, as part of the current element.
    fn push(&mut self, op: Op) {
        let element = self.current;
        self.push_as(op, element);
    }

    fn push_as(&mut self, op: Op, element: Option<usize>) {
        self.pages
            .last_mut()
            .expect("a page")
            .push(Placed { op, element });
    }

    /// Starts an element; what is drawn next belongs to it.
    fn begin(&mut self, kind: Kind, parent: Option<usize>) -> usize {
        let id = self.structure.add(kind, parent);
        self.current = Some(id);
        id
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.top();
    }

    /// Starts a new page unless `height` more points fit on this one.
    fn need(&mut self, height: f32) {
        if self.y + height > self.bottom() {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, size: f32, colour: Colour, text: &str) {
        let y = self.y + size;
        self.push(Op::Text {
            x,
            y,
            size,
            colour,
            text: text.to_string(),
        });
    }

    fn paragraph(&mut self, text: &str, size: f32, colour: Colour, indent: f32) {
        let line_height = size * 1.35;
        for line in self.m.wrap(text, size, PAGE_W - 2.0 * MARGIN - indent) {
            self.need(line_height);
            self.text(MARGIN + indent, size, colour, &line);
            self.y += line_height;
        }
        self.y += size * 0.5;
    }

    /// A paragraph in bold (a warning).
    fn strong_paragraph(&mut self, text: &str, size: f32, colour: Colour) {
        let line_height = size * 1.35;
        for line in self.m.wrap_in(text, size, PAGE_W - 2.0 * MARGIN, true) {
            self.need(line_height);
            self.push(Op::Strong {
                x: MARGIN,
                y: self.y + size,
                size,
                colour,
                text: line,
            });
            self.y += line_height;
        }
        self.y += size * 0.8;
    }

    fn heading(&mut self, text: &str, size: f32, colour: Colour) {
        self.need(size * 2.0 + 40.0);
        self.y += size * 0.6;
        self.bookmark(text);
        self.begin(Kind::Heading(2, text.to_string()), None);
        self.paragraph(text, size, colour, 0.0);
        let y = self.y - size * 0.3;
        self.push_as(
            Op::Line {
                points: vec![(MARGIN, y), (PAGE_W - MARGIN, y)],
                width: 0.5,
                colour: RULE,
                dashed: false,
            },
            None,
        );
        self.y += 2.0;
    }

    fn bookmark(&mut self, title: &str) {
        self.outline.push(Bookmark {
            title: title.to_string(),
            page: self.pages.len() - 1,
            y: self.y,
        });
    }

    /// A paragraph of its own at the top level.
    fn para(&mut self, text: &str, size: f32, colour: Colour) {
        self.begin(Kind::Para, None);
        self.paragraph(text, size, colour, 0.0);
    }
}

/// How far a one-page document's text may shrink to stay on one page: to 80%, a body of
/// 7.6 points. A document that does not fit even then takes two pages, whole: complete beats
/// short.
const ONE_PAGE_SCALES: [f32; 5] = [1.0, 0.95, 0.9, 0.85, 0.8];

/// The pages' content, and the document structure it belongs to. A notice and a supervision
/// summary are one page: their text is set smaller, a step at a time, until it fits.
pub fn lay_out(doc: &Document, report: Option<&Report>, dates: &Dates) -> Laid {
    let one_page = matches!(doc.purpose, Purpose::Notice | Purpose::Supervision);
    if !one_page {
        return lay_out_at(doc, report, dates, None);
    }
    let mut laid = lay_out_at(doc, report, dates, Some(ONE_PAGE_SCALES[0]));
    for scale in &ONE_PAGE_SCALES[1..] {
        if laid.pages.len() == 1 {
            return laid;
        }
        laid = lay_out_at(doc, report, dates, Some(*scale));
    }
    // Still over at the smallest type: a supervision summary lists fewer of its notes, the
    // earliest first, and says so. A notice has nothing that may be left out.
    let smallest = ONE_PAGE_SCALES[ONE_PAGE_SCALES.len() - 1];
    let mut shorter = doc.clone();
    while laid.pages.len() > 1
        && doc.purpose == Purpose::Supervision
        && supervision::leave_out_earliest_note(&mut shorter.blocks)
    {
        laid = lay_out_at(&shorter, report, dates, Some(smallest));
    }
    laid
}

/// The layout at `one_page`'s scale, or at full size for a document of any length (`None`).
fn lay_out_at(
    doc: &Document,
    report: Option<&Report>,
    dates: &Dates,
    one_page: Option<f32>,
) -> Laid {
    let mut layout = Layout {
        pages: vec![Vec::new()],
        y: if one_page.is_some() {
            ONE_PAGE_TOP
        } else {
            MARGIN
        },
        m: Metrics::get(),
        structure: Structure::default(),
        current: None,
        outline: Vec::new(),
        scale: one_page.unwrap_or(1.0),
        one_page: one_page.is_some(),
    };
    // A warning comes before the title, in bold: the first thing a reader sees.
    for warning in doc.warnings() {
        layout.begin(Kind::Para, None);
        layout.strong_paragraph(warning, layout.size(BODY), ALERT);
    }
    layout.bookmark(&doc.title);
    layout.begin(Kind::Heading(1, doc.title.clone()), None);
    layout.paragraph(&doc.title, layout.size(18.0), INK, 0.0);
    layout.para(&doc.subtitle, layout.size(8.5), MUTED);
    for block in &doc.blocks {
        layout.block(block, report, dates);
    }
    Laid {
        pages: layout.pages,
        structure: layout.structure,
        outline: layout.outline,
    }
}

impl Layout<'_> {
    fn block(&mut self, block: &Block, report: Option<&Report>, dates: &Dates) {
        let (body, small) = (self.size(BODY), self.size(SMALL));
        match block {
            Block::Warning(_) => {}
            Block::Heading(h) => self.heading(h, self.size(13.0), ACCENT),
            Block::Subheading(h) => {
                self.begin(Kind::Heading(3, h.clone()), None);
                self.paragraph(h, self.size(11.0), INK, 0.0);
            }
            Block::Para(p) => self.para(p, body, INK),
            Block::Small(p) | Block::Record(p) => self.para(p, small, MUTED),
            Block::Bullets(items) => self.bullets(items, body),
            Block::Table { header, rows } => self.table(header, rows, false),
            Block::FillIn { header, rows } => self.fill_in(header, rows),
            Block::Chart(Chart::Band(band)) => self.band_chart(band, dates),
            Block::Chart(chart) => {
                if let Some(chart) = report.and_then(|r| crate::report::chart::of(chart, r, dates))
                {
                    self.line_chart(&chart);
                }
            }
            Block::ToComplete { title, prompt } => {
                self.heading(title, self.size(13.0), ALERT);
                self.para(
                    &format!("To complete before sending. {prompt}"),
                    body,
                    ALERT,
                );
                self.y += 60.0 * self.scale;
            }
        }
    }

    /// A table to complete by hand: its empty cells three lines tall to write in (two in a
    /// one-page document).
    fn fill_in(&mut self, header: &[String], rows: &[Vec<String>]) {
        let space = if self.one_page { "\n" } else { "\n\n" };
        let tall: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| {
                        if c.is_empty() {
                            space.into()
                        } else {
                            c.clone()
                        }
                    })
                    .collect()
            })
            .collect();
        self.table(header, &tall, true);
    }

    fn bullets(&mut self, items: &[String], size: f32) {
        let list = self.structure.add(Kind::List, None);
        if self.bullets_in_two_columns(list, items, size) {
            return;
        }
        for item in items {
            self.need(size * 1.4);
            self.bullet(list, item, size, 0.0);
        }
        self.y += size * 0.5;
    }

    /// One item of a list, its bullet `indent` points in from the margin.
    fn bullet(&mut self, list: usize, item: &str, size: f32, indent: f32) {
        let entry = self.structure.add(Kind::ListItem, Some(list));
        self.begin(Kind::Label, Some(entry));
        self.text(MARGIN + indent + 4.0, size, INK, "•");
        self.begin(Kind::ListBody, Some(entry));
        self.paragraph(item, size, INK, indent + 14.0);
        self.y -= size * 0.35;
    }

    /// A long list of short items (the deadlines of the next four weeks) in two columns,
    /// read down the first and then the second, when every item fits half the width on one
    /// line and the list fits on one page; whether it did.
    fn bullets_in_two_columns(&mut self, list: usize, items: &[String], size: f32) -> bool {
        let half = (PAGE_W - 2.0 * MARGIN) / 2.0;
        let rows = items.len().div_ceil(2);
        let step = size * 1.5;
        let fits = items.len() >= 6
            && items
                .iter()
                .all(|i| self.m.wrap(i, size, half - 20.0).len() == 1)
            && rows as f32 * step < self.bottom() - self.top();
        if !fits {
            return false;
        }
        self.need(rows as f32 * step);
        let top = self.y;
        for (n, item) in items.iter().enumerate() {
            self.y = top + (n % rows) as f32 * step;
            self.bullet(list, item, size, (n / rows) as f32 * half);
        }
        self.y = top + rows as f32 * step + size * 0.5;
        true
    }
}
