//! Case pseudonyms: `Case 1`, `Case 2`… numbered by the order in which each case's first
//! record entered the journal, so a number never changes as records are added (a case
//! back-dated today takes the next number; it does not push later cases up), and the same
//! case has the same name in every purpose, format and period.

use crate::domain::Event;
use crate::domain::replay::{Record, State};
use aho_corasick::AhoCorasick;
use std::collections::HashMap;

pub struct Pseudonyms {
    /// Reference as recorded (trimmed) -> number. Two cases whose references differ only in
    /// capitals (journals from before references were compared ignoring case) are two cases.
    numbers: HashMap<String, u32>,
    /// Trimmed, lower-case reference -> the first number with that spelling, for lookups.
    loose: HashMap<String, u32>,
    reveal: bool,
    /// Every known reference, case-folded, for finding them inside free text (pattern i is
    /// `patterns[i]`, whose number is `pattern_numbers[i]`); `None` when revealing or empty.
    finder: Option<AhoCorasick>,
    pattern_numbers: Vec<u32>,
    /// Whether each pattern starts / ends with a letter or digit (then it must not be glued
    /// to another letter or digit to count as the reference: `FD1` is not inside `FD12`).
    pattern_edges: Vec<(bool, bool)>,
}

/// Simple case folding, one character for one, so that positions map back to the text:
/// a character whose lower case is several characters is kept as it is.
fn fold(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    // For each byte of `folded`, the byte of `text` its character came from (and the end).
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let mut lower = c.to_lowercase();
        let one = match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        };
        folded.push(one);
        origin.resize(folded.len(), at);
    }
    origin.push(text.len());
    (folded, origin)
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric()
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
        // Each reference once, in the order of its number (a reference seen again costs a
        // lookup, not an allocation: a career's journal names its cases tens of thousands
        // of times).
        let mut numbers: HashMap<String, u32> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        let mut number = |reference: &str| {
            let reference = reference.trim();
            if !numbers.contains_key(reference) {
                order.push(reference.to_string());
                numbers.insert(reference.to_string(), order.len() as u32);
            }
        };
        for r in records {
            if let Some(reference) = reference_in(&r.event) {
                number(reference);
            } else if r.event.original_type() == "case_allocated" {
                // A redacted allocation keeps its number (under a name no reference can
                // have), so the cases recorded after it keep theirs.
                number(&format!("\u{0}redacted {}", r.seq));
            }
        }
        for c in &state.cases {
            number(&c.reference);
        }
        let mut loose: HashMap<String, u32> = HashMap::new();
        for (i, reference) in order.iter().enumerate() {
            loose.entry(key(reference)).or_insert(i as u32 + 1);
        }
        // The references to find in free text, case-folded, each spelling once.
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_numbers: Vec<u32> = Vec::new();
        if !reveal {
            let mut seen = std::collections::HashSet::new();
            for (i, reference) in order.iter().enumerate() {
                let folded = fold(reference).0;
                if !reference.is_empty()
                    && !reference.starts_with('\u{0}')
                    && seen.insert(folded.clone())
                {
                    patterns.push(folded);
                    pattern_numbers.push(i as u32 + 1);
                }
            }
        }
        // ASCII letters match in any case, so ASCII text (most of it) is searched as it is;
        // other text is folded first.
        let finder = (!reveal && !patterns.is_empty()).then(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(&patterns)
                .expect("references make a valid automaton")
        });
        let pattern_edges = patterns
            .iter()
            .map(|p| {
                (
                    p.chars().next().is_some_and(word_char),
                    p.chars().last().is_some_and(word_char),
                )
            })
            .collect();
        Pseudonyms {
            numbers,
            loose,
            reveal,
            finder,
            pattern_numbers,
            pattern_edges,
        }
    }

    /// The pseudonym of a reference, whether or not references are revealed: `Case 7`.
    pub fn pseudonym(&self, reference: &str) -> String {
        self.number(reference)
            .map_or_else(|| "Case ?".to_string(), |n| format!("Case {n}"))
    }

    /// The pseudonym's number: the reference as recorded, else ignoring capitals.
    pub fn number(&self, reference: &str) -> Option<u32> {
        self.numbers
            .get(reference.trim())
            .or_else(|| self.loose.get(&key(reference)))
            .copied()
    }

    /// The name to print for a case reference.
    pub fn name(&self, reference: &str) -> String {
        if self.reveal {
            return reference.to_string();
        }
        self.pseudonym(reference)
    }

    /// Free text as it may be shown: unless references are revealed, every known case
    /// reference in it, whatever its letter case, is replaced by its pseudonym ("filing for
    /// fd26p00123" -> "filing for Case 4"). A reference counts where it is not glued to
    /// another letter or digit, so `FD1` is not replaced inside `FD12`; where two references
    /// start at the same place the longer wins.
    pub fn text(&self, text: &str) -> String {
        let Some(finder) = &self.finder else {
            return text.to_string();
        };
        let folded_text;
        let (folded, origin): (&str, Option<Vec<usize>>) = if text.is_ascii() {
            (text, None)
        } else {
            let (f, o) = fold(text);
            folded_text = f;
            (folded_text.as_str(), Some(o))
        };
        let origin = |at: usize| origin.as_ref().map_or(at, |o| o[at]);
        let mut found: Vec<(usize, usize, usize)> = finder
            .find_overlapping_iter(folded)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        if found.is_empty() {
            return text.to_string();
        }
        found.sort_by_key(|(start, end, _)| (*start, std::cmp::Reverse(*end)));
        let glued_before = |at: usize| folded[..at].chars().next_back().is_some_and(word_char);
        let glued_after = |at: usize| folded[at..].chars().next().is_some_and(word_char);
        let mut out = String::with_capacity(text.len());
        let mut copied = 0; // in `folded` bytes
        for (start, end, pattern) in found {
            let (starts_word, ends_word) = self.pattern_edges[pattern];
            if start < copied
                || (starts_word && glued_before(start))
                || (ends_word && glued_after(end))
            {
                continue;
            }
            out.push_str(&text[origin(copied)..origin(start)]);
            out.push_str(&format!("Case {}", self.pattern_numbers[pattern]));
            copied = end;
        }
        out.push_str(&text[origin(copied)..]);
        out
    }

    pub fn is_revealing(&self) -> bool {
        self.reveal
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::event::Event;
    use crate::domain::references::allocations;

    fn names(refs: &[&str], reveal: bool) -> Pseudonyms {
        let records = allocations(refs);
        Pseudonyms::new(&records, &crate::domain::replay::replay(&records), reveal)
    }

    #[test]
    fn references_in_free_text_are_replaced_whatever_their_case() {
        let n = names(&["FD26P00123", "FD1", "FD12", "ÉTÉ-7"], false);
        assert_eq!(n.text("filing for FD26P00123"), "filing for Case 1");
        assert_eq!(
            n.text("fd26p00123 and Fd26P00123, then (FD26P00123)."),
            "Case 1 and Case 1, then (Case 1)."
        );
        // The longer reference wins; a reference glued to a letter or digit is another word.
        assert_eq!(
            n.text("FD12 then FD1, not FD123 or XFD1"),
            "Case 3 then Case 2, not FD123 or XFD1"
        );
        assert_eq!(n.text("FD1's report; FD1-2"), "Case 2's report; Case 2-2");
        // Letters outside ASCII fold too, and the text around them survives.
        assert_eq!(n.text("Visite été-7 – ok"), "Visite Case 4 – ok");
        assert_eq!(n.text("nothing to hide"), "nothing to hide");
        assert_eq!(names(&["FD1"], true).text("FD1"), "FD1");
    }

    #[test]
    fn a_redacted_allocation_keeps_its_number_so_no_later_case_moves() {
        let mut n = names(&["A1", "B2", "C3"], false);
        assert_eq!(n.name("C3"), "Case 3");
        let mut records = allocations(&["A1", "B2", "C3"]);
        records[1].event = Event::Redacted {
            was: "case_allocated".into(),
            sha256: "0".repeat(64),
            target: None,
        };
        n = Pseudonyms::new(&records, &crate::domain::replay::replay(&records), false);
        assert_eq!(
            (n.name("A1"), n.name("C3")),
            ("Case 1".into(), "Case 3".into())
        );
    }

    #[test]
    fn two_cases_whose_references_differ_only_in_capitals_stay_two_cases() {
        // Journals written before references were compared ignoring case may hold both.
        let n = names(&["ab1", "AB1"], false);
        assert_eq!(
            (n.name("ab1"), n.name("AB1")),
            ("Case 1".into(), "Case 2".into())
        );
        assert_eq!(n.name(" Ab1 "), "Case 1");
    }
}
