//! Meeting mode: the questions, each ticked when asked, its answer beneath; a timer against
//! the time asked for.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::Clock;
use crate::tui::model::{MeetingTyping, MeetingView};
use crate::tui::view::list::ListBox;
use crate::tui::view::rows::rows as wrapped;
use crate::tui::view::theme::Theme;
use crate::tui::view::window;

/// Where an answer's text starts on its row.
const ANSWER_INDENT: usize = 8;
/// The most rows the selected question or its answer takes (more when the pane has room).
const MOST: usize = 6;

/// A selected question whose answer runs long pushes the ones above out of view, so that it
/// is seen whole.
fn keep_selected_in_view(
    rows: &mut Vec<Line<'_>>,
    selected: &mut Option<usize>,
    cursor: &mut Option<(usize, usize)>,
    room_rows: usize,
) {
    let Some(first) = *selected else {
        return;
    };
    let drop = selected_end(rows, first)
        .saturating_sub(room_rows)
        .min(first);
    if drop > 0 {
        rows.drain(..drop);
        *selected = Some(first - drop);
        *cursor = cursor.map(|(row, column)| (row.saturating_sub(drop), column));
    }
}

/// The row after the selected question's block (it and its answer's rows).
fn selected_end(rows: &[Line<'_>], first: usize) -> usize {
    let answer_rows = rows
        .iter()
        .skip(first + 1)
        .take_while(|line| {
            line.spans
                .first()
                .is_some_and(|s| s.content.starts_with("      "))
        })
        .count();
    first + 1 + answer_rows
}

pub fn draw(
    frame: &mut Frame,
    view: &MeetingView,
    typing: Option<&MeetingTyping>,
    body: Rect,
    clock: &Clock,
    theme: Theme,
) {
    let [top, list_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(body);
    frame.render_widget(Paragraph::new(timer(view, clock, theme)), top);

    // The selected one's question and answer take up to a third of the pane each.
    let most = (crate::tui::view::layout::inner_rows(list_area, false) / 3).max(MOST);
    // Two lines a question: the question, then its answer.
    let per_page = (crate::tui::view::layout::inner_rows(list_area, false) / 2).max(1);
    let range = view.nav.top..(view.nav.top + per_page).min(view.questions.len());
    let mut rows = Vec::new();
    let mut selected = None;
    let mut cursor = None;
    for i in range {
        let Some(question) = view.questions.get(i) else {
            continue;
        };
        if i == view.nav.selected {
            selected = Some(rows.len());
        }
        let tick = if question.asked { "[x]" } else { "[ ]" };
        let before = view.answered_before(question);
        // The selected question reads whole (wrapped under itself); the others on a line.
        let room = (list_area.width as usize)
            .saturating_sub(ANSWER_INDENT + 4)
            .max(8);
        let parts = if i == view.nav.selected {
            wrapped(&question.text, room, None, most).0
        } else {
            vec![question.text.clone()]
        };
        for (n, part) in parts.into_iter().enumerate() {
            if n > 0 {
                rows.push(Line::raw(format!("{:ANSWER_INDENT$}{part}", "")));
                continue;
            }
            let mut line = vec![Span::raw(format!("{tick} {:>2}. {part}", i + 1))];
            if let Some(earlier) = before {
                line.push(Span::styled(
                    format!("  ↺ answered {}", clock.day(earlier.answered_at)),
                    theme.stage(),
                ));
            }
            rows.push(Line::from(line));
        }
        let answering = match typing {
            Some(MeetingTyping::Answer(input)) if i == view.nav.selected => Some(input),
            _ => None,
        };
        // The answer beneath: the selected question's whole (wrapped, with the cursor while it
        // is typed), the others' first line.
        let room = (list_area.width as usize)
            .saturating_sub(ANSWER_INDENT + 4)
            .max(8);
        let selected_one = i == view.nav.selected;
        match answering {
            Some(input) => {
                let (lines, at) = wrapped(input.value(), room, Some(input.cursor_position()), most);
                if let Some((row, column)) = at {
                    cursor = Some((rows.len() + row, ANSWER_INDENT + 2 + column));
                }
                for (n, text) in lines.into_iter().enumerate() {
                    let lead = if n == 0 { "      ✎ " } else { "        " };
                    rows.push(Line::from(vec![Span::raw(lead), Span::raw(text)]));
                }
            }
            None if question.answer.is_empty() => rows.push(match before {
                Some(earlier) => Line::styled(
                    format!(
                        "        before: {}",
                        crate::tui::view::clip(&earlier.answer)
                    ),
                    theme.stage(),
                ),
                None => Line::styled("        (no answer yet)", theme.dim()),
            }),
            None => {
                let rows_for = if selected_one { most } else { 1 };
                let (lines, _) = wrapped(&question.answer, room, None, rows_for);
                // A first line of a longer answer says there is more (selected, it shows whole).
                let whole = selected_one || question.answer.chars().count() <= room;
                let more = if whole { "" } else { " …" };
                for text in lines {
                    rows.push(Line::styled(format!("        {text}{more}"), theme.dim()));
                }
            }
        }
    }
    let room_rows = crate::tui::view::layout::inner_rows(list_area, false);
    keep_selected_in_view(&mut rows, &mut selected, &mut cursor, room_rows);
    let adding = match typing {
        Some(MeetingTyping::NewQuestion(input)) => Some(input),
        _ => None,
    };
    let bottom = adding.map(|input| {
        let (line, at) = new_question(input, list_area, theme);
        cursor = Some(at);
        line
    });
    let list = ListBox {
        title: format!("Meeting with {}", view.contact_name),
        rows,
        selected,
        focused: true,
        empty: "No questions yet — L adds a list's questions, a adds one",
        bottom,
        theme,
    };
    frame.render_widget(list, list_area);
    if let Some((row, column)) = cursor {
        let (x, y) = (
            list_area.x + 1 + column as u16,
            list_area.y + 1 + row as u16,
        );
        if x < list_area.right() && y < list_area.bottom() {
            frame.set_cursor_position(Position::new(x, y));
        }
    }
}

/// The clock against the time asked for, and how many questions were asked.
fn timer(view: &MeetingView, clock: &Clock, theme: Theme) -> Line<'static> {
    let elapsed = (clock.now - view.opened_at.0).num_seconds().max(0);
    let over = elapsed > i64::from(view.minutes_asked) * 60;
    let asked = view.questions.iter().filter(|q| q.asked).count();
    let timer = format!(
        " {:02}:{:02} of {} min · {asked} of {} asked",
        elapsed / 60,
        elapsed % 60,
        view.minutes_asked,
        view.questions.len()
    );
    let style = if over {
        theme.overdue()
    } else {
        theme.title(true)
    };
    Line::styled(timer, style)
}

/// The question being added, on the box's last line, and where its cursor is.
fn new_question(
    input: &crate::form::TextInput,
    list_area: Rect,
    theme: Theme,
) -> (Line<'static>, (usize, usize)) {
    const NEW_QUESTION: &str = " New question: ";
    let room = (list_area.width as usize).saturating_sub(NEW_QUESTION.len() + 3);
    let (shown, first) = window(input.value(), Some(input.cursor()), room);
    let inner_rows = crate::tui::view::layout::inner_rows(list_area, false);
    let at = (
        inner_rows.saturating_sub(1),
        NEW_QUESTION.len() + input.cursor() - first,
    );
    let line = Line::from(vec![
        Span::styled(NEW_QUESTION, theme.key()),
        Span::raw(shown),
    ]);
    (line, at)
}
