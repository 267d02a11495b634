//! What the dashboard shows, computed once per change of the journal from the same report
//! model the documents use.

use crate::config::Config;
use crate::journal::Journal;
use crate::report::leave_flags::LeaveFlags;
use crate::report::{self, Inputs, Period, Purpose, Report, Request};
use chrono::{DateTime, Datelike, Days, FixedOffset, Months, NaiveDate};

pub struct Dashboard {
    /// The last 12 months; its last 26 weekly points draw the caseload chart.
    pub year: Report,
    /// Deadlines due in the next 14 days and not met: (due, case, what, id).
    pub upcoming: Vec<(NaiveDate, Option<String>, String, u64)>,
    /// How many of those fall in or just after leave.
    pub upcoming_near_leave: usize,
    pub this_week_hours: f64,
    /// The 17-week average for the run ending last Sunday.
    pub wtr_current: Option<f64>,
    /// The names cases have in pseudonymised documents, for the case detail.
    pub pseudonyms: report::Pseudonyms,
}

/// Weeks in the dashboard's caseload chart.
pub const CHART_WEEKS: usize = 26;

impl Dashboard {
    pub fn compute(
        journal: &Journal,
        config: &Config,
        flags: &LeaveFlags,
        today: NaiveDate,
        now: DateTime<FixedOffset>,
    ) -> Dashboard {
        let year_start = today
            .checked_sub_months(Months::new(12))
            .and_then(|d| d.succ_opt())
            .unwrap_or(today);
        let analysis = report::analysis(&Inputs::for_journal(
            journal,
            config,
            Request {
                period: Period {
                    from: year_start,
                    to: today,
                },
                purpose: Purpose::Supervision,
                reveal_refs: true,
                today,
                generated_at: now,
            },
        ));
        let fortnight_end = today + Days::new(13);
        let last_sunday =
            today - Days::new(u64::from((today.weekday().num_days_from_monday() + 1) % 7));
        let mut upcoming: Vec<_> = journal
            .state()
            .deadlines
            .iter()
            .filter(|d| d.met_on.is_none() && today <= d.due && d.due <= fortnight_end)
            .map(|d| (d.due, d.case.clone(), d.what.clone(), d.id))
            .collect();
        upcoming.sort();
        let upcoming_near_leave = upcoming
            .iter()
            .filter(|(_, _, _, id)| flags.deadline(*id).is_some())
            .count();
        let year = &analysis.report;
        Dashboard {
            this_week_hours: year.series.weeks.last().map_or(0.0, |w| w.hours),
            wtr_current: analysis.wtr_average_for_run_ending(journal.state(), last_sunday),
            year: analysis.report,
            pseudonyms: report::Pseudonyms::new(journal.records(), journal.state(), false),
            upcoming,
            upcoming_near_leave,
        }
    }

    /// The weekly points of the caseload chart: the last 26 weeks.
    pub fn chart_weeks(&self) -> &[crate::report::model::WeekPoint] {
        let weeks = &self.year.series.weeks;
        &weeks[weeks.len().saturating_sub(CHART_WEEKS)..]
    }
}
