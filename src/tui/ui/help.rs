//! The help overlay: every key of the current screen, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::Theme;
use crate::tui::keymap::{Context, Keymap};

/// The help text for `contexts`: one line per action, its keys and what it does; then a note
/// for screens with more to say.
pub fn lines(
    keymap: &Keymap,
    contexts: &[Context],
    theme: Theme,
) -> (Vec<Line<'static>>, Option<Line<'static>>) {
    let mut lines = Vec::new();
    for (keys, binding) in keymap.bindings(contexts) {
        let labels: Vec<String> = keys.iter().map(|k| k.label()).collect();
        lines.push(Line::from(vec![
            Span::styled(format!(" {:<14}", labels.join(" ")), theme.key()),
            Span::raw(binding.desc),
        ]));
    }
    let note = contexts.contains(&Context::Home).then(|| {
        Line::styled(
            " Filtering: type to narrow, ↑/↓ move, Enter keeps the filter, Esc clears it.",
            theme.dim(),
        )
    });
    (lines, note)
}

/// A centred box; when the keys do not fit in one column, they are laid out in two.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    screen: &str,
    (mut lines, note): (Vec<Line<'static>>, Option<Line<'static>>),
    theme: Theme,
) {
    let room = area
        .height
        .saturating_sub(4 + 2 * u16::from(note.is_some())) as usize;
    let two_columns = lines.len() > room && area.width >= 70;
    let width = if two_columns {
        area.width.saturating_sub(2).min(150)
    } else {
        area.width.saturating_sub(4).min(84)
    };
    if two_columns {
        let half = lines.len().div_ceil(2);
        let column_width = (width as usize - 2) / 2;
        let right = lines.split_off(half);
        lines = lines
            .into_iter()
            .zip(right.into_iter().map(Some).chain(std::iter::repeat(None)))
            .map(|(left, right)| {
                let mut spans = pad(left, column_width).spans;
                spans.extend(right.map(|r| r.spans).unwrap_or_default());
                Line::from(spans)
            })
            .collect();
    }
    if let Some(note) = note {
        lines.push(Line::default());
        lines.push(note);
    }
    let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let popup = Rect::new(
        area.x + (area.width.saturating_sub(width)) / 2,
        area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" Keys — {screen} "),
            theme.title(true),
        ))
        .title_bottom(Span::styled(" Esc or ? to close ", theme.dim()));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

/// Cuts or pads a line to exactly `width` characters, so a second column lines up.
fn pad(line: Line<'static>, width: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for span in line.spans {
        let take: String = span.content.chars().take(width - used).collect();
        used += take.chars().count();
        spans.push(Span::styled(take, span.style));
        if used >= width {
            break;
        }
    }
    spans.push(Span::raw(" ".repeat(width - used)));
    Line::from(spans)
}
