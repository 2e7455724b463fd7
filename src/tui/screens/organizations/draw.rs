//! The organisations: the list on the left, the selected one's website, people and interviews
//! on the right.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use crate::domain::numbers::count;
use crate::domain::sanitize;
use crate::tui::view::layout;
use crate::tui::view::list::ListBox;
use crate::tui::view::theme::Theme;

use super::{OrganizationsView, Side};

pub fn draw(frame: &mut Frame, view: &OrganizationsView, body: Rect, theme: Theme) {
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);
    list(frame, view, left, theme);
    people(frame, view, right, theme);
}

fn number(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn list(frame: &mut Frame, view: &OrganizationsView, area: Rect, theme: Theme) {
    let height = layout::inner_rows(area, false).max(1);
    // The selection is always in view (it may have been set from a contact's organisation).
    let top = view
        .nav
        .top
        .min(view.nav.selected)
        .max((view.nav.selected + 1).saturating_sub(height));
    let range = top..(top + height).min(view.rows.len());
    let rows = range
        .clone()
        .filter_map(|i| view.rows.get(i))
        .map(|o| {
            Line::from(vec![
                Span::raw(crate::tui::view::clip(&sanitize::line(&o.name))),
                Span::styled(
                    format!(
                        " · {} · {} · {} met",
                        count(number(o.contacts), "person"),
                        count(number(o.interviews), "interview"),
                        o.met
                    ),
                    theme.dim(),
                ),
            ])
        })
        .collect();
    let shown = view.rows.len() as u64;
    let title = if view.total > shown {
        format!("Organisations ({} of {})", shown, view.total)
    } else {
        format!("Organisations ({})", view.total)
    };
    frame.render_widget(
        ListBox {
            title,
            selected: range.clone().position(|i| i == view.nav.selected),
            rows,
            focused: view.side == Side::Organizations,
            empty: "No organisations yet: a adds one (or give a contact one)",
            bottom: None,
            theme,
        },
        area,
    );
}

fn people(frame: &mut Frame, view: &OrganizationsView, area: Rect, theme: Theme) {
    let Some(org) = view.selected() else {
        return;
    };
    let mut rows: Vec<Line> = Vec::new();
    let website = if org.website.trim().is_empty() {
        "no website yet (e adds one)".to_string()
    } else {
        format!("{} (o opens it)", sanitize::line(&org.website))
    };
    rows.push(Line::styled(website, theme.dim()));
    rows.push(Line::default());
    let mut selected = None;
    match view.people_of_selected() {
        None => rows.push(Line::styled("Reading…", theme.dim())),
        Some(people) => {
            rows.push(Line::styled(
                format!("People ({})", people.contacts.len()),
                theme.stage(),
            ));
            for (i, c) in people.contacts.iter().enumerate() {
                if view.side == Side::People && i == view.people_nav.selected {
                    selected = Some(rows.len());
                }
                let title = if c.title.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", sanitize::line(&c.title))
                };
                rows.push(Line::from(vec![
                    Span::raw(sanitize::line(&c.name)),
                    Span::styled(title, theme.dim()),
                ]));
            }
            rows.push(Line::default());
            rows.push(Line::styled(
                format!("Interviews ({})", people.interviews.len()),
                theme.stage(),
            ));
            for (_, name, objective, stage) in &people.interviews {
                rows.push(Line::from(vec![
                    Span::styled(format!("{:<10}", stage.label()), theme.stage()),
                    Span::raw(sanitize::line(name)),
                    Span::styled(format!(" · {}", sanitize::line(objective)), theme.dim()),
                ]));
            }
        }
    }
    // The selected person kept in view.
    let height = layout::inner_rows(area, false);
    let top = selected.map_or(0, |at| at.saturating_sub(height.saturating_sub(1)));
    let selected = selected.map(|at| at - top);
    let rows = rows.into_iter().skip(top).take(height).collect();
    frame.render_widget(
        ListBox {
            title: sanitize::line(&org.name),
            selected,
            rows,
            focused: view.side == Side::People,
            empty: "",
            bottom: None,
            theme,
        },
        area,
    );
}
