//! Receipts v2 and what verify says about them and about a missing journal.

use super::common::{Sandbox, sha256_hex};
use super::{failing, seeded};
use std::fs;

/// Rewrites `lines[from..]` so that each chains to the one before: what a forger who edits a
/// record and re-chains everything after it produces.
fn rechain(lines: &mut [String], from: usize) {
    for i in from..lines.len() {
        let mut v: serde_json::Value = serde_json::from_str(&lines[i]).unwrap();
        v["prev"] = sha256_hex(lines[i - 1].as_bytes()).into();
        lines[i] = serde_json::to_string(&v).unwrap();
    }
}

/// A failing receipt check: one verdict, on stderr, and nothing on stdout (the first release
/// printed "ok: … chain intact" there first).
fn verdict(s: &Sandbox, receipt: &str) -> (i32, String) {
    let out = s
        .cmd()
        .args(["verify", "--receipt", receipt])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    (out.status.code().unwrap(), err)
}

/// Receipts v2 (SPEC 6): a mistyped receipt, one from another journal, removed records and
/// changed records are four different verdicts, each alone. The first release called a
/// one-character typo "the journal was changed after the receipt was made".
#[test]
fn receipts_tell_a_typo_from_another_journal_from_a_changed_one() {
    let s = seeded(3);
    let receipt = s.ok(&["receipt"]).trim().to_string();
    s.ok(&["note", "add", "more"]);
    let out = s.ok(&["verify", "--receipt", &receipt]);
    assert!(
        out.starts_with("ok: the receipt for record 3 matches"),
        "{out}"
    );

    // One character mistyped, anywhere: in the head, the time, the check code.
    let in_time = receipt.find(" at=").unwrap() + 7;
    for at in [40, in_time, receipt.len() - 1] {
        let mut typo = receipt.clone().into_bytes();
        typo[at] = if typo[at] == b'1' { b'2' } else { b'1' };
        let typo = String::from_utf8(typo).unwrap();
        let (code, err) = verdict(&s, &typo);
        assert_eq!(code, 2, "{typo}: {err}");
        assert!(err.contains("this receipt is mistyped"), "{typo}: {err}");
        assert!(!err.contains("changed since"), "{err}");
    }

    // A forger edits record 2 and re-chains everything after it: same first record.
    let mut lines = s.lines();
    lines[1] = lines[1].replace("note 1", "note X");
    rechain(&mut lines, 2);
    fs::write(s.journal_path(), lines.join("\n") + "\n").unwrap();
    assert!(s.ok(&["verify"]).starts_with("ok: 4 records, chain intact"));
    let (code, err) = verdict(&s, &receipt);
    assert_eq!(code, 1);
    assert!(
        err.contains("records up to seq 3 have changed since the receipt: record 3 now hashes to"),
        "{err}"
    );

    // A whole, internally consistent journal made elsewhere.
    let forged = Sandbox::new();
    for text in ["forged 0", "forged 1", "forged 2", "forged 3"] {
        forged.ok(&["note", "add", text]);
    }
    fs::write(s.journal_path(), forged.journal_bytes()).unwrap();
    let (code, err) = verdict(&s, &receipt);
    assert_eq!(code, 1);
    assert!(
        err.contains("this receipt is not from this journal"),
        "{err}"
    );

    // Records removed.
    let original = seeded(3);
    let receipt = original.ok(&["receipt"]).trim().to_string();
    fs::write(
        original.journal_path(),
        original.lines()[..2].join("\n") + "\n",
    )
    .unwrap();
    let (code, err) = verdict(&original, &receipt);
    assert_eq!(code, 1);
    assert!(
        err.contains("records were removed since the receipt: it names record 3, but the journal has only 2 records"),
        "{err}"
    );
}

/// A v1 receipt (before check codes) still verifies; a mismatch says it cannot tell a typo
/// from a change.
#[test]
fn v1_receipts_still_verify() {
    let s = seeded(2);
    let v2 = s.ok(&["receipt"]).trim().to_string();
    let v1 = v2
        .replace("caseload-receipt v2", "caseload-receipt v1")
        .rsplit_once(" check=")
        .unwrap()
        .0
        .to_string();
    assert!(s.ok(&["verify", "--receipt", &v1]).contains("matches"));
    let mut typo = v1.into_bytes();
    let at = 40;
    typo[at] = if typo[at] == b'0' { b'1' } else { b'0' };
    let (code, err) = verdict(&s, &String::from_utf8(typo).unwrap());
    assert_eq!(code, 1);
    assert!(
        err.contains("a v1 receipt has no check code to tell which"),
        "{err}"
    );
}

#[test]
fn verify_on_a_missing_journal_says_so_and_fails() {
    let s = Sandbox::new();
    let (code, err) = failing(&s, &["verify"]);
    assert_eq!(code, 1);
    assert_eq!(
        err.trim_end(),
        format!(
            "caseload: no journal at {}; nothing has been recorded in this data folder (give another with --data-dir)",
            s.journal_path().display()
        )
    );
    assert!(!s.data().exists(), "verify created the folder");
}
