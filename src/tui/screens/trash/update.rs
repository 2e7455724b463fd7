//! Keys on this screen.
