//! The trash: deleted records, newest first; Enter or u restores one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::domain::Clock;
use crate::tui::model::TrashView;
use crate::tui::view::layout;
use crate::tui::view::list::ListBox;
use crate::tui::view::theme::Theme;

pub fn draw(frame: &mut Frame, view: &TrashView, body: Rect, clock: &Clock, theme: Theme) {
    let height = layout::inner_rows(body, false);
    let range = view.nav.top..(view.nav.top + height).min(view.rows.len());
    let rows = range
        .clone()
        .map(|i| {
            let Some(row) = view.rows.get(i) else {
                return Line::default();
            };
            Line::from(vec![
                Span::styled(format!("{:<18}", clock.when(row.deleted_at)), theme.dim()),
                Span::styled(format!("{:<16}", row.noun), theme.stage()),
                Span::raw(row.label.clone()),
            ])
        })
        .collect();
    let list = ListBox {
        title: format!("Trash ({}) — Enter or u restores", view.rows.len()),
        selected: range.clone().position(|i| i == view.nav.selected),
        rows,
        focused: true,
        empty: "Nothing deleted",
        bottom: None,
        theme,
    };
    frame.render_widget(list, body);
}
