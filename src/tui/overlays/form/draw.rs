//! A form over the screen: a label and value per field, what the field says beside it (a
//! parsed date, an error), a picker's suggestions, and the cursor where typing goes.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::form::{FieldKind, Form};
use crate::tui::model::Confirm;
use crate::tui::view::theme::Theme;

/// The narrowest label column; a form with longer labels widens it (up to a third of the box).
const LABEL_WIDTH: usize = 16;
/// Lines a notes field shows: a few while it has focus, fewer when not.
const NOTE_LINES_FOCUSED: usize = 10;
const NOTE_LINES: usize = 2;

/// A label padded to `width`, or cut with "…" so that a space always follows it.
fn fitted(label: &str, width: usize) -> String {
    if label.chars().count() < width {
        return format!("{label:<width$}");
    }
    let cut: String = label.chars().take(width.saturating_sub(2)).collect();
    format!("{cut}… ")
}

/// The focused picker's suggestions, under it, until one is picked.
fn suggestion_lines(
    field: &crate::form::Field,
    label_width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    if !matches!(field.kind, FieldKind::Picker { .. }) || field.picked.is_some() {
        return Vec::new();
    }
    let indent = " ".repeat(label_width + 2);
    let mut lines = Vec::new();
    if !field.suggestions.is_empty() {
        lines.push(Line::from(vec![
            Span::raw(indent.clone()),
            Span::styled("↑/↓ choose, Enter picks", theme.dim()),
        ]));
    }
    // The highlight is a choice only once one is being made (typed, moved to, or required):
    // an optional picker left alone shows its choices without pretending one is taken.
    let choosing = field.browsed
        || field.check == crate::form::Check::Required
        || !field.input.value().trim().is_empty();
    for (n, (_, name)) in field.suggestions.iter().enumerate() {
        let (mark, style) = if n == field.highlighted && choosing {
            ("› ", theme.selected())
        } else {
            ("  ", theme.text())
        };
        lines.push(Line::from(vec![
            Span::raw(indent.clone()),
            Span::styled(format!("{mark}{name}"), style),
        ]));
    }
    // As many as are offered: there may be more, found by typing part of the name.
    if field.suggestions.len() >= crate::tui::overlays::form::update::SUGGESTIONS {
        lines.push(Line::from(vec![
            Span::raw(indent),
            Span::styled("  … type part of a name for the others", theme.dim()),
        ]));
    }
    lines
}

pub fn draw(frame: &mut Frame, form: &Form, area: Rect, theme: Theme) {
    // A form with a text to write (a draft, notes) grows with the screen, up to a comfortable
    // line; one of short fields stays narrow.
    let widest = if form.fields.iter().any(|f| f.is_multiline()) {
        110
    } else {
        90
    };
    let width = area.width.saturating_sub(4).min(widest);
    // Every label and a space before its value, so the two never run together.
    let longest = form.fields.iter().map(|f| f.label.chars().count()).max();
    let label_width = (longest.unwrap_or(0) + 1).clamp(LABEL_WIDTH, (width as usize / 3).max(8));
    // Columns left for a value after the label (and the borders).
    let room = (width as usize).saturating_sub(label_width + 4);
    let mut lines = Vec::new();
    let mut cursor = None;
    // Where the focused field's lines start, to keep it in view in a form taller than the screen.
    let mut focused_start = 0;
    for (index, field) in form.fields.iter().enumerate() {
        if index == form.focus {
            focused_start = lines.len();
        }
        let focused = index == form.focus;
        let label_style = if focused {
            theme.title(true)
        } else {
            theme.dim()
        };
        let marker = if focused { "▶ " } else { "  " };
        let value = field.input.value();
        let cursor_at = focused.then(|| field.input.cursor_position());
        // A multi-line field wraps to the room it has; a one-line field shows the stretch
        // around the cursor.
        let (rows, at) = if field.is_multiline() {
            let most = if focused {
                NOTE_LINES_FOCUSED
            } else {
                NOTE_LINES
            };
            crate::tui::view::rows::rows(value, room, cursor_at, most)
        } else {
            let column = cursor_at.map(|(_, column)| column);
            let (text, scrolled) = crate::tui::view::window(value, column, room);
            (vec![text], column.map(|c| (0, c - scrolled)))
        };
        if let Some((row, column)) = at {
            cursor = Some((lines.len() + row, label_width + 2 + column));
        }
        for (n, text) in rows.into_iter().enumerate() {
            let label = if n == 0 {
                format!("{marker}{}", fitted(field.label, label_width))
            } else {
                " ".repeat(label_width + 2)
            };
            let mut spans = vec![Span::styled(label, label_style), Span::raw(text)];
            if n == 0 {
                if let FieldKind::Choice(_) = field.kind {
                    spans.push(Span::styled("  ←/→", theme.dim()));
                }
                if let Some(hint) = &field.hint {
                    spans.push(Span::styled(format!("   {hint}"), theme.dim()));
                }
            }
            lines.push(Line::from(spans));
        }
        if let Some(error) = &field.error {
            // Wrapped under the field, never cut: the whole reason is read.
            let said = format!("✗ {error}");
            for text in crate::tui::overlays::text_box::wrap(&said, room.max(8)) {
                lines.push(Line::from(vec![
                    Span::raw(" ".repeat(label_width + 2)),
                    Span::styled(text, theme.overdue()),
                ]));
            }
        }
        if focused {
            lines.extend(suggestion_lines(field, label_width, theme));
        }
    }
    // Scroll when the fields do not all fit: the focused one stays on screen.
    let room = (area.height as usize).saturating_sub(4).max(1);
    let offset = if lines.len() > room {
        focused_start.saturating_sub(1).min(lines.len() - room)
    } else {
        0
    };
    let mut lines: Vec<Line> = lines.into_iter().skip(offset).take(room).collect();
    let cursor = cursor
        .and_then(|(row, column): (usize, usize)| row.checked_sub(offset).map(|row| (row, column)));
    lines.push(Line::default());
    let (footer, style) = if form.confirming_cancel {
        (
            "Discard what you typed? y or Esc discards, any other key keeps editing",
            theme.status(),
        )
    } else if let Some(message) = &form.message {
        (message.as_str(), theme.status())
    } else {
        let draft = matches!(form.kind, crate::form::FormKind::Draft { .. });
        let keys = if draft && form.focused().is_multiline() {
            "Tab: the next {placeholder} · Enter new line · Ctrl-S marks it sent · Esc cancel"
        } else {
            keys_for(&form.focused().kind)
        };
        (keys, theme.dim())
    };
    let inner = (width as usize).saturating_sub(3);
    for text in crate::tui::overlays::text_box::wrap(footer, inner) {
        lines.push(Line::styled(format!(" {text}"), style));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} ", form.title()),
            theme.title(true),
        ));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
    if let Some((row, column)) = cursor {
        let (x, y) = (popup.x + 1 + column as u16, popup.y + 1 + row as u16);
        if x < popup.right().saturating_sub(1) && y < popup.bottom().saturating_sub(1) {
            frame.set_cursor_position(Position::new(x, y));
        }
    }
}

/// The yes/no question of a confirmation.
pub fn draw_confirm(frame: &mut Frame, confirm: &Confirm, area: Rect, theme: Theme) {
    let inner = area.width.saturating_sub(6).min(70) as usize;
    let mut lines: Vec<Line> = crate::tui::overlays::text_box::wrap(&confirm.question, inner)
        .into_iter()
        .map(|text| Line::raw(format!(" {text} ")))
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled(" y", theme.key()),
        Span::raw(" yes   "),
        Span::styled("n", theme.key()),
        Span::raw(" or "),
        Span::styled("Esc", theme.key()),
        Span::raw(" no"),
    ]));
    crate::tui::overlays::text_box::TextBox {
        title: "Are you sure?".into(),
        closing: "y, n or Esc",
        lines,
        scroll: 0,
        widest: 74,
    }
    .draw(frame, area, theme);
}

pub(super) use crate::tui::overlays::text_box::centered;

/// The menu of an interview's next steps.
pub fn draw_step_menu(
    frame: &mut Frame,
    menu: &crate::tui::overlays::step_menu::StepMenu,
    area: Rect,
    theme: Theme,
) {
    let mut lines: Vec<Line> = menu
        .choices
        .iter()
        .enumerate()
        .map(|(i, choice)| {
            if i == menu.nav.selected {
                Line::styled(format!("▶ {}", choice.label()), theme.selected())
            } else {
                Line::raw(format!("  {}", choice.label()))
            }
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(
        " ↑/↓ choose · Enter take the step · Esc close",
        theme.dim(),
    ));
    // The title is " Next step: {title} " on the border, between its corners.
    let width = (menu.title.chars().count() as u16 + 16).max(50);
    let popup = centered(area, width, lines.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" Next step: {} ", menu.title),
            theme.title(true),
        ));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

/// The keys the focused field takes, as the form's footer says them.
fn keys_for(kind: &FieldKind) -> &'static str {
    match kind {
        FieldKind::Multiline => {
            "Enter new line · Tab next · Ctrl-S save · Esc cancel · Ctrl-E opens $EDITOR"
        }
        FieldKind::Choice(_) => {
            "←/→ or a first letter chooses · Tab/Enter next · Ctrl-S save · Esc cancel"
        }
        FieldKind::Picker { .. } => {
            "Type to narrow · ↑/↓ and Enter pick · Tab keeps what is typed · Ctrl-S save · Esc cancel"
        }
        _ => "Tab/Enter next · Ctrl-S save · Esc cancel",
    }
}
