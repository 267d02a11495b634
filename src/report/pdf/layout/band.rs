//! The team document's weekly chart on the page: each week's middle half of members as a
//! shaded bar, the median as a line across them, a dashed reference line. Withheld weeks are
//! left empty.

use super::{ALERT, Layout, MARGIN, MUTED, Op, PAGE_W, RULE, SMALL};
use crate::report::document::{BandSeries, Dates};
use crate::report::pdf::structure::Kind;

const BAND: super::Colour = (176, 198, 226);
const MEDIAN: super::Colour = (11, 61, 120);

impl Layout<'_> {
    pub(super) fn band_chart(&mut self, b: &BandSeries, d: &Dates) {
        if b.weeks.is_empty() {
            return;
        }
        let height = 140.0;
        self.need(height + 52.0);
        self.begin(Kind::Figure(b.description.clone()), None);
        let (left, top, w, h) = (
            MARGIN + 24.0,
            self.y + 16.0,
            PAGE_W - 2.0 * MARGIN - 24.0,
            height,
        );
        let (max, step) = b.axis();
        let (max, step) = (max as f32, step as f32);
        let y_of = |v: f32| top + h * (1.0 - v / max);
        let mut tick = 0.0_f32;
        while tick <= max + 1e-3 {
            self.push(Op::Line {
                points: vec![(left, y_of(tick)), (left + w, y_of(tick))],
                width: 0.3,
                colour: RULE,
                dashed: false,
            });
            self.push(Op::Text {
                x: MARGIN,
                y: y_of(tick) + 3.0,
                size: SMALL,
                colour: MUTED,
                text: format!("{tick:.0}{}", b.unit.trim()),
            });
            tick += step;
        }
        let n = b.weeks.len() as f32;
        let slot = w / n;
        let mut median: Vec<(f32, f32)> = Vec::new();
        let mut lines = Vec::new();
        for (i, value) in b.values.iter().enumerate() {
            let x = left + slot * i as f32;
            match value {
                Some((q1, m, q3)) => {
                    let (q1, m, q3) = (*q1 as f32, *m as f32, *q3 as f32);
                    self.push(Op::Fill {
                        rect: (x, y_of(q3), slot.max(0.6), (y_of(q1) - y_of(q3)).max(0.6)),
                        colour: BAND,
                    });
                    median.push((x + slot / 2.0, y_of(m)));
                }
                None if !median.is_empty() => lines.push(std::mem::take(&mut median)),
                None => {}
            }
        }
        if !median.is_empty() {
            lines.push(median);
        }
        for points in lines {
            let points = if points.len() == 1 {
                let (x, y) = points[0];
                vec![(x - slot / 2.0, y), (x + slot / 2.0, y)]
            } else {
                points
            };
            self.push(Op::Line {
                points,
                width: 1.6,
                colour: MEDIAN,
                dashed: false,
            });
        }
        // The legend, above the plot: band, median, and the reference line with its label.
        let legend_y = top - 12.0;
        self.push(Op::Fill {
            rect: (left, legend_y, 12.0, 7.0),
            colour: BAND,
        });
        self.push(Op::Text {
            x: left + 16.0,
            y: legend_y + 6.5,
            size: SMALL,
            colour: MUTED,
            text: "middle half of members".into(),
        });
        self.push(Op::Line {
            points: vec![
                (left + 120.0, legend_y + 3.5),
                (left + 134.0, legend_y + 3.5),
            ],
            width: 1.6,
            colour: MEDIAN,
            dashed: false,
        });
        self.push(Op::Text {
            x: left + 138.0,
            y: legend_y + 6.5,
            size: SMALL,
            colour: MUTED,
            text: "median".into(),
        });
        if let Some((value, label)) = &b.reference {
            let y = y_of(*value as f32);
            self.push(Op::Line {
                points: vec![(left, y), (left + w, y)],
                width: 1.0,
                colour: ALERT,
                dashed: true,
            });
            self.push(Op::Line {
                points: vec![
                    (left + 180.0, legend_y + 3.5),
                    (left + 198.0, legend_y + 3.5),
                ],
                width: 1.0,
                colour: ALERT,
                dashed: true,
            });
            self.push(Op::Text {
                x: left + 202.0,
                y: legend_y + 6.5,
                size: SMALL,
                colour: MUTED,
                text: label.clone(),
            });
        }
        let first = d.show(b.weeks[0]);
        let last = d.show(b.weeks[b.weeks.len() - 1]);
        self.push(Op::Text {
            x: left,
            y: top + h + 11.0,
            size: SMALL,
            colour: MUTED,
            text: first,
        });
        let last_width = self.m.width(&last, SMALL);
        self.push(Op::Text {
            x: left + w - last_width,
            y: top + h + 11.0,
            size: SMALL,
            colour: MUTED,
            text: last,
        });
        self.y = top + h + 16.0;
        self.para(&b.title, SMALL, MUTED);
    }
}
