//! The header (what is due, the next meeting) and the footer (the keys that work here, or a
//! message).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::Clock;
use crate::tui::model::Header;
use crate::tui::view::theme::Theme;

pub fn header(
    frame: &mut Frame,
    area: Rect,
    header: &Header,
    screen: &str,
    clock: &Clock,
    theme: Theme,
) {
    let overdue = format!("{} overdue", count(header.overdue));
    let due = format!(" · {} due today", count(header.due_today));
    let mut lead = format!(" rolo · {screen} │ ");
    let mut next = match &header.next_meeting {
        Some((name, at)) => format!(" │ next: {name}, {}", clock.when(*at)),
        None => " │ no meetings ahead".to_string(),
    };
    // On a narrow terminal the app's name goes first, then the meeting's time moves before
    // the name: a name cut short still says who, a time cut short says nothing.
    let width = |parts: [&str; 4]| parts.iter().map(|p| p.chars().count()).sum::<usize>();
    let room = usize::from(area.width);
    if width([&lead, &overdue, &due, &next]) > room {
        lead = format!(" {screen} │ ");
    }
    if let Some((name, at)) = &header.next_meeting
        && width([&lead, &overdue, &due, &next]) > room
    {
        next = format!(" │ next: {} · {name}", clock.when(*at));
    }
    let mut spans = vec![Span::raw(lead)];
    let overdue_style = if header.overdue > 0 {
        theme.overdue()
    } else {
        theme.header()
    };
    spans.push(Span::styled(overdue, overdue_style));
    spans.push(Span::raw(due));
    spans.push(Span::raw(next));
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.header()),
        area,
    );
}

pub fn footer(
    frame: &mut Frame,
    area: Rect,
    hints: &[(String, String)],
    status: Option<&str>,
    theme: Theme,
) {
    let line = match status {
        Some(message) => Line::from(Span::styled(format!(" {message}"), theme.status())),
        None => {
            // As many hints as fit, in order; the help hint always shows, last, since it
            // leads to all the others.
            let width =
                |(key, desc): &(String, String)| key.chars().count() + desc.chars().count() + 3;
            let help = hints.iter().find(|(_, desc)| desc == "help");
            let mut room = (area.width as usize).saturating_sub(1 + help.map_or(0, width));
            let mut shown: Vec<&(String, String)> = Vec::new();
            for hint in hints.iter().filter(|h| Some(*h) != help) {
                if width(hint) > room {
                    break;
                }
                room -= width(hint);
                shown.push(hint);
            }
            shown.extend(help);
            let mut spans = vec![Span::raw(" ")];
            for (i, (key, desc)) in shown.into_iter().enumerate() {
                if i > 0 {
                    spans.push(Span::styled("  ", theme.dim()));
                }
                spans.push(Span::styled(key.clone(), theme.key()));
                spans.push(Span::raw(format!(" {desc}")));
            }
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// A header count: "1,000+" once it reaches the cap the store counts to.
pub fn count(n: u64) -> String {
    crate::domain::numbers::capped(n)
}
