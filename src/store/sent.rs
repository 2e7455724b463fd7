//! A drafted thank-you or nudge marked sent, as one unit: the thank-you's words kept on the
//! interview, and the playbook step taken.

use super::playbook::{StepInput, take_step};
use super::record;
use super::{Store, StoreResult};
use crate::domain::playbook::Step;
use crate::domain::settings::PlaybookSettings;
use crate::domain::{Clock, Id, Interview};

/// What was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    /// The thank-you, its words and how it went (kept to read again).
    ThankYou {
        text: String,
        channel: String,
    },
    Nudge,
}

impl Store {
    /// Records that `sent` went out for the interview, in one transaction.
    pub fn message_sent(
        &self,
        interview_id: Id,
        sent: &Sent,
        clock: &Clock,
        settings: &PlaybookSettings,
    ) -> StoreResult<()> {
        self.write(|tx| {
            let step = match sent {
                Sent::ThankYou { text, channel } => {
                    let mut interview: Interview = record::get(tx, interview_id)?;
                    interview.thank_you_text = text.clone();
                    interview.thank_you_channel = channel.clone();
                    record::update(tx, &mut interview, clock.timestamp())?;
                    Step::ThankYouSent
                }
                Sent::Nudge => Step::NudgeSent,
            };
            take_step(tx, interview_id, &StepInput::from(step), clock, settings)?;
            Ok(())
        })
    }
}
