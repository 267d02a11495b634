//! The letters' address and signature from `[person]` and the report flags, the outcome a
//! grievance asks for, which documents show real references by default, and the plain-text
//! notice.

use crate::common::Sandbox;
use crate::common::cli::{refused, seeded};

fn with_person(s: &Sandbox, person: &str) {
    let mut config = std::fs::read_to_string(s.config()).unwrap();
    config.push_str(&format!("\n[person]\n{person}\n"));
    std::fs::write(s.config(), config).unwrap();
}

#[test]
fn the_notice_is_addressed_and_signed_from_the_config_or_the_flags_or_marked_to_complete() {
    let s = seeded();
    // Plain text, so that the marks read as they are (Markdown escapes the brackets).
    let unset = s.ok(&["report", "--purpose", "notice", "--format", "txt"]);
    assert!(
        unset.contains("Dear [to complete: your manager's name],"),
        "{unset}"
    );
    assert!(unset.contains("\n[to complete: your name]\n"), "{unset}");
    with_person(
        &s,
        "name = \"Jo Bloggs\"\nrole = \"Family Court Adviser\"\nmanager = \"Sam Patel\"\nemployer = \"Cafcass\"",
    );
    let set = s.ok(&["report", "--purpose", "notice", "--format", "txt"]);
    assert!(set.contains("Dear Sam Patel,"), "{set}");
    assert!(
        set.contains("\nJo Bloggs\n\nFamily Court Adviser, Cafcass\n"),
        "{set}"
    );
    assert!(!set.contains("to complete"), "{set}");
    let flags = s.ok(&[
        "report",
        "--purpose",
        "notice",
        "--format",
        "txt",
        "--manager",
        "Head of Service",
        "--name",
        "J. Bloggs",
    ]);
    assert!(flags.contains("Dear Head of Service,"), "{flags}");
    assert!(flags.contains("\nJ. Bloggs\n"), "{flags}");
}

#[test]
fn the_outcome_fills_the_grievance_and_is_refused_elsewhere_or_when_not_text() {
    let s = seeded();
    let blank = s.ok(&["report", "--purpose", "grievance"]);
    assert!(blank.contains("To complete before sending."), "{blank}");
    let filled = s.ok(&[
        "report",
        "--outcome",
        "A caseload of 18 and a review in four weeks.",
    ]);
    assert!(
        filled.contains(
            "## The outcome I am asking for\n\nA caseload of 18 and a review in four weeks.\n"
        ),
        "{filled}"
    );
    for (args, needle) in [
        (
            &["report", "--purpose", "notice", "--outcome", "x"][..],
            "--outcome is for a grievance",
        ),
        (
            &["report", "--name", "Jo\u{7}Bloggs"],
            "--name: the text contains a control character",
        ),
    ] {
        refused(&s, args, needle);
    }
    with_person(&s, "manager = \"Sam\\u001b[31m\"");
    refused(
        &s,
        &["report"],
        "`person.manager` is not accepted: the text contains a control character",
    );
}

#[test]
fn notice_and_supervision_show_real_references_by_default_and_the_rest_pseudonyms() {
    let s = seeded();
    for (purpose, format, shown) in [
        ("notice", "md", true),
        ("notice", "txt", true),
        ("notice", "html", true),
        ("supervision", "md", true),
        ("notice", "json", false),
        ("supervision", "csv", false),
        ("grievance", "md", false),
        ("stress", "md", false),
    ] {
        let out = s.ok(&["report", "--purpose", purpose, "--format", format]);
        assert_eq!(out.contains("FD1"), shown, "{purpose} {format}: {out}");
        let hidden = s.ok(&[
            "report",
            "--purpose",
            purpose,
            "--format",
            format,
            "--pseudonyms",
        ]);
        assert!(!hidden.contains("FD1"), "{purpose} {format} --pseudonyms");
        let revealed = s.ok(&[
            "report",
            "--purpose",
            purpose,
            "--format",
            format,
            "--reveal-refs",
        ]);
        if shown {
            assert!(revealed.contains("FD1"), "{purpose} {format} --reveal-refs");
        }
    }
    refused(
        &s,
        &["report", "--reveal-refs", "--pseudonyms"],
        "cannot be used with",
    );
    let help = s.ok(&["report", "--help"]);
    assert!(help.contains("--pseudonyms"), "{help}");
    assert!(
        help.contains("a notice and a supervision summary go to your own manager"),
        "{help}"
    );
}

#[test]
fn the_plain_text_notice_has_no_markup_no_full_hash_and_still_verifies() {
    let s = seeded();
    with_person(&s, "name = \"Jo Bloggs\"\nmanager = \"Sam Patel\"");
    let file = s.dir.path().join("notice.txt");
    s.ok(&[
        "report",
        "--purpose",
        "notice",
        "--format",
        "txt",
        "--manager",
        "Ana María O'Neill",
        "-o",
        file.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("Subject: My current caseload"), "{text}");
    assert!(text.contains("Dear Ana María O'Neill,"), "{text}");
    for markup in ["<", "**", "# ", "`", "|"] {
        assert!(!text.contains(markup), "{markup:?} in {text}");
    }
    let longest_hex = text
        .split(|c: char| !c.is_ascii_hexdigit())
        .map(str::len)
        .max()
        .unwrap();
    assert!(longest_hex <= 16, "a hash of {longest_hex} digits: {text}");
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("Made from: caseload-document v1 purpose=notice "),
        "{last}"
    );
    assert_eq!(text.matches("caseload-document").count(), 1, "{text}");
    // The integrity statement is kept (the first plain text dropped it, and with it the
    // warning of a damaged chain, the receipt and the share of records written at the time).
    assert!(
        text.contains("Integrity: ") && text.contains("The hash chain was intact"),
        "{text}"
    );
    // The manager typed for this report is carried in the document, so the config can say
    // otherwise and the document still checks.
    let out = s
        .cmd()
        .args(["verify", "--document"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(&file, text.replace("Ana María", "Ana Maria")).unwrap();
    let out = s
        .cmd()
        .args(["verify", "--document"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has been altered"));
}

/// A plain text made from a damaged journal says so, as every format does: it is the one a
/// worker pastes into an email.
#[test]
fn every_plain_text_made_from_a_damaged_journal_says_so() {
    let s = seeded();
    for text in ["first week back", "second week back"] {
        s.ok(&["note", "add", text]);
    }
    let mut edited = s.lines();
    edited[2] = edited[2].replacen("first week", "first  week", 1);
    std::fs::write(s.journal_path(), edited.join("\n") + "\n").unwrap();
    for purpose in ["grievance", "stress", "supervision", "notice"] {
        let text = s.ok(&["report", "--purpose", purpose, "--format", "txt"]);
        assert!(
            text.contains("WARNING: the journal's hash chain was damaged"),
            "{purpose}: {text}"
        );
    }
}

/// The letter claims a record "kept at the time" only when its integrity statement bears it
/// out: this journal's records were written days after the day they describe (the real clock
/// is later than `--today`), as a log typed up afterwards is. The demo's golden grievance,
/// written day by day, still says "at the time".
#[test]
fn a_record_typed_up_afterwards_is_not_called_kept_at_the_time() {
    let s = Sandbox::new();
    for (day, text) in [("2026-11-19", "typed up later"), ("2026-11-20", "and this")] {
        s.ok(&["note", "add", text, "--on", day]);
    }
    let letter = s.ok(&["report", "--purpose", "grievance", "--from", "2026-11-19"]);
    assert!(!letter.contains("I kept at the time"), "{letter}");
    assert!(
        letter.contains("% of its records for this period were written on the day or the next day"),
        "{letter}"
    );
}
