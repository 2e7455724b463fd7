//! The daily agenda behind `rolo today`: what is overdue, what is due today, today's meetings,
//! and what the playbook says is owed.

use std::fmt::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::{Clock, FollowUpKind, Id, MeetingMode, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgendaFollowUp {
    pub id: Id,
    pub kind: FollowUpKind,
    pub title: String,
    pub contact: Option<String>,
    pub due_at: Timestamp,
    /// Whole local days past due (0 when due today).
    pub days_overdue: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgendaMeeting {
    pub id: Id,
    pub contact: String,
    pub objective: String,
    pub starts_at: Timestamp,
    pub duration_minutes: u32,
    pub mode: MeetingMode,
    pub place: String,
}

/// Something the playbook expects that no follow-up covers, e.g. an evaluation not written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Owed {
    pub interview_id: Id,
    pub contact: String,
    pub what: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agenda {
    pub date: NaiveDate,
    pub overdue: Vec<AgendaFollowUp>,
    pub due_today: Vec<AgendaFollowUp>,
    pub meetings: Vec<AgendaMeeting>,
    pub owed: Vec<Owed>,
}

impl Agenda {
    /// Splits open follow-ups (all due before the end of today) into overdue and due today.
    pub fn build(
        clock: &Clock,
        mut follow_ups: Vec<AgendaFollowUp>,
        meetings: Vec<AgendaMeeting>,
        owed: Vec<Owed>,
    ) -> Agenda {
        let today = clock.today();
        for item in &mut follow_ups {
            item.days_overdue = (today - clock.local_date_of(item.due_at)).num_days().max(0);
        }
        let (overdue, due_today) = follow_ups.into_iter().partition(|f| f.days_overdue > 0);
        Agenda {
            date: today,
            overdue,
            due_today,
            meetings,
            owed,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.overdue.is_empty()
            && self.due_today.is_empty()
            && self.meetings.is_empty()
            && self.owed.is_empty()
    }

    /// The agenda as people read it.
    pub fn to_text(&self, clock: &Clock) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "rolo · {}", self.date.format("%A %d %B %Y"));
        if self.is_empty() {
            out.push_str(
                "\nNothing due today. Add a follow-up with `rolo add follow-up`, or open rolo.\n",
            );
            return out;
        }
        // The contact's name, unless the title already says it.
        let who = |f: &AgendaFollowUp| match f.contact.as_deref() {
            Some(c) if !f.title.contains(c) => format!(" · {c}"),
            _ => String::new(),
        };
        if !self.overdue.is_empty() {
            let _ = writeln!(out, "\nOverdue ({})", self.overdue.len());
            for f in &self.overdue {
                let days = if f.days_overdue == 1 {
                    "1 day".into()
                } else {
                    format!("{} days", f.days_overdue)
                };
                let _ = writeln!(
                    out,
                    "  ! {:<13} {}{} ({days} late)",
                    f.kind.label(),
                    f.title,
                    who(f)
                );
            }
        }
        if !self.due_today.is_empty() {
            let _ = writeln!(out, "\nDue today ({})", self.due_today.len());
            for f in &self.due_today {
                let _ = writeln!(out, "  - {:<13} {}{}", f.kind.label(), f.title, who(f));
            }
        }
        if !self.meetings.is_empty() {
            let _ = writeln!(out, "\nMeetings today ({})", self.meetings.len());
            for m in &self.meetings {
                let time = m.starts_at.0.with_timezone(&clock.offset).format("%H:%M");
                let place = if m.place.is_empty() {
                    String::new()
                } else {
                    format!(", {}", m.place)
                };
                let _ = writeln!(
                    out,
                    "  {time} {} · {} min, {}{place} · {}",
                    m.contact,
                    m.duration_minutes,
                    m.mode.label().to_lowercase(),
                    m.objective
                );
            }
        }
        if !self.owed.is_empty() {
            let _ = writeln!(out, "\nOwed ({})", self.owed.len());
            for o in &self.owed {
                let _ = writeln!(out, "  - {} · {}", o.what, o.contact);
            }
        }
        out
    }
}
