//! Text beside a label, wrapped under itself (never back under the label), and text after a
//! mark wrapped the same way: how the review and the interview screen lay out what they say.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::overlays::text_box::wrap;

/// `text` (in `style`) after ` {label}` padded to `label_width`, wrapped to `width` columns;
/// its later lines start under the text.
pub fn labelled(
    label: &str,
    text: &str,
    style: Style,
    label_style: Style,
    label_width: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let room = width.saturating_sub(label_width + 1).max(10);
    wrap(text, room)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let label = if i == 0 { label } else { "" };
            Line::from(vec![
                Span::styled(format!(" {label:<label_width$}"), label_style),
                Span::styled(part, style),
            ])
        })
        .collect()
}

/// `text` after `mark` and `indent` spaces, wrapped to `width`; later lines start under the
/// text, not the mark.
pub fn hanging(mark: &str, text: &str, indent: usize, width: usize) -> Vec<Line<'static>> {
    let mark_width = mark.chars().count();
    let under = indent + 1 + mark_width;
    wrap(text, width.saturating_sub(under).max(10))
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let lead = if i == 0 { mark } else { "" };
            Line::raw(format!("{:indent$} {lead:<mark_width$}{part}", ""))
        })
        .collect()
}
