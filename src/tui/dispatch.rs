//! The one dispatch: a key is translated once (through the keymap, with the mode's contexts),
//! then handed to the mode open over the screen or to the screen. Pure: the model changes and
//! the effects to carry out come back as data; no I/O happens here.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::overlays::form::update as form;
use crate::tui::overlays::palette::update as palette;
use crate::tui::screens::home::update as home;
use crate::tui::screens::meeting::update as meeting;
use crate::tui::screens::search::update as search;

pub use crate::tui::screens::mouse::mouse;
pub use crate::tui::screens::screen_contexts;

use crate::tui::data::effect::Effect;
use crate::tui::keys::action::Action;
use crate::tui::keys::keymap::{Context, Key, Keymap};
use crate::tui::model::{Mode, Model, Screen};
use crate::tui::overlays::palette::Palette;
use crate::tui::overlays::step_menu::Chosen;
use crate::tui::view::layout;

/// A terminal key turned into what it means where it was pressed: an action of the keymap,
/// a key typed into a line being edited, or the palette (built where the keymap is).
#[derive(Debug, Clone)]
pub enum Input {
    Act(Action),
    Type(KeyEvent),
    OpenPalette(Box<Palette>),
}

/// The keymap contexts in force, most specific first: the mode's, else the screen's.
pub fn contexts(model: &Model) -> &'static [Context] {
    model
        .mode
        .contexts()
        .unwrap_or_else(|| screen_contexts(model.screen()))
}

/// What a key means now: looked up once, in the keymap, with the contexts of the mode.
pub fn translate(
    model: &Model,
    keymap: &Keymap,
    event: &KeyEvent,
    clock: &crate::domain::Clock,
) -> Option<Input> {
    let contexts = contexts(model);
    match Key::from_event(event).and_then(|k| keymap.action(contexts, k)) {
        Some(Action::OpenPalette) => Some(Input::OpenPalette(Box::new(Palette::new(
            keymap,
            contexts,
            match model.screen() {
                None => crate::tui::overlays::palette::Place::Home,
                Some(crate::tui::model::Screen::Organizations(_)) => {
                    crate::tui::overlays::palette::Place::Organizations
                }
                Some(_) => crate::tui::overlays::palette::Place::Elsewhere,
            },
            |action| acts(model, action, clock),
        )))),
        Some(action) => Some(Input::Act(action)),
        None if takes_typing(model) => Some(Input::Type(*event)),
        None => None,
    }
}

/// A key press, translated and carried out (the loop's one step, for tests too).
pub fn key(
    model: &mut Model,
    keymap: &Keymap,
    event: KeyEvent,
    clock: &crate::domain::Clock,
) -> Vec<Effect> {
    model.status = None;
    // Too small to show anything: nothing unseen may act. q and Ctrl-C quit, as the notice
    // says — unless something is typed in a form, which is kept until the terminal grows.
    if model.too_small() {
        let ctrl = event
            .modifiers
            .contains(crossterm::event::KeyModifiers::CONTROL);
        let quit_key = match event.code {
            crossterm::event::KeyCode::Char('q') => !ctrl,
            crossterm::event::KeyCode::Char('c') => ctrl,
            _ => false,
        };
        if quit_key && !model.form().is_some_and(crate::form::Form::is_dirty) {
            model.quit = true;
        }
        return Vec::new();
    }
    match translate(model, keymap, &event, clock) {
        Some(input) => update(model, input, clock),
        None => Vec::new(),
    }
}

/// Whether `action` does anything now: changes what is shown (a message included) or asks
/// for an effect. Tried on a copy, so nothing happens. Help, the palette and the key tests
/// are built from this, never from a list kept by hand.
pub fn acts(model: &Model, action: Action, clock: &crate::domain::Clock) -> bool {
    // The palette is built where the keymap is, before `update`: it opens from any screen.
    if action == Action::OpenPalette {
        return model.mode.is_normal() && !takes_typing(model);
    }
    // One copy per action, and its large parts (the contact index, the filter's caches) are
    // shared, not copied: the palette tries every action when it opens, within a keypress.
    let mut tried = model.clone();
    tried.status = None;
    let effects = update(&mut tried, Input::Act(action), clock);
    if !effects.is_empty() || tried.status.is_some() {
        return true;
    }
    tried.status.clone_from(&model.status);
    tried != *model
}

/// Every action that does something now (see `acts`).
pub fn acting(model: &Model, clock: &crate::domain::Clock) -> Vec<Action> {
    use strum::VariantArray;
    Action::VARIANTS
        .iter()
        .copied()
        .filter(|action| acts(model, *action, clock))
        .collect()
}

/// One input, given to what takes it: the mode open over the screen, or the screen.
pub fn update(model: &mut Model, input: Input, clock: &crate::domain::Clock) -> Vec<Effect> {
    match input {
        Input::OpenPalette(palette) => {
            model.mode = Mode::Palette(palette);
            Vec::new()
        }
        Input::Type(event) => typed(model, &event, clock),
        Input::Act(action) => act(model, action, clock),
    }
}

/// An action, in the mode it was pressed in.
fn act(model: &mut Model, action: Action, clock: &crate::domain::Clock) -> Vec<Effect> {
    let page = layout::page(model);
    if action == Action::Help && model.mode.offers_help() {
        let beneath = Box::new(std::mem::take(&mut model.mode));
        model.mode = Mode::Help { scroll: 0, beneath };
        return Vec::new();
    }
    match &mut model.mode {
        Mode::Normal => crate::tui::screens::act(model, action, clock),
        Mode::Help { scroll, beneath } => {
            if action == Action::Back {
                model.mode = std::mem::take(beneath);
            } else {
                scroll_text(scroll, action, page, &mut model.quit);
            }
            Vec::new()
        }
        Mode::Reading(reading) => {
            if action == Action::Back {
                model.mode = Mode::Normal;
            } else {
                scroll_text(&mut reading.scroll, action, page, &mut model.quit);
            }
            Vec::new()
        }
        Mode::Confirm(_) => match action {
            Action::Confirm => match std::mem::take(&mut model.mode) {
                Mode::Confirm(confirm) => confirmed(model, confirm.yes),
                _ => Vec::new(),
            },
            Action::Back => {
                model.mode = Mode::Normal;
                Vec::new()
            }
            _ => Vec::new(),
        },
        Mode::Form(_) => form::action(model, action, clock),
        Mode::Palette(_) => match palette::action(model, action) {
            Some(chosen) => act(model, chosen, clock),
            None => Vec::new(),
        },
        Mode::Menu(_) => step_menu_action(model, action),
        Mode::Filtering => home::filter_action(model, action),
        Mode::Typing(_) => meeting::typing_action(model, action),
    }
}

/// Scrolls a text being read (help, a text shown whole); the last line stops it at the end.
fn scroll_text(scroll: &mut usize, action: Action, page: usize, quit: &mut bool) {
    match action {
        Action::Quit => *quit = true,
        Action::MoveDown => *scroll += 1,
        Action::MoveUp => *scroll = scroll.saturating_sub(1),
        Action::PageDown => *scroll += page,
        Action::PageUp => *scroll = scroll.saturating_sub(page),
        Action::HalfPageDown => *scroll += (page / 2).max(1),
        Action::HalfPageUp => *scroll = scroll.saturating_sub((page / 2).max(1)),
        Action::First => *scroll = 0,
        Action::Last => *scroll = usize::MAX / 2,
        _ => {}
    }
}

/// A key typed into what is being edited.
fn typed(model: &mut Model, event: &KeyEvent, clock: &crate::domain::Clock) -> Vec<Effect> {
    match &model.mode {
        Mode::Form(_) => form::typed(model, event, clock),
        Mode::Palette(_) => palette::typed(model, event),
        Mode::Filtering => home::filter_typed(model, event),
        Mode::Typing(_) => meeting::typed(model, event),
        Mode::Normal if matches!(model.screen(), Some(Screen::Search(_))) => {
            search::typed(model, event)
        }
        _ => Vec::new(),
    }
}

/// Pasted text: into the form's field as it is, or typed into a line key by key (one line, as
/// long as a line may be) — never taken as commands.
pub fn paste(model: &mut Model, text: &str, clock: &crate::domain::Clock) -> Vec<Effect> {
    model.status = None;
    if model.too_small() {
        return Vec::new();
    }
    if model.form().is_some() {
        form::paste(model, text, clock);
        return Vec::new();
    }
    if !takes_typing(model) {
        return Vec::new();
    }
    let line = crate::domain::sanitize::line(text);
    let line: String = line.chars().take(crate::domain::limits::ONE_LINE).collect();
    if matches!(model.mode, Mode::Filtering) {
        return home::filter_pasted(model, &line);
    }
    // Typed key by key, but only the last of each kind of effect is run: the search for the
    // whole line, not one for each of its characters.
    let mut effects: Vec<Effect> = Vec::new();
    for c in line.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        for effect in typed(model, &key, clock) {
            let kind = std::mem::discriminant(&effect);
            effects.retain(|kept| std::mem::discriminant(kept) != kind);
            effects.push(effect);
        }
    }
    effects
}

/// Whether typed text goes into a line being typed (a form, the palette, the search, a filter,
/// an answer or a question in meeting mode) rather than being taken as commands: where a paste
/// may be typed in, key by key.
pub fn takes_typing(model: &Model) -> bool {
    model.mode.takes_text()
        || (model.mode.is_normal() && matches!(model.screen(), Some(Screen::Search(_))))
}

/// Moves in the step menu, or chooses from it.
fn step_menu_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let Mode::Menu(menu) = &mut model.mode else {
        return Vec::new();
    };
    match action {
        Action::Open => {
            let Some(choice) = menu.choices.get(menu.nav.selected).copied() else {
                return Vec::new();
            };
            let (interview, wait_days) = (menu.interview, menu.wait_days);
            model.mode = Mode::Normal;
            match choice.effect(interview, wait_days) {
                Chosen::Now(effect) => vec![effect],
                Chosen::AskFirst(effect) => {
                    model.mode = Mode::Confirm(crate::tui::model::Confirm {
                        question: format!("{}?", choice.label()),
                        yes: effect,
                    });
                    Vec::new()
                }
            }
        }
        Action::Back => {
            model.mode = Mode::Normal;
            Vec::new()
        }
        Action::Quit => {
            model.quit = true;
            Vec::new()
        }
        Action::MoveDown | Action::MoveUp | Action::First | Action::Last => {
            let len = menu.choices.len();
            crate::tui::screens::nav::move_nav(&mut menu.nav, action, len, len.max(1));
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Carries out a confirmed action; a deleted contact's own screen closes.
fn confirmed(model: &mut Model, yes: Effect) -> Vec<Effect> {
    // u undoes the latest action: after this delete, no longer a follow-up marked done before.
    if matches!(yes, Effect::Trash(_)) {
        model.last_done.clear();
    }
    if let (Effect::Trash(record), Some(Screen::Contact(detail))) = (&yes, model.screen())
        && detail.contact.meta.id == record.id
    {
        model.stack.pop();
    }
    vec![yes]
}

/// Work to do while no key is pressed, a small step at a time: the filter's contact index,
/// then bringing the search index up to date (after an import made while rolo was closed).
pub fn idle(model: &Model) -> Option<Effect> {
    let pending = model
        .contact_index
        .as_ref()
        .is_none_or(|index| !index.complete);
    if pending && model.home.contacts.total > 0 {
        return Some(model.next_index_chunk());
    }
    (!model.search_caught_up).then_some(Effect::IndexSearch)
}

/// The terminal changed size: keep every selection on screen.
pub fn resized(model: &mut Model, width: u16, height: u16) -> Vec<Effect> {
    model.width = width;
    model.height = height;
    home::keep_panes_visible(model);
    home::ensure_contacts_loaded(model)
}
