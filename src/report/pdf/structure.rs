//! The logical structure of a PDF document (headings, paragraphs, lists, tables, a figure), in
//! reading order, built while laying out and turned into the PDF's tag tree when writing, so
//! that screen readers read the document as a document and not as scattered text.

use krilla::tagging::{Identifier, ListNumbering, Node, TableHeaderScope, Tag, TagGroup, TagKind};
use std::num::NonZeroU16;

/// What an element is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A heading of level 1 (the title) to 3, and its text.
    Heading(u16, String),
    Para,
    List,
    ListItem,
    /// A list item's bullet.
    Label,
    ListBody,
    Table,
    Row,
    HeaderCell,
    Cell,
    /// A chart, with the text a screen reader says instead of it.
    Figure(String),
}

#[derive(Debug)]
struct Element {
    kind: Kind,
    /// Sub-elements, in reading order.
    children: Vec<usize>,
    /// The marked pieces of page content that make up this element, in reading order.
    content: Vec<Identifier>,
}

/// Elements in the order they were started; top-level ones are the document's children.
#[derive(Debug, Default)]
pub struct Structure {
    elements: Vec<Element>,
    top: Vec<usize>,
}

impl Structure {
    /// Adds an element under `parent` (or at the top level) and returns its index.
    pub fn add(&mut self, kind: Kind, parent: Option<usize>) -> usize {
        let id = self.elements.len();
        self.elements.push(Element {
            kind,
            children: Vec::new(),
            content: Vec::new(),
        });
        match parent {
            Some(p) => self.elements[p].children.push(id),
            None => self.top.push(id),
        }
        id
    }

    /// Records that a piece of marked content belongs to `element`.
    pub fn mark(&mut self, element: usize, content: Identifier) {
        self.elements[element].content.push(content);
    }

    /// The tag groups of the top-level elements, for the document's tag tree.
    pub fn into_groups(mut self) -> Vec<TagGroup> {
        let top = std::mem::take(&mut self.top);
        top.into_iter().map(|e| self.group(e)).collect()
    }

    fn group(&mut self, element: usize) -> TagGroup {
        let kind = self.elements[element].kind.clone();
        let mut group = TagGroup::new(tag(&kind));
        for content in std::mem::take(&mut self.elements[element].content) {
            group.push(Node::Leaf(content));
        }
        for child in std::mem::take(&mut self.elements[element].children) {
            group.push(self.group(child));
        }
        group
    }
}

fn tag(kind: &Kind) -> TagKind {
    match kind {
        Kind::Heading(level, text) => Tag::Hn(
            NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN),
            Some(text.clone()),
        )
        .into(),
        Kind::Para => Tag::P.into(),
        Kind::List => Tag::L(ListNumbering::Disc).into(),
        Kind::ListItem => Tag::LI.into(),
        Kind::Label => Tag::Lbl.into(),
        Kind::ListBody => Tag::LBody.into(),
        Kind::Table => Tag::Table.into(),
        Kind::Row => Tag::TR.into(),
        Kind::HeaderCell => Tag::TH(TableHeaderScope::Column).into(),
        Kind::Cell => Tag::TD.into(),
        Kind::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
    }
}
