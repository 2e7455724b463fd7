//! A box of text over the screen, sized to the terminal: lines are wrapped to its width, never
//! cut, and it scrolls when they do not fit. Help, a text read whole and the confirmations use it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::view::theme::Theme;

/// Breaks `text` into lines of at most `width` characters, at spaces where it can; a word
/// longer than the width is broken inside. Every character is kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in paragraph.split(' ') {
            let mut word: Vec<char> = word.chars().collect();
            let gap = usize::from(used > 0);
            if used + gap + word.len() > width && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            } else if gap == 1 {
                line.push(' ');
                used += 1;
            }
            while word.len() > width {
                let rest = word.split_off(width);
                lines.push(word.into_iter().collect());
                word = rest;
            }
            used += word.len();
            line.extend(word);
        }
        lines.push(line);
    }
    lines
}

/// A rectangle of `width`×`height` in the middle of `area` (smaller if the area is).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// What a text box holds and says around it.
pub struct TextBox<'a> {
    pub title: String,
    /// What closes it, on the bottom border.
    pub closing: &'a str,
    pub lines: Vec<Line<'static>>,
    /// Lines scrolled past; kept so the last line stays at the bottom.
    pub scroll: usize,
    /// The widest the box gets, borders included.
    pub widest: u16,
}

impl TextBox<'_> {
    /// Draws it in the middle of `area`, as tall as its lines (or the area) allow.
    pub fn draw(self, frame: &mut Frame, area: Rect, theme: Theme) {
        let longest = self.lines.iter().map(Line::width).max().unwrap_or(0) as u16;
        let title_width = self.title.chars().count() as u16 + 4;
        let width = (longest.max(title_width) + 2)
            .min(self.widest)
            .min(area.width.saturating_sub(2))
            .max(area.width.min(12));
        // A line above and below is left to the screen, so it is seen what the box is over.
        let room = if area.height > 12 {
            area.height - 2
        } else {
            area.height
        };
        let height = (self.lines.len() as u16 + 2).min(room);
        let popup = centered(area, width, height);
        let inner_height = popup.height.saturating_sub(2) as usize;
        let top = self
            .scroll
            .min(self.lines.len().saturating_sub(inner_height));
        let more = self.lines.len() > top + inner_height;
        frame.render_widget(Clear, popup);
        let mut block = Block::bordered()
            .border_style(theme.border(true))
            .title(Span::styled(format!(" {} ", self.title), theme.title(true)));
        let bottom = match (more, top > 0) {
            (true, _) => format!(" j/k scroll (more below) · {} ", self.closing),
            (false, true) => format!(" k scrolls up · {} ", self.closing),
            (false, false) => format!(" {} ", self.closing),
        };
        block = block.title_bottom(Span::styled(bottom, theme.dim()));
        let shown: Vec<Line> = self.lines.into_iter().skip(top).collect();
        frame.render_widget(Paragraph::new(shown).block(block), popup);
    }
}

/// A text to read whole (a timeline entry), wrapped to the box.
pub fn draw_reading(
    frame: &mut Frame,
    area: Rect,
    reading: &crate::tui::model::Reading,
    theme: Theme,
) {
    let inner = area.width.saturating_sub(4).min(78) as usize;
    let lines = wrap(&reading.text, inner.saturating_sub(2))
        .into_iter()
        .map(|l| Line::raw(format!(" {l}")))
        .collect();
    TextBox {
        title: reading.title.clone(),
        closing: "Esc closes",
        lines,
        scroll: reading.scroll,
        widest: 82,
    }
    .draw(frame, area, theme);
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces_and_breaks_long_words_keeping_every_character() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\n\nb", 5), ["a", "", "b"]);
        let text = "the quick brown fox jumps over the lazy dog again and again";
        let joined: String = wrap(text, 9).join(" ");
        assert_eq!(joined, text);
    }
}
