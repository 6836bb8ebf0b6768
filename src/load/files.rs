//! The files a scenario names (the files it extends, its key files): where they are, and
//! what reading a key file gave.

use std::path::{Component, Path, PathBuf};

use super::tree::Node;
use crate::diag::{FileId, Sources, Span};
use crate::msg::Msg;

/// A key file read and parsed, or why it could not be.
#[derive(Debug, Clone)]
pub(super) enum KeyFile {
    Parsed {
        file: FileId,
        root: Node,
    },
    Unreadable(Msg),
    /// Outside the root: not read.
    Refused {
        reason: Box<Msg>,
        help: Box<Msg>,
    },
}

/// Where a key file named `written` in the file of `span` is.
pub(super) fn key_path(sources: &Sources, span: &Span, written: &str) -> PathBuf {
    let base = sources.path(span.file).parent().unwrap_or(Path::new(""));
    normalize(&base.join(written))
}

/// `a/b/../c` as `a/c`: the path a user would write.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir
                if out
                    .components()
                    .next_back()
                    .is_some_and(|l| matches!(l, Component::Normal(_))) =>
            {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
