//! Parsing dates and times as people type them.

use super::*;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn accepts_every_documented_form() {
    let t = today(); // Sunday 22 Nov 2026
    for (typed, want) in [
        ("2026-11-22", d(2026, 11, 22)),
        ("22/11/2026", d(2026, 11, 22)),
        ("22/11/26", d(2026, 11, 22)),
        ("1/2/2026", d(2026, 2, 1)),
        ("22 Nov 2026", d(2026, 11, 22)),
        ("22 nov 2026", d(2026, 11, 22)),
        ("  22   November  2026 ", d(2026, 11, 22)),
        ("22nd Nov, 2026", d(2026, 11, 22)),
        ("1st sept 26", d(2026, 9, 1)),
        ("22 nov", d(2026, 11, 22)),
        ("Today", d(2026, 11, 22)),
        ("yesterday", d(2026, 11, 21)),
        ("TOMORROW", d(2026, 11, 23)),
        ("+14", d(2026, 12, 6)),
        ("-3", d(2026, 11, 19)),
        ("+0", d(2026, 11, 22)),
        ("fri", d(2026, 11, 20)),
        ("Monday", d(2026, 11, 16)),
        ("sun", d(2026, 11, 15)),
        ("last sun", d(2026, 11, 15)),
        ("next mon", d(2026, 11, 23)),
    ] {
        assert_eq!(parse_date(typed, t), Ok(want), "{typed}");
    }
}

#[test]
fn due_dates_look_forward() {
    let t = today(); // Sunday 22 Nov 2026
    for (typed, want) in [
        ("fri", d(2026, 11, 27)),
        ("Sunday", d(2026, 11, 29)),
        ("last fri", d(2026, 11, 20)),
        ("5 jan", d(2027, 1, 5)),
        ("22 nov", d(2026, 11, 22)),
        ("5/1", d(2027, 1, 5)),
        ("29 feb", d(2028, 2, 29)),
    ] {
        assert_eq!(parse_due_date(typed, t), Ok(want), "{typed}");
    }
    assert_eq!(parse_date("5 dec", t), Ok(d(2025, 12, 5)));
    assert_eq!(parse_date("29 feb", t), Ok(d(2024, 2, 29)));
}

#[test]
fn refuses_impossible_and_malformed_dates() {
    for impossible in [
        "30/02/2026",
        "2025-02-29",
        "31 Apr 2026",
        "30 feb",
        "31/11",
        "32nd Nov",
        "0/1/2026",
    ] {
        assert!(
            matches!(
                parse_date(impossible, today()),
                Err(DateError::Impossible(_))
            ),
            "{impossible}"
        );
    }
    for bad in [
        "",
        "2026/11/22",
        "22-11-2026",
        "26-11-22",
        "2026-11-22x",
        "+2026-11-22",
        "2026--11",
        "22/11/202",
        "22 Nov 202",
        "22 Novem 2026",
        "+",
        "++3",
        "+12345",
        "next",
        "last week",
        "monday next",
        "22 nov 2026 extra",
        "1/2/3/4",
    ] {
        assert!(
            matches!(parse_date(bad, today()), Err(DateError::Unrecognised(_))),
            "{bad} gave {:?}",
            parse_date(bad, today())
        );
    }
    assert_eq!(
        parse_date("soon", today()).unwrap_err().to_string(),
        format!("`soon` is not a date; use {DATE_FORMS}")
    );
}

#[test]
fn the_display_format_reads_back() {
    let t = today();
    assert_eq!(
        parse_date_shown("Sunday 22 November 2026", t, Towards::Past, "%A %d %B %Y"),
        Ok(t)
    );
    assert_eq!(
        parse_date_shown("22.11.2026", t, Towards::Past, "%d.%m.%Y"),
        Ok(t)
    );
    assert!(parse_date_shown("22.11.2026", t, Towards::Past, "%d %b %Y").is_err());
}

#[test]
fn messages_show_dates_in_the_display_format() {
    assert_eq!(
        show_dates(
            "the date 2026-12-01 is in the future (today is 2026-11-22); `2026-12-01` was typed",
            "%d %b %Y"
        ),
        "the date 01 Dec 2026 is in the future (today is 22 Nov 2026); `2026-12-01` was typed"
    );
    assert_eq!(
        show_dates("id 12026-11-22 and 2026-13-01", "%d %b %Y"),
        "id 12026-11-22 and 2026-13-01"
    );
    assert_eq!(show_dates("é 2026-11-22é", "%d/%m/%Y"), "é 2026-11-22é");
    assert_eq!(show_dates("(2026-11-22)", "%d/%m/%Y"), "(22/11/2026)");
}

#[test]
fn times_are_24_hour_hh_mm() {
    assert_eq!(parse_time("9:05").unwrap().to_string(), "09:05");
    assert_eq!(parse_time("23:59").unwrap().minutes(), 23 * 60 + 59);
    for bad in ["24:00", "12:60", "12", "12:5", "-1:00", "ab:cd", "12:00:00"] {
        assert!(parse_time(bad).is_err(), "{bad} accepted");
    }
}

#[test]
fn displays_in_the_configured_format() {
    assert_eq!(format_date(today(), "%d %b %Y"), "22 Nov 2026");
}

/// Every spelling of a day that is accepted parses to the same day as its ISO spelling.
fn spellings(date: NaiveDate) -> Vec<String> {
    let month = MONTHS[date.month0() as usize];
    let (y, m, day) = (date.year(), date.month(), date.day());
    vec![
        format!("{y:04}-{m:02}-{day:02}"),
        format!("{y:04}-{m}-{day}"),
        format!("{day:02}/{m:02}/{y:04}"),
        format!("{day}/{m}/{y}"),
        format!("{day}/{m}/{:02}", y % 100),
        format!("{day} {} {y}", &month[..3]),
        format!("{day:02} {} {y}", month.to_uppercase()),
        format!("{day} {month}, {:02}", y % 100),
        format_date(date, "%d %b %Y"),
        format_date(date, "%e %B %Y"),
    ]
}

proptest! {
    #[test]
    fn each_accepted_form_is_the_same_day_as_its_iso_spelling(days in 0u32..36_500, t in 0u32..36_500) {
        let date = d(2000, 1, 1) + chrono::Days::new(u64::from(days));
        let today = d(2000, 1, 1) + chrono::Days::new(u64::from(t));
        let iso = parse_date(&date.format("%Y-%m-%d").to_string(), today);
        prop_assert_eq!(iso, Ok(date));
        for spelling in spellings(date) {
            prop_assert_eq!(parse_date(&spelling, today), Ok(date), "{}", spelling);
            prop_assert_eq!(parse_due_date(&spelling, today), Ok(date), "{}", spelling);
        }
        // Without a year: the latest on or before today, or the next on or after it.
        let no_year = format!("{} {}", date.day(), &MONTHS[date.month0() as usize][..3]);
        if let Ok(past) = parse_date(&no_year, today) {
            prop_assert!(past <= today && (past.month(), past.day()) == (date.month(), date.day()));
            prop_assert!(today.year() - past.year() <= 4);
        }
        if let Ok(due) = parse_due_date(&no_year, today) {
            prop_assert!(due >= today && (due.month(), due.day()) == (date.month(), date.day()));
        }
    }

    #[test]
    fn relative_and_weekday_forms_count_from_today(t in 0u32..36_000, n in 0i64..400) {
        let today = d(2000, 1, 1) + chrono::Days::new(u64::from(t));
        prop_assert_eq!(parse_date(&format!("+{n}"), today), Ok(today + chrono::Duration::days(n)));
        prop_assert_eq!(parse_date(&format!("-{n}"), today), Ok(today - chrono::Duration::days(n)));
        for name in ["mon", "tuesday", "Wed", "thurs", "FRI", "sat", "sunday"] {
            let past = parse_date(name, today).unwrap();
            let due = parse_due_date(name, today).unwrap();
            prop_assert_eq!(past.weekday(), due.weekday());
            prop_assert!((1..=7).contains(&(today - past).num_days()));
            prop_assert!((1..=7).contains(&(due - today).num_days()));
        }
    }

    #[test]
    fn accepts_exactly_what_chrono_accepts(y in 1000i32..3000, m in 0u32..14, d in 0u32..33) {
        let iso = format!("{y:04}-{m:02}-{d:02}");
        let uk = format!("{d:02}/{m:02}/{y:04}");
        let real = NaiveDate::from_ymd_opt(y, m, d);
        prop_assert_eq!(parse_date(&iso, today()).ok(), real);
        prop_assert_eq!(parse_date(&uk, today()).ok(), real);
    }

    #[test]
    fn never_panics_on_arbitrary_text(s in "\\PC{0,20}") {
        let _ = parse_date(&s, today());
        let _ = parse_due_date(&s, today());
        let _ = parse_time(&s);
        let _ = show_dates(&s, "%d %b %Y");
    }
}
