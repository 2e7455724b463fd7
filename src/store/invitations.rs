//! Taking in calendar invitations: an event whose organiser or guests include someone with an
//! open interview sets or moves that interview's meeting (accepting the request first, when
//! the invitation is the answer to it); a cancelled one calls the meeting off, so the review
//! asks for a new time. Already as the invitation says: nothing changes. One transaction.

use rusqlite::Connection;

use super::playbook::{MeetingDetails, StepInput, take_step};
use super::{Store, StoreResult, record};
use crate::domain::playbook::Step;
use crate::domain::settings::PlaybookSettings;
use crate::domain::{
    Clock, Id, Interaction, InteractionKind, Interview, Meeting, MeetingMode, MeetingStatus,
    NextKind, Stage,
};
use crate::interop::ImportReport;
use crate::interop::ics_import::Invitation;
use crate::store::messages::notice;

impl Store {
    /// Takes in `invitations` (`me`: the user's own addresses, never a contact's), in one
    /// transaction, rolled back at the end for a dry run.
    pub fn take_in_invitations(
        &self,
        invitations: &[Invitation],
        me: &[String],
        dry_run: bool,
        clock: &Clock,
    ) -> StoreResult<ImportReport> {
        let settings = self.playbook().clone();
        let work = |tx: &rusqlite::Transaction<'_>| {
            let mut report = ImportReport::default();
            for invitation in invitations {
                invitation_in(tx, invitation, me, clock, &settings, &mut report)?;
            }
            Ok(report)
        };
        if dry_run {
            self.rehearse(work)
        } else {
            self.write(work)
        }
    }
}

fn invitation_in(
    tx: &Connection,
    invitation: &Invitation,
    me: &[String],
    clock: &Clock,
    settings: &PlaybookSettings,
    report: &mut ImportReport,
) -> StoreResult<()> {
    let mut concerned = false;
    for address in &invitation.people {
        if me.iter().any(|m| m.eq_ignore_ascii_case(address)) {
            continue;
        }
        let Some((contact, name)) = tx
            .prepare_cached(
                "SELECT id, name FROM contacts WHERE email = ? COLLATE NOCASE \
                 AND deleted_at IS NULL LIMIT 1",
            )?
            .query_row([address], |r| {
                Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?))
            })
            .ok()
        else {
            continue;
        };
        let Some(interview) = record::select::<Interview>(
            tx,
            "contact_id = ? AND deleted_at IS NULL AND outcome IS NULL AND stage <> 'done' \
             ORDER BY created_at DESC LIMIT 1",
            &[&contact],
        )?
        .into_iter()
        .next() else {
            continue;
        };
        concerned = true;
        meeting_in(tx, &interview, &name, invitation, clock, settings, report)?;
    }
    if !concerned {
        report.blank += 1;
    }
    Ok(())
}

fn meeting_in(
    tx: &Connection,
    interview: &Interview,
    name: &str,
    invitation: &Invitation,
    clock: &Clock,
    settings: &PlaybookSettings,
    report: &mut ImportReport,
) -> StoreResult<()> {
    let scheduled: Option<Meeting> = record::select::<Meeting>(
        tx,
        "interview_id = ? AND status = 'scheduled' AND deleted_at IS NULL \
         ORDER BY starts_at DESC LIMIT 1",
        &[&interview.meta.id],
    )?
    .into_iter()
    .next();
    let when = clock.when(invitation.starts_at);
    if invitation.cancelled {
        let Some(mut meeting) = scheduled.filter(|m| m.starts_at == invitation.starts_at) else {
            report.unchanged += 1;
            return Ok(());
        };
        let now = clock.timestamp();
        meeting.status = MeetingStatus::Cancelled;
        record::update(tx, &mut meeting, now)?;
        let mut entry = Interaction::new(
            interview.contact_id,
            InteractionKind::Meeting,
            &format!("{name} called off the meeting of {when} (calendar)"),
            now,
        );
        entry.interview_id = Some(interview.meta.id);
        record::insert(tx, &entry)?;
        report.updated += 1;
        report.notices.push(notice(format!(
            "The meeting with {name} {when} is called off: the review asks for a new time"
        )));
        return Ok(());
    }
    if scheduled.as_ref().is_some_and(|m| {
        m.starts_at == invitation.starts_at && m.duration_minutes == invitation.minutes
    }) {
        report.unchanged += 1;
        return Ok(());
    }
    // The invitation is their yes, when the request was still waiting.
    if interview.stage == Stage::Request {
        take_step(
            tx,
            interview.meta.id,
            &Step::Accepted.into(),
            clock,
            settings,
        )?;
    }
    let owed = crate::store::steps::step_row(tx, interview.meta.id, name, clock, settings)?
        .map(|row| row.step.kind);
    if !matches!(
        owed,
        Some(NextKind::SetMeeting | NextKind::Meeting | NextKind::DidItHappen)
    ) {
        report.unchanged += 1;
        report.notices.push(notice(format!(
            "The invitation of {when} with {name} is left: the meeting has been held"
        )));
        return Ok(());
    }
    let input = StepInput {
        step: Step::MeetingScheduled {
            starts_at: invitation.starts_at,
        },
        meeting: Some(MeetingDetails {
            duration_minutes: invitation.minutes,
            mode: if invitation.place.is_empty() {
                MeetingMode::Video
            } else {
                MeetingMode::InPerson
            },
            place: invitation.place.clone(),
        }),
    };
    take_step(tx, interview.meta.id, &input, clock, settings)?;
    report.updated += 1;
    let verb = if scheduled.is_some() {
        "moved to"
    } else {
        "set for"
    };
    report
        .notices
        .push(notice(format!("The meeting with {name} is {verb} {when}")));
    Ok(())
}
