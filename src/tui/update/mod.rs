//! Pure state changes: a key, a click or a database result comes in, the model changes, and
//! the effects to carry out come back as data. No I/O happens here.

mod contact;
mod contacts_window;
mod contexts;
pub mod form;
mod home;
mod meeting;
mod mouse;
mod palette;
mod pipeline;
mod receive;
mod records;
pub mod review;
mod search;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use contacts_window::{CONTACT_CHUNK, apply_fetch, window_fetch};
pub use contexts::{accepted, contexts, screen_contexts};
pub use mouse::mouse;
pub use palette::PALETTE_ROWS;
pub use receive::receive;

use super::action::Action;
use super::effect::Effect;
use super::keymap::{Context, Key, Keymap};
use super::layout;
use super::model::{Model, Screen};
use super::palette::Palette;
use super::step_menu::Chosen;

/// A key press: typed into the filter while it is being edited, else looked up in the keymap.
pub fn key(
    model: &mut Model,
    keymap: &Keymap,
    event: KeyEvent,
    clock: &crate::domain::Clock,
) -> Vec<Effect> {
    model.status = None;
    if let Some(confirm) = model.confirm.take() {
        let answer = Key::from_event(&event).and_then(|k| keymap.action(&[Context::Confirm], k));
        return match answer {
            Some(Action::Confirm) => confirmed(model, confirm.yes),
            Some(_) => Vec::new(),
            None => {
                model.confirm = Some(confirm); // any other key: still waiting for y or n
                Vec::new()
            }
        };
    }
    if model.form.is_some() {
        return form::key(model, keymap, event, clock);
    }
    if model.palette.is_some() {
        return palette::key(model, &event);
    }
    if let Some(effects) = search::key(model, keymap, &event) {
        return effects;
    }
    if let Some(effects) = meeting::typing(model, &event) {
        return effects;
    }
    if model.step_menu.is_some() {
        let action = Key::from_event(&event)
            .and_then(|k| keymap.action(&[Context::List, Context::Global], k));
        return action
            .map(|a| step_menu_action(model, a))
            .unwrap_or_default();
    }
    let editing =
        !model.help && model.screen().is_none() && model.filter.as_ref().is_some_and(|f| f.editing);
    if editing && let Some(effects) = home::filter_input(model, &event) {
        return effects;
    }
    let Some(key) = Key::from_event(&event) else {
        return Vec::new();
    };
    match keymap.action(contexts(model), key) {
        // The palette lists the keys, so it is built here, where the keymap is.
        Some(Action::OpenPalette) => {
            let actions = accepted(model);
            model.palette = Some(Palette::new(
                keymap,
                screen_contexts(model.screen()),
                &actions,
            ));
            Vec::new()
        }
        Some(action) => update(model, action),
        None => Vec::new(),
    }
}

/// Whether typed text goes into a line being typed (the palette, the search, a filter, an
/// answer or a question in meeting mode) rather than being taken as commands: where a paste
/// may be typed in, key by key.
pub fn takes_typing(model: &Model) -> bool {
    if model.help || model.form.is_some() || model.confirm.is_some() {
        return false;
    }
    let filtering = model.screen().is_none() && model.filter.as_ref().is_some_and(|f| f.editing);
    let in_meeting = matches!(model.screen(),
        Some(Screen::Meeting(view)) if view.answering.is_some() || view.adding.is_some());
    model.palette.is_some()
        || filtering
        || in_meeting
        || matches!(model.screen(), Some(Screen::Search(_)))
}

/// Moves in the step menu, or chooses from it.
fn step_menu_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(menu) = model.step_menu.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::Open => {
            let Some(choice) = menu.choices.get(menu.nav.selected).copied() else {
                return Vec::new();
            };
            let interview = menu.interview;
            model.step_menu = None;
            match choice.effect(interview) {
                Chosen::Now(effect) => vec![effect],
                Chosen::AskFirst(effect) => {
                    model.confirm = Some(super::model::Confirm {
                        question: format!("{}?", choice.label()),
                        yes: effect,
                    });
                    Vec::new()
                }
            }
        }
        Action::Back | Action::Quit => {
            model.step_menu = None;
            Vec::new()
        }
        other => {
            let len = menu.choices.len();
            move_nav(&mut menu.nav, other, len, len.max(1));
            Vec::new()
        }
    }
}

/// Carries out a confirmed action; a deleted contact's own screen closes.
fn confirmed(model: &mut Model, yes: Effect) -> Vec<Effect> {
    if let (Effect::Trash { id, .. }, Some(Screen::Contact(detail))) = (&yes, model.screen())
        && detail.contact.meta.id == *id
    {
        model.stack.pop();
    }
    vec![yes]
}

/// Whether a key event is printable text (for the filter), not a command.
pub(crate) fn typed_char(event: &KeyEvent) -> Option<char> {
    match event.code {
        KeyCode::Char(c)
            if !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// One action on the current screen.
pub fn update(model: &mut Model, action: Action) -> Vec<Effect> {
    if model.help {
        match action {
            Action::Back | Action::Help => model.help = false,
            Action::Quit => model.quit = true,
            _ => {}
        }
        return Vec::new();
    }
    match action {
        Action::Quit => {
            model.quit = true;
            Vec::new()
        }
        Action::Help => {
            model.help = true;
            Vec::new()
        }
        Action::Refresh => {
            let mut effects = vec![Effect::ReloadHome];
            if model.screen().is_some() {
                effects.push(Effect::ReloadScreen);
            }
            effects
        }
        Action::OpenReview if !matches!(model.screen(), Some(Screen::Review(_))) => {
            vec![Effect::OpenReview]
        }
        Action::OpenInsights => vec![Effect::OpenInsights],
        Action::OpenSearch => vec![Effect::OpenSearch],
        Action::LandedRole => vec![Effect::OpenLanded],
        Action::OpenPipeline if !matches!(model.screen(), Some(Screen::Pipeline(_))) => {
            vec![Effect::LoadPipeline {
                limit: super::model::FIRST_CARDS,
            }]
        }
        Action::OpenHome => {
            model.stack.clear();
            Vec::new()
        }
        // Esc on any screen above home goes back one.
        Action::Back if model.screen().is_some() => {
            model.stack.pop();
            Vec::new()
        }
        _ => {
            if let Some(effects) = records::update(model, action) {
                return effects;
            }
            let page = layout::page(model);
            match model.stack.last_mut() {
                None => home::update(model, action),
                Some(Screen::Contact(detail)) => contact::update(detail, action, page),
                Some(Screen::Pipeline(board)) => pipeline::update(board, action, page),
                Some(Screen::QuestionList(view)) => {
                    move_nav(&mut view.nav, action, view.questions.len(), page);
                    Vec::new()
                }
                Some(Screen::Trash(view)) => {
                    move_nav(&mut view.nav, action, view.rows.len(), page);
                    Vec::new()
                }
                Some(Screen::ImportPreview(preview)) => match action {
                    Action::RunImport => {
                        let effect = Effect::RunImport {
                            format: preview.format,
                            file: preview.file.clone(),
                        };
                        model.stack.pop();
                        model.status = Some("Importing…".into());
                        vec![effect]
                    }
                    other => {
                        let len = preview.notes().len();
                        move_nav(&mut preview.nav, other, len, page);
                        Vec::new()
                    }
                },
                Some(Screen::Meeting(view)) => meeting::update(view, action, page),
                Some(Screen::Review(view)) => review::update(view, action),
                Some(Screen::Insights(_) | Screen::Search(_)) => Vec::new(),
                Some(Screen::Landed(view)) => match action {
                    Action::ThankHelpers if !view.helpers.is_empty() => {
                        vec![Effect::OpenForm(super::effect::FormRequest::LandedRole)]
                    }
                    Action::ThankHelpers => {
                        model.status = Some(
                            "No one to thank yet: meetings held and referrals show here".into(),
                        );
                        Vec::new()
                    }
                    other => {
                        move_nav(&mut view.nav, other, view.helpers.len(), page);
                        Vec::new()
                    }
                },
            }
        }
    }
}

/// Work to do while no key is pressed, a small step at a time: the filter's contact index,
/// then bringing the search index up to date (after an import made while rolo was closed).
pub fn idle(model: &Model) -> Option<Effect> {
    let pending = model
        .contact_index
        .as_ref()
        .is_none_or(|index| !index.complete);
    if pending && model.home.contacts.total > 0 {
        return Some(Effect::LoadContactIndex);
    }
    (!model.search_caught_up).then_some(Effect::IndexSearch)
}

/// The terminal changed size: keep every selection on screen.
pub fn resized(model: &mut Model, width: u16, height: u16) -> Vec<Effect> {
    model.width = width;
    model.height = height;
    home::keep_panes_visible(model);
    home::ensure_contacts_loaded(model)
}

/// The list movements every screen shares.
pub(crate) fn move_nav(nav: &mut super::nav::Nav, action: Action, len: usize, page: usize) {
    match action {
        Action::MoveDown => nav.move_by(1, len, page),
        Action::MoveUp => nav.move_by(-1, len, page),
        Action::PageDown => nav.move_by(page as isize, len, page),
        Action::PageUp => nav.move_by(-(page as isize), len, page),
        Action::First => nav.first(),
        Action::Last => nav.last(len, page),
        _ => {}
    }
}
