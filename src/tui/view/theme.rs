//! Every style the app draws with. With `NO_COLOR` set, nothing is coloured and the selection
//! is shown by a marker and bold text (crossterm resets reverse video under NO_COLOR, so the
//! selection must never rely on it).

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub colors: Colors,
}

/// The colours the config file's `[theme]` may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colors {
    pub accent: Color,
    pub selection: Color,
    pub overdue: Color,
    pub due_today: Color,
    pub dim: Color,
    pub stage: Color,
}

impl Default for Colors {
    fn default() -> Self {
        Colors {
            accent: Color::Cyan,
            selection: Color::Blue,
            overdue: Color::Red,
            due_today: Color::Yellow,
            dim: Color::DarkGray,
            stage: Color::Magenta,
        }
    }
}

impl Colors {
    /// The default colours with the config file's over them; a colour the screens do not have,
    /// or a value that is not a colour, is reported with its line and left out.
    pub fn patched(
        mut self,
        patches: &[crate::config::ColorPatch],
    ) -> (Colors, Vec<crate::config::Warning>) {
        let mut warnings = Vec::new();
        for patch in patches {
            let message = match (self.slot(&patch.name), patch.value.parse::<Color>()) {
                (Some(slot), Ok(color)) => {
                    *slot = color;
                    continue;
                }
                (None, _) => format!(
                    "[theme] has no colour {:?} (it has {})",
                    patch.name,
                    Colors::NAMES.join(", ")
                ),
                (_, Err(_)) => format!(
                    "{:?} is not a colour (try \"cyan\" or \"#5f87af\")",
                    patch.value
                ),
            };
            warnings.push(crate::config::Warning {
                line: Some(patch.line),
                message,
            });
        }
        (self, warnings)
    }

    pub const NAMES: [&'static str; 6] = [
        "accent",
        "selection",
        "overdue",
        "due_today",
        "dim",
        "stage",
    ];

    /// The colour a `[theme]` name sets.
    pub fn slot(&mut self, name: &str) -> Option<&mut Color> {
        Some(match name {
            "accent" => &mut self.accent,
            "selection" => &mut self.selection,
            "overdue" => &mut self.overdue,
            "due_today" => &mut self.due_today,
            "dim" => &mut self.dim,
            "stage" => &mut self.stage,
            _ => return None,
        })
    }
}

/// The marker before the selected row; always drawn, so the selection shows without colour.
pub const SELECTED_MARK: &str = "▶ ";
pub const UNSELECTED_MARK: &str = "  ";

impl Theme {
    /// Colour unless `NO_COLOR` is set (to anything but the empty string).
    pub fn from_env() -> Theme {
        Theme::new(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()))
    }

    /// rolo's colours (or none).
    pub fn new(color: bool) -> Theme {
        Theme {
            color,
            colors: Colors::default(),
        }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn text(&self) -> Style {
        Style::new()
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(self.colors.dim)
        } else {
            Style::new()
        }
    }

    pub fn title(&self, focused: bool) -> Style {
        if focused {
            self.fg(self.colors.accent).add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(self.colors.accent)
        } else {
            self.dim()
        }
    }

    /// The selected row of the focused list.
    pub fn selected(&self) -> Style {
        if self.color {
            Style::new()
                .bg(self.colors.selection)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// The selected row of a list without focus.
    pub fn selected_unfocused(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn matched(&self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn overdue(&self) -> Style {
        self.fg(self.colors.overdue).add_modifier(Modifier::BOLD)
    }

    pub fn due_today(&self) -> Style {
        self.fg(self.colors.due_today)
    }

    pub fn header(&self) -> Style {
        if self.color {
            Style::new().bg(Color::DarkGray).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn key(&self) -> Style {
        self.fg(self.colors.accent).add_modifier(Modifier::BOLD)
    }

    pub fn status(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn stage(&self) -> Style {
        self.fg(self.colors.stage)
    }
}
