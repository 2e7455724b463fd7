//! The daily review: one item at a time, a key for each thing to do with it. Done and snoozed
//! items leave the queue (it is read again), skipped ones stay; every action can be undone.

use crate::domain::FollowUp;
use crate::domain::FollowUpKind;
use crate::domain::drafts::Template;
use crate::domain::review::ItemKind;
use crate::domain::review::ReviewItem;
use crate::tui::data::effect::{Effect, FormRequest};
use crate::tui::keys::action::Action;
use crate::tui::model::ReviewCount;
use crate::tui::model::{Model, ReviewUndo, ReviewView, Screen};

/// One review key on the current item. A key the item does not take says why, and what does.
pub fn update(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(Screen::Review(view)) = model.stack.last_mut() else {
        return Vec::new();
    };
    let undoing = (action == Action::Undo)
        .then(|| view.undo.last().map(undone_words))
        .flatten();
    if let Some(words) = undoing {
        model.status = Some(words);
    }
    let Some(Screen::Review(view)) = model.stack.last_mut() else {
        return Vec::new();
    };
    match act(view, action) {
        Ok(Reread::Context) => read_context(model),
        Ok(Reread::Nothing(effects)) => effects,
        Err(why) => {
            model.status = Some(why.into());
            Vec::new()
        }
    }
}

/// What undoing `last` takes back, as the footer says it.
fn undone_words(last: &ReviewUndo) -> String {
    match last {
        ReviewUndo::Skip => "Undone: the skip".into(),
        ReviewUndo::Put(before, counted) => {
            let what = match counted {
                ReviewCount::Done => "marked done",
                ReviewCount::Snoozed => "snoozed",
                ReviewCount::Touched => "touched and done",
            };
            format!("Undone: {what} “{}” — it is back", before.title)
        }
    }
}

/// The context of the item now shown, to read.
pub fn read_context(model: &Model) -> Vec<Effect> {
    match model.screen() {
        Some(Screen::Review(view)) => view
            .current()
            .map(|item| Effect::LoadReviewContext(Box::new(item.clone())))
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

/// What a review key leads to: the context of the item it moved to, or these effects.
enum Reread {
    Context,
    Nothing(Vec<Effect>),
}

impl From<Vec<Effect>> for Reread {
    fn from(effects: Vec<Effect>) -> Reread {
        Reread::Nothing(effects)
    }
}

fn act(view: &mut ReviewView, action: Action) -> Result<Reread, &'static str> {
    if action == Action::Undo {
        return undo(view);
    }
    if action == Action::MoveUp {
        if view.index == 0 {
            return Err("This is the first item");
        }
        view.index -= 1;
        return Ok(Reread::Context);
    }
    let Some(item) = view.current().cloned() else {
        return match action {
            Action::Skip | Action::MarkDone | Action::Open => {
                Err("The review is done: Esc goes back, u undoes the last step")
            }
            _ => Ok(Vec::new().into()),
        };
    };
    let follow_up = match item.item {
        ItemKind::FollowUp { id, kind } => Some((id, kind)),
        _ => None,
    };
    let interview = item.interview_id;
    // A meeting or a write-up is not done by reviewing it: d notes it has been seen and moves
    // on (m and e are there to act on them).
    let seen = action == Action::MarkDone && follow_up.is_none();
    let form = |request| Ok(vec![Effect::OpenForm(request)].into());
    match (action, follow_up) {
        (Action::Skip, _) | (_, None) if action == Action::Skip || seen => {
            view.index += 1;
            view.skipped += 1;
            view.undo.push(ReviewUndo::Skip);
            Ok(Reread::Context)
        }
        (Action::MarkDone, Some((id, _))) => Ok(vec![Effect::ReviewDone(id)].into()),
        (Action::SnoozeDay, Some((id, _))) => Ok(vec![Effect::ReviewSnooze { id, days: 1 }].into()),
        (Action::SnoozeThreeDays, Some((id, _))) => {
            Ok(vec![Effect::ReviewSnooze { id, days: 3 }].into())
        }
        (Action::SnoozeWeek, Some((id, _))) => {
            Ok(vec![Effect::ReviewSnooze { id, days: 7 }].into())
        }
        (Action::SnoozeTo, Some((id, _))) => form(FormRequest::Snooze(id)),
        (Action::Reschedule, Some((id, _))) => form(FormRequest::EditFollowUp(id)),
        (
            Action::SnoozeDay
            | Action::SnoozeThreeDays
            | Action::SnoozeWeek
            | Action::SnoozeTo
            | Action::Reschedule,
            None,
        ) => Err("A meeting or a write-up keeps its time: d marks it seen, Space skips it"),
        (Action::TouchAndDone, Some((id, _))) => match item.contact_id {
            Some(contact) => form(FormRequest::TouchAndComplete {
                contact,
                follow_up: id,
            }),
            None => Err("This one is about no contact: d marks it done"),
        },
        (Action::TouchAndDone, None) => {
            Err("t is for follow-ups: m opens meeting mode, e writes up")
        }
        (Action::Open, _) => match item.contact_id {
            Some(contact) => Ok(vec![Effect::OpenContact(contact)].into()),
            None => Err("This one is about no contact"),
        },
        (Action::WriteMessage, Some((_, kind))) => {
            let template = match kind {
                FollowUpKind::Nudge => Template::Nudge,
                FollowUpKind::ThankYou => Template::ThankYou,
                FollowUpKind::KeepInTouch => Template::ProgressUpdate,
                // Someone to reach out to, with no interview yet: the request is the message.
                _ => {
                    return match (interview, item.contact_id) {
                        (None, Some(contact)) => form(FormRequest::StartInterview(contact)),
                        _ => Err("Nothing to draft for this one: d marks it done"),
                    };
                }
            };
            match interview {
                Some(i) => form(FormRequest::Draft(i, template)),
                None => Err("Nothing to draft for this one: d marks it done"),
            }
        }
        (Action::WriteMessage, None) => Err("Nothing to draft before the meeting: m opens it"),
        (Action::Edit, None) if matches!(item.item, ItemKind::WriteUp { .. }) => match interview {
            Some(i) => form(FormRequest::Evaluation(i)),
            None => Err("This write-up has no interview"),
        },
        (Action::Edit, _) => Err("e writes up a conversation; this item is not a write-up"),
        (Action::MeetingMode, _) => match item.item {
            ItemKind::Meeting { interview, .. } => Ok(vec![Effect::OpenMeeting(interview)].into()),
            ItemKind::WriteUp { interview } => form(FormRequest::Evaluation(interview)),
            ItemKind::FollowUp { .. } => match interview {
                Some(i) => Ok(vec![Effect::OpenMeeting(i)].into()),
                None => Err("m opens meeting mode; this one has no interview"),
            },
        },
        _ => Ok(Vec::new().into()),
    }
}

fn undo(view: &mut ReviewView) -> Result<Reread, &'static str> {
    match view.undo.pop() {
        Some(ReviewUndo::Skip) => {
            view.index = view.index.saturating_sub(1);
            view.skipped = view.skipped.saturating_sub(1);
            Ok(Reread::Context)
        }
        Some(ReviewUndo::Put(before, counted)) => {
            view.count(counted, -1);
            view.seek = Some(before.meta.id);
            Ok(vec![Effect::ReviewPutBack(before)].into())
        }
        None => Err("Nothing to undo in this review yet"),
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

/// The review's queue read: opened, or folded in (standing on an undone item).
pub fn shown(model: &mut Model, items: Vec<ReviewItem>) -> Vec<Effect> {
    match model.stack.last_mut() {
        Some(Screen::Review(view)) => {
            view.items = items;
            if let Some(seek) = view.seek.take() {
                let found = view
                    .items
                    .iter()
                    .position(|i| matches!(i.item, ItemKind::FollowUp { id, .. } if id == seek));
                view.index = found.unwrap_or(view.index);
            }
            view.index = view.index.min(view.items.len());
        }
        _ => model.stack.push(Screen::Review(Box::new(ReviewView {
            items,
            ..ReviewView::default()
        }))),
    }
    crate::tui::screens::review::update::read_context(model)
}

/// A review step was taken: counted, and kept for undo.
pub fn acted(model: &mut Model, before: Box<FollowUp>, counted: ReviewCount) -> Vec<Effect> {
    if let Some(Screen::Review(view)) = model.stack.last_mut() {
        view.count(counted, 1);
        view.undo.push(ReviewUndo::Put(before, counted));
    }
    model.reload_shown()
}
