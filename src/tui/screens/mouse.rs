//! The mouse: a click focuses and selects (a second click on the selection opens it), the
//! wheel scrolls what is under the pointer.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::domain::Clock;
use crate::tui::data::effect::Effect;
use crate::tui::keys::action::Action;
use crate::tui::model::{Mode, Model, Pane, Screen};
use crate::tui::screens::act as update;
use crate::tui::screens::home::update::ensure_contacts_loaded;
use crate::tui::screens::nav::Nav;
use crate::tui::view::layout;

const WHEEL_STEP: isize = 3;

pub fn mouse(model: &mut Model, event: MouseEvent, clock: &Clock) -> Vec<Effect> {
    if model.too_small() {
        return Vec::new();
    }
    match model.mode {
        Mode::Normal => {}
        // A click on the list ends typing the filter, as Enter would.
        Mode::Filtering => model.mode = Mode::Normal,
        _ => return Vec::new(),
    }
    let at = Position::new(event.column, event.row);
    match model.screen() {
        None => home(model, event.kind, at, clock),
        Some(Screen::Pipeline(_)) => pipeline(model, event.kind, at, clock),
        Some(Screen::Review(_) | Screen::Insights(_) | Screen::Search(_)) => Vec::new(),
        Some(
            Screen::Contact(_)
            | Screen::QuestionList(_)
            | Screen::Trash(_)
            | Screen::Meeting(_)
            | Screen::ImportPreview(_)
            | Screen::Landed(_)
            | Screen::Interview(_)
            | Screen::Organizations(_),
        ) => match event.kind {
            MouseEventKind::ScrollDown => update(model, Action::MoveDown, clock),
            MouseEventKind::ScrollUp => update(model, Action::MoveUp, clock),
            _ => Vec::new(),
        },
    }
}

/// The row of a bordered list at `at`, if the click fell on one.
fn row_under(area: Rect, at: Position, top: usize) -> Option<usize> {
    let inside = area.contains(at) && at.y > area.y && at.y + 1 < area.y + area.height;
    inside.then(|| top + (at.y - area.y - 1) as usize)
}

fn home(model: &mut Model, kind: MouseEventKind, at: Position, clock: &Clock) -> Vec<Effect> {
    let zoomed = model.home.zoomed.then_some(model.focus());
    let Some((pane, area)) = layout::home_panes(layout::body(model), zoomed)
        .into_iter()
        .find(|(_, r)| r.contains(at))
    else {
        return Vec::new();
    };
    match kind {
        MouseEventKind::Down(MouseButton::Left) => {
            model.home.focus.0 = pane;
            let height = layout::pane_rows(model, pane);
            let (nav, len) = pane_nav(model, pane);
            let Some(row) = row_under(area, at, nav.top).filter(|r| *r < len) else {
                return Vec::new();
            };
            if row == nav.selected {
                return update(model, Action::Open, clock);
            }
            pane_nav_mut(model, pane).select(row, len, height);
            ensure_contacts_loaded(model)
        }
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let delta = if kind == MouseEventKind::ScrollDown {
                WHEEL_STEP
            } else {
                -WHEEL_STEP
            };
            let height = layout::pane_rows(model, pane);
            let (_, len) = pane_nav(model, pane);
            pane_nav_mut(model, pane).scroll(delta, len, height);
            ensure_contacts_loaded(model)
        }
        _ => Vec::new(),
    }
}

/// The selection of a pane and how many rows it has (through its filter, if any).
fn pane_nav(model: &Model, pane: Pane) -> (Nav, usize) {
    if let Some(filter) = model.filter.as_ref().filter(|f| f.pane == pane) {
        return (filter.nav, filter.matches.len());
    }
    let home = &model.home;
    match pane {
        Pane::Contacts => (home.contacts.nav, home.contacts.total),
        Pane::Meetings => (home.meetings.nav, home.meetings.rows.len()),
        Pane::FollowUps => (home.follow_ups.nav, home.follow_ups.rows.len()),
        Pane::QuestionLists => (home.question_lists.nav, home.question_lists.rows.len()),
    }
}

fn pane_nav_mut(model: &mut Model, pane: Pane) -> &mut Nav {
    if let Some(filter) = model.filter.as_mut().filter(|f| f.pane == pane) {
        return &mut filter.nav;
    }
    let home = &mut model.home;
    match pane {
        Pane::Contacts => &mut home.contacts.nav,
        Pane::Meetings => &mut home.meetings.nav,
        Pane::FollowUps => &mut home.follow_ups.nav,
        Pane::QuestionLists => &mut home.question_lists.nav,
    }
}

fn pipeline(model: &mut Model, kind: MouseEventKind, at: Position, clock: &Clock) -> Vec<Effect> {
    let body = layout::body(model);
    let height = layout::pipeline_rows(model);
    let Some(Screen::Pipeline(board)) = model.stack.last_mut() else {
        return Vec::new();
    };
    let columns = layout::pipeline_columns(body, board.columns.len());
    let Some(index) = columns.iter().position(|r| r.contains(at)) else {
        return Vec::new();
    };
    let (Some(area), Some(column)) = (columns.get(index), board.columns.get_mut(index)) else {
        return Vec::new();
    };
    board.column = index;
    let len = column.cards.len();
    match kind {
        MouseEventKind::Down(MouseButton::Left) => {
            let inside = at.y > area.y;
            let row =
                column.nav.top + usize::from(at.y.saturating_sub(area.y + 1)) / layout::CARD_LINES;
            if inside && row < len {
                if row == column.nav.selected {
                    return update(model, Action::Open, clock);
                }
                column.nav.select(row, len, height);
            }
        }
        MouseEventKind::ScrollDown => column.nav.scroll(1, len, height),
        MouseEventKind::ScrollUp => column.nav.scroll(-1, len, height),
        _ => {}
    }
    Vec::new()
}
