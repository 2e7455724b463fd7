//! A form over the screen: the keys that edit and save it, and how it is drawn. (The form itself,
//! its fields and checks, is `crate::form`: the command line shares it.)

pub mod draw;
pub mod receive;
pub mod update;
