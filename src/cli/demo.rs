//! `caseload demo`: the UI on a generated sample journal in a temporary folder, or with
//! `--generate DIR` a sample journal and config written to DIR for benchmarks and trials.

use super::Context;
use super::args::DemoArgs;
use crate::config::{Config, preset};
use crate::demo::{DEMO_PRESET, Intensity, PRACTICES, generate_for, practice};
use crate::error::{Error, Result};
use crate::journal::{Journal, create_private_dir, write_private_file};
use chrono::{Local, NaiveTime, Timelike};
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
        Some(s) => s
            .trim()
            .parse::<u64>()
            .map_err(|_| Error::invalid(format!("--seed: `{s}` is not a whole number")))?,
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
    // The sample's "now": the evening of --today, so that a seed always gives the same
    // journal; for the interactive demo on the real today, the real time.
    let real = Local::now().fixed_offset();
    let now = if real.date_naive() == ctx.today && args.generate.is_none() {
        real.with_nanosecond(0).unwrap_or(real)
    } else {
        ctx.today
            .and_time(NaiveTime::from_hms_opt(18, 0, 0).expect("valid"))
            .and_local_timezone(*real.offset())
            .single()
            .unwrap_or(real)
    };
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
        let tmp = tempfile::Builder::new()
            .prefix("caseload-demo-")
            .tempdir()
            .map_err(|e| {
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
