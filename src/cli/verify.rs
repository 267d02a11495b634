//! `caseload verify`, `caseload receipt` and `caseload redact`: say exactly what was seen, one
//! verdict at a time.

use super::Context;
use crate::error::{Error, Result};
use crate::journal::{Access, Journal, Receipt, ReceiptVerdict as Verdict, RedactError};
use crate::output::{line, warn};
use crate::report::provenance::MadeFrom;
use std::path::{Path, PathBuf};

/// Opens the journal read-only for checking: a missing journal is an error here (it reads as
/// empty everywhere else), and the notices are printed except the one-line summary of loose
/// permissions, which the caller lists in full.
fn open_to_check(ctx: &Context) -> Result<Journal> {
    let mut journal = Journal::open(&ctx.data_dir, Access::ReadOnly)?;
    if !journal.exists() {
        return Err(Error::Failed(format!(
            "no journal at {}; nothing has been recorded in this data folder (give another with --data-dir)",
            journal.path().display()
        )));
    }
    let summary = journal.loose_summary();
    for notice in journal.take_notices() {
        if summary.as_ref() != Some(&notice) {
            warn(format_args!("note: {notice}"));
        }
    }
    Ok(journal)
}

fn damaged(ctx: &Context, journal: &Journal) -> Result<()> {
    let Some(damage) = journal.damage() else {
        return Ok(());
    };
    Err(Error::Failed(format!(
        "the journal {} is damaged: {damage}. The {} before line {} {} intact. Nothing has been changed: keep the file as it is, {}, and keep the damaged file as evidence of what happened",
        journal.path().display(),
        count_records(journal.records().len()),
        journal.records().len() + 1,
        if journal.records().len() == 1 {
            "is"
        } else {
            "are"
        },
        restore_from(&crate::journal::backup_dir(&ctx.data_dir))
    )))
}

/// Where a copy to go on writing from is: the backups folder, if it holds any.
fn restore_from(backups: &std::path::Path) -> String {
    let holds_a_copy = std::fs::read_dir(backups).is_ok_and(|mut entries| entries.next().is_some());
    if holds_a_copy {
        format!(
            "restore the newest copy from {} if you need to go on writing",
            backups.display()
        )
    } else {
        format!(
            "restore a copy you kept if you need to go on writing (caseload's own backups folder, {}, holds none)",
            backups.display()
        )
    }
}

/// What `--receipt` was given: a receipt, or a document's record of what it was made from
/// (a plain text's last line, or the `Made from:` line of any other format).
enum Given {
    Receipt(Receipt),
    Document(MadeFrom),
}

impl Given {
    fn read(text: &str) -> Result<Given> {
        if text.contains("caseload-document") {
            return MadeFrom::find_in(text.as_bytes())
                .map(Given::Document)
                .map_err(|why| {
                    Error::invalid(format!(
                        "--receipt: this document line cannot be read: {why}"
                    ))
                });
        }
        text.parse::<Receipt>().map(Given::Receipt).map_err(|e| {
            Error::invalid(format!(
                "--receipt: {e} (or a document's `caseload-document` line)"
            ))
        })
    }
}

pub fn verify(ctx: &Context, receipt: Option<&str>, fix_permissions: bool) -> Result<()> {
    let receipt = receipt.map(Given::read).transpose()?;
    let mut journal = open_to_check(ctx)?;
    if fix_permissions {
        for fixed in journal.fix_permissions()? {
            line(format_args!(
                "fixed: {} was {:03o}, now {:03o}",
                fixed.path.display(),
                fixed.mode,
                fixed.private
            ))?;
        }
    }
    damaged(ctx, &journal)?;
    let records = journal.records().len();
    let redacted = journal.redacted_lines();
    let stubs = redacted.iter().filter(|r| r.stub).count();
    let summary = format!(
        "{records} records{}, chain intact, head {}",
        if stubs > 0 {
            format!(" ({stubs} redacted)")
        } else {
            String::new()
        },
        journal.head()
    );
    match receipt {
        None => line(format_args!("ok: {summary}"))?,
        Some(Given::Receipt(receipt)) => receipt_verdict(&mut journal, &receipt, &summary)?,
        Some(Given::Document(made)) => document_verdict(&mut journal, &made, &summary)?,
    }
    redacted_lines(&redacted)?;
    time_order_lines(&journal)?;
    imported_batches(&journal)?;
    if journal.last_line_unterminated() {
        line(format_args!(
            "note: the last record ({records}) has no newline at the end of its line; it is whole and kept, and the next record written adds the newline"
        ))?;
    }
    let loose = journal.loose_permissions();
    for item in loose {
        line(format_args!("warning: {item}"))?;
    }
    if !loose.is_empty() {
        line("warning: run `caseload verify --fix-permissions` to make them private")?;
    }
    Ok(())
}

/// What the receipt says about the journal: `ok` when nothing up to it has changed, otherwise
/// the error that names what did (or that the receipt was mistyped).
fn receipt_verdict(journal: &mut Journal, receipt: &Receipt, summary: &str) -> Result<()> {
    match journal.check_receipt(receipt)? {
        Verdict::Matches { seq } => Ok(line(format_args!(
            "ok: the receipt for record {seq} matches: nothing up to it has changed; the journal has {summary}"
        ))?),
        Verdict::Mistyped => Err(Error::invalid(
            "--receipt: this receipt is mistyped: its check code does not match the rest of it, so a character was changed, added or lost when it was copied; copy it again exactly as it was sent (it says nothing about the journal)",
        )),
        Verdict::OtherJournal => Err(Error::Failed(format!(
            "this receipt is not from this journal: it was made from a journal whose first record is not this one's (or this journal was rewritten from its first record on); this journal has {summary}"
        ))),
        Verdict::Removed { seq, records } => Err(Error::Failed(format!(
            "records were removed since the receipt: it names record {seq}, but the journal has only {records} records"
        ))),
        Verdict::Changed { seq, now } => Err(Error::Failed(format!(
            "records up to seq {seq} have changed since the receipt: record {seq} now hashes to {now}, not to the receipt's {}",
            receipt.head
        ))),
        Verdict::V1Mismatch { seq, now } => Err(Error::Failed(format!(
            "record {seq} does not hash to the receipt's {} (it hashes to {now}): either records up to seq {seq} have changed since the receipt or the receipt was mistyped; a v1 receipt has no check code to tell which",
            receipt.head
        ))),
    }
}

/// What a document's line says about the journal, in a receipt's words: `ok` when record
/// `seq` still hashes to the (prefix of the) head the line gives, the chain to it being intact
/// (checked on load); otherwise that records were removed, or changed, or that it is another
/// journal. A document's line has no check code, so a line mistyped when it was copied reads
/// as changed, and another journal cannot be told from a changed one.
fn document_verdict(journal: &mut Journal, made: &MadeFrom, summary: &str) -> Result<()> {
    let records = journal.records().len() as u64;
    let seq = made.seq;
    let Some(now) = journal.receipt_at(seq)?.map(|r| r.head) else {
        return Err(Error::Failed(edited_line(journal, made, "the document's line").unwrap_or_else(|| format!(
            "records were removed since the document was made: its line names record {seq}, but the journal has only {records} records (or it is another journal: give its folder with --data-dir)"
        ))));
    };
    if made.head.len() >= 16 && now.starts_with(&made.head) {
        return Ok(line(format_args!(
            "ok: the {} document's line for record {seq} matches: nothing up to it has changed; the journal has {summary} (this checks the journal; `caseload verify --document FILE` checks the document's text too)",
            made.purpose
        ))?);
    }
    Err(Error::Failed(
        edited_line(journal, made, "the document's line").unwrap_or_else(|| {
            format!(
                "the document's line does not match this journal: record {seq} now hashes to {now}, not to the line's {}, and no other record here hashes to it. Either the line was edited or mistyped when it was copied (a document's line has no check code: copy it again exactly to be sure), or records up to seq {seq} have changed since the document was made, or it is another journal (give its folder with --data-dir)",
                made.head
            )
        }),
    ))
}

/// When a document's line gives the head of another record of this journal than the one it
/// names, the line was edited (its record number changed), not the journal: says so, naming
/// both. `None` when no other record hashes to that head (or it is too short to tell).
pub(super) fn edited_line(journal: &Journal, made: &MadeFrom, what: &str) -> Option<String> {
    let other = record_hashed_to(journal, &made.head).filter(|other| *other != made.seq)?;
    Some(format!(
        "{what} was edited: it names record {}, but the head it gives ({}) is record {other}'s in this journal, so records 1 to {other} are as they were: the journal is not what changed, the line is",
        made.seq, made.head
    ))
}

/// The record of this journal whose line hashes to `head` (a prefix of 16 digits or more):
/// each line's `prev` is the hash of the record before it (the chain is checked on load),
/// and the journal's head is the last record's.
fn record_hashed_to(journal: &Journal, head: &str) -> Option<u64> {
    if head.len() < 16 {
        return None;
    }
    let last = journal.records().last().map(|r| r.seq);
    if journal.head().starts_with(head) {
        return last;
    }
    let text = std::fs::read_to_string(journal.path()).ok()?;
    text.lines().enumerate().find_map(|(i, line)| {
        let prev = serde_json::from_str::<serde_json::Value>(line).ok()?;
        let prev = prev.get("prev")?.as_str()?;
        (i > 0 && prev.starts_with(head)).then_some(i as u64)
    })
}

/// Each redacted line: when and why, or that nothing here says so, or that it still holds text.
fn redacted_lines(redacted: &[crate::journal::RedactedLine]) -> Result<()> {
    for line_redacted in redacted {
        let what = format!(
            "record {} (a {} record)",
            line_redacted.seq, line_redacted.was
        );
        match (&line_redacted.by, line_redacted.stub) {
            (Some((by, at, reason)), true) => line(format_args!(
                "redacted: {what} on {} by record {by}: {reason}",
                at.format("%Y-%m-%d %H:%M")
            ))?,
            (None, _) => line(format_args!(
                "redacted: {what}, with no record of when or why in this journal (not redacted by caseload here)"
            ))?,
            (Some((by, _, _)), false) => line(format_args!(
                "warning: record {by} says {what} was redacted, but its line still holds its text; run `caseload redact {}` again",
                line_redacted.seq
            ))?,
        }
    }
    Ok(())
}

/// Each import batch, with a reminder that its records were not written at the time.
fn imported_batches(journal: &Journal) -> Result<()> {
    for batch in crate::import::batches(journal.records()) {
        line(format_args!(
            "imported: {} on {} from {} (records {} to {}); written when imported, not on the days they describe, so never counted as written at the time",
            if batch.records == 1 {
                "1 record".to_string()
            } else {
                format!("{} records", batch.records)
            },
            batch.at.format("%Y-%m-%d %H:%M"),
            batch.file,
            batch.first,
            batch.last
        ))?;
    }
    Ok(())
}

/// Records whose written time is out of order, named (they are never counted as written at
/// the time in reports).
fn time_order_lines(journal: &Journal) -> Result<()> {
    use crate::report::time_order::{check, some_of};
    let order = check(journal.records(), chrono::Local::now().fixed_offset());
    let count = |n: usize| {
        if n == 1 {
            "1 record has".to_string()
        } else {
            format!("{n} records have")
        }
    };
    let earlier = &order.earlier_than_a_record_before;
    if !earlier.is_empty() {
        line(format_args!(
            "warning: time order: {} a written time earlier than a record before {}: {}; reports do not count {} as written at the time",
            count(earlier.len()),
            if earlier.len() == 1 { "it" } else { "them" },
            some_of(earlier, 20),
            if earlier.len() == 1 { "it" } else { "them" },
        ))?;
    }
    let later = &order.later_than_read;
    if !later.is_empty() {
        line(format_args!(
            "warning: time order: {} a written time later than now: {}; was the clock wrong when {} written?",
            count(later.len()),
            some_of(later, 20),
            if later.len() == 1 {
                "it was"
            } else {
                "they were"
            },
        ))?;
    }
    Ok(())
}

pub fn receipt(ctx: &Context) -> Result<()> {
    let journal = open_to_check(ctx)?;
    if let Some(damage) = journal.damage() {
        return Err(Error::Failed(format!(
            "no receipt: the journal is damaged: {damage}; run `caseload verify`"
        )));
    }
    let receipt = journal.receipt().ok_or_else(|| {
        Error::Failed("no receipt: the journal is empty; record something first".into())
    })?;
    line(receipt)?;
    Ok(())
}

pub fn redact(ctx: &Context, seq: &str, reason: &str) -> Result<()> {
    let target = seq.trim().parse::<u64>().map_err(|_| {
        Error::invalid(format!(
            "the record: `{seq}` is not a whole number; give the record's number as listed by `caseload list events`"
        ))
    })?;
    let mut journal = Journal::open(&ctx.data_dir, Access::ReadWrite)?;
    for notice in journal.take_notices() {
        warn(format_args!("note: {notice}"));
    }
    let done = match journal.redact(target, reason) {
        Ok(done) => done,
        Err(RedactError::Refused(refusal)) => return Err(refusal.into()),
        Err(RedactError::Journal(e)) => return Err(e.into()),
        Err(e @ RedactError::Backups { .. }) => return Err(Error::Failed(e.to_string())),
    };
    let backups = match done.backups.len() {
        0 => "no backup held it".to_string(),
        1 => "removed from 1 backup".to_string(),
        n => format!("removed from {n} backups"),
    };
    if done.now {
        line(format_args!(
            "redacted: record {}'s text is gone from the journal, replaced by a stub that keeps its SHA-256 (the chain and every receipt still verify); record {} says when and why; {backups}",
            done.target, done.by
        ))?;
    } else {
        line(format_args!(
            "finished: record {} was already redacted (record {}); its text is now {backups}",
            done.target, done.by
        ))?;
    }
    // The redaction is done, but not everywhere the text was: not a success to a script.
    let linked: Vec<String> = done
        .still_linked
        .iter()
        .map(|(path, entry)| {
            let others = entry.links - 1;
            let (names, it) = if others == 1 {
                ("another name".to_string(), "it")
            } else {
                (format!("{others} other names"), "them")
            };
            format!(
                "{} had {names} besides this one (a hard link made outside caseload), and under {it} the original text is still there: find {it} with `find {} -xdev -inum {}` and delete {it}",
                path.display(),
                shell_quoted(&file_system_root(path)),
                entry.id.1
            )
        })
        .collect();
    if !linked.is_empty() {
        return Err(Error::Failed(linked.join("; ")));
    }
    Ok(())
}

/// "1 record", "3 records": the count a damage message names.
pub(super) fn count_records(n: usize) -> String {
    format!("{n} {}", if n == 1 { "record" } else { "records" })
}

/// The top folder of the file system `path` is on: a hard link is always on the same one, so
/// that is where to look for it (`/` alone misses a separate `/home`, and `-xdev` is needed so
/// that another file system's file with the same inode number is not found instead).
fn file_system_root(path: &Path) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let device = |p: &Path| std::fs::metadata(p).ok().map(|m| m.dev());
        let mut root = path.parent().unwrap_or(path).to_path_buf();
        let Some(own) = device(&root) else {
            return PathBuf::from("/");
        };
        while let Some(parent) = root.parent() {
            if parent.as_os_str().is_empty() || device(parent) != Some(own) {
                break;
            }
            root = parent.to_path_buf();
        }
        root
    }
    #[cfg(not(unix))]
    {
        path.ancestors().last().unwrap_or(path).to_path_buf()
    }
}

/// `path` as one word for a POSIX shell: as it is if it needs no quoting, else in single quotes.
fn shell_quoted(path: &Path) -> String {
    let text = path.display().to_string();
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
    {
        text
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}
