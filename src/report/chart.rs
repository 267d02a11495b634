//! The documents' charts as data, drawn alike by the HTML (SVG) and the PDF: open cases
//! against the limit, weighted capacity % against the threshold, weekly hours with the rolling
//! 17-week average against 48, and the monthly stress score.
//!
//! Every chart has ticks at whole, round values, each labelled with its own value (a gridline
//! is never labelled with a rounded neighbour); dates along the x-axis at month boundaries;
//! leave shaded and labelled; a legend; series told apart by dash pattern and marker as well as
//! colour, so that they stay distinct printed in greyscale; and a text alternative.

use super::Report;
use super::document::{Chart, Dates};
use chrono::{Datelike, NaiveDate};

/// How a line is drawn, so that series differ in greyscale too.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Dash {
    Solid,
    /// Long dashes: a limit.
    Dashed,
    /// Dots: a reference that is not a limit (contracted hours).
    Dotted,
}

/// The colours, each also told apart by its dash: data dark blue, limits dark red, other
/// references grey.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ink {
    Data,
    Limit,
    Reference,
    Bar,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub name: String,
    /// One value per slot; `None` is a gap.
    pub values: Vec<Option<f64>>,
    pub dash: Dash,
    pub ink: Ink,
    /// A dot at each value (a monthly series, where one month may stand alone).
    pub markers: bool,
}

/// A horizontal line across the chart at `value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub name: String,
    pub value: f64,
    pub dash: Dash,
    pub ink: Ink,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    /// The caption under the chart.
    pub caption: String,
    /// What a screen reader says instead of the chart (also the Markdown's text).
    pub alt: String,
    /// How many slots (weeks or months) along the x-axis.
    pub slots: usize,
    pub y_max: f64,
    /// Gridlines and their labels, from 0 to `y_max`.
    pub ticks: Vec<f64>,
    /// A label at the slot where each month begins.
    pub months: Vec<(usize, String)>,
    /// Leave: the first and last slot it touches.
    pub shaded: Vec<(usize, usize)>,
    /// Bars, one a slot, drawn first.
    pub bars: Option<Line>,
    pub lines: Vec<Line>,
    pub levels: Vec<Level>,
}

/// The chart a document block asks for (`None` for the team document's band chart, which
/// carries its own data).
pub fn of(chart: &Chart, r: &Report, d: &Dates) -> Option<LineChart> {
    match chart {
        Chart::Caseload => Some(caseload(r, d)),
        Chart::Capacity => Some(capacity(r, d)),
        Chart::Hours => Some(hours(r, d)),
        Chart::StressTrend => Some(stress(r)),
        Chart::Band(_) => None,
    }
}

/// A round step for about `at_most` gridlines up to `max`: 1, 2 or 5 times a power of ten.
pub fn ticks(max: f64, at_most: usize) -> (f64, Vec<f64>) {
    let max = max.max(1.0);
    let mut step = 1.0;
    'search: for power in [1.0, 10.0, 100.0, 1000.0, 10000.0] {
        for base in [1.0, 2.0, 5.0] {
            step = base * power;
            if (max / step).ceil() as usize <= at_most {
                break 'search;
            }
        }
    }
    let top = (max / step).ceil() * step;
    let count = (top / step).round() as usize;
    (top, (0..=count).map(|i| i as f64 * step).collect())
}

/// "Jan 2026" at the first label and where the year changes, else "Feb".
fn month_label(d: NaiveDate, first: bool) -> String {
    if first {
        d.format("%b %Y").to_string()
    } else {
        d.format("%b").to_string()
    }
}

/// About how many characters of month label fit along the x-axis: the HTML's 10-unit labels
/// on a 668-unit axis (the PDF's 6-point labels on a 473-point axis hold more).
const AXIS_CHARS: f64 = 115.0;

/// Labels for the slots where months begin: every month when the labels (drawn from their
/// tick rightwards) fit with half a character between them, else every 2nd, 3rd, 4th, 6th or
/// 12th month, so that a long period does not run its labels together ("Jun 2025Jul"). The
/// year is given at the first label and wherever it changes. HTML and PDF draw the same.
fn month_labels(marks: &[(usize, NaiveDate)], slots: usize) -> Vec<(usize, String)> {
    let per_slot = AXIS_CHARS / slots.max(1) as f64;
    let label = |kept: &[&(usize, NaiveDate)]| -> Vec<(usize, String)> {
        kept.iter()
            .enumerate()
            .map(|(n, (i, d))| {
                let new_year = n == 0 || kept[n - 1].1.year() != d.year();
                (*i, month_label(*d, new_year))
            })
            .collect()
    };
    let mut labels = Vec::new();
    for step in [1, 2, 3, 4, 6, 12] {
        labels = label(&marks.iter().step_by(step).collect::<Vec<_>>());
        let fits = labels
            .windows(2)
            .all(|w| (w[1].0 - w[0].0) as f64 * per_slot >= w[0].1.chars().count() as f64 + 0.5);
        if fits {
            break;
        }
    }
    labels
}

/// The slots where a month begins: the first week starting in it, and its first day.
fn week_months(starts: &[Option<NaiveDate>]) -> Vec<(usize, NaiveDate)> {
    let mut months = Vec::new();
    let mut last: Option<(i32, u32)> = None;
    for (i, d) in starts.iter().enumerate() {
        let Some(d) = d else { continue };
        let key = (d.year(), d.month());
        if last.is_some_and(|l| l != key) {
            months.push((i, *d));
        }
        last = Some(key);
    }
    months
}

/// The weeks that leave touches, merged where they meet.
fn leave_weeks(r: &Report, starts: &[Option<NaiveDate>]) -> Vec<(usize, usize)> {
    let mut slots: Vec<(usize, usize)> = Vec::new();
    let mut spans: Vec<(NaiveDate, NaiveDate)> = r.series.leave.clone();
    spans.sort();
    for (from, to) in spans {
        let touched: Vec<usize> = starts
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let s = (*s)?;
                let end = s + chrono::Days::new(6);
                (s <= to && end >= from).then_some(i)
            })
            .collect();
        let (Some(&a), Some(&b)) = (touched.first(), touched.last()) else {
            continue;
        };
        match slots.last_mut() {
            Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
            _ => slots.push((a, b)),
        }
    }
    slots
}

/// Slots, month labels and leave: the frame every weekly chart shares.
type Frame = (usize, Vec<(usize, String)>, Vec<(usize, usize)>);

/// The frame every weekly chart shares: slots, months, leave.
fn weekly(r: &Report) -> Frame {
    let starts: Vec<Option<NaiveDate>> =
        r.series.weeks.iter().map(|w| Some(w.week_start)).collect();
    let months = month_labels(&week_months(&starts), starts.len());
    (starts.len(), months, leave_weeks(r, &starts))
}

fn span(r: &Report, d: &Dates) -> String {
    let weeks = &r.series.weeks;
    match (weeks.first(), weeks.last()) {
        (Some(a), Some(b)) => format!(
            "from the week of {} to the week of {}",
            d.show(a.week_start),
            d.show(b.week_start)
        ),
        _ => "with no weeks".to_string(),
    }
}

fn leave_sentence(shaded: &[(usize, usize)]) -> String {
    match shaded.len() {
        0 => String::new(),
        1 => " One period of leave is shaded.".to_string(),
        n => format!(" {n} periods of leave are shaded."),
    }
}

/// A weekly chart of one solid data line against its levels: the shared frame (slots, month
/// labels, leave) and axis, with its caption and text alternative. (The caseload and the
/// capacity charts; the hours chart adds bars.)
fn weekly_line(
    (slots, months, shaded): Frame,
    (caption, alt): (String, String),
    (y_max, ticks): (f64, Vec<f64>),
    line: Line,
    levels: Vec<Level>,
) -> LineChart {
    LineChart {
        caption,
        alt,
        slots,
        y_max,
        ticks,
        months,
        shaded,
        bars: None,
        lines: vec![line],
        levels,
    }
}

/// A weekly data series as a solid line.
fn data_line(name: &str, values: impl Iterator<Item = f64>) -> Line {
    Line {
        name: name.into(),
        values: values.map(Some).collect(),
        dash: Dash::Solid,
        ink: Ink::Data,
        markers: false,
    }
}

/// Open cases at the end of each week against the caseload limit.
pub fn caseload(r: &Report, d: &Dates) -> LineChart {
    let weeks = &r.series.weeks;
    let limit = f64::from(r.caseload.limit);
    let peak = weeks.iter().max_by_key(|w| w.open);
    let max = weeks
        .iter()
        .map(|w| f64::from(w.open))
        .fold(limit, f64::max);
    let (y_max, ticks) = ticks(max * 1.08, 6);
    let frame = weekly(r);
    let alt = format!(
        "Line chart of open cases at the end of each week {}, against the caseload limit of {}.{}{}",
        span(r, d),
        r.caseload.limit,
        peak.map(|p| format!(
            " The highest was {} open cases, in the week of {}.",
            p.open,
            d.show(p.week_start)
        ))
        .unwrap_or_default(),
        leave_sentence(&frame.2)
    );
    let line = data_line("open cases", weeks.iter().map(|w| f64::from(w.open)));
    let levels = vec![Level {
        name: format!("limit {}", r.caseload.limit),
        value: limit,
        dash: Dash::Dashed,
        ink: Ink::Limit,
    }];
    let caption = "Open cases at the end of each week, against the caseload limit.".into();
    weekly_line(frame, (caption, alt), (y_max, ticks), line, levels)
}

/// The weighted caseload as a percentage of contracted hours, against the threshold.
pub fn capacity(r: &Report, d: &Dates) -> LineChart {
    let weeks = &r.series.weeks;
    let threshold = r.detail.assumptions.capacity_percent;
    let over = weeks
        .iter()
        .filter(|w| w.capacity_percent > threshold)
        .count();
    let max = weeks
        .iter()
        .map(|w| w.capacity_percent)
        .fold(threshold.max(100.0), f64::max);
    let (y_max, ticks) = ticks(max * 1.05, 6);
    let frame = weekly(r);
    let alt = format!(
        "Line chart of the weighted caseload as a percentage of contracted hours at the end of each week {}, against the threshold of {threshold:.0}% and 100%. {over} of {} weeks were above the threshold.{}",
        span(r, d),
        weeks.len(),
        leave_sentence(&frame.2)
    );
    let caption = format!(
        "Weighted caseload as a percentage of contracted hours (capacity %) at the end of each week, against the {threshold:.0}% threshold."
    );
    let line = data_line("capacity %", weeks.iter().map(|w| w.capacity_percent));
    let levels = vec![
        Level {
            name: format!("threshold {threshold:.0}%"),
            value: threshold,
            dash: Dash::Dashed,
            ink: Ink::Limit,
        },
        Level {
            name: "100%".into(),
            value: 100.0,
            dash: Dash::Dotted,
            ink: Ink::Reference,
        },
    ];
    weekly_line(frame, (caption, alt), (y_max, ticks), line, levels)
}

/// Hours each week (bars), the rolling 17-week average (line), contracted hours and 48.
pub fn hours(r: &Report, d: &Dates) -> LineChart {
    let weeks = &r.series.weeks;
    let contracted = r.detail.assumptions.contracted_hours;
    let max = weeks.iter().map(|w| w.hours).fold(48.0_f64, f64::max);
    let (y_max, ticks) = ticks(max * 1.05, 7);
    let (slots, months, shaded) = weekly(r);
    let longest = weeks.iter().max_by(|a, b| a.hours.total_cmp(&b.hours));
    let highest_average = weeks
        .iter()
        .filter_map(|w| w.wtr_average)
        .fold(None, |m: Option<f64>, a| Some(m.map_or(a, |m| m.max(a))));
    let alt = format!(
        "Bar chart of hours worked each week {}, with the rolling 17-week average as a line, against contracted hours of {contracted:.1} and the 48-hour limit for the average.{}{}{}",
        span(r, d),
        longest
            .map(|w| format!(
                " The longest week was {} hours, the week of {}.",
                super::document::below_limit(w.hours, super::document::WTR_LIMIT, 1),
                d.show(w.week_start)
            ))
            .unwrap_or_default(),
        highest_average.map_or_else(
            || " The records do not yet cover 17 weeks, so there is no average.".into(),
            |a| format!(
                " The highest 17-week average was {} hours.",
                super::document::below_limit(a, super::document::WTR_LIMIT, 1)
            )
        ),
        leave_sentence(&shaded)
    );
    LineChart {
        caption: "Hours worked each week (bars) and the rolling 17-week average (line), against contracted hours and 48. The Working Time Regulations limit of 48 hours applies to the 17-week average: a single week above 48 hours is not by itself a breach.".into(),
        alt,
        slots,
        y_max,
        ticks,
        months,
        shaded,
        bars: Some(Line {
            name: "hours in the week".into(),
            values: weeks.iter().map(|w| Some(w.hours)).collect(),
            dash: Dash::Solid,
            ink: Ink::Bar,
            markers: false,
        }),
        lines: vec![Line {
            name: "17-week average".into(),
            values: weeks.iter().map(|w| w.wtr_average).collect(),
            dash: Dash::Solid,
            ink: Ink::Data,
            markers: false,
        }],
        levels: vec![
            Level {
                name: "48: limit for the average".into(),
                value: 48.0,
                dash: Dash::Dashed,
                ink: Ink::Limit,
            },
            Level {
                name: format!("contract {contracted:.1}"),
                value: contracted,
                dash: Dash::Dotted,
                ink: Ink::Reference,
            },
        ],
    }
}

/// The months of `report.health.stress_by_month`: (first day, mean).
fn monthly_stress(r: &Report) -> Vec<(NaiveDate, Option<f64>)> {
    r.health
        .stress_by_month
        .iter()
        .map(|m| (m.month, m.mean))
        .collect()
}

/// The monthly mean stress score, 0 to 10.
pub fn stress(r: &Report) -> LineChart {
    let months = monthly_stress(r);
    let scored: Vec<&(NaiveDate, Option<f64>)> = months.iter().filter(|m| m.1.is_some()).collect();
    let alt = match (scored.first(), scored.last()) {
        (Some(first), Some(last)) => format!(
            "Line chart of the mean stress score (0 to 10) of the diary notes, month by month, from {} to {}: {:.1} in {} and {:.1} in {}; {} months with scores.",
            months[0].0.format("%B %Y"),
            months[months.len() - 1].0.format("%B %Y"),
            first.1.unwrap_or(0.0),
            first.0.format("%B %Y"),
            last.1.unwrap_or(0.0),
            last.0.format("%B %Y"),
            scored.len()
        ),
        _ => "Line chart of the mean stress score of the diary notes, month by month: no note in the period gives a score.".to_string(),
    };
    LineChart {
        caption: "Mean stress score of the diary notes each month (0 none, 10 worst); a month with no score is left as a gap.".into(),
        alt,
        slots: months.len(),
        y_max: 10.0,
        ticks: (0..=5).map(|i| f64::from(i) * 2.0).collect(),
        months: month_labels(
            &months
                .iter()
                .enumerate()
                .map(|(i, m)| (i, m.0))
                .collect::<Vec<_>>(),
            months.len(),
        ),
        shaded: Vec::new(),
        bars: None,
        lines: vec![Line {
            name: "mean stress score".into(),
            values: months.iter().map(|m| m.1).collect(),
            dash: Dash::Solid,
            ink: Ink::Data,
            markers: true,
        }],
        levels: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::{AXIS_CHARS, month_label, month_labels, ticks, week_months};
    use chrono::NaiveDate;

    #[test]
    fn ticks_are_whole_round_values_each_labelled_with_itself() {
        assert_eq!(
            ticks(26.0, 6),
            (30.0, vec![0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0])
        );
        assert_eq!(ticks(23.76, 6).1, vec![0.0, 5.0, 10.0, 15.0, 20.0, 25.0]);
        assert_eq!(ticks(8.0, 6).1, vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(ticks(140.0, 6).0, 150.0);
        assert_eq!(ticks(0.0, 6).1, vec![0.0, 1.0]);
        for max in [3.0, 7.5, 22.5, 51.0, 137.0, 999.0] {
            let (top, t) = ticks(max, 6);
            assert!(top >= max && t.len() <= 7, "{max}: {t:?}");
            assert!(t.iter().all(|v| v.fract() == 0.0), "{max}: {t:?}");
        }
    }

    #[test]
    fn month_labels_thin_out_when_they_would_run_together() {
        let first = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        let monthly = |n: u32| -> Vec<(usize, NaiveDate)> {
            (0..n)
                .map(|i| {
                    (
                        i as usize,
                        first(2025 + ((5 + i) / 12) as i32, (5 + i) % 12 + 1),
                    )
                })
                .collect()
        };
        // Thirteen months fit one label each; eighteen take every second month, the year
        // given where it changes even when January is not labelled.
        assert_eq!(month_labels(&monthly(13), 13).len(), 13);
        let eighteen = month_labels(&monthly(18), 18);
        let texts: Vec<&str> = eighteen.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Jun 2025", "Aug", "Oct", "Dec", "Feb 2026", "Apr", "Jun", "Aug", "Oct"
            ]
        );
        assert_eq!(eighteen[1].0, 2);
        // Five years of weeks: every sixth or twelfth month, never touching.
        let weeks: Vec<Option<NaiveDate>> = (0..260)
            .map(|w| Some(first(2021, 1) + chrono::Days::new(7 * w)))
            .collect();
        let labels = month_labels(&week_months(&weeks), weeks.len());
        let per_slot = AXIS_CHARS / 260.0;
        assert!(labels.len() >= 5 && labels.len() <= 20, "{labels:?}");
        for w in labels.windows(2) {
            assert!((w[1].0 - w[0].0) as f64 * per_slot > w[0].1.len() as f64);
        }
    }

    #[test]
    fn months_are_labelled_where_they_begin() {
        let week = |d: &str| Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        let starts = [
            week("2025-12-22"),
            week("2025-12-29"),
            week("2026-01-05"),
            week("2026-01-12"),
            week("2026-02-02"),
        ];
        assert_eq!(
            month_labels(&week_months(&starts), starts.len()),
            vec![(2, "Jan 2026".to_string()), (4, "Feb".to_string())]
        );
        let d = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(month_label(d, true), "Mar 2026");
    }
}
