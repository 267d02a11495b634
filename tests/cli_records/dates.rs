//! Dates typed as people write them, and dates in refusals shown as the program shows them.

use crate::common::cli::{json, refused, seeded};

/// Today is Sunday 22 Nov 2026 in every test.
#[test]
fn dates_as_people_type_them() {
    let s = seeded();
    s.ok(&["case", "add", "FD2", "--kind", "s7", "--on", "19 Nov 2026"]);
    s.ok(&["case", "add", "FD3", "--kind", "s7", "--on", "fri"]);
    s.ok(&["case", "add", "FD4", "--kind", "s7", "--on", "-3"]);
    s.ok(&["case", "add", "FD5", "--kind", "s7", "--on", "20/11/26"]);
    let cases = json(&s, &["list", "cases", "--json", "--by", "entered"]);
    let allocated: Vec<&str> = (1..5)
        .map(|i| cases[i]["allocated_on"].as_str().unwrap())
        .collect();
    assert_eq!(
        allocated,
        ["2026-11-19", "2026-11-20", "2026-11-19", "2026-11-20"]
    );
    // Due dates look forward: a weekday is the next one, a date without a year the next.
    for (due, want) in [
        ("fri", "2026-11-27"),
        ("+14", "2026-12-06"),
        ("tomorrow", "2026-11-23"),
        ("5 jan", "2027-01-05"),
    ] {
        let id = s.ok(&["deadline", "add", "--due", due, "--what", "x"]);
        let id: u64 = id.trim().parse().unwrap();
        let deadlines = json(&s, &["list", "deadlines", "--json"]);
        let d = deadlines
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap();
        assert_eq!(d["due"], want, "--due {due}");
    }
    // Sick leave looks back; other leave forward, unless the date was in the last 60 days
    // (annual leave written down after it was taken).
    s.ok(&["leave", "add", "sick", "--from", "mon", "--to", "tue"]);
    s.ok(&["leave", "add", "annual", "--from", "21 dec", "--to", "1/1"]);
    s.ok(&[
        "leave", "add", "holiday", "--from", "18/11", "--to", "19/11",
    ]);
    let leave = json(&s, &["list", "leave", "--json"]);
    assert_eq!(
        (&leave[0]["from"], &leave[0]["to"]),
        (&"2026-11-16".into(), &"2026-11-17".into())
    );
    assert_eq!(
        (&leave[1]["from"], &leave[1]["to"]),
        (&"2026-11-18".into(), &"2026-11-19".into())
    );
    assert_eq!(
        (&leave[2]["from"], &leave[2]["to"]),
        (&"2026-12-21".into(), &"2027-01-01".into())
    );
    // Refusals name dates as the program shows them.
    for (args, needle) in [
        (
            &["case", "add", "FD6", "--kind", "s7", "--on", "1 jan 2099"][..],
            "the allocation date 01 Jan 2099 is in the future",
        ),
        (
            &["case", "add", "FD6", "--kind", "s7", "--on", "someday"],
            "--on: `someday` is not a date; use 22/11/2026, 22/11/26, 22 Nov 2026, 22 nov, 2026-11-22, today, yesterday, tomorrow, a weekday (mon) or +3 / -3 days",
        ),
    ] {
        refused(&s, args, needle);
    }
    let help = s.ok(&["--help"]);
    assert!(help.contains("22/11/26, 22 Nov 2026, 22 nov"), "{help}");
    assert!(help.contains("Global options:"), "{help}");
}
