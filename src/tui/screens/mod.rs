//! The screens, one module each: its state, the keymap contexts it listens in, its update, what
//! it reads again when the data changes, and its drawing. This file is the one dispatch: adding
//! a screen is its module and a line in each match below.

pub mod contact;
pub mod home;
pub mod import;
pub mod insights;
pub mod landed;
pub mod meeting;
pub mod mouse;
pub mod nav;
pub mod pipeline;
pub mod questions;
pub mod records;
pub mod review;
pub mod search;
pub mod trash;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::domain::Clock;
use crate::tui::data::effect::Effect;
use crate::tui::keys::action::Action;
use crate::tui::keys::keymap::Context;
use crate::tui::model::Model;
use crate::tui::view::theme::Theme;
use contact::ContactDetail;
use landed::LandedView;
use meeting::MeetingView;
use pipeline::Pipeline;
use questions::QuestionListView;
use review::ReviewView;
use search::SearchView;
use trash::TrashView;

/// A screen above home.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Contact(Box<ContactDetail>),
    Pipeline(Pipeline),
    QuestionList(QuestionListView),
    Trash(TrashView),
    Meeting(MeetingView),
    Review(Box<ReviewView>),
    /// What an import would do, before it is carried out.
    ImportPreview(Box<import::ImportPreview>),
    Insights(Box<crate::domain::insights::Insights>),
    Search(SearchView),
    /// Everyone who helped, after landing a role.
    Landed(LandedView),
}

impl Screen {
    /// Its name, for the header and help.
    pub fn name(&self) -> String {
        match self {
            Screen::Contact(detail) => detail.contact.name.clone(),
            Screen::Pipeline(_) => "Pipeline".into(),
            Screen::QuestionList(view) => view.list.name.clone(),
            Screen::Trash(_) => "Trash".into(),
            Screen::Meeting(view) => format!("Meeting with {}", view.contact_name),
            Screen::Review(_) => "Daily review".into(),
            Screen::ImportPreview(_) => "Import".into(),
            Screen::Insights(_) => "Insights".into(),
            Screen::Search(_) => "Search".into(),
            Screen::Landed(_) => "Who helped".into(),
        }
    }

    /// The keymap contexts it listens in, most specific first.
    pub fn contexts(&self) -> &'static [Context] {
        match self {
            Screen::Contact(_) => contact::CONTEXTS,
            Screen::Pipeline(_) => pipeline::CONTEXTS,
            Screen::QuestionList(_) => questions::CONTEXTS,
            Screen::Trash(_) => trash::CONTEXTS,
            Screen::Meeting(_) => meeting::CONTEXTS,
            Screen::Review(_) => review::CONTEXTS,
            Screen::ImportPreview(_) => import::CONTEXTS,
            Screen::Insights(_) => insights::CONTEXTS,
            Screen::Search(_) => search::CONTEXTS,
            Screen::Landed(_) => landed::CONTEXTS,
        }
    }

    /// What reads it again from the database, keeping its place (each result is folded into the
    /// screen on top when it is the same one). A preview is of a file: nothing to read again.
    pub fn reload(&self) -> Vec<Effect> {
        match self {
            Screen::Contact(detail) => vec![Effect::OpenContact(detail.contact.meta.id)],
            Screen::Pipeline(board) => vec![Effect::LoadPipeline { limit: board.limit }],
            Screen::QuestionList(view) => vec![Effect::OpenQuestionList(view.list.id)],
            Screen::Trash(_) => vec![Effect::OpenTrash],
            Screen::Meeting(view) => vec![Effect::OpenMeeting(view.interview)],
            Screen::Review(_) => vec![Effect::OpenReview],
            Screen::ImportPreview(_) => Vec::new(),
            Screen::Insights(_) => vec![Effect::OpenInsights],
            Screen::Search(view) => vec![Effect::OpenSearch, Effect::Search(view.query.clone())],
            Screen::Landed(_) => vec![Effect::OpenLanded],
        }
    }
}

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
    }
}
