//! Everything the UI can be asked to do. Every key press becomes one of these.

use super::editor::TextEdit;
use strum::{EnumCount, VariantArray};

/// The seven screens, in tab order. A screen's title is its variant's name.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::VariantArray,
    strum::EnumCount,
    strum::IntoStaticStr,
)]
pub enum ScreenId {
    Dashboard,
    Cases,
    Deadlines,
    Leave,
    Hours,
    Diary,
    Report,
}

impl ScreenId {
    pub const ALL: [ScreenId; Self::COUNT] = crate::domain::variant_array(Self::VARIANTS);

    pub fn title(self) -> &'static str {
        self.into()
    }

    pub fn index(self) -> usize {
        ScreenId::ALL
            .iter()
            .position(|s| *s == self)
            .expect("listed")
    }

    pub fn offset(self, by: isize) -> ScreenId {
        let n = ScreenId::ALL.len() as isize;
        ScreenId::ALL[(self.index() as isize + by).rem_euclid(n) as usize]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    NextScreen,
    PrevScreen,
    Show(ScreenId),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Add,
    Filter,
    Sort,
    Edit,
    Withdraw,
    CloseCase,
    MarkMet,
    Extend,
    /// Import records from a file into this screen's kind (a form, then a preview).
    Import,
    /// Withdraw the last record this window saved (after a yes).
    Undo,
    /// Scroll the detail pane (a long note).
    DetailDown,
    DetailUp,
    /// Start the working-day timer, or stop it (a form to confirm the day).
    Timer,
    /// Throw the running timer away (after a yes).
    CancelTimer,
    // Editing inside a form, the filter line or a dialog (not rebindable).
    NextField,
    PrevField,
    Submit,
    Cancel,
    Type(char),
    Backspace,
    Left,
    Right,
    /// Any other editing key in a text field.
    Text(TextEdit),
    /// Open the note in the user's own editor ($VISUAL / $EDITOR).
    OpenEditor,
    // From the system rather than the keyboard.
    /// Pasted text (bracketed paste): always text, never keys.
    Paste(String),
    /// The user's editor closed: the note's new text, nothing if it was left empty, or why
    /// it could not run.
    EditorFinished(Result<Option<String>, String>),
    JournalChanged,
    /// The clock's date, each turn of the event loop of a window opened on the real today:
    /// a window left open past midnight moves to the new day ([`App::follows_clock`]).
    ///
    /// [`App::follows_clock`]: crate::tui::app::App::follows_clock
    Tick(chrono::NaiveDate),
    Resize,
    ReportFinished(Result<String, String>),
}
