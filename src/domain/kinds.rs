//! The closed vocabularies of the data: each has a stored text form (the same as in the schema's
//! CHECK constraints and in exports) and a label for people.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Declares an enumeration with its stored text and its human label, plus parsing, `Display`
/// (the label) and serde (the stored text). One definition keeps the three from drifting apart.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored form.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The form shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }

        impl FromStr for $name {
            type Err = String;
            /// Accepts the stored form or the label, in any case, with `-`, `_` or space.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                // The stored form, exactly, is what the database holds: the quick path.
                if let Some(v) = $name::ALL.iter().copied().find(|v| v.as_str() == s) {
                    return Ok(v);
                }
                let wanted = normalise_word(s);
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| normalise_word(v.as_str()) == wanted || normalise_word(v.label()) == wanted)
                    .ok_or_else(|| {
                        let choices: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                        format!("{s:?} is not one of: {}", choices.join(", "))
                    })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

fn normalise_word(s: &str) -> String {
    s.trim()
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

vocabulary!(
    /// Where an interview stands in the playbook.
    Stage {
        Request => "request", "Request";
        Meet => "meet", "Meet";
        Evaluate => "evaluate", "Evaluate";
        ThankYou => "thank_you", "Thank-you";
        Done => "done", "Done";
    }
);

impl Stage {
    pub fn next(self) -> Option<Stage> {
        match self {
            Stage::Request => Some(Stage::Meet),
            Stage::Meet => Some(Stage::Evaluate),
            Stage::Evaluate => Some(Stage::ThankYou),
            Stage::ThankYou => Some(Stage::Done),
            Stage::Done => None,
        }
    }

    pub fn previous(self) -> Option<Stage> {
        match self {
            Stage::Request => None,
            Stage::Meet => Some(Stage::Request),
            Stage::Evaluate => Some(Stage::Meet),
            Stage::ThankYou => Some(Stage::Evaluate),
            Stage::Done => Some(Stage::ThankYou),
        }
    }
}

vocabulary!(
    /// How an interview ended when it did not reach `done`.
    Outcome {
        Declined => "declined", "Declined";
        NoReply => "no_reply", "No reply";
        Cancelled => "cancelled", "Cancelled";
        Redirected => "redirected", "Redirected";
    }
);

vocabulary!(
    /// How the request was made.
    Channel {
        Email => "email", "Email";
        Phone => "phone", "Phone";
        LinkedIn => "linkedin", "LinkedIn";
        InPerson => "in_person", "In person";
        ReferralIntro => "referral_intro", "Referral intro";
        Other => "other", "Other";
    }
);

impl Channel {
    /// How a request made this way shows on the timeline.
    pub fn touch(self) -> InteractionKind {
        match self {
            Channel::Email | Channel::ReferralIntro => InteractionKind::Email,
            Channel::Phone => InteractionKind::Call,
            Channel::LinkedIn => InteractionKind::Message,
            Channel::InPerson | Channel::Other => InteractionKind::Note,
        }
    }
}

vocabulary!(
    /// What came back from a request.
    ReplyStatus {
        Awaiting => "awaiting", "Awaiting reply";
        Accepted => "accepted", "Accepted";
        Declined => "declined", "Declined";
        NoReply => "no_reply", "No reply";
        Redirected => "redirected", "Redirected";
    }
);

vocabulary!(
    MeetingMode {
        InPerson => "in_person", "In person";
        Phone => "phone", "Phone";
        Video => "video", "Video";
    }
);

vocabulary!(
    MeetingStatus {
        Scheduled => "scheduled", "Scheduled";
        Held => "held", "Held";
        NoShow => "no_show", "No-show";
        Rescheduled => "rescheduled", "Rescheduled";
        Cancelled => "cancelled", "Cancelled";
    }
);

vocabulary!(
    /// Why a follow-up exists.
    FollowUpKind {
        ThankYou => "thank_you", "Thank-you";
        Nudge => "nudge", "Nudge";
        Prepare => "prepare", "Prepare";
        ActionItem => "action_item", "Action item";
        KeepInTouch => "keep_in_touch", "Keep in touch";
        Custom => "custom", "Follow-up";
    }
);

vocabulary!(
    /// An open interview's next step, as the playbook derives it from the interview's state
    /// (see `domain::playbook::next`).
    NextKind {
        Nudge => "nudge", "Nudge";
        CloseNoReply => "close_no_reply", "No reply?";
        Reply => "reply", "They wrote back";
        SetMeeting => "set_meeting", "Set the meeting";
        Meeting => "meeting", "Meeting";
        DidItHappen => "did_it_happen", "Did it happen?";
        ThankYou => "thank_you", "Thank-you";
        ThankYouMailed => "thank_you_mailed", "Was it the thank-you?";
        WriteUp => "write_up", "Write-up";
        ProgressUpdate => "progress_update", "Progress update";
    }
);

impl NextKind {
    /// The kind of follow-up that stood for this step before steps were derived (how a list
    /// of both labels it).
    pub fn follow_up_kind(self) -> FollowUpKind {
        match self {
            NextKind::Nudge | NextKind::CloseNoReply | NextKind::Reply => FollowUpKind::Nudge,
            NextKind::SetMeeting | NextKind::Meeting | NextKind::DidItHappen => {
                FollowUpKind::Prepare
            }
            NextKind::ThankYou | NextKind::ThankYouMailed => FollowUpKind::ThankYou,
            NextKind::WriteUp => FollowUpKind::Custom,
            NextKind::ProgressUpdate => FollowUpKind::KeepInTouch,
        }
    }
}

vocabulary!(
    /// What a timeline entry records.
    InteractionKind {
        Email => "email", "Email";
        Call => "call", "Call";
        Message => "message", "Message";
        Meeting => "meeting", "Meeting";
        Note => "note", "Note";
        ThankYou => "thank_you", "Thank-you";
        ThankYouMailed => "thank_you_mailed", "Was it the thank-you?";
        Stage => "stage", "Stage";
        Connected => "connected", "Connected";
    }
);

impl InteractionKind {
    /// Whether it was a touch with the person (a message, a call, a meeting), not a note to
    /// oneself or the record of a stage.
    pub fn is_touch(self) -> bool {
        !matches!(self, InteractionKind::Note | InteractionKind::Stage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_stored_text_and_labels_in_any_case() {
        assert_eq!("thank_you".parse::<Stage>(), Ok(Stage::ThankYou));
        assert_eq!("Thank-you".parse::<Stage>(), Ok(Stage::ThankYou));
        assert_eq!(
            "IN PERSON".parse::<MeetingMode>(),
            Ok(MeetingMode::InPerson)
        );
        let err = "lunch".parse::<MeetingMode>().unwrap_err();
        assert!(err.contains("in_person, phone, video"), "{err}");
    }

    #[test]
    fn stages_step_forward_and_back() {
        assert_eq!(Stage::Request.next(), Some(Stage::Meet));
        assert_eq!(Stage::Done.next(), None);
        assert_eq!(Stage::Meet.previous(), Some(Stage::Request));
        assert_eq!(Stage::Request.previous(), None);
    }
}
