//! The command palette while it is open: typing narrows it, its keys move, Enter runs the
//! chosen action as its key would, Esc closes.

use crossterm::event::{KeyCode, KeyEvent};

use crate::domain::Clock;
use crate::tui::data::effect::Effect;
use crate::tui::dispatch::{Input, typed_char, update};
use crate::tui::keys::action::Action;
use crate::tui::model::{Mode, Model};

/// Rows the palette shows at once.
pub const PALETTE_ROWS: usize = 12;

pub fn action(model: &mut Model, action: Action, clock: &Clock) -> Vec<Effect> {
    let Mode::Palette(palette) = &mut model.mode else {
        return Vec::new();
    };
    match action {
        Action::Back => model.mode = Mode::Normal,
        Action::Quit => model.quit = true,
        Action::Open => {
            let chosen = palette.selected().map(|entry| entry.action);
            model.mode = Mode::Normal;
            if let Some(action) = chosen {
                return update(model, Input::Act(action), clock);
            }
        }
        Action::ClearLine => {
            palette.query.clear();
            palette.rematch();
        }
        Action::MoveDown | Action::MoveUp | Action::PageDown | Action::PageUp => {
            let len = palette.matches.len();
            crate::tui::dispatch::move_nav(&mut palette.nav, action, len, PALETTE_ROWS);
        }
        _ => {}
    }
    Vec::new()
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
