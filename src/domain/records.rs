//! The records rolo keeps, one struct per table. Every record carries its id, its creation and
//! last-change times, and a tombstone (`deleted_at`) so that deletes can be undone and merged.

use serde::{Deserialize, Serialize};

use super::{
    Channel, FollowUpKind, Id, InteractionKind, MeetingMode, MeetingStatus, NextKind, Outcome,
    ReplyStatus, Stage, Timestamp,
};

/// The bookkeeping every record shares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub id: Id,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

impl Meta {
    pub fn new(now: Timestamp) -> Meta {
        Meta {
            id: Id::new(),
            created_at: now,
            updated_at: now,
            deleted_at: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    pub meta: Meta,
    pub name: String,
    pub website: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub meta: Meta,
    pub name: String,
    pub title: String,
    pub organization_id: Option<Id>,
    pub email: String,
    pub phone: String,
    pub linkedin: String,
    pub location: String,
    pub how_met: String,
    pub referred_by: Option<Id>,
    pub keep_in_touch_days: Option<u32>,
    pub notes: String,
}

impl Contact {
    /// A contact with only a name, the rest empty.
    pub fn named(name: &str, now: Timestamp) -> Contact {
        Contact {
            meta: Meta::new(now),
            name: name.to_string(),
            title: String::new(),
            organization_id: None,
            email: String::new(),
            phone: String::new(),
            linkedin: String::new(),
            location: String::new(),
            how_met: String::new(),
            referred_by: None,
            keep_in_touch_days: None,
            notes: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub meta: Meta,
    pub name: String,
}

/// The evaluation written after a meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub key_points: String,
    /// Answers to the evaluation prompts, by prompt key (see `assets/evaluation.toml`).
    pub skills: String,
    pub qualify: String,
    pub enjoy: String,
    pub pay: String,
    pub organization: String,
    pub field_needs: String,
    pub new_ideas: String,
    pub offered_reference: bool,
    pub offered_resume_review: bool,
    pub may_contact_again: bool,
}

impl Contact {
    /// Where to reach them in one step: their LinkedIn page, else an email to them — an
    /// https or mailto link made only of what such an address holds, nothing else (a field
    /// filled by an import can hold anything).
    pub fn link(&self) -> Option<String> {
        linkedin_page(&self.linkedin).or_else(|| {
            let email = self.email.trim();
            let plausible = email
                .split_once('@')
                .is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.'))
                && email
                    .chars()
                    .all(|c| c.is_alphanumeric() || "@.-_+'".contains(c));
            plausible.then(|| format!("mailto:{email}"))
        })
    }
}

/// A LinkedIn profile as an https address ("linkedin.com/in/ada" → "https://linkedin.com/in/ada");
/// `None` for anything that is not one.
pub fn linkedin_page(field: &str) -> Option<String> {
    let text = field.trim();
    let address = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .unwrap_or(text)
        .trim_start_matches('/');
    let host = address
        .split('/')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let on_linkedin = host == "linkedin.com" || host.ends_with(".linkedin.com");
    let clean = address
        .chars()
        .all(|c| c.is_alphanumeric() || "/-_.%~?=&#:".contains(c));
    (on_linkedin && clean && address.len() > host.len() + 1).then(|| format!("https://{address}"))
}

/// An organisation's website as an https (or http) address; `None` for anything else.
pub fn website_page(field: &str) -> Option<String> {
    let text = field.trim();
    let (scheme, address) = match text.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("https") => ("https", rest),
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") => ("http", rest),
        Some(_) => return None,
        None => ("https", text),
    };
    let host = address.split('/').next().unwrap_or_default();
    let plausible = host.contains('.')
        && !host.starts_with('-')
        && address
            .chars()
            .all(|c| c.is_alphanumeric() || "/-_.%~?=&#:+".contains(c));
    plausible.then(|| format!("{scheme}://{address}"))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interview {
    pub meta: Meta,
    pub contact_id: Id,
    pub stage: Stage,
    pub outcome: Option<Outcome>,
    pub objective: String,
    pub found_via: String,
    pub channel: Channel,
    pub requested_at: Option<Timestamp>,
    pub minutes_asked: u32,
    pub reply_status: ReplyStatus,
    pub replied_at: Option<Timestamp>,
    pub redirected_to: Option<Id>,
    pub nudges_sent: u32,
    pub evaluation: Evaluation,
    pub evaluated_at: Option<Timestamp>,
    pub thanked_at: Option<Timestamp>,
    pub thank_you_channel: String,
    pub thank_you_text: String,
    pub closed_at: Option<Timestamp>,
    /// When the last nudge went out.
    #[serde(default)]
    pub nudged_at: Option<Timestamp>,
    /// The write-up was skipped on purpose: it is owed no longer.
    #[serde(default)]
    pub write_up_skipped: bool,
    /// When the progress update after the thank-you went out: nothing is owed after it.
    #[serde(default)]
    pub progress_sent_at: Option<Timestamp>,
    /// A snoozed next step: which one, and until when (a later state's step is not moved).
    #[serde(default)]
    pub snoozed_step: Option<NextKind>,
    #[serde(default)]
    pub snoozed_until: Option<Timestamp>,
    /// A message drafted for a step and kept to send later, and the step it is for.
    #[serde(default)]
    pub draft: String,
    #[serde(default)]
    pub draft_for: Option<NextKind>,
    /// A message from them after the request was sent (their mail or LinkedIn), not yet
    /// answered in the review: the request's next step asks what they said.
    #[serde(default)]
    pub heard_back_at: Option<Timestamp>,
    /// A message to them within two days after the meeting: the thank-you's step asks whether
    /// it was the thank-you.
    #[serde(default)]
    pub mailed_at: Option<Timestamp>,
}

impl Interview {
    /// A new interview at the request stage.
    pub fn requested(contact_id: Id, objective: &str, channel: Channel, now: Timestamp) -> Self {
        Interview {
            meta: Meta::new(now),
            contact_id,
            stage: Stage::Request,
            outcome: None,
            objective: objective.to_string(),
            found_via: String::new(),
            channel,
            requested_at: Some(now),
            minutes_asked: 20,
            reply_status: ReplyStatus::Awaiting,
            replied_at: None,
            redirected_to: None,
            nudges_sent: 0,
            evaluation: Evaluation {
                may_contact_again: true,
                ..Evaluation::default()
            },
            evaluated_at: None,
            thanked_at: None,
            thank_you_channel: String::new(),
            thank_you_text: String::new(),
            closed_at: None,
            nudged_at: None,
            write_up_skipped: false,
            progress_sent_at: None,
            snoozed_step: None,
            snoozed_until: None,
            draft: String::new(),
            draft_for: None,
            heard_back_at: None,
            mailed_at: None,
        }
    }

    /// Open means still moving through the playbook: not done, and no terminal outcome.
    pub fn is_open(&self) -> bool {
        self.outcome.is_none() && self.stage != Stage::Done
    }

    /// Finished: nothing more is owed on it (a terminal outcome, or the progress update sent
    /// after the thank-you).
    pub fn is_finished(&self) -> bool {
        self.outcome.is_some() || self.progress_sent_at.is_some() || self.meta.deleted_at.is_some()
    }

    /// Written up, or the write-up skipped on purpose.
    pub fn is_written_up(&self) -> bool {
        self.evaluated_at.is_some() || self.write_up_skipped
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub meta: Meta,
    pub interview_id: Id,
    pub starts_at: Timestamp,
    pub duration_minutes: u32,
    pub mode: MeetingMode,
    pub place: String,
    pub status: MeetingStatus,
    pub notes: String,
}

impl Meeting {
    pub fn ends_at(&self) -> Timestamp {
        self.starts_at
            .plus(chrono::Duration::minutes(i64::from(self.duration_minutes)))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionList {
    pub meta: Meta,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub meta: Meta,
    pub list_id: Id,
    pub position: u32,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewQuestion {
    pub meta: Meta,
    pub interview_id: Id,
    pub question_id: Option<Id>,
    pub position: u32,
    pub text: String,
    pub asked: bool,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub meta: Meta,
    pub contact_id: Option<Id>,
    pub interview_id: Option<Id>,
    pub kind: FollowUpKind,
    pub title: String,
    pub notes: String,
    pub due_at: Timestamp,
    pub done_at: Option<Timestamp>,
    pub snoozed_count: u32,
}

impl FollowUp {
    pub fn new(kind: FollowUpKind, title: &str, due_at: Timestamp, now: Timestamp) -> FollowUp {
        FollowUp {
            meta: Meta::new(now),
            contact_id: None,
            interview_id: None,
            kind,
            title: title.to_string(),
            notes: String::new(),
            due_at,
            done_at: None,
            snoozed_count: 0,
        }
    }

    pub fn is_open(&self) -> bool {
        self.done_at.is_none() && self.meta.deleted_at.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interaction {
    pub meta: Meta,
    pub contact_id: Id,
    pub interview_id: Option<Id>,
    pub kind: InteractionKind,
    pub summary: String,
    pub body: String,
    pub occurred_at: Timestamp,
}

impl Interaction {
    pub fn new(contact_id: Id, kind: InteractionKind, summary: &str, at: Timestamp) -> Self {
        Interaction {
            meta: Meta::new(at),
            contact_id,
            interview_id: None,
            kind,
            summary: summary.to_string(),
            body: String::new(),
            occurred_at: at,
        }
    }
}
