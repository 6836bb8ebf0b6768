//! Running the real binary on scenarios and reading what it printed.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// What one run of `klimabudget` printed, and its exit code.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", self.stdout, self.stderr))
    }

    /// Asserts the exit code, showing the output if it differs.
    pub fn code(self, code: i32) -> Self {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `klimabudget ARGS` in the repository root, with no colour.
pub fn klimabudget<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    klimabudget_in(root(), args)
}

/// Runs `klimabudget ARGS` in `dir`, with no colour.
pub fn klimabudget_in<I, S>(dir: &Path, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let out = Command::cargo_bin("klimabudget")
        .expect("the binary is built")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // English unless a test asks otherwise: the locale of the machine must not matter.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        // Papers say the day they were made: 10 February 2023, so that they compare.
        .env("SOURCE_DATE_EPOCH", "1675987200")
        .args(args)
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// The `.toml` files directly in `dir` (relative to the repository root), sorted.
pub fn toml_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .expect("directory exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

/// A JSON period of a report by its label (`total` for the total).
pub fn period<'a>(report: &'a serde_json::Value, label: &str) -> &'a serde_json::Value {
    if label == "total" {
        return &report["total"];
    }
    report["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .find(|p| p["label"] == label)
        .unwrap_or_else(|| panic!("no period {label}"))
}

/// An external program some tests need beyond the Rust toolchain (`.ci/run` installs them).
/// `None` if it is not installed, after saying so; a failure instead when
/// `KLIMABUDGET_REQUIRE` names it, as CI does for the tools it installed.
pub fn tool(name: &str, env_override: &str) -> Option<std::path::PathBuf> {
    if let Ok(path) = std::env::var(env_override) {
        return Some(path.into());
    }
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        let required = std::env::var("KLIMABUDGET_REQUIRE").unwrap_or_default();
        assert!(
            !required.split_whitespace().any(|t| t == name),
            "{name} is required here (KLIMABUDGET_REQUIRE) but not installed"
        );
        eprintln!("{name} is not installed: this test checked nothing else");
    }
    found
}
