//! The organisations' own keys: moving in either side, Tab between them, Enter on a person,
//! M to merge another entry in; reading the people of the one selected when it changes.

use crate::domain::Id;
use crate::domain::rows::{OrganizationPeople, OrganizationRow};
use crate::tui::data::effect::{Effect, FormRequest};
use crate::tui::keys::action::Action;
use crate::tui::model::{Model, Screen};
use crate::tui::screens::nav::{Nav, move_nav};

use super::{OrganizationsView, Side};

fn view_mut(model: &mut Model) -> Option<&mut OrganizationsView> {
    match model.stack.last_mut() {
        Some(Screen::Organizations(view)) => Some(view),
        _ => None,
    }
}

pub fn update(model: &mut Model, action: Action, page: usize) -> Vec<Effect> {
    let Some(view) = view_mut(model) else {
        return Vec::new();
    };
    match (action, view.side) {
        (Action::FocusNext | Action::FocusPrevious, Side::Organizations)
        | (Action::Open, Side::Organizations) => {
            if view
                .people_of_selected()
                .is_some_and(|p| !p.contacts.is_empty())
            {
                view.side = Side::People;
            } else if view.rows.is_empty() {
                model.status = Some("No organisations yet: a adds one".into());
            } else {
                model.status = Some("No one there yet: e on a contact puts them there".into());
            }
            Vec::new()
        }
        (Action::FocusNext | Action::FocusPrevious, Side::People) => {
            view.side = Side::Organizations;
            Vec::new()
        }
        (Action::Open, Side::People) => view
            .people_of_selected()
            .and_then(|p| p.contacts.get(view.people_nav.selected))
            .map(|c| vec![Effect::OpenContact(c.id)])
            .unwrap_or_default(),
        (Action::MergeContact, _) => match view.selected() {
            Some(org) => vec![Effect::OpenForm(FormRequest::MergeOrganizationInto(org.id))],
            None => {
                model.status = Some("No organisations yet: a adds one".into());
                Vec::new()
            }
        },
        (other, Side::People) => {
            let len = view.people_of_selected().map_or(0, |p| p.contacts.len());
            move_nav(&mut view.people_nav, other, len, page);
            Vec::new()
        }
        (other, Side::Organizations) => {
            let before = view.nav.selected;
            move_nav(&mut view.nav, other, view.rows.len(), page);
            if view.nav.selected == before {
                return Vec::new();
            }
            view.people_nav = Nav::default();
            read_people(view)
        }
    }
}

/// The people of the selected organisation, to read (unless they are shown already).
fn read_people(view: &OrganizationsView) -> Vec<Effect> {
    match view.selected() {
        Some(org) if view.people_of_selected().is_none() => {
            vec![Effect::LoadOrganizationPeople(org.id)]
        }
        _ => Vec::new(),
    }
}

/// The organisations read: opened, or folded in (the selection kept on the same one).
pub fn shown(
    model: &mut Model,
    rows: Vec<OrganizationRow>,
    total: u64,
    at: Option<Id>,
) -> Vec<Effect> {
    match view_mut(model) {
        Some(view) => {
            let kept = at.or_else(|| view.selected().map(|o| o.id));
            view.rows = rows;
            view.total = total;
            if let Some(at) = kept.and_then(|id| view.rows.iter().position(|o| o.id == id)) {
                view.nav.selected = at;
            }
            view.nav.keep_visible(view.rows.len(), usize::MAX / 2);
            // What they hold may have changed with them: read again.
            view.people = None;
            read_people(view)
        }
        None => {
            let mut view = OrganizationsView {
                rows,
                total,
                ..OrganizationsView::default()
            };
            if let Some(at) = at.and_then(|id| view.rows.iter().position(|o| o.id == id)) {
                view.nav.selected = at;
                view.nav.keep_visible(view.rows.len(), usize::MAX / 2);
            }
            let effects = read_people(&view);
            model.stack.push(Screen::Organizations(Box::new(view)));
            effects
        }
    }
}

/// The people of one organisation, read.
pub fn people_shown(
    model: &mut Model,
    organization: Id,
    people: OrganizationPeople,
) -> Vec<Effect> {
    if let Some(view) = view_mut(model) {
        view.people_nav
            .keep_visible(people.contacts.len(), usize::MAX / 2);
        if view.people_nav.selected >= people.contacts.len() {
            view.people_nav = Nav::default();
        }
        if people.contacts.is_empty() {
            view.side = Side::Organizations;
        }
        view.people = Some((organization, people));
    }
    Vec::new()
}
