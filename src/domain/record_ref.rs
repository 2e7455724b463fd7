//! A record named by its kind and id: what a delete, a restore and the trash pass around, so no
//! table name travels outside the store.

use super::Id;

/// The kinds of record a user deletes by hand (and may restore from the trash).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Deletable {
    Contact,
    Organization,
    FollowUp,
    QuestionList,
    Question,
    Interaction,
    Interview,
}

impl Deletable {
    pub const ALL: [Deletable; 7] = [
        Deletable::Contact,
        Deletable::Organization,
        Deletable::FollowUp,
        Deletable::QuestionList,
        Deletable::Question,
        Deletable::Interaction,
        Deletable::Interview,
    ];

    /// How the user calls one ("follow-up", "timeline entry").
    pub fn noun(self) -> &'static str {
        match self {
            Deletable::Contact => "contact",
            Deletable::Organization => "organisation",
            Deletable::FollowUp => "follow-up",
            Deletable::QuestionList => "question list",
            Deletable::Question => "question",
            Deletable::Interaction => "timeline entry",
            Deletable::Interview => "interview",
        }
    }
}

/// One record: its kind and its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RecordRef {
    pub kind: Deletable,
    pub id: Id,
}

impl RecordRef {
    pub fn new(kind: Deletable, id: Id) -> RecordRef {
        RecordRef { kind, id }
    }
}
