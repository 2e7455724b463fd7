//! The first hour, as a new user meets it: the small things that decide whether rolo feels
//! finished — search hits that say whose they are, Ctrl-w in a query, a review counter that
//! moves on, the palette's tasks, the import form, pickers, refusals said at the field.
//! (Referrals and drafts have files of their own.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::FollowUp;
use support::tui::Tester;
use support::{TempStore, clock};

#[test]
fn search_hits_say_whose_they_are_and_ctrl_w_drops_a_word() {
    let mut t = Tester::demo(120, 40);
    t.press("F").type_str("hard part");
    let screen = t.screen();
    let answer = t.line_with("[hard]");
    assert!(
        answer.contains(" · "),
        "the answer names its contact:\n{screen}"
    );
    t.press("ctrl-w");
    assert!(t.screen().contains("› hard "), "{}", t.screen());
    assert!(!t.screen().contains("› hard part"));
    t.press("ctrl-u");
    assert!(t.screen().contains("Type a word"), "{}", t.screen());
}

#[test]
fn the_review_counter_goes_on_from_what_was_handled() {
    let mut t = Tester::demo(120, 40);
    t.press("R");
    let counter = |t: &Tester| -> (u32, u32) {
        let line = t.line_with("Daily review —");
        let numbers: Vec<u32> = line
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        (numbers[0], numbers[1])
    };
    assert_eq!(counter(&t).0, 1);
    // Past today's meetings (which keep their time), to an item a snooze moves.
    while t.line_with("Why here").contains("a meeting today") {
        t.press("space");
    }
    let (at, total) = counter(&t);
    // Snoozed to tomorrow, it leaves today's queue: the counter goes on, the total stays.
    t.press("1");
    assert!(t.screen().contains("snoozed 1"), "{}", t.screen());
    assert_eq!(counter(&t), (at + 1, total), "{}", t.screen());
}

#[test]
fn the_palette_leads_with_tasks_by_name() {
    let mut t = Tester::demo(120, 40);
    t.press(":");
    let palette = &t.app.model.palette().unwrap().entries;
    let names: Vec<&str> = palette.iter().map(|e| e.name.as_str()).collect();
    let first_move = names.iter().position(|n| *n == "move down").unwrap();
    for task in [
        "add contact",
        "add follow-up",
        "new question list",
        "import a file",
        "daily review",
    ] {
        let at = names.iter().position(|n| *n == task);
        assert!(at.is_some_and(|at| at < first_move), "{task}: {names:?}");
    }
    // Chosen by name, a task acts on its own pane.
    t.type_str("follow-up").press("enter");
    assert!(t.screen().contains("New follow-up"), "{}", t.screen());
    t.press("esc");
    t.press(":").type_str("question list").press("enter");
    assert!(t.screen().contains("New question list"), "{}", t.screen());
}

#[test]
fn the_import_form_completes_the_path_and_tells_the_kind_of_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("Connections.csv"),
        "Notes:\n\"When exporting your connection data…\"\n\n\
         First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,Analyst,08 Jan 2024\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("Contacts.vcf"),
        "BEGIN:VCARD\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let mut t = Tester::empty(100, 30);
    let typed = format!("{}/Co", dir.path().display());
    t.press("I").type_str(&typed).press("tab");
    // Two entries start so: both are named, the focus stays.
    assert!(
        t.screen().contains("Connections.csv  Contacts.vcf"),
        "{}",
        t.screen()
    );
    t.type_str("n").press("tab");
    let file = t.app.model.form().unwrap().text(rolo::form::FieldKey::File);
    assert_eq!(file, format!("{}/Connections.csv", dir.path().display()));
    // Whole: Tab moves on, with the kind told from the file's first lines.
    t.press("tab");
    assert!(
        t.line_with("Kind of file")
            .contains("LinkedIn Connections.csv"),
        "{}",
        t.screen()
    );
    t.press("ctrl-s");
    assert!(t.screen().contains("Would add 1"), "{}", t.screen());
}

#[test]
fn each_u_brings_back_one_follow_up_marked_done_latest_first() {
    let mut t = Tester::demo(120, 40);
    let open = |t: &Tester| {
        t.app
            .store
            .all::<FollowUp>(false)
            .unwrap()
            .iter()
            .filter(|f| f.done_at.is_none())
            .count()
    };
    let before = open(&t);
    // Home's follow-ups: x on the first two that are follow-ups (steps say why they cannot).
    t.press("3");
    let mut done = 0;
    for _ in 0..20 {
        let was = open(&t);
        t.press("x");
        if open(&t) < was {
            done += 1;
            if done == 2 {
                break;
            }
        } else {
            t.press("j");
        }
    }
    assert_eq!(open(&t), before - 2, "{}", t.screen());
    t.press("u");
    assert_eq!(open(&t), before - 1);
    t.press("u");
    assert_eq!(
        open(&t),
        before,
        "the second u brings back the first one done"
    );
}

#[test]
fn a_picker_picks_what_was_moved_to_even_with_nothing_typed() {
    let mut t = Tester::demo(120, 40);
    // New contact: name, then the organisation picker lists at once; ↓ Enter picks the second.
    t.press("a")
        .type_str("Hedy Lamarr")
        .press("tab tab down enter");
    let form = t.app.model.form().unwrap();
    let organization = form.field(rolo::form::FieldKey::Organization).unwrap();
    assert!(organization.picked.is_some(), "{}", t.screen());
    assert_eq!(organization.input.value(), "City Library Trust");
}

#[test]
fn what_a_form_refuses_it_says_at_the_field() {
    let mut t = Tester::demo(120, 40);
    // A second organisation of the same name would split its people.
    t.press("O a").type_str("meridian bank").press("ctrl-s");
    assert!(
        t.screen()
            .contains("there is already an organisation called"),
        "{}",
        t.screen()
    );
    t.press("esc y");
    // A snooze into the past is no snooze.
    t.press("esc R");
    while t.line_with("Why here").contains("a meeting today") {
        t.press("space");
    }
    t.press("s").type_str("yesterday").press("enter");
    assert!(
        t.screen().contains("that time has passed"),
        "{}",
        t.screen()
    );
}

#[test]
fn a_question_list_added_twice_asks_each_question_once() {
    let db = TempStore::new();
    let (_, interview) = support::ada_asked(&db);
    let list = db.question_lists().unwrap().remove(0);
    let first = db
        .add_questions_from_list(interview.meta.id, list.id, &clock())
        .unwrap();
    assert!(first > 0);
    let again = db
        .add_questions_from_list(interview.meta.id, list.id, &clock())
        .unwrap();
    assert_eq!(again, 0, "nothing new the second time");
    assert_eq!(
        db.questions_of_interview(interview.meta.id).unwrap().len(),
        first
    );
}
