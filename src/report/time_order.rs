//! Time order: every record's `at` is the wall clock when it was written, so each should be
//! no earlier than the records before it and no later than the moment the journal is read.
//! A record that breaks either was written with a clock set wrong, or its line was made by
//! hand: it is named, and never counted as written at the time.

use crate::domain::replay::Record;
use chrono::{DateTime, FixedOffset};
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TimeOrder {
    /// Records written at a time earlier than a record before them (their seq).
    pub earlier_than_a_record_before: Vec<u64>,
    /// Records written at a time later than the moment the journal was read.
    pub later_than_read: Vec<u64>,
}

impl TimeOrder {
    pub fn is_clean(&self) -> bool {
        self.earlier_than_a_record_before.is_empty() && self.later_than_read.is_empty()
    }

    /// Whether record `seq` breaks the time order.
    pub fn breaks(&self, seq: u64) -> bool {
        self.earlier_than_a_record_before
            .binary_search(&seq)
            .is_ok()
            || self.later_than_read.binary_search(&seq).is_ok()
    }
}

/// Checks every record against the latest time written before it (not only the one just
/// before: a run of lines back-dated together is named whole) and against `read_at`.
pub fn check(records: &[Record], read_at: DateTime<FixedOffset>) -> TimeOrder {
    let mut order = TimeOrder::default();
    let mut latest: Option<DateTime<FixedOffset>> = None;
    for r in records {
        if latest.is_some_and(|l| r.at < l) {
            order.earlier_than_a_record_before.push(r.seq);
        }
        if r.at > read_at {
            order.later_than_read.push(r.seq);
        }
        latest = Some(latest.map_or(r.at, |l| l.max(r.at)));
    }
    order
}

/// "45, 46 and 3 more": up to `shown` numbers of a list.
pub fn some_of(seqs: &[u64], shown: usize) -> String {
    let head: Vec<String> = seqs.iter().take(shown).map(u64::to_string).collect();
    let text = match head.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] if seqs.len() <= shown => format!("{} and {last}", rest.join(", ")),
        all => all.join(", "),
    };
    if seqs.len() > shown {
        format!("{text} and {} more", seqs.len() - shown)
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::event::Event;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn rec(seq: u64, written: &str) -> Record {
        Record {
            seq,
            at: at(written),
            event: Event::Voided {
                target: 1,
                reason: "x".into(),
            },
        }
    }

    #[test]
    fn a_record_written_before_an_earlier_one_or_after_reading_is_named() {
        let records = [
            rec(1, "2026-10-01T09:00:00+01:00"),
            rec(2, "2026-10-05T09:00:00+01:00"),
            // Back-dated by hand, two lines together: both are before record 2.
            rec(3, "2026-10-02T09:00:00+01:00"),
            rec(4, "2026-10-03T09:00:00+01:00"),
            // The same instant as record 2 in another zone: in order.
            rec(5, "2026-10-05T08:00:00+00:00"),
            rec(6, "2026-12-01T09:00:00+00:00"),
        ];
        let order = check(&records, at("2026-11-22T18:00:00+00:00"));
        assert_eq!(order.earlier_than_a_record_before, [3, 4]);
        assert_eq!(order.later_than_read, [6]);
        assert!(order.breaks(4) && !order.breaks(5));
        assert!(check(&records[..2], at("2026-11-22T18:00:00+00:00")).is_clean());
        assert_eq!(some_of(&[3, 4, 9], 2), "3, 4 and 1 more");
        assert_eq!(some_of(&[3, 4, 9], 5), "3, 4 and 9");
    }
}
