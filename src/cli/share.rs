//! `caseload report --purpose share`: the figures a union rep combines with `caseload team`
//! (`caseload.share/1`, docs/SHARE.md), written as JSON, with a summary of exactly what is in
//! it on standard error.

use super::Context;
use super::args::ReportArgs;
use crate::domain::parse_date;
use crate::error::{Error, Result};
use crate::journal::Access;
use crate::report::share::{self, ShareId};
use crate::report::{self, Format, Inputs, Period, Purpose, Request};
use chrono::{Local, Timelike};
use std::io::Write;

pub fn run(ctx: &Context, args: &ReportArgs) -> Result<()> {
    if let Some(format) = args.format.filter(|f| *f != Format::Json) {
        return Err(Error::invalid(format!(
            "a share is JSON only (caseload.share/1, the file `caseload team` reads), not {format}; use --format json or leave --format out"
        )));
    }
    if args.reveal_refs {
        return Err(Error::invalid(
            "a share never holds case references or pseudonyms; leave out --reveal-refs",
        ));
    }
    let date = |flag: &str, text: &Option<String>| {
        text.as_deref()
            .map(|t| parse_date(t, ctx.today).map_err(|e| Error::invalid(format!("{flag}: {e}"))))
            .transpose()
    };
    let period = Period::for_purpose(
        Purpose::Share,
        date("--from", &args.from)?,
        date("--to", &args.to)?,
        ctx.today,
    )
    .map_err(Error::Invalid)?;
    let output = args.output.as_deref().map(crate::output::resolve);
    if let Some(path) = &output
        && crate::output::check_target(path)? == crate::output::Target::ExistingFile
        && !args.force
    {
        return Err(crate::output::OutputError::Exists(path.clone()).into());
    }
    let config = ctx.config()?;
    let journal = ctx.open(Access::ReadOnly)?;
    if let Some(damage) = journal.damage() {
        return Err(Error::Failed(format!(
            "the journal is damaged ({damage}); a share is made only from an intact journal, so that its figures are the whole record: run `caseload verify`"
        )));
    }
    if journal.records().is_empty() {
        return Err(Error::invalid(
            "the journal has no records yet; a share of nothing would count in the team's figures as a member with no work",
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
    let inputs = Inputs::for_journal(
        &journal,
        &config,
        Request {
            period,
            // The share is the grievance summary's figures; the model is never written whole.
            purpose: Purpose::Grievance,
            reveal_refs: false,
            today: ctx.today,
            generated_at: now.with_nanosecond(0).unwrap_or(now),
        },
    );
    let model = report::analyse(&inputs);
    let id = ShareId::random().map_err(Error::Failed)?;
    let made = share::build(&inputs, &model, &id);
    let text = share::to_json(&made);
    if let Some(path) = &output {
        crate::output::write_file(path, text.as_bytes(), args.force)?;
        for line in share::summary(&made) {
            crate::output::line(line)?;
        }
        crate::output::line(format_args!(
            "Wrote {}: read it (it is plain JSON), then send it to your union rep.",
            path.display()
        ))?;
    } else {
        crate::output::to_stdout(text.as_bytes())?;
        // The file's bytes go to standard output; what they hold, to the person.
        let mut err = std::io::stderr().lock();
        for line in share::summary(&made) {
            let _ = writeln!(err, "{line}");
        }
    }
    Ok(())
}
