//! The field a generated journal is written for: which configuration preset it goes with, the
//! case kinds it allocates (and how often), its references, and the words its deadlines and
//! notes use. The draws are the same whatever the field, so a seed gives the same shape of
//! year in each.

/// One preset's practice.
#[derive(Debug)]
pub struct Practice {
    /// The configuration preset written beside the journal (`config/presets/NAME.toml`).
    pub preset: &'static str,
    /// The preset's case kinds and how often each is allocated (out of their sum).
    pub(super) kinds: &'static [(&'static str, u32)],
    /// The start of each case reference.
    pub(super) reference_prefix: &'static str,
    /// Each case's report deadline; then, for the heavy user, a letter and a hearing's.
    pub(super) report: &'static str,
    pub(super) letter: &'static str,
    pub(super) hearing: &'static str,
    /// The deadline a case given on the last day before leave has on the first day back.
    pub(super) before_leave: &'static str,
    /// How the note that day says so.
    pub(super) due_back: &'static str,
    /// Notes (and logged blocks) that say something of one field, and what this one says.
    pub(super) words: &'static [(&'static str, &'static str)],
}

impl Practice {
    /// `text` in this field's words.
    pub(super) fn say(&self, text: &'static str) -> &'static str {
        self.words
            .iter()
            .find(|(from, _)| *from == text)
            .map_or(text, |(_, to)| to)
    }
}

/// A Cafcass family court adviser: the demo's own field.
pub const FAMILY_COURT: Practice = Practice {
    preset: "cafcass-fca",
    kinds: &[
        ("s7", 30),
        ("r16-4", 8),
        ("public-law", 22),
        ("adoption", 8),
        ("wtfh", 12),
        ("enforcement", 10),
        ("other", 10),
    ],
    reference_prefix: "FD",
    report: "Report filing",
    letter: "Safeguarding letter",
    hearing: "Final hearing position statement",
    before_leave: "Case analysis for the court",
    due_back: "filing due my first day back",
    words: &[],
};

/// A probation officer: sentence reports, supervision tiers, custody and licence cases.
pub const PROBATION: Practice = Practice {
    preset: "probation-officer",
    kinds: &[
        ("tier-a", 10),
        ("tier-b", 20),
        ("tier-c", 25),
        ("tier-d", 10),
        ("psr", 20),
        ("custody", 5),
        ("licence", 10),
    ],
    reference_prefix: "PB",
    report: "Risk assessment review",
    letter: "Initial sentence plan",
    hearing: "Pre-sentence report for court",
    before_leave: "Pre-sentence report for court",
    due_back: "the report due my first day back",
    words: &[
        (
            "Worked into the evening to finish a Section 7 report for filing",
            "Worked into the evening to finish a pre-sentence report for court",
        ),
        (
            "Unclear whether I or the duty worker should file the safeguarding letter",
            "Unclear whether I or the duty officer should complete the risk review",
        ),
        (
            "Difficult exchange with a manager in front of the team about late filings",
            "Difficult exchange with a manager in front of the team about late reports",
        ),
        (
            "Could not take a lunch break: back-to-back court hearing and visits",
            "Could not take a lunch break: back-to-back court and supervision appointments",
        ),
        ("home visit", "supervision appointment"),
        (
            "Home visit ran late; wrote up notes after 9pm",
            "Home visit ran late; wrote up the contact after 9pm",
        ),
    ],
};

/// Every field a journal can be generated for, by preset name.
pub const PRACTICES: [&Practice; 2] = [&FAMILY_COURT, &PROBATION];

/// The practice for a preset name.
pub fn practice(preset: &str) -> Option<&'static Practice> {
    PRACTICES.into_iter().find(|p| p.preset == preset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, preset};

    /// A generated journal only allocates kinds its config knows, and every kind it knows.
    #[test]
    fn each_practice_draws_exactly_its_preset_s_case_kinds() {
        for practice in PRACTICES {
            let text = preset(practice.preset).expect("the preset ships");
            let config = Config::from_toml_text(Some(text), None).unwrap();
            let mut configured: Vec<&str> =
                config.case_kinds.iter().map(|k| k.key.as_str()).collect();
            let mut drawn: Vec<&str> = practice.kinds.iter().map(|(k, _)| *k).collect();
            configured.sort_unstable();
            drawn.sort_unstable();
            assert_eq!(drawn, configured, "{}", practice.preset);
        }
    }

    #[test]
    fn words_change_only_what_they_name() {
        assert_eq!(FAMILY_COURT.say("home visit"), "home visit");
        assert_eq!(PROBATION.say("home visit"), "supervision appointment");
        assert_eq!(PROBATION.say("team meeting"), "team meeting");
    }
}
