//! Receipts: one line a user can hand to someone else to prove later that history did not
//! change.
//!
//! `caseload-receipt v2 seq=<n> head=<hex> at=<rfc3339> check=<10 hex>`. The check code's first
//! five digits are a checksum of the receipt's own text, so a receipt mistyped or garbled in an
//! email is told apart from a changed journal; its last five are bound to the journal's first
//! line too, so a receipt from another journal is told apart as well. A v1 receipt (no check
//! code) still verifies, but a mismatch cannot say which of the three it is.

use super::line::{Hash, hash, to_hex};
use std::fmt;
use std::str::FromStr;

/// The hash of line `seq`, when that line was written, and (v2) the check code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub seq: u64,
    pub head: String,
    pub at: String,
    /// `None` for a v1 receipt.
    pub check: Option<String>,
}

/// Digits of the check code: half for the receipt's text, half bound to the journal.
const HALF: usize = 5;

impl Receipt {
    fn body(&self) -> String {
        format!("seq={} head={} at={}", self.seq, self.head, self.at)
    }

    /// The checksum half of a check code, over the receipt's text and the bound half.
    fn own_half(&self, bound: &str) -> String {
        let text = format!("{} check={bound}", self.body());
        to_hex(&hash(text.as_bytes()))[..HALF].to_string()
    }

    /// The check code of this receipt for a journal whose first line hashes to `first`: the
    /// bound half from the receipt's text and that hash, then the checksum of it all.
    pub fn check_code(&self, first: &Hash) -> String {
        let text = format!("{} first={}", self.body(), to_hex(first));
        let bound = &to_hex(&hash(text.as_bytes()))[..HALF];
        format!("{}{bound}", self.own_half(bound))
    }

    /// Whether a v2 receipt's text agrees with its own check code (a v1 receipt always does):
    /// a character changed anywhere in it, the check code included, makes this false.
    pub fn is_consistent(&self) -> bool {
        self.check
            .as_deref()
            .is_none_or(|check| check[..HALF] == self.own_half(&check[HALF..]))
    }
}

impl fmt::Display for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.check {
            Some(check) => write!(f, "caseload-receipt v2 {} check={check}", self.body()),
            None => write!(f, "caseload-receipt v1 {}", self.body()),
        }
    }
}

/// Why a text is not a receipt at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReceiptError {
    #[error(
        "the receipt {what}; expected `caseload-receipt v2 seq=<n> head=<64 hex digits> at=<time> check=<10 hex digits>`, as printed by `caseload receipt` (or v1, without the check)"
    )]
    Malformed { what: &'static str },
}

fn malformed(what: &'static str) -> ReceiptError {
    ReceiptError::Malformed { what }
}

fn lower_hex(text: &str, len: usize) -> bool {
    text.len() == len
        && text
            .bytes()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
}

impl FromStr for Receipt {
    type Err = ReceiptError;

    /// Reads a receipt as printed, with any spacing between its parts (an email may wrap it).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let parts: Vec<&str> = s.split_whitespace().collect();
        let (version, rest) = match parts.as_slice() {
            ["caseload-receipt", version, rest @ ..] => (*version, rest),
            _ => return Err(malformed("does not start with `caseload-receipt`")),
        };
        let (seq, head, at, check) = match (version, rest) {
            ("v1", [seq, head, at]) => (seq, head, at, None),
            ("v2", [seq, head, at, check]) => (seq, head, at, Some(check)),
            ("v1" | "v2", _) => return Err(malformed("does not have the parts its version has")),
            _ => return Err(malformed("is of a version this caseload does not know")),
        };
        let seq = seq
            .strip_prefix("seq=")
            .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|n| n.parse::<u64>().ok())
            .filter(|n| *n >= 1)
            .ok_or_else(|| malformed("has no valid seq=<n>"))?;
        let head = head
            .strip_prefix("head=")
            .filter(|h| lower_hex(h, 64))
            .ok_or_else(|| malformed("has no valid head=<64 hex digits>"))?;
        let at = at
            .strip_prefix("at=")
            .filter(|a| chrono::DateTime::parse_from_rfc3339(a).is_ok())
            .ok_or_else(|| malformed("has no valid at=<time>"))?;
        let check = check
            .map(|c| {
                c.strip_prefix("check=")
                    .filter(|c| lower_hex(c, 2 * HALF))
                    .ok_or_else(|| malformed("has no valid check=<10 hex digits>"))
            })
            .transpose()?;
        Ok(Receipt {
            seq,
            head: head.to_string(),
            at: at.to_string(),
            check: check.map(str::to_string),
        })
    }
}

/// What checking a receipt against the journal found: one verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Line `seq` still hashes to the receipt's head, and the chain up to it is intact.
    Matches { seq: u64 },
    /// The receipt's text does not agree with its own check code.
    Mistyped,
    /// A well-typed receipt made from a journal whose first line is not this one's.
    OtherJournal,
    /// The journal has fewer records than the receipt names.
    Removed { seq: u64, records: u64 },
    /// A receipt of this journal whose record `seq` no longer hashes to its head.
    Changed { seq: u64, now: String },
    /// A v1 receipt whose record no longer hashes to its head: changed or mistyped.
    V1Mismatch { seq: u64, now: String },
}

impl super::Journal {
    /// The bytes of line `seq` (without its newline) as they are on disk now.
    pub(super) fn line_on_disk(
        &mut self,
        seq: u64,
    ) -> Result<Option<Vec<u8>>, super::JournalError> {
        use std::io::BufRead;
        let path = self.path();
        let file = self
            .disk
            .open_read(&path)
            .map_err(super::JournalError::io("cannot open", &path))?;
        let mut reader = std::io::BufReader::new(file);
        let mut line = Vec::new();
        for _ in 0..seq {
            line.clear();
            let read = reader
                .read_until(b'\n', &mut line)
                .map_err(super::JournalError::io("cannot read", &path))?;
            if read == 0 {
                return Ok(None);
            }
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        Ok(Some(line))
    }

    /// A v2 receipt for the current head, or `None` for an empty journal.
    pub fn receipt(&self) -> Option<Receipt> {
        let last = self.records.last()?;
        let mut receipt = Receipt {
            seq: last.seq,
            head: self.head.clone(),
            at: last.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            check: None,
        };
        receipt.check = Some(receipt.check_code(self.first_hash.as_ref()?));
        Some(receipt)
    }

    /// A v2 receipt for record `seq` as its line is on disk now, as [`Journal::receipt`]
    /// would have given it when `seq` was the last record (for re-making a document from the
    /// journal as it was then); `None` past the end.
    pub fn receipt_at(&mut self, seq: u64) -> Result<Option<Receipt>, super::JournalError> {
        let Some(record) = seq
            .checked_sub(1)
            .and_then(|i| self.records.get(i as usize))
        else {
            return Ok(None);
        };
        let at = record
            .at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
        let Some(line) = self.line_on_disk(seq)? else {
            return Ok(None);
        };
        let Some(first) = self.first_hash else {
            return Ok(None);
        };
        let mut receipt = Receipt {
            seq,
            head: to_hex(&super::line::chain_hash(&line)),
            at,
            check: None,
        };
        receipt.check = Some(receipt.check_code(&first));
        Ok(Some(receipt))
    }

    /// Checks a receipt against the journal as it is on disk now. The chain up to the last
    /// record was checked on load; a damaged journal is the caller's to report first.
    pub fn check_receipt(&mut self, receipt: &Receipt) -> Result<Verdict, super::JournalError> {
        if !receipt.is_consistent() {
            return Ok(Verdict::Mistyped);
        }
        if let (Some(check), Some(first)) = (&receipt.check, &self.first_hash)
            && *check != receipt.check_code(first)
        {
            return Ok(Verdict::OtherJournal);
        }
        let records = self.records.len() as u64;
        if receipt.seq > records {
            return Ok(Verdict::Removed {
                seq: receipt.seq,
                records,
            });
        }
        let line = self.line_on_disk(receipt.seq)?.unwrap_or_default();
        let now = to_hex(&super::line::chain_hash(&line));
        Ok(if now == receipt.head {
            Verdict::Matches { seq: receipt.seq }
        } else if receipt.check.is_some() {
            Verdict::Changed {
                seq: receipt.seq,
                now,
            }
        } else {
            Verdict::V1Mismatch {
                seq: receipt.seq,
                now,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn receipt() -> Receipt {
        let mut r = Receipt {
            seq: 12,
            head: "a".repeat(64),
            at: "2026-11-22T10:00:00+00:00".into(),
            check: None,
        };
        r.check = Some(r.check_code(&[7; 32]));
        r
    }

    #[test]
    fn round_trips_v1_and_v2_and_refuses_malformed_lines() {
        let v2 = receipt();
        assert!(
            v2.to_string()
                .starts_with("caseload-receipt v2 seq=12 head=aaaa")
        );
        assert_eq!(v2.to_string().parse::<Receipt>(), Ok(v2.clone()));
        let v1 = Receipt { check: None, ..v2 };
        assert!(v1.to_string().starts_with("caseload-receipt v1 "));
        assert_eq!(v1.to_string().parse::<Receipt>(), Ok(v1.clone()));
        let wrapped = v1.to_string().replace(" head", "\n  head");
        assert_eq!(wrapped.parse::<Receipt>(), Ok(v1));
        for bad in [
            "",
            "caseload-receipt v3 seq=1 head=x at=y",
            "caseload-receipt v1 seq=0 head=aa at=y",
            "caseload-receipt v2 seq=1 head=aa at=y",
            "caseload-receipt v1 seq=+1 head=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa at=2026-11-22T10:00:00+00:00",
            "caseload-receipt v1 seq=1 head=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA at=2026-11-22T10:00:00+00:00",
            "caseload-receipt v1 seq=1 head=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa at=yesterday",
        ] {
            assert!(bad.parse::<Receipt>().is_err(), "{bad}");
        }
    }

    proptest! {
        /// Any single character changed in a v2 receipt, anywhere, is either refused as not a
        /// receipt or found to be mistyped: never taken for a changed journal. (The check is
        /// 20 bits, so this holds for all but about one change in a million.)
        #[test]
        fn one_character_changed_is_caught_as_a_typo(at in 0usize..140, to in proptest::char::range('0', 'z')) {
            let text = receipt().to_string();
            let at = at % text.len();
            let mut typed: Vec<char> = text.chars().collect();
            prop_assume!(typed[at] != to);
            typed[at] = to;
            let typed: String = typed.into_iter().collect();
            if let Ok(parsed) = typed.parse::<Receipt>() {
                prop_assert!(!parsed.is_consistent(), "{typed}");
            }
        }
    }
}
