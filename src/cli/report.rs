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
    if args.purpose == report::Purpose::Share {
        return super::share::run(ctx, args);
    }
    let format = args.format.unwrap_or(report::Format::Md);
    let period = period_of(ctx, args.purpose, args)?;
    // Where it goes is checked before anything is computed, so a refusal is immediate.
    let output = args.output.as_deref().map(crate::output::resolve);
    refuse_existing(output.as_deref(), args.force)?;
    match &output {
        Some(_) => {}
        None if format == report::Format::Pdf && std::io::stdout().is_terminal() => {
            return Err(Error::invalid(format!(
                "a PDF is not for showing on a terminal; write it to a file with -o, e.g. `-o {}-report.pdf`, or redirect it (> report.pdf)",
                args.purpose
            )));
        }
        None => {}
    }
    let mut config = ctx.config()?;
    for (flag, key, value) in [
        ("--name", "name", &args.name),
        ("--role", "role", &args.role),
        ("--manager", "manager", &args.manager),
        ("--employer", "employer", &args.employer),
        ("--outcome", "outcome", &args.outcome),
    ] {
        if let Some(text) = value {
            let checked = crate::config::check_person_field(key, text)
                .map_err(|e| Error::invalid(format!("{flag}: {e}")))?;
            config.person.set_letter_field(key, checked);
        }
    }
    if args.outcome.is_some() && args.purpose != report::Purpose::Grievance {
        return Err(Error::invalid(format!(
            "--outcome is for a grievance (--purpose grievance), not a {}",
            args.purpose
        )));
    }
    let reveal_refs =
        args.reveal_refs || (!args.pseudonyms && args.purpose.reveals_refs_by_default(format));
    let journal = ctx.open(Access::ReadOnly)?;
    if let Some(damage) = journal.damage() {
        crate::output::warn(format_args!(
            "warning: the journal is damaged ({damage}); this report covers only the {} before line {} and says so",
            super::verify::count_records(journal.records().len()),
            journal.records().len() + 1
        ));
    }
    let model = report::analyse(&journal_inputs(
        ctx,
        &journal,
        &config,
        period,
        args.purpose,
        reveal_refs,
    )?);
    if args.from.is_some() && model.period.from > period.from {
        let shown = |d: chrono::NaiveDate| d.format(&config.date_format).to_string();
        crate::output::warn(format_args!(
            "note: the records begin on {}, so the period starts there, not on {} as --from asked: nothing before the log's first record is counted (imported or copied-in hours, notes, leave, deadlines and closures move that day back; cases' allocation dates do not)",
            shown(model.period.from),
            shown(period.from)
        ));
    }
    let text = report::render(&model, format, &config.date_format);
    match &output {
        Some(path) => {
            crate::output::write_file(path, &text, args.force)?;
            crate::output::warn(format_args!("wrote {}", path.display()));
        }
        None => crate::output::to_stdout(&text)?,
    }
    Ok(())
}

/// `--from` and `--to` read as dates (relative to `--today`), and the period they make for
/// `purpose` (its own default when they are left out).
pub(super) fn period_of(
    ctx: &Context,
    purpose: report::Purpose,
    args: &ReportArgs,
) -> Result<Period> {
    let date = |flag: &str, text: &Option<String>| {
        text.as_deref()
            .map(|t| parse_date(t, ctx.today).map_err(|e| Error::invalid(format!("{flag}: {e}"))))
            .transpose()
    };
    Period::for_purpose(
        purpose,
        date("--from", &args.from)?,
        date("--to", &args.to)?,
        ctx.today,
    )
    .map_err(Error::Invalid)
}

/// Refuses a destination that cannot be written (`check_target`) or a file that is already
/// there unless `--force` says to replace it: checked before anything is computed, so the
/// refusal is immediate (the write itself refuses too).
pub(super) fn refuse_existing(output: Option<&std::path::Path>, force: bool) -> Result<()> {
    match output {
        Some(path)
            if crate::output::check_target(path)? == crate::output::Target::ExistingFile
                && !force =>
        {
            Err(crate::output::OutputError::Exists(path.to_path_buf()).into())
        }
        _ => Ok(()),
    }
}

/// What the analysis reads from the journal for `period`, generated now (to the second). A
/// period that starts before the journal's records can say anything is refused.
pub(super) fn journal_inputs<'a>(
    ctx: &Context,
    journal: &'a crate::journal::Journal,
    config: &'a crate::config::Config,
    period: Period,
    purpose: report::Purpose,
    reveal_refs: bool,
) -> Result<Inputs<'a>> {
    period
        .check_records_begin(report::records_begin(
            journal.state(),
            journal.records(),
            ctx.today,
        ))
        .map_err(Error::Invalid)?;
    let now = Local::now().fixed_offset();
    Ok(Inputs::for_journal(
        journal,
        config,
        Request {
            period,
            purpose,
            reveal_refs,
            today: ctx.today,
            generated_at: now.with_nanosecond(0).unwrap_or(now),
        },
    ))
}

/// `caseload verify --document FILE`: makes the document again from the journal as it was
/// when the document was made (its first `seq` records, whose last must still hash to the
/// document's head) with the options it records, and compares the bytes.
pub fn verify_document(ctx: &Context, typed: &std::path::Path) -> Result<()> {
    let file = &crate::output::resolve(typed);
    use crate::report::provenance::{
        MADE_BY, MadeFrom, first_difference, format_of, settings_fingerprint,
    };
    let shown = file.display();
    let bytes = std::fs::read(file).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::invalid(format!(
            "--document: {shown} does not exist; give the path of a document caseload wrote"
        )),
        _ => Error::Failed(format!("cannot read {shown}: {e}")),
    })?;
    let format = format_of(&bytes);
    // A calendar folds long lines (RFC 5545): unfold before reading the line back.
    let unfolded;
    let searched = if format == report::Format::Ics {
        unfolded = String::from_utf8_lossy(&bytes)
            .replace("\r\n ", "")
            .replace("\r\n\t", "");
        unfolded.as_bytes()
    } else {
        &bytes
    };
    let made = MadeFrom::find_in(searched)
        .map_err(|why| Error::Failed(format!("{shown} cannot be checked: {why}")))?;
    if made.by != MADE_BY {
        return Err(Error::Failed(format!(
            "{shown} was made by {}, and this is {MADE_BY}, which may word documents differently: check it with {} itself",
            made.by, made.by
        )));
    }
    if !made.carries_letter() && format != report::Format::Txt {
        return Err(Error::Failed(format!(
            "{shown} cannot be checked: it holds a plain text's short `caseload-document v2` line, but it is not plain text ({format}); caseload writes that line only as a plain text's last line"
        )));
    }
    let config = ctx.config()?;
    let settings = settings_fingerprint(&config);
    // A plain text gives the fingerprint's first 8 digits.
    if !settings.starts_with(&made.settings) {
        return Err(Error::Failed(format!(
            "{shown} was made with other settings: its settings fingerprint is {}, but the settings in use ({}) give {settings}; run this again with --config naming the configuration file it was made with",
            made.settings,
            config_name(&config)
        )));
    }
    let mut journal = crate::journal::Journal::open(&ctx.data_dir, Access::ReadOnly)?;
    if let Some(damage) = journal.damage() {
        return Err(Error::Failed(format!(
            "the journal is damaged ({damage}); run `caseload verify` first"
        )));
    }
    let receipt = receipt_named(&mut journal, &made, &shown)?;
    let prefix = &journal.records()[..made.seq as usize];
    let state = crate::domain::replay::replay(prefix);
    let purpose: crate::report::Purpose = made.purpose.parse().map_err(Error::Failed)?;
    let config = made.letter_config(&config);
    let model = report::analyse(&Inputs {
        state: &state,
        records: prefix,
        config: &config,
        head: &receipt.head,
        chain_ok: true,
        today: made.today,
        period: Period {
            from: made.from,
            to: made.to,
        },
        purpose,
        reveal_refs: made.refs == "shown",
        generated_at: made.prepared,
        receipt: Some(receipt.to_string()),
    });
    // A plain text that ends with a full v1 line was written before the short line.
    let again = if format == report::Format::Txt && made.carries_letter() {
        report::plain_text_v1(&model, &config.date_format).into_bytes()
    } else {
        report::render(&model, format, &config.date_format)
    };
    if again == bytes {
        return ok_document(&shown, &made, format);
    }
    Err(Error::Failed(format!(
        "{shown} has been altered since caseload made it from records 1 to {} of this journal: the first difference is {}{}",
        made.seq,
        first_difference(format, &bytes, &again),
        letter_not_carried(&made, &config)
    )))
}

/// The receipt of the record the document's line names, as its line is on disk now: refused
/// when the journal has fewer records, or when that record no longer hashes to the line's
/// head (saying the line was edited when the head is another record's).
fn receipt_named(
    journal: &mut crate::journal::Journal,
    made: &crate::report::provenance::MadeFrom,
    shown: &std::path::Display<'_>,
) -> Result<crate::journal::Receipt> {
    let records = journal.records().len() as u64;
    let receipt = journal.receipt_at(made.seq)?.ok_or_else(|| {
        let what = format!("{shown}'s line of what it was made from");
        Error::Failed(super::verify::edited_line(journal, made, &what).unwrap_or_else(|| format!(
            "{shown} was made from {} records, but this journal has only {records}: records were removed since, or it is another journal (give its folder with --data-dir)",
            made.seq
        )))
    })?;
    // A plain-text document gives the head shortened to 16 digits.
    if !(receipt.head == made.head || made.head.len() >= 16 && receipt.head.starts_with(&made.head))
    {
        let what = format!("{shown}'s line of what it was made from");
        return Err(Error::Failed(
            super::verify::edited_line(journal, made, &what).unwrap_or_else(|| format!(
                "{shown} does not match this journal: record {} now hashes to {}, not to the document's {}, and no other record here hashes to it. Either the document's line was edited, or the journal has changed since {shown} was made, or it is another journal (give its folder with --data-dir)",
                made.seq, receipt.head, made.head
            )),
        ));
    }
    Ok(receipt)
}

/// A plain text does not carry the letter's details, so a difference may be only that the
/// configuration in use names someone else: say so, and which configuration it was.
fn letter_not_carried(
    made: &crate::report::provenance::MadeFrom,
    config: &crate::config::Config,
) -> String {
    if made.carries_letter() {
        return String::new();
    }
    format!(
        ". A plain-text document does not carry the letter's details (name, role, manager, employer, outcome): they were taken from the configuration in use ({}); if it was made with others (or with --name, --manager… for that report), give a configuration that has them with --config",
        config_name(config)
    )
}

fn config_name(config: &crate::config::Config) -> String {
    config.source.as_ref().map_or_else(
        || "the built-in defaults".to_string(),
        |p| p.display().to_string(),
    )
}

fn ok_document(
    shown: &std::path::Display<'_>,
    made: &crate::report::provenance::MadeFrom,
    format: report::Format,
) -> Result<()> {
    Ok(crate::output::line(format_args!(
        "ok: {shown} is exactly the {} document ({format}) caseload made on {} from records 1 to {} of this journal (head {}); nothing in it has changed",
        made.purpose,
        made.prepared.date_naive(),
        made.seq,
        made.head
    ))?)
}
