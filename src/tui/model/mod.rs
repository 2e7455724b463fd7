//! Everything the app shows, and nothing more: home, the screens opened over it, and the mode
//! open over them. Query results cached here are refreshed by effects, never read from the
//! database while drawing. (Each screen's own state is in its module under `screens/`.)

use crate::domain::Id;

use crate::form::Form;
use crate::tui::overlays::step_menu::StepMenu;
use crate::tui::screens::home::contact_index::ContactIndex;
use crate::tui::screens::home::filter::Filter;

pub use crate::tui::mode::{Confirm, MeetingTyping, Mode, Reading};

pub use crate::tui::screens::contact::{ContactDetail, Link, Section};
pub use crate::tui::screens::home::*;
pub use crate::tui::screens::landed::LandedView;
pub use crate::tui::screens::meeting::MeetingView;
pub use crate::tui::screens::pipeline::{Card, Column, Pipeline};
pub use crate::tui::screens::questions::QuestionListView;
pub use crate::tui::screens::review::{ReviewCount, ReviewUndo, ReviewView};
pub use crate::tui::screens::screen::Screen;
pub use crate::tui::screens::search::SearchView;
pub use crate::tui::screens::trash::TrashView;

/// Below this size the panes would have no rows: the screen says so instead, and only
/// quitting acts.
pub const SMALLEST: (u16, u16) = (60, 16);

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The terminal's size, which decides how many rows a page is.
    pub width: u16,
    pub height: u16,
    pub header: Header,
    pub home: Home,
    /// Screens opened from home, the current one last; Esc goes back one.
    pub stack: Vec<Screen>,
    pub filter: Option<Filter>,
    /// What takes the keys: the screen, or what is open over it.
    pub mode: Mode,
    /// Every organisation's id and name, for the form's picker (loaded with the form).
    pub organizations: Vec<(Id, String)>,
    /// Every contact's name for the filter, loaded while idle; `None` until it starts.
    /// (Shared by copies of the model; the loads append to the one the app holds.)
    pub contact_index: Option<std::sync::Arc<ContactIndex>>,
    /// Whether the search index has caught up since the app opened (done while idle).
    pub search_caught_up: bool,
    /// A one-line message for the footer (a refusal, a result).
    pub status: Option<String>,
    pub quit: bool,
    /// Another app has the file: this one looks only (said in the header).
    pub read_only: bool,
    /// Follow-ups marked done from a list, as they were, latest last: each `u` brings the latest
    /// back (until something else is deleted, which `u` then undoes first).
    pub last_done: Vec<Box<crate::domain::FollowUp>>,
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
            mode: Mode::Normal,
            organizations: Vec::new(),
            contact_index: None,
            status: None,
            quit: false,
            read_only: false,
            search_caught_up: false,
            last_done: Vec::new(),
        }
    }

    pub fn screen(&self) -> Option<&Screen> {
        self.stack.last()
    }

    pub fn focus(&self) -> Pane {
        self.home.focus.0
    }

    /// What reads home and the screen shown again: after every change, whoever made it (this
    /// app, another process, the user asking), and when going back to a screen that may have
    /// been changed while it was covered.
    pub fn reload_shown(&self) -> Vec<crate::tui::data::effect::Effect> {
        let mut effects = vec![self.reload_home()];
        effects.extend(self.screen().map(Screen::reload).unwrap_or_default());
        effects
    }

    /// Whether the terminal is below the smallest size rolo draws in (it shows a notice).
    pub fn too_small(&self) -> bool {
        let (width, height) = SMALLEST;
        self.width < width || self.height < height
    }

    /// What reads home again, as many rows of each pane as it holds now.
    pub fn reload_home(&self) -> crate::tui::data::effect::Effect {
        // Never fewer than a zoomed pane can show on this terminal.
        let tall = usize::from(self.height);
        crate::tui::data::effect::Effect::ReloadHome {
            meetings: self.home.meetings.limit.max(tall),
            follow_ups: self.home.follow_ups.limit.max(tall),
        }
    }

    /// What loads the next chunk of the filter's contact index.
    pub fn next_index_chunk(&self) -> crate::tui::data::effect::Effect {
        crate::tui::data::effect::Effect::LoadContactIndex {
            after: self.contact_index.as_ref().and_then(|i| i.cursor.clone()),
            first: self.contact_index.is_none(),
        }
    }

    /// The form open over the screen, if one is.
    pub fn form(&self) -> Option<&Form> {
        match &self.mode {
            Mode::Form(form) => Some(form),
            _ => None,
        }
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            Mode::Form(form) => Some(form),
            _ => None,
        }
    }

    /// Closes the form, handing it back.
    pub fn take_form(&mut self) -> Option<Form> {
        match std::mem::take(&mut self.mode) {
            Mode::Form(form) => Some(*form),
            other => {
                self.mode = other;
                None
            }
        }
    }

    pub fn palette(&self) -> Option<&crate::tui::overlays::palette::Palette> {
        match &self.mode {
            Mode::Palette(palette) => Some(palette),
            _ => None,
        }
    }

    pub fn step_menu(&self) -> Option<&StepMenu> {
        match &self.mode {
            Mode::Menu(menu) => Some(menu),
            _ => None,
        }
    }

    pub fn confirm(&self) -> Option<&Confirm> {
        match &self.mode {
            Mode::Confirm(confirm) => Some(confirm),
            _ => None,
        }
    }

    pub fn help(&self) -> bool {
        matches!(self.mode, Mode::Help { .. })
    }

    /// Whether home's filter is being typed.
    pub fn filtering(&self) -> bool {
        matches!(self.mode, Mode::Filtering)
    }

    /// What is being typed in meeting mode, if anything.
    pub fn meeting_typing(&self) -> Option<&MeetingTyping> {
        match &self.mode {
            Mode::Typing(typing) => Some(typing),
            _ => None,
        }
    }
}
