//! Validation of the free text a user types: references, short labels and notes.

/// Longest case reference accepted (SPEC 3).
pub const MAX_REF_CHARS: usize = 40;
/// Longest short text (who allocated, what a deadline is, who was told, a reason).
pub const MAX_SHORT_CHARS: usize = 200;
/// Longest note: a long diary entry fits, a pasted document does not.
pub const MAX_NOTE_CHARS: usize = 4000;

/// Why a piece of text was refused. `field` names the field in the user's terms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("{field} is empty; type at least one character")]
    Empty { field: &'static str },
    #[error("{field} is {len} characters long; at most {max} are accepted")]
    TooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("{field} contains a control character ({code}); use plain text on one line")]
    Control { field: &'static str, code: String },
    #[error("{field} contains an invisible direction-changing character ({code}); remove it")]
    Bidi { field: &'static str, code: String },
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Checks text for a field: trimmed, not empty, not too long, no control or bidi characters.
/// Returns the trimmed text.
pub fn check(field: &'static str, text: &str, max: usize) -> Result<String, TextError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(TextError::Empty { field });
    }
    if let Some(c) = trimmed.chars().find(|c| c.is_control()) {
        return Err(TextError::Control {
            field,
            code: format!("U+{:04X}", c as u32),
        });
    }
    if let Some(c) = trimmed.chars().find(|c| is_bidi_control(*c)) {
        return Err(TextError::Bidi {
            field,
            code: format!("U+{:04X}", c as u32),
        });
    }
    let len = trimmed.chars().count();
    if len > max {
        return Err(TextError::TooLong { field, len, max });
    }
    Ok(trimmed.to_string())
}

/// Like [`check`], but an empty or absent value is `None` rather than an error.
pub fn check_optional(
    field: &'static str,
    text: Option<&str>,
    max: usize,
) -> Result<Option<String>, TextError> {
    match text {
        Some(t) if !t.trim().is_empty() => check(field, t, max).map(Some),
        _ => Ok(None),
    }
}

/// A case reference: 1–40 printable characters.
pub fn check_ref(text: &str) -> Result<String, TextError> {
    check("the case reference", text, MAX_REF_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_control_bidi_empty_and_long_text() {
        assert_eq!(check_ref("  FD26P00123 "), Ok("FD26P00123".into()));
        assert!(matches!(check_ref("   "), Err(TextError::Empty { .. })));
        assert!(matches!(check_ref("a\tb"), Err(TextError::Control { .. })));
        assert!(matches!(
            check_ref("a\u{202E}b"),
            Err(TextError::Bidi { .. })
        ));
        assert!(matches!(
            check_ref(&"x".repeat(41)),
            Err(TextError::TooLong { len: 41, .. })
        ));
        assert_eq!(
            check_ref(&"é".repeat(40)).map(|s| s.chars().count()),
            Ok(40)
        );
        let err = check("the note", "line one\nline two", MAX_NOTE_CHARS).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the note contains a control character (U+000A); use plain text on one line"
        );
    }

    #[test]
    fn optional_text_treats_blank_as_absent() {
        assert_eq!(check_optional("x", Some("  "), 10), Ok(None));
        assert_eq!(check_optional("x", None, 10), Ok(None));
        assert!(check_optional("x", Some("\u{7}"), 10).is_err());
    }
}
