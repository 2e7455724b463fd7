//! The config file (`rolo config path` says where): the playbook's numbers, the week's first
//! day, a folder of one's own message templates, the theme's colours, and keys patched over
//! the default keymap. Every part is optional. A file that cannot be read is reported with the
//! line that is wrong, and rolo carries on with the defaults; a single bad entry is reported
//! and left out, and the rest applies.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::Weekday;
use serde::Deserialize;
use toml::Spanned;

use crate::domain::settings::{PlaybookSettings, Settings};

/// A commented file to start from, written by `rolo config edit`.
pub const STARTER: &str = include_str!("../assets/config.toml");

/// Something wrong in the file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "config line {line}: {}", self.message),
            None => write!(f, "config: {}", self.message),
        }
    }
}

/// One key the file binds: `[keys.list] "J" = "move_down"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPatch {
    pub context: String,
    pub key: String,
    pub action: String,
    pub line: usize,
}

/// One colour of the theme, as the file names it: checked by the screens, which know their
/// colours (as key patches are by the keymap).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColorPatch {
    pub name: String,
    pub value: String,
    pub line: usize,
}

/// Everything the file sets, over the defaults.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub settings: Settings,
    pub colors: Vec<ColorPatch>,
    pub keys: Vec<KeyPatch>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Raw {
    /// Read setting by setting (see `playbook`), so one mistake leaves the others in force.
    playbook: BTreeMap<String, Spanned<toml::Value>>,
    calendar: RawCalendar,
    templates: RawTemplates,
    theme: BTreeMap<String, Spanned<String>>,
    keys: BTreeMap<String, BTreeMap<String, Spanned<String>>>,
    /// `me = ["you@example.org", …]` (or one address): the user's own addresses.
    me: Option<Spanned<toml::Value>>,
    /// Sections rolo does not know: each reported, the rest of the file still read.
    #[serde(flatten)]
    unknown: BTreeMap<String, toml::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawCalendar {
    week_start: Option<Spanned<String>>,
    #[serde(flatten)]
    unknown: BTreeMap<String, toml::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawTemplates {
    folder: Option<Spanned<String>>,
    #[serde(flatten)]
    unknown: BTreeMap<String, toml::Value>,
}

/// `$ROLO_CONFIG`, else `config.toml` in the platform config folder.
pub fn path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("ROLO_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    crate::store::path::config_dir().map(|dir| dir.join("config.toml"))
}

/// Reads the config file; a missing file is the defaults, without a word.
pub fn load() -> (Config, Vec<Warning>) {
    let Some(file) = path() else {
        return (Config::default(), Vec::new());
    };
    match std::fs::read_to_string(&file) {
        Ok(text) => parse(&text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (
            Config::default(),
            vec![Warning {
                line: None,
                message: format!("cannot read {} ({e}); using the defaults", file.display()),
            }],
        ),
    }
}

/// The line a byte offset falls on (counted in bytes: never splits a character).
fn line_of(text: &str, offset: usize) -> usize {
    let before = &text.as_bytes()[..offset.min(text.len())];
    before.iter().filter(|b| **b == b'\n').count() + 1
}

/// The `[playbook]` section, setting by setting: each one that is unknown or of the wrong kind
/// is reported and left at its default; the others apply.
fn playbook(
    entries: BTreeMap<String, Spanned<toml::Value>>,
    warn: &mut impl FnMut(std::ops::Range<usize>, String),
) -> PlaybookSettings {
    let defaults = PlaybookSettings::default();
    let Ok(toml::Value::Table(mut table)) = toml::Value::try_from(&defaults) else {
        return defaults;
    };
    for (key, value) in entries {
        let span = value.span();
        let Some(default) = table.get(&key).cloned() else {
            let known: Vec<&str> = table.keys().map(String::as_str).collect();
            warn(
                span,
                format!(
                    "unknown setting {key} (the playbook has: {})",
                    known.join(", ")
                ),
            );
            continue;
        };
        let mut trial = table.clone();
        trial.insert(key.clone(), value.into_inner());
        match toml::Value::Table(trial.clone()).try_into::<PlaybookSettings>() {
            Ok(_) => table = trial,
            Err(_) => {
                let given = trial.get(&key);
                let wanted = match (&default, given) {
                    (toml::Value::Boolean(_), _) => "should be true or false",
                    (_, Some(toml::Value::Integer(n))) if *n > 0 => "is too large",
                    _ => "should be a whole number (0 or more)",
                };
                warn(
                    span,
                    format!("{key} {wanted}; the default ({default}) is used"),
                );
            }
        }
    }
    toml::Value::Table(table).try_into().unwrap_or(defaults)
}

/// The file's TOML, read line by line where it must be: a line TOML cannot read (a stray
/// word, a key given twice, an unclosed quote) is reported and left out, and the rest read
/// again — so one slip never costs the whole file, and every slip is reported.
fn readable(text: &str) -> (Raw, String, Vec<Warning>) {
    let mut text = text.to_string();
    let mut warnings = Vec::new();
    for _ in 0..=text.lines().count() {
        match toml::from_str::<Raw>(&text) {
            Ok(raw) => return (raw, text, warnings),
            Err(e) => {
                let Some(span) = e.span() else { break };
                let line = line_of(&text, span.start);
                warnings.push(Warning {
                    line: Some(line),
                    message: format!("{}; the line is left out", e.message().trim_end()),
                });
                text = text
                    .split('\n')
                    .enumerate()
                    .map(|(n, l)| if n + 1 == line { "" } else { l })
                    .collect::<Vec<_>>()
                    .join("\n");
            }
        }
    }
    warnings.push(Warning {
        line: None,
        message: "the file could not be read; the defaults are used for all of it".into(),
    });
    (Raw::default(), String::new(), warnings)
}

/// Reads a config file's text.
pub fn parse(text: &str) -> (Config, Vec<Warning>) {
    let (raw, text, mut warnings) = readable(text);
    let text = text.as_str();
    let mut warn = |span: std::ops::Range<usize>, message: String| {
        warnings.push(Warning {
            line: Some(line_of(text, span.start)),
            message,
        });
    };
    let mut config = Config::default();
    for (place, unknown) in [
        ("", &raw.unknown),
        ("calendar.", &raw.calendar.unknown),
        ("templates.", &raw.templates.unknown),
    ] {
        // (A flattened map keeps no places: the line is found by the name.)
        for name in unknown.keys() {
            let at = text
                .lines()
                .scan(0, |offset, line| {
                    let start = *offset;
                    *offset += line.len() + 1;
                    Some((start, line.trim_start()))
                })
                .find(|(_, line)| {
                    line.strip_prefix('[')
                        .unwrap_or(line)
                        .starts_with(name.as_str())
                })
                .map_or(0, |(start, _)| start);
            warn(
                at..at,
                format!("{place}{name} is not a setting rolo reads; it is left out"),
            );
        }
    }
    config.settings.playbook = playbook(raw.playbook, &mut warn);
    if let Some(day) = raw.calendar.week_start {
        match day.get_ref().parse::<Weekday>() {
            Ok(weekday) => config.settings.week_start = weekday,
            Err(_) => warn(
                day.span(),
                format!(
                    "week_start {:?} is not a day (monday … sunday)",
                    day.get_ref()
                ),
            ),
        }
    }
    if let Some(folder) = raw.templates.folder {
        let expanded = crate::store::path::expand_home(folder.get_ref());
        if expanded.is_dir() {
            config.settings.templates = Some(expanded);
        } else {
            warn(
                folder.span(),
                format!("the templates folder {} does not exist", expanded.display()),
            );
        }
    }
    if let Some(me) = raw.me {
        let addresses: Vec<&toml::Value> = match me.get_ref() {
            toml::Value::Array(values) => values.iter().collect(),
            one => vec![one],
        };
        for address in addresses {
            match address.as_str().map(str::trim) {
                Some(a) if a.contains('@') => config.settings.me.push(a.to_lowercase()),
                _ => warn(
                    me.span(),
                    format!(
                        "me takes email addresses (me = [\"you@example.org\"]); {address} is not one"
                    ),
                ),
            }
        }
    }
    for (name, value) in raw.theme {
        config.colors.push(ColorPatch {
            name,
            value: value.get_ref().clone(),
            line: line_of(text, value.span().start),
        });
    }
    for (context, keys) in raw.keys {
        for (key, action) in keys {
            config.keys.push(KeyPatch {
                context: context.clone(),
                key,
                action: action.get_ref().clone(),
                line: line_of(text, action.span().start),
            });
        }
    }
    // In the order of the file, whatever order the sections were read in.
    warnings.sort_by_key(|w| w.line);
    (config, warnings)
}

/// The user's editor: `$VISUAL`, else `$EDITOR` (an empty one is as good as unset), else vi.
/// It may carry arguments ("code --wait").
pub fn editor() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "vi".into())
}
