//! Results from the database, folded into the model.

use crate::tui::data::effect::Effect;
use crate::tui::data::loaded::Loaded;
use crate::tui::data::saved::Saved;
use crate::tui::model::{Mode, Model, Screen};
use crate::tui::overlays::form::receive as form;
use crate::tui::screens::contact::update as contact;
use crate::tui::screens::home::receive as home;
use crate::tui::screens::insights::update as insights;
use crate::tui::screens::landed::update as landed;
use crate::tui::screens::meeting::update as meeting;
use crate::tui::screens::pipeline::update as pipeline;
use crate::tui::screens::questions::update as questions;
use crate::tui::screens::review::update as review;
use crate::tui::screens::search::update as search;
use crate::tui::screens::trash::update as trash;

/// Each result to the screen, overlay or pane it is for.
pub fn receive(model: &mut Model, loaded: Loaded) -> Vec<Effect> {
    match loaded {
        Loaded::Home(data) => home::home(model, *data),
        Loaded::Contacts { fetch, rows } => home::contacts(model, fetch, rows),
        Loaded::ContactIndexChunk {
            organizations,
            rows,
            complete,
        } => home::index_chunk(model, organizations, rows, complete),
        Loaded::Contact(fresh) => contact::shown(model, fresh),
        Loaded::Pipeline(board) => pipeline::shown(model, board),
        Loaded::Meetings(rows) => {
            model.home.meetings.rows = rows;
            Vec::new()
        }
        Loaded::FollowUps(rows) => {
            model.home.follow_ups.rows = rows;
            Vec::new()
        }
        Loaded::QuestionList(view) => questions::shown(model, view),
        Loaded::Form(form, organizations) => form::opened(model, form, organizations),
        Loaded::Saved(Saved::Done { message, .. }) => form::saved(model, message, None),
        Loaded::Saved(Saved::Acted { message, before }) => {
            form::saved(model, message, Some(before))
        }
        Loaded::Helpers(helpers) => landed::shown(model, helpers),
        Loaded::Organizations(rows, total, at) => {
            crate::tui::screens::organizations::update::shown(model, rows, total, at)
        }
        Loaded::OrganizationPeople(id, people) => {
            crate::tui::screens::organizations::update::people_shown(model, id, people)
        }
        Loaded::SearchIndexed(done) => {
            model.search_caught_up = done;
            Vec::new()
        }
        Loaded::SearchOpened => search::opened(model),
        Loaded::SearchResults(query, hits) => search::results(model, query, hits),
        Loaded::Insights(insights) => insights::shown(model, insights),
        Loaded::StoredMeanwhile(stored) => form::stored_meanwhile(model, stored),
        Loaded::Saved(Saved::ChangedMeanwhile) => Vec::new(),
        Loaded::Saved(Saved::ImportPreview(mut preview)) => {
            // The import form that asked for it closes; a preview read again closes nothing.
            if model
                .form()
                .is_some_and(|f| f.kind == crate::form::FormKind::Import)
            {
                model.take_form();
            }
            match model.stack.last_mut() {
                // The same file previewed again: what it would do now, at the same place.
                Some(Screen::ImportPreview(shown)) if shown.file == preview.file => {
                    preview.nav = shown.nav;
                    *shown = preview;
                }
                _ => model.stack.push(Screen::ImportPreview(preview)),
            }
            Vec::new()
        }
        Loaded::Saved(Saved::Refused { field, message }) => {
            if let Some(form) = model.form_mut() {
                form.refuse(field, message);
            }
            Vec::new()
        }
        Loaded::Saved(Saved::Duplicate(duplicate)) => form::duplicate(model, duplicate),
        Loaded::Changed(message) => changed(model, message),
        Loaded::Trash(rows) => trash::shown(model, rows),
        Loaded::Meeting(view) => meeting::shown(model, *view),
        Loaded::Interview(view) => crate::tui::screens::interview::update::shown(model, *view),
        Loaded::Review(items, total) => review::shown(model, items, total),
        Loaded::ReviewContext(context) => {
            if let Some(Screen::Review(view)) = model.stack.last_mut() {
                view.context = Some(context);
            }
            Vec::new()
        }
        Loaded::ReviewActed(before, counted) => review::acted(model, before, counted),
        Loaded::ReviewUndone(_) => model.reload_shown(),
        Loaded::InterviewSteps {
            interview,
            name,
            next,
            wait_days,
        } => {
            let menu = crate::tui::overlays::step_menu::StepMenu::for_interview(
                &interview, &name, next, wait_days,
            );
            model.mode = Mode::Menu(menu);
            Vec::new()
        }
        Loaded::EditedText(text) => {
            if let Some(form) = model.form_mut() {
                form.focused_mut().input.set(&text);
            }
            Vec::new()
        }
        Loaded::Damaged(message) => {
            model.read_only = true;
            model.status = Some(message);
            Vec::new()
        }
        Loaded::Failed(message) => {
            model.status = Some(message);
            Vec::new()
        }
    }
}

/// After a save, delete or restore: say so, and read what is on screen again.
fn changed(model: &mut Model, message: String) -> Vec<Effect> {
    model.status = Some(message);
    model.reload_shown()
}
