//! rolo: a keyboard-driven terminal app for informational interviews.
//!
//! - `domain`: records, the playbook, dates, the agenda — plain Rust.
//! - `store`: the SQLite file and typed operations on it.
//! - `cli`: the command line and the script commands.
//! - `tui`: the full-screen app.
//! - `demo`: realistic sample data.

pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod form;
pub mod interop;
pub mod store;
pub mod tui;
