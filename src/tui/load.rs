//! The reads behind each effect: the only place the app asks the store for data to show.

use chrono::Duration;

use super::effect::{ContactFetch, HomeData};
use super::model::{Column, ContactDetail, Header, Link, Pipeline, QuestionListView, Section};
use super::nav::Nav;
use super::update::CONTACT_CHUNK;
use crate::domain::{Clock, Contact, Id, Organization, Stage};
use crate::store::{ContactRow, Page, Store, StoreResult};

/// How far ahead the meetings pane looks.
const MEETINGS_AHEAD_DAYS: i64 = 14;
/// Bounds on the home panes: enough for any screen, never the whole table.
const MEETINGS_SHOWN: u64 = 200;
const FOLLOW_UPS_SHOWN: u64 = 500;
const TIMELINE_SHOWN: u64 = 300;
const CARDS_SHOWN: u64 = 200;

pub fn home(store: &Store, clock: &Clock) -> StoreResult<HomeData> {
    let overdue = store.count_open_follow_ups_before(clock.start_of(clock.today()))?;
    let due_by_tonight = store.count_open_follow_ups_before(clock.end_of_today())?;
    let far_future = clock.timestamp().plus(Duration::days(3650));
    let next_meeting = store
        .meetings_between(clock.timestamp(), far_future, 1)?
        .into_iter()
        .next()
        .map(|m| (m.contact_name, m.starts_at));
    Ok(HomeData {
        header: Header {
            overdue,
            due_today: due_by_tonight - overdue,
            next_meeting,
        },
        contacts_total: store.count::<Contact>()? as usize,
        meetings: store.meetings_between(
            clock.start_of(clock.today()),
            clock.timestamp().plus(Duration::days(MEETINGS_AHEAD_DAYS)),
            MEETINGS_SHOWN,
        )?,
        follow_ups: store.open_follow_ups_before(clock.end_of_week(), FOLLOW_UPS_SHOWN)?,
        question_lists: store.question_lists()?,
    })
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

pub fn contact(store: &Store, id: Id) -> StoreResult<ContactDetail> {
    let contact: Contact = store.get(id)?;
    let organization = match contact.organization_id {
        Some(org) => Some(store.get::<Organization>(org)?.name),
        None => None,
    };
    let mut people = Vec::new();
    if let Some(referrer) = contact.referred_by {
        let referrer: Contact = store.get(referrer)?;
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
        interviews: store.interviews_of(id)?,
        follow_ups: store.open_follow_ups_of(id)?,
        timeline: store.timeline_of(id, TIMELINE_SHOWN)?,
        contact,
        section: Section::People,
        navs: [Nav::default(); 4],
    })
}

pub fn pipeline(store: &Store) -> StoreResult<Pipeline> {
    let columns = Stage::ALL
        .iter()
        .map(|stage| {
            let (total, cards) = store.open_interviews_at(*stage, CARDS_SHOWN)?;
            Ok(Column {
                stage: *stage,
                total,
                cards,
                nav: Nav::default(),
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(Pipeline { columns, column: 0 })
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
