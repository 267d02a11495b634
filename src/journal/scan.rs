//! Reading lines that continue a known chain, a block of the file at a time: each block's
//! lines are decoded and hashed in parallel, then checked in order.

use super::Damage;
use super::line::{DecodeError, Hash, decode, hash};
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
    /// The file offset after the last whole verified line.
    pub len: u64,
    /// Where the last whole verified line starts, if any was read.
    pub last_line_start: Option<u64>,
    pub damage: Option<Damage>,
    /// An incomplete or unparseable last line, to set aside.
    pub torn: Option<Vec<u8>>,
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
        len: from.offset,
        last_line_start: None,
        damage: None,
        torn: None,
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
        if scan.damage.is_some() {
            out.damage = scan.damage;
            return Ok(out);
        }
        if at_end {
            if scan.torn {
                out.torn = Some(pending[scan.consumed as usize..].to_vec());
            }
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
    /// Bytes of whole verified lines, and where the last of them starts (relative).
    consumed: u64,
    last_line_start: Option<u64>,
    /// Bytes after `consumed` that are an incomplete or unparseable last line.
    torn: bool,
    damage: Option<Damage>,
}

/// Reads the whole lines in `bytes`, continuing a chain whose last hash is `prev`. Lines are
/// decoded and hashed in parallel (each on its own), then checked in order: seq, prev, and
/// what a bad line means (torn if it is the file's last and not JSON, damage otherwise).
/// `at_end` says whether `bytes` runs to the end of the file.
fn scan(bytes: &[u8], first_seq: u64, prev: Hash, at_end: bool, records: &mut Vec<Record>) -> Scan {
    use rayon::prelude::*;
    let mut out = Scan {
        head: prev,
        consumed: 0,
        last_line_start: None,
        torn: false,
        damage: None,
    };
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut start = 0usize;
    while start < bytes.len() {
        match memchr::memchr(b'\n', &bytes[start..]) {
            Some(nl) => {
                lines.push((start, start + nl));
                start += nl + 1;
            }
            None => {
                out.torn = at_end;
                break;
            }
        }
    }
    let decoded: Vec<_> = lines
        .par_iter()
        .map(|(s, e)| (decode(&bytes[*s..*e]), hash(&bytes[*s..*e])))
        .collect();
    let count = lines.len();
    records.reserve(count);
    for (n, ((start, end), (result, line_hash))) in lines.into_iter().zip(decoded).enumerate() {
        let expected = first_seq + n as u64;
        let is_last = at_end && n + 1 == count && !out.torn;
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
            Err(DecodeError::NotJson(_)) if is_last => {
                out.torn = true;
                break;
            }
            Err(DecodeError::NotJson(reason)) | Err(DecodeError::BadFields(reason)) => {
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
        out.head = line_hash;
        records.push(record);
        out.last_line_start = Some(start as u64);
        out.consumed = end as u64 + 1;
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
        /// The last line cut off part-way (no newline).
        CutOff(usize),
        /// A last line of garbage, with its newline.
        Garbage,
        /// A line in the middle edited.
        Edited(usize),
    }

    fn tail() -> impl Strategy<Value = Tail> {
        prop_oneof![
            Just(Tail::Whole),
            (1usize..60).prop_map(Tail::CutOff),
            Just(Tail::Garbage),
            (0usize..40).prop_map(Tail::Edited),
        ]
    }

    proptest! {
        /// Reading a block at a time finds exactly what reading the whole file at once does,
        /// whatever the block size and wherever the blocks split the lines.
        #[test]
        fn any_block_size_reads_the_same(
            lengths in proptest::collection::vec(0usize..300, 0..40),
            tail in tail(),
            block in 1usize..700,
        ) {
            let mut bytes = journal(&lengths);
            match tail {
                Tail::Whole => {}
                Tail::CutOff(n) => {
                    let next = journal(&[lengths.len(), 5]);
                    bytes.extend_from_slice(&next[..n.min(next.len() - 1)]);
                }
                Tail::Garbage => bytes.extend_from_slice(b"{\"seq\":\n"),
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
            if matches!(tail, Tail::Whole) {
                prop_assert_eq!(whole.0.len(), lengths.len());
                prop_assert_eq!(whole.1.len, bytes.len() as u64);
                prop_assert!(whole.1.damage.is_none() && whole.1.torn.is_none());
            }
            if matches!(tail, Tail::CutOff(_) | Tail::Garbage) {
                prop_assert_eq!(whole.0.len(), lengths.len());
                prop_assert!(whole.1.torn.is_some());
            }
        }
    }
}
