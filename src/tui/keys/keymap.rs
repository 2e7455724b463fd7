//! What keys mean where: the default keymap is `assets/keymap.toml`; each screen looks a key
//! up in its own contexts, then in the shared ones.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::tui::keys::action::Action;
pub use crate::tui::keys::key::{Key, KeyCodeOrd};

/// A group of bindings; a screen uses several, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    Global,
    /// Moving in a list and opening what is selected.
    List,
    /// Adding, editing and deleting the records of a list.
    Records,
    Home,
    Detail,
    Pipeline,
    Questions,
    Trash,
    Import,
    Landed,
    Search,
    Meeting,
    Review,
    /// The review, on an interview's next step.
    ReviewStep,
    /// The review, on a follow-up the user wrote.
    ReviewFollowUp,
    Form,
    /// A form's "discard what you typed?" question.
    Discard,
    Confirm,
    Help,
    Palette,
    /// The menu of an interview's next steps.
    Menu,
    /// Typing home's filter.
    Filter,
    /// Typing an answer or a question in meeting mode.
    Typing,
    /// A text shown whole.
    Reading,
    /// One interview, whole.
    Interview,
    /// The organisations.
    Organizations,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Binding {
    pub action: Action,
    pub desc: String,
    /// The few words the footer shows for it, if it belongs in the footer.
    #[serde(default)]
    pub footer: Option<String>,
    /// Added by the config file (which gives no footer words).
    #[serde(skip)]
    pub from_config: bool,
}

/// `assets/keymap.toml` as build.rs writes it out: each context's bindings as (key, action,
/// description, footer), in the file's order.
type CompiledKeymap = &'static [(
    &'static str,
    &'static [(
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
    )],
)];

const COMPILED: CompiledKeymap = include!(concat!(env!("OUT_DIR"), "/default_keymap.rs"));

#[derive(Debug, Clone)]
pub struct Keymap {
    contexts: BTreeMap<Context, Vec<(Key, Binding)>>,
}

impl Keymap {
    /// The default keymap, from `assets/keymap.toml`.
    #[expect(
        clippy::expect_used,
        reason = "the keymap is compiled in, and a test parses it"
    )]
    /// The keys rolo ships with: made once per process from the table build.rs compiles
    /// `assets/keymap.toml` into, handed out as copies.
    pub fn default_keys() -> Keymap {
        static DEFAULT: std::sync::OnceLock<Keymap> = std::sync::OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                Keymap::from_table(COMPILED)
                    .expect("the default keymap is valid (checked by tests)")
            })
            .clone()
    }

    /// A keymap from the table build.rs makes of a keymap file.
    fn from_table(table: CompiledKeymap) -> Result<Keymap, String> {
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, StrDeserializer};
        let name =
            |text: &'static str| -> StrDeserializer<'static, Error> { text.into_deserializer() };
        let mut contexts = BTreeMap::new();
        for (context_name, bindings) in table {
            let context = Context::deserialize(name(context_name))
                .map_err(|_| format!("[{context_name}] is not a keymap context"))?;
            let mut parsed = Vec::new();
            for (key, action, desc, footer) in *bindings {
                let action = Action::deserialize(name(action))
                    .map_err(|e| format!("[{context_name}] {key:?}: {e}"))?;
                let binding = Binding {
                    action,
                    desc: desc.to_string(),
                    footer: footer.map(str::to_string),
                    from_config: false,
                };
                parsed.push((Key::parse(key)?, binding));
            }
            contexts.insert(context, parsed);
        }
        Ok(Keymap { contexts })
    }

    /// Reads a keymap, keeping the order of the file (help lists bindings in that order).
    pub fn parse(text: &str) -> Result<Keymap, String> {
        let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut contexts = BTreeMap::new();
        for (context_name, bindings) in table {
            let context = Context::deserialize(toml::Value::String(context_name.clone()))
                .map_err(|_| format!("[{context_name}] is not a keymap context"))?;
            let bindings = bindings.as_table().ok_or_else(|| {
                format!("[{context_name}] must be a table of key = {{ action, desc }}")
            })?;
            let mut parsed = Vec::new();
            for (key, binding) in bindings {
                let binding = Binding::deserialize(binding.clone())
                    .map_err(|e| format!("[{context_name}] {key:?}: {e}"))?;
                parsed.push((Key::parse(key)?, binding));
            }
            contexts.insert(context, parsed);
        }
        Ok(Keymap { contexts })
    }

    /// The default keys with the config file's patches over them. A patch that names no
    /// context, key or action is reported and left out; one that takes a key from another
    /// action is applied and reported (the key was bound twice).
    pub fn patched(
        mut self,
        patches: &[crate::config::KeyPatch],
    ) -> (Keymap, Vec<crate::config::Warning>) {
        let mut warnings = Vec::new();
        for patch in patches {
            let mut warn = |message: String| {
                warnings.push(crate::config::Warning {
                    line: Some(patch.line),
                    message,
                })
            };
            let Ok(context) = Context::deserialize(toml::Value::String(patch.context.clone()))
            else {
                warn(format!("[keys.{}] is not a keymap context", patch.context));
                continue;
            };
            let key = match Key::parse(&patch.key) {
                Ok(key) => key,
                Err(e) => {
                    warn(e);
                    continue;
                }
            };
            // Ctrl-Z is the terminal's: it steps rolo aside before any keymap sees it.
            if key.ctrl && !key.alt && key.code == KeyCodeOrd::Char('z') {
                warn(
                    "ctrl-z suspends rolo, as in every terminal program; it cannot be bound".into(),
                );
                continue;
            }
            // Ctrl-C is the way out that every screen keeps, whatever else is bound: taking
            // it (with q) left only a signal to end rolo.
            if key.ctrl && !key.alt && key.code == KeyCodeOrd::Char('c') {
                warn(
                    "ctrl-c quits rolo (or cancels a form), as in every terminal program; it \
                     cannot be bound"
                        .into(),
                );
                continue;
            }
            let action = match Action::from_config_name(&patch.action) {
                Ok(action) => action,
                Err(why) => {
                    warn(why);
                    continue;
                }
            };
            // What the action is called in help: as the default keymap says it anywhere.
            // Where text is typed, a plain key is a letter of it: bound, it was swallowed.
            let typed_in = [
                Context::Form,
                Context::Filter,
                Context::Typing,
                Context::Palette,
            ];
            if typed_in.contains(&context)
                && !key.ctrl
                && !key.alt
                && matches!(key.code, KeyCodeOrd::Char(_))
            {
                warn(format!(
                    "{} is typed text in [keys.{}]; bind a ctrl- or alt- key there",
                    key.label(),
                    patch.context
                ));
                continue;
            }
            // What the action is called in help, and its footer words: as the default
            // keymap says them anywhere (the footer shows the new key where it showed the
            // action's own).
            let default = self
                .contexts
                .values()
                .flatten()
                .find(|(_, b)| b.action == action && !b.from_config)
                .map(|(_, b)| b.clone());
            let desc = default
                .as_ref()
                .map_or_else(|| patch.action.replace('_', " "), |b| b.desc.clone());
            let footer = default.and_then(|b| b.footer);
            // A key of the global context taken over in a screen's: said, since that screen
            // loses it (q no longer quits there). Rebinding a key in its own context is the
            // point of the file, and quiet.
            let hidden = (context != Context::Global)
                .then(|| self.contexts.get(&Context::Global))
                .flatten()
                .and_then(|global| global.iter().find(|(k, _)| *k == key))
                .filter(|(_, global)| global.action != action)
                .map(|(_, global)| global.action);
            if let Some(global) = hidden {
                warn(format!(
                    "{} in [keys.{}] hides its global meaning there ({}); pick another key \
                     if that is not meant",
                    key.label(),
                    patch.context,
                    serde_json::to_value(global)
                        .ok()
                        .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
                        .unwrap_or_default()
                ));
            }
            let bindings = self.contexts.entry(context).or_default();
            let binding = Binding {
                action,
                desc,
                footer,
                from_config: true,
            };
            match bindings.iter_mut().find(|(k, _)| *k == key) {
                Some((_, existing)) => *existing = binding,
                None => bindings.push((key, binding)),
            }
        }
        (self, warnings)
    }

    /// The action `key` means in the first of `contexts` that binds it.
    pub fn action(&self, contexts: &[Context], key: Key) -> Option<Action> {
        contexts.iter().find_map(|context| {
            self.contexts
                .get(context)?
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, b)| b.action)
        })
    }

    /// Every binding in effect for `contexts`, each key once (the first context's meaning),
    /// grouped by action in the order of first appearance.
    pub fn bindings(&self, contexts: &[Context]) -> Vec<(Vec<Key>, Binding)> {
        let mut seen_keys = Vec::new();
        let mut grouped: Vec<(Vec<Key>, Binding)> = Vec::new();
        for context in contexts {
            for (key, binding) in self.contexts.get(context).into_iter().flatten() {
                if seen_keys.contains(key) {
                    continue;
                }
                seen_keys.push(*key);
                match grouped.iter_mut().find(|(_, b)| b.action == binding.action) {
                    Some((keys, grouped)) => {
                        keys.push(*key);
                        // A key the config added has no footer words: the action keeps the
                        // ones its default key has (binding W to the review dropped "R
                        // review" from the footer).
                        if grouped.from_config && grouped.footer.is_none() {
                            grouped.footer.clone_from(&binding.footer);
                        }
                    }
                    None => grouped.push((vec![*key], binding.clone())),
                }
            }
        }
        grouped
    }

    /// The footer's hints for `contexts`: ("Tab", "next").
    pub fn footer(&self, contexts: &[Context]) -> Vec<(String, String)> {
        self.bindings(contexts)
            .into_iter()
            .filter_map(|(keys, b)| {
                let words = b.footer?;
                let labels: Vec<String> = keys
                    .iter()
                    .filter(|k| self.has_footer(contexts, k))
                    .map(Key::label)
                    .collect();
                Some((labels.join("/"), words))
            })
            .collect()
    }

    /// Whether the binding of `key` in `contexts` is one the footer shows.
    fn has_footer(&self, contexts: &[Context], key: &Key) -> bool {
        contexts
            .iter()
            .find_map(|c| self.contexts.get(c)?.iter().find(|(k, _)| k == key))
            .is_some_and(|(_, b)| b.footer.is_some())
    }
}
