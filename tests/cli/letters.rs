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

/// `caseload verify` with `args`, expecting exit `code`: its stdout, or its stderr on failure.
fn verify(s: &Sandbox, args: &[&str], code: i32) -> String {
    let out = s.cmd().arg("verify").args(args).output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stdout}{stderr}");
    if code == 0 { stdout } else { stderr }
}

/// The plain-text notice written to a file in `s`, with its path.
fn plain_notice(s: &Sandbox, extra: &[&str]) -> (std::path::PathBuf, String) {
    let file = s.dir.path().join("notice.txt");
    let mut args = vec![
        "report",
        "--purpose",
        "notice",
        "--format",
        "txt",
        "--force",
        "-o",
    ];
    args.push(file.to_str().unwrap());
    args.extend(extra);
    s.ok(&args);
    let text = std::fs::read_to_string(&file).unwrap();
    (file, text)
}

#[test]
fn the_plain_text_notice_has_no_markup_no_hash_and_ends_with_its_receipt() {
    let s = seeded();
    with_person(&s, "name = \"Jo Bloggs\"\nmanager = \"Ana María O'Neill\"");
    let (file, text) = plain_notice(&s, &[]);
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
    // The last line is the short record, which is also the receipt: no other receipt (the
    // one the integrity statement gave had its head shortened, and did not verify).
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("caseload-document v2 notice 2026-11-22..2026-11-22 2 "),
        "{last}"
    );
    // `prepared=` is there when the machine's day is not --today's.
    assert!(last.len() <= 110, "{} characters: {last}", last.len());
    assert_eq!(text.matches("caseload-document").count(), 1, "{text}");
    assert!(!text.contains("caseload-receipt"), "{text}");
    // The integrity statement is kept (a damaged chain is said there, and the share of
    // records written at the time), and says what the last line is and how to check it.
    assert!(
        text.contains("Integrity: ")
            && text.contains("The hash chain was intact")
            && text.contains("The last line of this text is its receipt.")
            && text.contains("caseload verify --document")
            && text.contains("caseload verify --receipt and that line in quotes"),
        "{text}"
    );
    let ok = verify(&s, &["--document", file.to_str().unwrap()], 0);
    assert!(ok.contains("is exactly the notice document (txt)"), "{ok}");
    // One byte changed: the line is named, and that the letter's details came from the
    // configuration in use.
    std::fs::write(&file, text.replacen("Ana María", "Ana Maria", 1)).unwrap();
    let altered = verify(&s, &["--document", file.to_str().unwrap()], 1);
    assert!(
        altered.contains("has been altered")
            && altered.contains("at line 3: the file has \"Dear Ana Maria O'Neill,\""),
        "{altered}"
    );
    assert!(
        altered.contains("does not carry the letter's details")
            && altered.contains(s.config().to_str().unwrap()),
        "{altered}"
    );
    // A manager typed for one report is not in the short line: the configuration names
    // another, so the text is made again with it, and the error says why it may differ.
    let (file, _) = plain_notice(&s, &["--manager", "Head of Service"]);
    let other = verify(&s, &["--document", file.to_str().unwrap()], 1);
    assert!(
        other
            .contains("\"Dear Head of Service,\" where caseload wrote \"Dear Ana María O'Neill,\"")
            && other.contains("taken from the configuration in use"),
        "{other}"
    );
}

#[test]
fn the_last_line_of_a_plain_text_is_a_receipt_that_verify_checks() {
    let s = seeded();
    let (_, text) = plain_notice(&s, &[]);
    let last = text.lines().last().unwrap().to_string();
    let ok = verify(&s, &["--receipt", &last], 0);
    assert!(
        ok.starts_with(
            "ok: the notice document's line for record 2 matches: nothing up to it has changed"
        ),
        "{ok}"
    );
    // Records added since are fine.
    s.ok(&["note", "add", "a later note"]);
    verify(&s, &["--receipt", &last], 0);
    // Any other format's `Made from:` line (the full v1 one) is read the same way.
    let md = s.ok(&["report", "--purpose", "grievance"]);
    let made_from = md
        .lines()
        .find(|l| l.contains("caseload-document v1"))
        .unwrap();
    verify(&s, &["--receipt", made_from], 0);
    // Another journal, or one with fewer records, does not match.
    let other = Sandbox::new();
    for text in ["one", "two"] {
        other.ok(&["note", "add", text]);
    }
    let changed = verify(&other, &["--receipt", &last], 1);
    assert!(
        changed
            .contains("the document's line does not match this journal: record 2 now hashes to "),
        "{changed}"
    );
    // The three possibilities, in order: the line edited, the journal changed, another one.
    let edited = changed.find("the line was edited").unwrap();
    let journal = changed
        .find("have changed since the document was made")
        .unwrap();
    let another = changed.find("it is another journal").unwrap();
    assert!(edited < journal && journal < another, "{changed}");
    let fewer = Sandbox::new();
    fewer.ok(&["note", "add", "only one"]);
    let removed = verify(&fewer, &["--receipt", &last], 1);
    assert!(
        removed.contains("records were removed since the document was made: its line names record 2, but the journal has only 1 records"),
        "{removed}"
    );
    // A garbled line is refused as mistyped input, naming the part.
    refused(
        &s,
        &[
            "verify",
            "--receipt",
            &last.replace("2026-11-22..", "2026-13-22.."),
        ],
        "--receipt: this document line cannot be read: its period `2026-13-22..2026-11-22` is not two dates",
    );
}

/// A plain text that ends with the full v1 line (as caseload wrote it before the short one,
/// head shortened to 16 digits) still verifies: made here through the library, as that
/// caseload made it.
#[test]
fn a_plain_text_ending_with_a_v1_line_still_verifies() {
    use caseload::report::{self, Inputs, Period, Purpose, Request};
    let s = seeded();
    let journal =
        caseload::journal::Journal::open(&s.data(), caseload::journal::Access::ReadOnly).unwrap();
    let config = caseload::config::Config::from_toml_text(
        Some(&std::fs::read_to_string(s.config()).unwrap()),
        None,
    )
    .unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let model = report::analyse(&Inputs::for_journal(
        &journal,
        &config,
        Request {
            period: Period::for_purpose(Purpose::Notice, None, None, today).unwrap(),
            purpose: Purpose::Notice,
            reveal_refs: true,
            today,
            generated_at: chrono::Local::now().fixed_offset(),
        },
    ));
    let text = report::plain_text_v1(&model, "%d %b %Y");
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("Made from: caseload-document v1 purpose=notice "),
        "{last}"
    );
    let file = s.dir.path().join("old.txt");
    std::fs::write(&file, &text).unwrap();
    verify(&s, &["--document", file.to_str().unwrap()], 0);
    std::fs::write(&file, text.replacen("Dear", "Deer", 1)).unwrap();
    let altered = verify(&s, &["--document", file.to_str().unwrap()], 1);
    assert!(altered.contains("has been altered"), "{altered}");
    assert!(!altered.contains("does not carry"), "{altered}");
}

/// Every purpose's plain text reads as text: a table row with a cell under an empty label
/// leads with it ("Employee"), never "- : Employee"; a table to complete is a form with a
/// labelled line to write on for each empty cell; one open case is "1 open case".
#[test]
fn plain_text_tables_read_as_text_and_forms() {
    let s = seeded();
    for purpose in ["grievance", "stress", "supervision", "notice"] {
        let text = s.ok(&["report", "--purpose", purpose, "--format", "txt"]);
        assert!(!text.contains("- : "), "{purpose}: {text}");
        assert!(
            !text
                .lines()
                .any(|l| l.starts_with("- ") && l.ends_with(": ")),
            "{purpose}: {text}"
        );
        if purpose == "supervision" {
            assert!(
                text.contains("\nNext supervision\n    Agreed: ____"),
                "{text}"
            );
        }
        if purpose == "stress" {
            assert!(
                text.contains("\nHazard (HSE standard): Demands\n    What is in place: ____")
                    && text.contains("\nEmployee\n    Name: ____"),
                "{text}"
            );
        }
        if purpose == "notice" {
            assert!(
                text.contains("I have 1 open case against a limit of 22"),
                "{text}"
            );
        }
    }
    // A name from the configuration fills its cell, and the row says whose it is.
    with_person(&s, "name = \"Jo Bloggs\"");
    let stress = s.ok(&["report", "--purpose", "stress", "--format", "txt"]);
    assert!(
        stress.contains("\nEmployee\n    Name: Jo Bloggs\n    Signature: ____"),
        "{stress}"
    );
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

#[test]
fn a_document_line_whose_record_number_was_edited_is_said_to_be_edited_not_the_journal() {
    let s = seeded();
    let (file, text) = plain_notice(&s, &[]);
    let last = text.lines().last().unwrap().to_string();
    // The record number changed from 2 to 1; the head is still record 2's.
    let edited = last.replacen(" 2 ", " 1 ", 1);
    assert_ne!(edited, last);
    let said = verify(&s, &["--receipt", &edited], 1);
    assert!(
        said.contains("the document's line was edited: it names record 1, but the head it gives")
            && said.contains("is record 2's in this journal")
            && said.contains("the journal is not what changed"),
        "{said}"
    );
    // verify --document with that line in the file says the same of the file.
    std::fs::write(&file, text.replace(&last, &edited)).unwrap();
    let out = s
        .cmd()
        .args(["verify", "--document"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line of what it was made from was edited: it names record 1")
            && stderr.contains("is record 2's in this journal"),
        "{stderr}"
    );
    // A head no record has: the three possibilities, the edited line first.
    let head = last.split(' ').nth(5).unwrap();
    let other_head = format!(
        "{}{}",
        &head[..15],
        if head.ends_with('0') { '1' } else { '0' }
    );
    std::fs::write(&file, text.replace(&last, &last.replace(head, &other_head))).unwrap();
    let out = s
        .cmd()
        .args(["verify", "--document"])
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("does not match this journal")
            && stderr.contains(
                "Either the document's line was edited, or the journal has changed since"
            )
            && stderr.contains("or it is another journal"),
        "{stderr}"
    );
}
