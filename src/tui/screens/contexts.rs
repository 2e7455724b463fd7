//! The keymap contexts in force on each screen (help, the footer and the palette are built from
//! these, with the actions that act there).

use crate::tui::keys::keymap::Context;
use crate::tui::model::Screen;

/// The contexts of a screen, help aside.
pub fn screen_contexts(screen: Option<&Screen>) -> &'static [Context] {
    match screen {
        None => &[
            Context::Home,
            Context::List,
            Context::Records,
            Context::Global,
        ],
        Some(Screen::Contact(_)) => &[
            Context::Detail,
            Context::List,
            Context::Records,
            Context::Global,
        ],
        Some(Screen::Pipeline(_)) => &[Context::Pipeline, Context::List, Context::Global],
        Some(Screen::QuestionList(_)) => &[
            Context::Questions,
            Context::Records,
            Context::List,
            Context::Global,
        ],
        Some(Screen::Trash(_)) => &[Context::Trash, Context::List, Context::Global],
        Some(Screen::Meeting(_)) => &[Context::Meeting, Context::List, Context::Global],
        Some(Screen::Review(_)) => &[Context::Review, Context::Global],
        Some(Screen::ImportPreview(_)) => &[Context::Import, Context::List, Context::Global],
        Some(Screen::Insights(_)) => &[Context::Global],
        Some(Screen::Search(_)) => &[Context::Search],
        Some(Screen::Landed(_)) => &[Context::Landed, Context::List, Context::Global],
    }
}
