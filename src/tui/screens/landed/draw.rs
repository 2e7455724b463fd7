//! "I landed a role": everyone who helped, and how, before a thank-you and an update are
//! queued for each of them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::model::LandedView;
use crate::tui::view::layout;
use crate::tui::view::list::ListBox;
use crate::tui::view::theme::Theme;

pub fn draw(frame: &mut Frame, view: &LandedView, body: Rect, theme: Theme) {
    let [intro, list_area] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(body);
    let thanked = view.helpers.len().saturating_sub(view.left_out.len());
    let words = format!(
        " Congratulations! {} helped along the way. Enter queues a thank-you (sharing the news) \
         and, a month on, an update for {} of them; Space leaves someone out.",
        crate::domain::numbers::count(view.helpers.len() as i64, "person"),
        if view.left_out.is_empty() {
            "each".to_string()
        } else {
            format!("{thanked}")
        }
    );
    frame.render_widget(
        Paragraph::new(Line::styled(words, theme.title(true)))
            .wrap(ratatui::widgets::Wrap { trim: true }),
        intro,
    );
    let height = layout::inner_rows(list_area, false);
    let range = view.nav.top..(view.nav.top + height).min(view.helpers.len());
    let rows = range
        .clone()
        .map(|i| {
            let Some(helper) = view.helpers.get(i) else {
                return Line::default();
            };
            let out = view.left_out.contains(&helper.id);
            Line::from(vec![
                Span::styled(
                    if out { "[ ] " } else { "[x] " },
                    if out { theme.dim() } else { theme.title(false) },
                ),
                Span::raw(format!("{:<28}", crate::tui::view::clip(&helper.name))),
                Span::styled(
                    if out {
                        "left out".to_string()
                    } else {
                        helper.how()
                    },
                    theme.dim(),
                ),
            ])
        })
        .collect();
    let list = ListBox {
        title: format!("Who helped ({})", view.helpers.len()),
        selected: range.clone().position(|i| i == view.nav.selected),
        rows,
        focused: true,
        empty: "No one yet: meetings held, referrals and introductions show here",
        bottom: None,
        theme,
    };
    frame.render_widget(list, list_area);
}
