//! Evidence a sceptical reader accepts, on journals built for each rule: no reference leaks
//! through free text in any format.
// A test may unwrap (it stops at the failing line), compare figures exactly, name the files
// it made itself by their extension, and run long as a table of cases.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::unused_self
)]

use caseload::config::{Config, preset};
use caseload::domain::event::*;
use caseload::domain::replay::Record;
use caseload::journal::{Access, Journal};
use caseload::report::{self, Format, Inputs, Period, Purpose, Report, Request};
use chrono::{DateTime, NaiveDate};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    day("2026-11-22")
}

/// A journal on disk whose records were written at the times given.
struct Built {
    _dir: tempfile::TempDir,
    journal: Journal,
    config: Config,
}

fn build(events: Vec<(&str, Event)>) -> Built {
    let records: Vec<Record> = events
        .into_iter()
        .enumerate()
        .map(|(i, (at, event))| Record {
            seq: i as u64 + 1,
            at: DateTime::parse_from_rfc3339(at).unwrap(),
            event,
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    Journal::create_sample(dir.path(), &records).unwrap();
    Built {
        journal: Journal::open(dir.path(), Access::ReadOnly).unwrap(),
        _dir: dir,
        config: Config::from_toml_text(Some(preset("cafcass-fca").unwrap()), None).unwrap(),
    }
}

fn model(b: &Built, purpose: Purpose, reveal: bool) -> Report {
    report::analyse(&Inputs::for_journal(
        &b.journal,
        &b.config,
        Request {
            period: Period::for_purpose(purpose, None, None, today()).unwrap(),
            purpose,
            reveal_refs: reveal,
            today: today(),
            generated_at: DateTime::parse_from_rfc3339("2026-11-22T18:30:00+00:00").unwrap(),
        },
    ))
}

fn case(reference: &str, on: &str, by: &str) -> Event {
    Event::from(CaseAllocated {
        reference: reference.into(),
        kind: "s7".into(),
        allocated_on: day(on),
        allocated_by: Some(by.into()),
        discussed: false,
        weight: None,
        note: None,
        imported: None,
    })
}

/// A reference that turns up, in other capitals, in every kind of free text.
fn hostile() -> Built {
    build(vec![
        (
            "2026-10-01T17:00:00+01:00",
            case("FD26P00123", "2026-10-01", "manager covering FD26P00123"),
        ),
        (
            "2026-10-01T17:05:00+01:00",
            case("FD26P00777", "2026-10-01", "team manager"),
        ),
        (
            "2026-10-01T17:06:00+01:00",
            Event::DeadlineSet(DeadlineSet {
                case: Some("FD26P00777".into()),
                what: "filing for fd26p00123 (linked to FD26P00777)".into(),
                due: day("2026-10-20"),
                imported: None,
            }),
        ),
        (
            "2026-10-02T17:00:00+01:00",
            Event::DeadlineExtended(DeadlineExtended {
                deadline: 3,
                due: day("2026-11-04"),
                reason: Some("court granted in Fd26P00123".into()),
            }),
        ),
        (
            "2026-10-05T18:00:00+01:00",
            Event::from(NoteAdded {
                date: day("2026-10-05"),
                text: "Home visit for FD26P00123 ran late; FD26P00777 hearing moved".into(),
                standards: vec![Standard::Demands],
                stress: Some(7),
                told: Some("manager, re fd26p00123".into()),
            }),
        ),
        (
            "2026-10-30T18:00:00+00:00",
            Event::CaseClosed(CaseClosed {
                reference: "FD26P00123".into(),
                on: day("2026-10-30"),
                outcome: Some("transferred with FD26P00777 papers".into()),
                imported: None,
            }),
        ),
    ])
}

#[test]
fn a_reference_in_any_free_text_is_replaced_in_every_format_whatever_its_case() {
    let b = hostile();
    for purpose in Purpose::ALL {
        let hidden = model(&b, purpose, false);
        for format in Format::ALL {
            let bytes = report::render(&hidden, format, "%d %b %Y");
            if format == Format::Pdf {
                // The PDF's words are glyph ids; they are drawn from these blocks and title.
                let doc = report::document::build(&hidden, "%d %b %Y");
                let text =
                    format!("{} {} {:?}", doc.title, doc.subtitle, doc.blocks).to_lowercase();
                assert!(!text.contains("fd26p"), "{purpose} pdf blocks: {text}");
                assert!(
                    !String::from_utf8_lossy(&bytes)
                        .to_lowercase()
                        .contains("fd26p")
                );
                continue;
            }
            let text = String::from_utf8(bytes).unwrap().to_lowercase();
            assert!(!text.contains("fd26p"), "{purpose} {format}: {text}");
        }
    }
    let r = model(&b, Purpose::Grievance, false);
    let md = String::from_utf8(report::render(&r, Format::Md, "%d %b %Y")).unwrap();
    assert!(md.contains("filing for Case 1 (linked to Case 2)"), "{md}");
    assert!(
        md.contains(
            "Home visit for Case 1 ran late; Case 2 hearing moved (told: manager, re Case 1)"
        ),
        "{md}"
    );
    assert!(md.contains("allocated by manager covering Case 1"), "{md}");
    assert!(md.contains("court granted in Case 1"), "{md}");
    assert!(
        md.contains("closed: transferred with Case 2 papers"),
        "{md}"
    );
    // With --reveal-refs the text is as written.
    let shown = model(&b, Purpose::Grievance, true);
    let md = String::from_utf8(report::render(&shown, Format::Md, "%d %b %Y")).unwrap();
    assert!(
        md.contains("filing for fd26p00123 (linked to FD26P00777)"),
        "{md}"
    );
}

/// `cases` Section 7 cases (2.5 h a week each) allocated on 2 Nov, and `hours` a day logged on
/// every weekday from 2 Nov to 20 Nov.
fn caseload(cases: usize, hours: f64) -> Built {
    let mut events: Vec<(String, Event)> = (0..cases)
        .map(|i| {
            (
                "2026-11-02T17:00:00+00:00".to_string(),
                case(&format!("C{i}"), "2026-11-02", "team manager"),
            )
        })
        .collect();
    for d in day("2026-11-02")
        .iter_days()
        .take_while(|d| *d <= day("2026-11-20"))
    {
        if chrono::Datelike::weekday(&d).num_days_from_monday() < 5 {
            events.push((
                format!("{d}T18:00:00+00:00"),
                Event::from(HoursLogged {
                    date: d,
                    start: None,
                    end: None,
                    break_minutes: None,
                    hours: Some(hours),
                    note: None,
                    imported: None,
                }),
            ));
        }
    }
    build(
        events
            .iter()
            .map(|(at, e)| (at.as_str(), e.clone()))
            .collect(),
    )
}

fn notice(b: &Built) -> String {
    String::from_utf8(report::render(
        &model(b, Purpose::Notice, false),
        Format::Md,
        "%d %b %Y",
    ))
    .unwrap()
}

#[test]
fn a_light_journal_gets_a_neutral_notice_and_a_heavy_one_states_its_figures() {
    // 4 cases: 10 of 37 hours = 27%; 7.4 hours a day is exactly the contract.
    let light = notice(&caseload(4, 7.4));
    assert!(
        light.contains(
            "my weighted workload is 27% of my contracted 37 hours: within my contracted hours."
        ),
        "{light}"
    );
    // The claims, not the definitions at the end (which say what overload would mean).
    let claims = &light[..light.find("How these figures are counted").unwrap()];
    for claim in [
        "cannot complete",
        "beyond my contracted",
        "above the threshold",
        "overload",
        "working beyond",
    ] {
        assert!(
            !claims.contains(claim),
            "the light notice claims {claim:?}: {light}"
        );
    }
    assert!(light.contains("Please can we meet to go through my caseload and the deadlines ahead, and agree priorities?"));

    // 20 cases: 50 of 37 hours = 135%; 10 hours a day over 15 working days = 39 hours beyond.
    let heavy = notice(&caseload(20, 10.0));
    assert!(
        heavy.contains(
            "my weighted workload is 135% of my contracted 37 hours: above the threshold of 110%."
        ),
        "{heavy}"
    );
    assert!(
        heavy.contains("I have worked 39.0 hours beyond my contracted hours on the days I logged (every working day has hours logged)."),
        "{heavy}"
    );
    assert!(
        heavy.contains("my weighted workload was above 110% in 3 weeks, at most 3 in a row, the weeks ending 08\u{a0}Nov\u{a0}2026 to 22\u{a0}Nov\u{a0}2026"),
        "{heavy}"
    );
    assert!(
        heavy.contains("not sustained overload by the measure of 4 consecutive weeks"),
        "{heavy}"
    );
    assert!(
        heavy
            .contains("On these figures I cannot complete all of this work in my contracted hours without the extra hours above continuing."),
        "{heavy}"
    );

    // 14 cases: 35 of 37 hours = 95%, but 9 hours a day logged: the hours support the request.
    let busy = notice(&caseload(14, 9.0));
    assert!(
        busy.contains("95% of my contracted 37 hours: within my contracted hours."),
        "{busy}"
    );
    assert!(
        busy.contains("I have been working beyond my contracted hours to keep up with this."),
        "{busy}"
    );
    assert!(!busy.contains("cannot complete"), "{busy}");
}

#[test]
fn every_purpose_ends_by_saying_how_its_figures_are_counted_and_whose_limits_they_are() {
    let own = caseload(4, 7.4);
    let mut agreed = caseload(4, 7.4);
    agreed.config = Config::from_toml_text(
        Some("[person]\nlimits_agreed_with = \"my team manager in supervision on 3 March 2026\""),
        None,
    )
    .unwrap();
    for purpose in Purpose::ALL {
        for format in [Format::Md, Format::Html] {
            let doc = String::from_utf8(report::render(
                &model(&own, purpose, false),
                format,
                "%d %b %Y",
            ))
            .unwrap();
            let at = doc
                .find("How these figures are counted")
                .unwrap_or_else(|| panic!("{purpose} {format}"));
            let tail = doc[at..].to_lowercase();
            let mut needles = vec![
                "sustained overload means above 110% for 4 or more consecutive weeks",
                "are my own settings and estimates; they have not been agreed with my employer",
                "first due date",
                "hours beyond contract",
            ];
            // The one-page supervision summary defines only its headline figures and points
            // to the full definitions (its period line says when the records begin).
            if purpose == Purpose::Supervision {
                needles.push("every definition in full");
            } else {
                needles.push("the records begin on 02");
            }
            if !matches!(purpose, Purpose::Notice | Purpose::Supervision) {
                needles.extend([
                    "days over the limit are calendar days",
                    "capacity %: the weekly hours all open cases need",
                    "a single week above 48 hours is not by itself a breach",
                    "the return from leave is the first working day after it",
                ]);
            }
            for needle in needles {
                assert!(tail.contains(needle), "{purpose} {format}: {needle}");
            }
            let doc = String::from_utf8(report::render(
                &model(&agreed, purpose, false),
                format,
                "%d %b %Y",
            ))
            .unwrap();
            assert!(
                doc.contains("were agreed with my team manager in supervision on 3 March 2026."),
                "{purpose} {format}"
            );
        }
        let blocks = format!(
            "{:?}",
            report::document::build(&model(&own, purpose, false), "%d %b %Y").blocks
        );
        assert!(
            blocks.contains("How these figures are counted"),
            "{purpose} pdf"
        );
    }
    let html = String::from_utf8(report::render(
        &model(&own, Purpose::Grievance, false),
        Format::Html,
        "%d %b %Y",
    ))
    .unwrap();
    assert!(html.contains("a single week above 48 hours is not by itself a breach"));
    assert!(
        !html.contains("the 48-hour limit\""),
        "the chart does not call 48 a weekly limit"
    );
}

#[test]
fn limits_agreed_with_must_be_plain_text() {
    let err = Config::from_toml_text(
        Some("[person]\nlimits_agreed_with = \"team\\u0007manager\""),
        None,
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains(
            "`person.limits_agreed_with` is not accepted: the text contains a control character"
        ),
        "{text}"
    );
}

fn note_on(date: &str, text: &str) -> Event {
    Event::from(NoteAdded {
        date: day(date),
        text: text.into(),
        standards: vec![Standard::Demands],
        stress: Some(5),
        told: None,
    })
}

#[test]
fn a_back_dated_line_appended_later_is_named_and_not_counted_as_written_at_the_time() {
    let b = build(vec![
        ("2026-11-02T18:00:00+00:00", note_on("2026-11-02", "Monday")),
        (
            "2026-11-10T18:00:00+00:00",
            note_on("2026-11-10", "Tuesday week"),
        ),
        // Appended after record 2, but claiming to have been written on 4 Nov, about 4 Nov.
        (
            "2026-11-04T18:00:00+00:00",
            note_on("2026-11-04", "Wednesday, added later"),
        ),
        (
            "2026-11-12T18:00:00+00:00",
            note_on("2026-11-12", "Thursday"),
        ),
    ]);
    let r = model(&b, Purpose::Grievance, false);
    let t = &r.integrity.time_order;
    assert_eq!(t.earlier_than_a_record_before, [3]);
    assert!(t.later_than_read.is_empty());
    // Three of the four, not four: the back-dated one is not contemporaneous.
    assert_eq!(r.integrity.contemporaneous_percent, Some(75.0));
    let md = String::from_utf8(report::render(&r, Format::Md, "%d %b %Y")).unwrap();
    assert!(
        md.contains("Out of time order: 1 record has a written time earlier than a record before it (record 3)."),
        "{md}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&report::render(&r, Format::Json, "%d %b %Y")).unwrap();
    assert_eq!(
        json["integrity"]["time_order"]["earlier_than_a_record_before"],
        serde_json::json!([3])
    );
    // A journal in order says so.
    let clean = build(vec![(
        "2026-11-02T18:00:00+00:00",
        note_on("2026-11-02", "Monday"),
    )]);
    let md = String::from_utf8(report::render(
        &model(&clean, Purpose::Stress, false),
        Format::Md,
        "%d %b %Y",
    ))
    .unwrap();
    assert!(md.contains("Every record was written no earlier than the records before it, and before this document was prepared."));
}

#[test]
fn documents_are_the_same_bytes_for_the_same_inputs_and_say_what_they_were_made_from() {
    let b = hostile();
    for purpose in Purpose::ALL {
        for format in Format::ALL {
            let once = report::render(&model(&b, purpose, false), format, "%d %b %Y");
            let again = report::render(&model(&b, purpose, false), format, "%d %b %Y");
            assert!(
                once == again,
                "{purpose} {format} differs between two renderings"
            );
            let text = if format == Format::Ics {
                String::from_utf8_lossy(&once).replace("\r\n ", "")
            } else {
                String::from_utf8_lossy(&once).into_owned()
            };
            let made = report::provenance::MadeFrom::find_in(text.as_bytes())
                .unwrap_or_else(|e| panic!("{purpose} {format}: {e}"));
            assert_eq!(made.purpose, purpose.key());
            let from = if purpose == Purpose::Supervision {
                "2026-10-26"
            } else {
                "2026-10-01"
            };
            assert_eq!(
                (made.from, made.to, made.today),
                (day(from), day("2026-11-22"), day("2026-11-22"))
            );
            assert_eq!(made.seq, 6);
            // Plain text gives the head shortened to 16 digits; every other format in full.
            if format == Format::Txt {
                assert_eq!(made.head, b.journal.head()[..16]);
            } else {
                assert_eq!(made.head, b.journal.head());
            }
            // Plain text's short line gives the day it was prepared (its words show no more),
            // read back as that day's last moment; every other format gives the moment.
            if format == Format::Txt {
                assert_eq!(made.prepared.date_naive(), day("2026-11-22"));
            } else {
                assert_eq!(made.prepared.to_rfc3339(), "2026-11-22T18:30:00+00:00");
            }
            assert_eq!(made.refs, "hidden");
        }
    }
}

#[test]
fn the_demo_notes_never_contradict_the_hours_logged_on_their_day() {
    use caseload::demo::{Intensity, generate_with};
    let mut checked = 0;
    for (intensity, seed) in [1, 2, 3, 4]
        .map(|s| (Intensity::Demo, s))
        .into_iter()
        .chain([(Intensity::Full, 1)])
    {
        let now = DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap();
        let records = generate_with(today(), now, 540, seed, intensity);
        let dir = tempfile::tempdir().unwrap();
        Journal::create_sample(dir.path(), &records).unwrap();
        let b = Built {
            journal: Journal::open(dir.path(), Access::ReadOnly).unwrap(),
            _dir: dir,
            config: Config::from_toml_text(Some(preset("cafcass-fca").unwrap()), None).unwrap(),
        };
        let state = b.journal.state();
        // The report's own reading of each day's hours over the whole journal: its flags.
        let r = report::analyse(&Inputs::for_journal(
            &b.journal,
            &b.config,
            Request {
                period: Period::resolve(Some(day("2020-01-01")), None, today()).unwrap(),
                purpose: Purpose::Grievance,
                reveal_refs: false,
                today: today(),
                generated_at: DateTime::parse_from_rfc3339("2026-11-22T18:30:00+00:00").unwrap(),
            },
        ));
        let flags = |date: NaiveDate| {
            r.detail
                .chronology
                .iter()
                .find(|i| i.kind == "hours" && i.date == date)
                .map(|i| i.flags.join("; "))
                .unwrap_or_default()
        };
        for n in &state.notes {
            let date = n.note.date;
            let iso = date.to_string();
            if r.period.from > date {
                continue;
            }
            let entries: Vec<_> = state
                .hours
                .iter()
                .filter(|h| h.entry.date == date)
                .collect();
            let last_end = entries
                .iter()
                .filter_map(|h| h.entry.end)
                .map(caseload::domain::ClockTime::minutes)
                .max()
                .unwrap_or(0);
            let text = n.note.text.as_str();
            if text.contains("lunch break") {
                assert!(
                    flags(date).contains("no 20-minute break"),
                    "{intensity:?} {iso}: {text} but {}",
                    flags(date)
                );
                checked += 1;
            }
            if text.contains("after 9pm") {
                assert!(
                    last_end >= 21 * 60,
                    "{intensity:?} {iso}: {text}, but work ended at {last_end}"
                );
                checked += 1;
            }
            if text.contains("into the evening") {
                assert!(
                    last_end >= 19 * 60,
                    "{intensity:?} {iso}: {text}, but work ended at {last_end}"
                );
            }
            if text.contains("at the weekend") {
                assert_eq!(
                    chrono::Datelike::weekday(&date),
                    chrono::Weekday::Mon,
                    "{iso}: {text}"
                );
            }
            if text.starts_with("Given a new case") || text.contains("Allocated") {
                continue;
            }
            assert!(
                !entries.is_empty(),
                "{intensity:?} {iso}: a note about a day with no hours logged: {text}"
            );
        }
    }
    assert!(
        checked > 0,
        "the notes that speak of the day's hours were checked"
    );
}
