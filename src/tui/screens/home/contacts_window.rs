//! The contact list at any size: the pane holds a window of rows around the viewport and asks
//! for the next ones by keyset as the selection nears an edge, so a key press never waits for
//! more than a page of rows.

use crate::tui::data::effect::ContactFetch;
use crate::tui::model::ContactsPane;

/// Rows fetched at a time.
pub const CONTACT_CHUNK: usize = 60;
/// The most rows the window keeps, on a pane up to two chunks shorter.
const MAX_WINDOW: usize = CONTACT_CHUNK * 4;

/// The most rows the window keeps for a pane `height` rows tall: always a chunk beyond the
/// viewport on each side, or filling a tall pane would drop at one end what it needs at the
/// other.
fn window_cap(height: usize) -> usize {
    MAX_WINDOW.max(height + 2 * CONTACT_CHUNK)
}

/// What to load so that the viewport (`nav.top`, `height` rows) is covered, if anything.
pub fn window_fetch(pane: &ContactsPane, height: usize) -> Option<ContactFetch> {
    if pane.total == 0 {
        return None;
    }
    let want_start = pane.nav.top;
    let want_end = (pane.nav.top + height).min(pane.total);
    let have_start = pane.window_start;
    let have_end = pane.window_start + pane.rows.len();
    if pane.rows.is_empty() || want_end <= have_start || want_start >= have_end {
        // Far from what is loaded (a jump): load a window centred on the viewport.
        let start = want_start.saturating_sub(CONTACT_CHUNK / 3);
        return Some(ContactFetch::At(
            start.min(pane.total.saturating_sub(CONTACT_CHUNK)),
        ));
    }
    if want_end > have_end {
        return pane.rows.last().cloned().map(ContactFetch::After);
    }
    if want_start < have_start {
        return pane.rows.first().cloned().map(ContactFetch::Before);
    }
    None
}

/// Merges loaded rows into the window of a pane `height` rows tall, dropping rows far from
/// the viewport.
pub fn apply_fetch(
    pane: &mut ContactsPane,
    fetch: &ContactFetch,
    rows: Vec<crate::domain::rows::ContactRow>,
    height: usize,
) {
    let cap = window_cap(height);
    match fetch {
        ContactFetch::At(start) => {
            pane.window_start = *start;
            pane.rows = rows;
        }
        ContactFetch::After(last) => {
            if pane.rows.last() != Some(last) {
                return; // the window moved since this was asked for
            }
            pane.rows.extend(rows);
            if pane.rows.len() > cap {
                let excess = pane.rows.len() - cap;
                pane.rows.drain(..excess);
                pane.window_start += excess;
            }
        }
        ContactFetch::Before(first) => {
            if pane.rows.first() != Some(first) {
                return;
            }
            // Rows come in list order, ending just before the window.
            let added = rows.len().min(pane.window_start);
            pane.window_start -= added;
            let mut merged = rows;
            merged.drain(..merged.len() - added);
            merged.append(&mut pane.rows);
            merged.truncate(cap);
            pane.rows = merged;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Id;
    use crate::domain::rows::ContactRow;

    fn rows(range: std::ops::Range<usize>) -> Vec<ContactRow> {
        range
            .map(|i| ContactRow {
                id: Id::new(),
                name: format!("{i:06}"),
                title: String::new(),
                organization: String::new(),
            })
            .collect()
    }

    #[test]
    fn moving_past_the_window_asks_for_the_next_rows() {
        let mut pane = ContactsPane {
            total: 1000,
            ..Default::default()
        };
        assert_eq!(window_fetch(&pane, 20), Some(ContactFetch::At(0)));
        apply_fetch(&mut pane, &ContactFetch::At(0), rows(0..CONTACT_CHUNK), 20);
        assert_eq!(window_fetch(&pane, 20), None);
        pane.nav.top = CONTACT_CHUNK - 10;
        let Some(ContactFetch::After(last)) = window_fetch(&pane, 20) else {
            panic!("expected After")
        };
        assert_eq!(last.name, format!("{:06}", CONTACT_CHUNK - 1));
        let fetch = ContactFetch::After(last);
        apply_fetch(
            &mut pane,
            &fetch,
            rows(CONTACT_CHUNK..2 * CONTACT_CHUNK),
            20,
        );
        assert_eq!(
            pane.row_at(CONTACT_CHUNK).unwrap().name,
            format!("{CONTACT_CHUNK:06}")
        );
        for _ in 0..3 {
            let start = pane.window_start + pane.rows.len();
            let fetch = ContactFetch::After(pane.rows.last().unwrap().clone());
            apply_fetch(&mut pane, &fetch, rows(start..start + CONTACT_CHUNK), 20);
        }
        assert_eq!(pane.rows.len(), MAX_WINDOW, "the window stays bounded");
        assert_eq!(
            pane.row_at(pane.window_start).unwrap().name,
            format!("{:06}", pane.window_start)
        );
    }

    #[test]
    fn a_jump_loads_a_window_around_the_viewport() {
        let mut pane = ContactsPane {
            total: 1000,
            ..Default::default()
        };
        apply_fetch(&mut pane, &ContactFetch::At(0), rows(0..CONTACT_CHUNK), 20);
        pane.nav.top = 980;
        assert_eq!(
            window_fetch(&pane, 20),
            Some(ContactFetch::At(1000 - CONTACT_CHUNK))
        );
    }

    #[test]
    fn moving_up_past_the_window_prepends() {
        let mut pane = ContactsPane {
            total: 1000,
            ..Default::default()
        };
        apply_fetch(
            &mut pane,
            &ContactFetch::At(500),
            rows(500..500 + CONTACT_CHUNK),
            20,
        );
        pane.nav.top = 495;
        let Some(fetch @ ContactFetch::Before(_)) = window_fetch(&pane, 20) else {
            panic!("expected Before")
        };
        apply_fetch(&mut pane, &fetch, rows(500 - CONTACT_CHUNK..500), 20);
        assert_eq!(pane.window_start, 500 - CONTACT_CHUNK);
        assert_eq!(pane.row_at(495).unwrap().name, "000495");
    }
}
