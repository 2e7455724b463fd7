//! The daily agenda behind `rolo today`: the review's queue, in the review's order, for a
//! shell start-up file or a script.

use std::fmt::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::Clock;
use super::NextKind;
use super::numbers;
use super::review::{ItemKind, ReviewItem};

/// How many items `rolo today` lists unless told: one screen of a terminal (two lines each).
pub const TODAY_SHOWN: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agenda {
    pub date: NaiveDate,
    /// How many things there are to review today, all of them (the queue lists the first),
    /// counted up to `numbers::COUNT_CAP`: at the cap, at least that many.
    pub total: u64,
    /// What to review today, best first (see `domain::review` for the order).
    pub queue: Vec<ReviewItem>,
}

impl Agenda {
    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// The agenda as people read it.
    pub fn to_text(&self, clock: &Clock) -> String {
        let mut out = String::new();
        let _ = write!(out, "rolo · {}", self.date.format("%A %d %B %Y"));
        if self.is_empty() {
            out.push_str(
                "\n\nNothing due today. Add a follow-up with `rolo add follow-up`, or open rolo.\n",
            );
            return out;
        }
        let total = self.total.max(self.queue.len() as u64);
        let _ = writeln!(out, " · {} to review\n", numbers::capped(total));
        for (n, item) in self.queue.iter().enumerate() {
            let meeting = matches!(
                item.item,
                ItemKind::Step {
                    step: NextKind::Meeting,
                    ..
                }
            );
            let mark = match item.item {
                _ if meeting && item.today => "@",
                _ if item.days_overdue > 0 => "!",
                _ => "-",
            };
            // The contact's name, unless the title already says it.
            let who = match item.contact.as_deref() {
                Some(name) if !item.title.contains(name) => format!(" · {name}"),
                _ => String::new(),
            };
            let when = match item.item {
                // A meeting's title says when it is.
                _ if meeting => String::new(),
                _ if item.days_overdue > 0 => String::new(),
                _ => format!(" · due {}", clock.when(item.due_at)),
            };
            let _ = writeln!(out, "{:>3}. {mark} {}{who}{when}", n + 1, item.title);
            let _ = writeln!(out, "        {}", item.reason);
        }
        let listed = self.queue.len() as u64;
        if total >= numbers::COUNT_CAP {
            let _ = writeln!(
                out,
                "     … and many more, less pressing: `rolo today --all` lists the longest \
                 waiting, the review (rolo --review) takes them one at a time"
            );
        } else if total > listed {
            let _ = writeln!(
                out,
                "     … and {} more, less pressing: `rolo today --all` lists them, the review \
                 (rolo --review) takes them one at a time",
                total - listed
            );
        }
        out.push_str("\nReview them one at a time with: rolo --review\n");
        out
    }
}
