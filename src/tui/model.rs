//! Everything the screen shows, and nothing more: query results cached here are refreshed by
//! effects, never read from the database while drawing.

use crate::domain::{
    Contact, FollowUp, Id, Interaction, Interview, InterviewQuestion, Question, Stage, Timestamp,
};
use crate::store::{ContactRow, FollowUpRow, MeetingRow, QuestionListRow};

use super::contact_index::ContactIndex;
use super::effect::Effect;
use super::filter::Filter;
use super::nav::Nav;
use super::step_menu::StepMenu;
use crate::domain::review::ReviewItem;
use crate::form::{Form, TextInput};
use crate::store::TrashRow;
use crate::store::review::ReviewContext;

/// The four panes of home, in focus order (1–4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Contacts,
    Meetings,
    FollowUps,
    QuestionLists,
}

impl Pane {
    pub const ALL: [Pane; 4] = [
        Pane::Contacts,
        Pane::Meetings,
        Pane::FollowUps,
        Pane::QuestionLists,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Contacts => "Contacts",
            Pane::Meetings => "Upcoming meetings",
            Pane::FollowUps => "Follow-ups",
            Pane::QuestionLists => "Question lists",
        }
    }

    pub fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    pub fn cycle(self, step: isize) -> Pane {
        Pane::ALL[(self.index() as isize + step).rem_euclid(4) as usize]
    }
}

/// The contacts pane holds a window of the full, name-ordered list: only what is near the
/// screen is ever loaded, whatever the size of the network.
#[derive(Debug, Clone, Default)]
pub struct ContactsPane {
    /// Live contacts in the database.
    pub total: usize,
    /// Position of `rows[0]` in the full list.
    pub window_start: usize,
    pub rows: Vec<ContactRow>,
    /// Positions in the full list.
    pub nav: Nav,
}

impl ContactsPane {
    pub fn row_at(&self, position: usize) -> Option<&ContactRow> {
        position
            .checked_sub(self.window_start)
            .and_then(|i| self.rows.get(i))
    }

    pub fn selected(&self) -> Option<&ContactRow> {
        self.row_at(self.nav.selected)
    }
}

/// A list loaded whole (it is bounded), with its selection.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub rows: Vec<T>,
    pub nav: Nav,
    /// How many rows were asked for; when the selection nears the end of a full load, twice as
    /// many are asked for.
    pub limit: usize,
}

impl<T> Loaded<T> {
    pub fn with_limit(limit: usize) -> Self {
        Loaded {
            rows: Vec::new(),
            nav: Nav::default(),
            limit,
        }
    }

    /// Whether the selection is near the end of what is loaded and there may be more.
    pub fn wants_more(&self, page: usize) -> bool {
        self.rows.len() >= self.limit && self.nav.selected + page >= self.rows.len()
    }
}

impl<T> Default for Loaded<T> {
    fn default() -> Self {
        Loaded::with_limit(usize::MAX)
    }
}

impl<T> Loaded<T> {
    pub fn selected(&self) -> Option<&T> {
        self.rows.get(self.nav.selected)
    }
}

/// What the header line says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub overdue: u64,
    pub due_today: u64,
    pub next_meeting: Option<(String, Timestamp)>,
}

/// The first loads of the home panes: a screenful and some, never the whole table.
pub const FIRST_MEETINGS: usize = 40;
pub const FIRST_FOLLOW_UPS: usize = 80;
/// Cards first loaded per pipeline column.
pub const FIRST_CARDS: usize = 40;

#[derive(Debug, Clone)]
pub struct Home {
    pub focus: PaneFocus,
    pub zoomed: bool,
    pub contacts: ContactsPane,
    pub meetings: Loaded<MeetingRow>,
    pub follow_ups: Loaded<FollowUpRow>,
    pub question_lists: Loaded<QuestionListRow>,
}

impl Default for Home {
    fn default() -> Self {
        Home {
            focus: PaneFocus::default(),
            zoomed: false,
            contacts: ContactsPane::default(),
            meetings: Loaded::with_limit(FIRST_MEETINGS),
            follow_ups: Loaded::with_limit(FIRST_FOLLOW_UPS),
            question_lists: Loaded::default(),
        }
    }
}

/// The focused pane (a newtype so `Home` can derive `Default`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneFocus(pub Pane);

impl Default for PaneFocus {
    fn default() -> Self {
        PaneFocus(Pane::Contacts)
    }
}

/// The sections of the contact screen that hold rows, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    People,
    Interviews,
    FollowUps,
    Timeline,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::People,
        Section::Interviews,
        Section::FollowUps,
        Section::Timeline,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::People => "Referrals",
            Section::Interviews => "Interviews",
            Section::FollowUps => "Open follow-ups",
            Section::Timeline => "Timeline",
        }
    }
}

/// A person linked to the contact: who referred them, and whom they referred.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub id: Id,
    pub name: String,
    pub referred_by: bool,
}

#[derive(Debug, Clone)]
pub struct ContactDetail {
    pub contact: Contact,
    pub organization: Option<String>,
    pub tags: Vec<String>,
    pub people: Vec<Link>,
    pub interviews: Vec<Interview>,
    pub follow_ups: Vec<FollowUp>,
    pub timeline: Vec<Interaction>,
    pub section: Section,
    pub navs: [Nav; 4],
}

impl ContactDetail {
    pub fn len(&self, section: Section) -> usize {
        match section {
            Section::People => self.people.len(),
            Section::Interviews => self.interviews.len(),
            Section::FollowUps => self.follow_ups.len(),
            Section::Timeline => self.timeline.len(),
        }
    }

    pub fn nav(&self, section: Section) -> Nav {
        self.navs[Section::ALL.iter().position(|s| *s == section).unwrap_or(0)]
    }

    pub fn nav_mut(&mut self, section: Section) -> &mut Nav {
        &mut self.navs[Section::ALL.iter().position(|s| *s == section).unwrap_or(0)]
    }
}

/// An interview as a card on the pipeline board.
pub type Card = crate::store::InterviewCard;

#[derive(Debug, Clone)]
pub struct Column {
    pub stage: Stage,
    /// Open interviews at this stage; `cards` holds the most recently moved of them.
    pub total: u64,
    pub cards: Vec<Card>,
    pub nav: Nav,
}

#[derive(Debug, Clone)]
pub struct Pipeline {
    pub columns: Vec<Column>,
    pub column: usize,
    /// Cards asked for per column.
    pub limit: usize,
}

#[derive(Debug, Clone)]
pub struct QuestionListView {
    pub list: QuestionListRow,
    pub questions: Vec<Question>,
    pub nav: Nav,
}

/// Everyone who helped along the way (the role was landed).
#[derive(Debug, Clone, Default)]
pub struct LandedView {
    pub helpers: Vec<crate::store::Helper>,
    pub nav: Nav,
}

/// The global search: what is typed, and what it found (grouped by kind).
#[derive(Debug, Clone, Default)]
pub struct SearchView {
    pub query: String,
    pub hits: Vec<crate::store::search::SearchHit>,
    pub nav: Nav,
}

#[derive(Debug, Clone)]
pub struct TrashView {
    pub rows: Vec<TrashRow>,
    pub nav: Nav,
}

/// Meeting mode: one interview's questions, to tick and answer while talking.
#[derive(Debug, Clone)]
pub struct MeetingView {
    pub interview: Id,
    pub contact_name: String,
    pub minutes_asked: u32,
    /// When meeting mode opened: the timer runs from here.
    pub opened_at: Timestamp,
    pub questions: Vec<InterviewQuestion>,
    pub nav: Nav,
    /// The answer being typed to the selected question.
    pub answering: Option<TextInput>,
    /// A question being typed on the spot.
    pub adding: Option<TextInput>,
    /// What this contact answered in earlier interviews: such questions are marked.
    pub earlier: Vec<crate::store::interviews::EarlierAnswer>,
}

impl MeetingView {
    /// The earlier answer to a question, if this contact gave one.
    pub fn answered_before(
        &self,
        question: &InterviewQuestion,
    ) -> Option<&crate::store::interviews::EarlierAnswer> {
        self.earlier.iter().find(|e| e.is_for(question))
    }
}

/// What one review action did, so `u` can take it back.
#[derive(Debug, Clone)]
pub enum ReviewUndo {
    Skip,
    /// The follow-up as it was before it was done or snoozed.
    Put(Box<FollowUp>, ReviewCount),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewCount {
    Done,
    Snoozed,
    Touched,
}

/// The daily review: the queue, where we are in it, and what has been done.
#[derive(Debug, Clone, Default)]
pub struct ReviewView {
    pub items: Vec<ReviewItem>,
    pub index: usize,
    pub context: Option<ReviewContext>,
    pub done: u32,
    pub snoozed: u32,
    pub skipped: u32,
    pub touched: u32,
    pub undo: Vec<ReviewUndo>,
    /// After the queue is read again, stand on this follow-up (an undone one).
    pub seek: Option<Id>,
}

impl ReviewView {
    pub fn current(&self) -> Option<&ReviewItem> {
        self.items.get(self.index)
    }

    pub fn finished(&self) -> bool {
        self.index >= self.items.len()
    }

    pub fn count(&mut self, which: ReviewCount, step: i32) {
        let counter = match which {
            ReviewCount::Done => &mut self.done,
            ReviewCount::Snoozed => &mut self.snoozed,
            ReviewCount::Touched => &mut self.touched,
        };
        *counter = counter.saturating_add_signed(step);
    }
}

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
