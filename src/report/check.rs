//! `check`: does every scenario balance? Each scenario is balanced, unbalanced (with each
//! shortfall), or invalid (with its errors); and the report of them all.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::grid::{At, Grid, RowHead};
use super::text::{self, Sentence, Text};
use super::{Block, Head, Page, Report};
use crate::diag::{Diagnostic, Diagnostics};
use crate::engine::{self, Shortfall, shortfalls};
use crate::load::{self, Loaded};
use crate::model::Scenario;
use crate::period::By;

#[derive(Debug, Clone)]
pub enum Status {
    Balanced,
    Unbalanced(Vec<Shortfall>),
    Invalid(Diagnostics),
}

/// One file checked.
#[derive(Debug, Clone)]
pub struct Checked {
    pub file: PathBuf,
    /// The scenario, where the file got far enough to have one.
    pub scenario: Option<Scenario>,
    pub status: Status,
    /// Warnings of a valid file.
    pub warnings: Option<Diagnostics>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub balanced: usize,
    pub unbalanced: usize,
    pub invalid: usize,
}

/// How many scenarios are balanced, unbalanced and invalid.
pub fn summary(checked: &[Checked]) -> Summary {
    let mut s = Summary::default();
    for c in checked {
        match c.status {
            Status::Balanced => s.balanced += 1,
            Status::Unbalanced(_) => s.unbalanced += 1,
            Status::Invalid(_) => s.invalid += 1,
        }
    }
    s
}

/// How to check.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The periods at whose ends balances are checked.
    pub by: By,
    pub prices: crate::engine::Prices,
    /// Applied to every scenario checked.
    pub overrides: Vec<load::Override>,
    /// A warning makes a scenario invalid.
    pub deny_warnings: bool,
}

/// Loads, projects and checks one file.
pub fn check_file(path: &Path, options: &Options) -> Checked {
    if let Some(d) = link_loop(path) {
        return Checked {
            file: path.to_path_buf(),
            scenario: None,
            status: Status::Invalid(d.into()),
            warnings: None,
        };
    }
    let loaded = load::Prepared::open(path).and_then(|p| p.into_loaded(&options.overrides));
    let (scenario, mut warnings) = match loaded {
        Ok(Loaded {
            scenario, warnings, ..
        }) => (scenario, warnings),
        Err(diagnostics) => {
            return Checked {
                file: path.to_path_buf(),
                scenario: None,
                status: Status::Invalid(diagnostics),
                warnings: None,
            };
        }
    };
    let status = match engine::project_in(&scenario, options.by, options.prices) {
        Ok(projection) => {
            warnings
                .items
                .extend(super::scenario::warnings(&scenario, &projection));
            let found = shortfalls(&scenario, &projection);
            if options.deny_warnings && !warnings.items.is_empty() {
                Status::Invalid(std::mem::take(&mut warnings).denied())
            } else if found.is_empty() {
                Status::Balanced
            } else {
                Status::Unbalanced(found)
            }
        }
        Err(e) => Status::Invalid(Diagnostic::error(path, e.to_string()).into()),
    };
    Checked {
        file: path.to_path_buf(),
        scenario: Some(scenario),
        status,
        warnings: Some(warnings),
    }
}

/// A link to a directory that contains it, which [`scenario_files`] reports rather than
/// follows round and round.
fn link_loop(path: &Path) -> Option<Diagnostic> {
    if !std::fs::symlink_metadata(path)
        .ok()?
        .file_type()
        .is_symlink()
    {
        return None;
    }
    let target = std::fs::canonicalize(path).ok()?;
    let at = std::fs::canonicalize(path.parent()?).ok()?;
    at.starts_with(&target).then(|| {
        Diagnostic::error(
            path,
            format!(
                "is a link to {}, a directory that contains the link: a loop, not followed",
                target.display()
            ),
        )
        .help("remove the link, or point it at a scenario file or another directory")
    })
}

/// The scenario files under `paths`: files as given, directories searched recursively for
/// `*.toml` in name order, links followed. A path that does not exist, a broken link and a
/// link that loops are kept, so checking them reports them.
pub fn scenario_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(path.clone());
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        for entry in walker {
            match entry {
                Ok(e) => {
                    if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "toml")
                    {
                        out.push(e.into_path());
                    }
                }
                // An unreadable part of the tree, a loop or a broken link to a `*.toml` is
                // reported as that path failing to load.
                Err(e) => {
                    let at = e.path().unwrap_or(path);
                    let broken_link = e.loop_ancestor().is_none()
                        && std::fs::symlink_metadata(at).is_ok_and(|m| m.file_type().is_symlink());
                    if !broken_link || at.extension().is_some_and(|x| x == "toml") {
                        out.push(at.to_path_buf());
                    }
                }
            }
        }
    }
    out
}

/// What `check` is of, for data formats: each scenario's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckHead {
    pub scenarios: Vec<CheckedHead>,
    pub summary: Summary,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedHead {
    pub file: String,
    pub name: Option<String>,
    /// `balanced`, `unbalanced` or `invalid`.
    pub status: &'static str,
    /// Funder id, period label and end of each shortfall, by its row of the shortfalls grid.
    pub shortfalls: Vec<(String, String, Date, usize)>,
    pub errors: Vec<ErrorHead>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorHead {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// The report of a check: a line per scenario and a summary; every shortfall is a figure of
/// one grid, rounded up where shown (the least amount that closes the gap).
pub fn report(checked: &[Checked]) -> Report {
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut heads = Vec::new();
    let mut lines = Vec::new();
    let grid = At(0);
    for c in checked {
        let mut head = CheckedHead {
            file: c.file.display().to_string(),
            name: c.scenario.as_ref().map(|s| s.name.clone()),
            status: "balanced",
            shortfalls: Vec::new(),
            errors: Vec::new(),
        };
        let status = match &c.status {
            Status::Balanced => text::Status::Balanced,
            Status::Unbalanced(found) => {
                head.status = "unbalanced";
                let s = c
                    .scenario
                    .as_ref()
                    .expect("an unbalanced scenario was loaded");
                let mut by_funder: Vec<(String, Vec<text::Shortfall<_>>)> = Vec::new();
                for sf in found {
                    let funder = &s.funders[sf.funder];
                    let row = rows.len();
                    rows.push(RowHead::new(&funder.id, &funder.name));
                    cells.push(sf.amount);
                    head.shortfalls
                        .push((funder.id.clone(), sf.key.label(), sf.end, row));
                    let end = text::Shortfall {
                        amount: grid.cell(row, 0),
                        period: sf.key,
                        end: sf.end,
                    };
                    match by_funder.iter_mut().find(|(n, _)| *n == funder.name) {
                        Some((_, ends)) => ends.push(end),
                        None => by_funder.push((funder.name.clone(), vec![end])),
                    }
                }
                text::Status::Unbalanced(by_funder)
            }
            Status::Invalid(d) => {
                head.status = "invalid";
                head.errors = d
                    .errors()
                    .map(|e| {
                        let place = e.line_column(&d.sources);
                        ErrorHead {
                            message: e.message.clone(),
                            line: place.map(|p| p.0),
                            column: place.map(|p| p.1),
                        }
                    })
                    .collect();
                let first = d
                    .errors()
                    .next()
                    .map(|e| e.one_line(&d.sources))
                    .unwrap_or_default();
                text::Status::Invalid {
                    first,
                    more: d.errors().count().saturating_sub(1),
                }
            }
        };
        lines.push(Sentence::Checked(text::Checked {
            file: head.file.clone(),
            name: head.name.clone(),
            status,
        }));
        heads.push(head);
    }
    let s = summary(checked);
    lines.push(Sentence::Summary {
        balanced: s.balanced,
        unbalanced: s.unbalanced,
        invalid: s.invalid,
    });
    let shortfalls = Grid::shortfalls(rows, cells);
    Report {
        head: Head::Check(CheckHead {
            scenarios: heads,
            summary: s,
        }),
        grids: vec![shortfalls],
        identities: Vec::new(),
        page: Page {
            title: None,
            lines: Vec::new(),
            blocks: vec![Block::Lines(lines)],
            notes: Vec::<Text>::new(),
            chart: None,
        },
    }
}
