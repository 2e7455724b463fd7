//! A selection in a list and the row at the top of its viewport: the one piece of list
//! movement every pane, section and column shares.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Nav {
    /// The selected row.
    pub selected: usize,
    /// The first visible row.
    pub top: usize,
}

impl Nav {
    /// Moves by `delta` rows within `len`, keeping the selection inside a viewport of `height`.
    pub fn move_by(&mut self, delta: isize, len: usize, height: usize) {
        if len == 0 {
            *self = Nav::default();
            return;
        }
        self.selected = self.selected.saturating_add_signed(delta).min(len - 1);
        self.keep_visible(len, height);
    }

    pub fn first(&mut self) {
        *self = Nav::default();
    }

    pub fn last(&mut self, len: usize, height: usize) {
        self.selected = len.saturating_sub(1);
        self.keep_visible(len, height);
    }

    /// Selects `row` (a click), clamped to the list.
    pub fn select(&mut self, row: usize, len: usize, height: usize) {
        self.selected = row.min(len.saturating_sub(1));
        self.keep_visible(len, height);
    }

    /// Scrolls the viewport (the mouse wheel), dragging the selection along when it would
    /// leave the screen.
    pub fn scroll(&mut self, delta: isize, len: usize, height: usize) {
        let height = height.max(1);
        let max_top = len.saturating_sub(height);
        self.top = self.top.saturating_add_signed(delta).min(max_top);
        self.selected = self
            .selected
            .clamp(self.top, (self.top + height - 1).min(len.saturating_sub(1)));
    }

    /// Adjusts `top` so that the selection is on screen, after the list or viewport changed.
    pub fn keep_visible(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + height {
            self.top = self.selected + 1 - height;
        }
        self.top = self.top.min(len.saturating_sub(height));
    }
}

/// The list movements every screen shares.
pub fn move_nav(nav: &mut Nav, action: crate::tui::keys::action::Action, len: usize, page: usize) {
    match action {
        crate::tui::keys::action::Action::MoveDown => nav.move_by(1, len, page),
        crate::tui::keys::action::Action::MoveUp => nav.move_by(-1, len, page),
        crate::tui::keys::action::Action::PageDown => nav.move_by(page as isize, len, page),
        crate::tui::keys::action::Action::PageUp => nav.move_by(-(page as isize), len, page),
        crate::tui::keys::action::Action::HalfPageDown => {
            nav.move_by((page / 2).max(1) as isize, len, page);
        }
        crate::tui::keys::action::Action::HalfPageUp => {
            nav.move_by(-((page / 2).max(1) as isize), len, page);
        }
        crate::tui::keys::action::Action::First => nav.first(),
        crate::tui::keys::action::Action::Last => nav.last(len, page),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::Nav;

    #[test]
    fn moves_and_scrolls_within_bounds() {
        let mut nav = Nav::default();
        nav.move_by(1, 10, 3);
        nav.move_by(1, 10, 3);
        assert_eq!(
            nav,
            Nav {
                selected: 2,
                top: 0
            }
        );
        nav.move_by(1, 10, 3);
        assert_eq!(
            nav,
            Nav {
                selected: 3,
                top: 1
            }
        );
        nav.move_by(100, 10, 3);
        assert_eq!(
            nav,
            Nav {
                selected: 9,
                top: 7
            }
        );
        nav.move_by(-1, 10, 3);
        assert_eq!(
            nav,
            Nav {
                selected: 8,
                top: 7
            },
            "moving up inside the viewport does not scroll"
        );
        nav.first();
        assert_eq!(
            nav,
            Nav {
                selected: 0,
                top: 0
            }
        );
        nav.last(10, 3);
        assert_eq!(
            nav,
            Nav {
                selected: 9,
                top: 7
            }
        );
        nav.move_by(1, 0, 3);
        assert_eq!(nav, Nav::default(), "an empty list has nothing selected");
    }

    #[test]
    fn the_wheel_drags_the_selection() {
        let mut nav = Nav::default();
        nav.scroll(3, 10, 4);
        assert_eq!(
            nav,
            Nav {
                selected: 3,
                top: 3
            }
        );
        nav.scroll(100, 10, 4);
        assert_eq!(
            nav,
            Nav {
                selected: 6,
                top: 6
            }
        );
    }

    #[test]
    fn half_a_page_is_half_a_page() {
        use crate::tui::keys::action::Action;
        let mut nav = Nav::default();
        super::move_nav(&mut nav, Action::HalfPageDown, 100, 20);
        assert_eq!(nav.selected, 10);
        super::move_nav(&mut nav, Action::PageDown, 100, 20);
        assert_eq!(nav.selected, 30);
        super::move_nav(&mut nav, Action::HalfPageUp, 100, 20);
        assert_eq!(nav.selected, 20);
    }
}
