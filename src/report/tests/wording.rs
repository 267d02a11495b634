//! Figures beside a limit, and the hours facts a grievance gives.

use super::{J, d};
use crate::report::document::{WTR_LIMIT, below_limit};
use crate::report::{Format, render};

#[test]
fn a_figure_under_a_limit_is_never_rounded_up_to_it() {
    assert_eq!(below_limit(47.95, WTR_LIMIT, 1), "47.95");
    assert_eq!(below_limit(47.999, WTR_LIMIT, 1), "just under 48");
    assert_eq!(below_limit(47.996, WTR_LIMIT, 2), "just under 48");
    assert_eq!(below_limit(47.94, WTR_LIMIT, 1), "47.9");
    assert_eq!(below_limit(44.5, WTR_LIMIT, 1), "44.5");
    // At or over the limit, as usual.
    assert_eq!(below_limit(48.0, WTR_LIMIT, 1), "48.0");
    assert_eq!(below_limit(50.04, WTR_LIMIT, 1), "50.0");
    assert_eq!(below_limit(49.123, WTR_LIMIT, 2), "49.12");
}

fn grievance(j: &J, from: &str, to: &str) -> String {
    let r = j.report(from, to, to);
    String::from_utf8(render(&r, Format::Md, "%d %b %Y")).unwrap()
}

#[test]
fn the_longest_week_just_under_48_hours_is_not_called_48() {
    let mut j = J::default();
    // Mon 20 to Fri 24 Jul 2026: 5 x 9.59 = 47.95 hours.
    for day in d("2026-07-20").iter_days().take(5) {
        j.hours(day, 9.59);
    }
    let md = grievance(&j, "2026-07-01", "2026-07-31");
    assert!(md.contains("My longest week was 47.95 hours"), "{md}");
    assert!(!md.contains("week was 48.0"), "{md}");
}

#[test]
fn the_grievance_gives_the_17_week_average_within_the_limit_as_the_stress_record_does() {
    let mut j = J::default();
    // 20 weeks of 8 hours a weekday from Mon 5 Jan 2026 (40 h a week).
    for day in d("2026-01-05").iter_days().take(20 * 7) {
        use chrono::Datelike;
        if day.weekday().num_days_from_monday() < 5 {
            j.hours(day, 8.0);
        }
    }
    let md = grievance(&j, "2026-01-05", "2026-05-24");
    let facts = md.split("## Summary of the facts").nth(1).unwrap();
    let facts = facts.split("\n## ").next().unwrap();
    let average = facts
        .lines()
        .find(|l| l.starts_with("- My highest 17-week average was "))
        .unwrap_or_else(|| panic!("{facts}"));
    assert!(
        average.contains(
            "(the Working Time Regulations limit is an average of 48 hours a week over 17 weeks)"
        ),
        "{average}"
    );
    // After the longest week, among the hours facts.
    let longest = facts.find("- My longest week").unwrap();
    assert!(longest < facts.find(average).unwrap(), "{facts}");
    // Records that cover fewer than 17 weeks say there is no average.
    let short = grievance(&j, "2026-01-05", "2026-02-22");
    assert!(
        short.contains(
            "There is no 17-week average: no run of 17 whole weeks of records ends in the period."
        ),
        "{short}"
    );
}

fn notice_of(j: &J, to: &str) -> String {
    let mut r = j.report("2026-01-01", to, to);
    r.purpose = "notice";
    String::from_utf8(render(&r, Format::Txt, "%d %b %Y"))
        .unwrap()
        .replace('\u{a0}', " ")
}

fn notice(j: &J) -> String {
    let mut r = j.report("2026-01-01", "2026-12-31", "2026-12-31");
    r.purpose = "notice";
    String::from_utf8(render(&r, Format::Txt, "%d %b %Y"))
        .unwrap()
        .replace('\u{a0}', " ")
}

#[test]
fn the_notice_counts_the_deadlines_due_in_and_soon_after_leave_and_names_the_unmet() {
    use crate::domain::event::LeaveKind;
    let mut j = J::default();
    j.case("A", "general", "2026-07-01");
    j.leave(LeaveKind::Annual, "2026-08-03", "2026-08-07");
    let met = j.deadline(Some("A"), "2026-08-05"); // in leave, met late
    j.met(met, "2026-08-10");
    j.deadline(Some("A"), "2026-08-06"); // in leave, never met
    j.deadline(None, "2026-08-12"); // 3 working days after the return, never met
    let text = notice(&j);
    let line = text
        .lines()
        .find(|l| l.contains("fell due during my leave"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("2 deadlines fell due during my leave and 1 within 3 working days of my return: 1 met after the due date, and not met: ")
            && line.contains("due 06 Aug 2026")
            && line.contains("due 12 Aug 2026"),
        "{line}"
    );
    // Many unmet are counted, not named.
    for _ in 0..5 {
        j.deadline(None, "2026-08-04");
    }
    let text = notice(&j);
    let line = text
        .lines()
        .find(|l| l.contains("fell due during my leave"))
        .unwrap();
    assert!(
        line.contains(" not met.") && !line.contains("not met: "),
        "{line}"
    );
}

#[test]
fn the_notice_lists_up_to_twelve_upcoming_deadlines_and_counts_more() {
    let mut j = J::default();
    j.case("A", "general", "2026-12-01");
    for day in 2..=13 {
        j.deadline(Some("A"), &format!("2026-12-{day:02}"));
    }
    let text = notice_of(&j, "2026-12-01");
    let line = text
        .lines()
        .find(|l| l.contains("due in the next four weeks"))
        .unwrap();
    assert!(
        line.contains("13 Dec 2026") && !line.contains("more"),
        "{line}"
    );
    j.deadline(Some("A"), "2026-12-14");
    let text = notice_of(&j, "2026-12-01");
    let line = text
        .lines()
        .find(|l| l.contains("due in the next four weeks"))
        .unwrap();
    assert!(
        line.contains(
            "13 deadlines are due in the next four weeks, from 02 Dec 2026 to 14 Dec 2026"
        ) && line.contains("full list"),
        "{line}"
    );
}
