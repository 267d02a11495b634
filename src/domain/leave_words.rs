//! Leave named as people and calendars name it: `holiday`, `maternity`, `a/l`, `Sick - flu`,
//! read the same by the command line, the UI and import.

use super::event::{LeaveKind, UnknownName};

/// The words people and calendars use for each kind of leave, first match wins (so "sick"
/// before the "leave" of "sick leave").
const LEAVE_WORDS: [(&str, LeaveKind); 16] = [
    ("sick", LeaveKind::Sick),
    ("illness", LeaveKind::Sick),
    ("toil", LeaveKind::Toil),
    ("lieu", LeaveKind::Toil),
    ("flexi", LeaveKind::Toil),
    ("training", LeaveKind::Training),
    ("course", LeaveKind::Training),
    ("maternity", LeaveKind::Parental),
    ("paternity", LeaveKind::Parental),
    ("adoption", LeaveKind::Parental),
    ("parental", LeaveKind::Parental),
    ("annual", LeaveKind::Annual),
    ("holiday", LeaveKind::Annual),
    ("vacation", LeaveKind::Annual),
    ("a/l", LeaveKind::Annual),
    ("leave", LeaveKind::Annual),
];

impl LeaveKind {
    /// The kind of leave `text` names: its key or label (`annual`, `Annual leave`), or a word
    /// people and calendars use for it anywhere in the text (`holiday`, `maternity`, `a/l`,
    /// `Sick - flu`), as the command line, the UI and import read it.
    pub fn from_words(text: &str) -> Option<LeaveKind> {
        let wanted = text.trim().to_lowercase();
        if let Some(kind) = LeaveKind::ALL
            .into_iter()
            .find(|k| k.key() == wanted || k.label().to_lowercase() == wanted)
        {
            return Some(kind);
        }
        let words: Vec<&str> = wanted
            .split(|c: char| c.is_whitespace() || c == ':' || c == '-' || c == ',')
            .collect();
        LEAVE_WORDS
            .iter()
            .find(|(word, _)| {
                if word.contains('/') {
                    wanted.contains(word)
                } else {
                    words.iter().any(|w| w.starts_with(word))
                }
            })
            .map(|(_, kind)| *kind)
    }

    /// The words people and calendars use for the kinds, as (word, kind), first match first:
    /// for a form's choice to take what [`LeaveKind::from_words`] reads.
    pub fn words() -> impl Iterator<Item = (&'static str, LeaveKind)> {
        LEAVE_WORDS.iter().copied()
    }

    /// [`LeaveKind::from_words`], or why not: the kinds and some of the words.
    pub fn read(text: &str) -> Result<LeaveKind, UnknownName> {
        LeaveKind::from_words(text).ok_or_else(|| UnknownName {
            what: "leave kind",
            given: text.trim().to_string(),
            accepted: format!(
                "{} (or a word for one, such as holiday, maternity or lieu)",
                super::event::keys_of_leave()
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leave_is_read_from_the_words_people_use() {
        for (typed, kind) in [
            ("holiday", LeaveKind::Annual),
            ("Annual leave", LeaveKind::Annual),
            ("a/l", LeaveKind::Annual),
            ("Sick leave", LeaveKind::Sick),
            ("sick - flu", LeaveKind::Sick),
            ("Time off in lieu", LeaveKind::Toil),
            ("maternity", LeaveKind::Parental),
            ("course", LeaveKind::Training),
            ("other", LeaveKind::Other),
            ("Other leave", LeaveKind::Other),
        ] {
            assert_eq!(LeaveKind::read(typed), Ok(kind), "{typed}");
        }
        assert_eq!(
            LeaveKind::read(" jury ").unwrap_err().to_string(),
            "unknown leave kind `jury`; use one of annual, sick, toil, training, parental, other (or a word for one, such as holiday, maternity or lieu)"
        );
    }
}
