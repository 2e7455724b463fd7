//! The trash's own keys: moving (u and Enter restore, as record keys).

use crate::tui::data::effect::Effect;
use crate::tui::keys::action::Action;
use crate::tui::model::{Model, Screen};
use crate::tui::screens::nav::move_nav;

pub fn update(model: &mut Model, action: Action, page: usize) -> Vec<Effect> {
    if let Some(Screen::Trash(view)) = model.stack.last_mut() {
        move_nav(&mut view.nav, action, view.rows.len(), page);
    }
    Vec::new()
}
