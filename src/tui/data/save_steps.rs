//! Saving the playbook's forms: each is one step of an interview, taken in one transaction
//! with everything it brings (referrals, action items, follow-ups, the timeline).

use crate::form::FieldKey;
use crate::tui::data::saved::{Before, date_in};
use chrono::Duration;

use crate::domain::drafts::{Template, unfilled};
use crate::domain::playbook::Step;
use crate::domain::settings::Settings;
use crate::domain::{
    Channel, Clock, Contact, Evaluation, Id, Interaction, InteractionKind, Interview, MeetingMode,
    Stage, sanitize,
};
use crate::form::Form;
use crate::store::sent::Sent;
use crate::store::write_up::WriteUp;
use crate::store::{MeetingDetails, NewRequest, StepInput, Store, StoreError};
use crate::tui::data::saved::Saved;

/// One line, or one line per entry of a multi-line field.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(sanitize::line)
        .filter(|l| !l.is_empty())
        .collect()
}

pub fn start_interview(
    store: &Store,
    form: &Form,
    contact: Id,
    clock: &Clock,
    settings: &Settings,
) -> Result<Saved, StoreError> {
    let asked = match date_in(form, FieldKey::Asked, clock) {
        Ok(at) => at,
        Err(refused) => return Ok(refused),
    };
    let request = NewRequest {
        contact_id: contact,
        objective: form.text(FieldKey::Objective),
        channel: form
            .chosen(FieldKey::Channel, Channel::ALL)
            .unwrap_or(Channel::Email),
        found_via: form.text(FieldKey::FoundVia),
        minutes_asked: form.text(FieldKey::Minutes).parse().unwrap_or(20),
    };
    // The request is logged as of when it was made, so the nudge falls due from then.
    let at_asking = Clock::fixed(asked.0, clock.offset);
    store.start_interview(&request, &at_asking, &settings.playbook)?;
    let nudge = asked.plus(Duration::days(i64::from(
        settings.playbook.nudge_after_days,
    )));
    Ok(Saved::Done {
        message: format!("Request logged; a nudge is due {}", clock.when(nudge)),
        contact: None,
    })
}

pub fn schedule(
    store: &Store,
    form: &Form,
    interview: Id,
    clock: &Clock,
    settings: &Settings,
) -> Result<Saved, StoreError> {
    let starts_at = match date_in(form, FieldKey::When, clock) {
        Ok(at) => at,
        Err(refused) => return Ok(refused),
    };
    let meeting = MeetingDetails {
        duration_minutes: form.text(FieldKey::Length).parse().unwrap_or(30),
        mode: form
            .chosen(FieldKey::Mode, MeetingMode::ALL)
            .unwrap_or(MeetingMode::Video),
        place: form.text(FieldKey::Place),
    };
    let input = StepInput {
        step: Step::MeetingScheduled { starts_at },
        meeting: Some(meeting),
    };
    let message = format!("Meeting set for {}", clock.when(starts_at));
    let before = store.snapshot(interview, &message)?;
    store.apply_step(interview, &input, clock, &settings.playbook)?;
    Ok(Saved::Acted {
        message,
        before: Before::Interview(Box::new(before)),
    })
}

pub fn redirect(
    store: &Store,
    form: &Form,
    interview: Id,
    clock: &Clock,
    settings: &Settings,
) -> Result<Saved, StoreError> {
    let name = form.text(FieldKey::Name);
    let step = StepInput::from(Step::Redirected {
        to_name: name.clone(),
    });
    let message = format!("{name} added, with a follow-up to reach out");
    let before = store.snapshot(interview, &message)?;
    store.apply_step(interview, &step, clock, &settings.playbook)?;
    Ok(Saved::Acted {
        message,
        before: Before::Interview(Box::new(before)),
    })
}

/// The write-up: the evaluation saved, each referral a contact referred by the interviewee
/// with a follow-up to reach out, each action item a follow-up; then the stage moves on.
pub fn evaluation(
    store: &Store,
    form: &Form,
    interview_id: Id,
    clock: &Clock,
    settings: &Settings,
) -> Result<Saved, StoreError> {
    let yes = |key| form.chosen(key, &[true, false]).unwrap_or(false);
    let write_up = WriteUp {
        evaluation: Evaluation {
            key_points: form.text(FieldKey::KeyPoints),
            skills: form.text(FieldKey::Skills),
            qualify: form.text(FieldKey::Qualify),
            enjoy: form.text(FieldKey::Enjoy),
            pay: form.text(FieldKey::Pay),
            organization: form.text(FieldKey::Organization),
            field_needs: form.text(FieldKey::FieldNeeds),
            new_ideas: form.text(FieldKey::NewIdeas),
            offered_reference: yes(FieldKey::Reference),
            offered_resume_review: yes(FieldKey::Resume),
            may_contact_again: yes(FieldKey::ContactAgain),
        },
        referrals: lines(&form.text(FieldKey::Referrals)),
        actions: lines(&form.text(FieldKey::Actions)),
    };
    let mut before = store.snapshot(interview_id, "Written up")?;
    let (people, things) = store.write_up(interview_id, &write_up, clock, &settings.playbook)?;
    let count =
        |n: usize, noun: &str| crate::domain::numbers::count(i64::try_from(n).unwrap_or(0), noun);
    let mut message = "Written up".to_string();
    if people + things > 0 {
        message.push_str(&format!(
            ": {} to reach out to, {} to do",
            count(people, "person"),
            count(things, "thing")
        ));
    }
    before.what.clone_from(&message);
    Ok(Saved::Acted {
        message,
        before: Before::Interview(Box::new(before)),
    })
}

/// Marks a drafted message sent; refused while a placeholder is unfilled. A thank-you, a nudge
/// and the progress update an interview owes are playbook steps (undone as one in the review);
/// a request's words are kept on the entry that logged it; any other update is a touch.
/// Ctrl-L on a draft: kept on the interview, for the step it is for, to send later.
pub fn draft_kept(
    store: &Store,
    form: &Form,
    interview_id: Id,
    template: Template,
    clock: &Clock,
) -> Result<Saved, StoreError> {
    let Some(step) = template.step() else {
        return Ok(Saved::refused(
            FieldKey::Note,
            "a request is sent when it is logged: Ctrl-S logs it (Ctrl-Y copies it first)",
        ));
    };
    let interview: Interview = store.get(interview_id)?;
    store.keep_draft(interview_id, step, &form.text(FieldKey::Note), clock)?;
    Ok(Saved::Done {
        message: "Draft kept: w (or d in the review) opens it again, Ctrl-S there marks it sent"
            .into(),
        contact: Some(interview.contact_id),
    })
}

pub fn draft_sent(
    store: &Store,
    form: &Form,
    interview_id: Id,
    template: Template,
    clock: &Clock,
    settings: &Settings,
) -> Result<Saved, StoreError> {
    let note = form.text(FieldKey::Note);
    if let Some(first) = unfilled(&note).first() {
        return Ok(Saved::refused(
            FieldKey::Note,
            format!("fill in {first} before marking it sent"),
        ));
    }
    let interview: Interview = store.get(interview_id)?;
    let owes_update = interview.stage == Stage::Done && !interview.is_finished();
    let sent = match template {
        Template::ThankYou => Sent::ThankYou {
            text: note.clone(),
            channel: form.text(FieldKey::Channel),
        },
        Template::Nudge => Sent::Nudge,
        Template::Request => Sent::Request { text: note.clone() },
        Template::ProgressUpdate if owes_update => Sent::ProgressUpdate,
        Template::ProgressUpdate => {
            let mut touch = Interaction::new(
                interview.contact_id,
                InteractionKind::Email,
                "Sent a progress update",
                clock.timestamp(),
            );
            touch.interview_id = Some(interview_id);
            touch.body = note;
            let contact: Contact = store.get(interview.contact_id)?;
            store.log_touch(
                &touch,
                contact
                    .keep_in_touch_days
                    .unwrap_or(settings.playbook.keep_in_touch_days),
            )?;
            return Ok(Saved::Done {
                message: "Update sent".into(),
                contact: None,
            });
        }
    };
    let message = match template {
        Template::ThankYou => "Thank-you sent",
        Template::Nudge => "Nudge sent",
        Template::Request => "The request's words are kept on its timeline entry",
        Template::ProgressUpdate => "Update sent: this interview is finished",
    };
    let before = store.snapshot(interview_id, message)?;
    store.message_sent(interview_id, &sent, clock, &settings.playbook)?;
    Ok(Saved::Acted {
        message: message.into(),
        before: Before::Interview(Box::new(before)),
    })
}
