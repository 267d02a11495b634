//! End-to-end tests of the other commands (list, void, verify, receipt, config, report, demo)
//! and of global options and help; output paths and standard output in `output.rs`.
use crate::common;
mod evidence;
mod letters;
mod output;
mod undo;
use common::Sandbox;
use common::cli::{json, refused, seeded};
use serde_json::Value;

#[test]
fn list_every_kind_as_table_and_json() {
    let s = seeded();
    s.ok(&[
        "leave",
        "add",
        "annual",
        "--from",
        "2026-12-21",
        "--to",
        "2026-12-24",
    ]);
    s.ok(&["hours", "add", "--hours", "7"]);
    s.ok(&["note", "add", "ok day"]);
    let table = s.ok(&["list", "cases"]);
    assert!(table.starts_with("REF  KIND  ALLOCATED"), "{table}");
    assert!(table.contains("02 Nov 2026  team manager  NO"), "{table}");
    for what in ["cases", "deadlines", "leave", "hours", "notes", "events"] {
        assert_eq!(
            json(&s, &["list", what, "--json"])
                .as_array()
                .unwrap()
                .len(),
            if what == "events" { 5 } else { 1 },
            "{what}"
        );
        assert!(!s.ok(&["list", what]).is_empty());
    }
    let events = json(&s, &["list", "events", "--json"]);
    assert_eq!(events[0]["type"], "case_allocated");
    assert_eq!(events[0]["seq"], 1);
    for (args, needle) in [
        (&["list", "leave", "--open"][..], "--open applies only"),
        (&["list", "people"], "invalid value 'people'"),
    ] {
        refused(&s, args, needle);
    }
    assert_eq!(Sandbox::new().ok(&["list", "cases"]), "(none)\n");
}

#[test]
fn void_withdraws_and_refuses() {
    let s = seeded();
    let out = s.ok(&["void", "2", "--reason", "entered twice"]);
    assert_eq!(out, "saved: record 2 withdrawn (record 3)\n");
    assert!(
        json(&s, &["list", "deadlines", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    let events = json(&s, &["list", "events", "--json"]);
    assert_eq!(events[1]["withdrawn"], true);
    assert_eq!(events[2]["target"], 2);
    for (args, needle) in [
        (&["void", "2", "--reason", "again"][..], "already withdrawn"),
        (
            &["void", "3", "--reason", "undo"],
            "withdrawals cannot be withdrawn",
        ),
        (&["void", "9", "--reason", "x"], "there is no record 9"),
        (&["void", "0", "--reason", "x"], "there is no record 0"),
        (&["void", "1", "--reason", " "], "the reason is empty"),
        (
            &["void", "1"],
            "required arguments were not provided: --reason <REASON>",
        ),
    ] {
        refused(&s, args, needle);
    }
}

/// Receipts v2 and verify's single verdict (SPEC 6): the first release printed v1 receipts,
/// "ok: ... chain intact" before a failing receipt check, and "ok: 0 records" for a journal
/// that was not there at all.
#[test]
fn verify_and_receipt() {
    let s = seeded();
    let receipt = s.ok(&["receipt"]);
    assert!(
        receipt.starts_with("caseload-receipt v2 seq=2 head="),
        "{receipt}"
    );
    let head = common::sha256_hex(s.lines()[1].as_bytes());
    assert!(receipt.contains(&format!("head={head} at=")), "{receipt}");
    assert!(
        receipt
            .trim_end()
            .rsplit_once(" check=")
            .is_some_and(|(_, c)| c.len() == 10)
    );
    s.ok(&["note", "add", "later"]);
    let out = s.ok(&["verify", "--receipt", receipt.trim()]);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("ok: the receipt for record 2 matches: nothing up to it has changed; the journal has 3 records, chain intact"),
        "{out}"
    );
    refused(
        &s,
        &["verify", "--receipt", "hello"],
        "--receipt: the receipt does not start with `caseload-receipt`",
    );
    let empty = Sandbox::new();
    for command in [&["receipt"][..], &["verify"]] {
        let out = empty.cmd().args(command).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{command:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with(&format!(
                "caseload: no journal at {}",
                empty.journal_path().display()
            )),
            "{stderr}"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn config_commands() {
    let s = Sandbox::new();
    assert!(
        s.ok(&["config", "path"])
            .starts_with(&s.config().display().to_string())
    );
    assert!(s.ok(&["config", "defaults"]).contains("[limits]"));
    for (args, needle) in [
        (&["config", "init"][..], "already exists; add --force"),
        (
            &["config", "init", "--preset", "nurse", "--force"],
            "unknown preset `nurse`; available presets are cafcass-fca, probation-officer",
        ),
    ] {
        refused(&s, args, needle);
    }
    s.ok(&["config", "init", "--preset", "probation-officer", "--force"]);
    s.ok(&["case", "add", "P1", "--kind", "tier-a"]);
    std::fs::write(s.config(), "[limits]\ncaseload = \"many\"\n").unwrap();
    refused(
        &s,
        &["case", "add", "P2", "--kind", "tier-a"],
        "`limits.caseload` should be a number, not text",
    );
}

/// The first release accepted a date format with a time in it; every command that showed a
/// date then panicked (exit 101), and `case add` saved its record before panicking.
#[test]
fn a_date_format_with_a_time_is_refused_before_anything_is_written() {
    let s = Sandbox::new();
    let preset = std::fs::read_to_string(s.config()).unwrap();
    std::fs::write(
        s.config(),
        format!("{preset}\n[display]\ndate_format = \"%d/%m/%Y %H:%M\"\n"),
    )
    .unwrap();
    let needle = "`display.date_format` \"%d/%m/%Y %H:%M\" contains %H (the hour)";
    refused(&s, &["case", "add", "FD1", "--kind", "s7"], needle);
    assert!(!s.journal_path().exists(), "the record was saved");
    for (args, needle) in [
        (&["list", "cases"][..], needle),
        (&["report", "--format", "md"], needle),
    ] {
        refused(&s, args, needle);
    }
}

#[test]
fn bad_global_options_and_unknown_commands() {
    let s = seeded();
    let out = s
        .std_cmd()
        .env_remove("X")
        .args(["list", "cases"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = std::process::Command::new(common::BIN)
        .env("CASELOAD_DIR", s.data())
        .env("CASELOAD_CONFIG", s.config())
        .args(["--today", "31/31/2026", "list", "cases"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "caseload: --today: `31/31/2026` is not a real calendar date\n"
    );
    refused(&s, &["frobnicate"], "unrecognized subcommand");
    let help = s.ok(&["--help"]);
    assert!(help.contains("caseload case add FD26P00123"), "{help}");
}

#[test]
fn help_for_every_command_explains_itself() {
    let s = Sandbox::new();
    for cmd in [
        vec!["case", "add"],
        vec!["case", "close"],
        vec!["deadline", "add"],
        vec!["deadline", "done"],
        vec!["deadline", "extend"],
        vec!["leave", "add"],
        vec!["hours", "add"],
        vec!["note", "add"],
        vec!["list"],
        vec!["void"],
        vec!["verify"],
        vec!["receipt"],
        vec!["config", "init"],
        vec!["case", "reopen"],
        vec!["undo"],
        vec!["hours", "start"],
        vec!["hours", "stop"],
        vec!["hours", "cancel"],
    ] {
        let mut args = cmd.clone();
        args.push("--help");
        let help = s.ok(&args);
        assert!(help.contains("Usage: caseload"), "{cmd:?}: {help}");
    }
}

#[test]
fn a_from_before_the_records_begin_is_cut_to_that_day_and_said() {
    let s = seeded();
    s.ok(&[
        "note",
        "add",
        "Started keeping this log",
        "--on",
        "2026-11-01",
    ]);
    let earlier = s
        .cmd()
        .args(["report", "--format", "json", "--from", "2026-10-01"])
        .output()
        .unwrap();
    assert!(earlier.status.success());
    let said = String::from_utf8_lossy(&earlier.stderr);
    assert!(
        said.contains("the records begin on")
            && said.contains("not on")
            && said.contains("--from asked"),
        "{said}"
    );
    let cut: Value = serde_json::from_slice(&earlier.stdout).unwrap();
    assert_eq!(cut["period"]["from"], "2026-11-01");
    // Without --from nothing is said: the default period is the records' own.
    let default = s
        .cmd()
        .args(["report", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        default.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&default.stderr)
    );
}

#[test]
fn report_json_is_pseudonymised_unless_revealed() {
    let s = seeded();
    s.ok(&[
        "leave",
        "add",
        "annual",
        "--from",
        "2026-11-09",
        "--to",
        "2026-11-13",
    ]);
    s.ok(&[
        "case",
        "add",
        "FD-SECRET",
        "--kind",
        "r16-4",
        "--on",
        "2026-11-10",
        "--undiscussed",
    ]);
    // SPEC 7 changed: the default period starts when the records begin, not 12 months back.
    // These records are written by the real clock, after the --today the test runs on, so
    // the log is taken to begin on that today, or on the earliest day of hours or notes:
    // a note copied in for 1 Nov.
    s.ok(&[
        "note",
        "add",
        "Started keeping this log",
        "--on",
        "2026-11-01",
    ]);
    let report = json(&s, &["report", "--format", "json"]);
    assert_eq!(report["schema"], "caseload.report/1");
    assert_eq!(report["period"]["from"], "2026-11-01");
    assert_eq!(report["period"]["records_begin"], "2026-11-01");
    assert_eq!(report["caseload"]["allocated"], 2);
    assert_eq!(report["caseload"]["undiscussed"], 2);
    assert_eq!(report["allocations_during_leave"][0]["case"], "Case 2");
    assert_eq!(report["integrity"]["records"], 5);
    assert_eq!(report["integrity"]["chain_ok"], true);
    let text = report.to_string();
    assert!(
        !text.contains("FD1") && !text.contains("FD-SECRET"),
        "{text}"
    );
    let revealed = s.ok(&[
        "report",
        "--format",
        "json",
        "--reveal-refs",
        "--purpose",
        "stress",
    ]);
    assert!(revealed.contains("FD-SECRET") && revealed.contains("\"purpose\": \"stress\""));

    let out = s.dir.path().join("report.json");
    let written = s
        .cmd()
        .args(["report", "--format", "json", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(written.status.success());
    assert!(written.stdout.is_empty());
    let from_file: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(from_file["caseload"], report["caseload"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    for (args, needle) in [
        (
            &["report", "--from", "2026-11-01", "--to", "2026-10-01"][..],
            "ends (2026-10-01) before it starts",
        ),
        (
            &["report", "--from", "2025-01-01", "--to", "2025-06-30"],
            "before the records begin on 2026-11-01",
        ),
        (
            &["report", "--from", "2026-02-30"],
            "--from: `2026-02-30` is not a real calendar date",
        ),
        (
            &["report", "--purpose", "revenge"],
            "invalid value 'revenge'",
        ),
    ] {
        refused(&s, args, needle);
    }
}

#[test]
fn demo_generate_writes_a_deterministic_sample_that_verifies() {
    let s = Sandbox::new();
    let a = s.dir.path().join("a");
    let b = s.dir.path().join("b");
    for dir in [&a, &b] {
        let out = s
            .cmd()
            .args(["demo", "--generate"])
            .arg(dir)
            .args(["--years", "0.5", "--seed", "3"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("open it with: caseload --data-dir"));
    }
    let journal = std::fs::read(a.join("journal.jsonl")).unwrap();
    assert_eq!(
        journal,
        std::fs::read(b.join("journal.jsonl")).unwrap(),
        "same seed, same journal"
    );
    generated_sample_works(&s, &a);

    let again = s
        .cmd()
        .args(["demo", "--generate"])
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds a journal"));
    for (args, needle) in [
        (
            &["demo", "--generate", "x", "--years", "many"][..],
            "--years: `many` is not accepted",
        ),
        (
            &["demo", "--generate", "x", "--seed", "-4"],
            "--seed: `-4` is not accepted; give a whole number from 0 up",
        ),
        (
            &["demo", "--generate", "x", "--preset", "social-work"],
            "--preset: `social-work` is not a preset; use cafcass-fca or probation-officer",
        ),
    ] {
        refused(&s, args, needle);
    }
    assert!(
        !s.dir.path().join("x").exists(),
        "a refusal wrote the folder"
    );
}

#[test]
fn demo_generate_with_a_preset_writes_that_field_s_journal_and_config() {
    let s = Sandbox::new();
    let dir = s.dir.path().join("probation");
    let out = s
        .cmd()
        .args(["demo", "--generate"])
        .arg(&dir)
        .args([
            "--years",
            "0.5",
            "--seed",
            "3",
            "--preset",
            "probation-officer",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("config.toml")).unwrap(),
        caseload::config::preset("probation-officer").unwrap()
    );
    let run = |args: &[&str]| in_sample(&s, &dir, args);
    let cases: Value = serde_json::from_str(&run(&["list", "cases", "--json"])).unwrap();
    let cases = cases.as_array().unwrap();
    assert!(cases.len() > 10);
    let probation = [
        "tier-a", "tier-b", "tier-c", "tier-d", "psr", "custody", "licence",
    ];
    for case in cases {
        let kind = case["kind"].as_str().unwrap();
        assert!(probation.contains(&kind), "{kind} is not a probation kind");
        assert!(case["ref"].as_str().unwrap().starts_with("PB"), "{case}");
    }
    // No family-court words in what it wrote.
    let everything = run(&["list", "events", "--json"]).to_lowercase();
    for family in [
        "section 7",
        "filing",
        "safeguarding letter",
        "position statement",
    ] {
        assert!(
            !everything.contains(family),
            "{family:?} in a probation journal"
        );
    }
    generated_sample_works(&s, &dir);
}

/// `args` run on the sample generated into `dir` (its journal and config), which must
/// succeed; its standard output.
fn in_sample(s: &Sandbox, dir: &std::path::Path, args: &[&str]) -> String {
    let out = s
        .cmd()
        .arg("--data-dir")
        .arg(dir)
        .arg("--config")
        .arg(dir.join("config.toml"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A generated sample verifies and makes a report of more than ten allocations.
fn generated_sample_works(s: &Sandbox, dir: &std::path::Path) {
    let verify = in_sample(s, dir, &["verify"]);
    assert!(verify.contains("chain intact"), "{verify}");
    assert!(!verify.contains("time order"), "{verify}");
    let report: Value =
        serde_json::from_str(&in_sample(s, dir, &["report", "--format", "json"])).unwrap();
    assert!(report["caseload"]["allocated"].as_u64().unwrap() > 10);
}

/// A sample for a day still to come cannot be written at the time: it is written up to that
/// day's evening, and the command says so rather than leaving verify's warning unexplained.
#[test]
fn demo_generate_for_a_day_to_come_says_its_records_are_later_than_now() {
    let s = Sandbox::new();
    let dir = s.dir.path().join("ahead");
    let out = std::process::Command::new(common::BIN)
        .env_clear()
        .env("HOME", s.dir.path())
        .args(["--today", "2099-03-02", "demo", "--generate"])
        .arg(&dir)
        .args(["--years", "0.2"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "note: --today 2099-03-02 is after today, so the sample's records are written up to 18:00 on 02 Mar 2099, later than now"
        ),
        "{stderr}"
    );
}
