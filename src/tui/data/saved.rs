//! What saving a form came to: done, refused at a field, a likely duplicate, changed elsewhere
//! meanwhile, or (for the import form) a preview.

use crate::domain::{Clock, Id, Timestamp, dates};
use crate::form::forms::MORNING;
use crate::form::{Duplicate, FieldKey, Form};
use crate::store::StoreError;

/// What a save came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Saved: a message for the footer, and the contact to show if one was made.
    Done {
        message: String,
        contact: Option<Id>,
    },
    /// Saved, and what it changed as it was before (a follow-up snoozed or done with a touch,
    /// an interview moved by a step), so the review can undo exactly this.
    Acted { message: String, before: Before },
    /// Not saved; the form shows why (at a field when one is named).
    Refused {
        field: Option<FieldKey>,
        message: String,
    },
    /// Not saved: a new contact looks like an existing one; saving again goes ahead.
    Duplicate(Duplicate),
    /// Not saved: the record was saved elsewhere since the form read it; the form is to be
    /// brought up to date (`Form::rebase`) and saved again.
    ChangedMeanwhile,
    /// The import form's dry run: what the import would do, to confirm.
    ImportPreview(Box<crate::tui::screens::import::ImportPreview>),
}

/// A record as it was before a review action changed it: what `u` puts back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Before {
    FollowUp(Box<crate::domain::FollowUp>),
    /// A follow-up done with a touch: the follow-up as it was, and the touch logged.
    Touched(Box<crate::domain::FollowUp>, Id),
    Interview(Box<crate::store::snapshot::InterviewSnapshot>),
}

impl Before {
    /// The follow-up's or the interview's id (the review stands on it again after an undo).
    pub fn id(&self) -> Id {
        match self {
            Before::FollowUp(f) | Before::Touched(f, _) => f.meta.id,
            Before::Interview(s) => s.interview.meta.id,
        }
    }

    /// What it was, as the undo names it.
    pub fn label(&self) -> &str {
        match self {
            Before::FollowUp(f) | Before::Touched(f, _) => &f.title,
            Before::Interview(s) => &s.what,
        }
    }
}

impl Saved {
    /// Not saved: `message`, said at the field `key`.
    pub fn refused(key: FieldKey, message: impl Into<String>) -> Saved {
        Saved::Refused {
            field: Some(key),
            message: message.into(),
        }
    }
}

/// The moment a date field holds, typed naturally ("tomorrow 3pm"; a day alone is the start of
/// the working day), or the refusal to show at it.
pub fn date_in(form: &Form, key: FieldKey, clock: &Clock) -> Result<Timestamp, Saved> {
    dates::parse(&form.text(key), clock, MORNING)
        .map(|parsed| parsed.at)
        .map_err(|e| Saved::refused(key, e.to_string()))
}

/// A date to snooze until: one that has not passed (a snooze into the past is no snooze).
pub fn later_date_in(form: &Form, key: FieldKey, clock: &Clock) -> Result<Timestamp, Saved> {
    let at = date_in(form, key, clock)?;
    if at.0 <= clock.now {
        return Err(Saved::refused(
            key,
            "that time has passed: a snooze moves it later (tomorrow, fri, +3d)",
        ));
    }
    Ok(at)
}

impl From<StoreError> for Saved {
    fn from(error: StoreError) -> Saved {
        if let StoreError::ChangedMeanwhile { .. } = error {
            return Saved::ChangedMeanwhile;
        }
        Saved::Refused {
            field: None,
            message: error.to_string(),
        }
    }
}
