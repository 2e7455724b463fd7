//! The reads behind a form: the record it edits (or the interview a step's form is filled
//! from), and every organisation's name for a form with an organisation picker.

use crate::domain::{Clock, Contact, FollowUp, Id, Organization, Question};
use crate::form::{Form, FormKind, forms};
use crate::store::{Store, StoreResult};
use crate::tui::data::effect::FormRequest;
use crate::tui::data::loaded::Loaded;

/// The request that opens `form` afresh on its record, for a form editing one.
pub fn edit_request(form: &Form) -> Option<FormRequest> {
    let id = form.editing?;
    Some(match form.kind {
        FormKind::Contact => FormRequest::EditContact(id),
        FormKind::Organization => FormRequest::EditOrganization(id),
        FormKind::FollowUp => FormRequest::EditFollowUp(id),
        FormKind::QuestionList => FormRequest::EditQuestionList(id),
        FormKind::Question { .. } => FormRequest::EditQuestion(id),
        _ => return None,
    })
}

/// Builds the form a request asks for, reading the record it edits; forms with an
/// organisation picker come with every organisation's name.
pub fn form(
    store: &Store,
    request: &FormRequest,
    clock: &Clock,
    settings: &crate::domain::settings::Settings,
) -> StoreResult<Loaded> {
    let named = |id: Id| -> StoreResult<(Id, String)> { Ok((id, store.get::<Contact>(id)?.name)) };
    let form = match request {
        FormRequest::NewContact { referred_by } => {
            forms::contact(None, None, referred_by.clone(), &[])
        }
        FormRequest::EditContact(id) => {
            let contact: Contact = store.get(*id)?;
            let organization = match contact.organization_id {
                Some(org) => Some((org, store.get::<Organization>(org)?.name)),
                None => None,
            };
            let referrer = contact.referred_by.map(named).transpose()?;
            forms::contact(Some(&contact), organization, referrer, &store.tags_of(*id)?)
                .at_version(contact.meta.updated_at)
        }
        FormRequest::EditOrganization(id) => {
            let organization: Organization = store.get(*id)?;
            forms::organization(Some(&organization)).at_version(organization.meta.updated_at)
        }
        FormRequest::NewFollowUp { contact } => forms::follow_up(None, contact.clone(), clock),
        FormRequest::EditFollowUp(id) | FormRequest::RescheduleFollowUp(id) => {
            let follow_up: FollowUp = store.get(*id)?;
            let contact = follow_up.contact_id.map(named).transpose()?;
            let mut form = forms::follow_up(Some(&follow_up), contact, clock)
                .at_version(follow_up.meta.updated_at);
            if matches!(request, FormRequest::RescheduleFollowUp(_)) {
                form.focus_on(crate::form::FieldKey::Due);
            }
            form
        }
        FormRequest::NewQuestionList => forms::question_list(None),
        FormRequest::Import => crate::form::import_form::import(),
        FormRequest::LandedRole(left_out) => forms::landed_role(left_out.clone()),
        FormRequest::EditQuestionList(id) => {
            let list: crate::domain::QuestionList = store.get(*id)?;
            forms::question_list(Some(&list)).at_version(list.meta.updated_at)
        }
        FormRequest::NewQuestion(list) => {
            let named = (*list, store.get::<crate::domain::QuestionList>(*list)?.name);
            forms::question(named, None)
        }
        FormRequest::EditQuestion(id) => {
            let question: Question = store.get(*id)?;
            let named = (
                question.list_id,
                store
                    .get::<crate::domain::QuestionList>(question.list_id)?
                    .name,
            );
            forms::question(named, Some(&question)).at_version(question.meta.updated_at)
        }
        FormRequest::LogTouch(contact) => {
            let person: Contact = store.get(*contact)?;
            forms::touch(*contact, &person.name, None, clock)
        }
        FormRequest::TouchAndComplete { contact, follow_up } => {
            let person: Contact = store.get(*contact)?;
            forms::touch(*contact, &person.name, Some(*follow_up), clock)
        }
        FormRequest::Snooze(id) => forms::snooze(FormKind::Snooze { follow_up: *id }, clock),
        FormRequest::SnoozeStep(id) => {
            forms::snooze(FormKind::SnoozeStep { interview: *id }, clock)
        }
        FormRequest::MergeInto(contact) => forms::merge_into(*contact),
        FormRequest::NewOrganization => forms::organization(None),
        FormRequest::MergeOrganizationInto(id) => forms::merge_organization(*id),
        other => match step_form(store, other, clock, settings)? {
            Some(form) => form,
            None => return Err(crate::store::StoreError::Invalid("no form for that".into())),
        },
    };
    let needs_organizations = form.fields.iter().any(|f| {
        matches!(
            f.kind,
            crate::form::FieldKind::Picker {
                source: crate::form::PickerSource::Organization,
                ..
            }
        )
    });
    let organizations = if needs_organizations {
        Some(store.organization_names()?)
    } else {
        None
    };
    Ok(Loaded::Form(Box::new(form), organizations))
}

/// The forms of the playbook's steps, filled from the interview.
pub fn step_form(
    store: &Store,
    request: &FormRequest,
    clock: &Clock,
    settings: &crate::domain::settings::Settings,
) -> StoreResult<Option<crate::form::Form>> {
    use crate::form::steps;
    Ok(Some(match request {
        FormRequest::StartInterview(contact) => {
            // Someone suggested them: that is who the user found them through.
            let person: Contact = store.get(*contact)?;
            let introducer = match person.referred_by {
                Some(referrer) => store.get::<Contact>(referrer).ok().map(|r| r.name),
                None => None,
            };
            steps::start_interview(*contact, introducer.as_deref().unwrap_or(""), clock)
        }
        FormRequest::Schedule(id) => {
            let interview: crate::domain::Interview = store.get(*id)?;
            // Moving a meeting starts from it: its time, length, way and place.
            let existing = store
                .meetings_of(*id)?
                .into_iter()
                .rfind(|m| m.status == crate::domain::MeetingStatus::Scheduled)
                .map(|m| steps::MeetingShown {
                    when: m
                        .starts_at
                        .0
                        .with_timezone(&clock.offset)
                        .format("%Y-%m-%d %H:%M")
                        .to_string(),
                    minutes: m.duration_minutes,
                    mode: m.mode,
                    place: m.place,
                });
            steps::schedule(
                *id,
                interview
                    .minutes_asked
                    .max(settings.playbook.default_meeting_minutes),
                existing,
            )
        }
        FormRequest::Redirect(id) => steps::redirect(*id),
        FormRequest::AddQuestions(id) => steps::add_questions(*id),
        FormRequest::Evaluation(id) => steps::evaluation(&store.get(*id)?),
        FormRequest::Draft(id, asked) => super::load_draft::draft(store, *id, *asked, settings)?,
        _ => return Ok(None),
    }))
}
