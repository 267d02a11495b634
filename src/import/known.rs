//! What a re-imported row that is already in the journal says about itself: where it differs
//! from the record (which import never changes), and a deadline whose due date has moved.

use crate::domain::event::{CaseAllocated, DeadlineSet};
use crate::domain::replay::{Case, Deadline};

/// How the row's case differs from the journal's, one phrase each: "kind `tier-b` here,
/// `tier-a` in the journal". Empty when they agree.
pub fn case_differences(journal: &Case, row: &CaseAllocated) -> Vec<String> {
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let text = |t: &Option<String>| {
        t.as_deref()
            .map_or_else(|| "none".to_string(), |t| format!("`{t}`"))
    };
    let mut differ = Vec::new();
    if !journal.kind.eq_ignore_ascii_case(&row.kind) {
        differ.push(format!(
            "kind `{}` here, `{}` in the journal",
            row.kind, journal.kind
        ));
    }
    if journal.discussed != row.discussed {
        differ.push(format!(
            "discussed {} here, {} in the journal",
            yes_no(row.discussed),
            yes_no(journal.discussed)
        ));
    }
    if row.allocated_by.is_some() && journal.allocated_by != row.allocated_by {
        differ.push(format!(
            "allocated by {} here, {} in the journal",
            text(&row.allocated_by),
            text(&journal.allocated_by)
        ));
    }
    if let Some(weight) = row.weight
        && journal.weight.is_none_or(|w| (w - weight).abs() > 0.005)
    {
        differ.push(format!(
            "weekly hours {weight} here, {} in the journal",
            journal
                .weight
                .map_or_else(|| "the kind's".to_string(), |w| w.to_string())
        ));
    }
    differ
}

/// The end of a known case's line when the row differs: what differs, and that nothing was
/// changed.
pub fn not_changed(differences: &[String]) -> String {
    if differences.is_empty() {
        String::new()
    } else {
        format!(
            "; this row differs ({}): the journal is not changed (edit the case in the terminal UI to change it)",
            differences.join("; ")
        )
    }
}

/// A row for a deadline the journal already has open, for the same case and with the same
/// description, but due on another day: not written as a second deadline; what to do.
/// Dates are written as ISO (the plan shows them in the display format); the command to
/// type as 04/12/2026, which any shell passes whole.
pub fn moved_deadline(journal: &Deadline, row: &DeadlineSet, place: &str) -> String {
    let case = journal
        .case
        .as_deref()
        .map_or_else(String::new, |c| format!(" for {c}"));
    let what_to_do = if row.due > journal.due {
        format!(
            "`caseload deadline extend {} --due {}` moves it",
            journal.id,
            row.due.format("%d/%m/%Y")
        )
    } else {
        "an extension only moves a deadline later; if this row is another deadline, give it a description of its own".to_string()
    };
    format!(
        "a deadline “{}”{case} is in the journal ({place}), due {}; this row says {}: it is not written as a second one, and the journal is not changed ({what_to_do})",
        journal.what, journal.due, row.due
    )
}
