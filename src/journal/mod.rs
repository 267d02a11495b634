//! The append-only, hash-chained journal file (SPEC 6): its lines, the lock, loading with
//! torn-tail repair and damage detection, appending, backups and receipts.

mod backup;
mod decode;
mod disk;
mod error;
mod fsutil;
mod line;
mod lock;
mod receipt;
mod scan;
mod store;

pub use backup::{BACKUPS_KEPT, backup_dir};
pub use disk::{Disk, RealDisk};
pub use error::{Damage, JournalError};
pub use fsutil::{create_private_dir, write_private_file};
pub use line::{GENESIS_PREV, hash_hex};
pub use lock::LOCK_TIMEOUT;
pub use receipt::Receipt;
pub use store::{Access, JOURNAL_FILE, Journal};

/// Decodes one journal line (without its newline), as loading does: the record's `seq` if it
/// is a valid line, else why not. For fuzzing and for tools that inspect a journal.
pub fn check_line(bytes: &[u8]) -> Result<u64, String> {
    line::decode(bytes)
        .map(|(record, _)| record.seq)
        .map_err(|e| match e {
            line::DecodeError::NotJson(why) | line::DecodeError::BadFields(why) => why,
            line::DecodeError::UnknownType(kind) => format!("unknown type {kind}"),
        })
}
