//! Diary notes by HSE Management Standard, and the journal's integrity figures.

use super::Inputs;
use super::Period;
use super::model::{ByStandard, ImportedRecords, Integrity, Notes, RedactedRecord, round2};
use crate::domain::replay::State;
use crate::domain::{Event, Standard};
use chrono::Days;

pub fn summary(state: &State, period: Period) -> Notes {
    let notes: Vec<_> = state
        .notes
        .iter()
        .filter(|n| period.contains(n.note.date))
        .collect();
    let mut by = ByStandard::default();
    for n in &notes {
        for s in &n.note.standards {
            *match s {
                Standard::Demands => &mut by.demands,
                Standard::Control => &mut by.control,
                Standard::Support => &mut by.support,
                Standard::Relationships => &mut by.relationships,
                Standard::Role => &mut by.role,
                Standard::Change => &mut by.change,
            } += 1;
        }
    }
    let stresses: Vec<f64> = notes
        .iter()
        .filter_map(|n| n.note.stress)
        .map(f64::from)
        .collect();
    let mean_stress = (!stresses.is_empty())
        .then(|| round2(stresses.iter().sum::<f64>() / stresses.len() as f64));
    Notes {
        count: notes.len() as u32,
        by_standard: by,
        mean_stress,
    }
}

/// Records, withdrawals and amendments over the whole journal; the contemporaneous share over
/// the records that describe a day inside the period (written that day or the next, and in
/// time order).
pub fn integrity(input: &Inputs) -> Integrity {
    let records = input.records;
    let count = |f: fn(&Event) -> bool| records.iter().filter(|r| f(&r.event)).count() as u64;
    // Read at the moment the document was prepared.
    let time_order = super::time_order::check(records, input.generated_at);
    let dated: Vec<bool> = records
        .iter()
        .filter_map(|r| {
            let described = r.event.described_date()?;
            input.period.contains(described).then(|| {
                let written = r.at.date_naive();
                described <= written
                    && written <= described + Days::new(1)
                    && !time_order.breaks(r.seq)
                    && !crate::import::is_imported(r, records)
            })
        })
        .collect();
    let contemporaneous_percent = (!dated.is_empty())
        .then(|| round2(dated.iter().filter(|c| **c).count() as f64 * 100.0 / dated.len() as f64));
    let redacted = records
        .iter()
        .filter(|r| matches!(r.event, Event::Redacted { .. }))
        .map(|stub| RedactedRecord {
            record: stub.seq,
            redacted_on: records.iter().find_map(|r| match r.event {
                Event::Redaction { target, .. } if target == stub.seq => Some(r.at.date_naive()),
                _ => None,
            }),
        })
        .collect();
    Integrity {
        redacted,
        records: records.len() as u64,
        voided: count(|e| matches!(e, Event::Voided { .. })),
        amended: count(|e| matches!(e, Event::Amended { .. })),
        head: input.head.to_string(),
        chain_ok: input.chain_ok,
        contemporaneous_percent,
        time_order,
        imported: crate::import::batches(records)
            .into_iter()
            .map(|b| ImportedRecords {
                imported_on: b.at.date_naive(),
                records: b.records,
                first_record: b.first,
                last_record: b.last,
            })
            .collect(),
        damaged: (!input.chain_ok).then(|| super::model::Damaged {
            line: records.len() as u64 + 1,
            records: records.len() as u64,
            written_up_to: super::trusted_up_to(records),
        }),
    }
}
