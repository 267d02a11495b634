//! `caseload team SHARE.json...`: reads the shares, refuses (or with `--skip-bad` sets aside)
//! each file that is not a good share, with one line naming it, and writes the team document
//! only when what is left is clean. No journal and no configuration is read.

use super::args::TeamArgs;
use crate::domain::parse_date;
use crate::error::{Error, Result};
use crate::report::Format;
use crate::team::{self, DEFAULT_MIN_MEMBERS, LEAST_MIN_MEMBERS, MAX_BYTES, Options, Source};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

pub fn run(today: Option<&str>, args: &TeamArgs) -> Result<()> {
    let real_today = chrono::Local::now().date_naive();
    let today = match today {
        Some(text) => {
            parse_date(text, real_today).map_err(|e| Error::invalid(format!("--today: {e}")))?
        }
        None => real_today,
    };
    if args.format == Format::Ics {
        return Err(Error::invalid(
            "a team document is md, html, pdf, csv or json; a calendar (ics) has nothing to show for a team",
        ));
    }
    let min_members = match &args.min_members {
        None => DEFAULT_MIN_MEMBERS,
        Some(text) => text
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|k| (LEAST_MIN_MEMBERS..=1_000_000).contains(k))
            .ok_or_else(|| {
                Error::invalid(format!(
                    "--min-members: `{text}` is not accepted; give a whole number of at least {LEAST_MIN_MEMBERS} (with fewer, a member could work out another's figure)"
                ))
            })?,
    };
    let date = |flag: &str, text: &Option<String>| {
        text.as_deref()
            .map(|t| parse_date(t, today).map_err(|e| Error::invalid(format!("{flag}: {e}"))))
            .transpose()
    };
    let (from, to) = (date("--from", &args.from)?, date("--to", &args.to)?);
    if let (Some(from), Some(to)) = (from, to)
        && to < from
    {
        return Err(Error::invalid(format!(
            "the period ends ({to}) before it starts ({from}); --to must be on or after --from"
        )));
    }
    let output = args.output.as_deref().map(crate::output::resolve);
    super::report::refuse_existing(output.as_deref(), args.force)?;
    match &output {
        Some(_) => {}
        None if args.format == Format::Pdf && std::io::stdout().is_terminal() => {
            return Err(Error::invalid(
                "a PDF is not for showing on a terminal; write it to a file with -o, e.g. `-o team.pdf`",
            ));
        }
        None => {}
    }
    let sources = sources(&args.shares)?;
    let given = sources.len();
    let gathered = team::gather(sources, &Options { from, to });
    let refused = gathered.refused.len();
    for r in &gathered.refused {
        let verb = if args.skip_bad { "set aside " } else { "" };
        crate::output::warn(format_args!("{verb}{}: {}", r.name, r.why));
    }
    if refused > 0 && !args.skip_bad {
        return Err(Error::invalid(format!(
            "{refused} of the {given} files given {} not taken, and nothing was written: remove or replace {}, or add --skip-bad to go on without {}",
            if refused == 1 { "was" } else { "were" },
            if refused == 1 { "it" } else { "them" },
            if refused == 1 { "it" } else { "them" },
        )));
    }
    let (Some(period), false) = (gathered.period, gathered.shares.is_empty()) else {
        return Err(Error::invalid(format!(
            "none of the {given} files given is a share that can be combined; nothing was written"
        )));
    };
    let model = team::combine(&gathered.shares, period, min_members, today);
    if model.members < min_members {
        crate::output::warn(format_args!(
            "warning: {}, fewer than the {min_members} members a figure needs: every figure in the document is withheld; collect shares from at least {min_members} members (or, for a small team, lower --min-members, not below 3)",
            crate::report::document::plural(model.members as u64, "share", "shares"),
        ));
    }
    let config = crate::config::Config::from_toml_text(None, None)?;
    let bytes = team::render(&model, args.format, &config.date_format)
        .expect("every format but ics, refused above");
    match &output {
        Some(path) => crate::output::write_file(path, &bytes, args.force)?,
        None => crate::output::to_stdout(&bytes)?,
    }
    crate::output::warn(format_args!(
        "combined {} from {} to {} (a figure needs at least {min_members} members){}{}",
        crate::report::document::plural(model.members as u64, "share", "shares"),
        model.period.first_week,
        model.period.last_week,
        if refused > 0 {
            format!("; {refused} set aside")
        } else {
            String::new()
        },
        output
            .as_ref()
            .map(|p| format!("; wrote {}", p.display()))
            .unwrap_or_default()
    ));
    Ok(())
}

/// The files named, a folder standing for the `.json` files in it (in name order), each read
/// up to just past the most a share can be.
fn sources(paths: &[PathBuf]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for typed in paths {
        let path = crate::output::resolve(typed);
        if path.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(&path)
                .map_err(|e| {
                    Error::Failed(format!("cannot read the folder {}: {e}", typed.display()))
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension()
                        .is_some_and(|x| x.eq_ignore_ascii_case("json"))
                        && p.is_file()
                })
                .collect();
            inside.sort();
            if inside.is_empty() {
                return Err(Error::invalid(format!(
                    "{} is a folder with no .json files in it; give share files or a folder of them",
                    typed.display()
                )));
            }
            out.extend(
                inside
                    .into_iter()
                    .map(|p| read(&p, &typed.join(p.file_name().unwrap_or_default()))),
            );
        } else {
            out.push(read(&path, typed));
        }
    }
    Ok(out)
}

fn read(path: &Path, shown: &Path) -> Source {
    let bytes = std::fs::File::open(path)
        .and_then(|file| {
            let mut bytes = Vec::new();
            file.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
            Ok(bytes)
        })
        .map_err(|e| format!("cannot be read: {e}"));
    Source {
        name: shown.display().to_string(),
        bytes,
    }
}
