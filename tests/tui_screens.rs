//! Every screen, drawn from the demo data under the fixed clock, at 80x24 and 120x40, compared
//! with the committed snapshots.

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
