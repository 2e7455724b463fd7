//! The pipeline board: one column per stage, interviews as cards.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::domain::Clock;
use crate::domain::playbook::{age, owed_words};
use crate::tui::model::Pipeline;
use crate::tui::view::layout;
use crate::tui::view::list::ListBox;
use crate::tui::view::theme::Theme;

pub fn draw(frame: &mut Frame, board: &Pipeline, body: Rect, clock: &Clock, theme: Theme) {
    let areas = layout::pipeline_columns(body, board.columns.len());
    for (index, (column, area)) in board.columns.iter().zip(areas).enumerate() {
        let cards_in_view = layout::inner_rows(area, false) / layout::CARD_LINES;
        let range = column.nav.top..(column.nav.top + cards_in_view).min(column.cards.len());
        let focused = index == board.column;
        // Three lines a card (`CARD_LINES`): the name (with the marker), what it owes and
        // when — whole, a date is never cut — then its age and objective.
        let mut rows = Vec::new();
        let mut selected = None;
        for i in range {
            let Some(card) = column.cards.get(i) else {
                continue;
            };
            if i == column.nav.selected {
                selected = Some(rows.len());
            }
            rows.push(Line::raw(card.contact_name.clone()));
            let days = (clock.today() - clock.local_date_of(card.updated_at)).num_days();
            let owed = match card.next {
                Some(owed) => owed_words(owed.kind, owed.due_at, clock),
                None => "finished".to_string(),
            };
            // In a narrow column what it owes takes the third line too, rather than lose its
            // time; the age and objective give way.
            // (The box's borders, the selection marker and the indent take six columns.)
            let width = usize::from(area.width.saturating_sub(6)).max(8);
            let mut owed = crate::tui::overlays::text_box::wrap(&owed, width).into_iter();
            rows.push(Line::styled(
                format!("  {}", owed.next().unwrap_or_default()),
                theme.stage(),
            ));
            match owed.next() {
                Some(rest) => rows.push(Line::styled(format!("  {rest}"), theme.stage())),
                None => rows.push(Line::from(vec![
                    Span::styled(format!("  {} · ", age(days)), theme.dim()),
                    Span::styled(card.objective.clone(), theme.dim()),
                ])),
            }
        }
        let shown = column.cards.len() as u64;
        // Short enough for a fifth of 120 columns: "Thank-you (24/3,333)", the newest shown.
        let total = crate::tui::view::group(column.total as usize);
        let title = if column.total > shown {
            format!("{} ({shown}/{total})", column.stage.label())
        } else {
            format!("{} ({total})", column.stage.label())
        };
        let list = ListBox {
            title,
            rows,
            selected,
            focused,
            empty: "None",
            bottom: None,
            theme,
        };
        frame.render_widget(list, area);
    }
}
