//! Reading lines that continue a known chain, a block of the file at a time: each block's
//! lines are decoded and hashed in parallel, then checked in order.

use super::Damage;
use super::line::{DecodeError, Hash, decode, hash, stub_hash};
use crate::domain::replay::Record;
use std::io::Read;

/// How much of the file is read and decoded at a time, so that memory holds one block of
/// the file rather than all of it.
pub const BLOCK: usize = 1 << 20;

/// Where the lines to read take up the chain.
#[derive(Debug, Clone, Copy)]
pub struct Continuing {
    /// The file offset the reader starts at (just after the last known whole line).
    pub offset: u64,
    /// How many bytes to read from there (the file's size when the read began).
    pub length: u64,
    /// The `seq` the first new line must have.
    pub seq: u64,
    /// The hash of the last known line: the first new line's `prev`.
    pub head: Hash,
}

/// What reading found, beyond the records themselves.
#[derive(Debug, PartialEq)]
pub struct LinesRead {
    pub head: Hash,
    /// The hash of the first line read, if any was.
    pub first_hash: Option<Hash>,
    /// The file offset after the last whole verified line.
    pub len: u64,
    /// Where the last whole verified line starts, if any was read.
    pub last_line_start: Option<u64>,
    pub damage: Option<Damage>,
    /// A last line without its newline that is not JSON at all: a write cut off, to set aside.
    pub torn: Option<Vec<u8>>,
    /// Whether the last verified record is a whole line that lacks only its newline (kept; the
    /// newline is added under the lock before the next append).
    pub unterminated: bool,
}

/// Reads whole lines from `reader` (positioned at `from.offset`), checks them against the
/// chain and appends their records to `records`, `block` bytes at a time. Stops at the first
/// damaged line.
pub fn read_lines(
    reader: impl Read,
    from: Continuing,
    records: &mut Vec<Record>,
    block: usize,
) -> std::io::Result<LinesRead> {
    let mut reader = reader.take(from.length);
    let mut out = LinesRead {
        head: from.head,
        first_hash: None,
        len: from.offset,
        last_line_start: None,
        damage: None,
        torn: None,
        unterminated: false,
    };
    let first_new = records.len();
    let mut pending = Vec::with_capacity(2 * block);
    // The file offset of pending[0].
    let mut base = from.offset;
    loop {
        let read = (&mut reader).take(block as u64).read_to_end(&mut pending)?;
        let at_end = read < block;
        let cut = if at_end {
            pending.len()
        } else {
            cut_before_last_line(&pending)
        };
        let before = records.len();
        let scan = scan(
            &pending[..cut],
            from.seq + (before - first_new) as u64,
            out.head,
            at_end,
            records,
        );
        if before == first_new && !at_end && cut > 0 {
            // Reserve once for the whole file, estimated from the first block, rather than
            // doubling a vector of a quarter of a million records.
            let estimate = (records.len() - before) as u64 * from.length / cut as u64;
            records.reserve(estimate as usize + 16);
        }
        if let Some(start) = scan.last_line_start {
            out.last_line_start = Some(base + start);
        }
        out.len = base + scan.consumed;
        out.head = scan.head;
        out.first_hash = out.first_hash.or(scan.first_hash);
        if scan.damage.is_some() {
            out.damage = scan.damage;
            return Ok(out);
        }
        if at_end {
            if scan.torn {
                out.torn = Some(pending[scan.consumed as usize..].to_vec());
            }
            out.unterminated = scan.unterminated;
            return Ok(out);
        }
        pending.drain(..cut);
        base += cut as u64;
    }
}

/// The result of reading a run of lines that continues a known chain (the records themselves
/// are pushed onto the caller's vector).
struct Scan {
    head: Hash,
    first_hash: Option<Hash>,
    /// Bytes of whole verified lines, and where the last of them starts (relative).
    consumed: u64,
    last_line_start: Option<u64>,
    /// Bytes after `consumed` are a last line without a newline that is not JSON.
    torn: bool,
    /// The last record consumed is the file's last line and has no newline.
    unterminated: bool,
    damage: Option<Damage>,
}

/// Reads the lines in `bytes`, continuing a chain whose last hash is `prev`. Lines are decoded
/// and hashed in parallel (each on its own), then checked in order: seq, prev, and what a bad
/// line means (SPEC 6). `at_end` says whether `bytes` runs to the end of the file; only then is
/// a final piece without a newline judged: a whole record that chains is kept (it lacks only
/// its newline), a piece that is not JSON at all is a write cut off (torn), and anything else
/// is damage, as is any bad line that ends in a newline, last or not.
fn scan(bytes: &[u8], first_seq: u64, prev: Hash, at_end: bool, records: &mut Vec<Record>) -> Scan {
    use rayon::prelude::*;
    let mut out = Scan {
        head: prev,
        first_hash: None,
        consumed: 0,
        last_line_start: None,
        torn: false,
        unterminated: false,
        damage: None,
    };
    // (start, end, has its newline)
    let mut lines: Vec<(usize, usize, bool)> = Vec::new();
    let mut start = 0usize;
    while start < bytes.len() {
        if let Some(nl) = memchr::memchr(b'\n', &bytes[start..]) {
            lines.push((start, start + nl, true));
            start += nl + 1;
        } else {
            if at_end {
                lines.push((start, bytes.len(), false));
            }
            break;
        }
    }
    let decoded: Vec<_> = lines
        .par_iter()
        .map(|(s, e, _)| (decode(&bytes[*s..*e]), hash(&bytes[*s..*e])))
        .collect();
    records.reserve(lines.len());
    for (n, ((start, end, terminated), (result, line_hash))) in
        lines.into_iter().zip(decoded).enumerate()
    {
        let expected = first_seq + n as u64;
        let record = match result {
            Ok((record, line_prev)) => {
                if record.seq != expected {
                    out.damage = Some(Damage::SeqGap {
                        line: expected,
                        expected,
                        found: record.seq,
                    });
                    break;
                }
                if line_prev != Some(out.head) {
                    out.damage = Some(Damage::BrokenChain { line: expected });
                    break;
                }
                record
            }
            Err(DecodeError::NotJson(_)) if !terminated => {
                out.torn = true;
                break;
            }
            Err(DecodeError::NotJson(reason) | DecodeError::BadFields(reason)) => {
                out.damage = Some(Damage::Unreadable {
                    line: expected,
                    reason,
                });
                break;
            }
            Err(DecodeError::UnknownType(kind)) => {
                out.damage = Some(Damage::UnknownType {
                    line: expected,
                    kind,
                });
                break;
            }
        };
        // A redacted line's stub stands in the chain for the original line.
        let line_hash = stub_hash(&record.event).unwrap_or(line_hash);
        out.head = line_hash;
        out.first_hash = out.first_hash.or(Some(line_hash));
        records.push(record);
        out.last_line_start = Some(start as u64);
        out.consumed = end as u64 + u64::from(terminated);
        out.unterminated = !terminated;
    }
    out
}

/// Where the lines to decode now end in a block that is not the file's last: after the
/// second-to-last newline, so that the last whole line waits for the next block and is judged
/// knowing whether it is the file's last.
fn cut_before_last_line(block: &[u8]) -> usize {
    let Some(last_nl) = memchr::memrchr(b'\n', block) else {
        return 0;
    };
    memchr::memrchr(b'\n', &block[..last_nl]).map_or(0, |nl| nl + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Event, NoteAdded};
    use crate::journal::line::{GENESIS_PREV, encode, from_hex};
    use chrono::{DateTime, NaiveDate};
    use proptest::prelude::*;

    /// A chained journal of notes whose texts have the given lengths.
    fn journal(lengths: &[usize]) -> Vec<u8> {
        let at = DateTime::parse_from_rfc3339("2026-11-22T18:00:00+00:00").unwrap();
        let mut prev = GENESIS_PREV.to_string();
        let mut out = Vec::new();
        for (i, len) in lengths.iter().enumerate() {
            let record = Record {
                seq: i as u64 + 1,
                at,
                event: Event::from(NoteAdded {
                    date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
                    text: "x".repeat(*len),
                    standards: vec![],
                    stress: None,
                    told: None,
                }),
            };
            let line = encode(&record, &prev);
            prev = crate::journal::hash_hex(line.as_bytes());
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        out
    }

    fn read_all(bytes: &[u8], block: usize) -> (Vec<Record>, LinesRead) {
        let mut records = Vec::new();
        let from = Continuing {
            offset: 0,
            length: bytes.len() as u64,
            seq: 1,
            head: from_hex(GENESIS_PREV).unwrap(),
        };
        let read = read_lines(bytes, from, &mut records, block).unwrap();
        (records, read)
    }

    #[derive(Debug, Clone)]
    enum Tail {
        Whole,
        /// The next record cut off part-way (no newline): a torn write.
        CutOff(usize),
        /// The next record whole, but without its newline.
        Unterminated,
        /// A last line that is not JSON, with its newline: damage, not a torn write.
        Garbage,
        /// The next record whole but for one byte changed (`}` to `)`), without its newline:
        /// not JSON, so treated as a torn write.
        UnterminatedAndEdited,
        /// The next record whole and chained, but with a seq that is not the next one, without
        /// its newline: it parses, so it is damage.
        UnterminatedWrongSeq,
        /// A line in the middle edited.
        Edited(usize),
    }

    fn tail() -> impl Strategy<Value = Tail> {
        prop_oneof![
            Just(Tail::Whole),
            (1usize..400).prop_map(Tail::CutOff),
            Just(Tail::Unterminated),
            Just(Tail::Garbage),
            Just(Tail::UnterminatedAndEdited),
            Just(Tail::UnterminatedWrongSeq),
            (0usize..40).prop_map(Tail::Edited),
        ]
    }

    proptest! {
        /// Reading a block at a time finds exactly what reading the whole file at once does,
        /// whatever the block size and wherever the blocks split the lines; and what it finds
        /// at the end follows the repair rule (SPEC 6).
        #[test]
        fn any_block_size_reads_the_same(
            lengths in proptest::collection::vec(0usize..300, 0..40),
            tail in tail(),
            block in 1usize..700,
        ) {
            let mut bytes = journal(&lengths);
            let whole_len = bytes.len();
            let with_next = journal(&[lengths.as_slice(), &[7]].concat());
            let next = &with_next[whole_len..with_next.len() - 1];
            match &tail {
                Tail::Whole => {}
                Tail::CutOff(n) => bytes.extend_from_slice(&next[..(*n).min(next.len() - 1)]),
                Tail::Unterminated => bytes.extend_from_slice(next),
                Tail::Garbage => bytes.extend_from_slice(b"{\"seq\":\n"),
                Tail::UnterminatedAndEdited => {
                    bytes.extend_from_slice(&next[..next.len() - 1]);
                    bytes.push(b')');
                }
                Tail::UnterminatedWrongSeq => {
                    let text = String::from_utf8(next.to_vec()).unwrap();
                    let seq = lengths.len() + 1;
                    let text = text.replacen(&format!("\"seq\":{seq},"), &format!("\"seq\":{},", seq + 1), 1);
                    bytes.extend_from_slice(text.as_bytes());
                }
                Tail::Edited(n) => {
                    if let Some(at) = bytes
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| **b == b'"')
                        .nth(n * 7 + 3)
                        .map(|(i, _)| i)
                    {
                        bytes[at - 1] ^= 1;
                    }
                }
            }
            let whole = read_all(&bytes, bytes.len() + 1);
            let blocks = read_all(&bytes, block);
            prop_assert_eq!(&blocks.0, &whole.0);
            prop_assert_eq!(&blocks.1, &whole.1);
            let found = &whole.1;
            match tail {
                Tail::Whole => {
                    prop_assert_eq!(whole.0.len(), lengths.len());
                    prop_assert_eq!(found.len, bytes.len() as u64);
                    prop_assert!(found.damage.is_none() && found.torn.is_none());
                    prop_assert!(!found.unterminated);
                }
                Tail::CutOff(_) | Tail::UnterminatedAndEdited => {
                    prop_assert_eq!(whole.0.len(), lengths.len());
                    prop_assert_eq!(found.len, whole_len as u64);
                    prop_assert!(found.damage.is_none() && found.torn.is_some());
                    prop_assert!(!found.unterminated);
                }
                Tail::Unterminated => {
                    prop_assert_eq!(whole.0.len(), lengths.len() + 1);
                    prop_assert_eq!(found.len, bytes.len() as u64);
                    prop_assert!(found.damage.is_none() && found.torn.is_none());
                    prop_assert!(found.unterminated);
                    prop_assert_eq!(found.last_line_start, Some(whole_len as u64));
                }
                Tail::Garbage => {
                    prop_assert_eq!(whole.0.len(), lengths.len());
                    prop_assert!(found.torn.is_none());
                    let damaged_at = found.damage.as_ref().and_then(Damage::line);
                    prop_assert!(matches!(found.damage, Some(Damage::Unreadable { .. })), "{:?}", found.damage);
                    prop_assert_eq!(damaged_at, Some(lengths.len() as u64 + 1));
                }
                Tail::UnterminatedWrongSeq => {
                    prop_assert_eq!(whole.0.len(), lengths.len());
                    prop_assert!(found.torn.is_none());
                    prop_assert!(matches!(found.damage, Some(Damage::SeqGap { .. })), "{:?}", found.damage);
                }
                Tail::Edited(_) => {}
            }
        }
    }

    #[test]
    fn every_cut_of_a_line_is_torn_and_only_the_whole_line_is_a_record() {
        let bytes = journal(&[3, 40]);
        let first = bytes.iter().position(|b| *b == b'\n').unwrap() + 1;
        for cut in first + 1..bytes.len() {
            let (records, read) = read_all(&bytes[..cut], 16);
            if cut == bytes.len() - 1 {
                assert_eq!((records.len(), read.unterminated), (2, true));
                assert!(read.torn.is_none());
            } else {
                assert_eq!(records.len(), 1, "cut at {cut}");
                assert_eq!(
                    read.torn.as_deref(),
                    Some(&bytes[first..cut]),
                    "cut at {cut}"
                );
                assert!(read.damage.is_none());
            }
        }
    }
}
