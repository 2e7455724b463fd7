//! Where everything goes on the screen. One place computes it, and drawing, paging and mouse
//! clicks all ask here, so they always agree.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

use crate::tui::model::{Model, Pane, Screen, Section};

// Home's layouts are cut by arithmetic, not by ratatui's constraint solver: the solver took
// about a tenth of a millisecond for each layout the first time it met a size, and the first
// frame met three of them twice (once to know how many rows to read, once to draw). The test
// below checks the arithmetic against the solver at every size.

/// Header, body and footer.
pub fn frame(area: Rect) -> [Rect; 3] {
    if area.height < 2 {
        return Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area);
    }
    [
        Rect { height: 1, ..area },
        Rect {
            y: area.y + 1,
            height: area.height - 2,
            ..area
        },
        Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        },
    ]
}

/// Where `length` is cut at each of `percents` (running totals), rounded as the solver rounds.
fn cuts<const N: usize>(length: u16, percents: [u16; N]) -> [u16; N] {
    percents.map(|percent| {
        let cut = (f64::from(length) * f64::from(percent) / 100.0).round();
        // Within 0..=length, since percent is at most 100.
        cut as u16
    })
}

pub fn body(model: &Model) -> Rect {
    frame(Rect::new(0, 0, model.width, model.height))[1]
}

/// Each home pane's area; a zoomed pane takes the whole body.
pub fn home_panes(body: Rect, zoomed: Option<Pane>) -> Vec<(Pane, Rect)> {
    if let Some(pane) = zoomed {
        return vec![(pane, body)];
    }
    // 45% and 55% across; the right-hand side 30%, 45% and 25% down.
    let [across] = cuts(body.width, [45]);
    let left = Rect {
        width: across,
        ..body
    };
    let right = Rect {
        x: body.x + across,
        width: body.width - across,
        ..body
    };
    let [first, second] = cuts(right.height, [30, 75]);
    let meetings = Rect {
        height: first,
        ..right
    };
    let follow_ups = Rect {
        y: right.y + first,
        height: second - first,
        ..right
    };
    let lists = Rect {
        y: right.y + second,
        height: right.height - second,
        ..right
    };
    vec![
        (Pane::Contacts, left),
        (Pane::Meetings, meetings),
        (Pane::FollowUps, follow_ups),
        (Pane::QuestionLists, lists),
    ]
}

pub fn pane_area(model: &Model, pane: Pane) -> Rect {
    let zoomed = model.home.zoomed.then_some(model.focus());
    home_panes(body(model), zoomed)
        .into_iter()
        .find(|(p, _)| *p == pane)
        .map(|(_, r)| r)
        .unwrap_or_default()
}

/// The rows inside a bordered box, less the filter line when the box is being filtered.
pub fn inner_rows(area: Rect, filtering: bool) -> usize {
    (area.height as usize).saturating_sub(2 + usize::from(filtering))
}

/// Rows a home pane shows at once.
pub fn pane_rows(model: &Model, pane: Pane) -> usize {
    let filtering = model.filter.as_ref().is_some_and(|f| f.pane == pane);
    inner_rows(pane_area(model, pane), filtering).max(1)
}

/// The contact screen. Wide: fields and referrals on the left; interviews, follow-ups and the
/// timeline on the right. Narrow: the fields across the top, the four sections in a grid below.
pub fn contact_sections(body: Rect, field_lines: u16) -> (Rect, Vec<(Section, Rect)>) {
    let halves = |area: Rect, direction: Direction| {
        Layout::new(
            direction,
            [Constraint::Percentage(50), Constraint::Percentage(50)],
        )
        .areas::<2>(area)
    };
    let (fields, [people, interviews, follow_ups, timeline]) = if body.width < 100 {
        let fields_height = (field_lines + 2).min(body.height / 2);
        let [fields, rest] =
            Layout::vertical([Constraint::Length(fields_height), Constraint::Min(0)]).areas(body);
        let [top, bottom] = halves(rest, Direction::Vertical);
        let [people, interviews] = halves(top, Direction::Horizontal);
        let [follow_ups, timeline] = halves(bottom, Direction::Horizontal);
        (fields, [people, interviews, follow_ups, timeline])
    } else {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(body);
        let [fields, people] =
            Layout::vertical([Constraint::Length(field_lines + 2), Constraint::Min(3)]).areas(left);
        let [interviews, follow_ups, timeline] = Layout::vertical([
            Constraint::Percentage(25),
            Constraint::Percentage(30),
            Constraint::Percentage(45),
        ])
        .areas(right);
        (fields, [people, interviews, follow_ups, timeline])
    };
    (
        fields,
        Section::ALL
            .into_iter()
            .zip([people, interviews, follow_ups, timeline])
            .collect(),
    )
}

/// How many lines the contact's fields take (the box grows with them, up to a limit).
pub const CONTACT_FIELD_LINES: u16 = 10;

pub fn section_rows(model: &Model, section: Section) -> usize {
    let (_, sections) = contact_sections(body(model), CONTACT_FIELD_LINES);
    sections
        .into_iter()
        .find(|(s, _)| *s == section)
        .map(|(_, r)| inner_rows(r, false))
        .unwrap_or(1)
        .max(1)
}

/// The pipeline's five stage columns.
pub fn pipeline_columns(body: Rect, count: usize) -> Vec<Rect> {
    let constraints = vec![Constraint::Ratio(1, count.max(1) as u32); count];
    Layout::horizontal(constraints).split(body).to_vec()
}

/// Rows one card list shows (each card takes two lines).
pub fn pipeline_rows(model: &Model) -> usize {
    (inner_rows(body(model), false) / CARD_LINES).max(1)
}

/// Lines of a pipeline card: the name; what it owes and when, whole; how long it has stood
/// there and what it is for.
pub const CARD_LINES: usize = 3;

/// Rows of the open question list.
pub fn question_rows(model: &Model) -> usize {
    inner_rows(body(model), false).saturating_sub(2).max(1)
}

/// The number of rows a page holds on the current screen.
pub fn page(model: &Model) -> usize {
    match model.screen() {
        None => pane_rows(model, model.focus()),
        Some(Screen::Contact(detail)) => section_rows(model, detail.section),
        Some(Screen::Pipeline(_)) => pipeline_rows(model),
        Some(Screen::QuestionList(_)) => question_rows(model),
        Some(Screen::Trash(_) | Screen::Interview(_) | Screen::Organizations(_)) => {
            inner_rows(body(model), false).max(1)
        }
        Some(Screen::ImportPreview(_)) => inner_rows(import_preview(body(model))[1], false).max(1),
        Some(Screen::Insights(_)) => 1,
        Some(Screen::Landed(_)) => inner_rows(body(model), false).saturating_sub(3).max(1),
        Some(Screen::Search(_)) => inner_rows(body(model), false).saturating_sub(6).max(1),
        Some(Screen::Review(_)) => 1,
        Some(Screen::Meeting(_)) => (inner_rows(body(model), false).saturating_sub(1) / 2).max(1),
    }
}

/// Lines of the summary above the rejected rows.
const IMPORT_SUMMARY_HEIGHT: u16 = 6;

/// The import preview: what the import would do, above the rows it would reject.
pub fn import_preview(body: Rect) -> [Rect; 2] {
    Layout::vertical([
        Constraint::Length(IMPORT_SUMMARY_HEIGHT),
        Constraint::Min(3),
    ])
    .areas(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The arithmetic cuts exactly where ratatui's solver cuts, at every size.
    #[test]
    fn home_is_cut_where_the_solver_cuts_it() {
        for length in 0..=600u16 {
            let tall = Rect::new(3, 2, 17, length);
            let solved = Layout::vertical([
                Constraint::Length(1),
                Constraint::Min(0),
                Constraint::Length(1),
            ])
            .areas(tall);
            assert_eq!(frame(tall), solved, "frame of height {length}");
            let wide = Rect::new(3, 2, length, length / 3);
            let [left, right] =
                Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                    .areas(wide);
            let [meetings, follow_ups, lists] = Layout::vertical([
                Constraint::Percentage(30),
                Constraint::Percentage(45),
                Constraint::Percentage(25),
            ])
            .areas(right);
            let solved = vec![
                (Pane::Contacts, left),
                (Pane::Meetings, meetings),
                (Pane::FollowUps, follow_ups),
                (Pane::QuestionLists, lists),
            ];
            assert_eq!(home_panes(wide, None), solved, "home of {wide:?}");
        }
    }
}
