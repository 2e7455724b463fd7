//! Taking in messages from the user's mail or LinkedIn: each one with someone rolo knows
//! becomes a timeline entry (when, which way, the subject — never the text), once however
//! often the mailbox is read, and says what it tells their open interview — a reply to the
//! request, or what may have been the thank-you — as a fact the review asks about. All of one
//! mailbox is one transaction.

use std::collections::HashMap;
use std::ops::ControlFlow;

use chrono::Duration;
use rusqlite::{Connection, OptionalExtension};

use super::record;
use super::{Store, StoreError, StoreResult};
use crate::domain::{
    Clock, Id, Interaction, Interview, Meeting, MeetingStatus, ReplyStatus, Stage, Timestamp,
};
use crate::interop::identity::profile_key;
use crate::interop::mail::{Already, Found, ReadTo};
use crate::interop::messages::{Message, Party};
use crate::interop::{ImportReport, RowError};

/// How many messages are read between two words of progress.
const PROGRESS_EVERY: u64 = 256;

/// How long after a meeting a message to them may be the thank-you.
const THANK_YOU_WITHIN_HOURS: i64 = 48;

/// A reader of messages: hands each thing it finds to the callback; an error is a file that
/// cannot be read at all (nothing is taken in then).
pub type Reader<'a> =
    dyn FnMut(&Already<'_>, &mut dyn FnMut(Found) -> ControlFlow<()>) -> Result<(), String> + 'a;

/// Why messages were not taken in.
#[derive(Debug)]
pub enum MessagesError {
    Unreadable(String),
    Store(StoreError),
}

impl From<StoreError> for MessagesError {
    fn from(e: StoreError) -> Self {
        MessagesError::Store(e)
    }
}

impl Store {
    /// Takes in what `read` finds, in one transaction (rolled back at the end for a dry run).
    /// `me` are the user's own addresses: a message from one of them went out.
    pub fn take_in_messages(
        &self,
        me: &[String],
        dry_run: bool,
        clock: &Clock,
        progress: &mut dyn FnMut(u64, u64) -> ControlFlow<()>,
        read: &mut Reader<'_>,
    ) -> Result<ImportReport, MessagesError> {
        let outcome: std::cell::RefCell<Option<String>> = std::cell::RefCell::new(None);
        let work = |tx: &rusqlite::Transaction<'_>| -> StoreResult<ImportReport> {
            let mut taking = Taking::new(tx, me, clock)?;
            let people = taking.people.clone();
            let already = |source: &str| {
                read_to(tx, source)
                    .ok()
                    .flatten()
                    .filter(|(_, then)| *then == people)
                    .map(|(read, _)| read)
            };
            let mut failed: StoreResult<()> = Ok(());
            let mut found_so_far = 0u64;
            let read_result = read(&already, &mut |found| {
                let counted = !matches!(found, Found::ReadTo(_));
                found_so_far += u64::from(counted);
                // Said every few hundred, and asked whether to go on (Esc in the app,
                // Ctrl-C on the command line): stopping leaves everything as it was.
                if counted
                    && found_so_far.is_multiple_of(PROGRESS_EVERY)
                    && progress(found_so_far, 0).is_break()
                {
                    failed = Err(StoreError::Cancelled);
                    return ControlFlow::Break(());
                }
                match taking.take(found) {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(e) => {
                        failed = Err(e);
                        ControlFlow::Break(())
                    }
                }
            });
            failed?;
            if let Err(why) = read_result {
                *outcome.borrow_mut() = Some(why.clone());
                return Err(StoreError::Invalid(why));
            }
            Ok(taking.report)
        };
        let done = if dry_run {
            self.rehearse(work)
        } else {
            self.bulk_write(work)
        };
        match (done, outcome.into_inner()) {
            (_, Some(why)) => Err(MessagesError::Unreadable(why)),
            (Ok(report), None) => Ok(report),
            (Err(e), None) => Err(e.into()),
        }
    }
}

/// How far a source was read (an mbox: its bytes, their fingerprint and lines; a Maildir
/// file: at all), and who rolo knew then.
fn read_to(tx: &Connection, source: &str) -> StoreResult<Option<(ReadTo, String)>> {
    Ok(tx
        .prepare_cached(
            "SELECT read_to, fingerprint, lines, people FROM mailbox_read WHERE source = ?",
        )?
        .query_row([source], |r| {
            Ok((
                ReadTo {
                    source: source.to_string(),
                    read_to: r.get(0)?,
                    fingerprint: r.get(1)?,
                    lines: r.get(2)?,
                },
                r.get(3)?,
            ))
        })
        .optional()?)
}

/// Who rolo knows, as of now: how many contacts (in the trash too) and the latest change to
/// any. Adding one, giving one an address or restoring one changes it.
fn people_stamp(tx: &Connection) -> StoreResult<String> {
    Ok(tx.query_row(
        "SELECT count(*) || '|' || coalesce(max(updated_at), '') FROM contacts",
        [],
        |r| r.get(0),
    )?)
}

/// One mailbox being taken in: who rolo knows by address and profile, and the report so far.
struct Taking<'a> {
    tx: &'a Connection,
    me: Vec<String>,
    clock: &'a Clock,
    by_email: HashMap<String, (Id, String)>,
    by_profile: HashMap<String, (Id, String)>,
    /// Who rolo knows (see `people_stamp`), kept beside what is read.
    people: String,
    report: ImportReport,
}

impl<'a> Taking<'a> {
    fn new(tx: &'a Connection, me: &[String], clock: &'a Clock) -> StoreResult<Taking<'a>> {
        let mut by_email = HashMap::new();
        let mut by_profile = HashMap::new();
        let mut stmt = tx.prepare(
            "SELECT id, name, email, linkedin FROM contacts \
             WHERE deleted_at IS NULL AND (email <> '' OR linkedin <> '')",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let (id, name): (Id, String) = (row.get(0)?, row.get(1)?);
            let (email, linkedin): (String, String) = (row.get(2)?, row.get(3)?);
            if !email.is_empty() {
                by_email.insert(email.trim().to_lowercase(), (id, name.clone()));
            }
            if !linkedin.is_empty() {
                by_profile.insert(profile_key(&linkedin), (id, name));
            }
        }
        Ok(Taking {
            tx,
            me: me.iter().map(|m| m.trim().to_lowercase()).collect(),
            clock,
            by_email,
            by_profile,
            people: people_stamp(tx)?,
            report: ImportReport::default(),
        })
    }

    fn known(&self, party: &Party) -> Option<(Id, String)> {
        match party {
            Party::Email(e) if self.me.contains(e) => None,
            Party::Email(e) => self.by_email.get(e).cloned(),
            Party::Profile(p) => self.by_profile.get(p).cloned(),
        }
    }

    fn take(&mut self, found: Found) -> StoreResult<()> {
        match found {
            Found::Problem(problem) => self.report.skipped.push(problem),
            Found::ReadTo(read) => {
                self.tx
                    .prepare_cached(
                        "INSERT INTO mailbox_read (source, read_to, fingerprint, lines, people) \
                         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (source) DO UPDATE \
                         SET read_to = ?2, fingerprint = ?3, lines = ?4, people = ?5",
                    )?
                    .execute(rusqlite::params![
                        read.source,
                        read.read_to,
                        read.fingerprint,
                        read.lines,
                        self.people
                    ])?;
            }
            // A date a day or more ahead (a wrong clock, a spam trick) would stand as the last
            // touch for years: left out, and said.
            Found::Message(message)
                if message.at > self.clock.timestamp().plus(Duration::days(1)) =>
            {
                self.report.skipped.push(RowError {
                    line: 0,
                    message: format!(
                        "the message from {} of {} ({}) is dated in the future; left out",
                        message.from.text(),
                        message.at.to_text(),
                        if message.subject.is_empty() {
                            "no subject"
                        } else {
                            &message.subject
                        },
                    ),
                });
            }
            Found::Message(message) => self.message(&message)?,
        }
        Ok(())
    }

    /// From someone rolo knows: in. Otherwise, to the people rolo knows on it: out — when it
    /// came from the user (one of `me`, or anyone when `me` is not set).
    fn message(&mut self, message: &Message) -> StoreResult<()> {
        if let Some(sender) = self.known(&message.from) {
            return self.with(message, sender, true);
        }
        let from_me = match &message.from {
            Party::Email(e) => self.me.is_empty() || self.me.contains(e),
            Party::Profile(_) => true,
        };
        let mut people: Vec<(Id, String)> = Vec::new();
        if from_me {
            for party in &message.to {
                if let Some(person) = self.known(party)
                    && !people.iter().any(|(id, _)| *id == person.0)
                {
                    people.push(person);
                }
            }
        }
        if people.is_empty() {
            self.report.blank += 1;
        }
        for person in people {
            self.with(message, person, false)?;
        }
        Ok(())
    }

    fn with(
        &mut self,
        message: &Message,
        (contact, name): (Id, String),
        came_in: bool,
    ) -> StoreResult<()> {
        let summary = summary_of(message, &name, came_in);
        // Taken in before — remembered by its key, or (a database restored from a JSON
        // export, which carries the timeline but not this memory) already on the timeline.
        let seen: bool = self
            .tx
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM messages_seen WHERE message_key = ?1 AND contact_id = ?2) \
                 OR EXISTS (SELECT 1 FROM interactions WHERE contact_id = ?2 AND occurred_at = ?3 \
                            AND summary = ?4 AND kind IN ('email', 'message') \
                            AND deleted_at IS NULL)",
            )?
            .query_row(
                rusqlite::params![message.key, contact, message.at, summary],
                |r| r.get(0),
            )?;
        if seen {
            self.report.unchanged += 1;
            return Ok(());
        }
        let now = self.clock.timestamp();
        let mut open: Option<Interview> = record::select::<Interview>(
            self.tx,
            "contact_id = ? AND deleted_at IS NULL AND outcome IS NULL AND stage <> 'done' \
             ORDER BY created_at DESC LIMIT 1",
            &[&contact],
        )?
        .into_iter()
        .next();
        let mut entry = Interaction::new(contact, message.kind, &summary, message.at);
        entry.meta.created_at = now;
        entry.meta.updated_at = now;
        // About the interview only from when it began (an older message was about something else).
        entry.interview_id = open
            .as_ref()
            .filter(|i| message.at >= i.requested_at.unwrap_or(i.meta.created_at))
            .map(|i| i.meta.id);
        record::insert(self.tx, &entry)?;
        self.tx
            .prepare_cached(
                "INSERT INTO messages_seen (message_key, contact_id, interaction_id, seen_at) \
                 VALUES (?, ?, ?, ?)",
            )?
            .execute(rusqlite::params![message.key, contact, entry.meta.id, now])?;
        self.report.added += 1;
        if let Some(interview) = open.as_mut() {
            self.tells(interview, message, &name, came_in)?;
        }
        Ok(())
    }

    /// What the message tells their open interview: a reply to the request (not a message
    /// passed on, and not one from before it), or — within two days after the meeting — what
    /// may have been the thank-you. Noted for the review to ask; nothing is advanced.
    fn tells(
        &mut self,
        interview: &mut Interview,
        message: &Message,
        name: &str,
        came_in: bool,
    ) -> StoreResult<()> {
        let day = |at: Timestamp| self.clock.local_date_of(at).format("%-d %b").to_string();
        let asked = interview.requested_at.unwrap_or(interview.meta.created_at);
        if came_in
            && !message.not_a_reply
            && interview.stage == Stage::Request
            && interview.reply_status == ReplyStatus::Awaiting
            && message.at >= asked
            && interview.heard_back_at.is_none_or(|seen| message.at < seen)
        {
            interview.heard_back_at = Some(message.at);
            record::update(self.tx, interview, self.clock.timestamp())?;
            self.report.notices.push(RowError::notice(format!(
                "{name} wrote back on {}: the review asks what they said",
                day(message.at)
            )));
            return Ok(());
        }
        if came_in || interview.thanked_at.is_some() || interview.mailed_at.is_some() {
            return Ok(());
        }
        // Held, or set and its time past but not yet marked (mail is often read in before the
        // review marks the meeting held): the step asks once the meeting is held.
        let met: Option<Meeting> = record::select::<Meeting>(
            self.tx,
            "interview_id = ? AND deleted_at IS NULL AND status IN ('held', 'scheduled') \
             ORDER BY starts_at DESC LIMIT 1",
            &[&interview.meta.id],
        )?
        .into_iter()
        .next();
        if let Some(meeting) =
            met.filter(|m| matches!(m.status, MeetingStatus::Held | MeetingStatus::Scheduled))
        {
            let end = meeting.ends_at();
            if message.at >= end && message.at <= end.plus(Duration::hours(THANK_YOU_WITHIN_HOURS))
            {
                interview.mailed_at = Some(message.at);
                record::update(self.tx, interview, self.clock.timestamp())?;
                self.report.notices.push(RowError::notice(format!(
                    "Your message to {name} on {} may have been the thank-you: the review asks \
                     once the meeting is marked held",
                    day(message.at)
                )));
            }
        }
        Ok(())
    }
}

/// The timeline's words for a message: "Email from Ada Lovelace: Re: coffee".
fn summary_of(message: &Message, name: &str, came_in: bool) -> String {
    let what = match message.kind {
        crate::domain::InteractionKind::Message => "LinkedIn message",
        _ => "Email",
    };
    let way = if came_in { "from" } else { "to" };
    let summary = if message.subject.is_empty() {
        format!("{what} {way} {name}")
    } else {
        format!("{what} {way} {name}: {}", message.subject)
    };
    summary
        .chars()
        .take(crate::domain::limits::ONE_LINE)
        .collect()
}
