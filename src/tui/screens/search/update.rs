//! The search screen: every printable key is typed into the query (each change searches
//! again); the keys of its own keymap context move, open and close.

use crate::domain::rows::SearchHit;
use crossterm::event::{KeyCode, KeyEvent};

use crate::domain::rows::SearchKind;
use crate::tui::data::effect::Effect;
use crate::tui::keys::action::Action;
use crate::tui::keys::text::typed_char;
use crate::tui::model::{Model, Screen, SearchView};

/// A key typed into the query: searched again at once.
pub fn typed(model: &mut Model, event: &KeyEvent) -> Vec<Effect> {
    let Some(Screen::Search(view)) = model.stack.last_mut() else {
        return Vec::new();
    };
    match event.code {
        KeyCode::Backspace => {
            view.query.pop();
        }
        _ => match typed_char(event) {
            Some(c) => view.query.push(c),
            None => return Vec::new(),
        },
    }
    vec![Effect::Search(view.query.clone())]
}

/// The search's own actions: the keys it does not type into the query.
pub fn update(model: &mut Model, action: Action, page: usize) -> Vec<Effect> {
    let Some(Screen::Search(view)) = model.stack.last_mut() else {
        return Vec::new();
    };
    match action {
        Action::Quit => {
            model.quit = true;
            Vec::new()
        }
        Action::Back => {
            model.stack.pop();
            model.reload_shown()
        }
        Action::Open => open(view),
        Action::ClearLine => {
            view.query.clear();
            vec![Effect::Search(String::new())]
        }
        Action::DeleteWord => {
            crate::tui::keys::text::drop_last_word(&mut view.query);
            vec![Effect::Search(view.query.clone())]
        }
        Action::MoveDown | Action::MoveUp | Action::PageDown | Action::PageUp => {
            crate::tui::screens::nav::move_nav(&mut view.nav, action, view.hits.len(), page);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Enter: a hit's contact (their screen over the search), or the organisations at that one.
fn open(view: &SearchView) -> Vec<Effect> {
    let Some(hit) = view.hits.get(view.nav.selected) else {
        return Vec::new();
    };
    match (hit.kind, hit.contact) {
        (SearchKind::Organization, _) => vec![Effect::OpenOrganizations(Some(hit.id))],
        (_, Some(contact)) => vec![Effect::OpenContact(contact)],
        (_, None) => Vec::new(),
    }
}

/// The search index is up to date: the search opens.
pub fn opened(model: &mut Model) -> Vec<Effect> {
    model.search_caught_up = true;
    if !matches!(model.screen(), Some(Screen::Search(_))) {
        model.stack.push(Screen::Search(Default::default()));
    }
    Vec::new()
}

/// What a search found, if it is still what is typed.
pub fn results(model: &mut Model, query: String, hits: Vec<SearchHit>) -> Vec<Effect> {
    if let Some(Screen::Search(view)) = model.stack.last_mut()
        && view.query == query
    {
        view.hits = hits;
        view.nav.keep_visible(view.hits.len(), usize::MAX / 2);
    }
    Vec::new()
}
