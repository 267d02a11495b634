//! `display.date_format` is checked by use: it must format a date, and name only a date.

/// Longest a date may be once formatted: it sits in table columns and document headings.
const MAX_DATE_CHARS: usize = 40;

/// What a strftime specifier's letter shows, for the ones a date cannot have. `%c` and `%+`
/// are a date and a time together.
const NOT_A_DATE: [(char, &str); 18] = [
    ('H', "the hour"),
    ('k', "the hour"),
    ('I', "the hour"),
    ('l', "the hour"),
    ('M', "the minute"),
    ('S', "the second"),
    ('f', "fractions of a second"),
    ('p', "AM or PM"),
    ('P', "am or pm"),
    ('R', "the time"),
    ('T', "the time"),
    ('X', "the time"),
    ('r', "the time"),
    ('c', "a date and time"),
    ('+', "a date and time"),
    ('s', "a timestamp (seconds since 1970)"),
    ('z', "a time zone"),
    ('Z', "a time zone"),
];

/// The specifier starting just after a `%` in `rest` (flag, colons, `.`, digits, then its
/// letter, e.g. `-d`, `:z`, `.3f`) and that letter.
fn specifier(rest: &str) -> (&str, Option<char>) {
    let body = rest.trim_start_matches(['-', '_', '0', '^', '#']);
    let body = body.trim_start_matches(':');
    let body = body.strip_prefix('.').unwrap_or(body);
    let body = body.trim_start_matches(|c: char| c.is_ascii_digit());
    let letter = body.chars().next();
    let len = rest.len() - body.len() + letter.map_or(0, char::len_utf8);
    (&rest[..len], letter)
}

/// A date format is checked by using it: it must be a strftime pattern chrono understands,
/// with no time, zone or timestamp in it (a date has none, and formatting one panicked in the
/// first release); it must format real dates without error, on one line and briefly; and what
/// it prints must read back as the same date, so that day, month and year are all shown.
pub(super) fn check_date_format(format: &str) -> Result<(), String> {
    use chrono::NaiveDate;
    use chrono::format::{Item, StrftimeItems};
    use std::fmt::Write;
    const EXAMPLE: &str = "use e.g. \"%d %b %Y\" (22 Nov 2026) or \"%d/%m/%Y\" (22/11/2026)";
    if StrftimeItems::new(format).any(|i| matches!(i, Item::Error)) {
        return Err(format!(
            "\"{format}\" is not a valid date pattern; {EXAMPLE}"
        ));
    }
    let mut rest = format;
    while let Some(at) = rest.find('%') {
        let (spec, letter) = specifier(&rest[at + 1..]);
        if let Some((_, what)) = NOT_A_DATE.iter().find(|(l, _)| Some(*l) == letter) {
            return Err(format!(
                "\"{format}\" contains %{spec} ({what}), which a date does not have; show only the day, month and year, {EXAMPLE}"
            ));
        }
        rest = &rest[at + 1 + spec.len()..];
    }
    let samples = [(2001, 2, 3), (2026, 11, 22), (2030, 12, 31)]
        .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("a real date"));
    for date in samples {
        let mut shown = String::new();
        if write!(shown, "{}", date.format(format)).is_err() {
            return Err(format!("\"{format}\" cannot format a date; {EXAMPLE}"));
        }
        if let Some(c) = shown.chars().find(|c| c.is_control()) {
            return Err(format!(
                "\"{}\" puts a control character (U+{:04X}) in dates; dates are shown on one line",
                format.escape_debug(),
                c as u32
            ));
        }
        let len = shown.chars().count();
        if len > MAX_DATE_CHARS {
            return Err(format!(
                "\"{format}\" makes dates {len} characters long; at most {MAX_DATE_CHARS} fit the tables and documents"
            ));
        }
        if NaiveDate::parse_from_str(&shown, format).ok() != Some(date) {
            return Err(format!(
                "\"{format}\" shows {date} as \"{shown}\", which does not say the day, month and year; {EXAMPLE}"
            ));
        }
    }
    Ok(())
}
