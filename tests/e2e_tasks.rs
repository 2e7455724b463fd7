//! The real binary in a pseudo-terminal, for whole tasks: a contact through its life, notes
//! in $EDITOR, one interview from request to thank-you, and the morning review.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use support::pty::Pty;

/// A contact made in a form (its organisation created from the picker), edited, deleted,
/// brought back with u — and still there after a restart.
#[test]
fn a_contact_is_added_edited_deleted_undone_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    let mut pty = Pty::spawn(&[], &db, dir.path(), 120, 40, &[]);
    pty.wait_for("No contacts yet — press a");
    pty.send(b"a");
    pty.wait_for("New contact");
    pty.send(b"Grace Hopper\t\t");
    pty.send(b"Navy Labs");
    pty.wait_for("new — will be created");
    pty.send(b"\x13"); // Ctrl-S
    pty.wait_for("Saved Grace Hopper");
    pty.wait_for("Grace Hopper · Navy Labs");

    pty.send(b"e");
    pty.wait_for("Edit contact");
    pty.send(b"\tRear Admiral");
    pty.send(b"\x13");
    pty.wait_for("Grace Hopper · Rear Admiral, Navy Labs");

    pty.send(b"d");
    pty.wait_for("Delete contact \"Grace Hopper\"?");
    pty.send(b"y");
    pty.wait_for("No contacts yet — press a");
    pty.quit();

    // After a restart, u still brings it back.
    let mut pty = Pty::spawn(&[], &db, dir.path(), 120, 40, &[]);
    pty.wait_for("No contacts yet — press a");
    pty.send(b"u");
    pty.wait_for("Restored contact \"Grace Hopper\"");
    pty.wait_for("Grace Hopper · Rear Admiral, Navy Labs");
    pty.quit();

    let mut pty = Pty::spawn(&[], &db, dir.path(), 120, 40, &[]);
    pty.wait_for("Grace Hopper · Rear Admiral, Navy Labs");
    pty.quit();
}

/// Ctrl-E hands a notes field to $EDITOR and reads back what it wrote.
#[test]
fn notes_are_edited_in_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Written in the editor\\nSecond line\\n' > \"$1\"\n",
    )
    .unwrap();
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&editor)
        .status()
        .unwrap();
    let editor = editor.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(
        &[],
        &db,
        dir.path(),
        120,
        40,
        &[("EDITOR", editor.as_str())],
    );
    pty.wait_for("No contacts yet — press a");
    pty.send(b"a");
    pty.wait_for("New contact");
    pty.send(b"Ada");
    pty.send(b"\x1b[Z"); // Shift-Tab, round to the last field: Notes
    pty.send(b"\x05"); // Ctrl-E
    pty.wait_for("Written in the editor");
    pty.send(b"\x13");
    pty.wait_for("Saved Ada");
    pty.quit();
    let store = rolo::store::Store::open(&db).unwrap();
    assert_eq!(
        store.contact_named("Ada").unwrap().notes,
        "Written in the editor\nSecond line"
    );
}

/// One interview from request to thank-you through the real binary: the reply, the meeting,
/// meeting mode with two answers, a write-up with a referral and an action item, the thank-you
/// drafted and sent — then checked on screen, and in the database after the app has closed.
#[test]
fn an_interview_from_request_to_thank_you() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    support::rolo(&db)
        .args([
            "add",
            "contact",
            "--name",
            "Ada Lovelace",
            "--org",
            "Engines",
        ])
        .assert()
        .success();
    let mut pty = Pty::spawn(&[], &db, dir.path(), 120, 40, &[]);
    pty.wait_for("Ada Lovelace · Engines");
    pty.send(b"\r");
    pty.wait_for("Timeline (");

    pty.send(b"i");
    pty.wait_for("New interview request");
    pty.send(b"How analytical engines are programmed");
    pty.send(b"\x13");
    pty.wait_for("Request logged; a nudge is due");

    pty.choose_step("They said yes");
    pty.wait_for("Ada Lovelace accepted");

    pty.choose_step("Set (or move) the meeting");
    pty.wait_for("Set the meeting");
    pty.send(b"today 8am");
    pty.send(b"\x13");
    pty.wait_for("Meeting set for today 08:00");

    pty.send(b"m");
    pty.wait_for("No questions yet");
    pty.send(b"L");
    pty.wait_for("Add questions from a list");
    pty.send(b"first conv");
    pty.wait_for("› A first conversation");
    pty.send(b"\r");
    pty.send(b"\x13");
    pty.wait_for("Added 9 questions");
    pty.send(b"\r");
    pty.send(b"Writing the notes on the engine");
    pty.send(b"\r");
    pty.send(b"j");
    pty.send(b"\r");
    pty.send(b"Through mathematics and a translation");
    pty.send(b"\r");
    pty.wait_for("2 of 9 asked");

    pty.choose_step("The meeting took place");
    pty.wait_for("Met Ada Lovelace");
    pty.send(b"\x1b");
    pty.wait_for("Timeline (");

    pty.choose_step("Write up the conversation");
    pty.wait_for("Key points");
    pty.send(b"Engines need patient documentation. Also poetry.");
    for _ in 0..8 {
        pty.send(b"\t");
    }
    pty.send(b"Charles Babbage");
    pty.send(b"\t");
    pty.send(b"Read the Menabrea paper");
    pty.send(b"\x13");
    pty.wait_for("1 person to reach out to, 1 thing to do");

    pty.choose_step("Send the thank-you");
    pty.wait_for("has stayed with me:");
    pty.wait_for("Engines need patient documentation.");
    pty.send(b"\x13");
    pty.wait_for("Thank-you sent");
    pty.wait_for("Sent a thank-you to Ada Lovelace");
    pty.wait_for("progress update due");
    pty.wait_for("Read the Menabrea paper");
    pty.wait_for("referred Charles Babbage");
    pty.quit();

    let store = rolo::store::Store::open(&db).unwrap();
    let ada = store.contact_named("Ada Lovelace").unwrap();
    let interview = store.interviews_of(ada.meta.id).unwrap().remove(0);
    assert_eq!(interview.stage, rolo::domain::Stage::Done);
    assert!(
        interview
            .thank_you_text
            .contains("Engines need patient documentation")
    );
    assert_eq!(
        interview.evaluation.key_points,
        "Engines need patient documentation. Also poetry."
    );
    let answered = store.questions_of_interview(interview.meta.id).unwrap();
    assert_eq!(
        answered
            .iter()
            .filter(|q| q.asked && !q.answer.is_empty())
            .count(),
        2
    );
    let charles = store.contact_named("Charles Babbage").unwrap();
    assert_eq!(charles.referred_by, Some(ada.meta.id));
    let open: Vec<String> = store
        .open_follow_ups_of(ada.meta.id)
        .unwrap()
        .into_iter()
        .map(|f| f.title)
        .collect();
    assert!(
        open.contains(&"Read the Menabrea paper".to_string()),
        "{open:?}"
    );
    let next = store
        .next_step_of(interview.meta.id, &support::clock())
        .unwrap()
        .unwrap();
    assert_eq!(
        next.step.kind,
        rolo::domain::NextKind::ProgressUpdate,
        "thanked and written up: the progress update is what it owes"
    );
}

/// The morning routine on the demo data: ten items reviewed with done, snoozes and skips in
/// ten keys, one more logged as a touch; then `rolo today --json` shows what is left.
#[test]
fn the_daily_review_in_a_few_keystrokes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    support::rolo(&db).args(["demo"]).assert().success();
    let queue = |db: &std::path::Path| support::today_queue(db, support::NOW);
    let before = queue(&db);
    let mut pty = Pty::spawn(&["--review"], &db, dir.path(), 120, 40, &[]);
    pty.wait_for(&format!("Daily review — 1 of {}", before.len()));
    // Ten items, ten keys: meetings skipped, playbook steps snoozed a day, follow-ups done,
    // snoozed or skipped in turn.
    let mut counts = (0, 0, 0); // done, snoozed, skipped
    let mut turn = 0;
    for item in before.iter().take(10) {
        let key: &[u8] = if item["step"] == "meeting" {
            counts.2 += 1;
            b" "
        } else if item["type"] == "step" {
            counts.1 += 1;
            b"1"
        } else {
            turn += 1;
            match turn % 4 {
                1 | 3 => {
                    counts.0 += 1;
                    b"d"
                }
                2 => {
                    counts.1 += 1;
                    b"3"
                }
                _ => {
                    counts.2 += 1;
                    b" "
                }
            }
        };
        pty.send(key);
    }
    let (done, snoozed, skipped) = counts;
    pty.wait_for(&format!(
        "done {done} · snoozed {snoozed} · skipped {skipped}"
    ));
    // One more follow-up, taken care of by a touch: t, two Tabs, the summary, Ctrl-S. (Steps
    // on the way to it are skipped.)
    let mut skips = 0;
    while !pty.screen().contains("t touch+done · w draft") {
        assert!(skips < 20, "no follow-up left:\n{}", pty.screen());
        pty.send(b" ");
        skips += 1;
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    pty.send(b"t");
    pty.wait_for("New touch");
    pty.send(b"\t\t");
    pty.send(b"Called to catch up");
    pty.send(b"\x13");
    pty.wait_for("touches 1");
    let keystrokes = 10 + 4;
    assert!(
        keystrokes <= 20,
        "eleven items in {keystrokes} keystrokes (plus the words of the touch)"
    );
    pty.quit();

    // Done, snoozed and touched items have left today's queue; skipped ones remain.
    let after = queue(&db);
    assert_eq!(
        after.len(),
        before.len() - done - snoozed - 1,
        "done, snoozed and touched items are gone"
    );
}
