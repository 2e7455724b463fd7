//! A question list's own keys: moving (adding, editing and deleting are the record keys).

use crate::tui::data::effect::Effect;
use crate::tui::keys::action::Action;
use crate::tui::model::QuestionListView;
use crate::tui::model::{Model, Screen};
use crate::tui::screens::nav::move_nav;

pub fn update(model: &mut Model, action: Action, page: usize) -> Vec<Effect> {
    if let Some(Screen::QuestionList(view)) = model.stack.last_mut() {
        move_nav(&mut view.nav, action, view.questions.len(), page);
    }
    Vec::new()
}

/// A question list read: opened, or folded into the one shown.
pub fn shown(model: &mut Model, view: QuestionListView) -> Vec<Effect> {
    match model.stack.last_mut() {
        Some(Screen::QuestionList(current)) if current.list.id == view.list.id => *current = view,
        _ => model.stack.push(Screen::QuestionList(view)),
    }
    Vec::new()
}
