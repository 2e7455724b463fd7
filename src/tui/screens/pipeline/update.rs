//! The pipeline board: move between stage columns and cards, open a card's contact.

use crate::tui::data::effect::Effect;
use crate::tui::keys::action::Action;
use crate::tui::model::Pipeline;
use crate::tui::model::{Model, Screen};
use crate::tui::screens::nav::move_nav;

pub fn update(model: &mut Model, action: Action, page: usize) -> Vec<Effect> {
    let Some(Screen::Pipeline(board)) = model.stack.last_mut() else {
        return Vec::new();
    };
    let columns = board.columns.len();
    match action {
        Action::MoveLeft => board.column = board.column.saturating_sub(1),
        Action::MoveRight => board.column = (board.column + 1).min(columns.saturating_sub(1)),
        Action::Open => {
            if let Some(card) = board.selected() {
                return vec![Effect::OpenInterview(card.interview_id)];
            }
        }
        other => {
            if let Some(column) = board.columns.get_mut(board.column) {
                let len = column.cards.len();
                move_nav(&mut column.nav, other, len, page);
                let more_stored = column.total as usize > len;
                if more_stored && column.nav.selected + page >= len {
                    board.limit *= 2;
                    return vec![Effect::LoadPipeline { limit: board.limit }];
                }
            }
        }
    }
    Vec::new()
}

/// The board read: opened, or folded in keeping the place.
pub fn shown(model: &mut Model, mut board: Pipeline) -> Vec<Effect> {
    match model.stack.last_mut() {
        Some(Screen::Pipeline(current)) => {
            // Keep the place: the column and each column's selection.
            board.column = current.column;
            for (fresh, old) in board.columns.iter_mut().zip(&current.columns) {
                fresh.nav = old.nav;
                fresh.nav.keep_visible(fresh.cards.len(), usize::MAX / 2);
            }
            *current = board;
        }
        _ => model.stack.push(Screen::Pipeline(board)),
    }
    Vec::new()
}
