//! `--format pdf`: the same document blocks laid out on A4 by the program itself (krilla, with
//! DejaVu Sans embedded and subset): headings, wrapped text, tables that break across pages
//! with their header repeated, the caseload chart, and "page n of N" on every page.

use super::Report;
use super::document::{Block, Chart, Dates, Document, build};
use krilla::Document as PdfDocument;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::text::{Font, TextDirection};
use std::sync::OnceLock;

/// DejaVu Sans (Bitstream Vera licence, see assets/fonts/DejaVuSans-LICENSE.txt).
const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 50.0;
const BOTTOM: f32 = PAGE_H - 60.0;
const BODY: f32 = 9.5;
const SMALL: f32 = 7.5;
const TABLE: f32 = 7.5;

type Colour = (u8, u8, u8);
const INK: Colour = (27, 27, 27);
const MUTED: Colour = (85, 85, 85);
const ACCENT: Colour = (31, 95, 168);
const ALERT: Colour = (179, 38, 30);
const RULE: Colour = (200, 200, 200);
const SHADE: Colour = (241, 243, 245);

/// Something to draw, in points from the top-left of a page.
enum Op {
    Text {
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
}

/// Advance widths of the embedded font, for wrapping and table columns.
struct Metrics {
    face: ttf_parser::Face<'static>,
}

impl Metrics {
    fn get() -> &'static Metrics {
        static METRICS: OnceLock<Metrics> = OnceLock::new();
        METRICS.get_or_init(|| Metrics {
            face: ttf_parser::Face::parse(FONT, 0).expect("the embedded font parses"),
        })
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        let per_em = f32::from(self.face.units_per_em());
        let units: f32 = text
            .chars()
            .map(|c| {
                self.face
                    .glyph_index(c)
                    .and_then(|g| self.face.glyph_hor_advance(g))
                    .map_or(per_em * 0.6, f32::from)
            })
            .sum();
        units * size / per_em
    }

    /// Splits text into lines no wider than `width`, breaking at spaces (or anywhere in a
    /// word longer than a line).
    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split(' ') {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if self.width(&piece, size) > width && piece.chars().count() > 1 {
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

struct Layout<'a> {
    pages: Vec<Vec<Op>>,
    y: f32,
    m: &'a Metrics,
}

impl Layout<'_> {
    fn page(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a page")
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
        self.page().push(Op::Text {
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
        self.paragraph(text, size, colour, 0.0);
        let y = self.y - size * 0.3;
        self.page().push(Op::Line {
            points: vec![(MARGIN, y), (PAGE_W - MARGIN, y)],
            width: 0.5,
            colour: RULE,
            dashed: false,
        });
        self.y += 2.0;
    }

    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        let width = PAGE_W - 2.0 * MARGIN;
        // Each column gets at least its longest word; what is left goes to the columns with
        // longer text, in proportion to how much more they would need.
        let pad = 3.0;
        let column = |c: usize| {
            rows.iter()
                .filter_map(move |r| r.get(c))
                .chain(std::iter::once(&header[c]))
        };
        let least: Vec<f32> = (0..header.len())
            .map(|c| {
                let word = column(c)
                    .flat_map(|t| t.split(' '))
                    .map(|w| self.m.width(w, TABLE))
                    .fold(0.0, f32::max);
                (word + 2.0 * pad).clamp(20.0, 110.0)
            })
            .collect();
        let wanted: Vec<f32> = (0..header.len())
            .map(|c| {
                (column(c)
                    .map(|t| self.m.width(t, TABLE))
                    .fold(0.0, f32::max)
                    + 2.0 * pad)
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
        let draw_row =
            |layout: &mut Layout, cells: &[String], shade: Option<Colour>, colour: Colour| {
                let wrapped: Vec<Vec<String>> = cells
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| layout.m.wrap(c, TABLE, w - 2.0 * pad))
                    .collect();
                let height = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f32 * line_height
                    + 2.0 * pad;
                (wrapped, height, shade, colour)
            };
        let header_row = draw_row(self, header, Some(SHADE), INK);
        let put = |layout: &mut Layout, row: &(Vec<Vec<String>>, f32, Option<Colour>, Colour)| {
            let (wrapped, height, shade, colour) = row;
            let top = layout.y;
            if let Some(shade) = shade {
                layout.page().push(Op::Fill {
                    rect: (MARGIN, top, width, *height),
                    colour: *shade,
                });
            }
            let mut x = MARGIN;
            for (lines, w) in wrapped.iter().zip(&widths) {
                for (i, line) in lines.iter().enumerate() {
                    let y = top + pad + TABLE + i as f32 * line_height;
                    layout.page().push(Op::Text {
                        x: x + pad,
                        y,
                        size: TABLE,
                        colour: *colour,
                        text: line.clone(),
                    });
                }
                x += w;
            }
            let bottom = top + height;
            layout.page().push(Op::Line {
                points: vec![(MARGIN, bottom), (MARGIN + width, bottom)],
                width: 0.4,
                colour: RULE,
                dashed: false,
            });
            layout.y = bottom;
        };
        self.need(header_row.1 * 2.0);
        put(self, &header_row);
        for cells in rows {
            let row = draw_row(self, cells, None, INK);
            if self.y + row.1 > BOTTOM {
                self.new_page();
                put(self, &header_row);
            }
            put(self, &row);
        }
        self.y += BODY;
    }

    fn caseload_chart(&mut self, r: &Report, d: &Dates) {
        let weeks = &r.series.weeks;
        if weeks.is_empty() {
            return;
        }
        let height = 150.0;
        self.need(height + 40.0);
        let (left, top, w, h) = (
            MARGIN + 24.0,
            self.y + 6.0,
            PAGE_W - 2.0 * MARGIN - 24.0,
            height,
        );
        let limit = r.caseload.limit as f32;
        let max = weeks
            .iter()
            .map(|w| w.open as f32)
            .fold(limit, f32::max)
            .max(1.0)
            * 1.15;
        let y_of = |v: f32| top + h * (1.0 - v / max);
        for i in 0..=4 {
            let v = max * i as f32 / 4.0;
            self.page().push(Op::Line {
                points: vec![(left, y_of(v)), (left + w, y_of(v))],
                width: 0.3,
                colour: RULE,
                dashed: false,
            });
            self.page().push(Op::Text {
                x: MARGIN,
                y: y_of(v) + 3.0,
                size: SMALL,
                colour: MUTED,
                text: format!("{v:.0}"),
            });
        }
        let n = weeks.len() as f32;
        let points: Vec<(f32, f32)> = weeks
            .iter()
            .enumerate()
            .map(|(i, wk)| (left + w * (i as f32 + 0.5) / n, y_of(wk.open as f32)))
            .collect();
        self.page().push(Op::Line {
            points,
            width: 1.6,
            colour: ACCENT,
            dashed: false,
        });
        self.page().push(Op::Line {
            points: vec![(left, y_of(limit)), (left + w, y_of(limit))],
            width: 1.0,
            colour: ALERT,
            dashed: true,
        });
        self.page().push(Op::Text {
            x: left + w - 40.0,
            y: y_of(limit) - 3.0,
            size: SMALL,
            colour: ALERT,
            text: format!("limit {}", r.caseload.limit),
        });
        let first = d.show(&weeks[0].week_start);
        let last = d.show(&weeks[weeks.len() - 1].week_start);
        self.page().push(Op::Text {
            x: left,
            y: top + h + 11.0,
            size: SMALL,
            colour: MUTED,
            text: first,
        });
        let last_width = self.m.width(&last, SMALL);
        self.page().push(Op::Text {
            x: left + w - last_width,
            y: top + h + 11.0,
            size: SMALL,
            colour: MUTED,
            text: last,
        });
        self.y = top + h + 16.0;
        self.paragraph(
            "Open cases at the end of each week, against the caseload limit.",
            SMALL,
            MUTED,
            0.0,
        );
    }
}

fn lay_out(doc: &Document, report: &Report, dates: &Dates) -> Vec<Vec<Op>> {
    let mut layout = Layout {
        pages: vec![Vec::new()],
        y: MARGIN,
        m: Metrics::get(),
    };
    layout.paragraph(&doc.title, 18.0, INK, 0.0);
    layout.paragraph(&doc.subtitle, 8.5, MUTED, 0.0);
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => layout.heading(h, 13.0, ACCENT),
            Block::Subheading(h) => layout.paragraph(h, 11.0, INK, 0.0),
            Block::Para(p) => layout.paragraph(p, BODY, INK, 0.0),
            Block::Small(p) => layout.paragraph(p, SMALL, MUTED, 0.0),
            Block::Bullets(items) => {
                for item in items {
                    layout.need(BODY * 1.4);
                    layout.text(MARGIN + 4.0, BODY, INK, "•");
                    layout.paragraph(item, BODY, INK, 14.0);
                    layout.y -= BODY * 0.35;
                }
                layout.y += BODY * 0.5;
            }
            Block::Table { header, rows } => layout.table(header, rows),
            Block::Chart(Chart::Caseload) => layout.caseload_chart(report, dates),
            Block::Chart(Chart::Hours) => {}
            Block::ToComplete { title, prompt } => {
                layout.heading(title, 13.0, ALERT);
                layout.paragraph(
                    &format!("To complete before sending. {prompt}"),
                    BODY,
                    ALERT,
                    0.0,
                );
                layout.y += 60.0;
            }
        }
    }
    layout.pages
}

fn colour(c: Colour) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

pub fn write(report: &Report, date_format: &str) -> Vec<u8> {
    let dates = Dates(date_format);
    let doc = build(report, date_format);
    let pages = lay_out(&doc, report, &dates);
    let font = Font::new(FONT.to_vec().into(), 0).expect("the embedded font loads");
    let mut pdf = PdfDocument::new();
    pdf.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .language("en-GB".into())
            .creator("caseload".into()),
    );
    let count = pages.len();
    for (n, ops) in pages.into_iter().enumerate() {
        let mut page =
            pdf.start_page_with(PageSettings::from_wh(PAGE_W, PAGE_H).expect("A4 is a valid size"));
        let mut surface = page.surface();
        let mut ops = ops;
        let footer = format!("{} · page {} of {count}", doc.title, n + 1);
        ops.push(Op::Text {
            x: MARGIN,
            y: PAGE_H - 30.0,
            size: SMALL,
            colour: MUTED,
            text: footer,
        });
        for op in ops {
            match op {
                Op::Text {
                    x,
                    y,
                    size,
                    colour: c,
                    text,
                } => {
                    surface.set_fill(Some(Fill {
                        paint: colour(c).into(),
                        ..Fill::default()
                    }));
                    surface.set_stroke(None);
                    surface.draw_text(
                        Point::from_xy(x, y),
                        font.clone(),
                        size,
                        &text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Op::Fill {
                    rect: (x, y, w, h),
                    colour: c,
                } => {
                    let mut path = PathBuilder::new();
                    if let Some(rect) = Rect::from_xywh(x, y, w, h) {
                        path.push_rect(rect);
                    }
                    if let Some(path) = path.finish() {
                        surface.set_fill(Some(Fill {
                            paint: colour(c).into(),
                            ..Fill::default()
                        }));
                        surface.set_stroke(None);
                        surface.draw_path(&path);
                    }
                }
                Op::Line {
                    points,
                    width,
                    colour: c,
                    dashed,
                } => {
                    let mut path = PathBuilder::new();
                    for (i, (x, y)) in points.iter().enumerate() {
                        if i == 0 {
                            path.move_to(*x, *y)
                        } else {
                            path.line_to(*x, *y)
                        }
                    }
                    if let Some(path) = path.finish() {
                        surface.set_fill(None);
                        let dash = dashed.then(|| StrokeDash {
                            array: vec![5.0, 3.0],
                            offset: 0.0,
                        });
                        surface.set_stroke(Some(Stroke {
                            paint: colour(c).into(),
                            width,
                            dash,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    pdf.finish().expect("the PDF serialises")
}
