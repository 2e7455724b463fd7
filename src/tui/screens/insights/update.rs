//! The insights: counted by the store, shown here.

use crate::domain::insights::Insights;
use crate::tui::data::effect::Effect;
use crate::tui::model::{Model, Screen};

/// The insights counted: opened, or folded in.
pub fn shown(model: &mut Model, insights: Box<Insights>) -> Vec<Effect> {
    match model.stack.last_mut() {
        Some(Screen::Insights(shown)) => *shown = insights,
        _ => model.stack.push(Screen::Insights(insights)),
    }
    Vec::new()
}
