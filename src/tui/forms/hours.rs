//! Logging and editing hours: the usual day pre-filled, so a normal day is one key.

use super::reader::Reader;
use super::{Builder, FormCtx};
use crate::domain::commands as check;
use crate::domain::text::MAX_NOTE_CHARS;
use crate::domain::{ClockTime, HoursLogged, Towards};
use crate::tui::form::{Field, FieldKind, Form};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoursField {
    Date,
    Start,
    End,
    Break,
    Hours,
    Note,
}

pub fn open(editing: Option<u64>, ctx: &FormCtx) -> Form<HoursField> {
    let h = editing
        .and_then(|id| ctx.state.hours.iter().find(|h| h.id == id))
        .map(|h| &h.entry);
    let w = &ctx.config.work;
    let time = |t: Option<ClockTime>, usual: ClockTime| match (t, h) {
        (Some(t), _) => t.to_string(),
        (None, Some(_)) => String::new(),
        (None, None) => usual.to_string(),
    };
    use HoursField as F;
    Form::new(
        h.map_or("Log hours".to_string(), |_| "Edit hours".to_string()),
        vec![
            Field::date(
                F::Date,
                "Date",
                &ctx.show(h.map_or(ctx.today, |h| h.date)),
                Towards::Past,
            ),
            Field::new(
                F::Start,
                "Start",
                FieldKind::Time,
                &time(h.and_then(|h| h.start), w.usual_start),
                "HH:MM, 24-hour",
            ),
            Field::new(
                F::End,
                "End",
                FieldKind::Time,
                &time(h.and_then(|h| h.end), w.usual_end),
                "HH:MM, the same day",
            ),
            Field::new(
                F::Break,
                "Break",
                FieldKind::Number,
                &h.map_or(w.usual_break_minutes.to_string(), |h| {
                    h.break_minutes.map(|b| b.to_string()).unwrap_or_default()
                }),
                "minutes: 30, 30 mins, 0:30",
            ),
            Field::new(
                F::Hours,
                "Hours",
                FieldKind::Number,
                &h.and_then(|h| h.hours)
                    .map(|x| x.to_string())
                    .unwrap_or_default(),
                "or hours alone (7.5, 7h30, 7:30), with Start and End blank",
            ),
            Field::text(
                F::Note,
                "Note",
                h.and_then(|h| h.note.as_deref()).unwrap_or(""),
                "optional",
            ),
        ],
    )
}

pub fn read(editing: Option<u64>, form: &mut Form<HoursField>, ctx: &FormCtx) -> Option<Builder> {
    use HoursField as F;
    let mut r = Reader::new(form, ctx);
    let date = r.date(F::Date);
    let hours = r.hours(F::Hours, ", or leave it blank and give Start and End");
    let (start, end) = (r.time(F::Start), r.time(F::End));
    let brk = r.break_minutes(F::Break);
    let note = r.text(F::Note, "the note", MAX_NOTE_CHARS, false);
    let hours = hours?;
    if hours.is_some() && !times_typed_beside_hours(r.form) {
        return None;
    }
    // A plain number of hours wins: the usual times pre-filled beside it are not meant.
    let (start, end, break_minutes) = if hours.is_some() {
        (None, None, None)
    } else {
        (start?, end?, brk?)
    };
    if hours.is_none() && (start.is_none() || end.is_none()) {
        r.form.refuse(
            if start.is_none() { F::Start } else { F::End },
            "give a start and an end time, or a number of hours",
        );
        return None;
    }
    let built = (|| {
        let event = HoursLogged {
            date: date?,
            start,
            end,
            break_minutes,
            hours,
            note: note?,
            imported: None,
        };
        Some(Box::new(move |state: &_, records: &[_]| {
            let built = check::log_hours(state, event.clone(), editing)?;
            match editing {
                Some(id) => check::amend(state, records, id, built),
                None => Ok(built),
            }
        }) as Builder)
    })();
    r.done(built)
}

/// With Hours given, the times are dropped: right for the usual times pre-filled, wrong for
/// times the user typed (they vanished without a word). Times changed from what the form
/// opened with, and not emptied, are refused beside Hours, naming both, as the command line
/// refuses `--start` with `--hours`. Returns whether the form may go on.
fn times_typed_beside_hours(form: &mut Form<HoursField>) -> bool {
    use HoursField as F;
    let changed: Vec<&str> = [(F::Start, "Start"), (F::End, "End"), (F::Break, "Break")]
        .into_iter()
        .filter(|(id, _)| {
            let field = form.field(*id);
            field.is_changed() && !field.value().trim().is_empty()
        })
        .map(|(_, label)| label)
        .collect();
    let named = match changed.as_slice() {
        [] => return true,
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    let are = if changed.len() == 1 { "is" } else { "are" };
    form.refuse(
        F::Hours,
        format!(
            "Hours is given and so {are} {named} (changed here): empty Hours to log the times, or empty {named} to log the hours alone"
        ),
    );
    false
}

/// The form that stops the timer: its day and start, ending now, with the usual break (the
/// user sees every value and saves with Enter).
pub fn open_timer_stop(
    timer: &crate::timer::Timer,
    now: ClockTime,
    ctx: &FormCtx,
) -> Form<HoursField> {
    let mut form = open(None, ctx);
    form.title = format!(
        "Stop the timer: {} from {}",
        ctx.show(timer.date),
        timer.start
    );
    form.field_mut(HoursField::Date)
        .prefill(&ctx.show(timer.date));
    form.field_mut(HoursField::Start)
        .prefill(&timer.start.to_string());
    form.field_mut(HoursField::End).prefill(&now.to_string());
    form.field_mut(HoursField::Note).hint =
        "optional · Esc keeps the timer running (T on the Hours screen throws it away)".to_string();
    form.focus_on(HoursField::End);
    form
}
