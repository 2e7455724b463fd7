//! The contact screen: move between its sections, open a linked person, go back.

use super::move_nav;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::model::{ContactDetail, Section};

pub fn update(detail: &mut ContactDetail, action: Action, page: usize) -> Vec<Effect> {
    let position = Section::ALL
        .iter()
        .position(|s| *s == detail.section)
        .unwrap_or(0);
    match action {
        Action::FocusNext => detail.section = Section::ALL[(position + 1) % Section::ALL.len()],
        Action::FocusPrevious => {
            detail.section = Section::ALL[(position + Section::ALL.len() - 1) % Section::ALL.len()]
        }
        Action::Open if detail.section == Section::Interviews => {
            if let Some(interview) = detail
                .interviews
                .get(detail.nav(Section::Interviews).selected)
            {
                return vec![Effect::OpenStepMenu(interview.meta.id)];
            }
        }
        Action::Open => {
            if detail.section == Section::People {
                let nav = detail.nav(Section::People);
                if let Some(link) = detail.people.get(nav.selected) {
                    return vec![Effect::OpenContact(link.id)];
                }
            }
        }
        other => {
            let section = detail.section;
            let len = detail.len(section);
            move_nav(detail.nav_mut(section), other, len, page);
        }
    }
    Vec::new()
}
