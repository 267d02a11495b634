//! The Report screen: the current choices, what each purpose is for, and the last result.

use crate::domain::Towards;
use crate::domain::dates::{format_date, parse_date_shown, show_dates};
use crate::report::{Period, Purpose, records_begin};
use crate::tui::app::App;
use crate::tui::report_screen::ReportField;
use crate::tui::wrap::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let [choices, about] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    render_choices(app, choices, buf);
    render_about(app, about, buf);
}

/// A bordered box with its title over `area`; returns the area inside it.
fn titled_box(app: &App, title: &'static str, area: Rect, buf: &mut Buffer) -> Rect {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, app.theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// How wide the choices' labels are; a value wraps under the values, not under the labels.
const LABEL: usize = 13;

/// The choices as the report will read them, the period they make, and the last result.
fn render_choices(app: &App, area: Rect, buf: &mut Buffer) {
    let inner = titled_box(app, " Report ", area, buf);
    let width = usize::from(inner.width);
    let form = &app.report.form;
    let folder = format!("(in {})", crate::tui::shown_path(&app.report.reports_dir));
    let dates = PeriodShown::read(app);
    let mut rows: Vec<Line> = Vec::new();
    let mut field = |label: &str, (value, style): (String, Style)| {
        for (n, part) in wrap(&value, width.saturating_sub(LABEL))
            .into_iter()
            .enumerate()
        {
            let head = if n == 0 { label } else { "" };
            rows.push(Line::from(vec![
                Span::styled(format!("{head:<LABEL$}"), app.theme.muted),
                Span::styled(part, style),
            ]));
        }
    };
    for f in &form.fields {
        let value = f.value();
        let base = |text: &str| (text.to_string(), app.theme.base);
        let shown = match (value.is_empty(), f.id) {
            (_, ReportField::From) => dates.from.clone(),
            (_, ReportField::To) => dates.to.clone(),
            (true, ReportField::SaveAs) => base(&folder),
            (true, ReportField::Manager) => base("(from the config)"),
            (true, ReportField::Outcome) => base("(a place to write it)"),
            _ => base(&value),
        };
        field(f.label, shown);
        if f.id == ReportField::To {
            field("Covers", dates.covers.clone());
        }
    }
    let mut tail: Vec<(String, Style)> = vec![(
        "Press Enter to change these and write the report.".to_string(),
        app.theme.accent,
    )];
    match (&app.report.last, app.report.is_writing()) {
        (_, true) => tail.push((
            format!("Writing the {}...", app.report.writing().noun()),
            app.theme.warn,
        )),
        (Some(Ok(path)), _) => {
            tail.push(("Written to:".to_string(), app.theme.good));
            tail.push((
                crate::tui::shown_path(std::path::Path::new(path)),
                app.theme.base,
            ));
        }
        (Some(Err(e)), _) => tail.push((format!("Not written: {e}"), app.theme.error)),
        (None, false) => {}
    }
    let tail_rows: usize = tail.iter().map(|(t, _)| wrap(t, width).len()).sum();
    // A blank line before the tail and after its first line, where there is room for them.
    let room = usize::from(inner.height);
    let spaced = rows.len() + tail_rows + 2 <= room;
    for (n, (text, style)) in tail.into_iter().enumerate() {
        if spaced && n < 2 {
            rows.push(Line::from(""));
        }
        for part in wrap(&text, width) {
            rows.push(Line::from(Span::styled(part, style)));
        }
    }
    Paragraph::new(rows).render(inner, buf);
}

/// What each purpose is for; where that does not fit (at 80×24), the chosen purpose's
/// description and the others' names, so that nothing is cut off.
fn render_about(app: &App, area: Rect, buf: &mut Buffer) {
    let purposes = [
        (
            Purpose::Grievance,
            "Grievance",
            "A formal grievance letter as Acas describes one: the facts, when you raised them, your health, the outcome you ask for, a meeting; the dated record enclosed.",
        ),
        (
            Purpose::Stress,
            "Stress",
            "For an individual stress risk assessment: each HSE Management Standard with its facts, your notes once each, sickness and stress scores, and an actions table to fill in.",
        ),
        (
            Purpose::Supervision,
            "Supervision",
            "The last four weeks and the next four, and what to agree.",
        ),
        (
            Purpose::Notice,
            "Notice",
            "A short message to your manager: caseload, what came during leave, deadlines at risk.",
        ),
        (
            Purpose::Share,
            "Share",
            "Figures only, for your union rep's team picture: no notes, references or days. Shown whole before it is written.",
        ),
    ];
    let refs = "A notice and a supervision summary show your real case references (your manager holds them); the other documents, and csv, json and ics, show Case 1, Case 2... Reveal refs changes that. Check any notes for names before sharing.";
    let inner = titled_box(app, " What each report is for ", area, buf);
    let width = usize::from(inner.width);
    let rows = |lines: &[(String, Style)]| -> Vec<Line<'static>> {
        lines
            .iter()
            .flat_map(|(text, style)| {
                wrap(text, width)
                    .into_iter()
                    .map(|part| Line::from(Span::styled(part, *style)))
            })
            .collect()
    };
    let heading = |name: &str| (name.to_string(), app.theme.accent);
    let plain = |text: &str| (text.to_string(), app.theme.base);
    let mut all: Vec<(String, Style)> = Vec::new();
    for (_, name, about) in purposes {
        all.push(heading(name));
        all.push(plain(about));
    }
    all.push(plain(""));
    all.push((refs.to_string(), app.theme.muted));
    let room = usize::from(inner.height);
    let mut lines = rows(&all);
    if lines.len() > room {
        // Without the blank line before the note, if that is enough.
        all.remove(all.len() - 2);
        lines = rows(&all);
    }
    if lines.len() > room {
        let chosen: Purpose = app
            .report
            .form
            .value(ReportField::Purpose)
            .parse()
            .unwrap_or(Purpose::Grievance);
        let (_, name, about) = purposes
            .iter()
            .find(|(p, ..)| *p == chosen)
            .copied()
            .unwrap_or(purposes[0]);
        let others: Vec<&str> = purposes
            .iter()
            .filter(|(p, ..)| *p != chosen)
            .map(|(_, n, _)| *n)
            .collect();
        lines = rows(&[
            heading(name),
            plain(about),
            plain(""),
            (
                format!(
                    "Also: {}. Enter, then type one in Purpose.",
                    others.join(", ")
                ),
                app.theme.muted,
            ),
            plain(""),
            (refs.to_string(), app.theme.muted),
        ]);
    }
    Paragraph::new(lines).render(inner, buf);
}

/// The report form's From and To as the report will read them, in the display format, and
/// the period they make (a typed "1 oct" was shown as typed, leaving the user to guess).
struct PeriodShown {
    from: (String, Style),
    to: (String, Style),
    covers: (String, Style),
}

impl PeriodShown {
    fn read(app: &App) -> PeriodShown {
        let form = &app.report.form;
        let format = &app.config.date_format;
        let show = |d| format_date(d, format);
        let purpose: Purpose = form
            .value(ReportField::Purpose)
            .parse()
            .unwrap_or(Purpose::Grievance);
        let read = |id: ReportField| {
            let typed = form.value(id).trim().to_string();
            if typed.is_empty() {
                return Ok(None);
            }
            parse_date_shown(&typed, app.today, Towards::Past, format)
                .map(Some)
                .map_err(|e| format!("{typed}: {e}"))
        };
        let (from, to) = (read(ReportField::From), read(ReportField::To));
        let bad = |e: &str| (format!("✗ {e}"), app.theme.error);
        let period = match (&from, &to) {
            (Ok(f), Ok(t)) => {
                Period::for_purpose(purpose, *f, *t, app.today).map_err(|e| show_dates(&e, format))
            }
            _ => Err("fix the dates above".to_string()),
        };
        let begin = records_begin(app.journal.state(), app.journal.records(), app.today);
        let covers = match &period {
            Ok(p) => match p.check_records_begin(begin) {
                Ok(()) => (covering(app, *p, begin), app.theme.accent),
                Err(e) => bad(&show_dates(&e, format)),
            },
            Err(e) => bad(e),
        };
        let before = if purpose == Purpose::Supervision {
            "4 weeks"
        } else {
            "12 months"
        };
        let blank_from = period.as_ref().map_or_else(
            |_| format!("(blank: {before} before To)"),
            |p| format!("{} ({before} before To)", show(p.from)),
        );
        let shown = |date: &Result<Option<chrono::NaiveDate>, String>, blank: String| match date {
            Ok(Some(d)) => (show(*d), app.theme.base),
            Ok(None) => (blank, app.theme.base),
            Err(e) => bad(e),
        };
        PeriodShown {
            from: shown(&from, blank_from),
            to: shown(&to, format!("{} (today)", show(app.today))),
            covers,
        }
    }
}

/// "01 Oct 2026 to 22 Nov 2026, 53 days", and from when it counts if the records begin later.
fn covering(app: &App, period: Period, begin: Option<chrono::NaiveDate>) -> String {
    let show = |d| format_date(d, &app.config.date_format);
    let days = period.len_days();
    let mut text = format!(
        "{} to {}, {days} day{}",
        show(period.from),
        show(period.to),
        if days == 1 { "" } else { "s" }
    );
    if let Some(begin) = begin.filter(|b| *b > period.from && *b <= period.to) {
        text.push_str(&format!(
            " (counted from {}, when the records begin)",
            show(begin)
        ));
    }
    text
}
