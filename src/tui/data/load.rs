//! The reads behind each effect: the only place the app asks the store for data to show.

use chrono::Duration;

use crate::domain::{Clock, Contact, Id, Organization, Stage, Timestamp};
use crate::store::{ContactRow, FollowUpRow, MeetingRow, Page, Store, StoreResult};
use crate::tui::data::effect::ContactFetch;
use crate::tui::data::loaded::{HomeData, Loaded};
use crate::tui::model::{Column, ContactDetail, Header, Link, Pipeline, QuestionListView, Section};
use crate::tui::screens::home::contact_index::IndexRow;
use crate::tui::screens::home::contacts_window::CONTACT_CHUNK;
use crate::tui::screens::nav::Nav;

/// How far ahead the meetings pane looks.
const MEETINGS_AHEAD_DAYS: i64 = 14;
pub use crate::domain::numbers::COUNT_CAP;

/// The newest timeline entries a contact screen shows.
const TIMELINE_SHOWN: u64 = 300;

/// Home's header and panes; `limits` are the meetings and follow-ups asked for.
pub fn home(
    store: &Store,
    clock: &Clock,
    (meetings, follow_ups): (usize, usize),
) -> StoreResult<HomeData> {
    let start_of_today = clock.start_of(clock.today());
    let long_ago = Timestamp(chrono::DateTime::UNIX_EPOCH);
    let overdue = store.count_owed(long_ago, start_of_today, COUNT_CAP)?;
    let due_today = store.count_owed(start_of_today, clock.end_of_today(), COUNT_CAP)?;
    let far_future = clock.timestamp().plus(Duration::days(3650));
    let next_meeting = store
        .meetings_between(clock.timestamp(), far_future, 1)?
        .into_iter()
        .next()
        .map(|m| (m.contact_name, m.starts_at));
    Ok(HomeData {
        header: Header {
            overdue,
            due_today,
            next_meeting,
        },
        contacts_total: store.contacts_total()? as usize,
        meetings: self::meetings(store, clock, meetings)?,
        meetings_total: meetings_total(store, clock)?,
        follow_ups: self::follow_ups(store, clock, follow_ups)?,
        question_lists: store.question_lists()?,
    })
}

/// Meetings from the start of today to two weeks ahead.
pub fn meetings(store: &Store, clock: &Clock, limit: usize) -> StoreResult<Vec<MeetingRow>> {
    let until = clock.timestamp().plus(Duration::days(MEETINGS_AHEAD_DAYS));
    store.meetings_between(clock.start_of(clock.today()), until, limit as u64)
}

/// How many meetings `meetings` would list without a limit.
fn meetings_total(store: &Store, clock: &Clock) -> StoreResult<usize> {
    let until = clock.timestamp().plus(Duration::days(MEETINGS_AHEAD_DAYS));
    let total = store.count_meetings_between(clock.start_of(clock.today()), until)?;
    Ok(usize::try_from(total).unwrap_or(usize::MAX))
}

/// Open follow-ups and interviews' next steps due by the end of the coming week, most overdue
/// first.
pub fn follow_ups(store: &Store, clock: &Clock, limit: usize) -> StoreResult<Vec<FollowUpRow>> {
    store.owed_before(clock.end_of_week(), limit as u64, clock)
}

pub fn contacts(store: &Store, fetch: &ContactFetch, total: usize) -> StoreResult<Vec<ContactRow>> {
    let chunk = CONTACT_CHUNK as u64;
    match fetch {
        ContactFetch::At(start) => store.contacts_at(
            Page {
                offset: *start as u64,
                limit: chunk,
            },
            total as u64,
        ),
        ContactFetch::After(row) => store.contacts_after(row, chunk),
        ContactFetch::Before(row) => store.contacts_before(row, chunk),
    }
}

pub fn contact(store: &Store, id: Id, clock: &Clock) -> StoreResult<ContactDetail> {
    let contact: Contact = store.get(id)?;
    let interviews = store.interviews_of(id)?;
    // Only what is live is shown beside them: someone in the trash is not their referrer
    // here (as in every export), nor a deleted organisation their work.
    let organization = match contact.organization_id {
        Some(org) => Some(store.get::<Organization>(org)?)
            .filter(|o| o.meta.deleted_at.is_none())
            .map(|o| o.name),
        None => None,
    };
    let mut people = Vec::new();
    let referrer = match contact.referred_by {
        Some(id) => Some(store.get::<Contact>(id)?).filter(|r| r.meta.deleted_at.is_none()),
        None => None,
    };
    if let Some(referrer) = referrer {
        people.push(Link {
            id: referrer.meta.id,
            name: referrer.name,
            referred_by: true,
        });
    }
    for referral in store.referrals_of(id)? {
        people.push(Link {
            id: referral.meta.id,
            name: referral.name,
            referred_by: false,
        });
    }
    Ok(ContactDetail {
        organization,
        people,
        tags: store.tags_of(id)?,
        owed: {
            let ids: Vec<(Id, String)> = interviews
                .iter()
                .map(|i| (i.meta.id, contact.name.clone()))
                .collect();
            let owed = store.owed_by_each(&ids, clock)?;
            interviews
                .iter()
                .map(|i| (i.meta.id, owed.get(&i.meta.id).copied()))
                .collect()
        },
        interviews,
        follow_ups: store.open_follow_ups_of(id)?,
        timeline: store.timeline_of(id, TIMELINE_SHOWN)?,
        contact,
        section: Section::People,
        navs: [Nav::default(); 4],
    })
}

pub fn pipeline(store: &Store, limit: usize, clock: &Clock) -> StoreResult<Pipeline> {
    let mut columns = Stage::ALL
        .iter()
        .map(|stage| {
            let (total, cards) = store.open_interviews_at(*stage, limit as u64)?;
            Ok(Column {
                stage: *stage,
                total,
                cards,
                nav: Nav::default(),
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    // What every card owes, read for the whole board at once.
    let ids: Vec<(Id, String)> = columns
        .iter()
        .flat_map(|c| &c.cards)
        .map(|c| (c.interview_id, c.contact_name.clone()))
        .collect();
    let owed = store.owed_by_each(&ids, clock)?;
    for card in columns.iter_mut().flat_map(|c| &mut c.cards) {
        card.next = owed.get(&card.interview_id).copied();
    }
    Ok(Pipeline {
        columns,
        column: 0,
        limit,
    })
}

pub fn question_list(store: &Store, id: Id) -> StoreResult<QuestionListView> {
    let list = store
        .question_lists()?
        .into_iter()
        .find(|l| l.id == id)
        .ok_or_else(|| crate::store::StoreError::NotFound {
            what: "question list",
            id: id.to_string(),
        })?;
    Ok(QuestionListView {
        questions: store.questions_of_list(id)?,
        list,
        nav: Nav::default(),
    })
}

/// Contacts loaded into the filter's index per idle step: about a millisecond's work.
const INDEX_CHUNK: u64 = 1_000;

/// The next chunk of the filter's index (with the organisations, for the first).
pub fn contact_index_chunk(
    store: &Store,
    after: Option<&(String, Id)>,
    first: bool,
) -> StoreResult<Loaded> {
    let organizations = if first {
        Some(store.organization_names()?)
    } else {
        None
    };
    let rows: Vec<IndexRow> = store
        .contact_names_after(after, INDEX_CHUNK)?
        .into_iter()
        .map(|(id, name, organization_id)| IndexRow {
            id,
            name,
            organization_id,
        })
        .collect();
    let complete = (rows.len() as u64) < INDEX_CHUNK;
    Ok(Loaded::ContactIndexChunk {
        organizations,
        rows,
        complete,
    })
}

/// Meeting mode's screen: the interview's questions in order.
pub fn meeting(
    store: &Store,
    interview: Id,
    clock: &Clock,
) -> StoreResult<crate::tui::model::MeetingView> {
    let record: crate::domain::Interview = store.get(interview)?;
    let contact: Contact = store.get(record.contact_id)?;
    // The timer runs against the meeting as set (30 minutes agreed for 20 asked is 30); with
    // no meeting set, against the time asked for.
    let minutes = store
        .meetings_of(interview)?
        .iter()
        .rev()
        .find(|m| m.status != crate::domain::MeetingStatus::Cancelled)
        .map_or(record.minutes_asked, |m| m.duration_minutes);
    Ok(crate::tui::model::MeetingView {
        interview,
        contact_name: contact.name,
        minutes_asked: minutes,
        opened_at: clock.timestamp(),
        questions: store.questions_of_interview(interview)?,
        nav: Nav::default(),
        earlier: store.answered_before(record.contact_id, interview)?,
    })
}
