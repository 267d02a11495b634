//! What every document ends with: assumptions, what was not logged, privacy, integrity.

use super::sentences::plural;
use super::{Block, Dates, Medium};
use crate::report::time_order::some_of;
use crate::report::{Purpose, Report};

/// Assumptions, what was not logged, privacy and integrity: on every document. The one-page
/// supervision summary gives them shorter: the assumptions its figures rest on, and the
/// integrity statement without the head (its receipt carries it). Plain text gives no hash
/// and names its last line as its receipt.
pub fn closing(r: &Report, purpose: Purpose, d: &Dates<'_>, medium: Medium) -> Vec<Block> {
    let wording = match (medium, purpose) {
        (Medium::Plain, _) => Wording::Plain,
        (Medium::Marked, Purpose::Supervision) => Wording::Short,
        (Medium::Marked, _) => Wording::Full,
    };
    let mut blocks = vec![];
    if purpose != Purpose::Notice {
        blocks.push(Block::Heading("About this record".into()));
    }
    if purpose == Purpose::Supervision {
        blocks.extend([
            Block::Small(format!(
                "{} {} {}",
                short_assumptions(r),
                unlogged(r),
                privacy(r)
            )),
            Block::Record(integrity(r, d, wording)),
        ]);
    } else {
        blocks.extend([
            Block::Small(assumptions(r)),
            Block::Small(unlogged(r)),
            Block::Small(privacy(r).to_string()),
            Block::Record(integrity(r, d, wording)),
        ]);
    }
    blocks
}

fn assumptions(r: &Report) -> String {
    let a = &r.detail.assumptions;
    let kinds: Vec<String> = a
        .case_kinds
        .iter()
        .map(|(n, h)| format!("{n} {h} h/week"))
        .collect();
    format!(
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
    )
}

/// The assumptions the supervision summary's figures rest on; the weekly hours of each kind
/// of case are in the other documents.
fn short_assumptions(r: &Report) -> String {
    let a = &r.detail.assumptions;
    format!(
        "Assumptions: contracted hours {} a week over {}; bank holidays of {}; caseload limit {} open cases; capacity threshold {:.0}% for {} consecutive weeks; weekly hours per case kind are estimates, not measurements.",
        a.contracted_hours,
        a.working_days.join(", "),
        a.bank_holidays,
        a.caseload_limit,
        a.capacity_percent,
        a.capacity_weeks,
    )
}

fn unlogged(r: &Report) -> String {
    if r.hours.days_unlogged == 0 {
        "Not logged: none; every working day in the period, up to today, has hours recorded."
            .to_string()
    } else {
        format!(
            "Not logged: {} in the period, up to today, had no hours recorded. They count as neither worked nor expected: hours beyond contract cover only the days logged.",
            plural(r.hours.days_unlogged, "working day", "working days")
        )
    }
}

fn privacy(r: &Report) -> &'static str {
    if r.detail.pseudonymised {
        "Case references are replaced by Case 1, Case 2… (numbered in the order each case was first recorded, so a case has the same number in every document), also inside free text; the author holds the key. Free-text notes are otherwise included as written: check them for names or other personal data before sharing."
    } else {
        "This copy shows the author's own case references. Check it, and the free-text notes, for personal data before sharing."
    }
}

/// How the integrity statement gives the head and the receipt.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wording {
    /// The head, and the receipt with how to check it.
    Full,
    /// No head (the receipt carries it), a shorter word on the receipt: the one-page summary.
    Short,
    /// No hash at all: the text's last line is its receipt, and how to check both is said in
    /// words (an email's body has no code formatting).
    Plain,
}

/// The integrity statement: the journal's records, its chain, its time order, what was
/// imported or redacted, how much was written at the time, and the receipt.
fn integrity(r: &Report, d: &Dates<'_>, wording: Wording) -> String {
    let i = &r.integrity;
    let contemporaneous = i.contemporaneous_percent.map(|p| format!(" {p:.0}% of the dated records in the period were written on the day or the next day, in time order.")).unwrap_or_default();
    let chain = if i.chain_ok {
        "The hash chain was intact when this document was produced."
    } else {
        "WARNING: the journal's hash chain was damaged; only the records before the damage are included."
    };
    let receipt = match (wording, r.detail.receipt.as_deref()) {
        (Wording::Plain, _) => " The last line of this text is its receipt. Anyone holding the journal can check the text against it: save the text to a file, exactly as sent, and run caseload verify --document with that file; or check that the journal has not changed since, with caseload verify --receipt and that line in quotes.".to_string(),
        (Wording::Full, Some(rc)) => format!(" Receipt: {rc} — anyone holding the journal can check it with `caseload verify --receipt \"<receipt>\"`."),
        (Wording::Short, Some(rc)) => format!(" Receipt: {rc} (`caseload verify --receipt` checks it against the journal)."),
        (_, None) => String::new(),
    };
    let head = if wording == Wording::Full {
        format!(", head {}", i.head)
    } else {
        String::new()
    };
    format!(
        "Integrity: {} in the journal ({} amended, {} withdrawn, all kept){head}.{} {chain}{}{}{contemporaneous}{receipt}",
        plural(i.records, "record", "records"),
        i.amended,
        i.voided,
        redacted_sentence(r, d),
        order_sentence(r),
        imported_sentence(&i.imported, d),
    )
}

/// " 2 records are redacted (record 5 redacted on …): …", or nothing.
fn redacted_sentence(r: &Report, d: &Dates<'_>) -> String {
    let redacted = &r.integrity.redacted;
    if redacted.is_empty() {
        return String::new();
    }
    let each: Vec<String> = redacted
        .iter()
        .map(|x| match x.redacted_on {
            Some(on) => format!("record {} redacted on {}", x.record, d.show(on)),
            None => format!("record {} redacted", x.record),
        })
        .collect();
    format!(
        " {} ({}): the text was removed at the author's request and the fingerprint kept, so the chain still verifies.",
        plural(
            redacted.len() as u64,
            "record is redacted",
            "records are redacted"
        ),
        each.join(", ")
    )
}

/// Whether every record was written in time order, or which were not.
fn order_sentence(r: &Report) -> String {
    let t = &r.integrity.time_order;
    if t.is_clean() {
        return " Every record was written no earlier than the records before it, and before this document was prepared.".to_string();
    }
    let mut parts = Vec::new();
    let earlier = &t.earlier_than_a_record_before;
    if !earlier.is_empty() {
        parts.push(format!(
            "{} a written time earlier than a record before {} (record {})",
            plural(earlier.len() as u64, "record has", "records have"),
            if earlier.len() == 1 { "it" } else { "them" },
            some_of(earlier, 10)
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
                d.show(b.imported_on)
            )
        })
        .collect();
    format!(
        " Imported from files: {}. These were written when they were imported, not on the days they describe, and are not counted as written at the time.",
        each.join(", ")
    )
}
