//! Finding the case a typed reference names. References are compared trimmed and ignoring
//! case everywhere (`fd26p00123 ` is `FD26P00123`); the UI's case field also takes a unique
//! beginning. Anything else is refused, naming the nearest references.

use super::replay::{Case, State};
use super::text::ref_key;

/// How a typed reference may name a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matching {
    /// The whole reference, trimmed and ignoring case (the command line).
    Whole,
    /// The whole reference, or the beginning of exactly one (the UI's case field).
    WholeOrPrefix,
}

/// Why a typed reference names no single case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoCase {
    #[error("no case has reference `{typed}`{}", did_you_mean(.nearest))]
    Unknown { typed: String, nearest: Vec<String> },
    #[error("`{typed}` begins {count} references ({}); type more of it", shown(.some))]
    Ambiguous {
        typed: String,
        count: usize,
        some: Vec<String>,
    },
    #[error(
        "two cases have references that differ only in capitals ({}); type it exactly as recorded",
        shown(.spellings)
    )]
    Spellings { spellings: Vec<String> },
}

fn shown(refs: &[String]) -> String {
    match refs {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

fn did_you_mean(nearest: &[String]) -> String {
    if nearest.is_empty() {
        "; `caseload list cases` shows them".to_string()
    } else {
        format!("; did you mean {}?", shown(nearest))
    }
}

/// How many near references a refusal names.
const SUGGESTIONS: usize = 3;

/// The case `typed` names. A reference spelt exactly as recorded wins over one that differs
/// only in capitals (journals written before references ignored case may hold both).
pub fn find_case<'a>(
    state: &'a State,
    typed: &str,
    matching: Matching,
) -> Result<&'a Case, NoCase> {
    let typed = typed.trim();
    let key = ref_key(typed);
    let same: Vec<&Case> = state.cases_like(typed).collect();
    match same.as_slice() {
        [one] => return Ok(one),
        [] => {}
        several => {
            return several
                .iter()
                .find(|c| c.reference == typed)
                .copied()
                .ok_or_else(|| NoCase::Spellings {
                    spellings: several.iter().map(|c| c.reference.clone()).collect(),
                });
        }
    }
    if matching == Matching::WholeOrPrefix && !key.is_empty() {
        let begins: Vec<&Case> = state
            .cases
            .iter()
            .filter(|c| ref_key(&c.reference).starts_with(&key))
            .collect();
        match begins.as_slice() {
            [one] => return Ok(one),
            [] => {}
            several => {
                return Err(NoCase::Ambiguous {
                    typed: typed.to_string(),
                    count: several.len(),
                    some: several
                        .iter()
                        .take(SUGGESTIONS)
                        .map(|c| c.reference.clone())
                        .collect(),
                });
            }
        }
    }
    Err(NoCase::Unknown {
        typed: typed.to_string(),
        nearest: nearest(state, &key),
    })
}

/// The references nearest to `key` by edit distance (at most a third of its length away, and
/// at least two), open cases first among equals.
fn nearest(state: &State, key: &str) -> Vec<String> {
    let limit = (key.chars().count() / 3).max(2);
    by_distance(state, key)
        .filter(|(distance, _)| *distance <= limit)
        .take(SUGGESTIONS)
        .map(|(_, r)| r.to_string())
        .collect()
}

/// The `n` references nearest to what was typed, however far: for a form to offer when
/// none is near enough to be a slip (the command line points to `caseload list cases`).
pub fn closest(state: &State, typed: &str, n: usize) -> Vec<String> {
    by_distance(state, &ref_key(typed.trim()))
        .take(n)
        .map(|(_, r)| r.to_string())
        .collect()
}

/// Every reference with its edit distance from `key`, nearest first, open cases first
/// among equals.
fn by_distance<'s>(state: &'s State, key: &str) -> impl Iterator<Item = (usize, &'s str)> {
    let mut scored: Vec<(usize, bool, &str)> = state
        .cases
        .iter()
        .map(|c| {
            let distance = strsim::levenshtein(key, &ref_key(&c.reference));
            (distance, c.closed_on.is_some(), c.reference.as_str())
        })
        .collect();
    scored.sort_unstable();
    scored.into_iter().map(|(distance, _, r)| (distance, r))
}

/// The case with the same reference as `reference`, ignoring case, other than `except`.
pub fn same_reference<'a>(
    state: &'a State,
    reference: &str,
    except: Option<u64>,
) -> Option<&'a Case> {
    state.cases_like(reference).find(|c| Some(c.id) != except)
}

/// Words that join two parties in a case title (`Smith v Smith`, `Smith & Jones`); they are
/// not names themselves, but the words either side of them are.
const BETWEEN_PARTIES: [&str; 5] = ["v", "v.", "vs", "vs.", "&"];
/// `Re` opens a case title (`Re S`, `Re Smith`); it is not a name, so `Re S` (an initial, as
/// judgments anonymise) is accepted and `Re Smith` is not.
const TITLE_OPENING: &str = "Re";
/// Prefixes of a surname that keep a capital inside it (McDonald, MacLeod).
const SURNAME_PREFIXES: [&str; 2] = ["Mac", "Mc"];

/// What a case reference may be, for the refusals of one that looks like a name.
pub const ACCEPTED_REFERENCES: &str = "a reference is accepted with a digit (a court or local number, e.g. FD26P00123 or NP26/0101), in capitals (a code such as ABC or LAC) or as initials (A v B, Re A)";

/// Whether a reference looks like a person's or a family's name, which caseload never keeps
/// (SPEC 1: no child's name on paper): no digit, and one or more words of letters (apostrophes
/// and hyphens allowed, as in O'Brien-Smith), each written as a name is, Capitalised or all in
/// small letters (`Jamie`, `smith jones`), or an initial, at least one of them more than an
/// initial. `v`/`vs`/`&` between the words and a leading `Re` are allowed, so `Smith v Smith`
/// and `Re Smith` are names too. Court numbers (`FD26P00123`) and local codes (`NP26/0101`)
/// have digits; private codes written in capitals (`ABC`, `LAC`) and initials (`A v B`,
/// `Re A`) are not written as names are. The command line, the terminal UI and import all
/// refuse what this finds (docs/DECISIONS.md).
pub fn looks_like_a_name(reference: &str) -> bool {
    if reference.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = reference
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty() && !BETWEEN_PARTIES.contains(w))
        .collect();
    if words.is_empty() || !words.iter().all(|w| written_as_a_name(w)) {
        return false;
    }
    words
        .iter()
        .any(|w| *w != TITLE_OPENING && w.trim_end_matches(['.', ',']).chars().count() > 1)
}

/// Whether each part of a word (O'Brien, Mary-Jane, McDonald) is a capital and small letters,
/// all small letters, or an initial.
fn written_as_a_name(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',']);
    !word.is_empty()
        && word.split(['-', '\'', '\u{2019}']).all(|part| {
            let part = SURNAME_PREFIXES
                .iter()
                .find_map(|prefix| {
                    part.strip_prefix(prefix)
                        .filter(|rest| rest.starts_with(char::is_uppercase))
                })
                .unwrap_or(part);
            let mut chars = part.chars();
            chars
                .next()
                .is_some_and(|first| first.is_uppercase() || first.is_lowercase())
                && chars.all(char::is_lowercase)
        })
}

/// Records allocating one case for each reference, in order, all written and allocated on
/// 1 Jan 2026: the journal the tests of finding references and of pseudonyms start from.
#[cfg(test)]
pub(crate) fn allocations(refs: &[&str]) -> Vec<super::replay::Record> {
    use super::replay::Record;
    use super::{CaseAllocated, Event};
    use chrono::{DateTime, NaiveDate};
    refs.iter()
        .enumerate()
        .map(|(i, r)| Record {
            seq: i as u64 + 1,
            at: DateTime::parse_from_rfc3339("2026-01-01T09:00:00+00:00").unwrap(),
            event: Event::from(CaseAllocated {
                reference: r.to_string(),
                kind: "s7".into(),
                allocated_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                allocated_by: None,
                discussed: true,
                weight: None,
                note: None,
                imported: None,
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::replay::replay;

    fn state(refs: &[&str]) -> State {
        replay(&allocations(refs))
    }

    #[test]
    fn whole_references_match_trimmed_and_ignoring_case() {
        let s = state(&["FD26P00401", "FD26P00409", "FD26P00410", "ZZ1"]);
        let found = |t, m| find_case(&s, t, m).map(|c| c.reference.as_str());
        assert_eq!(found(" fd26p00401 ", Matching::Whole), Ok("FD26P00401"));
        assert_eq!(found("zz1", Matching::WholeOrPrefix), Ok("ZZ1"));
        assert_eq!(
            found("FD26P0041", Matching::WholeOrPrefix),
            Ok("FD26P00410")
        );
        assert!(
            found("FD26P0041", Matching::Whole).is_err(),
            "no prefixes on the command line"
        );
    }

    #[test]
    fn anything_else_is_refused_with_the_nearest_references() {
        let s = state(&["FD26P00401", "FD26P00409", "FD26P00410", "ZZ1"]);
        let e = find_case(&s, "FD26P00499", Matching::WholeOrPrefix).unwrap_err();
        assert_eq!(
            e.to_string(),
            "no case has reference `FD26P00499`; did you mean FD26P00409, FD26P00401 or FD26P00410?"
        );
        let e = find_case(&s, "FD26P004", Matching::WholeOrPrefix).unwrap_err();
        assert_eq!(
            e.to_string(),
            "`FD26P004` begins 3 references (FD26P00401, FD26P00409 or FD26P00410); type more of it"
        );
        let e = find_case(&s, "QQQQQQ", Matching::Whole).unwrap_err();
        assert_eq!(
            e.to_string(),
            "no case has reference `QQQQQQ`; `caseload list cases` shows them"
        );
    }

    #[test]
    fn old_journals_with_two_spellings_need_the_exact_one() {
        let s = state(&["FD1", "fd1"]);
        assert_eq!(find_case(&s, "fd1", Matching::Whole).unwrap().id, 2);
        assert_eq!(find_case(&s, "FD1", Matching::Whole).unwrap().id, 1);
        assert!(matches!(
            find_case(&s, "Fd1", Matching::Whole),
            Err(NoCase::Spellings { .. })
        ));
        assert_eq!(same_reference(&s, " FD1", Some(1)).map(|c| c.id), Some(2));
    }

    #[test]
    fn names_are_told_from_references() {
        for name in [
            "Jane Smith",
            "Jamie Smith",
            "Tom Jones",
            "J. Smith",
            "J Smith",
            "Mary-Jane O'Brien",
            "Smith Family",
            "Zoë Brontë",
            "Smith v Smith",
            "Smith vs. Jones",
            "Smith & Jones",
            "Re Smith",
            "  Tom   Jones ",
            // One word, or small letters, is written as a name is (the persona test's list).
            "Jamie",
            "Jamie-Lee",
            "O'Brien",
            "O\u{2019}Brien",
            "smith jones",
            "smith",
            "Smith",
            "case one",
            "McDonald",
            "MacLeod",
            "van der Berg",
            "Smith/Jones",
        ] {
            assert!(looks_like_a_name(name), "{name}");
        }
        for reference in [
            "FD26P00123",
            "fd26p00123",
            "NP26/0101",
            "LA-2026-14",
            "FD 26 P 123",
            "ABC",
            "LAC",
            "ALPHA BRAVO",
            "LS24C0999",
            "Re S",
            "Re A",
            "A v B",
            "J. S.",
            "x",
            "Smith 2",
            "Smith v Smith 2026",
            "KW-Blue",
            "KWBlue",
            "alpha_bravo",
        ] {
            assert!(!looks_like_a_name(reference), "{reference}");
        }
    }

    proptest::proptest! {
        #[test]
        fn a_reference_with_a_digit_is_never_a_name(
            before in "[A-Za-z '.-]{0,20}", digit in "[0-9]", after in "[A-Za-z0-9 '.-]{0,20}"
        ) {
            let reference = format!("{before}{digit}{after}");
            proptest::prop_assert!(!looks_like_a_name(&reference), "{}", reference);
        }

        #[test]
        fn capitalised_words_are_a_name(
            words in proptest::collection::vec("[A-Z][a-z]{2,12}", 1..5)
        ) {
            proptest::prop_assert!(looks_like_a_name(&words.join(" ")));
        }

        #[test]
        fn words_in_small_letters_are_a_name(
            words in proptest::collection::vec("[a-z]{3,12}(['-][a-z]{1,8})?", 1..4)
        ) {
            proptest::prop_assert!(looks_like_a_name(&words.join(" ")));
        }

        #[test]
        fn capitals_or_initials_are_not_a_name(
            caps in proptest::collection::vec("[A-Z]{2,8}", 1..4),
            initials in proptest::collection::vec("[A-Z]\\.?", 1..4),
            joiner in "(v|vs|&)"
        ) {
            proptest::prop_assert!(!looks_like_a_name(&caps.join(" ")));
            let initials = initials.join(&format!(" {joiner} "));
            proptest::prop_assert!(!looks_like_a_name(&initials), "{}", initials);
            proptest::prop_assert!(!looks_like_a_name(&format!("Re {}", &initials)), "{}", initials);
        }
    }
}
