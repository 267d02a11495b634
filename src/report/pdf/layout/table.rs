//! Tables: columns as wide as their content needs, rows that wrap, a header repeated on each
//! new page and never left alone at the foot of one.

use super::{Colour, INK, Kind, Layout, MARGIN, Op, PAGE_W, RULE, SHADE};

/// Space inside a cell, around its text.
const PAD: f32 = 3.0;
/// A cell this wide or narrower is kept whole (a pseudonym "Case 12", a date, "allocated").
const SHORT: f32 = 64.0;

/// A table row laid out: each cell's lines and whether they are bold, its height, its shade
/// (the header's) and its colour.
struct Row {
    cells: Vec<(Vec<String>, bool)>,
    height: f32,
    shade: Option<Colour>,
    colour: Colour,
}

/// The columns of one table: their widths, which are bold, the text size, and whether they
/// are ruled off from each other (a table to write in by hand).
struct Columns {
    widths: Vec<f32>,
    strong: Vec<bool>,
    size: f32,
    ruled: bool,
}

impl Layout<'_> {
    /// A table; `ruled`: lines between the columns too, to write in.
    pub(super) fn table(&mut self, header: &[String], rows: &[Vec<String>], ruled: bool) {
        let size = self.size(super::TABLE);
        // The flags column is bold: what a reader looks for first.
        let strong: Vec<bool> = header
            .iter()
            .map(|h| h.eq_ignore_ascii_case("flags"))
            .collect();
        let columns = Columns {
            widths: self.column_widths(header, rows, &strong, size),
            strong,
            size,
            ruled,
        };
        let header_row = self.row(&columns, header, Some(SHADE));
        // The header never ends a page alone: it starts where its first row fits beside it
        // (a fill-in table's rows are several lines tall).
        let first_row = rows.first().map_or(header_row.height, |cells| {
            self.row(&columns, cells, None).height
        });
        self.need(header_row.height + first_row);
        let table = self.structure.add(Kind::Table, None);
        self.put_row(&columns, &header_row, Some((Kind::HeaderCell, table)));
        for cells in rows {
            let row = self.row(&columns, cells, None);
            if self.y + row.height > self.bottom() {
                self.new_page();
                // Decoration: the header was read once already.
                self.put_row(&columns, &header_row, None);
            }
            self.put_row(&columns, &row, Some((Kind::Cell, table)));
        }
        self.y += self.size(super::BODY);
    }

    /// Each column gets at least its longest word, and its longest short cell whole; what is
    /// left goes to the columns with longer text, in proportion to how much more they would
    /// need. A long unbroken word is broken to fit its column (never into the next).
    fn column_widths(
        &self,
        header: &[String],
        rows: &[Vec<String>],
        strong: &[bool],
        size: f32,
    ) -> Vec<f32> {
        let width = PAGE_W - 2.0 * MARGIN;
        let column = |c: usize| {
            rows.iter()
                .filter_map(move |r| r.get(c))
                .chain(std::iter::once(&header[c]))
        };
        let measure = |c: usize, text: &str| self.m.width_in(text, size, strong[c]);
        let least: Vec<f32> = (0..header.len())
            .map(|c| {
                let word = column(c)
                    .flat_map(|t| t.split([' ', '\n']))
                    .map(|w| measure(c, w))
                    .fold(0.0, f32::max);
                let whole = column(c)
                    .map(|t| measure(c, t))
                    .filter(|w| *w <= SHORT)
                    .fold(0.0, f32::max);
                (word.max(whole) + 2.0 * PAD).clamp(20.0, 110.0)
            })
            .collect();
        // A column left blank to write in (a fill-in table's) wants its share of the page.
        let blank = |c: usize| {
            !rows.is_empty()
                && rows
                    .iter()
                    .all(|r| r.get(c).is_none_or(|t| t.trim().is_empty()))
        };
        let wanted: Vec<f32> = (0..header.len())
            .map(|c| {
                let text = column(c).map(|t| measure(c, t)).fold(0.0, f32::max) + 2.0 * PAD;
                let share = if blank(c) {
                    width / header.len() as f32
                } else {
                    0.0
                };
                text.max(share).clamp(least[c], 280.0)
            })
            .collect();
        let (sum_least, sum_wanted) = (least.iter().sum::<f32>(), wanted.iter().sum::<f32>());
        if sum_wanted <= width {
            return wanted.iter().map(|w| w * width / sum_wanted).collect();
        }
        let share = (width - sum_least).max(0.0) / (sum_wanted - sum_least).max(1.0);
        least
            .iter()
            .zip(&wanted)
            .map(|(l, w)| l + (w - l) * share)
            .collect()
    }

    /// A row's cells wrapped to their columns (a header row is shaded and never bold).
    fn row(&self, columns: &Columns, cells: &[String], shade: Option<Colour>) -> Row {
        let header = shade.is_some();
        let wrapped: Vec<(Vec<String>, bool)> = cells
            .iter()
            .zip(&columns.widths)
            .zip(&columns.strong)
            .map(|((c, w), bold)| {
                let bold = *bold && !header;
                (self.m.wrap_in(c, columns.size, w - 2.0 * PAD, bold), bold)
            })
            .collect();
        let lines = wrapped.iter().map(|c| c.0.len()).max().unwrap_or(1);
        Row {
            cells: wrapped,
            height: lines as f32 * columns.size * 1.3 + 2.0 * PAD,
            shade,
            colour: INK,
        }
    }

    /// Draws a row where the page has got to. `cells`: the kind of cell element and the
    /// table to add the row to; `None` for decoration (the header repeated on a new page).
    fn put_row(&mut self, columns: &Columns, row: &Row, cells: Option<(Kind, usize)>) {
        let width = PAGE_W - 2.0 * MARGIN;
        let top = self.y;
        if let Some(shade) = row.shade {
            self.push_as(
                Op::Fill {
                    rect: (MARGIN, top, width, row.height),
                    colour: shade,
                },
                None,
            );
        }
        let row_element = cells
            .as_ref()
            .map(|(_, table)| self.structure.add(Kind::Row, Some(*table)));
        let mut x = MARGIN;
        for ((lines, bold), w) in row.cells.iter().zip(&columns.widths) {
            let cell = cells
                .as_ref()
                .zip(row_element)
                .map(|((kind, _), row)| self.structure.add(kind.clone(), Some(row)));
            for (i, line) in lines.iter().enumerate() {
                let (x, y) = (
                    x + PAD,
                    top + PAD + columns.size + i as f32 * columns.size * 1.3,
                );
                let (size, colour, text) = (columns.size, row.colour, line.clone());
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
                self.push_as(op, cell);
            }
            x += w;
        }
        let bottom = top + row.height;
        if columns.ruled {
            let mut x = MARGIN;
            for w in &columns.widths[..columns.widths.len().saturating_sub(1)] {
                x += w;
                self.push_as(
                    Op::Line {
                        points: vec![(x, top), (x, bottom)],
                        width: 0.4,
                        colour: RULE,
                        dashed: false,
                    },
                    None,
                );
            }
        }
        self.push_as(
            Op::Line {
                points: vec![(MARGIN, bottom), (MARGIN + width, bottom)],
                width: 0.4,
                colour: RULE,
                dashed: false,
            },
            None,
        );
        self.y = bottom;
    }
}
