use super::{Builder, FormKind};
use crate::config::Config;
use crate::domain::commands as check;
use crate::domain::text::{self, MAX_NOTE_CHARS, MAX_SHORT_CHARS};
use crate::domain::*;
use crate::tui::form::Form;
use chrono::NaiveDate;

struct Reader<'a> {
    form: &'a mut Form,
    today: NaiveDate,
}

impl Reader<'_> {
    fn date(&mut self, label: &'static str) -> Option<NaiveDate> {
        let value = self.form.value(label).to_string();
        match parse_date(&value, self.today) {
            Ok(d) => Some(d),
            Err(e) => {
                self.form.refuse(label, e.to_string());
                None
            }
        }
    }

    fn time(&mut self, label: &'static str) -> Option<Option<ClockTime>> {
        let value = self.form.value(label).trim().to_string();
        if value.is_empty() {
            return Some(None);
        }
        match parse_time(&value) {
            Ok(t) => Some(Some(t)),
            Err(e) => {
                self.form.refuse(label, e.to_string());
                None
            }
        }
    }

    fn number(&mut self, label: &'static str, accepted: &str) -> Option<Option<f64>> {
        let value = self.form.value(label).trim().to_string();
        if value.is_empty() {
            return Some(None);
        }
        match value.parse::<f64>().ok().filter(|n| n.is_finite()) {
            Some(n) => Some(Some(n)),
            None => {
                self.form
                    .refuse(label, format!("`{value}` is not a number; {accepted}"));
                None
            }
        }
    }

    fn text(
        &mut self,
        label: &'static str,
        field: &'static str,
        max: usize,
        required: bool,
    ) -> Option<Option<String>> {
        let value = self.form.value(label).to_string();
        let checked = if required {
            text::check(field, &value, max).map(Some)
        } else {
            text::check_optional(field, Some(&value), max)
        };
        match checked {
            Ok(v) => Some(v),
            Err(e) => {
                self.form.refuse(label, e.to_string());
                None
            }
        }
    }
}

/// Reads and checks the form's fields, marking each bad one with its reason. Returns the
/// builder for the event when every field is acceptable.
pub fn read(
    kind: &FormKind,
    form: &mut Form,
    config: &Config,
    today: NaiveDate,
) -> Option<Builder> {
    form.clear_errors();
    let mut r = Reader { form, today };
    let builder: Builder = match kind.clone() {
        FormKind::AddCase | FormKind::EditCase(_) => {
            let reference = r.text("Reference", "the case reference", text::MAX_REF_CHARS, true);
            let allocated_on = r.date("Allocated on");
            let by = r.text("Allocated by", "allocated by", MAX_SHORT_CHARS, false);
            let weight = r.number("Weight", "give weekly hours such as 2.5, or leave it blank");
            let note = r.text("Note", "the note", MAX_NOTE_CHARS, false);
            let event = CaseAllocated {
                reference: reference??,
                kind: r.form.value("Kind").to_string(),
                allocated_on: allocated_on?,
                allocated_by: by?,
                discussed: r
                    .form
                    .fields
                    .iter()
                    .any(|f| f.label == "Discussed" && f.is_on()),
                weight: weight?,
                note: note?,
            };
            let kinds: Vec<String> = config.case_kinds.iter().map(|k| k.key.clone()).collect();
            let editing = match kind {
                FormKind::EditCase(id) => Some(*id),
                _ => None,
            };
            Box::new(move |state, records| {
                let kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
                let built = check::allocate_case(state, &kinds, event.clone(), editing)?;
                match editing {
                    Some(id) => check::amend(state, records, id, built),
                    None => Ok(built),
                }
            })
        }
        FormKind::CloseCase(reference) => {
            let on = r.date("Closed on");
            let outcome = r.text("Outcome", "the outcome", MAX_SHORT_CHARS, false);
            let event = CaseClosed {
                reference,
                on: on?,
                outcome: outcome?,
            };
            Box::new(move |state, _| check::close_case(state, event.clone()))
        }
        FormKind::AddDeadline | FormKind::EditDeadline(_) => {
            let what = r.text("What", "what the deadline is", MAX_SHORT_CHARS, true);
            let due = r.date("Due");
            let case = Some(r.form.value("Case").to_string()).filter(|c| !c.is_empty());
            let event = DeadlineSet {
                case,
                what: what??,
                due: due?,
            };
            let editing = match kind {
                FormKind::EditDeadline(id) => Some(*id),
                _ => None,
            };
            Box::new(move |state, records| {
                let built = check::set_deadline(state, event.clone())?;
                editing.map_or(Ok(built.clone()), |id| {
                    check::amend(state, records, id, built)
                })
            })
        }
        FormKind::MeetDeadline(id) => {
            let event = DeadlineMet {
                deadline: id,
                on: r.date("Met on")?,
            };
            Box::new(move |state, _| check::meet_deadline(state, event.clone()))
        }
        FormKind::ExtendDeadline(id) => {
            let due = r.date("New due date");
            let reason = r.text("Reason", "the reason", MAX_SHORT_CHARS, false);
            let event = DeadlineExtended {
                deadline: id,
                due: due?,
                reason: reason?,
            };
            Box::new(move |state, _| check::extend_deadline(state, event.clone()))
        }
        FormKind::AddLeave | FormKind::EditLeave(_) => {
            let from = r.date("From");
            let to = r.date("To");
            let note = r.text("Note", "the note", MAX_NOTE_CHARS, false);
            let kind_key = r.form.value("Kind").parse::<LeaveKind>();
            let event = LeaveAdded {
                kind: kind_key.ok()?,
                from: from?,
                to: to?,
                note: note?,
            };
            let editing = match kind {
                FormKind::EditLeave(id) => Some(*id),
                _ => None,
            };
            Box::new(move |state, records| {
                let built = check::add_leave(state, event.clone(), editing)?;
                editing.map_or(Ok(built.clone()), |id| {
                    check::amend(state, records, id, built)
                })
            })
        }
        FormKind::AddHours | FormKind::EditHours(_) => {
            let date = r.date("Date");
            let hours = r.number(
                "Hours",
                "give hours such as 7.5, or leave it blank and give Start and End",
            );
            let (start, end) = (r.time("Start"), r.time("End"));
            let brk = r.number("Break", "give whole minutes, e.g. 30");
            let note = r.text("Note", "the note", MAX_NOTE_CHARS, false);
            let hours = hours?;
            let (start, end, brk) = if hours.is_some() {
                (None, None, None)
            } else {
                (start?, end?, brk?)
            };
            if hours.is_none() && (start.is_none() || end.is_none()) {
                r.form.refuse(
                    if start.is_none() { "Start" } else { "End" },
                    "give a start and an end time, or a number of hours",
                );
                return None;
            }
            let break_minutes = match brk {
                Some(b) if b >= 0.0 && b.fract() == 0.0 && b <= 1440.0 => Some(b as u32),
                Some(b) => {
                    r.form
                        .refuse("Break", format!("{b} is not a whole number of minutes"));
                    return None;
                }
                None => None,
            };
            let event = HoursLogged {
                date: date?,
                start,
                end,
                break_minutes,
                hours,
                note: note?,
            };
            let editing = match kind {
                FormKind::EditHours(id) => Some(*id),
                _ => None,
            };
            Box::new(move |state, records| {
                let built = check::log_hours(state, event.clone(), editing)?;
                editing.map_or(Ok(built.clone()), |id| {
                    check::amend(state, records, id, built)
                })
            })
        }
        FormKind::AddNote | FormKind::EditNote(_) => {
            let date = r.date("Date");
            let text = r.text("Note", "the note", MAX_NOTE_CHARS, true);
            let told = r.text("Told", "who was told", MAX_SHORT_CHARS, false);
            let stress = r.number(
                "Stress",
                "give a whole number from 0 to 10, or leave it blank",
            );
            let mut standards = Vec::new();
            let typed = r.form.value("Standards").to_string();
            for word in typed.split([' ', ',']).filter(|w| !w.is_empty()) {
                match word.parse::<Standard>() {
                    Ok(s) => standards.push(s),
                    Err(e) => r.form.refuse("Standards", e),
                }
            }
            let stress = match stress? {
                Some(s) if (0.0..=10.0).contains(&s) && s.fract() == 0.0 => Some(s as u8),
                Some(s) => {
                    r.form.refuse(
                        "Stress",
                        format!(
                            "{s} is not accepted; give a whole number from 0 (none) to 10 (worst)"
                        ),
                    );
                    return None;
                }
                None => None,
            };
            if r.form.has_errors() {
                return None;
            }
            let event = NoteAdded {
                date: date?,
                text: text??,
                standards,
                stress,
                told: told?,
            };
            let editing = match kind {
                FormKind::EditNote(id) => Some(*id),
                _ => None,
            };
            Box::new(move |state, records| {
                let built = check::add_note(event.clone())?;
                editing.map_or(Ok(built.clone()), |id| {
                    check::amend(state, records, id, built)
                })
            })
        }
        FormKind::Withdraw(seq) => {
            let reason = r.text("Reason", "the reason", MAX_SHORT_CHARS, true);
            if !r
                .form
                .fields
                .iter()
                .any(|f| f.label == "Withdraw it" && f.is_on())
            {
                r.form.refuse(
                    "Withdraw it",
                    "press y here to confirm, or Esc to keep the record",
                );
                return None;
            }
            let reason = reason??;
            Box::new(move |state, records| check::void(state, records, seq, &reason))
        }
    };
    if form.has_errors() {
        None
    } else {
        Some(builder)
    }
}
