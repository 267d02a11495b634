#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = caseload::config::Config::from_toml_text(Some(text), None);
});
