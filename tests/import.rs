//! `caseload import` end to end, on the fixtures in tests/fixtures (made by
//! make_fixtures.py, or by hand for the CSV and .ics files): every format and target, column
//! mapping, dates, refusals writing nothing, re-import writing nothing, the names column
//! never read, and provenance in verify and in the documents.
use crate::common;
use common::Sandbox;
use serde_json::Value;
use std::path::PathBuf;

#[path = "import/checks.rs"]
mod checks;
#[path = "import/props.rs"]
mod props;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(s: &Sandbox, args: &[&str]) -> Run {
    let out = s.cmd().args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn import(s: &Sandbox, file: &str, what: &str, extra: &[&str]) -> Run {
    let path = fixture(file);
    let mut args = vec!["import", path.as_str(), "--as", what];
    args.extend_from_slice(extra);
    run(s, &args)
}

fn list(s: &Sandbox, what: &str) -> Vec<Value> {
    serde_json::from_str::<Value>(&s.ok(&["list", what, "--json"]))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// `text` written to `name` in `dir`; its path, as the command line takes it.
fn file_in(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Each listed leave's kind, first and last day.
fn leave_spans(leave: &[Value]) -> Vec<(String, String, String)> {
    leave
        .iter()
        .map(|l| {
            let field = |key: &str| l[key].as_str().unwrap().to_string();
            (field("kind"), field("from"), field("to"))
        })
        .collect()
}

const PUBLIC_LAW: &[&str] = &["--map-kind", "Care order=public-law"];

/// The cases every workbook fixture holds, as `list cases --json` shows them.
fn assert_fixture_cases(s: &Sandbox) {
    let cases = list(s, "cases");
    let get = |i: usize, key: &str| cases[i][key].clone();
    assert_eq!(cases.len(), 5, "{cases:#?}");
    let refs: Vec<&str> = cases.iter().map(|c| c["ref"].as_str().unwrap()).collect();
    assert_eq!(
        refs,
        [
            "FD26P00104",
            "FD26P00101",
            "FD26P00102",
            "FD26P00103",
            "FD26P00105"
        ]
    );
    // Sorted by date: the public law case of 1 Jul, closed 30 Oct with its outcome.
    assert_eq!(get(0, "kind"), "public-law");
    assert_eq!(get(0, "closed_on"), "2026-10-30");
    assert_eq!(get(0, "outcome"), "final order");
    assert_eq!(get(0, "discussed"), false);
    // A date cell; a kind given by its configured name.
    assert_eq!(get(1, "allocated_on"), "2026-09-03");
    assert_eq!(get(1, "kind"), "s7");
    assert_eq!(get(1, "note"), "first hearing 20 Oct");
    // An Excel date serial typed as a number (46279), and a weight.
    assert_eq!(get(2, "allocated_on"), "2026-09-14");
    assert_eq!(get(2, "weight"), 3.0);
    assert_eq!(get(2, "discussed"), false);
    // A date typed as text; a kind by name.
    assert_eq!(get(3, "allocated_on"), "2026-09-15");
    assert_eq!(get(3, "kind"), "r16-4");
    assert_eq!(get(4, "weight"), 1.5);
}

const NAMES: [&str; 10] = [
    "Amelia", "Hart", "Carter", "Okafor", "Brennan", "Szyma", "Freya", "Dawson", "Maya", "Quinn",
];

fn assert_no_names(s: &Sandbox, output: &str) {
    let journal = String::from_utf8(s.journal_bytes()).unwrap();
    for name in NAMES {
        assert!(!journal.contains(name), "{name} is in the journal");
        assert!(!output.contains(name), "{name} was printed: {output}");
    }
}

#[test]
fn a_workbook_of_cases_in_each_format_imports_the_same_cases() {
    for file in ["cases.xlsx", "cases.xls", "cases.ods"] {
        let s = Sandbox::new();
        let dry = import(&s, file, "cases", PUBLIC_LAW);
        assert_eq!(dry.code, 0, "{file}: {}", dry.stderr);
        assert!(
            dry.stdout.contains("dry run: nothing was written"),
            "{}",
            dry.stdout
        );
        assert!(!s.journal_path().exists(), "{file}: a dry run wrote");
        assert!(
            dry.stdout.contains("not read: `Child / family`"),
            "{}",
            dry.stdout
        );
        let applied = import(&s, file, "cases", &[PUBLIC_LAW, &["--apply"]].concat());
        assert_eq!(applied.code, 0, "{file}: {}", applied.stderr);
        assert!(
            applied.stdout.contains("imported 6 records (1 to 6) from"),
            "{}",
            applied.stdout
        );
        assert_fixture_cases(&s);
        assert_no_names(&s, &(dry.stdout.clone() + &applied.stdout));
    }
}

#[test]
fn each_record_says_where_it_came_from() {
    let s = Sandbox::new();
    assert_eq!(
        import(
            &s,
            "cases.xlsx",
            "cases",
            &[PUBLIC_LAW, &["--apply"]].concat()
        )
        .code,
        0
    );
    let lines = s.lines();
    let first: Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(
        first["imported"],
        serde_json::json!({"file": "cases.xlsx", "sheet": "Open cases", "row": 2})
    );
    // The closing of the case on row 5 comes from row 5 too.
    let closing: Value = lines
        .iter()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|v| v["type"] == "case_closed")
        .unwrap();
    assert_eq!(closing["imported"]["row"], 5);
    // A typed record carries nothing of the kind.
    s.ok(&["note", "add", "typed"]);
    assert!(!s.lines().last().unwrap().contains("imported"));
}

#[test]
fn the_names_column_is_never_read_even_when_a_name_is_in_the_reference() {
    let s = Sandbox::new();
    let dry = import(&s, "cases-mistakes.csv", "cases", &[]);
    assert_eq!(dry.code, 2);
    assert!(dry.stdout.contains("not read: `Name`"), "{}", dry.stdout);
    // The reference column's name is refused with the personal-data warning, by line.
    assert!(
        dry.stdout
            .contains("line 3: `Oscar Lim` looks like a person's name"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout
            .contains("caseload keeps no names of children or families")
    );
    // Mapping the names column as the reference refuses every row.
    let mapped = import(&s, "cases-mistakes.csv", "cases", &["--map", "ref=Name"]);
    assert_eq!(mapped.code, 2);
    assert_eq!(
        mapped.stdout.matches("looks like a person's name").count(),
        4
    );
    assert!(!s.journal_path().exists());
}

#[test]
fn a_refused_row_writes_nothing_with_apply_and_says_why_by_row() {
    let s = Sandbox::new();
    s.ok(&["note", "add", "already here"]);
    let before = s.journal_bytes();
    let out = import(&s, "cases-mistakes.csv", "cases", &["--apply"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(s.journal_bytes(), before);
    assert!(
        out.stdout
            .contains("line 4: column `Type`: unknown case kind `Section Seven`"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("--map-kind \"Section Seven=KEY\""));
    assert!(
        out.stdout
            .contains("line 5: column `Date allocated`: `31/09/2026` is not a real calendar date")
    );
    assert!(
        out.stdout.contains("4 lines: 1 to import, 3 refused"),
        "{}",
        out.stdout
    );
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("3 lines are refused; nothing was written")
    );
    // The dry run exits 2 too.
    assert_eq!(import(&s, "cases-mistakes.csv", "cases", &[]).code, 2);
}

#[test]
fn importing_the_same_file_again_writes_nothing() {
    let s = Sandbox::new();
    let apply = [PUBLIC_LAW, &["--apply"]].concat();
    assert_eq!(import(&s, "cases.xlsx", "cases", &apply).code, 0);
    let before = s.journal_bytes();
    let again = import(&s, "cases.xlsx", "cases", &apply);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(s.journal_bytes(), before);
    assert!(
        again
            .stdout
            .contains("5 rows: 0 to import, 5 already in the journal"),
        "{}",
        again.stdout
    );
    assert!(
        again
            .stdout
            .contains("row 2: case FD26P00101 allocated on 03 Sep 2026 (record 1)"),
        "{}",
        again.stdout
    );
    assert!(again.stdout.contains("nothing to import"));
    // Another format of the same cases is the same cases.
    assert_eq!(import(&s, "cases.ods", "cases", &apply).code, 0);
    assert_eq!(s.journal_bytes(), before);
}

#[test]
fn a_case_closed_since_the_last_import_gets_its_closing_only() {
    let s = Sandbox::new();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tracker.csv");
    std::fs::write(&path, "Ref,Type,Allocated,Closed\nFD1,s7,01/10/2026,\n").unwrap();
    let file = path.display().to_string();
    s.ok(&["import", &file, "--as", "cases", "--apply"]);
    std::fs::write(
        &path,
        "Ref,Type,Allocated,Closed\nFD1,s7,01/10/2026,20/11/2026\n",
    )
    .unwrap();
    let out = s.ok(&["import", &file, "--as", "cases", "--apply"]);
    assert!(out.contains("imported 1 record (2)"), "{out}");
    assert_eq!(list(&s, "cases")[0]["closed_on"], "2026-11-20");
    // The same reference allocated on another day is refused, naming both days.
    std::fs::write(&path, "Ref,Type,Allocated\nfd1,s7,02/10/2026\n").unwrap();
    let out = run(&s, &["import", &file, "--as", "cases"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stdout.contains(
            "already in the journal allocated on 01 Oct 2026 (record 1); this row says 02 Oct 2026"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn map_names_the_columns_and_unknown_fields_or_headers_are_usage_errors() {
    let s = Sandbox::new();
    let dir = tempfile::tempdir().unwrap();
    let file = file_in(
        &dir,
        "codes.csv",
        "Our code,Court ref,Work,When\nA-17,FD26P00901,s7,2026-10-01\n",
    );
    // Court ref is recognised; --map takes the private code instead, and the date column.
    let out = run(
        &s,
        &[
            "import",
            &file,
            "--as",
            "cases",
            "--map",
            "ref=Our code",
            "--map",
            "kind=Work",
            "--map",
            "allocated=When",
            "--apply",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(list(&s, "cases")[0]["ref"], "A-17");
    assert!(
        out.stdout.contains("not read: `Court ref`"),
        "{}",
        out.stdout
    );
    for (args, needle) in [
        (
            vec!["--map", "due=When"],
            "`due` is not a field of cases; the fields are ref, kind",
        ),
        (
            vec!["--map", "kind=Type"],
            "has no column `Type`; its columns are `Our code`",
        ),
        (vec!["--map", "ref"], "write it as field=Header"),
        (vec![], "no column for the kind (kind)"),
    ] {
        let mut all = vec!["import", file.as_str(), "--as", "cases"];
        all.extend(args);
        common::cli::refused(&s, &all, needle);
    }
    common::cli::refused(
        &s,
        &["import", &file, "--as", "cases", "--sheet", "2"],
        "--sheet applies to a workbook",
    );
    common::cli::refused(
        &s,
        &[
            "import",
            &fixture("cases.xlsx"),
            "--as",
            "cases",
            "--sheet",
            "Closed",
        ],
        "its sheets are `Open cases`, `Notes`",
    );
    common::cli::refused(
        &s,
        &[
            "import",
            &fixture("cases.xlsx"),
            "--as",
            "cases",
            "--match",
            "x",
        ],
        "--match applies to a calendar",
    );
    common::cli::refused(
        &s,
        &["import", "/no/such/file.csv", "--as", "cases"],
        "no such file",
    );
    common::cli::refused(
        &s,
        &["import", &fixture("make_fixtures.py"), "--as", "cases"],
        "it reads .csv",
    );
    common::cli::refused(
        &s,
        &["import", &fixture("outlook.ics"), "--as", "hours"],
        "a calendar can be imported as leave or deadlines",
    );
}

#[test]
fn ambiguous_dates_need_a_flag_when_the_file_writes_months_first() {
    let s = Sandbox::new();
    let out = import(&s, "cases-us-dates.csv", "cases", &[]);
    assert_eq!(out.code, 2);
    assert!(
        out.stdout.contains("line 2: column `Date Allocated`: `09/03/2026` could be day first or month first, and this file has month-first dates such as `09/14/2026` (line 3); say which with --day-first or --month-first"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("`09/14/2026` is not a date read day first; if this file writes the month first, add --month-first"));
    // Read both ways round, 10/10 is one day.
    assert!(
        out.stdout.contains("1 to import, 2 refused"),
        "{}",
        out.stdout
    );
    let out = import(
        &s,
        "cases-us-dates.csv",
        "cases",
        &["--month-first", "--apply"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let days: Vec<String> = list(&s, "cases")
        .iter()
        .map(|c| c["allocated_on"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(days, ["2026-09-03", "2026-09-14", "2026-10-10"]);
    // --day-first reads 09/03 as 9 March and refuses 09/14.
    let s = Sandbox::new();
    let out = import(&s, "cases-us-dates.csv", "cases", &["--day-first"]);
    assert!(out.stdout.contains("09 Mar 2026"), "{}", out.stdout);
    assert!(out.stdout.contains("1 refused"));
    common::cli::refused(
        &s,
        &[
            "import",
            &fixture("cases-us-dates.csv"),
            "--as",
            "cases",
            "--day-first",
            "--month-first",
        ],
        "cannot be used with",
    );
}

#[test]
fn excel_serials_in_a_csv_are_dates() {
    let s = Sandbox::new();
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir, "serials.csv", "Case,Type,Allocated\nFD7,s7,46348\n");
    s.ok(&["import", &path, "--as", "cases", "--apply"]);
    assert_eq!(list(&s, "cases")[0]["allocated_on"], "2026-11-22");
}

#[test]
fn a_diary_of_hours_imports_timed_and_plain_entries() {
    let s = Sandbox::new();
    let out = import(&s, "hours-diary.csv", "hours", &["--apply"]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let hours = list(&s, "hours");
    assert_eq!(hours.len(), 5);
    let first = &hours[0];
    assert_eq!(
        (
            first["date"].as_str(),
            first["start"].as_str(),
            first["end"].as_str()
        ),
        (Some("2026-11-02"), Some("08:30"), Some("18:15"))
    );
    assert_eq!(first["break_minutes"], 20);
    // A plain number of hours on a Saturday; a break of 0 is no break.
    assert!(
        hours
            .iter()
            .any(|h| h["date"] == "2026-11-07" && h["hours"] == 2.5)
    );
    assert!(
        hours
            .iter()
            .any(|h| h["date"] == "2026-11-09" && h["break_minutes"].is_null())
    );
    // The workbook diary's time cells are times.
    let out = import(&s, "hours-diary.xlsx", "hours", &[]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("3 rows: 0 to import, 3 already in the journal"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("row 4: hours on 03 Nov 2026 (record 3)"),
        "{}",
        out.stdout
    );
    let again = import(&s, "hours-diary.csv", "hours", &["--apply"]);
    assert!(
        again.stdout.contains("5 already in the journal"),
        "{}",
        again.stdout
    );
}

#[test]
fn an_outlook_calendar_gives_leave_with_match_and_refuses_meetings_without() {
    let s = Sandbox::new();
    let out = import(&s, "outlook.ics", "leave", &[]);
    assert_eq!(out.code, 2);
    assert!(
        out.stdout
            .contains("cannot tell the kind of leave from `Supervision with team manager`"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("line 35: cannot tell the kind of leave from `Team meeting`"),
        "{}",
        out.stdout
    );
    let out = import(&s, "outlook.ics", "leave", &["--map-kind", "meeting=other"]);
    assert!(
        out.stdout.contains(
            "line 35: a repeating event (FREQ=WEEKLY;BYDAY=TU): caseload imports single events"
        ),
        "{}",
        out.stdout
    );
    let out = import(&s, "outlook.ics", "leave", &["--match", "leave", "--apply"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let leave = list(&s, "leave");
    let spans = leave_spans(&leave);
    // All-day events end the day before their DTEND; the cancelled one is left out.
    assert_eq!(
        spans,
        [
            ("annual".into(), "2026-08-03".into(), "2026-08-14".into()),
            ("annual".into(), "2026-12-21".into(), "2027-01-01".into())
        ]
    );
    // Sick, TOIL (a timed afternoon) and training, by their summaries.
    let s = Sandbox::new();
    let out = import(
        &s,
        "outlook.ics",
        "leave",
        &[
            "--match",
            "i",
            "--map-kind",
            "Supervision=other",
            "--map-kind",
            "Filing=other",
        ],
    );
    assert!(
        out.stdout.contains("sick      12 Oct 2026  12 Oct 2026"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("toil      23 Oct 2026  23 Oct 2026"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("training  05 Nov 2026  06 Nov 2026"),
        "{}",
        out.stdout
    );
}

#[test]
fn deadlines_from_a_spreadsheet_and_a_calendar_find_their_cases() {
    let s = Sandbox::new();
    assert_eq!(
        import(
            &s,
            "cases.xlsx",
            "cases",
            &[PUBLIC_LAW, &["--apply"]].concat()
        )
        .code,
        0
    );
    let out = import(&s, "deadlines.csv", "deadlines", &["--apply"]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("imported 5 records"), "{}", out.stdout);
    let deadlines = list(&s, "deadlines");
    assert_eq!(deadlines.len(), 4);
    let report = deadlines
        .iter()
        .find(|d| d["what"] == "Section 7 report to court")
        .unwrap();
    assert_eq!(report["met_on"], "2026-11-13");
    assert!(
        deadlines
            .iter()
            .any(|d| d["case"].is_null() && d["due"] == "2026-12-07")
    );
    let out = import(
        &s,
        "outlook.ics",
        "deadlines",
        &["--match", "filing", "--apply"],
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    let filing = list(&s, "deadlines")
        .into_iter()
        .find(|d| d["due"] == "2026-12-01")
        .unwrap();
    assert_eq!(filing["case"], "FD26P00101");
    // A deadline for a case not in the journal is refused, naming the case.
    let s = Sandbox::new();
    let out = import(&s, "deadlines.csv", "deadlines", &[]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.contains("FD26P00101"), "{}", out.stdout);
}

#[test]
fn verify_and_every_document_say_what_was_imported_and_it_is_never_contemporaneous() {
    let s = Sandbox::new();
    assert_eq!(
        import(
            &s,
            "cases.xlsx",
            "cases",
            &[PUBLIC_LAW, &["--apply"]].concat()
        )
        .code,
        0
    );
    let verify = s.ok(&["verify"]);
    assert!(
        verify.contains("imported: 6 records on ")
            && verify.contains(" from cases.xlsx (records 1 to 6)"),
        "{verify}"
    );
    let md = s.ok(&["report", "--purpose", "grievance", "--from", "2026-06-01"]);
    assert!(md.contains("Imported from files: 6 records on"), "{md}");
    assert!(md.contains("(records 1 to 6). These were written when they were imported, not on the days they describe"));
    let json: Value =
        serde_json::from_str(&s.ok(&["report", "--format", "json", "--from", "2026-06-01"]))
            .unwrap();
    let imported = &json["integrity"]["imported"];
    assert_eq!(imported[0]["records"], 6);
    assert_eq!(
        (
            imported[0]["first_record"].as_u64(),
            imported[0]["last_record"].as_u64()
        ),
        (Some(1), Some(6))
    );
}

/// Words of a command line as a shell splits them (double quotes only, as the README uses).
fn words(line: &str) -> Vec<String> {
    let (mut words, mut word, mut quoted, mut any) = (Vec::new(), String::new(), false, false);
    for c in line.chars() {
        match c {
            '"' => (quoted, any) = (!quoted, true),
            ' ' if !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                }
                any = false;
            }
            c => (word, any) = (word + &c.to_string(), true),
        }
    }
    if any {
        words.push(word);
    }
    words
}

#[test]
fn the_readme_import_transcript_is_what_caseload_prints() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = &readme[readme
        .find("## Starting from what you already keep")
        .expect("the import section")..];
    let block = &section[section.find("```console\n").unwrap() + 11..];
    let block = &block[..block.find("```").unwrap()];
    let s = Sandbox::new();
    let mut runs = 0;
    for chunk in block.split("$ caseload ").skip(1) {
        let (command, expected) = chunk.split_once('\n').unwrap();
        // A shell comment after the command (`# refused: ...`, for tests/readme.rs) is not
        // an argument.
        let command = command.split(" # ").next().unwrap_or(command);
        let out = s
            .std_cmd()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(words(command))
            .output()
            .unwrap();
        let printed = format!(
            "{}{}",
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap()
        );
        assert_eq!(
            printed.trim_end(),
            expected.trim_end(),
            "$ caseload {command}"
        );
        // Only the run the README says is refused on purpose fails.
        let refused = expected.contains("\ncaseload: ");
        assert_eq!(
            out.status.code(),
            Some(if refused { 2 } else { 0 }),
            "{command}"
        );
        runs += 1;
    }
    assert_eq!(runs, 5, "the transcript imports each fixture kind");
}

#[test]
fn leave_from_a_spreadsheet_by_its_words_and_again_nothing() {
    let s = Sandbox::new();
    let dir = tempfile::tempdir().unwrap();
    // A team's leave sheet: kinds in words, a serial date, a one-day absence with no end.
    let path = file_in(
        &dir,
        "leave.csv",
        "Type,Start,End,Comments\nHoliday,03/08/2026,14/08/2026,summer\nSick,46307,,flu\nTOIL,23 Oct 2026,23 Oct 2026,\n",
    );
    let out = run(&s, &["import", &path, "--as", "leave", "--apply"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let leave = leave_spans(&list(&s, "leave"));
    assert_eq!(
        leave,
        [
            ("annual".into(), "2026-08-03".into(), "2026-08-14".into()),
            ("sick".into(), "2026-10-12".into(), "2026-10-12".into()),
            ("toil".into(), "2026-10-23".into(), "2026-10-23".into()),
        ]
    );
    let again = run(&s, &["import", &path, "--as", "leave", "--apply"]);
    assert_eq!(again.code, 0);
    assert!(
        again.stdout.contains("3 already in the journal"),
        "{}",
        again.stdout
    );
    assert_eq!(list(&s, "leave").len(), 3);
}
