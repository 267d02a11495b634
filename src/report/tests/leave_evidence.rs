//! Leave as evidence: the return is the first working day after it, and what was due or done
//! in it stays on the record whatever happened later.

use super::J;
use crate::domain::event::*;
use crate::report::{Format, render};

fn markdown(r: &crate::report::Report) -> String {
    String::from_utf8(render(r, Format::Md, "%d %b %Y")).unwrap()
}

#[test]
fn the_return_is_the_first_working_day_after_leave_not_its_last_day() {
    let mut j = J::default();
    j.case("A", "general", "2026-03-02");
    // Annual leave to Fri 7 Aug: back on Mon 10 Aug.
    j.leave(LeaveKind::Annual, "2026-08-03", "2026-08-07");
    j.deadline(Some("A"), "2026-08-11");
    // Training to Fri 28 Aug; Mon 31 Aug is the summer bank holiday: back on Tue 1 Sep.
    j.leave(LeaveKind::Training, "2026-08-24", "2026-08-28");
    j.deadline(None, "2026-09-01");
    // Sick from Mon 30 Mar to Thu 2 Apr, then Good Friday and Easter Monday: back Tue 7 Apr.
    j.leave(LeaveKind::Sick, "2026-03-30", "2026-04-02");
    j.deadline(None, "2026-04-07");
    let r = j.report("2026-01-01", "2026-12-31", "2026-12-31");
    let back: Vec<_> = r
        .deadlines
        .soon_after_leave
        .iter()
        .map(|a| {
            (
                a.due.as_str(),
                a.leave_to.as_str(),
                a.returned_on.as_str(),
                a.working_days_after_return,
            )
        })
        .collect();
    assert_eq!(
        back,
        [
            ("2026-04-07", "2026-04-02", "2026-04-07", 1),
            ("2026-08-11", "2026-08-07", "2026-08-10", 2),
            ("2026-09-01", "2026-08-28", "2026-09-01", 1),
        ]
    );
    let md = markdown(&r);
    assert!(
        md.contains("2nd working day back: leave ended Fri\u{a0}07\u{a0}Aug\u{a0}2026, back on Mon\u{a0}10\u{a0}Aug\u{a0}2026"),
        "{md}"
    );
    assert!(md.contains("due on the 1st working day back from leave (back on Tue 01 Sep 2026)"));
    assert!(!md.contains("returning on"));
}
