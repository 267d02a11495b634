//! A [`LineChart`] on the page, the same chart the HTML draws (svg_chart.rs): legend above,
//! leave shaded and labelled, whole-valued gridlines, months along the x-axis, bars, limit
//! and reference lines, and the data drawn last, over them.

use super::{Colour, Layout, MARGIN, MUTED, Op, PAGE_W, RULE, SMALL};
use crate::report::chart::{Dash, Ink, Line, LineChart};
use crate::report::pdf::structure::Kind;

/// A legend line's width and dashes.
type Stroke = (f32, Vec<f32>);

const LEAVE: Colour = (228, 228, 228);

fn ink(i: Ink) -> Colour {
    match i {
        Ink::Data => (31, 95, 168),
        Ink::Limit => (179, 38, 30),
        Ink::Reference => (85, 85, 85),
        Ink::Bar => (155, 183, 217),
    }
}

fn dashes(d: Dash) -> Vec<f32> {
    match d {
        Dash::Solid => Vec::new(),
        Dash::Dashed => vec![6.0, 3.0],
        Dash::Dotted => vec![1.5, 2.0],
    }
}

impl Layout<'_> {
    pub(super) fn line_chart(&mut self, c: &LineChart) {
        if c.slots == 0 {
            return;
        }
        let height = 130.0;
        self.need(height + 60.0);
        self.begin(Kind::Figure(c.alt.clone()), None);
        let legend_y = self.y + 8.0;
        let (left, top, w, h) = (
            MARGIN + 22.0,
            self.y + 18.0,
            PAGE_W - 2.0 * MARGIN - 22.0,
            height,
        );
        let slot = w / c.slots as f32;
        let y_of = |v: f64| top + h * (1.0 - (v / c.y_max.max(1e-9)) as f32);
        let x_mid = |i: usize| left + slot * (i as f32 + 0.5);
        for &(a, b) in &c.shaded {
            let x = left + slot * a as f32;
            self.push(Op::Fill {
                rect: (x, top, slot * (b + 1 - a) as f32, h),
                colour: LEAVE,
            });
            self.push(Op::Text {
                x: x + 1.5,
                y: top + 7.0,
                size: 6.0,
                colour: MUTED,
                text: "leave".into(),
            });
        }
        for &t in &c.ticks {
            self.push(Op::Line {
                points: vec![(left, y_of(t)), (left + w, y_of(t))],
                width: 0.3,
                colour: RULE,
                dashed: false,
            });
            let label = format!("{t}");
            let lw = self.m.width(&label, SMALL);
            self.push(Op::Text {
                x: left - 4.0 - lw,
                y: y_of(t) + 2.5,
                size: SMALL,
                colour: MUTED,
                text: label,
            });
        }
        for (i, label) in &c.months {
            let x = left + slot * *i as f32;
            self.push(Op::Line {
                points: vec![(x, top + h), (x, top + h + 3.0)],
                width: 0.5,
                colour: MUTED,
                dashed: false,
            });
            self.push(Op::Text {
                x: x + 1.0,
                y: top + h + 10.0,
                size: 6.0,
                colour: MUTED,
                text: label.clone(),
            });
        }
        if let Some(bars) = &c.bars {
            for (i, v) in bars.values.iter().enumerate() {
                if let Some(v) = v {
                    let y = y_of(*v);
                    self.push(Op::Fill {
                        rect: (
                            left + slot * i as f32 + slot * 0.12,
                            y,
                            slot * 0.76,
                            top + h - y,
                        ),
                        colour: ink(bars.ink),
                    });
                }
            }
        }
        for level in &c.levels {
            self.push(Op::Dashes {
                points: vec![(left, y_of(level.value)), (left + w, y_of(level.value))],
                width: 1.0,
                colour: ink(level.ink),
                array: dashes(level.dash),
            });
        }
        for line in &c.lines {
            self.series(line, &x_mid, &y_of);
        }
        self.legend(c, left, legend_y);
        self.y = top + h + 14.0;
        self.para(&c.caption, SMALL, MUTED);
    }

    fn series(&mut self, line: &Line, x: &dyn Fn(usize) -> f32, y: &dyn Fn(f64) -> f32) {
        let mut run: Vec<(f32, f32)> = Vec::new();
        for (i, v) in line.values.iter().enumerate() {
            match v {
                Some(v) => {
                    run.push((x(i), y(*v)));
                    if line.markers || line.values.len() == 1 {
                        self.push(Op::Fill {
                            rect: (x(i) - 2.0, y(*v) - 2.0, 4.0, 4.0),
                            colour: ink(line.ink),
                        });
                    }
                }
                None => self.run(line, &mut run),
            }
        }
        self.run(line, &mut run);
    }

    fn run(&mut self, line: &Line, run: &mut Vec<(f32, f32)>) {
        if run.len() > 1 {
            self.push(Op::Dashes {
                points: std::mem::take(run),
                width: 1.6,
                colour: ink(line.ink),
                array: dashes(line.dash),
            });
        }
        run.clear();
    }

    fn legend(&mut self, c: &LineChart, left: f32, y: f32) {
        // (a box of this colour, or a line of this colour, width and dashes; the name)
        let mut entries: Vec<(Colour, Option<Stroke>, &str)> = Vec::new();
        if let Some(bars) = &c.bars {
            entries.push((ink(bars.ink), None, &bars.name));
        }
        for line in &c.lines {
            entries.push((ink(line.ink), Some((1.6, dashes(line.dash))), &line.name));
        }
        for level in &c.levels {
            entries.push((ink(level.ink), Some((1.0, dashes(level.dash))), &level.name));
        }
        if !c.shaded.is_empty() {
            entries.push((LEAVE, None, "leave"));
        }
        let mut x = left;
        for (colour, line, name) in entries {
            self.push(match line {
                Some((width, array)) => Op::Dashes {
                    points: vec![(x, y), (x + 16.0, y)],
                    width,
                    colour,
                    array,
                },
                None => Op::Fill {
                    rect: (x, y - 3.0, 16.0, 6.0),
                    colour,
                },
            });
            self.push(Op::Text {
                x: x + 20.0,
                y: y + 2.5,
                size: SMALL,
                colour: MUTED,
                text: name.to_string(),
            });
            x += 28.0 + self.m.width(name, SMALL);
        }
    }
}
