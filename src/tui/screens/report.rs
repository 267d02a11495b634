//! The Report screen: the current choices, what each purpose is for, and the last result.

use crate::tui::app::App;
use crate::tui::report_screen::ReportField;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let [choices, about] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let form = &app.report.form;
    let folder = format!("(in {})", crate::tui::shown_path(&app.report.reports_dir));
    let mut lines: Vec<Line> = form
        .fields
        .iter()
        .map(|f| {
            let value = f.value();
            let shown = match (value.is_empty(), f.id) {
                (true, ReportField::SaveAs) => folder.clone(),
                (true, ReportField::From) => "(default for the purpose)".to_string(),
                (true, ReportField::To) => "(today)".to_string(),
                (true, ReportField::Manager) => "(from the config)".to_string(),
                (true, ReportField::Outcome) => "(a place to write it)".to_string(),
                _ => value,
            };
            Line::from(vec![
                Span::styled(format!("{:<13}", f.label), app.theme.muted),
                Span::styled(shown, app.theme.base),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "Press Enter to change these and write the report.",
        app.theme.accent,
    )));
    lines.push(Line::from(""));
    match (&app.report.last, app.report.is_writing()) {
        (_, true) => lines.push(Line::from(Span::styled(
            format!("Writing the {}...", app.report.writing().noun()),
            app.theme.warn,
        ))),
        (Some(Ok(path)), _) => {
            lines.push(Line::from(Span::styled("Written to:", app.theme.good)));
            lines.push(Line::from(crate::tui::shown_path(std::path::Path::new(
                path,
            ))));
        }
        (Some(Err(e)), _) => lines.push(Line::from(Span::styled(
            format!("Not written: {e}"),
            app.theme.error,
        ))),
        (None, false) => {}
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(" Report ", app.theme.title)),
        )
        .render(choices, buf);

    let text = vec![
        Line::from(Span::styled("Grievance", app.theme.accent)),
        Line::from(
            "A formal grievance letter as Acas describes one: the facts, when you raised them, your health, the outcome you ask for, a meeting; the dated record enclosed.",
        ),
        Line::from(Span::styled("Stress", app.theme.accent)),
        Line::from(
            "For an individual stress risk assessment: each HSE Management Standard with its facts, your notes once each, sickness and stress scores, and an actions table to fill in.",
        ),
        Line::from(Span::styled("Supervision", app.theme.accent)),
        Line::from("The last four weeks and the next four, and what to agree."),
        Line::from(Span::styled("Notice", app.theme.accent)),
        Line::from(
            "A short message to your manager: caseload, what came during leave, deadlines at risk.",
        ),
        Line::from(Span::styled("Share", app.theme.accent)),
        Line::from(
            "Figures only, for your union rep's team picture: no notes, references or days. Shown whole before it is written.",
        ),
        Line::from(""),
        Line::from(Span::styled(
            "A notice and a supervision summary show your real case references (your manager holds them); the other documents, and csv, json and ics, show Case 1, Case 2... Reveal refs changes that. Check any notes for names before sharing.",
            app.theme.muted,
        )),
    ];
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(" What each report is for ", app.theme.title)),
        )
        .render(about, buf);
}
