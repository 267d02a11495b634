//! Which column holds which field: headers recognised by the names people give them, and
//! `--map field=Header` over that. A column no field is mapped to is never read.

use super::ImportError;
use super::Target;
use super::headers;
use super::table::Table;

/// A field of an imported record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Ref,
    Kind,
    Allocated,
    AllocatedBy,
    Discussed,
    Weight,
    Closed,
    Outcome,
    Case,
    What,
    Due,
    Met,
    From,
    To,
    Date,
    Start,
    End,
    Break,
    Hours,
    Note,
}

impl Field {
    /// The name `--map` takes.
    pub fn key(self) -> &'static str {
        match self {
            Field::Ref => "ref",
            Field::Kind => "kind",
            Field::Allocated => "allocated",
            Field::AllocatedBy => "by",
            Field::Discussed => "discussed",
            Field::Weight => "weight",
            Field::Closed => "closed",
            Field::Outcome => "outcome",
            Field::Case => "case",
            Field::What => "what",
            Field::Due => "due",
            Field::Met => "met",
            Field::From => "from",
            Field::To => "to",
            Field::Date => "date",
            Field::Start => "start",
            Field::End => "end",
            Field::Break => "break",
            Field::Hours => "hours",
            Field::Note => "note",
        }
    }

    /// What the field is, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Field::Ref => "the case reference",
            Field::Kind => "the kind",
            Field::Allocated => "the date allocated",
            Field::AllocatedBy => "who allocated it",
            Field::Discussed => "whether it was discussed",
            Field::Weight => "the weekly hours",
            Field::Closed => "the date closed",
            Field::Outcome => "the outcome",
            Field::Case => "the case",
            Field::What => "what is due",
            Field::Due => "the due date",
            Field::Met => "the date met",
            Field::From => "the first day",
            Field::To => "the last day",
            Field::Date => "the date",
            Field::Start => "the start time",
            Field::End => "the end time",
            Field::Break => "the break",
            Field::Hours => "the hours",
            Field::Note => "the note",
        }
    }

    /// Other names `--map` accepts for it (the journal's own field names).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Ref => &["reference"],
            Field::Allocated => &["allocated_on", "on"],
            Field::AllocatedBy => &["allocated_by"],
            Field::Closed => &["closed_on"],
            Field::Met => &["met_on", "done"],
            Field::End => &["finish"],
            Field::Break => &["break_minutes"],
            Field::Note => &["notes"],
            _ => &[],
        }
    }

    /// Headers that name this field, normalised (see [`normalise`]).
    pub(super) fn header_names(self, target: Target) -> &'static [&'static str] {
        use Target::Leave;
        match (self, target) {
            (Field::Ref, _) => headers::REF_HEADERS,
            (Field::Kind, Leave) => headers::LEAVE_KIND_HEADERS,
            (Field::Kind, _) => headers::KIND_HEADERS,
            (Field::Allocated, _) => headers::ALLOCATED_HEADERS,
            (Field::AllocatedBy, _) => headers::ALLOCATED_BY_HEADERS,
            (Field::Discussed, _) => headers::DISCUSSED_HEADERS,
            (Field::Weight, _) => headers::WEIGHT_HEADERS,
            (Field::Closed, _) => headers::CLOSED_HEADERS,
            (Field::Outcome, _) => headers::OUTCOME_HEADERS,
            (Field::Case, _) => headers::CASE_HEADERS,
            (Field::What, _) => headers::WHAT_HEADERS,
            (Field::Due, _) => headers::DUE_HEADERS,
            (Field::Met, _) => headers::MET_HEADERS,
            (Field::From, _) => headers::FROM_HEADERS,
            (Field::To, _) => headers::TO_HEADERS,
            (Field::Date, _) => headers::DATE_HEADERS,
            (Field::Start, _) => headers::START_HEADERS,
            (Field::End, _) => headers::END_HEADERS,
            (Field::Break, _) => headers::BREAK_HEADERS,
            (Field::Hours, _) => headers::HOURS_HEADERS,
            (Field::Note, _) => headers::NOTE_HEADERS,
        }
    }
}

impl Target {
    /// The fields a record of this kind has, in the order of the preview's columns.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Target::Cases => &[
                Field::Ref,
                Field::Kind,
                Field::Allocated,
                Field::AllocatedBy,
                Field::Discussed,
                Field::Weight,
                Field::Note,
                Field::Closed,
                Field::Outcome,
            ],
            Target::Deadlines => &[Field::Due, Field::Case, Field::What, Field::Met],
            Target::Leave => &[Field::Kind, Field::From, Field::To, Field::Note],
            Target::Hours => &[
                Field::Date,
                Field::Start,
                Field::End,
                Field::Break,
                Field::Hours,
                Field::Note,
            ],
        }
    }

    /// The fields without which no record can be made.
    pub fn required(self) -> &'static [Field] {
        match self {
            Target::Cases => &[Field::Ref, Field::Kind, Field::Allocated],
            Target::Deadlines => &[Field::What, Field::Due],
            Target::Leave => &[Field::Kind, Field::From],
            Target::Hours => &[Field::Date],
        }
    }
}

/// A header as compared: lower case, anything in brackets dropped, punctuation as spaces.
pub fn normalise(header: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in header.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => out.push(' '),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The columns read: each field mapped to at most one column, each column to one field.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    pub columns: Vec<(Field, usize)>,
}

impl Mapping {
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| *c)
    }

    /// Headers of the columns that are not read.
    pub fn unread(&self, table: &Table) -> Vec<String> {
        (0..table.headers.len())
            .filter(|c| !self.columns.iter().any(|(_, m)| m == c))
            .filter(|c| {
                !table.headers[*c].trim().is_empty()
                    || table.rows.iter().any(|r| !r.cell(*c).is_empty())
            })
            // A calendar's repeat rule is read only to refuse repeating events.
            // and its times only to say that leave is kept in whole days.
            .filter(|c| {
                !(table.calendar
                    && [super::calendar::REPEATS, super::calendar::TIMES]
                        .contains(&table.headers[*c].as_str()))
            })
            .map(|c| header_name(table, c))
            .collect()
    }
}

/// A column's header as shown, or its spreadsheet letter when it has none.
pub fn header_name(table: &Table, column: usize) -> String {
    let header = table.headers.get(column).map_or("", |h| h.trim());
    if header.is_empty() {
        format!("column {}", letters(column))
    } else {
        header.to_string()
    }
}

/// A, B, ... Z, AA, AB...
fn letters(mut column: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Parses `--map field=Header` texts: a field of `target` (by key or alias) and a header
/// (empty: the field is not read).
pub fn parse_maps(target: Target, maps: &[String]) -> Result<Vec<(Field, String)>, ImportError> {
    maps.iter()
        .map(|m| {
            let (field, header) = m.split_once('=').ok_or_else(|| {
                ImportError::Usage(format!(
                    "--map `{m}`: write it as field=Header, e.g. --map ref=\"Case No\""
                ))
            })?;
            let wanted = field.trim().to_lowercase().replace('-', "_");
            let field = target
                .fields()
                .iter()
                .copied()
                .find(|f| f.key() == wanted || f.aliases().contains(&wanted.as_str()))
                .ok_or_else(|| {
                    ImportError::Usage(format!(
                        "--map: `{}` is not a field of {}; the fields are {}",
                        field.trim(),
                        target.noun(),
                        target
                            .fields()
                            .iter()
                            .map(|f| f.key())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                })?;
            Ok((field, header.trim().to_string()))
        })
        .collect()
}

/// Which column holds each field: `--map` first, then each remaining field takes the first
/// column whose header is one of its names and that no other field has taken.
pub fn map_columns(
    table: &Table,
    target: Target,
    maps: &[(Field, String)],
) -> Result<Mapping, ImportError> {
    let mut columns: Vec<(Field, usize)> = Vec::new();
    let mut unmapped: Vec<Field> = Vec::new();
    for (field, header) in maps {
        columns.retain(|(f, _)| f != field);
        if header.is_empty() {
            unmapped.push(*field);
            continue;
        }
        let wanted = normalise(header);
        let column = (0..table.headers.len())
            .find(|c| table.headers[*c].trim() == header.as_str())
            .or_else(|| (0..table.headers.len()).find(|c| normalise(&table.headers[*c]) == wanted))
            // A column without a header is listed by its letter, and taken by it.
            .or_else(|| {
                (0..table.headers.len())
                    .find(|c| header_name(table, *c).eq_ignore_ascii_case(header.as_str()))
            })
            .ok_or_else(|| {
                ImportError::Usage(format!(
                    "--map {}={header}: {} has no column `{header}`; its columns are {}",
                    field.key(),
                    where_(table),
                    all_headers(table)
                ))
            })?;
        if let Some((other, _)) = columns.iter().find(|(_, c)| *c == column) {
            return Err(ImportError::Usage(format!(
                "--map: column `{header}` is mapped to both {} and {}; a column holds one field",
                other.key(),
                field.key()
            )));
        }
        columns.push((*field, column));
    }
    for field in target.fields() {
        if columns.iter().any(|(f, _)| f == field) || unmapped.contains(field) {
            continue;
        }
        let names = field.header_names(target);
        // The best name first: a column called "Case number" beats one called "Case".
        let found = names.iter().find_map(|name| {
            (0..table.headers.len()).find(|c| {
                normalise(&table.headers[*c]) == *name && !columns.iter().any(|(_, m)| m == c)
            })
        });
        if let Some(column) = found {
            columns.push((*field, column));
        }
    }
    for field in target.required() {
        if !columns.iter().any(|(f, _)| f == field) {
            return Err(ImportError::Usage(format!(
                "{} has no column for {} ({}); its columns are {}: name the one that holds it with --map {}=HEADER",
                where_(table),
                field.label(),
                field.key(),
                all_headers(table),
                field.key()
            )));
        }
    }
    columns.sort_by_key(|(f, _)| target.fields().iter().position(|x| x == f));
    Ok(Mapping { columns })
}

fn where_(table: &Table) -> String {
    match &table.sheet {
        Some(sheet) => format!("sheet `{sheet}` of {}", table.file),
        None => table.file.clone(),
    }
}

fn all_headers(table: &Table) -> String {
    (0..table.headers.len())
        .map(|c| format!("`{}`", header_name(table, c)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(headers: &[&str]) -> Table {
        Table {
            file: "cases.csv".into(),
            sheet: None,
            sheets: vec![],
            headers: headers
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            header_row: 1,
            above_header: 0,
            rows: vec![],
            unit: "line",
            left_out: 0,
            calendar: false,
        }
    }

    #[test]
    fn headers_are_recognised_by_common_names_and_names_are_never_mapped() {
        let t = table(&[
            "Child's name",
            "Case No.",
            "Type of case",
            "Date allocated (dd/mm/yyyy)",
            "Allocated by",
            "Notes",
        ]);
        let m = map_columns(&t, Target::Cases, &[]).unwrap();
        assert_eq!(m.column(Field::Ref), Some(1));
        assert_eq!(m.column(Field::Kind), Some(2));
        assert_eq!(m.column(Field::Allocated), Some(3));
        assert_eq!(m.column(Field::AllocatedBy), Some(4));
        assert_eq!(m.column(Field::Note), Some(5));
        assert!(m.columns.iter().all(|(_, c)| *c != 0));
        assert_eq!(m.unread(&t), ["Child's name"]);
    }

    #[test]
    fn map_overrides_and_can_leave_a_field_unread() {
        let t = table(&["Court ref", "Our code", "Kind", "Allocated", "Notes"]);
        let maps = parse_maps(Target::Cases, &["ref=our code".into(), "note=".into()]).unwrap();
        let m = map_columns(&t, Target::Cases, &maps).unwrap();
        assert_eq!(m.column(Field::Ref), Some(1));
        assert_eq!(m.column(Field::Note), None);
        let err = parse_maps(Target::Cases, &["due=Date".into()])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("not a field of cases") && err.contains("ref, kind"),
            "{err}"
        );
        let err = map_columns(
            &t,
            Target::Cases,
            &parse_maps(Target::Cases, &["kind=Type".into()]).unwrap(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("no column `Type`") && err.contains("`Court ref`"),
            "{err}"
        );
    }

    #[test]
    fn a_missing_required_column_names_the_flag_to_give() {
        let t = table(&["Reference", "Allocated"]);
        let err = map_columns(&t, Target::Cases, &[]).unwrap_err().to_string();
        assert!(err.contains("--map kind=HEADER"), "{err}");
    }

    #[test]
    fn headers_normalise_and_columns_have_letters() {
        assert_eq!(normalise("  Date Allocated (dd/mm/yy) "), "date allocated");
        assert_eq!(normalise("Hrs/week"), "hrs week");
        assert_eq!(letters(0), "A");
        assert_eq!(letters(27), "AB");
    }
}
