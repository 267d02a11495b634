//! The short record a plain-text document ends with, which is also its receipt:
//!
//! `caseload-document v2 notice 2025-11-23..2026-11-22 789 74604f090a6debf0 069bda11 0.1.0`
//!
//! purpose, period, the journal's record number and the first 16 hex digits of its head, the
//! first 8 of the settings fingerprint and the caseload version, in that order; then
//! `today=`, `prepared=` and `refs=` only where they are not the default (today is the
//! period's last day, the document was prepared on today, the purpose's own default for
//! references). It does not carry the letter's details (name, role, manager, employer,
//! outcome): `caseload verify --document` takes them from the configuration in use. The full
//! `caseload-document v1` line ([`super::provenance`]) stays in every other format.

use super::provenance::{MADE_BY, MadeFrom};
use super::{Format, Purpose};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

/// The start of the line.
pub const MARK: &str = "caseload-document v2 ";

/// Hex digits of the journal's head the line gives: 64 bits, enough that no edit of a journal
/// is found to hash the same by chance.
const HEAD_DIGITS: usize = 16;

/// Hex digits of the settings fingerprint the line gives.
const SETTINGS_DIGITS: usize = 8;

/// How a v2 line reads, for the errors.
const SHAPE: &str = "a v2 line reads `caseload-document v2 <purpose> <from>..<to> <record> <head> <settings> <version>`, then `today=`, `prepared=` or `refs=` where they are not the default";

impl MadeFrom {
    /// The short line. The document's words depend on when it was prepared only through its
    /// date, unless a record was written later than that moment (a wrong clock): then
    /// `exact_time` gives the moment to the second, since the integrity statement names those
    /// records and the line must let the document be made again as it was.
    pub fn short_line(&self, exact_time: bool) -> String {
        let mut line = format!(
            "{MARK}{} {}..{} {} {} {} {}",
            self.purpose,
            self.from,
            self.to,
            self.seq,
            prefix(&self.head, HEAD_DIGITS),
            prefix(&self.settings, SETTINGS_DIGITS),
            self.by.strip_prefix("caseload-").unwrap_or(&self.by)
        );
        if self.today != self.to {
            line.push_str(&format!(" today={}", self.today));
        }
        if exact_time {
            line.push_str(&format!(
                " prepared={}",
                self.prepared
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
            ));
        } else if self.prepared.date_naive() != self.today {
            line.push_str(&format!(" prepared={}", self.prepared.date_naive()));
        }
        if (self.refs == "shown") != refs_shown_by_default(&self.purpose) {
            line.push_str(&format!(" refs={}", self.refs));
        }
        line
    }
}

fn prefix(text: &str, digits: usize) -> &str {
    text.get(..digits).unwrap_or(text)
}

/// Whether a plain text of `purpose` shows real references unless told otherwise.
fn refs_shown_by_default(purpose: &str) -> bool {
    purpose
        .parse::<Purpose>()
        .is_ok_and(|p| p.reveals_refs_by_default(Format::Txt))
}

/// The moment a plain text prepared on `day` is made again at when its line gives only the
/// day: the day's last second at the last time zone on Earth (UTC−12), so that it is on or
/// after the moment the document was really prepared, wherever that was, and no record the
/// document counted as written before it is taken for a later one. The text shows only the
/// day.
fn last_moment_of(day: NaiveDate) -> Result<DateTime<FixedOffset>, String> {
    FixedOffset::west_opt(12 * 3600)
        .zip(day.and_hms_opt(23, 59, 59))
        .and_then(|(zone, time)| zone.from_local_datetime(&time).single())
        .ok_or_else(|| format!("its day of preparation cannot be read: {day}"))
}

/// Reads a v2 line's fields, after its mark.
pub fn read(text: &str) -> Result<MadeFrom, String> {
    let text = text.trim_end_matches(['.', ',', ';']);
    let mut tokens = text.split_whitespace();
    let mut next = |what: &str| {
        tokens.next().ok_or_else(|| {
            format!("its record of what it was made from ends before its {what}; {SHAPE}")
        })
    };
    let purpose = next("purpose")?;
    if !matches!(purpose.parse::<Purpose>(), Ok(p) if p != Purpose::Share) {
        return Err(format!(
            "its purpose `{purpose}` is not one caseload makes (grievance, stress, supervision or notice); {SHAPE}"
        ));
    }
    let period = next("period")?;
    let (from, to) = read_period(period)?;
    let seq = next("record number")?;
    let seq = seq
        .parse::<u64>()
        .ok()
        .filter(|n| *n >= 1 && seq.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| format!("its record number `{seq}` is not a whole number from 1"))?;
    let head = hex(next("head")?, HEAD_DIGITS, "head")?;
    let settings = hex(
        next("settings fingerprint")?,
        SETTINGS_DIGITS,
        "settings fingerprint",
    )?;
    let version = next("caseload version")?;
    if !version.starts_with(|c: char| c.is_ascii_digit())
        || !version
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".+-".contains(c))
    {
        return Err(format!(
            "its caseload version `{version}` is not a version such as {}",
            MADE_BY.trim_start_matches("caseload-")
        ));
    }
    let options = read_options(tokens)?;
    let today = options.today.unwrap_or(to);
    let prepared = match options.prepared {
        Some(Prepared::At(moment)) => moment,
        Some(Prepared::On(day)) => last_moment_of(day)?,
        None => last_moment_of(today)?,
    };
    let refs_shown = options
        .refs_shown
        .unwrap_or_else(|| refs_shown_by_default(purpose));
    let mut made = MadeFrom {
        purpose: purpose.to_string(),
        from,
        to,
        today,
        prepared,
        refs: if refs_shown { "shown" } else { "hidden" }.into(),
        seq,
        head,
        settings,
        by: format!("caseload-{version}"),
        letter: None,
        line: String::new(),
    };
    made.line = made.short_line(matches!(options.prepared, Some(Prepared::At(_))));
    Ok(made)
}

fn read_period(period: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let date = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    let (from, to) = period
        .split_once("..")
        .and_then(|(from, to)| date(from).zip(date(to)))
        .ok_or_else(|| {
            format!("its period `{period}` is not two dates as YYYY-MM-DD..YYYY-MM-DD; {SHAPE}")
        })?;
    if from > to {
        return Err(format!("its period `{period}` ends before it starts"));
    }
    Ok((from, to))
}

/// `text` if it is lower-case hex of `digits` digits or more (a full head or fingerprint is
/// accepted too).
fn hex(text: &str, digits: usize, what: &str) -> Result<String, String> {
    if text.len() >= digits
        && text.len() <= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        Ok(text.to_string())
    } else {
        Err(format!(
            "its {what} `{text}` is not {digits} or more lower-case hex digits; {SHAPE}"
        ))
    }
}

enum Prepared {
    On(NaiveDate),
    At(DateTime<FixedOffset>),
}

#[derive(Default)]
struct Options {
    today: Option<NaiveDate>,
    prepared: Option<Prepared>,
    refs_shown: Option<bool>,
}

/// The `key=value` tokens after the fixed fields, up to the first word that is not one.
fn read_options<'a>(tokens: impl Iterator<Item = &'a str>) -> Result<Options, String> {
    let mut options = Options::default();
    for token in tokens {
        let Some((key, value)) = token.split_once('=') else {
            break;
        };
        match key {
            "today" => {
                options.today = Some(
                    NaiveDate::parse_from_str(value, "%Y-%m-%d")
                        .map_err(|_| format!("its `today=` is not a date: {value}"))?,
                );
            }
            "prepared" => {
                options.prepared = Some(
                    NaiveDate::parse_from_str(value, "%Y-%m-%d")
                        .map(Prepared::On)
                        .or_else(|_| DateTime::parse_from_rfc3339(value).map(Prepared::At))
                        .map_err(|_| {
                            format!("its `prepared=` is neither a date nor a time: {value}")
                        })?,
                );
            }
            "refs" => {
                options.refs_shown = Some(match value {
                    "shown" => true,
                    "hidden" => false,
                    _ => return Err(format!("its `refs=` is neither hidden nor shown: {value}")),
                });
            }
            _ => {
                return Err(format!(
                    "its `{key}=` is not a field of a v2 line (today=, prepared= and refs= are)"
                ));
            }
        }
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use proptest::prelude::*;

    fn made(
        purpose: &str,
        (from, to, today): (NaiveDate, NaiveDate, NaiveDate),
        prepared: DateTime<FixedOffset>,
        reveal: bool,
        seq: u64,
    ) -> MadeFrom {
        MadeFrom::new(
            purpose,
            from,
            to,
            today,
            prepared,
            reveal,
            seq,
            &"74604f090a6debf0".repeat(4),
            &Config::default(),
        )
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_common_line_is_short_and_names_no_default() {
        let prepared = DateTime::parse_from_rfc3339("2026-11-22T18:30:00+00:00").unwrap();
        let notice = made(
            "notice",
            (day(2025, 11, 23), day(2026, 11, 22), day(2026, 11, 22)),
            prepared,
            true,
            3593,
        );
        let line = notice.short_line(false);
        assert!(
            line.starts_with(
                "caseload-document v2 notice 2025-11-23..2026-11-22 3593 74604f090a6debf0 "
            ),
            "{line}"
        );
        assert!(!line.contains('='), "{line}");
        assert!(line.len() <= 90, "{} characters: {line}", line.len());
        // A grievance hides references by default; one that shows them says so.
        let shown = made(
            "grievance",
            (day(2025, 11, 23), day(2026, 11, 22), day(2026, 11, 20)),
            prepared,
            true,
            3593,
        );
        let line = shown.short_line(false);
        assert!(
            line.ends_with(" today=2026-11-20 prepared=2026-11-22 refs=shown"),
            "{line}"
        );
        assert!(line.len() <= 140, "{} characters: {line}", line.len());
    }

    #[test]
    fn a_broken_line_says_what_is_wrong() {
        for (fields, says) in [
            ("notice", "ends before its period"),
            (
                "share 2025-11-23..2026-11-22 1 aaaaaaaaaaaaaaaa 069bda11 0.1.0",
                "purpose `share`",
            ),
            (
                "notice 2026-11-23..2026-11-22 1 aaaaaaaaaaaaaaaa 069bda11 0.1.0",
                "ends before it starts",
            ),
            (
                "notice 2025-11-23-2026-11-22 1 aaaaaaaaaaaaaaaa 069bda11 0.1.0",
                "is not two dates",
            ),
            (
                "notice 2025-11-23..2026-11-22 0 aaaaaaaaaaaaaaaa 069bda11 0.1.0",
                "record number `0`",
            ),
            (
                "notice 2025-11-23..2026-11-22 1 aaaaaaaaaaaa 069bda11 0.1.0",
                "head `aaaaaaaaaaaa`",
            ),
            (
                "notice 2025-11-23..2026-11-22 1 aaaaaaaaaaaaaaaa 069BDA11 0.1.0",
                "settings fingerprint",
            ),
            (
                "notice 2025-11-23..2026-11-22 1 aaaaaaaaaaaaaaaa 069bda11",
                "ends before its caseload version",
            ),
            (
                "notice 2025-11-23..2026-11-22 1 aaaaaaaaaaaaaaaa 069bda11 v0",
                "caseload version `v0`",
            ),
            (
                "notice 2025-11-23..2026-11-22 1 aaaaaaaaaaaaaaaa 069bda11 0.1.0 refs=all",
                "`refs=` is neither",
            ),
            (
                "notice 2025-11-23..2026-11-22 1 aaaaaaaaaaaaaaaa 069bda11 0.1.0 today=soon",
                "`today=` is not a date",
            ),
            (
                "notice 2025-11-23..2026-11-22 1 aaaaaaaaaaaaaaaa 069bda11 0.1.0 prepared=x",
                "`prepared=` is neither",
            ),
            (
                "notice 2025-11-23..2026-11-22 1 aaaaaaaaaaaaaaaa 069bda11 0.1.0 name=Jo",
                "`name=` is not a field",
            ),
        ] {
            let why = MadeFrom::find_in(format!("{MARK}{fields}\n").as_bytes()).unwrap_err();
            assert!(why.contains(says), "{fields}: {why}");
        }
        let why = MadeFrom::find_in(b"caseload-document v9 x").unwrap_err();
        assert!(
            why.contains("a version this caseload does not know"),
            "{why}"
        );
    }

    proptest! {
        /// Any period, record number, day taken as today, day or moment of preparation and
        /// choice of references: the line read back from a text says the same, and makes the
        /// same line again.
        #[test]
        fn a_short_line_round_trips(
            purpose in prop::sample::select(vec!["grievance", "stress", "supervision", "notice"]),
            start in 0u32..20_000,
            length in 0u32..800,
            today_back in 0u32..3,
            prepared_after in 0i64..5,
            hour in 0u32..24,
            zone in -12i32..=14,
            reveal: bool,
            seq in 1u64..10_000_000,
            exact: bool,
        ) {
            let from = day(2000, 1, 1) + chrono::Days::new(u64::from(start));
            let to = from + chrono::Days::new(u64::from(length));
            let today = to - chrono::Days::new(u64::from(today_back));
            let prepared = FixedOffset::east_opt(zone * 3600)
                .unwrap()
                .from_local_datetime(&(today + chrono::Days::new(prepared_after as u64)).and_hms_opt(hour, 7, 9).unwrap())
                .unwrap();
            let original = made(purpose, (from, to, today), prepared, reveal, seq);
            let line = original.short_line(exact);
            let read = MadeFrom::find_in(format!("Dear all,\n\n{line}\n").as_bytes()).unwrap();
            prop_assert_eq!(&read.line, &line);
            prop_assert_eq!(read.short_line(exact), line);
            prop_assert_eq!((&read.purpose, read.from, read.to, read.today, read.seq), (&original.purpose, from, to, today, seq));
            prop_assert_eq!(&read.refs, &original.refs);
            prop_assert_eq!(&original.head[..16], &read.head);
            prop_assert!(original.settings.starts_with(&read.settings));
            prop_assert_eq!(&read.by, MADE_BY);
            prop_assert_eq!(read.prepared.date_naive(), prepared.date_naive());
            prop_assert!(read.prepared >= prepared);
            if exact {
                prop_assert_eq!(read.prepared, prepared);
            }
            prop_assert!(!read.carries_letter());
        }
    }
}
