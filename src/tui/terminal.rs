//! Taking over the terminal and giving it back: on quit, on error and on a panic. A panic on
//! the UI thread (or one that will reach it) gives the terminal back before its message is
//! printed; a panic on a worker that catches its own (the report writer) leaves the UI running
//! and becomes that worker's error message instead.

use ratatui::DefaultTerminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};
use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    /// Set while [`catching_panics`] runs on this thread.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// The message and place of the last panic caught on this thread.
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Raw mode, the alternate screen and bracketed paste (a paste arrives as text, never as
/// key presses), with the panic hook installed first.
pub fn init() -> std::io::Result<DefaultTerminal> {
    install_panic_hook();
    enter()?;
    ratatui::Terminal::new(CrosstermBackend::new(std::io::stdout()))
}

fn enter() -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste
    )
}

/// Leaves bracketed paste, the alternate screen and raw mode (also safe when they were
/// never entered).
pub fn restore() {
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
}

/// Gives the terminal to another program (the user's editor) and takes it back, redrawing
/// everything afterwards.
pub fn suspended<T>(terminal: &mut DefaultTerminal, run: impl FnOnce() -> T) -> std::io::Result<T> {
    restore();
    let result = run();
    enter()?;
    // Everything is drawn again: the screen is cleared, and a blank frame makes ratatui's
    // record of the screen blank too. (`Terminal::clear` would ask the terminal where its
    // cursor is, a question some terminals never answer.)
    execute!(std::io::stdout(), Clear(ClearType::All))?;
    terminal.draw(|_| {})?;
    Ok(result)
}

fn install_panic_hook() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if CATCHING.get() {
                let place = info
                    .location()
                    .map(|l| format!(" at {}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                let message = payload_text(info.payload());
                CAUGHT.set(Some(format!("{message}{place}")));
                return;
            }
            restore();
            previous(info);
        }));
    });
}

fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(std::string::ToString::to_string)
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}

/// Runs `work`, turning a panic in it into an error message that says what and where, with
/// the terminal left to the UI.
pub fn catching_panics<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    let was_catching = CATCHING.replace(true);
    let result = catch_unwind(AssertUnwindSafe(work));
    CATCHING.set(was_catching);
    result.map_err(|payload| {
        CAUGHT
            .take()
            .unwrap_or_else(|| payload_text(payload.as_ref()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caught_panic_becomes_its_message_and_place() {
        install_panic_hook();
        let caught = catching_panics(|| -> u8 { panic!("renderer failed on {}", 7) });
        let message = caught.unwrap_err();
        assert!(
            message.starts_with("renderer failed on 7 at src/tui/terminal.rs:"),
            "{message}"
        );
        assert_eq!(catching_panics(|| 3), Ok(3));
        assert!(!CATCHING.get());
    }
}
