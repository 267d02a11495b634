//! The Report screen: choose purpose, period, format, whether to reveal references, whom the
//! letter is to and (a grievance) the outcome asked for; then
//! the document is rendered and written on a worker thread while the UI stays responsive.

use super::form::{Field, FieldKind, Form};
use crate::config::Config;
use crate::domain::Towards;
use crate::domain::dates::{parse_date_shown, show_dates};
use crate::journal::{Journal, create_private_dir};
use crate::output::{OutputError, Target};
use crate::report::{self, Format, Inputs, Period, Purpose, Request};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Turns a report model into a file's bytes ([`report::render`], or a stand-in in tests).
pub type Renderer = fn(&report::Report, Format, &str) -> Vec<u8>;

/// The Report screen's choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportField {
    Purpose,
    From,
    To,
    Format,
    Reveal,
    SaveAs,
    Manager,
    Outcome,
}

pub struct ReportScreen {
    /// The choices, kept between visits.
    pub form: Form<ReportField>,
    pub job: Option<Receiver<Result<String, String>>>,
    pub last: Option<Result<String, String>>,
    /// Where a report goes when no file is named (the user's documents folder, `caseload/`).
    pub reports_dir: PathBuf,
    render: Renderer,
    /// What the worker writes (or last wrote): the status line names it.
    writing: Writing,
}

/// What a worker writes: a document, or a share for a union rep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writing {
    Report,
    Share,
}

impl Writing {
    /// The thing written, in the status line's words ("share file written to ...").
    pub fn noun(self) -> &'static str {
        match self {
            Writing::Report => "report",
            Writing::Share => "share file",
        }
    }
}

/// What asking for a report led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Started {
    /// The worker is rendering and writing it.
    Writing,
    /// A choice was refused; the reasons are on the form.
    Refused,
    /// The file exists: replacing it needs the user's yes.
    Exists(PathBuf),
    /// A share for a union rep, made but not written: the user sees what it holds first.
    Share(Box<SharePreview>),
}

/// A share made and waiting for the user's yes ([`ReportScreen::write_share`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharePreview {
    pub path: PathBuf,
    /// Exactly what the share holds, in words ([`report::share::summary`]), then its weekly
    /// series a week a line ([`report::share::weekly`]).
    pub lines: Vec<String>,
    pub weeks: Vec<String>,
    pub bytes: Vec<u8>,
    pub replace: bool,
    in_reports_dir: bool,
    /// How far the preview is scrolled, in lines.
    pub scroll: u16,
}

impl ReportScreen {
    pub fn new(reports_dir: PathBuf) -> ReportScreen {
        let purposes = vec![
            (
                "grievance".to_string(),
                "Grievance: dated chronology and flagged facts".to_string(),
            ),
            (
                "stress".to_string(),
                "Stress risk assessment, by HSE standard".to_string(),
            ),
            (
                "supervision".to_string(),
                "Supervision: last four weeks, next four".to_string(),
            ),
            ("notice".to_string(), "Notice to your manager".to_string()),
            (
                "share".to_string(),
                "Share for your union rep: figures only, JSON (shown before writing)".to_string(),
            ),
        ];
        let formats = Format::ALL
            .iter()
            .map(|f| (f.key().to_string(), f.label().to_string()))
            .collect();
        use ReportField as F;
        let form = Form::new(
            "Write a report",
            vec![
                Field::choice(F::Purpose, "Purpose", purposes, "grievance"),
                Field::new(
                    F::From,
                    "From",
                    FieldKind::Date(Towards::Past),
                    "",
                    "blank: 12 months before To (4 weeks for supervision); or a date",
                ),
                Field::new(
                    F::To,
                    "To",
                    FieldKind::Date(Towards::Past),
                    "",
                    "blank: today; or a date",
                ),
                Field::choice(F::Format, "Format", formats, Format::ALL[0].key()),
                Field::choice(
                    F::Reveal,
                    "Reveal refs",
                    vec![
                        (
                            "default".to_string(),
                            "real for a notice or supervision (md, txt, html, pdf), Case 1, Case 2... otherwise".to_string(),
                        ),
                        ("yes".to_string(), "your real case references".to_string()),
                        ("no".to_string(), "Case 1, Case 2... instead".to_string()),
                    ],
                    "default",
                ),
                Field::text(
                    F::SaveAs,
                    "Save as",
                    "",
                    "a file name, a path or ~/...; blank for the reports folder",
                ),
                Field::text(
                    F::Manager,
                    "Addressee",
                    "",
                    "the letter's \"Dear ...\"; blank: [person] manager in the config",
                ),
                Field::text(
                    F::Outcome,
                    "Outcome",
                    "",
                    "a grievance's \"The outcome I am asking for\"; blank: a place to write it",
                ),
            ],
        );
        ReportScreen {
            form,
            job: None,
            last: None,
            reports_dir,
            render: report::render,
            writing: Writing::Report,
        }
    }

    /// Replaces how documents are rendered (tests use this to make rendering panic).
    pub fn set_renderer(&mut self, render: Renderer) {
        self.render = render;
    }

    pub fn is_writing(&self) -> bool {
        self.job.is_some()
    }

    /// What is being written, or was last.
    pub fn writing(&self) -> Writing {
        self.writing
    }

    /// Checks the choices, computes the model (fast, here) and hands rendering and writing to
    /// a worker thread. An existing file is replaced only with `replace`.
    pub fn start(
        &mut self,
        journal: &Journal,
        config: &Config,
        today: NaiveDate,
        now: DateTime<FixedOffset>,
        replace: bool,
    ) -> Started {
        self.form.clear_errors();
        if self.form.has_errors() {
            return Started::Refused;
        }
        let Some(choices) = read_choices(&mut self.form, config, today) else {
            return Started::Refused;
        };
        let path = self.destination(&choices);
        let in_reports_dir = path.starts_with(&self.reports_dir);
        // The reports folder is made when the first report is written there.
        let folder_made_later = in_reports_dir && !self.reports_dir.is_dir();
        if !folder_made_later {
            match crate::output::check_target(&path) {
                Ok(Target::ExistingFile) if !replace => return Started::Exists(path),
                Ok(_) => {}
                Err(e) => {
                    self.form.refuse(ReportField::SaveAs, e.to_string());
                    return Started::Refused;
                }
            }
        }
        let Choices {
            purpose,
            period,
            format,
            reveal,
            config,
        } = choices;
        if purpose == Purpose::Share {
            return self.make_share(journal, &config, period, today, now, path, replace);
        }
        let model = report::analyse(&Inputs::for_journal(
            journal,
            &config,
            Request {
                period,
                purpose,
                reveal_refs: reveal,
                today,
                generated_at: now,
            },
        ));
        let date_format = config.date_format.clone();
        let render = self.render;
        self.writing = Writing::Report;
        self.spawn(path, in_reports_dir, replace, move || {
            render(&model, format, &date_format)
        });
        Started::Writing
    }

    /// The file named on the form, or else one in the reports folder named for the purpose
    /// and the period's end.
    fn destination(&self, choices: &Choices) -> PathBuf {
        let purpose = choices.purpose;
        // A share is JSON whatever the format field says; the preview says so.
        let extension = match purpose {
            Purpose::Share => "json",
            _ => choices.format.extension(),
        };
        let chosen = self.form.value(ReportField::SaveAs).trim().to_string();
        // A share's file name travels with it, so it gives the week, never the day.
        let ends = match purpose {
            Purpose::Share => report::share::iso_week(choices.period.to),
            _ => choices.period.to.format("%Y-%m-%d").to_string(),
        };
        if chosen.is_empty() {
            self.reports_dir
                .join(format!("caseload-{purpose}-{ends}.{extension}"))
        } else {
            crate::output::resolve(Path::new(&chosen))
        }
    }

    /// Makes the share (fast, here) for the user to see before it is written.
    #[allow(clippy::too_many_arguments)]
    fn make_share(
        &mut self,
        journal: &Journal,
        config: &Config,
        period: Period,
        today: NaiveDate,
        now: DateTime<FixedOffset>,
        path: PathBuf,
        replace: bool,
    ) -> Started {
        let refusal = if journal.damage().is_some() {
            Some("the journal is damaged; a share is made only from an intact journal (run `caseload verify`)".to_string())
        } else if journal.records().is_empty() {
            Some("the journal has no records yet; a share of nothing would count as a member with no work".to_string())
        } else {
            period
                .check_records_begin(report::records_begin(
                    journal.state(),
                    journal.records(),
                    today,
                ))
                .err()
                .map(|e| show_dates(&e, &config.date_format))
        };
        let id = match (refusal, report::share::ShareId::random()) {
            (Some(why), _) | (None, Err(why)) => {
                self.form.refuse(ReportField::Purpose, why);
                return Started::Refused;
            }
            (None, Ok(id)) => id,
        };
        let inputs = Inputs::for_journal(
            journal,
            config,
            Request {
                period,
                // The share is the grievance summary's figures; the model is never written.
                purpose: Purpose::Grievance,
                reveal_refs: false,
                today,
                generated_at: now,
            },
        );
        let made = report::share::build(&inputs, &report::analyse(&inputs), &id);
        Started::Share(Box::new(SharePreview {
            in_reports_dir: path.starts_with(&self.reports_dir),
            path,
            lines: report::share::summary(&made),
            weeks: report::share::weekly(&made),
            bytes: report::share::to_json(&made).into_bytes(),
            replace,
            scroll: 0,
        }))
    }

    /// Writes a share the user has seen and said yes to.
    pub fn write_share(&mut self, preview: SharePreview) {
        let SharePreview {
            path,
            bytes,
            replace,
            in_reports_dir,
            ..
        } = preview;
        self.writing = Writing::Share;
        self.spawn(path, in_reports_dir, replace, move || bytes);
    }

    /// Renders and writes on a worker thread; the result arrives through [`poll`](Self::poll).
    fn spawn(
        &mut self,
        path: PathBuf,
        in_reports_dir: bool,
        replace: bool,
        make: impl FnOnce() -> Vec<u8> + Send + 'static,
    ) {
        let (send, receive) = channel();
        let reports_dir = self.reports_dir.clone();
        std::thread::spawn(move || {
            let result = super::terminal::catching_panics(|| {
                let bytes = make();
                if in_reports_dir {
                    create_private_dir(&reports_dir).map_err(|e| e.to_string())?;
                }
                crate::output::write_file(&path, &bytes, replace).map_err(|e| match e {
                    // The name was taken while the report was being rendered.
                    OutputError::Exists(p) => {
                        format!("{} appeared meanwhile; nothing was replaced", p.display())
                    }
                    e => e.to_string(),
                })
            })
            .map_err(|panic| {
                format!("an internal error stopped it ({panic}); your journal is not affected")
            })
            .and_then(|written| written)
            .map(|()| path.display().to_string());
            let _ = send.send(result);
        });
        self.job = Some(receive);
        self.last = None;
    }

    /// The worker's result, if it has finished (without blocking).
    pub fn poll(&mut self) -> Option<Result<String, String>> {
        let result = match self.job.as_ref()?.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err("the report writer stopped unexpectedly".into()),
        };
        self.job = None;
        Some(result)
    }

    /// Waits for the worker (for tests and for quitting cleanly).
    pub fn wait(&mut self) -> Option<Result<String, String>> {
        let result = self.job.take()?.recv().ok()?;
        Some(result)
    }

    pub fn finish(&mut self, result: Result<String, String>) {
        self.job = None;
        self.last = Some(result);
    }
}

/// What the form asks for, checked: the report to make and the config to make it with (the
/// addressee and the outcome typed on the form put into the person's letter fields).
struct Choices {
    purpose: Purpose,
    period: Period,
    format: Format,
    reveal: bool,
    config: Config,
}

/// Reads and checks the form; a choice refused is marked beside its field and gives `None`.
fn read_choices(
    form: &mut Form<ReportField>,
    config: &Config,
    today: NaiveDate,
) -> Option<Choices> {
    let purpose: Purpose = form
        .value(ReportField::Purpose)
        .parse()
        .unwrap_or(Purpose::Grievance);
    let period = read_period(form, purpose, config, today)?;
    let format: Format = form
        .value(ReportField::Format)
        .parse()
        .unwrap_or(Format::ALL[0]);
    let reveal = match form.value(ReportField::Reveal).as_str() {
        "yes" => true,
        "no" => false,
        _ => purpose.reveals_refs_by_default(format),
    };
    let config = letter_config(form, purpose, config)?;
    if purpose == Purpose::Share && form.value(ReportField::Reveal) == "yes" {
        form.refuse(
            ReportField::Reveal,
            "a share never holds case references or pseudonyms; choose default or no",
        );
        return None;
    }
    Some(Choices {
        purpose,
        period,
        format,
        reveal,
        config,
    })
}

/// From and To (each blank or a date, both checked so that both are marked), made into the
/// purpose's period.
fn read_period(
    form: &mut Form<ReportField>,
    purpose: Purpose,
    config: &Config,
    today: NaiveDate,
) -> Option<Period> {
    let mut date = |id: ReportField| {
        let text = form.value(id).trim().to_string();
        if text.is_empty() {
            return Some(None);
        }
        match parse_date_shown(&text, today, Towards::Past, &config.date_format) {
            Ok(d) => Some(Some(d)),
            Err(e) => {
                form.refuse(id, e.to_string());
                None
            }
        }
    };
    let (from, to) = (date(ReportField::From), date(ReportField::To));
    let (from, to) = (from?, to?);
    match Period::for_purpose(purpose, from, to, today) {
        Ok(p) => Some(p),
        Err(e) => {
            form.refuse(ReportField::To, show_dates(&e, &config.date_format));
            None
        }
    }
}

/// The config with the addressee and the outcome typed on the form, each checked as the
/// config's own fields are; an outcome is only for a grievance.
fn letter_config(
    form: &mut Form<ReportField>,
    purpose: Purpose,
    config: &Config,
) -> Option<Config> {
    let mut config = config.clone();
    for (id, key) in [
        (ReportField::Manager, "manager"),
        (ReportField::Outcome, "outcome"),
    ] {
        let text = form.value(id);
        if text.trim().is_empty() {
            continue;
        }
        if key == "outcome" && purpose != Purpose::Grievance {
            form.refuse(
                id,
                "the outcome is for a grievance; leave it blank for this purpose",
            );
            return None;
        }
        match crate::config::check_person_field(key, &text) {
            Ok(value) => config.person.set_letter_field(key, value),
            Err(e) => {
                form.refuse(id, e);
                return None;
            }
        }
    }
    Some(config)
}
