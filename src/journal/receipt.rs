//! Receipts: one line a user can hand to someone else to prove later that history did not change.

use std::fmt;
use std::str::FromStr;

/// `caseload-receipt v1 seq=<n> head=<hex> at=<rfc3339>`: the hash of line `seq` and when
/// that line was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub seq: u64,
    pub head: String,
    pub at: String,
}

impl fmt::Display for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "caseload-receipt v1 seq={} head={} at={}",
            self.seq, self.head, self.at
        )
    }
}

const FORMAT: &str = "expected `caseload-receipt v1 seq=<n> head=<64 hex digits> at=<time>`, as printed by `caseload receipt`";

impl FromStr for Receipt {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = |what: &str| format!("the receipt {what}; {FORMAT}");
        let parts: Vec<&str> = s.split_whitespace().collect();
        let [magic, version, seq, head, at] = parts.as_slice() else {
            return Err(bad("does not have five parts"));
        };
        if *magic != "caseload-receipt" || *version != "v1" {
            return Err(bad("does not start with `caseload-receipt v1`"));
        }
        let seq = seq
            .strip_prefix("seq=")
            .and_then(|n| n.parse::<u64>().ok())
            .filter(|n| *n >= 1)
            .ok_or_else(|| bad("has no valid seq=<n>"))?;
        let head = head
            .strip_prefix("head=")
            .filter(|h| {
                h.len() == 64
                    && h.bytes()
                        .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
            })
            .ok_or_else(|| bad("has no valid head=<hex>"))?;
        let at = at
            .strip_prefix("at=")
            .filter(|a| !a.is_empty())
            .ok_or_else(|| bad("has no at=<time>"))?;
        Ok(Receipt {
            seq,
            head: head.to_string(),
            at: at.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_malformed_lines() {
        let r = Receipt {
            seq: 12,
            head: "a".repeat(64),
            at: "2026-11-22T10:00:00+00:00".into(),
        };
        assert_eq!(r.to_string().parse::<Receipt>(), Ok(r));
        for bad in [
            "",
            "caseload-receipt v2 seq=1 head=x at=y",
            "caseload-receipt v1 seq=0 head=aa at=y",
        ] {
            assert!(bad.parse::<Receipt>().is_err());
        }
    }
}
