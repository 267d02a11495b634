//! Leave as evidence: the return is the first working day after it, and what was due or done
//! in it stays on the record whatever happened later.

use super::{J, d};
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
                a.due,
                a.leave_to,
                a.returned_on,
                a.working_days_after_return,
            )
        })
        .collect();
    assert_eq!(
        back,
        [
            (d("2026-04-07"), d("2026-04-02"), d("2026-04-07"), 1),
            (d("2026-08-11"), d("2026-08-07"), d("2026-08-10"), 2),
            (d("2026-09-01"), d("2026-08-28"), d("2026-09-01"), 1),
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

#[test]
fn a_deadline_due_in_leave_stays_flagged_after_it_is_extended_and_shows_the_extension() {
    let mut j = J::default();
    j.case("A", "general", "2026-07-01");
    j.leave(LeaveKind::Annual, "2026-08-03", "2026-08-14");
    let id = j.deadline(Some("A"), "2026-08-05");
    // The extension is recorded on 20 Jul, moving the deadline out of the leave.
    j.push_at(
        Event::DeadlineExtended(DeadlineExtended {
            deadline: id,
            due: super::d("2026-08-25"),
            reason: Some("court agreed after I raised my leave".into()),
        }),
        "2026-07-20",
    );
    j.met(id, "2026-08-24");
    let r = j.report("2026-01-01", "2026-12-31", "2026-12-31");
    assert_eq!(
        r.deadlines.in_leave.len(),
        1,
        "an extension never removes the flag"
    );
    let x = &r.deadlines.in_leave[0];
    assert_eq!((x.due, x.since.due_now), (d("2026-08-05"), d("2026-08-25")));
    assert_eq!(x.since.extensions[0].recorded_on, Some(d("2026-07-20")));
    assert_eq!(
        x.since.extensions[0].reason.as_deref(),
        Some("court agreed after I raised my leave")
    );
    assert_eq!(
        (x.since.met_on, x.since.outcome),
        (Some(d("2026-08-24")), "on_time")
    );
    // The row the UI marks is the row the report lists.
    let state = crate::domain::replay::replay(&j.records);
    let flags =
        crate::report::leave_flags::LeaveFlags::compute(&state, &crate::config::Config::default());
    assert_eq!(
        flags.deadline(id),
        Some(crate::report::leave_flags::DeadlineFlag::InLeave)
    );
    let md = markdown(&r);
    assert!(
        md.contains("extended to 25\u{a0}Aug\u{a0}2026 (recorded 20\u{a0}Jul\u{a0}2026: court agreed after I raised my leave); met 24\u{a0}Aug\u{a0}2026"),
        "{md}"
    );
    assert!(md.contains("Filing due: met 24 Aug 2026. First due 05 Aug 2026; extended to 25 Aug 2026 (recorded 20 Jul 2026: court agreed after I raised my leave). | first due in leave; extended |"), "{md}");
}

#[test]
fn hours_logged_and_deadlines_met_on_leave_days_are_work_during_leave_everywhere() {
    let mut j = J::default();
    j.case("A", "general", "2026-07-01");
    j.leave(LeaveKind::Annual, "2026-08-03", "2026-08-14");
    j.timed("2026-08-05", (10, 0), (12, 30), 0); // a Wednesday of leave
    j.hours(super::d("2026-08-08"), 1.5); // the Saturday inside the leave
    let id = j.deadline(Some("A"), "2026-08-20");
    j.met(id, "2026-08-12"); // done from home on a leave day
    j.hours(super::d("2026-08-22"), 2.0); // a Saturday after the leave: not leave
    let r = j.report("2026-01-01", "2026-12-31", "2026-12-31");
    let w = &r.worked_during_leave;
    assert_eq!((w.days, w.hours, w.deadlines_met), (3, 4.0, 1));
    let days: Vec<_> = w
        .list
        .iter()
        .map(|x| (x.date, x.hours, x.deadlines_met.len()))
        .collect();
    assert_eq!(
        days,
        [
            (d("2026-08-05"), 2.5, 0),
            (d("2026-08-08"), 1.5, 0),
            (d("2026-08-12"), 0.0, 1)
        ]
    );
    assert_eq!(w.list[2].deadlines_met[0].case.as_deref(), Some("Case 1"));
    // The chronology calls it work during leave, not a non-working day.
    let flagged = |date: &str, kind: &str| {
        r.detail
            .chronology
            .iter()
            .find(|i| i.date == d(date) && i.kind == kind)
            .map(|i| i.flags.clone())
            .unwrap_or_default()
    };
    assert_eq!(flagged("2026-08-05", "hours"), ["worked during leave"]);
    assert_eq!(flagged("2026-08-08", "hours"), ["worked during leave"]);
    assert_eq!(
        flagged("2026-08-22", "hours"),
        ["worked on a non-working day"]
    );
    assert_eq!(flagged("2026-08-20", "deadline"), ["worked during leave"]);
    // Every purpose says so.
    for purpose in crate::report::Purpose::ALL {
        let mut p = j.report("2026-01-01", "2026-12-31", "2026-12-31");
        p.purpose = purpose.key();
        let md = markdown(&p);
        assert!(
            md.contains("I logged 4.0 hours of work on 2 days of leave, and met 1 deadline on days of leave."),
            "{purpose}: {md}"
        );
    }
}

#[test]
fn a_deadline_due_on_a_day_that_is_not_worked_is_not_called_the_nth_working_day_back() {
    let mut j = J::default();
    j.case("A", "general", "2026-03-02");
    // Leave Mon 2 - Wed 4 Mar 2026: back Thu 5 Mar; Thu and Fri are worked, Sat 7 Mar is not.
    j.leave(LeaveKind::Annual, "2026-03-02", "2026-03-04");
    j.deadline(Some("A"), "2026-03-07");
    // Leave to Thu 21 May: back Fri 22 May; Mon 25 May is the spring bank holiday.
    j.leave(LeaveKind::Annual, "2026-05-18", "2026-05-21");
    j.deadline(None, "2026-05-25");
    // And one due on a working day, for the words that stay.
    j.leave(LeaveKind::Annual, "2026-08-03", "2026-08-07");
    j.deadline(None, "2026-08-11");
    let r = j.report("2026-01-01", "2026-12-31", "2026-12-31");
    let after: Vec<_> = r
        .deadlines
        .soon_after_leave
        .iter()
        .map(|x| (x.due, x.working_days_after_return, x.due_on_working_day))
        .collect();
    assert_eq!(
        after,
        [
            (d("2026-03-07"), 2, false),
            (d("2026-05-25"), 1, false),
            (d("2026-08-11"), 2, true)
        ]
    );
    let md = markdown(&r).replace('\u{a0}', " ");
    for said in [
        "due Sat, not a working day, after 2 working days back: leave ended Wed 04 Mar 2026, back on Thu 05 Mar 2026",
        "due Mon, not a working day, after 1 working day back: leave ended Thu 21 May 2026, back on Fri 22 May 2026",
        "2nd working day back: leave ended Fri 07 Aug 2026, back on Mon 10 Aug 2026",
        "due on a non-working day (Sat), 2 working days after the return from leave (back on Thu 05 Mar 2026)",
        "due on the 2nd working day back from leave (back on Mon 10 Aug 2026)",
    ] {
        assert!(md.contains(said), "{said}\n{md}");
    }
    assert_eq!(md.matches("2nd working day back").count(), 2, "{md}");
}

/// The persona test's week, typed on one day: leave Mon 16 to Fri 20 Nov entered first, then
/// a case allocated on Fri 13 Nov. The leave moves the records' start back to 16 Nov; the
/// allocation does not, so it falls before the period. It is still the allocation just before
/// that leave, and says so.
#[test]
fn a_case_given_the_working_day_before_leave_is_flagged_though_it_precedes_the_period() {
    let mut j = J::default();
    let written = "2026-12-02";
    j.push_at(
        Event::LeaveAdded(LeaveAdded {
            kind: LeaveKind::Annual,
            from: d("2026-11-16"),
            to: d("2026-11-20"),
            note: None,
            imported: None,
        }),
        written,
    );
    j.push_at(
        Event::from(CaseAllocated {
            reference: "FD26P01240".into(),
            kind: "general".into(),
            allocated_on: d("2026-11-13"),
            allocated_by: Some("manager".into()),
            discussed: false,
            weight: None,
            note: None,
            imported: None,
        }),
        written,
    );
    let r = j.report("2025-12-03", "2026-12-02", "2026-12-02");
    assert_eq!(r.period.from, d("2026-11-16"));
    assert_eq!(r.caseload.allocated, 0, "allocated before the period");
    assert_eq!(r.allocations_before_leave.len(), 1);
    let flag = &r.allocations_before_leave[0];
    assert_eq!(
        (flag.allocated_on, flag.leave_from, flag.working_days_before),
        (d("2026-11-13"), d("2026-11-16"), 1)
    );
    // A leave that began before the period does not bring its own earlier allocations in.
    let later = j.report("2026-11-23", "2026-12-02", "2026-12-02");
    assert!(later.allocations_before_leave.is_empty());
    let md = markdown(&r);
    assert!(
        md.contains("1 working day before leave starting 16\u{a0}Nov\u{a0}2026"),
        "{md}"
    );
}
