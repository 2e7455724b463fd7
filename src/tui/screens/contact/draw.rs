//! The contact screen: every field, referral links, interviews, open follow-ups, timeline.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::domain::Clock;
use crate::domain::playbook::owed_words;
use crate::tui::model::{ContactDetail, Section};
use crate::tui::view::layout::{self, CONTACT_FIELD_LINES};
use crate::tui::view::list::ListBox;
use crate::tui::view::theme::Theme;

pub fn draw(frame: &mut Frame, detail: &ContactDetail, body: Rect, clock: &Clock, theme: Theme) {
    let (fields_area, sections) = layout::contact_sections(body, CONTACT_FIELD_LINES);
    let fields = Paragraph::new(field_lines(detail, clock, theme)).block(
        Block::bordered()
            .border_style(theme.border(false))
            .title(Span::styled(
                format!(" {} ", detail.contact.name),
                theme.title(true),
            ))
            .title_bottom(Span::styled(" v reads it all ", theme.dim())),
    );
    frame.render_widget(fields, fields_area);
    for (section, area) in sections {
        let nav = detail.nav(section);
        let height = layout::inner_rows(area, false);
        let range = nav.top..(nav.top + height).min(detail.len(section));
        let rows: Vec<Line> = range
            .clone()
            .map(|i| row(detail, section, i, clock, theme))
            .collect();
        let (title, empty) = match section {
            Section::People => (
                format!("{} ({})", section.title(), detail.people.len()),
                "No referrals yet — ask who else to talk to",
            ),
            Section::Interviews => (
                format!("{} ({})", section.title(), detail.interviews.len()),
                "No interviews yet",
            ),
            Section::FollowUps => (
                format!("{} ({})", section.title(), detail.follow_ups.len()),
                "Nothing open",
            ),
            Section::Timeline => (
                format!("{} ({})", section.title(), detail.timeline.len()),
                "Nothing yet",
            ),
        };
        let list = ListBox {
            title,
            selected: range.clone().position(|i| i == nav.selected),
            rows,
            focused: detail.section == section,
            empty,
            bottom: None,
            theme,
        };
        frame.render_widget(list, area);
    }
}

fn field_lines<'a>(detail: &ContactDetail, clock: &Clock, theme: Theme) -> Vec<Line<'a>> {
    let c = &detail.contact;
    let or_dash = |s: &str| {
        if s.is_empty() {
            "—".to_string()
        } else {
            crate::tui::view::clip(s)
        }
    };
    let work = match (c.title.as_str(), detail.organization.as_deref()) {
        ("", None) => "—".to_string(),
        (title, None) => crate::tui::view::clip(title),
        ("", Some(org)) => crate::tui::view::clip(org),
        (title, Some(org)) => format!(
            "{}, {}",
            crate::tui::view::clip(title),
            crate::tui::view::clip(org)
        ),
    };
    let keep = c.keep_in_touch_days.map_or("—".to_string(), |d| {
        format!(
            "every {}",
            crate::domain::numbers::count(i64::from(d), "day")
        )
    });
    let field = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{label:<10}"), theme.dim()),
            Span::raw(value),
        ])
    };
    // The first line of the notes, and how many more there are.
    let mut note_lines = c.notes.lines();
    let notes = match (note_lines.next(), note_lines.count()) {
        (None, _) => String::new(),
        (Some(first), 0) => crate::tui::view::clip(first),
        (Some(first), more) => format!(
            "{} (+{more} lines: v reads all)",
            crate::tui::view::clip(first)
        ),
    };
    vec![
        field("Work", work),
        field("Email", or_dash(&c.email)),
        field("Phone", or_dash(&c.phone)),
        field("LinkedIn", or_dash(&c.linkedin)),
        field("Location", or_dash(&c.location)),
        field("Met via", or_dash(&c.how_met)),
        field("Keep up", keep),
        field("Added", clock.day(c.meta.created_at)),
        field("Tags", or_dash(&detail.tags.join(", "))),
        field("Notes", or_dash(&notes)),
    ]
}

fn row<'a>(
    detail: &ContactDetail,
    section: Section,
    i: usize,
    clock: &Clock,
    theme: Theme,
) -> Line<'a> {
    match section {
        Section::People => {
            let Some(link) = detail.people.get(i) else {
                return Line::default();
            };
            let how = if link.referred_by {
                "referred by "
            } else {
                "referred "
            };
            Line::from(vec![
                Span::styled(how, theme.dim()),
                Span::raw(link.name.clone()),
            ])
        }
        Section::Interviews => {
            let Some(interview) = detail.interviews.get(i) else {
                return Line::default();
            };
            let owed = detail
                .owed
                .iter()
                .find(|(id, _)| *id == interview.meta.id)
                .and_then(|(_, owed)| *owed);
            let state = match (interview.outcome, owed) {
                (Some(outcome), _) => format!("{:<10} ", outcome.label()),
                // What it owes (the date beside it is when it is owed, not when it moved).
                (None, Some(owed)) => format!(
                    "{:<10} {} · ",
                    interview.stage.label(),
                    owed_words(owed.kind, owed.due_at, clock)
                ),
                (None, None) => format!("{:<10} finished · ", interview.stage.label()),
            };
            Line::from(vec![
                Span::styled(state, theme.stage()),
                Span::raw(interview.objective.clone()),
            ])
        }
        Section::FollowUps => {
            let Some(f) = detail.follow_ups.get(i) else {
                return Line::default();
            };
            let late = clock.local_date_of(f.due_at) < clock.today();
            let style = if late { theme.overdue() } else { theme.dim() };
            Line::from(vec![
                Span::styled(format!("{:<11} ", clock.day(f.due_at)), style),
                Span::raw(f.title.clone()),
            ])
        }
        Section::Timeline => {
            let Some(e) = detail.timeline.get(i) else {
                return Line::default();
            };
            Line::from(vec![
                Span::styled(format!("{:<11} ", clock.day(e.occurred_at)), theme.dim()),
                Span::styled(format!("{:<9} ", e.kind.label()), theme.stage()),
                Span::raw(e.summary.clone()),
            ])
        }
    }
}
