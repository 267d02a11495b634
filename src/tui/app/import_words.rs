//! The import's reasons in the import form's words. `crate::import` speaks to the command
//! line (`--map`, `--map-kind`, `--sheet`, `--match`, `--day-first`); in the TUI the same
//! choices are the form's fields, and a reason that names a flag the window does not have
//! leaves a tired user stuck. Each flag is said as the field that sets it, and a value as
//! it is typed there (no quotes).

/// Phrases whose sentence changes shape, replaced whole (before the flags themselves).
const PHRASES: [(&str, &str); 11] = [
    (
        "say which with --day-first or --month-first",
        "say which under Dates",
    ),
    ("add --month-first", "choose month first under Dates"),
    (
        "--sheet applies to a workbook",
        "Sheet applies only to a workbook",
    ),
    (
        "--match applies to a calendar",
        "Match applies only to a calendar",
    ),
    ("--sheet picks another", "the Sheet field picks another"),
    ("choose one with --sheet", "choose one under Sheet"),
    ("unless --map names it", "unless Map columns names it"),
    ("not matching --match", "not matching Match"),
    ("with --match", "with Match"),
    ("--map-kind gives", "Map kinds gives"),
    ("e.g. --map ref=\"Case No\"", "e.g. ref=Case No"),
];

/// Flags that open a message about their own value: the reason sits beside that field.
const PREFIXES: [(&str, &str); 6] = [
    ("--map-kind: ", ""),
    ("--map: ", ""),
    ("--sheet: ", ""),
    ("--map-kind `", "`"),
    ("--map `", "`"),
    ("--map ", ""),
];

/// `message` (a refusal or a row's reason written for the command line) in the form's words.
pub fn in_form_words(message: &str) -> String {
    let mut text = message.to_string();
    for (cli, form) in PHRASES {
        text = text.replace(cli, form);
    }
    // A value, as it is typed in the field: `add --map-kind "Public law=KEY"` becomes
    // `add Public law=KEY under Map kinds`.
    text = around_value(&text, ("e.g. --map-kind \"", "\""), |v| format!("e.g. {v}"));
    text = around_value(&text, ("add --map-kind \"", "\""), |v| {
        format!("add {v} under Map kinds")
    });
    text = around_value(&text, ("with --map ", " "), |v| {
        format!("under Map columns as {v} ")
    });
    // The command line's own command for one record: here the screen's add key does it.
    text = around_value(&text, ("or record it with `caseload ", " add`"), |_| {
        "or add it by hand on this screen".to_string()
    });
    for (cli, form) in PREFIXES {
        text = text.replace(cli, form);
    }
    // A value at the very end took a space after it.
    text.trim_end().to_string()
}

/// Each `start VALUE end` becomes `said(VALUE)` (`VALUE` runs to `end`, or to the end of
/// the text).
fn around_value(text: &str, (start, end): (&str, &str), said: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(start) {
        out.push_str(&rest[..at]);
        let value_and_more = &rest[at + start.len()..];
        let (value, more) = match value_and_more.find(end) {
            Some(stop) => (&value_and_more[..stop], &value_and_more[stop + end.len()..]),
            None => (value_and_more, ""),
        };
        out.push_str(&said(value));
        rest = more;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::in_form_words;

    /// Every reason `crate::import` gives with a flag in it, as the form says it.
    #[test]
    fn each_flag_is_said_as_the_field_that_sets_it() {
        for (cli, form) in [
            (
                "`3/4/2026` could be day first or month first, and this file has month-first dates such as `12/31/2026` (row 7); say which with --day-first or --month-first",
                "`3/4/2026` could be day first or month first, and this file has month-first dates such as `12/31/2026` (row 7); say which under Dates",
            ),
            (
                "`31/12/2026` is not a date read day first; if this file writes the month first, add --month-first",
                "`31/12/2026` is not a date read day first; if this file writes the month first, choose month first under Dates",
            ),
            (
                "--sheet applies to a workbook (.xlsx, .xls, .ods); this file has one table",
                "Sheet applies only to a workbook (.xlsx, .xls, .ods); this file has one table",
            ),
            (
                "--match applies to a calendar (.ics); for a spreadsheet, keep the rows you want in the file, or map fewer columns",
                "Match applies only to a calendar (.ics); for a spreadsheet, keep the rows you want in the file, or map fewer columns",
            ),
            (
                "2 events left out (not matching --match, or cancelled)",
                "2 events left out (not matching Match, or cancelled)",
            ),
            (
                "--sheet: cases.xlsx has no sheet `Closed`; its sheets are `Open cases` (give a name or a number from 1)",
                "cases.xlsx has no sheet `Closed`; its sheets are `Open cases` (give a name or a number from 1)",
            ),
            (
                "; the workbook's sheets are `A`, `B` (choose one with --sheet)",
                "; the workbook's sheets are `A`, `B` (choose one under Sheet)",
            ),
            (
                r#"--map-kind `s7`: write it as "Text in the file=key", e.g. --map-kind "Section 7=s7""#,
                r#"`s7`: write it as "Text in the file=key", e.g. Section 7=s7"#,
            ),
            (
                r#"--map `ref`: write it as field=Header, e.g. --map ref="Case No""#,
                "`ref`: write it as field=Header, e.g. ref=Case No",
            ),
            (
                "--map: `colour` is not a field of cases; the fields are ref, kind",
                "`colour` is not a field of cases; the fields are ref, kind",
            ),
            (
                "--map ref=Number: cases.csv has no column `Number`; its columns are `Ref`",
                "ref=Number: cases.csv has no column `Number`; its columns are `Ref`",
            ),
            (
                "--map: column `Ref` is mapped to both ref and note; a column holds one field",
                "column `Ref` is mapped to both ref and note; a column holds one field",
            ),
            (
                "cases.csv has no column for kind (the kind of case); its columns are `Ref`: name the one that holds it with --map kind=HEADER",
                "cases.csv has no column for kind (the kind of case); its columns are `Ref`: name the one that holds it under Map columns as kind=HEADER",
            ),
            (
                "(a names column is never read unless --map names it)",
                "(a names column is never read unless Map columns names it)",
            ),
            (
                "a repeating event (weekly): caseload imports single events; leave it out with --match, or record it with `caseload leave add`",
                "a repeating event (weekly): caseload imports single events; leave it out with Match, or add it by hand on this screen",
            ),
            (
                r#"unknown case kind `Public law`; configured kinds are s7, public-law: add --map-kind "Public law=KEY""#,
                "unknown case kind `Public law`; configured kinds are s7, public-law: add Public law=KEY under Map kinds",
            ),
            (
                "--map-kind gives `S7` the kind `s8`, which is not configured; configured kinds are s7",
                "Map kinds gives `S7` the kind `s8`, which is not configured; configured kinds are s7",
            ),
            ("--map-kind: `x` has no `=`", "`x` has no `=`"),
            (
                r#"`Training`: keep only leave with --match, or add --map-kind "Training=KIND""#,
                "`Training`: keep only leave with Match, or add Training=KIND under Map kinds",
            ),
        ] {
            let said = in_form_words(cli);
            assert_eq!(said, form);
            assert!(!said.contains("--"), "{said}");
        }
    }
}
