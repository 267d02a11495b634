//! The dashboard: caseload and capacity against the limits, the last 26 weeks charted with
//! the limit drawn, the deadlines of the next 14 days, and the flagged facts of the year.

use crate::domain::dates::format_date;
use crate::report::document::plural;
use crate::tui::app::App;
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph, Widget, Wrap};

fn date(app: &App, day: NaiveDate) -> String {
    format_date(day, &app.config.date_format)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let [cards, middle, facts] = Layout::vertical([
        Constraint::Length(cards_height(app, area)),
        Constraint::Fill(1),
        Constraint::Length(8),
    ])
    .areas(area);
    render_cards(app, cards, buf);
    let [chart, upcoming] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(middle);
    render_chart(app, chart, buf);
    render_upcoming(app, upcoming, buf);
    render_facts(app, facts, buf);
}

fn card(app: &App, title: &str, lines: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
    // A line longer than the card wraps (the cards' row grows to hold it) rather than
    // being cut: "(≤48)" after the average was lost at 80 columns.
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(format!(" {title} "), app.theme.title)),
        )
        .render(area, buf);
}

fn card_areas(area: Rect) -> [Rect; 3] {
    Layout::horizontal([Constraint::Ratio(1, 3); 3]).areas(area)
}

fn render_cards(app: &App, area: Rect, buf: &mut Buffer) {
    let [a, b, c] = card_areas(area);
    render_caseload_card(app, a, buf);
    render_hours_card(app, b, buf);
    render_upcoming_card(app, c, buf);
}

/// Rows the three cards need, borders included: two lines each, more where a line wraps.
fn cards_height(app: &App, area: Rect) -> u16 {
    let [a, b, c] = card_areas(area);
    let rows = |lines: &[Line], area: Rect| -> usize {
        let width = usize::from(area.width.saturating_sub(2));
        lines
            .iter()
            .map(|l| crate::tui::wrap::wrap(&l.to_string(), width).len())
            .sum()
    };
    let most = rows(&caseload_lines(app), a)
        .max(rows(&hours_card(app, b.width).1, b))
        .max(rows(&upcoming_lines(app), c));
    u16::try_from(most.max(2) + 2).unwrap_or(u16::MAX)
}

/// Green when within the limit, red when over it.
fn limit_style(app: &App, over: bool) -> Style {
    if over { app.theme.bad } else { app.theme.good }
}

fn render_caseload_card(app: &App, area: Rect, buf: &mut Buffer) {
    card(app, "Caseload today", caseload_lines(app), area, buf);
}

fn caseload_lines(app: &App) -> Vec<Line<'static>> {
    let y = &app.dashboard.year;
    let limits = &app.config.limits;
    let open = y.caseload.open_at_end;
    let capacity = y.series.weeks.last().map_or(0.0, |w| w.capacity_percent);
    vec![
        Line::from(vec![
            Span::styled(
                format!("{open} open"),
                limit_style(app, open > limits.caseload),
            ),
            Span::styled(format!(" (limit {})", limits.caseload), app.theme.muted),
        ]),
        Line::from(vec![
            Span::styled(
                format!("{capacity:.0}% capacity"),
                limit_style(app, capacity > limits.capacity_percent),
            ),
            Span::styled(
                format!(" (≤{:.0}%)", limits.capacity_percent),
                app.theme.muted,
            ),
        ]),
    ]
}

fn render_hours_card(app: &App, area: Rect, buf: &mut Buffer) {
    let (title, lines) = hours_card(app, area.width);
    card(app, &title, lines, area, buf);
}

/// The hours card's title and lines for a card `width` wide. A running timer is in the
/// title, in fewer words where the whole would be cut; when even the fewest do not fit (a
/// long date format, or another day's at 80 columns), the title says only "timer on" and a
/// line under the hours says since when.
fn hours_card(app: &App, width: u16) -> (String, Vec<Line<'static>>) {
    let contracted = app.config.work.contracted_hours;
    let week = app.dashboard.this_week_hours;
    let wtr = app.dashboard.wtr_current;
    // The title is drawn as " {title} " between the corners.
    let room = usize::from(width).saturating_sub(4);
    let mut since = None;
    let title = match &app.timer {
        Some(t) if t.date == app.today => crate::tui::wrap::fitting(
            vec![
                format!("Hours · timer from {}", t.start),
                format!("Hours · timer {}", t.start),
                format!("Timer {}", t.start),
            ],
            room,
        ),
        Some(t) => {
            let day = date(app, t.date);
            let title = crate::tui::wrap::fitting(
                vec![
                    format!("Hours · timer from {day} {}", t.start),
                    format!("Timer from {day} {}", t.start),
                    format!("Timer {day} {}", t.start),
                    "Hours · timer on".to_string(),
                ],
                room,
            );
            if title == "Hours · timer on" {
                since = Some(format!("since {day} {}", t.start));
            }
            title
        }
        None => "Hours".to_string(),
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                format!("{week:.1} h this week"),
                limit_style(app, week > contracted),
            ),
            Span::styled(format!(" (of {contracted})"), app.theme.muted),
        ]),
        Line::from(vec![
            Span::styled(
                wtr.map_or("17-wk avg none yet".to_string(), |w| {
                    format!("17-wk avg {w:.1} h")
                }),
                limit_style(app, wtr.is_some_and(|w| w > 48.0)),
            ),
            Span::styled(" (≤48)", app.theme.muted),
        ]),
    ];
    if let Some(since) = since {
        lines.push(Line::from(Span::styled(since, app.theme.accent)));
    }
    (title, lines)
}

fn render_upcoming_card(app: &App, area: Rect, buf: &mut Buffer) {
    card(app, "Next 14 days", upcoming_lines(app), area, buf);
}

fn upcoming_lines(app: &App) -> Vec<Line<'static>> {
    let at_risk = app.dashboard.upcoming_near_leave;
    vec![
        Line::from(Span::styled(
            format!(
                "{} due",
                plural(app.dashboard.upcoming.len() as u64, "deadline", "deadlines")
            ),
            app.theme.base,
        )),
        Line::from(Span::styled(
            format!("{at_risk} in or just after leave"),
            limit_style(app, at_risk > 0),
        )),
    ]
}

fn render_chart(app: &App, area: Rect, buf: &mut Buffer) {
    let weeks = app.dashboard.chart_weeks();
    let open: Vec<(f64, f64)> = weeks
        .iter()
        .enumerate()
        .map(|(i, w)| (i as f64, f64::from(w.open)))
        .collect();
    let limit = f64::from(app.config.limits.caseload);
    let last = weeks.len().saturating_sub(1) as f64;
    let limit_line = vec![(0.0, limit), (last.max(1.0), limit)];
    // An even top, so that the middle label is a whole number at its own height.
    let highest = open.iter().map(|p| p.1).fold(limit, f64::max).ceil() + 2.0;
    let top = (highest * 0.5).ceil() * 2.0;
    // The limit first and the data over it, so that at the limit the caseload is still seen.
    let datasets = vec![
        Dataset::default()
            .name(format!("limit {limit:.0}"))
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(app.theme.bad)
            .data(&limit_line),
        Dataset::default()
            .name("open cases")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(app.theme.accent)
            .data(&open),
    ];

    let first = weeks
        .first()
        .map(|w| date(app, w.week_start))
        .unwrap_or_default();
    let final_week = weeks
        .last()
        .map(|w| date(app, w.week_start))
        .unwrap_or_default();
    Chart::new(datasets)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(chart_title(app, limit, area.width)),
        )
        // The legend is in the title: drawn over the plot, it hid the latest weeks.
        .hidden_legend_constraints((Constraint::Length(0), Constraint::Length(0)))
        .x_axis(
            Axis::default()
                .bounds([0.0, last.max(1.0)])
                .labels(vec![Span::raw(first), Span::raw(final_week)])
                .style(app.theme.muted),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, top])
                .labels(vec![
                    Span::raw("0"),
                    Span::raw(format!("{:.0}", top / 2.0)),
                    Span::raw(format!("{top:.0}")),
                ])
                .style(app.theme.muted),
        )
        .render(area, buf);
}

/// The chart's title, which holds its legend: shortened where the whole would be cut (at 80
/// columns the limit's key was lost).
fn chart_title(app: &App, limit: f64, width: u16) -> Line<'static> {
    let lead = " Open cases, last 26 weeks: ";
    let legend = format!("⠒⠒ open cases  ⠉⠉ limit {limit:.0} ");
    let lead = if lead.chars().count() + legend.chars().count() + 2 > usize::from(width) {
        " 26 weeks: "
    } else {
        lead
    };
    Line::from(vec![
        Span::styled(lead, app.theme.title),
        Span::styled("⠒⠒ open cases", app.theme.accent),
        Span::styled(format!("  ⠉⠉ limit {limit:.0} "), app.theme.bad),
    ])
}

fn render_upcoming(app: &App, area: Rect, buf: &mut Buffer) {
    let mut lines: Vec<Line> = Vec::new();
    for (due, case, what, id) in &app.dashboard.upcoming {
        let flag = app
            .flags
            .deadline(*id)
            .map(|f| format!(" ⚑ {}", f.label()))
            .unwrap_or_default();
        let style = if flag.is_empty() {
            app.theme.base
        } else {
            app.theme.warn
        };
        let case = case.as_deref().unwrap_or("");
        let line = format!(
            "{}  {case} {what}{flag}",
            format_date(*due, &app.config.date_format)
        );
        lines.push(Line::from(Span::styled(
            crate::output::visible(&line).into_owned(),
            style,
        )));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            "No deadlines in the next 14 days.",
            app.theme.muted,
        )));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(" Deadlines, next 14 days ", app.theme.title)),
        )
        .render(area, buf);
}

fn render_facts(app: &App, area: Rect, buf: &mut Buffer) {
    let y = &app.dashboard.year;
    let title = format!(
        " Flagged, {} to {} ",
        date(app, y.period.from),
        date(app, y.period.to)
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, app.theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let [l, r] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    Paragraph::new(allocation_and_caseload_facts(app))
        .wrap(Wrap { trim: true })
        .render(l, buf);
    Paragraph::new(deadline_and_hours_facts(app))
        .wrap(Wrap { trim: true })
        .render(r, buf);
}

/// One flagged fact: marked ⚑ in the warning colour when it counts something, muted otherwise.
fn fact(app: &App, count: u64, text: String) -> Line<'static> {
    let style: Style = if count > 0 {
        app.theme.warn
    } else {
        app.theme.muted
    };
    Line::from(Span::styled(
        format!("{} {text}", if count > 0 { "⚑" } else { "·" }),
        style,
    ))
}

/// The left column: cases allocated around leave, caseload over its limit, work in leave.
fn allocation_and_caseload_facts(app: &App) -> Vec<Line<'static>> {
    let y = &app.dashboard.year;
    let limits = &app.config.limits;
    let c = &y.caseload;
    let w = &y.worked_during_leave;
    let peak = c
        .peak_open_on
        .map(|_| format!(", peak {}", c.peak_open))
        .unwrap_or_default();
    let sustained = if c.longest_run_over_threshold >= limits.capacity_weeks {
        ": sustained"
    } else {
        ""
    };
    vec![
        fact(
            app,
            y.allocations_during_leave.len() as u64,
            format!(
                "{} allocated during leave",
                y.allocations_during_leave.len()
            ),
        ),
        fact(
            app,
            y.allocations_before_leave.len() as u64,
            format!(
                "{} allocated ≤{} days before leave",
                y.allocations_before_leave.len(),
                limits.pre_leave_days
            ),
        ),
        fact(
            app,
            u64::from(c.undiscussed),
            format!("{} of {} allocated undiscussed", c.undiscussed, c.allocated),
        ),
        fact(
            app,
            u64::from(c.days_over_limit),
            format!("{} days over limit {}{peak}", c.days_over_limit, c.limit),
        ),
        fact(
            app,
            u64::from(c.weeks_over_threshold),
            format!(
                "{} wks over {:.0}%, run {}{sustained}",
                c.weeks_over_threshold, limits.capacity_percent, c.longest_run_over_threshold
            ),
        ),
        fact(
            app,
            u64::from(w.days),
            format!(
                "worked in leave: {}, {:.1} h, {} met",
                plural(w.days, "day", "days"),
                w.hours,
                w.deadlines_met
            ),
        ),
    ]
}

/// The right column: deadlines in or near leave and missed, hours beyond contract and rest.
fn deadline_and_hours_facts(app: &App) -> Vec<Line<'static>> {
    let y = &app.dashboard.year;
    let d = &y.deadlines;
    let h = &y.hours;
    vec![
        fact(
            app,
            (d.in_leave.len() + d.soon_after_leave.len()) as u64,
            format!(
                "{}, {} just after",
                plural(
                    d.in_leave.len() as u64,
                    "deadline in leave",
                    "deadlines in leave"
                ),
                d.soon_after_leave.len()
            ),
        ),
        fact(
            app,
            u64::from(d.outcomes.late + d.outcomes.overdue),
            format!(
                "{} due: {} overdue, {} met late",
                d.due, d.outcomes.overdue, d.outcomes.late
            ),
        ),
        fact(
            app,
            u64::from(h.excess_logged > 0.0),
            format!("{:.1} h beyond contract", h.excess_logged.max(0.0)),
        ),
        fact(
            app,
            u64::from(h.short_rest + h.missed_breaks),
            format!(
                "{}, {} no break",
                plural(h.short_rest, "short rest", "short rests"),
                plural(h.missed_breaks, "day", "days")
            ),
        ),
        fact(
            app,
            u64::from(h.days_unlogged),
            plural(
                h.days_unlogged,
                "working day unlogged",
                "working days unlogged",
            ),
        ),
    ]
}
