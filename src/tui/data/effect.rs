//! What `update` asks the app to do, as data. (What comes back is `loaded.rs`.)

use crate::domain::Id;
use crate::domain::InterviewQuestion;
use crate::domain::drafts::Template;
use crate::domain::playbook::Step;
use crate::domain::review::ReviewItem;
use crate::domain::rows::ContactRow;
use crate::form::Form;
use crate::tui::screens::home::pane::Pane;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Read the header and every home pane again (keeps selections where it can).
    ReloadHome {
        /// How many upcoming meetings and follow-ups the panes hold (they grow as one scrolls).
        meetings: usize,
        follow_ups: usize,
    },
    /// Load more of the contact list, next to what is loaded (of `total` contacts).
    FetchContacts {
        fetch: ContactFetch,
        total: usize,
    },
    /// Load the next chunk of the filter's contact index: the contacts after `after` in name
    /// order, and the organisations with the first chunk.
    LoadContactIndex {
        after: Option<(String, Id)>,
        first: bool,
    },
    OpenContact(Id),
    /// One interview, whole.
    OpenInterview(Id),
    /// Load the pipeline board with `limit` cards per column (opening it, or loading more).
    LoadPipeline {
        limit: usize,
    },
    /// Load more rows into a home pane (its limit has grown).
    GrowPane {
        pane: Pane,
        limit: usize,
    },
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
    /// Open a contact's link (their LinkedIn page, an email to them, their organisation's
    /// website) with the system's opener.
    OpenLinkOf(Id),
    /// Open a web address already checked (an organisation's website).
    OpenAddress(String),
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
    /// Snooze an interview's next step by whole days from the review.
    ReviewSnoozeStep {
        interview: Id,
        days: i64,
    },
    /// Undo a review action: put the follow-up or the interview back as it was.
    ReviewPutBack(crate::tui::data::saved::Before),
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
    /// The organisations screen (read again, keeping its place), at this one if given.
    OpenOrganizations(Option<Id>),
    /// The people and interviews of one organisation, beside it.
    LoadOrganizationPeople(Id),
    /// Search for what is typed.
    Search(String),
    /// Preview an import again (the data changed while its preview was shown).
    PreviewImport {
        format: crate::interop::files::Format,
        file: std::path::PathBuf,
    },
    /// Carry out a previewed import.
    RunImport {
        format: crate::interop::files::Format,
        file: std::path::PathBuf,
    },
}

impl Effect {
    /// Whether the effect may take seconds (an import of a large file, or its preview): the
    /// loop carries it out between frames, showing progress, and Esc stops it.
    pub fn is_long(&self) -> bool {
        match self {
            Effect::RunImport { .. } => true,
            Effect::SaveForm(form) => matches!(form.kind, crate::form::FormKind::Import),
            _ => false,
        }
    }

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
                | ReviewSnoozeStep { .. }
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
    NewOrganization,
    /// Merge another entry for the same organisation into this one.
    MergeOrganizationInto(Id),
    NewFollowUp {
        contact: Option<(Id, String)>,
    },
    EditFollowUp(Id),
    /// The follow-up's form, at its due time (r: reschedule).
    RescheduleFollowUp(Id),
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
    /// Snooze an interview's next step to a typed date.
    SnoozeStep(Id),
    /// Log a touch with a contact and mark a follow-up done.
    TouchAndComplete {
        contact: Id,
        follow_up: Id,
    },
    /// Choose a file to import.
    Import,
    /// Say what role was landed.
    /// The role landed, to thank everyone who helped but these.
    LandedRole(Vec<Id>),
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
