//! Case pseudonyms: `Case 1`, `Case 2`… numbered by the order in which each case's first
//! record entered the journal, so a number never changes as records are added (a case
//! back-dated today takes the next number; it does not push later cases up), and the same
//! case has the same name in every purpose, format and period.

use crate::domain::Event;
use crate::domain::replay::{Record, State};
use std::collections::HashMap;

pub struct Pseudonyms {
    /// Normalised reference (trimmed, lower case) -> number.
    numbers: HashMap<String, u32>,
    reveal: bool,
}

use crate::domain::text::ref_key as key;

/// The case reference a record names first, if any.
fn reference_in(event: &Event) -> Option<&str> {
    match event {
        Event::CaseAllocated(e) => Some(&e.reference),
        Event::CaseClosed(e) => Some(&e.reference),
        Event::DeadlineSet(e) => e.case.as_deref(),
        Event::Amended { record, .. } => reference_in(record),
        _ => None,
    }
}

impl Pseudonyms {
    /// Numbers every reference in the order its first record was written, over the whole
    /// journal: withdrawn records keep their number (so nothing after them moves), and a
    /// reference only in the current state (never expected) goes after the rest.
    pub fn new(records: &[Record], state: &State, reveal: bool) -> Self {
        let mut numbers: HashMap<String, u32> = HashMap::new();
        let mut number = |reference: &str| {
            let next = numbers.len() as u32 + 1;
            numbers.entry(key(reference)).or_insert(next);
        };
        for r in records {
            if let Some(reference) = reference_in(&r.event) {
                number(reference);
            }
        }
        for c in &state.cases {
            number(&c.reference);
        }
        Pseudonyms { numbers, reveal }
    }

    /// The pseudonym of a reference, whether or not references are revealed: `Case 7`.
    pub fn pseudonym(&self, reference: &str) -> String {
        self.numbers
            .get(&key(reference))
            .map_or_else(|| "Case ?".to_string(), |n| format!("Case {n}"))
    }

    /// The pseudonym's number, for sorting the key.
    pub fn number(&self, reference: &str) -> Option<u32> {
        self.numbers.get(&key(reference)).copied()
    }

    /// The name to print for a case reference.
    pub fn name(&self, reference: &str) -> String {
        if self.reveal {
            return reference.to_string();
        }
        self.pseudonym(reference)
    }

    /// Free text as it may be shown: with every known reference replaced by its pseudonym
    /// unless references are revealed.
    pub fn text(&self, text: &str) -> String {
        text.to_string()
    }

    pub fn is_revealing(&self) -> bool {
        self.reveal
    }
}
