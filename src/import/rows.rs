//! One row read as the record it describes (a draft, not yet checked against the journal):
//! only the mapped columns are read, each as the value its field needs.

use super::columns::{Field, Mapping};
use super::table::{Cell, Row, Table};
use super::values::{self, DateReading};
use super::{Request, Target};
use crate::domain::dates::{Towards, leave_towards};
use crate::domain::event::{
    CaseAllocated, CaseClosed, DeadlineSet, HoursLogged, Imported, LeaveAdded, LeaveKind,
};
use crate::domain::references::looks_like_a_name;

/// What a row says, before the journal's checks.
#[derive(Debug, Clone)]
pub enum Draft {
    Case {
        allocated: CaseAllocated,
        closed: Option<CaseClosed>,
    },
    Deadline {
        set: DeadlineSet,
        met: Option<chrono::NaiveDate>,
    },
    Leave(LeaveAdded),
    Hours(HoursLogged),
}

pub struct Reader<'a> {
    pub request: &'a Request,
    pub table: &'a Table,
    pub mapping: &'a Mapping,
    pub dates: DateReading<'a>,
    /// Case references in the journal, for a calendar's summaries: (key, as recorded).
    pub references: &'a [(String, String)],
}

/// The personal-data refusal for a reference that looks like a name.
pub fn name_warning(text: &str) -> String {
    format!(
        "`{text}` looks like a person's name, not a case reference: caseload keeps no names of children or families, so this row is not imported; {} (a names column is never read unless --map names it)",
        crate::domain::references::ACCEPTED_REFERENCES
    )
}

impl Reader<'_> {
    fn cell<'r>(&self, row: &'r Row, field: Field) -> Option<&'r Cell> {
        let cell = row.cell(self.mapping.column(field)?);
        (!cell.is_empty()).then_some(cell)
    }

    fn header(&self, field: Field) -> String {
        self.mapping
            .column(field)
            .map(|c| super::columns::header_name(self.table, c))
            .unwrap_or_default()
    }

    /// "column `Due`: <why>".
    fn bad(&self, field: Field, why: String) -> String {
        format!("column `{}`: {why}", self.header(field))
    }

    fn required<'r>(&self, row: &'r Row, field: Field) -> Result<&'r Cell, String> {
        self.cell(row, field).ok_or_else(|| {
            format!(
                "{} is empty (column `{}`)",
                field.label(),
                self.header(field)
            )
        })
    }

    fn text(&self, row: &Row, field: Field) -> Option<String> {
        self.cell(row, field).map(values::text)
    }

    fn date(
        &self,
        row: &Row,
        field: Field,
        towards: Towards,
    ) -> Result<Option<chrono::NaiveDate>, String> {
        self.cell(row, field)
            .map(|c| values::date(c, towards, &self.dates).map_err(|e| self.bad(field, e)))
            .transpose()
    }

    /// When a deadline was met: a date, or blank (or "no") if it was not. A "yes" without a
    /// date cannot be recorded, since the record is of the day it was met.
    fn met(&self, row: &Row) -> Result<Option<chrono::NaiveDate>, String> {
        let Some(cell) = self.cell(row, Field::Met) else {
            return Ok(None);
        };
        match values::yes_no(cell) {
            Ok(false) => return Ok(None),
            Ok(true) => {
                return Err(self.bad(
                    Field::Met,
                    format!(
                        "`{}` says it was met but not when; give the day it was met (e.g. 13/11/2026), or leave it blank (or no) if it was not met",
                        cell.shown()
                    ),
                ));
            }
            Err(_) => {}
        }
        values::date(cell, Towards::Past, &self.dates)
            .map(Some)
            .map_err(|e| self.bad(Field::Met, format!("{e}; leave it blank if it was not met")))
    }

    fn provenance(&self, row: &Row) -> Imported {
        Imported {
            file: self.table.file.clone(),
            sheet: self.table.sheet.clone(),
            row: row.number,
        }
    }

    fn is_calendar(&self) -> bool {
        self.table.calendar
    }

    /// Reads a row; `None` if every mapped cell is empty (a blank row, skipped).
    pub fn draft(&self, row: &Row) -> Option<Result<Draft, String>> {
        if self
            .mapping
            .columns
            .iter()
            .all(|(_, c)| row.cell(*c).is_empty())
        {
            return None;
        }
        let draft = match self.request.target {
            Target::Cases => self.case(row),
            Target::Deadlines => self.deadline(row),
            Target::Leave => self.leave(row),
            Target::Hours => self.hours(row),
        };
        if draft.is_ok() && self.is_calendar() && !row.cell(4).is_empty() {
            return Some(Err(format!(
                "a repeating event ({}): caseload imports single events; leave it out with --match, or record it with `caseload {} add`",
                row.cell(4).shown(),
                if self.request.target == Target::Leave {
                    "leave"
                } else {
                    "deadline"
                }
            )));
        }
        Some(draft)
    }

    /// The configured kind `text` names: its key or name ignoring capitals, else the one
    /// kind whose name it is without the words in brackets or begins (`Tier A` for "Tier A
    /// (highest risk / need)"), as a spreadsheet shortens it.
    fn configured_kind(&self, text: &str) -> Option<String> {
        let kinds = &self.request.case_kinds;
        if let Some((key, _)) = kinds
            .iter()
            .find(|(key, name)| key.eq_ignore_ascii_case(text) || name.eq_ignore_ascii_case(text))
        {
            return Some(key.clone());
        }
        let wanted = super::columns::normalise(text);
        if wanted.is_empty() {
            return None;
        }
        let only = |found: Vec<&(String, String)>| match found.as_slice() {
            [(key, _)] => Some(key.clone()),
            _ => None,
        };
        only(
            kinds
                .iter()
                .filter(|(_, n)| super::columns::normalise(n) == wanted)
                .collect(),
        )
        .or_else(|| only(self.kinds_begun_by(text)))
    }

    /// The configured kinds whose name `text` begins, up to a word's end.
    fn kinds_begun_by(&self, text: &str) -> Vec<&(String, String)> {
        let begins = text.trim().to_lowercase();
        self.request
            .case_kinds
            .iter()
            .filter(|(_, n)| {
                n.to_lowercase()
                    .strip_prefix(&begins)
                    .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
            })
            .collect()
    }

    fn case_kind(&self, text: &str) -> Result<String, String> {
        let wanted = text.trim();
        let mapped = self
            .request
            .kind_maps
            .iter()
            .find(|(from, _)| from.eq_ignore_ascii_case(wanted))
            .map_or(wanted, |(_, to)| to.as_str());
        self.configured_kind(mapped)
            .ok_or_else(|| {
                let known: Vec<String> = self
                    .request
                    .case_kinds
                    .iter()
                    .map(|(k, n)| format!("{k} ({n})"))
                    .collect();
                let begun: Vec<&str> = self
                    .kinds_begun_by(mapped)
                    .iter()
                    .map(|(k, _)| k.as_str())
                    .collect();
                if begun.len() > 1 {
                    format!(
                        "`{mapped}` begins the names of {} kinds ({}); write more of the name, or add --map-kind \"{wanted}=KEY\"",
                        begun.len(),
                        begun.join(", ")
                    )
                } else if mapped == wanted {
                    format!(
                        "unknown case kind `{wanted}`; configured kinds are {}: add --map-kind \"{wanted}=KEY\"",
                        known.join(", ")
                    )
                } else {
                    format!(
                        "--map-kind gives `{wanted}` the kind `{mapped}`, which is not configured; configured kinds are {}",
                        known.join(", ")
                    )
                }
            })
    }

    fn case(&self, row: &Row) -> Result<Draft, String> {
        let reference = values::text(self.required(row, Field::Ref)?);
        if looks_like_a_name(&reference) {
            return Err(name_warning(&reference));
        }
        let kind = self
            .case_kind(&values::text(self.required(row, Field::Kind)?))
            .map_err(|e| self.bad(Field::Kind, e))?;
        let allocated_on = values::date(
            self.required(row, Field::Allocated)?,
            Towards::Past,
            &self.dates,
        )
        .map_err(|e| self.bad(Field::Allocated, e))?;
        let discussed = self
            .cell(row, Field::Discussed)
            .map(|c| values::yes_no(c).map_err(|e| self.bad(Field::Discussed, e)))
            .transpose()?
            .unwrap_or(true);
        let weight = self
            .cell(row, Field::Weight)
            .map(|c| values::number(c).map_err(|e| self.bad(Field::Weight, e)))
            .transpose()?;
        let closed = self
            .date(row, Field::Closed, Towards::Past)?
            .map(|on| CaseClosed {
                reference: reference.clone(),
                on,
                outcome: self.text(row, Field::Outcome),
                imported: Some(self.provenance(row)),
            });
        Ok(Draft::Case {
            allocated: CaseAllocated {
                reference,
                kind,
                allocated_on,
                allocated_by: self.text(row, Field::AllocatedBy),
                discussed,
                weight,
                note: self.text(row, Field::Note),
                imported: Some(self.provenance(row)),
            },
            closed,
        })
    }

    /// The one known case whose reference is a word of `text` (a calendar's summary).
    fn case_in(&self, text: &str) -> Option<String> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric() && c != '/' && c != '-')
            .map(str::to_lowercase)
            .collect();
        let mut found = self
            .references
            .iter()
            .filter(|(key, _)| words.iter().any(|w| w == key));
        let first = found.next()?;
        found.next().is_none().then(|| first.1.clone())
    }

    fn deadline(&self, row: &Row) -> Result<Draft, String> {
        let what = values::text(self.required(row, Field::What)?);
        let case = match self.text(row, Field::Case) {
            Some(case) if looks_like_a_name(&case) => return Err(name_warning(&case)),
            Some(case) => Some(case),
            None if self.is_calendar() => self.case_in(&what),
            None => None,
        };
        let due = values::date(
            self.required(row, Field::Due)?,
            Towards::Future,
            &self.dates,
        )
        .map_err(|e| self.bad(Field::Due, e))?;
        Ok(Draft::Deadline {
            set: DeadlineSet {
                case,
                what,
                due,
                imported: Some(self.provenance(row)),
            },
            met: self.met(row)?,
        })
    }

    fn leave_kind(&self, text: &str) -> Result<LeaveKind, String> {
        let wanted = text.trim().to_lowercase();
        let calendar = self.is_calendar();
        let mapped = self.request.kind_maps.iter().find(|(from, _)| {
            let from = from.to_lowercase();
            if calendar {
                wanted.contains(&from)
            } else {
                wanted == from
            }
        });
        if let Some((_, key)) = mapped {
            return key
                .parse::<LeaveKind>()
                .map_err(|e| format!("--map-kind: {e}"));
        }
        LeaveKind::from_words(&wanted)
            .ok_or_else(|| {
                format!(
                    "cannot tell the kind of leave from `{}`; kinds are annual, sick, toil, training, parental, other{}",
                    text.trim(),
                    if calendar {
                        format!(": keep only leave with --match, or add --map-kind \"{}=KIND\"", text.trim())
                    } else {
                        format!(": add --map-kind \"{}=KIND\"", text.trim())
                    }
                )
            })
    }

    fn leave(&self, row: &Row) -> Result<Draft, String> {
        let kind = self
            .leave_kind(&values::text(self.required(row, Field::Kind)?))
            .map_err(|e| {
                if self.is_calendar() {
                    e
                } else {
                    self.bad(Field::Kind, e)
                }
            })?;
        let towards = leave_towards(kind);
        let from = values::date(self.required(row, Field::From)?, towards, &self.dates)
            .map_err(|e| self.bad(Field::From, e))?;
        let to = self.date(row, Field::To, towards)?.unwrap_or(from);
        // Leave is kept in whole days: a half day in the calendar says so in the record's
        // note (and so in the preview), rather than passing for a whole one unseen.
        let note = match (self.is_calendar(), row.cell(5)) {
            (true, Cell::Text(times)) => {
                let part = format!(
                    "{times} in the calendar; recorded as {}: caseload keeps leave in whole days",
                    if from == to {
                        "the whole day"
                    } else {
                        "whole days"
                    }
                );
                Some(match self.text(row, Field::Note) {
                    Some(note) => format!("{note} ({part})"),
                    None => part,
                })
            }
            _ => self.text(row, Field::Note),
        };
        Ok(Draft::Leave(LeaveAdded {
            kind,
            from,
            to,
            note,
            imported: Some(self.provenance(row)),
        }))
    }

    fn hours(&self, row: &Row) -> Result<Draft, String> {
        let date = values::date(self.required(row, Field::Date)?, Towards::Past, &self.dates)
            .map_err(|e| self.bad(Field::Date, e))?;
        let time = |field| {
            self.cell(row, field)
                .map(|c| values::time(c).map_err(|e| self.bad(field, e)))
                .transpose()
        };
        let (start, end) = (time(Field::Start)?, time(Field::End)?);
        let break_minutes = self
            .cell(row, Field::Break)
            .map(|c| values::minutes(c).map_err(|e| self.bad(Field::Break, e)))
            .transpose()?;
        let timed = start.is_some() || end.is_some();
        // A diary's total beside its times is what they add up to: the times are the record.
        let hours = if timed {
            None
        } else {
            self.cell(row, Field::Hours)
                .map(|c| values::hours(c).map_err(|e| self.bad(Field::Hours, e)))
                .transpose()?
        };
        if !timed && hours.is_none() {
            return Err(format!(
                "no hours: give a start and end time (columns `{}`, `{}`) or a number of hours (column `{}`)",
                self.header(Field::Start),
                self.header(Field::End),
                self.header(Field::Hours)
            )
            .replace("column ``", "no column"));
        }
        // A break belongs to a start and end time (a plain number of hours is already net of
        // it), and a break of 0 is no break.
        let break_minutes = break_minutes.filter(|m| timed && *m > 0);
        Ok(Draft::Hours(HoursLogged {
            date,
            start,
            end,
            break_minutes,
            hours,
            note: self.text(row, Field::Note),
            imported: Some(self.provenance(row)),
        }))
    }
}
