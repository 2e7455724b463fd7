//! One generic form for every record: a list of fields with one focus ring, one validation
//! path and one cursor. Pure: it knows nothing of the store or the screen; what a save does
//! is up to whoever opened the form.

mod field;
pub mod forms;
pub mod import_form;
mod key;
pub mod steps;
pub mod text_input;

pub use field::{Check, Field, FieldKind, PickerSource};
pub use key::FieldKey;
pub use text_input::TextInput;

use crate::domain::drafts::Template;
use crate::domain::{Clock, Id, Timestamp};

/// Which record a form makes or changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    Contact,
    Organization,
    FollowUp,
    QuestionList,
    Question {
        list: Id,
    },
    /// A touch with a contact; `completes` is a follow-up it takes care of (from the review).
    Touch {
        contact: Id,
        completes: Option<Id>,
    },
    Snooze {
        follow_up: Id,
    },
    /// Snooze an interview's next step.
    SnoozeStep {
        interview: Id,
    },
    StartInterview {
        contact: Id,
    },
    Schedule {
        interview: Id,
    },
    Redirect {
        interview: Id,
    },
    Evaluation {
        interview: Id,
    },
    /// A message drafted from a template; saving marks it sent.
    Draft {
        interview: Id,
        template: Template,
    },
    AddQuestions {
        interview: Id,
    },
    /// A file to import; saving shows what it would do before anything is written.
    Import,
    /// The role landed: saving queues a thank-you and an update for everyone who helped,
    /// but those left out.
    LandedRole {
        left_out: Vec<Id>,
    },
    /// Another contact, the same person, to merge into this one.
    MergeInto {
        contact: Id,
    },
    /// Another entry for the same organisation, to merge into this one.
    MergeOrganization {
        organization: Id,
    },
}

impl FormKind {
    pub fn noun(&self) -> &'static str {
        match self {
            FormKind::Contact => "contact",
            FormKind::Organization => "organisation",
            FormKind::FollowUp => "follow-up",
            FormKind::QuestionList => "question list",
            FormKind::Question { .. } => "question",
            FormKind::Touch { .. } => "touch",
            FormKind::Snooze { .. } | FormKind::SnoozeStep { .. } => "snooze",
            FormKind::StartInterview { .. } => "interview request",
            FormKind::Schedule { .. } => "meeting time",
            FormKind::Redirect { .. } => "redirect",
            FormKind::Evaluation { .. } => "write-up",
            FormKind::Draft { .. } => "message",
            FormKind::AddQuestions { .. } => "questions",
            FormKind::Import => "import",
            FormKind::LandedRole { .. } => "role",
            FormKind::MergeInto { .. } | FormKind::MergeOrganization { .. } => "merge",
        }
    }
}

/// A value as a conflict quotes it: one line, and not too long.
fn summary(value: &str) -> String {
    let line = value.lines().next().unwrap_or("");
    let mut shown: String = line.chars().take(20).collect();
    if shown.len() < value.len() {
        shown.push('…');
    }
    if value.is_empty() {
        shown = "(empty)".into();
    }
    shown
}

/// An existing record that looks like the one being added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub id: Id,
    pub name: String,
    /// What matched: "the same email", "the same LinkedIn profile", "the same name and organisation".
    pub why: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub kind: FormKind,
    /// The record being edited; `None` when adding.
    pub editing: Option<Id>,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Esc was pressed with changes: the next Esc (or y) discards them.
    pub confirming_cancel: bool,
    /// Set when a new contact matches an existing one; a second save goes ahead.
    pub duplicate: Option<Duplicate>,
    /// A message for the whole form (a refusal from the store that names no field).
    pub message: Option<String>,
    /// The edited record's `updated_at` when its values were read: a save is refused by the
    /// store (and the form brought up to date) if the record has changed since.
    pub version: Option<Timestamp>,
    /// Fields the user changed that were also changed elsewhere since the form opened: the
    /// stored field, for the user to see and take instead of theirs (`take_stored`).
    pub conflicts: Vec<Field>,
    /// A draft saved to send later (Ctrl-L) rather than marked sent.
    pub keep_for_later: bool,
    original: Vec<String>,
}

impl Form {
    pub fn new(kind: FormKind, editing: Option<Id>, fields: Vec<Field>) -> Form {
        let original = fields.iter().map(|f| f.input.value().to_string()).collect();
        Form {
            kind,
            editing,
            fields,
            focus: 0,
            confirming_cancel: false,
            duplicate: None,
            message: None,
            version: None,
            conflicts: Vec::new(),
            keep_for_later: false,
            original,
        }
    }

    /// The same form, for a record stored as of `version`.
    pub fn at_version(mut self, version: Timestamp) -> Form {
        self.version = Some(version);
        self
    }

    /// Brings in what was stored since the form opened, `stored` being the same form built
    /// afresh from the record: a field the user left alone takes the stored value; a field the
    /// user changed keeps what they typed; a field both changed, differently, keeps what they
    /// typed and is listed in `conflicts` with the stored value, for the user to choose.
    /// Afterwards the form stands on the stored version. Returns how many conflicts there are.
    pub fn rebase(&mut self, stored: Form) -> usize {
        self.conflicts.clear();
        for ((field, base), theirs) in self
            .fields
            .iter_mut()
            .zip(self.original.iter_mut())
            .zip(stored.fields)
        {
            let (mine, stored_value) = (field.input.value(), theirs.input.value());
            let changed_elsewhere = stored_value != base.as_str();
            let changed_here = mine != base.as_str();
            *base = stored_value.to_string();
            if !changed_elsewhere || mine == stored_value {
                continue;
            }
            if changed_here {
                field.error = Some(format!(
                    "Ctrl-T takes “{}” (saved meanwhile), Ctrl-S keeps yours",
                    summary(stored_value)
                ));
                self.conflicts.push(theirs);
            } else {
                *field = theirs;
            }
        }
        self.version = stored.version;
        if let Some(first) = self
            .fields
            .iter()
            .position(|f| self.conflicts.iter().any(|c| c.key == f.key))
        {
            self.focus = first;
        }
        self.conflicts.len()
    }

    /// Puts the stored value in the focused field in place of what was typed (a conflict the
    /// user settles for the other side). Says whether there was one.
    pub fn take_stored(&mut self) -> bool {
        let key = self.focused().key;
        match self.conflicts.iter().position(|c| c.key == key) {
            Some(index) => {
                let stored = self.conflicts.remove(index);
                self.fields[self.focus] = stored;
                true
            }
            None => false,
        }
    }

    /// Every field with something in it, as "Label: value" (a form's text to keep).
    pub fn typed_text(&self) -> String {
        self.fields
            .iter()
            .filter(|f| !f.input.value().trim().is_empty())
            .map(|f| format!("{}: {}", f.label, f.input.value()))
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn title(&self) -> String {
        let verb = if self.editing.is_some() {
            "Edit"
        } else {
            "New"
        };
        match self.kind {
            FormKind::Schedule { .. } => "Set the meeting".into(),
            FormKind::Redirect { .. } => "They suggested someone else".into(),
            FormKind::Evaluation { .. } => "Write up the conversation".into(),
            FormKind::Draft { template, .. } => template.title().into(),
            FormKind::AddQuestions { .. } => "Add questions from a list".into(),
            FormKind::Snooze { .. } | FormKind::SnoozeStep { .. } => "Snooze until…".into(),
            FormKind::Import => "Import a file: contacts, mail, messages or invitations".into(),
            FormKind::LandedRole { .. } => "Congratulations! What did you land?".into(),
            FormKind::MergeInto { .. } => "Merge a duplicate into this contact".into(),
            FormKind::MergeOrganization { .. } => {
                "Merge another entry for it into this organisation".into()
            }
            _ => format!("{verb} {}", self.kind.noun()),
        }
    }

    /// Whether anything differs from what the form opened with.
    pub fn is_dirty(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.original)
            .any(|(f, o)| f.input.value() != o)
    }

    pub fn focused(&self) -> &Field {
        &self.fields[self.focus]
    }

    pub fn focused_mut(&mut self) -> &mut Field {
        &mut self.fields[self.focus]
    }

    /// Puts the focus on the field `key`, if the form has it.
    pub fn focus_on(&mut self, key: FieldKey) {
        if let Some(at) = self.fields.iter().position(|f| f.key == key) {
            self.focus = at;
        }
    }

    pub fn focus_next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
    }

    pub fn focus_previous(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
    }

    pub fn on_last_field(&self) -> bool {
        self.focus + 1 == self.fields.len()
    }

    /// The field `key` of this form; a form without it has none (its save reads it as empty).
    pub fn field(&self, key: FieldKey) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The cleaned text of a field.
    pub fn text(&self, key: FieldKey) -> String {
        self.field(key).map(Field::cleaned).unwrap_or_default()
    }

    pub fn picked(&self, key: FieldKey) -> Option<Id> {
        self.field(key)?.picked.as_ref().map(|(id, _)| *id)
    }

    /// The choice made in a choice field, as one of `all` — the values its labels were made
    /// from, in the same order — not by reading a label back.
    pub fn chosen<T: Copy>(&self, key: FieldKey, all: &[T]) -> Option<T> {
        let field = self.field(key)?;
        let FieldKind::Choice(labels) = &field.kind else {
            return None;
        };
        let index = labels.iter().position(|l| l == field.input.value())?;
        all.get(index).copied()
    }

    /// Checks every field; on failure each bad field carries its message, the focus moves to
    /// the first of them, and nothing typed is touched.
    pub fn validate(&mut self, clock: &Clock) -> bool {
        for field in &mut self.fields {
            field.error = field.check(clock).err();
        }
        match self.fields.iter().position(|f| f.error.is_some()) {
            Some(first) => {
                self.focus = first;
                false
            }
            None => true,
        }
    }

    /// Puts a refusal from the store at its field (or on the form), keeping everything typed.
    pub fn refuse(&mut self, field: Option<FieldKey>, message: String) {
        match field.and_then(|key| self.fields.iter().position(|f| f.key == key)) {
            Some(index) => {
                self.fields[index].error = Some(message);
                self.focus = index;
            }
            None => self.message = Some(message),
        }
    }

    /// Refreshes what each date field shows beside it ("Fri 27 Nov 2026 10:30 · in 3 days").
    pub fn refresh_hints(&mut self, clock: &Clock) {
        for field in &mut self.fields {
            field.refresh_hint(clock);
        }
    }
}
