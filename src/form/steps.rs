//! The forms the playbook's steps need: starting an interview, setting the meeting, a
//! redirect, the evaluation and the thank-you.

use super::FieldKey;
use super::forms::MORNING;
use super::{Check, Field, FieldKind, Form, FormKind};
use crate::domain::prompts::evaluation_prompts;
use crate::domain::{Channel, Clock, Id, Interview, MeetingMode};

fn choice(key: FieldKey, label: &'static str, options: &[&str], value: &str) -> Field {
    let options = options.iter().map(|o| o.to_string()).collect();
    Field::new(
        key,
        label,
        FieldKind::Choice(options),
        Check::Required,
        value,
    )
}

fn yes_no(key: FieldKey, label: &'static str, yes: bool) -> Field {
    choice(key, label, &["Yes", "No"], if yes { "Yes" } else { "No" })
}

fn notes(key: FieldKey, label: &'static str, value: &str) -> Field {
    Field::new(key, label, FieldKind::Multiline, Check::Anything, value)
}

/// Asking `contact` for an interview; `found_via` is who suggested them, if anyone did.
pub fn start_interview(contact: Id, found_via: &str, clock: &Clock) -> Form {
    let channels: Vec<&str> = Channel::ALL.iter().map(|c| c.label()).collect();
    let fields = vec![
        Field::text(
            FieldKey::Objective,
            "What I want to learn",
            Check::Required,
            "",
        ),
        choice(
            FieldKey::Channel,
            "Asked by",
            &channels,
            Channel::Email.label(),
        ),
        Field::text(
            FieldKey::FoundVia,
            "Found them through",
            Check::Anything,
            found_via,
        ),
        Field::text(FieldKey::Minutes, "Minutes asked for", Check::Minutes, "20"),
        Field::new(
            FieldKey::Asked,
            "Asked on",
            FieldKind::Date {
                default_time: MORNING,
            },
            Check::Required,
            "now",
        ),
    ];
    let mut form = Form::new(FormKind::StartInterview { contact }, None, fields);
    form.refresh_hints(clock);
    form
}

/// The meeting a schedule form moves, as its fields show it (the time as typed naturally).
pub struct MeetingShown {
    pub when: String,
    pub minutes: u32,
    pub mode: MeetingMode,
    pub place: String,
}

/// Setting the meeting, or moving the one `existing` (its details kept unless changed).
pub fn schedule(interview: Id, minutes: u32, existing: Option<MeetingShown>) -> Form {
    let modes: Vec<&str> = MeetingMode::ALL.iter().map(|m| m.label()).collect();
    let (when, minutes, mode, place) = match existing {
        Some(m) => (m.when, m.minutes, m.mode, m.place),
        None => (String::new(), minutes, MeetingMode::Video, String::new()),
    };
    let fields = vec![
        Field::new(
            FieldKey::When,
            "When",
            FieldKind::Date {
                default_time: MORNING,
            },
            Check::Required,
            &when,
        ),
        Field::text(
            FieldKey::Length,
            "Length (minutes)",
            Check::Minutes,
            &minutes.to_string(),
        ),
        choice(FieldKey::Mode, "How", &modes, mode.label()),
        Field::text(FieldKey::Place, "Place or link", Check::Anything, &place),
    ];
    Form::new(FormKind::Schedule { interview }, None, fields)
}

pub fn redirect(interview: Id) -> Form {
    let fields = vec![Field::text(
        FieldKey::Name,
        "Who they suggested",
        Check::Required,
        "",
    )];
    Form::new(FormKind::Redirect { interview }, None, fields)
}

/// The write-up: key points, the prompts of `assets/evaluation.toml`, referrals and action
/// items (one per line), and what they offered.
pub fn evaluation(interview: &Interview) -> Form {
    let e = &interview.evaluation;
    let answers = [
        &e.skills,
        &e.qualify,
        &e.enjoy,
        &e.pay,
        &e.organization,
        &e.field_needs,
        &e.new_ideas,
    ];
    let mut fields = vec![notes(FieldKey::KeyPoints, "Key points", &e.key_points)];
    for (prompt, answer) in evaluation_prompts().iter().zip(answers) {
        fields.push(notes(
            prompt_key(&prompt.key),
            prompt_label(&prompt.key),
            answer,
        ));
    }
    fields.extend([
        notes(
            FieldKey::Referrals,
            "Referrals (one a line: Name, or Name, Organisation)",
            "",
        ),
        notes(FieldKey::Actions, "To do (one a line)", ""),
        yes_no(
            FieldKey::Reference,
            "Offered a reference",
            e.offered_reference,
        ),
        yes_no(
            FieldKey::Resume,
            "Offered resume review",
            e.offered_resume_review,
        ),
        yes_no(
            FieldKey::ContactAgain,
            "May contact again",
            e.may_contact_again,
        ),
    ]);
    Form::new(
        FormKind::Evaluation {
            interview: interview.meta.id,
        },
        None,
        fields,
    )
}

/// The prompts' keys come from a file: each is the field of the write-up it fills.
fn prompt_key(key: &str) -> FieldKey {
    match key {
        "skills" => FieldKey::Skills,
        "qualify" => FieldKey::Qualify,
        "enjoy" => FieldKey::Enjoy,
        "pay" => FieldKey::Pay,
        "organization" => FieldKey::Organization,
        "field_needs" => FieldKey::FieldNeeds,
        _ => FieldKey::NewIdeas,
    }
}

/// Short labels for the prompts; the full questions are in `assets/evaluation.toml`.
fn prompt_label(key: &str) -> &'static str {
    match key {
        "skills" => "Uses my skills?",
        "qualify" => "Would I qualify?",
        "enjoy" => "Would I enjoy it?",
        "pay" => "About pay",
        "organization" => "About the organisation",
        "field_needs" => "What the field needs",
        _ => "New ideas",
    }
}

/// A message drafted from a template, to edit, copy (Ctrl-Y) and mark sent; marking it sent
/// needs every placeholder filled.
pub fn draft(interview: Id, template: crate::domain::drafts::Template, text: &str) -> Form {
    let mut message = notes(FieldKey::Note, "The message", text);
    // It opens at "Hello …", to be read from the top.
    message.input.to_start();
    let fields = vec![
        message,
        choice(
            FieldKey::Channel,
            "Sent by",
            &["Email", "LinkedIn", "Message", "Card", "In person"],
            "Email",
        ),
    ];
    Form::new(
        FormKind::Draft {
            interview,
            template,
        },
        None,
        fields,
    )
}

/// Meeting mode's "add the questions of a list".
pub fn add_questions(interview: Id) -> Form {
    let fields = vec![Field::new(
        FieldKey::List,
        "Add the questions of",
        FieldKind::Picker {
            source: super::PickerSource::QuestionList,
            create: false,
        },
        Check::Required,
        "",
    )];
    Form::new(FormKind::AddQuestions { interview }, None, fields)
}
