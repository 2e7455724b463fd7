//! The screen shown over home, as one value: what it is called, the keymap contexts it listens
//! in, and what reads it again. (Its update and drawing are dispatched in `screens/mod.rs`.)

use super::contact::{self, ContactDetail};
use super::import;
use super::insights;
use super::interview::{self, InterviewView};
use super::landed::{self, LandedView};
use super::meeting::{self, MeetingView};
use super::organizations::{self, OrganizationsView};
use super::pipeline::{self, Pipeline};
use super::questions::{self, QuestionListView};
use super::review::{self, ReviewView};
use super::search::{self, SearchView};
use super::trash::{self, TrashView};
use crate::tui::data::effect::Effect;
use crate::tui::keys::keymap::Context;

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
    /// One interview, whole.
    Interview(Box<InterviewView>),
    /// Every organisation, and the people of the one selected.
    Organizations(Box<OrganizationsView>),
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
            Screen::Interview(view) => format!("Interview with {}", view.contact_name),
            Screen::Organizations(_) => "Organisations".into(),
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
            Screen::Review(view) => review::contexts(view),
            Screen::ImportPreview(_) => import::CONTEXTS,
            Screen::Insights(_) => insights::CONTEXTS,
            Screen::Search(_) => search::CONTEXTS,
            Screen::Landed(_) => landed::CONTEXTS,
            Screen::Interview(_) => interview::CONTEXTS,
            Screen::Organizations(_) => organizations::CONTEXTS,
        }
    }

    /// What reads it again from the database, keeping its place (each result is folded into the
    /// screen on top when it is the same one).
    pub fn reload(&self) -> Vec<Effect> {
        match self {
            Screen::Contact(detail) => vec![Effect::OpenContact(detail.contact.meta.id)],
            Screen::Pipeline(board) => vec![Effect::LoadPipeline { limit: board.limit }],
            Screen::QuestionList(view) => vec![Effect::OpenQuestionList(view.list.id)],
            Screen::Trash(_) => vec![Effect::OpenTrash],
            Screen::Meeting(view) => vec![Effect::OpenMeeting(view.interview)],
            Screen::Review(_) => vec![Effect::OpenReview],
            Screen::ImportPreview(preview) => vec![Effect::PreviewImport {
                format: preview.format,
                file: preview.file.clone(),
            }],
            Screen::Insights(_) => vec![Effect::OpenInsights],
            Screen::Search(view) => vec![Effect::OpenSearch, Effect::Search(view.query.clone())],
            Screen::Landed(_) => vec![Effect::OpenLanded],
            Screen::Interview(view) => vec![Effect::OpenInterview(view.interview.meta.id)],
            Screen::Organizations(_) => vec![Effect::OpenOrganizations(None)],
        }
    }
}
