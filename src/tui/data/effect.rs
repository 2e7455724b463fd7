//! What `update` asks the app to do, as data; and what comes back from the database.

use crate::domain::Id;
use crate::domain::rows::{ContactRow, FollowUpRow, MeetingRow, QuestionListRow};

use crate::domain::drafts::Template;
use crate::domain::playbook::Step;
use crate::domain::review::ReviewItem;
use crate::domain::rows::ReviewContext;
use crate::domain::rows::TrashRow;
use crate::domain::{FollowUp, InterviewQuestion};
use crate::form::Form;
use crate::tui::data::save::Saved;
use crate::tui::model::ReviewCount;
use crate::tui::model::{ContactDetail, Header, MeetingView, Pane, Pipeline, QuestionListView};
use crate::tui::screens::home::contact_index::IndexRow;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Read the header and every home pane again (keeps selections where it can).
    ReloadHome,
    /// Load more of the contact list, next to what is loaded.
    FetchContacts(ContactFetch),
    /// Load the next chunk of the filter's contact index.
    LoadContactIndex,
    OpenContact(Id),
    /// Load the pipeline board with `limit` cards per column (opening it, or loading more).
    LoadPipeline {
        limit: usize,
    },
    /// Load more rows into a home pane (its limit has grown).
    GrowPane(Pane),
    OpenQuestionList(Id),
    /// Build a form (reading the record it edits, and the organisations for its picker).
    OpenForm(FormRequest),
    /// Save a form as it was when Ctrl-S was pressed.
    SaveForm(Box<Form>),
    /// Delete a record as a tombstone.
    Trash(crate::domain::RecordRef),
    /// Restore the most recently deleted record.
    UndoDelete,
    /// Restore one record from the trash.
    Restore(crate::domain::RecordRef),
    OpenTrash,
    /// Edit a text in $EDITOR (the terminal is handed over meanwhile).
    EditExternally(String),
    /// Take a playbook step that needs no form.
    TakeStep {
        interview: Id,
        step: Step,
    },
    /// Show the steps an interview can take next.
    OpenStepMenu(Id),
    /// Copy a text to the clipboard (OSC 52: works over ssh too).
    CopyToClipboard(String),
    /// Open the daily review (read its queue).
    OpenReview,
    /// Read the context of a review item (the one now shown).
    LoadReviewContext(Box<ReviewItem>),
    /// Mark a follow-up done from the review.
    ReviewDone(Id),
    /// Snooze a follow-up by whole days from the review.
    ReviewSnooze {
        id: Id,
        days: i64,
    },
    /// Undo a review action: put the follow-up back as it was.
    ReviewPutBack(Box<FollowUp>),
    /// Meeting mode for an interview.
    OpenMeeting(Id),
    /// Save one interview question (ticked, or its answer as typed).
    SaveQuestion(Box<InterviewQuestion>),
    /// Add a question to an interview on the spot.
    AddQuestion {
        interview: Id,
        text: String,
    },
    /// Swap two questions' places.
    SwapQuestions(Id, Id),
    /// Count the insights.
    OpenInsights,
    /// Bring the search index up to date and open the search.
    OpenSearch,
    /// Index a few hundred rows for the search (idle work).
    IndexSearch,
    /// List everyone who helped.
    OpenLanded,
    /// Search for what is typed.
    Search(String),
    /// Carry out a previewed import.
    RunImport {
        format: crate::interop::files::Format,
        file: std::path::PathBuf,
    },
}

impl Effect {
    /// Whether carrying it out changes the database (or starts a change: a form). A read-only
    /// app refuses these before anything is typed.
    pub fn writes(&self) -> bool {
        use Effect::*;
        matches!(
            self,
            OpenForm(_)
                | SaveForm(_)
                | Trash(_)
                | UndoDelete
                | Restore(_)
                | TakeStep { .. }
                | OpenStepMenu(_)
                | ReviewDone(_)
                | ReviewSnooze { .. }
                | ReviewPutBack(_)
                | SaveQuestion(_)
                | AddQuestion { .. }
                | SwapQuestions(..)
                | RunImport { .. }
        )
    }
}

/// Which form to open, and for what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormRequest {
    NewContact {
        referred_by: Option<(Id, String)>,
    },
    EditContact(Id),
    EditOrganization(Id),
    NewFollowUp {
        contact: Option<(Id, String)>,
    },
    EditFollowUp(Id),
    NewQuestionList,
    EditQuestionList(Id),
    NewQuestion(Id),
    EditQuestion(Id),
    LogTouch(Id),
    StartInterview(Id),
    /// Merge a duplicate into this contact.
    MergeInto(Id),
    Schedule(Id),
    Redirect(Id),
    Evaluation(Id),
    /// A message to someone about an interview, drafted from a template.
    Draft(Id, Template),
    AddQuestions(Id),
    /// Snooze a follow-up to a typed date.
    Snooze(Id),
    /// Log a touch with a contact and mark a follow-up done.
    TouchAndComplete {
        contact: Id,
        follow_up: Id,
    },
    /// Choose a file to import.
    Import,
    /// Say what role was landed.
    LandedRole,
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
    InterviewSteps(Box<crate::domain::Interview>, String),
    Meeting(Box<MeetingView>),
    Review(Vec<ReviewItem>),
    ReviewContext(ReviewContext),
    /// A review action was taken: the follow-up as it was, and what it counts as.
    ReviewActed(Box<FollowUp>, ReviewCount),
    /// A review action was undone.
    ReviewUndone(Id),
    Insights(Box<crate::domain::insights::Insights>),
    SearchOpened,
    Helpers(Vec<crate::domain::rows::Helper>),
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
    pub follow_ups: Vec<FollowUpRow>,
    pub question_lists: Vec<QuestionListRow>,
}
