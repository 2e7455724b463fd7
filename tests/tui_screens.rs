//! Every screen, drawn from the demo data under the fixed clock, at 80x24 and 120x40, compared
//! with the committed snapshots.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use support::tui::Tester;

/// Draws the screen reached by `keys` at both sizes and checks each against its snapshot.
fn snapshot_both(name: &str, keys: &str) {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut tester = Tester::demo(width, height);
        tester.press(keys);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), tester.screen());
    }
}

#[test]
fn home() {
    snapshot_both("home", "");
}

#[test]
fn home_with_follow_ups_focused_and_zoomed() {
    snapshot_both("home_follow_ups_zoomed", "3 z");
}

#[test]
fn contact_detail() {
    // The third contact has an interview, a follow-up and a timeline.
    snapshot_both("contact", "j j enter");
}

/// Jonas Berg was referred by someone, has tags and a meeting today: the screen's every part.
#[test]
fn contact_detail_with_referrer_tags_and_meeting() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut tester = Tester::demo(width, height);
        tester
            .press("/")
            .type_str("jonas berg")
            .press("enter enter");
        insta::assert_snapshot!(
            format!("contact_referred_{width}x{height}"),
            tester.screen()
        );
    }
}

#[test]
fn pipeline() {
    snapshot_both("pipeline", "P l");
}

#[test]
fn question_list() {
    snapshot_both("question_list", "4 enter");
}

#[test]
fn help() {
    snapshot_both("help", "?");
}

#[test]
fn filter() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut tester = Tester::demo(width, height);
        tester.press("/").type_str("okaf");
        insta::assert_snapshot!(format!("filter_{width}x{height}"), tester.screen());
    }
}

#[test]
fn empty_database() {
    let mut tester = Tester::empty(80, 24);
    tester.draw();
    insta::assert_snapshot!("empty_80x24", tester.screen());
}

/// Each form at 80x24, as it opens and after a save that was refused.
#[test]
fn forms_empty_and_with_errors() {
    let cases = [
        ("contact", "a", "ctrl-s"),
        ("follow_up", "3 a", "tab ctrl-u ctrl-s"),
        ("question_list", "4 a", "ctrl-s"),
        ("question", "4 enter a", "ctrl-s"),
        ("touch", "enter t", "tab ctrl-u tab ctrl-s"),
        ("organisation", "enter O e", "ctrl-u ctrl-s"),
    ];
    for (name, open, refuse) in cases {
        let mut tester = Tester::demo(80, 24);
        tester.press(open);
        assert!(
            tester.app.model.form().is_some(),
            "{name} opens with {open:?}"
        );
        insta::assert_snapshot!(format!("form_{name}_80x24"), tester.screen());
        tester.press(refuse);
        insta::assert_snapshot!(format!("form_{name}_errors_80x24"), tester.screen());
    }
}

#[test]
fn the_trash_and_a_delete_confirmation() {
    let mut tester = Tester::demo(80, 24);
    tester.press("d");
    insta::assert_snapshot!("confirm_delete_80x24", tester.screen());
    tester.press("y T");
    insta::assert_snapshot!("trash_80x24", tester.screen());
}

/// The write-up is taller than 80x24: it scrolls to keep the focused field in view.
#[test]
fn the_write_up_scrolls_at_80x24() {
    let mut tester = Tester::demo(80, 24);
    // The write-up after the thank-you, in the step menu of the evaluate column's first card.
    tester.press("P l l n j enter");
    assert!(
        tester.screen().contains("Write up the conversation"),
        "{}",
        tester.screen()
    );
    for _ in 0..12 {
        tester.press("tab");
    }
    insta::assert_snapshot!("form_write_up_scrolled_80x24", tester.screen());
    assert!(tester.screen().contains("May contact again"));
}

#[test]
fn the_step_menu_and_meeting_mode() {
    let mut tester = Tester::demo(80, 24);
    tester.press("P l n");
    insta::assert_snapshot!("step_menu_80x24", tester.screen());
    tester.press("esc m enter").type_str("Mostly research");
    insta::assert_snapshot!("meeting_mode_80x24", tester.screen());
}

#[test]
fn the_review_and_its_summary() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut tester = Tester::demo(width, height);
        tester.press("R space space");
        insta::assert_snapshot!(format!("review_{width}x{height}"), tester.screen());
    }
    let mut tester = Tester::demo(80, 24);
    tester.press("R space 1");
    let total = match tester.app.model.screen() {
        Some(rolo::tui::model::Screen::Review(view)) => view.items.len(),
        _ => panic!("on the review"),
    };
    for _ in 0..total {
        tester.press("space");
    }
    insta::assert_snapshot!("review_summary_80x24", tester.screen());
}

/// One interview whole, from the pipeline, the contact screen and the review; and a draft, at
/// both sizes: whole sentences, wrapped, opening at the greeting.
#[test]
fn the_interview_view_and_a_draft() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut tester = Tester::demo(width, height);
        tester.press("P l l enter");
        insta::assert_snapshot!(format!("interview_{width}x{height}"), tester.screen());
        tester.press("w");
        insta::assert_snapshot!(format!("draft_thank_you_{width}x{height}"), tester.screen());
        tester.press("esc o");
        assert!(
            tester.screen().contains("Timeline ("),
            "o opens the contact: {}",
            tester.screen()
        );
        // From the contact screen: Enter on the interview.
        tester.press("tab enter");
        assert!(
            tester.screen().contains("Interview with"),
            "{}",
            tester.screen()
        );
        // From the review: v.
        tester.press("R v");
        assert!(
            tester.screen().contains("Interview with"),
            "{}",
            tester.screen()
        );
    }
}

/// The meetings pane's title counts every meeting of its two weeks, not the screenful it read
/// (it said "(40)" on a terminal 40 rows tall, whatever the count).
#[test]
fn the_meetings_title_counts_every_meeting_of_the_two_weeks() {
    let t = Tester::with_contacts(120, 40, 1000);
    let clock = support::clock();
    let until = clock.timestamp().plus(chrono::Duration::days(14));
    let store = &t.app.store;
    let all = store
        .meetings_between(clock.start_of(clock.today()), until, u64::MAX >> 1)
        .unwrap()
        .len();
    assert!(
        all > 40,
        "the demo has more meetings than a pane shows: {all}"
    );
    let title = t.line_with("Upcoming meetings");
    assert!(
        title.contains(&format!(
            "Upcoming meetings ({})",
            rolo::tui::view::group(all)
        )),
        "{title}"
    );
}
