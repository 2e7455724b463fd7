//! The store's side of the kept steps (see `steps`): the settings they are derived with, what
//! is derived at start-up, and what an older file or export brings.

use rusqlite::Connection;

use super::{Store, StoreResult, interviews, steps, steps_legacy};
use crate::domain::settings::PlaybookSettings;

/// The schema from which an interview's next step is derived, not kept as follow-ups.
pub const DERIVED_STEPS_VERSION: i64 = 5;

/// Takes in the playbook reminders an export from before `DERIVED_STEPS_VERSION` holds, for
/// the interviews `ids` it brought (see `steps_legacy`), in the import's transaction.
pub fn take_in_old_reminders(
    tx: &Connection,
    settings: &PlaybookSettings,
    ids: &[crate::domain::Id],
) -> StoreResult<()> {
    steps::refresh_stale(tx, settings)?;
    let now = crate::domain::Clock::system().timestamp();
    steps_legacy::take_in(tx, settings, &steps_legacy::Finished::These(ids), now)
}

/// Refuses (inside an import) when `contact` has more than one open interview.
pub fn at_most_one_open_interview(tx: &Connection, contact: crate::domain::Id) -> StoreResult<()> {
    interviews::at_most_one_open(tx, contact, 1, None)
}

impl Store {
    /// The playbook's numbers from the config file: the interviews' next steps are derived
    /// with them from now on (all of them again, if they differ from the last ones used).
    pub fn use_playbook(&mut self, settings: &PlaybookSettings) -> StoreResult<()> {
        self.playbook = settings.clone();
        self.keep_steps_current()
    }

    /// The playbook's numbers in use.
    pub fn playbook(&self) -> &PlaybookSettings {
        &self.playbook
    }

    /// Derives the steps waiting to be derived (after a migration, or other settings): in
    /// one write, and only when there are any. A file only read is left as it is: its steps
    /// are as the last writer derived them.
    fn keep_steps_current(&self) -> StoreResult<()> {
        if self.read_only.is_some() {
            return Ok(());
        }
        let settings_differ = steps::settings_differ(self.conn(), &self.playbook)?;
        if settings_differ || steps::any_stale(self.conn())? {
            self.write(|tx| {
                if settings_differ {
                    steps::derive_all_with(tx, &self.playbook)?;
                }
                Ok(())
            })?;
        }
        Ok(())
    }

    /// At open: derives what waits to be derived (a migrated file's interviews), with the
    /// settings they were last derived with, else the defaults.
    pub(super) fn derive_stale(&self) -> StoreResult<()> {
        if self.read_only.is_some() || !steps::any_stale(self.conn())? {
            return Ok(());
        }
        self.write(|_| Ok(()))
    }

    /// After migrating from `before`: a file from before the derived steps has its playbook
    /// reminders taken in (see `steps_legacy`).
    pub(super) fn take_in_reminders_of_schema(&self, before: i64) -> StoreResult<()> {
        if !(1..DERIVED_STEPS_VERSION).contains(&before) {
            return Ok(());
        }
        let now = crate::domain::Clock::system().timestamp();
        self.write(|tx| {
            let settings = PlaybookSettings::default();
            steps::refresh_stale(tx, &settings)?;
            steps_legacy::take_in(tx, &settings, &steps_legacy::Finished::All, now)
        })
    }
}
