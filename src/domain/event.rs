//! The events that make up the journal. Each journal line carries exactly one.

use super::dates::ClockTime;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use strum::{EnumCount, VariantArray};

/// One thing that happened, as written to a journal line (`type` plus its fields).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    // Boxed or shared so that an Event is no bigger than its common kinds: a quarter of a
    // million records (100 years) are held in memory, and the replayed state shares hours
    // entries and notes with them instead of copying.
    CaseAllocated(Box<CaseAllocated>),
    CaseClosed(CaseClosed),
    DeadlineSet(DeadlineSet),
    DeadlineMet(DeadlineMet),
    DeadlineExtended(DeadlineExtended),
    LeaveAdded(LeaveAdded),
    HoursLogged(Arc<HoursLogged>),
    NoteAdded(Arc<NoteAdded>),
    Voided {
        target: u64,
        reason: String,
    },
    Amended {
        target: u64,
        record: Box<Event>,
    },
    /// What stands where a record's line was redacted: the line's type, and the SHA-256 of the
    /// original line, which the chain uses in its place. A redacted withdrawal keeps its
    /// target, so that it stays in force.
    Redacted {
        was: String,
        sha256: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        target: Option<u64>,
    },
    /// Record `target`'s line was replaced by its stub, for `reason`: when and why.
    Redaction {
        target: u64,
        reason: String,
    },
    /// What keeps the number of a write that was cut off (a torn last line, SPEC 6): its
    /// bytes were moved to the file `moved_to` and the journal cut back, and this line takes
    /// the number the cut line had begun to write, so that no number once on disk is used
    /// again for another record. `bytes` and `sha256` are those of the cut line.
    CutOff {
        bytes: u64,
        sha256: String,
        moved_to: String,
    },
}

// The representation of the kinds held behind a pointer is chosen here, once; everywhere else
// builds events with `Event::from`.
impl From<CaseAllocated> for Event {
    fn from(allocated: CaseAllocated) -> Event {
        Event::CaseAllocated(Box::new(allocated))
    }
}

impl From<HoursLogged> for Event {
    fn from(entry: HoursLogged) -> Event {
        Event::HoursLogged(Arc::new(entry))
    }
}

impl From<NoteAdded> for Event {
    fn from(note: NoteAdded) -> Event {
        Event::NoteAdded(Arc::new(note))
    }
}

/// Every `type` this version understands, for the "written by a newer version" message.
pub const KNOWN_TYPES: [&str; 13] = [
    "case_allocated",
    "case_closed",
    "deadline_set",
    "deadline_met",
    "deadline_extended",
    "leave_added",
    "hours_logged",
    "note_added",
    "voided",
    "amended",
    "redacted",
    "redaction",
    "cut_off",
];

impl Event {
    pub fn type_name(&self) -> &'static str {
        match self {
            Event::CaseAllocated(_) => "case_allocated",
            Event::CaseClosed(_) => "case_closed",
            Event::DeadlineSet(_) => "deadline_set",
            Event::DeadlineMet(_) => "deadline_met",
            Event::DeadlineExtended(_) => "deadline_extended",
            Event::LeaveAdded(_) => "leave_added",
            Event::HoursLogged(_) => "hours_logged",
            Event::NoteAdded(_) => "note_added",
            Event::Voided { .. } => "voided",
            Event::Amended { .. } => "amended",
            Event::Redacted { .. } => "redacted",
            Event::Redaction { .. } => "redaction",
            Event::CutOff { .. } => "cut_off",
        }
    }

    /// The type of record this line holds or, for a redacted line, held.
    pub fn original_type(&self) -> &str {
        match self {
            Event::Redacted { was, .. } => was,
            other => other.type_name(),
        }
    }

    /// Where the record was imported from, if it was. Withdrawals, amendments and notes are
    /// always the user's own.
    pub fn imported(&self) -> Option<&Imported> {
        match self {
            Event::CaseAllocated(e) => e.imported.as_ref(),
            Event::CaseClosed(e) => e.imported.as_ref(),
            Event::DeadlineSet(e) => e.imported.as_ref(),
            Event::DeadlineMet(e) => e.imported.as_ref(),
            Event::LeaveAdded(e) => e.imported.as_ref(),
            Event::HoursLogged(e) => e.imported.as_ref(),
            _ => None,
        }
    }

    /// The date the event describes, where it describes a day on which something happened
    /// (used for the contemporaneous measure). Deadlines set and leave booked describe future
    /// days by nature, so they have none.
    pub fn described_date(&self) -> Option<NaiveDate> {
        match self {
            Event::CaseAllocated(e) => Some(e.allocated_on),
            Event::CaseClosed(e) => Some(e.on),
            Event::DeadlineMet(e) => Some(e.on),
            Event::HoursLogged(e) => Some(e.date),
            Event::NoteAdded(e) => Some(e.date),
            Event::Amended { record, .. } => record.described_date(),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseAllocated {
    #[serde(rename = "ref")]
    pub reference: String,
    pub kind: String,
    pub allocated_on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocated_by: Option<String>,
    pub discussed: bool,
    /// Weekly hours the case needs; `None` means "the kind's configured weight".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the record came from when it was imported from a file (absent when typed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported: Option<Imported>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseClosed {
    #[serde(rename = "ref")]
    pub reference: String,
    pub on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// Where the record came from when it was imported from a file (absent when typed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported: Option<Imported>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadlineSet {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    pub what: String,
    pub due: NaiveDate,
    /// Where the record came from when it was imported from a file (absent when typed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported: Option<Imported>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadlineMet {
    pub deadline: u64,
    pub on: NaiveDate,
    /// Where the record came from when it was imported from a file (absent when typed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported: Option<Imported>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadlineExtended {
    pub deadline: u64,
    pub due: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeaveAdded {
    pub kind: LeaveKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the record came from when it was imported from a file (absent when typed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported: Option<Imported>,
}

/// Where an imported record came from: the file's name (never its folder, which may name the
/// user), the sheet of a workbook, and the row (for a calendar, the line its event begins on).
/// Its presence says the record was imported: written when it was imported, not on the day.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Imported {
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    pub row: u64,
}

/// Either a timed entry (`start`, `end`, `break_minutes`) or a plain number of `hours`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HoursLogged {
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<ClockTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<ClockTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub break_minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the record came from when it was imported from a file (absent when typed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported: Option<Imported>,
}

impl HoursLogged {
    /// Hours worked by this entry: `end - start - break`, or the plain `hours`.
    pub fn worked(&self) -> f64 {
        match (self.start, self.end, self.hours) {
            (Some(start), Some(end), _) => {
                let minutes =
                    end.minutes() - start.minutes() - i64::from(self.break_minutes.unwrap_or(0));
                minutes.max(0) as f64 / 60.0
            }
            (_, _, Some(hours)) => hours,
            _ => 0.0,
        }
    }

    pub fn is_timed(&self) -> bool {
        self.start.is_some() && self.end.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteAdded {
    pub date: NaiveDate,
    pub text: String,
    #[serde(default)]
    pub standards: Vec<Standard>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stress: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub told: Option<String>,
}

/// The kinds of leave. Annual, sick and parental leave are made up in the WTR average.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::EnumCount,
    strum::IntoStaticStr,
    strum::Display,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case", ascii_case_insensitive)]
#[strum(parse_err_ty = UnknownName, parse_err_fn = unknown_leave_kind)]
pub enum LeaveKind {
    Annual,
    Sick,
    Toil,
    Training,
    Parental,
    Other,
}

impl LeaveKind {
    pub const ALL: [LeaveKind; Self::COUNT] = super::variant_array(Self::VARIANTS);

    pub fn key(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            LeaveKind::Annual => "Annual leave",
            LeaveKind::Sick => "Sick leave",
            LeaveKind::Toil => "Time off in lieu",
            LeaveKind::Training => "Training",
            LeaveKind::Parental => "Parental leave",
            LeaveKind::Other => "Other leave",
        }
    }

    /// Leave that regulation 4(6) of the Working Time Regulations makes up after the period.
    pub fn made_up_in_wtr_average(self) -> bool {
        matches!(
            self,
            LeaveKind::Annual | LeaveKind::Sick | LeaveKind::Parental
        )
    }
}

/// A name that is not one of the choices: which kind of thing, what was given, what is accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{given}`; use one of {accepted}")]
pub struct UnknownName {
    pub what: &'static str,
    pub given: String,
    /// The choices, comma-separated.
    pub accepted: String,
}

pub(super) fn keys_of_leave() -> String {
    keys_of(&LeaveKind::ALL.map(LeaveKind::key))
}

fn unknown_leave_kind(given: &str) -> UnknownName {
    UnknownName {
        what: "leave kind",
        given: given.to_string(),
        accepted: keys_of(&LeaveKind::ALL.map(LeaveKind::key)),
    }
}

/// The six HSE Management Standards.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::EnumCount,
    strum::IntoStaticStr,
    strum::Display,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case", ascii_case_insensitive)]
#[strum(parse_err_ty = UnknownName, parse_err_fn = unknown_standard)]
pub enum Standard {
    Demands,
    Control,
    Support,
    Relationships,
    Role,
    Change,
}

impl Standard {
    pub const ALL: [Standard; Self::COUNT] = super::variant_array(Self::VARIANTS);

    pub fn key(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Standard::Demands => "Demands",
            Standard::Control => "Control",
            Standard::Support => "Support",
            Standard::Relationships => "Relationships",
            Standard::Role => "Role",
            Standard::Change => "Change",
        }
    }

    /// The standards listed in `text`, separated by commas or spaces (`demands,support`, as
    /// `list notes` prints them), in the order given.
    pub fn list(text: &str) -> Result<Vec<Standard>, UnknownName> {
        text.split([',', ';', ' '])
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::parse)
            .collect()
    }

    /// What the standard covers, in the HSE's terms.
    pub fn covers(self) -> &'static str {
        match self {
            Standard::Demands => "workload, work patterns and the work environment",
            Standard::Control => "how much say you have in the way you do your work",
            Standard::Support => {
                "encouragement, sponsorship and resources from managers and colleagues"
            }
            Standard::Relationships => {
                "positive working, avoiding conflict, dealing with unacceptable behaviour"
            }
            Standard::Role => "understanding your role; no conflicting roles",
            Standard::Change => "how organisational change is managed and communicated",
        }
    }
}

fn unknown_standard(given: &str) -> UnknownName {
    UnknownName {
        what: "HSE standard",
        given: given.to_string(),
        accepted: keys_of(&Standard::ALL.map(Standard::key)),
    }
}

fn keys_of(keys: &[&str]) -> String {
    keys.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_round_trip_with_a_type_tag() {
        let event = Event::Amended {
            target: 3,
            record: Box::new(Event::LeaveAdded(LeaveAdded {
                kind: LeaveKind::Annual,
                from: NaiveDate::from_ymd_opt(2026, 8, 3).unwrap(),
                to: NaiveDate::from_ymd_opt(2026, 8, 14).unwrap(),
                note: None,
                imported: None,
            })),
        };
        let json = serde_json::to_string(&event).unwrap();
        assert_eq!(
            json,
            r#"{"type":"amended","target":3,"record":{"type":"leave_added","kind":"annual","from":"2026-08-03","to":"2026-08-14"}}"#
        );
        assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), event);
    }

    #[test]
    fn provenance_is_optional_so_older_lines_still_read() {
        let old = r#"{"type":"case_closed","ref":"FD1","on":"2026-11-02"}"#;
        let event: Event = serde_json::from_str(old).unwrap();
        assert_eq!(event.imported(), None);
        assert_eq!(serde_json::to_string(&event).unwrap(), old);
        let imported = r#"{"type":"case_closed","ref":"FD1","on":"2026-11-02","imported":{"file":"cases.xlsx","sheet":"Open","row":4}}"#;
        let event: Event = serde_json::from_str(imported).unwrap();
        assert_eq!(
            event.imported(),
            Some(&Imported {
                file: "cases.xlsx".into(),
                sheet: Some("Open".into()),
                row: 4
            })
        );
        assert_eq!(serde_json::to_string(&event).unwrap(), imported);
    }

    #[test]
    fn timed_hours_subtract_the_break() {
        let entry = HoursLogged {
            date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            start: ClockTime::from_hm(8, 30),
            end: ClockTime::from_hm(18, 0),
            break_minutes: Some(30),
            hours: None,
            note: None,
            imported: None,
        };
        assert_eq!(entry.worked(), 9.0);
        assert!(entry.is_timed());
    }

    #[test]
    fn standards_are_listed_with_commas_or_spaces() {
        assert_eq!(
            Standard::list("demands,support"),
            Ok(vec![Standard::Demands, Standard::Support])
        );
        assert_eq!(
            Standard::list(" Demands, role  change"),
            Ok(vec![Standard::Demands, Standard::Role, Standard::Change])
        );
        assert_eq!(Standard::list(""), Ok(vec![]));
        assert!(Standard::list("demands,stress").is_err());
    }

    #[test]
    fn kinds_parse_case_insensitively_and_name_the_choices() {
        assert_eq!("Sick".parse::<LeaveKind>(), Ok(LeaveKind::Sick));
        let err = "holiday".parse::<LeaveKind>().unwrap_err().to_string();
        assert!(
            err.contains("annual, sick, toil, training, parental, other"),
            "{err}"
        );
        assert!(
            "stress"
                .parse::<Standard>()
                .unwrap_err()
                .to_string()
                .contains("demands, control")
        );
    }
}
