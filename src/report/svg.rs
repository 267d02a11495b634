//! The team document's band chart as inline SVG (the other charts: svg_chart.rs).

use super::document::Dates;

const W: f64 = 720.0;
const H: f64 = 220.0;
const LEFT: f64 = 44.0;
const BOTTOM: f64 = 28.0;
const TOP: f64 = 12.0;

fn scale(value: f64, max: f64) -> f64 {
    TOP + (H - TOP - BOTTOM) * (1.0 - value / max)
}

fn x_at(i: usize, n: usize) -> f64 {
    LEFT + (W - LEFT) * (i as f64 + 0.5) / n.max(1) as f64
}

/// A weekly series across members (the team document): the middle half of members as a
/// shaded band, the median as a line over it, a dashed reference line; withheld weeks are
/// gaps. Band, line and reference differ in shade and dash, not only in colour.
pub fn band(b: &super::document::BandSeries, d: &Dates) -> String {
    let n = b.weeks.len();
    let (max, step) = b.axis();
    let mut body = String::new();
    let mut tick = 0.0;
    while tick <= max + 1e-9 {
        let y = scale(tick, max);
        body.push_str(&format!(
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{W}" y2="{y:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" font-size="11" text-anchor="end" fill="#555">{tick:.0}{}</text>"##,
            LEFT - 6.0,
            y + 4.0,
            b.unit.trim()
        ));
        tick += step;
    }
    for run in runs(&b.values) {
        let upper: Vec<String> = run
            .iter()
            .map(|&(i, (_, _, q3))| format!("{:.1},{:.1}", x_at(i, n), scale(q3, max)))
            .collect();
        let lower: Vec<String> = run
            .iter()
            .rev()
            .map(|&(i, (q1, _, _))| format!("{:.1},{:.1}", x_at(i, n), scale(q1, max)))
            .collect();
        let median: Vec<String> = run
            .iter()
            .map(|&(i, (_, m, _))| format!("{:.1},{:.1}", x_at(i, n), scale(m, max)))
            .collect();
        body.push_str(&format!(
            r##"<polygon fill="#9bb7d9" fill-opacity="0.6" stroke="#9bb7d9" stroke-width="3" stroke-linejoin="round" points="{} {}"/><polyline fill="none" stroke="#0b3d78" stroke-width="2.5" points="{}"/>"##,
            upper.join(" "),
            lower.join(" "),
            median.join(" ")
        ));
        if run.len() == 1 {
            let (i, (_, m, _)) = run[0];
            body.push_str(&format!(
                r##"<circle cx="{:.1}" cy="{:.1}" r="3" fill="#0b3d78"/>"##,
                x_at(i, n),
                scale(m, max)
            ));
        }
    }
    let mut legend = format!(
        r##"<rect x="{:.1}" y="{:.1}" width="14" height="9" fill="#9bb7d9"/><text x="{:.1}" y="{:.1}" font-size="11" fill="#333">middle half of members</text><line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#0b3d78" stroke-width="2.5"/><text x="{:.1}" y="{:.1}" font-size="11" fill="#333">median</text>"##,
        LEFT + 8.0,
        TOP - 8.0,
        LEFT + 26.0,
        TOP,
        LEFT + 170.0,
        TOP - 3.5,
        LEFT + 188.0,
        TOP - 3.5,
        LEFT + 194.0,
        TOP,
    );
    if let Some((value, label)) = &b.reference {
        let y = scale(*value, max);
        body.push_str(&format!(
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{W}" y2="{y:.1}" stroke="#b3261e" stroke-width="2" stroke-dasharray="6 4"/>"##
        ));
        legend.push_str(&format!(
            r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#b3261e" stroke-width="2" stroke-dasharray="6 4"/><text x="{:.1}" y="{:.1}" font-size="11" fill="#333">{}</text>"##,
            LEFT + 250.0,
            TOP - 3.5,
            LEFT + 272.0,
            TOP - 3.5,
            LEFT + 278.0,
            TOP,
            super::html::escape(label)
        ));
    }
    let first = b.weeks.first().map(|w| d.show(*w)).unwrap_or_default();
    let last = b.weeks.last().map(|w| d.show(*w)).unwrap_or_default();
    format!(
        r##"<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 -12 {W} {}" role="img" aria-label="{}">{body}{legend}<text x="{LEFT}" y="{:.1}" font-size="11" fill="#555">{first}</text><text x="{W}" y="{:.1}" font-size="11" text-anchor="end" fill="#555">{last}</text></svg><figcaption>{}</figcaption></figure>"##,
        H + 12.0,
        super::html::escape(&b.description),
        H - 8.0,
        H - 8.0,
        super::html::escape(&b.title)
    )
}

/// The runs of consecutive weeks with a value: (week index, value).
type Run = Vec<(usize, (f64, f64, f64))>;

fn runs(values: &[Option<(f64, f64, f64)>]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut current: Run = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => current.push((i, *v)),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}
