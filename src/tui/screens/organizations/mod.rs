//! Organisations on their own (O, or "organisations" in the palette): every one with how many
//! people, interviews and people met it holds; beside the one selected, its website, its people
//! and the interviews with them. Add, edit, delete (u undoes), merge two entries (M), open the
//! website (o); Tab goes to its people, Enter opens one.

pub mod draw;
pub mod update;

/// The keymap contexts it listens in, most specific first.
pub const CONTEXTS: &[crate::tui::keys::keymap::Context] = {
    use crate::tui::keys::keymap::Context;
    &[
        Context::Organizations,
        Context::Records,
        Context::List,
        Context::Global,
    ]
};

use crate::domain::Id;
use crate::domain::rows::{OrganizationPeople, OrganizationRow};
use crate::tui::screens::nav::Nav;

/// Which side has the keys: the organisations, or the people of the one selected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Side {
    #[default]
    Organizations,
    People,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrganizationsView {
    pub rows: Vec<OrganizationRow>,
    /// How many there are in all (the list reads at most a few thousand).
    pub total: u64,
    pub nav: Nav,
    pub side: Side,
    /// The people and interviews of the selected organisation, once read.
    pub people: Option<(Id, OrganizationPeople)>,
    pub people_nav: Nav,
}

impl OrganizationsView {
    pub fn selected(&self) -> Option<&OrganizationRow> {
        self.rows.get(self.nav.selected)
    }

    /// The people shown beside the selection (none while they are being read).
    pub fn people_of_selected(&self) -> Option<&OrganizationPeople> {
        let selected = self.selected()?.id;
        self.people
            .as_ref()
            .filter(|(id, _)| *id == selected)
            .map(|(_, people)| people)
    }
}
