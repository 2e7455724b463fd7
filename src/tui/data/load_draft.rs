//! A draft's form: the message for the step, filled from the interview and its contact — or,
//! when one was kept to send later (Ctrl-L), that one as it was left.

use crate::domain::drafts::{DraftValues, Template, first_name, objective_phrase, render};
use crate::domain::settings::Settings;
use crate::domain::{Contact, Id, Interview, Organization};
use crate::form::{Form, steps};
use crate::store::{Store, StoreResult};

/// The draft `asked` for (the request, a nudge, the thank-you, the progress update).
pub fn draft(store: &Store, id: Id, asked: Template, settings: &Settings) -> StoreResult<Form> {
    let interview: Interview = store.get(id)?;
    let kept = interview
        .draft_for
        .filter(|_| !interview.draft.trim().is_empty())
        .and_then(Template::for_step);
    // `w` where the request would be drafted, with a nudge kept to send: the nudge.
    let template = match kept {
        Some(kept) if asked == Template::Request => kept,
        _ => asked,
    };
    // A draft kept for this step comes back as it was left.
    if kept == Some(template) {
        let mut form = steps::draft(id, template, &interview.draft);
        form.message = Some("The draft you kept: Ctrl-S marks it sent".into());
        return Ok(form);
    }
    let contact: Contact = store.get(interview.contact_id)?;
    let organization = match contact.organization_id {
        Some(org) => store.get::<Organization>(org)?.name,
        None => String::new(),
    };
    // The first sentence of the key points is what the note recalls.
    let key_point = interview
        .evaluation
        .key_points
        .split(['.', '\n'])
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    let values = DraftValues {
        first_name: first_name(&contact.name),
        organization,
        objective: objective_phrase(&interview.objective),
        key_point: key_point.trim_end_matches('.').to_string(),
        action_taken: String::new(),
        minutes: interview.minutes_asked.to_string(),
    };
    let text = template.text_in(settings.templates.as_deref());
    Ok(steps::draft(id, template, &render(&text, &values)))
}
