//! A [`LineChart`] as inline SVG for the HTML document (the PDF draws the same chart in
//! pdf/layout/chart.rs).

use super::chart::{Dash, Ink, Line, LineChart};
use super::html::escape;

const W: f64 = 720.0;
const H: f64 = 250.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 8.0;
/// The legend's row is above the plot.
const TOP: f64 = 30.0;
const BOTTOM: f64 = 30.0;

pub fn colour(ink: Ink) -> &'static str {
    match ink {
        Ink::Data => "#1f5fa8",
        Ink::Limit => "#b3261e",
        Ink::Reference => "#555555",
        Ink::Bar => "#9bb7d9",
    }
}

fn dasharray(dash: Dash) -> &'static str {
    match dash {
        Dash::Solid => "",
        Dash::Dashed => r#" stroke-dasharray="8 4""#,
        Dash::Dotted => r#" stroke-dasharray="2 3""#,
    }
}

pub fn chart(c: &LineChart) -> String {
    let plot_w = W - LEFT - RIGHT;
    let slot = plot_w / c.slots.max(1) as f64;
    let x_mid = |i: usize| LEFT + slot * (i as f64 + 0.5);
    let y = |v: f64| TOP + (H - TOP - BOTTOM) * (1.0 - v / c.y_max.max(1e-9));
    let mut body = String::new();
    for &(a, b) in &c.shaded {
        let x = LEFT + slot * a as f64;
        body.push_str(&format!(
            r##"<rect x="{x:.1}" y="{TOP}" width="{:.1}" height="{:.1}" fill="#e4e4e4"/><text x="{:.1}" y="{:.1}" font-size="10" fill="#444">leave</text>"##,
            slot * (b + 1 - a) as f64,
            H - TOP - BOTTOM,
            x + 2.0,
            TOP + 11.0
        ));
    }
    for &t in &c.ticks {
        body.push_str(&format!(
            r##"<line x1="{LEFT}" y1="{0:.1}" x2="{1:.1}" y2="{0:.1}" stroke="#ddd"/><text x="{2:.1}" y="{3:.1}" font-size="11" text-anchor="end" fill="#555">{t}</text>"##,
            y(t),
            W - RIGHT,
            LEFT - 6.0,
            y(t) + 4.0
        ));
    }
    for (i, label) in &c.months {
        let x = LEFT + slot * *i as f64;
        body.push_str(&format!(
            r##"<line x1="{x:.1}" y1="{0:.1}" x2="{x:.1}" y2="{1:.1}" stroke="#888"/><text x="{2:.1}" y="{3:.1}" font-size="10" fill="#555">{4}</text>"##,
            H - BOTTOM,
            H - BOTTOM + 5.0,
            x + 2.0,
            H - BOTTOM + 16.0,
            escape(label)
        ));
    }
    if let Some(bars) = &c.bars {
        for (i, v) in bars.values.iter().enumerate() {
            if let Some(v) = v {
                body.push_str(&format!(
                    r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"><title>{v:.1}</title></rect>"#,
                    LEFT + slot * i as f64 + slot * 0.12,
                    y(*v),
                    slot * 0.76,
                    (H - BOTTOM - y(*v)).max(0.0),
                    colour(bars.ink)
                ));
            }
        }
    }
    for level in &c.levels {
        body.push_str(&format!(
            r#"<line x1="{LEFT}" y1="{0:.1}" x2="{1:.1}" y2="{0:.1}" stroke="{2}" stroke-width="1.6"{3}/>"#,
            y(level.value),
            W - RIGHT,
            colour(level.ink),
            dasharray(level.dash)
        ));
    }
    // The data last, over the limits, so that a series at its limit is still seen.
    for line in &c.lines {
        body.push_str(&polyline(line, &x_mid, &y));
    }
    body.push_str(&legend(c));
    format!(
        r##"<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img" aria-label="{}"><rect x="{LEFT}" y="{TOP}" width="{:.1}" height="{:.1}" fill="none" stroke="#bbb"/>{body}</svg><figcaption>{}</figcaption></figure>"##,
        escape(&c.alt),
        W - LEFT - RIGHT,
        H - TOP - BOTTOM,
        escape(&c.caption)
    )
}

fn polyline(line: &Line, x: &dyn Fn(usize) -> f64, y: &dyn Fn(f64) -> f64) -> String {
    let mut out = String::new();
    let mut run: Vec<String> = Vec::new();
    let flush = |run: &mut Vec<String>, out: &mut String| {
        if run.len() > 1 {
            out.push_str(&format!(
                r#"<polyline fill="none" stroke="{}" stroke-width="2.5" stroke-linejoin="round"{} points="{}"/>"#,
                colour(line.ink),
                dasharray(line.dash),
                run.join(" ")
            ));
        }
        run.clear();
    };
    for (i, v) in line.values.iter().enumerate() {
        match v {
            Some(v) => {
                run.push(format!("{:.1},{:.1}", x(i), y(*v)));
                if line.markers || line.values.len() == 1 {
                    out.push_str(&format!(
                        r#"<circle cx="{:.1}" cy="{:.1}" r="3.5" fill="{}"/>"#,
                        x(i),
                        y(*v),
                        colour(line.ink)
                    ));
                }
            }
            None => flush(&mut run, &mut out),
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Swatches and names along the top: bars, lines, levels, leave.
fn legend(c: &LineChart) -> String {
    let mut out = String::new();
    let mut x = LEFT;
    let row = 12.0;
    let entry = |swatch: String, name: &str, out: &mut String, x: &mut f64| {
        out.push_str(
            &swatch
                .replace("{X}", &format!("{:.1}", *x))
                .replace("{X2}", &format!("{:.1}", *x + 22.0)),
        );
        out.push_str(&format!(
            r##"<text x="{:.1}" y="{:.1}" font-size="11" fill="#333">{}</text>"##,
            *x + 27.0,
            row + 4.0,
            escape(name)
        ));
        *x += 40.0 + name.chars().count() as f64 * 6.2;
    };
    if let Some(bars) = &c.bars {
        let swatch = format!(
            r#"<rect x="{{X}}" y="{:.1}" width="22" height="10" fill="{}"/>"#,
            row - 5.0,
            colour(bars.ink)
        );
        entry(swatch, &bars.name, &mut out, &mut x);
    }
    let line_swatch = |ink: Ink, dash: Dash, width: f64| {
        format!(
            r#"<line x1="{{X}}" y1="{row}" x2="{{X2}}" y2="{row}" stroke="{}" stroke-width="{width}"{}/>"#,
            colour(ink),
            dasharray(dash)
        )
    };
    for line in &c.lines {
        entry(
            line_swatch(line.ink, line.dash, 2.5),
            &line.name,
            &mut out,
            &mut x,
        );
    }
    for level in &c.levels {
        entry(
            line_swatch(level.ink, level.dash, 1.6),
            &level.name,
            &mut out,
            &mut x,
        );
    }
    if !c.shaded.is_empty() {
        let swatch = format!(
            r##"<rect x="{{X}}" y="{:.1}" width="22" height="10" fill="#e4e4e4" stroke="#bbb"/>"##,
            row - 5.0
        );
        entry(swatch, "leave", &mut out, &mut x);
    }
    out
}
