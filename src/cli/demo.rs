//! `caseload demo`: the UI on a generated sample journal in a temporary folder, or with
//! `--generate DIR` a sample journal and config written to DIR for benchmarks and trials.

use super::Context;
use super::args::DemoArgs;
use crate::config::{Config, preset};
use crate::demo::{DEMO_PRESET, Intensity, PRACTICES, generate_for, practice, written_until};
use crate::error::{Error, Result};
use crate::journal::{Journal, create_private_dir, write_private_file};
use chrono::Local;
use std::path::Path;

/// About 18 months: long enough for four leave periods and a year's report.
const DEMO_DAYS: u64 = 540;

pub fn run(ctx: &Context, args: &DemoArgs) -> Result<()> {
    let name = args.preset.as_deref().map_or(DEMO_PRESET, str::trim);
    let practice = practice(name).ok_or_else(|| {
        let names: Vec<&str> = PRACTICES.iter().map(|p| p.preset).collect();
        Error::invalid(format!(
            "--preset: `{name}` is not a preset; use {}",
            names.join(" or ")
        ))
    })?;
    let seed = match &args.seed {
        Some(s) => s.trim().parse::<u64>().map_err(|_| {
            Error::invalid(format!(
                "--seed: `{s}` is not accepted; give a whole number from 0 up, e.g. 7"
            ))
        })?,
        None => 1,
    };
    let days = match &args.years {
        Some(y) => {
            let years = y
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|y| (0.1..=200.0).contains(y))
                .ok_or_else(|| {
                    Error::invalid(format!(
                        "--years: `{y}` is not accepted; give a number of years from 0.1 to 200"
                    ))
                })?;
            (years * 365.25).round() as u64
        }
        None => DEMO_DAYS,
    };
    // The sample is written up to the evening of --today, or to now on the real today, so
    // that no record is later than the clock and a seed with a past --today always gives
    // the same journal.
    let real = Local::now().fixed_offset();
    let now = written_until(ctx.today, real);
    if now > real {
        crate::output::warn(format_args!(
            "note: --today {} is after today, so the sample's records are written up to {}, later than now; verify and the documents name them as out of time order until then",
            ctx.today,
            now.format("%H:%M on %d %b %Y")
        ));
    }
    // A generated journal for trials and benchmarks records every block of the day; the
    // interactive demo keeps to a lighter, easier-to-read log.
    let intensity = if args.generate.is_some() {
        Intensity::Full
    } else {
        Intensity::Demo
    };
    let records = generate_for(ctx.today, now, days, seed, intensity, practice);
    let config_text = preset(practice.preset).expect("every practice's preset ships");
    if let Some(dir) = args.generate.as_deref().map(crate::output::resolve) {
        write_sample(&dir, &records, config_text)?;
        crate::output::line(format_args!(
            "wrote {} records to {} and its config to {}",
            records.len(),
            dir.join("journal.jsonl").display(),
            dir.join("config.toml").display()
        ))?;
        crate::output::line(format_args!(
            "open it with: caseload --data-dir {} --config {}",
            dir.display(),
            dir.join("config.toml").display()
        ))?;
        Ok(())
    } else {
        let mut folder = tempfile::Builder::new();
        folder.prefix("caseload-demo-");
        // Private like any data folder: a demo that opened on "others can read the data
        // folder" would be teaching the user to ignore the warning.
        #[cfg(unix)]
        folder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
        let tmp = folder.tempdir().map_err(|e| {
            Error::Failed(format!(
                "cannot create a temporary folder for the demo: {e}"
            ))
        })?;
        let journal = write_sample(tmp.path(), &records, config_text)?;
        let config = Config::load(&tmp.path().join("config.toml"), true)?;
        if crate::tui::run_demo(journal, config, ctx.today)? {
            let kept = tmp.keep();
            crate::output::line(format_args!(
                "the demo's folder is kept: {} (its reports are in reports/)",
                kept.display()
            ))?;
        }
        Ok(())
    }
}

fn write_sample(
    dir: &Path,
    records: &[crate::domain::replay::Record],
    config_text: &str,
) -> Result<Journal> {
    if dir.join("journal.jsonl").exists() {
        return Err(Error::invalid(format!(
            "{} already holds a journal; choose an empty folder",
            dir.display()
        )));
    }
    create_private_dir(dir)?;
    write_private_file(&dir.join("config.toml"), config_text.as_bytes())?;
    Ok(Journal::create_sample(dir, records)?)
}
