//! Amounts as people type them, read the same by the command line, import and the UI: hours
//! (`7.5`, `7,5`, `7.5h`, `7h30`, `7:30`, `7 hours`) and minutes of break (`30`, `30m`,
//! `30 mins`, `0:30`).

/// An amount that is not one, with what is accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("`{0}` is not a number of hours; give e.g. 7.5, 7,5, 7:30 or 7h30")]
    Hours(String),
    #[error("`{0}` is not minutes of break; give a whole number of minutes, e.g. 30, 30m or 0:30")]
    Minutes(String),
}

/// A number written with a decimal point or, as much of Europe and many spreadsheets write
/// it, a decimal comma (`7,5`); a comma followed by three digits (`1,000`) is a thousands
/// separator in English and is not read as either.
pub fn decimal(text: &str) -> Option<f64> {
    let text = text.trim();
    let pointed;
    let text = match text.split_once(',') {
        Some((whole, fraction))
            if !text.contains('.')
                && !whole.is_empty()
                && whole
                    .trim_start_matches('-')
                    .bytes()
                    .all(|c| c.is_ascii_digit())
                && (1..=2).contains(&fraction.len())
                && fraction.bytes().all(|c| c.is_ascii_digit()) =>
        {
            pointed = format!("{whole}.{fraction}");
            pointed.as_str()
        }
        _ => text,
    };
    // `inf`, `nan` and `1e3` parse as floats; nobody types hours so.
    if text.bytes().any(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    text.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Hours and minutes (`7:30`, `7h30`, `7 h 30 min`) as hours.
fn hours_and_minutes(hours: &str, minutes: &str) -> Option<f64> {
    let hours = hours.trim();
    let minutes = minutes
        .trim()
        .trim_end_matches("minutes")
        .trim_end_matches("mins")
        .trim_end_matches("min")
        .trim_end_matches('m')
        .trim();
    if minutes.is_empty() {
        return decimal(hours);
    }
    let h = hours.parse::<u32>().ok()?;
    let m = minutes.parse::<u32>().ok().filter(|m| *m < 60)?;
    Some(f64::from(h) + f64::from(m) / 60.0)
}

/// Typed hours as a number of hours (the limits of a day are the record's check, not this).
pub fn hours(text: &str) -> Result<f64, AmountError> {
    let bad = || AmountError::Hours(text.trim().to_string());
    let lower = text.trim().to_lowercase();
    let mut t = lower.as_str();
    for unit in ["hours", "hour", "hrs", "hr"] {
        if let Some(rest) = t.strip_suffix(unit) {
            t = rest.trim_end();
            break;
        }
    }
    match t.split_once(':').or_else(|| t.split_once('h')) {
        Some((h, m)) => hours_and_minutes(h, m),
        None => decimal(t),
    }
    .ok_or_else(bad)
}

/// Typed minutes of break, under a day.
pub fn minutes(text: &str) -> Result<u32, AmountError> {
    let bad = || AmountError::Minutes(text.trim().to_string());
    let t = text.trim().to_lowercase();
    if let Some((h, m)) = t.split_once(':') {
        let h = h.trim().parse::<u32>().map_err(|_| bad())?;
        let m = m.trim().parse::<u32>().map_err(|_| bad())?;
        return if m < 60 && h < 24 {
            Ok(h * 60 + m)
        } else {
            Err(bad())
        };
    }
    let digits = t
        .trim_end_matches(|c: char| c.is_alphabetic() || c == ' ')
        .trim();
    let unit = t[digits.len()..].trim();
    if !["", "m", "min", "mins", "minute", "minutes"].contains(&unit) {
        return Err(bad());
    }
    digits
        .parse::<u32>()
        .ok()
        .filter(|m| *m < 1440)
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_in_their_usual_spellings() {
        for (typed, expected) in [
            ("7.5", 7.5),
            ("7,5", 7.5),
            (" 7.5h", 7.5),
            ("7,25 h", 7.25),
            ("7h30", 7.5),
            ("7h 30m", 7.5),
            ("7 h 30 min", 7.5),
            ("7:30", 7.5),
            ("7:05", 7.0 + 5.0 / 60.0),
            ("7h", 7.0),
            ("8 hours", 8.0),
            ("1 hour", 1.0),
            ("7.5 hrs", 7.5),
            ("0.25", 0.25),
            ("-1", -1.0),
        ] {
            assert_eq!(hours(typed), Ok(expected), "{typed}");
        }
        for typed in [
            "", "seven", "7:75", "7h90", "1,000", "7,5.5", "inf", "NaN", "1e3", "7:x",
        ] {
            assert_eq!(
                hours(typed),
                Err(AmountError::Hours(typed.trim().into())),
                "{typed}"
            );
        }
        assert_eq!(
            hours("lots").unwrap_err().to_string(),
            "`lots` is not a number of hours; give e.g. 7.5, 7,5, 7:30 or 7h30"
        );
    }

    #[test]
    fn minutes_in_their_usual_spellings() {
        for (typed, expected) in [
            ("30", 30),
            ("30m", 30),
            ("30 mins", 30),
            ("45 minutes", 45),
            ("0:45", 45),
            ("1:15", 75),
        ] {
            assert_eq!(minutes(typed), Ok(expected), "{typed}");
        }
        for typed in ["-1", "half an hour", "0:75", "1440", "30 secs", "2.5"] {
            assert!(minutes(typed).is_err(), "{typed}");
        }
        assert_eq!(
            minutes("-1").unwrap_err().to_string(),
            "`-1` is not minutes of break; give a whole number of minutes, e.g. 30, 30m or 0:30"
        );
    }

    proptest::proptest! {
        /// Every way of writing the same hours and minutes reads as the same amount.
        #[test]
        fn every_spelling_of_an_amount_is_the_same_amount(h in 0u32..24, m in 0u32..60) {
            let expected = f64::from(h) + f64::from(m) / 60.0;
            for typed in [format!("{h}:{m:02}"), format!("{h}h{m:02}"), format!("{h}h {m}m")] {
                let read = hours(&typed).unwrap();
                proptest::prop_assert!((read - expected).abs() < 1e-9, "{}", typed);
            }
        }

        #[test]
        fn decimal_point_and_comma_agree(whole in 0u32..24, hundredths in 0u32..100) {
            let point = decimal(&format!("{whole}.{hundredths:02}"));
            proptest::prop_assert_eq!(point, decimal(&format!("{whole},{hundredths:02}")));
            proptest::prop_assert!(point.is_some());
        }
    }
}
