//! Adding, editing and deleting what is selected, wherever it is selected: `a`, `e`, `d`, `D`,
//! `t`, `O`; and undoing deletes (`u`), with the trash (`T`) for older ones.

use crate::domain::drafts::Template;
use crate::domain::{Deletable, Id, RecordRef, Stage};
use crate::tui::data::effect::{Effect, FormRequest};
use crate::tui::keys::action::Action;
use crate::tui::model::{Confirm, Mode, Model, Pane, Screen, Section};
use crate::tui::screens::home::update::selected_index;

/// Handles the record actions where they mean something; `None` when the action is not one of
/// them here (the screen's own update then has it).
pub fn update(
    model: &mut Model,
    action: Action,
    clock: &crate::domain::Clock,
) -> Option<Vec<Effect>> {
    let screen = model.screen();
    // The screens that hold records of their own to add, edit and delete.
    let holds_records = matches!(
        screen,
        None | Some(Screen::Contact(_) | Screen::QuestionList(_) | Screen::Organizations(_))
    );
    // The screens where an interview is selected (meeting mode's is its own).
    let interview_at_hand = matches!(screen, Some(Screen::Contact(_) | Screen::Pipeline(_)));
    let in_meeting = matches!(screen, Some(Screen::Meeting(_)));
    let effects = match action {
        // The review and the trash give u their own meaning.
        Action::Undo if matches!(screen, Some(Screen::Review(_))) => return None,
        // A follow-up just marked done from a list comes back first.
        Action::Undo if !model.last_done.is_empty() => {
            let before = model.last_done.pop()?;
            model.status = Some(format!("Undone: “{}” is open again", before.title));
            vec![Effect::ReviewPutBack(
                crate::tui::data::saved::Before::FollowUp(before),
            )]
        }
        Action::MarkDone if holds_records => super::selection::mark_done(model),
        Action::Yank if holds_records => match super::selection::selection_text(model) {
            Some(text) => vec![Effect::CopyToClipboard(text)],
            None => say(model, "Nothing selected to copy"),
        },
        Action::Undo => match screen {
            Some(Screen::Trash(view)) => match view.rows.get(view.nav.selected) {
                Some(row) => vec![Effect::Restore(row.record)],
                None => say(model, "The trash is empty"),
            },
            _ => vec![Effect::UndoDelete],
        },
        Action::OpenTrash => vec![Effect::OpenTrash],
        Action::OpenImport => vec![Effect::OpenForm(FormRequest::Import)],
        Action::Add if holds_records => add(model),
        Action::Edit if holds_records => edit(model),
        Action::Delete if holds_records => delete(model),
        Action::OpenLink
            if matches!(
                screen,
                None | Some(Screen::Contact(_) | Screen::Organizations(_))
            ) =>
        {
            super::selection::open_link(model)
        }
        Action::DeleteContact
        | Action::LogTouch
        | Action::MergeContact
        | Action::StartInterview
            if matches!(screen, Some(Screen::Contact(_))) =>
        {
            contact_action(model, action)
        }
        Action::NextStep if interview_at_hand || in_meeting => match selected_interview(model) {
            Ok(id) => vec![Effect::OpenStepMenu(id)],
            Err(message) => say(model, message),
        },
        Action::WriteMessage if interview_at_hand => match selected_interview(model) {
            Ok(id) => write_message(model, id, clock.timestamp()),
            Err(message) => say(model, message),
        },
        Action::MeetingMode if interview_at_hand => match selected_interview(model) {
            Ok(id) => vec![Effect::OpenMeeting(id)],
            Err(message) => say(model, message),
        },
        _ => return None,
    };
    Some(effects)
}

fn open(request: FormRequest) -> Vec<Effect> {
    vec![Effect::OpenForm(request)]
}

pub(super) fn say(model: &mut Model, message: &str) -> Vec<Effect> {
    model.status = Some(message.to_string());
    Vec::new()
}

/// Asks before a delete; yes deletes it.
fn ask(model: &mut Model, kind: Deletable, label: &str, id: Id) -> Vec<Effect> {
    // A file only read refuses the delete at once, saying why — not after "are you sure?".
    if model.read_only {
        return vec![Effect::Trash(RecordRef::new(kind, id))];
    }
    model.mode = Mode::Confirm(Confirm {
        question: format!("Delete {} \"{label}\"? (u undoes it)", kind.noun()),
        yes: Effect::Trash(RecordRef::new(kind, id)),
    });
    Vec::new()
}

fn add(model: &mut Model) -> Vec<Effect> {
    match model.screen() {
        None => match model.focus() {
            Pane::Contacts => open(FormRequest::NewContact { referred_by: None }),
            Pane::FollowUps => open(FormRequest::NewFollowUp { contact: None }),
            Pane::QuestionLists => open(FormRequest::NewQuestionList),
            Pane::Meetings => say(
                model,
                "Meetings are set from an interview; open its contact to start one",
            ),
        },
        Some(Screen::Contact(detail)) => {
            let this = (detail.contact.meta.id, detail.contact.name.clone());
            match detail.section {
                Section::People => open(FormRequest::NewContact {
                    referred_by: Some(this),
                }),
                Section::FollowUps => open(FormRequest::NewFollowUp {
                    contact: Some(this),
                }),
                Section::Timeline => open(FormRequest::LogTouch(this.0)),
                Section::Interviews => {
                    say(model, "Interviews are started from the playbook screens")
                }
            }
        }
        Some(Screen::QuestionList(view)) => open(FormRequest::NewQuestion(view.list.id)),
        Some(Screen::Organizations(_)) => open(FormRequest::NewOrganization),
        Some(_) => Vec::new(),
    }
}

fn edit(model: &mut Model) -> Vec<Effect> {
    match model.screen() {
        None => {
            let pane = model.focus();
            let Some(index) = selected_index(model, pane) else {
                return Vec::new();
            };
            let home = &model.home;
            let request = match pane {
                Pane::Contacts => selected_contact(model, index).map(FormRequest::EditContact),
                Pane::FollowUps => match home.follow_ups.rows.get(index) {
                    // An interview's step is changed by taking a step: the menu of them.
                    Some(f) if f.step.is_some() => return vec![Effect::OpenStepMenu(f.id)],
                    f => f.map(|f| FormRequest::EditFollowUp(f.id)),
                },
                Pane::QuestionLists => home
                    .question_lists
                    .rows
                    .get(index)
                    .map(|l| FormRequest::EditQuestionList(l.id)),
                Pane::Meetings => return say(model, "Meetings are changed from their interview"),
            };
            request.map(open).unwrap_or_default()
        }
        Some(Screen::Contact(detail)) => match detail.section {
            Section::FollowUps => match detail
                .follow_ups
                .get(detail.nav(Section::FollowUps).selected)
            {
                Some(f) => open(FormRequest::EditFollowUp(f.meta.id)),
                None => Vec::new(),
            },
            _ => open(FormRequest::EditContact(detail.contact.meta.id)),
        },
        Some(Screen::QuestionList(view)) => match view.questions.get(view.nav.selected) {
            Some(q) => open(FormRequest::EditQuestion(q.meta.id)),
            None => Vec::new(),
        },
        Some(Screen::Organizations(view)) => match view.selected() {
            Some(org) => open(FormRequest::EditOrganization(org.id)),
            None => say(model, "No organisations yet: a adds one"),
        },
        Some(_) => Vec::new(),
    }
}

fn delete(model: &mut Model) -> Vec<Effect> {
    match model.screen() {
        None => {
            let pane = model.focus();
            let Some(index) = selected_index(model, pane) else {
                return Vec::new();
            };
            match pane {
                Pane::Contacts => {
                    let Some(id) = selected_contact(model, index) else {
                        return Vec::new();
                    };
                    let name = contact_name(model, index);
                    ask(model, Deletable::Contact, &name, id)
                }
                Pane::FollowUps => match model.home.follow_ups.rows.get(index).cloned() {
                    Some(f) if f.step.is_some() => say(
                        model,
                        "An interview's next step goes when it is taken: e lists the steps \
                         (call it off there), R does it in the review",
                    ),
                    Some(f) => ask(model, Deletable::FollowUp, &f.title, f.id),
                    None => Vec::new(),
                },
                Pane::QuestionLists => match model.home.question_lists.rows.get(index).cloned() {
                    Some(l) => ask(model, Deletable::QuestionList, &l.name, l.id),
                    None => Vec::new(),
                },
                Pane::Meetings => say(model, "Meetings are cancelled from their interview"),
            }
        }
        Some(Screen::Contact(detail)) => {
            let picked = match detail.section {
                Section::FollowUps => detail
                    .follow_ups
                    .get(detail.nav(Section::FollowUps).selected)
                    .map(|f| (Deletable::FollowUp, f.title.clone(), f.meta.id)),
                Section::Timeline => detail
                    .timeline
                    .get(detail.nav(Section::Timeline).selected)
                    .map(|e| (Deletable::Interaction, e.summary.clone(), e.meta.id)),
                Section::Interviews => detail
                    .interviews
                    .get(detail.nav(Section::Interviews).selected)
                    .map(|i| (Deletable::Interview, i.objective.clone(), i.meta.id)),
                _ => None,
            };
            match picked {
                Some((kind, label, id)) => ask(model, kind, &label, id),
                None => say(
                    model,
                    "d deletes an interview, a follow-up or a timeline entry; D deletes the contact",
                ),
            }
        }
        Some(Screen::QuestionList(view)) => match view.questions.get(view.nav.selected).cloned() {
            Some(q) => ask(model, Deletable::Question, &q.text, q.meta.id),
            None => Vec::new(),
        },
        // Its people stay, without an organisation shown, until it is restored.
        Some(Screen::Organizations(view)) => match view.selected().cloned() {
            Some(org) => ask(model, Deletable::Organization, &org.name, org.id),
            None => say(model, "No organisations yet: a adds one"),
        },
        Some(_) => Vec::new(),
    }
}

fn contact_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(Screen::Contact(detail)) = model.screen() else {
        return Vec::new();
    };
    let contact = detail.contact.clone();
    match action {
        Action::DeleteContact => ask(model, Deletable::Contact, &contact.name, contact.meta.id),
        Action::LogTouch => open(FormRequest::LogTouch(contact.meta.id)),
        Action::StartInterview => {
            let open_one = match model.screen() {
                Some(Screen::Contact(detail)) => detail.interviews.iter().any(|i| i.is_open()),
                _ => false,
            };
            if open_one {
                say(
                    model,
                    "They already have an open interview: n takes its next step (or calls it off)",
                )
            } else {
                open(FormRequest::StartInterview(contact.meta.id))
            }
        }
        Action::MergeContact => open(FormRequest::MergeInto(contact.meta.id)),
        _ => Vec::new(),
    }
}

/// The message an interview's step calls for: the nudge once one is due, the request while it
/// is asked, the thank-you after the meeting, a progress update once done.
fn write_message(model: &mut Model, interview: Id, now: crate::domain::Timestamp) -> Vec<Effect> {
    let (stage, owed) = match model.screen() {
        Some(Screen::Contact(detail)) => (
            detail
                .interviews
                .iter()
                .find(|i| i.meta.id == interview)
                .map(|i| i.stage),
            detail
                .owed
                .iter()
                .find(|(id, _)| *id == interview)
                .and_then(|(_, owed)| *owed),
        ),
        Some(Screen::Pipeline(board)) => (
            board.columns.get(board.column).map(|c| c.stage),
            board.selected().and_then(|card| card.next),
        ),
        _ => (None, None),
    };
    let nudge_due = owed.is_some_and(|o| {
        o.kind == crate::domain::NextKind::CloseNoReply
            || o.kind == crate::domain::NextKind::Nudge && o.due_at <= now
    });
    let template = match stage {
        Some(Stage::Request) if nudge_due => Template::Nudge,
        Some(Stage::Request) => Template::Request,
        Some(Stage::Evaluate | Stage::ThankYou) => Template::ThankYou,
        Some(Stage::Done) => Template::ProgressUpdate,
        Some(Stage::Meet) | None => {
            return say(
                model,
                "Nothing to send before the meeting: m opens meeting mode",
            );
        }
    };
    open(FormRequest::Draft(interview, template))
}

/// The interview a step or meeting mode is for: on a contact, the one selected under
/// Interviews (or the only open one); on the pipeline, the selected card; in meeting mode, its
/// own.
fn selected_interview(model: &Model) -> Result<Id, &'static str> {
    match model.screen() {
        Some(Screen::Contact(detail)) => {
            let open: Vec<&crate::domain::Interview> =
                detail.interviews.iter().filter(|i| i.is_open()).collect();
            match (detail.section, open.as_slice()) {
                (Section::Interviews, _) => detail
                    .interviews
                    .get(detail.nav(Section::Interviews).selected)
                    .map(|i| i.meta.id)
                    .ok_or("No interview with them yet: i asks them for one"),
                (_, [only]) => Ok(only.meta.id),
                // None open: the newest, finished or not (a progress update follows a done one).
                (_, []) => detail
                    .interviews
                    .first()
                    .map(|i| i.meta.id)
                    .ok_or("No interview with them yet: i asks them for one"),
                _ => Err("Which interview? Tab to Interviews and choose one"),
            }
        }
        Some(Screen::Pipeline(board)) => board
            .selected()
            .map(|c| c.interview_id)
            .ok_or("No interview here"),
        Some(Screen::Meeting(view)) => Ok(view.interview),
        _ => Err("Open a contact or the pipeline to choose an interview"),
    }
}

/// The id of the contact at `index` of the contacts pane (through its filter, if any).
pub(super) fn selected_contact(model: &Model, index: usize) -> Option<Id> {
    match model.filter.as_ref().filter(|f| f.pane == Pane::Contacts) {
        Some(_) => model.contact_index.as_ref()?.id(index),
        None => model.home.contacts.row_at(index).map(|c| c.id),
    }
}

fn contact_name(model: &Model, index: usize) -> String {
    match model.filter.as_ref().filter(|f| f.pane == Pane::Contacts) {
        Some(_) => model
            .contact_index
            .as_ref()
            .map(|i| i.name(index).to_string())
            .unwrap_or_default(),
        None => model
            .home
            .contacts
            .row_at(index)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
    }
}
