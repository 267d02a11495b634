//! `caseload report`: the evidence, computed once and written in the chosen format.

use super::Context;
use super::args::ReportArgs;
use crate::domain::parse_date;
use crate::error::{Error, Result};
use crate::journal::{Access, write_private_file};
use crate::report::{self, Inputs, Period, Request};
use chrono::{Local, Timelike};
use std::io::Write;

pub fn run(ctx: &Context, args: &ReportArgs) -> Result<()> {
    let date = |flag: &str, text: &Option<String>| {
        text.as_deref()
            .map(|t| parse_date(t, ctx.today).map_err(|e| Error::invalid(format!("{flag}: {e}"))))
            .transpose()
    };
    let period = Period::for_purpose(
        args.purpose,
        date("--from", &args.from)?,
        date("--to", &args.to)?,
        ctx.today,
    )
    .map_err(Error::Invalid)?;
    let config = ctx.config()?;
    let journal = ctx.open(Access::ReadOnly)?;
    if let Some(damage) = journal.damage() {
        eprintln!(
            "caseload: warning: the journal is damaged ({damage}); this report covers only the {} records before that line and says so",
            journal.records().len()
        );
    }
    period
        .check_records_begin(report::records_begin(
            journal.state(),
            journal.records(),
            ctx.today,
        ))
        .map_err(Error::Invalid)?;
    let now = Local::now().fixed_offset();
    let model = report::analyse(&Inputs::for_journal(
        &journal,
        &config,
        Request {
            period,
            purpose: args.purpose,
            reveal_refs: args.reveal_refs,
            today: ctx.today,
            generated_at: now.with_nanosecond(0).unwrap_or(now),
        },
    ));
    let text = report::render(&model, args.format, &config.date_format);
    match &args.output {
        Some(path) => {
            write_private_file(path, &text)?;
            eprintln!("caseload: wrote {}", path.display());
        }
        None => std::io::stdout()
            .lock()
            .write_all(&text)
            .map_err(super::io_failed)?,
    }
    Ok(())
}
