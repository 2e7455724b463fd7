//! What comes back from the database for an effect, to fold into the model.

use crate::domain::Id;
use crate::domain::review::ReviewItem;
use crate::domain::rows::{
    ContactRow, FollowUpRow, MeetingRow, QuestionListRow, ReviewContext, TrashRow,
};
use crate::form::Form;
use crate::tui::data::effect::ContactFetch;
use crate::tui::data::saved::Saved;
use crate::tui::screens::contact::ContactDetail;
use crate::tui::screens::home::Header;
use crate::tui::screens::home::contact_index::IndexRow;
use crate::tui::screens::meeting::MeetingView;
use crate::tui::screens::pipeline::Pipeline;
use crate::tui::screens::questions::QuestionListView;
use crate::tui::screens::review::ReviewCount;

/// Results, fed back into `receive`.
#[derive(Debug, Clone)]
pub enum Loaded {
    Home(Box<HomeData>),
    Contacts {
        fetch: ContactFetch,
        rows: Vec<ContactRow>,
    },
    /// A chunk of the contact index; the organisations come with the first one.
    ContactIndexChunk {
        organizations: Option<Vec<(Id, String)>>,
        rows: Vec<IndexRow>,
        complete: bool,
    },
    /// A contact's screen: opened, or folded into the one shown when it is theirs.
    Contact(Box<ContactDetail>),
    Pipeline(Pipeline),
    Meetings(Vec<MeetingRow>),
    FollowUps(Vec<FollowUpRow>),
    QuestionList(QuestionListView),
    /// The file was found damaged: from now on it is only read, and the footer says why.
    Damaged(String),
    /// A read failed: said in the footer, and the screen stays as it was.
    Failed(String),
    Form(Box<Form>, Option<Vec<(Id, String)>>),
    Saved(Saved),
    /// A change was made (a delete, a restore): the message for the footer.
    Changed(String),
    Trash(Vec<TrashRow>),
    EditedText(String),
    /// The record an open form edits, as saved elsewhere since the form read it.
    StoredMeanwhile(Box<crate::form::Form>),
    /// An interview and its contact's name: the steps it can take next are offered.
    InterviewSteps {
        interview: Box<crate::domain::Interview>,
        name: String,
        /// The step it owes now.
        next: Option<crate::domain::NextKind>,
        wait_days: i64,
    },
    Meeting(Box<MeetingView>),
    Interview(Box<crate::tui::screens::interview::InterviewView>),
    /// The review's queue (its first items) and how many there are in all.
    Review(Vec<ReviewItem>, u64),
    ReviewContext(ReviewContext),
    /// A review action was taken: the follow-up as it was, and what it counts as.
    ReviewActed(crate::tui::data::saved::Before, ReviewCount),
    /// A review action was undone.
    ReviewUndone(Id),
    Insights(Box<crate::domain::insights::Insights>),
    SearchOpened,
    Helpers(Vec<crate::domain::rows::Helper>),
    /// The organisations, how many in all, and the one to stand on.
    Organizations(
        Vec<crate::domain::rows::OrganizationRow>,
        u64,
        Option<crate::domain::Id>,
    ),
    OrganizationPeople(crate::domain::Id, crate::domain::rows::OrganizationPeople),
    /// A step of idle indexing was taken; whether the index is now up to date.
    SearchIndexed(bool),
    /// What a search for the text found.
    SearchResults(String, Vec<crate::domain::rows::SearchHit>),
}

#[derive(Debug, Clone, Default)]
pub struct HomeData {
    pub header: Header,
    pub contacts_total: usize,
    pub meetings: Vec<MeetingRow>,
    pub meetings_total: usize,
    pub follow_ups: Vec<FollowUpRow>,
    pub question_lists: Vec<QuestionListRow>,
}
