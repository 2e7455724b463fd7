//! The search screen: every printable key is typed into the query (each change searches
//! again); the keys of its own keymap context move, open and close.

use crossterm::event::KeyEvent;

use super::typed_char;
use crate::store::search::SearchKind;
use crate::tui::action::Action;
use crate::tui::effect::{Effect, FormRequest};
use crate::tui::keymap::{Context, Key, Keymap};
use crate::tui::model::{Model, Screen, SearchView};

/// A key on the search screen; `None` when it is not the search's to handle.
pub fn key(model: &mut Model, keymap: &Keymap, event: &KeyEvent) -> Option<Vec<Effect>> {
    let Some(Screen::Search(view)) = model.stack.last_mut() else {
        return None;
    };
    if model.help {
        return None;
    }
    let action = Key::from_event(event).and_then(|k| keymap.action(&[Context::Search], k));
    if let Some(action) = action {
        return Some(act(model, action));
    }
    match event.code {
        crossterm::event::KeyCode::Backspace => {
            view.query.pop();
        }
        _ => view.query.push(typed_char(event)?),
    }
    Some(vec![Effect::Search(view.query.clone())])
}

fn act(model: &mut Model, action: Action) -> Vec<Effect> {
    let page = crate::tui::layout::page(model);
    let Some(Screen::Search(view)) = model.stack.last_mut() else {
        return Vec::new();
    };
    match action {
        Action::Open => open(view),
        Action::Back => {
            model.stack.pop();
            Vec::new()
        }
        Action::Quit => {
            model.quit = true;
            Vec::new()
        }
        Action::Help => {
            model.help = true;
            Vec::new()
        }
        other => {
            super::move_nav(&mut view.nav, other, view.hits.len(), page);
            Vec::new()
        }
    }
}

/// Enter: a hit's contact (their screen over the search), or an organisation's form.
fn open(view: &SearchView) -> Vec<Effect> {
    let Some(hit) = view.hits.get(view.nav.selected) else {
        return Vec::new();
    };
    match (hit.kind, hit.contact) {
        (SearchKind::Organization, _) => {
            vec![Effect::OpenForm(FormRequest::EditOrganization(hit.id))]
        }
        (_, Some(contact)) => vec![Effect::OpenContact(contact)],
        (_, None) => Vec::new(),
    }
}
