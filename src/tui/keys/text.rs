//! Telling typed text from commands.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Whether a key event is printable text (for the filter), not a command.
pub fn typed_char(event: &KeyEvent) -> Option<char> {
    match event.code {
        KeyCode::Char(c)
            if !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}
