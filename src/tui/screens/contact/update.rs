//! The contact screen: move between its sections, open a linked person, go back.

use crate::domain::{Clock, Interaction};
use crate::tui::data::effect::{Effect, FormRequest};
use crate::tui::keys::action::Action;
use crate::tui::model::{ContactDetail, Mode, Model, Reading, Screen, Section};
use crate::tui::screens::nav::move_nav;
use crate::tui::view::layout;

pub fn update(model: &mut Model, action: Action, page: usize, clock: &Clock) -> Vec<Effect> {
    let Some(Screen::Contact(detail)) = model.stack.last_mut() else {
        return Vec::new();
    };
    match action {
        Action::ReadCard => {
            let card = card(detail, clock);
            model.mode = Mode::Reading(card);
        }
        Action::FocusNext => detail.section = detail.section.cycle(1),
        Action::FocusPrevious => detail.section = detail.section.cycle(-1),
        Action::Open if detail.section == Section::Interviews => {
            if let Some(interview) = detail
                .interviews
                .get(detail.nav(Section::Interviews).selected)
            {
                return vec![Effect::OpenInterview(interview.meta.id)];
            }
        }
        Action::Open => {
            let selected = detail.nav(detail.section).selected;
            match detail.section {
                Section::People => {
                    if let Some(link) = detail.people.get(selected) {
                        return vec![Effect::OpenContact(link.id)];
                    }
                }
                Section::FollowUps => {
                    if let Some(follow_up) = detail.follow_ups.get(selected) {
                        return vec![Effect::OpenForm(FormRequest::EditFollowUp(
                            follow_up.meta.id,
                        ))];
                    }
                }
                Section::Timeline => {
                    if let Some(entry) = detail.timeline.get(selected) {
                        model.mode = Mode::Reading(reading(entry, clock));
                    }
                }
                Section::Interviews => {}
            }
        }
        other => {
            let section = detail.section;
            let len = detail.len(section);
            move_nav(detail.nav_mut(section), other, len, page);
        }
    }
    Vec::new()
}

/// A timeline entry whole: when, what, and the message it holds.
fn reading(entry: &Interaction, clock: &Clock) -> Reading {
    let mut text = format!(
        "{} · {}\n\n{}",
        clock.day(entry.occurred_at),
        entry.kind.label(),
        entry.summary
    );
    if !entry.body.trim().is_empty() {
        text.push_str("\n\n");
        text.push_str(&entry.body);
    }
    Reading {
        title: "Timeline entry".into(),
        text,
        scroll: 0,
    }
}

/// Every field of the contact and the notes whole (the screen shows the first line of them).
fn card(detail: &ContactDetail, clock: &Clock) -> Reading {
    let c = &detail.contact;
    let work = detail.work();
    let keep = c
        .keep_in_touch_days
        .map(|d| {
            format!(
                "every {}",
                crate::domain::numbers::count(i64::from(d), "day")
            )
        })
        .unwrap_or_default();
    let fields = [
        ("Work", work),
        ("Email", c.email.clone()),
        ("Phone", c.phone.clone()),
        ("LinkedIn", c.linkedin.clone()),
        ("Location", c.location.clone()),
        ("Met via", c.how_met.clone()),
        ("Keep up", keep),
        ("Added", clock.day(c.meta.created_at)),
        ("Tags", detail.tags.join(", ")),
    ];
    let mut text: Vec<String> = fields
        .into_iter()
        .map(|(label, value)| {
            let value = if value.is_empty() {
                "—".into()
            } else {
                value
            };
            format!("{label:<10}{value}")
        })
        .collect();
    text.push(String::new());
    text.push(if c.notes.trim().is_empty() {
        "No notes yet (Esc, then e edits the contact)".into()
    } else {
        c.notes.clone()
    });
    Reading {
        title: c.name.clone(),
        text: text.join("\n"),
        scroll: 0,
    }
}

/// A contact read: opened, or folded into theirs when it is shown.
pub fn shown(model: &mut Model, mut fresh: Box<ContactDetail>) -> Vec<Effect> {
    let heights = Section::ALL.map(|section| layout::section_rows(model, section));
    match model.stack.last_mut() {
        // Theirs is shown: read again, keeping the section and each selection.
        Some(Screen::Contact(current)) if current.contact.meta.id == fresh.contact.meta.id => {
            fresh.section = current.section;
            fresh.navs = current.navs;
            for (section, height) in Section::ALL.into_iter().zip(heights) {
                let len = fresh.len(section);
                fresh.nav_mut(section).keep_visible(len, height);
            }
            *current = fresh;
        }
        _ => model.stack.push(Screen::Contact(fresh)),
    }
    Vec::new()
}
