//! The state of each screen above home: a contact, the pipeline, a question list, meeting
//! mode, the review, the trash, the search, the helpers.

use crate::domain::{
    Contact, FollowUp, Id, Interaction, Interview, InterviewQuestion, Question, Stage, Timestamp,
};
use crate::store::QuestionListRow;

use crate::domain::review::ReviewItem;
use crate::store::TrashRow;
use crate::store::review::ReviewContext;
use crate::tui::nav::Nav;

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

#[derive(Debug, Clone, PartialEq)]
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

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub stage: Stage,
    /// Open interviews at this stage; `cards` holds the most recently moved of them.
    pub total: u64,
    pub cards: Vec<Card>,
    pub nav: Nav,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    pub columns: Vec<Column>,
    pub column: usize,
    /// Cards asked for per column.
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionListView {
    pub list: QuestionListRow,
    pub questions: Vec<Question>,
    pub nav: Nav,
}

/// Everyone who helped along the way (the role was landed).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LandedView {
    pub helpers: Vec<crate::store::Helper>,
    pub nav: Nav,
}

/// The global search: what is typed, and what it found (grouped by kind).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchView {
    pub query: String,
    pub hits: Vec<crate::store::search::SearchHit>,
    pub nav: Nav,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrashView {
    pub rows: Vec<TrashRow>,
    pub nav: Nav,
}

/// Meeting mode: one interview's questions, to tick and answer while talking.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingView {
    pub interview: Id,
    pub contact_name: String,
    pub minutes_asked: u32,
    /// When meeting mode opened: the timer runs from here.
    pub opened_at: Timestamp,
    pub questions: Vec<InterviewQuestion>,
    pub nav: Nav,
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
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, Default, PartialEq)]
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
