//! What `update` asks the app to do, as data; and what comes back from the database.

use crate::domain::Id;
use crate::store::{ContactRow, FollowUpRow, MeetingRow, QuestionListRow};

use super::model::{ContactDetail, Header, Pipeline, QuestionListView};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read the header and every home pane again (keeps selections where it can).
    ReloadHome,
    /// Load more of the contact list, next to what is loaded.
    FetchContacts(ContactFetch),
    /// Load every contact's name for filtering.
    LoadContactIndex,
    OpenContact(Id),
    OpenPipeline,
    OpenQuestionList(Id),
    /// Read the current screen again (another process changed the data).
    ReloadScreen,
}

/// Which part of the name-ordered contact list to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactFetch {
    /// The window starting at this position (first load, refresh, `g`, `G`).
    At(usize),
    /// The rows after this one (moving down past the window).
    After(ContactRow),
    /// The rows before this one (moving up past the window).
    Before(ContactRow),
}

/// Results, fed back into `update::receive`.
#[derive(Debug, Clone)]
pub enum Loaded {
    Home(Box<HomeData>),
    Contacts {
        fetch: ContactFetch,
        rows: Vec<ContactRow>,
    },
    ContactIndex(Vec<ContactRow>),
    Contact(Box<ContactDetail>),
    /// The contact screen being reloaded, keeping its selection.
    ContactReloaded(Box<ContactDetail>),
    Pipeline(Pipeline),
    QuestionList(QuestionListView),
    /// A read failed: said in the footer, and the screen stays as it was.
    Failed(String),
}

#[derive(Debug, Clone, Default)]
pub struct HomeData {
    pub header: Header,
    pub contacts_total: usize,
    pub meetings: Vec<MeetingRow>,
    pub follow_ups: Vec<FollowUpRow>,
    pub question_lists: Vec<QuestionListRow>,
}
