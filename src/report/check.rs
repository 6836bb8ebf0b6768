//! `check`: does every scenario balance? Each scenario is balanced, unbalanced (with each
//! shortfall), or invalid (with its errors); and the report of them all.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::grid::{At, Fig, Grid, RowHead};
use super::text::{self, Sentence, Text};
use super::{Block, Head, Page, Report};
use crate::diag::{Diagnostic, Diagnostics};
use crate::engine::{self, Shortfall};
use crate::load::{self, Loaded};
use crate::model::Scenario;
use crate::msg::Lang;
use crate::num::Rational;
use crate::period::By;

/// Whether a scenario is valid and balances.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Balanced,
    Unbalanced,
    Invalid,
}

/// One file checked.
#[derive(Debug, Clone)]
pub struct Checked {
    pub file: PathBuf,
    /// The scenario, where the file got far enough to have one.
    pub scenario: Option<Scenario>,
    /// Why it is invalid: its errors, or with `--deny-warnings` its warnings.
    pub errors: Option<Diagnostics>,
    /// Where it was computed: who is short, and what residual funders must still find.
    pub balance: Option<Balance>,
    /// Warnings of a valid file (none when they are denied: they are `errors` then).
    pub warnings: Option<Diagnostics>,
}

/// The balance verdict of a computed scenario.
#[derive(Debug, Clone, Default)]
pub struct Balance {
    /// Each period end where a funder that must balance does not (with
    /// `--require-funded`, residual funders too).
    pub shortfalls: Vec<Shortfall>,
    /// Each period end where a residual funder is below zero: what it must still find.
    pub must_find: Vec<Shortfall>,
}

impl Checked {
    pub fn status(&self) -> Status {
        if self.errors.is_some() {
            Status::Invalid
        } else if self
            .balance
            .as_ref()
            .is_some_and(|b| !b.shortfalls.is_empty())
        {
            Status::Unbalanced
        } else {
            Status::Balanced
        }
    }
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
        match c.status() {
            Status::Balanced => s.balanced += 1,
            Status::Unbalanced => s.unbalanced += 1,
            Status::Invalid => s.invalid += 1,
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
    /// A warning makes a scenario invalid (its balance is still checked and reported).
    pub deny_warnings: bool,
    /// What a residual funder must still find is a shortfall too: every funder must be
    /// funded.
    pub require_funded: bool,
}

/// Loads, projects and checks one file.
pub fn check_file(path: &Path, options: &Options) -> Checked {
    if let Some(d) = link_loop(path) {
        return Checked {
            file: path.to_path_buf(),
            scenario: None,
            errors: Some(d.into()),
            balance: None,
            warnings: None,
        };
    }
    let loaded = load::Prepared::open(path).and_then(|p| p.into_loaded(&options.overrides));
    // A scenario's bookings (`[actuals]`) are checked with it: every row read and mapped.
    let bookings = loaded
        .as_ref()
        .ok()
        .and_then(|l| crate::actuals::read(l, crate::actuals::Options::default()).err());
    let (scenario, mut warnings) = match loaded {
        Ok(Loaded {
            scenario, warnings, ..
        }) => (scenario, warnings),
        Err(diagnostics) => {
            return Checked {
                file: path.to_path_buf(),
                scenario: None,
                errors: Some(diagnostics),
                balance: None,
                warnings: None,
            };
        }
    };
    let (errors, balance): (Option<Diagnostics>, _) =
        match engine::project_in(&scenario, options.by, options.prices) {
            Ok(projection) => {
                warnings
                    .items
                    .extend(super::scenario::warnings(&scenario, &projection));
                let mut balance = Balance {
                    shortfalls: engine::shortfalls(&scenario, &projection),
                    must_find: engine::gaps(&scenario, &projection),
                };
                if options.require_funded {
                    balance.shortfalls.append(&mut balance.must_find);
                }
                (None, Some(balance))
            }
            Err(e) => (Some(e.diagnostic().into()), None),
        };
    let errors = match (errors, bookings) {
        (Some(mut e), Some(b)) => {
            e.merge(b);
            Some(e)
        }
        (e, b) => e.or(b),
    };
    let denied = options.deny_warnings && !warnings.items.is_empty() && errors.is_none();
    let (errors, warnings) = if denied {
        (Some(std::mem::take(&mut warnings).denied()), None)
    } else {
        (errors, Some(warnings))
    };
    Checked {
        file: path.to_path_buf(),
        scenario: Some(scenario),
        errors,
        balance,
        warnings,
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
            crate::msg::Msg::LinkLoop {
                target: target.display().to_string(),
            },
        )
        .help(crate::msg::Msg::HelpLinkLoop)
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
    /// `balanced` or `unbalanced`, where the scenario was computed (an invalid one too, when
    /// only its warnings were denied).
    pub balance: Option<&'static str>,
    pub shortfalls: Vec<Ends>,
    pub must_find: Vec<MustFindHead>,
    pub errors: Vec<ErrorHead>,
    /// Warnings that were not denied.
    pub warnings: Vec<ErrorHead>,
}

/// A funder's shortfalls: funder id, then each period's label, end and row of the grid of
/// shortfalls.
pub type Ends = (String, Vec<(String, Date, usize)>);

/// What a residual funder must still find: at the end of the window (its row of the grid, or
/// none where it is not short by then), and at each period end where it is short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MustFindHead {
    pub funder: String,
    pub by: Date,
    pub at_end: Option<usize>,
    pub periods: Vec<(String, Date, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorHead {
    /// The file the place is in, where it is not the scenario's own (a bookings export, a
    /// key file, a scenario it extends).
    pub file: Option<String>,
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// Each diagnostic's message (in `lang`) and place, and its file where that is not `scenario`.
fn places(d: &Diagnostics, lang: Lang, scenario: &Path) -> Vec<ErrorHead> {
    d.items
        .iter()
        .map(|e| {
            let place = e.line_column(&d.sources);
            let file = e
                .primary
                .as_ref()
                .map(|l| d.sources.path(l.span.file))
                .filter(|f| *f != scenario)
                .map(|f| f.display().to_string());
            ErrorHead {
                file,
                message: e.message.render(lang),
                line: place.map(|p| p.0),
                column: place.map(|p| p.1),
            }
        })
        .collect()
}

/// Every shortfall as a row of one grid (rounded up where shown), grouped by funder.
struct Rows {
    heads: Vec<RowHead>,
    amounts: Vec<Rational>,
}

impl Rows {
    /// The shortfalls of `s`, by funder in the scenario's order: their heads for data, their
    /// sentences for people.
    fn add(&mut self, s: &Scenario, found: &[Shortfall]) -> (Vec<Ends>, text::Short<Fig>) {
        let mut heads: Vec<Ends> = Vec::new();
        let mut people: text::Short<Fig> = Vec::new();
        for (i, funder) in s.funders.iter().enumerate() {
            let mine: Vec<&Shortfall> = found.iter().filter(|sf| sf.funder == i).collect();
            if mine.is_empty() {
                continue;
            }
            let mut ends = Vec::new();
            let mut said = Vec::new();
            for sf in mine {
                let row = self.heads.len();
                self.heads.push(RowHead::new(&funder.id, &funder.name));
                self.amounts.push(sf.amount);
                ends.push((sf.key.label(), sf.end, row));
                said.push(text::Shortfall {
                    amount: At(0).cell(row, 0),
                    period: sf.key,
                    end: sf.end,
                });
            }
            heads.push((funder.id.clone(), ends));
            people.push((funder.name.clone(), said));
        }
        (heads, people)
    }
}

/// The report of a check: a line per scenario and a summary; every shortfall and every gap a
/// residual funder must fill is a figure of one grid, rounded up where shown (the least amount
/// that closes it). Errors and warnings are said in `lang`, as the loader's messages are put
/// into words only when shown.
pub fn report(checked: &[Checked], lang: Lang) -> Report {
    let mut rows = Rows {
        heads: Vec::new(),
        amounts: Vec::new(),
    };
    let mut heads = Vec::new();
    let mut lines = Vec::new();
    for c in checked {
        let status = c.status();
        let mut head = CheckedHead {
            file: c.file.display().to_string(),
            name: c.scenario.as_ref().map(|s| s.name.clone()),
            status: match status {
                Status::Balanced => "balanced",
                Status::Unbalanced => "unbalanced",
                Status::Invalid => "invalid",
            },
            balance: c.balance.as_ref().map(|b| {
                if b.shortfalls.is_empty() {
                    "balanced"
                } else {
                    "unbalanced"
                }
            }),
            shortfalls: Vec::new(),
            must_find: Vec::new(),
            errors: c
                .errors
                .as_ref()
                .map(|d| places(d, lang, &c.file))
                .unwrap_or_default(),
            warnings: c
                .warnings
                .as_ref()
                .map(|d| places(d, lang, &c.file))
                .unwrap_or_default(),
        };
        let mut short = Vec::new();
        let mut must_find = Vec::new();
        if let (Some(s), Some(b)) = (&c.scenario, &c.balance) {
            let (h, people) = rows.add(s, &b.shortfalls);
            head.shortfalls = h;
            short = people;
            let (h, people) = rows.add(s, &b.must_find);
            for ((funder, periods), (name, _)) in h.into_iter().zip(people) {
                // Short at the end of the window: what it must still find by then.
                let at_end = periods
                    .last()
                    .filter(|(_, end, _)| *end == s.window.to)
                    .map(|p| p.2);
                if let Some(row) = at_end {
                    must_find.push((name, At(0).cell(row, 0), s.window.to));
                }
                head.must_find.push(MustFindHead {
                    funder,
                    by: s.window.to,
                    at_end,
                    periods,
                });
            }
        }
        let invalid = c.errors.as_ref().map(|d| {
            let first = d
                .errors()
                .next()
                .map(|e| e.one_line(&d.sources, lang))
                .unwrap_or_default();
            (first, d.errors().count().saturating_sub(1))
        });
        let status = match (status, invalid) {
            (Status::Invalid, Some((first, more))) => text::Status::Invalid { first, more, short },
            (Status::Unbalanced, _) => text::Status::Unbalanced(short),
            _ => text::Status::Balanced,
        };
        lines.push(Sentence::Checked(text::Checked {
            file: head.file.clone(),
            name: head.name.clone(),
            status,
            must_find,
        }));
        heads.push(head);
    }
    let s = summary(checked);
    lines.push(Sentence::Summary {
        balanced: s.balanced,
        unbalanced: s.unbalanced,
        invalid: s.invalid,
    });
    Report {
        head: Head::Check(CheckHead {
            scenarios: heads,
            summary: s,
        }),
        grids: vec![Grid::shortfalls(rows.heads, rows.amounts)],
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
