//! A hostile journal through every writer: notes that a spreadsheet would run as formulas,
//! HTML and Markdown that a renderer would turn into markup (a remote image is a tracking
//! beacon), a 400-character word, right-to-left text, emoji and terminal escape sequences.
//! The rule is the same everywhere: the reader sees the characters that were typed, and no
//! program obeys them.
// A test may unwrap (it stops at the failing line), compare figures exactly, name the files
// it made itself by their extension, and run long as a table of cases.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::unused_self
)]

use crate::common;

use caseload::demo::generate;
use caseload::domain::event::DeadlineSet;
use caseload::domain::replay::Record;
use caseload::domain::{Event, NoteAdded, Standard};
use caseload::journal::Journal;
use chrono::{DateTime, Duration, NaiveDate};
use common::{Sandbox, TODAY};
use std::path::Path;

const FORMULAS: [&str; 4] = [
    "=HYPERLINK(\"http://x\",\"y\")",
    "+2 cases today",
    "-1 day left to file",
    "@SUM(A1:A9)",
];
const MARKUP: [&str; 6] = [
    "</td></tr></table><h1>X</h1>",
    "![i](http://host/x.png)",
    "<script>alert(1)</script>",
    "[click here](http://evil.example/)",
    "*bold* and _em_ | pipe",
    "# not a heading",
];
const RTL: [&str; 2] = ["שלום עולם", "مرحبا بالعالم"];
const EMOJI: &str = "tired 😀 again";
const ESCAPES: &str = "red \u{1b}[31malert\u{1b}[0m title \u{1b}]0;owned\u{7} \u{9b}2J";

fn long_word() -> String {
    "Overlong".repeat(50)
}

/// A demo journal with the hostile notes added near the end of the period: each a note of its
/// own, tagged with a standard so that the stress pack lists it too.
fn hostile() -> Sandbox {
    let s = Sandbox::new();
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap();
    let mut records: Vec<Record> = generate(today, now, 200, 7);
    let mut texts: Vec<String> = FORMULAS
        .iter()
        .chain(&MARKUP)
        .map(std::string::ToString::to_string)
        .collect();
    texts.push(long_word());
    texts.extend(RTL.iter().map(std::string::ToString::to_string));
    texts.push(EMOJI.to_string());
    texts.push(ESCAPES.to_string());
    texts.push("line one\n# line two\n- line three".to_string());
    let last = records.last().unwrap().at;
    for (i, text) in texts.into_iter().enumerate() {
        let seq = records.len() as u64 + 1;
        records.push(Record {
            seq,
            at: last + Duration::minutes(i as i64 + 1),
            event: Event::from(NoteAdded {
                date: today - chrono::Days::new(2),
                text,
                standards: vec![Standard::Demands],
                stress: Some(7),
                told: Some("manager =by email".to_string()),
            }),
        });
    }
    // A deadline too, for the writers that quote no notes (the notice, the calendar).
    records.push(Record {
        seq: records.len() as u64 + 1,
        at: last + Duration::minutes(60),
        event: Event::DeadlineSet(DeadlineSet {
            case: None,
            what: format!("{ESCAPES} {}", FORMULAS[0]),
            due: today + chrono::Days::new(5),
            imported: None,
        }),
    });
    Journal::create_sample(&s.data(), &records).unwrap();
    s
}

fn report(s: &Sandbox, purpose: &str, format: &str) -> Vec<u8> {
    let file = s.dir.path().join(format!("{purpose}.{format}"));
    let out = s
        .cmd()
        .args([
            "report",
            "--purpose",
            purpose,
            "--format",
            format,
            "--force",
            "-o",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{purpose} {format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if let Ok(dir) = std::env::var("HOSTILE_OUT") {
        std::fs::copy(&file, Path::new(&dir).join(file.file_name().unwrap())).unwrap();
    }
    std::fs::read(&file).unwrap()
}

const PURPOSES: [&str; 4] = ["grievance", "stress", "supervision", "notice"];

#[test]
fn the_csv_has_no_cell_a_spreadsheet_would_run() {
    let s = hostile();
    let bytes = report(&s, "grievance", "csv");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let mut details = Vec::new();
    for row in reader.records() {
        let row = row.unwrap();
        for cell in &row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a formula cell: {cell:?}"
            );
        }
        details.push(row[3].to_string());
    }
    for formula in FORMULAS {
        assert!(
            details
                .iter()
                .any(|d| d.starts_with(&format!("'{formula}"))),
            "{formula} is kept, as text"
        );
    }
    assert!(details.iter().any(|d| d.starts_with(&long_word())));
    assert!(
        details
            .iter()
            .any(|d| d.starts_with("red ^[[31malert^[[0m title ^[]0;owned^G")),
        "an escape character is shown, not kept"
    );
}

#[test]
fn the_markdown_renders_no_markup_from_the_notes() {
    use pulldown_cmark::{Event as Md, Options, Parser, Tag};
    let s = hostile();
    for purpose in PURPOSES {
        let md = String::from_utf8(report(&s, purpose, "md")).unwrap();
        let mut text = String::new();
        for event in Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
            match event {
                Md::Html(h) | Md::InlineHtml(h) => panic!("{purpose}: raw HTML {h:?}"),
                Md::Start(Tag::Image { dest_url, .. }) => panic!("{purpose}: an image {dest_url}"),
                Md::Start(Tag::Link { dest_url, .. }) => panic!("{purpose}: a link {dest_url}"),
                Md::Start(Tag::Heading { .. }) => text.push_str("\n#HEADING "),
                Md::Text(t) | Md::Code(t) => text.push_str(&t),
                Md::SoftBreak | Md::HardBreak => text.push('\n'),
                _ => {}
            }
        }
        assert!(!md.contains('\u{1b}'), "{purpose}: an escape character");
        if !matches!(purpose, "grievance" | "stress") {
            continue; // These quote no notes.
        }
        // What a reader sees is what was typed.
        for typed in MARKUP.iter().chain(&FORMULAS).chain(&RTL) {
            assert!(
                text.contains(typed),
                "{purpose}: {typed} is not shown as typed"
            );
        }
        assert!(!text.contains("#HEADING not a heading"), "{purpose}");
        assert!(!text.contains("#HEADING line two"), "{purpose}");
    }
}

#[test]
fn the_html_escapes_the_notes_and_wraps_long_words() {
    let s = hostile();
    for purpose in PURPOSES {
        let html = String::from_utf8(report(&s, purpose, "html")).unwrap();
        for bad in ["<script>", "<h1>X", "<img", "</table><h1>", "\u{1b}"] {
            assert!(!html.contains(bad), "{purpose}: {bad:?}");
        }
        assert!(html.contains("overflow-wrap: anywhere"), "{purpose}");
        if matches!(purpose, "grievance" | "stress") {
            assert!(
                html.contains(&format!("<td class=\"long\">{}", long_word())),
                "{purpose}: the long word's cell may break anywhere"
            );
            assert!(html.contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h1&gt;X"));
            assert!(html.contains(&long_word()));
        }
    }
}

/// The text of a PDF, as poppler's `pdftotext` reads it (a reader's copy and paste).
fn pdf_text(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) reads the PDF back");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_pdf_holds_every_word_typed() {
    let s = hostile();
    for purpose in ["grievance", "stress"] {
        report(&s, purpose, "pdf");
        let text = pdf_text(&s.dir.path().join(format!("{purpose}.pdf")));
        let squeezed: String = text.split_whitespace().collect();
        for typed in FORMULAS.iter().chain(&MARKUP) {
            let typed: String = typed.split_whitespace().collect();
            assert!(squeezed.contains(&typed), "{purpose}: {typed} missing");
        }
        // The long word is broken across lines to fit its column, and every letter is kept:
        // its pieces, read in order, with the other columns' words between them left out.
        let pieces: String = text
            .split_whitespace()
            .filter(|w| w.chars().all(|c| "Overlong".contains(c)))
            .collect();
        assert!(pieces.contains(&long_word()), "{purpose}: the long word");
        // Right-to-left words are there, whichever order a reader's extraction puts them in.
        for word in RTL.iter().flat_map(|t| t.split(' ')) {
            let backwards: String = word.chars().rev().collect();
            assert!(
                text.contains(word) || text.contains(&backwards),
                "{purpose}: {word} missing"
            );
        }
        for word in ["tired", "again", "alert"] {
            assert!(text.contains(word), "{purpose}: {word}");
        }
        assert!(!text.contains('\u{1b}'), "{purpose}: an escape character");
    }
}

#[test]
fn list_and_verify_show_escape_sequences_and_never_send_them() {
    let s = hostile();
    let out = s.cmd().args(["list", "notes"]).output().unwrap();
    assert!(out.status.success());
    assert!(!out.stdout.contains(&0x1b), "ESC reached the terminal");
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{9b}'));
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(
        listed.contains("red ^[[31malert^[[0m title ^[]0;owned^G \\u{9b}2J"),
        "{listed}"
    );
    let out = s.cmd().arg("verify").output().unwrap();
    assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b));
    // JSON escapes them itself.
    let out = s.cmd().args(["list", "notes", "--json"]).output().unwrap();
    assert!(!out.stdout.contains(&0x1b));
}

/// What a journal's escape sequences become: shown, in caret notation, never sent.
const SHOWN: &str = "red ^[[31malert^[[0m title ^[]0;owned^G \\u{9b}2J";

#[test]
fn the_plain_text_and_the_calendar_show_escape_sequences_and_never_send_them() {
    let s = hostile();
    for purpose in PURPOSES {
        let txt = String::from_utf8(report(&s, purpose, "txt")).unwrap();
        assert!(
            !txt.contains(|c: char| c.is_control() && c != '\n'),
            "{purpose}: a control character in the plain text"
        );
        assert!(
            txt.contains(SHOWN),
            "{purpose}: the deadline's escapes are shown"
        );
        if matches!(purpose, "grievance" | "stress") {
            // Plain text has no markup to escape: what was typed is what is written.
            for typed in MARKUP.iter().chain(&FORMULAS).chain(&RTL) {
                assert!(txt.contains(typed), "{purpose}: {typed} is not as typed");
            }
        }
    }
    let ics = String::from_utf8(report(&s, "grievance", "ics")).unwrap();
    assert!(
        !ics.contains(|c: char| c.is_control() && c != '\r' && c != '\n'),
        "a control character in the calendar"
    );
    // The calendar escapes `;` and `,` itself (RFC 5545), and folds long lines.
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains("red ^[[31malert^[[0m title ^[]0\\;owned^G"),
        "{unfolded}"
    );
}
