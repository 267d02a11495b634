//! One journal line: `seq`, `at`, the event's `type` and fields, and `prev`.

use crate::domain::Event;
use crate::domain::replay::Record;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The `prev` of the first line.
pub const GENESIS_PREV: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A SHA-256 digest, as bytes.
pub type Hash = [u8; 32];

/// SHA-256 of `bytes`.
pub fn hash(bytes: &[u8]) -> Hash {
    Sha256::digest(bytes).into()
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn hash_hex(bytes: &[u8]) -> String {
    to_hex(&hash(bytes))
}

/// A digest as 64 lowercase hex digits (as `prev` and receipts write it).
pub fn to_hex(digest: &Hash) -> String {
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from_digit(u32::from(b >> 4), 16).expect("nibble"));
        out.push(char::from_digit(u32::from(b & 0xf), 16).expect("nibble"));
    }
    out
}

/// The digest written as `hex`, if it is exactly 64 lowercase hex digits.
pub fn from_hex(hex: &str) -> Option<Hash> {
    let digits = hex.as_bytes();
    if digits.len() != 64 {
        return None;
    }
    let nibble = |d: u8| match d {
        b'0'..=b'9' => Some(d - b'0'),
        b'a'..=b'f' => Some(d - b'a' + 10),
        _ => None,
    };
    let mut out = [0u8; 32];
    for (byte, pair) in out.iter_mut().zip(digits.chunks_exact(2)) {
        *byte = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(out)
}

/// What the chain takes as the hash of a line: the SHA-256 of its bytes or, for the stub of a
/// redacted line, the SHA-256 of the original line it carries.
pub fn chain_hash(bytes: &[u8]) -> Hash {
    if memchr::memmem::find(bytes, br#""type":"redacted""#).is_some()
        && let Ok((record, _)) = super::decode::decode(bytes)
        && let Some(original) = stub_hash(&record.event)
    {
        return original;
    }
    hash(bytes)
}

/// The original line's hash a stub carries, if `event` is a stub.
pub fn stub_hash(event: &Event) -> Option<Hash> {
    match event {
        Event::Redacted { sha256, .. } => from_hex(sha256),
        _ => None,
    }
}

/// Serialises a record as one line (without the newline).
pub fn encode(record: &Record, prev: &str) -> String {
    #[derive(Serialize)]
    struct LineRef<'a> {
        seq: u64,
        at: String,
        #[serde(flatten)]
        event: &'a Event,
        prev: &'a str,
    }
    let line = LineRef {
        seq: record.seq,
        at: record
            .at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        event: &record.event,
        prev,
    };
    serde_json::to_string(&line).expect("events always serialise")
}

/// Why a line could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Not JSON at all: at the end of the file without a newline, a torn write.
    #[error("not JSON: {0}")]
    NotJson(String),
    /// JSON, but with a `type` this version does not know.
    #[error("unknown type {0}")]
    UnknownType(String),
    /// JSON with a known type but missing or bad fields.
    #[error("{0}")]
    BadFields(String),
}

pub use super::decode::decode;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn hex_round_trips(digest in proptest::array::uniform32(any::<u8>())) {
            prop_assert_eq!(from_hex(&to_hex(&digest)), Some(digest));
        }
    }

    #[test]
    fn only_64_lowercase_hex_digits_are_a_digest() {
        assert_eq!(from_hex(GENESIS_PREV), Some([0; 32]));
        assert_eq!(from_hex(&GENESIS_PREV[1..]), None);
        assert_eq!(from_hex(&GENESIS_PREV.replace('0', "A")), None);
        assert_eq!(from_hex(&format!("{}g", &GENESIS_PREV[1..])), None);
    }
}
