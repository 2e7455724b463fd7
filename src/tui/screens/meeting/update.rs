//! Meeting mode: tick each question as it is asked and type its answer while talking. Every
//! change is saved as it is made (an answer with each key), so nothing depends on remembering
//! to save at the end.

use crate::tui::model::MeetingView;
use crossterm::event::KeyEvent;

use crate::form::TextInput;
use crate::tui::data::effect::{Effect, FormRequest};
use crate::tui::keys::action::Action;
use crate::tui::model::{MeetingTyping, Mode, Model, Screen};
use crate::tui::screens::nav::move_nav;

/// The keys of typing (the keymap's `[typing]`): Enter keeps the answer or adds the question,
/// Esc stops (an unfinished new question is left out).
pub fn typing_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let Mode::Typing(typing) = &mut model.mode else {
        return Vec::new();
    };
    match action {
        Action::ClearLine => {
            let input = match typing {
                MeetingTyping::Answer(input) | MeetingTyping::NewQuestion(input) => input,
            };
            input.set("");
            return match typing {
                MeetingTyping::Answer(_) => save_answer(model),
                MeetingTyping::NewQuestion(_) => Vec::new(),
            };
        }
        Action::Quit => {
            model.quit = true;
            return Vec::new();
        }
        Action::EndTyping | Action::Back => {}
        _ => return Vec::new(),
    }
    let Mode::Typing(typing) = std::mem::take(&mut model.mode) else {
        return Vec::new();
    };
    let Some(Screen::Meeting(view)) = model.stack.last() else {
        return Vec::new();
    };
    match typing {
        MeetingTyping::NewQuestion(input) if action == Action::EndTyping => {
            let text = crate::domain::sanitize::line(input.value());
            if text.is_empty() {
                return Vec::new();
            }
            vec![Effect::AddQuestion {
                interview: view.interview,
                text,
            }]
        }
        _ => Vec::new(),
    }
}

/// A key typed into the answer (saved with each change) or the new question.
pub fn typed(model: &mut Model, event: &KeyEvent) -> Vec<Effect> {
    let Mode::Typing(typing) = &mut model.mode else {
        return Vec::new();
    };
    match typing {
        MeetingTyping::NewQuestion(input) => {
            input.handle(event, false);
            Vec::new()
        }
        MeetingTyping::Answer(input) => {
            if input.handle(event, false) {
                save_answer(model)
            } else {
                Vec::new()
            }
        }
    }
}

/// The answer as typed, into the selected question, and saved.
fn save_answer(model: &mut Model) -> Vec<Effect> {
    let Mode::Typing(MeetingTyping::Answer(input)) = &model.mode else {
        return Vec::new();
    };
    let answer = crate::domain::sanitize::line(input.value());
    let Some(Screen::Meeting(view)) = model.stack.last_mut() else {
        return Vec::new();
    };
    let Some(question) = view.questions.get_mut(view.nav.selected) else {
        return Vec::new();
    };
    question.answer = answer;
    if !question.answer.is_empty() {
        question.asked = true;
    }
    vec![Effect::SaveQuestion(Box::new(question.clone()))]
}

pub fn update(model: &mut Model, action: Action, page: usize) -> Vec<Effect> {
    let Some(Screen::Meeting(view)) = model.stack.last_mut() else {
        return Vec::new();
    };
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
                let input = TextInput::new(&question.answer);
                model.mode = Mode::Typing(MeetingTyping::Answer(input));
            }
        }
        Action::Add => model.mode = Mode::Typing(MeetingTyping::NewQuestion(TextInput::default())),
        Action::AddQuestionList => {
            return vec![Effect::OpenForm(FormRequest::AddQuestions(view.interview))];
        }
        Action::MoveQuestionUp | Action::MoveQuestionDown => {
            let other = match action {
                Action::MoveQuestionUp => selected.checked_sub(1),
                _ => selected.checked_add(1),
            };
            let ids = other.and_then(|other| {
                let a = view.questions.get(selected)?.meta.id;
                let b = view.questions.get(other)?.meta.id;
                Some((other, a, b))
            });
            if let Some((other, a, b)) = ids {
                view.nav.selected = other;
                return vec![Effect::SwapQuestions(a, b)];
            }
        }
        other => move_nav(&mut view.nav, other, view.questions.len(), page),
    }
    Vec::new()
}

/// Meeting mode read: opened, or folded in keeping the timer and the place.
pub fn shown(model: &mut Model, mut view: MeetingView) -> Vec<Effect> {
    match model.stack.last_mut() {
        Some(Screen::Meeting(current)) if current.interview == view.interview => {
            // Keep the timer and the place.
            view.opened_at = current.opened_at;
            view.nav = current.nav;
            view.nav.keep_visible(view.questions.len(), usize::MAX / 2);
            *current = view;
        }
        _ => model.stack.push(Screen::Meeting(view)),
    }
    Vec::new()
}
