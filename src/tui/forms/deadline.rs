//! Adding and editing a deadline, marking it met, extending it.

use super::reader::Reader;
use super::{Builder, FormCtx};
use crate::domain::commands as check;
use crate::domain::references::{Matching, NoCase, closest, find_case};
use crate::domain::text::MAX_SHORT_CHARS;
use crate::domain::{DeadlineExtended, DeadlineMet, DeadlineSet, Towards};
use crate::tui::form::{Field, FieldKind, Form};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineField {
    What,
    Due,
    Case,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetField {
    On,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtendField {
    Due,
    Reason,
}

pub fn open(editing: Option<u64>, ctx: &FormCtx) -> Form<DeadlineField> {
    let d = editing.and_then(|id| ctx.state.deadline(id));
    use DeadlineField as F;
    Form::new(
        d.map_or("Add a deadline".to_string(), |d| {
            format!("Edit deadline {}", d.id)
        }),
        vec![
            Field::text(
                F::What,
                "What",
                d.map_or("", |d| &d.what),
                "e.g. Section 7 report filing",
            ),
            Field::date(
                F::Due,
                "Due",
                &d.map(|d| ctx.show(d.original_due)).unwrap_or_default(),
                Towards::Future,
            ),
            Field::new(
                F::Case,
                "Case",
                FieldKind::Case,
                d.and_then(|d| d.case.as_deref()).unwrap_or(""),
                "its reference, or the beginning of one; blank for none",
            ),
        ],
    )
}

/// The case the Case field names, if it names one.
pub fn preview_case(form: &mut Form<DeadlineField>, ctx: &FormCtx) {
    let typed = form.value(DeadlineField::Case);
    let preview = if typed.trim().is_empty() {
        None
    } else {
        match find_case(ctx.state, &typed, Matching::WholeOrPrefix) {
            Ok(case) if case.reference == typed.trim() && case.closed_on.is_none() => None,
            Ok(case) => Some(format!(
                "→ {}{}",
                case.reference,
                case.closed_on
                    .map(|d| format!(" (closed {})", ctx.show(d)))
                    .unwrap_or_default()
            )),
            Err(e) => Some(no_case(ctx, &e)),
        }
    };
    form.field_mut(DeadlineField::Case).preview = preview;
}

/// Why the Case field names no case, in the form's words: with no reference near enough to
/// be a slip, the nearest ones are offered anyway (the command line's reason sends the user
/// to `caseload list cases`).
fn no_case(ctx: &FormCtx, e: &NoCase) -> String {
    match e {
        NoCase::Unknown { typed, nearest } if nearest.is_empty() => {
            let offered = closest(ctx.state, typed, 3);
            match offered.as_slice() {
                [] => format!(
                    "no case has reference `{typed}`, and none is recorded yet: add the case on the Cases screen first, or leave Case blank"
                ),
                [one] => format!("no case has reference `{typed}`; the only case is {one}"),
                [rest @ .., last] => format!(
                    "no case has reference `{typed}`; the nearest are {} or {last} (the Cases screen lists every case)",
                    rest.join(", ")
                ),
            }
        }
        other => other.to_string(),
    }
}

pub fn read(
    editing: Option<u64>,
    form: &mut Form<DeadlineField>,
    ctx: &FormCtx,
) -> Option<Builder> {
    use DeadlineField as F;
    let mut r = Reader::new(form, ctx);
    let what = r.text(
        F::What,
        "the description of what is due",
        MAX_SHORT_CHARS,
        true,
    );
    let due = r.date(F::Due);
    let typed = r.form.value(F::Case);
    let case = if typed.trim().is_empty() {
        Some(None)
    } else {
        match find_case(ctx.state, &typed, Matching::WholeOrPrefix) {
            Ok(case) => Some(Some(case.reference.clone())),
            Err(e) => {
                r.form.refuse(F::Case, no_case(ctx, &e));
                None
            }
        }
    };
    let built = (|| {
        let event = DeadlineSet {
            case: case?,
            what: what??,
            due: due?,
            imported: None,
        };
        Some(Box::new(move |state: &_, records: &[_]| {
            let built = check::set_deadline(state, event.clone())?;
            match editing {
                Some(id) => check::amend(state, records, id, built),
                None => Ok(built),
            }
        }) as Builder)
    })();
    r.done(built)
}

pub fn open_met(id: u64, ctx: &FormCtx) -> Form<MetField> {
    let what = ctx
        .state
        .deadline(id)
        .map_or(String::new(), |d| format!(": {}", d.what));
    Form::new(
        format!("Deadline {id} met{what}"),
        vec![Field::date(
            MetField::On,
            "Met on",
            &ctx.show(ctx.today),
            Towards::Past,
        )],
    )
}

pub fn read_met(id: u64, form: &mut Form<MetField>, ctx: &FormCtx) -> Option<Builder> {
    let mut r = Reader::new(form, ctx);
    let on = r.date(MetField::On);
    let built = on.map(|on| -> Builder {
        let event = DeadlineMet {
            deadline: id,
            on,
            imported: None,
        };
        Box::new(move |state, _| check::meet_deadline(state, event.clone()))
    });
    r.done(built)
}

pub fn open_extend(id: u64, ctx: &FormCtx) -> Form<ExtendField> {
    let due = ctx
        .state
        .deadline(id)
        .map_or(String::new(), |d| format!(" (due {})", ctx.show(d.due)));
    Form::new(
        format!("Extend deadline {id}{due}"),
        vec![
            Field::date(ExtendField::Due, "New due date", "", Towards::Future),
            Field::text(
                ExtendField::Reason,
                "Reason",
                "",
                "optional, e.g. court granted extension",
            ),
        ],
    )
}

pub fn read_extend(id: u64, form: &mut Form<ExtendField>, ctx: &FormCtx) -> Option<Builder> {
    let mut r = Reader::new(form, ctx);
    let due = r.date(ExtendField::Due);
    let reason = r.text(ExtendField::Reason, "the reason", MAX_SHORT_CHARS, false);
    let built = (|| {
        let event = DeadlineExtended {
            deadline: id,
            due: due?,
            reason: reason?,
        };
        Some(
            Box::new(move |state: &_, _: &[_]| check::extend_deadline(state, event.clone()))
                as Builder,
        )
    })();
    r.done(built)
}
