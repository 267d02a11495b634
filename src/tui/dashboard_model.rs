//! What the dashboard shows, computed once per change of the journal from the same report
//! model the documents use.

use crate::config::Config;
use crate::domain::calendar::week_start;
use crate::journal::Journal;
use crate::report::{self, Inputs, Period, Purpose, Report};
use chrono::{DateTime, Datelike, Days, FixedOffset, Months, NaiveDate};

pub struct Dashboard {
    /// The last 12 months.
    pub year: Report,
    /// Today and the next 13 days: the deadlines coming up and whether they fall in or just
    /// after leave.
    pub fortnight: Report,
    /// The last 26 weeks, for the caseload chart.
    pub half_year: Report,
    /// Deadlines due in the next 14 days and not met: (due, case, what, id).
    pub upcoming: Vec<(NaiveDate, Option<String>, String, u64)>,
    pub this_week_hours: f64,
    /// The 17-week average for the run ending last Sunday.
    pub wtr_current: Option<f64>,
}

impl Dashboard {
    pub fn compute(
        journal: &Journal,
        config: &Config,
        today: NaiveDate,
        now: DateTime<FixedOffset>,
    ) -> Dashboard {
        let analyse = |from: NaiveDate, to: NaiveDate| {
            report::analyse(&Inputs {
                state: journal.state(),
                records: journal.records(),
                config,
                head: journal.head(),
                chain_ok: journal.damage().is_none(),
                today,
                period: Period { from, to },
                purpose: Purpose::Supervision,
                reveal_refs: true,
                generated_at: now,
                receipt: None,
            })
        };
        let year_start = today
            .checked_sub_months(Months::new(12))
            .and_then(|d| d.succ_opt())
            .unwrap_or(today);
        let fortnight_end = today + Days::new(13);
        let this_week = week_start(today);
        let half_year_start = this_week - Days::new(7 * 25);
        let last_sunday =
            today - Days::new(u64::from((today.weekday().num_days_from_monday() + 1) % 7));
        let wtr = analyse(last_sunday, last_sunday).hours.wtr_average_max;
        let mut upcoming: Vec<_> = journal
            .state()
            .deadlines
            .iter()
            .filter(|d| d.met_on.is_none() && today <= d.due && d.due <= fortnight_end)
            .map(|d| (d.due, d.case.clone(), d.what.clone(), d.id))
            .collect();
        upcoming.sort();
        let year = analyse(year_start, today);
        let this_week_hours = year.series.weeks.last().map_or(0.0, |w| w.hours);
        Dashboard {
            year,
            fortnight: analyse(today, fortnight_end),
            half_year: analyse(half_year_start, today),
            upcoming,
            this_week_hours,
            wtr_current: wtr,
        }
    }
}
