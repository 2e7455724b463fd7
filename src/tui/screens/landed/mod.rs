//! "I landed a role": everyone who helped, to thank and update.

pub mod draw;
pub mod update;

use crate::tui::screens::nav::Nav;

/// Everyone who helped along the way (the role was landed).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LandedView {
    pub helpers: Vec<crate::store::Helper>,
    pub nav: Nav,
}
