//! Laying the document blocks out on A4 pages: wrapped text, tables that break across pages
//! with their header repeated, the caseload chart. Every piece drawn says which element of the
//! document's structure it belongs to (or none: decoration), for the tagged PDF.

use super::structure::{Kind, Structure};
use crate::report::Report;
use crate::report::document::{Block, Chart, Dates, Document};
use std::sync::OnceLock;

mod band;
mod chart;
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

/// A table row laid out: each cell's lines and whether they are bold, its height, its shade
/// (the header's) and its colour.
type Row = (Vec<(Vec<String>, bool)>, f32, Option<Colour>, Colour);

struct Layout<'a> {
    pages: Vec<Vec<Placed>>,
    y: f32,
    m: &'a Metrics,
    structure: Structure,
    /// The element that text and graphics drawn now belong to.
    current: Option<usize>,
    outline: Vec<Bookmark>,
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
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` more points fit on this one.
    fn need(&mut self, height: f32) {
        if self.y + height > BOTTOM {
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

    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        let width = PAGE_W - 2.0 * MARGIN;
        // Each column gets at least its longest word, and its longest short cell whole (a
        // pseudonym "Case 12", a date, "allocated" never wrap); what is left goes to the
        // columns with longer text, in proportion to how much more they would need. A long
        // unbroken word is broken to fit its column (never into the next).
        let pad = 3.0;
        let short = 64.0;
        // The flags column is bold: what a reader looks for first.
        let strong: Vec<bool> = header
            .iter()
            .map(|h| h.eq_ignore_ascii_case("flags"))
            .collect();
        let column = |c: usize| {
            rows.iter()
                .filter_map(move |r| r.get(c))
                .chain(std::iter::once(&header[c]))
        };
        let measure = |c: usize, text: &str| self.m.width_in(text, TABLE, strong[c]);
        let least: Vec<f32> = (0..header.len())
            .map(|c| {
                let word = column(c)
                    .flat_map(|t| t.split([' ', '\n']))
                    .map(|w| measure(c, w))
                    .fold(0.0, f32::max);
                let whole = column(c)
                    .map(|t| measure(c, t))
                    .filter(|w| *w <= short)
                    .fold(0.0, f32::max);
                (word.max(whole) + 2.0 * pad).clamp(20.0, 110.0)
            })
            .collect();
        let wanted: Vec<f32> = (0..header.len())
            .map(|c| {
                (column(c).map(|t| measure(c, t)).fold(0.0, f32::max) + 2.0 * pad)
                    .clamp(least[c], 280.0)
            })
            .collect();
        let (sum_least, sum_wanted) = (least.iter().sum::<f32>(), wanted.iter().sum::<f32>());
        let widths: Vec<f32> = if sum_wanted <= width {
            wanted.iter().map(|w| w * width / sum_wanted).collect()
        } else {
            let share = (width - sum_least).max(0.0) / (sum_wanted - sum_least).max(1.0);
            least
                .iter()
                .zip(&wanted)
                .map(|(l, w)| l + (w - l) * share)
                .collect()
        };
        let line_height = TABLE * 1.3;
        // A row: each cell's lines and whether they are bold, its height, shade and colour.
        let draw_row =
            |layout: &mut Layout, cells: &[String], shade: Option<Colour>, colour: Colour| {
                let header = shade.is_some();
                let wrapped: Vec<(Vec<String>, bool)> = cells
                    .iter()
                    .zip(&widths)
                    .zip(&strong)
                    .map(|((c, w), bold)| {
                        let bold = *bold && !header;
                        (layout.m.wrap_in(c, TABLE, w - 2.0 * pad, bold), bold)
                    })
                    .collect();
                let height = wrapped.iter().map(|c| c.0.len()).max().unwrap_or(1) as f32
                    * line_height
                    + 2.0 * pad;
                (wrapped, height, shade, colour)
            };
        let header_row = draw_row(self, header, Some(SHADE), INK);
        // `cells`: the kind of cell element and the table to add the row to; `None` for the
        // header repeated on a new page, which is decoration (it was read once already).
        let put = |layout: &mut Layout, row: &Row, cells: Option<(Kind, usize)>| {
            let (wrapped, height, shade, colour) = row;
            let top = layout.y;
            if let Some(shade) = shade {
                layout.push_as(
                    Op::Fill {
                        rect: (MARGIN, top, width, *height),
                        colour: *shade,
                    },
                    None,
                );
            }
            let row_element = cells
                .as_ref()
                .map(|(_, table)| layout.structure.add(Kind::Row, Some(*table)));
            let mut x = MARGIN;
            for ((lines, bold), w) in wrapped.iter().zip(&widths) {
                let cell = cells
                    .as_ref()
                    .zip(row_element)
                    .map(|((kind, _), row)| layout.structure.add(kind.clone(), Some(row)));
                for (i, line) in lines.iter().enumerate() {
                    let (x, y) = (x + pad, top + pad + TABLE + i as f32 * line_height);
                    let (size, colour, text) = (TABLE, *colour, line.clone());
                    let op = if *bold {
                        Op::Strong {
                            x,
                            y,
                            size,
                            colour,
                            text,
                        }
                    } else {
                        Op::Text {
                            x,
                            y,
                            size,
                            colour,
                            text,
                        }
                    };
                    layout.push_as(op, cell);
                }
                x += w;
            }
            let bottom = top + height;
            layout.push_as(
                Op::Line {
                    points: vec![(MARGIN, bottom), (MARGIN + width, bottom)],
                    width: 0.4,
                    colour: RULE,
                    dashed: false,
                },
                None,
            );
            layout.y = bottom;
        };
        // The header never ends a page alone: it starts where its first row fits beside it
        // (a fill-in table's rows are several lines tall).
        let first_row = rows
            .first()
            .map_or(header_row.1, |cells| draw_row(self, cells, None, INK).1);
        self.need(header_row.1 + first_row);
        let table = self.structure.add(Kind::Table, None);
        put(self, &header_row, Some((Kind::HeaderCell, table)));
        for cells in rows {
            let row = draw_row(self, cells, None, INK);
            if self.y + row.1 > BOTTOM {
                self.new_page();
                put(self, &header_row, None);
            }
            put(self, &row, Some((Kind::Cell, table)));
        }
        self.y += BODY;
    }
}

/// The pages' content, and the document structure it belongs to.
pub fn lay_out(doc: &Document, report: Option<&Report>, dates: &Dates) -> Laid {
    let mut layout = Layout {
        pages: vec![Vec::new()],
        y: MARGIN,
        m: Metrics::get(),
        structure: Structure::default(),
        current: None,
        outline: Vec::new(),
    };
    layout.bookmark(&doc.title);
    layout.begin(Kind::Heading(1, doc.title.clone()), None);
    layout.paragraph(&doc.title, 18.0, INK, 0.0);
    layout.para(&doc.subtitle, 8.5, MUTED);
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => layout.heading(h, 13.0, ACCENT),
            Block::Subheading(h) => {
                layout.begin(Kind::Heading(3, h.clone()), None);
                layout.paragraph(h, 11.0, INK, 0.0);
            }
            Block::Para(p) => layout.para(p, BODY, INK),
            Block::Small(p) | Block::Record(p) => layout.para(p, SMALL, MUTED),
            Block::Bullets(items) => {
                let list = layout.structure.add(Kind::List, None);
                for item in items {
                    layout.need(BODY * 1.4);
                    let entry = layout.structure.add(Kind::ListItem, Some(list));
                    layout.begin(Kind::Label, Some(entry));
                    layout.text(MARGIN + 4.0, BODY, INK, "•");
                    layout.begin(Kind::ListBody, Some(entry));
                    layout.paragraph(item, BODY, INK, 14.0);
                    layout.y -= BODY * 0.35;
                }
                layout.y += BODY * 0.5;
            }
            Block::Table { header, rows } => layout.table(header, rows),
            // Empty cells three lines tall, to write in.
            Block::FillIn { header, rows } => {
                let tall: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        r.iter()
                            .map(|c| {
                                if c.is_empty() {
                                    "\n\n".into()
                                } else {
                                    c.clone()
                                }
                            })
                            .collect()
                    })
                    .collect();
                layout.table(header, &tall);
            }
            Block::Chart(Chart::Band(band)) => layout.band_chart(band, dates),
            Block::Chart(chart) => {
                if let Some(chart) = report.and_then(|r| crate::report::chart::of(chart, r, dates))
                {
                    layout.line_chart(&chart);
                }
            }
            Block::ToComplete { title, prompt } => {
                layout.heading(title, 13.0, ALERT);
                layout.para(
                    &format!("To complete before sending. {prompt}"),
                    BODY,
                    ALERT,
                );
                layout.y += 60.0;
            }
        }
    }
    Laid {
        pages: layout.pages,
        structure: layout.structure,
        outline: layout.outline,
    }
}
