//! Meeting mode marks a question this contact already answered in an earlier interview, and
//! shows that answer — matched by the bank's question, or by the same words.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::{Channel, Contact, Id, Interview, InterviewQuestion, Meta, Timestamp};
use rolo::store::Store;
use rolo::tui::data::effect::Effect;
use support::tui::Tester;
use support::{TempStore, clock};

fn question(db: &Store, interview: Id, bank: Option<Id>, text: &str, answer: &str, at: &str) {
    let mut meta = Meta::new(Timestamp::parse(at).unwrap());
    meta.updated_at = Timestamp::parse(at).unwrap();
    db.insert(&InterviewQuestion {
        meta,
        interview_id: interview,
        question_id: bank,
        position: 0,
        text: text.into(),
        asked: !answer.is_empty(),
        answer: answer.into(),
    })
    .unwrap();
}

#[test]
fn questions_answered_in_an_earlier_interview_are_marked_with_the_answer() {
    let db = TempStore::new();
    let now = clock().timestamp();
    let grace = Contact::named("Grace Hopper", now);
    let other = Contact::named("Alan Turing", now);
    db.insert(&grace).unwrap();
    db.insert(&other).unwrap();
    let bank_question = db
        .questions_of_list(db.question_lists().unwrap()[0].id)
        .unwrap()
        .remove(0);
    let first = Interview::requested(grace.meta.id, "First talk", Channel::Email, now);
    let second = Interview::requested(grace.meta.id, "Second talk", Channel::Email, now);
    let theirs = Interview::requested(other.meta.id, "Alan's talk", Channel::Email, now);
    for interview in [&first, &second, &theirs] {
        db.insert(interview).unwrap();
    }
    question(
        &db,
        first.meta.id,
        Some(bank_question.meta.id),
        &bank_question.text,
        "Mostly reading other people's code",
        "2026-10-01T10:00:00.000Z",
    );
    question(
        &db,
        first.meta.id,
        None,
        "What would you do differently?",
        "Learn to type",
        "2026-10-01T10:05:00.000Z",
    );
    question(
        &db,
        theirs.meta.id,
        None,
        "Which tools matter?",
        "Pencils",
        "2026-10-02T10:00:00.000Z",
    );
    // The second interview asks the bank question again, the other one in other case, and
    // Alan's question (which Grace never answered).
    question(
        &db,
        second.meta.id,
        Some(bank_question.meta.id),
        &bank_question.text,
        "",
        "2026-11-20T10:00:00.000Z",
    );
    question(
        &db,
        second.meta.id,
        None,
        "WHAT WOULD YOU DO DIFFERENTLY?",
        "",
        "2026-11-20T10:00:00.000Z",
    );
    question(
        &db,
        second.meta.id,
        None,
        "Which tools matter?",
        "",
        "2026-11-20T10:00:00.000Z",
    );

    let earlier = db.answered_before(grace.meta.id, second.meta.id).unwrap();
    assert_eq!(
        earlier.len(),
        2,
        "only Grace's answers, from her other interviews"
    );

    let store = Store::open(&db.path()).unwrap();
    let mut t = Tester::on(
        store,
        120,
        30,
        Some(db),
        rolo::tui::view::theme::Theme::new(true),
    );
    t.app.run_effects(vec![Effect::OpenMeeting(second.meta.id)]);
    t.draw();
    let screen = t.screen();
    assert!(screen.contains("Meeting with Grace Hopper"), "{screen}");
    assert!(
        t.line_with(&bank_question.text)
            .contains("↺ answered Thu 01 Oct"),
        "{screen}"
    );
    assert!(screen.contains("before: Mostly reading other people's code"));
    assert!(
        screen.contains("before: Learn to type"),
        "the same words match too"
    );
    assert!(
        !t.line_with("Which tools matter?").contains("↺"),
        "{screen}"
    );
    assert!(
        !screen.contains("Pencils"),
        "another contact's answer is not shown"
    );
}
