//! A multi-line text laid out in rows of a given width, wrapped at spaces, with the cursor
//! found in them: how a notes field or a draft shows in a form. Only the lines near the
//! cursor are laid out, and a line too long to wrap usefully is shown as a window onto it, so
//! a field of megabytes draws as fast as a short one.

/// A logical line longer than this is not wrapped (a window onto it is shown instead).
const LONGEST_WRAPPED: usize = 4_000;

/// The rows to show (at most `most`), and where the cursor is in them (row, column).
pub fn rows(
    text: &str,
    room: usize,
    cursor: Option<(usize, usize)>,
    most: usize,
) -> (Vec<String>, Option<(usize, usize)>) {
    let room = room.max(1);
    let most = most.max(1);
    let (line, column) = cursor.unwrap_or((0, 0));
    // The lines that can be on screen: up to `most` before the cursor's and `most` from it.
    let first_line = line.saturating_sub(most);
    let mut laid = Vec::new();
    let mut at = None;
    for (n, logical) in text
        .split('\n')
        .enumerate()
        .skip(first_line)
        .take(2 * most + 1)
    {
        let here = (cursor.is_some() && n == line).then_some(column);
        if logical.len() > LONGEST_WRAPPED {
            let (shown, first) = super::window(logical, here, room);
            if let Some(column) = here {
                at = Some((laid.len(), column - first));
            }
            laid.push(shown);
            continue;
        }
        let chars: Vec<char> = logical.chars().collect();
        for (start, end) in breaks(&chars, room) {
            if let Some(column) = here
                && at.is_none()
                && (column < end || end == chars.len())
                && column >= start
            {
                at = Some((laid.len(), column - start));
            }
            let row: String = chars.get(start..end).unwrap_or_default().iter().collect();
            laid.push(row.trim_end().to_string());
        }
    }
    // The window of rows: from the top, or down to the cursor's row.
    let top = at.map_or(0, |(row, _)| row.saturating_sub(most - 1));
    let shown = laid.into_iter().skip(top).take(most).collect();
    (
        shown,
        at.map(|(row, column)| (row - top, column.min(room - 1))),
    )
}

/// Where a line of `chars` breaks into rows of `room`: each row ends after a space where it
/// can, inside a word longer than the row where it cannot. An empty line is one empty row.
fn breaks(chars: &[char], room: usize) -> Vec<(usize, usize)> {
    let mut rows = Vec::new();
    let mut start = 0;
    while chars.len() - start > room {
        let limit = start + room;
        let end = (start + 1..=limit)
            .rev()
            .find(|&i| chars.get(i - 1) == Some(&' '))
            .unwrap_or(limit);
        rows.push((start, end));
        start = end;
    }
    rows.push((start, chars.len()));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_finds_the_cursor() {
        let (shown, at) = rows("Hello Ada,\n\nThank you for the talk", 10, Some((2, 14)), 5);
        assert_eq!(shown, ["Hello Ada,", "", "Thank you", "for the", "talk"]);
        assert_eq!(at, Some((3, 4)), "the cursor after 'for '");
    }

    #[test]
    fn opens_at_the_first_line_when_the_cursor_is_there() {
        let text = (0..30)
            .map(|n| format!("line {n}"))
            .collect::<Vec<_>>()
            .join("\n");
        let (shown, at) = rows(&text, 20, Some((0, 0)), 4);
        assert_eq!(shown[0], "line 0");
        assert_eq!(at, Some((0, 0)));
        let (shown, at) = rows(&text, 20, Some((29, 7)), 4);
        assert_eq!(shown.last().unwrap(), "line 29");
        assert_eq!(at, Some((3, 7)));
    }

    #[test]
    fn a_word_longer_than_the_row_is_broken_and_nothing_is_lost() {
        let (shown, _) = rows("abcdefghij klm", 4, None, 10);
        assert_eq!(shown, ["abcd", "efgh", "ij", "klm"]);
    }

    #[test]
    fn a_huge_line_is_a_window_at_the_cursor() {
        let text = "x".repeat(1_000_000);
        let (shown, at) = rows(&text, 50, Some((0, 1_000_000)), 10);
        assert_eq!(shown.len(), 1);
        assert_eq!(at, Some((0, 49)));
    }
}
