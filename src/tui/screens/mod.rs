//! The screens, one module each: its state, the keymap contexts it listens in, its update, what
//! it reads again when the data changes, and its drawing. This file is the one dispatch: adding
//! a screen is its module and a line in each match below.

pub mod contact;
pub mod contexts;
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
