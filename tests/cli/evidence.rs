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
