//! Writing an import: every row planned again under the journal's lock, against the journal
//! as it is then, and all the records written in one append, or none. The command line and
//! the terminal UI both import through here.

use super::{Outcome, Request, Table};
use crate::domain::commands::Refusal;
use crate::journal::{AppendError, Journal};

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The sequence numbers of the records written, in order.
    pub seqs: Vec<u64>,
    /// Rows skipped as already in the journal.
    pub known: usize,
}

impl Applied {
    /// "6 records (1 to 6)", "1 record (7)", "nothing".
    pub fn records(&self) -> String {
        match (self.seqs.first(), self.seqs.last()) {
            (Some(a), Some(b)) if a != b => format!("{} records ({a} to {b})", self.seqs.len()),
            (Some(a), _) => format!("1 record ({a})"),
            _ => "nothing".to_string(),
        }
    }

    /// "; 2 rows already in the journal were skipped", or nothing.
    pub fn skipped(&self) -> String {
        match self.known {
            0 => String::new(),
            1 => "; 1 row already in the journal was skipped".to_string(),
            n => format!("; {n} rows already in the journal were skipped"),
        }
    }
}

/// Plans `table` again under the lock and writes every record or none. A row refused now
/// (another window added the same case since the dry run) stops the whole import.
pub fn apply(
    journal: &mut Journal,
    table: &Table,
    request: &Request,
) -> Result<Applied, AppendError<Refusal>> {
    let known = std::cell::Cell::new(0usize);
    let seqs = journal.append_all(|state, records| {
        let plan = super::plan(table, request, state, records)
            .map_err(|e| Refusal::Rule(e.to_string()))?;
        if let Some((row, why)) = plan.rows.iter().find_map(|p| match &p.outcome {
            Outcome::Refused(why) => Some((p.row, why.clone())),
            _ => None,
        }) {
            return Err(Refusal::Rule(format!(
                "{} {row} is refused now: {why}; the journal changed since the dry run",
                plan.unit
            )));
        }
        known.set(plan.known());
        Ok(plan.events())
    })?;
    Ok(Applied {
        seqs,
        known: known.get(),
    })
}
