//! Meeting mode: the questions, each ticked when asked, its answer beneath; a timer against
//! the time asked for.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::Clock;
use crate::tui::model::{MeetingTyping, MeetingView};
use crate::tui::view::list::ListBox;
use crate::tui::view::theme::Theme;
use crate::tui::view::window;

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
    frame.render_widget(Paragraph::new(Line::styled(timer, style)), top);

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
        let mut line = vec![Span::raw(format!("{tick} {:>2}. {}", i + 1, question.text))];
        if let Some(earlier) = before {
            line.push(Span::styled(
                format!("  ↺ answered {}", clock.day(earlier.answered_at)),
                theme.stage(),
            ));
        }
        rows.push(Line::from(line));
        let answering = match typing {
            Some(MeetingTyping::Answer(input)) if i == view.nav.selected => Some(input),
            _ => None,
        };
        let answer = match answering {
            Some(input) => {
                let room = (list_area.width as usize).saturating_sub(11);
                let (shown, first) = window(input.value(), Some(input.cursor()), room);
                cursor = Some((rows.len(), 9 + input.cursor() - first));
                Line::from(vec![Span::raw("      ✎ "), Span::raw(shown)])
            }
            None if question.answer.is_empty() => match before {
                Some(earlier) => Line::styled(
                    format!(
                        "        before: {}",
                        crate::tui::view::clip(&earlier.answer)
                    ),
                    theme.stage(),
                ),
                None => Line::styled("        (no answer yet)", theme.dim()),
            },
            None => Line::styled(format!("        {}", question.answer), theme.dim()),
        };
        rows.push(answer);
    }
    let adding = match typing {
        Some(MeetingTyping::NewQuestion(input)) => Some(input),
        _ => None,
    };
    let bottom = adding.map(|input| {
        let room = (list_area.width as usize).saturating_sub(18);
        let (shown, _) = window(input.value(), Some(input.cursor()), room);
        Line::from(vec![
            Span::styled(" New question: ", theme.key()),
            Span::raw(shown),
        ])
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
