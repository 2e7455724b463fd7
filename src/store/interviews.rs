//! Interviews, their meetings and their questions.

pub use crate::domain::rows::EarlierAnswer;
use rusqlite::Connection;

use super::record::{self, select};
use super::{Store, StoreError, StoreResult};
use crate::domain::playbook::{self, Step};
use crate::domain::settings::PlaybookSettings;
use crate::domain::{
    Channel, Clock, Id, Interview, InterviewQuestion, Meeting, Meta, Question, sanitize,
};

/// What the request form records.
#[derive(Debug, Clone)]
pub struct NewRequest {
    pub contact_id: Id,
    pub objective: String,
    pub channel: Channel,
    pub found_via: String,
    pub minutes_asked: u32,
}

/// One conversation at a time with a person: a second open request would nudge them twice and
/// owe two of every step. Refuses when the contact has more than `allowed` open interviews,
/// naming the first. (0 before a new one is started; 1 after a restore, a merge or an import
/// has put one in.)
pub(crate) fn at_most_one_open(
    tx: &Connection,
    contact: Id,
    allowed: usize,
    arriving: Option<Id>,
) -> StoreResult<()> {
    let open: Vec<Interview> = select(
        tx,
        "contact_id = ? AND deleted_at IS NULL AND outcome IS NULL AND stage != 'done' \
         ORDER BY created_at",
        &[&contact],
    )?;
    if open.len() <= allowed {
        return Ok(());
    }
    // The one already there (not the one being brought in), named short enough for a footer.
    let Some(other) = open.iter().find(|i| Some(i.meta.id) != arriving) else {
        return Ok(());
    };
    let person: crate::domain::Contact = record::get(tx, contact)?;
    let mut objective: String = other.objective.chars().take(40).collect();
    if other.objective.chars().count() > 40 {
        objective.push('…');
    }
    Err(StoreError::Invalid(if allowed == 0 {
        format!(
            "{} already has an open interview (“{objective}”): n takes its next step or calls \
             it off",
            person.name
        )
    } else {
        format!(
            "{} would have two open interviews: call “{objective}” off (or delete it) first",
            person.name
        )
    }))
}

/// Starts an interview inside a transaction the caller holds.
pub fn start_interview(
    tx: &Connection,
    request: &NewRequest,
    clock: &Clock,
    settings: &PlaybookSettings,
) -> StoreResult<Interview> {
    if request.minutes_asked == 0 {
        return Err(StoreError::Invalid(
            "the time asked for must be at least a minute".into(),
        ));
    }
    let contact: crate::domain::Contact = record::get(tx, request.contact_id)?;
    if contact.meta.deleted_at.is_some() {
        return Err(StoreError::Invalid(format!(
            "{} is in the trash: restore them first (T, or u)",
            contact.name
        )));
    }
    at_most_one_open(tx, contact.meta.id, 0, None)?;
    let now = clock.timestamp();
    let objective = sanitize::line(&request.objective);
    let mut interview = Interview::requested(contact.meta.id, &objective, request.channel, now);
    interview.found_via = sanitize::line(&request.found_via);
    interview.minutes_asked = request.minutes_asked;
    record::insert(tx, &interview)?;
    let plan = playbook::plan(&interview, &Step::Requested, &contact.name, clock, settings)
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    super::playbook::apply_plan(tx, &mut interview, &contact, &Step::Requested, &plan, clock)?;
    // The "Reach out to …" a write-up queued for them is done: this is the reaching out.
    tx.execute(
        "UPDATE follow_ups SET done_at = ?1, updated_at = ?1 \
         WHERE contact_id = ?2 AND kind = 'action_item' AND done_at IS NULL \
           AND deleted_at IS NULL AND title LIKE 'Reach out to %'",
        rusqlite::params![now, contact.meta.id],
    )?;
    Ok(interview)
}

impl Store {
    /// Starts an interview at the request stage: the request goes on the timeline and a nudge
    /// is scheduled, all in one transaction.
    pub fn start_interview(
        &self,
        request: &NewRequest,
        clock: &Clock,
        settings: &PlaybookSettings,
    ) -> StoreResult<Interview> {
        self.write(|tx| start_interview(tx, request, clock, settings))
    }

    pub fn meetings_of(&self, interview: Id) -> StoreResult<Vec<Meeting>> {
        select(
            self.conn(),
            "interview_id = ? AND deleted_at IS NULL ORDER BY starts_at",
            &[&interview],
        )
    }

    /// One interview's timeline entries, newest first.
    pub fn timeline_of_interview(
        &self,
        interview: Id,
    ) -> StoreResult<Vec<crate::domain::Interaction>> {
        select(
            self.conn(),
            "interview_id = ? AND deleted_at IS NULL ORDER BY occurred_at DESC, id DESC",
            &[&interview],
        )
    }

    /// The questions of one interview, in order.
    pub fn questions_of_interview(&self, interview: Id) -> StoreResult<Vec<InterviewQuestion>> {
        select(
            self.conn(),
            "interview_id = ? AND deleted_at IS NULL ORDER BY position",
            &[&interview],
        )
    }

    /// What this contact answered in their other interviews (answers given, newest first), so
    /// that a question they already answered can be marked when it comes up again.
    pub fn answered_before(
        &self,
        contact: Id,
        except_interview: Id,
    ) -> StoreResult<Vec<EarlierAnswer>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT q.question_id, q.text, q.answer, q.updated_at \
             FROM interview_questions q JOIN interviews i ON i.id = q.interview_id \
             WHERE i.contact_id = ? AND i.id <> ? AND q.answer <> '' \
               AND q.deleted_at IS NULL AND i.deleted_at IS NULL \
             ORDER BY q.updated_at DESC",
        )?;
        let rows = stmt.query_map(rusqlite::params![contact, except_interview], |r| {
            Ok(EarlierAnswer {
                question_id: r.get(0)?,
                text: r.get(1)?,
                answer: r.get(2)?,
                answered_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The questions of one list, in order.
    pub fn questions_of_list(&self, list: Id) -> StoreResult<Vec<Question>> {
        select(
            self.conn(),
            "list_id = ? AND deleted_at IS NULL ORDER BY position",
            &[&list],
        )
    }

    /// Adds a question to an interview, after those it has.
    pub fn add_question(&self, interview: Id, text: &str, clock: &Clock) -> StoreResult<()> {
        let position = self.questions_of_interview(interview)?.len() as u32;
        let question = InterviewQuestion {
            meta: Meta::new(clock.timestamp()),
            interview_id: interview,
            question_id: None,
            position,
            text: sanitize::line(text),
            asked: false,
            answer: String::new(),
        };
        self.insert(&question)
    }

    /// Swaps two questions' places in their interview; returns the interview.
    pub fn swap_questions(&self, a: Id, b: Id, clock: &Clock) -> StoreResult<Id> {
        self.write(|tx| {
            let mut first: InterviewQuestion = record::get(tx, a)?;
            let mut second: InterviewQuestion = record::get(tx, b)?;
            std::mem::swap(&mut first.position, &mut second.position);
            record::update(tx, &mut first, clock.timestamp())?;
            record::update(tx, &mut second, clock.timestamp())?;
            Ok(first.interview_id)
        })
    }

    /// Copies a list's questions into an interview, after those it already has.
    pub fn add_questions_from_list(
        &self,
        interview: Id,
        list: Id,
        clock: &Clock,
    ) -> StoreResult<usize> {
        let questions = self.questions_of_list(list)?;
        let already = self.questions_of_interview(interview)?;
        let start = already.len() as u32;
        // A question the interview holds already (the list added twice, or two lists that
        // share one) is not asked twice.
        let new: Vec<_> = questions
            .iter()
            .filter(|q| {
                !already.iter().any(|held| {
                    held.question_id == Some(q.meta.id)
                        || crate::domain::sanitize::name_key(&held.text)
                            == crate::domain::sanitize::name_key(&q.text)
                })
            })
            .collect();
        self.write(|tx| {
            for (i, question) in new.iter().enumerate() {
                let copy = InterviewQuestion {
                    meta: Meta::new(clock.timestamp()),
                    interview_id: interview,
                    question_id: Some(question.meta.id),
                    position: start + i as u32,
                    text: question.text.clone(),
                    asked: false,
                    answer: String::new(),
                };
                record::insert(tx, &copy)?;
            }
            Ok(new.len())
        })
    }
}
