//! The shape of the house (docs/ARCHITECTURE.md): the top-level modules of `src/` use each
//! other without a cycle, and only the command line knows clap. Read from the source text:
//! every `crate::module` a file names outside comments and its tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::root;

/// The text of a file without comments and without its `#[cfg(test)]` module.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Each top-level module of `src/` and the top-level modules it uses.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = root().join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in all {
        let rel = file.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        let text = code(&std::fs::read_to_string(&file).unwrap());
        let uses = edges.entry(module.clone()).or_default();
        for (i, _) in text.match_indices("crate::") {
            let name: String = text[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let is_module = src.join(format!("{name}.rs")).exists() || src.join(&name).is_dir();
            if is_module && name != module {
                uses.insert(name);
            }
        }
    }
    edges
}

#[test]
fn the_top_level_modules_use_each_other_without_a_cycle() {
    let edges = graph();
    assert!(edges.len() > 10, "{edges:?}");
    // Depth-first search for a way back to where it started.
    for start in edges.keys() {
        let mut stack: Vec<Vec<&String>> = vec![vec![start]];
        let mut seen = BTreeSet::new();
        while let Some(path) = stack.pop() {
            let last = *path.last().unwrap();
            for next in edges.get(last).into_iter().flatten() {
                assert!(next != start, "a cycle: {path:?} -> {next}");
                if seen.insert(next) {
                    let mut longer = path.clone();
                    longer.push(next);
                    stack.push(longer);
                }
            }
        }
    }
    // The leaves everything else stands on.
    assert_eq!(edges["num"], BTreeSet::new());
    assert!(!edges["report"].contains("i18n") && !edges["report"].contains("export"));
    assert!(!edges["engine"].contains("load") && !edges["engine"].contains("report"));
}

/// Whether `edges` has a way from a module back to itself; the cycle if so.
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    for start in edges.keys() {
        let mut stack: Vec<Vec<&String>> = vec![vec![start]];
        let mut seen = BTreeSet::new();
        while let Some(path) = stack.pop() {
            let last = *path.last().unwrap();
            for next in edges.get(last).into_iter().flatten() {
                if next == start {
                    return Some(path.iter().map(|s| s.to_string()).collect());
                }
                if seen.insert(next) {
                    let mut longer = path.clone();
                    longer.push(next);
                    stack.push(longer);
                }
            }
        }
    }
    None
}

#[test]
fn the_files_of_each_module_use_each_other_without_a_cycle() {
    let src = root().join("src");
    let mut checked = 0;
    for dir in std::fs::read_dir(&src).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let subs: BTreeSet<String> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| {
                let p = e.unwrap().path();
                // Modules: Rust files and directories of them (not a page's script or style).
                let module = p.extension().is_some_and(|x| x == "rs") || p.join("mod.rs").exists();
                if !module {
                    return None;
                }
                let stem = p.file_stem()?.to_string_lossy().to_string();
                (stem != "mod").then_some(stem)
            })
            .collect();
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for sub in &subs {
            let file = if dir.join(format!("{sub}.rs")).exists() {
                dir.join(format!("{sub}.rs"))
            } else {
                dir.join(sub).join("mod.rs")
            };
            let text = code(&std::fs::read_to_string(&file).unwrap());
            let uses = edges.entry(sub.clone()).or_default();
            for other in &subs {
                let named = [
                    format!("super::{other}::"),
                    format!("super::{other};"),
                    format!("super::{{{other}"),
                    format!(", {other}::"),
                    format!("crate::{name}::{other}"),
                ];
                if other != sub && named.iter().any(|n| text.contains(n.as_str())) {
                    uses.insert(other.clone());
                }
            }
        }
        assert_eq!(cycle(&edges), None, "src/{name}/: {edges:?}");
        checked += 1;
    }
    assert!(checked >= 4, "{checked}");
}

#[test]
fn only_the_command_line_knows_clap() {
    let src = root().join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut knows: Vec<String> = all
        .iter()
        .filter(|f| code(&std::fs::read_to_string(f).unwrap()).contains("clap"))
        .map(|f| f.strip_prefix(&src).unwrap().display().to_string())
        .collect();
    knows.sort();
    assert_eq!(knows, ["cli.rs", "main.rs"]);
}
