//! The interview screen's read: the interview and all it holds, and the step it owes.

use crate::domain::{Clock, Contact, Id, Interaction, Interview, Organization};
use crate::store::{Store, StoreResult};
use crate::tui::screens::interview::InterviewView;

/// Timeline entries the screen shows at most (the newest).
const TIMELINE_SHOWN: usize = 200;

pub fn interview(store: &Store, id: Id, clock: &Clock) -> StoreResult<InterviewView> {
    let interview: Interview = store.get(id)?;
    let contact: Contact = store.get(interview.contact_id)?;
    let organization = match contact.organization_id {
        Some(org) => Some(store.get::<Organization>(org)?.name),
        None => None,
    };
    let mut timeline: Vec<Interaction> = store.timeline_of_interview(id)?;
    timeline.truncate(TIMELINE_SHOWN);
    Ok(InterviewView {
        meetings: store.meetings_of(id)?,
        questions: store.questions_of_interview(id)?,
        next: store.next_step_of(id, clock)?,
        contact_name: contact.name,
        organization,
        timeline,
        interview,
        scroll: 0,
    })
}
