//! The numbers the playbook runs on, and the rest of what the config file can set. Each has
//! DESIGN.md's default.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlaybookSettings {
    /// Days without a reply before a nudge is due.
    pub nudge_after_days: u32,
    /// Nudges to send before suggesting "no reply".
    pub max_nudges: u32,
    /// Hours after a meeting ends by which the thank-you is due.
    pub thank_you_hours: u32,
    /// Days after a yes (or a meeting that fell through) by which the meeting should be set.
    pub set_meeting_days: u32,
    /// Days after the thank-you until the keep-in-touch / progress update.
    pub keep_in_touch_days: u32,
    /// Whether a meeting enters the daily review the day before, to prepare.
    pub prepare_day_before: bool,
    /// Minutes asked for in a new request.
    pub default_minutes_asked: u32,
    /// Length of a new meeting.
    pub default_meeting_minutes: u32,
}

impl Default for PlaybookSettings {
    fn default() -> Self {
        PlaybookSettings {
            nudge_after_days: 7,
            max_nudges: 2,
            thank_you_hours: 24,
            set_meeting_days: 2,
            keep_in_touch_days: 30,
            prepare_day_before: true,
            default_minutes_asked: 20,
            default_meeting_minutes: 30,
        }
    }
}

/// Everything the app runs on that the config file may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub playbook: PlaybookSettings,
    /// The first day of a week (the insights' weeks).
    pub week_start: chrono::Weekday,
    /// A folder of the user's own message templates, if any.
    pub templates: Option<std::path::PathBuf>,
    /// The user's own email addresses (lowercased): a message from one of them went out, and
    /// none of them is ever taken for a contact.
    pub me: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            playbook: PlaybookSettings::default(),
            week_start: chrono::Weekday::Mon,
            templates: None,
            me: Vec::new(),
        }
    }
}
