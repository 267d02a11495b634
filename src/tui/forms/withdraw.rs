//! Withdrawing a record: a reason, and an explicit yes.

use super::reader::Reader;
use super::{Builder, FormCtx};
use crate::domain::commands as check;
use crate::domain::text::MAX_SHORT_CHARS;
use crate::tui::form::{Field, Form};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WithdrawField {
    Reason,
    Confirmed,
}

pub fn open(seq: u64, _ctx: &FormCtx) -> Form<WithdrawField> {
    // The confirmation is last and Tab does not go round from it to the reason, which keeps
    // its text on entry: a `y` meant to confirm never replaces the reason.
    Form::new(
        format!("Withdraw record {seq}"),
        vec![
            Field::text(
                WithdrawField::Reason,
                "Reason",
                "",
                "why, e.g. entered twice; the record stays in the journal, marked withdrawn",
            )
            .kept_on_entry(),
            Field::toggle(
                WithdrawField::Confirmed,
                "Withdraw it",
                false,
                "y to confirm: it will no longer count anywhere",
            ),
        ],
    )
    .without_wrapping()
}

pub fn read(seq: u64, form: &mut Form<WithdrawField>, ctx: &FormCtx) -> Option<Builder> {
    let mut r = Reader::new(form, ctx);
    let reason = r.text(WithdrawField::Reason, "the reason", MAX_SHORT_CHARS, true);
    if !r.form.is_on(WithdrawField::Confirmed) {
        r.form.refuse(
            WithdrawField::Confirmed,
            "press y here to confirm, or Esc to keep the record",
        );
        return None;
    }
    let built = reason.flatten().map(|reason| -> Builder {
        Box::new(move |state, records| check::void(state, records, seq, &reason))
    });
    r.done(built)
}
