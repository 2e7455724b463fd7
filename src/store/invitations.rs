//! Taking in calendar invitations: an event whose organiser or guests include someone with an
//! open interview sets or moves that interview's meeting (accepting the request first, when
//! the invitation is the answer to it); a cancelled one — or their declining it — calls the
//! meeting off, so the review asks for a new time. Only the latest version of an event counts
//! (by SEQUENCE and DTSTAMP, remembered across runs); an event from before the request, a whole
//! day, or a gathering of many is left. Already as the invitation says: nothing changes. One
//! transaction.

use chrono::Duration;
use rusqlite::{Connection, OptionalExtension};

use super::playbook::{MeetingDetails, StepInput, take_step};
use super::{Store, StoreResult, record};
use crate::domain::playbook::Step;
use crate::domain::settings::PlaybookSettings;
use crate::domain::{
    Clock, Id, Interaction, InteractionKind, Interview, Meeting, MeetingMode, MeetingStatus,
    NextKind, Stage,
};
use crate::interop::ics_import::Invitation;
use crate::interop::{ImportReport, RowError};

/// Guests besides the user beyond which an event is a gathering, not a conversation.
const PEOPLE_AT_MOST: usize = 2;

/// How far from today an event may be and still be a meeting to set (a year 9999 is a typo).
const YEARS_AWAY_AT_MOST: i64 = 5;

impl Store {
    /// Every live contact's email address, lowercased: who a calendar's events may concern.
    pub fn contact_emails(&self) -> StoreResult<std::collections::HashSet<String>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT email FROM contacts WHERE email <> '' AND deleted_at IS NULL")?;
        let emails = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .map(|e| e.map(|e| e.trim().to_lowercase()))
            .collect::<Result<_, _>>()?;
        Ok(emails)
    }

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
        let latest = latest_versions(invitations);
        let work = |tx: &rusqlite::Transaction<'_>| {
            let taking = Taking {
                tx,
                me,
                clock,
                settings: &settings,
            };
            let mut report = ImportReport::default();
            for invitation in &latest {
                taking.invitation(invitation, &mut report)?;
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

/// Each event once: its latest version in the file (the higher SEQUENCE, then the later
/// DTSTAMP, then the later in the file).
fn latest_versions(invitations: &[Invitation]) -> Vec<&Invitation> {
    let mut latest: Vec<&Invitation> = Vec::new();
    let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let version = |i: &Invitation| (i.sequence, i.stamp.clone());
    for invitation in invitations {
        let kept = (!invitation.uid.is_empty())
            .then(|| at.get(invitation.uid.as_str()).copied())
            .flatten();
        match kept {
            Some(index) if version(invitation) >= version(latest[index]) => {
                latest[index] = invitation;
            }
            Some(_) => {}
            None => {
                at.insert(&invitation.uid, latest.len());
                latest.push(invitation);
            }
        }
    }
    latest
}

struct Taking<'a> {
    tx: &'a Connection,
    me: &'a [String],
    clock: &'a Clock,
    settings: &'a PlaybookSettings,
}

impl Taking<'_> {
    fn invitation(&self, invitation: &Invitation, report: &mut ImportReport) -> StoreResult<()> {
        if self.older_than_seen(invitation)? {
            report.unchanged += 1;
            return Ok(());
        }
        let now = self.clock.timestamp();
        let away = Duration::days(365 * YEARS_AWAY_AT_MOST);
        if invitation.starts_at > now.plus(away) || invitation.starts_at < now.minus(away) {
            report.skipped.push(RowError {
                line: 0,
                message: format!(
                    "the event {:?} is dated {}, years away; left out",
                    invitation.uid,
                    invitation.starts_at.to_text()
                ),
            });
            return Ok(());
        }
        let others: Vec<&(String, bool)> = invitation
            .people
            .iter()
            .filter(|(address, _)| !self.me.iter().any(|m| m.eq_ignore_ascii_case(address)))
            .collect();
        // The user declining it calls it off for everyone on it.
        let i_declined = invitation.people.iter().any(|(address, declined)| {
            *declined && self.me.iter().any(|m| m.eq_ignore_ascii_case(address))
        });
        let mut concerned = false;
        for (address, declined) in &others {
            let Some((contact, name)) = self.contact_by_email(address)? else {
                continue;
            };
            let Some(interview) = self.open_interview(contact)? else {
                continue;
            };
            concerned = true;
            let asked = interview.requested_at.unwrap_or(interview.meta.created_at);
            let when = self.clock.when(invitation.starts_at);
            let left = if invitation.starts_at < asked {
                Some("it is from before the request")
            } else if invitation.all_day {
                Some("it is a whole day, not a meeting's time")
            } else if others.len() > PEOPLE_AT_MOST {
                Some("it is a gathering of many, not your conversation")
            } else {
                None
            };
            if let Some(why) = left {
                report.unchanged += 1;
                report.notices.push(RowError::notice(format!(
                    "The event of {when} with {name} is left: {why}"
                )));
                continue;
            }
            let cancelled = invitation.cancelled || *declined || i_declined;
            self.meeting(&interview, &name, invitation, cancelled, report)?;
        }
        if !concerned {
            report.blank += 1;
        }
        self.remember(invitation)
    }

    /// An older version of an event already taken in (an invitation read again after the
    /// meeting moved): it changes nothing.
    fn older_than_seen(&self, invitation: &Invitation) -> StoreResult<bool> {
        if invitation.uid.is_empty() {
            return Ok(false);
        }
        let seen: Option<(i64, String)> = self
            .tx
            .prepare_cached("SELECT sequence, stamp FROM invitations_seen WHERE uid = ?")?
            .query_row([&invitation.uid], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(seen.is_some_and(|seen| seen > (invitation.sequence, invitation.stamp.clone())))
    }

    fn remember(&self, invitation: &Invitation) -> StoreResult<()> {
        if !invitation.uid.is_empty() {
            self.tx
                .prepare_cached(
                    "INSERT INTO invitations_seen (uid, sequence, stamp) VALUES (?1, ?2, ?3) \
                     ON CONFLICT (uid) DO UPDATE SET sequence = ?2, stamp = ?3",
                )?
                .execute(rusqlite::params![
                    invitation.uid,
                    invitation.sequence,
                    invitation.stamp
                ])?;
        }
        Ok(())
    }

    fn contact_by_email(&self, address: &str) -> StoreResult<Option<(Id, String)>> {
        Ok(self
            .tx
            .prepare_cached(
                // `email <> ''` lets the (partial) email index answer: no scan per guest.
                "SELECT id, name FROM contacts WHERE email = ? COLLATE NOCASE \
                 AND email <> '' AND deleted_at IS NULL LIMIT 1",
            )?
            .query_row([address], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    fn open_interview(&self, contact: Id) -> StoreResult<Option<Interview>> {
        Ok(record::select::<Interview>(
            self.tx,
            "contact_id = ? AND deleted_at IS NULL AND outcome IS NULL AND stage <> 'done' \
             ORDER BY created_at DESC LIMIT 1",
            &[&contact],
        )?
        .into_iter()
        .next())
    }

    fn meeting(
        &self,
        interview: &Interview,
        name: &str,
        invitation: &Invitation,
        cancelled: bool,
        report: &mut ImportReport,
    ) -> StoreResult<()> {
        let tx = self.tx;
        let scheduled: Option<Meeting> = record::select::<Meeting>(
            tx,
            "interview_id = ? AND status = 'scheduled' AND deleted_at IS NULL \
             ORDER BY starts_at DESC LIMIT 1",
            &[&interview.meta.id],
        )?
        .into_iter()
        .next();
        let when = self.clock.when(invitation.starts_at);
        if cancelled {
            let Some(mut meeting) = scheduled.filter(|m| m.starts_at == invitation.starts_at)
            else {
                report.unchanged += 1;
                return Ok(());
            };
            let now = self.clock.timestamp();
            meeting.status = MeetingStatus::Cancelled;
            record::update(tx, &mut meeting, now)?;
            let mut entry = Interaction::new(
                interview.contact_id,
                InteractionKind::Meeting,
                &format!("The meeting of {when} with {name} was called off (calendar)"),
                now,
            );
            entry.interview_id = Some(interview.meta.id);
            record::insert(tx, &entry)?;
            report.updated += 1;
            report.notices.push(RowError::notice(format!(
                "The meeting with {name} {when} is called off: the review asks for a new time"
            )));
            return Ok(());
        }
        let minutes = invitation
            .minutes
            .unwrap_or(self.settings.default_meeting_minutes);
        if scheduled
            .as_ref()
            .is_some_and(|m| m.starts_at == invitation.starts_at && m.duration_minutes == minutes)
        {
            report.unchanged += 1;
            return Ok(());
        }
        // The invitation is their yes, when the request was still waiting.
        if interview.stage == Stage::Request {
            take_step(
                tx,
                interview.meta.id,
                &Step::Accepted.into(),
                self.clock,
                self.settings,
            )?;
        }
        let owed =
            crate::store::steps::step_row(tx, interview.meta.id, name, self.clock, self.settings)?
                .map(|row| row.step.kind);
        if !matches!(
            owed,
            Some(NextKind::SetMeeting | NextKind::Meeting | NextKind::DidItHappen)
        ) {
            report.unchanged += 1;
            report.notices.push(RowError::notice(format!(
                "The invitation of {when} with {name} is left: the meeting has been held"
            )));
            return Ok(());
        }
        let place = invitation.place.clone();
        let online = place.contains("://") || place.is_empty();
        let input = StepInput {
            step: Step::MeetingScheduled {
                starts_at: invitation.starts_at,
            },
            meeting: Some(MeetingDetails {
                duration_minutes: minutes,
                mode: if online {
                    MeetingMode::Video
                } else {
                    MeetingMode::InPerson
                },
                place,
            }),
        };
        take_step(tx, interview.meta.id, &input, self.clock, self.settings)?;
        report.updated += 1;
        let verb = if scheduled.is_some() {
            "moved to"
        } else {
            "set for"
        };
        report.notices.push(RowError::notice(format!(
            "The meeting with {name} is {verb} {when}"
        )));
        Ok(())
    }
}
