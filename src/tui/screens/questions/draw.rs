//! One question list, its questions numbered.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::model::QuestionListView;
use crate::tui::view::layout as screen;
use crate::tui::view::list::ListBox;
use crate::tui::view::theme::Theme;

pub fn draw(frame: &mut Frame, view: &QuestionListView, body: Rect, theme: Theme) {
    let [about, list_area] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(body);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!(" {}", view.list.description),
            theme.dim(),
        ))),
        about,
    );
    let height = screen::inner_rows(list_area, false);
    let range = view.nav.top..(view.nav.top + height).min(view.questions.len());
    let rows = range
        .clone()
        .filter_map(|i| {
            Some(Line::raw(format!(
                "{:>2}. {}",
                i + 1,
                view.questions.get(i)?.text
            )))
        })
        .collect();
    let list = ListBox {
        title: format!("{} ({})", view.list.name, view.questions.len()),
        selected: range.clone().position(|i| i == view.nav.selected),
        rows,
        focused: true,
        empty: "No questions in this list yet",
        bottom: None,
        theme,
    };
    frame.render_widget(list, list_area);
}
