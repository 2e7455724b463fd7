//! The daily review: one item at a time, a key for each thing to do with it. Done and snoozed
//! items leave the queue (it is read again), skipped ones stay; every action can be undone.

use crate::domain::FollowUpKind;
use crate::domain::drafts::Template;
use crate::domain::review::ItemKind;
use crate::tui::action::Action;
use crate::tui::effect::{Effect, FormRequest};
use crate::tui::model::{ReviewUndo, ReviewView};

pub fn update(view: &mut ReviewView, action: Action) -> Vec<Effect> {
    if action == Action::Undo {
        return undo(view);
    }
    if action == Action::MoveUp {
        view.index = view.index.saturating_sub(1);
        return vec![Effect::LoadReviewContext];
    }
    let Some(item) = view.current().cloned() else {
        return Vec::new();
    };
    let follow_up = match item.item {
        ItemKind::FollowUp { id, kind } => Some((id, kind)),
        _ => None,
    };
    let interview = item.interview_id;
    // A meeting or a write-up is not done by reviewing it: d notes it has been seen and moves
    // on (m and e are there to act on them).
    let seen = action == Action::MarkDone && follow_up.is_none();
    match (action, follow_up) {
        (Action::Skip, _) | (_, None) if action == Action::Skip || seen => {
            view.index += 1;
            view.skipped += 1;
            view.undo.push(ReviewUndo::Skip);
            vec![Effect::LoadReviewContext]
        }
        (Action::MarkDone, Some((id, _))) => vec![Effect::ReviewDone(id)],
        (Action::SnoozeDay, Some((id, _))) => vec![Effect::ReviewSnooze { id, days: 1 }],
        (Action::SnoozeThreeDays, Some((id, _))) => vec![Effect::ReviewSnooze { id, days: 3 }],
        (Action::SnoozeWeek, Some((id, _))) => vec![Effect::ReviewSnooze { id, days: 7 }],
        (Action::SnoozeTo, Some((id, _))) => vec![Effect::OpenForm(FormRequest::Snooze(id))],
        (Action::Reschedule, Some((id, _))) => {
            vec![Effect::OpenForm(FormRequest::EditFollowUp(id))]
        }
        (Action::TouchAndDone, Some((id, _))) => match item.contact_id {
            Some(contact) => vec![Effect::OpenForm(FormRequest::TouchAndComplete {
                contact,
                follow_up: id,
            })],
            None => Vec::new(),
        },
        (Action::Open, _) => item
            .contact_id
            .map(Effect::OpenContact)
            .into_iter()
            .collect(),
        (Action::WriteMessage, Some((_, kind))) => {
            let template = match kind {
                FollowUpKind::Nudge => Template::Nudge,
                FollowUpKind::ThankYou => Template::ThankYou,
                FollowUpKind::KeepInTouch => Template::ProgressUpdate,
                _ => return Vec::new(),
            };
            interview
                .map(|i| Effect::OpenForm(FormRequest::Draft(i, template)))
                .into_iter()
                .collect()
        }
        (Action::Edit, None) if matches!(item.item, ItemKind::WriteUp { .. }) => interview
            .map(|i| Effect::OpenForm(FormRequest::Evaluation(i)))
            .into_iter()
            .collect(),
        (Action::MeetingMode, None) => match item.item {
            ItemKind::Meeting { interview, .. } => vec![Effect::OpenMeeting(interview)],
            ItemKind::WriteUp { interview } => {
                vec![Effect::OpenForm(FormRequest::Evaluation(interview))]
            }
            ItemKind::FollowUp { .. } => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn undo(view: &mut ReviewView) -> Vec<Effect> {
    match view.undo.pop() {
        Some(ReviewUndo::Skip) => {
            view.index = view.index.saturating_sub(1);
            view.skipped = view.skipped.saturating_sub(1);
            vec![Effect::LoadReviewContext]
        }
        Some(ReviewUndo::Put(before, counted)) => {
            view.count(counted, -1);
            view.seek = Some(before.meta.id);
            vec![Effect::ReviewPutBack(before)]
        }
        None => Vec::new(),
    }
}

/// The suggested next step for an item, as the screen says it.
pub fn suggestion(item: &crate::domain::review::ReviewItem) -> &'static str {
    match item.item {
        ItemKind::Meeting { .. } => "m opens meeting mode when it starts",
        ItemKind::WriteUp { .. } => "e writes it up while it is fresh",
        ItemKind::FollowUp { kind, .. } => match kind {
            FollowUpKind::ThankYou => "w drafts the thank-you; saving it marks it sent",
            FollowUpKind::Nudge => "w drafts the nudge; saving it marks it sent",
            FollowUpKind::Prepare => "look over the questions (o, then m); d when ready",
            FollowUpKind::KeepInTouch => "w drafts a progress update, or t logs a touch",
            FollowUpKind::ActionItem | FollowUpKind::Custom => {
                "do it, then d; or snooze with 1, 3 or 7"
            }
        },
    }
}
