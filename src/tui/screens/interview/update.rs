//! The interview screen's keys: scrolling the page, and the way into what changes it (the step
//! menu, meeting mode, a draft, the write-up, the contact).

use super::InterviewView;
use crate::domain::drafts::Template;
use crate::domain::{Clock, Stage};
use crate::tui::data::effect::{Effect, FormRequest};
use crate::tui::keys::action::Action;
use crate::tui::model::{Model, Screen};
use crate::tui::view::layout;

pub fn update(model: &mut Model, action: Action, page: usize, clock: &Clock) -> Vec<Effect> {
    let body = layout::body(model);
    let Some(Screen::Interview(view)) = model.stack.last_mut() else {
        return Vec::new();
    };
    let id = view.interview.meta.id;
    let said = |model: &mut Model, words: &str| {
        model.status = Some(words.to_string());
        Vec::new()
    };
    match action {
        Action::MoveDown
        | Action::MoveUp
        | Action::PageDown
        | Action::PageUp
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::First
        | Action::Last => {
            let furthest = super::draw::furthest(view, body.width, body.height, clock);
            match scroll(view, action, page, furthest) {
                Some(words) => said(model, words),
                None => Vec::new(),
            }
        }
        Action::NextStep => vec![Effect::OpenStepMenu(id)],
        Action::MeetingMode => vec![Effect::OpenMeeting(id)],
        Action::Open => vec![Effect::OpenContact(view.interview.contact_id)],
        Action::Edit if matches!(view.interview.stage, Stage::Request | Stage::Meet) => said(
            model,
            "The write-up comes after the meeting: n marks it held",
        ),
        Action::Edit => vec![Effect::OpenForm(FormRequest::Evaluation(id))],
        Action::WriteMessage => match draft_for(view) {
            Some(template) => vec![Effect::OpenForm(FormRequest::Draft(id, template))],
            None => said(model, "Nothing to draft now: n lists the steps"),
        },
        _ => Vec::new(),
    }
}

/// Moves the page; at either end says so instead (so the key is seen to do something).
fn scroll(
    view: &mut InterviewView,
    action: Action,
    page: usize,
    furthest: usize,
) -> Option<&'static str> {
    let now = view.scroll.min(furthest);
    let to = match action {
        Action::MoveDown => now + 1,
        Action::PageDown => now + page,
        Action::Last => furthest,
        Action::MoveUp => now.saturating_sub(1),
        Action::PageUp => now.saturating_sub(page),
        Action::HalfPageDown => now + (page / 2).max(1),
        Action::HalfPageUp => now.saturating_sub((page / 2).max(1)),
        _ => 0,
    }
    .min(furthest);
    if to == now {
        let down = matches!(
            action,
            Action::MoveDown | Action::PageDown | Action::HalfPageDown | Action::Last
        );
        return Some(if down {
            "The end of the interview"
        } else {
            "The top of the interview"
        });
    }
    view.scroll = to;
    None
}

/// The message the interview's step calls for, if it calls for one.
fn draft_for(view: &InterviewView) -> Option<Template> {
    match view
        .next
        .as_ref()
        .and_then(|row| Template::for_step(row.step.kind))
    {
        Some(template) => Some(template),
        None if view.interview.stage == Stage::Done => Some(Template::ProgressUpdate),
        None => None,
    }
}

/// The interview read: opened, or folded into the one shown (keeping its place).
pub fn shown(model: &mut Model, fresh: InterviewView) -> Vec<Effect> {
    match model.stack.last_mut() {
        Some(Screen::Interview(view)) if view.interview.meta.id == fresh.interview.meta.id => {
            let scroll = view.scroll;
            **view = InterviewView { scroll, ..fresh };
        }
        _ => model.stack.push(Screen::Interview(Box::new(fresh))),
    }
    Vec::new()
}
