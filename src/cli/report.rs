//! `caseload report`: the evidence, computed once and written in the chosen format.

use super::Context;
use super::args::ReportArgs;
use crate::domain::parse_date;
use crate::error::{Error, Result};
use crate::journal::Access;
use crate::report::{self, Inputs, Period, Request};
use chrono::{Local, Timelike};
use std::io::IsTerminal;

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
    // Where it goes is checked before anything is computed, so a refusal is immediate.
    let output = args.output.as_deref().map(crate::output::resolve);
    match &output {
        Some(path)
            if crate::output::check_target(path)? == crate::output::Target::ExistingFile
                && !args.force =>
        {
            return Err(crate::output::OutputError::Exists(path.clone()).into());
        }
        Some(_) => {}
        None if args.format == report::Format::Pdf && std::io::stdout().is_terminal() => {
            return Err(Error::invalid(format!(
                "a PDF is not for showing on a terminal; write it to a file with -o, e.g. `-o {}-report.pdf`, or redirect it (> report.pdf)",
                args.purpose
            )));
        }
        None => {}
    }
    let config = ctx.config()?;
    let journal = ctx.open(Access::ReadOnly)?;
    if let Some(damage) = journal.damage() {
        crate::output::warn(format_args!(
            "warning: the journal is damaged ({damage}); this report covers only the {} records before that line and says so",
            journal.records().len()
        ));
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
    match &output {
        Some(path) => {
            crate::output::write_file(path, &text, args.force)?;
            crate::output::warn(format_args!("wrote {}", path.display()));
        }
        None => crate::output::to_stdout(&text)?,
    }
    Ok(())
}
