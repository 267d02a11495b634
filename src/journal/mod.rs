//! The append-only, hash-chained journal file (SPEC 6): its lines, the lock, loading with
//! torn-tail repair and damage detection, appending, backups and receipts.

mod backup;
mod decode;
mod disk;
mod error;
mod fsutil;
mod known;
mod line;
mod lock;
mod mem;
mod receipt;
mod redact;
mod safety;
mod scan;
mod store;
mod tail;

pub use backup::{BACKUPS_DIR, BACKUPS_KEPT, backup_dir};
pub use disk::{Disk, Entry, Kind, LockHandle, ReadFile, RealDisk, WriteFile};
pub use error::{AppendError, Damage, JournalError};
pub use fsutil::{create_private_dir, write_private_file};
pub use line::{DecodeError, GENESIS_PREV, hash_hex};
pub use lock::LOCK_TIMEOUT;
pub use mem::{MemDisk, Plan};
pub use receipt::{Receipt, ReceiptError, Verdict as ReceiptVerdict};
pub use redact::{RedactError, Redacted, RedactedLine};
pub use safety::{Loose, Unsafe};
pub use store::{Access, Clock, JOURNAL_FILE, Journal, LOCK_FILE, wall_clock};

/// Decodes one journal line (without its newline), as loading does: the record's `seq` if it
/// is a valid line, else why not. For fuzzing and for tools that inspect a journal.
pub fn check_line(bytes: &[u8]) -> Result<u64, DecodeError> {
    line::decode(bytes).map(|(record, _)| record.seq)
}

/// What reading a whole journal file finds: how many records are whole and verified, how many
/// bytes they take, the damage found (if any), whether the last line is torn (a write cut off,
/// to be set aside) and whether the last record lacks only its newline (kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalCheck {
    pub records: usize,
    pub len: u64,
    pub damage: Option<String>,
    pub torn: bool,
    pub unterminated: bool,
}

/// Reads `bytes` as a whole journal file, `block` bytes at a time, as loading does. For
/// fuzzing: every block size must find the same.
pub fn check_journal(bytes: &[u8], block: usize) -> JournalCheck {
    let mut records = Vec::new();
    let from = scan::Continuing {
        offset: 0,
        length: bytes.len() as u64,
        seq: 1,
        head: line::from_hex(GENESIS_PREV).expect("the genesis prev is a digest"),
    };
    let read = scan::read_lines(bytes, from, &mut records, block.max(1))
        .expect("reading from memory cannot fail");
    JournalCheck {
        records: records.len(),
        len: read.len,
        damage: read.damage.map(|d| d.to_string()),
        torn: read.torn.is_some(),
        unterminated: read.unterminated,
    }
}
