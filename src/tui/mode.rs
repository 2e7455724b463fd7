//! What takes the keys: the screen itself, or one thing open over it. One value, so two can never
//! be open at once, and the keymap contexts in force follow from it alone.

use crate::form::{Form, TextInput};

use crate::tui::data::effect::Effect;
use crate::tui::keys::keymap::Context;
use crate::tui::overlays::palette::Palette;
use crate::tui::overlays::step_menu::StepMenu;

/// A question awaiting y or n, and what yes does.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub question: String,
    pub yes: Effect,
}

/// What is being typed in meeting mode.
#[derive(Debug, Clone, PartialEq)]
pub enum MeetingTyping {
    /// The answer to the selected question (saved with each key).
    Answer(TextInput),
    /// A question asked on the spot (added on Enter).
    NewQuestion(TextInput),
}

impl MeetingTyping {
    pub fn input(&self) -> &TextInput {
        match self {
            MeetingTyping::Answer(input) | MeetingTyping::NewQuestion(input) => input,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Mode {
    /// The screen takes the keys.
    #[default]
    Normal,
    /// The keys of what is beneath (the screen, or the mode help was opened from), scrolled
    /// this many lines; closing help goes back to it.
    Help {
        scroll: usize,
        beneath: Box<Mode>,
    },
    Form(Box<Form>),
    Confirm(Confirm),
    Palette(Box<Palette>),
    /// An interview's next steps, to choose from.
    Menu(StepMenu),
    /// Typing home's filter (the filter itself stays when typing ends).
    Filtering,
    /// Typing an answer or a question in meeting mode.
    Typing(MeetingTyping),
    /// A text shown whole (a timeline entry with its message), scrolled this many lines.
    Reading(Reading),
}

/// A text to read whole, over the screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reading {
    pub title: String,
    pub text: String,
    pub scroll: usize,
}

impl Mode {
    /// The keymap contexts whose keys help lists: the mode's beneath help, else this one's.
    pub fn helped_contexts(&self) -> Option<&'static [Context]> {
        match self {
            Mode::Help { beneath, .. } => beneath.contexts(),
            other => other.contexts(),
        }
    }

    /// The keymap contexts of the mode, most specific first; `None` when the screen's own apply.
    pub fn contexts(&self) -> Option<&'static [Context]> {
        Some(match self {
            Mode::Normal => return None,
            Mode::Help { .. } => &[Context::Help],
            Mode::Form(form) if form.confirming_cancel => &[Context::Discard],
            Mode::Form(_) => &[Context::Form],
            Mode::Confirm(_) => &[Context::Confirm],
            Mode::Palette(_) => &[Context::Palette],
            Mode::Menu(_) => &[Context::Menu],
            Mode::Filtering => &[Context::Filter],
            Mode::Typing(_) => &[Context::Typing],
            Mode::Reading(_) => &[Context::Reading],
        })
    }

    /// Whether keys the keymap does not bind are typed in (as text or editing keys).
    pub fn takes_text(&self) -> bool {
        matches!(
            self,
            Mode::Form(_) | Mode::Palette(_) | Mode::Filtering | Mode::Typing(_)
        )
    }

    /// Whether help may open over it (not over a question awaiting y or n, nor over help).
    pub fn offers_help(&self) -> bool {
        match self {
            Mode::Help { .. } | Mode::Confirm(_) => false,
            Mode::Form(form) => !form.confirming_cancel,
            _ => true,
        }
    }

    pub fn is_normal(&self) -> bool {
        matches!(self, Mode::Normal)
    }
}
