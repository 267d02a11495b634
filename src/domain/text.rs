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
    #[error("{field} contains a control character ({code}); use plain text (line breaks are fine)")]
    NoteControl { field: &'static str, code: String },
    #[error("{field} contains an invisible direction-changing character ({code}); remove it")]
    Bidi { field: &'static str, code: String },
    #[error(
        "{field} contains an invisible character ({code}), which would make two references look the same; retype it"
    )]
    Invisible { field: &'static str, code: String },
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Characters that show nothing: zero-width spaces and joiners, the word joiner, the byte-order
/// mark, soft hyphens, and the line and paragraph separators.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{180E}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn code(c: char) -> String {
    format!("U+{:04X}", c as u32)
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
            code: code(c),
        });
    }
    check_rest(field, trimmed, max)
}

fn check_rest(field: &'static str, text: &str, max: usize) -> Result<String, TextError> {
    if let Some(c) = text.chars().find(|c| is_bidi_control(*c)) {
        return Err(TextError::Bidi {
            field,
            code: code(c),
        });
    }
    let len = text.chars().count();
    if len > max {
        return Err(TextError::TooLong { field, len, max });
    }
    Ok(text.to_string())
}

/// A diary note's text, the one text that may hold line breaks: line endings of any kind
/// (CR LF, CR, the Unicode line and paragraph separators) become `\n`, tabs become spaces,
/// trailing spaces are taken off each line and blank lines off both ends. Other control
/// characters are refused.
pub fn check_note(field: &'static str, text: &str, max: usize) -> Result<String, TextError> {
    let unified = text
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{2029}'], "\n")
        .replace('\t', " ");
    let lines: Vec<&str> = unified.lines().map(str::trim_end).collect();
    let joined = lines.join("\n");
    let trimmed = joined.trim_matches(|c: char| c == '\n' || c.is_whitespace());
    if trimmed.is_empty() {
        return Err(TextError::Empty { field });
    }
    if let Some(c) = trimmed.chars().find(|c| c.is_control() && *c != '\n') {
        return Err(TextError::NoteControl {
            field,
            code: code(c),
        });
    }
    check_rest(field, trimmed, max)
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

/// A case reference: 1–40 printable, visible characters.
pub fn check_ref(text: &str) -> Result<String, TextError> {
    let field = "the case reference";
    let checked = check(field, text, MAX_REF_CHARS)?;
    if let Some(c) = checked.chars().find(|c| is_invisible(*c)) {
        return Err(TextError::Invisible {
            field,
            code: code(c),
        });
    }
    Ok(checked)
}

/// What two references are compared by: trimmed, ignoring case (`FD26P00123` and
/// ` fd26p00123 ` are one case).
pub fn ref_key(reference: &str) -> String {
    reference.trim().to_lowercase()
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
        let err = check("what", "line one\nline two", MAX_SHORT_CHARS).unwrap_err();
        assert_eq!(
            err.to_string(),
            "what contains a control character (U+000A); use plain text on one line"
        );
    }

    #[test]
    fn notes_keep_their_line_breaks_and_only_notes() {
        assert_eq!(
            check_note(
                "the note",
                "  line one \r\nline two\r\n\r\nthird\u{2028}fourth\n\n",
                100
            ),
            Ok("line one\nline two\n\nthird\nfourth".into())
        );
        assert_eq!(check_note("the note", "a\tb", 100), Ok("a b".into()));
        assert!(matches!(
            check_note("the note", "\n \r\n", 100),
            Err(TextError::Empty { .. })
        ));
        let e = check_note("the note", "a\u{7}b", 100).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the note contains a control character (U+0007); use plain text (line breaks are fine)"
        );
        assert!(matches!(
            check_note("the note", "a\n\u{202E}b", 100),
            Err(TextError::Bidi { .. })
        ));
        assert!(matches!(
            check_note("the note", &"x\n".repeat(60), 100),
            Err(TextError::TooLong { len: 119, .. })
        ));
    }

    #[test]
    fn references_refuse_invisible_characters_and_compare_ignoring_case() {
        for invisible in [
            "FD1\u{200B}",
            "\u{FEFF}FD1",
            "F\u{200D}D1",
            "FD\u{2028}1",
            "FD\u{00AD}1",
        ] {
            let e = check_ref(invisible).unwrap_err();
            assert!(
                matches!(e, TextError::Invisible { .. }),
                "{invisible:?}: {e}"
            );
        }
        assert!(
            check_ref("FD1\u{200B}")
                .unwrap_err()
                .to_string()
                .contains("invisible character (U+200B)")
        );
        assert_eq!(ref_key(" Fd26P00123 "), ref_key("FD26P00123"));
        assert_ne!(ref_key("FD1"), ref_key("FD2"));
    }

    #[test]
    fn optional_text_treats_blank_as_absent() {
        assert_eq!(check_optional("x", Some("  "), 10), Ok(None));
        assert_eq!(check_optional("x", None, 10), Ok(None));
        assert!(check_optional("x", Some("\u{7}"), 10).is_err());
    }
}
