#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    if let Ok(d) = caseload::domain::parse_date(text, today) {
        // Whatever is accepted is a real date that formats back and parses again.
        let iso = d.format("%Y-%m-%d").to_string();
        assert_eq!(caseload::domain::parse_date(&iso, today), Ok(d));
    }
    let _ = caseload::domain::parse_time(text);
});
