//! What opens over a screen and takes the keys while open: forms, the palette, the menu of an
//! interview's next steps, help, and boxes of text to read or confirm.

pub mod form;
pub mod help;
pub mod palette;
pub mod step_menu;
pub mod text_box;
