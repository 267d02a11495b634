//! Adding and editing leave.

use super::reader::Reader;
use super::{Builder, FormCtx};
use crate::domain::commands as check;
use crate::domain::dates::leave_towards;
use crate::domain::text::MAX_NOTE_CHARS;
use crate::domain::{LeaveAdded, LeaveKind, Towards};
use crate::tui::form::{Field, FieldKind, Form};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeaveField {
    Kind,
    From,
    To,
    Note,
}

pub fn open(editing: Option<u64>, ctx: &FormCtx) -> Form<LeaveField> {
    let l = editing.and_then(|id| ctx.state.leave.iter().find(|l| l.id == id));
    let kinds = LeaveKind::ALL
        .iter()
        .map(|k| (k.key().to_string(), k.label().to_string()))
        .collect();
    use LeaveField as F;
    let mut form = Form::new(
        l.map_or("Add leave".to_string(), |l| format!("Edit leave {}", l.id)),
        vec![
            Field::choice(F::Kind, "Kind", kinds, l.map_or("annual", |l| l.kind.key()))
                .with_words(other_words()),
            Field::date(
                F::From,
                "From",
                &ctx.show(l.map_or(ctx.today, |l| l.from)),
                Towards::Booked,
            ),
            Field::date(
                F::To,
                "To",
                &ctx.show(l.map_or(ctx.today, |l| l.to)),
                Towards::Booked,
            ),
            Field::text(
                F::Note,
                "Note",
                l.and_then(|l| l.note.as_deref()).unwrap_or(""),
                "optional",
            ),
        ],
    );
    follow_kind(&mut form);
    form
}

/// The words the command line and import take for each kind (`holiday`, `maternity`, `a/l`),
/// so that the Kind field takes them too.
fn other_words() -> Vec<(String, String)> {
    // The most typed first: the field's refusal gives the first three as examples.
    let common = ["holiday", "maternity", "lieu"];
    let mut words: Vec<(String, String)> = LeaveKind::words()
        .map(|(word, kind)| (word.to_string(), kind.key().to_string()))
        .collect();
    words.sort_by_key(|(word, _)| {
        common
            .iter()
            .position(|c| c == word)
            .unwrap_or(common.len())
    });
    words
}

/// Sick leave is written down afterwards, other leave booked ahead (or written down just
/// after): the dates' weekdays and yearless dates point the way the chosen kind does (as on
/// the command line).
pub fn follow_kind(form: &mut Form<LeaveField>) {
    let towards = form
        .value(LeaveField::Kind)
        .parse::<LeaveKind>()
        .map_or(Towards::Booked, leave_towards);
    for id in [LeaveField::From, LeaveField::To] {
        let field = form.field_mut(id);
        field.kind = FieldKind::Date(towards);
        field.hint = Field::date(id, "", "", towards).hint;
    }
}

pub fn read(editing: Option<u64>, form: &mut Form<LeaveField>, ctx: &FormCtx) -> Option<Builder> {
    use LeaveField as F;
    follow_kind(form);
    let mut r = Reader::new(form, ctx);
    let from = r.date(F::From);
    let to = r.date(F::To);
    // Checked here in the form's words (the rule's own refusal names the command line's
    // `--to`), beside the field to change.
    if let (Some(from), Some(to)) = (from, to)
        && to < from
    {
        r.form.refuse(
            F::To,
            format!(
                "the leave ends ({}) before it starts ({}); To is the last day of leave, inclusive, on or after From",
                ctx.show(to),
                ctx.show(from)
            ),
        );
    }
    let note = r.text(F::Note, "the note", MAX_NOTE_CHARS, false);
    let kind = r.form.value(F::Kind).parse::<LeaveKind>();
    let built = (|| {
        let event = LeaveAdded {
            kind: kind.ok()?,
            from: from?,
            to: to?,
            note: note?,
            imported: None,
        };
        Some(Box::new(move |state: &_, records: &[_]| {
            let built = check::add_leave(state, event.clone(), editing)?;
            match editing {
                Some(id) => check::amend(state, records, id, built),
                None => Ok(built),
            }
        }) as Builder)
    })();
    r.done(built)
}
