//! What saving a form does to the store: every form is one transaction, and a refusal names the
//! field it is about so the form can show it there.

use crate::domain::settings::Settings;
use crate::domain::{
    Clock, Contact, FollowUp, FollowUpKind, Id, Interaction, InteractionKind, Meta, Organization,
    Question, QuestionList,
};
use crate::form::FieldKey;
use crate::form::{Duplicate, Form, FormKind};
use crate::store::contact_save::{ContactSave, Referrer, Workplace};
use crate::store::{Store, StoreError, record};
use crate::tui::data::save_steps;

pub use crate::tui::data::saved::Saved;
use crate::tui::data::saved::{Before, date_in, later_date_in};

/// Saves a form, the playbook running on `settings`.
pub fn save(store: &Store, form: &Form, clock: &Clock, settings: &Settings) -> Saved {
    let result = match &form.kind {
        // The app runs it between frames, with progress (`Effect::is_long`); here at once.
        FormKind::Import => {
            return crate::tui::data::import::preview(store, form, clock, &mut |_, _| {
                std::ops::ControlFlow::Continue(())
            });
        }
        FormKind::LandedRole { left_out } => store
            .thank_helpers(
                &form.text(FieldKey::Role),
                left_out,
                settings.playbook.keep_in_touch_days,
                clock,
            )
            .map(|people| Saved::Done {
                message: match people {
                    0 => "Everyone who helped already has a thank-you and an update queued".into(),
                    1 => "Queued a thank-you and an update for 1 person — in the review".into(),
                    n => format!("Queued a thank-you and an update for {n} people — in the review"),
                },
                contact: None,
            }),
        FormKind::Contact => save_contact(store, form, clock),
        FormKind::Organization => save_organization(store, form, clock),
        FormKind::FollowUp => save_follow_up(store, form, clock),
        FormKind::QuestionList => save_question_list(store, form, clock),
        FormKind::Question { list } => save_question(store, form, *list, clock),
        FormKind::Touch { contact, completes } => {
            save_touch(store, form, *contact, *completes, clock, settings)
        }
        FormKind::Snooze { follow_up } => match later_date_in(form, FieldKey::Until, clock) {
            Ok(until) => store
                .snooze_follow_up(*follow_up, until, clock.timestamp())
                .map(|before| Saved::Acted {
                    message: format!("Snoozed until {}", clock.when(until)),
                    before: Before::FollowUp(Box::new(before)),
                }),
            Err(refused) => Ok(refused),
        },
        FormKind::SnoozeStep { interview } => match later_date_in(form, FieldKey::Until, clock) {
            Ok(until) => store
                .snapshot(*interview, &format!("Snoozed until {}", clock.when(until)))
                .and_then(|before| {
                    store.snooze_step(*interview, until, clock)?;
                    Ok(Saved::Acted {
                        message: format!("Snoozed until {}", clock.when(until)),
                        before: Before::Interview(Box::new(before)),
                    })
                }),
            Err(refused) => Ok(refused),
        },
        FormKind::StartInterview { contact } => {
            save_steps::start_interview(store, form, *contact, clock, settings)
        }
        FormKind::Schedule { interview } => {
            save_steps::schedule(store, form, *interview, clock, settings)
        }
        FormKind::Redirect { interview } => {
            save_steps::redirect(store, form, *interview, clock, settings)
        }
        FormKind::Evaluation { interview } => {
            save_steps::evaluation(store, form, *interview, clock, settings)
        }
        FormKind::Draft {
            interview,
            template,
        } if form.keep_for_later => {
            save_steps::draft_kept(store, form, *interview, *template, clock)
        }
        FormKind::Draft {
            interview,
            template,
        } => save_steps::draft_sent(store, form, *interview, *template, clock, settings),
        FormKind::MergeInto { contact } => match form.picked(FieldKey::Duplicate) {
            Some(duplicate) => store
                .merge_contacts(duplicate, *contact, clock.timestamp())
                .map(|message| Saved::Done {
                    message,
                    contact: Some(*contact),
                }),
            None => Ok(Saved::refused(
                FieldKey::Duplicate,
                "pick the contact to merge in (type part of their name)",
            )),
        },
        FormKind::MergeOrganization { organization } => match form.picked(FieldKey::Duplicate) {
            Some(duplicate) => store
                .merge_organizations(duplicate, *organization, clock.timestamp())
                .map(|moved| Saved::Done {
                    message: format!(
                        "Merged: {} moved over; the other entry is in the trash (restoring it does not move them back)",
                        crate::domain::numbers::count(i64::try_from(moved).unwrap_or(0), "person")
                    ),
                    contact: None,
                }),
            None => Ok(Saved::refused(
                FieldKey::Duplicate,
                "pick the other entry (type part of its name)",
            )),
        },
        FormKind::AddQuestions { interview } => match form.picked(FieldKey::List) {
            Some(list) => store
                .add_questions_from_list(*interview, list, clock)
                .map(|n| Saved::Done {
                    message: match n {
                        0 => "Nothing added: the interview has every question of that list".into(),
                        n => format!(
                            "Added {}",
                            crate::domain::numbers::count(i64::try_from(n).unwrap_or(0), "question")
                        ),
                    },
                    contact: None,
                }),
            None => Ok(Saved::refused(FieldKey::List, "pick a list")),
        },
    };
    result.unwrap_or_else(Saved::from)
}

/// The record being edited, or a new one.
fn existing_or<R: record::Record>(
    store: &Store,
    form: &Form,
    new: impl FnOnce() -> R,
) -> Result<R, StoreError> {
    match form.editing {
        Some(id) => store.get(id),
        None => Ok(new()),
    }
}

/// Inserts a new record or updates the edited one — unless the edited one was saved elsewhere
/// since the form read it (`StoreError::ChangedMeanwhile`).
fn put<R: record::Record>(
    store: &Store,
    form: &Form,
    record: &mut R,
    clock: &Clock,
) -> Result<(), StoreError> {
    store.save_edited(
        record,
        form.version,
        form.editing.is_none(),
        clock.timestamp(),
    )
}

fn save_contact(store: &Store, form: &Form, clock: &Clock) -> Result<Saved, StoreError> {
    let now = clock.timestamp();
    let name = form.text(FieldKey::Name);
    let organization = form.text(FieldKey::Organization);
    let (email, linkedin) = (form.text(FieldKey::Email), form.text(FieldKey::Linkedin));
    if form.editing.is_some() && form.picked(FieldKey::ReferredBy) == form.editing {
        return Ok(Saved::refused(
            FieldKey::ReferredBy,
            "a contact cannot refer themselves",
        ));
    }
    if form.editing.is_none()
        && form.duplicate.is_none()
        && let Some((found, why)) =
            store.find_duplicate(None, &name, &organization, &email, &linkedin)?
    {
        return Ok(Saved::Duplicate(Duplicate {
            id: found.meta.id,
            name: found.name,
            why: why.into(),
        }));
    }
    let is_new = form.editing.is_none();
    let mut contact = existing_or(store, form, || Contact::named(&name, now))?;
    contact.name = name;
    contact.title = form.text(FieldKey::Title);
    contact.email = email;
    contact.phone = form.text(FieldKey::Phone);
    contact.linkedin = linkedin;
    contact.location = form.text(FieldKey::Location);
    contact.how_met = form.text(FieldKey::HowMet);
    contact.referred_by = form.picked(FieldKey::ReferredBy);
    contact.keep_in_touch_days = form.text(FieldKey::KeepInTouch).parse().ok();
    contact.notes = form.text(FieldKey::Notes);
    let tags: Vec<String> = form
        .text(FieldKey::Tags)
        .split(',')
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    let workplace = match form.picked(FieldKey::Organization) {
        Some(id) => Workplace::Known(id),
        None => Workplace::Named(organization),
    };
    let name = contact.name.clone();
    let save = ContactSave {
        contact,
        workplace,
        referrer: Referrer::AsIs,
        tags: Some(tags),
        read_at: form.version,
        is_new,
    };
    let id = store.save_contact(save, clock.timestamp())?;
    Ok(Saved::Done {
        message: format!("Saved {name}"),
        contact: Some(id),
    })
}

fn save_organization(store: &Store, form: &Form, clock: &Clock) -> Result<Saved, StoreError> {
    let mut org = existing_or(store, form, || Organization {
        meta: Meta::new(clock.timestamp()),
        name: String::new(),
        website: String::new(),
        notes: String::new(),
    })?;
    org.name = form.text(FieldKey::Name);
    // One entry per organisation: a second of the same name (however cased, spaced or
    // accented) would split its people.
    let key = crate::domain::sanitize::name_key(&org.name);
    let twin = store
        .organization_names()?
        .into_iter()
        .find(|(id, name)| *id != org.meta.id && crate::domain::sanitize::name_key(name) == key);
    if let Some((_, name)) = twin {
        return Ok(Saved::refused(
            FieldKey::Name,
            format!(
                "there is already an organisation called {name}: M on it merges another entry into it"
            ),
        ));
    }
    org.website = form.text(FieldKey::Website);
    org.notes = form.text(FieldKey::Notes);
    put(store, form, &mut org, clock)?;
    Ok(Saved::Done {
        message: format!("Saved {}", org.name),
        contact: None,
    })
}

fn save_follow_up(store: &Store, form: &Form, clock: &Clock) -> Result<Saved, StoreError> {
    let due = match date_in(form, FieldKey::Due, clock) {
        Ok(at) => at,
        Err(refused) => return Ok(refused),
    };
    let kind = form
        .chosen(FieldKey::Kind, FollowUpKind::ALL)
        .unwrap_or(FollowUpKind::Custom);
    let mut follow_up = existing_or(store, form, || {
        FollowUp::new(kind, "", due, clock.timestamp())
    })?;
    follow_up.kind = kind;
    follow_up.title = form.text(FieldKey::Title);
    follow_up.due_at = due;
    follow_up.contact_id = form.picked(FieldKey::Contact);
    follow_up.notes = form.text(FieldKey::Notes);
    put(store, form, &mut follow_up, clock)?;
    Ok(Saved::Done {
        message: format!("Saved \"{}\", due {}", follow_up.title, clock.when(due)),
        contact: None,
    })
}

fn save_question_list(store: &Store, form: &Form, clock: &Clock) -> Result<Saved, StoreError> {
    let mut list = existing_or(store, form, || QuestionList {
        meta: Meta::new(clock.timestamp()),
        name: String::new(),
        description: String::new(),
    })?;
    list.name = form.text(FieldKey::Name);
    list.description = form.text(FieldKey::Description);
    put(store, form, &mut list, clock)?;
    Ok(Saved::Done {
        message: format!("Saved {}", list.name),
        contact: None,
    })
}

fn save_question(store: &Store, form: &Form, list: Id, clock: &Clock) -> Result<Saved, StoreError> {
    let list = form.picked(FieldKey::List).unwrap_or(list);
    let last = store.questions_of_list(list)?.len() as u32;
    let mut question = existing_or(store, form, || Question {
        meta: Meta::new(clock.timestamp()),
        list_id: list,
        position: last,
        text: String::new(),
    })?;
    if question.list_id != list {
        // Moved to another list: it goes to the end of it.
        question.list_id = list;
        question.position = last;
    }
    question.text = form.text(FieldKey::Text);
    put(store, form, &mut question, clock)?;
    Ok(Saved::Done {
        message: "Saved the question".into(),
        contact: None,
    })
}

fn save_touch(
    store: &Store,
    form: &Form,
    contact: Id,
    completes: Option<Id>,
    clock: &Clock,
    settings: &Settings,
) -> Result<Saved, StoreError> {
    let when = match date_in(form, FieldKey::When, clock) {
        Ok(at) => at,
        Err(refused) => return Ok(refused),
    };
    if when > clock.timestamp().plus(chrono::Duration::hours(1)) {
        let message = "a touch is something that happened: give a time that has passed".to_string();
        return Ok(Saved::Refused {
            field: Some(FieldKey::When),
            message,
        });
    }
    let kind = form
        .chosen(FieldKey::Kind, &crate::form::forms::TOUCH_KINDS)
        .unwrap_or(InteractionKind::Note);
    let mut touch = Interaction::new(contact, kind, &form.text(FieldKey::Summary), when);
    touch.body = form.text(FieldKey::Body);
    touch.meta.created_at = clock.timestamp();
    touch.meta.updated_at = clock.timestamp();
    let contact: Contact = store.get(contact)?;
    let every = contact
        .keep_in_touch_days
        .unwrap_or(settings.playbook.keep_in_touch_days);
    // As it was before the touch moved it on: what the review's undo puts back.
    let before: Option<FollowUp> = completes.map(|id| store.get(id)).transpose()?;
    store.log_touch(&touch, every)?;
    let message = format!("Logged: {}", touch.summary);
    Ok(match completes {
        Some(follow_up) => {
            store.complete_follow_up(follow_up, clock.timestamp())?;
            let before =
                before.ok_or_else(|| StoreError::Invalid("the follow-up is gone".into()))?;
            Saved::Acted {
                message,
                before: Before::Touched(Box::new(before), touch.meta.id),
            }
        }
        None => Saved::Done {
            message,
            contact: None,
        },
    })
}
