//! `--format pdf`: the same document blocks laid out on A4 by the program itself (krilla, with
//! DejaVu Sans embedded and subset): headings, wrapped text, tables that break across pages
//! with their header repeated, the caseload chart, and "page n of N" on every page.
//!
//! The PDF is tagged: headings, paragraphs, lists, tables (with header cells) and the chart
//! (with a description) are marked in reading order, decoration and page footers as
//! artifacts. It declares PDF/UA-1 when krilla's PDF/UA-1 checks pass, which they do unless
//! the text holds a character the embedded font cannot show (then the same tagged document is
//! written without the claim).

mod layout;
mod structure;

use super::Report;
use super::document::{Dates, Document, build};
use krilla::Document as PdfDocument;
use krilla::SerializeSettings;
use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::error::KrillaResult;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, SpanTag, TagTree};
use krilla::text::{Font, TextDirection};
use layout::{
    BOLD_FONT, Colour, FONT, Laid, MARGIN, MUTED, Op, PAGE_H, PAGE_W, Placed, SMALL, lay_out,
};

pub fn write(report: &Report, date_format: &str) -> Vec<u8> {
    let doc = build(report, date_format);
    let prepared = report
        .made_from
        .prepared
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
    let made = Made {
        line: &report.made_from.line,
        prepared: &prepared,
    };
    render(&doc, Some(report), &made, date_format, true)
        .or_else(|_| render(&doc, Some(report), &made, date_format, false))
        .expect("the PDF serialises")
}

/// What a PDF says it was made from (its keywords) and when (its creation date, RFC 3339).
pub struct Made<'a> {
    pub line: &'a str,
    pub prepared: &'a str,
}

/// A document not made from one journal's report (the team document).
pub fn write_document(doc: &Document, made: &Made, date_format: &str) -> Vec<u8> {
    render(doc, None, made, date_format, true)
        .or_else(|_| render(doc, None, made, date_format, false))
        .expect("the PDF serialises")
}

fn render(
    doc: &Document,
    report: Option<&Report>,
    made: &Made,
    date_format: &str,
    accessible: bool,
) -> KrillaResult<Vec<u8>> {
    let dates = Dates(date_format);
    let Laid {
        pages,
        mut structure,
        outline,
    } = lay_out(doc, report, &dates);
    let fonts = Fonts {
        regular: Font::new(FONT.to_vec().into(), 0).expect("the embedded font loads"),
        bold: Font::new(BOLD_FONT.to_vec().into(), 0).expect("the embedded font loads"),
    };
    let mut settings = SerializeSettings::default();
    if accessible {
        settings.configuration = ConfigurationBuilder::new()
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .expect("PDF/UA-1 alone is a valid configuration");
    }
    let mut pdf = PdfDocument::new_with(settings);
    // Fixed by the report itself, so the same inputs give the same bytes: the date is when
    // it was prepared, and the keywords say what it was made from (for verify --document).
    let mut metadata = Metadata::new()
        .title(doc.title.clone())
        .language("en-GB".into())
        .creator("caseload".into())
        .keywords(vec![made.line.to_string()]);
    if let Ok(prepared) = chrono::DateTime::parse_from_rfc3339(made.prepared) {
        use chrono::{Datelike, Timelike};
        let offset = prepared.offset().local_minus_utc() / 60;
        metadata = metadata.creation_date(
            krilla::metadata::DateTime::new(prepared.year() as u16)
                .month(prepared.month() as u8)
                .day(prepared.day() as u8)
                .hour(prepared.hour() as u8)
                .minute(prepared.minute() as u8)
                .second(prepared.second() as u8)
                .utc_offset_hour((offset / 60) as i8)
                .utc_offset_minute((offset % 60).unsigned_abs() as u8),
        );
    }
    pdf.set_metadata(metadata);
    let count = pages.len();
    for (n, placed) in pages.into_iter().enumerate() {
        let mut page =
            pdf.start_page_with(PageSettings::from_wh(PAGE_W, PAGE_H).expect("A4 is a valid size"));
        let mut surface = page.surface();
        for Placed { op, element } in placed {
            let tag = match (&op, element) {
                (Op::Text { .. } | Op::Strong { .. }, Some(_)) => {
                    ContentTag::Span(SpanTag::empty())
                }
                (_, Some(_)) => ContentTag::Other,
                (_, None) => ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)),
            };
            let id = surface.start_tagged(tag);
            draw(&mut surface, op, &fonts);
            surface.end_tagged();
            if let Some(element) = element {
                structure.mark(element, id);
            }
        }
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::Footer,
        )));
        let footer = format!("{} · page {} of {count}", doc.title, n + 1);
        draw(
            &mut surface,
            Op::Text {
                x: MARGIN,
                y: PAGE_H - 30.0,
                size: SMALL,
                colour: MUTED,
                text: footer,
            },
            &fonts,
        );
        surface.end_tagged();
        surface.finish();
        page.finish();
    }
    let mut bookmarks = Outline::new();
    for mark in outline {
        bookmarks.push_child(OutlineNode::new(
            mark.title,
            XyzDestination::new(mark.page, Point::from_xy(0.0, mark.y)),
        ));
    }
    pdf.set_outline(bookmarks);
    let mut tree = TagTree::new().with_lang(Some("en-GB".into()));
    for group in structure.into_groups() {
        tree.push(group);
    }
    pdf.set_tag_tree(tree);
    pdf.finish()
}

fn colour(c: Colour) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

/// The embedded faces: DejaVu Sans and its bold.
struct Fonts {
    regular: Font,
    bold: Font,
}

fn text(surface: &mut Surface, (x, y): (f32, f32), size: f32, c: Colour, text: &str, font: &Font) {
    surface.set_fill(Some(Fill {
        paint: colour(c).into(),
        ..Fill::default()
    }));
    surface.set_stroke(None);
    for (run_x, run, direction) in bidi_runs(x, size, text) {
        surface.draw_text(
            Point::from_xy(run_x, y),
            font.clone(),
            size,
            run,
            false,
            direction,
        );
    }
}

fn draw(surface: &mut Surface, op: Op, fonts: &Fonts) {
    match op {
        Op::Text {
            x,
            y,
            size,
            colour: c,
            text: t,
        } => text(surface, (x, y), size, c, &t, &fonts.regular),
        Op::Strong {
            x,
            y,
            size,
            colour: c,
            text: t,
        } => text(surface, (x, y), size, c, &t, &fonts.bold),
        Op::Fill {
            rect: (x, y, w, h),
            colour: c,
        } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(x, y, w, h) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_fill(Some(Fill {
                    paint: colour(c).into(),
                    ..Fill::default()
                }));
                surface.set_stroke(None);
                surface.draw_path(&path);
            }
        }
        Op::Line {
            points,
            width,
            colour: c,
            dashed,
        } => {
            let array = if dashed { vec![5.0, 3.0] } else { Vec::new() };
            draw(
                surface,
                Op::Dashes {
                    points,
                    width,
                    colour: c,
                    array,
                },
                fonts,
            );
        }
        Op::Dashes {
            points,
            width,
            colour: c,
            array,
        } => {
            let mut path = PathBuilder::new();
            for (i, (x, y)) in points.iter().enumerate() {
                if i == 0 {
                    path.move_to(*x, *y);
                } else {
                    path.line_to(*x, *y);
                }
            }
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                let dash = (!array.is_empty()).then_some(StrokeDash { array, offset: 0.0 });
                surface.set_stroke(Some(Stroke {
                    paint: colour(c).into(),
                    width,
                    dash,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
            }
        }
    }
}

/// A line of the document (left to right) as runs in the order they are seen, each with its
/// left edge and direction, by the Unicode Bidirectional Algorithm: a Hebrew or Arabic note
/// reads right to left, and the English around it stays left to right. (Drawn as one run in
/// the direction of its first letter, a note beginning in Hebrew turned its English around
/// too.)
fn bidi_runs(x: f32, size: f32, text: &str) -> Vec<(f32, &str, TextDirection)> {
    use unicode_bidi::{BidiInfo, Level};
    let info = BidiInfo::new(text, Some(Level::ltr()));
    if !info.has_rtl() {
        return vec![(x, text, TextDirection::LeftToRight)];
    }
    let mut runs = Vec::new();
    let mut at = x;
    for paragraph in &info.paragraphs {
        let (levels, visual) = info.visual_runs(paragraph, paragraph.range.clone());
        for range in visual {
            let direction = if levels[range.start].is_rtl() {
                TextDirection::RightToLeft
            } else {
                TextDirection::LeftToRight
            };
            let run = &text[range];
            runs.push((at, run, direction));
            at += layout::text_width(run, size);
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::bidi_runs;
    use krilla::text::TextDirection;

    #[test]
    fn right_to_left_words_keep_the_english_around_them_left_to_right() {
        let runs = bidi_runs(0.0, 10.0, "שלום עולם (told: manager)");
        let texts: Vec<&str> = runs.iter().map(|r| r.1).collect();
        assert_eq!(texts, ["שלום עולם", " (told: manager)"]);
        assert_eq!(runs[0].2, TextDirection::RightToLeft);
        assert_eq!(runs[1].2, TextDirection::LeftToRight);
        assert!(runs[1].0 > runs[0].0);
        assert_eq!(bidi_runs(5.0, 10.0, "plain").len(), 1);
    }
}
