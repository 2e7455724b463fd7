//! The interview, whole: labelled sections, every text wrapped to the width it has (never
//! cut), scrolled as one page.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::InterviewView;
use crate::domain::prompts::evaluation_prompts;
use crate::domain::{Clock, Evaluation, MeetingStatus, NextKind, ReplyStatus};
use crate::tui::view::labelled::{hanging, labelled};
use crate::tui::view::theme::Theme;

/// The width of the labels' column.
const LABEL: usize = 13;

pub fn draw(frame: &mut Frame, view: &InterviewView, body: Rect, clock: &Clock, theme: Theme) {
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" Interview with {} ", view.contact_name),
            theme.title(true),
        ));
    let inner = block.inner(body);
    let lines = content(view, usize::from(inner.width), clock, theme);
    let room = usize::from(inner.height);
    let scroll = view.scroll.min(lines.len().saturating_sub(room));
    let shown: Vec<Line<'static>> = lines.into_iter().skip(scroll).take(room).collect();
    frame.render_widget(Paragraph::new(shown).block(block), body);
}

/// How far the page can scroll at `width` × `height` (the body, borders included).
pub fn furthest(view: &InterviewView, width: u16, height: u16, clock: &Clock) -> usize {
    let lines = content(
        view,
        usize::from(width.saturating_sub(2)),
        clock,
        Theme::new(false),
    );
    lines
        .len()
        .saturating_sub(usize::from(height.saturating_sub(2)))
}

/// A label and its text, the text wrapped beside the label and under it.
fn field(label: &str, text: &str, width: usize, theme: Theme) -> Vec<Line<'static>> {
    labelled(label, text, Style::default(), theme.dim(), LABEL, width)
}

/// A text under a heading, indented, wrapped.
fn indented(text: &str, indent: usize, width: usize) -> Vec<Line<'static>> {
    hanging("", text, indent, width)
}

fn heading(text: String, theme: Theme) -> Line<'static> {
    Line::styled(format!(" {text}"), theme.title(true))
}

/// The whole page at `width`.
pub fn content(
    view: &InterviewView,
    width: usize,
    clock: &Clock,
    theme: Theme,
) -> Vec<Line<'static>> {
    let i = &view.interview;
    let mut lines = Vec::new();
    let next = match (&view.next, i.outcome) {
        // A meeting's title says when it is; any other step says when it is owed.
        (Some(row), _) if row.step.kind == NextKind::Meeting => row.title.clone(),
        (Some(row), _) => {
            let late = (clock.today() - clock.local_date_of(row.step.due_at)).num_days();
            match late {
                1 => format!("{} · 1 day late", row.title),
                d if d > 1 => format!("{} · {d} days late", row.title),
                _ => format!("{} · due {}", row.title, clock.when(row.step.due_at)),
            }
        }
        (None, Some(outcome)) => format!("Nothing: closed ({})", outcome.label().to_lowercase()),
        (None, None) => "Nothing: finished".into(),
    };
    lines.extend(field("Next step", &next, width, theme));
    lines.extend(field("Stage", i.stage.label(), width, theme));
    let who = match &view.organization {
        Some(org) => format!("{}, {org}", view.contact_name),
        None => view.contact_name.clone(),
    };
    lines.extend(field("With", &who, width, theme));
    lines.push(Line::default());

    lines.push(heading("Request".into(), theme));
    lines.extend(field("To learn", &i.objective, width, theme));
    let asked = i.requested_at.map_or_else(String::new, |at| clock.day(at));
    lines.extend(field(
        "Asked",
        &format!(
            "{asked} · {} · {} minutes",
            i.channel.label().to_lowercase(),
            i.minutes_asked
        ),
        width,
        theme,
    ));
    if !i.found_via.is_empty() {
        lines.extend(field("Found via", &i.found_via, width, theme));
    }
    let reply = match (i.reply_status, i.replied_at) {
        (ReplyStatus::Awaiting, _) => "awaiting".to_string(),
        (status, Some(at)) => format!("{} {}", status.label().to_lowercase(), clock.day(at)),
        (status, None) => status.label().to_lowercase(),
    };
    let nudges = match (i.nudges_sent, i.nudged_at) {
        (0, _) => String::new(),
        (n, Some(at)) => format!(" · {n} nudge(s), the last {}", clock.day(at)),
        (n, None) => format!(" · {n} nudge(s)"),
    };
    lines.extend(field("Reply", &format!("{reply}{nudges}"), width, theme));
    lines.push(Line::default());

    lines.extend(meetings(view, width, clock, theme));
    lines.extend(questions(view, width, theme));
    lines.extend(write_up(view, width, clock, theme));
    lines.push(Line::default());
    lines.extend(thanks_and_timeline(view, width, clock, theme));
    lines
}

/// The meetings, each on a line, with its notes.
fn meetings(view: &InterviewView, width: usize, clock: &Clock, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![heading(
        format!("Meetings ({})", view.meetings.len()),
        theme,
    )];
    if view.meetings.is_empty() {
        lines.extend(indented("None set", 1, width));
    }
    for m in &view.meetings {
        let status = match m.status {
            MeetingStatus::Scheduled if m.ends_at() <= clock.timestamp() => "not marked yet",
            other => other.label(),
        };
        let place = if m.place.is_empty() {
            String::new()
        } else {
            format!(" · {}", m.place)
        };
        let text = format!(
            "{} · {} min · {}{place} · {}",
            clock.show(m.starts_at),
            m.duration_minutes,
            m.mode.label().to_lowercase(),
            status.to_lowercase()
        );
        lines.extend(indented(&text, 1, width));
        if !m.notes.is_empty() {
            lines.extend(indented(&m.notes, 3, width));
        }
    }
    lines.push(Line::default());
    lines
}

/// Every question, ticked when asked, with its whole answer.
fn questions(view: &InterviewView, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let asked = view.questions.iter().filter(|q| q.asked).count();
    lines.push(heading(
        format!("Questions ({asked} of {} asked)", view.questions.len()),
        theme,
    ));
    if view.questions.is_empty() {
        lines.extend(indented("None yet: m adds them in meeting mode", 1, width));
    }
    for q in &view.questions {
        let mark = if q.asked { "✓ " } else { "· " };
        lines.extend(hanging(mark, &q.text, 1, width));
        if !q.answer.is_empty() {
            lines.extend(indented(&q.answer, 5, width));
        }
    }
    lines.push(Line::default());
    lines
}

/// The thank-you's words, the progress update, and the timeline entries.
fn thanks_and_timeline(
    view: &InterviewView,
    width: usize,
    clock: &Clock,
    theme: Theme,
) -> Vec<Line<'static>> {
    let i = &view.interview;
    let mut lines = vec![heading("Thank-you".into(), theme)];
    match i.thanked_at {
        Some(at) => {
            let how = if i.thank_you_channel.is_empty() {
                String::new()
            } else {
                format!(" by {}", i.thank_you_channel.to_lowercase())
            };
            lines.extend(field(
                "Sent",
                &format!("{}{how}", clock.day(at)),
                width,
                theme,
            ));
            if !i.thank_you_text.is_empty() {
                lines.extend(indented(&i.thank_you_text, 1, width));
            }
        }
        None => lines.extend(indented("Not sent yet", 1, width)),
    }
    if let Some(at) = i.progress_sent_at {
        lines.extend(field("Update sent", &clock.day(at), width, theme));
    }
    lines.push(Line::default());

    lines.push(heading(
        format!("Timeline ({})", view.timeline.len()),
        theme,
    ));
    for entry in &view.timeline {
        let text = format!(
            "{} · {}: {}",
            clock.day(entry.occurred_at),
            entry.kind.label().to_lowercase(),
            entry.summary
        );
        lines.extend(indented(&text, 1, width));
        if !entry.body.is_empty() {
            lines.extend(indented(&entry.body, 3, width));
        }
    }
    lines
}

/// The write-up: key points and every prompt answered, or why there is none.
fn write_up(view: &InterviewView, width: usize, clock: &Clock, theme: Theme) -> Vec<Line<'static>> {
    let i = &view.interview;
    let mut lines = vec![heading("Write-up".into(), theme)];
    match (i.evaluated_at, i.write_up_skipped) {
        (Some(at), _) => lines.extend(field("Written", &clock.day(at), width, theme)),
        (None, true) => {
            lines.extend(indented("Skipped", 1, width));
            return lines;
        }
        (None, false) => {
            lines.extend(indented("Not written up yet", 1, width));
            return lines;
        }
    }
    let e = &i.evaluation;
    if !e.key_points.is_empty() {
        lines.extend(field("Key points", &e.key_points, width, theme));
    }
    for prompt in evaluation_prompts() {
        let answer = answer(e, &prompt.key);
        if !answer.is_empty() {
            lines.extend(indented(&prompt.prompt, 1, width));
            lines.extend(indented(answer, 3, width));
        }
    }
    let offers: Vec<&str> = [
        (e.offered_reference, "offered to be a reference"),
        (e.offered_resume_review, "offered to review my resume"),
        (e.may_contact_again, "may be contacted again"),
    ]
    .into_iter()
    .filter_map(|(yes, words)| yes.then_some(words))
    .collect();
    if !offers.is_empty() {
        lines.extend(field("They", &offers.join(" · "), width, theme));
    }
    lines
}

/// The answer to the prompt `key` (see `assets/evaluation.toml`).
fn answer<'a>(e: &'a Evaluation, key: &str) -> &'a str {
    match key {
        "skills" => &e.skills,
        "qualify" => &e.qualify,
        "enjoy" => &e.enjoy,
        "pay" => &e.pay,
        "organization" => &e.organization,
        "field_needs" => &e.field_needs,
        "new_ideas" => &e.new_ideas,
        _ => "",
    }
}
