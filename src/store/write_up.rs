//! Writing up a conversation as one unit: the evaluation kept on the interview, each person
//! suggested made a contact (referred by the interviewee) with a follow-up to reach out, each
//! thing to do a follow-up; and the interview moves on from the write-up stage.

use chrono::Duration;

use super::playbook::{StepInput, take_step};
use super::record;
use super::{Store, StoreResult};
use crate::domain::playbook::Step;
use crate::domain::settings::PlaybookSettings;
use crate::domain::{Clock, Contact, Evaluation, FollowUp, FollowUpKind, Id, Interview, Stage};

/// What a write-up records.
#[derive(Debug, Clone, Default)]
pub struct WriteUp {
    pub evaluation: Evaluation,
    /// People suggested, a name each.
    pub referrals: Vec<String>,
    /// Things to do, one each.
    pub actions: Vec<String>,
}

impl Store {
    /// Records `write_up` for the interview, in one transaction.
    pub fn write_up(
        &self,
        interview_id: Id,
        write_up: &WriteUp,
        clock: &Clock,
        settings: &PlaybookSettings,
    ) -> StoreResult<()> {
        let now = clock.timestamp();
        self.write(|tx| {
            let mut interview: Interview = record::get(tx, interview_id)?;
            let person: Contact = record::get(tx, interview.contact_id)?;
            interview.evaluation = write_up.evaluation.clone();
            record::update(tx, &mut interview, now)?;
            for name in &write_up.referrals {
                let referral = referral_named(tx, name, &person, now)?;
                let title = format!("Reach out to {name} (suggested by {})", person.name);
                let due = now.plus(Duration::days(2));
                let mut follow_up = FollowUp::new(FollowUpKind::ActionItem, &title, due, now);
                follow_up.contact_id = Some(referral);
                record::insert(tx, &follow_up)?;
            }
            for action in &write_up.actions {
                let due = now.plus(Duration::days(7));
                let mut follow_up = FollowUp::new(FollowUpKind::ActionItem, action, due, now);
                follow_up.contact_id = Some(person.meta.id);
                follow_up.interview_id = Some(interview_id);
                record::insert(tx, &follow_up)?;
            }
            if interview.stage == Stage::Evaluate {
                let step = StepInput::from(Step::Evaluated);
                take_step(tx, interview_id, &step, clock, settings)?;
            }
            Ok(())
        })
    }
}

/// The contact `name` stands for: the one live contact called exactly that (any case) — not a
/// second copy of someone already known — else a new contact, suggested by `person`.
fn referral_named(
    tx: &rusqlite::Connection,
    name: &str,
    person: &Contact,
    now: crate::domain::Timestamp,
) -> StoreResult<crate::domain::Id> {
    let known: Vec<Contact> = record::select(
        tx,
        "name = ? COLLATE NOCASE AND deleted_at IS NULL AND id <> ? LIMIT 2",
        &[&name.trim(), &person.meta.id],
    )?;
    if let [one] = known.as_slice() {
        return Ok(one.meta.id);
    }
    let mut referral = Contact::named(name, now);
    referral.referred_by = Some(person.meta.id);
    referral.how_met = format!("Suggested by {} in an informational interview", person.name);
    record::insert(tx, &referral)?;
    Ok(referral.meta.id)
}
