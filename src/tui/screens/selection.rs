//! What `x`, `y` and `o` do with the selection on the screens that hold records: mark a
//! follow-up done; copy the selection's text (OSC 52) — a contact's name and work, a meeting, a
//! follow-up's title, an interview's objective, a timeline entry with its words, a question;
//! open the link of the person (or organisation) it is about.

use crate::domain::Id;
use crate::tui::data::effect::Effect;
use crate::tui::model::{Model, Screen, Section};
use crate::tui::screens::home::pane::Pane;
use crate::tui::screens::home::update::selected_index;

/// The selection's text, if something is selected.
pub fn selection_text(model: &Model) -> Option<String> {
    match model.screen() {
        None => {
            let pane = model.focus();
            let index = selected_index(model, pane)?;
            let home = &model.home;
            match pane {
                Pane::Contacts if model.filter.as_ref().is_some_and(|f| f.pane == pane) => model
                    .contact_index
                    .as_ref()
                    .map(|i| i.name(index).to_string()),
                Pane::Contacts => home.contacts.row_at(index).map(|c| {
                    match (c.title.is_empty(), c.organization.is_empty()) {
                        (true, true) => c.name.clone(),
                        (false, true) => format!("{}, {}", c.name, c.title),
                        (true, false) => format!("{}, {}", c.name, c.organization),
                        (false, false) => format!("{}, {}, {}", c.name, c.title, c.organization),
                    }
                }),
                Pane::Meetings => home
                    .meetings
                    .rows
                    .get(index)
                    .map(|m| format!("{}: {}", m.contact_name, m.objective)),
                Pane::FollowUps => home.follow_ups.rows.get(index).map(|f| f.title.clone()),
                Pane::QuestionLists => home.question_lists.rows.get(index).map(|l| l.name.clone()),
            }
        }
        Some(Screen::Contact(detail)) => {
            let at = detail.nav(detail.section).selected;
            match detail.section {
                // The details pane with no one beside them: their card (name, work, ways to
                // reach them), to paste into a message or a calendar invite.
                Section::People => detail.people.get(at).map(|p| p.name.clone()).or_else(|| {
                    let c = &detail.contact;
                    let work = detail.work();
                    let card: Vec<&str> = [
                        c.name.as_str(),
                        work.as_str(),
                        c.email.as_str(),
                        c.phone.as_str(),
                        c.linkedin.as_str(),
                    ]
                    .into_iter()
                    .filter(|s| !s.trim().is_empty())
                    .collect();
                    Some(card.join("\n"))
                }),
                Section::Interviews => detail.interviews.get(at).map(|i| i.objective.clone()),
                Section::FollowUps => detail.follow_ups.get(at).map(|f| f.title.clone()),
                Section::Timeline => detail.timeline.get(at).map(|e| {
                    if e.body.is_empty() {
                        e.summary.clone()
                    } else {
                        format!("{}\n\n{}", e.summary, e.body)
                    }
                }),
            }
        }
        Some(Screen::QuestionList(view)) => view
            .questions
            .get(view.nav.selected)
            .map(|q| q.text.clone()),
        Some(_) => None,
    }
    .filter(|text| !text.is_empty())
}

/// Marks the selected follow-up done (home's Follow-ups pane, a contact's follow-ups); `u`
/// brings it back.
pub fn mark_done(model: &mut Model) -> Vec<Effect> {
    let picked = match model.screen() {
        None if model.focus() == Pane::FollowUps => selected_index(model, Pane::FollowUps)
            .and_then(|i| model.home.follow_ups.rows.get(i))
            .map(|f| (f.id, f.step.is_some())),
        Some(Screen::Contact(detail)) if detail.section == Section::FollowUps => detail
            .follow_ups
            .get(detail.nav(Section::FollowUps).selected)
            .map(|f| (f.meta.id, false)),
        _ => None,
    };
    match picked {
        Some((_, true)) => super::records::say(
            model,
            "An interview's step is done by taking it: e lists its steps, R does it in the review",
        ),
        Some((id, false)) => vec![Effect::ReviewDone(id)],
        None => super::records::say(
            model,
            "x marks a follow-up done: select one under Follow-ups",
        ),
    }
}

/// `o`: the website of the organisation selected, or the link of the person the selection is
/// about (their screen, or a row of home's about them); read from the store when it runs.
pub fn open_link(model: &mut Model) -> Vec<Effect> {
    let said = |model: &mut Model, why: &str| {
        model.status = Some(why.to_string());
        Vec::new()
    };
    match model.screen() {
        Some(Screen::Organizations(view)) => {
            let Some(org) = view.selected() else {
                return said(model, "No organisations yet: a adds one");
            };
            match crate::domain::website_page(&org.website) {
                Some(site) => vec![Effect::OpenAddress(site)],
                None if org.website.trim().is_empty() => {
                    said(model, "No website for it yet: e adds one")
                }
                None => said(
                    model,
                    "Its website field does not hold a web address: e fixes it",
                ),
            }
        }
        Some(Screen::Contact(detail)) => vec![Effect::OpenLinkOf(detail.contact.meta.id)],
        None => match home_row_contact(model) {
            Ok(id) => vec![Effect::OpenLinkOf(id)],
            Err(why) => said(model, why),
        },
        Some(_) => Vec::new(),
    }
}

/// The contact the selected row of home's focused pane is about.
fn home_row_contact(model: &Model) -> Result<Id, &'static str> {
    let pane = model.focus();
    let index = selected_index(model, pane).ok_or("Nothing is selected")?;
    let home = &model.home;
    match pane {
        Pane::Contacts => super::records::selected_contact(model, index).ok_or("No contact here"),
        Pane::Meetings => home
            .meetings
            .rows
            .get(index)
            .map(|m| m.contact_id)
            .ok_or("No meeting here"),
        Pane::FollowUps => home
            .follow_ups
            .rows
            .get(index)
            .and_then(|f| f.contact_id)
            .ok_or("This follow-up is not about anyone"),
        Pane::QuestionLists => Err("A question list is not about anyone"),
    }
}
