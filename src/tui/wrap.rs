//! Greedy word wrapping by characters, for the rows a hint, an error or a note takes, and
//! the choice of a wording that fits a line.

/// The first of `candidates` (longest first) that fits in `width` characters, else the last.
pub fn fitting(candidates: Vec<String>, width: usize) -> String {
    let last = candidates.last().cloned().unwrap_or_default();
    candidates
        .into_iter()
        .find(|c| c.chars().count() <= width)
        .unwrap_or(last)
}

/// Splits `text` into lines of at most `width` characters, at spaces where it can and
/// anywhere in a word longer than a line. An empty text is one empty line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    // A line's leading spaces (an indented list) are kept, on every line it wraps to.
    let rest = text.trim_start_matches(' ');
    let indent = &text[..text.len() - rest.len()];
    if !indent.is_empty() && indent.len() < width {
        return wrap_words(rest, width - indent.len())
            .into_iter()
            .map(|line| format!("{indent}{line}"))
            .collect();
    }
    wrap_words(text, width)
}

fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
        }
        let mut chars: Vec<char> = word.chars().collect();
        while chars.len() > width {
            lines.push(chars.drain(..width).collect());
        }
        line = chars.into_iter().collect();
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces_and_splits_long_words() {
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a bcdefgh", 3), ["a", "bcd", "efg", "h"]);
        assert_eq!(wrap("  11 Feb  Report", 10), ["  11 Feb", "  Report"]);
    }
}
