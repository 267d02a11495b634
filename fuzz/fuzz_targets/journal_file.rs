#![no_main]
//! Any bytes as a whole journal file, read in blocks of any size from 1 to 256 bytes (the first
//! input byte): never a panic, and always what one read of the whole file finds.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, file)) = data.split_first() else {
        return;
    };
    let block = usize::from(first) + 1;
    assert_eq!(
        caseload::journal::check_journal(file, block),
        caseload::journal::check_journal(file, file.len() + 1)
    );
});
