//! The command palette while it is open: typing narrows it, its keys move, Enter runs the
//! chosen action as its key would, Esc closes.

use crossterm::event::{KeyCode, KeyEvent};

use crate::tui::data::effect::Effect;
use crate::tui::keys::action::Action;
use crate::tui::keys::text::typed_char;
use crate::tui::model::{Mode, Model};

/// Rows the palette shows at once.
pub const PALETTE_ROWS: usize = 12;

/// One of the palette's keys. Enter closes it and hands back the chosen action, for the
/// dispatch to carry out on the screen as if its key had been pressed.
pub fn action(model: &mut Model, action: Action) -> Option<Action> {
    let Mode::Palette(palette) = &mut model.mode else {
        return None;
    };
    match action {
        Action::Back => model.mode = Mode::Normal,
        Action::Quit => model.quit = true,
        Action::Open => {
            let chosen = palette.selected().cloned();
            model.mode = Mode::Normal;
            let chosen = chosen?;
            // "add follow-up": Add, on the follow-ups.
            if let Some(pane) = chosen.pane {
                model.home.focus.0 = pane;
            }
            return Some(chosen.action);
        }
        Action::ClearLine => {
            palette.query.clear();
            palette.rematch();
        }
        Action::DeleteWord => {
            crate::tui::keys::text::drop_last_word(&mut palette.query);
            palette.rematch();
        }
        Action::MoveDown | Action::MoveUp | Action::PageDown | Action::PageUp => {
            let len = palette.matches.len();
            crate::tui::screens::nav::move_nav(&mut palette.nav, action, len, PALETTE_ROWS);
        }
        _ => {}
    }
    None
}

/// A key typed into the palette's query.
pub fn typed(model: &mut Model, event: &KeyEvent) -> Vec<Effect> {
    let Mode::Palette(palette) = &mut model.mode else {
        return Vec::new();
    };
    match event.code {
        KeyCode::Backspace => {
            palette.query.pop();
        }
        _ => match typed_char(event) {
            Some(c) => palette.query.push(c),
            None => return Vec::new(),
        },
    }
    palette.rematch();
    Vec::new()
}
