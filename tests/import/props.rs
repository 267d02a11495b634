//! The importer goes through the command line's own checks, never weaker ones: any row it
//! accepts, given to the command line with the same values (`case add`, `case close`,
//! `deadline add`, `deadline done`, `leave add`, `hours add`), is accepted and written as the
//! same record.

use super::common::{Sandbox, TODAY};
use caseload::domain::Event;
use caseload::domain::dates::format_date;
use caseload::import::{Outcome, Request, Target, plan, read::read_csv};
use proptest::prelude::*;
use serde_json::Value;

fn config() -> caseload::config::Config {
    let s = Sandbox::new();
    caseload::config::Config::load(&s.config(), true).unwrap()
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

fn csv(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).unwrap();
    for row in rows {
        w.write_record(row).unwrap();
    }
    w.into_inner().unwrap()
}

/// The command line arguments that make `event` (the record the importer made).
fn cli_args(event: &Event) -> Vec<String> {
    let iso = |d: chrono::NaiveDate| format_date(d, "%Y-%m-%d");
    // Options as --flag=value and positionals after `--`, so that a value starting with a
    // dash is a value.
    let mut args: Vec<String> = Vec::new();
    let mut positional: Option<String> = None;
    let flag = |args: &mut Vec<String>, name: &str, v: Option<String>| {
        if let Some(v) = v {
            args.push(format!("{name}={v}"));
        }
    };
    match event {
        Event::CaseAllocated(c) => {
            args.extend(["case".into(), "add".into()]);
            positional = Some(c.reference.clone());
            flag(&mut args, "--kind", Some(c.kind.clone()));
            flag(&mut args, "--on", Some(iso(c.allocated_on)));
            flag(&mut args, "--by", c.allocated_by.clone());
            if !c.discussed {
                args.push("--undiscussed".into());
            }
            flag(&mut args, "--weight", c.weight.map(|w| w.to_string()));
            flag(&mut args, "--note", c.note.clone());
        }
        Event::CaseClosed(c) => {
            args.extend(["case".into(), "close".into()]);
            positional = Some(c.reference.clone());
            flag(&mut args, "--on", Some(iso(c.on)));
            flag(&mut args, "--outcome", c.outcome.clone());
        }
        Event::DeadlineSet(d) => {
            args.extend(["deadline".into(), "add".into()]);
            flag(&mut args, "--due", Some(iso(d.due)));
            flag(&mut args, "--what", Some(d.what.clone()));
            flag(&mut args, "--case", d.case.clone());
        }
        Event::DeadlineMet(m) => {
            args.extend(["deadline".into(), "done".into()]);
            positional = Some(m.deadline.to_string());
            flag(&mut args, "--on", Some(iso(m.on)));
        }
        Event::LeaveAdded(l) => {
            args.extend(["leave".into(), "add".into()]);
            positional = Some(l.kind.key().into());
            flag(&mut args, "--from", Some(iso(l.from)));
            flag(&mut args, "--to", Some(iso(l.to)));
            flag(&mut args, "--note", l.note.clone());
        }
        Event::HoursLogged(h) => {
            args.extend(["hours".into(), "add".into()]);
            flag(&mut args, "--on", Some(iso(h.date)));
            flag(&mut args, "--start", h.start.map(|t| t.to_string()));
            flag(&mut args, "--end", h.end.map(|t| t.to_string()));
            flag(&mut args, "--break", h.break_minutes.map(|m| m.to_string()));
            flag(&mut args, "--hours", h.hours.map(|x| x.to_string()));
            flag(&mut args, "--note", h.note.clone());
        }
        other => panic!("the importer made {other:?}"),
    }
    if let Some(p) = positional {
        args.push("--".into());
        args.push(p);
    }
    args
}

/// A record's fields as the journal holds them, without where it was imported from.
fn fields(mut line: Value) -> Value {
    let object = line.as_object_mut().unwrap();
    for key in ["seq", "at", "prev", "imported"] {
        object.remove(key);
    }
    line
}

/// Plans `rows` against an empty journal, then writes every accepted record through the
/// command line: each must be accepted and written as the importer would have written it.
fn cli_accepts_what_the_importer_accepts(
    target: Target,
    header: &[&str],
    rows: &[Vec<String>],
    prepare: &[&[&str]],
) -> Result<usize, TestCaseError> {
    let s = Sandbox::new();
    for args in prepare {
        s.ok(args);
    }
    let journal =
        caseload::journal::Journal::open(&s.data(), caseload::journal::Access::ReadOnly).unwrap();
    let table = read_csv("rows.csv", &csv(header, rows)).unwrap();
    let request = Request::new(target, &[], &[], None, today(), &config()).unwrap();
    let planned = plan(&table, &request, journal.state(), journal.records()).unwrap();
    let before = journal.records().len();
    drop(journal);
    let mut written = Vec::new();
    let mut accepted = 0;
    for p in &planned.rows {
        let Outcome::New(events) = &p.outcome else {
            continue;
        };
        accepted += 1;
        for event in events {
            let args = cli_args(event);
            let out = s.cmd().args(&args).output().unwrap();
            prop_assert!(
                out.status.success(),
                "the importer accepted row {} as {event:?}, the command line refused {args:?}: {}",
                p.row,
                String::from_utf8_lossy(&out.stderr)
            );
            written.push(serde_json::to_value(event).unwrap());
        }
    }
    let lines: Vec<Value> = s.lines()[before..]
        .iter()
        .map(|l| fields(serde_json::from_str(l).unwrap()))
        .collect();
    let expected: Vec<Value> = written.into_iter().map(fields).collect();
    prop_assert_eq!(lines, expected);
    if std::env::var_os("IMPORT_PROPS_COUNT").is_some() {
        eprintln!("{target:?}: {accepted} of {} rows accepted", rows.len());
    }
    Ok(accepted)
}

fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (1u32..29, 1u32..13, 2025i32..2027).prop_map(|(d, m, y)| format!("{d:02}/{m:02}/{y}")),
        2 => (1u32..32, 1u32..13).prop_map(|(d, m)| format!("{d}/{m}/25")),
        2 => (45600u32..46300).prop_map(|n| n.to_string()),
        2 => (1u32..29, prop::sample::select(vec!["Jan", "Mar", "Oct", "November"])).prop_map(|(d, m)| format!("{d} {m} 2025")),
        1 => Just("2026-11-20".to_string()),
        1 => Just("31/02/2026".to_string()),
        1 => Just("yesterday".to_string()),
        1 => Just("soon".to_string()),
        1 => Just(String::new()),
    ]
}

/// Mostly empty: a closing or a date met that is there only now and then.
fn sometimes_date() -> impl Strategy<Value = String> {
    prop_oneof![3 => Just(String::new()), 1 => date_text()]
}

fn pick(items: &[&'static str], weights: &[u32]) -> impl Strategy<Value = String> + use<> {
    let choices: Vec<(u32, String)> = weights
        .iter()
        .copied()
        .zip(items.iter().map(std::string::ToString::to_string))
        .collect();
    prop::sample::select(
        choices
            .into_iter()
            .flat_map(|(w, s)| std::iter::repeat_n(s, w as usize))
            .collect::<Vec<_>>(),
    )
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z][a-zA-Z ,.'-]{0,30}",
        1 => Just(String::new()),
        1 => "[ -~]{0,12}",
        1 => Just("tab\there".to_string()),
    ]
}

fn reference() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "FD2[0-9]P[0-9]{5}",
        1 => "[A-Z]{1,3}-[0-9]{1,3}",
        1 => "[A-Z][a-z]{2,6} [A-Z][a-z]{2,6}",
        1 => "[ -~]{0,44}",
        1 => Just("fd26p00001".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(16), .. ProptestConfig::default() })]

    #[test]
    fn cases(rows in prop::collection::vec(
        (reference(), pick(&["s7", "S7", "Section 7 report", "r16-4", "wtfh", "kind"], &[3, 1, 2, 1, 1, 1]), date_text(), text(),
         pick(&["yes", "no", "", "N", "maybe"], &[2, 2, 3, 1, 1]), pick(&["", "2.5", "0", "101", "x"], &[6, 2, 1, 1, 1]), text(), sometimes_date(), text()),
        1..6,
    )) {
        let rows: Vec<Vec<String>> = rows.into_iter().map(|(r, k, on, by, disc, w, note, closed, outcome)| {
            vec![r, k, on, by, disc, w, note, closed, outcome]
        }).collect();
        cli_accepts_what_the_importer_accepts(Target::Cases, &["Case number", "Type", "Date allocated", "Allocated by", "Discussed", "Weight", "Notes", "Closed", "Outcome"], &rows, &[])?;
    }

    #[test]
    fn deadlines(rows in prop::collection::vec(
        (pick(&["", "FD26P00001", "fd26p00001", "FD26P00002", "FD9"], &[2, 2, 1, 2, 1]), text(), date_text(), sometimes_date()),
        1..6,
    )) {
        let rows: Vec<Vec<String>> = rows.into_iter().map(|(c, w, due, met)| vec![c, w, due, met]).collect();
        let prepare: &[&[&str]] = &[
            &["case", "add", "FD26P00001", "--kind", "s7", "--on", "2025-06-01"],
            &["case", "add", "FD26P00002", "--kind", "s7", "--on", "2025-06-02"],
        ];
        cli_accepts_what_the_importer_accepts(Target::Deadlines, &["Case", "Task", "Due", "Met"], &rows, prepare)?;
    }

    #[test]
    fn leave(rows in prop::collection::vec(
        (prop::sample::select(vec!["annual", "Sick", "TOIL", "Training", "maternity", "holiday", "lunch"]), date_text(), date_text(), text()),
        1..6,
    )) {
        let rows: Vec<Vec<String>> = rows.into_iter().map(|(k, from, to, note)| vec![k.into(), from, to, note]).collect();
        cli_accepts_what_the_importer_accepts(Target::Leave, &["Type", "From", "To", "Notes"], &rows, &[])?;
    }

    #[test]
    fn hours(rows in prop::collection::vec(
        (date_text(), prop::sample::select(vec!["", "08:30", "9:00", "17.30", "25:00", "20:00"]), prop::sample::select(vec!["", "17:00", "18:15", "08:00", "22:30"]),
         prop::sample::select(vec!["", "0", "30", "45 mins", "0:20", "600"]), prop::sample::select(vec!["", "7.5", "7:30", "30", "2"]), text()),
        1..6,
    )) {
        let rows: Vec<Vec<String>> = rows.into_iter().map(|(d, s, e, b, h, n)| vec![d, s.into(), e.into(), b.into(), h.into(), n]).collect();
        cli_accepts_what_the_importer_accepts(Target::Hours, &["Date", "Start", "Finish", "Break", "Hours", "Notes"], &rows, &[])?;
    }
}
