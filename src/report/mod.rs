//! The evidence engine: pure functions from the replayed journal to the report model
//! (SPEC 7 and 8), and the writers that turn the model into documents.

mod caseload;
pub mod chart;
mod chronology_csv;
mod deadlines;
pub mod detail;
pub mod document;
mod format;
pub mod health;
mod hours;
pub mod html;
mod ics;
pub mod json;
mod leave;
pub mod leave_flags;
mod markdown;
pub mod model;
mod notes;
mod pdf;
pub mod plain_record;
pub mod printable;
pub mod provenance;
mod pseudonym;
pub mod share;
mod svg;
mod svg_chart;
mod text;
pub mod time_order;

pub use format::{Format, render, render_document};
pub use model::Report;
pub use pseudonym::Pseudonyms;
pub use text::write_v1 as plain_text_v1;

use crate::config::Config;
use crate::domain::calendar::WorkCalendar;
use crate::domain::replay::{Record, State};
use chrono::{DateTime, FixedOffset, Months, NaiveDate};

/// What a report is for; decides the document's shape, not the figures.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::Display, strum::EnumString,
)]
#[strum(serialize_all = "lowercase", parse_err_ty = String, parse_err_fn = unknown_purpose)]
pub enum Purpose {
    Grievance,
    Stress,
    Supervision,
    Notice,
    /// Figures only, for a union rep (`caseload.share/1`, [`share`]): not a document, and
    /// never written by [`render`].
    Share,
}

impl Purpose {
    /// The purposes that make a document (every format); a share is JSON only.
    pub const ALL: [Purpose; 4] = [
        Purpose::Grievance,
        Purpose::Stress,
        Purpose::Supervision,
        Purpose::Notice,
    ];

    pub fn key(self) -> &'static str {
        self.into()
    }

    /// Whether a document shows real case references unless told otherwise: a notice and a
    /// supervision summary go to the worker's own manager, who holds the references, in the
    /// formats people read (md, txt, html, pdf); everything else is pseudonymised.
    pub fn reveals_refs_by_default(self, format: Format) -> bool {
        matches!(self, Purpose::Notice | Purpose::Supervision)
            && matches!(
                format,
                Format::Md | Format::Txt | Format::Html | Format::Pdf
            )
    }
}

fn unknown_purpose(s: &str) -> String {
    format!("unknown purpose `{s}`; use grievance, stress, supervision, notice or share")
}

/// The days a report covers, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// From and to as given, defaulting to the 12 months ending `to` (itself defaulting to
    /// today). Refuses a period that ends before it starts.
    pub fn resolve(
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<Period, String> {
        let to = to.unwrap_or(today);
        let from = from.unwrap_or_else(|| {
            to.checked_sub_months(Months::new(12))
                .and_then(|d| d.succ_opt())
                .unwrap_or(to)
        });
        if to < from {
            return Err(format!(
                "the period ends ({to}) before it starts ({from}); --to must be on or after --from"
            ));
        }
        if (to - from).num_days() > 366 * 50 {
            return Err("a report period of more than 50 years is not accepted".into());
        }
        Ok(Period { from, to })
    }

    /// Like [`Period::resolve`], but a supervision summary defaults to the last four weeks.
    pub fn for_purpose(
        purpose: Purpose,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<Period, String> {
        let from = match (from, purpose) {
            (None, Purpose::Supervision) => Some(to.unwrap_or(today) - chrono::Days::new(27)),
            (from, _) => from,
        };
        Period::resolve(from, to, today)
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let to = self.to;
        self.from.iter_days().take_while(move |d| *d <= to)
    }

    pub fn len_days(&self) -> usize {
        (self.to - self.from).num_days() as usize + 1
    }

    /// The part of the period from the day the records begin: nothing before the log's own
    /// start is counted. A period that ends before the records begin keeps only its last day
    /// (callers refuse such a period first, with [`Period::check_records_begin`], and the
    /// analysis counts nothing in it).
    pub fn from_records_begin(self, begin: Option<NaiveDate>) -> Period {
        match begin {
            Some(begin) if begin > self.from => Period {
                from: begin.min(self.to),
                to: self.to,
            },
            _ => self,
        }
    }

    /// The period ending no later than `last` (a damaged journal's last trusted day): a
    /// period that starts after it keeps only that day, so nothing after it is counted.
    pub fn cut_to(self, last: NaiveDate) -> Period {
        let to = self.to.min(last);
        Period {
            from: self.from.min(to),
            to,
        }
    }

    /// Refuses a period that ends before the records begin, saying when they do.
    pub fn check_records_begin(&self, begin: Option<NaiveDate>) -> Result<(), String> {
        match begin {
            Some(begin) if begin > self.to => Err(format!(
                "the period ends on {}, before the records begin on {begin}; choose a period that ends on or after {begin}",
                self.to
            )),
            _ => Ok(()),
        }
    }
}

/// The first day the log covers: the day its first record was written, or the earliest day
/// the log says something happened on if that is earlier (entries copied in from an older
/// diary or imported from a spreadsheet): hours, diary notes, leave, a deadline's first due
/// date or the day it was met, a case's closure. Never after today. Cases' allocation dates
/// do not count: entering the caseload one already holds is not logging the days it was
/// allocated on (and closing such a case later must not move the start back by years).
/// `None` for an empty journal.
pub fn records_begin(state: &State, records: &[Record], today: NaiveDate) -> Option<NaiveDate> {
    let first_written = records.first()?.at.date_naive().min(today);
    let earliest_logged = state
        .hours
        .iter()
        .map(|h| h.entry.date)
        .chain(state.notes.iter().map(|n| n.note.date))
        .chain(state.leave.iter().map(|l| l.from))
        .chain(
            state
                .deadlines
                .iter()
                .flat_map(|d| std::iter::once(d.original_due).chain(d.met_on)),
        )
        .chain(state.cases.iter().filter_map(|c| c.closed_on))
        .min();
    Some(earliest_logged.map_or(first_written, |d| d.min(first_written)))
}

/// Everything the analysis reads. It is a pure function of these.
#[derive(Clone)]
pub struct Inputs<'a> {
    pub state: &'a State,
    pub records: &'a [Record],
    pub config: &'a Config,
    pub head: &'a str,
    pub chain_ok: bool,
    pub today: NaiveDate,
    pub period: Period,
    pub purpose: Purpose,
    pub reveal_refs: bool,
    pub generated_at: DateTime<FixedOffset>,
    /// The receipt line of the journal as read, for the integrity statement.
    pub receipt: Option<String>,
}

/// What a report is asked for, as the callers choose it.
#[derive(Debug, Clone, Copy)]
pub struct Request {
    pub period: Period,
    pub purpose: Purpose,
    pub reveal_refs: bool,
    pub today: NaiveDate,
    pub generated_at: DateTime<FixedOffset>,
}

impl<'a> Inputs<'a> {
    /// The inputs for a report on an open journal: its records, state, head, chain status and
    /// receipt.
    pub fn for_journal(
        journal: &'a crate::journal::Journal,
        config: &'a Config,
        request: Request,
    ) -> Inputs<'a> {
        Inputs {
            state: journal.state(),
            records: journal.records(),
            config,
            head: journal.head(),
            chain_ok: journal.damage().is_none(),
            today: request.today,
            period: request.period,
            purpose: request.purpose,
            reveal_refs: request.reveal_refs,
            generated_at: request.generated_at,
            receipt: journal.receipt().map(|r| r.to_string()),
        }
    }
}

/// The day the last record was written, in its own time zone: for a damaged journal, the
/// day its trusted records run up to.
pub(crate) fn trusted_up_to(records: &[Record]) -> Option<NaiveDate> {
    records.last().map(|r| r.at.date_naive())
}

/// The inputs as the analysis reads them: for a damaged journal (its chain not intact) the
/// trusted records as of the day the last of them was written, so the period ends there and
/// that day is taken as today: a deadline met, or a day logged, in the records after the
/// break is not called overdue or unlogged. An intact journal's inputs are unchanged.
fn as_of_trusted<'a>(input: &Inputs<'a>) -> Inputs<'a> {
    match trusted_up_to(input.records).filter(|_| !input.chain_ok) {
        Some(last) => Inputs {
            period: input.period.cut_to(last),
            today: input.today.min(last),
            ..input.clone()
        },
        None => input.clone(),
    }
}

/// The working-day calendar for a state and configuration.
pub fn calendar(state: &State, config: &Config) -> WorkCalendar {
    WorkCalendar::new(
        &config.work.working_days,
        config.work.bank_holidays,
        &state.leave_periods(),
    )
}

/// The day record `seq` was written, in its own time zone.
pub(crate) fn written_on(records: &[Record], seq: u64) -> Option<NaiveDate> {
    let at = |i: usize| records.get(i).filter(|r| r.seq == seq);
    seq.checked_sub(1)
        .and_then(|i| at(i as usize))
        .or_else(|| {
            records
                .binary_search_by_key(&seq, |r| r.seq)
                .ok()
                .and_then(at)
        })
        .map(|r| r.at.date_naive())
}

/// The report model with the working calendar and per-day hour totals it was computed from,
/// for a caller that needs more from them than the model holds.
pub struct Analysis {
    pub report: Report,
    calendar: WorkCalendar,
    hours_by_day: hours::DayTotals,
    records_begin: Option<NaiveDate>,
}

impl Analysis {
    /// The Working Time Regulations 17-week average for the run ending on `sunday` (with
    /// leave made up from the days after it), as the dashboard shows it; `None` while the
    /// records cover fewer than the 17 weeks.
    pub fn wtr_average_for_run_ending(&self, state: &State, sunday: NaiveDate) -> Option<f64> {
        hours::wtr_average_max(
            state,
            Period {
                from: sunday,
                to: sunday,
            },
            self.records_begin,
            &self.calendar,
            &self.hours_by_day,
        )
        .map(|w| model::round2(w.average))
    }
}

/// The period's weeks for the charts: open cases and capacity, hours, deadlines due, and
/// the 17-week average for the run ending on each Sunday inside the period.
fn weekly_series(
    input: &Inputs,
    begin: Option<NaiveDate>,
    calendar: &WorkCalendar,
    daily: &caseload::Daily,
    hours_by_day: &hours::DayTotals,
) -> Vec<model::WeekPoint> {
    let mut series = caseload::weekly_series(daily, input.period);
    hours::fill_series(&mut series, hours_by_day, input.period);
    deadlines::fill_series(&mut series, input.state, input.period);
    for week in &mut series {
        let sunday = Some(week.week_start + chrono::Days::new(6))
            .filter(|sunday| input.period.contains(*sunday));
        week.wtr_average = sunday.and_then(|sunday| {
            let run = Period {
                from: sunday,
                to: sunday,
            };
            hours::wtr_average_max(input.state, run, begin, calendar, hours_by_day)
                .map(|w| model::round2(w.average))
        });
    }
    series
}

/// Computes the whole report model.
pub fn analyse(input: &Inputs) -> Report {
    analysis(input).report
}

/// Computes the whole report model, keeping what it was computed from. The period analysed
/// starts no earlier than the records begin and, for a damaged journal, ends no later than
/// the day its last trusted record was written ([`as_of_trusted`]).
pub fn analysis(input: &Inputs) -> Analysis {
    let input = &as_of_trusted(input);
    let begin = records_begin(input.state, input.records, input.today);
    // A period that ends before the records begin (the callers refuse one) covers nothing.
    let nothing = State::default();
    let input = &Inputs {
        period: input.period.from_records_begin(begin),
        state: if begin.is_some_and(|b| b > input.period.to) {
            &nothing
        } else {
            input.state
        },
        ..input.clone()
    };
    let calendar = calendar(input.state, input.config);
    let names = Pseudonyms::new(input.records, input.state, input.reveal_refs);
    let daily = caseload::Daily::compute(input.state, input.config, input.period);
    let hours_by_day = hours::DayTotals::compute(input.state);
    let leave = leave::LeaveIndex::new(input.state);
    let series = weekly_series(input, begin, &calendar, &daily, &hours_by_day);
    let report = Report {
        schema: model::SCHEMA,
        purpose: input.purpose.key(),
        generated_at: input.generated_at,
        period: model::PeriodOut {
            from: input.period.from,
            to: input.period.to,
            records_begin: begin,
        },
        caseload: caseload::summary(input.state, input.config, input.period, &daily),
        allocations_during_leave: leave.allocations_during(input.state, input.period, &names),
        allocations_before_leave: leave.allocations_before(
            input.state,
            input.config,
            input.period,
            &calendar,
            &names,
        ),
        deadlines: deadlines::summary(input, &calendar, &leave, &names),
        worked_during_leave: leave.worked_during(input.state, input.period, &hours_by_day, &names),
        hours: hours::summary(input, begin, &calendar, &hours_by_day),
        notes: notes::summary(input.state, input.period),
        integrity: notes::integrity(input),
        health: health::compute(input.state, input.period, &calendar),
        series: model::Series {
            weeks: series,
            leave: input
                .state
                .leave_periods()
                .into_iter()
                .filter(|(from, to)| *from <= input.period.to && *to >= input.period.from)
                .collect(),
        },
        detail: detail::compute(
            input,
            &calendar,
            &names,
            &hours_by_day,
            daily.capacity_on(input.period.to),
        ),
        made_from: provenance::MadeFrom::new(
            input.purpose.key(),
            input.period.from,
            input.period.to,
            input.today,
            input.generated_at,
            input.reveal_refs,
            input.records.last().map_or(0, |r| r.seq),
            input.head,
            input.config,
        ),
        person: crate::config::Person {
            outcome: input
                .config
                .person
                .outcome
                .as_deref()
                .map(|o| names.text(o)),
            ..input.config.person.clone()
        },
    };
    Analysis {
        report,
        calendar,
        hours_by_day,
        records_begin: begin,
    }
}

#[cfg(test)]
mod tests;
