//! Reading a form's fields: each value parsed and checked, each bad one marked with its
//! reason (keeping what was typed).

use super::FormCtx;
use crate::domain::amounts;
use crate::domain::dates::parse_date_shown;
use crate::domain::text;
use crate::domain::{ClockTime, parse_time};
use crate::tui::form::{FieldKind, Form};
use chrono::NaiveDate;

pub struct Reader<'a, 'c, F> {
    pub form: &'a mut Form<F>,
    pub ctx: &'a FormCtx<'c>,
}

impl<F: Copy + PartialEq + std::fmt::Debug> Reader<'_, '_, F> {
    pub fn new<'a, 'c>(form: &'a mut Form<F>, ctx: &'a FormCtx<'c>) -> Reader<'a, 'c, F> {
        form.clear_errors();
        Reader { form, ctx }
    }

    /// A date field: any form the command line takes, or the display format.
    pub fn date(&mut self, id: F) -> Option<NaiveDate> {
        let value = self.form.value(id);
        let towards = match self.form.field(id).kind {
            FieldKind::Date(towards) => towards,
            _ => crate::domain::Towards::Past,
        };
        match parse_date_shown(
            &value,
            self.ctx.today,
            towards,
            &self.ctx.config.date_format,
        ) {
            Ok(d) => Some(d),
            Err(e) => {
                self.form.refuse(id, e.to_string());
                None
            }
        }
    }

    pub fn time(&mut self, id: F) -> Option<Option<ClockTime>> {
        let value = self.form.value(id).trim().to_string();
        if value.is_empty() {
            return Some(None);
        }
        match parse_time(&value) {
            Ok(t) => Some(Some(t)),
            Err(e) => {
                self.form.refuse(id, e.to_string());
                None
            }
        }
    }

    pub fn number(&mut self, id: F, accepted: &str) -> Option<Option<f64>> {
        let value = self.form.value(id).trim().to_string();
        if value.is_empty() {
            return Some(None);
        }
        if let Some(n) = value.parse::<f64>().ok().filter(|n| n.is_finite()) {
            Some(Some(n))
        } else {
            self.form
                .refuse(id, format!("`{value}` is not a number; {accepted}"));
            None
        }
    }

    /// A number of hours as the command line and import read it (`7.5`, `7,5`, `7h30`,
    /// `7:30`, `7.5h`), or blank; refused with what is accepted and `then`.
    pub fn hours(&mut self, id: F, then: &str) -> Option<Option<f64>> {
        self.amount(id, |v| amounts::hours(v).map_err(|e| format!("{e}{then}")))
    }

    /// Minutes of break as the command line and import read them (`30`, `30m`, `30 mins`,
    /// `0:30`), or blank.
    pub fn break_minutes(&mut self, id: F) -> Option<Option<u32>> {
        self.amount(id, |v| amounts::minutes(v).map_err(|e| e.to_string()))
    }

    fn amount<T>(&mut self, id: F, read: impl Fn(&str) -> Result<T, String>) -> Option<Option<T>> {
        let value = self.form.value(id).trim().to_string();
        if value.is_empty() {
            return Some(None);
        }
        match read(&value) {
            Ok(n) => Some(Some(n)),
            Err(e) => {
                self.form.refuse(id, e);
                None
            }
        }
    }

    /// A whole number within `range`, or blank.
    pub fn whole(
        &mut self,
        id: F,
        range: std::ops::RangeInclusive<u32>,
        accepted: &str,
    ) -> Option<Option<u32>> {
        let n = self.number(id, accepted)?;
        match n {
            Some(n)
                if n.fract() == 0.0
                    && n >= f64::from(*range.start())
                    && n <= f64::from(*range.end()) =>
            {
                Some(Some(n as u32))
            }
            Some(n) => {
                self.form
                    .refuse(id, format!("{n} is not accepted; {accepted}"));
                None
            }
            None => Some(None),
        }
    }

    pub fn text(
        &mut self,
        id: F,
        field: &'static str,
        max: usize,
        required: bool,
    ) -> Option<Option<String>> {
        let value = self.form.value(id);
        let checked = if required {
            text::check(field, &value, max).map(Some)
        } else {
            text::check_optional(field, Some(&value), max)
        };
        match checked {
            Ok(v) => Some(v),
            Err(e) => {
                self.form.refuse(id, e.to_string());
                None
            }
        }
    }

    /// A diary note's text, the one that may hold line breaks.
    pub fn note(&mut self, id: F, max: usize) -> Option<String> {
        let value = self.form.value(id);
        match text::check_note("the note", &value, max) {
            Ok(v) => Some(v),
            Err(e) => {
                self.form.refuse(id, e.to_string());
                None
            }
        }
    }

    /// The builder, if no field was refused.
    pub fn done<T>(self, built: Option<T>) -> Option<T> {
        if self.form.has_errors() { None } else { built }
    }
}
