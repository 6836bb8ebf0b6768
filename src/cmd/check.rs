//! `klimabudget check [PATH ...]`: does every scenario balance? For CI.

use std::path::PathBuf;

use super::{Env, Error, Exit};
use crate::diag::Diagnostic;
use crate::export::Format;
use crate::num::Unit;
use crate::period::By;
use crate::report::Mode;
use crate::report::check;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CheckFormat {
    /// One line per scenario, then a summary.
    #[default]
    Text,
    Json,
    /// GitHub Actions workflow commands: an annotation per error, warning and shortfall.
    Github,
    /// A JUnit XML report: a test case per scenario, for any CI server.
    Junit,
}

/// What `klimabudget check` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub paths: Vec<PathBuf>,
    pub by: By,
    pub format: CheckFormat,
    /// What a residual funder must still find fails the check too.
    pub require_funded: bool,
    pub scenarios: super::ScenarioOptions,
}

/// The paths to check: those given, or `scenarios/` where it exists.
fn paths(args: &Options) -> Result<Vec<PathBuf>, Error> {
    if !args.paths.is_empty() {
        return Ok(args.paths.clone());
    }
    let default = PathBuf::from("scenarios");
    if default.is_dir() {
        return Ok(vec![default]);
    }
    Err(Error::Input(
        Diagnostic::error(&default, crate::msg::Msg::NoScenariosDir)
            .help(crate::msg::Msg::HelpCheckWhat)
            .into(),
    ))
}

pub fn run(args: &Options, env: &mut Env) -> Result<Exit, Error> {
    let paths = paths(args)?;
    let files = check::scenario_files(&paths);
    if files.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Input(
            Diagnostic::error(
                &paths[0],
                crate::msg::Msg::NoScenarioFiles {
                    paths: shown.join(", "),
                },
            )
            .help(crate::msg::Msg::HelpCheckFiles)
            .into(),
        ));
    }
    let options = check::Options {
        by: args.by,
        prices: args.scenarios.prices,
        overrides: args.scenarios.overrides(),
        deny_warnings: env.deny_warnings,
        require_funded: args.require_funded,
    };
    let checked: Vec<check::Checked> = files
        .iter()
        .map(|f| check::check_file(f, &options))
        .collect();
    for c in &checked {
        if let Some(w) = c.warnings.as_ref().filter(|w| !w.items.is_empty()) {
            writeln!(env.err, "{}", w.render(env.color_err, env.lang))?;
        }
        if let Some(d) = &c.errors {
            writeln!(env.err, "{}", d.render(env.color_err, env.lang))?;
        }
    }
    // Shortfalls to the øre, rounded up: the least amount that closes each gap.
    let format = match args.format {
        CheckFormat::Text => Format::Table,
        CheckFormat::Json => Format::Json,
        CheckFormat::Github => Format::Github,
        CheckFormat::Junit => Format::Junit,
    };
    let options = super::options(env, Unit::Ore, Mode::Controlled, true);
    super::print(env, &check::report(&checked, env.lang), format, &options)?;
    let s = check::summary(&checked);
    Ok(if s.invalid > 0 {
        Exit::Invalid
    } else if s.unbalanced > 0 {
        Exit::Unbalanced
    } else {
        Exit::Success
    })
}
