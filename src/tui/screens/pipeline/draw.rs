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
        let cards_in_view = layout::inner_rows(area, false) / 2;
        let range = column.nav.top..(column.nav.top + cards_in_view).min(column.cards.len());
        let focused = index == board.column;
        // Two lines a card: the name, then the objective. The marker goes on the name line.
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
            // What it owes first: a narrow column keeps the part that matters.
            let state = match card.next {
                Some(owed) => format!(
                    "  {} · {} · ",
                    owed_words(owed.kind, owed.due_at, clock),
                    age(days)
                ),
                None => format!("  finished · {} · ", age(days)),
            };
            rows.push(Line::from(vec![
                Span::styled(state, theme.stage()),
                Span::styled(card.objective.clone(), theme.dim()),
            ]));
        }
        let shown = column.cards.len() as u64;
        let title = if column.total > shown {
            format!(
                "{} ({}, newest {shown})",
                column.stage.label(),
                column.total
            )
        } else {
            format!("{} ({})", column.stage.label(), column.total)
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
