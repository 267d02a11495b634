//! The commands that add a record: parse every argument first, then append under the lock.

use super::Context;
use super::args::{CaseCommand, DeadlineCommand, HoursCommand, LeaveCommand, NoteCommand};
use crate::domain::amounts;
use crate::domain::commands as check;
use crate::domain::dates::{Towards, format_date, leave_towards, parse_date_shown, show_dates};
use crate::domain::replay::{Record, State};
use crate::domain::{
    CaseAllocated, CaseClosed, ClockTime, DeadlineExtended, DeadlineMet, DeadlineSet, Event,
    HoursLogged, LeaveAdded, LeaveKind, NoteAdded, Standard, parse_time,
};
use crate::error::{Error, Result};
use crate::journal::Access;
use chrono::NaiveDate;
use std::io::{IsTerminal, Read};

/// The configured display format, for reading dates back and showing them. A config that
/// cannot be read does not stop a record being written: the built-in format is used.
fn date_format(ctx: &Context) -> String {
    ctx.config().map_or_else(
        |_| crate::config::Config::default().date_format,
        |c| c.date_format,
    )
}

fn date_towards(flag: &str, text: &str, ctx: &Context, towards: Towards) -> Result<NaiveDate> {
    parse_date_shown(text, ctx.today, towards, &date_format(ctx))
        .map_err(|e| Error::invalid(format!("{flag}: {e}")))
}

/// A day on which something happened: a weekday is the last one.
fn date_arg(flag: &str, text: &str, ctx: &Context) -> Result<NaiveDate> {
    date_towards(flag, text, ctx, Towards::Past)
}

/// A day something is due: a weekday is the next one.
fn due_arg(flag: &str, text: &str, ctx: &Context) -> Result<NaiveDate> {
    date_towards(flag, text, ctx, Towards::Future)
}

fn date_or_today(flag: &str, text: Option<&str>, ctx: &Context) -> Result<NaiveDate> {
    text.map_or(Ok(ctx.today), |t| date_arg(flag, t, ctx))
}

fn number_arg(flag: &str, text: &str, accepted: &str) -> Result<f64> {
    amounts::decimal(text)
        .ok_or_else(|| Error::invalid(format!("{flag}: `{text}` is not a number; {accepted}")))
}

/// A count or an id: what is wrong with anything else is said as it is (`-1` is a whole
/// number, only below 0).
fn whole_arg(flag: &str, text: &str, accepted: &str) -> Result<u64> {
    let text = text.trim();
    text.parse::<u64>().map_err(|_| {
        let wrong = if text.parse::<i64>().is_ok() {
            "is below 0"
        } else if amounts::decimal(text).is_some() {
            "is not a whole number"
        } else {
            "is not a number"
        };
        Error::invalid(format!("{flag}: `{text}` {wrong}; {accepted}"))
    })
}

fn id_arg(text: &str, what: &str) -> Result<u64> {
    whole_arg(
        "the id",
        text,
        &format!("give the {what}'s id, a whole number from 1 as `caseload list` shows it"),
    )
}

fn hours_arg(flag: &str, text: &str) -> Result<f64> {
    amounts::hours(text).map_err(|e| Error::invalid(format!("{flag}: {e}")))
}

fn break_arg(text: Option<&str>) -> Result<Option<u32>> {
    text.map(|b| amounts::minutes(b).map_err(|e| Error::invalid(format!("--break: {e}"))))
        .transpose()
}

/// With no config file, a list of kinds is the built-in one: where the user's own would be.
fn built_in_kinds(ctx: &Context) -> String {
    if ctx.config_exists() {
        String::new()
    } else {
        format!(
            " (the built-in kinds: there is no config file at {}; `caseload config init --preset cafcass-fca` or `--preset probation-officer` writes one with your kinds)",
            ctx.config_path.display()
        )
    }
}

/// Appends the event `build` makes from the state, refusing with exit 2 what it refuses.
fn save(
    ctx: &Context,
    build: impl Fn(&State, &[Record]) -> Result<Event, check::Refusal>,
) -> Result<u64> {
    save_record(ctx, build).map(|(seq, _)| seq)
}

/// [`save`], returning the event as written too (with the case named as recorded).
fn save_record(
    ctx: &Context,
    build: impl Fn(&State, &[Record]) -> Result<Event, check::Refusal>,
) -> Result<(u64, Event)> {
    let mut journal = ctx.open(Access::ReadWrite)?;
    let format = date_format(ctx);
    let seq = journal.append(build).map_err(|e| match Error::from(e) {
        Error::Refused(refusal) => {
            let mut message = show_dates(&refusal.to_string(), &format);
            if matches!(refusal, check::Refusal::UnknownKind { .. }) {
                message.push_str(&built_in_kinds(ctx));
            }
            Error::Invalid(message)
        }
        other => other,
    })?;
    for notice in journal.take_notices() {
        crate::output::warn(format_args!("note: {notice}"));
    }
    let event = journal
        .records()
        .last()
        .map(|r| r.event.clone())
        .expect("a record was just appended");
    Ok((seq, event))
}

/// Prints what was saved. The record is already on disk, so a failure here says so.
fn confirm(seq: u64, text: impl std::fmt::Display) -> Result<()> {
    crate::output::line(text).map_err(|e| match e {
        crate::output::OutputError::Closed => Error::OutputClosed,
        crate::output::OutputError::Io { source, .. } => Error::Failed(format!(
            "record {seq} is saved, but its confirmation could not be written to standard output: {source}"
        )),
        other => Error::Failed(other.to_string()),
    })
}

/// Prints what a new record is, as close, extend and void do, when a person reads it at a
/// terminal: "saved: record 10, deadline “S7 filing” due 01 Dec 2026 (FD1)". A script that
/// reads the output through a pipe gets the record's id alone (SPEC 5), as it always has.
fn confirm_added(ctx: &Context, seq: u64, event: &Event) -> Result<()> {
    if !std::io::stdout().is_terminal() {
        return confirm(seq, seq);
    }
    let what = crate::domain::describe::describe(event, &[], &State::default(), &date_format(ctx));
    // A deadline's id is what `deadline met` takes next.
    let next = match event {
        Event::DeadlineSet(_) => format!("; `caseload deadline met {seq}` marks it met"),
        _ => String::new(),
    };
    confirm(seq, format_args!("saved: record {seq}, {what}{next}"))
}

pub fn case(ctx: &Context, command: CaseCommand) -> Result<()> {
    let config = ctx.config()?;
    let show = |d: NaiveDate| format_date(d, &config.date_format);
    match command {
        CaseCommand::Add {
            reference,
            kind,
            on,
            by,
            undiscussed,
            weight,
            note,
        } => {
            let weight = weight
                .map(|w| {
                    number_arg(
                        "--weight",
                        &w,
                        "give the weekly hours the case needs, e.g. 2.5",
                    )
                })
                .transpose()?;
            let kinds: Vec<&str> = config.case_kinds.iter().map(|k| k.key.as_str()).collect();
            // Required, but read here so that the refusal can list the configured kinds.
            let kind = kind.ok_or_else(|| {
                Error::invalid(format!(
                    "--kind is required: give the kind of case, one of your configured kinds: {}{}",
                    kinds.join(", "),
                    built_in_kinds(ctx)
                ))
            })?;
            let event = CaseAllocated {
                reference,
                kind,
                allocated_on: date_or_today("--on", on.as_deref(), ctx)?,
                allocated_by: by,
                discussed: !undiscussed,
                weight,
                note,
                imported: None,
            };
            let (seq, written) = save_record(ctx, |state, _| {
                check::allocate_case(state, &kinds, event.clone(), None)
            })?;
            confirm_added(ctx, seq, &written)?;
        }
        CaseCommand::Close {
            reference,
            on,
            outcome,
        } => {
            let event = CaseClosed {
                reference,
                on: date_or_today("--on", on.as_deref(), ctx)?,
                outcome,
                imported: None,
            };
            let (seq, written) =
                save_record(ctx, |state, _| check::close_case(state, event.clone()))?;
            let reference = match written {
                Event::CaseClosed(closed) => closed.reference,
                _ => event.reference.trim().to_string(),
            };
            confirm(
                seq,
                format_args!(
                    "saved: case {reference} closed on {} (record {seq})",
                    show(event.on)
                ),
            )?;
        }
        CaseCommand::Reopen { reference } => {
            let (seq, written) = save_record(ctx, |state, records| {
                let case = crate::domain::references::find_case(
                    state,
                    &reference,
                    crate::domain::references::Matching::Whole,
                )?;
                let closing = case.closed_by_seq.ok_or_else(|| {
                    check::Refusal::Rule(format!(
                        "case {} is open; there is nothing to reopen",
                        case.reference
                    ))
                })?;
                check::void(state, records, closing, REOPEN_REASON)
            })?;
            let target = match written {
                Event::Voided { target, .. } => target,
                _ => 0,
            };
            confirm(
                seq,
                format_args!(
                    "saved: case {} is open again; its closing record {target} is withdrawn (record {seq})",
                    reference.trim()
                ),
            )?;
        }
    }
    Ok(())
}

pub fn deadline(ctx: &Context, command: DeadlineCommand) -> Result<()> {
    match command {
        DeadlineCommand::Add { due, what, case } => {
            let event = DeadlineSet {
                case,
                what,
                due: due_arg("--due", &due, ctx)?,
                imported: None,
            };
            let (seq, written) =
                save_record(ctx, |state, _| check::set_deadline(state, event.clone()))?;
            confirm_added(ctx, seq, &written)?;
        }
        DeadlineCommand::Done { id, on } => {
            let event = DeadlineMet {
                deadline: id_arg(&id, "deadline")?,
                on: date_or_today("--on", on.as_deref(), ctx)?,
                imported: None,
            };
            let seq = save(ctx, |state, _| check::meet_deadline(state, event.clone()))?;
            confirm(
                seq,
                format_args!(
                    "saved: deadline {} met on {} (record {seq})",
                    event.deadline,
                    format_date(event.on, &date_format(ctx))
                ),
            )?;
        }
        DeadlineCommand::Extend { id, due, reason } => {
            let event = DeadlineExtended {
                deadline: id_arg(&id, "deadline")?,
                due: due_arg("--due", &due, ctx)?,
                reason,
            };
            let seq = save(ctx, |state, _| check::extend_deadline(state, event.clone()))?;
            confirm(
                seq,
                format_args!(
                    "saved: deadline {} now due {} (record {seq})",
                    event.deadline,
                    format_date(event.due, &date_format(ctx))
                ),
            )?;
        }
    }
    Ok(())
}

pub fn leave(ctx: &Context, command: LeaveCommand) -> Result<()> {
    let LeaveCommand::Add {
        kind,
        from,
        to,
        note,
    } = command;
    let kind = LeaveKind::read(&kind)?;
    // Sick leave is written down afterwards, other leave booked ahead or written down just
    // after: a weekday or a date without a year looks back or forward accordingly.
    let towards = leave_towards(kind);
    let event = LeaveAdded {
        kind,
        from: date_towards("--from", &from, ctx, towards)?,
        to: date_towards("--to", &to, ctx, towards)?,
        note,
        imported: None,
    };
    let (seq, written) = save_record(ctx, |state, _| check::add_leave(state, event.clone(), None))?;
    confirm_added(ctx, seq, &written)?;
    Ok(())
}

pub fn hours(ctx: &Context, command: HoursCommand) -> Result<()> {
    let (on, start, end, break_minutes, hours, note) = match command {
        HoursCommand::Add {
            on,
            start,
            end,
            break_minutes,
            hours,
            note,
        } => (on, start, end, break_minutes, hours, note),
        HoursCommand::Start { at } => return timer_start(ctx, at.as_deref()),
        HoursCommand::Stop { at, break_minutes } => {
            return timer_stop(ctx, at.as_deref(), break_minutes.as_deref());
        }
        HoursCommand::Cancel => {
            let format = date_format(ctx);
            let timer =
                crate::timer::cancel(&ctx.data_dir).map_err(|e| Error::from(e).shown(&format))?;
            return crate::output::line(format_args!(
                "the timer started for {} on {} is thrown away; nothing was recorded",
                timer.start,
                format_date(timer.date, &format)
            ))
            .map_err(Error::from);
        }
    };
    let time = |flag: &str, t: Option<String>| {
        t.map(|t| parse_time(&t).map_err(|e| Error::invalid(format!("{flag}: {e}"))))
            .transpose()
    };
    let break_minutes = break_arg(break_minutes.as_deref())?;
    let event = HoursLogged {
        date: date_or_today("--on", on.as_deref(), ctx)?,
        start: time("--start", start)?,
        end: time("--end", end)?,
        break_minutes,
        hours: hours.map(|h| hours_arg("--hours", &h)).transpose()?,
        note,
        imported: None,
    };
    let (seq, written) = save_record(ctx, |state, _| check::log_hours(state, event.clone(), None))?;
    confirm_added(ctx, seq, &written)?;
    Ok(())
}

pub fn note(ctx: &Context, command: NoteCommand) -> Result<()> {
    let NoteCommand::Add {
        text,
        on,
        standards,
        stress,
        told,
    } = command;
    // Repeated (--standard demands --standard support) or listed as `list notes` prints
    // them (--standard demands,support).
    let mut listed = Vec::new();
    for typed in &standards {
        listed.extend(Standard::list(typed)?);
    }
    let standards = listed;
    let stress = stress
        .map(|s| {
            let accepted = "give a whole number from 0 (none) to 10 (worst)";
            whole_arg("--stress", &s, accepted).and_then(|n| {
                u8::try_from(n).ok().filter(|n| *n <= 10).ok_or_else(|| {
                    Error::invalid(format!("--stress: {n} is out of range; {accepted}"))
                })
            })
        })
        .transpose()?;
    let date = date_or_today("--on", on.as_deref(), ctx)?;
    // Every other argument is checked before the editor opens, so nothing written there is
    // refused for a typo in --stress.
    let text = match text.as_deref() {
        Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
                Error::Failed(format!("cannot read the note from standard input: {e}"))
            })?;
            String::from_utf8(bytes)
                .map_err(|_| Error::invalid("the note on standard input is not UTF-8 text"))?
        }
        Some(text) => text.to_string(),
        None => crate::external_editor::edit("", &ctx.data_dir)
            .map_err(Error::Failed)?
            .ok_or_else(|| {
                Error::Failed("the note was left empty in the editor; nothing was saved".into())
            })?,
    };
    let event = NoteAdded {
        date,
        text,
        standards,
        stress,
        told,
    };
    let (seq, written) = save_record(ctx, |_, _| check::add_note(event.clone()))?;
    confirm_added(ctx, seq, &written)?;
    Ok(())
}

pub fn void(ctx: &Context, seq: &str, reason: &str) -> Result<()> {
    let target = id_arg(seq, "record")?;
    let saved = save(ctx, |state, records| {
        check::void(state, records, target, reason)
    })?;
    confirm(
        saved,
        format_args!("saved: record {target} withdrawn (record {saved})"),
    )?;
    Ok(())
}

/// The reason written on a closing record withdrawn by `case reopen` (and the UI's reopen).
const REOPEN_REASON: &str = "case reopened";
const UNDO_REASON: &str = "undone with caseload undo";

/// `caseload undo`: withdraws the journal's last record, after a yes (or with `--yes`).
pub fn undo(ctx: &Context, yes: bool) -> Result<()> {
    let format = date_format(ctx);
    let journal = ctx.open(Access::ReadOnly)?;
    let records = journal.records();
    let Some(last) = records.last() else {
        return Err(Error::invalid("nothing to undo: the journal is empty"));
    };
    let seq = last.seq;
    if let Event::Voided { target, .. } = last.event {
        return Err(Error::invalid(format!(
            "the journal's last record ({seq}) withdrew record {target}; a withdrawal cannot itself be withdrawn"
        )));
    }
    let what = crate::domain::describe::describe(&last.event, records, journal.state(), &format);
    drop(journal);
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(Error::invalid(format!(
                "undo would withdraw record {seq}, {what}; add --yes to do it without being asked"
            )));
        }
        crate::output::warn(format_args!(
            "withdraw record {seq}, {what}? It stays in the journal, marked withdrawn. [y/N]"
        ));
        let mut answer = String::new();
        std::io::stdin()
            .read_line(&mut answer)
            .map_err(|e| Error::Failed(format!("cannot read the answer: {e}")))?;
        if !answer.trim().eq_ignore_ascii_case("y") && !answer.trim().eq_ignore_ascii_case("yes") {
            return crate::output::line("nothing was changed").map_err(Error::from);
        }
    }
    let saved = save(ctx, |state, records| {
        if records.len() as u64 != seq {
            return Err(check::Refusal::Rule(format!(
                "record {} was written meanwhile; run `caseload undo` again to see what it would withdraw",
                records.len()
            )));
        }
        check::void(state, records, seq, UNDO_REASON)
    })?;
    confirm(
        saved,
        format_args!("saved: record {seq} withdrawn, {what} (record {saved})"),
    )
}

/// The time now, to the minute.
fn now_hm() -> ClockTime {
    use chrono::Timelike;
    let now = chrono::Local::now();
    ClockTime::from_hm(now.hour(), now.minute()).expect("a clock time")
}

/// `hours start`: the timer begins now (or --at) on today.
fn timer_start(ctx: &Context, at: Option<&str>) -> Result<()> {
    let format = date_format(ctx);
    let start = match at {
        Some(t) => parse_time(t).map_err(|e| Error::invalid(format!("--at: {e}")))?,
        None => now_hm(),
    };
    let now = chrono::Local::now().fixed_offset();
    let timer = crate::timer::Timer {
        date: ctx.today,
        start,
        started_at: now,
    };
    crate::timer::start(&ctx.data_dir, &timer).map_err(|e| Error::from(e).shown(&format))?;
    crate::output::line(format_args!(
        "timer started at {start} on {}; `caseload hours stop` records the day",
        format_date(ctx.today, &format)
    ))
    .map_err(Error::from)
}

/// `hours stop`: the timer's day becomes an hours entry from its start to now (or --at).
fn timer_stop(ctx: &Context, at: Option<&str>, break_minutes: Option<&str>) -> Result<()> {
    let format = date_format(ctx);
    let end = at
        .map(|t| parse_time(t).map_err(|e| Error::invalid(format!("--at: {e}"))))
        .transpose()?;
    let break_minutes = break_arg(break_minutes)?;
    let written = crate::timer::stop(&ctx.data_dir, |timer| {
        let end = match end {
            Some(end) => end,
            None if timer.date == ctx.today => now_hm(),
            None => {
                return Err(Error::invalid(format!(
                    "the timer was started for {} on {} and is still running; give the time you stopped that day, e.g. `caseload hours stop --at 17:30`, or throw it away with `caseload hours cancel`",
                    timer.start,
                    format_date(timer.date, &format)
                )));
            }
        };
        let event = HoursLogged {
            date: timer.date,
            start: Some(timer.start),
            end: Some(end),
            break_minutes,
            hours: None,
            note: None,
            imported: None,
        };
        let seq = save(ctx, |state, _| check::log_hours(state, event.clone(), None))?;
        Ok((seq, event))
    })
    .map_err(|e| Error::from(e).shown(&format))?;
    let (seq, event) = written?;
    confirm(
        seq,
        format_args!(
            "saved: hours on {}, {} to {}, {} min break, {:.2} h (record {seq})",
            format_date(event.date, &format),
            event.start.map(|t| t.to_string()).unwrap_or_default(),
            event.end.map(|t| t.to_string()).unwrap_or_default(),
            event.break_minutes.unwrap_or(0),
            event.worked()
        ),
    )
}
