//! Inline SVG charts for the HTML document: weekly open cases against the limit, and weekly
//! hours with their rolling 17-week average, against contracted hours and 48.

use super::Report;
use super::document::Dates;

const W: f64 = 720.0;
const H: f64 = 220.0;
const LEFT: f64 = 44.0;
const BOTTOM: f64 = 28.0;
const TOP: f64 = 12.0;

fn scale(value: f64, max: f64) -> f64 {
    TOP + (H - TOP - BOTTOM) * (1.0 - value / max)
}

fn frame(title: &str, max: f64, first: &str, last: &str, body: &str) -> String {
    let mut grid = String::new();
    for i in 0..=4 {
        let v = max * f64::from(i) / 4.0;
        let y = scale(v, max);
        grid.push_str(&format!(
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{W}" y2="{y:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" font-size="11" text-anchor="end" fill="#555">{v:.0}</text>"##,
            LEFT - 6.0,
            y + 4.0
        ));
    }
    format!(
        r##"<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img" aria-label="{title}">{grid}<text x="{LEFT}" y="{:.1}" font-size="11" fill="#555">{first}</text><text x="{W}" y="{:.1}" font-size="11" text-anchor="end" fill="#555">{last}</text>{body}</svg><figcaption>{title}</figcaption></figure>"##,
        H - 8.0,
        H - 8.0
    )
}

fn x_at(i: usize, n: usize) -> f64 {
    LEFT + (W - LEFT) * (i as f64 + 0.5) / n.max(1) as f64
}

fn line(y: f64, colour: &str, label: &str) -> String {
    format!(
        r##"<line x1="{LEFT}" y1="{y:.1}" x2="{W}" y2="{y:.1}" stroke="{colour}" stroke-width="2" stroke-dasharray="6 4"/><text x="{:.1}" y="{:.1}" font-size="11" text-anchor="end" fill="{colour}">{label}</text>"##,
        W - 4.0,
        y - 4.0
    )
}

pub fn caseload(r: &Report, d: &Dates) -> String {
    let weeks = &r.series.weeks;
    let limit = f64::from(r.caseload.limit);
    let max = weeks
        .iter()
        .map(|w| f64::from(w.open))
        .fold(limit, f64::max)
        .max(1.0)
        * 1.15;
    let points: Vec<String> = weeks
        .iter()
        .enumerate()
        .map(|(i, w)| {
            format!(
                "{:.1},{:.1}",
                x_at(i, weeks.len()),
                scale(f64::from(w.open), max)
            )
        })
        .collect();
    let body = format!(
        r##"<polyline fill="none" stroke="#1f5fa8" stroke-width="2.5" points="{}"/>{}"##,
        points.join(" "),
        line(scale(limit, max), "#b3261e", &format!("limit {limit:.0}"))
    );
    let (first, last) = ends(r, d);
    frame(
        "Open cases at the end of each week, against the caseload limit",
        max,
        &first,
        &last,
        &body,
    )
}

pub fn hours(r: &Report, d: &Dates) -> String {
    let weeks = &r.series.weeks;
    let contracted = r.detail.assumptions.contracted_hours;
    let max = weeks.iter().map(|w| w.hours).fold(48.0_f64, f64::max) * 1.1;
    let slot = (W - LEFT) / weeks.len().max(1) as f64;
    let bars: String = weeks
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let y = scale(w.hours, max);
            let colour = if w.hours > contracted { "#c77700" } else { "#6a8fb8" };
            format!(r##"<rect x="{:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{colour}"><title>{:.1} h</title></rect>"##, LEFT + slot * i as f64 + slot * 0.1, slot * 0.8, H - BOTTOM - y, w.hours)
        })
        .collect();
    // The rolling 17-week average, where the records cover the 17 weeks: the figure the
    // 48-hour limit applies to (a single long week is not a breach).
    let average: Vec<String> = weeks
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            w.wtr_average
                .map(|a| format!("{:.1},{:.1}", x_at(i, weeks.len()), scale(a, max)))
        })
        .collect();
    let average = if average.is_empty() {
        String::new()
    } else {
        format!(
            r##"<polyline fill="none" stroke="#1b1b1b" stroke-width="2" points="{}"/>"##,
            average.join(" ")
        )
    };
    let body = format!(
        "{bars}{average}{}{}",
        line(
            scale(contracted, max),
            "#1f5fa8",
            &format!("contract {contracted:.1}")
        ),
        line(
            scale(48.0, max),
            "#b3261e",
            "48: limit for the 17-week average"
        )
    );
    let (first, last) = ends(r, d);
    frame(
        "Hours worked each week (bars) and the rolling 17-week average (line), against contracted hours and 48. The Working Time Regulations limit of 48 hours applies to the 17-week average: a single week above 48 hours is not by itself a breach.",
        max,
        &first,
        &last,
        &body,
    )
}

fn ends(r: &Report, d: &Dates) -> (String, String) {
    let weeks = &r.series.weeks;
    (
        weeks
            .first()
            .map(|w| d.show(&w.week_start))
            .unwrap_or_default(),
        weeks
            .last()
            .map(|w| d.show(&w.week_start))
            .unwrap_or_default(),
    )
}
