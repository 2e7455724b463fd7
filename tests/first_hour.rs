//! The first hour, as a new user meets it: the small things that decide whether rolo feels
//! finished — referrals carried through, search hits that say whose they are, Ctrl-w in a
//! query, a review counter that moves on, wording with the right counts and subjects.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::settings::PlaybookSettings;
use rolo::domain::{Contact, FollowUp};
use rolo::store::Store;
use rolo::store::write_up::WriteUp;
use rolo::tui::view::theme::Theme;
use support::tui::Tester;
use support::{TempStore, clock};

/// Ada, interviewed, suggested Grace Hopper in her write-up.
fn ada_suggested_grace() -> (TempStore, Contact) {
    let db = TempStore::new();
    let clock = clock();
    let settings = PlaybookSettings::default();
    let (_, interview) = support::ada_asked(&db);
    let write_up = WriteUp {
        referrals: vec!["Grace Hopper".into()],
        ..WriteUp::default()
    };
    db.write_up(interview.meta.id, &write_up, &clock, &settings)
        .unwrap();
    let grace = db.contacts_called("Grace Hopper").unwrap().remove(0);
    (db, grace)
}

fn open_follow_ups(store: &Store, contact: &Contact) -> Vec<String> {
    store
        .all::<FollowUp>(false)
        .unwrap()
        .into_iter()
        .filter(|f| f.contact_id == Some(contact.meta.id) && f.done_at.is_none())
        .map(|f| f.title)
        .collect()
}

#[test]
fn asking_someone_suggested_names_who_suggested_them_and_closes_the_reach_out() {
    let (db, grace) = ada_suggested_grace();
    assert_eq!(
        open_follow_ups(&db, &grace),
        ["Reach out to Grace Hopper (suggested by Ada Lovelace)"]
    );
    let store = Store::open(&db.path()).unwrap();
    let mut t = Tester::on(store, 100, 30, Some(db), Theme::new(true));
    t.press("/").type_str("Grace").press("enter enter i");
    let form = t.screen();
    assert!(
        t.line_with("Found them through").contains("Ada Lovelace"),
        "{form}"
    );
    t.type_str("How compilers came to be").press("ctrl-s");
    assert!(
        open_follow_ups(&t.app.store, &grace).is_empty(),
        "the reach-out is done once the request is sent"
    );
}

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
fn tab_goes_from_placeholder_to_placeholder_in_a_draft() {
    let mut t = Tester::demo(120, 40);
    // The pipeline's Done column owes progress updates; w drafts one for the first card.
    t.press("P l l l l w");
    let draft = t
        .app
        .model
        .form()
        .expect("a draft")
        .text(rolo::form::FieldKey::Note);
    assert!(draft.contains("{action_taken}"), "{draft}");
    t.press("tab");
    assert!(
        t.screen().contains("In its place: action taken"),
        "{}",
        t.screen()
    );
    t.type_str("I started a course in data analysis");
    let draft = t.app.model.form().unwrap().text(rolo::form::FieldKey::Note);
    assert!(
        draft.contains("since we spoke: I started a course in data analysis."),
        "{draft}"
    );
    // None left: Tab moves on to how it is sent.
    t.press("tab");
    assert_eq!(
        t.app.model.form().unwrap().focused().key,
        rolo::form::FieldKey::Channel
    );
}

#[test]
fn a_draft_is_kept_to_send_later_and_the_review_shows_it_ready() {
    let mut t = Tester::demo(120, 40);
    t.press("R");
    let mut moves = 0;
    while !t.screen().contains("Send a thank-you to") {
        t.press("space");
        moves += 1;
        assert!(moves < 30, "no thank-you in the review:\n{}", t.screen());
    }
    let who = t.line_with("Send a thank-you to").trim().to_string();
    // d drafts it; a word is added at the start; Ctrl-L keeps it, unsent.
    t.press("d").type_str("PS ").press("ctrl-l");
    assert!(t.screen().contains("Draft kept"), "{}", t.screen());
    assert!(t.app.model.form().is_none());
    // Still owed, and now ready to send.
    while !t.screen().contains(&who) {
        t.press("space");
    }
    assert!(
        t.line_with("Draft").contains("kept, ready to send"),
        "{}",
        t.screen()
    );
    // d brings it back as it was left; Ctrl-S marks it sent, and it is gone from the queue.
    t.press("d");
    let draft = t.app.model.form().unwrap().text(rolo::form::FieldKey::Note);
    assert!(draft.starts_with("PS Hello"), "{draft}");
    t.press("ctrl-s");
    assert!(!t.screen().contains(&who), "{}", t.screen());
    assert!(
        t.app
            .store
            .all::<rolo::domain::Interview>(false)
            .unwrap()
            .iter()
            .all(|i| i.draft.is_empty()),
        "sent, the kept draft is done with"
    );
}

#[test]
fn a_write_up_names_each_suggested_person_once_and_knows_who_is_known() {
    let (db, grace) = ada_suggested_grace();
    let clock = clock();
    let settings = PlaybookSettings::default();
    let ada = db.contacts_called("Ada Lovelace").unwrap().remove(0);
    let chloe = Contact::named("Chloé Sato", clock.timestamp());
    db.insert(&chloe).unwrap();
    let interview = db.interviews_of(ada.meta.id).unwrap().remove(0);
    let write_up = WriteUp {
        referrals: vec![
            "chloe  SATO".into(),
            "Dana New".into(),
            "Dana New".into(),
            "ada lovelace".into(),
            "Grace Hopper".into(),
        ],
        ..WriteUp::default()
    };
    let (people, _) = db
        .write_up(interview.meta.id, &write_up, &clock, &settings)
        .unwrap();
    assert_eq!(
        people, 3,
        "Chloé, Dana and Grace, each once; never Ada herself"
    );
    let names: Vec<String> = db
        .all::<Contact>(false)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    for (name, times) in [
        ("Chloé Sato", 1),
        ("Dana New", 1),
        ("Ada Lovelace", 1),
        ("Grace Hopper", 1),
    ] {
        assert_eq!(
            names.iter().filter(|n| *n == name).count(),
            times,
            "{name}: {names:?}"
        );
    }
    assert_eq!(open_follow_ups(&db, &chloe).len(), 1);
    assert_eq!(
        open_follow_ups(&db, &grace).len(),
        1,
        "already queued to reach out to: once"
    );
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
fn a_referral_written_with_their_organisation_is_placed_there() {
    let db = TempStore::new();
    let clock = clock();
    let (_, interview) = support::ada_asked(&db);
    let write_up = WriteUp {
        referrals: vec!["Charles Babbage, Analytical Society".into()],
        ..WriteUp::default()
    };
    db.write_up(
        interview.meta.id,
        &write_up,
        &clock,
        &PlaybookSettings::default(),
    )
    .unwrap();
    let charles = db.contacts_called("Charles Babbage").unwrap().remove(0);
    let society: rolo::domain::Organization = db.get(charles.organization_id.unwrap()).unwrap();
    assert_eq!(society.name, "Analytical Society");
    assert_eq!(
        open_follow_ups(&db, &charles),
        ["Reach out to Charles Babbage (suggested by Ada Lovelace)"]
    );
}

#[test]
fn a_request_asks_for_the_minutes_asked_for() {
    let mut t = Tester::empty(120, 40);
    t.app
        .store
        .insert(&Contact::named("Ada Lovelace", clock().timestamp()))
        .unwrap();
    t.press("ctrl-r enter i")
        .type_str("How engines are programmed")
        .press("tab tab tab ctrl-u")
        .type_str("30")
        .press("ctrl-s w");
    let draft = t
        .app
        .model
        .form()
        .expect("the request draft")
        .text(rolo::form::FieldKey::Note);
    assert!(draft.contains("Would you have 30 minutes"), "{draft}");
}

#[test]
fn w_opens_a_kept_nudge_where_the_request_would_be_drafted() {
    let db = TempStore::new();
    let (_, interview) = support::ada_asked(&db);
    db.keep_draft(
        interview.meta.id,
        rolo::domain::NextKind::Nudge,
        "Hello Ada, a gentle nudge",
        &clock(),
    )
    .unwrap();
    let store = Store::open(&db.path()).unwrap();
    let mut t = Tester::on(store, 120, 40, Some(db), Theme::new(true));
    // The pipeline's Request column: w on her card, whose nudge is not due yet.
    t.press("P w");
    let form = t.app.model.form().expect("a draft");
    assert_eq!(
        form.text(rolo::form::FieldKey::Note),
        "Hello Ada, a gentle nudge"
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
