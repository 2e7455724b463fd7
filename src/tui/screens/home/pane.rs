//! The four panes of home, by name.

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
        let next = (self.index() as isize + step).rem_euclid(Pane::ALL.len() as isize) as usize;
        Pane::ALL.get(next).copied().unwrap_or(self)
    }
}
