//! Who helped: Enter queues a thank-you and an update for each of them.

use crate::domain::rows::Helper;
use crate::tui::data::effect::{Effect, FormRequest};
use crate::tui::keys::action::Action;
use crate::tui::model::{Model, Screen};
use crate::tui::screens::nav::move_nav;

pub fn update(model: &mut Model, action: Action, page: usize) -> Vec<Effect> {
    let Some(Screen::Landed(view)) = model.stack.last_mut() else {
        return Vec::new();
    };
    match action {
        Action::ThankHelpers if view.helpers.len() > view.left_out.len() => {
            vec![Effect::OpenForm(FormRequest::LandedRole(
                view.left_out.clone(),
            ))]
        }
        Action::ThankHelpers if !view.helpers.is_empty() => {
            model.status = Some("Everyone is left out: Space brings someone back in".into());
            Vec::new()
        }
        Action::Skip => {
            if let Some(helper) = view.helpers.get(view.nav.selected) {
                let id = helper.id;
                if let Some(at) = view.left_out.iter().position(|h| *h == id) {
                    view.left_out.remove(at);
                } else {
                    view.left_out.push(id);
                }
            }
            Vec::new()
        }
        Action::ThankHelpers => {
            model.status =
                Some("No one to thank yet: meetings held and referrals show here".into());
            Vec::new()
        }
        other => {
            move_nav(&mut view.nav, other, view.helpers.len(), page);
            Vec::new()
        }
    }
}

/// Everyone who helped, read: opened, or folded in.
pub fn shown(model: &mut Model, helpers: Vec<Helper>) -> Vec<Effect> {
    match model.stack.last_mut() {
        Some(Screen::Landed(view)) => {
            view.helpers = helpers;
            view.nav.keep_visible(view.helpers.len(), usize::MAX / 2);
        }
        _ => model
            .stack
            .push(Screen::Landed(crate::tui::model::LandedView {
                helpers,
                nav: Default::default(),
                left_out: Vec::new(),
            })),
    }
    Vec::new()
}
