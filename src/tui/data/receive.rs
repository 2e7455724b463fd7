//! Results from the database, folded into the model.

use crate::domain::review::ItemKind;
use crate::form::FormKind;
use crate::tui::data::effect::Effect;
use crate::tui::data::loaded::Loaded;
use crate::tui::data::saved::Saved;
use crate::tui::model::ReviewCount;
use crate::tui::model::{Mode, Model, Pane, ReviewUndo, ReviewView, Screen, Section, TrashView};
use crate::tui::screens::home::contact_index::ContactIndex;
use crate::tui::screens::home::contacts_window::apply_fetch;
use crate::tui::screens::home::update::{ensure_contacts_loaded, keep_panes_visible, rematch};
use crate::tui::screens::nav::Nav;
use crate::tui::view::layout;

pub fn receive(model: &mut Model, loaded: Loaded) -> Vec<Effect> {
    match loaded {
        Loaded::Home(data) => {
            model.header = data.header;
            let home = &mut model.home;
            home.meetings.rows = data.meetings;
            home.follow_ups.rows = data.follow_ups;
            home.question_lists.rows = data.question_lists;
            let changed_total = home.contacts.total != data.contacts_total;
            home.contacts.total = data.contacts_total;
            // Reload the rows on screen: names may have changed, and rows may have come or gone.
            home.contacts.rows.clear();
            if changed_total {
                model.contact_index = None;
            }
            keep_panes_visible(model);
            if let Some(filter) = model.filter.as_mut() {
                filter.reset();
            }
            let mut effects = ensure_contacts_loaded(model);
            if model
                .filter
                .as_ref()
                .is_some_and(|f| f.pane == Pane::Contacts)
                && model.contact_index.is_none()
            {
                effects.push(Effect::LoadContactIndex);
            } else {
                rematch(model);
            }
            effects
        }
        Loaded::Contacts { fetch, rows } => {
            apply_fetch(&mut model.home.contacts, &fetch, rows);
            Vec::new()
        }
        Loaded::ContactIndexChunk {
            organizations,
            rows,
            complete,
        } => {
            let index = match (model.contact_index.as_mut(), organizations) {
                (Some(index), None) => index,
                (_, organizations) => model
                    .contact_index
                    .insert(ContactIndex::new(organizations.unwrap_or_default())),
            };
            index.append(rows, complete);
            if model
                .filter
                .as_ref()
                .is_some_and(|f| f.pane == Pane::Contacts)
            {
                if let Some(filter) = model.filter.as_mut() {
                    filter.reset();
                }
                rematch(model);
            }
            Vec::new()
        }
        Loaded::Contact(mut fresh) => {
            let heights = Section::ALL.map(|section| layout::section_rows(model, section));
            match model.stack.last_mut() {
                // Theirs is shown: read again, keeping the section and each selection.
                Some(Screen::Contact(current))
                    if current.contact.meta.id == fresh.contact.meta.id =>
                {
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
        Loaded::Pipeline(mut board) => {
            match model.stack.last_mut() {
                Some(Screen::Pipeline(current)) => {
                    // Keep the place: the column and each column's selection.
                    board.column = current.column;
                    for (fresh, old) in board.columns.iter_mut().zip(&current.columns) {
                        fresh.nav = old.nav;
                        fresh.nav.keep_visible(fresh.cards.len(), usize::MAX / 2);
                    }
                    *current = board;
                }
                _ => model.stack.push(Screen::Pipeline(board)),
            }
            Vec::new()
        }
        Loaded::Meetings(rows) => {
            model.home.meetings.rows = rows;
            Vec::new()
        }
        Loaded::FollowUps(rows) => {
            model.home.follow_ups.rows = rows;
            Vec::new()
        }
        Loaded::QuestionList(view) => {
            match model.stack.last_mut() {
                Some(Screen::QuestionList(current)) if current.list.id == view.list.id => {
                    *current = view
                }
                _ => model.stack.push(Screen::QuestionList(view)),
            }
            Vec::new()
        }
        Loaded::Form(form, organizations) => {
            if let Some(organizations) = organizations {
                model.organizations = organizations;
            }
            model.mode = Mode::Form(form);
            Vec::new()
        }
        Loaded::Saved(Saved::Done { message, .. }) => {
            let kind = model.take_form().map(|f| f.kind);
            // The helpers are thanked: their list has done its work.
            if kind == Some(FormKind::LandedRole)
                && matches!(model.screen(), Some(Screen::Landed(_)))
            {
                model.stack.pop();
            }
            let counted = match kind {
                Some(FormKind::Snooze { .. }) => Some(ReviewCount::Snoozed),
                Some(FormKind::Touch {
                    completes: Some(_), ..
                }) => Some(ReviewCount::Touched),
                _ => None,
            };
            if let (Some(counted), Some(Screen::Review(view))) = (counted, model.stack.last_mut()) {
                view.count(counted, 1);
            }
            changed(model, message)
        }
        Loaded::Helpers(helpers) => {
            match model.stack.last_mut() {
                Some(Screen::Landed(view)) => {
                    view.helpers = helpers;
                    view.nav.keep_visible(view.helpers.len(), usize::MAX / 2);
                }
                _ => model
                    .stack
                    .push(Screen::Landed(crate::tui::model::LandedView {
                        helpers,
                        nav: Default::default(),
                    })),
            }
            Vec::new()
        }
        Loaded::SearchIndexed(done) => {
            model.search_caught_up = done;
            Vec::new()
        }
        Loaded::SearchOpened => {
            model.search_caught_up = true;
            if !matches!(model.screen(), Some(Screen::Search(_))) {
                model.stack.push(Screen::Search(Default::default()));
            }
            Vec::new()
        }
        Loaded::SearchResults(query, hits) => {
            if let Some(Screen::Search(view)) = model.stack.last_mut()
                && view.query == query
            {
                view.hits = hits;
                view.nav.keep_visible(view.hits.len(), usize::MAX / 2);
            }
            Vec::new()
        }
        Loaded::Insights(insights) => {
            match model.stack.last_mut() {
                Some(Screen::Insights(shown)) => *shown = insights,
                _ => model.stack.push(Screen::Insights(insights)),
            }
            Vec::new()
        }
        Loaded::StoredMeanwhile(stored) => {
            let Some(form) = model.form_mut() else {
                return Vec::new();
            };
            match form.rebase(*stored) {
                // Their changes and ours touch different fields: both are kept.
                0 => vec![Effect::SaveForm(Box::new(form.clone()))],
                conflicts => {
                    form.message = Some(format!(
                        "Changed elsewhere meanwhile ({conflicts}): Ctrl-T takes theirs, Ctrl-S \
                         keeps yours"
                    ));
                    Vec::new()
                }
            }
        }
        Loaded::Saved(Saved::ChangedMeanwhile) => Vec::new(),
        Loaded::Saved(Saved::ImportPreview(preview)) => {
            model.take_form();
            model.stack.push(Screen::ImportPreview(preview));
            Vec::new()
        }
        Loaded::Saved(Saved::Refused { field, message }) => {
            if let Some(form) = model.form_mut() {
                form.refuse(field, message);
            }
            Vec::new()
        }
        Loaded::Saved(Saved::Duplicate(duplicate)) => {
            if let Some(form) = model.form_mut() {
                form.message = Some(format!(
                    "{} has {} — Ctrl-S saves this one anyway, Ctrl-O opens theirs",
                    duplicate.name, duplicate.why
                ));
                form.duplicate = Some(duplicate);
            }
            Vec::new()
        }
        Loaded::Changed(message) => changed(model, message),
        Loaded::Trash(rows) => {
            match model.stack.last_mut() {
                Some(Screen::Trash(view)) => {
                    view.rows = rows;
                    view.nav.keep_visible(view.rows.len(), usize::MAX / 2);
                }
                _ => model.stack.push(Screen::Trash(TrashView {
                    rows,
                    nav: Nav::default(),
                })),
            }
            Vec::new()
        }
        Loaded::Meeting(mut view) => {
            match model.stack.last_mut() {
                Some(Screen::Meeting(current)) if current.interview == view.interview => {
                    // Keep the timer and the place.
                    view.opened_at = current.opened_at;
                    view.nav = current.nav;
                    view.nav.keep_visible(view.questions.len(), usize::MAX / 2);
                    *current = *view;
                }
                _ => model.stack.push(Screen::Meeting(*view)),
            }
            Vec::new()
        }
        Loaded::Review(items) => {
            match model.stack.last_mut() {
                Some(Screen::Review(view)) => {
                    view.items = items;
                    if let Some(seek) = view.seek.take() {
                        let found = view.items.iter().position(
                            |i| matches!(i.item, ItemKind::FollowUp { id, .. } if id == seek),
                        );
                        view.index = found.unwrap_or(view.index);
                    }
                    view.index = view.index.min(view.items.len());
                }
                _ => model.stack.push(Screen::Review(Box::new(ReviewView {
                    items,
                    ..ReviewView::default()
                }))),
            }
            crate::tui::screens::review::update::read_context(model)
        }
        Loaded::ReviewContext(context) => {
            if let Some(Screen::Review(view)) = model.stack.last_mut() {
                view.context = Some(context);
            }
            Vec::new()
        }
        Loaded::ReviewActed(before, counted) => {
            if let Some(Screen::Review(view)) = model.stack.last_mut() {
                view.count(counted, 1);
                view.undo.push(ReviewUndo::Put(before, counted));
            }
            model.reload_shown()
        }
        Loaded::ReviewUndone(_) => model.reload_shown(),
        Loaded::InterviewSteps(interview, name) => {
            let menu = crate::tui::overlays::step_menu::StepMenu::for_interview(&interview, &name);
            model.mode = Mode::Menu(menu);
            Vec::new()
        }
        Loaded::EditedText(text) => {
            if let Some(form) = model.form_mut() {
                form.focused_mut().input.set(&text);
            }
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
