//! The full-screen app.

use color_eyre::eyre::Result;

use crate::cli::Cli;
use crate::domain::Clock;
use crate::store::Store;

pub fn run(store: Store, _cli: &Cli, _clock: &Clock) -> Result<()> {
    let _ = store;
    Ok(())
}
