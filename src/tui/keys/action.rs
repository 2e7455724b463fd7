//! The vocabulary of everything a user can ask the app for. Keys map to these (see
//! `assets/keymap.toml`); `update` gives them meaning on each screen.

use serde::{Deserialize, Serialize};

/// `Action::VARIANTS` lists them all, so what a screen acts on can be found by trying each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Leave rolo.
    Quit,
    /// Show the keys of the current screen.
    Help,
    /// Close what is open, or go back to the previous screen.
    Back,
    /// Move the selection down one row.
    MoveDown,
    /// Move the selection up one row.
    MoveUp,
    /// Move to the column on the left.
    MoveLeft,
    /// Move to the column on the right.
    MoveRight,
    /// Move the selection down a page.
    PageDown,
    /// Move the selection up a page.
    PageUp,
    /// Jump to the first row.
    First,
    /// Jump to the last row.
    Last,
    /// Open the selected record.
    Open,
    /// Focus the next pane or section.
    FocusNext,
    /// Focus the previous pane or section.
    FocusPrevious,
    /// Focus the Contacts pane.
    FocusContacts,
    /// Focus the Upcoming meetings pane.
    FocusMeetings,
    /// Focus the Follow-ups pane.
    FocusFollowUps,
    /// Focus the Question lists pane.
    FocusQuestionLists,
    /// Show the focused pane full screen, or go back to four panes.
    Zoom,
    /// Start filtering the focused list.
    Filter,
    /// Open the pipeline board.
    OpenPipeline,
    /// Go back to the home screen.
    OpenHome,
    /// Reload everything from the database.
    Refresh,
    /// Add a record of the kind in focus.
    Add,
    /// Edit the selected record.
    Edit,
    /// Delete the selected record (asks first; undo with `u`).
    Delete,
    /// Delete the contact on screen (asks first).
    DeleteContact,
    /// Bring back the most recently deleted record.
    Undo,
    /// Show deleted records, to restore any of them.
    OpenTrash,
    /// Every organisation, with its people and interviews.
    OpenOrganizations,
    /// Import a file — contacts, mail, LinkedIn messages, invitations (a preview first).
    OpenImport,
    /// The insights: the funnel, reply rates, the weekly rhythm, organisations.
    OpenInsights,
    /// The command palette: every action by name.
    OpenPalette,
    /// Search everything: contacts, organisations, the timeline, answers, interviews.
    OpenSearch,
    /// "I landed a role": everyone who helped, to thank.
    LandedRole,
    /// On the list of helpers: queue a thank-you and an update for each.
    ThankHelpers,
    /// On the import preview: carry out the import.
    RunImport,
    /// Log a touch (email, call, message, meeting, note) with the contact.
    LogTouch,
    /// Forms: the next field.
    NextField,
    /// Forms: the previous field.
    PreviousField,
    /// Forms: save.
    Save,
    /// Forms: cancel (asks first when something was typed).
    Cancel,
    /// Forms: edit a notes field in $EDITOR.
    OpenEditor,
    /// Forms: open the existing contact a new one looks like.
    OpenDuplicate,
    /// In a form: take the value saved elsewhere (by another process) for the focused field.
    TakeStored,
    /// Answer yes to a question.
    Confirm,
    /// Show the steps the selected interview can take next.
    NextStep,
    /// Start an informational interview with this contact.
    StartInterview,
    /// On a contact: merge another contact (the same person, entered twice) into this one.
    MergeContact,
    /// Open meeting mode for the interview: its questions, to tick and answer.
    MeetingMode,
    /// Meeting mode: mark the question asked, or not.
    ToggleAsked,
    /// Meeting mode: add the questions of a list.
    AddQuestionList,
    /// Meeting mode: move the question up.
    MoveQuestionUp,
    /// Meeting mode: move the question down.
    MoveQuestionDown,
    /// Forms: copy the text of the focused field (a draft) to the clipboard.
    CopyText,
    /// Draft a message for the interview (request, thank-you, progress update).
    WriteMessage,
    /// Open the daily review.
    OpenReview,
    /// Review: mark the follow-up done.
    MarkDone,
    /// Review: snooze a day.
    SnoozeDay,
    /// Review: snooze three days.
    SnoozeThreeDays,
    /// Review: snooze a week.
    SnoozeWeek,
    /// Review: snooze to a date typed naturally.
    SnoozeTo,
    /// Review: change the follow-up (its due date, its words).
    Reschedule,
    /// Review: log a touch with the contact and mark the follow-up done.
    TouchAndDone,
    /// Review: leave this one for now and go to the next.
    Skip,
    /// Review: close an unanswered request as no reply.
    CloseNoReply,
    /// Everything about the interview on one screen.
    OpenInterview,
    /// On a contact: open their LinkedIn page, or write to them, with the system's opener.
    OpenLink,
    /// Copy the selection's text to the clipboard.
    Yank,
    /// Move down half a page (Ctrl-d, as in vim and less).
    HalfPageDown,
    /// Move up half a page (Ctrl-u).
    HalfPageUp,
    /// On a contact: every field and the notes, whole, in a box to scroll.
    ReadCard,
    /// While typing a line: stop, keeping what was typed.
    EndTyping,
    /// While typing a line: clear it.
    ClearLine,
    /// A draft: keep it, to send later, rather than mark it sent.
    KeepDraft,
    /// While typing a line: drop the last word (Ctrl-w, as in a shell).
    DeleteWord,
}

impl Action {
    /// What the palette calls an action: the task, in the words a user would look for it by;
    /// else the action's own name ("open_insights" → "open insights").
    pub fn spoken(self) -> String {
        let task = match self {
            Action::StartInterview => "request an interview",
            Action::OpenImport => "import a file",
            Action::LandedRole => "I landed a role",
            Action::WriteMessage => "draft a message",
            Action::LogTouch => "log a touch",
            Action::OpenReview => "daily review",
            Action::NextStep => "next step",
            Action::MeetingMode => "meeting mode",
            Action::OpenSearch => "search everything",
            Action::OpenInsights => "insights",
            Action::OpenPipeline => "pipeline",
            Action::OpenTrash => "trash",
            Action::OpenOrganizations => "organisations",
            Action::MarkDone => "mark done",
            Action::OpenLink => "open their link",
            Action::Yank => "copy",
            Action::AddQuestionList => "add a question list to the meeting",
            _ => "",
        };
        if !task.is_empty() {
            return task.into();
        }
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
            .unwrap_or_default()
    }

    /// The action a config file names: its own name ("open_review") or the name the palette
    /// shows, with _ for spaces ("daily_review"), in any case. What names none says which
    /// names are near.
    pub fn from_config_name(name: &str) -> Result<Action, String> {
        use strum::VariantArray;
        let wanted = name.trim().to_lowercase().replace(' ', "_");
        let own = |action: Action| {
            serde_json::to_value(action)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        let palette = |action: Action| action.spoken().to_lowercase().replace(' ', "_");
        if let Some(action) = Action::VARIANTS
            .iter()
            .find(|a| own(**a) == wanted || palette(**a) == wanted)
        {
            return Ok(*action);
        }
        let near: Vec<String> = Action::VARIANTS
            .iter()
            .filter(|a| {
                !wanted.is_empty()
                    && wanted
                        .split('_')
                        .filter(|word| word.len() > 2)
                        .any(|word| own(**a).contains(word) || palette(**a).contains(word))
            })
            .map(|a| match (own(*a), palette(*a)) {
                (own, palette) if own == palette => own,
                (own, palette) => format!("{palette} ({own})"),
            })
            .take(5)
            .collect();
        let hint = if near.is_empty() {
            "for example move_down or daily_review".to_string()
        } else {
            format!("near it: {}", near.join(", "))
        };
        Err(format!(
            "{name:?} is not an action (the names the command palette, :, shows, with _ for \
             spaces; {hint})"
        ))
    }
}
