//! The daily review's queue: what needs doing today, in the order it is best done.
//!
//! Each item gets a score, and the queue is sorted by it, highest first:
//!
//! - a meeting today: 1,000 (it happens whether the queue is reviewed or not);
//! - a follow-up: its kind's urgency — a thank-you 60 (it is owed within a day), prepare 50
//!   (the meeting is close), a nudge 30, an action item 20, a custom follow-up 15, keep in
//!   touch 5 — plus 5 per day overdue (up to 10 days), plus up to 10 for a contact not touched
//!   in a long while (a point per 3 days since the last touch);
//! - a write-up owed after a meeting: 40 (it fades fast), plus 5 per day since the meeting.
//!
//! So what is time-sensitive comes before what is merely late.
//!
//! Ties keep due order. Every item says why it stands where it does.

use serde::Serialize;

use super::{FollowUpKind, Id, Stage, Timestamp};

/// What an item of the queue is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemKind {
    FollowUp { id: Id, kind: FollowUpKind },
    Meeting { id: Id, interview: Id },
    WriteUp { interview: Id },
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
    pub score: i64,
    /// Why it stands where it does: "3 days late · a thank-you is owed within a day".
    pub reason: String,
}

fn urgency(kind: FollowUpKind) -> (i64, &'static str) {
    match kind {
        FollowUpKind::ThankYou => (60, "a thank-you is owed within a day"),
        FollowUpKind::Prepare => (50, "the meeting is close"),
        FollowUpKind::Nudge => (30, "no reply yet"),
        FollowUpKind::ActionItem => (20, "something they suggested"),
        FollowUpKind::Custom => (15, "a reminder you set"),
        FollowUpKind::KeepInTouch => (5, "keeping in touch"),
    }
}

/// Scores an item and writes its reason.
pub fn score(item: &mut ReviewItem) {
    let mut reasons = Vec::new();
    let late = item.days_overdue.max(0);
    let lateness = 5 * late.min(10);
    let mut score = match &item.item {
        ItemKind::Meeting { .. } => {
            reasons.push("a meeting today".to_string());
            1_000
        }
        ItemKind::WriteUp { .. } => {
            reasons.push("write it up while it is fresh".to_string());
            40 + lateness
        }
        ItemKind::FollowUp { kind, .. } => {
            let (weight, why) = urgency(*kind);
            reasons.push(why.to_string());
            weight + lateness
        }
    };
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
            score: 0,
            reason: String::new(),
        }
    }

    #[test]
    fn the_order_follows_the_documented_score() {
        let meeting = ReviewItem {
            item: ItemKind::Meeting {
                id: Id::new(),
                interview: Id::new(),
            },
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
