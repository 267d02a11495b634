//! A journal's control characters, shown and never passed on, by every writer alike: the
//! terminal (`list`, `verify`, the TUI) and the documents (Markdown, HTML, PDF, CSV).
//!
//! A journal written by caseload holds none (notes refuse them), but one edited by hand or
//! made by another program can, and an ESC sent to a terminal can move the cursor, recolour
//! or rewrite the screen, or set the window title; in an HTML page, a PDF or a spreadsheet
//! cell it is at best a blank box and at worst an instruction to whatever reads the file
//! next. Each is written as a visible escape in caret notation (`^[` for ESC, `^?` for DEL)
//! or `\u{9b}` (the C1 controls), which every font and terminal can show. The bidirectional
//! overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder how the rest of a line
//! is displayed ("Trojan Source"), are shown the same way; right-to-left text itself is kept.

use std::borrow::Cow;

/// `text` with its control characters as visible escapes. Line breaks are kept when
/// `keep_newlines` (a multi-line message, a note in a document), else shown as `\n`; a tab is
/// shown as `\t`, a carriage return as `\r`.
pub fn visible_with(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let hostile = |c: char| {
        (c.is_control() && !(keep_newlines && c == '\n'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !hostile(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // Caret notation for the other C0 controls: ESC is `^[`, NUL `^@`, BEL `^G`.
            c if (c as u32) < 0x20 => {
                out.push('^');
                out.push(char::from(b'@' + c as u8));
            }
            '\u{7f}' => out.push_str("^?"),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// [`visible_with`] for one line of a terminal: a line break is shown as `\n`.
pub fn visible(text: &str) -> Cow<'_, str> {
    visible_with(text, false)
}

/// [`visible_with`] for a document, where a note's line breaks are kept.
pub fn printable(text: &str) -> Cow<'_, str> {
    visible_with(text, true)
}

/// The characters a spreadsheet reads, at the start of a cell, as the start of a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV cell of text that a spreadsheet would run as a formula (`=HYPERLINK(...)`, or "+2
/// cases today" shown as `#NAME?`; a tab or carriage return first can do the same after
/// Excel trims it), made plain text as OWASP's "CSV injection" guidance describes: a single
/// quote before it, which the spreadsheet shows as text and hides. The one rule of every
/// CSV caseload writes (the report's chronology, the team's table).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_START) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::{printable, visible, visible_with};
    use std::borrow::Cow;

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(visible("a\u{1b}[31mred"), "a^[[31mred");
        assert_eq!(visible("over\rwrite\u{8}\u{7f}"), "over\\rwrite^H^?");
        assert_eq!(visible("two\nlines\tand"), "two\\nlines\\tand");
        assert_eq!(visible_with("two\nlines", true), "two\nlines");
        assert_eq!(printable("two\nlines\u{7}"), "two\nlines^G");
        assert_eq!(visible("csi\u{9b}2J"), "csi\\u{9b}2J");
        assert_eq!(visible("abc\u{202e}fed"), "abc\\u{202e}fed");
    }

    #[test]
    fn ordinary_text_is_untouched_and_not_copied() {
        for text in ["Case 12", "שלום עולם", "مرحبا", "café 😀", ""] {
            assert!(matches!(visible(text), Cow::Borrowed(t) if t == text));
        }
    }
}
