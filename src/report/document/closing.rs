//! What every document ends with: assumptions, what was not logged, privacy, integrity.

use super::sentences::plural;
use super::{Block, Dates};
use crate::report::time_order::some_of;
use crate::report::{Purpose, Report};

/// Assumptions, what was not logged, privacy and integrity: on every document.
pub fn closing(r: &Report, purpose: Purpose, d: &Dates<'_>) -> Vec<Block> {
    let a = &r.detail.assumptions;
    let kinds: Vec<String> = a
        .case_kinds
        .iter()
        .map(|(n, h)| format!("{n} {h} h/week"))
        .collect();
    let assumptions = format!(
        "Assumptions: contracted hours {} a week over {}; bank holidays of {}; caseload limit {} open cases; capacity threshold {:.0}% for {} consecutive weeks; \"just before leave\" = {} working days, \"soon after\" = {}; weekly hours per case kind (estimates, not measurements): {}.",
        a.contracted_hours,
        a.working_days.join(", "),
        a.bank_holidays,
        a.caseload_limit,
        a.capacity_percent,
        a.capacity_weeks,
        a.pre_leave_days,
        a.post_leave_days,
        kinds.join("; ")
    );
    let unlogged = if r.hours.days_unlogged == 0 {
        "Not logged: none; every working day in the period, up to today, has hours recorded."
            .to_string()
    } else {
        format!(
            "Not logged: {} in the period, up to today, had no hours recorded. They count as neither worked nor expected: hours beyond contract cover only the days logged.",
            plural(r.hours.days_unlogged, "working day", "working days")
        )
    };
    let privacy = if r.detail.pseudonymised {
        "Case references are replaced by Case 1, Case 2… (numbered in the order each case was first recorded, so a case has the same number in every document), also inside free text; the author holds the key. Free-text notes are otherwise included as written: check them for names or other personal data before sharing."
    } else {
        "This copy shows the author's own case references. Check it, and the free-text notes, for personal data before sharing."
    };
    let i = &r.integrity;
    let contemporaneous = i.contemporaneous_percent.map(|p| format!(" {p:.0}% of the dated records in the period were written on the day or the next day, in time order.")).unwrap_or_default();
    let chain = if i.chain_ok {
        "The hash chain was intact when this document was produced."
    } else {
        "WARNING: the journal's hash chain was damaged; only the records before the damage are included."
    };
    let receipt = r.detail.receipt.as_deref().map(|rc| format!(" Receipt: {rc} — anyone holding the journal can check it with `caseload verify --receipt \"<receipt>\"`.")).unwrap_or_default();
    let redacted = if i.redacted.is_empty() {
        String::new()
    } else {
        let each: Vec<String> = i
            .redacted
            .iter()
            .map(|x| match &x.redacted_on {
                Some(on) => format!("record {} redacted on {}", x.record, d.show(on)),
                None => format!("record {} redacted", x.record),
            })
            .collect();
        format!(
            " {} ({}): the text was removed at the author's request and the fingerprint kept, so the chain still verifies.",
            plural(
                i.redacted.len() as u64,
                "record is redacted",
                "records are redacted"
            ),
            each.join(", ")
        )
    };
    let t = &i.time_order;
    let order = if t.is_clean() {
        " Every record was written no earlier than the records before it, and before this document was prepared.".to_string()
    } else {
        let mut parts = Vec::new();
        if !t.earlier_than_a_record_before.is_empty() {
            parts.push(format!(
                "{} a written time earlier than a record before {} (record {})",
                plural(
                    t.earlier_than_a_record_before.len() as u64,
                    "record has",
                    "records have"
                ),
                if t.earlier_than_a_record_before.len() == 1 {
                    "it"
                } else {
                    "them"
                },
                some_of(&t.earlier_than_a_record_before, 10)
            ));
        }
        if !t.later_than_read.is_empty() {
            parts.push(format!(
                "{} a written time later than when this document was prepared (record {})",
                plural(t.later_than_read.len() as u64, "record has", "records have"),
                some_of(&t.later_than_read, 10)
            ));
        }
        format!(
            " Out of time order: {}. Such records were written with a wrong clock or added by hand, and are not counted as written at the time.",
            parts.join("; ")
        )
    };
    let imported = imported_sentence(&i.imported, d);
    let integrity = format!(
        "Integrity: {} in the journal ({} amended, {} withdrawn, all kept), head {}.{redacted} {chain}{order}{imported}{contemporaneous}{receipt}",
        plural(i.records, "record", "records"),
        i.amended,
        i.voided,
        i.head
    );
    let mut blocks = vec![];
    if purpose != Purpose::Notice {
        blocks.push(Block::Heading("About this record".into()));
    }
    blocks.extend([
        Block::Small(assumptions),
        Block::Small(unlogged),
        Block::Small(privacy.to_string()),
        Block::Record(integrity),
    ]);
    blocks
}

/// " Imported from files: 24 records on 22 Nov 2026 (records 5 to 28)…", or nothing.
fn imported_sentence(imports: &[crate::report::model::ImportedRecords], d: &Dates<'_>) -> String {
    if imports.is_empty() {
        return String::new();
    }
    let each: Vec<String> = imports
        .iter()
        .map(|b| {
            let range = if b.first_record == b.last_record {
                format!("record {}", b.first_record)
            } else {
                format!("records {} to {}", b.first_record, b.last_record)
            };
            format!(
                "{} on {} ({range})",
                plural(b.records, "record", "records"),
                d.show(&b.imported_on)
            )
        })
        .collect();
    format!(
        " Imported from files: {}. These were written when they were imported, not on the days they describe, and are not counted as written at the time.",
        each.join(", ")
    )
}
