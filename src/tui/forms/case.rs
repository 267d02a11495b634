//! Adding, editing and closing a case.

use super::reader::Reader;
use super::{Builder, FormCtx};
use crate::domain::commands as check;
use crate::domain::text::{MAX_NOTE_CHARS, MAX_REF_CHARS, MAX_SHORT_CHARS};
use crate::domain::{CaseAllocated, CaseClosed, Towards};
use crate::tui::form::{Field, FieldKind, Form};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseField {
    Reference,
    Kind,
    AllocatedOn,
    AllocatedBy,
    Discussed,
    Weight,
    Note,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseField {
    On,
    Outcome,
}

pub fn open(editing: Option<u64>, ctx: &FormCtx) -> Form<CaseField> {
    let c = editing.and_then(|id| ctx.state.cases.iter().find(|c| c.id == id));
    let kinds: Vec<(String, String)> = ctx
        .config
        .case_kinds
        .iter()
        .map(|k| (k.key.clone(), k.name.clone()))
        .collect();
    let first_kind = kinds.first().map(|k| k.0.clone()).unwrap_or_default();
    let title = c.map_or("Add a case".to_string(), |c| {
        format!("Edit case {}", c.reference)
    });
    let reference_hint = if c.is_some() {
        "the reference cannot be changed; withdraw the case and add it again"
    } else {
        "your own reference, never a name (1-40 characters)"
    };
    use CaseField as F;
    Form::new(
        title,
        vec![
            Field::text(
                F::Reference,
                "Reference",
                c.map_or("", |c| &c.reference),
                reference_hint,
            ),
            Field::choice(
                F::Kind,
                "Kind",
                kinds,
                &c.map_or(first_kind, |c| c.kind.clone()),
            ),
            Field::date(
                F::AllocatedOn,
                "Allocated on",
                &ctx.show(c.map_or(ctx.today, |c| c.allocated_on)),
                Towards::Past,
            ),
            Field::text(
                F::AllocatedBy,
                "Allocated by",
                c.and_then(|c| c.allocated_by.as_deref()).unwrap_or(""),
                "a role rather than a name, e.g. team manager",
            ),
            Field::toggle(
                F::Discussed,
                "Discussed",
                c.is_none_or(|c| c.discussed),
                "y / n: was it discussed with you before allocation?",
            ),
            Field::new(
                F::Weight,
                "Weight",
                FieldKind::Number,
                &c.and_then(|c| c.weight)
                    .map(|w| w.to_string())
                    .unwrap_or_default(),
                "weekly hours this case needs; leave blank for its kind's",
            ),
            Field::text(
                F::Note,
                "Note",
                c.and_then(|c| c.note.as_deref()).unwrap_or(""),
                "optional",
            ),
        ],
    )
}

pub fn read(editing: Option<u64>, form: &mut Form<CaseField>, ctx: &FormCtx) -> Option<Builder> {
    use CaseField as F;
    let mut r = Reader::new(form, ctx);
    let reference = r.text(F::Reference, "the case reference", MAX_REF_CHARS, true);
    let allocated_on = r.date(F::AllocatedOn);
    let by = r.text(F::AllocatedBy, "allocated by", MAX_SHORT_CHARS, false);
    let weight = r.number(
        F::Weight,
        "give weekly hours such as 2.5, or leave it blank",
    );
    let note = r.text(F::Note, "the note", MAX_NOTE_CHARS, false);
    let event = (|| {
        Some(CaseAllocated {
            reference: reference??,
            kind: r.form.value(F::Kind),
            allocated_on: allocated_on?,
            allocated_by: by?,
            discussed: r.form.is_on(F::Discussed),
            weight: weight?,
            note: note?,
            imported: None,
        })
    })();
    let kinds: Vec<String> = ctx
        .config
        .case_kinds
        .iter()
        .map(|k| k.key.clone())
        .collect();
    let built = event.map(|event| -> Builder {
        Box::new(move |state, records| {
            let kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
            let built = check::allocate_case(state, &kinds, event.clone(), editing)?;
            match editing {
                Some(id) => check::amend(state, records, id, built),
                None => Ok(built),
            }
        })
    });
    r.done(built)
}

pub fn open_close(reference: &str, ctx: &FormCtx) -> Form<CloseField> {
    Form::new(
        format!("Close case {reference}"),
        vec![
            Field::date(
                CloseField::On,
                "Closed on",
                &ctx.show(ctx.today),
                Towards::Past,
            ),
            Field::text(
                CloseField::Outcome,
                "Outcome",
                "",
                "optional, e.g. final order, transferred",
            ),
        ],
    )
}

pub fn read_close(reference: &str, form: &mut Form<CloseField>, ctx: &FormCtx) -> Option<Builder> {
    let mut r = Reader::new(form, ctx);
    let on = r.date(CloseField::On);
    let outcome = r.text(CloseField::Outcome, "the outcome", MAX_SHORT_CHARS, false);
    let reference = reference.to_string();
    let built = (|| {
        let event = CaseClosed {
            reference,
            on: on?,
            outcome: outcome?,
            imported: None,
        };
        Some(Box::new(move |state: &_, _: &[_]| check::close_case(state, event.clone())) as Builder)
    })();
    r.done(built)
}
