//! The fields of each form, filled from a record when editing.

use chrono::NaiveTime;

use super::{Check, Field, FieldKey, FieldKind, Form, FormKind, PickerSource};
use crate::domain::{
    Clock, Contact, FollowUp, FollowUpKind, Id, InteractionKind, Organization, Question,
    QuestionList,
};

/// Follow-ups and touches typed without a time: the start of the working day.
pub const MORNING: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => panic!("09:00 is a valid time"),
};

pub(super) fn labels<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|v| label(*v).to_string()).collect()
}

/// A contact, new or being edited, with its organisation and referrer (id and name) and tags.
pub fn contact(
    contact: Option<&Contact>,
    organization: Option<(Id, String)>,
    referrer: Option<(Id, String)>,
    tags: &[String],
) -> Form {
    let value = |f: fn(&Contact) -> &str| contact.map(f).unwrap_or("");
    let days = contact
        .and_then(|c| c.keep_in_touch_days)
        .map(|d| d.to_string())
        .unwrap_or_default();
    let fields = vec![
        Field::text(FieldKey::Name, "Name", Check::Required, value(|c| &c.name)),
        Field::text(
            FieldKey::Title,
            "Title",
            Check::Anything,
            value(|c| &c.title),
        ),
        Field::new(
            FieldKey::Organization,
            "Organisation",
            FieldKind::Picker {
                source: PickerSource::Organization,
                create: true,
            },
            Check::Anything,
            "",
        )
        .with_pick(organization),
        Field::text(FieldKey::Email, "Email", Check::Email, value(|c| &c.email)),
        Field::text(
            FieldKey::Phone,
            "Phone",
            Check::Anything,
            value(|c| &c.phone),
        ),
        Field::text(
            FieldKey::Linkedin,
            "LinkedIn URL",
            Check::LinkedIn,
            value(|c| &c.linkedin),
        ),
        Field::text(
            FieldKey::Location,
            "Location",
            Check::Anything,
            value(|c| &c.location),
        ),
        Field::text(
            FieldKey::HowMet,
            "How we met",
            Check::Anything,
            value(|c| &c.how_met),
        ),
        Field::new(
            FieldKey::ReferredBy,
            "Referred by",
            FieldKind::Picker {
                source: PickerSource::Contact,
                create: false,
            },
            Check::Anything,
            "",
        )
        .with_pick(referrer),
        Field::text(FieldKey::Tags, "Tags", Check::Anything, &tags.join(", ")),
        Field::text(
            FieldKey::KeepInTouch,
            "Keep in touch (days)",
            Check::Days,
            &days,
        ),
        Field::new(
            FieldKey::Notes,
            "Notes",
            FieldKind::Multiline,
            Check::Anything,
            value(|c| &c.notes),
        ),
    ];
    Form::new(FormKind::Contact, contact.map(|c| c.meta.id), fields)
}

pub fn organization(organization: Option<&Organization>) -> Form {
    let value = |f: fn(&Organization) -> &str| organization.map(f).unwrap_or("");
    let fields = vec![
        Field::text(FieldKey::Name, "Name", Check::Required, value(|o| &o.name)),
        Field::text(
            FieldKey::Website,
            "Website",
            Check::Website,
            value(|o| &o.website),
        ),
        Field::new(
            FieldKey::Notes,
            "Notes",
            FieldKind::Multiline,
            Check::Anything,
            value(|o| &o.notes),
        ),
    ];
    Form::new(
        FormKind::Organization,
        organization.map(|o| o.meta.id),
        fields,
    )
}

/// A follow-up; `contact` is who it concerns (preset when added from a contact).
pub fn follow_up(
    follow_up: Option<&FollowUp>,
    contact: Option<(Id, String)>,
    clock: &Clock,
) -> Form {
    let due = follow_up
        .map(|f| {
            f.due_at
                .0
                .with_timezone(&clock.offset)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|| "tomorrow".into());
    let kind = follow_up.map_or(FollowUpKind::Custom, |f| f.kind);
    let fields = vec![
        Field::new(
            FieldKey::Contact,
            "Contact",
            FieldKind::Picker {
                source: PickerSource::Contact,
                create: false,
            },
            Check::Required,
            "",
        )
        .with_pick(contact),
        Field::text(
            FieldKey::Title,
            "What to do",
            Check::Required,
            follow_up.map_or("", |f| &f.title),
        ),
        Field::new(
            FieldKey::Due,
            "Due",
            FieldKind::Date {
                default_time: MORNING,
            },
            Check::Required,
            &due,
        ),
        Field::new(
            FieldKey::Kind,
            "Kind",
            FieldKind::Choice(labels(FollowUpKind::ALL, FollowUpKind::label)),
            Check::Required,
            kind.label(),
        ),
        Field::new(
            FieldKey::Notes,
            "Notes",
            FieldKind::Multiline,
            Check::Anything,
            follow_up.map_or("", |f| &f.notes),
        ),
    ];
    let mut form = Form::new(FormKind::FollowUp, follow_up.map(|f| f.meta.id), fields);
    form.refresh_hints(clock);
    form
}

pub fn question_list(list: Option<&QuestionList>) -> Form {
    let fields = vec![
        Field::text(
            FieldKey::Name,
            "Name",
            Check::Required,
            list.map_or("", |l| &l.name),
        ),
        Field::text(
            FieldKey::Description,
            "Description",
            Check::Anything,
            list.map_or("", |l| &l.description),
        ),
    ];
    Form::new(FormKind::QuestionList, list.map(|l| l.meta.id), fields)
}

/// A question, in the list `list` (id and name); the list can be changed to move it.
pub fn question(list: (Id, String), question: Option<&Question>) -> Form {
    let list_id = list.0;
    let fields = vec![
        Field::new(
            FieldKey::Text,
            "Question",
            FieldKind::Multiline,
            Check::Required,
            question.map_or("", |q| &q.text),
        ),
        Field::new(
            FieldKey::List,
            "In the list",
            FieldKind::Picker {
                source: PickerSource::QuestionList,
                create: false,
            },
            Check::Required,
            "",
        )
        .with_pick(Some(list)),
    ];
    Form::new(
        FormKind::Question { list: list_id },
        question.map(|q| q.meta.id),
        fields,
    )
}

/// The kinds of touch a user logs by hand (stage changes and the like are rolo's own).
pub const TOUCH_KINDS: [InteractionKind; 5] = [
    InteractionKind::Email,
    InteractionKind::Call,
    InteractionKind::Message,
    InteractionKind::Meeting,
    InteractionKind::Note,
];

/// "Log a touch" with `name`; `completes` is a follow-up the touch takes care of.
pub fn touch(contact: Id, name: &str, completes: Option<Id>, clock: &Clock) -> Form {
    let fields = vec![
        Field::new(
            FieldKey::Kind,
            "Kind",
            FieldKind::Choice(labels(&TOUCH_KINDS, InteractionKind::label)),
            Check::Required,
            "Email",
        ),
        Field::new(
            FieldKey::When,
            "When",
            FieldKind::Date {
                default_time: MORNING,
            },
            Check::Required,
            "now",
        ),
        Field::text(
            FieldKey::Summary,
            "Summary",
            Check::Required,
            &format!("{} {name}", touch_verb(InteractionKind::Email)),
        ),
        Field::new(
            FieldKey::Body,
            "Details",
            FieldKind::Multiline,
            Check::Anything,
            "",
        ),
    ];
    let mut form = Form::new(FormKind::Touch { contact, completes }, None, fields);
    form.refresh_hints(clock);
    form
}

/// How a touch's summary starts, by its kind: "Emailed Ada Lovelace".
fn touch_verb(kind: InteractionKind) -> &'static str {
    match kind {
        InteractionKind::Call => "Called",
        InteractionKind::Message => "Messaged",
        InteractionKind::Meeting => "Met",
        InteractionKind::Note => "Note on",
        _ => "Emailed",
    }
}

/// The kind of a touch form changed from `before`: a summary still as rolo wrote it ("Emailed
/// Ada") follows it ("Called Ada"); one the user wrote is left alone.
pub fn follow_touch_kind(form: &mut Form, before: &str) {
    let Some(was) = TOUCH_KINDS.iter().find(|k| k.label() == before) else {
        return;
    };
    let Some(now) = form.chosen(FieldKey::Kind, &TOUCH_KINDS) else {
        return;
    };
    let Some(summary) = form.fields.iter_mut().find(|f| f.key == FieldKey::Summary) else {
        return;
    };
    let old_start = format!("{} ", touch_verb(*was));
    if let Some(name) = summary.input.value().strip_prefix(&old_start) {
        let renamed = format!("{} {name}", touch_verb(now));
        summary.input.set(&renamed);
    }
}

/// Snooze a follow-up (or, with `FormKind::SnoozeStep`, an interview's step) to a date typed
/// naturally.
pub fn snooze(kind: FormKind, clock: &Clock) -> Form {
    let fields = vec![Field::new(
        FieldKey::Until,
        "Snooze until",
        FieldKind::Date {
            default_time: MORNING,
        },
        Check::Required,
        "",
    )];
    let mut form = Form::new(kind, None, fields);
    form.refresh_hints(clock);
    form
}

/// Who to merge into `contact` (the same person, entered twice): their interviews, follow-ups,
/// timeline, referrals and tags come along, and the duplicate is retired (u brings it back).
pub fn merge_into(contact: Id) -> Form {
    let fields = vec![Field::new(
        FieldKey::Duplicate,
        "Same person as",
        FieldKind::Picker {
            source: PickerSource::Contact,
            create: false,
        },
        Check::Required,
        "",
    )];
    Form::new(FormKind::MergeInto { contact }, None, fields)
}

/// Which entry to merge into `organization` (the same organisation, entered twice): its people
/// move over, and it goes to the trash.
pub fn merge_organization(organization: Id) -> Form {
    let fields = vec![Field::new(
        FieldKey::Duplicate,
        "Same organisation as",
        FieldKind::Picker {
            source: PickerSource::Organization,
            create: false,
        },
        Check::Required,
        "",
    )];
    Form::new(FormKind::MergeOrganization { organization }, None, fields)
}

/// The role landed, to share in each thank-you.
/// (`left_out`: those the user chose not to thank this time.)
pub fn landed_role(left_out: Vec<Id>) -> Form {
    let fields = vec![Field::text(
        FieldKey::Role,
        "The role (and where)",
        Check::Required,
        "",
    )];
    Form::new(FormKind::LandedRole { left_out }, None, fields)
}
