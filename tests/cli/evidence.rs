//! The evidence a sceptical reader accepts, end to end: stable pseudonyms and their key.

use crate::common::Sandbox;
use crate::common::cli::{json, refused, seeded};
use serde_json::Value;

/// The pseudonym a grievance JSON gives each allocation, by allocation date.
fn names_by_date(report: &Value) -> Vec<(String, String)> {
    report["detail"]["chronology"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["type"] == "allocated")
        .map(|i| {
            (
                i["date"].as_str().unwrap().to_string(),
                i["case"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn add_case(s: &Sandbox, reference: &str, on: &str) {
    s.ok(&["case", "add", reference, "--kind", "s7", "--on", on]);
}

#[test]
fn a_case_back_dated_after_a_report_renumbers_no_one_and_the_key_says_who_is_who() {
    let s = seeded(); // FD1, allocated 2 Nov
    s.ok(&["note", "add", "Log started", "--on", "2026-10-01"]);
    add_case(&s, "FD2", "2026-11-10");
    let before = json(&s, &["report", "--format", "json"]);
    assert_eq!(
        names_by_date(&before),
        [
            ("2026-11-02".to_string(), "Case 1".to_string()),
            ("2026-11-10".to_string(), "Case 2".to_string())
        ]
    );
    // A case allocated in October, recorded only now: it takes the next number.
    add_case(&s, "FD-BACK", "2026-10-05");
    let after = json(&s, &["report", "--format", "json"]);
    assert_eq!(
        names_by_date(&after),
        [
            ("2026-10-05".to_string(), "Case 3".to_string()),
            ("2026-11-02".to_string(), "Case 1".to_string()),
            ("2026-11-10".to_string(), "Case 2".to_string())
        ]
    );
    // The same numbers in the notice and the stress document.
    for purpose in ["notice", "stress", "supervision"] {
        let doc = json(
            &s,
            &[
                "report",
                "--purpose",
                purpose,
                "--format",
                "json",
                "--from",
                "2026-10-01",
            ],
        );
        let text = doc.to_string();
        assert!(
            !text.contains("FD-BACK") && !text.contains("\"FD1\""),
            "{purpose}: {text}"
        );
    }
    let key = s.ok(&["list", "cases", "--key"]);
    assert_eq!(
        key,
        "CASE    REF      ALLOCATED\nCase 1  FD1      02 Nov 2026\nCase 2  FD2      10 Nov 2026\nCase 3  FD-BACK  05 Oct 2026\n"
    );
    let as_json = json(&s, &["list", "cases", "--key", "--json"]);
    assert_eq!(as_json[2]["case"], "Case 3");
    assert_eq!(as_json[2]["ref"], "FD-BACK");
    assert_eq!(as_json[2]["allocated_on"], "2026-10-05");
    refused(
        &s,
        &["list", "deadlines", "--key"],
        "--key applies only to `list cases`",
    );
}

#[test]
fn verify_names_records_written_out_of_time_order() {
    use caseload::domain::event::{Event, NoteAdded};
    use caseload::domain::replay::Record;
    let s = Sandbox::new();
    let note = |seq: u64, at: &str, date: &str| Record {
        seq,
        at: chrono::DateTime::parse_from_rfc3339(at).unwrap(),
        event: Event::from(NoteAdded {
            date: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
            text: "a day".into(),
            standards: vec![],
            stress: None,
            told: None,
        }),
    };
    caseload::journal::Journal::create_sample(
        &s.data(),
        &[
            note(1, "2026-11-02T18:00:00+00:00", "2026-11-02"),
            note(2, "2026-11-10T18:00:00+00:00", "2026-11-10"),
            note(3, "2026-11-04T18:00:00+00:00", "2026-11-04"),
            note(4, "2026-11-05T18:00:00+00:00", "2026-11-05"),
            note(5, "2099-01-01T09:00:00+00:00", "2026-11-11"),
        ],
    )
    .unwrap();
    let out = s.ok(&["verify"]);
    assert!(out.starts_with("ok: 5 records, chain intact"), "{out}");
    assert!(
        out.contains("warning: time order: 2 records have a written time earlier than a record before them: 3 and 4; reports do not count them as written at the time"),
        "{out}"
    );
    assert!(
        out.contains("warning: time order: 1 record has a written time later than now: 5;"),
        "{out}"
    );
    let report = json(&s, &["report", "--format", "json"]);
    assert_eq!(
        report["integrity"]["time_order"]["earlier_than_a_record_before"],
        serde_json::json!([3, 4])
    );
}

/// Runs `verify --document FILE` and returns (exit code, stdout, stderr).
fn check(s: &Sandbox, file: &std::path::Path) -> (i32, String, String) {
    let out = s
        .cmd()
        .args(["verify", "--document"])
        .arg(file)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The seeded journal with a note and an 11-hour day (records 1 to 4), and a document of
/// each (purpose, format) made from it.
fn journal_with_documents(documents: &[(&str, &str)]) -> (Sandbox, Vec<std::path::PathBuf>) {
    let s = seeded();
    s.ok(&[
        "note",
        "add",
        "Log started",
        "--on",
        "2026-11-01",
        "--standard",
        "demands",
    ]);
    s.ok(&[
        "hours",
        "add",
        "--on",
        "2026-11-02",
        "--start",
        "08:00",
        "--end",
        "19:00",
    ]);
    let made = documents
        .iter()
        .map(|(purpose, format)| {
            let file = s.dir.path().join(format!("{purpose}.{format}"));
            let out = s
                .cmd()
                .args(["report", "--purpose", purpose, "--format", format, "-o"])
                .arg(&file)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            file
        })
        .collect();
    (s, made)
}

#[test]
fn verify_document_says_whether_a_document_is_exactly_what_caseload_made() {
    let documents = [
        ("grievance", "md"),
        ("stress", "html"),
        ("supervision", "pdf"),
        ("grievance", "csv"),
        ("notice", "json"),
        ("grievance", "ics"),
        ("notice", "txt"),
    ];
    let (s, made) = journal_with_documents(&documents);
    for ((purpose, format), file) in documents.iter().zip(&made) {
        let (code, stdout, stderr) = check(&s, file);
        assert_eq!(code, 0, "{purpose} {format}: {stderr}");
        assert!(
            stdout.starts_with(&format!(
                "ok: {} is exactly the {purpose} document ({format}) caseload made on ",
                file.display()
            )),
            "{stdout}"
        );
    }
    // The journal grows: the documents still check, against the records they were made from.
    s.ok(&["case", "add", "FD9", "--kind", "s7", "--on", "2026-11-20"]);
    for file in &made {
        assert_eq!(check(&s, file).0, 0, "{}", file.display());
    }
}

#[test]
fn verify_document_says_where_a_document_was_altered() {
    let (s, made) = journal_with_documents(&[("grievance", "md"), ("supervision", "pdf")]);
    // One figure changed in the Markdown: altered, and where.
    let md = std::fs::read_to_string(&made[0]).unwrap();
    let altered = s.dir.path().join("altered.md");
    std::fs::write(
        &altered,
        md.replacen("I logged 11.0 hours", "I logged 10.0 hours", 1),
    )
    .unwrap();
    assert_ne!(
        md,
        std::fs::read_to_string(&altered).unwrap(),
        "the edit happened"
    );
    let (code, _, stderr) = check(&s, &altered);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("has been altered since caseload made it from records 1 to 4"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the first difference is at line "),
        "{stderr}"
    );
    assert!(
        stderr.contains("the file has \"- I logged 10.0 hours"),
        "{stderr}"
    );
    // One byte of the PDF flipped.
    let mut pdf = std::fs::read(&made[1]).unwrap();
    let middle = pdf.len() / 2;
    pdf[middle] ^= 1;
    let flipped = s.dir.path().join("flipped.pdf");
    std::fs::write(&flipped, &pdf).unwrap();
    let (code, _, stderr) = check(&s, &flipped);
    assert_eq!(code, 1);
    assert!(stderr.contains(&format!("at byte {middle} of")), "{stderr}");
}

#[test]
fn verify_document_refuses_another_journal_other_settings_and_a_file_it_did_not_make() {
    let (s, made) = journal_with_documents(&[("grievance", "md")]);
    // Another journal with as many records does not pass for this one.
    let other = seeded();
    for day in ["2026-11-03", "2026-11-04", "2026-11-05"] {
        other.ok(&["note", "add", "Another log", "--on", day]);
    }
    let (code, _, stderr) = check(&other, &made[0]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("does not match this journal")
            && stderr.contains("or the journal has changed since"),
        "{stderr}"
    );
    // Other settings: said, with what to do.
    std::fs::write(
        s.dir.path().join("other.toml"),
        "[work]\ncontracted_hours = 30\n",
    )
    .unwrap();
    let out = s
        .cmd()
        .args(["--config"])
        .arg(s.dir.path().join("other.toml"))
        .args(["verify", "--document"])
        .arg(&made[0])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("was made with other settings"));
    // Not a caseload document; not there at all.
    let plain = s.dir.path().join("plain.md");
    std::fs::write(&plain, "# My own notes\n").unwrap();
    let (code, _, stderr) = check(&s, &plain);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("does not say what it was made from"),
        "{stderr}"
    );
    refused(&s, &["verify", "--document", "nowhere.md"], "--document: ");
}
