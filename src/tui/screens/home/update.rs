//! Home: four panes, focus, zoom, the filter, and opening what is selected.

use crossterm::event::{KeyCode, KeyEvent};

use crate::tui::data::effect::Effect;
use crate::tui::keys::action::Action;
use crate::tui::keys::text::typed_char;
use crate::tui::model::{Loaded, Mode, Model, Pane};
use crate::tui::screens::home::contacts_window::window_fetch;
use crate::tui::screens::home::filter::Filter;
use crate::tui::screens::nav::move_nav;
use crate::tui::view::layout;

pub fn update(model: &mut Model, action: Action) -> Vec<Effect> {
    let focus = model.focus();
    match action {
        Action::FocusNext => model.home.focus.0 = focus.cycle(1),
        Action::FocusPrevious => model.home.focus.0 = focus.cycle(-1),
        Action::FocusContacts => model.home.focus.0 = Pane::Contacts,
        Action::FocusMeetings => model.home.focus.0 = Pane::Meetings,
        Action::FocusFollowUps => model.home.focus.0 = Pane::FollowUps,
        Action::FocusQuestionLists => model.home.focus.0 = Pane::QuestionLists,
        Action::Zoom => model.home.zoomed = !model.home.zoomed,
        Action::Filter => return start_filter(model),
        Action::LandedRole => return vec![Effect::OpenLanded],
        Action::Back => {
            if model.filter.as_ref().is_some_and(|f| f.pane == focus) {
                model.filter = None;
            } else if model.home.zoomed {
                model.home.zoomed = false;
            } else {
                model.status = Some("Home is the first screen: nothing to close (q quits)".into());
            }
        }
        Action::Open => return open_selected(model).into_iter().collect(),
        Action::MoveDown
        | Action::MoveUp
        | Action::PageDown
        | Action::PageUp
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::First
        | Action::Last => {
            return move_in_pane(model, focus, action);
        }
        _ => {}
    }
    // Focus or zoom changed the viewport: keep the contact window covering it.
    ensure_contacts_loaded(model)
}

/// Moves the selection of `pane` (its filtered list when it is filtered).
pub fn move_in_pane(model: &mut Model, pane: Pane, action: Action) -> Vec<Effect> {
    let page = layout::pane_rows(model, pane);
    if let Some(filter) = model.filter.as_mut().filter(|f| f.pane == pane) {
        let len = filter.matches.len();
        move_nav(&mut filter.nav, action, len, page);
        return Vec::new();
    }
    let home = &mut model.home;
    match pane {
        Pane::Contacts => {
            let total = home.contacts.total;
            move_nav(&mut home.contacts.nav, action, total, page);
            return ensure_contacts_loaded(model);
        }
        Pane::Meetings => return move_and_grow(&mut home.meetings, Pane::Meetings, action, page),
        Pane::FollowUps => {
            return move_and_grow(&mut home.follow_ups, Pane::FollowUps, action, page);
        }
        Pane::QuestionLists => move_nav(
            &mut home.question_lists.nav,
            action,
            home.question_lists.rows.len(),
            page,
        ),
    }
    Vec::new()
}

/// Moves in a list that was loaded a screenful at a time, asking for twice as many rows when
/// the selection nears the end of a full load.
fn move_and_grow<T>(list: &mut Loaded<T>, pane: Pane, action: Action, page: usize) -> Vec<Effect> {
    move_nav(&mut list.nav, action, list.rows.len(), page);
    if !list.wants_more(page) {
        return Vec::new();
    }
    list.limit *= 2;
    vec![Effect::GrowPane {
        pane,
        limit: list.limit,
    }]
}

/// Keeps each home list's selection on screen after its rows or its size changed.
pub fn keep_panes_visible(model: &mut Model) {
    let heights =
        [Pane::Meetings, Pane::FollowUps, Pane::QuestionLists].map(|p| layout::pane_rows(model, p));
    let home = &mut model.home;
    home.meetings
        .nav
        .keep_visible(home.meetings.rows.len(), heights[0]);
    home.follow_ups
        .nav
        .keep_visible(home.follow_ups.rows.len(), heights[1]);
    home.question_lists
        .nav
        .keep_visible(home.question_lists.rows.len(), heights[2]);
}

pub fn ensure_contacts_loaded(model: &mut Model) -> Vec<Effect> {
    let height = layout::pane_rows(model, Pane::Contacts);
    let pane = &mut model.home.contacts;
    pane.nav.keep_visible(pane.total, height);
    let total = pane.total;
    window_fetch(pane, height)
        .map(|fetch| Effect::FetchContacts { fetch, total })
        .into_iter()
        .collect()
}

fn start_filter(model: &mut Model) -> Vec<Effect> {
    let pane = model.focus();
    if model.filter.as_ref().is_none_or(|f| f.pane != pane) {
        model.filter = Some(Filter::new(pane));
        rematch(model);
    }
    model.mode = Mode::Filtering;
    Vec::new()
}

/// The filter's own keys while it is typed (the keymap's `[filter]`).
pub fn filter_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(filter) = model.filter.as_mut() else {
        model.mode = Mode::Normal;
        return Vec::new();
    };
    let pane = filter.pane;
    match action {
        Action::Back => {
            model.filter = None;
            model.mode = Mode::Normal;
        }
        Action::EndTyping => model.mode = Mode::Normal,
        Action::Quit => model.quit = true,
        Action::ClearLine => {
            filter.query.clear();
            rematch(model);
        }
        Action::DeleteWord => {
            crate::tui::keys::text::drop_last_word(&mut filter.query);
            rematch(model);
        }
        Action::MoveDown | Action::MoveUp | Action::PageDown | Action::PageUp => {
            return move_in_pane(model, pane, action);
        }
        _ => {}
    }
    Vec::new()
}

/// A key typed into the filter.
pub fn filter_typed(model: &mut Model, event: &KeyEvent) -> Vec<Effect> {
    let Some(filter) = model.filter.as_mut() else {
        return Vec::new();
    };
    match event.code {
        KeyCode::Backspace => {
            filter.query.pop();
        }
        _ => match typed_char(event) {
            Some(c) => filter.query.push(c),
            None => return Vec::new(),
        },
    }
    rematch(model);
    Vec::new()
}

/// Pasted text joins the filter's query whole, matched once (not once per character).
pub fn filter_pasted(model: &mut Model, text: &str) -> Vec<Effect> {
    let Some(filter) = model.filter.as_mut() else {
        return Vec::new();
    };
    filter.query.push_str(text);
    rematch(model);
    Vec::new()
}

/// Matches the filter's query against its pane's rows.
pub fn rematch(model: &mut Model) {
    let Some(filter) = model.filter.as_mut() else {
        return;
    };
    let home = &model.home;
    let texts: Vec<String> = match filter.pane {
        Pane::Contacts => {
            match &model.contact_index {
                Some(index) => filter.rematch(index.as_ref()),
                None => filter.rematch(&[] as &[String]),
            }
            return;
        }
        Pane::Meetings => home
            .meetings
            .rows
            .iter()
            .map(|m| format!("{} {}", m.contact_name, m.objective))
            .collect(),
        Pane::FollowUps => home
            .follow_ups
            .rows
            .iter()
            .map(|f| format!("{} {}", f.title, f.contact_name.as_deref().unwrap_or("")))
            .collect(),
        Pane::QuestionLists => home
            .question_lists
            .rows
            .iter()
            .map(|l| l.name.clone())
            .collect(),
    };
    filter.rematch(texts.as_slice());
}

/// The position in the pane's own rows of what is selected, through the filter if any.
pub fn selected_index(model: &Model, pane: Pane) -> Option<usize> {
    match model.filter.as_ref().filter(|f| f.pane == pane) {
        Some(filter) => filter.selected(),
        None => Some(match pane {
            Pane::Contacts => model.home.contacts.nav.selected,
            Pane::Meetings => model.home.meetings.nav.selected,
            Pane::FollowUps => model.home.follow_ups.nav.selected,
            Pane::QuestionLists => model.home.question_lists.nav.selected,
        }),
    }
}

fn open_selected(model: &Model) -> Option<Effect> {
    let pane = model.focus();
    let index = selected_index(model, pane)?;
    let filtered = model.filter.as_ref().is_some_and(|f| f.pane == pane);
    let home = &model.home;
    match pane {
        Pane::Contacts if filtered => model
            .contact_index
            .as_ref()?
            .id(index)
            .map(Effect::OpenContact),
        Pane::Contacts => home
            .contacts
            .row_at(index)
            .map(|c| Effect::OpenContact(c.id)),
        Pane::Meetings => home
            .meetings
            .rows
            .get(index)
            .map(|m| Effect::OpenContact(m.contact_id)),
        Pane::FollowUps => home
            .follow_ups
            .rows
            .get(index)?
            .contact_id
            .map(Effect::OpenContact),
        Pane::QuestionLists => home
            .question_lists
            .rows
            .get(index)
            .map(|l| Effect::OpenQuestionList(l.id)),
    }
}
