//! Home: four panes (contacts, upcoming meetings, follow-ups, question lists), focus, zoom and
//! the filter. Its state is here; its keys, drawing and the contact list's window beside it.

pub mod contact_index;
pub mod contacts_window;
pub mod draw;
pub mod filter;
pub mod pane;
pub mod receive;
pub mod update;

/// The keymap contexts it listens in, most specific first.
pub const CONTEXTS: &[crate::tui::keys::keymap::Context] = {
    use crate::tui::keys::keymap::Context;
    &[
        Context::Home,
        Context::List,
        Context::Records,
        Context::Global,
    ]
};

use crate::domain::Timestamp;
use crate::domain::rows::{ContactRow, FollowUpRow, MeetingRow, QuestionListRow};

use crate::tui::screens::nav::Nav;

pub use pane::Pane;

/// The contacts pane holds a window of the full, name-ordered list: only what is near the
/// screen is ever loaded, whatever the size of the network.
#[derive(Debug, Clone, Default, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
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

/// The first loads of the home panes: a screenful and some, never the whole table (and never
/// fewer rows than the terminal is tall: see `Model::reload_home`).
pub const FIRST_MEETINGS: usize = 40;
pub const FIRST_FOLLOW_UPS: usize = 48;
/// Cards first loaded per pipeline column: a 40-row terminal shows 18; more load as one
/// scrolls.
pub const FIRST_CARDS: usize = 24;

#[derive(Debug, Clone, PartialEq)]
pub struct Home {
    pub focus: PaneFocus,
    pub zoomed: bool,
    pub contacts: ContactsPane,
    pub meetings: Loaded<MeetingRow>,
    /// How many meetings the pane's two weeks hold: its title's number (it reads a screenful).
    pub meetings_total: usize,
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
            meetings_total: 0,
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
