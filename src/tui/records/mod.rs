//! The five record screens' rows: columns, cell text, sort keys and the detail pane, plus the
//! table state (filter, sort, selection) they share. Only visible rows are ever formatted.

mod cases;
mod deadlines;
mod diary;
mod hours;
mod leave;
mod widths;

pub use widths::{Width, widths};

use super::action::Action;
use super::editor::{TextEdit, TextInput};
use crate::config::Config;
use crate::domain::dates::format_date;
use crate::domain::replay::State;
use crate::report::leave_flags::LeaveFlags;
use chrono::NaiveDate;
use ratatui::text::Line;
use std::cmp::Ordering;
use std::collections::HashMap;

/// What a table row's cells are read from.
pub struct ViewCtx<'a> {
    pub state: &'a State,
    pub config: &'a Config,
    pub today: NaiveDate,
    pub flags: &'a LeaveFlags,
    /// Hours logged per day, so that a detail pane never sums the whole journal per frame.
    pub day_hours: &'a HashMap<NaiveDate, f64>,
    /// The names cases have in pseudonymised documents.
    pub pseudonyms: &'a crate::report::Pseudonyms,
}

impl ViewCtx<'_> {
    pub fn date(&self, d: NaiveDate) -> String {
        format_date(d, &self.config.date_format)
    }

    /// The widest date the display format shows (the longest month and weekday names).
    pub fn date_width(&self) -> u16 {
        let september = NaiveDate::from_ymd_opt(2026, 9, 21).expect("a real date");
        (0..7)
            .map(|d| september + chrono::Days::new(d))
            .chain((1..=12).filter_map(|m| NaiveDate::from_ymd_opt(2026, m, 28)))
            .map(|d| self.date(d).chars().count())
            .max()
            .unwrap_or(11) as u16
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Cases,
    Deadlines,
    Leave,
    Hours,
    Diary,
}

pub struct Column {
    pub title: &'static str,
    pub width: Width,
    /// When this column is left out for lack of room: 0 first; `None` never.
    pub drop: Option<u8>,
}

/// A value to sort a column by.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
pub enum SortKey {
    Date(NaiveDate),
    /// A day and a time on it (minutes; untimed entries after the timed ones).
    DateAt(NaiveDate, i64),
    Number(f64),
    Text(String),
}

/// A cell as the terminal will show it: ratatui drops control characters silently, which
/// would leave the rest of an escape sequence (`[31m`) looking like text; show them instead.
fn shown(cell: String) -> String {
    match crate::output::visible(&cell) {
        std::borrow::Cow::Borrowed(_) => cell,
        std::borrow::Cow::Owned(text) => text,
    }
}

fn compare(a: &SortKey, b: &SortKey) -> Ordering {
    a.partial_cmp(b).unwrap_or(Ordering::Equal)
}

impl RecordKind {
    pub fn columns(self) -> &'static [Column] {
        match self {
            RecordKind::Cases => cases::COLUMNS,
            RecordKind::Deadlines => deadlines::COLUMNS,
            RecordKind::Leave => leave::COLUMNS,
            RecordKind::Hours => hours::COLUMNS,
            RecordKind::Diary => diary::COLUMNS,
        }
    }

    pub fn len(self, state: &State) -> usize {
        match self {
            RecordKind::Cases => state.cases.len(),
            RecordKind::Deadlines => state.deadlines.len(),
            RecordKind::Leave => state.leave.len(),
            RecordKind::Hours => state.hours.len(),
            RecordKind::Diary => state.notes.len(),
        }
    }

    /// The widest case reference this table shows (its title's width at least).
    pub fn reference_width(self, state: &State) -> u16 {
        let refs: Box<dyn Iterator<Item = &str>> = match self {
            RecordKind::Cases => Box::new(state.cases.iter().map(|c| c.reference.as_str())),
            RecordKind::Deadlines => {
                Box::new(state.deadlines.iter().filter_map(|d| d.case.as_deref()))
            }
            _ => Box::new(std::iter::empty()),
        };
        refs.map(|r| r.chars().count()).max().unwrap_or(0).max(4) as u16
    }

    /// The longest case kind's key in the table (only the cases show kinds).
    pub fn kind_width(self, state: &State) -> u16 {
        match self {
            RecordKind::Cases => state
                .cases
                .iter()
                .map(|c| c.kind.chars().count())
                .max()
                .unwrap_or(0)
                .max(4) as u16,
            _ => 0,
        }
    }

    /// The journal sequence number of the record that created row `i`.
    pub fn id(self, state: &State, i: usize) -> u64 {
        match self {
            RecordKind::Cases => state.cases[i].id,
            RecordKind::Deadlines => state.deadlines[i].id,
            RecordKind::Leave => state.leave[i].id,
            RecordKind::Hours => state.hours[i].id,
            RecordKind::Diary => state.notes[i].id,
        }
    }

    /// A row's cells, a journal's control characters shown as visible escapes (`^[`).
    pub fn cells(self, ctx: &ViewCtx, i: usize) -> Vec<String> {
        let cells = match self {
            RecordKind::Cases => cases::cells(ctx, i),
            RecordKind::Deadlines => deadlines::cells(ctx, i),
            RecordKind::Leave => leave::cells(ctx, i),
            RecordKind::Hours => hours::cells(ctx, i),
            RecordKind::Diary => diary::cells(ctx, i),
        };
        cells.into_iter().map(shown).collect()
    }

    pub fn sort_key(self, ctx: &ViewCtx, i: usize, column: usize) -> SortKey {
        match self {
            RecordKind::Cases => cases::sort_key(ctx, i, column),
            RecordKind::Deadlines => deadlines::sort_key(ctx, i, column),
            RecordKind::Leave => leave::sort_key(ctx, i, column),
            RecordKind::Hours => hours::sort_key(ctx, i, column),
            RecordKind::Diary => diary::sort_key(ctx, i, column),
        }
    }

    /// The detail pane's lines, control characters shown as in [`RecordKind::cells`].
    pub fn detail(self, ctx: &ViewCtx, i: usize) -> Vec<Line<'static>> {
        let lines = match self {
            RecordKind::Cases => cases::detail(ctx, i),
            RecordKind::Deadlines => deadlines::detail(ctx, i),
            RecordKind::Leave => leave::detail(ctx, i),
            RecordKind::Hours => hours::detail(ctx, i),
            RecordKind::Diary => diary::detail(ctx, i),
        };
        lines
            .into_iter()
            .map(|mut line| {
                for span in &mut line.spans {
                    if let std::borrow::Cow::Owned(text) = crate::output::visible(&span.content) {
                        span.content = text.into();
                    }
                }
                line
            })
            .collect()
    }

    /// The default sort: (column, ascending).
    fn default_sort(self) -> (usize, bool) {
        match self {
            RecordKind::Deadlines => (0, true),
            _ => (0, false),
        }
    }
}

/// Filter, sort and selection of one record table.
#[derive(Debug, Clone)]
pub struct TableState {
    pub kind: RecordKind,
    /// Row indices (into the state's vector) that pass the filter, in display order.
    pub order: Vec<usize>,
    pub selected: usize,
    pub offset: usize,
    pub sort_column: usize,
    pub ascending: bool,
    /// What the rows are filtered by, edited like any text field.
    pub filter: TextInput,
    pub filtering: bool,
    /// Rows of the detail pane scrolled past (back to the top when the selection moves).
    pub detail_scroll: usize,
}

impl TableState {
    pub fn new(kind: RecordKind) -> Self {
        let (sort_column, ascending) = kind.default_sort();
        TableState {
            kind,
            order: Vec::new(),
            selected: 0,
            offset: 0,
            sort_column,
            ascending,
            filter: TextInput::new("", false),
            filtering: false,
            detail_scroll: 0,
        }
    }

    pub fn selected_row(&self) -> Option<usize> {
        self.order.get(self.selected).copied()
    }

    /// Recomputes the visible order, keeping the record `keep` (a journal id) selected if it
    /// still shows. `order` may refer to an older state here, so the id is passed in.
    pub fn rebuild(&mut self, ctx: &ViewCtx, keep: Option<u64>) {
        let needle = self.filter.value().trim().to_lowercase();
        let mut order: Vec<usize> = (0..self.kind.len(ctx.state))
            .filter(|i| {
                needle.is_empty()
                    || self
                        .kind
                        .cells(ctx, *i)
                        .iter()
                        .any(|c| c.to_lowercase().contains(&needle))
            })
            .collect();
        let keys: Vec<SortKey> = (0..self.kind.len(ctx.state))
            .map(|i| self.kind.sort_key(ctx, i, self.sort_column))
            .collect();
        order.sort_by(|a, b| {
            let by_key = compare(&keys[*a], &keys[*b]).then(a.cmp(b));
            if self.ascending {
                by_key
            } else {
                by_key.reverse()
            }
        });
        self.order = order;
        self.selected = keep
            .and_then(|id| {
                self.order
                    .iter()
                    .position(|i| self.kind.id(ctx.state, *i) == id)
            })
            .unwrap_or(0)
            .min(self.order.len().saturating_sub(1));
    }

    /// `/`: the filter line takes the keyboard, its text selected so typing starts afresh.
    pub fn start_filter(&mut self) {
        self.filtering = true;
        self.filter.focus();
    }

    /// Enter keeps the filter; Esc (`clear`) clears it.
    pub fn stop_filter(&mut self, clear: bool) {
        self.filtering = false;
        self.filter.blur();
        if clear {
            self.filter = TextInput::new("", false);
        }
    }

    /// A typing or editing key on the filter line. Returns false for any other key.
    pub fn edit_filter(&mut self, action: &Action) -> bool {
        match action {
            Action::Type(c) => self.filter.type_char(*c),
            Action::Backspace => {
                self.filter.edit(TextEdit::Backspace);
            }
            Action::Left => {
                self.filter.edit(TextEdit::Left);
            }
            Action::Right => {
                self.filter.edit(TextEdit::Right);
            }
            Action::Text(edit) => {
                self.filter.edit(*edit);
            }
            Action::Paste(text) => self.filter.paste(text),
            _ => return false,
        }
        true
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.order.is_empty() {
            return;
        }
        let last = self.order.len() as isize - 1;
        self.selected = (self.selected as isize + delta).clamp(0, last) as usize;
        self.detail_scroll = 0;
    }

    /// Keeps the selection inside a window of `height` rows starting at `offset`.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }

    /// Sort cycles: ascending, then descending, then the next column ascending.
    pub fn next_sort(&mut self) {
        if self.ascending {
            self.ascending = false;
        } else {
            self.sort_column = (self.sort_column + 1) % self.kind.columns().len();
            self.ascending = true;
        }
    }
}

pub(crate) fn opt(text: &Option<String>) -> String {
    text.clone().unwrap_or_default()
}

/// How wide a detail line's label is: the values start in one column. The longest label,
/// "Weekly hours", and a space; at 80 columns a date (11) then fits beside it.
pub(crate) const LABEL_WIDTH: usize = 13;

/// A detail line: the label, then the value, as two spans so that the pane can wrap the
/// value under itself (`screens::table::detail_rows`).
pub(crate) fn field(label: &str, value: impl Into<String>) -> Line<'static> {
    Line::from(vec![
        ratatui::text::Span::raw(format!("{label:<LABEL_WIDTH$}")),
        ratatui::text::Span::raw(value.into()),
    ])
}

/// The detail pane's last line: which journal record this is, and whether it was amended.
pub(crate) fn record_line(id: u64, amended: bool) -> Line<'static> {
    field(
        "Record",
        format!("{id}{}", if amended { " (amended)" } else { "" }),
    )
}
