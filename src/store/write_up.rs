//! Writing up a conversation as one unit: the evaluation kept on the interview, each person
//! suggested made a contact (referred by the interviewee) with a follow-up to reach out, each
//! thing to do a follow-up; and the interview moves on from the write-up stage.

use std::collections::HashMap;

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
    /// Records `write_up` for the interview, in one transaction; says how many people it
    /// queued to reach out to (each once) and how many things to do.
    pub fn write_up(
        &self,
        interview_id: Id,
        write_up: &WriteUp,
        clock: &Clock,
        settings: &PlaybookSettings,
    ) -> StoreResult<(usize, usize)> {
        let now = clock.timestamp();
        self.write(|tx| {
            let mut interview: Interview = record::get(tx, interview_id)?;
            let person: Contact = record::get(tx, interview.contact_id)?;
            interview.evaluation = write_up.evaluation.clone();
            record::update(tx, &mut interview, now)?;
            // Each person once, and never the interviewee themself.
            let mut seen = vec![crate::domain::sanitize::name_key(&person.name)];
            let known = known_by_name(tx, &write_up.referrals, &person)?;
            for line in &write_up.referrals {
                let (name, organization) = person_at(line);
                let name = name.as_str();
                let key = crate::domain::sanitize::name_key(name);
                if key.is_empty() || seen.contains(&key) {
                    continue;
                }
                seen.push(key.clone());
                let referral = match known.get(&key).map(Vec::as_slice) {
                    Some([one]) => *one,
                    _ => new_referral(tx, name, organization.as_deref(), &person, now)?,
                };
                // Already on the list to reach out to: once is enough.
                let queued: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM follow_ups WHERE contact_id = ?1 \
                       AND kind = 'action_item' AND done_at IS NULL AND deleted_at IS NULL \
                       AND title LIKE 'Reach out to %')",
                    [referral],
                    |r| r.get(0),
                )?;
                if queued {
                    continue;
                }
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
            Ok((seen.len() - 1, write_up.actions.len()))
        })
    }
}

/// The contact `name` stands for: the one live contact called exactly that (any case) — not a
/// The live contacts (other than `person`) each suggested name stands for — known as typed,
/// in any case, with or without accents or extra spaces — read in one pass over the names.
fn known_by_name(
    tx: &rusqlite::Connection,
    lines: &[String],
    person: &Contact,
) -> StoreResult<HashMap<String, Vec<crate::domain::Id>>> {
    let mut known: HashMap<String, Vec<crate::domain::Id>> = lines
        .iter()
        .map(|line| {
            (
                crate::domain::sanitize::name_key(&person_at(line).0),
                Vec::new(),
            )
        })
        .collect();
    if known.is_empty() {
        return Ok(known);
    }
    let mut names = tx.prepare_cached("SELECT id, name FROM contacts WHERE deleted_at IS NULL")?;
    let rows = names.query_map([], |r| {
        Ok((r.get::<_, crate::domain::Id>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (id, name) = row?;
        if id == person.meta.id {
            continue;
        }
        if let Some(ids) = known.get_mut(&crate::domain::sanitize::name_key(&name)) {
            ids.push(id);
        }
    }
    Ok(known)
}

/// Someone suggested who is not known yet: a new contact, referred by `person`.
fn new_referral(
    tx: &rusqlite::Connection,
    name: &str,
    organization: Option<&str>,
    person: &Contact,
    now: crate::domain::Timestamp,
) -> StoreResult<crate::domain::Id> {
    let mut referral = Contact::named(name, now);
    referral.referred_by = Some(person.meta.id);
    referral.how_met = format!("Suggested by {} in an informational interview", person.name);
    if let Some(organization) = organization {
        referral.organization_id = Some(super::organization_named(tx, organization, now)?);
    }
    record::insert(tx, &referral)?;
    Ok(referral.meta.id)
}

/// A referral line as people write one: "Name", "Name, Organisation" or "Name (Organisation)".
fn person_at(line: &str) -> (String, Option<String>) {
    let line = line.trim();
    let (name, organization) = if let Some((name, rest)) = line.split_once('(') {
        (name, Some(rest.trim_end_matches(')')))
    } else if let Some((name, organization)) = line.split_once(',') {
        (name, Some(organization))
    } else {
        (line, None)
    };
    let organization = organization
        .map(|o| crate::domain::sanitize::line(o.trim()))
        .filter(|o| !o.is_empty());
    (crate::domain::sanitize::line(name.trim()), organization)
}
