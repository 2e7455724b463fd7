//! Applying a playbook step: the interview's new state, its follow-ups, its meeting and its
//! timeline entry, in one transaction.

use rusqlite::Connection;

use super::record;
use super::{Store, StoreError, StoreResult};
use crate::domain::playbook::{self, Plan, Step};
use crate::domain::settings::PlaybookSettings;
use crate::domain::{
    Clock, Contact, FollowUp, FollowUpKind, Id, Interaction, Interview, Meeting, MeetingMode,
    MeetingStatus, Meta, sanitize,
};

/// One step, with the meeting details that scheduling needs.
#[derive(Debug, Clone)]
pub struct StepInput {
    pub step: Step,
    pub meeting: Option<MeetingDetails>,
}

impl From<Step> for StepInput {
    fn from(step: Step) -> Self {
        StepInput {
            step,
            meeting: None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct MeetingDetails {
    pub duration_minutes: u32,
    pub mode: MeetingMode,
    pub place: String,
}

impl Store {
    /// Takes one playbook step on an interview, or refuses it with the reason.
    pub fn apply_step(
        &self,
        interview_id: Id,
        input: &StepInput,
        clock: &Clock,
        settings: &PlaybookSettings,
    ) -> StoreResult<Interview> {
        self.write(|tx| {
            if let Step::MeetingHeld { .. } = input.step {
                not_before_it_starts(tx, interview_id, clock)?;
            }
            take_step(tx, interview_id, input, clock, settings)
        })
    }
}

/// A meeting cannot have taken place before it starts: marking it held then is refused, with
/// what to do if it moved.
fn not_before_it_starts(tx: &Connection, interview_id: Id, clock: &Clock) -> StoreResult<()> {
    let meetings: Vec<Meeting> = record::select(
        tx,
        "interview_id = ? AND deleted_at IS NULL AND status = 'scheduled' ORDER BY starts_at",
        &[&interview_id],
    )?;
    match meetings.last() {
        Some(meeting) if meeting.starts_at > clock.timestamp() => {
            Err(StoreError::Invalid(format!(
                "the meeting is set for {}: it has not started yet (if it moved, set the new time)",
                clock.when(meeting.starts_at)
            )))
        }
        _ => Ok(()),
    }
}

/// Takes one step inside a transaction the caller holds (the demo data takes thousands in one).
pub fn take_step(
    tx: &Connection,
    interview_id: Id,
    input: &StepInput,
    clock: &Clock,
    settings: &PlaybookSettings,
) -> StoreResult<Interview> {
    let mut interview: Interview = record::get(tx, interview_id)?;
    let contact: Contact = record::get(tx, interview.contact_id)?;
    let plan = playbook::plan(&interview, &input.step, &contact.name, clock, settings)
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    update_meeting(tx, &interview, input, clock, settings)?;
    apply_plan(tx, &mut interview, &contact, &input.step, &plan, clock)?;
    // Reopening one (moving it back) may not leave the person two open interviews.
    if interview.is_open() {
        super::interviews::at_most_one_open(tx, contact.meta.id, 1, Some(interview.meta.id))?;
    }
    Ok(interview)
}

/// Writes a plan: the interview's new state, the contact a redirect points to, the timeline.
pub(super) fn apply_plan(
    tx: &Connection,
    interview: &mut Interview,
    contact: &Contact,
    step: &Step,
    plan: &Plan,
    clock: &Clock,
) -> StoreResult<()> {
    let now = clock.timestamp();
    *interview = plan.after.clone();
    if let Some(redirect) = &plan.redirect {
        let to = create_redirect_contact(tx, contact, &redirect.to_name, clock)?;
        let mut follow_up = FollowUp::new(
            FollowUpKind::ActionItem,
            &redirect.title,
            redirect.due_at,
            now,
        );
        follow_up.contact_id = Some(to);
        record::insert(tx, &follow_up)?;
        interview.redirected_to = Some(to);
    }
    record::update(tx, interview, now)?;

    if let (Step::MeetingHeld { .. }, Some(referrer)) = (step, contact.referred_by) {
        thank_the_introducer(tx, referrer, contact, now)?;
    }

    let mut entry = Interaction::new(
        contact.meta.id,
        plan.timeline_kind,
        &plan.timeline_summary,
        now,
    );
    entry.interview_id = Some(interview.meta.id);
    record::insert(tx, &entry)
}

/// Whoever introduced the interviewee hears how it went: a follow-up to thank them.
fn thank_the_introducer(
    tx: &Connection,
    referrer: Id,
    contact: &Contact,
    now: crate::domain::Timestamp,
) -> StoreResult<()> {
    let Some(introducer) = record::find::<Contact>(tx, referrer)? else {
        return Ok(());
    };
    if introducer.meta.deleted_at.is_some() {
        return Ok(());
    }
    let title = format!(
        "Thank {} for the introduction to {}, and say how it went",
        introducer.name, contact.name
    );
    // A thank-you, not "a reminder you set": the playbook queued it.
    let mut follow_up = FollowUp::new(
        FollowUpKind::ThankYou,
        &title,
        now.plus(chrono::Duration::days(1)),
        now,
    );
    follow_up.contact_id = Some(introducer.meta.id);
    record::insert(tx, &follow_up)
}

/// The person a redirect points to becomes a contact referred by the interviewee.
fn create_redirect_contact(
    tx: &Connection,
    referrer: &Contact,
    to_name: &str,
    clock: &Clock,
) -> StoreResult<Id> {
    let name = sanitize::line(to_name);
    if name.is_empty() {
        return Err(StoreError::Invalid(
            "the name of the person they suggested is required".into(),
        ));
    }
    let mut contact = Contact::named(&name, clock.timestamp());
    contact.referred_by = Some(referrer.meta.id);
    contact.how_met = format!("Suggested by {}", referrer.name);
    record::insert(tx, &contact)?;
    Ok(contact.meta.id)
}

/// Scheduling creates or moves the interview's meeting; holding or missing it records that.
fn update_meeting(
    tx: &Connection,
    interview: &Interview,
    input: &StepInput,
    clock: &Clock,
    settings: &PlaybookSettings,
) -> StoreResult<()> {
    let now = clock.timestamp();
    let scheduled: Option<Meeting> = record::select::<Meeting>(
        tx,
        "interview_id = ? AND status = 'scheduled' AND deleted_at IS NULL ORDER BY starts_at DESC LIMIT 1",
        &[&interview.meta.id],
    )?
    .into_iter()
    .next();
    match (&input.step, scheduled) {
        (Step::MeetingScheduled { starts_at }, existing) => {
            let details = input.meeting.clone().unwrap_or(MeetingDetails {
                duration_minutes: settings.default_meeting_minutes,
                mode: MeetingMode::Video,
                place: String::new(),
            });
            let mut meeting = existing.unwrap_or(Meeting {
                meta: Meta::new(now),
                interview_id: interview.meta.id,
                starts_at: *starts_at,
                duration_minutes: details.duration_minutes,
                mode: details.mode,
                place: String::new(),
                status: MeetingStatus::Scheduled,
                notes: String::new(),
            });
            meeting.starts_at = *starts_at;
            meeting.duration_minutes = details.duration_minutes.max(1);
            meeting.mode = details.mode;
            meeting.place = sanitize::line(&details.place);
            record::upsert(tx, &{
                meeting.meta.updated_at = now;
                meeting
            })
        }
        (Step::MeetingHeld { .. }, Some(mut meeting)) => {
            meeting.status = MeetingStatus::Held;
            record::update(tx, &mut meeting, now)
        }
        // Held with no meeting set (it was arranged elsewhere): the meeting is recorded, as
        // long as a default one, ending when it was marked, so that it is counted as met.
        (Step::MeetingHeld { ends_at }, None) => {
            let minutes = settings.default_meeting_minutes.max(1);
            let meeting = Meeting {
                meta: Meta::new(now),
                interview_id: interview.meta.id,
                starts_at: ends_at.minus(chrono::Duration::minutes(i64::from(minutes))),
                duration_minutes: minutes,
                mode: MeetingMode::Video,
                place: String::new(),
                status: MeetingStatus::Held,
                notes: String::new(),
            };
            record::insert(tx, &meeting)
        }
        (Step::MeetingMissed, Some(mut meeting)) => {
            meeting.status = MeetingStatus::NoShow;
            record::update(tx, &mut meeting, now)
        }
        // Called off (or closed another way) with a meeting still set: the meeting is off too,
        // out of the upcoming meetings, today's queue and the calendar export.
        (
            Step::Cancel | Step::Declined | Step::NoReply | Step::Redirected { .. },
            Some(mut meeting),
        ) => {
            meeting.status = MeetingStatus::Cancelled;
            record::update(tx, &mut meeting, now)
        }
        // Back from the meeting to the request: the meeting set is off (a new one is set when
        // they answer again), out of the upcoming meetings and the calendar export.
        (Step::MoveBack, Some(mut meeting)) if interview.stage == crate::domain::Stage::Meet => {
            meeting.status = MeetingStatus::Cancelled;
            record::update(tx, &mut meeting, now)
        }
        // Back from the write-up to the meeting: the meeting is not marked held any more, so
        // the next step asks again whether it happened.
        (Step::MoveBack, None)
            if interview.stage == crate::domain::Stage::Evaluate && interview.outcome.is_none() =>
        {
            match super::steps::latest_meeting(tx, interview.meta.id)? {
                Some(mut meeting) if meeting.status == MeetingStatus::Held => {
                    meeting.status = MeetingStatus::Scheduled;
                    record::update(tx, &mut meeting, now)
                }
                _ => Ok(()),
            }
        }
        _ => Ok(()),
    }
}
