//! A document made from a damaged journal: its figures are those of the trusted records as of
//! the day the last of them was written, and every format opens with the warning.

use crate::common::{Sandbox, TODAY};
use caseload::config::Config;
use caseload::journal::{Access, Journal};
use caseload::report::{self, Format, Inputs, Period, Purpose, Report, Request};
use chrono::{DateTime, NaiveDate};
use std::path::Path;

/// A demo journal, the same journal with its chain broken between line `line` and the next
/// (one byte changed), and the clean journal cut just before `line`.
struct Journals {
    sandbox: Sandbox,
    line: usize,
}

impl Journals {
    fn new() -> Journals {
        let sandbox = Sandbox::new();
        let demo = sandbox.dir.path().join("demo");
        sandbox.ok(&[
            "demo",
            "--generate",
            demo.to_str().unwrap(),
            "--seed",
            "1",
            "--years",
            "1",
        ]);
        let text = std::fs::read_to_string(demo.join("journal.jsonl")).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let line = lines.len() * 2 / 3;
        let edited: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == line {
                    // One byte of the hash the next line says comes before it: the journal
                    // cannot tell which of the two was edited, so it trusts neither.
                    let at = l.find("\"prev\":\"").unwrap() + 8;
                    let flipped = if &l[at..=at] == "0" { "1" } else { "0" };
                    format!("{}{flipped}{}", &l[..at], &l[at + 1..])
                } else {
                    (*l).to_string()
                }
            })
            .collect();
        for (name, body) in [
            ("damaged", edited.join("\n") + "\n"),
            ("cut", lines[..line - 1].join("\n") + "\n"),
        ] {
            let dir = sandbox.dir.path().join(name);
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("journal.jsonl"), body).unwrap();
            std::fs::copy(demo.join("config.toml"), dir.join("config.toml")).unwrap();
        }
        Journals { sandbox, line }
    }

    fn dir(&self, name: &str) -> std::path::PathBuf {
        self.sandbox.dir.path().join(name)
    }
}

fn config(dir: &Path) -> Config {
    let text = std::fs::read_to_string(dir.join("config.toml")).unwrap();
    Config::from_toml_text(Some(&text), None).unwrap()
}

fn analyse(dir: &Path, period: Period, today: NaiveDate) -> Report {
    let journal = Journal::open(dir, Access::ReadOnly).unwrap();
    let config = config(dir);
    report::analyse(&Inputs::for_journal(
        &journal,
        &config,
        Request {
            period,
            purpose: Purpose::Grievance,
            reveal_refs: false,
            today,
            generated_at: DateTime::parse_from_rfc3339("2026-11-22T12:00:00+00:00").unwrap(),
        },
    ))
}

#[test]
fn a_damaged_journal_is_analysed_as_of_its_last_trusted_record() {
    let j = Journals::new();
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let damaged = Journal::open(&j.dir("damaged"), Access::ReadOnly).unwrap();
    assert!(damaged.damage().is_some(), "the edit breaks the chain");
    assert_eq!(damaged.records().len(), j.line - 1);
    let last = damaged.records().last().unwrap().at.date_naive();
    assert!(
        last < today - chrono::Days::new(60),
        "the cut is well before today"
    );

    let asked = Period::resolve(None, None, today).unwrap();
    let model = analyse(&j.dir("damaged"), asked, today);
    assert_eq!(
        model.period.to, last,
        "the period ends on the last trusted day"
    );
    assert_eq!(model.made_from.today, last, "that day is taken as today");
    let damage = model.integrity.damaged.as_ref().unwrap();
    assert_eq!(damage.line, j.line as u64);
    assert_eq!(damage.records, j.line as u64 - 1);
    assert_eq!(damage.written_up_to, Some(last));

    // The clean journal cut at the same record, asked as of that day, gives the same figures.
    let clean = analyse(
        &j.dir("cut"),
        Period {
            from: asked.from,
            to: last,
        },
        last,
    );
    assert!(clean.integrity.damaged.is_none());
    assert_eq!(model.period, clean.period);
    assert_eq!(model.deadlines.outcomes, clean.deadlines.outcomes);
    assert_eq!(model.hours.days_unlogged, clean.hours.days_unlogged);
    assert_eq!(model.caseload, clean.caseload);
    assert_eq!(
        model.allocations_during_leave,
        clean.allocations_during_leave
    );
    // And the journal as a whole, unbroken, would be read up to today.
    let whole = analyse(&j.sandbox.dir.path().join("demo"), asked, today);
    assert_eq!(whole.period.to, today);
    assert!(whole.integrity.damaged.is_none());
}

#[test]
fn every_document_from_a_damaged_journal_opens_with_the_warning() {
    let j = Journals::new();
    let dir = j.dir("damaged");
    let (dir_s, config_s) = (
        dir.to_str().unwrap().to_string(),
        dir.join("config.toml").to_str().unwrap().to_string(),
    );
    let warning = format!("WARNING: THE JOURNAL IS DAMAGED at line {}.", j.line);
    let covers = format!("covers only the {} records before that line", j.line - 1);
    for purpose in Purpose::ALL {
        for format in ["md", "txt", "html"] {
            let out = j.sandbox.ok(&[
                "--data-dir",
                &dir_s,
                "--config",
                &config_s,
                "report",
                "--purpose",
                purpose.key(),
                "--format",
                format,
            ]);
            let first = match format {
                "html" => out.split("<body>\n").nth(1).unwrap().to_string(),
                _ => out.clone(),
            };
            let first = first
                .trim_start_matches("> **")
                .trim_start_matches("<p class=\"warning\" role=\"alert\"><strong>");
            assert!(
                first.starts_with(&warning),
                "{purpose} {format}: {first:.300}"
            );
            let block: &str = first.split("\n\n").next().unwrap();
            assert!(block.contains(&covers), "{purpose} {format}: {block}");
            assert!(block.contains("written up to "), "{block}");
            assert!(
                block.contains("caseload") && block.contains("verify"),
                "{block}"
            );
            assert!(block.contains("backup"), "{block}");
        }
    }
    // The PDF: its warning is laid out first, in bold (report::pdf's layout tests), and
    // the file is still a whole PDF.
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let model = analyse(&dir, Period::resolve(None, None, today).unwrap(), today);
    let pdf = report::render(&model, Format::Pdf, "%d %b %Y");
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn a_document_from_an_intact_journal_has_no_warning() {
    let j = Journals::new();
    let dir = j.dir("cut");
    let out = j.sandbox.ok(&[
        "--data-dir",
        dir.to_str().unwrap(),
        "--config",
        dir.join("config.toml").to_str().unwrap(),
        "report",
        "--purpose",
        "grievance",
    ]);
    assert!(out.starts_with("# Formal grievance"), "{out:.200}");
    assert!(!out.contains("DAMAGED"));
}
