//! Reading one journal line fast: a flat struct with every event's fields, read in one pass,
//! then checked by `type`. (serde's internally tagged, flattened enum buffers every line into
//! an intermediate tree first, which made loading ten years of records several times slower.)

use super::line::{DecodeError, Hash, from_hex};
use crate::domain::Event;
use crate::domain::dates::ClockTime;
use crate::domain::event::{
    CaseAllocated, CaseClosed, DeadlineExtended, DeadlineMet, DeadlineSet, HoursLogged, Imported,
    KNOWN_TYPES, LeaveAdded, LeaveKind, NoteAdded, Standard,
};
use crate::domain::replay::Record;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::Deserialize;
use std::borrow::Cow;

#[derive(Deserialize)]
struct Flat<'a> {
    seq: u64,
    #[serde(borrow)]
    at: Cow<'a, str>,
    #[serde(rename = "type", borrow)]
    kind_of_line: Cow<'a, str>,
    #[serde(borrow)]
    prev: Cow<'a, str>,
    #[serde(rename = "ref")]
    reference: Option<String>,
    kind: Option<String>,
    allocated_on: Option<NaiveDate>,
    allocated_by: Option<String>,
    discussed: Option<bool>,
    weight: Option<f64>,
    note: Option<String>,
    on: Option<NaiveDate>,
    outcome: Option<String>,
    case: Option<String>,
    what: Option<String>,
    due: Option<NaiveDate>,
    deadline: Option<u64>,
    reason: Option<String>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    date: Option<NaiveDate>,
    start: Option<ClockTime>,
    end: Option<ClockTime>,
    break_minutes: Option<u32>,
    hours: Option<f64>,
    text: Option<String>,
    standards: Option<Vec<Standard>>,
    stress: Option<u8>,
    told: Option<String>,
    target: Option<u64>,
    record: Option<Box<Event>>,
    was: Option<String>,
    sha256: Option<String>,
    bytes: Option<u64>,
    moved_to: Option<String>,
    imported: Option<Imported>,
}

fn need<T>(value: Option<T>, field: &str, kind: &str) -> Result<T, DecodeError> {
    value
        .ok_or_else(|| DecodeError::BadFields(format!("missing field `{field}` for a {kind} line")))
}

impl Flat<'_> {
    fn event(self) -> Result<Event, DecodeError> {
        let t = self.kind_of_line.as_ref();
        Ok(match t {
            "case_allocated" => Event::from(CaseAllocated {
                reference: need(self.reference, "ref", t)?,
                kind: need(self.kind, "kind", t)?,
                allocated_on: need(self.allocated_on, "allocated_on", t)?,
                allocated_by: self.allocated_by,
                discussed: need(self.discussed, "discussed", t)?,
                weight: self.weight,
                note: self.note,
                imported: self.imported,
            }),
            "case_closed" => Event::CaseClosed(CaseClosed {
                reference: need(self.reference, "ref", t)?,
                on: need(self.on, "on", t)?,
                outcome: self.outcome,
                imported: self.imported,
            }),
            "deadline_set" => Event::DeadlineSet(DeadlineSet {
                case: self.case,
                what: need(self.what, "what", t)?,
                due: need(self.due, "due", t)?,
                imported: self.imported,
            }),
            "deadline_met" => Event::DeadlineMet(DeadlineMet {
                deadline: need(self.deadline, "deadline", t)?,
                on: need(self.on, "on", t)?,
                imported: self.imported,
            }),
            "deadline_extended" => Event::DeadlineExtended(DeadlineExtended {
                deadline: need(self.deadline, "deadline", t)?,
                due: need(self.due, "due", t)?,
                reason: self.reason,
            }),
            "leave_added" => Event::LeaveAdded(LeaveAdded {
                kind: need(self.kind, "kind", t)?
                    .parse::<LeaveKind>()
                    .map_err(|e| DecodeError::BadFields(e.to_string()))?,
                from: need(self.from, "from", t)?,
                to: need(self.to, "to", t)?,
                note: self.note,
                imported: self.imported,
            }),
            "hours_logged" => Event::from(HoursLogged {
                date: need(self.date, "date", t)?,
                start: self.start,
                end: self.end,
                break_minutes: self.break_minutes,
                hours: self.hours,
                note: self.note,
                imported: self.imported,
            }),
            "note_added" => Event::from(NoteAdded {
                date: need(self.date, "date", t)?,
                text: need(self.text, "text", t)?,
                standards: self.standards.unwrap_or_default(),
                stress: self.stress,
                told: self.told,
            }),
            "voided" => Event::Voided {
                target: need(self.target, "target", t)?,
                reason: need(self.reason, "reason", t)?,
            },
            "amended" => Event::Amended {
                target: need(self.target, "target", t)?,
                record: need(self.record, "record", t)?,
            },
            "redacted" => self.redacted("redacted")?,
            "redaction" => Event::Redaction {
                target: need(self.target, "target", t)?,
                reason: need(self.reason, "reason", t)?,
            },
            "cut_off" => self.cut_off("cut_off")?,
            other => return Err(DecodeError::UnknownType(other.to_string())),
        })
    }

    /// The stub that stands where a record's line was redacted.
    fn redacted(self, t: &str) -> Result<Event, DecodeError> {
        let sha256 = need(self.sha256, "sha256", t)?;
        if from_hex(&sha256).is_none() {
            return Err(DecodeError::BadFields(
                "`sha256` of a redacted line is not 64 lowercase hex digits".into(),
            ));
        }
        let was = need(self.was, "was", t)?;
        if !KNOWN_TYPES.contains(&was.as_str())
            || ["redacted", "redaction", "cut_off"].contains(&was.as_str())
        {
            return Err(DecodeError::BadFields(format!(
                "a redacted line says it was `{was}`, which is not a record that can be redacted"
            )));
        }
        Ok(Event::Redacted {
            was,
            sha256,
            target: self.target,
        })
    }

    /// The line that keeps the number of a write cut off.
    fn cut_off(self, t: &str) -> Result<Event, DecodeError> {
        let sha256 = need(self.sha256, "sha256", t)?;
        if from_hex(&sha256).is_none() {
            return Err(DecodeError::BadFields(
                "`sha256` of a cut-off line is not 64 lowercase hex digits".into(),
            ));
        }
        Ok(Event::CutOff {
            bytes: need(self.bytes, "bytes", t)?,
            sha256,
            moved_to: need(self.moved_to, "moved_to", t)?,
        })
    }
}

/// serde_json's message for one journal line. It counts lines within what it was given, which
/// is always its line 1, so "at line 1 column 187" beside "line 2 is not a valid record" would
/// name two different lines; only the column is said.
fn within_line(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let place = format!(" at line {} column {}", err.line(), err.column());
    match text.strip_suffix(&place) {
        Some(what) if err.line() == 1 => format!("{what} at column {} of the line", err.column()),
        _ => text,
    }
}

/// Decodes one line (without its newline) into a record and its `prev` (`None` if `prev` is not
/// a digest at all, which no line's hash can match).
pub fn decode(bytes: &[u8]) -> Result<(Record, Option<Hash>), DecodeError> {
    let flat: Flat = serde_json::from_slice(bytes).map_err(|err| match err.classify() {
        serde_json::error::Category::Data => {
            match serde_json::from_slice::<serde_json::Value>(bytes) {
                Ok(value) => match value.get("type").and_then(|t| t.as_str()) {
                    Some(kind) if !KNOWN_TYPES.contains(&kind) => {
                        DecodeError::UnknownType(kind.to_string())
                    }
                    _ => DecodeError::BadFields(within_line(&err)),
                },
                Err(_) => DecodeError::BadFields(within_line(&err)),
            }
        }
        _ => DecodeError::NotJson(within_line(&err)),
    })?;
    let at = parse_at(&flat.at)
        .map_err(|e| DecodeError::BadFields(format!("`at` is not an RFC 3339 time: {e}")))?;
    let (seq, prev) = (flat.seq, from_hex(&flat.prev));
    Ok((
        Record {
            seq,
            at,
            event: flat.event()?,
        },
        prev,
    ))
}

/// `at` as caseload writes it (`2026-11-22T18:00:00+00:00`) is read directly, field by field;
/// anything else goes to chrono's full RFC 3339 parser, which also explains what is wrong.
fn parse_at(text: &str) -> Result<DateTime<FixedOffset>, chrono::ParseError> {
    fast_at(text.as_bytes()).map_or_else(|| DateTime::parse_from_rfc3339(text), Ok)
}

fn fast_at(b: &[u8]) -> Option<DateTime<FixedOffset>> {
    if b.len() != 25
        || (b[4], b[7], b[10], b[13], b[16], b[22]) != (b'-', b'-', b'T', b':', b':', b':')
    {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let sign = match b[19] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    // Years at the edges of four digits are left to chrono, whose range checks apply in UTC.
    let year = num(0, 4)?;
    if !(1..=9998).contains(&year) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year as i32, num(5, 7)?, num(8, 10)?)?;
    let time = NaiveTime::from_hms_opt(num(11, 13)?, num(14, 16)?, num(17, 19)?)?;
    let (offset_hours, offset_minutes) = (num(20, 22)?, num(23, 25)?);
    if offset_hours > 23 || offset_minutes > 59 {
        return None;
    }
    let offset = FixedOffset::east_opt(sign * (offset_hours * 3600 + offset_minutes * 60) as i32)?;
    date.and_time(time).and_local_timezone(offset).single()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample_events() -> Vec<Event> {
        let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        vec![
            Event::from(CaseAllocated {
                reference: "R\"1".into(),
                kind: "s7".into(),
                allocated_on: day,
                allocated_by: Some("tm".into()),
                discussed: false,
                weight: Some(2.5),
                note: Some("é".into()),
                imported: None,
            }),
            Event::CaseClosed(CaseClosed {
                reference: "R1".into(),
                on: day,
                outcome: None,
                imported: None,
            }),
            Event::DeadlineSet(DeadlineSet {
                case: None,
                what: "w".into(),
                due: day,
                imported: None,
            }),
            Event::DeadlineMet(DeadlineMet {
                deadline: 3,
                on: day,
                imported: None,
            }),
            Event::DeadlineExtended(DeadlineExtended {
                deadline: 3,
                due: day,
                reason: Some("r".into()),
            }),
            Event::LeaveAdded(LeaveAdded {
                kind: LeaveKind::Parental,
                from: day,
                to: day,
                note: None,
                imported: None,
            }),
            Event::LeaveAdded(LeaveAdded {
                kind: LeaveKind::Annual,
                from: day,
                to: day,
                note: None,
                imported: Some(Imported {
                    file: "leave.ics".into(),
                    sheet: None,
                    row: 12,
                }),
            }),
            Event::from(HoursLogged {
                date: day,
                start: ClockTime::from_hm(8, 0),
                end: ClockTime::from_hm(9, 30),
                break_minutes: Some(5),
                hours: None,
                note: None,
                imported: None,
            }),
            Event::from(HoursLogged {
                date: day,
                start: None,
                end: None,
                break_minutes: None,
                hours: Some(1.5),
                note: Some("n".into()),
                imported: None,
            }),
            Event::from(NoteAdded {
                date: day,
                text: "t".into(),
                standards: vec![Standard::Role, Standard::Change],
                stress: Some(4),
                told: Some("m".into()),
            }),
            Event::Voided {
                target: 2,
                reason: "x".into(),
            },
            Event::Amended {
                target: 1,
                record: Box::new(Event::DeadlineSet(DeadlineSet {
                    case: Some("R1".into()),
                    what: "w2".into(),
                    due: day,
                    imported: None,
                })),
            },
        ]
    }

    fn line_prev_seed(i: usize) -> String {
        format!("line {i}")
    }

    #[test]
    fn reads_back_every_event_exactly_as_written() {
        let at = DateTime::parse_from_rfc3339("2026-11-02T18:00:00+00:00").unwrap();
        for (i, event) in sample_events().into_iter().enumerate() {
            let record = Record {
                seq: i as u64 + 1,
                at,
                event,
            };
            let prev = super::super::line::hash_hex(line_prev_seed(i).as_bytes());
            let line = super::super::line::encode(&record, &prev);
            let (back, decoded_prev) = decode(line.as_bytes()).unwrap_or_else(|_| panic!("{line}"));
            assert_eq!(back, record, "{line}");
            assert_eq!(decoded_prev, from_hex(&prev));
            assert!(decoded_prev.is_some());
            let (_, not_a_digest) =
                decode(super::super::line::encode(&record, "abc").as_bytes()).unwrap();
            assert_eq!(not_a_digest, None);
        }
    }

    /// A write cut off leaves a proper prefix of a line, which is never JSON (an object's last
    /// byte is its closing brace), even when the cut splits a multi-byte character or an
    /// escape: so the repair rule can set it aside without ever mistaking a record for it.
    #[test]
    fn every_proper_prefix_of_a_line_is_not_json() {
        let at = DateTime::parse_from_rfc3339("2026-11-02T18:00:00+00:00").unwrap();
        let mut events = sample_events();
        events.push(Event::from(NoteAdded {
            date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            text: "naïve \"quoted\" \\ 😀 ß".into(),
            standards: vec![],
            stress: None,
            told: None,
        }));
        for (i, event) in events.into_iter().enumerate() {
            let record = Record {
                seq: i as u64 + 1,
                at,
                event,
            };
            let line = super::super::line::encode(&record, super::super::line::GENESIS_PREV);
            for cut in 0..line.len() {
                assert!(
                    matches!(
                        decode(&line.as_bytes()[..cut]),
                        Err(DecodeError::NotJson(_))
                    ),
                    "{:?}",
                    &line.as_bytes()[..cut]
                );
            }
            assert!(decode(line.as_bytes()).is_ok());
        }
    }

    #[test]
    fn tells_apart_torn_unknown_and_bad_lines() {
        assert!(matches!(
            decode(b"{\"seq\":1,\"at"),
            Err(DecodeError::NotJson(_))
        ));
        assert!(
            matches!(decode(br#"{"seq":1,"at":"2026-11-02T18:00:00+00:00","type":"case_moved","prev":"x"}"#), Err(DecodeError::UnknownType(t)) if t == "case_moved")
        );
        assert!(matches!(
            decode(
                br#"{"seq":1,"at":"2026-11-02T18:00:00+00:00","type":"case_closed","prev":"x"}"#
            ),
            Err(DecodeError::BadFields(_))
        ));
        assert!(matches!(
            decode(br#"{"seq":"one","at":"x","type":"voided","prev":"x"}"#),
            Err(DecodeError::BadFields(_))
        ));
        assert!(matches!(
            decode(
                br#"{"seq":1,"at":"yesterday","type":"voided","target":1,"reason":"r","prev":"x"}"#
            ),
            Err(DecodeError::BadFields(_))
        ));
    }

    /// A line's own message names a column, never serde's "line 1", which is not the journal's
    /// line. The first version said "line 2 is not a valid record (expected `,` or `}` at line 1
    /// column 187)".
    #[test]
    fn a_bad_line_is_placed_by_its_column_not_by_a_line_number() {
        let Err(DecodeError::NotJson(why)) = decode(br#"{"seq":1,"at":"x")"#) else {
            panic!("not refused as JSON")
        };
        assert_eq!(why, "expected `,` or `}` at column 18 of the line");
        let Err(DecodeError::BadFields(why)) = decode(br#"{"seq":"one"}"#) else {
            panic!("not refused for its fields")
        };
        assert!(why.ends_with("of the line"), "{why}");
        assert!(!why.contains("line 1"), "{why}");
    }

    proptest! {
        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = decode(&bytes);
        }
    }

    proptest! {
        /// The direct reading of `at` agrees with chrono's parser on every text: the times
        /// caseload writes, and anything else of the same shape.
        #[test]
        fn at_is_read_as_chrono_reads_it(
            secs in -5_000_000_000i64..5_000_000_000,
            offset_minutes in -1439i32..1440,
        ) {
            let offset = FixedOffset::east_opt(offset_minutes * 60).unwrap();
            let at = DateTime::from_timestamp(secs, 0).unwrap().with_timezone(&offset);
            let text = at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
            prop_assert_eq!(parse_at(&text), Ok(at));
            prop_assert!(fast_at(text.as_bytes()).is_some(), "{}", text);
        }

        #[test]
        fn odd_times_get_chronos_answer(
            (y, mo, d) in (0u32..10_000, 0u32..14, 0u32..33),
            (h, mi, sec) in (0u32..26, 0u32..61, 0u32..62),
            (sign, oh, om) in (prop_oneof![Just('+'), Just('-'), Just('x')], 0u32..26, 0u32..61),
        ) {
            let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{sec:02}{sign}{oh:02}:{om:02}");
            prop_assert_eq!(parse_at(&text), DateTime::parse_from_rfc3339(&text));
        }
    }
}
