//! The search screen: the query, then what it found, grouped by kind under headings, each with
//! the words that matched in brackets.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::domain::sanitize;
use crate::tui::model::SearchView;
use crate::tui::view::theme::Theme;

pub fn draw(frame: &mut Frame, view: &SearchView, body: Rect, theme: Theme) {
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(
            " Search contacts, organisations, notes, answers, the timeline ",
            theme.title(true),
        ));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let (query, cursor_column) =
        crate::tui::view::typed_end(&view.query, (inner.width as usize).saturating_sub(4));
    let mut lines = vec![
        Line::from(vec![
            Span::styled(" › ", theme.title(true)),
            Span::raw(query),
        ]),
        Line::default(),
    ];
    if view.query.trim().is_empty() {
        lines.push(Line::styled(
            "  Type a word or the start of one: a name, a company, something said in a meeting.",
            theme.dim(),
        ));
    } else if view.hits.is_empty() {
        lines.push(Line::styled("  Nothing found", theme.dim()));
    }
    // Rows: a heading before each kind's first hit. Scroll so the selection stays in view.
    let mut rows: Vec<(Option<usize>, Line)> = Vec::new();
    for (i, hit) in view.hits.iter().enumerate() {
        if i.checked_sub(1)
            .and_then(|p| view.hits.get(p))
            .is_none_or(|before| before.kind != hit.kind)
        {
            rows.push((
                None,
                Line::styled(format!(" {}", hit.kind.heading()), theme.stage()),
            ));
        }
        let selected = i == view.nav.selected;
        let style = if selected {
            theme.selected()
        } else {
            theme.text()
        };
        let marker = if selected { " ▶ " } else { "   " };
        let title = sanitize::line(&crate::tui::view::clip(&hit.title));
        let snippet = sanitize::line(&crate::tui::view::clip(&hit.snippet));
        let mut spans = vec![Span::styled(marker.to_string(), style)];
        if let Some(whose) = &hit.whose {
            spans.push(Span::styled(
                format!("{} · ", sanitize::line(whose)),
                style.add_modifier(ratatui::style::Modifier::BOLD),
            ));
        }
        let repeats = snippet == title;
        spans.push(Span::styled(title, style));
        if !snippet.trim().is_empty() && !repeats {
            spans.push(Span::styled(format!("  {snippet}"), theme.dim()));
        }
        rows.push((Some(i), Line::from(spans)));
    }
    let room = (inner.height as usize).saturating_sub(lines.len()).max(1);
    let at = rows
        .iter()
        .position(|(i, _)| *i == Some(view.nav.selected))
        .unwrap_or(0);
    let first = (at + 1).saturating_sub(room);
    lines.extend(
        rows.into_iter()
            .skip(first)
            .take(room)
            .map(|(_, line)| line),
    );
    frame.render_widget(Paragraph::new(lines), inner);
    let cursor_x = inner.x + 3 + cursor_column as u16;
    if cursor_x < inner.right() {
        frame.set_cursor_position(Position::new(cursor_x, inner.y));
    }
}
