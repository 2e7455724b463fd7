//! The trash's own keys: moving (u and Enter restore, as record keys).

use crate::domain::rows::TrashRow;
use crate::tui::data::effect::Effect;
use crate::tui::keys::action::Action;
use crate::tui::model::TrashView;
use crate::tui::model::{Model, Screen};
use crate::tui::screens::nav::Nav;
use crate::tui::screens::nav::move_nav;

pub fn update(model: &mut Model, action: Action, page: usize) -> Vec<Effect> {
    if let Some(Screen::Trash(view)) = model.stack.last_mut() {
        move_nav(&mut view.nav, action, view.rows.len(), page);
    }
    Vec::new()
}

/// The trash read: opened, or folded in.
pub fn shown(model: &mut Model, rows: Vec<TrashRow>) -> Vec<Effect> {
    match model.stack.last_mut() {
        Some(Screen::Trash(view)) => {
            view.rows = rows;
            view.nav.keep_visible(view.rows.len(), usize::MAX / 2);
        }
        _ => model.stack.push(Screen::Trash(TrashView {
            rows,
            nav: Nav::default(),
        })),
    }
    Vec::new()
}
