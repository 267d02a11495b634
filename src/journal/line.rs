//! One journal line: `seq`, `at`, the event's `type` and fields, and `prev`.

use crate::domain::Event;
use crate::domain::replay::Record;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The `prev` of the first line.
pub const GENESIS_PREV: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Lowercase hex SHA-256 of `bytes`.
pub fn hash_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from_digit(u32::from(b >> 4), 16).expect("nibble"));
        out.push(char::from_digit(u32::from(b & 0xf), 16).expect("nibble"));
    }
    out
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
pub enum DecodeError {
    /// Not JSON at all: at the end of the file, a torn write.
    NotJson(String),
    /// JSON, but with a `type` this version does not know.
    UnknownType(String),
    /// JSON with a known type but missing or bad fields.
    BadFields(String),
}

pub use super::decode::decode;
