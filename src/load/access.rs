//! Which files a scenario may name: key files (`keys`) and scenarios it extends (`extends`)
//! must resolve, links followed, inside one root directory, the working directory unless
//! `--root` says otherwise, so that a scenario from someone else cannot make the program read
//! and echo `/etc/shadow`. `--allow-outside` lifts the rule for trusted scenarios.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::msg::Msg;

/// Where the files a scenario names may be.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Access {
    /// The directory key files and extended scenarios must be inside, links followed.
    /// *Default:* the working directory.
    pub root: Option<PathBuf>,
    /// Read any file a scenario names, wherever it is. *Default:* `false`.
    pub allow_outside: bool,
}

/// The access of this process, set once by the binary from `--root` and `--allow-outside`.
static PROCESS: OnceLock<Access> = OnceLock::new();

/// Why a named file may not be read, and what to do.
pub(super) struct Refused {
    pub reason: Box<Msg>,
    pub help: Box<Msg>,
}

impl Access {
    /// Sets the access every later [`super::Prepared::open`] of this process uses (the
    /// binary's `--root` and `--allow-outside`). Only the first call counts.
    pub fn set_for_process(access: Access) {
        let _ = PROCESS.set(access);
    }

    /// The access set for this process, or the default (the working directory as root).
    pub fn for_process() -> Access {
        PROCESS.get().cloned().unwrap_or_default()
    }

    /// Whether the file at `path` may be read: why not, and what to do, if not (for files
    /// other modules read on a scenario's behalf, such as bookings exports).
    pub fn permits(&self, path: &Path) -> Result<(), (Box<Msg>, Box<Msg>)> {
        self.check(path).map_err(|r| (r.reason, r.help))
    }

    /// Whether the file at `path` (as found relative to the file naming it) may be read.
    pub(super) fn check(&self, path: &Path) -> Result<(), Refused> {
        if self.allow_outside {
            return Ok(());
        }
        let given = self.root.clone().unwrap_or_else(|| PathBuf::from("."));
        let root = std::fs::canonicalize(&given).map_err(|e| Refused {
            reason: Msg::RootUnusable {
                root: given.display().to_string(),
                reason: match e.kind() {
                    std::io::ErrorKind::NotFound => Msg::NoSuchDirectory,
                    _ => super::io_reason(&e),
                }
                .boxed(),
            }
            .boxed(),
            help: Msg::HelpRootExists.boxed(),
        })?;
        let resolved = resolve(path);
        if resolved.starts_with(&root) {
            return Ok(());
        }
        let (whose, flag) = match &self.root {
            Some(_) => (Msg::TheRootFlag, format!("--root {}", given.display())),
            None => (Msg::TheWorkingDirectory, "--root DIR".to_string()),
        };
        Err(Refused {
            reason: Msg::OutsideRoot {
                path: resolved.display().to_string(),
                root: root.display().to_string(),
                whose: whose.boxed(),
            }
            .boxed(),
            help: Msg::HelpOutsideRoot { flag }.boxed(),
        })
    }
}

/// `path` made absolute with its links followed; where it does not exist, its existing
/// ancestor's so, and the rest as written (`..` taken lexically).
fn resolve(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let absolute = match std::env::current_dir() {
        Ok(dir) => dir.join(path),
        Err(_) => path.to_path_buf(),
    };
    let mut out = PathBuf::new();
    for c in absolute.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => {
                out.push(other);
                if let Ok(p) = std::fs::canonicalize(&out) {
                    out = p;
                }
            }
        }
    }
    out
}
