//! What each screen takes: the keymap contexts in force on it, and the actions it acts on
//! (help, the footer and the palette are built from these).

use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::model::{Model, Screen};

/// The keymap contexts in force, most specific first.
pub fn contexts(model: &Model) -> &'static [Context] {
    if model.confirm.is_some() {
        return &[Context::Confirm];
    }
    if model.form.is_some() {
        return &[Context::Form];
    }
    if model.palette.is_some() {
        return &[]; // the palette says its own keys
    }
    if model.step_menu.is_some() {
        return &[Context::List, Context::Global];
    }
    if model.help {
        return &[Context::Help, Context::Global];
    }
    screen_contexts(model.screen())
}

/// The contexts of a screen, help aside.
pub fn screen_contexts(screen: Option<&Screen>) -> &'static [Context] {
    match screen {
        None => &[Context::Home, Context::List, Context::Global],
        Some(Screen::Contact(_)) => &[Context::Detail, Context::List, Context::Global],
        Some(Screen::Pipeline(_)) => &[Context::Pipeline, Context::List, Context::Global],
        Some(Screen::QuestionList(_)) => &[Context::Questions, Context::List, Context::Global],
        Some(Screen::Trash(_)) => &[Context::Trash, Context::List, Context::Global],
        Some(Screen::Meeting(_)) => super::meeting::contexts(),
        Some(Screen::Review(_)) => &[Context::Review, Context::Global],
        Some(Screen::ImportPreview(_)) => &[Context::Import, Context::List, Context::Global],
        Some(Screen::Insights(_)) => &[Context::Global],
        Some(Screen::Search(_)) => &[Context::Search],
        Some(Screen::Landed(_)) => &[Context::Landed, Context::List, Context::Global],
    }
}

/// The actions each screen acts on; help must list a key for every one (checked by tests).
pub fn accepted(model: &Model) -> Vec<Action> {
    use Action::*;
    if model.help {
        return vec![Back, Quit];
    }
    // Typing goes into the query there: only its own keys act.
    if let Some(Screen::Search(_)) = model.screen() {
        return vec![Quit, Help, Back, MoveDown, MoveUp, PageDown, PageUp, Open];
    }
    let mut actions = vec![
        Quit,
        Help,
        Back,
        Refresh,
        Undo,
        OpenTrash,
        OpenReview,
        OpenImport,
        OpenInsights,
        OpenPalette,
        OpenSearch,
    ];
    if !matches!(
        model.screen(),
        Some(Screen::Review(_) | Screen::Insights(_))
    ) {
        actions.extend_from_slice(&[MoveDown, MoveUp, PageDown, PageUp, First, Last]);
    }
    actions.extend_from_slice(match model.screen() {
        None => &[
            OpenPipeline,
            Open,
            FocusNext,
            FocusPrevious,
            FocusContacts,
            FocusMeetings,
            FocusFollowUps,
            FocusQuestionLists,
            Zoom,
            Filter,
            LandedRole,
            Add,
            Edit,
            Delete,
        ],
        Some(Screen::Contact(_)) => &[
            OpenPipeline,
            OpenHome,
            Open,
            FocusNext,
            FocusPrevious,
            Add,
            Edit,
            Delete,
            DeleteContact,
            LogTouch,
            EditOrganization,
            MergeContact,
            NextStep,
            StartInterview,
            MeetingMode,
            WriteMessage,
        ],
        Some(Screen::Pipeline(_)) => &[OpenHome, Open, MoveLeft, MoveRight, NextStep, MeetingMode],
        Some(Screen::QuestionList(_)) => &[OpenPipeline, OpenHome, Add, Edit, Delete],
        Some(Screen::Trash(_)) => &[OpenHome],
        Some(Screen::ImportPreview(_)) => &[OpenHome, RunImport],
        Some(Screen::Insights(_)) => &[OpenHome],
        Some(Screen::Search(_)) => &[],
        Some(Screen::Landed(_)) => &[OpenHome, ThankHelpers],
        Some(Screen::Review(_)) => &[
            OpenHome,
            MarkDone,
            SnoozeDay,
            SnoozeThreeDays,
            SnoozeWeek,
            SnoozeTo,
            Reschedule,
            TouchAndDone,
            Open,
            WriteMessage,
            Edit,
            MeetingMode,
            Skip,
            MoveUp,
        ],
        Some(Screen::Meeting(_)) => &[
            OpenHome,
            Open,
            Add,
            ToggleAsked,
            AddQuestionList,
            MoveQuestionUp,
            MoveQuestionDown,
            NextStep,
        ],
    });
    actions
}
