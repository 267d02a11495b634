//! Which records of a journal were imported, and when: for `verify` and every document's
//! integrity statement. One import writes all its records in one append, with one time.

use crate::domain::replay::Record;
use chrono::{DateTime, FixedOffset};

/// The records one import wrote: consecutive records imported from one file at one time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportBatch {
    /// When they were written (the import's time, not the days they describe).
    pub at: DateTime<FixedOffset>,
    pub first: u64,
    pub last: u64,
    pub records: u64,
    /// The file they came from (its name only, never its folder).
    pub file: String,
}

/// Every import found in `records`, in journal order.
pub fn batches(records: &[Record]) -> Vec<ImportBatch> {
    let mut out: Vec<ImportBatch> = Vec::new();
    for record in records {
        let Some(source) = record.event.imported() else {
            continue;
        };
        match out.last_mut() {
            Some(batch)
                if batch.last + 1 == record.seq
                    && batch.at == record.at
                    && batch.file == source.file =>
            {
                batch.last = record.seq;
                batch.records += 1;
            }
            _ => out.push(ImportBatch {
                at: record.at,
                first: record.seq,
                last: record.seq,
                records: 1,
                file: source.file.clone(),
            }),
        }
    }
    out
}

/// Whether `record` was imported, or amends a record that was: either way, its written time
/// says when it was imported, not when the day it describes was written down.
pub fn is_imported(record: &Record, records: &[Record]) -> bool {
    if record.event.imported().is_some() {
        return true;
    }
    match &record.event {
        crate::domain::Event::Amended { target, .. } => target
            .checked_sub(1)
            .and_then(|i| records.get(i as usize))
            .is_some_and(|t| t.event.imported().is_some()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::event::*;
    use chrono::NaiveDate;

    fn record(seq: u64, at: &str, file: Option<&str>) -> Record {
        Record {
            seq,
            at: DateTime::parse_from_rfc3339(at).unwrap(),
            event: Event::LeaveAdded(LeaveAdded {
                kind: LeaveKind::Annual,
                from: NaiveDate::from_ymd_opt(2026, 8, 3).unwrap(),
                to: NaiveDate::from_ymd_opt(2026, 8, 3).unwrap(),
                note: None,
                imported: file.map(|f| Imported {
                    file: f.into(),
                    sheet: None,
                    row: seq,
                }),
            }),
        }
    }

    #[test]
    fn consecutive_records_written_at_once_are_one_import() {
        let t1 = "2026-11-20T10:00:00+00:00";
        let t2 = "2026-11-21T10:00:00+00:00";
        let records = vec![
            record(1, t1, None),
            record(2, t1, Some("a.csv")),
            record(3, t1, Some("a.csv")),
            record(4, t1, Some("b.ics")),
            record(5, t2, None),
            record(6, t2, Some("a.csv")),
        ];
        let found = batches(&records);
        assert_eq!(found.len(), 3);
        assert_eq!((found[0].first, found[0].last, found[0].records), (2, 3, 2));
        assert_eq!(found[0].file, "a.csv");
        assert_eq!((found[1].first, found[1].file.as_str()), (4, "b.ics"));
        assert_eq!((found[2].first, found[2].records), (6, 1));
        let amendment = Record {
            seq: 7,
            at: DateTime::parse_from_rfc3339(t2).unwrap(),
            event: Event::Amended {
                target: 2,
                record: Box::new(record(2, t1, None).event),
            },
        };
        assert!(is_imported(&amendment, &records));
        assert!(!is_imported(&records[0], &records));
    }

    /// Two cases allocated on the day they were written: the typed one counts as written at
    /// the time, the imported one never does.
    #[test]
    fn an_imported_record_is_never_contemporaneous() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        let at = DateTime::parse_from_rfc3339("2026-11-02T17:00:00+00:00").unwrap();
        let case = |reference: &str, imported: Option<Imported>| {
            Event::from(CaseAllocated {
                reference: reference.into(),
                kind: "general".into(),
                allocated_on: day,
                allocated_by: None,
                discussed: true,
                weight: None,
                note: None,
                imported,
            })
        };
        let records = vec![
            Record {
                seq: 1,
                at,
                event: case("FD1", None),
            },
            Record {
                seq: 2,
                at,
                event: case(
                    "FD2",
                    Some(Imported {
                        file: "c.csv".into(),
                        sheet: None,
                        row: 2,
                    }),
                ),
            },
        ];
        let state = crate::domain::replay::replay(&records);
        let config = crate::config::Config::default();
        let report = crate::report::analyse(&crate::report::Inputs {
            state: &state,
            records: &records,
            config: &config,
            head: "h",
            chain_ok: true,
            today: day,
            period: crate::report::Period { from: day, to: day },
            purpose: crate::report::Purpose::Grievance,
            reveal_refs: false,
            generated_at: at,
            receipt: None,
        });
        assert_eq!(report.integrity.contemporaneous_percent, Some(50.0));
        assert_eq!(report.integrity.imported.len(), 1);
        assert_eq!(report.integrity.imported[0].first_record, 2);
    }
}
