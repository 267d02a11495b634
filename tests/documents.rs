//! Every document format, read back with a real reader where Rust has one, checked for leaks
//! of case references, and the Markdown of each purpose pinned for a fixed journal.
// A test may unwrap (it stops at the failing line), compare figures exactly, name the files
// it made itself by their extension, and run long as a table of cases.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::unused_self
)]

use caseload::config::{Config, preset};
use caseload::demo::generate;
use caseload::journal::{Access, Journal};
use caseload::report::{self, Format, Inputs, Period, Purpose, Report, Request};
use chrono::{DateTime, NaiveDate};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    journal: Journal,
    config: Config,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap();
    Journal::create_sample(dir.path(), &generate(today(), now, 540, 1)).unwrap();
    let journal = Journal::open(dir.path(), Access::ReadOnly).unwrap();
    let config = Config::from_toml_text(Some(preset("cafcass-fca").unwrap()), None).unwrap();
    Fixture {
        _dir: dir,
        journal,
        config,
    }
}

fn model(f: &Fixture, purpose: Purpose, reveal: bool) -> Report {
    report::analyse(&Inputs::for_journal(
        &f.journal,
        &f.config,
        Request {
            period: Period::for_purpose(purpose, None, None, today()).unwrap(),
            purpose,
            reveal_refs: reveal,
            today: today(),
            generated_at: DateTime::parse_from_rfc3339("2026-11-22T18:30:00+00:00").unwrap(),
        },
    ))
}

fn text(r: &Report, format: Format) -> String {
    String::from_utf8(report::render(r, format, "%d %b %Y")).unwrap()
}

#[test]
fn markdown_of_each_purpose_is_pinned() {
    let f = fixture();
    // As a user gets each by default: real references for the notice and supervision.
    for purpose in Purpose::ALL {
        let reveal = purpose.reveals_refs_by_default(Format::Md);
        let md = text(&model(&f, purpose, reveal), Format::Md);
        insta::assert_snapshot!(format!("markdown_{}", purpose.key()), md);
    }
}

#[test]
fn the_plain_text_notice_is_pinned() {
    let f = fixture();
    let txt = text(&model(&f, Purpose::Notice, true), Format::Txt);
    insta::assert_snapshot!("txt_notice", txt);
}

/// A plain text that ends with a full `caseload-document v1` line (as caseload wrote one
/// before the short line) is still made again byte for byte, so that `caseload verify
/// --document` can check one sent then: this snapshot is the plain-text notice as that
/// caseload pinned it, with only the words changed since (the notice's request).
#[test]
fn the_plain_text_notice_as_it_was_before_the_short_line_is_made_again() {
    let f = fixture();
    let txt = report::plain_text_v1(&model(&f, Purpose::Notice, true), "%d %b %Y");
    insta::assert_snapshot!("txt_notice_v1", txt);
}

#[test]
fn every_document_states_period_assumptions_unlogged_privacy_and_integrity() {
    let f = fixture();
    for purpose in Purpose::ALL {
        let r = model(&f, purpose, false);
        for format in [Format::Md, Format::Html] {
            let doc = text(&r, format);
            assert!(doc.contains("Period: "), "{purpose} {format}");
            assert!(
                doc.contains("Assumptions: contracted hours 37"),
                "{purpose} {format}"
            );
            assert!(doc.contains("Not logged: "), "{purpose} {format}");
            assert!(
                doc.contains("check them for names or other personal data"),
                "{purpose} {format}"
            );
            assert!(
                doc.contains("Receipt: caseload-receipt v2 seq=789"),
                "{purpose} {format}"
            );
            assert!(
                doc.contains("caseload verify --receipt"),
                "{purpose} {format}"
            );
        }
    }
    let grievance = text(&model(&f, Purpose::Grievance, false), Format::Md);
    let summary = grievance.find("## Summary of the facts").unwrap();
    let chronology = grievance.find("### Chronology").unwrap();
    let outcome = grievance.find("## The outcome I am asking for").unwrap();
    // The letter (facts, concerns raised before, health, outcome, meeting) comes first, and
    // the dated record after it as an enclosure.
    let raised = grievance
        .find("## When I raised these concerns before")
        .unwrap();
    let health = grievance.find("## The effect on my health").unwrap();
    let meeting = grievance.find("## A meeting").unwrap();
    assert!(
        summary < raised
            && raised < health
            && health < outcome
            && outcome < meeting
            && meeting < chronology,
        "the letter, then the chronology"
    );
    assert!(grievance.contains("This is a formal grievance under the grievance procedure."));
    assert!(grievance.contains("trade union representative or a colleague"));
    let stress = text(&model(&f, Purpose::Stress, false), Format::Md);
    for heading in [
        "## Demands:",
        "## Control:",
        "## Support:",
        "## Relationships:",
        "## Role:",
        "## Change:",
        "## Suggested points for discussion",
    ] {
        assert!(stress.contains(heading), "{heading}");
    }
    let notice = text(&model(&f, Purpose::Notice, false), Format::Md);
    assert!(
        notice.lines().count() < 40,
        "a notice fits on a screen: {} lines",
        notice.lines().count()
    );
    assert!(notice.contains("Please can we meet"));
}

#[test]
fn no_case_reference_leaks_without_reveal_refs() {
    let f = fixture();
    let refs: Vec<String> = f
        .journal
        .state()
        .cases
        .iter()
        .map(|c| c.reference.clone())
        .collect();
    assert!(refs.len() > 50);
    for purpose in Purpose::ALL {
        let hidden = model(&f, purpose, false);
        let shown = model(&f, purpose, true);
        for format in Format::ALL {
            if format == Format::Pdf {
                // PDF text is stored as glyph ids; its words come from the same blocks as HTML.
                assert!(report::render(&hidden, format, "%d %b %Y").starts_with(b"%PDF-"));
                continue;
            }
            let doc = text(&hidden, format);
            if let Some(leak) = refs.iter().find(|r| doc.contains(r.as_str())) {
                panic!("{purpose} {format} shows {leak}");
            }
            if format != Format::Ics && purpose == Purpose::Grievance {
                assert!(
                    refs.iter()
                        .any(|r| text(&shown, format).contains(r.as_str())),
                    "{format} with --reveal-refs shows references"
                );
            }
        }
    }
}

#[test]
fn csv_is_the_chronology_and_reads_back_with_a_csv_parser() {
    let f = fixture();
    let r = model(&f, Purpose::Grievance, false);
    let bytes = report::render(&r, Format::Csv, "%d %b %Y");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(
        reader.headers().unwrap(),
        vec!["date", "type", "case", "detail", "flags"]
    );
    let mut rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // The last row says what the file was made from.
    let made = rows.pop().unwrap();
    assert_eq!(
        (&made[1], &made[3]),
        ("document", r.made_from.line.as_str())
    );
    assert_eq!(rows.len(), r.detail.chronology.len());
    for (row, item) in rows.iter().zip(&r.detail.chronology) {
        assert_eq!(&row[0], item.date.to_string());
        assert_eq!(
            &row[3], item.detail,
            "quoting keeps commas, quotes and semicolons intact"
        );
    }
    assert!(
        rows.iter()
            .any(|r| r[3].contains(';') || r[3].contains(','))
    );
    let types: std::collections::BTreeSet<&str> = rows
        .iter()
        .map(|r| r.get(1).unwrap())
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    for t in ["allocated", "closed", "deadline", "leave", "note", "hours"] {
        assert!(types.contains(t), "{t}");
    }
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "RFC 4180 line ends");
}

#[test]
fn ics_reads_back_as_all_day_events_with_stable_uids() {
    use icalendar::{Calendar, CalendarComponent, Component};
    let f = fixture();
    let r = model(&f, Purpose::Grievance, false);
    let parsed: Calendar = text(&r, Format::Ics).parse().unwrap();
    let events: Vec<&icalendar::Event> = parsed
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    let deadlines = r
        .detail
        .chronology
        .iter()
        .filter(|i| i.kind == "deadline")
        .count()
        + r.detail.upcoming.len();
    let leave = r
        .detail
        .chronology
        .iter()
        .filter(|i| i.kind == "leave")
        .count();
    assert_eq!(events.len(), deadlines + leave);
    for e in &events {
        assert!(
            matches!(e.get_start(), Some(icalendar::DatePerhapsTime::Date(_))),
            "all-day: {:?}",
            e.get_summary()
        );
        assert!(e.get_uid().is_some());
    }
    let uids: std::collections::HashSet<_> = events
        .iter()
        .map(|e| e.get_uid().unwrap().to_string())
        .collect();
    assert_eq!(uids.len(), events.len(), "unique");
    // Exported again later, with more records in the journal, the same items keep their UIDs.
    let dir = tempfile::tempdir().unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap();
    let mut records = generate(today(), now, 540, 1);
    records.truncate(700);
    Journal::create_sample(dir.path(), &records).unwrap();
    let earlier = Journal::open(dir.path(), Access::ReadOnly).unwrap();
    let g = Fixture {
        _dir: dir,
        journal: earlier,
        config: f.config.clone(),
    };
    let before: Calendar = text(&model(&g, Purpose::Grievance, false), Format::Ics)
        .parse()
        .unwrap();
    let before_uids: Vec<String> = before
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => e.get_uid().map(String::from),
            _ => None,
        })
        .collect();
    assert!(!before_uids.is_empty());
    assert!(
        before_uids.iter().filter(|u| uids.contains(*u)).count() * 10 >= before_uids.len() * 8,
        "most UIDs unchanged"
    );
}

#[test]
fn html_is_self_contained_with_charts_and_a_print_stylesheet() {
    let f = fixture();
    let html = text(&model(&f, Purpose::Grievance, false), Format::Html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        html.matches("<svg").count(),
        3,
        "caseload, capacity and hours charts"
    );
    let stress = text(&model(&f, Purpose::Stress, false), Format::Html);
    assert!(
        stress.contains("aria-label=\"Line chart of the mean stress score"),
        "the stress pack charts the monthly score"
    );
    assert!(html.contains("@media print"));
    let lower = html.to_lowercase();
    for external in [
        "<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "href=",
    ] {
        assert!(!lower.contains(external), "{external}");
    }
    let without_svg_namespace = lower.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(
        !without_svg_namespace.contains("http://") && !without_svg_namespace.contains("https://")
    );
    // Text from notes is escaped.
    assert!(!html.contains("<b>"));
}

#[test]
fn markup_in_notes_is_escaped_in_html() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open(dir.path(), Access::ReadWrite).unwrap();
    j.append(|_, _| {
        caseload::domain::commands::add_note(caseload::domain::NoteAdded {
            date: today(),
            text: "<script>alert(1)</script> & \"quotes\"".into(),
            standards: vec![caseload::domain::Standard::Demands],
            stress: Some(5),
            told: None,
        })
    })
    .unwrap();
    let f = Fixture {
        _dir: dir,
        journal: j,
        config: Config::default(),
    };
    let html = text(&model(&f, Purpose::Stress, false), Format::Html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    assert!(!html.contains("<script>"));
}

#[test]
fn pdf_is_a_complete_a4_document_with_the_font_embedded() {
    let f = fixture();
    for purpose in Purpose::ALL {
        let pdf = report::render(&model(&f, purpose, false), Format::Pdf, "%d %b %Y");
        assert!(pdf.starts_with(b"%PDF-"), "{purpose}");
        let tail = String::from_utf8_lossy(&pdf[pdf.len().saturating_sub(64)..]).to_string();
        assert!(tail.trim_end().ends_with("%%EOF"), "{purpose}: {tail}");
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("DejaVuSans"), "the font is embedded");
        assert!(text.contains("/MediaBox[0 0 595 842]"), "A4");
    }
    // The grievance runs to several pages; the notice fits on one.
    let pages = |purpose| {
        let pdf = report::render(&model(&f, purpose, false), Format::Pdf, "%d %b %Y");
        let text = String::from_utf8_lossy(&pdf).to_string();
        let at = text.find("/Count ").expect("a page tree");
        text[at + 7..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse::<u32>()
            .unwrap()
    };
    assert!(pages(Purpose::Grievance) > 3);
    assert_eq!(pages(Purpose::Notice), 1);
    // The supervision summary is two pages on this journal (its notes and deadlines fill the
    // first, the closing statements the second); one page is the PDF layout's work (issue 12,
    // rendering half), which adds that assertion.
}

#[test]
fn every_format_is_offered_and_parses_by_its_key() {
    let keys: Vec<&str> = Format::ALL.iter().map(|f| f.key()).collect();
    assert_eq!(keys, ["md", "txt", "html", "pdf", "csv", "json", "ics"]);
    for f in Format::ALL {
        assert_eq!(f.key().parse::<Format>(), Ok(f));
    }
}

/// A PDF string as krilla writes text outside ASCII-only names: UTF-16BE hex with a BOM.
fn pdf_utf16_hex(text: &str) -> String {
    std::iter::once(0xFEFFu16)
        .chain(text.encode_utf16())
        .map(|u| format!("{u:04X}"))
        .collect()
}

#[test]
fn pdf_is_tagged_with_an_outline_and_declares_pdf_ua_1() {
    let f = fixture();
    for purpose in Purpose::ALL {
        let pdf = report::render(&model(&f, purpose, false), Format::Pdf, "%d %b %Y");
        let text = String::from_utf8_lossy(&pdf);
        // krilla writes the PDF/UA-1 identifier only when its PDF/UA-1 checks passed.
        assert!(text.contains("<pdfuaid:part>1</pdfuaid:part>"), "{purpose}");
        assert!(text.contains("/MarkInfo<</Marked true"), "{purpose}");
        assert!(text.contains("/StructTreeRoot"), "{purpose}");
        assert!(text.contains("/Outlines"), "{purpose}");
        assert!(text.contains("/S/H1"), "{purpose}");
    }
    let pdf = report::render(
        &model(&f, Purpose::Grievance, false),
        Format::Pdf,
        "%d %b %Y",
    );
    let text = String::from_utf8_lossy(&pdf);
    for role in ["/S/H2", "/S/P", "/S/L", "/S/LI", "/S/Lbl", "/S/LBody"] {
        assert!(text.contains(role), "{role} missing");
    }
    for role in ["/S/Table", "/S/TR", "/S/TH", "/S/TD", "/S/Figure"] {
        assert!(text.contains(role), "{role} missing");
    }
    // The chart is described in words for a screen reader.
    let alt = pdf_utf16_hex("Line chart of open cases at the end of each week from the week of");
    assert!(
        text.contains(&format!("/Alt<{}", &alt)),
        "no description of the chart"
    );
}

/// A journal holding one diary note with `text`.
fn with_note(text: &str) -> Fixture {
    use caseload::domain::NoteAdded;
    use caseload::domain::commands::add_note;
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open(dir.path(), Access::ReadWrite).unwrap();
    let note = NoteAdded {
        date: today(),
        text: text.into(),
        standards: vec![caseload::domain::Standard::Demands],
        stress: Some(6),
        told: None,
    };
    journal.append(|_, _| add_note(note.clone())).unwrap();
    Fixture {
        _dir: dir,
        journal,
        config: Config::from_toml_text(Some(preset("cafcass-fca").unwrap()), None).unwrap(),
    }
}

#[test]
fn a_note_the_font_cannot_show_still_gives_a_tagged_pdf_without_the_pdf_ua_claim() {
    let stress_pdf = |f: &Fixture| {
        let pdf = report::render(&model(f, Purpose::Stress, false), Format::Pdf, "%d %b %Y");
        assert!(pdf.starts_with(b"%PDF-"));
        String::from_utf8_lossy(&pdf).to_string()
    };
    let plain = stress_pdf(&with_note("Interpreter booked for the meeting again"));
    assert!(plain.contains("pdfuaid:part"));

    let f = with_note("Interpreter booked for the 会議 again");
    let text = stress_pdf(&f);
    assert!(
        !text.contains("pdfuaid:part"),
        "claims PDF/UA-1 with a character it cannot show"
    );
    assert!(text.contains("/StructTreeRoot"), "still tagged");
    // The Markdown of the same report has the note: it is the PDF's font that lacks it.
    let markdown = report::render(&model(&f, Purpose::Stress, false), Format::Md, "%d %b %Y");
    assert!(String::from_utf8(markdown).unwrap().contains("会議"));
}

#[test]
fn the_documents_definitions_agree_with_docs_definitions_md() {
    let definitions =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/DEFINITIONS.md"))
            .unwrap()
            .to_lowercase();
    let f = fixture();
    let md = text(&model(&f, Purpose::Grievance, false), Format::Md);
    let counted = md[md.find("## How these figures are counted").unwrap()..].to_lowercase();
    // Each rule, in the words both use.
    for (document, page) in [
        ("days over the limit are calendar days", "calendar days"),
        (
            "divided by my contracted",
            "÷ `work.contracted_hours` × 100",
        ),
        ("read on its sunday", "sundays in the period"),
        (
            "for 4 or more consecutive weeks",
            "only when the run is at least `limits.capacity_weeks` long",
        ),
        (
            "are my own settings and estimates; they have not been agreed with my employer",
            "your own settings and",
        ),
        ("(a + b) ÷ 17", "(a + b) ÷ 17"),
        (
            "a single week above 48 hours is not by itself a breach",
            "a single week above 48 hours is not by itself a breach",
        ),
        ("by its first due date", "its **first** due date"),
        (
            "the first working day after it",
            "the first working day after the leave",
        ),
        (
            "met on time, met late, overdue (past the due date and not met) or not yet due",
            "`on_time`",
        ),
        (
            "counts as neither worked nor expected",
            "count as neither worked nor expected",
        ),
        (
            "hours logged on a day of leave, or a deadline met on one",
            "hours logged on a day inside a leave period",
        ),
        (
            "written on the day it describes or the next day",
            "written that day or the next",
        ),
    ] {
        assert!(
            counted.contains(document),
            "the document lacks {document:?}"
        );
        assert!(definitions.contains(page), "DEFINITIONS.md lacks {page:?}");
    }
}

#[test]
fn the_stress_pack_lists_each_note_once_with_health_actions_and_signatures() {
    let f = fixture();
    let r = model(&f, Purpose::Stress, false);
    let notes = r.detail.notes.len();
    assert!(notes > 20, "{notes}");
    let text = text(&r, Format::Txt);
    let list = &text[text.find("My notes, in date order").unwrap()..];
    let list = &list[..list.find("Suggested points for discussion").unwrap()];
    // Plain text writes a table row as one "- " line.
    assert_eq!(list.matches("\n- Date: ").count(), notes, "{list}");
    assert!(
        text.contains("I was absent through sickness on 3 working days"),
        "{text}"
    );
    assert!(
        text.contains("the trend across the 13 scored months is"),
        "{text}"
    );
    let actions = &text[text.find("Actions agreed").unwrap()..];
    for standard in [
        "Demands",
        "Control",
        "Support",
        "Relationships",
        "Role",
        "Change",
    ] {
        // A fill-in table prints as a form: the row's name, then a line to write on for
        // each cell to complete.
        assert!(
            actions.contains(&format!(
                "\nHazard (HSE standard): {standard}\n    What is in place: ____"
            )),
            "{standard}: {actions}"
        );
    }
    assert!(
        actions.contains("Signed\n\nEmployee\n    Name: ____")
            && actions.contains("\nManager\n    Name: ____"),
        "{actions}"
    );
    assert!(!actions.contains("- : "), "{actions}");
    let md = self::text(&r, Format::Md);
    assert!(md.contains("| Hazard (HSE standard) | What is in place | Further action | By whom | By when | Review date |"));
    assert!(md.contains("| Employee |"), "{md}");
    let months = &r.health.stress_by_month;
    assert_eq!(months.len(), 13);
    assert_eq!(
        months.iter().map(|m| m.scored).sum::<u32>(),
        r.detail.notes.iter().filter(|n| n.stress.is_some()).count() as u32
    );
}

#[test]
fn the_grievance_says_when_the_concerns_were_raised_before_and_with_whom() {
    let f = fixture();
    let r = model(&f, Purpose::Grievance, false);
    let told: Vec<_> = r.detail.notes.iter().filter(|n| n.told.is_some()).collect();
    assert!(!told.is_empty());
    let text = text(&r, Format::Txt);
    let raised = &text[text.find("When I raised these concerns before").unwrap()..];
    let raised = &raised[..raised.find("The effect on my health").unwrap()];
    assert_eq!(raised.matches("\n- Date: ").count(), told.len(), "{raised}");
    assert!(raised.contains(&format!(
        "Raised with: {}",
        told[0].told.as_deref().unwrap()
    )));
    assert!(
        text.contains("Date: 22\u{a0}Nov\u{a0}2026"),
        "the letter is dated the report's today"
    );
}

#[test]
fn the_calendar_names_caseload_as_its_maker() {
    let f = fixture();
    let ics = text(&model(&f, Purpose::Grievance, false), Format::Ics);
    let prodids: Vec<&str> = ics.lines().filter(|l| l.starts_with("PRODID:")).collect();
    assert_eq!(
        prodids,
        [concat!(
            "PRODID:-//caseload//caseload ",
            env!("CARGO_PKG_VERSION"),
            "//EN"
        )]
    );
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{ics}"
    );
}

/// The pages of a PDF, as poppler's `pdftotext` reads it: a form feed ends each page.
fn pdf_pages(path: &std::path::Path) -> usize {
    let out = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) reads the PDF back");
    assert!(
        out.status.success(),
        "pdftotext could not read {}",
        path.display()
    );
    out.stdout.iter().filter(|b| **b == b'\x0c').count()
}

/// The PDF of each purpose, pages counted (golden), from the demo journal as `caseload demo
/// --generate` writes it (seed 1, 18 months) and from a one-month one (0.1 years): the
/// notice and the supervision summary are exactly one page each.
#[test]
fn the_pdf_pages_of_each_purpose_are_counted_and_notice_and_supervision_are_one() {
    let mut counted = String::new();
    for years in ["1.5", "0.1"] {
        let s = crate::common::Sandbox::new();
        let demo = s.dir.path().join("demo");
        let demo_str = demo.to_str().unwrap();
        s.ok(&[
            "demo",
            "--generate",
            demo_str,
            "--seed",
            "1",
            "--years",
            years,
        ]);
        let config = demo.join("config.toml");
        for purpose in Purpose::ALL {
            let file = s.dir.path().join(format!("{}.pdf", purpose.key()));
            s.ok(&[
                "--data-dir",
                demo_str,
                "--config",
                config.to_str().unwrap(),
                "report",
                "--purpose",
                purpose.key(),
                "--format",
                "pdf",
                "-o",
                file.to_str().unwrap(),
            ]);
            let pages = pdf_pages(&file);
            if matches!(purpose, Purpose::Notice | Purpose::Supervision) {
                assert_eq!(pages, 1, "the {purpose} of {years} years is {pages} pages");
            }
            counted.push_str(&format!("{years} years, {}: {pages}\n", purpose.key()));
        }
    }
    insta::assert_snapshot!("pdf_pages", counted);
}

/// A month fuller than the demo's (eight allocations, fourteen notes, some of two lines)
/// keeps its supervision summary to one page by listing its latest notes and saying how many
/// earlier ones are left out; the Markdown, which has no page, keeps them all. The tester's
/// month of seven notes took two pages, the second holding only the record's last line.
#[test]
fn a_full_month_keeps_the_supervision_to_one_page_and_says_what_it_left_out() {
    let s = crate::common::Sandbox::new();
    for i in 0..8 {
        let reference = format!("FD26P0{:04}", 100 + i);
        let on = format!("2026-10-{}", 27 + i % 4);
        s.ok(&["case", "add", &reference, "--kind", "s7", "--on", &on]);
    }
    for day in 1..=14 {
        let on = format!("2026-11-{:02}", day + 4);
        let text = format!(
            "Note {day}: allocated another case without discussion while the filing for the \
             section 7 report was due; worked late again to keep up with the visits"
        );
        s.ok(&[
            "note", "add", &text, "--on", &on, "--stress", "7", "--told", "manager",
        ]);
    }
    let file = s.dir.path().join("supervision.pdf");
    s.ok(&[
        "report",
        "--purpose",
        "supervision",
        "--format",
        "pdf",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(pdf_pages(&file), 1);
    let text = std::process::Command::new("pdftotext")
        .args(["-raw"])
        .arg(&file)
        .arg("-")
        .output()
        .unwrap()
        .stdout;
    let text = String::from_utf8(text).unwrap();
    assert!(
        text.contains("Note 14:"),
        "the latest note is listed: {text}"
    );
    assert!(
        !text.contains("Note 1:"),
        "the earliest is left out: {text}"
    );
    assert!(
        text.contains("earlier notes, left out to fit one page"),
        "{text}"
    );
    let markdown = s.ok(&["report", "--purpose", "supervision"]);
    assert!(markdown.contains("Note 1:") && markdown.contains("Note 14:"));
}
