//! `caseload import FILE --as cases|deadlines|leave|hours`: the dry run (what would be
//! written, what is already there, what is refused and why), and with `--apply` every record
//! written under one lock, or none.

use super::Context;
use super::args::{ImportArgs, ImportAs};
use crate::error::{Error, Result};
use crate::import::preview::{self, Status};
use crate::import::{DateOrder, ImportError, OpenError, Plan, Request, Table, Target};
use crate::journal::{Access, AppendError};
use std::io::Write;
use std::path::Path;

fn target(what: ImportAs) -> Target {
    match what {
        ImportAs::Cases => Target::Cases,
        ImportAs::Deadlines => Target::Deadlines,
        ImportAs::Leave => Target::Leave,
        ImportAs::Hours => Target::Hours,
    }
}

fn invalid(e: ImportError) -> Error {
    Error::invalid(e.to_string())
}

/// Reads the file named on the command line into a table.
pub fn read_table(path: &Path, sheet: Option<&str>, matching: &[String]) -> Result<Table> {
    let path = crate::output::resolve(path);
    crate::import::open_matching(&path, sheet, matching).map_err(|e| match e {
        OpenError::Unreadable(..) => Error::Failed(e.to_string()),
        other => Error::invalid(other.to_string()),
    })
}

/// Control characters in text from the file shown as escapes (SPEC 9).
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn write_plan(plan: &Plan, date_format: &str, table: bool) -> Result<()> {
    let shown = preview::preview(plan, date_format);
    let mut out = std::io::stdout().lock();
    let io = super::io_failed;
    writeln!(out, "{}", visible(&preview::columns_line(plan))).map_err(io)?;
    let new: Vec<Vec<String>> = shown
        .rows
        .iter()
        .filter(|r| r.status == Status::New)
        .map(|r| {
            std::iter::once(r.row.to_string())
                .chain(r.cells.iter().cloned())
                .collect()
        })
        .collect();
    if table && !new.is_empty() {
        let unit = if plan.unit == "line" { "LINE" } else { "ROW" };
        let header: Vec<&str> = std::iter::once(unit)
            .chain(shown.header.iter().copied())
            .collect();
        writeln!(out).map_err(io)?;
        super::list::write_table(&mut out, &header, &new).map_err(io)?;
    }
    for (status, title) in [
        (Status::Known, "Already in the journal (skipped):"),
        (Status::Refused, "Refused:"),
    ] {
        let rows: Vec<_> = shown.rows.iter().filter(|r| r.status == status).collect();
        if rows.is_empty() {
            continue;
        }
        writeln!(out, "\n{title}").map_err(io)?;
        for row in rows {
            let reason = row.reason.as_deref().unwrap_or("");
            writeln!(out, "  {} {}: {}", plan.unit, row.row, visible(reason)).map_err(io)?;
        }
    }
    writeln!(out, "\n{}", preview::summary(plan)).map_err(io)?;
    Ok(())
}

pub fn run(ctx: &Context, args: &ImportArgs) -> Result<()> {
    let config = ctx.config()?;
    let order = match (args.day_first, args.month_first) {
        (true, _) => Some(DateOrder::DayFirst),
        (_, true) => Some(DateOrder::MonthFirst),
        _ => None,
    };
    let mut request = Request::new(
        target(args.target),
        &args.maps,
        &args.kind_maps,
        order,
        ctx.today,
        &config,
    )
    .map_err(invalid)?;
    request.header_row = args
        .header_row
        .as_deref()
        .map(|n| {
            n.trim().parse::<u64>().ok().filter(|n| *n > 0).ok_or_else(|| {
                Error::invalid(format!(
                    "--header-row: `{n}` is not accepted; give the number of the row that holds the column names, as the spreadsheet shows it (1 for the first)"
                ))
            })
        })
        .transpose()?;
    let table = read_table(&args.file, args.sheet.as_deref(), &args.matching)?;
    let journal = ctx.open(Access::ReadOnly)?;
    if let Some(damage) = journal.damage() {
        return Err(Error::Failed(format!(
            "the journal is damaged ({damage}); nothing can be imported into it. Run `caseload verify`"
        )));
    }
    let plan = crate::import::plan(&table, &request, journal.state(), journal.records())
        .map_err(invalid)?;
    drop(journal);
    write_plan(&plan, &config.date_format, !args.apply)?;
    let refused = plan.refused();
    if refused > 0 {
        return Err(Error::invalid(format!(
            "{refused} {} refused; nothing was written. Correct them in the file (or map other columns) and run the import again",
            if refused == 1 {
                format!("{} is", plan.unit)
            } else {
                format!("{}s are", plan.unit)
            }
        )));
    }
    if plan.records() == 0 {
        crate::output::line("nothing to import: nothing was written")?;
        return Ok(());
    }
    if !args.apply {
        crate::output::line(format_args!(
            "This was a dry run: nothing was written. Add --apply to import {}.",
            if plan.records() == 1 {
                "this record".to_string()
            } else {
                format!("these {} records", plan.records())
            }
        ))?;
        return Ok(());
    }
    apply(ctx, &table, &request)
}

/// Plans again under the lock, against the journal as it is then, and writes every record
/// or none (`import::apply`, as the UI does).
fn apply(ctx: &Context, table: &Table, request: &Request) -> Result<()> {
    let mut journal = ctx.open(Access::ReadWrite)?;
    let applied = crate::import::apply(&mut journal, table, request).map_err(|e| match e {
        AppendError::Refused(refusal) => Error::invalid(format!(
            "nothing was written: {}",
            crate::domain::dates::show_dates(&refusal.to_string(), &request.date_format)
        )),
        other => Error::from(other),
    })?;
    for notice in journal.take_notices() {
        crate::output::warn(format_args!("note: {notice}"));
    }
    crate::output::line(format_args!(
        "imported {} from {}{}. Each carries where it came from; `caseload verify` and every report say they were imported",
        applied.records(),
        table.file,
        applied.skipped()
    ))?;
    Ok(())
}
