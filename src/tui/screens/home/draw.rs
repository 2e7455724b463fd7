//! Home: Contacts, Upcoming meetings, Follow-ups and Question lists, side by side.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::Clock;
use crate::tui::model::{Model, Pane};
use crate::tui::screens::home::filter::Highlighter;
use crate::tui::screens::nav::Nav;
use crate::tui::view::layout;
use crate::tui::view::list::{ListBox, highlighted};
use crate::tui::view::theme::Theme;

pub fn draw(frame: &mut Frame, model: &Model, body: Rect, clock: &Clock, theme: Theme) {
    let zoomed = model.home.zoomed.then_some(model.focus());
    for (pane, area) in layout::home_panes(body, zoomed) {
        let list = pane_box(model, pane, area, clock, theme);
        frame.render_widget(list, area);
    }
}

/// Which rows of a pane are in view, through its filter: (position in the pane's rows,
/// selected?) for each visible line.
fn visible(model: &Model, pane: Pane, height: usize, nav: Nav, len: usize) -> Vec<(usize, bool)> {
    let filter = model.filter.as_ref().filter(|f| f.pane == pane);
    let (nav, len) = match filter {
        Some(f) => (f.nav, f.matches.len()),
        None => (nav, len),
    };
    (nav.top..(nav.top + height).min(len))
        .map(|i| {
            (
                filter.map_or(i, |f| f.matches.get(i).map_or(usize::MAX, |m| *m as usize)),
                i == nav.selected,
            )
        })
        .collect()
}

fn pane_box<'a>(
    model: &'a Model,
    pane: Pane,
    area: Rect,
    clock: &Clock,
    theme: Theme,
) -> ListBox<'a> {
    let filter = model.filter.as_ref().filter(|f| f.pane == pane);
    let mut query = filter.and_then(|f| Highlighter::new(&f.query));
    let height = layout::inner_rows(area, filter.is_some());
    let home = &model.home;
    let (rows, total, empty): (Vec<(Line, bool)>, usize, &str) = match pane {
        Pane::Contacts => {
            let pane_rows = match (filter, &model.contact_index) {
                (Some(_), Some(index)) => visible(model, pane, height, Nav::default(), 0)
                    .into_iter()
                    .map(|(i, sel)| {
                        (
                            name_line(index.name(i), index.organization(i), &mut query, theme),
                            sel,
                        )
                    })
                    .collect(),
                (Some(_), None) => vec![(Line::styled("Loading names…", theme.dim()), false)],
                (None, _) => visible(model, pane, height, home.contacts.nav, home.contacts.total)
                    .into_iter()
                    .map(|(i, sel)| match home.contacts.row_at(i) {
                        Some(row) => (contact_line(row, theme), sel),
                        None => (Line::styled("…", theme.dim()), sel),
                    })
                    .collect(),
            };
            (
                pane_rows,
                home.contacts.total,
                "No contacts yet — press a to add one, I to import a file (LinkedIn, CSV, vCard), or run rolo --demo to look around",
            )
        }
        Pane::Meetings => (
            visible(
                model,
                pane,
                height,
                home.meetings.nav,
                home.meetings.rows.len(),
            )
            .into_iter()
            .filter_map(|(i, sel)| {
                let m = home.meetings.rows.get(i)?;
                let mut spans = vec![Span::styled(
                    format!("{:<17} ", clock.when(m.starts_at)),
                    theme.dim(),
                )];
                spans.extend(highlighted(
                    &m.contact_name,
                    &mut query,
                    Style::new(),
                    theme,
                ));
                spans.push(Span::styled(
                    format!(" · {}", m.mode.label().to_lowercase()),
                    theme.dim(),
                ));
                Some((Line::from(spans), sel))
            })
            .collect(),
            home.meetings_total.max(home.meetings.rows.len()),
            "No meetings in the next two weeks",
        ),
        Pane::FollowUps => (
            visible(
                model,
                pane,
                height,
                home.follow_ups.nav,
                home.follow_ups.rows.len(),
            )
            .into_iter()
            .filter_map(|(i, sel)| {
                let f = home.follow_ups.rows.get(i)?;
                let mut spans = vec![due_label(f.due_at, clock, theme)];
                spans.extend(highlighted(&f.title, &mut query, Style::new(), theme));
                Some((Line::from(spans), sel))
            })
            .collect(),
            home.follow_ups.rows.len(),
            "Nothing due this week — follow-ups appear as interviews move",
        ),
        Pane::QuestionLists => (
            visible(
                model,
                pane,
                height,
                home.question_lists.nav,
                home.question_lists.rows.len(),
            )
            .into_iter()
            .filter_map(|(i, sel)| {
                let l = home.question_lists.rows.get(i)?;
                let mut spans = highlighted(&l.name, &mut query, Style::new(), theme);
                spans.push(Span::styled(format!(" ({})", l.questions), theme.dim()));
                Some((Line::from(spans), sel))
            })
            .collect(),
            home.question_lists.rows.len(),
            "No question lists — press a to write one",
        ),
    };
    let title = pane_title(model, pane, filter, total);
    let selected = rows.iter().position(|(_, sel)| *sel);
    let empty = if filter.is_some() {
        "Nothing matches — Backspace to widen, Esc to clear"
    } else {
        empty
    };
    ListBox {
        title,
        rows: rows.into_iter().map(|(line, _)| line).collect(),
        selected,
        focused: model.focus() == pane,
        empty,
        bottom: filter.map(|f| {
            let room = (area.width as usize).saturating_sub(5);
            filter_line(&f.query, room, model.filtering(), theme)
        }),
        theme,
    }
}

/// When a follow-up is due, as the pane says it: "! 3d late", "• today", "  Tue 01 Dec".
fn due_label<'a>(due_at: crate::domain::Timestamp, clock: &Clock, theme: Theme) -> Span<'a> {
    let days = (clock.today() - clock.local_date_of(due_at)).num_days();
    let (label, style) = match days {
        d if d > 0 => (format!("! {d}d late"), theme.overdue()),
        0 => ("• today".to_string(), theme.due_today()),
        _ => (format!("  {}", clock.day(due_at)), theme.dim()),
    };
    Span::styled(format!("{label:<12} "), style)
}

/// "1 Contacts (61)", "1 Contacts (3 of 61)" while filtered, and the follow-ups' counts.
fn pane_title(
    model: &Model,
    pane: Pane,
    filter: Option<&crate::tui::screens::home::filter::Filter>,
    total: usize,
) -> String {
    let number = pane.index() + 1;
    match filter {
        Some(f) => format!(
            "{number} {} ({} of {})",
            pane.title(),
            crate::tui::view::group(f.matches.len()),
            crate::tui::view::group(total)
        ),
        None if pane == Pane::FollowUps => {
            let h = &model.header;
            format!(
                // "late", not "overdue": the title fits a half-width pane at 80 columns.
                "{number} Follow-ups ({} late, {} today)",
                crate::tui::view::chrome::count(h.overdue),
                crate::tui::view::chrome::count(h.due_today)
            )
        }
        None => format!(
            "{number} {} ({})",
            pane.title(),
            crate::tui::view::group(total)
        ),
    }
}

fn contact_line<'a>(row: &crate::domain::rows::ContactRow, theme: Theme) -> Line<'a> {
    let detail = match (row.title.is_empty(), row.organization.is_empty()) {
        (true, true) => String::new(),
        (false, true) => crate::tui::view::clip(&row.title),
        (true, false) => crate::tui::view::clip(&row.organization),
        (false, false) => format!(
            "{}, {}",
            crate::tui::view::clip(&row.title),
            crate::tui::view::clip(&row.organization)
        ),
    };
    name_line(&row.name, &detail, &mut None, theme)
}

/// "Name · detail", with the filter's matched characters highlighted in both.
fn name_line<'a>(
    name: &str,
    detail: &str,
    query: &mut Option<Highlighter>,
    theme: Theme,
) -> Line<'a> {
    let mut spans = highlighted(name, query, Style::new(), theme);
    if !detail.is_empty() {
        spans.push(Span::styled(" · ", theme.dim()));
        spans.extend(highlighted(detail, query, theme.dim(), theme));
    }
    Line::from(spans)
}

fn filter_line<'a>(query: &str, room: usize, editing: bool, theme: Theme) -> Line<'a> {
    let cursor = if editing { "▏" } else { "" };
    let (shown, _) = crate::tui::view::typed_end(query, room);
    Line::from(vec![
        Span::styled("/", theme.key()),
        Span::raw(format!("{shown}{cursor}")),
    ])
}
