//! Meeting mode: tick each question as it is asked and type its answer while talking. Every
//! change is saved as it is made (an answer with each key), so nothing depends on remembering
//! to save at the end.

use crossterm::event::{KeyCode, KeyEvent};

use super::move_nav;
use crate::form::TextInput;
use crate::tui::action::Action;
use crate::tui::effect::{Effect, FormRequest};
use crate::tui::keymap::Context;
use crate::tui::model::{MeetingView, Model, Screen};

/// Keys while an answer or a new question is being typed; `None` when not typing.
pub fn typing(model: &mut Model, event: &KeyEvent) -> Option<Vec<Effect>> {
    let Some(Screen::Meeting(view)) = model.stack.last_mut() else {
        return None;
    };
    if let Some(input) = view.adding.as_mut() {
        match event.code {
            KeyCode::Enter => {
                let text = crate::domain::sanitize::line(input.value());
                view.adding = None;
                if !text.is_empty() {
                    return Some(vec![Effect::AddQuestion {
                        interview: view.interview,
                        text,
                    }]);
                }
            }
            KeyCode::Esc => view.adding = None,
            _ => {
                input.handle(event, false);
            }
        }
        return Some(Vec::new());
    }
    let input = view.answering.as_mut()?;
    match event.code {
        KeyCode::Enter | KeyCode::Esc | KeyCode::Tab => {
            view.answering = None;
            return Some(Vec::new());
        }
        _ => {
            if !input.handle(event, false) {
                return Some(Vec::new());
            }
        }
    }
    let answer = crate::domain::sanitize::line(input.value());
    let question = view.questions.get_mut(view.nav.selected)?;
    question.answer = answer;
    if !question.answer.is_empty() {
        question.asked = true;
    }
    Some(vec![Effect::SaveQuestion(Box::new(question.clone()))])
}

pub fn update(view: &mut MeetingView, action: Action, page: usize) -> Vec<Effect> {
    let selected = view.nav.selected;
    match action {
        Action::ToggleAsked => {
            if let Some(question) = view.questions.get_mut(selected) {
                question.asked = !question.asked;
                return vec![Effect::SaveQuestion(Box::new(question.clone()))];
            }
        }
        Action::Open => {
            if let Some(question) = view.questions.get(selected) {
                view.answering = Some(TextInput::new(&question.answer));
            }
        }
        Action::Add => view.adding = Some(TextInput::default()),
        Action::AddQuestionList => {
            return vec![Effect::OpenForm(FormRequest::AddQuestions(view.interview))];
        }
        Action::MoveQuestionUp if selected > 0 => {
            view.nav.selected -= 1;
            return vec![Effect::SwapQuestions(
                view.questions[selected - 1].meta.id,
                view.questions[selected].meta.id,
            )];
        }
        Action::MoveQuestionDown if selected + 1 < view.questions.len() => {
            view.nav.selected += 1;
            return vec![Effect::SwapQuestions(
                view.questions[selected].meta.id,
                view.questions[selected + 1].meta.id,
            )];
        }
        other => move_nav(&mut view.nav, other, view.questions.len(), page),
    }
    Vec::new()
}

/// Whether the keymap's meeting keys apply (not while typing).
pub fn contexts() -> &'static [Context] {
    &[Context::Meeting, Context::List, Context::Global]
}
