//! A diary note: the one field that holds several lines, in a box that wraps and scrolls,
//! with the user's own editor a key away.

use super::reader::Reader;
use super::{Builder, FormCtx};
use crate::domain::commands as check;
use crate::domain::text::{MAX_NOTE_CHARS, MAX_SHORT_CHARS};
use crate::domain::{NoteAdded, Standard, Towards};
use crate::tui::form::{Field, FieldKind, Form};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteField {
    Date,
    Text,
    Standards,
    Stress,
    Told,
}

pub const NOTE_HINT: &str = "what happened and its effect on you; no names of children or families · Alt-Enter or Ctrl-J: new line · Ctrl-O: your editor";

pub fn open(editing: Option<u64>, ctx: &FormCtx) -> Form<NoteField> {
    let n = editing
        .and_then(|id| ctx.state.notes.iter().find(|n| n.id == id))
        .map(|n| &n.note);
    let standards = n
        .map(|n| {
            n.standards
                .iter()
                .map(|s| s.key())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    use NoteField as F;
    Form::new(
        n.map_or("Diary note".to_string(), |_| "Edit diary note".to_string()),
        vec![
            Field::date(
                F::Date,
                "Date",
                &ctx.show(n.map_or(ctx.today, |n| n.date)),
                Towards::Past,
            ),
            Field::new(
                F::Text,
                "Note",
                FieldKind::Note,
                n.map_or("", |n| &n.text),
                NOTE_HINT,
            ),
            Field::text(
                F::Standards,
                "Standards",
                &standards,
                "any of: demands control support relationships role change",
            ),
            Field::new(
                F::Stress,
                "Stress",
                FieldKind::Number,
                &n.and_then(|n| n.stress)
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                "0 (none) to 10 (worst), optional",
            ),
            Field::text(
                F::Told,
                "Told",
                n.and_then(|n| n.told.as_deref()).unwrap_or(""),
                "who you told and how, e.g. manager by email",
            ),
        ],
    )
}

pub fn read(editing: Option<u64>, form: &mut Form<NoteField>, ctx: &FormCtx) -> Option<Builder> {
    use NoteField as F;
    let mut r = Reader::new(form, ctx);
    let date = r.date(F::Date);
    let text = r.note(F::Text, MAX_NOTE_CHARS);
    let told = r.text(F::Told, "who was told", MAX_SHORT_CHARS, false);
    let stress = r.whole(
        F::Stress,
        0..=10,
        "give a whole number from 0 (none) to 10 (worst), or leave it blank",
    );
    let mut standards = Vec::new();
    let typed = r.form.value(F::Standards);
    for word in typed.split([' ', ',']).filter(|w| !w.is_empty()) {
        match word.parse::<Standard>() {
            Ok(s) => standards.push(s),
            Err(e) => r.form.refuse(F::Standards, e.to_string()),
        }
    }
    let built = (|| {
        let event = NoteAdded {
            date: date?,
            text: text?,
            standards,
            stress: stress?.map(|s| s as u8),
            told: told?,
        };
        Some(Box::new(move |state: &_, records: &[_]| {
            let built = check::add_note(event.clone())?;
            match editing {
                Some(id) => check::amend(state, records, id, built),
                None => Ok(built),
            }
        }) as Builder)
    })();
    r.done(built)
}
