//! The name of every field of every form, as a type: a save reads its fields by these, so a
//! misspelt key does not compile rather than failing when the user saves.

/// A field of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum FieldKey {
    // A contact, an organisation.
    Name,
    Title,
    Organization,
    Email,
    Phone,
    Linkedin,
    Location,
    HowMet,
    ReferredBy,
    Tags,
    KeepInTouch,
    Notes,
    Website,
    // A follow-up, a touch, a snooze.
    Contact,
    Due,
    Kind,
    When,
    Now,
    Summary,
    Body,
    Until,
    // Question lists and questions.
    Description,
    Text,
    List,
    // Importing, merging, a landed role.
    Format,
    File,
    Duplicate,
    Role,
    // The playbook: a request, a meeting, a redirect, a write-up, a message.
    Objective,
    Channel,
    FoundVia,
    Minutes,
    Asked,
    Length,
    Mode,
    Place,
    KeyPoints,
    Skills,
    Qualify,
    Enjoy,
    Pay,
    FieldNeeds,
    NewIdeas,
    Referrals,
    Actions,
    Reference,
    Resume,
    ContactAgain,
    Note,
}

impl FieldKey {
    /// The key as a word ("key_points"): for messages and tests, never for lookups.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// Tests and messages may name a field by its word.
impl PartialEq<&str> for FieldKey {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}
