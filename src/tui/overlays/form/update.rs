//! Keys while a form is open: the form's own keys from the keymap's `[form]` context, then
//! editing keys for the focused field; pickers suggest as you type.

use crossterm::event::{KeyCode, KeyEvent};

use crate::domain::{Clock, Id};
use crate::form::{FieldKind, Form, PickerSource};
use crate::tui::data::effect::Effect;
use crate::tui::keys::action::Action;
use crate::tui::model::{Mode, Model, Pane};
use crate::tui::screens::home::filter::{Candidates, Filter};

/// Suggestions shown under a picker.
pub const SUGGESTIONS: usize = 8;

/// One of the form's own actions (the keymap's `[form]`, or `[discard]` while it asks).
pub fn action(model: &mut Model, action: Action, clock: &Clock) -> Vec<Effect> {
    let Mode::Form(form) = &mut model.mode else {
        return Vec::new();
    };
    if form.confirming_cancel {
        match action {
            Action::Confirm => model.mode = Mode::Normal,
            Action::Back => form.confirming_cancel = false,
            _ => {}
        }
        return Vec::new();
    }
    match action {
        Action::Save => {
            form.keep_for_later = false;
            return save(model, clock);
        }
        Action::KeepDraft if matches!(form.kind, crate::form::FormKind::Draft { .. }) => {
            form.keep_for_later = true;
            form.message = None;
            return vec![Effect::SaveForm(form.clone())];
        }
        Action::KeepDraft => {
            form.message =
                Some("Ctrl-L keeps a draft message for later; this form saves with Ctrl-S".into());
        }
        Action::Cancel => {
            if form.is_dirty() {
                form.confirming_cancel = true;
            } else {
                model.mode = Mode::Normal;
            }
        }
        // In a draft, Tab goes from placeholder to placeholder ({key_point} …), each taken
        // out to be typed over; when none is left, to the next field.
        Action::NextField
            if matches!(form.kind, crate::form::FormKind::Draft { .. })
                && form.focused().is_multiline() =>
        {
            match form.focused_mut().input.take_placeholder() {
                Some(name) => {
                    form.message = Some(format!("In its place: {}", name.replace('_', " ")));
                }
                None => {
                    form.message = None;
                    form.focus_next();
                }
            }
        }
        Action::NextField => {
            form.message = None;
            accept_exact(form);
            if !crate::form::import_form::import_file_tab(form, true) {
                form.focus_next();
                offer_choices(model);
            }
        }
        Action::PreviousField => {
            form.message = None;
            accept_exact(form);
            form.focus_previous();
            offer_choices(model);
        }
        Action::OpenEditor if form.focused().is_multiline() => {
            return vec![Effect::EditExternally(
                form.focused().input.value().to_string(),
            )];
        }
        Action::OpenEditor => {
            form.message = Some(format!(
                "{} is one line: Ctrl-E opens $EDITOR on a notes field",
                form.focused().label
            ));
        }
        Action::CopyText => {
            return vec![Effect::CopyToClipboard(
                form.focused().input.value().to_string(),
            )];
        }
        Action::TakeStored if !form.take_stored() => {
            form.message =
                Some("Nothing was saved elsewhere for this field while you typed".into());
        }
        Action::OpenDuplicate => match form.duplicate.clone() {
            Some(duplicate) => {
                model.mode = Mode::Normal;
                return vec![Effect::OpenContact(duplicate.id)];
            }
            None => {
                form.message = Some("Ctrl-O opens a contact this one looks like; none does".into())
            }
        },
        _ => {}
    }
    Vec::new()
}

/// A key typed into the focused field; while the form asks whether to discard, any key that is
/// not an answer goes back to editing.
pub fn typed(model: &mut Model, event: &KeyEvent, clock: &Clock) -> Vec<Effect> {
    let Mode::Form(form) = &mut model.mode else {
        return Vec::new();
    };
    if form.confirming_cancel {
        form.confirming_cancel = false;
        return Vec::new();
    }
    edit_field(model, event, clock)
}

/// Validates; a valid form is saved by the app, an invalid one shows its errors at the fields.
fn save(model: &mut Model, clock: &Clock) -> Vec<Effect> {
    let Mode::Form(form) = &mut model.mode else {
        return Vec::new();
    };
    accept_exact(form);
    form.message = None;
    // Saved from the file field: the kind of file is the one it holds.
    crate::form::import_form::import_file_tab(form, false);
    if form.validate(clock) {
        vec![Effect::SaveForm(form.clone())]
    } else {
        Vec::new()
    }
}

fn edit_field(model: &mut Model, event: &KeyEvent, clock: &Clock) -> Vec<Effect> {
    let Mode::Form(form) = &mut model.mode else {
        return Vec::new();
    };
    let before = form.focused().input.value().to_string();
    let field = form.focused_mut();
    match (&field.kind, event.code) {
        (FieldKind::Choice(_), KeyCode::Left) => field.cycle(-1),
        (FieldKind::Choice(_), KeyCode::Right | KeyCode::Char(' ')) => field.cycle(1),
        (FieldKind::Choice(_), KeyCode::Enter) => return next_or_save(model, clock),
        (FieldKind::Choice(options), KeyCode::Char(c)) if c.is_alphanumeric() => {
            let label = field.label;
            let listed = options.join(", ");
            if !field.jump_to(c) {
                form.message = Some(format!(
                    "{label} is a choice: ←/→ or its first letter ({listed})"
                ));
            }
        }
        (FieldKind::Choice(_), _) => {}
        (FieldKind::Picker { .. }, KeyCode::Down) => {
            field.highlighted =
                (field.highlighted + 1).min(field.suggestions.len().saturating_sub(1));
            field.browsed = true;
        }
        (FieldKind::Picker { .. }, KeyCode::Up) => {
            field.highlighted = field.highlighted.saturating_sub(1);
            field.browsed = true;
        }
        // Enter picks the highlighted choice; on an optional picker left empty it moves on
        // (the choices offered before typing are not a choice made).
        (FieldKind::Picker { .. }, KeyCode::Enter)
            if field.picked.is_none()
                && !field.suggestions.is_empty()
                && (field.check == crate::form::Check::Required
                    || field.browsed
                    || !field.input.value().trim().is_empty()) =>
        {
            accept_suggestion(form);
        }
        (FieldKind::Multiline, _) => {
            field.input.handle(event, true);
        }
        (_, KeyCode::Enter) => return next_or_save(model, clock),
        (kind, _) => {
            let picker = matches!(kind, FieldKind::Picker { .. });
            if field.input.handle(event, false) && picker {
                field.picked = None;
                suggest(model);
            }
        }
    }
    if let Some(form) = model.form_mut() {
        // A touch's summary follows its kind while it is still rolo's words.
        if matches!(form.kind, crate::form::FormKind::Touch { .. })
            && form.focused().key == crate::form::FieldKey::Kind
        {
            crate::form::forms::follow_touch_kind(form, &before);
        }
        form.focused_mut().error = None;
        form.refresh_hints(clock);
    }
    Vec::new()
}

/// Enter on a one-line field: the next field, or save on the last one.
fn next_or_save(model: &mut Model, clock: &Clock) -> Vec<Effect> {
    let Mode::Form(form) = &mut model.mode else {
        return Vec::new();
    };
    crate::form::import_form::import_file_tab(form, false);
    if form.on_last_field() {
        return save(model, clock);
    }
    form.focus_next();
    offer_choices(model);
    Vec::new()
}

/// A picker reached with nothing typed lists its choices at once (type to narrow them).
pub fn offer_choices(model: &mut Model) {
    let Mode::Form(form) = &model.mode else {
        return;
    };
    let field = form.focused();
    if matches!(field.kind, FieldKind::Picker { .. })
        && field.picked.is_none()
        && field.input.value().is_empty()
    {
        suggest(model);
    }
}

/// Pasted text goes into the focused field.
pub fn paste(model: &mut Model, text: &str, clock: &Clock) {
    let Mode::Form(form) = &mut model.mode else {
        return;
    };
    let field = form.focused_mut();
    let multiline = field.is_multiline();
    if field.input.insert_str(text, multiline) > 0 {
        field.error = Some(format!(
            "paste cut to {} characters, the most this field holds",
            crate::domain::numbers::group(field.input.limit()),
        ));
    }
    if matches!(field.kind, FieldKind::Picker { .. }) {
        field.picked = None;
        suggest(model);
    }
    if let Some(form) = model.form_mut() {
        form.refresh_hints(clock);
    }
}

/// Moving on from a picker whose text is exactly one of its suggestions (any case) picks it; a
/// looser match is only picked with Enter, so a new name is never swapped for a lookalike.
fn accept_exact(form: &mut Form) {
    let field = form.focused_mut();
    let typed = field.input.value().trim().to_lowercase();
    if let Some(index) = field
        .suggestions
        .iter()
        .position(|(_, name)| name.to_lowercase() == typed)
    {
        field.highlighted = index;
        accept_suggestion(form);
    }
}

/// Picks the highlighted suggestion of the focused picker.
fn accept_suggestion(form: &mut Form) {
    let field = form.focused_mut();
    if !matches!(field.kind, FieldKind::Picker { .. }) || field.picked.is_some() {
        return;
    }
    if let Some((id, name)) = field.suggestions.get(field.highlighted).cloned() {
        field.input.set(&name);
        field.picked = Some((id, name));
        field.suggestions.clear();
        field.error = None;
        field.hint = None;
    }
}

/// Organisations as filter candidates.
struct Named<'a>(&'a [(Id, String)]);

impl Candidates for Named<'_> {
    fn count(&self) -> usize {
        self.0.len()
    }

    fn parts(&self, index: usize) -> (&str, &str) {
        (self.0.get(index).map_or("", |(_, name)| name.as_str()), "")
    }
}

/// Recomputes the focused picker's suggestions from what is typed.
fn suggest(model: &mut Model) {
    let Mode::Form(form) = &mut model.mode else {
        return;
    };
    // A contact is never offered as their own referrer or duplicate.
    let itself = match form.kind {
        crate::form::FormKind::MergeInto { contact } => Some(contact),
        _ => form.editing,
    };
    let field = form.focused_mut();
    let FieldKind::Picker { source, .. } = field.kind else {
        return;
    };
    let mut filter = Filter::new(Pane::Contacts);
    filter.query = field.input.value().to_string();
    field.suggestions = match source {
        PickerSource::Organization => {
            let named = Named(&model.organizations);
            filter.rematch(&named);
            filter
                .matches
                .iter()
                .take(SUGGESTIONS)
                .filter_map(|i| model.organizations.get(*i as usize).cloned())
                .collect()
        }
        PickerSource::QuestionList => {
            let lists: Vec<(Id, String)> = model
                .home
                .question_lists
                .rows
                .iter()
                .map(|l| (l.id, l.name.clone()))
                .collect();
            filter.rematch(&Named(&lists));
            filter
                .matches
                .iter()
                .take(SUGGESTIONS)
                .filter_map(|i| lists.get(*i as usize).cloned())
                .collect()
        }
        PickerSource::Contact => match &model.contact_index {
            Some(index) => {
                filter.rematch(index.as_ref());
                let found: Vec<(Id, String, &str)> = filter
                    .matches
                    .iter()
                    .filter_map(|i| {
                        let i = *i as usize;
                        Some((
                            index.id(i)?,
                            index.name(i).to_string(),
                            index.organization(i),
                        ))
                    })
                    .filter(|(id, _, _)| Some(*id) != itself)
                    .take(SUGGESTIONS)
                    .collect();
                // Namesakes are told apart by their organisation.
                found
                    .iter()
                    .map(|(id, name, org)| {
                        let twins = found.iter().filter(|(_, other, _)| other == name).count();
                        if twins > 1 && !org.is_empty() {
                            (*id, format!("{name} · {org}"))
                        } else {
                            (*id, name.clone())
                        }
                    })
                    .collect()
            }
            None => Vec::new(),
        },
    };
    // With nothing typed, every choice is offered (the first few): a picker never starts blank.
    field.highlighted = 0;
    field.browsed = false;
}
