//! The screens, one module each: its state, the keymap contexts it listens in, its update, what
//! it reads again when the data changes, and its drawing. This file is the one dispatch: adding
//! a screen is its module and a line in each match below.

pub mod contact;
pub mod home;
pub mod import;
pub mod insights;
pub mod interview;
pub mod landed;
pub mod meeting;
pub mod mouse;
pub mod nav;
pub mod organizations;
pub mod pipeline;
pub mod questions;
pub mod records;
pub mod review;
pub mod screen;
pub mod search;
pub mod selection;
pub mod trash;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::domain::Clock;
use crate::tui::data::effect::Effect;
use crate::tui::keys::action::Action;
use crate::tui::keys::keymap::Context;
use crate::tui::model::Model;
use crate::tui::view::layout;
use crate::tui::view::theme::Theme;
pub use screen::Screen;

/// The keymap contexts of the screen shown (home when none is open).
pub fn screen_contexts(screen: Option<&Screen>) -> &'static [Context] {
    screen.map_or(home::CONTEXTS, Screen::contexts)
}

/// An action on the screen shown (home when none is open), after the actions every screen
/// shares and the record actions.
pub fn update(model: &mut Model, action: Action, page: usize, clock: &Clock) -> Vec<Effect> {
    match model.screen() {
        None => home::update::update(model, action),
        Some(Screen::Contact(_)) => contact::update::update(model, action, page, clock),
        Some(Screen::Pipeline(_)) => pipeline::update::update(model, action, page),
        Some(Screen::QuestionList(_)) => questions::update::update(model, action, page),
        Some(Screen::Trash(_)) => trash::update::update(model, action, page),
        Some(Screen::ImportPreview(_)) => import::update::update(model, action, page),
        Some(Screen::Meeting(_)) => meeting::update::update(model, action, page),
        Some(Screen::Review(_)) => review::update::update(model, action),
        Some(Screen::Search(_)) => search::update::update(model, action, page),
        Some(Screen::Insights(_)) => Vec::new(),
        Some(Screen::Landed(_)) => landed::update::update(model, action, page),
        Some(Screen::Interview(_)) => interview::update::update(model, action, page, clock),
        Some(Screen::Organizations(_)) => organizations::update::update(model, action, page),
    }
}

/// Draws the screen shown into the body.
pub fn draw(frame: &mut Frame, model: &Model, body: Rect, clock: &Clock, theme: Theme) {
    match model.screen() {
        None => home::draw::draw(frame, model, body, clock, theme),
        Some(Screen::Contact(detail)) => contact::draw::draw(frame, detail, body, clock, theme),
        Some(Screen::Pipeline(board)) => pipeline::draw::draw(frame, board, body, clock, theme),
        Some(Screen::QuestionList(view)) => questions::draw::draw(frame, view, body, theme),
        Some(Screen::Trash(view)) => trash::draw::draw(frame, view, body, clock, theme),
        Some(Screen::Meeting(view)) => {
            meeting::draw::draw(frame, view, model.meeting_typing(), body, clock, theme)
        }
        Some(Screen::Review(view)) => review::draw::draw(frame, view, body, clock, theme),
        Some(Screen::ImportPreview(preview)) => import::draw::draw(frame, preview, body, theme),
        Some(Screen::Insights(insights)) => insights::draw::draw(frame, insights, body, theme),
        Some(Screen::Search(view)) => search::draw::draw(frame, view, body, theme),
        Some(Screen::Landed(view)) => landed::draw::draw(frame, view, body, theme),
        Some(Screen::Interview(view)) => interview::draw::draw(frame, view, body, clock, theme),
        Some(Screen::Organizations(view)) => organizations::draw::draw(frame, view, body, theme),
    }
}

/// The screen shown, read again, with a word in the footer (its key was pressed on it).
fn read_again(model: &mut Model) -> Vec<Effect> {
    let name = model.screen().map_or_else(|| "Home".into(), Screen::name);
    model.status = Some(format!("{name} read again"));
    model.reload_shown()
}

/// One action on the screen shown, nothing open over it: the actions every screen shares,
/// then the record actions, then the screen's own.
pub fn act(model: &mut Model, action: Action, clock: &crate::domain::Clock) -> Vec<Effect> {
    let page = layout::page(model);
    // The search takes every printable key as typing: only its own keys act there.
    if let Some(Screen::Search(_)) = model.screen() {
        return search::update::update(model, action, page);
    }
    let here = model.screen();
    match action {
        Action::Quit => {
            model.quit = true;
            Vec::new()
        }
        Action::Refresh => read_again(model),
        // Asking for the screen already open reads it again, and says so.
        Action::OpenReview if matches!(here, Some(Screen::Review(_))) => read_again(model),
        Action::OpenReview => vec![Effect::OpenReview],
        Action::OpenInsights if matches!(here, Some(Screen::Insights(_))) => read_again(model),
        Action::OpenInsights => vec![Effect::OpenInsights],
        Action::OpenSearch => vec![Effect::OpenSearch],
        Action::OpenPipeline if matches!(here, Some(Screen::Pipeline(_))) => read_again(model),
        Action::OpenPipeline => vec![Effect::LoadPipeline {
            limit: crate::tui::model::FIRST_CARDS,
        }],
        Action::OpenTrash if matches!(here, Some(Screen::Trash(_))) => read_again(model),
        Action::OpenOrganizations if matches!(here, Some(Screen::Organizations(_))) => {
            read_again(model)
        }
        // From a contact, at their organisation.
        Action::OpenOrganizations => {
            let theirs = match here {
                Some(Screen::Contact(detail)) => detail.contact.organization_id,
                _ => None,
            };
            vec![Effect::OpenOrganizations(theirs)]
        }
        Action::OpenHome if here.is_none() => read_again(model),
        // H is a fresh start at home: a contact filter left there is dropped (Esc back to
        // home keeps it, as the list the user left).
        Action::OpenHome => {
            model.stack.clear();
            model.filter = None;
            model.reload_shown()
        }
        // Esc on any screen above home goes back one.
        Action::Back if here.is_some() => {
            model.stack.pop();
            model.reload_shown()
        }
        _ => {
            if let Some(effects) = records::update(model, action, clock) {
                return effects;
            }
            update(model, action, page, clock)
        }
    }
}
