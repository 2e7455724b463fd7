//! Everything the screen shows, and nothing more: query results cached here are refreshed by
//! effects, never read from the database while drawing.

use crate::domain::Id;

use super::contact_index::ContactIndex;
use super::effect::Effect;
use super::filter::Filter;
use super::step_menu::StepMenu;
use crate::form::Form;

mod home;
mod screens;

pub use home::*;
pub use screens::*;

/// A question awaiting y or n, and what yes does.
#[derive(Debug, Clone)]
pub struct Confirm {
    pub question: String,
    pub yes: Effect,
}

/// A screen above home.
#[derive(Debug, Clone)]
pub enum Screen {
    Contact(Box<ContactDetail>),
    Pipeline(Pipeline),
    QuestionList(QuestionListView),
    Trash(TrashView),
    Meeting(MeetingView),
    Review(Box<ReviewView>),
    /// What an import would do, before it is carried out.
    ImportPreview(Box<super::import::ImportPreview>),
    Insights(Box<crate::domain::insights::Insights>),
    Search(SearchView),
    /// Everyone who helped, after landing a role.
    Landed(LandedView),
}

#[derive(Debug, Clone)]
pub struct Model {
    /// The terminal's size, which decides how many rows a page is.
    pub width: u16,
    pub height: u16,
    pub header: Header,
    pub home: Home,
    /// Screens opened from home, the current one last; Esc goes back one.
    pub stack: Vec<Screen>,
    pub filter: Option<Filter>,
    /// The form being filled in, over the screen.
    pub form: Option<Form>,
    /// Every organisation's id and name, for the form's picker (loaded with the form).
    pub organizations: Vec<(Id, String)>,
    pub confirm: Option<Confirm>,
    /// The command palette, while it is open.
    pub palette: Option<super::palette::Palette>,
    /// An interview's next steps, to choose from.
    pub step_menu: Option<StepMenu>,
    /// Every contact's name for the filter, loaded while idle; `None` until it starts.
    pub contact_index: Option<ContactIndex>,
    /// Whether the search index has caught up since the app opened (done while idle).
    pub search_caught_up: bool,
    pub help: bool,
    /// A one-line message for the footer (a refusal, a result).
    pub status: Option<String>,
    pub quit: bool,
    /// Another app has the file: this one looks only (said in the header).
    pub read_only: bool,
}

impl Model {
    pub fn new(width: u16, height: u16) -> Model {
        Model {
            width,
            height,
            header: Header::default(),
            home: Home::default(),
            stack: Vec::new(),
            filter: None,
            form: None,
            organizations: Vec::new(),
            confirm: None,
            step_menu: None,
            contact_index: None,
            help: false,
            status: None,
            quit: false,
            read_only: false,
            palette: None,
            search_caught_up: false,
        }
    }

    pub fn screen(&self) -> Option<&Screen> {
        self.stack.last()
    }

    pub fn focus(&self) -> Pane {
        self.home.focus.0
    }
}
