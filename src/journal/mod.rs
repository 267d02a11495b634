//! The append-only, hash-chained journal file (SPEC 6): its lines, the lock, loading with
//! torn-tail repair and damage detection, appending, backups and receipts.

mod appender;
mod backup;
mod decode;
mod error;
mod fsutil;
mod line;
mod lock;
mod receipt;
mod store;

pub use appender::{Appender, FileAppender};
pub use backup::{BACKUPS_KEPT, backup_dir};
pub use error::{Damage, JournalError};
pub use fsutil::{create_private_dir, write_private_file};
pub use line::{GENESIS_PREV, hash_hex};
pub use lock::LOCK_TIMEOUT;
pub use receipt::Receipt;
pub use store::{Access, JOURNAL_FILE, Journal};
