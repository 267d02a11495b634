//! The team document's weekly chart on the page: each week's middle half of members as a
//! shaded bar, the median as a line across them, a dashed reference line. Withheld weeks are
//! left empty.

use super::{ALERT, Colour, Layout, MARGIN, MUTED, Op, PAGE_W, RULE, SMALL};
use crate::report::document::{BandSeries, Dates};
use crate::report::pdf::structure::Kind;

const BAND: Colour = (176, 198, 226);
const MEDIAN: Colour = (11, 61, 120);

/// Where the plot is on the page, and the value at its top.
#[derive(Clone, Copy)]
struct Plot {
    left: f32,
    top: f32,
    w: f32,
    h: f32,
    max: f32,
}

impl Plot {
    fn y_of(self, v: f32) -> f32 {
        self.top + self.h * (1.0 - v / self.max)
    }
}

/// A line of the legend: its stroke, then its label.
struct Key<'a> {
    x: f32,
    length: f32,
    width: f32,
    colour: Colour,
    dashed: bool,
    label: &'a str,
}

impl Layout<'_> {
    pub(super) fn band_chart(&mut self, b: &BandSeries, d: &Dates) {
        if b.weeks.is_empty() {
            return;
        }
        let height = 140.0;
        self.need(height + 52.0);
        self.begin(Kind::Figure(b.description.clone()), None);
        let (max, step) = b.axis();
        let plot = Plot {
            left: MARGIN + 24.0,
            top: self.y + 16.0,
            w: PAGE_W - 2.0 * MARGIN - 24.0,
            h: height,
            max: max as f32,
        };
        self.band_gridlines(plot, step as f32, b.unit);
        self.bands_and_median(plot, b);
        self.band_legend(plot, b);
        self.band_ends(plot, b, d);
        self.y = plot.top + plot.h + 16.0;
        self.para(&b.title, SMALL, MUTED);
    }

    /// Gridlines at each whole step, labelled with their values.
    fn band_gridlines(&mut self, plot: Plot, step: f32, unit: &str) {
        let mut tick = 0.0_f32;
        while tick <= plot.max + 1e-3 {
            let y = plot.y_of(tick);
            self.push(Op::Line {
                points: vec![(plot.left, y), (plot.left + plot.w, y)],
                width: 0.3,
                colour: RULE,
                dashed: false,
            });
            self.push(Op::Text {
                x: MARGIN,
                y: y + 3.0,
                size: SMALL,
                colour: MUTED,
                text: format!("{tick:.0}{}", unit.trim()),
            });
            tick += step;
        }
    }

    /// Each week's quartiles as a bar, and the medians as a line, broken where a week is
    /// withheld (a week alone is a short level stroke), and the reference line across.
    fn bands_and_median(&mut self, plot: Plot, b: &BandSeries) {
        let slot = plot.w / b.weeks.len() as f32;
        let mut median: Vec<(f32, f32)> = Vec::new();
        let mut lines = Vec::new();
        for (i, value) in b.values.iter().enumerate() {
            let x = plot.left + slot * i as f32;
            match value {
                Some((q1, m, q3)) => {
                    let (q1, m, q3) = (*q1 as f32, *m as f32, *q3 as f32);
                    let (top, bottom) = (plot.y_of(q3), plot.y_of(q1));
                    self.push(Op::Fill {
                        rect: (x, top, slot.max(0.6), (bottom - top).max(0.6)),
                        colour: BAND,
                    });
                    median.push((x + slot / 2.0, plot.y_of(m)));
                }
                None if !median.is_empty() => lines.push(std::mem::take(&mut median)),
                None => {}
            }
        }
        if !median.is_empty() {
            lines.push(median);
        }
        for points in lines {
            let points = if let [(x, y)] = points[..] {
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
        if let Some((value, _)) = &b.reference {
            let y = plot.y_of(*value as f32);
            self.push(Op::Line {
                points: vec![(plot.left, y), (plot.left + plot.w, y)],
                width: 1.0,
                colour: ALERT,
                dashed: true,
            });
        }
    }

    /// The legend, above the plot: band, median, and the reference line with its label.
    fn band_legend(&mut self, plot: Plot, b: &BandSeries) {
        let (left, y) = (plot.left, plot.top - 12.0);
        self.push(Op::Fill {
            rect: (left, y, 12.0, 7.0),
            colour: BAND,
        });
        self.legend_text(left + 16.0, y, "middle half of members");
        self.legend_key(
            y,
            &Key {
                x: left + 120.0,
                length: 14.0,
                width: 1.6,
                colour: MEDIAN,
                dashed: false,
                label: "median",
            },
        );
        if let Some((_, label)) = &b.reference {
            self.legend_key(
                y,
                &Key {
                    x: left + 180.0,
                    length: 18.0,
                    width: 1.0,
                    colour: ALERT,
                    dashed: true,
                    label,
                },
            );
        }
    }

    fn legend_key(&mut self, y: f32, key: &Key) {
        self.push(Op::Line {
            points: vec![(key.x, y + 3.5), (key.x + key.length, y + 3.5)],
            width: key.width,
            colour: key.colour,
            dashed: key.dashed,
        });
        self.legend_text(key.x + key.length + 4.0, y, key.label);
    }

    fn legend_text(&mut self, x: f32, y: f32, text: &str) {
        self.push(Op::Text {
            x,
            y: y + 6.5,
            size: SMALL,
            colour: MUTED,
            text: text.to_string(),
        });
    }

    /// The first and last weeks' dates under the plot's two ends.
    fn band_ends(&mut self, plot: Plot, b: &BandSeries, d: &Dates) {
        let first = d.show(b.weeks[0]);
        let last = d.show(b.weeks[b.weeks.len() - 1]);
        let y = plot.top + plot.h + 11.0;
        let last_width = self.m.width(&last, SMALL);
        for (x, text) in [(plot.left, first), (plot.left + plot.w - last_width, last)] {
            self.push(Op::Text {
                x,
                y,
                size: SMALL,
                colour: MUTED,
                text,
            });
        }
    }
}
