//! The daily review under the fixed clock: the queue's order, every action, undo, the summary.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::review::{ItemKind, ReviewItem};
use rolo::domain::{FollowUp, FollowUpKind, NextKind};
use rolo::tui::model::Screen;
use support::clock;
use support::tui::Tester;

fn review(t: &Tester) -> &rolo::tui::model::ReviewView {
    match t.app.model.screen() {
        Some(Screen::Review(view)) => view,
        _ => panic!("not on the review:\n{}", t.screen()),
    }
}

/// Opens the review and skips the meetings at its head, to stand on the first follow-up.
fn at_first_follow_up(t: &mut Tester) -> FollowUp {
    t.press("R");
    while !matches!(review(t).current().unwrap().item, ItemKind::FollowUp { .. }) {
        t.press("space");
    }
    let ItemKind::FollowUp { id, .. } = review(t).current().unwrap().item else {
        unreachable!()
    };
    t.app.store.get(id).unwrap()
}

#[test]
fn the_queue_is_ordered_by_score_with_reasons() {
    let t = Tester::demo(120, 40);
    let queue = t.app.store.review_queue(&clock()).unwrap();
    assert!(
        queue.windows(2).all(|w| w[0].score >= w[1].score),
        "highest score first"
    );
    assert!(
        matches!(
            queue[0].item,
            ItemKind::Step {
                step: NextKind::Meeting,
                ..
            }
        ) && queue[0].today,
        "today's meetings lead"
    );
    assert!(queue.iter().all(|i| !i.reason.is_empty()));
    let is_step = |i: &ReviewItem, wanted: NextKind| matches!(i.item, ItemKind::Step { step, .. } if step == wanted);
    let thank_you = queue.iter().position(|i| is_step(i, NextKind::ThankYou));
    let later = queue.iter().rposition(|i| {
        is_step(i, NextKind::ProgressUpdate)
            || matches!(
                i.item,
                ItemKind::FollowUp {
                    kind: FollowUpKind::KeepInTouch | FollowUpKind::Custom,
                    ..
                }
            )
    });
    assert!(
        thank_you.unwrap() < later.unwrap(),
        "a thank-you before keeping in touch"
    );
    // rolo today lists the same queue.
    let agenda = t.app.store.agenda(&clock(), None).unwrap();
    assert_eq!(agenda.queue, queue);
}

#[test]
fn done_removes_the_item_and_undo_brings_it_back() {
    let mut t = Tester::demo(120, 40);
    let first = at_first_follow_up(&mut t);
    let total = review(&t).items.len();
    let index = review(&t).index;
    t.press("d");
    assert!(
        t.app
            .store
            .get::<FollowUp>(first.meta.id)
            .unwrap()
            .done_at
            .is_some()
    );
    assert_eq!(review(&t).items.len(), total - 1);
    assert_eq!(
        review(&t).index,
        index,
        "the next item moves up under the cursor"
    );
    assert_eq!(review(&t).done, 1);
    t.press("u");
    assert!(
        t.app
            .store
            .get::<FollowUp>(first.meta.id)
            .unwrap()
            .done_at
            .is_none()
    );
    assert_eq!(review(&t).items.len(), total);
    assert_eq!(review(&t).done, 0);
    assert!(
        matches!(review(&t).current().unwrap().item, ItemKind::FollowUp { id, .. } if id == first.meta.id)
    );
}

#[test]
fn snoozes_move_the_due_date_by_whole_days() {
    let mut t = Tester::demo(120, 40);
    for (key, days) in [("1", 1), ("3", 3), ("7", 7)] {
        let item = at_first_follow_up(&mut t);
        t.press(key);
        let moved: FollowUp = t.app.store.get(item.meta.id).unwrap();
        assert_eq!(
            (clock().local_date_of(moved.due_at) - clock().today()).num_days(),
            days,
            "{key}"
        );
        assert_eq!(moved.snoozed_count, item.snoozed_count + 1);
        t.press("esc");
    }
    let item = at_first_follow_up(&mut t);
    t.press("s").type_str("next mon 10am").press("ctrl-s");
    let moved: FollowUp = t.app.store.get(item.meta.id).unwrap();
    assert_eq!(moved.due_at.to_text(), "2026-11-30T09:00:00.000Z");
    assert_eq!(review(&t).snoozed, 1);
    // u takes back exactly this snooze, and says which.
    t.press("u");
    let back: FollowUp = t.app.store.get(item.meta.id).unwrap();
    assert_eq!(back.due_at, item.due_at, "{}", t.screen());
    assert!(
        t.screen()
            .contains(&format!("Undone: snoozed “{}”", item.title)),
        "{}",
        t.screen()
    );
    assert_eq!(review(&t).snoozed, 0);
}

#[test]
fn a_touch_marks_it_done_and_is_on_the_timeline() {
    let mut t = Tester::demo(120, 40);
    let item = at_first_follow_up(&mut t);
    t.press("t tab tab ctrl-u")
        .type_str("Caught up by phone")
        .press("ctrl-s");
    assert!(
        t.app
            .store
            .get::<FollowUp>(item.meta.id)
            .unwrap()
            .done_at
            .is_some()
    );
    let contact = item.contact_id.unwrap();
    assert_eq!(
        t.app.store.timeline_of(contact, 1).unwrap()[0].summary,
        "Caught up by phone"
    );
    assert_eq!(review(&t).touched, 1);
    // u takes back the touch and the done: the follow-up as it was, the touch gone — taken
    // back, not deleted, so no later u elsewhere brings it back from the trash.
    let trash_before = t.app.store.trash_rows(100).unwrap().len();
    t.press("u");
    let back: FollowUp = t.app.store.get(item.meta.id).unwrap();
    assert_eq!((back.done_at, back.due_at), (None, item.due_at));
    assert_ne!(
        t.app.store.timeline_of(contact, 1).unwrap()[0].summary,
        "Caught up by phone"
    );
    assert_eq!(t.app.store.trash_rows(100).unwrap().len(), trash_before);
}

#[test]
fn r_on_a_meeting_moves_it_from_its_own_details() {
    let mut t = Tester::demo(120, 40);
    t.press("R");
    assert!(matches!(
        review(&t).current().unwrap().item,
        ItemKind::Step {
            step: NextKind::Meeting,
            ..
        }
    ));
    t.press("r");
    let form = t.app.model.form().expect("the meeting form");
    assert!(
        !form.text(rolo::form::FieldKey::When).is_empty(),
        "its time, to change: {}",
        t.screen()
    );
}

#[test]
fn open_the_contact_and_come_back_draft_reschedule_skip() {
    let mut t = Tester::demo(120, 40);
    at_first_follow_up(&mut t);
    let (index, skipped) = (review(&t).index, review(&t).skipped);
    t.press("o");
    assert!(matches!(t.app.model.screen(), Some(Screen::Contact(_))));
    t.press("esc");
    assert_eq!(review(&t).index, index, "back where we were");
    t.press("r");
    assert!(t.screen().contains("Edit follow-up"));
    t.press("esc");
    t.press("space");
    assert_eq!(review(&t).index, index + 1);
    assert_eq!(review(&t).skipped, skipped + 1);
    t.press("u");
    assert_eq!((review(&t).index, review(&t).skipped), (index, skipped));
    // A thank-you step drafts its note.
    while !matches!(
        review(&t).current().unwrap().item,
        ItemKind::Step {
            step: NextKind::ThankYou,
            ..
        }
    ) {
        t.press("space");
    }
    t.press("w");
    assert!(t.screen().contains("The thank-you"), "{}", t.screen());
}

#[test]
fn the_summary_counts_what_was_done() {
    let mut t = Tester::demo(120, 40);
    t.press("R");
    let total = review(&t).items.len();
    for _ in 0..total {
        t.press("space");
    }
    assert!(review(&t).finished());
    assert!(t.screen().contains("Review done."));
    assert!(t.screen().contains(&format!("skipped {total}")));
}

/// Whatever was done, rescheduled and undone, the review ends only when every item still owed
/// today was shown and passed over: none slips behind the place it stands.
#[test]
fn the_review_never_ends_with_an_item_it_did_not_show() {
    let mut t = Tester::empty(120, 40);
    let now = support::clock().timestamp();
    for name in ["P One", "P Two", "P Three"] {
        t.app
            .store
            .insert(&rolo::domain::Contact::named(name, now))
            .unwrap();
        t.app
            .store
            .add_follow_up(name, &format!("Call {name}"), now, now)
            .unwrap();
    }
    t.press("R d");
    t.press("t ctrl-s");
    t.press("r ctrl-u").type_str("yesterday").press("ctrl-s");
    t.press("1 u u");
    let mut seen = std::collections::HashSet::new();
    for _ in 0..10 {
        if let Some(item) = review(&t).current() {
            seen.insert(item.title.clone());
            t.press("space");
        }
    }
    let owed: Vec<String> = t
        .app
        .store
        .review_queue(&support::clock())
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect();
    for title in owed {
        assert!(seen.contains(&title), "{title} was never shown: {seen:?}");
    }
}
