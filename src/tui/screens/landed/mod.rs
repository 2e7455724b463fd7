//! "I landed a role": everyone who helped, to thank and update.

pub mod draw;
pub mod update;

/// The keymap contexts it listens in, most specific first.
pub const CONTEXTS: &[crate::tui::keys::keymap::Context] = {
    use crate::tui::keys::keymap::Context;
    &[Context::Landed, Context::List, Context::Global]
};

use crate::tui::screens::nav::Nav;

/// Everyone who helped along the way (the role was landed).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LandedView {
    pub helpers: Vec<crate::domain::rows::Helper>,
    pub nav: Nav,
    /// Those the user chose to leave out of the thank-yous (Space).
    pub left_out: Vec<crate::domain::Id>,
}
