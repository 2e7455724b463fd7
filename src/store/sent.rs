//! A drafted message marked sent, as one unit: the thank-you's words kept on the interview, a
//! request's on the timeline entry that logged it, and the playbook step taken.

use super::playbook::{StepInput, take_step};
use super::record;
use super::{Store, StoreResult};
use crate::domain::drafts::REQUEST_SENT;
use crate::domain::playbook::Step;
use crate::domain::settings::PlaybookSettings;
use crate::domain::{Clock, Id, Interaction, Interview};

/// What was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    /// The thank-you, its words and how it went (kept to read again).
    ThankYou {
        text: String,
        channel: String,
    },
    Nudge,
    /// The progress update after the thank-you: the interview is finished.
    ProgressUpdate,
    /// The request's words, drafted after it was logged: kept on the entry that logged it
    /// (the request is logged once).
    Request {
        text: String,
    },
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
            // Sent: a draft kept for it is done with.
            tx.execute(
                "UPDATE interviews SET draft = '', draft_for = NULL WHERE id = ?1 AND draft_for IS NOT NULL",
                [interview_id],
            )?;
            let step = match sent {
                Sent::ThankYou { text, channel } => {
                    let mut interview: Interview = record::get(tx, interview_id)?;
                    interview.thank_you_text = text.clone();
                    interview.thank_you_channel = channel.clone();
                    record::update(tx, &mut interview, clock.timestamp())?;
                    Step::ThankYouSent
                }
                Sent::Nudge => Step::NudgeSent,
                Sent::ProgressUpdate => Step::ProgressSent,
                Sent::Request { text } => return keep_request_words(tx, interview_id, text, clock),
            };
            take_step(tx, interview_id, &StepInput::from(step), clock, settings)?;
            Ok(())
        })
    }
}

/// Keeps a request's words on the timeline entry that logged the request; an interview with no
/// such entry (imported) gets one.
fn keep_request_words(
    tx: &rusqlite::Connection,
    interview_id: Id,
    text: &str,
    clock: &Clock,
) -> StoreResult<()> {
    let now = clock.timestamp();
    let logged: Vec<Interaction> = record::select(
        tx,
        "interview_id = ? AND deleted_at IS NULL AND (summary LIKE 'Asked %' OR summary = ?) \
         ORDER BY occurred_at LIMIT 1",
        &[&interview_id, &REQUEST_SENT],
    )?;
    match logged.into_iter().next() {
        Some(mut entry) => {
            entry.body = text.to_string();
            record::update(tx, &mut entry, now)
        }
        None => {
            let interview: Interview = record::get(tx, interview_id)?;
            let mut entry = Interaction::new(
                interview.contact_id,
                interview.channel.touch(),
                REQUEST_SENT,
                now,
            );
            entry.interview_id = Some(interview_id);
            entry.body = text.to_string();
            record::insert(tx, &entry)
        }
    }
}

impl Store {
    /// Keeps `text`, drafted for the interview's `step`, to send later.
    pub fn keep_draft(
        &self,
        interview_id: Id,
        step: crate::domain::NextKind,
        text: &str,
        clock: &Clock,
    ) -> StoreResult<()> {
        self.write(|tx| {
            let mut interview: Interview = record::get(tx, interview_id)?;
            interview.draft = text.to_string();
            interview.draft_for = Some(step);
            record::update(tx, &mut interview, clock.timestamp())
        })
    }
}
