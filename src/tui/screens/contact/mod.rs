//! The contact screen: every field, the people they referred or were referred by, their
//! interviews, open follow-ups and timeline; Tab moves between the sections.

pub mod draw;
pub mod update;

/// The keymap contexts it listens in, most specific first.
pub const CONTEXTS: &[crate::tui::keys::keymap::Context] = {
    use crate::tui::keys::keymap::Context;
    &[
        Context::Detail,
        Context::List,
        Context::Records,
        Context::Global,
    ]
};

use crate::domain::{Contact, FollowUp, Id, Interaction, Interview};
use crate::tui::screens::nav::Nav;

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

    /// The section `step` places on in Tab order, round the ends.
    pub fn cycle(self, step: isize) -> Section {
        let at = Section::ALL.iter().position(|s| *s == self).unwrap_or(0) as isize;
        let next = (at + step).rem_euclid(Section::ALL.len() as isize) as usize;
        Section::ALL.get(next).copied().unwrap_or(self)
    }

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
    /// What each interview owes next (by interview id; none when it owes nothing).
    pub owed: Vec<(crate::domain::Id, Option<crate::domain::rows::Owed>)>,
    pub follow_ups: Vec<FollowUp>,
    pub timeline: Vec<Interaction>,
    pub section: Section,
    pub navs: [Nav; 4],
}

impl ContactDetail {
    /// Their title and organisation, as one line ("Analyst, Engines"); empty with neither.
    pub fn work(&self) -> String {
        [
            self.contact.title.as_str(),
            self.organization.as_deref().unwrap_or(""),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
    }

    pub fn len(&self, section: Section) -> usize {
        match section {
            Section::People => self.people.len(),
            Section::Interviews => self.interviews.len(),
            Section::FollowUps => self.follow_ups.len(),
            Section::Timeline => self.timeline.len(),
        }
    }

    pub fn nav(&self, section: Section) -> Nav {
        let [people, interviews, follow_ups, timeline] = &self.navs;
        *match section {
            Section::People => people,
            Section::Interviews => interviews,
            Section::FollowUps => follow_ups,
            Section::Timeline => timeline,
        }
    }

    pub fn nav_mut(&mut self, section: Section) -> &mut Nav {
        let [people, interviews, follow_ups, timeline] = &mut self.navs;
        match section {
            Section::People => people,
            Section::Interviews => interviews,
            Section::FollowUps => follow_ups,
            Section::Timeline => timeline,
        }
    }
}
