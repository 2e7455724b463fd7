//! What a key means: the vocabulary of actions and the keymap that binds keys to them.

pub mod action;
pub mod key;
pub mod keymap;
pub mod text;
