//! A form's results: built and opened, saved, refused, found changed elsewhere meanwhile.

use crate::domain::Id;
use crate::form::{Duplicate, Form, FormKind};
use crate::tui::data::effect::Effect;
use crate::tui::data::saved::Before;
use crate::tui::model::{Mode, Model, ReviewCount, ReviewUndo, Screen};

/// A form read and built: it opens.
pub fn opened(
    model: &mut Model,
    form: Box<Form>,
    organizations: Option<Vec<(Id, String)>>,
) -> Vec<Effect> {
    if let Some(organizations) = organizations {
        model.organizations = organizations;
    }
    model.mode = Mode::Form(form);
    super::update::offer_choices(model);
    Vec::new()
}

/// The form was saved: it closes, and what it changed is read again.
/// (`before`: the follow-up the save changed, as it was — kept for the review's undo.)
pub fn saved(model: &mut Model, message: String, before: Option<Before>) -> Vec<Effect> {
    let kind = model.take_form().map(|f| f.kind);
    // The helpers are thanked: their list has done its work.
    if matches!(kind, Some(FormKind::LandedRole { .. }))
        && matches!(model.screen(), Some(Screen::Landed(_)))
    {
        model.stack.pop();
    }
    let counted = match (kind, &before) {
        (Some(FormKind::Snooze { .. } | FormKind::SnoozeStep { .. }), _) => {
            Some(ReviewCount::Snoozed)
        }
        (
            Some(FormKind::Touch {
                completes: Some(_), ..
            }),
            _,
        ) => Some(ReviewCount::Touched),
        // A follow-up moved to another day (r): out of today's queue, as a snooze is.
        (Some(FormKind::FollowUp), Some(_)) => Some(ReviewCount::Snoozed),
        // "Reach out to …" done by asking them.
        (Some(FormKind::StartInterview { .. }), _) => Some(ReviewCount::Done),
        // A step taken (from its form, its draft or the menu).
        (_, Some(Before::Interview(_))) => Some(ReviewCount::Done),
        _ => None,
    };
    if let (Some(counted), Some(Screen::Review(view))) = (counted, model.stack.last_mut()) {
        view.count(counted, 1);
        if let Some(before) = before {
            view.undo.push(ReviewUndo::Put(before, counted));
        }
    }
    model.status = Some(message);
    model.reload_shown()
}

/// The record was saved elsewhere meanwhile: the form is brought up to date.
pub fn stored_meanwhile(model: &mut Model, stored: Box<Form>) -> Vec<Effect> {
    let Some(form) = model.form_mut() else {
        return Vec::new();
    };
    match form.rebase(*stored) {
        // Their changes and ours touch different fields: both are kept.
        0 => vec![Effect::SaveForm(Box::new(form.clone()))],
        conflicts => {
            form.message = Some(format!(
                "Changed elsewhere meanwhile ({conflicts}): Ctrl-T takes theirs, Ctrl-S \
                     keeps yours"
            ));
            Vec::new()
        }
    }
}

/// The new contact looks like one already there: the form says so.
pub fn duplicate(model: &mut Model, duplicate: Duplicate) -> Vec<Effect> {
    if let Some(form) = model.form_mut() {
        form.message = Some(format!(
            "{} has {} — Ctrl-S saves this one anyway, Ctrl-O opens theirs",
            duplicate.name, duplicate.why
        ));
        form.duplicate = Some(duplicate);
    }
    Vec::new()
}
