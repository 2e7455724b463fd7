//! The boundaries the code keeps, checked on its source: no module imports another that imports
//! it back (directly or round a loop), the screens never reach into the store, the TUI never
//! into the command line, the config into no screen. A change that breaks one fails here.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every module of the library by its path ("crate::tui::screens::home"), with its source
/// (test modules cut off: they may use what they like).
fn modules() -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    let mut stack = vec![Path::new("src").to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path.strip_prefix("src").unwrap().with_extension("");
            let mut parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            if parts == ["main"] {
                continue;
            }
            if parts == ["lib"] {
                parts.clear();
            }
            let name = std::iter::once("crate".to_string())
                .chain(parts)
                .collect::<Vec<_>>()
                .join("::");
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
            found.insert(name, code);
        }
    }
    found
}

/// The modules each module names (`crate::a::b::Item` counts as `crate::a::b`), parents and
/// children aside.
fn imports(modules: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut edges = BTreeMap::new();
    for (name, code) in modules {
        let mut named = BTreeSet::new();
        for (start, _) in code.match_indices("crate::") {
            let path: String = code[start..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let parts: Vec<&str> = path.trim_end_matches(':').split("::").collect();
            let target = (2..=parts.len())
                .rev()
                .map(|k| parts[..k].join("::"))
                .find(|candidate| modules.contains_key(candidate));
            if let Some(target) = target {
                let related = target == *name
                    || target.starts_with(&format!("{name}::"))
                    || name.starts_with(&format!("{target}::"));
                if !related {
                    named.insert(target);
                }
            }
        }
        edges.insert(name.clone(), named);
    }
    edges
}

/// A loop of imports, if there is one.
fn a_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let edges = imports(&modules());
    assert!(edges.len() > 100, "the modules were found");
    if let Some(cycle) = a_cycle(&edges) {
        panic!("an import cycle: {}", cycle.join(" → "));
    }
}

#[test]
fn each_layer_names_only_the_layers_below_it() {
    let edges = imports(&modules());
    let reaches = |from: &str, to: &str| -> Vec<String> {
        edges
            .iter()
            .filter(|(name, _)| name.starts_with(from))
            .flat_map(|(name, targets)| {
                targets
                    .iter()
                    .filter(|t| t.starts_with(to))
                    .map(move |t| format!("{name} → {t}"))
            })
            .collect()
    };
    for (from, to) in [
        ("crate::tui::screens", "crate::store"),
        ("crate::tui::view", "crate::store"),
        ("crate::tui::overlays", "crate::store"),
        ("crate::tui", "crate::cli"),
        ("crate::config", "crate::tui"),
        ("crate::domain", "crate::store"),
        ("crate::domain", "crate::tui"),
        ("crate::store", "crate::tui"),
        ("crate::interop", "crate::tui"),
    ] {
        let found = reaches(from, to);
        assert!(
            found.is_empty(),
            "{from} must not name {to}:\n{}",
            found.join("\n")
        );
    }
}

#[test]
fn the_tui_opens_no_transaction_of_its_own() {
    // Business steps are store operations (shared with the command line); the TUI calls them.
    let found: Vec<String> = modules()
        .into_iter()
        .filter(|(name, code)| name.starts_with("crate::tui") && code.contains(".write(|"))
        .map(|(name, _)| name)
        .collect();
    assert!(found.is_empty(), "transactions opened in {found:?}");
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let mut edges = BTreeMap::new();
    edges.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    edges.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    edges.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(a_cycle(&edges).map(|c| c.len()), Some(4));
    edges.insert("c".to_string(), BTreeSet::new());
    assert_eq!(a_cycle(&edges), None);
}
