//! The output formats and the one entry point that renders a report model in any of them.

use super::Report;
use strum::{EnumCount, VariantArray};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    strum::VariantArray,
    strum::EnumCount,
    strum::IntoStaticStr,
    strum::Display,
    strum::EnumString,
)]
#[strum(serialize_all = "lowercase", parse_err_ty = String, parse_err_fn = unknown_format)]
pub enum Format {
    Md,
    Txt,
    Html,
    Pdf,
    Csv,
    Json,
    Ics,
}

impl Format {
    pub const ALL: [Format; Self::COUNT] = crate::domain::variant_array(Self::VARIANTS);

    pub fn key(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Md => "Markdown, to paste into an email or letter",
            Format::Txt => "Email body: text without markup",
            Format::Html => "HTML page with charts, to read or print",
            Format::Pdf => "PDF, to attach or print",
            Format::Csv => "CSV chronology, for Excel or LibreOffice",
            Format::Json => "JSON (caseload.report/1), for a rep or another tool",
            Format::Ics => "Calendar of deadlines and leave, for Outlook or Google",
        }
    }

    pub fn extension(self) -> &'static str {
        self.key()
    }
}

fn unknown_format(s: &str) -> String {
    let keys: Vec<&str> = Format::ALL.iter().map(|f| f.key()).collect();
    format!("unknown format `{s}`; use {}", keys.join(", "))
}

/// The document's bytes. Dates in documents use `date_format` (the configured display).
pub fn render(report: &Report, format: Format, date_format: &str) -> Vec<u8> {
    match format {
        Format::Md => super::markdown::write(report, date_format).into_bytes(),
        Format::Txt => super::text::write(report, date_format).into_bytes(),
        Format::Html => super::html::write(report, date_format).into_bytes(),
        Format::Pdf => super::pdf::write(report, date_format),
        Format::Csv => super::chronology_csv::write(report),
        Format::Json => super::json::write(report).into_bytes(),
        Format::Ics => super::ics::write(report).into_bytes(),
    }
}

/// A document not made from one journal's report (the team document) in Markdown, HTML or
/// PDF, through the same writers; `made_from` and `prepared` (RFC 3339) go into the PDF's
/// keywords and creation date. `None` for the formats written from a model instead.
pub fn render_document(
    doc: &super::document::Document,
    format: Format,
    made_from: &str,
    prepared: &str,
    date_format: &str,
) -> Option<Vec<u8>> {
    Some(match format {
        Format::Md => super::markdown::write_document(doc).into_bytes(),
        Format::Html => super::html::write_document(doc, date_format).into_bytes(),
        Format::Pdf => super::pdf::write_document(
            doc,
            &super::pdf::Made {
                line: made_from,
                prepared,
            },
            date_format,
        ),
        Format::Txt | Format::Csv | Format::Json | Format::Ics => return None,
    })
}
