//! The daily review: one item at a time, a key for each thing to do with it. Done and snoozed
//! items leave the queue (it is read again), skipped ones stay; every action can be undone.

use crate::domain::FollowUpKind;
use crate::domain::NextKind;
use crate::domain::drafts::Template;
use crate::domain::review::ItemKind;
use crate::domain::review::ReviewItem;
use crate::tui::data::effect::{Effect, FormRequest};
use crate::tui::data::saved::Before;
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
        ReviewUndo::Put(Before::Interview(snapshot), _) => {
            format!("Undone: {} — the interview is as it was", snapshot.what)
        }
        ReviewUndo::Put(before, counted) => {
            let what = match counted {
                ReviewCount::Done => "marked done",
                ReviewCount::Snoozed => "snoozed",
                ReviewCount::Touched => "touched and done",
            };
            format!("Undone: {what} “{}” — it is back", before.label())
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
    if action == Action::Skip {
        view.skipped += 1;
        view.passed.push(super::item_key(&item));
        view.index = view.first_not_passed();
        view.undo.push(ReviewUndo::Skip);
        return Ok(Reread::Context);
    }
    if action == Action::OpenInterview {
        return match item.interview_id {
            Some(interview) => Ok(vec![Effect::OpenInterview(interview)].into()),
            None => Err("This follow-up belongs to no interview: o opens the contact"),
        };
    }
    if action == Action::Open {
        return match item.contact_id {
            Some(contact) => Ok(vec![Effect::OpenContact(contact)].into()),
            None => Err("This one is about no contact"),
        };
    }
    match item.item {
        ItemKind::FollowUp { id, kind } => on_follow_up(&item, id, kind, action),
        ItemKind::Step {
            interview, step, ..
        } => on_step(interview, step, action),
    }
}

fn form(request: FormRequest) -> Result<Reread, &'static str> {
    Ok(vec![Effect::OpenForm(request)].into())
}

/// A review key on a follow-up the user wrote.
fn on_follow_up(
    item: &ReviewItem,
    id: crate::domain::Id,
    kind: FollowUpKind,
    action: Action,
) -> Result<Reread, &'static str> {
    let snooze = |days| Ok(vec![Effect::ReviewSnooze { id, days }].into());
    match action {
        Action::MarkDone => Ok(vec![Effect::ReviewDone(id)].into()),
        Action::SnoozeDay => snooze(1),
        Action::SnoozeThreeDays => snooze(3),
        Action::SnoozeWeek => snooze(7),
        Action::SnoozeTo => form(FormRequest::Snooze(id)),
        Action::Reschedule => form(FormRequest::RescheduleFollowUp(id)),
        Action::TouchAndDone => match item.contact_id {
            Some(contact) => form(FormRequest::TouchAndComplete {
                contact,
                follow_up: id,
            }),
            None => Err("This one is about no contact: d marks it done"),
        },
        Action::WriteMessage => match (kind, item.interview_id, item.contact_id) {
            (FollowUpKind::KeepInTouch, Some(i), _) => {
                form(FormRequest::Draft(i, Template::ProgressUpdate))
            }
            // Someone to reach out to, with no interview yet: the request is the message.
            (FollowUpKind::ActionItem, None, Some(contact)) => {
                form(FormRequest::StartInterview(contact))
            }
            _ => Err("Nothing to draft for this one: t logs a touch, d marks it done"),
        },
        Action::MeetingMode | Action::NextStep => match item.interview_id {
            Some(i) if action == Action::MeetingMode => Ok(vec![Effect::OpenMeeting(i)].into()),
            Some(i) => Ok(vec![Effect::OpenStepMenu(i)].into()),
            None => Err("This follow-up belongs to no interview"),
        },
        Action::Edit => Err("e writes up a conversation; this item is a follow-up (r changes it)"),
        // x is a key of a step only.
        Action::CloseNoReply => Ok(Vec::new().into()),
        _ => Ok(Vec::new().into()),
    }
}

/// A review key on an interview's next step: `d` does the step (its form, draft or question),
/// the snoozes move it, the other keys reach the same forms directly.
fn on_step(
    interview: crate::domain::Id,
    step: NextKind,
    action: Action,
) -> Result<Reread, &'static str> {
    let draft = |template| form(FormRequest::Draft(interview, template));
    let effect = |effect| Ok(vec![effect].into());
    let snooze = |days| {
        if step == NextKind::Meeting {
            Err("A meeting keeps its time: r moves the meeting, d opens meeting mode")
        } else {
            effect(Effect::ReviewSnoozeStep { interview, days })
        }
    };
    match action {
        Action::MarkDone => match step {
            NextKind::Nudge => draft(Template::Nudge),
            NextKind::CloseNoReply | NextKind::DidItHappen | NextKind::Reply => {
                effect(Effect::OpenStepMenu(interview))
            }
            // The message they were sent was the thank-you: recorded, in one key.
            NextKind::ThankYouMailed => effect(Effect::TakeStep {
                interview,
                step: crate::domain::playbook::Step::ThankYouSent,
            }),
            NextKind::SetMeeting => form(FormRequest::Schedule(interview)),
            NextKind::Meeting => effect(Effect::OpenMeeting(interview)),
            NextKind::ThankYou => draft(Template::ThankYou),
            NextKind::WriteUp => form(FormRequest::Evaluation(interview)),
            NextKind::ProgressUpdate => draft(Template::ProgressUpdate),
        },
        Action::SnoozeDay => snooze(1),
        Action::SnoozeThreeDays => snooze(3),
        Action::SnoozeWeek => snooze(7),
        Action::SnoozeTo if step == NextKind::Meeting => snooze(0),
        Action::SnoozeTo => form(FormRequest::SnoozeStep(interview)),
        Action::Reschedule => match step {
            NextKind::SetMeeting | NextKind::Meeting | NextKind::DidItHappen => {
                form(FormRequest::Schedule(interview))
            }
            _ => Err("r moves a meeting or a follow-up; this step moves with 1, 3, 7 or s"),
        },
        // t is a key of a follow-up only (a step's own key, d, records its touch).
        Action::TouchAndDone => Ok(Vec::new().into()),
        Action::WriteMessage => match Template::for_step(step) {
            Some(template) => draft(template),
            None => Err("Nothing to draft for this step: d does it"),
        },
        Action::Edit => match step {
            NextKind::WriteUp | NextKind::ThankYou => form(FormRequest::Evaluation(interview)),
            _ => Err("e writes up a conversation, once the meeting has been held"),
        },
        Action::MeetingMode => effect(Effect::OpenMeeting(interview)),
        Action::NextStep => effect(Effect::OpenStepMenu(interview)),
        Action::CloseNoReply => match step {
            NextKind::Nudge | NextKind::CloseNoReply => effect(Effect::TakeStep {
                interview,
                step: crate::domain::playbook::Step::NoReply,
            }),
            _ => Err("x closes a request that went unanswered; this one is past that"),
        },
        _ => Ok(Vec::new().into()),
    }
}

fn undo(view: &mut ReviewView) -> Result<Reread, &'static str> {
    match view.undo.pop() {
        Some(ReviewUndo::Skip) => {
            // Back on the item passed over last.
            let back = view.passed.pop();
            view.index = back
                .and_then(|key| view.items.iter().position(|i| super::item_key(i) == key))
                .unwrap_or(view.index.saturating_sub(1));
            view.skipped = view.skipped.saturating_sub(1);
            Ok(Reread::Context)
        }
        Some(ReviewUndo::Put(before, counted)) => {
            view.count(counted, -1);
            view.seek = Some(before.id());
            Ok(vec![Effect::ReviewPutBack(before)].into())
        }
        None => Err("Nothing to undo in this review yet"),
    }
}

/// The suggested next step for an item, as the screen says it.
pub fn suggestion(item: &ReviewItem) -> &'static str {
    match item.item {
        ItemKind::Step { step, .. } => match step {
            NextKind::Nudge => {
                "d drafts the nudge (marking it sent logs it); x closes it as no reply"
            }
            NextKind::CloseNoReply => "d asks: close it as no reply, or keep waiting; x closes it",
            NextKind::Reply => "d asks what they said: yes, no, or someone else to talk to",
            NextKind::ThankYouMailed => {
                "d records that message as the thank-you; w drafts a thank-you instead"
            }
            NextKind::SetMeeting => "d opens the meeting form",
            NextKind::Meeting => "d opens meeting mode with the questions; look them over",
            NextKind::DidItHappen => "d asks: held, missed, or moved",
            NextKind::ThankYou => "d drafts the thank-you; marking it sent records it",
            NextKind::WriteUp => "d opens the write-up; n can skip it",
            NextKind::ProgressUpdate => {
                "d drafts the update; marking it sent finishes the interview"
            }
        },
        ItemKind::FollowUp { kind, .. } => match kind {
            FollowUpKind::KeepInTouch => "w drafts a progress update, or t logs a touch",
            _ => "do it, then d; or snooze with 1, 3 or 7",
        },
    }
}

/// The review's queue read: opened, or folded in (standing on an undone item).
pub fn shown(model: &mut Model, items: Vec<ReviewItem>, total: u64) -> Vec<Effect> {
    match model.stack.last_mut() {
        Some(Screen::Review(view)) => {
            view.items = items;
            view.total = total;
            if let Some(seek) = view.seek.take() {
                let found = view.items.iter().position(|i| match i.item {
                    ItemKind::FollowUp { id, .. } => id == seek,
                    ItemKind::Step { interview, .. } => interview == seek,
                });
                view.index = found.unwrap_or(view.index);
            } else {
                // What was done left the queue, and what moved (a reschedule, an undo) is met
                // again rather than left behind.
                view.index = view.first_not_passed();
            }
            view.index = view.index.min(view.items.len());
        }
        _ => model.stack.push(Screen::Review(Box::new(ReviewView {
            items,
            total,
            ..ReviewView::default()
        }))),
    }
    crate::tui::screens::review::update::read_context(model)
}

/// A review step was taken: counted, and kept for undo.
pub fn acted(model: &mut Model, before: Before, counted: ReviewCount) -> Vec<Effect> {
    if let Before::Interview(snapshot) = &before {
        model.status = Some(snapshot.what.clone());
    }
    // Done from a list rather than the review: kept for the next u.
    if !matches!(model.stack.last(), Some(Screen::Review(_)))
        && let Before::FollowUp(follow_up) = &before
    {
        model.status = Some(format!("Done: {} (u brings it back)", follow_up.title));
        model.last_done.push(follow_up.clone());
    }
    if let Some(Screen::Review(view)) = model.stack.last_mut() {
        view.count(counted, 1);
        view.undo.push(ReviewUndo::Put(before, counted));
    }
    model.reload_shown()
}
