//! The forms for each record: their fields in a natural order, pre-filled for edits, and how
//! their values become an event (checked by the same domain rules as the command line).

use super::form::{Field, FieldKind, Form};
use super::records::RecordKind;
use crate::config::Config;
use crate::domain::commands::{self as check, Refusal};
use crate::domain::replay::{Record, State};
use crate::domain::text::{self, MAX_NOTE_CHARS, MAX_SHORT_CHARS};
use crate::domain::*;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    AddCase,
    EditCase(u64),
    CloseCase(String),
    AddDeadline,
    EditDeadline(u64),
    MeetDeadline(u64),
    ExtendDeadline(u64),
    AddLeave,
    EditLeave(u64),
    AddHours,
    EditHours(u64),
    AddNote,
    EditNote(u64),
    Withdraw(u64),
}

/// Builds the event under the journal's lock from the latest state.
pub type Builder = Box<dyn Fn(&State, &[Record]) -> Result<Event, Refusal>>;

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn options<T: Copy>(
    items: &[T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    items
        .iter()
        .map(|i| (key(*i).to_string(), label(*i).to_string()))
        .collect()
}

/// The form to open for `kind`, pre-filled from the record when editing.
pub fn open(kind: &FormKind, state: &State, config: &Config, today: NaiveDate) -> Form {
    let kinds: Vec<(String, String)> = config
        .case_kinds
        .iter()
        .map(|k| (k.key.clone(), k.name.clone()))
        .collect();
    let first_kind = kinds.first().map(|k| k.0.clone()).unwrap_or_default();
    let leave_kinds = options(&LeaveKind::ALL, LeaveKind::key, LeaveKind::label);
    let mut case_refs = vec![(String::new(), "(no case)".to_string())];
    case_refs.extend(
        state
            .cases
            .iter()
            .filter(|c| c.closed_on.is_none())
            .map(|c| (c.reference.clone(), c.reference.clone())),
    );
    let weight_hint = "weekly hours this case needs; leave blank for its kind's";
    let standards_hint = "any of: demands control support relationships role change";
    match kind {
        FormKind::AddCase | FormKind::EditCase(_) => {
            let c = match kind {
                FormKind::EditCase(id) => state.cases.iter().find(|c| c.id == *id),
                _ => None,
            };
            let title = c.map_or("Add a case".to_string(), |c| {
                format!("Edit case {}", c.reference)
            });
            let mut reference = Field::text(
                "Reference",
                c.map(|c| c.reference.clone()).unwrap_or_default(),
                "your own reference, never a name (1-40 characters)",
            );
            if c.is_some() {
                reference.hint =
                    "the reference cannot be changed; withdraw the case and add it again";
            }
            Form::new(
                title,
                vec![
                    reference,
                    Field::choice("Kind", kinds, c.map_or(first_kind, |c| c.kind.clone())),
                    Field::date("Allocated on", iso(c.map_or(today, |c| c.allocated_on))),
                    Field::text(
                        "Allocated by",
                        c.and_then(|c| c.allocated_by.clone()).unwrap_or_default(),
                        "a role rather than a name, e.g. team manager",
                    ),
                    Field::toggle(
                        "Discussed",
                        c.is_none_or(|c| c.discussed),
                        "y / n: was it discussed with you before allocation?",
                    ),
                    Field::new(
                        "Weight",
                        FieldKind::Number,
                        c.and_then(|c| c.weight)
                            .map(|w| w.to_string())
                            .unwrap_or_default(),
                        weight_hint,
                    ),
                    Field::text(
                        "Note",
                        c.and_then(|c| c.note.clone()).unwrap_or_default(),
                        "optional",
                    ),
                ],
            )
        }
        FormKind::CloseCase(reference) => Form::new(
            format!("Close case {reference}"),
            vec![
                Field::date("Closed on", iso(today)),
                Field::text("Outcome", "", "optional, e.g. final order, transferred"),
            ],
        ),
        FormKind::AddDeadline | FormKind::EditDeadline(_) => {
            let d = match kind {
                FormKind::EditDeadline(id) => state.deadline(*id),
                _ => None,
            };
            Form::new(
                d.map_or("Add a deadline".to_string(), |d| {
                    format!("Edit deadline {}", d.id)
                }),
                vec![
                    Field::text(
                        "What",
                        d.map(|d| d.what.clone()).unwrap_or_default(),
                        "e.g. Section 7 report filing",
                    ),
                    Field::date("Due", d.map(|d| iso(d.original_due)).unwrap_or_default()),
                    Field::choice(
                        "Case",
                        case_refs,
                        d.and_then(|d| d.case.clone()).unwrap_or_default(),
                    ),
                ],
            )
        }
        FormKind::MeetDeadline(id) => Form::new(
            format!("Deadline {id} met"),
            vec![Field::date("Met on", iso(today))],
        ),
        FormKind::ExtendDeadline(id) => Form::new(
            format!("Extend deadline {id}"),
            vec![
                Field::date("New due date", ""),
                Field::text("Reason", "", "optional, e.g. court granted extension"),
            ],
        ),
        FormKind::AddLeave | FormKind::EditLeave(_) => {
            let l = match kind {
                FormKind::EditLeave(id) => state.leave.iter().find(|l| l.id == *id),
                _ => None,
            };
            Form::new(
                l.map_or("Add leave".to_string(), |l| format!("Edit leave {}", l.id)),
                vec![
                    Field::choice("Kind", leave_kinds, l.map_or("annual", |l| l.kind.key())),
                    Field::date("From", iso(l.map_or(today, |l| l.from))),
                    Field::date("To", iso(l.map_or(today, |l| l.to))),
                    Field::text(
                        "Note",
                        l.and_then(|l| l.note.clone()).unwrap_or_default(),
                        "optional",
                    ),
                ],
            )
        }
        FormKind::AddHours | FormKind::EditHours(_) => {
            let h = match kind {
                FormKind::EditHours(id) => {
                    state.hours.iter().find(|h| h.id == *id).map(|h| &h.entry)
                }
                _ => None,
            };
            let w = &config.work;
            let time = |t: Option<ClockTime>, default: ClockTime| {
                t.map_or(
                    if h.is_some() {
                        String::new()
                    } else {
                        default.to_string()
                    },
                    |t| t.to_string(),
                )
            };
            Form::new(
                h.map_or("Log hours".to_string(), |_| "Edit hours".to_string()),
                vec![
                    Field::date("Date", iso(h.map_or(today, |h| h.date))),
                    Field::new(
                        "Start",
                        FieldKind::Time,
                        time(h.and_then(|h| h.start), w.usual_start),
                        "HH:MM, 24-hour",
                    ),
                    Field::new(
                        "End",
                        FieldKind::Time,
                        time(h.and_then(|h| h.end), w.usual_end),
                        "HH:MM, the same day",
                    ),
                    Field::new(
                        "Break",
                        FieldKind::Number,
                        h.map_or(w.usual_break_minutes.to_string(), |h| {
                            h.break_minutes.map(|b| b.to_string()).unwrap_or_default()
                        }),
                        "minutes",
                    ),
                    Field::new(
                        "Hours",
                        FieldKind::Number,
                        h.and_then(|h| h.hours)
                            .map(|x| x.to_string())
                            .unwrap_or_default(),
                        "or a plain number of hours, with Start and End blank",
                    ),
                    Field::text(
                        "Note",
                        h.and_then(|h| h.note.clone()).unwrap_or_default(),
                        "optional",
                    ),
                ],
            )
        }
        FormKind::AddNote | FormKind::EditNote(_) => {
            let n = match kind {
                FormKind::EditNote(id) => state.notes.iter().find(|n| n.id == *id).map(|n| &n.note),
                _ => None,
            };
            let standards = n
                .map(|n| {
                    n.standards
                        .iter()
                        .map(|s| s.key())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            Form::new(
                n.map_or("Diary note".to_string(), |_| "Edit diary note".to_string()),
                vec![
                    Field::date("Date", iso(n.map_or(today, |n| n.date))),
                    Field::text(
                        "Note",
                        n.map(|n| n.text.clone()).unwrap_or_default(),
                        "what happened and its effect on you; no names of children or families",
                    ),
                    Field::text("Standards", standards, standards_hint),
                    Field::new(
                        "Stress",
                        FieldKind::Number,
                        n.and_then(|n| n.stress)
                            .map(|s| s.to_string())
                            .unwrap_or_default(),
                        "0 (none) to 10 (worst), optional",
                    ),
                    Field::text(
                        "Told",
                        n.and_then(|n| n.told.clone()).unwrap_or_default(),
                        "who you told and how, e.g. manager by email",
                    ),
                ],
            )
        }
        FormKind::Withdraw(seq) => Form::new(
            format!("Withdraw record {seq}"),
            vec![
                Field::text(
                    "Reason",
                    "",
                    "why, e.g. entered twice; the record stays in the journal, marked withdrawn",
                ),
                Field::toggle(
                    "Withdraw it",
                    false,
                    "y to confirm: it will no longer count anywhere",
                ),
            ],
        ),
    }
}

/// The record kind a form belongs to, for choosing where to show the result.
pub fn record_kind(kind: &FormKind) -> Option<RecordKind> {
    Some(match kind {
        FormKind::AddCase | FormKind::EditCase(_) | FormKind::CloseCase(_) => RecordKind::Cases,
        FormKind::AddDeadline
        | FormKind::EditDeadline(_)
        | FormKind::MeetDeadline(_)
        | FormKind::ExtendDeadline(_) => RecordKind::Deadlines,
        FormKind::AddLeave | FormKind::EditLeave(_) => RecordKind::Leave,
        FormKind::AddHours | FormKind::EditHours(_) => RecordKind::Hours,
        FormKind::AddNote | FormKind::EditNote(_) => RecordKind::Diary,
        FormKind::Withdraw(_) => return None,
    })
}

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
                let built = check::allocate_case(state, &kinds, event.clone(), today, editing)?;
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
            Box::new(move |state, _| check::close_case(state, event.clone(), today))
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
            Box::new(move |state, _| check::meet_deadline(state, event.clone(), today))
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
                let built = check::log_hours(state, event.clone(), today, editing)?;
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
                let built = check::add_note(event.clone(), today)?;
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
