//! Home's results from the database, folded in: the panes, the contact window, the index.

use crate::domain::Id;
use crate::domain::rows::ContactRow;
use crate::tui::data::effect::{ContactFetch, Effect};
use crate::tui::data::loaded::HomeData;
use crate::tui::model::{Model, Pane};
use crate::tui::screens::home::contact_index::{ContactIndex, IndexRow};
use crate::tui::screens::home::contacts_window::apply_fetch;
use crate::tui::screens::home::update::{ensure_contacts_loaded, keep_panes_visible, rematch};

/// Home read again: the header and the panes, keeping each place.
pub fn home(model: &mut Model, data: HomeData) -> Vec<Effect> {
    model.header = data.header;
    let home = &mut model.home;
    home.meetings.rows = data.meetings;
    home.meetings_total = data.meetings_total;
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
        effects.push(model.next_index_chunk());
    } else {
        rematch(model);
    }
    effects
}

/// A window of the contact list; more is asked for while the pane is not yet covered (a pane
/// taller than one fetch showed placeholders until a key was pressed).
pub fn contacts(model: &mut Model, fetch: ContactFetch, rows: Vec<ContactRow>) -> Vec<Effect> {
    let height = crate::tui::view::layout::pane_rows(model, Pane::Contacts);
    let came = !rows.is_empty();
    apply_fetch(&mut model.home.contacts, &fetch, rows, height);
    if came {
        ensure_contacts_loaded(model)
    } else {
        Vec::new()
    }
}

/// A chunk of the filter's contact index.
pub fn index_chunk(
    model: &mut Model,
    organizations: Option<Vec<(Id, String)>>,
    rows: Vec<IndexRow>,
    complete: bool,
) -> Vec<Effect> {
    let index = match (model.contact_index.as_mut(), organizations) {
        (Some(index), None) => index,
        (_, organizations) => model
            .contact_index
            .insert(std::sync::Arc::new(ContactIndex::new(
                organizations.unwrap_or_default(),
            ))),
    };
    std::sync::Arc::make_mut(index).append(rows, complete);
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
