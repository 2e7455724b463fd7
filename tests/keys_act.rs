//! Every advertised key works, and every action that works is advertised: on each screen and in
//! each mode, each action the help (and so the footer) lists for it changes what is shown or
//! asks for an effect, and no action missing from its help does anything. Both directions are
//! found by trying every action on a copy of the model, not from a list kept by hand.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::Channel;
use rolo::store::interviews::NewRequest;
use rolo::tui::dispatch::{acts, contexts};
use rolo::tui::keys::action::Action;
use rolo::tui::keys::keymap::Keymap;
use rolo::tui::model::Screen;
use strum::VariantArray;
use support::tui::Tester;

/// A way to reach a screen or a mode from home on the demo data, by keys.
struct State {
    name: &'static str,
    keys: &'static str,
    /// Typed after the keys (into a field or a query).
    typed: &'static str,
}

const fn state(name: &'static str, keys: &'static str, typed: &'static str) -> State {
    State { name, keys, typed }
}

const STATES: &[State] = &[
    state("home, contacts", "", ""),
    state("home, meetings", "2", ""),
    state("home, follow-ups", "3", ""),
    state("home, question lists", "4", ""),
    state("home, zoomed", "z", ""),
    state("home, filtered", "/", "a"),
    state("home, a filter kept", "/ a enter", ""),
    state("contact, referrals", "RICH", ""),
    state("contact, interviews", "RICH tab", ""),
    state("contact, follow-ups", "RICH tab tab", ""),
    state("contact, timeline", "RICH tab tab tab", ""),
    state("pipeline", "P", ""),
    state("pipeline, meet column", "P l", ""),
    state("question list", "4 enter", ""),
    state("trash", "d y d y T", ""),
    state("meeting mode", "P l m", ""),
    state("review", "R", ""),
    state("insights", "S", ""),
    state("search", "F", "a"),
    state("who helped", "L", ""),
    state("help", "?", ""),
    state("help over a screen", "P ?", ""),
    state("form", "a", ""),
    state("form, typed in", "a", "Ada"),
    state("form, asking to discard", "a", "Ada"),
    state("help over a form", "a f1", ""),
    state("confirm", "d", ""),
    state("palette", ":", ""),
    state("palette, narrowed", ":", "o"),
    state("step menu", "P l n", ""),
    state("typing an answer", "P l m enter", ""),
    state("typing a question", "P l m a", "Why"),
    state("reading a timeline entry", "RICH tab tab tab enter", ""),
    state("interview", "P l l enter", ""),
    state("interview, scrolled", "P l l enter j", ""),
    state("organisations", "O", ""),
    state("organisations, its people", "O tab", ""),
];

/// The app in `state`, then `then` pressed. "RICH" stands for the demo's contact with the most
/// in every section (two referrals, follow-ups and timeline entries), given a second interview.
fn reach(state: &State, then: &str) -> Tester {
    let mut t = Tester::demo(120, 40);
    let keys = match state.keys.strip_prefix("RICH") {
        Some(rest) => {
            t.press("/").type_str("Dmitri Karimi").press("enter enter");
            let Some(Screen::Contact(detail)) = t.app.model.screen() else {
                panic!("Dmitri Karimi opens: {}", t.screen());
            };
            // Their open interview called off, so a second one may start.
            let open = detail
                .interviews
                .iter()
                .find(|i| i.is_open())
                .map(|i| i.meta.id);
            if let Some(open) = open {
                t.app
                    .store
                    .apply_step(
                        open,
                        &rolo::store::StepInput::from(rolo::domain::playbook::Step::Cancel),
                        &support::clock(),
                        &Default::default(),
                    )
                    .unwrap();
            }
            // And things to do, so the follow-ups are a list to move in.
            let now = support::clock().timestamp();
            for title in ["Send the article", "Ask about the meetup"] {
                t.app
                    .store
                    .add_follow_up("Dmitri Karimi", title, now, now)
                    .unwrap();
            }
            let request = NewRequest {
                contact_id: detail.contact.meta.id,
                objective: "Learn how the team hires".into(),
                channel: Channel::Email,
                found_via: String::new(),
                minutes_asked: 20,
            };
            t.app
                .store
                .start_interview(&request, &support::clock(), &Default::default())
                .unwrap();
            t.press("ctrl-r");
            rest
        }
        None => state.keys,
    };
    t.press(keys).type_str(state.typed);
    if state.name == "form, asking to discard" {
        t.press("esc");
    }
    t.press(then);
    t
}

#[test]
fn every_advertised_key_acts_and_every_acting_key_is_advertised() {
    let keymap = Keymap::default_keys();
    let clock = support::clock();
    let mut failures = Vec::new();
    for state in STATES {
        let t = reach(state, "");
        let model = &t.app.model;
        let advertised: Vec<Action> = keymap
            .bindings(contexts(model))
            .into_iter()
            .map(|(_, binding)| binding.action)
            .collect();
        // A move at the edge of a list, or a focus already there, is tried again from a
        // neighbouring place: the key is live, the selection was only at its end.
        let mut neighbours = Vec::new();
        for step in ["down", "G", "tab", "l", "j j"] {
            let moved = reach(state, step);
            if moved.app.model.mode == model.mode || !model.mode.is_normal() {
                neighbours.push(moved.app.model.clone());
            }
        }
        for action in Action::VARIANTS {
            let shown = advertised.contains(action);
            let acting = acts(model, *action, &clock);
            let live = acting || neighbours.iter().any(|m| acts(m, *action, &clock));
            if shown && !live {
                failures.push(format!(
                    "{}: {action:?} is shown but does nothing",
                    state.name
                ));
            }
            if acting && !shown {
                failures.push(format!(
                    "{}: {action:?} acts but has no key here",
                    state.name
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_states_are_what_they_say() {
    let mut t = Tester::demo(120, 40);
    t.press("P l m enter");
    assert!(t.app.model.meeting_typing().is_some(), "{}", t.screen());
    let mut t = Tester::demo(120, 40);
    t.press("P l n");
    assert!(t.app.model.step_menu().is_some(), "{}", t.screen());
    let mut t = Tester::demo(120, 40);
    t.press("3 d y T");
    assert!(t.screen().contains("Trash"), "{}", t.screen());
    let mut t = Tester::demo(120, 40);
    t.press("a f1");
    assert!(t.app.model.help() && t.screen().contains("Next field"));
    t.press("esc");
    assert!(t.app.model.form().is_some(), "help goes back to the form");
}
