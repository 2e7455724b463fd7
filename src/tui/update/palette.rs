//! Keys while the command palette is open: typing narrows it, arrows move, Enter runs the
//! chosen action as its key would, Esc closes.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{typed_char, update};
use crate::tui::effect::Effect;
use crate::tui::model::Model;

/// Typing in the palette: narrow, move, run the chosen action, or close.
pub fn key(model: &mut Model, event: &KeyEvent) -> Vec<Effect> {
    let Some(palette) = model.palette.as_mut() else {
        return Vec::new();
    };
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let len = palette.matches.len();
    match event.code {
        KeyCode::Esc => model.palette = None,
        KeyCode::Enter => {
            let chosen = palette.selected().map(|entry| entry.action);
            model.palette = None;
            if let Some(action) = chosen {
                return update(model, action);
            }
        }
        KeyCode::Down | KeyCode::Tab => palette.nav.move_by(1, len, PALETTE_ROWS),
        KeyCode::Char('n') if ctrl => palette.nav.move_by(1, len, PALETTE_ROWS),
        KeyCode::Up | KeyCode::BackTab => palette.nav.move_by(-1, len, PALETTE_ROWS),
        KeyCode::Char('p') if ctrl => palette.nav.move_by(-1, len, PALETTE_ROWS),
        KeyCode::Backspace => {
            palette.query.pop();
            palette.rematch();
        }
        KeyCode::Char('u') if ctrl => {
            palette.query.clear();
            palette.rematch();
        }
        _ => {
            if let Some(c) = typed_char(event) {
                palette.query.push(c);
                palette.rematch();
            }
        }
    }
    Vec::new()
}

/// Rows the palette shows at once.
pub const PALETTE_ROWS: usize = 12;
