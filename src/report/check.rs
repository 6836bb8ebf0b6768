//! `check`: does every scenario balance? Each scenario is balanced, unbalanced (with each
//! shortfall), or invalid (with its errors).

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::Report;
use crate::diag::{Diagnostic, Diagnostics};
use crate::engine;
use crate::load::{self, Loaded};
use crate::model::Rational;
use crate::period::{By, PeriodKey};

/// A non-residual funder whose cumulative balance is negative at the end of a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortfall {
    pub funder: String,
    pub funder_name: String,
    pub period: String,
    pub key: PeriodKey,
    pub end: Date,
    /// How much is missing, rounded up to the øre: the least amount that closes the gap, so a
    /// shortfall is never shown as 0.00.
    pub shortfall: Rational,
}

#[derive(Debug, Clone)]
pub enum Status {
    Balanced,
    Unbalanced(Vec<Shortfall>),
    Invalid(Diagnostics),
}

#[derive(Debug, Clone)]
pub struct Checked {
    pub file: PathBuf,
    /// The scenario's name, where the file got far enough to have one.
    pub name: Option<String>,
    pub status: Status,
    /// Warnings of a valid file.
    pub warnings: Option<Diagnostics>,
}

#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub scenarios: Vec<Checked>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub balanced: usize,
    pub unbalanced: usize,
    pub invalid: usize,
}

impl CheckReport {
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for c in &self.scenarios {
            match c.status {
                Status::Balanced => s.balanced += 1,
                Status::Unbalanced(_) => s.unbalanced += 1,
                Status::Invalid(_) => s.invalid += 1,
            }
        }
        s
    }
}

/// The shortfalls of a projected scenario: every period end where a non-residual funder's
/// cumulative balance is below zero.
pub fn shortfalls(report: &Report) -> Vec<Shortfall> {
    let mut out = Vec::new();
    for (i, funder) in report.scenario.funders.iter().enumerate() {
        if funder.residual {
            continue;
        }
        for f in &report.projection.periods {
            let cumulative = f.cumulative_by_funder[i];
            if cumulative.is_negative() {
                out.push(Shortfall {
                    funder: funder.id.clone(),
                    funder_name: funder.name.clone(),
                    period: f.period.label(),
                    key: f.period.key,
                    end: f.period.end,
                    shortfall: ceil_ore(report.money(-cumulative)),
                });
            }
        }
    }
    out
}

/// `value` rounded up to a whole øre.
fn ceil_ore(value: Rational) -> Rational {
    (value * 100).ceil() / 100
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
            name: None,
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
                name: None,
                status: Status::Invalid(diagnostics),
                warnings: None,
            };
        }
    };
    let status = match engine::project_in(&scenario, options.by, options.prices) {
        Ok(projection) => {
            let report = Report::new(&scenario, projection);
            warnings.items.extend(report.warnings());
            let found = shortfalls(&report);
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
        name: Some(scenario.name),
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
