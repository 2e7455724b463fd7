//! The daily review's queue: what needs doing today, in the order it is best done.
//!
//! Each item gets a score, and the queue is sorted by it, highest first:
//!
//! - an interview's next step (see `playbook::next`): a meeting today 1,000 (it happens whether
//!   the queue is reviewed or not); a thank-you 60 (owed within a day); "did it happen?" 55;
//!   preparing for tomorrow's meeting 50; setting a meeting they said yes to 45; the write-up 40
//!   (it fades fast); a nudge 30; closing an unanswered request 25; the progress update 10;
//! - a follow-up the user wrote: an action item 20, a custom follow-up 15, keep in touch 5;
//! - plus 5 per day late (up to 10 days), and for a follow-up up to 10 more for a contact not
//!   touched in a long while (a point per 3 days since the last touch).
//!
//! So what is time-sensitive comes before what is merely late.
//!
//! Ties keep due order. Every item says why it stands where it does.

use serde::Serialize;

use super::{FollowUpKind, Id, NextKind, Stage, Timestamp};

/// What an item of the queue is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemKind {
    /// A follow-up the user wrote (or one a step made for someone else).
    FollowUp { id: Id, kind: FollowUpKind },
    /// An interview's next step, derived by the playbook.
    Step {
        interview: Id,
        step: NextKind,
        /// A meeting's start (the meeting steps).
        #[serde(skip_serializing_if = "Option::is_none")]
        meeting_at: Option<Timestamp>,
    },
}

/// One thing to review, with what the screen shows beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewItem {
    #[serde(flatten)]
    pub item: ItemKind,
    pub title: String,
    pub contact_id: Option<Id>,
    pub contact: Option<String>,
    /// The interview it belongs to, if any.
    pub interview_id: Option<Id>,
    pub due_at: Timestamp,
    pub days_overdue: i64,
    pub stage: Option<Stage>,
    /// Days since the contact was last touched, when known.
    pub days_since_touch: Option<i64>,
    /// Whether a meeting step's meeting is today.
    #[serde(skip)]
    pub today: bool,
    pub score: i64,
    /// Why it stands where it does: "3 days late · a thank-you is owed within a day".
    pub reason: String,
}

fn follow_up_urgency(kind: FollowUpKind) -> (i64, &'static str) {
    match kind {
        FollowUpKind::ThankYou => (60, "a thank-you is owed within a day"),
        FollowUpKind::Prepare => (50, "the meeting is close"),
        FollowUpKind::Nudge => (30, "no reply yet"),
        FollowUpKind::ActionItem => (20, "something they suggested"),
        FollowUpKind::Custom => (15, "a reminder you set"),
        FollowUpKind::KeepInTouch => (5, "keeping in touch"),
    }
}

fn step_urgency(step: NextKind, today: bool) -> (i64, &'static str) {
    match step {
        NextKind::Meeting if today => (1_000, "a meeting today"),
        NextKind::Meeting => (50, "the meeting is close: prepare"),
        NextKind::ThankYou => (60, "a thank-you is owed within a day"),
        NextKind::ThankYouMailed => (60, "your mail may have been the thank-you"),
        NextKind::Reply => (58, "they wrote back: what did they say?"),
        NextKind::DidItHappen => (55, "the meeting's time has passed"),
        NextKind::SetMeeting => (45, "a meeting to set"),
        NextKind::WriteUp => (40, "write it up while it is fresh"),
        NextKind::Nudge => (30, "no reply yet"),
        NextKind::CloseNoReply => (25, "the nudges went unanswered"),
        NextKind::ProgressUpdate => (10, "tell them how it went"),
    }
}

/// Scores an item and writes its reason.
pub fn score(item: &mut ReviewItem) {
    let mut reasons = Vec::new();
    let late = item.days_overdue.max(0);
    let (weight, why) = match &item.item {
        ItemKind::Step { step, .. } => step_urgency(*step, item.today),
        ItemKind::FollowUp { kind, .. } => follow_up_urgency(*kind),
    };
    reasons.push(why.to_string());
    let mut score = weight + 5 * late.min(10);
    if late > 0 {
        reasons.insert(
            0,
            if late == 1 {
                "1 day late".into()
            } else {
                format!("{late} days late")
            },
        );
    }
    if let (ItemKind::FollowUp { .. }, Some(days)) = (&item.item, item.days_since_touch) {
        let stale = (days / 3).clamp(0, 10);
        score += stale;
        if days >= 14 {
            reasons.push(format!("last touch {days} days ago"));
        }
    }
    item.score = score;
    item.reason = reasons.join(" · ");
}

/// Scores every item and orders the queue: highest score first, then soonest due.
pub fn order(items: &mut [ReviewItem]) {
    for item in items.iter_mut() {
        score(item);
    }
    items.sort_by(|a, b| b.score.cmp(&a.score).then(a.due_at.cmp(&b.due_at)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn follow_up(
        kind: FollowUpKind,
        days_overdue: i64,
        days_since_touch: Option<i64>,
    ) -> ReviewItem {
        ReviewItem {
            item: ItemKind::FollowUp {
                id: Id::new(),
                kind,
            },
            title: format!("{kind:?}"),
            contact_id: None,
            contact: None,
            interview_id: None,
            due_at: Timestamp(
                chrono::DateTime::UNIX_EPOCH + chrono::Duration::days(100 - days_overdue),
            ),
            days_overdue,
            stage: None,
            days_since_touch,
            today: false,
            score: 0,
            reason: String::new(),
        }
    }

    #[test]
    fn the_order_follows_the_documented_score() {
        let meeting = ReviewItem {
            item: ItemKind::Step {
                interview: Id::new(),
                step: NextKind::Meeting,
                meeting_at: None,
            },
            today: true,
            ..follow_up(FollowUpKind::Custom, 0, None)
        };
        let mut items = vec![
            follow_up(FollowUpKind::KeepInTouch, 5, Some(60)),
            follow_up(FollowUpKind::ThankYou, 0, None),
            follow_up(FollowUpKind::Nudge, 2, Some(3)),
            meeting,
            follow_up(FollowUpKind::Custom, 0, Some(0)),
        ];
        order(&mut items);
        let kinds: Vec<String> = items.iter().map(|i| i.title.clone()).collect();
        assert_eq!(
            kinds,
            ["Custom", "ThankYou", "Nudge", "KeepInTouch", "Custom"]
        );
        assert_eq!(items[0].reason, "a meeting today");
        assert_eq!(items[1].score, 60);
        assert_eq!(items[1].reason, "a thank-you is owed within a day");
        assert_eq!(items[2].score, 30 + 10 + 1);
        assert_eq!(items[3].score, 5 + 25 + 10);
        assert_eq!(
            items[3].reason,
            "5 days late · keeping in touch · last touch 60 days ago"
        );
    }
}
