//! Realistic sample data: a network of contacts with organisations and referral chains, and
//! interviews at every stage of the playbook, walked there through the real playbook code so
//! that their follow-ups and timelines are exactly what a user's would be. Deterministic for a
//! given size; dates are relative to the clock, so there is always something this week.

use chrono::{Datelike, Duration, NaiveTime, Weekday};
use rusqlite::Connection;

use crate::domain::playbook::Step;
use crate::domain::settings::PlaybookSettings;
use crate::domain::{
    Channel, Clock, Contact, FollowUp, FollowUpKind, Id, Interaction, InteractionKind, Interview,
    InterviewQuestion, MeetingMode, Meta, Organization, Timestamp,
};
use crate::store::interviews::{NewRequest, start_interview};
use crate::store::playbook::{MeetingDetails, StepInput, take_step};
use crate::store::{Store, StoreResult, record};

mod words;

use words::{ANSWERS, CITIES, FIRST, LAST, OBJECTIVES, ORGS, TITLES, TOUCHES};

/// A small, fast, deterministic generator (SplitMix64): the demo must look the same every run.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// What the demo made.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    pub contacts: u64,
    pub organizations: u64,
    pub interviews: u64,
}

/// The default size of `rolo demo` and `rolo --demo`.
pub const DEFAULT_CONTACTS: u64 = 60;

/// Fills the store with `contacts` contacts, a third of them with an interview, in one
/// transaction.
pub fn fill(store: &Store, contacts: u64, clock: &Clock) -> StoreResult<DemoSummary> {
    fill_with(store, contacts, clock, &PlaybookSettings::default())
}

/// As `fill`, the interviews walked on `settings` (the config file's playbook numbers).
pub fn fill_with(
    store: &Store,
    contacts: u64,
    clock: &Clock,
    settings: &PlaybookSettings,
) -> StoreResult<DemoSummary> {
    store.bulk_write(|tx| {
        let mut dice = Dice(42);
        let org_count = (contacts / 6).clamp(1, 5_000);
        let orgs = make_organizations(tx, org_count, clock)?;
        let people = make_contacts(tx, contacts, &orgs, &mut dice, clock)?;
        let interviews = (contacts / 3).max(1).min(contacts);
        for k in 0..interviews {
            let who = people[(k * 3 % contacts) as usize];
            walk_interview(tx, who, k, &mut dice, clock, settings)?;
        }
        Ok(DemoSummary {
            contacts,
            organizations: org_count,
            interviews,
        })
    })
}

fn make_organizations(tx: &Connection, count: u64, clock: &Clock) -> StoreResult<Vec<Id>> {
    (0..count)
        .map(|i| {
            let base = ORGS[(i % ORGS.len() as u64) as usize];
            let round = i / ORGS.len() as u64;
            let name = if round == 0 {
                base.to_string()
            } else {
                format!("{base} {}", round + 1)
            };
            let website = format!("https://{}.example", name.to_lowercase().replace(' ', "-"));
            let org = Organization {
                meta: Meta::new(clock.timestamp().minus(Duration::days(400))),
                name,
                website,
                notes: String::new(),
            };
            record::insert(tx, &org)?;
            Ok(org.meta.id)
        })
        .collect()
}

fn person_name(i: u64) -> String {
    let (f, l) = (FIRST.len() as u64, LAST.len() as u64);
    let first = FIRST[(i % f) as usize];
    // (b·(1+13f) + 13a) mod l is one-to-one in b, so every first/last pair comes up once.
    let last = LAST[((i / f + 13 * i) % l) as usize];
    match i / (f * l) {
        0 => format!("{first} {last}"),
        n => format!("{first} {}. {last}", (b'A' + ((n - 1) % 26) as u8) as char),
    }
}

fn make_contacts(
    tx: &Connection,
    count: u64,
    orgs: &[Id],
    dice: &mut Dice,
    clock: &Clock,
) -> StoreResult<Vec<Id>> {
    let mut ids = Vec::with_capacity(count as usize);
    for i in 0..count {
        let added = clock
            .timestamp()
            .minus(Duration::days(30 + dice.below(700) as i64));
        let mut contact = Contact::named(&person_name(i), added);
        let handle = contact
            .name
            .to_lowercase()
            .replace(['.', ' '], "-")
            .replace("--", "-");
        contact.title = dice.pick(TITLES).to_string();
        contact.organization_id = Some(orgs[dice.below(orgs.len() as u64) as usize]);
        contact.email = if i % 4 == 0 {
            String::new()
        } else {
            format!("{handle}@example.com")
        };
        contact.linkedin = format!("https://www.linkedin.com/in/{handle}-{i}");
        contact.location = dice.pick(CITIES).to_string();
        contact.phone = if i % 3 == 0 {
            format!("+1 555 01{:02}", i % 100)
        } else {
            String::new()
        };
        // Every fifth contact was introduced by someone met earlier: referral chains.
        if i % 5 == 4 && !ids.is_empty() {
            contact.referred_by = Some(ids[dice.below(ids.len() as u64) as usize]);
            contact.how_met = "Introduced by a contact".into();
        } else {
            contact.how_met = "LinkedIn".into();
        }
        record::insert(tx, &contact)?;
        // A few tags, as people use them: where they met someone, and what for.
        for (every, tag) in [(4, "alumni"), (7, "mentor"), (11, "design")] {
            if i % every == 1 {
                crate::store::tag_contact(tx, contact.meta.id, tag, added)?;
            }
        }
        let mut entry = Interaction::new(
            contact.meta.id,
            InteractionKind::Connected,
            "Connected on LinkedIn",
            added,
        );
        entry.meta.created_at = added;
        record::insert(tx, &entry)?;
        // Touches: one for everyone, a second for a third of them (the timeline's bulk).
        for _ in 0..(1 + u64::from(i % 3 == 0)) {
            let when = clock
                .timestamp()
                .minus(Duration::days(1 + dice.below(120) as i64));
            let (kind, summary) = TOUCHES[dice.below(TOUCHES.len() as u64) as usize];
            record::insert(tx, &Interaction::new(contact.meta.id, kind, summary, when))?;
        }
        // Follow-ups beyond the playbook's: an action item already done, a custom reminder.
        if i % 3 == 2 {
            let due = clock
                .timestamp()
                .minus(Duration::days(5 + dice.below(60) as i64));
            let mut f = FollowUp::new(
                FollowUpKind::ActionItem,
                &format!("Send {} the article we discussed", contact.name),
                due,
                added,
            );
            f.contact_id = Some(contact.meta.id);
            f.done_at = Some(due);
            record::insert(tx, &f)?;
        }
        if i % 5 == 0 {
            let due = clock
                .timestamp()
                .plus(Duration::days(3 + dice.below(90) as i64));
            let mut f = FollowUp::new(
                FollowUpKind::Custom,
                &format!("Ask {} about their conference talk", contact.name),
                due,
                added,
            );
            f.contact_id = Some(contact.meta.id);
            record::insert(tx, &f)?;
        }
        if i % 3 == 1 {
            let due = clock
                .timestamp()
                .plus(Duration::days(dice.below(60) as i64 - 20));
            let mut f = FollowUp::new(
                FollowUpKind::KeepInTouch,
                &format!("Check in with {}", contact.name),
                due,
                added,
            );
            f.contact_id = Some(contact.meta.id);
            record::insert(tx, &f)?;
        }
        ids.push(contact.meta.id);
    }
    Ok(ids)
}

/// A weekday `days` from today at `hour`, in the user's zone.
fn working_time(clock: &Clock, days: i64, hour: u32) -> Timestamp {
    let mut day = clock.today() + Duration::days(days);
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
        day += Duration::days(if days >= 0 { 1 } else { -1 });
    }
    clock.at_local(
        day,
        NaiveTime::from_hms_opt(hour % 24, 0, 0).unwrap_or(NaiveTime::MIN),
    )
}

/// Walks interview `k` through the playbook as far as its place in the cycle says, each step
/// taken at a plausible moment in the past.
fn walk_interview(
    tx: &Connection,
    contact: Id,
    k: u64,
    dice: &mut Dice,
    clock: &Clock,
    settings: &PlaybookSettings,
) -> StoreResult<()> {
    let at = |t: Timestamp| Clock::fixed(t.0, clock.offset);
    let variant = k % 10;
    let asked_days_ago: i64 = match variant {
        0 | 1 => 2 + dice.below(12) as i64,
        2 | 3 => 8 + dice.below(5) as i64,
        4 | 5 => 7 + dice.below(3) as i64,
        8 | 9 => 8 + dice.below(6) as i64,
        _ => 18 + dice.below(40) as i64,
    };
    let asked = working_time(clock, -asked_days_ago, 9);
    let request = NewRequest {
        contact_id: contact,
        objective: dice.pick(OBJECTIVES).to_string(),
        channel: [Channel::Email, Channel::LinkedIn, Channel::ReferralIntro]
            [dice.below(3) as usize],
        found_via: "Alumni network".into(),
        minutes_asked: settings.default_minutes_asked,
    };
    let interview = start_interview(tx, &request, &at(asked), settings)?;
    let id = interview.meta.id;
    let step =
        |step: Step, when: Timestamp, meeting: Option<MeetingDetails>| -> StoreResult<Interview> {
            take_step(tx, id, &StepInput { step, meeting }, &at(when), settings)
        };
    let replied = asked.plus(Duration::days(2));
    match variant {
        0 => return Ok(()),
        1 => {
            step(
                Step::NudgeSent,
                asked.plus(Duration::days(7)).min(clock.timestamp()),
                None,
            )?;
            return Ok(());
        }
        8 => {
            let last = if k % 20 == 8 {
                Step::Declined
            } else {
                Step::NoReply
            };
            step(last, replied, None)?;
            return Ok(());
        }
        9 if k % 20 == 9 => {
            step(
                Step::Redirected {
                    to_name: person_name(k + 7_919),
                },
                replied,
                None,
            )?;
            return Ok(());
        }
        _ => {}
    }
    step(Step::Accepted, replied, None)?;
    let meeting_at = match variant {
        2 => working_time(clock, 1 + dice.below(5) as i64, 10 + dice.below(6) as u32),
        3 => working_time(clock, 0, 11 + (k % 6) as u32),
        _ => working_time(clock, -(asked_days_ago - 6).max(1), 11),
    };
    let (mode, place) = [
        (MeetingMode::Video, "Video link in the invite"),
        (MeetingMode::Phone, "They will call my mobile"),
        (MeetingMode::InPerson, "Café near their office"),
    ][dice.below(3) as usize];
    let details = MeetingDetails {
        duration_minutes: 30,
        mode,
        place: place.into(),
    };
    step(
        Step::MeetingScheduled {
            starts_at: meeting_at,
        },
        replied,
        Some(details),
    )?;
    add_questions(tx, id, matches!(variant, 2 | 3), dice, clock)?;
    if matches!(variant, 2 | 3) {
        return Ok(());
    }
    if variant == 9 {
        step(Step::Cancel, meeting_at.minus(Duration::days(1)), None)?;
        return Ok(());
    }
    let ended = meeting_at.plus(Duration::minutes(30));
    step(Step::MeetingHeld { ends_at: ended }, ended, None)?;
    if variant == 4 {
        return Ok(());
    }
    let mut interview: Interview = record::get(tx, id)?;
    interview.evaluation.key_points = dice.pick(ANSWERS).to_string();
    interview.evaluation.skills = "Yes: research and writing, less coding than I feared.".into();
    interview.evaluation.offered_resume_review = k.is_multiple_of(4);
    record::update(tx, &mut interview, ended)?;
    step(Step::Evaluated, ended.plus(Duration::hours(2)), None)?;
    if variant == 5 {
        return Ok(());
    }
    step(Step::ThankYouSent, ended.plus(Duration::hours(20)), None)?;
    Ok(())
}

/// The first question list copied into the interview; answered when the meeting is past.
fn add_questions(
    tx: &Connection,
    interview: Id,
    upcoming: bool,
    dice: &mut Dice,
    clock: &Clock,
) -> StoreResult<()> {
    let list = Id::from_static("0193a000-0000-7000-8000-000000000001");
    let questions: Vec<crate::domain::Question> = record::select(
        tx,
        "list_id = ? AND deleted_at IS NULL ORDER BY position",
        &[&list],
    )?;
    for (position, question) in questions.iter().take(5).enumerate() {
        let asked = !upcoming && position < 4;
        let copy = InterviewQuestion {
            meta: Meta::new(clock.timestamp()),
            interview_id: interview,
            question_id: Some(question.meta.id),
            position: position as u32,
            text: question.text.clone(),
            asked,
            answer: if asked {
                dice.pick(ANSWERS).to_string()
            } else {
                String::new()
            },
        };
        record::insert(tx, &copy)?;
    }
    Ok(())
}
