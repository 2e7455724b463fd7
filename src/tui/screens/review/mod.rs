//! The daily review: the day's follow-ups, meetings and write-ups, one at a time.

pub mod draw;
pub mod update;

/// The keymap contexts it listens in, most specific first: the keys of the kind of item shown
/// (an interview's step, or a follow-up), then the review's, then the global ones.
pub const CONTEXTS: &[crate::tui::keys::keymap::Context] = {
    use crate::tui::keys::keymap::Context;
    &[Context::ReviewFollowUp, Context::Review, Context::Global]
};
const ON_A_STEP: &[crate::tui::keys::keymap::Context] = {
    use crate::tui::keys::keymap::Context;
    &[Context::ReviewStep, Context::Review, Context::Global]
};

/// The contexts for the item shown.
pub fn contexts(view: &ReviewView) -> &'static [crate::tui::keys::keymap::Context] {
    match view.current().map(|item| &item.item) {
        Some(crate::domain::review::ItemKind::Step { .. }) => ON_A_STEP,
        _ => CONTEXTS,
    }
}

use crate::domain::Id;
use crate::domain::review::ReviewItem;
use crate::domain::rows::ReviewContext;
use crate::tui::data::saved::Before;

/// What one review action did, so `u` can take it back.
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewUndo {
    Skip,
    /// The follow-up or the interview as it was before the action.
    Put(Before, ReviewCount),
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
    /// The queue's first items (the review reads a few hundred at a time).
    pub items: Vec<ReviewItem>,
    /// How many there are in all, for the counter.
    pub total: u64,
    pub index: usize,
    pub context: Option<ReviewContext>,
    pub done: u32,
    pub snoozed: u32,
    pub skipped: u32,
    pub touched: u32,
    pub undo: Vec<ReviewUndo>,
    /// After the queue is read again, stand on this follow-up (an undone one).
    pub seek: Option<Id>,
    /// The items passed over with Space, by what they are (their follow-up or interview): when
    /// the queue is read again — its order changed by what was done — the review stands on the
    /// first item not passed over, so none slips behind it unseen.
    pub passed: Vec<Id>,
}

/// What an item of the review is, whatever its place: its follow-up, or its interview.
pub fn item_key(item: &ReviewItem) -> Id {
    match item.item {
        crate::domain::review::ItemKind::FollowUp { id, .. } => id,
        crate::domain::review::ItemKind::Step { interview, .. } => interview,
    }
}

impl ReviewView {
    /// Where the review stands next: the first item not passed over (the end when all were).
    pub fn first_not_passed(&self) -> usize {
        self.items
            .iter()
            .position(|i| !self.passed.contains(&item_key(i)))
            .unwrap_or(self.items.len())
    }

    pub fn current(&self) -> Option<&ReviewItem> {
        self.items.get(self.index)
    }

    /// Items taken out of the queue this session (done, touched and done, or moved past
    /// today): the counter
    /// goes on from them, rather than starting at 1 each time the queue is read again.
    pub fn handled(&self) -> usize {
        (self.done + self.snoozed + self.touched) as usize
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
