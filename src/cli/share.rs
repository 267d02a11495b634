//! `caseload report --purpose share`: the figures a union rep combines with `caseload team`
//! (`caseload.share/1`, docs/SHARE.md), written as JSON, with a summary of exactly what is in
//! it on standard error.

use super::Context;
use super::args::ReportArgs;
use crate::error::{Error, Result};
use crate::journal::Access;
use crate::report::share::{self, ShareId};
use crate::report::{self, Format, Purpose};
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
    let period = super::report::period_of(ctx, Purpose::Share, args)?;
    let output = args.output.as_deref().map(crate::output::resolve);
    super::report::refuse_existing(output.as_deref(), args.force)?;
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
    // The share is the grievance summary's figures; the model is never written whole.
    let inputs =
        super::report::journal_inputs(ctx, &journal, &config, period, Purpose::Grievance, false)?;
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
