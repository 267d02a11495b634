use super::FormKind;
use crate::config::Config;
use crate::domain::replay::State;
use crate::domain::*;
use crate::report::iso;
use crate::tui::form::{Field, FieldKind, Form};
use chrono::NaiveDate;

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
