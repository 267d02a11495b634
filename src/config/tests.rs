use super::*;

fn load(text: &str) -> Result<Config, ConfigError> {
    Config::from_toml_text(Some(text), Some(Path::new("/home/u/config.toml")))
}

#[test]
fn defaults_match_the_contract() {
    let c = Config::default();
    assert_eq!(c.work.contracted_hours, 37.0);
    assert_eq!(c.work.working_days.len(), 5);
    assert_eq!(c.work.bank_holidays, Region::EnglandAndWales);
    assert_eq!(c.limits.caseload, 22);
    assert_eq!((c.limits.pre_leave_days, c.limits.post_leave_days), (2, 3));
    assert_eq!(c.date_format, "%d %b %Y");
}

#[test]
fn tables_merge_and_arrays_replace() {
    let c = load("[work]\ncontracted_hours = 30\n[[case_kinds]]\nkey = \"x\"\nname = \"X\"\nweekly_hours = 2\n").unwrap();
    assert_eq!(c.work.contracted_hours, 30.0);
    assert_eq!(c.work.usual_start.to_string(), "09:00");
    assert_eq!(c.case_kinds.len(), 1);
    assert_eq!(c.weight_of("x", None), 2.0);
    assert_eq!(c.weight_of("x", Some(4.0)), 4.0);
}

#[test]
fn presets_load() {
    for (name, text) in PRESETS {
        let c = load(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(c.case_kinds.len() >= 5, "{name}");
    }
    assert!(preset("cafcass-fca").unwrap().contains("Section 7 report"));
}

/// A setting of the wrong type, range or name, and what its error says.
const REFUSED_SETTINGS: &[(&str, &str)] = &[
    (
        "[work]\ncontracted_hours = \"lots\"",
        "`work.contracted_hours` should be a number, not text",
    ),
    ("[work]\nhours = 3", "`work.hours` is not a known setting"),
    (
        "[limits]\ncaseload = 0",
        "`limits.caseload` is 0; it should be a whole number from 1 to 1000",
    ),
    (
        "[work]\nbank_holidays = \"wales\"",
        "`work.bank_holidays` should be one of england-and-wales",
    ),
    (
        "[work]\nworking_days = [\"monday\"]",
        "`work.working_days` contains \"monday\"",
    ),
    (
        "[work]\nusual_start = \"25:00\"",
        "`work.usual_start` `25:00` is not a time",
    ),
    ("[display]\ntheme = \"blue\"", "`display.theme` is \"blue\""),
    ("[keys]\nquit = 3", "`keys.quit` should be text"),
    (
        "[[case_kinds]]\nkey = \"a b\"\nname = \"A\"\nweekly_hours = 1",
        "`case_kinds[1].key` is \"a b\"",
    ),
    ("colour = 1", "`colour` is not a known setting"),
    (
        "[work]\nusual_start = \"09:00\"\nusual_end = \"09:30\"\nusual_break_minutes = 30",
        "`work.usual_break_minutes` is 30, not shorter than the usual day from 09:00 to 09:30",
    ),
    (
        "[[case_kinds]]\nkey = \"a\"\nname = \"Red\\u001b[31m\"\nweekly_hours = 1",
        "`case_kinds[1].name` the name contains a control character (U+001B)",
    ),
];

/// Date formats that show a time, hide the date or break the line, and what their error says.
const REFUSED_DATE_FORMATS: &[(&str, &str)] = &[
    (
        "[display]\ndate_format = \"%Y\"",
        "does not say the day, month and year",
    ),
    (
        "[display]\ndate_format = \"%d/%m/%Y %H:%M\"",
        "`display.date_format` \"%d/%m/%Y %H:%M\" contains %H (the hour), which a date does not have",
    ),
    (
        "[display]\ndate_format = \"%d %b %Y %-I%P\"",
        "contains %-I (the hour)",
    ),
    (
        "[display]\ndate_format = \"%F %T\"",
        "contains %T (the time)",
    ),
    (
        "[display]\ndate_format = \"%c\"",
        "contains %c (a date and time)",
    ),
    (
        "[display]\ndate_format = \"%d %b %Y %::z\"",
        "contains %::z (a time zone)",
    ),
    (
        "[display]\ndate_format = \"%d %Z %m %Y\"",
        "contains %Z (a time zone)",
    ),
    (
        "[display]\ndate_format = \"%s%d\"",
        "contains %s (a timestamp",
    ),
    (
        "[display]\ndate_format = \"%d %m %.3f %Y\"",
        "contains %.3f (fractions",
    ),
    (
        "[display]\ndate_format = \"%d %b\"",
        "shows 2001-02-03 as \"03 Feb\", which does not say the day, month and year",
    ),
    (
        "[display]\ndate_format = \"%A\"",
        "does not say the day, month and year",
    ),
    (
        "[display]\ndate_format = \"%d%n%m%n%Y\"",
        "puts a control character (U+000A)",
    ),
    (
        "[display]\ndate_format = \"%A %d %B %Y, the day of this record\"",
        "at most 40 fit",
    ),
];

/// Date formats that say the day, month and year, kept as written.
const ACCEPTED_DATE_FORMATS: &[&str] = &[
    "%d %b %Y",
    "%d/%m/%Y",
    "%d/%m/%y",
    "%Y-%m-%d",
    "%F",
    "%-d %B %Y",
    "%e %b %Y",
    "%A %-d %B %Y",
    "%a %d.%m.%Y",
    "%x",
    "%D",
    "%Y-%j",
    "%G-W%V-%u",
    "%d %b %Y (%%)",
];

/// Each refusal starts with the file's name and names the key and what was expected.
fn assert_refused(cases: &[(&str, &str)]) {
    for (text, expected) in cases {
        let err = load(text).unwrap_err().to_string();
        assert!(err.starts_with("config /home/u/config.toml: "), "{err}");
        assert!(err.contains(expected), "{text:?} gave {err}");
    }
}

#[test]
fn errors_name_the_file_the_key_and_what_was_expected() {
    assert_refused(REFUSED_SETTINGS);
    let syntax = load("[work\n").unwrap_err().to_string();
    assert!(
        syntax.starts_with("config /home/u/config.toml: ") && !syntax.contains('\n'),
        "{syntax}"
    );
}

#[test]
fn date_formats_that_do_not_say_just_the_date_are_refused() {
    assert_refused(REFUSED_DATE_FORMATS);
}

#[test]
fn date_formats_that_say_the_date_are_kept_as_written() {
    for format in ACCEPTED_DATE_FORMATS {
        let c = load(&format!("[display]\ndate_format = \"{format}\""))
            .unwrap_or_else(|e| panic!("{format}: {e}"));
        assert_eq!(c.date_format, *format);
    }
}
