//! Drawing: plain functions of the model. Nothing here reads the database or changes state.

pub mod chrome;
pub mod labelled;
pub mod layout;
pub mod list;
pub mod rows;
pub mod theme;

use ratatui::Frame;

use crate::tui::overlays::{form::draw as form, help, palette::draw as palette, text_box};

pub use crate::domain::numbers::group;
use theme::Theme;

use crate::domain::Clock;
use crate::tui::dispatch::{contexts, screen_contexts};
use crate::tui::keys::keymap::Keymap;
use crate::tui::model::{Mode, Model, Screen};

/// The name of the current screen, for the header and help.
pub fn screen_name(model: &Model) -> String {
    model.screen().map_or_else(|| "Home".into(), Screen::name)
}

pub use crate::tui::model::SMALLEST;

pub fn draw(frame: &mut Frame, model: &Model, keymap: &Keymap, clock: &Clock, theme: Theme) {
    let area = frame.area();
    if area.width < SMALLEST.0 || area.height < SMALLEST.1 {
        let typing = model.form().is_some_and(crate::form::Form::is_dirty);
        too_small(frame, area, theme, typing);
        return;
    }
    let [header, body, footer] = layout::frame(frame.area());
    let mut name = screen_name(model);
    if model.read_only {
        name.push_str(" · read-only");
    }
    chrome::header(frame, header, &model.header, &name, clock, theme);
    crate::tui::screens::draw(frame, model, body, clock, theme);
    let contexts = contexts(model);
    let hints = keymap.footer(contexts);
    chrome::footer(frame, footer, &hints, model.status.as_deref(), theme);
    overlay(frame, model, &model.mode, keymap, &name, theme);
}

/// What is open over the screen; help draws over what it was opened from.
fn overlay(
    frame: &mut Frame,
    model: &Model,
    mode: &Mode,
    keymap: &Keymap,
    name: &str,
    theme: Theme,
) {
    match mode {
        Mode::Form(form) => form::draw(frame, form, frame.area(), theme),
        Mode::Palette(palette) => palette::draw(frame, palette, frame.area(), theme),
        Mode::Menu(menu) => form::draw_step_menu(frame, menu, frame.area(), theme),
        Mode::Confirm(confirm) => form::draw_confirm(frame, confirm, frame.area(), theme),
        Mode::Help { scroll, beneath } => {
            overlay(frame, model, beneath, keymap, name, theme);
            let helped = mode
                .helped_contexts()
                .unwrap_or_else(|| screen_contexts(model.screen()));
            help::draw(
                frame,
                frame.area(),
                &helped_name(beneath, name),
                help::lines(keymap, helped),
                *scroll,
                theme,
            );
        }
        Mode::Reading(reading) => text_box::draw_reading(frame, frame.area(), reading, theme),
        Mode::Normal | Mode::Filtering | Mode::Typing(_) => {}
    }
}

/// What a terminal too small to use shows: how big it must be, and how to leave — or, with
/// something typed in a form, that it is kept.
fn too_small(frame: &mut Frame, area: ratatui::layout::Rect, theme: Theme, typing: bool) {
    let leave = if typing {
        "what you typed is kept"
    } else {
        "q quits"
    };
    let text = format!(
        "Terminal too small: rolo needs {}×{}, this one is {}×{}. Make it bigger to go on ({leave}).",
        SMALLEST.0, SMALLEST.1, area.width, area.height
    );
    let lines: Vec<ratatui::text::Line> = text_box::wrap(&text, area.width.max(1) as usize)
        .into_iter()
        .map(|l| ratatui::text::Line::styled(l, theme.status()))
        .collect();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let shown = ratatui::layout::Rect::new(
        area.x,
        area.y + top,
        area.width,
        area.height.saturating_sub(top),
    );
    frame.render_widget(ratatui::widgets::Paragraph::new(lines).centered(), shown);
}

/// What help is for: the thing open beneath it, else the screen.
fn helped_name(beneath: &Mode, screen: &str) -> String {
    match beneath {
        Mode::Form(form) => form.title(),
        Mode::Palette(_) => "Command palette".into(),
        Mode::Menu(menu) => format!("Next step · {}", menu.title),
        Mode::Filtering => format!("Filter · {screen}"),
        Mode::Typing(_) => format!("Typing · {screen}"),
        Mode::Reading(reading) => reading.title.clone(),
        _ => screen.to_string(),
    }
}

/// The part of a line that fits in `room` columns: from the start, or, on the line being
/// edited, the stretch that ends at the cursor (so what is typed at the end of a long line is
/// seen). Only that stretch is copied, so a field of megabytes draws as fast as a short one.
pub fn window(text: &str, cursor_column: Option<usize>, room: usize) -> (String, usize) {
    let room = room.max(1);
    let first = match cursor_column {
        Some(column) => column.saturating_sub(room - 1),
        None => 0,
    };
    let shown = text.chars().skip(first).take(room).collect();
    (shown, first)
}

/// A line being typed, as much of it as fits in `room` columns with the cursor at its end: the
/// text shown, and the column of the cursor in it.
pub fn typed_end(text: &str, room: usize) -> (String, usize) {
    let end = text.chars().count();
    let (shown, first) = window(text, Some(end), room);
    (shown, end - first)
}

/// No screen is wider than this many characters: longer texts are cut here before they are laid
/// out, so a field of megabytes costs no more to draw than a short one.
pub const WIDEST: usize = 500;

/// The start of `text` that any screen could show.
pub fn clip(text: &str) -> String {
    match text.char_indices().nth(WIDEST) {
        Some((end, _)) => text[..end].to_string(),
        None => text.to_string(),
    }
}
