//! The insights screen from a database whose every figure is known, under the fixed clock
//! (Tuesday 24 November 2026): the funnel, replies by channel and by draft, referrals, the
//! weeks, organisations — and the screen itself, as a snapshot.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::drafts::REQUEST_SENT;
use rolo::domain::{
    Channel, Contact, Id, Interaction, InteractionKind, Interview, Meeting, MeetingMode,
    MeetingStatus, Meta, Organization, ReplyStatus, Timestamp,
};
use rolo::store::Store;
use support::tui::Tester;
use support::{TempStore, clock};

fn at(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

fn organization(db: &Store, name: &str) -> Id {
    let org = Organization {
        meta: Meta::new(at("2026-10-01T09:00:00.000Z")),
        name: name.into(),
        website: String::new(),
        notes: String::new(),
    };
    db.insert(&org).unwrap();
    org.meta.id
}

fn contact(db: &Store, name: &str, org: Option<Id>, referred_by: Option<Id>) -> Id {
    let mut c = Contact::named(name, at("2026-10-01T09:00:00.000Z"));
    c.organization_id = org;
    c.referred_by = referred_by;
    db.insert(&c).unwrap();
    c.meta.id
}

/// An interview asked on `asked`, answered `reply` on `replied`.
fn interview(
    db: &Store,
    contact: Id,
    channel: Channel,
    asked: &str,
    reply: ReplyStatus,
    replied: Option<&str>,
) -> Id {
    let mut i = Interview::requested(contact, "Learn", channel, at(asked));
    i.reply_status = reply;
    i.replied_at = replied.map(at);
    db.insert(&i).unwrap();
    i.meta.id
}

fn held(db: &Store, interview: Id, starts: &str) {
    let meeting = Meeting {
        meta: Meta::new(at(starts)),
        interview_id: interview,
        starts_at: at(starts),
        duration_minutes: 30,
        mode: MeetingMode::Video,
        place: String::new(),
        status: MeetingStatus::Held,
        notes: String::new(),
    };
    db.insert(&meeting).unwrap();
}

/// Four requests: two by email (answered in 2 and 4 days), two on LinkedIn (one answered in
/// a day, drafted from the template; one waiting); two meetings held, one thank-you, one
/// referral, two touches.
fn known_database() -> TempStore {
    let db = TempStore::new();
    let acme = organization(&db, "Acme");
    let beta = organization(&db, "Beta");
    let ada = contact(&db, "Ada", Some(acme), None);
    let bob = contact(&db, "Bob", Some(acme), None);
    let cy = contact(&db, "Cy", Some(beta), None);
    let dee = contact(&db, "Dee", None, None);
    // Eve: suggested by Ada after their meeting (a referral obtained through it); Fay: came
    // with Ada as her referrer before any meeting (an introduction, not a referral gained).
    let mut eve = Contact::named("Eve", at("2026-11-10T12:00:00.000Z"));
    eve.referred_by = Some(ada);
    db.insert(&eve).unwrap();
    contact(&db, "Fay", None, Some(ada));

    let first = interview(
        &db,
        ada,
        Channel::Email,
        "2026-11-01T09:00:00.000Z",
        ReplyStatus::Accepted,
        Some("2026-11-03T09:00:00.000Z"),
    );
    held(&db, first, "2026-11-10T10:00:00.000Z");
    let mut thanked: Interview = db.get(first).unwrap();
    thanked.thanked_at = Some(at("2026-11-10T18:00:00.000Z"));
    db.update(&mut thanked, at("2026-11-10T18:00:00.000Z"))
        .unwrap();
    interview(
        &db,
        bob,
        Channel::Email,
        "2026-11-02T09:00:00.000Z",
        ReplyStatus::Declined,
        Some("2026-11-06T09:00:00.000Z"),
    );
    interview(
        &db,
        cy,
        Channel::LinkedIn,
        "2026-11-05T09:00:00.000Z",
        ReplyStatus::Awaiting,
        None,
    );
    let fourth = interview(
        &db,
        dee,
        Channel::LinkedIn,
        "2026-11-05T09:00:00.000Z",
        ReplyStatus::Accepted,
        Some("2026-11-06T09:00:00.000Z"),
    );
    held(&db, fourth, "2026-11-20T10:00:00.000Z");
    let mut drafted = Interaction::new(
        dee,
        InteractionKind::Email,
        REQUEST_SENT,
        at("2026-11-05T09:00:00.000Z"),
    );
    drafted.interview_id = Some(fourth);
    db.insert(&drafted).unwrap();
    db.insert(&Interaction::new(
        ada,
        InteractionKind::Call,
        "Caught up",
        at("2026-11-24T08:00:00.000Z"),
    ))
    .unwrap();
    db
}

#[test]
fn every_figure_is_counted_as_documented() {
    let db = known_database();
    let insights = db.insights(&clock(), chrono::Weekday::Mon).unwrap();
    assert_eq!(
        (
            insights.requested,
            insights.replied,
            insights.met,
            insights.thanked
        ),
        (4, 3, 2, 1)
    );
    let channel = |label: &str| {
        insights
            .by_channel
            .iter()
            .find(|s| s.label == label)
            .cloned()
            .unwrap()
    };
    let email = channel("Email");
    assert_eq!(
        (email.requested, email.replied, email.median_days),
        (2, 2, Some(3.0))
    );
    let linkedin = channel("LinkedIn");
    assert_eq!(
        (linkedin.requested, linkedin.replied, linkedin.median_days),
        (2, 1, Some(1.0))
    );
    assert_eq!(linkedin.rate(), Some(0.5));
    assert_eq!(
        insights.by_channel.len(),
        2,
        "channels never used are left out"
    );
    let drafted = &insights.by_template[0];
    assert_eq!(
        (
            drafted.label.as_str(),
            drafted.requested,
            drafted.replied,
            drafted.median_days
        ),
        ("from the template", 1, 1, Some(1.0))
    );
    let elsewhere = &insights.by_template[1];
    assert_eq!(
        (
            elsewhere.requested,
            elsewhere.replied,
            elsewhere.median_days
        ),
        (3, 2, Some(3.0))
    );
    assert_eq!(insights.referrals, 1);
    assert_eq!(insights.referrals_per_meeting(), Some(0.5));
    // Weeks start on Monday; the last is 23 November.
    assert_eq!(insights.weeks.len(), 12);
    assert_eq!(insights.weeks[11].to_string(), "2026-11-23");
    assert_eq!(insights.meetings_per_week[9..], [1, 1, 0]);
    assert_eq!(insights.touches_per_week[8..], [1, 0, 0, 1]);
    assert_eq!(insights.meetings_per_week.iter().sum::<u64>(), 2);
    let depth: Vec<(&str, u64, u64)> = insights
        .organizations
        .iter()
        .map(|o| (o.name.as_str(), o.contacts, o.met))
        .collect();
    assert_eq!(depth, [("Acme", 2, 1), ("Beta", 1, 0)]);
    assert_eq!(insights.organizations_covered, 2);
}

#[test]
fn the_screen_shows_the_figures() {
    for (width, height) in [(80, 24), (120, 40)] {
        let db = known_database();
        let store = Store::open(&db.path()).unwrap();
        let mut t = Tester::on(
            store,
            width,
            height,
            Some(db),
            rolo::tui::view::theme::Theme::new(true),
        );
        t.press("S");
        let screen = t.screen();
        assert!(screen.contains("Insights"));
        assert!(t.line_with("Replied").contains("3  75%"), "{screen}");
        insta::assert_snapshot!(format!("insights_{width}x{height}"), screen);
    }
}
