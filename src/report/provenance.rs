//! What a document was made from, written into it so that `caseload verify --document FILE`
//! can make it again from the journal and compare: purpose, period, the day taken as today,
//! when it was prepared, whether references were shown, the journal's seq and head at that
//! point, a fingerprint of the settings that shape a document, and the caseload version.
//!
//! `caseload-document v1 purpose=grievance from=2025-11-23 to=2026-11-22 today=2026-11-22
//! prepared=2026-11-22T18:30:00+00:00 refs=hidden seq=3584 head=<64 hex>
//! settings=<16 hex> by=caseload-0.1.0`, with the letter's details percent-encoded after it.
//! A plain-text document ends with a short `caseload-document v2` line instead
//! ([`super::plain_record`]): the same facts, positional, the defaults left out.

use super::Format;
use crate::config::Config;
use chrono::{DateTime, FixedOffset, NaiveDate, Timelike};
use serde::Serialize;

/// The start of the line, how a document's record of its making is found in its bytes.
pub const MARK: &str = "caseload-document v1 ";

/// What every version's line starts with, its version's digit after it.
const ANY_VERSION: &str = "caseload-document v";

/// Which caseload made a document: another version may word documents differently.
pub const MADE_BY: &str = concat!("caseload-", env!("CARGO_PKG_VERSION"));

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MadeFrom {
    pub purpose: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub today: NaiveDate,
    #[serde(serialize_with = "super::model::rfc3339_seconds")]
    pub prepared: DateTime<FixedOffset>,
    /// `hidden` (pseudonyms) or `shown` (`--reveal-refs`).
    pub refs: String,
    pub seq: u64,
    pub head: String,
    pub settings: String,
    pub by: String,
    /// The letter's details it was made with (`[person]` and the per-report flags): name,
    /// role, manager, employer, outcome, those that were set, as (key, text). They are not in
    /// the settings fingerprint: the document carries them, percent-encoded, so that it can
    /// be made again whatever the configuration says now. `None` when read from a plain
    /// text's short line, which does not carry them (the configuration in use gives them).
    #[serde(skip)]
    pub letter: Option<Vec<(String, String)>>,
    /// All of the above on one line, as the documents print it.
    pub line: String,
}

impl MadeFrom {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        purpose: &str,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
        prepared: DateTime<FixedOffset>,
        reveal_refs: bool,
        seq: u64,
        head: &str,
        config: &Config,
    ) -> MadeFrom {
        let mut made = MadeFrom {
            purpose: purpose.to_string(),
            from,
            to,
            today,
            prepared: prepared.with_nanosecond(0).unwrap_or(prepared),
            refs: if reveal_refs { "shown" } else { "hidden" }.into(),
            seq,
            head: head.to_string(),
            settings: settings_fingerprint(config),
            by: MADE_BY.to_string(),
            letter: Some(
                config
                    .person
                    .letter_fields()
                    .into_iter()
                    .filter_map(|(k, v)| Some((k.to_string(), v?.to_string())))
                    .collect(),
            ),
            line: String::new(),
        };
        made.line = made.compose();
        made
    }

    /// Whether the line was a plain text's short one, which does not carry the letter's
    /// details.
    pub fn carries_letter(&self) -> bool {
        self.letter.is_some()
    }

    /// The configuration to make the document again with: `config` with the letter's
    /// details the document records (and none it does not); `config` as it is when the
    /// document does not carry them.
    pub fn letter_config(&self, config: &Config) -> Config {
        let mut config = config.clone();
        let Some(letter) = &self.letter else {
            return config;
        };
        for (key, _) in config.person.clone().letter_fields() {
            let value = letter
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone());
            config.person.set_letter_field(key, value);
        }
        config
    }

    fn compose(&self) -> String {
        format!(
            "{MARK}purpose={} from={} to={} today={} prepared={} refs={} seq={} head={} settings={} by={}",
            self.purpose,
            self.from,
            self.to,
            self.today,
            self.prepared
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            self.refs,
            self.seq,
            self.head,
            self.settings,
            self.by
        ) + &self
            .letter
            .iter()
            .flatten()
            .map(|(k, v)| format!(" {k}={}", percent_encode(v)))
            .collect::<String>()
    }

    /// Reads the line back from a document's bytes: the first `caseload-document` line, a
    /// full `v1` one or a plain text's short `v2` one, with every field it must have.
    pub fn find_in(bytes: &[u8]) -> Result<MadeFrom, String> {
        let at = memchr::memmem::find(bytes, ANY_VERSION.as_bytes()).ok_or_else(|| {
            "it does not say what it was made from (no `caseload-document` line): it was not made by caseload 0.1 or later, or that line was removed".to_string()
        })?;
        let rest = &bytes[at + ANY_VERSION.len()..];
        let end = rest
            .iter()
            .position(|b| {
                !(b.is_ascii_graphic() || *b == b' ') || matches!(b, b'<' | b'"' | b')' | b'|')
            })
            .unwrap_or(rest.len());
        let text = std::str::from_utf8(&rest[..end])
            .map_err(|_| "its record of what it was made from is not text".to_string())?;
        match text.split_once(' ') {
            Some(("1", fields)) => Self::read_v1(fields),
            Some(("2", fields)) => super::plain_record::read(fields),
            _ => Err(format!(
                "its record of what it was made from is `caseload-document v{}`, a version this caseload does not know (it reads v1 and v2)",
                text.split(' ').next().unwrap_or_default()
            )),
        }
    }

    /// The fields of a `v1` line, after its mark.
    fn read_v1(text: &str) -> Result<MadeFrom, String> {
        let mut fields = std::collections::HashMap::new();
        for token in text.split(' ') {
            let Some((key, value)) = token.split_once('=') else {
                break;
            };
            fields.insert(key, value.trim_end_matches(['.', ',', ';']));
        }
        let field = |key: &str| {
            fields
                .get(key)
                .map(std::string::ToString::to_string)
                .ok_or_else(|| format!("its record of what it was made from has no `{key}=`"))
        };
        let date = |key: &str| {
            let v = field(key)?;
            NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                .map_err(|_| format!("its `{key}=` is not a date: {v}"))
        };
        let prepared = field("prepared")?;
        let prepared = DateTime::parse_from_rfc3339(&prepared)
            .map_err(|_| format!("its `prepared=` is not a time: {prepared}"))?;
        let seq = field("seq")?;
        let seq = seq
            .parse::<u64>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| format!("its `seq=` is not a record number: {seq}"))?;
        let refs = field("refs")?;
        if refs != "hidden" && refs != "shown" {
            return Err(format!("its `refs=` is neither hidden nor shown: {refs}"));
        }
        let mut made = MadeFrom {
            purpose: field("purpose")?,
            from: date("from")?,
            to: date("to")?,
            today: date("today")?,
            prepared,
            refs,
            seq,
            head: field("head")?,
            settings: field("settings")?,
            by: field("by")?,
            letter: Some(
                LETTER_KEYS
                    .iter()
                    .filter_map(|k| fields.get(k).map(|v| (k, *v)))
                    .map(|(k, v)| {
                        percent_decode(v)
                            .map(|text| (k.to_string(), text))
                            .ok_or_else(|| format!("its `{k}=` is not percent-encoded text"))
                    })
                    .collect::<Result<_, _>>()?,
            ),
            line: String::new(),
        };
        made.line = made.compose();
        Ok(made)
    }
}

/// The letter's details a document's line may carry, in the order it writes them.
const LETTER_KEYS: [&str; 5] = ["name", "role", "manager", "employer", "outcome"];

/// Text as one token of the line: ASCII letters, digits, `-` and `_` as they are, a space as
/// `+`, every other byte of its UTF-8 as `%XX` (so no space, full stop or quote ends the token
/// early).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            out.push(b as char);
        } else if b == b' ' {
            out.push('+');
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(token: &str) -> Option<String> {
    let bytes = token.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else if bytes[i] == b'+' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A short fingerprint of every setting that shapes a document's words and figures (not the
/// colour theme, the key map, the usual start and end of the day, or where the file is).
pub fn settings_fingerprint(config: &Config) -> String {
    let mut shaping = config.clone();
    shaping.theme = crate::config::Theme::Dark;
    shaping.keys.clear();
    shaping.source = None;
    shaping.work.usual_start = crate::domain::ClockTime::from_hm(0, 0).expect("midnight");
    shaping.work.usual_end = shaping.work.usual_start;
    shaping.work.usual_break_minutes = 0;
    // The letter's details travel in the document's own line instead.
    for (key, _) in config.person.letter_fields() {
        shaping.person.set_letter_field(key, None);
    }
    crate::journal::hash_hex(format!("{shaping:?}").as_bytes())[..16].to_string()
}

/// Which format a document's bytes are in, as caseload writes each.
pub fn format_of(bytes: &[u8]) -> Format {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(64)]);
    if bytes.starts_with(b"%PDF-") {
        Format::Pdf
    } else if bytes.starts_with(b"\xEF\xBB\xBF") {
        Format::Csv
    } else if text.starts_with("<!DOCTYPE html") {
        Format::Html
    } else if text.starts_with('{') {
        Format::Json
    } else if text.starts_with("BEGIN:VCALENDAR") {
        Format::Ics
    } else if text.starts_with("# ") {
        Format::Md
    } else {
        Format::Txt
    }
}

/// Where two renderings first differ, in words: a line for text, a byte for a PDF.
pub fn first_difference(format: Format, file: &[u8], made: &[u8]) -> String {
    let at = file
        .iter()
        .zip(made)
        .position(|(a, b)| a != b)
        .unwrap_or(file.len().min(made.len()));
    if format == Format::Pdf {
        return format!(
            "at byte {at} of {} (caseload's own document has {} bytes)",
            file.len(),
            made.len()
        );
    }
    let line_no = file[..at].iter().filter(|b| **b == b'\n').count() + 1;
    let line = |bytes: &[u8]| {
        let start = bytes[..at.min(bytes.len())]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |p| p + 1);
        let end = bytes[start..]
            .iter()
            .position(|b| *b == b'\n')
            .map_or(bytes.len(), |p| start + p);
        let text = String::from_utf8_lossy(&bytes[start..end])
            .trim_end()
            .to_string();
        let shown: String = text.chars().take(120).collect();
        if shown.len() < text.len() {
            format!("{shown}…")
        } else {
            shown
        }
    };
    match (at < file.len(), at < made.len()) {
        (true, true) => format!(
            "at line {line_no}: the file has \"{}\" where caseload wrote \"{}\"",
            line(file),
            line(made)
        ),
        (false, _) => format!(
            "at line {line_no}: the file ends there, but caseload's own document goes on with \"{}\"",
            line(made)
        ),
        (true, false) => format!(
            "at line {line_no}: caseload's own document ends there, but the file goes on with \"{}\"",
            line(file)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn letter_text_survives_the_line(text in "\\PC{0,60}") {
            let token = percent_encode(&text);
            prop_assert!(token.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_+%".contains(&b)));
            prop_assert_eq!(percent_decode(&token), Some(text));
        }
    }

    #[test]
    fn a_documents_letter_details_are_read_back_from_its_line() {
        let mut config = Config::default();
        config.person.name = Some("Ana María O'Neill".into());
        config.person.outcome = Some("A review. In 4 weeks; 100% sure.".into());
        let prepared = DateTime::parse_from_rfc3339("2026-11-22T18:30:00+00:00").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let made = MadeFrom::new(
            "grievance",
            day,
            day,
            day,
            prepared,
            false,
            3,
            "ab",
            &config,
        );
        let read = MadeFrom::find_in(format!("x {}.\n", made.line).as_bytes()).unwrap();
        assert_eq!(read, made);
        let again = read.letter_config(&Config::default());
        assert_eq!(again.person, config.person);
        // The letter's details are not settings: the fingerprint does not change with them.
        assert_eq!(
            settings_fingerprint(&again),
            settings_fingerprint(&Config::default())
        );
    }
}
